"""Details of core/places.py a person meets: an area typed in full wins over the longer
names that contain it, how many candidates an ambiguous fragment lists, the refusal
of --state with --area, and an override folder's own area file."""

from pathlib import Path

import pytest

from maplanner.catalog.areas import AREAS_FILE, area_rows
from maplanner.catalog.catalog import Catalog
from maplanner.catalog.loader import packaged_data_dir
from maplanner.core.places import resolve_area, resolve_place
from maplanner.errors import InputError


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
