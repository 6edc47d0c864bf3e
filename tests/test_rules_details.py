"""Details of core/rules.py a person meets: an assessment in a place prices its
what-if there, and names the place only when it has the place's table."""

from maplanner.catalog.catalog import Catalog
from maplanner.core.places import resolve_state
from maplanner.core.rules import assess
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
