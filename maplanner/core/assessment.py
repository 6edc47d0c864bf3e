"""The result of `maplanner assess`: what the rules decided, and why.

`maplanner.core.rules.assess(profile, catalog)` returns an `Assessment`. Other
commands (batch, report, history) read these fields, so their names are stable:

- ``tier`` / ``tier_name`` / ``tier_rule``: the one career tier and the rule that
  decided it (see `maplanner.core.placement`);
- ``estimated_percentile``: where in the national wage distribution this profile is
  expected to stand, the sum of ``factors`` (each with its points and reason),
  clamped to the data's floor and ceiling;
- ``range``: the estimate plus and minus the data's half width, in percentiles and
  in dollars (interpolated figures are marked as estimates; outside the published
  10th-90th only the bound is given, "over $57,830");
- ``pay_standing``: where the person's own pay stands against the estimate, or None
  when no pay was given;
- ``next_steps``: certifications (largest gain in the estimate first), then skills,
  then roles, each with a reason and when it fits; ``top_next_step`` is the first;
- ``paths``: alternative and advancement paths worth a look;
- ``profile`` (the answers, normalized) and ``data_vintage`` (the wage release).
"""

from typing import Literal

from maplanner.core.money import Pay
from maplanner.core.profile import Profile
from maplanner.core.result import Result as _Result
from maplanner.core.wages import WageAtPercentile, WageStanding

#: How pay compares with the estimated range.
Versus = Literal["below", "in-line", "above"]


FactorId = Literal[
    "experience",
    "primary-credential",
    "specialty-credentials",
    "other-credentials",
    "specialty-practice",
    "leadership",
    "setting",
    "limit",
]


class Factor(_Result):
    """One explainable part of the estimate: its points (percentile points) and why."""

    id: FactorId
    name: str
    points: float
    reason: str


class WageRange(_Result):
    """The estimate as a band of percentiles, and what that band pays.

    ``estimate_text`` says where the estimate stands ("about the 38th percentile");
    ``percentile_text`` says where the estimate and its range stand ("about the 38th
    percentile (likely 31st to 45th)", "below the 10th percentile (under $35,020 a
    year)"), following `maplanner.core.percentile_text`. ``annual_text`` and
    ``hourly_text`` say what it pays in words a person can read, with the right hedges
    ("about" for interpolated figures, "over $57,830" beyond the 90th).
    """

    low_percentile: float
    high_percentile: float
    estimate_text: str
    percentile_text: str
    low: WageAtPercentile
    at_estimate: WageAtPercentile
    high: WageAtPercentile
    annual_text: str
    hourly_text: str
    #: Whether an hourly figure of the range is annual / hours (BLS published none there).
    hourly_derived: bool
    note: str


class PayStanding(_Result):
    """Where the pay a person gave stands, next to where we would expect it."""

    pay: Pay
    annual: float
    standing: WageStanding
    versus_estimate: Versus
    summary: str


class NextStep(_Result):
    """One thing to do next: a certification, a skill or a role to aim for.

    For a certification, ``estimate_after`` and ``gain`` say what adding it would do
    to the estimated percentile (the rules run again with it held); for skills and
    roles they are None. ``eligible`` is False for a credential the person cannot sit
    yet: ``when`` then says when it can become possible and ``requires`` what the
    issuer asks (see `maplanner.core.eligibility`); never "now".
    """

    kind: Literal["certification", "skill", "role"]
    id: str | None
    title: str
    reason: str
    when: str
    estimate_after: float | None = None
    gain: float | None = None
    eligible: bool = True
    requires: str | None = None


class PathSuggestion(_Result):
    """A career path the person already meets the usual experience for."""

    id: str
    name: str
    kind: Literal["advancement", "alternative"]
    min_years: float
    time_to_get_there: str
    credentials_held: tuple[str, ...]
    credentials_missing: tuple[str, ...]
    reason: str


LeverKind = Literal["credential", "specialty", "leadership", "setting", "place"]


class Lever(_Result):
    """One way to raise the estimate, with what it would do and what it takes.

    ``what_if`` is the change as `assess --what-if` takes it; ``per_year`` is the
    yearly pay gain per year of effort, the ranking key (0 for a lever that is not
    open yet, which is ranked after the open ones).
    """

    kind: LeverKind
    id: str
    title: str
    what_if: str
    estimate_after: float
    gain: float
    pay_gain: float
    pay_gain_text: str
    months: int | None
    time_text: str
    eligible: bool
    when: str
    requires: str | None
    per_year: float


class LeverList(_Result):
    rule: str
    levers: tuple[Lever, ...]


class Side(_Result):
    """One column of the comparison: tier, estimate and the pay at the estimate."""

    tier: str
    tier_name: str
    estimated_percentile: float
    pay: WageAtPercentile
    pay_text: str


class WhatIf(_Result):
    """The person now and with `changes`, and the difference (what-if minus now)."""

    changes: tuple[str, ...]
    now: Side
    what_if: Side
    profile: Profile
    tier_changed: bool
    percentile_change: float
    pay_change: float
    pay_change_text: str


class ChartPoint(_Result):
    """A published point of the table the assessment's dollar figures come from."""

    percentile: int
    annual: float


class ChartTable(_Result):
    """The wage table behind the range, the pay comparison and the chart: national,
    or the place's when one was given."""

    occupation: str
    soc_code: str
    area: str
    vintage: str
    source: str
    points: tuple[ChartPoint, ...]


class AssessedPlace(_Result):
    """The place whose table the dollar figures use."""

    kind: str
    code: str
    name: str
    postal: str | None


class Assessment(_Result):
    """Tier, estimated wage percentile, how the pay compares, and what to do next.

    The estimated percentile is a position in the distribution; `table` is the table
    its dollar range and the pay comparison read (the place's when `place` is set).
    """

    tier: str
    tier_name: str
    tier_rule: str
    estimated_percentile: float
    factors: tuple[Factor, ...]
    range: WageRange
    pay_standing: PayStanding | None
    career_year: int
    roadmap_band: str
    roadmap_band_name: str
    next_steps: tuple[NextStep, ...]
    paths: tuple[PathSuggestion, ...]
    profile: Profile
    data_vintage: str
    student: bool = False
    levers: LeverList | None = None
    what_if: WhatIf | None = None
    place: AssessedPlace | None = None
    table: ChartTable | None = None

    @property
    def top_next_step(self) -> NextStep | None:
        """The first next step: the certification that raises the estimate most, if any."""
        return self.next_steps[0] if self.next_steps else None
