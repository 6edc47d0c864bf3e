"""The place lever: the best-paying metro area of the person's state, same percentile."""

import json

from maplanner.catalog.catalog import Catalog
from maplanner.catalog.wages import WageTable
from maplanner.core.places import best_area, place_table, resolve_area, resolve_state
from maplanner.core.profile import HeldCert, Profile
from maplanner.core.rules import assess
from maplanner.core.wages import wage_at
from tests.conftest import Runner

PROFILE = Profile(years=4, certs=(HeldCert(id="CMA"),), setting="family-practice", leads="none")


def texas(catalog: Catalog) -> tuple[object, WageTable]:
    where = resolve_state(catalog, "TX")
    table = place_table(catalog, None, where)
    assert isinstance(table, WageTable)
    return where, table


def test_the_best_area_is_the_states_highest_metro_median(catalog: Catalog) -> None:
    where = resolve_state(catalog, "TX")
    found = best_area(catalog, None, where)
    assert found is not None
    area, table = found
    assert area.name == "Austin-Round Rock-San Marcos, TX"
    median = next(p.annual for p in table.percentiles if p.percentile == 50)
    assert median == 45_820
    # no metro area of Texas publishes a higher MA median
    from maplanner.catalog.areas import area_rows

    rows = area_rows(catalog, None)
    for other in rows.places():
        figures = rows.figures(other, "31-9092")
        if other.state_fips == "48" and figures is not None and figures.annual_50:
            assert "nonmetropolitan" in other.name.lower() or figures.annual_50 <= median
    # a person already in that area has no better area to move to
    assert best_area(catalog, None, resolve_area(rows, "austin-round")) is None


def test_the_lever_prices_the_same_percentile_in_the_areas_table(catalog: Catalog) -> None:
    where = resolve_state(catalog, "TX")
    _, table = texas(catalog)
    better = best_area(catalog, None, where)
    assert better is not None
    result = assess(PROFILE, catalog, where, table, better=better)
    (lever,) = [lever for lever in result.levers.levers if lever.kind == "place"]
    estimate = result.estimated_percentile
    expected = round(wage_at(better[1], estimate).annual - wage_at(table, estimate).annual)
    assert lever.pay_gain == expected > 0
    assert lever.gain == 0 and lever.estimate_after == estimate
    assert lever.id == better[0].code  # the area, by its BLS code
    assert lever.months == catalog.levers.place.months == 6
    assert "highest MA median in Texas ($45,820)" in lever.title
    assert "same percentile" in lever.title and lever.what_if == ""
    assert lever.per_year == round(expected / 0.5)


def test_no_place_or_no_better_pay_gives_no_place_lever(catalog: Catalog) -> None:
    national = assess(PROFILE, catalog)
    assert all(lever.kind != "place" for lever in national.levers.levers)
    where, table = texas(catalog)
    same = assess(PROFILE, catalog, where, table, better=(where, table))  # type: ignore[arg-type]
    assert all(lever.kind != "place" for lever in same.levers.levers)


def test_assess_with_a_state_lists_the_place_lever(run: Runner) -> None:
    args = ("assess", "--years", "4", "--cert", "CMA", "--setting", "family-practice")
    with_state = run(*args, "--state", "TX", "--json")
    assert with_state.code == 0, with_state.err
    kinds = {lever["kind"]: lever for lever in json.loads(with_state.out)["levers"]["levers"]}
    assert kinds["place"]["title"].startswith("Work in Austin-Round Rock-San Marcos, TX")
    assert "place" not in {
        lever["kind"] for lever in json.loads(run(*args, "--json").out)["levers"]["levers"]
    }
    assert "Work in Austin" in run(*args, "--state", "TX").out  # shown, without --what-if
