"""A roster's header and rows in detail: every message a counselor can see word for
word, the columns the results name, and the answers that change an outcome.
`tests/test_roster.py` covers the common paths and `tests/test_batch.py` the files."""

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from maplanner.catalog.areas import AREAS_FILE
from maplanner.catalog.catalog import Catalog
from maplanner.catalog.loader import packaged_data_dir
from maplanner.core.places import MA_SOC
from maplanner.core.roster import (
    COLUMNS,
    MAX_NAME,
    RosterAssessor,
    RosterResult,
    RowRejection,
    parse_program_end,
    person_name,
    read_header,
)
from maplanner.errors import InputError
from tests.helpers import median_columns, override_areas, withheld_columns

EVERY = [*COLUMNS, "name"]
ACCEPTED = (
    "the columns are id, years and optionally certifications, setting, specialty, leads, "
    "pay, program_ends, education, accredited, state, area"
)
SETTINGS = (
    "family-practice, specialty-clinic, multispecialty-group, urgent-care, "
    "outpatient-center, ambulatory-surgery, hospital, chiropractic-optometry, podiatry-office"
)


def _assessor(catalog: Catalog, override: Path | None = None, size: int = 8) -> RosterAssessor:
    return RosterAssessor(catalog, read_header(EVERY), cache_size=size, override=override)


def _row(catalog: Catalog, override: Path | None = None, **cells: str) -> object:
    """The result or rejection for a row of the full header, line 7, id "S1" unless given."""
    values = {"id": "S1", **cells}
    return _assessor(catalog, override).row(7, [values.get(name, "") for name in EVERY])


def _reason(catalog: Catalog, **cells: str) -> str:
    rejected = _row(catalog, **cells)
    assert isinstance(rejected, RowRejection)
    assert (rejected.line, rejected.id) == (7, cells.get("id", "S1").strip())
    return rejected.reason


def _result(catalog: Catalog, override: Path | None = None, **cells: str) -> RosterResult:
    result = _row(catalog, override, **cells)
    assert isinstance(result, RosterResult), result
    return result


# The header ----------------------------------------------------------------------------


def test_carried_names_the_results_already_use_gain_roster_in_front() -> None:
    header = read_header(["id", "years", "roster", "pay_outside_range", "Roster", "ROSTER ROSTER"])
    assert header.carried == (2, 3, 4, 5)
    assert header.carried_names == (
        "roster roster",
        "roster pay_outside_range",
        "roster roster Roster",
        "roster roster ROSTER ROSTER",
    )


def test_a_blank_column_name_is_named_by_its_position() -> None:
    header = read_header(["id", "", "years", " ", "column 2"])
    assert header.carried == (1, 3, 4)
    assert header.carried_names == ("column 2", "column 4", "roster column 2")


def test_the_first_name_column_names_the_student_and_state_and_area_are_kept() -> None:
    header = read_header(["ID", "Years", "name", "Name", "State", "area"])
    assert header.name == 2
    assert header.positions == {"id": 0, "years": 1, "state": 4, "area": 5}
    assert header.carried == (2, 3, 4, 5)
    assert header.carried_names == ("name", "roster Name", "State", "area")


@pytest.mark.parametrize(
    ("cells", "found"),
    [
        (["", " "], "nothing"),
        (["x" * 70, " ", "y" * 70], "x" * 70 + ", " + "y" * 47 + "…"),  # cut at 120
        (["a;b", "c"], "a;b, c"),
    ],
)
def test_a_header_without_id_and_years_says_what_it_found(cells: list[str], found: str) -> None:
    with pytest.raises(InputError) as refused:
        read_header(cells)
    assert refused.value.message == (
        f"the roster lacks the required columns id, years (header found: {found}); {ACCEPTED}"
    )
    assert refused.value.hint is None  # only a one-cell header with ';' gets the hint


def test_a_header_lacking_one_column_names_it_in_the_singular() -> None:
    with pytest.raises(InputError) as refused:
        read_header(["Id", "name"])
    assert refused.value.message == (
        f"the roster lacks the required column years (header found: Id, name); {ACCEPTED}"
    )


def test_a_one_cell_header_with_semicolons_gets_a_hint() -> None:
    with pytest.raises(InputError) as refused:
        read_header(["id;years"])
    assert refused.value.hint == (
        "the header is separated by ';': save the file as comma-separated CSV"
    )


# Row shapes -----------------------------------------------------------------------------


def test_a_row_wider_than_the_header_is_rejected_with_its_line_and_id(catalog: Catalog) -> None:
    header = read_header(["id", "years", "setting"])
    rejected = RosterAssessor(catalog, header).row(9, [" S9 ", "2", "hospital", "extra"])
    assert rejected == RowRejection(
        line=9,
        id="S9",
        reason=(
            "the row has 4 cells but the header has 3: check for an unquoted comma in a value"
        ),
    )
    padded = RosterAssessor(catalog, header).row(9, ["S9", "2", "hospital", " ", ""])
    assert isinstance(padded, RosterResult)


# Answers and their messages ----------------------------------------------------------------


def test_every_problem_of_a_row_is_listed_in_column_order(catalog: Catalog) -> None:
    assert _reason(catalog, id=" ", years="", setting="") == (
        "id is blank: give each row an id (a student number or initials) | years is blank: "
        "use a number from 0 to 60 (decimals allowed, 0 for students) | setting is blank: "
        f"choose one of: {SETTINGS} (or student, or leave it blank with years 0)"
    )


@pytest.mark.parametrize(
    ("cells", "reason"),
    [
        (
            {"years": "61", "setting": "hospital"},
            "years 61 is out of range: use a number of years from 0 to 60 (decimals "
            "allowed, 0 for students)",
        ),
        (
            {"years": "2", "setting": "hospital", "specialty": "xx"},
            "specialty 'xx' is not a known specialty; choose one of: ophthalmology, "
            "cardiology, podiatry, dermatology, orthopedics, ob-gyn, pediatrics, allergy",
        ),
        (
            {"years": "2", "setting": "hospital", "leads": "xx"},
            "leads 'xx' is not a known leadership level; choose one of: none, trains, lead, "
            "supervises",
        ),
        (
            {"years": "2", "setting": "hospital", "education": "xx"},
            "education 'xx' is not a known education level; choose one of: high-school, "
            "ma-certificate, associate, bachelor",
        ),
        (
            {"years": "2", "setting": "hospital", "accredited": "xx"},
            "accredited 'xx' is not a yes or no answer: use yes, no, or leave it blank when "
            "you are not sure",
        ),
        (
            {"years": "0", "setting": "student", "leads": "supervises"},
            "setting student means not working yet, so there are no leadership duties (leads "
            "supervises): leave leads out for a student, or give the setting you work in",
        ),
        (  # no student check on a years cell that is not a number
            {"years": "x", "setting": "student", "leads": "supervises"},
            "years 'x' is not a number of years: use a number from 0 to 60 (decimals "
            "allowed, 0 for students)",
        ),
        (
            {"years": "2", "setting": "hospital", "certifications": "CMA 0000-05"},
            "certifications 'CMA 0000-05' has '0000-05', which is not a month: write the "
            "month earned or last renewed as YYYY-MM after the id, like 'CMA 2023-04'",
        ),
        (
            {"years": "2", "setting": "hospital", "program_ends": "2025-02-30"},
            "program_ends '2025-02-30' is not a date: use YYYY-MM-DD (or YYYY-MM) for the day "
            "the student finishes the MA program, or leave it blank",
        ),
        (
            {"years": "2", "setting": "hospital", "area": "nowhere"},
            "area 'nowhere' is not part of any area BLS publishes; closest: ",
        ),
        (
            {"years": "2", "setting": "hospital", "state": "WA", "area": "seattle"},
            "give a state or an area, not both (an area already names its state)",
        ),
    ],
)
def test_a_bad_answer_is_named_with_its_column(
    catalog: Catalog, cells: dict[str, str], reason: str
) -> None:
    if reason.endswith(": "):  # the closest names follow
        assert _reason(catalog, **cells).startswith(reason)
    else:
        assert _reason(catalog, **cells) == reason


def test_education_and_accreditation_change_the_outcome(catalog: Catalog) -> None:
    """A bachelor's opens CMPE; a program that is not accredited points to RMA."""
    worker = {"years": "6", "certifications": "CMA", "setting": "hospital"}
    assert _result(catalog, **worker).outcome.top_next_step == (
        "CPC: Certified Professional Coder (AAPC)"
    )
    schooled = _result(catalog, **worker, education="bachelor")
    assert schooled.outcome.top_next_step == ("CMPE: Certified Medical Practice Executive (ACMPE)")
    assert schooled.shape.key[5] == "bachelor"
    assert _result(catalog, years="0", accredited="yes").outcome.top_next_step == (
        "CMA: Certified Medical Assistant (AAMA)"
    )
    unaccredited = _result(catalog, years="0", accredited="No")
    assert unaccredited.outcome.top_next_step == "RMA: Registered Medical Assistant (AMT)"
    assert unaccredited.shape.key[6] is False


@pytest.mark.parametrize(
    ("certifications", "ids", "earned"),
    [
        ("CMA;;BLS", ("CMA", "BLS"), (None, None)),
        ("BLS; CMA", ("CMA", "BLS"), (None, None)),  # catalog order, not as written
        ("BLS 2023-01; CMA 2022-01, cma 2024-01", ("CMA", "BLS"), ("2024-01", "2023-01")),
        ("CMA 2024-01; CMA 2022-01", ("CMA",), ("2024-01",)),  # the latest, wherever
        ("CMA 2024-01; CMA", ("CMA",), ("2024-01",)),  # the month named is kept
        ("CMA; CMA 2024-01", ("CMA",), ("2024-01",)),
        (" NONE ", (), ()),
    ],
)
def test_credentials_each_once_in_catalog_order_with_the_latest_month(
    catalog: Catalog, certifications: str, ids: tuple[str, ...], earned: tuple[str | None, ...]
) -> None:
    shape = _result(catalog, years="2", setting="hospital", certifications=certifications).shape
    assert (shape.key[1], shape.earned) == (ids, earned)


@pytest.mark.parametrize(
    ("text", "day"),
    [("2024-02", date(2024, 2, 29)), ("2023-02", date(2023, 2, 28)), ("", None)],
)
def test_a_program_end_month_means_its_last_day(text: str, day: date | None) -> None:
    assert parse_program_end(text) == day


def test_a_name_is_one_line_of_printable_text_cut_to_its_limit() -> None:
    assert person_name("  Ana\tMaría\x00 López ") == "Ana María López"
    assert person_name("\x00\t ") is None
    long = person_name("n" * 100)
    assert long == "n" * (MAX_NAME - 1) + "…"


# Caches ---------------------------------------------------------------------------------------


def test_the_caches_are_bounded_so_memory_stays_flat(catalog: Catalog) -> None:
    assessor = _assessor(catalog, size=8)
    for cache in (
        assessor.shape,
        assessor.outcome,
        assessor.placed,
        assessor.pay,
        assessor.program_ends,
    ):
        assert cache.cache_info().maxsize == 8
    for years in range(20):
        assessor.row(2, ["S1", str(years), *[""] * (len(EVERY) - 2)])
    assert assessor.shape.cache_info().currsize == 8


# Places from a data folder ---------------------------------------------------------------------


def _withhold(folder: Path, area: str, points: tuple[int, ...], **changes: str) -> None:
    """The data folder's `area` with these MA percentiles withheld (BLS footnote 5)."""
    override_areas(folder, {(area, MA_SOC): {**withheld_columns(points), **changes}})


SENIOR = {"years": "10", "certifications": "CMA", "setting": "hospital", "leads": "supervises"}


def test_both_ends_of_a_range_past_a_places_highest_point_are_bounds(
    catalog: Catalog, tmp_path: Path
) -> None:
    _withhold(tmp_path, "Seattle-Tacoma-Bellevue, WA", (75, 90))
    national = _result(catalog, **SENIOR).outcome
    assert (national.wage_low_kind, national.wage_high_kind) == ("estimate", "estimate")
    seattle = _result(catalog, tmp_path, **SENIOR, area="seattle")
    assert seattle.placed is not None
    placed = seattle.placed
    assert (placed.wage_low_kind, placed.wage_high_kind) == ("at-or-above", "at-or-above")
    assert placed.wage_low == placed.wage_high == 61500  # Seattle's median, its highest point
    assert (placed.tier, placed.estimated_percentile) == (national.tier, 81.5)


def test_an_area_named_only_in_the_data_folder_is_found(catalog: Catalog, tmp_path: Path) -> None:
    shipped = (packaged_data_dir() / AREAS_FILE).read_text(encoding="utf-8")
    seattle = "Seattle-Tacoma-Bellevue, WA"
    occupations = {
        row["soc_code"]
        for row in csv.DictReader(io.StringIO(shipped))
        if row["area_name"] == seattle
    }
    renamed = {"area_name": "Seattle-Bellevue-Everett, WA"}
    override_areas(tmp_path, {(seattle, soc): renamed for soc in occupations})
    found = _result(catalog, tmp_path, years="2", setting="hospital", area="everett")
    assert found.place is not None
    assert found.place.where.name == "Seattle-Bellevue-Everett, WA"
    assert _reason(catalog, years="2", setting="hospital", area="everett").startswith(
        "area 'everett' is not part of any area BLS publishes"
    )


def test_a_place_priced_in_a_data_folder_uses_its_points_and_its_best_area(
    catalog: Catalog, tmp_path: Path
) -> None:
    """Seattle's 90th percentile withheld, and its median raised above every other
    Washington area: the range is only bounded past the 75th, and Seattle pays best."""
    _withhold(tmp_path, "Seattle-Tacoma-Bellevue, WA", (90,), **median_columns(66000))
    national = _result(catalog, **SENIOR).outcome
    assert (national.wage_low_kind, national.wage_high_kind) == ("estimate", "estimate")
    seattle = _result(catalog, tmp_path, **SENIOR, area="seattle")
    assert seattle.place is not None and seattle.placed is not None
    assert (seattle.placed.wage_low_kind, seattle.placed.wage_high_kind) == (
        "estimate",
        "at-or-above",
    )
    in_state = _result(catalog, tmp_path, **SENIOR, state="WA")
    assert in_state.place is not None and in_state.place.better is not None
    assert in_state.place.better[0].name == "Seattle-Tacoma-Bellevue, WA"
