"""A year-by-year plan from where a person stands to one career path's destination.

How the plan is built, in order:

1. If the path's `reached_when` rule holds, the answer is "already there" plus the
   paths that could come next (no table).
2. Career years are counted as in the roadmap: year 1 is the first year on the job,
   so someone with 4 years as an MA is starting year 5.
3. If the person has less MA experience than the path usually expects (`min_years`),
   the plan first adds whole years to build it, each following the roadmap band for
   that year: its skills, and of its credentials only those that serve this person
   (one primary MA credential if none is held, the CPR/BLS card, credentials for
   their specialty, credentials that lead to this path and that no step names).
4. Then the path's steps, one after another. A step whose `done_when` rule holds is
   skipped and reported with the reason; credentials held, or earned earlier in the
   plan, are not earned again. A step of N years fills N plan years: the earlier ones
   end at its `midway` milestone, the last at its `milestone`, and any credential is
   earned in that last year.
5. If every step is skipped, the path is reached as well.

All the rules live in data/paths.toml and data/roadmap.toml; this module evaluates them.
"""

import math
from typing import Literal

from maplanner.catalog.catalog import Catalog
from maplanner.catalog.paths import CareerPath, PathStep
from maplanner.core.paths import PathPay
from maplanner.core.placement import experience_tier
from maplanner.core.plan_steps import PlanState as _State
from maplanner.core.plan_steps import building_years, experience_credentials, step_credentials
from maplanner.core.plan_steps import meets as _meets
from maplanner.core.profile import Profile
from maplanner.core.refs import Ref, source_ref
from maplanner.core.result import Result as _Result
from maplanner.core.text import years_count

#: How the plan reads the guides: said once, in every plan.
GENERAL_ASSUMPTIONS = (
    "You work full time while you follow the plan.",
    "Steps come one after another; doing two at once, such as studying while you work, "
    "can make the plan shorter.",
    "Credentials you hold are not earned again and steps you have done are left out; "
    "steps maplanner cannot see in your answers stay in, so skip any you have done.",
)


class PlanCredential(_Result):
    """A credential to earn in a plan year, with any equally good alternatives.

    ``requires`` is what its issuer asks (eligibility.toml), and ``eligible`` False
    when the person's answers do not meet it by that year (a CMPE without a
    bachelor's): the plan still shows the step, with what it needs.
    """

    id: str
    name: str
    alternatives: list[Ref]
    reason: str | None
    requires: str | None = None
    eligible: bool = True
    when: str | None = None


class PlanYear(_Result):
    year: int
    kind: Literal["experience", "step"]
    title: str
    band: str | None
    step_number: int | None
    year_of_step: int
    step_years: int
    credentials: list[PlanCredential]
    skills: list[str]
    role: str
    milestone: str


class SkippedStep(_Result):
    """A step left out: done before the plan starts ("before"), or covered by an
    earlier year of this plan ("in-plan": a credential the experience years earn)."""

    number: int
    title: str
    reason: str
    when: Literal["before", "in-plan"] = "before"


class Goal(_Result):
    id: str
    name: str
    kind: Literal["advancement", "alternative"]


class PlanResult(_Result):
    goal: Goal
    status: Literal["plan", "reached"]
    summary: str
    years_as_ma: float
    first_year: int | None
    last_year: int | None
    total_years: int
    years: list[PlanYear]
    skipped: list[SkippedStep]
    next_paths: list[Ref]
    assumptions: list[str]
    #: The goal's pay: its BLS occupation nationally and in the person's place.
    pay: PathPay | None = None


def make_plan(profile: Profile, catalog: Catalog, goal_id: str) -> PlanResult:
    """The plan for a (normalized) profile toward the path `goal_id` (a known id)."""
    path = catalog.path(goal_id)
    state = _State(profile)
    goal = Goal.model_construct(id=path.id, name=path.name, kind=path.kind)
    already = _meets(catalog, path.reached_when, state)
    if already is not None:
        return _reached(catalog, path, profile, goal, f"{already}.", [])

    first = math.floor(profile.years) + 1
    year = first
    years: list[PlanYear] = []
    building = building_years(path, profile)
    for number in range(building):
        years.append(_experience_year(catalog, path, profile, state, year, number + 1 == building))
        year += 1

    skipped: list[SkippedStep] = []
    for number, step in enumerate(path.steps, 1):
        reason = _meets(catalog, step.done_when, state)
        if reason is not None:
            done_in_plan = step.done_when is not None and state.in_plan(step.done_when.credentials)
            skipped.append(
                SkippedStep.model_construct(
                    number=number,
                    title=step.title,
                    reason=reason,
                    when="in-plan" if done_in_plan else "before",
                )
            )
            continue
        credentials = [
            _with_eligibility(catalog, profile, credential, year + step.years - 1)
            for credential in _step_credentials(catalog, step, state)
        ]
        for within in range(1, step.years + 1):
            last = within == step.years
            years.append(
                PlanYear.model_construct(
                    year=year,
                    kind="step",
                    title=step.title,
                    band=None,
                    step_number=number,
                    year_of_step=within,
                    step_years=step.years,
                    credentials=credentials if last else [],
                    skills=list(step.skills),
                    role=step.role,
                    milestone=step.milestone if last else (step.midway or step.milestone),
                )
            )
            if last:
                state.earned.update((credential.id, year) for credential in credentials)
            year += 1

    if len(skipped) == len(path.steps):
        reasons = "; ".join(f"{s.title.lower()}: {s.reason}" for s in skipped)
        summary = f"every step of this path that maplanner can check is behind you ({reasons})."
        return _reached(catalog, path, profile, goal, summary, skipped)

    last_year = years[-1].year
    span = (
        f"career year {first}"
        if last_year == first
        else f"from career year {first} to {last_year}"
    )
    return PlanResult.model_construct(
        goal=goal,
        status="plan",
        summary=(
            f"{years_count(len(years))}, {span}: {path.goal} by the end of year {last_year}."
        ),
        years_as_ma=profile.years,
        first_year=first,
        last_year=last_year,
        total_years=len(years),
        years=years,
        skipped=skipped,
        next_paths=[
            Ref.model_construct(id=other, name=catalog.path(other).name) for other in path.next
        ],
        assumptions=_assumptions(catalog, path, profile, first, building),
    )


#: Skipped steps are shown in two groups, each under its own heading, in this order.
SKIPPED_HEADINGS = (("in-plan", "Done earlier in this plan"), ("before", "Already behind you"))


def skipped_groups(plan: PlanResult) -> list[tuple[str, list[str]]]:
    """(heading, lines) for each non-empty group of skipped steps: a step covered by an
    earlier year of the plan is not "already behind you"."""
    groups: list[tuple[str, list[str]]] = []
    for when, heading in SKIPPED_HEADINGS:
        lines = [f"{step.title}: {step.reason}." for step in plan.skipped if step.when == when]
        if lines:
            groups.append((heading, lines))
    return groups


def _reached(
    catalog: Catalog,
    path: CareerPath,
    profile: Profile,
    goal: Goal,
    reason: str,
    skipped: list[SkippedStep],
) -> PlanResult:
    return PlanResult.model_construct(
        goal=goal,
        status="reached",
        summary=f"You have already reached {path.name}: {reason}",
        years_as_ma=profile.years,
        first_year=None,
        last_year=None,
        total_years=0,
        years=[],
        skipped=skipped,
        next_paths=[
            Ref.model_construct(id=other, name=catalog.path(other).name) for other in path.next
        ],
        assumptions=[],
    )


def _with_eligibility(
    catalog: Catalog, profile: Profile, credential: PlanCredential, year: int
) -> PlanCredential:
    """The credential with what its issuer asks, checked as of that career year."""
    from maplanner.core.eligibility import check

    open_to = check(profile, catalog, credential.id, years=float(max(year - 1, 0)))
    if open_to.requires is None:
        return credential
    return credential.model_copy(
        update={"requires": open_to.requires, "eligible": open_to.eligible, "when": open_to.when}
    )


def _step_credentials(catalog: Catalog, step: PathStep, state: _State) -> list[PlanCredential]:
    """A step's credentials minus those held or earned; alternatives count as one."""
    return [
        _credential(catalog, cert_id, others, None)
        for cert_id, others in step_credentials(step, state)
    ]


def _experience_year(
    catalog: Catalog,
    path: CareerPath,
    profile: Profile,
    state: _State,
    year: int,
    last: bool,
) -> PlanYear:
    """One year of building the MA experience a path expects, from the roadmap."""
    band = catalog.band_for_year(year)
    chosen = [
        _with_eligibility(catalog, profile, _credential(catalog, cert_id, others, reason), year)
        for cert_id, others, reason in experience_credentials(catalog, path, profile, state, year)
    ]
    milestone = (
        f"{years_count(year)} as an MA: the experience this path usually expects "
        "before its first step."
        if last
        else f"{years_count(year)} as an MA, with this year's skills in hand."
    )
    return PlanYear.model_construct(
        year=year,
        kind="experience",
        title="Build MA experience",
        band=band.name,
        step_number=None,
        year_of_step=1,
        step_years=1,
        credentials=chosen,
        skills=list(band.skills),
        role=experience_tier(catalog, year - 1).titles[0],
        milestone=milestone,
    )


def _credential(
    catalog: Catalog, cert_id: str, alternatives: list[str], reason: str | None
) -> PlanCredential:
    return PlanCredential.model_construct(
        id=cert_id,
        name=catalog.certification(cert_id).name,
        alternatives=[
            Ref.model_construct(id=o, name=catalog.certification(o).name) for o in alternatives
        ],
        reason=reason,
    )


def _assumptions(
    catalog: Catalog, path: CareerPath, profile: Profile, first: int, building: int
) -> list[str]:
    said = [
        f"You have {years_count(profile.years)} as an MA, so the plan starts in career "
        f"year {first} (year 1 is the first year on the job)."
    ]
    if building:
        said.append(
            f"{path.name} usually follows at least {years_count(path.min_years)} as an MA, "
            f"so the plan first adds {years_count(building)} to build that experience, "
            "following maplanner's roadmap. Of the roadmap's credentials it keeps those that "
            "serve every MA, your specialty or this path; 'maplanner certs' lists the rest."
        )
    elif path.min_years > 0:
        said.append(
            f"You already have the {years_count(path.min_years)} of MA experience this "
            "path usually expects."
        )
    times = source_ref(catalog, path.times.source)
    basis = path.times.note or f"Source: {times.publisher}, {times.title}."
    said.append(f"Times are typical, not promises. {basis}")
    said.extend(GENERAL_ASSUMPTIONS)
    return said
