"""The plan's decisions one at a time: when a condition holds and why, which credentials
a step still earns, and which of the roadmap's credentials a year of building
experience earns for this person on this path. `tests/test_plan.py` checks whole plans."""

from maplanner.catalog.catalog import Catalog
from maplanner.catalog.paths import Condition
from maplanner.core.plan_steps import (
    PlanState,
    experience_credentials,
    meets,
    plan_years,
    step_credentials,
)
from tests.helpers import catalog_with, profile


def test_a_condition_of_a_credential_and_a_role_gives_both_reasons(catalog: Catalog) -> None:
    state = PlanState(profile(4, certs=("CMA",), leads="lead"))
    condition = Condition(credentials=["RMA", "CMA"], leadership=["lead", "supervises"])
    lead = catalog.leadership("lead")
    assert meets(catalog, condition, state) == (
        f"you hold CMA and you said --leads lead ({lead.hint})"
    )
    state.earned["RMA"] = 5
    assert meets(catalog, condition, state) == (
        f"you earn RMA in career year 5 of this plan and you said --leads lead ({lead.hint})"
    )
    assert meets(catalog, condition, PlanState(profile(4, certs=("CMA",)))) is None


def test_a_step_of_alternatives_earns_nothing_when_one_is_held(catalog: Catalog) -> None:
    step = catalog.path("lead-ma").steps[0]
    assert step.choose_one and step.credentials == ["CMA", "RMA", "CCMA"]
    assert step_credentials(step, PlanState(profile(2, certs=("RMA",)))) == []
    assert step_credentials(step, PlanState(profile(2))) == [("CMA", ["RMA", "CCMA"])]


def test_a_step_of_several_credentials_earns_those_not_held(catalog: Catalog) -> None:
    step = catalog.path("medical-coding").steps[1].model_copy(update={"choose_one": False})
    assert step_credentials(step, PlanState(profile(2, certs=("CPC",)))) == [("CCS", [])]
    assert step_credentials(step, PlanState(profile(2))) == [("CPC", []), ("CCS", [])]


def test_a_held_credential_is_passed_over_and_the_rest_of_the_year_still_read(
    catalog: Catalog,
) -> None:
    """Year 1 lists CMA, RMA and BLS: with CMA held, RMA is not needed, BLS still is."""
    held = profile(0, certs=("CMA",))
    state = PlanState(held)
    chosen = experience_credentials(catalog, catalog.path("lead-ma"), held, state, 1)
    assert [(cert, others) for cert, others, _ in chosen] == [("BLS", [])]
    assert state.earned == {"BLS": 1}


def test_a_primary_credential_is_offered_with_the_other_primaries_of_its_year(
    catalog: Catalog,
) -> None:
    new = profile(0)
    chosen = experience_credentials(catalog, catalog.path("lead-ma"), new, PlanState(new), 1)
    assert [(cert, others) for cert, others, _ in chosen] == [("CMA", ["RMA"]), ("BLS", [])]


def test_a_credential_not_wanted_is_passed_over_and_the_rest_of_the_year_still_read(
    catalog: Catalog,
) -> None:
    """Year 2 lists COA, CPT and CET: a cardiology MA on the lead-MA path wants CET only."""
    cardiology = profile(1, certs=("CMA",), specialty="cardiology")
    state = PlanState(cardiology)
    chosen = experience_credentials(catalog, catalog.path("lead-ma"), cardiology, state, 2)
    assert [cert for cert, _, _ in chosen] == ["CET"]


def test_a_credential_that_leads_to_the_path_and_no_step_names_is_earned(
    catalog: Catalog,
) -> None:
    """CMPE unlocks healthcare administration, whose steps name no credential: a year of
    experience earns it. On the practice-manager path a step earns it instead."""
    manager = profile(4, certs=("CMA",), leads="lead")
    administration = catalog.path("healthcare-administration")
    assert administration.id in catalog.certification("CMPE").unlocks.paths
    assert "CMPE" not in administration.credentials
    chosen = experience_credentials(catalog, administration, manager, PlanState(manager), 5)
    assert [cert for cert, _, _ in chosen] == ["CMPE"]
    practice = catalog.path("practice-manager")
    chosen = experience_credentials(catalog, practice, manager, PlanState(manager), 5)
    assert "CMPE" not in [cert for cert, _, _ in chosen]


def test_each_year_of_building_experience_reads_that_years_credentials(
    catalog: Catalog,
) -> None:
    """A path that starts after three years, whose first step earns CET: a cardiology MA
    starting out earns CET in year 2 of building experience (the roadmap lists it from
    year 2), so that step is behind them when the steps begin."""
    paths = catalog.files()["paths.toml"]
    changed = []
    for path in paths.path:
        if path.id == "phlebotomy-lab":
            first = path.steps[0].model_copy(
                update={"credentials": ["CET"], "done_when": Condition(credentials=["CET"])}
            )
            path = path.model_copy(update={"min_years": 3.0, "steps": [first, *path.steps[1:]]})
        changed.append(path)
    shifted = catalog_with(catalog, "paths.toml", path=changed)
    starting = profile(0, specialty="cardiology")
    assert plan_years(starting, shifted, "phlebotomy-lab") == 3 + 2
