"""Certifications, with every verified fact tied to its source.

A fact nobody could verify is the literal string "not verified" in the data, so the
file itself says what is known and what is not, and no renderer has to guess.
"""

from collections import defaultdict
from typing import Annotated, Literal, Self

from pydantic import Field, model_validator

from maplanner.catalog.base import Id, Strict, Text

Track = Literal["clinical", "administrative", "specialty", "leadership", "life-support"]
TRACKS: tuple[Track, ...] = (
    "clinical",
    "administrative",
    "specialty",
    "leadership",
    "life-support",
)
NotVerified = Literal["not verified"]


class Eligibility(Strict):
    text: Text
    source: Id


class ExamFee(Strict):
    amount: int = Field(gt=0, le=10_000)
    applies_to: Text
    source: Id


Month = Annotated[str, Field(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")]

#: How an issuer counts a credential's renewal (see maplanner/core/renewals.py):
#: - rolling: due a whole cycle after the month earned or last renewed (CMA, COA);
#: - end-of-month: valid a cycle, through the last day of the month it was issued (AHA BLS);
#: - fixed-cycle: one calendar cycle shared by every holder (CMPE), from `cycle_start`;
#: - membership: due in the membership month, in the years the issuer sets (CPC);
#: - annual-fee: a fee each year in the month earned, and cycles that roll on (RMA).
RenewalKind = Literal["rolling", "end-of-month", "fixed-cycle", "membership", "annual-fee"]


class CEMinimum(Strict):
    """At least `minimum` units that fit: of the listed categories (any when empty), and
    from the issuer (or approved by it) when `from_issuer`."""

    label: Text
    minimum: int = Field(ge=0)
    categories: list[Id] = Field(default_factory=list)
    from_issuer: bool = False


class Proration(Strict):
    """What someone certified part-way into a shared cycle owes by its end: certified
    before `before_month` months into the cycle, `total` units and the minimums, in order."""

    before_month: int = Field(gt=0, le=240)
    total: int = Field(ge=0)
    minimums: list[int]
    source: Id


class ContinuingEducation(Strict):
    total: int = Field(gt=0)
    unit: Text
    categories: list[Id] = Field(
        default_factory=list, description="What a credit can be recorded as; none when empty."
    )
    minimums: list[CEMinimum] = Field(default_factory=list)
    issuer_share: Text | None = Field(
        default=None, description="What a credit from the issuer is called (AAMA-approved)."
    )
    prorated: list[Proration] = Field(default_factory=list)
    note: Text | None = None

    @model_validator(mode="after")
    def _minimums_fit(self) -> Self:
        for part in self.minimums:
            if part.minimum > self.total:
                raise ValueError(f"minimum {part.label!r} is more than the total {self.total}")
            unknown = set(part.categories) - set(self.categories)
            if unknown:
                raise ValueError(f"minimum {part.label!r} names unknown categories {unknown}")
            if part.from_issuer and self.issuer_share is None:
                raise ValueError(f"minimum {part.label!r} counts issuer credits: set issuer_share")
        by_category = sum(p.minimum for p in self.minimums if not p.from_issuer and p.categories)
        if by_category > self.total:
            raise ValueError(f"the category minimums add up to {by_category}, over {self.total}")
        for row in self.prorated:
            if len(row.minimums) != len(self.minimums) or row.total > self.total:
                raise ValueError("each prorated row needs a total and one figure per minimum")
        months = [row.before_month for row in self.prorated]
        if months != sorted(set(months)):
            raise ValueError("prorated rows must run in order of before_month")
        return self


class AnnualFee(Strict):
    amount: int | NotVerified
    source: Id


class Renewal(Strict):
    kind: RenewalKind = "rolling"
    cycle_months: int = Field(gt=0, le=240)
    cycle_start: Month | None = Field(
        default=None, description="fixed-cycle: the first month of one shared cycle."
    )
    due_example: Month | None = Field(
        default=None,
        description="membership: one due month from the issuer's example; due years for "
        "other membership months alternate from it.",
    )
    annual_fee: AnnualFee | None = None
    how: Text
    continuing_education: ContinuingEducation | None = None
    source: Id

    @model_validator(mode="after")
    def _kind_has_its_facts(self) -> Self:
        if (self.kind == "fixed-cycle") != (self.cycle_start is not None):
            raise ValueError("cycle_start is needed by, and only by, a fixed-cycle renewal")
        if (self.kind == "membership") != (self.due_example is not None):
            raise ValueError("due_example is needed by, and only by, a membership renewal")
        if self.kind in ("membership", "annual-fee") and self.annual_fee is None:
            raise ValueError(f"a {self.kind} renewal needs its annual_fee")
        cycle = self.cycle_months
        rows = self.continuing_education.prorated if self.continuing_education else []
        if rows and (self.kind != "fixed-cycle" or rows[-1].before_month != cycle):
            raise ValueError("prorated rows belong to a fixed cycle and must end at its length")
        return self


class Unlocks(Strict):
    tiers: list[Id] = Field(default_factory=list)
    roles: list[Text] = Field(default_factory=list)
    paths: list[Id] = Field(default_factory=list)


class LadderRung(Strict):
    """Where a credential stands on a published ladder (COA, then COT, then COMT).

    Kept as data because the order is the issuer's, and nothing else in the file
    (stage, related) can tell two rungs of the same stage apart.
    """

    name: Text = Field(description="The ladder's name, shared by all its rungs.")
    rung: int = Field(ge=1, le=20, description="1 for the first rung.")
    source: Id


class NotThis(Strict):
    """Names people type that mean something else, e.g. "CPT codes" for the CPT credential.

    A look-up of one of these names explains the mix-up instead of showing the
    credential, so the two are never presented as the same thing.
    """

    names: list[Text] = Field(min_length=1)
    explanation: Text
    see: list[Id] = Field(default_factory=list, description="Credentials to look at instead.")


class Certification(Strict):
    id: Id
    name: Text
    issuer: Text
    track: Track
    primary: bool = Field(
        default=False,
        description="A primary MA credential, one programs recognise (MAERB): CMA, RMA, "
        "CCMA, NCMA, CMAC.",
    )
    stage: Id = Field(description="The roadmap band in which it usually fits.")
    aliases: list[Text] = Field(default_factory=list)
    value: Text = Field(description="One line on why it is worth having.")
    caution: Text | None = Field(default=None, description="A confusion to warn about.")
    eligibility: Eligibility | NotVerified
    exam_fees: list[ExamFee] | NotVerified
    renewal: Renewal | NotVerified
    unlocks: Unlocks
    related: list[Id] = Field(default_factory=list)
    ladder: LadderRung | None = None
    not_this: NotThis | None = None
    source: Id = Field(description="Where the credential itself is named.")


class RenewalWarning(Strict):
    """How early `certs --due` flags a renewal: a product choice, not an issuer's rule."""

    due_soon_months: int = Field(ge=0, le=60)
    reminder_days: list[int] = Field(default_factory=lambda: [90, 30, 7], max_length=10)
    source: Id

    @model_validator(mode="after")
    def _reminders_sensible(self) -> Self:
        days = self.reminder_days
        if any(not 0 <= day <= 730 for day in days) or len(set(days)) != len(days):
            raise ValueError("reminder_days: distinct whole days from 0 to 730")
        return self


class CertificationsFile(Strict):
    renewals: RenewalWarning
    certification: list[Certification] = Field(min_length=1)

    @model_validator(mode="after")
    def _names_unique(self) -> Self:
        """An id, name or alias must point at one credential, so a lookup never has to guess."""
        owner: dict[str, str] = {}
        for cert in self.certification:
            names = {
                cert.id,
                cert.name,
                *cert.aliases,
                *(cert.not_this.names if cert.not_this else []),
            }
            for name in {name.lower() for name in names}:
                if name in owner and owner[name] != cert.id:
                    raise ValueError(f"{name!r} names both {owner[name]} and {cert.id}")
                owner[name] = cert.id
        return self

    @model_validator(mode="after")
    def _not_this_points_somewhere(self) -> Self:
        known = {cert.id for cert in self.certification}
        for cert in self.certification:
            for other in cert.not_this.see if cert.not_this else []:
                if other not in known:
                    raise ValueError(f"{cert.id}.not_this.see: unknown certification id {other!r}")
        return self

    @model_validator(mode="after")
    def _ladders_complete(self) -> Self:
        """Each ladder's rungs run 1, 2, 3... with none missing or doubled."""
        rungs: dict[str, list[int]] = defaultdict(list)
        for cert in self.certification:
            if cert.ladder is not None:
                rungs[cert.ladder.name].append(cert.ladder.rung)
        for name, numbers in rungs.items():
            if sorted(numbers) != list(range(1, len(numbers) + 1)):
                raise ValueError(
                    f"ladder {name!r} has rungs {sorted(numbers)}; expected 1 to {len(numbers)}"
                )
        return self
