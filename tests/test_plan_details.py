"""Details of core/plan.py: the years a plan adds to build experience, and when a
credential's requirements are checked."""

import pytest

from maplanner.catalog.catalog import Catalog
from maplanner.core.plan import make_plan
from maplanner.core.profile import Profile

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
    assert plan.assumptions[1].startswith(
        "Lead MA usually follows at least 3 years as an MA, so the plan first adds 3 years "
        "to build that experience"
    )


def test_one_year_of_experience_reads_in_the_singular(catalog: Catalog) -> None:
    plan = make_plan(Profile(years=2, setting="hospital"), catalog, "lead-ma")
    assert plan.assumptions[0].startswith("You have 2 years as an MA")
    assert "the plan first adds 1 year to build" in plan.assumptions[1]
    assert plan.years[0].milestone == (
        "3 years as an MA: the experience this path usually expects before its first step."
    )


def _cmpe_first(catalog: Catalog, min_years: float) -> Catalog:
    """The catalog with the practice-manager path cut to its CMPE step, after `min_years`."""
    path = catalog.path("practice-manager")
    step = next(s for s in path.steps if s.credentials == ["CMPE"])
    changed = path.model_copy(update={"min_years": min_years, "steps": [step]})
    files = catalog.files()
    files["paths.toml"] = files["paths.toml"].model_copy(
        update={"path": [changed if p.id == path.id else p for p in catalog.paths]}
    )
    return Catalog(files)


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
