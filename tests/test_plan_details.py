"""Details of core/plan.py: the years a plan adds to build experience, and when a
credential's requirements are checked."""

import pytest

from maplanner.catalog.catalog import Catalog
from maplanner.catalog.paths import CareerPath
from maplanner.core.plan import GENERAL_ASSUMPTIONS, Goal, PlanResult, make_plan
from maplanner.core.profile import HeldCert, Profile
from maplanner.core.refs import Ref
from tests.helpers import catalog_with

CMA_REASON = (
    "Earning the primary credential early is the single best return on effort in the first years."
)
BLS_REASON = "Keep the card current; a lapse can take you off the schedule."


def test_the_experience_years_a_new_ma_builds_before_lead_ma(catalog: Catalog) -> None:
    plan = make_plan(Profile(years=0, setting="hospital"), catalog, "lead-ma")
    building = [year for year in plan.years if year.kind == "experience"]
    assert [
        (y.year, y.title, y.band, y.step_number, y.year_of_step, y.step_years, y.role)
        for y in building
    ] == [
        (1, "Build MA experience", "Year 1: foundation", None, 1, 1, "Medical Assistant"),
        (2, "Build MA experience", "Years 2-4: specialization", None, 1, 1, "Medical Assistant"),
        (3, "Build MA experience", "Years 2-4: specialization", None, 1, 1, "Medical Assistant"),
    ]
    assert [y.milestone for y in building] == [
        "1 year as an MA, with this year's skills in hand.",
        "2 years as an MA, with this year's skills in hand.",
        "3 years as an MA: the experience this path usually expects before its first step.",
    ]
    assert all(y.skills == list(catalog.band_for_year(y.year).skills) for y in building)
    first = building[0].credentials
    assert [(c.id, c.reason, [a.id for a in c.alternatives]) for c in first] == [
        ("CMA", CMA_REASON, ["RMA"]),
        ("BLS", BLS_REASON, []),
    ]
    assert (first[0].eligible, first[0].when, first[1].requires) == (True, None, None)
    assert first[0].requires is not None and "accredited MA program" in first[0].requires
    assert plan.assumptions[1] == (
        "Lead MA usually follows at least 3 years as an MA, so the plan first adds 3 years "
        "to build that experience, following maplanner's roadmap. Of the roadmap's "
        "credentials it keeps those that serve every MA, your specialty or this path; "
        "'maplanner certs' lists the rest."
    )


def test_one_year_of_experience_reads_in_the_singular(catalog: Catalog) -> None:
    plan = make_plan(Profile(years=2, setting="hospital"), catalog, "lead-ma")
    assert plan.assumptions[0].startswith("You have 2 years as an MA")
    assert "the plan first adds 1 year to build" in plan.assumptions[1]
    assert plan.years[0].milestone == (
        "3 years as an MA: the experience this path usually expects before its first step."
    )


def _with_path(catalog: Catalog, changed: CareerPath) -> Catalog:
    """The catalog with `changed` in place of the path with its id."""
    paths = [changed if p.id == changed.id else p for p in catalog.paths]
    return catalog_with(catalog, "paths.toml", path=paths)


def _cmpe_first(catalog: Catalog, min_years: float, step_years: int = 1) -> Catalog:
    """The catalog with the practice-manager path cut to its CMPE step, after `min_years`."""
    path = catalog.path("practice-manager")
    step = next(s for s in path.steps if s.credentials == ["CMPE"])
    step = step.model_copy(update={"years": step_years})
    changed = path.model_copy(update={"min_years": min_years, "steps": [step]})
    return _with_path(catalog, changed)


@pytest.mark.parametrize(
    ("min_years", "when"),
    [
        (0, "from 2 years of experience (in 2 years)"),
        (1, "from 2 years of experience (in 1 year)"),
        (2, None),
        (3, None),
    ],
)
def test_a_credential_is_checked_with_the_years_done_before_its_plan_year(
    catalog: Catalog, min_years: float, when: str | None
) -> None:
    """CMPE asks two years: in career year N a new MA has N - 1 of them."""
    changed = _cmpe_first(catalog, min_years)
    profile = Profile(years=0, setting="hospital", education="bachelor")
    plan = make_plan(profile, changed, "practice-manager")
    (step,) = [year for year in plan.years if year.kind == "step"]
    assert step.year == min_years + 1
    (cmpe,) = step.credentials
    assert (cmpe.id, cmpe.eligible, cmpe.when) == ("CMPE", when is None, when)


@pytest.mark.parametrize(
    ("goal", "said"),
    [
        (
            "medical-coding",
            "You already have the 1 year of MA experience this path usually expects.",
        ),
        ("rn", None),  # a path that asks no MA experience says nothing of it
    ],
)
def test_experience_already_in_hand_is_said_once(
    catalog: Catalog, goal: str, said: str | None
) -> None:
    assumptions = make_plan(Profile(years=2, setting="hospital"), catalog, goal).assumptions
    assert assumptions[0] == (
        "You have 2 years as an MA, so the plan starts in career year 3 (year 1 is the first "
        "year on the job)."
    )
    assert assumptions[1].startswith("Times are typical") == (said is None)
    if said is not None:
        assert assumptions[1] == said
    assert assumptions[-len(GENERAL_ASSUMPTIONS) :] == list(GENERAL_ASSUMPTIONS)


def test_times_without_a_note_name_their_source(catalog: Catalog) -> None:
    path = catalog.path("lead-ma")
    changed = path.model_copy(update={"times": path.times.model_copy(update={"note": None})})
    plan = make_plan(Profile(years=0, setting="hospital"), _with_path(catalog, changed), "lead-ma")
    assert plan.assumptions[2] == (
        "Times are typical, not promises. Source: Resume Geni, Medical Assistant Career "
        "Path Guide: From Entry-Level to Leadership."
    )


def test_a_goal_already_reached_is_said_with_where_to_go_next(catalog: Catalog) -> None:
    profile = Profile(years=7, setting="hospital", leads="lead", certs=(HeldCert(id="CMA"),))
    assert make_plan(profile, catalog, "lead-ma") == PlanResult(
        goal=Goal(id="lead-ma", name="Lead MA", kind="advancement"),
        status="reached",
        summary="You have already reached Lead MA: you said --leads lead (you run the MA "
        "team's day and are the go-to person).",
        years_as_ma=7,
        first_year=None,
        last_year=None,
        total_years=0,
        years=[],
        skipped=[],
        next_paths=[
            Ref(id="clinical-operations-manager", name="Clinical operations manager"),
            Ref(id="practice-manager", name="Practice or office manager"),
        ],
        assumptions=[],
    )


def test_a_step_of_several_years_lists_its_credential_in_its_last_year(catalog: Catalog) -> None:
    changed = _cmpe_first(catalog, 2, step_years=2)
    profile = Profile(years=2, setting="hospital", education="bachelor")
    plan = make_plan(profile, changed, "practice-manager")
    assert [(y.year, y.year_of_step, [c.id for c in y.credentials]) for y in plan.years] == [
        (3, 1, []),
        (4, 2, ["CMPE"]),
    ]


def test_every_step_behind_you_is_named_with_its_reason(catalog: Catalog) -> None:
    profile = Profile(years=2, setting="hospital", certs=(HeldCert(id="CPC"),))
    plan = make_plan(profile, catalog, "medical-coding")
    assert (plan.status, plan.years, [step.when for step in plan.skipped]) == (
        "reached",
        [],
        ["before", "before"],
    )
    assert plan.summary == (
        "You have already reached Medical coding and health information: every step of this "
        "path that maplanner can check is behind you (coding basics on the job: you hold CPC; "
        "coding credential: you hold CPC)."
    )
