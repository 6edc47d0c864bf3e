"""Details of core/rules.py a person meets: an assessment in a place prices its
what-if there and names the place only when it has the place's table; with no
credential left to earn, the first next step is a skill."""

from maplanner.catalog.catalog import Catalog
from maplanner.core.places import resolve_state
from maplanner.core.profile import HeldCert, Profile
from maplanner.core.rules import assess, brief
from maplanner.core.wages import wage_at
from tests.helpers import profile, washington


def test_assess_prices_its_what_if_in_the_person_s_place(catalog: Catalog) -> None:
    where = resolve_state(catalog, "WA")
    table = washington(catalog)
    person = profile(4, certs=("CMA",))
    result = assess(person, catalog, where, table, what_if=[("leads", "lead")])
    assert result.what_if is not None
    assert result.what_if.now.pay == wage_at(table, result.what_if.now.estimated_percentile)


def test_an_assessment_names_its_place_only_with_the_place_s_table(catalog: Catalog) -> None:
    where = resolve_state(catalog, "WA")
    person = profile(4, certs=("CMA",))
    placed = assess(person, catalog, where, washington(catalog)).place
    assert placed is not None
    assert (placed.kind, placed.code, placed.name, placed.postal) == (
        "state",
        where.code,
        "Washington",
        "WA",
    )
    assert assess(person, catalog, where, None).place is None


def test_with_no_credential_left_the_first_step_is_a_skill(catalog: Catalog) -> None:
    held = ("CMA", "CPC", "CCS", "CMPE", "CPT", "CET", "BLS", "COA", "COT", "COMT")
    supervisor = Profile(
        years=8,
        setting="specialty-clinic",
        specialty="ophthalmology",  # the specialty's own skills come from the catalog
        certs=tuple(HeldCert(id=cert) for cert in held),
        leads="supervises",
        education="bachelor",
    )
    summary = brief(supervisor, catalog)
    assert summary.top_certification is None
    assert summary.top_next_step is not None and summary.top_next_step.kind == "skill"
    assert summary.top_next_step == assess(supervisor, catalog).top_next_step
