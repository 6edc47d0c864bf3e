"""The decisions a plan makes, without the plan's result models: which steps a person
has behind them, which credentials each year earns, and so how many years a plan takes.

Why apart from `maplanner.core.plan`: `assess` prices a lead role by the years its plan
takes (levers.toml) but shows no plan, and defining the plan's result models would cost
it more than counting the years. `make_plan` makes the same decisions through these
functions, so the years `assess` states are the plan's own.
"""

import math
from typing import TYPE_CHECKING

from maplanner.catalog.catalog import Catalog
from maplanner.core.profile import Profile

if TYPE_CHECKING:
    from maplanner.catalog.paths import CareerPath, Condition, PathStep


class PlanState:
    """What the person holds as the plan goes on: credentials held, or earned in a year."""

    def __init__(self, profile: Profile) -> None:
        self.held = set(profile.cert_ids)
        self.earned: dict[str, int] = {}
        self.leads = profile.leads

    def has(self, cert_id: str) -> bool:
        return cert_id in self.held or cert_id in self.earned

    def why(self, cert_id: str) -> str:
        if cert_id in self.held:
            return f"you hold {cert_id}"
        return f"you earn {cert_id} in career year {self.earned[cert_id]} of this plan"

    def in_plan(self, cert_ids: list[str]) -> bool:
        """True when the first credential that satisfies a rule is earned in the plan."""
        have = [cert_id for cert_id in cert_ids if self.has(cert_id)]
        return bool(have) and have[0] not in self.held


def meets(catalog: Catalog, condition: "Condition | None", state: PlanState) -> str | None:
    """Why the condition holds for this person, in words, or None when it does not."""
    if condition is None:
        return None
    parts: list[str] = []
    if condition.credentials:
        have = [cert_id for cert_id in condition.credentials if state.has(cert_id)]
        if not have:
            return None
        parts.append(state.why(have[0]))
    if condition.leadership:
        if state.leads not in condition.leadership:
            return None
        level = catalog.leadership(state.leads)
        parts.append(f"you said --leads {level.id} ({level.hint})")
    return " and ".join(parts)


def building_years(path: "CareerPath", profile: Profile) -> int:
    """Whole years of MA experience a plan adds before the path's first step."""
    shortfall = path.min_years - profile.years
    return math.ceil(shortfall) if shortfall > 0 else 0


def step_credentials(step: "PathStep", state: PlanState) -> list[tuple[str, list[str]]]:
    """(credential, its alternatives) a step earns: those held or earned are left out,
    and alternatives count as one."""
    if step.choose_one:
        if any(state.has(cert_id) for cert_id in step.credentials):
            return []
        chosen, *others = step.credentials
        return [(chosen, others)]
    return [(cert_id, []) for cert_id in step.credentials if not state.has(cert_id)]


def experience_credentials(
    catalog: Catalog, path: "CareerPath", profile: Profile, state: PlanState, year: int
) -> list[tuple[str, list[str], str]]:
    """(credential, its alternatives, the roadmap's reason) that a year of building
    experience earns, each marked earned in `state`: of the roadmap band's credentials,
    only those that serve this person (one primary MA credential if none is held, the
    life-support card, credentials for their specialty, and credentials that lead to
    this path that no step names)."""
    band = catalog.band_for_year(year)
    primaries = [c.id for c in catalog.certifications if c.primary]
    specialty = catalog.specialty(profile.specialty).credentials if profile.specialty else []
    in_steps = {cert_id for step in path.steps for cert_id in step.credentials}
    chosen: list[tuple[str, list[str], str]] = []
    for planned in band.certs:
        cert = catalog.certification(planned.cert)
        if state.has(cert.id):
            continue
        if cert.primary:
            if any(state.has(other) for other in primaries):
                continue  # so none of the others is held either
            others = [p.cert for p in band.certs if p.cert != cert.id and p.cert in primaries]
        else:
            serves_path = cert.id in path.credentials or path.id in cert.unlocks.paths
            wanted = (
                cert.track == "life-support"
                or cert.id in specialty
                or (serves_path and cert.id not in in_steps)
            )
            if not wanted:
                continue
            others = []
        chosen.append((cert.id, others, planned.reason))
        state.earned[cert.id] = year
    return chosen


def plan_years(profile: Profile, catalog: Catalog, goal_id: str) -> int:
    """How many years `make_plan` gives toward the path `goal_id` (0 when the person is
    already there, or every step is behind them)."""
    path = catalog.path(goal_id)
    state = PlanState(profile)
    if meets(catalog, path.reached_when, state) is not None:
        return 0
    year = math.floor(profile.years) + 1
    building = building_years(path, profile)
    for _ in range(building):
        experience_credentials(catalog, path, profile, state, year)
        year += 1
    stepped = 0
    for step in path.steps:
        if meets(catalog, step.done_when, state) is not None:
            continue
        # Only whether a credential is earned counts here; make_plan says in which year.
        state.earned.update((cert_id, year) for cert_id, _ in step_credentials(step, state))
        stepped += step.years
    return building + stepped if stepped else 0
