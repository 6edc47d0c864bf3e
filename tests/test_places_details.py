"""Details of core/places.py a person meets: an area typed in full wins over the longer
names that contain it, how many candidates an ambiguous name lists, the refusal of
--state with --area, an override folder's own area file, and which area the place
lever names as the best-paying one."""

from pathlib import Path

import pytest

from maplanner.catalog.areas import AREAS_FILE, area_rows
from maplanner.catalog.catalog import MA_SOC, Catalog
from maplanner.catalog.loader import packaged_data_dir
from maplanner.catalog.oews_tables import national_table
from maplanner.core.places import (
    best_area,
    national,
    place_table,
    resolve_area,
    resolve_place,
    resolve_state,
)
from maplanner.errors import InputError
from tests.helpers import median_columns, override_areas, withheld_columns


def test_an_area_named_in_full_wins_over_longer_names_that_contain_it(
    catalog: Catalog,
) -> None:
    # "kansas nonmetropolitan area" is also part of four Arkansas areas' names.
    place = resolve_area(area_rows(catalog, None), "Kansas nonmetropolitan area")
    assert place.name == "Kansas nonmetropolitan area"


def test_eight_candidates_are_listed_in_full(catalog: Catalog) -> None:
    with pytest.raises(InputError) as refused:
        resolve_area(area_rows(catalog, None), "beach")
    message = str(refused.value)
    assert message.startswith("--area 'beach' matches 8 areas: Crestview-Fort Walton Beach")
    assert message.endswith("Virginia Beach-Chesapeake-Norfolk, VA-NC; type more of the name")
    assert "more)" not in message


def test_past_eight_candidates_the_rest_are_counted(catalog: Catalog) -> None:
    with pytest.raises(InputError) as refused:
        resolve_area(area_rows(catalog, None), "region")
    message = str(refused.value)
    assert message.startswith("--area 'region' matches 9 areas: ")
    assert message.endswith(
        "Border Region of Texas nonmetropolitan area (and 1 more); type more of the name"
    )


def test_a_state_and_an_area_together_are_refused(catalog: Catalog) -> None:
    with pytest.raises(InputError) as refused:
        resolve_place(catalog, None, "WA", "seattle")
    assert str(refused.value) == (
        "give --state or --area, not both (an area already names its state)"
    )


def test_an_override_folder_s_area_file_is_the_one_searched(
    catalog: Catalog, tmp_path: Path
) -> None:
    shipped = (packaged_data_dir() / AREAS_FILE).read_text(encoding="utf-8")
    renamed = shipped.replace("Seattle-Tacoma-Bellevue, WA", "Emerald City, WA")
    assert renamed != shipped
    (tmp_path / AREAS_FILE).write_text(renamed, encoding="utf-8")
    place = resolve_place(catalog, tmp_path, None, "emerald")
    assert place is not None and place.name == "Emerald City, WA"
    with pytest.raises(InputError):
        resolve_place(catalog, None, None, "emerald")


def test_an_unknown_state_is_refused_with_the_three_closest_names(catalog: Catalog) -> None:
    refusal = (
        "--state {!r} is not a state or territory BLS publishes: use a name, a postal "
        "code (WA) or a FIPS code (53)"
    )
    with pytest.raises(InputError) as refused:
        resolve_state(catalog, "Carolina")  # Arizona would be the fourth
    assert str(refused.value) == (
        refusal.format("Carolina") + "; closest: South Carolina, North Carolina, California"
    )
    with pytest.raises(InputError) as refused:
        resolve_state(catalog, "zzzz")
    assert str(refused.value) == refusal.format("zzzz")


def test_the_national_place_has_the_national_table(catalog: Catalog) -> None:
    assert place_table(catalog, None, national()) == national_table(catalog, MA_SOC)


def test_the_best_paying_area_is_a_metropolitan_one(catalog: Catalog) -> None:
    # Alaska's nonmetropolitan area pays MAs the most there, but moving "to" it is no
    # lever a person can act on.
    found = best_area(catalog, None, resolve_state(catalog, "AK"))
    assert found is not None
    assert "nonmetropolitan" not in found[0].name
    assert found[0].name == found[1].area


def test_areas_without_an_ma_figure_are_passed_over(catalog: Catalog) -> None:
    # Several Puerto Rico areas publish no MA figures at all.
    found = best_area(catalog, None, resolve_state(catalog, "PR"))
    assert found is not None and found[1].percentiles


def _override_medians(folder: Path, medians: dict[str, int]) -> None:
    """These areas' MA medians changed (the hourly one with it, as the file's checks ask)."""
    override_areas(
        folder,
        {(area, MA_SOC): median_columns(annual) for area, annual in medians.items()},
    )


def test_the_best_area_is_looked_up_in_the_override_folder(
    catalog: Catalog, tmp_path: Path
) -> None:
    washington = resolve_state(catalog, "WA")
    shipped = best_area(catalog, None, washington)
    assert shipped is not None and shipped[0].name == "Mount Vernon-Anacortes, WA"
    _override_medians(tmp_path, {"Seattle-Tacoma-Bellevue, WA": 65000})
    found = best_area(catalog, tmp_path, washington)
    assert found is not None and found[0].name == "Seattle-Tacoma-Bellevue, WA"
    assert [p.annual for p in found[1].percentiles if p.percentile == 50] == [65000]


def test_a_tie_for_the_best_area_goes_to_the_first_name(catalog: Catalog, tmp_path: Path) -> None:
    tie = {"Seattle-Tacoma-Bellevue, WA": 62400, "Mount Vernon-Anacortes, WA": 62400}
    _override_medians(tmp_path, tie)
    found = best_area(catalog, tmp_path, resolve_state(catalog, "WA"))
    assert found is not None and found[0].name == "Mount Vernon-Anacortes, WA"


def test_a_withheld_median_gives_bls_s_own_reason(catalog: Catalog, tmp_path: Path) -> None:
    seattle_managers = ("Seattle-Tacoma-Bellevue, WA", "11-9111")
    override_areas(tmp_path, {seattle_managers: withheld_columns((50, 75, 90))})
    seattle = resolve_area(area_rows(catalog, tmp_path), "seattle")
    assert place_table(catalog, tmp_path, seattle, "11-9111") == (
        "This wage is equal to or greater than $115.00 per hour or $239,200 per year."
    )


def test_a_median_withheld_under_an_unknown_footnote_is_not_released(
    catalog: Catalog, tmp_path: Path
) -> None:
    row = withheld_columns((50, 75, 90), footnote="9")  # a code BLS's table does not list
    override_areas(tmp_path, {("Seattle-Tacoma-Bellevue, WA", "11-9111"): row})
    seattle = resolve_area(area_rows(catalog, tmp_path), "seattle")
    assert place_table(catalog, tmp_path, seattle, "11-9111") == "Estimate not released."


def test_an_area_with_no_row_for_the_occupation_says_so(catalog: Catalog) -> None:
    aguadilla = resolve_area(area_rows(catalog, None), "aguadilla")
    assert place_table(catalog, None, aguadilla) == (
        "BLS publishes no estimate for this occupation here"
    )


@pytest.mark.parametrize("text", ["", "  ", "--"])
def test_an_area_needs_some_letters_of_its_name(catalog: Catalog, text: str) -> None:
    with pytest.raises(InputError) as refused:
        resolve_area(area_rows(catalog, None), text)
    assert str(refused.value) == "--area needs part of an area's name, like seattle or vallejo"
