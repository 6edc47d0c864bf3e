"""A roster's state and area columns: each row priced with its place's BLS table."""

import csv
from datetime import date
from pathlib import Path

from maplanner.catalog.catalog import Catalog
from maplanner.catalog.wages import WageTable
from maplanner.core.batch_summary import SummaryTally
from maplanner.core.class_report import ClassReport, ClassTally
from maplanner.core.places import place_table, resolve_state
from maplanner.core.profile import HeldCert, Profile
from maplanner.core.roster import RosterAssessor, RosterResult, RowRejection, read_header
from maplanner.core.rules import assess
from maplanner.plan_files import PlanWriter
from tests.conftest import Runner

HEADER = ["id", "years", "certifications", "setting", "pay", "state", "area"]


def cells(state: str = "", area: str = "", pay: str = "23/h", id: str = "S1") -> list[str]:
    return [id, "4", "CMA", "family-practice", pay, state, area]


def washington(catalog: Catalog) -> tuple[Profile, WageTable]:
    table = place_table(catalog, None, resolve_state(catalog, "WA"))
    assert isinstance(table, WageTable)
    profile = Profile(
        years=4, certs=(HeldCert(id="CMA"),), setting="family-practice", leads="none"
    )
    return profile, table


def test_a_rows_state_prices_its_range_and_pay_as_assess_state_does(catalog: Catalog) -> None:
    result = RosterAssessor(catalog, read_header(HEADER)).row(2, cells(state="washington"))
    assert isinstance(result, RosterResult)
    profile, table = washington(catalog)
    where = resolve_state(catalog, "WA")
    expected = assess(profile.model_copy(update={"pay": None}), catalog, where, table)
    assert result.outcome.wage_low == round(expected.range.low.annual)
    assert result.outcome.wage_high == round(expected.range.high.annual)
    assert result.pay is not None and result.pay.percentile == 17.0  # $23/h in WA's table
    national = RosterAssessor(catalog, read_header(HEADER)).row(2, cells())
    assert isinstance(national, RosterResult)
    assert national.pay is not None and national.pay.percentile == 65.4
    assert national.outcome.wage_low < result.outcome.wage_low  # WA pays more
    assert national.place is None and result.place is not None


def test_an_area_cell_uses_the_areas_table(catalog: Catalog) -> None:
    result = RosterAssessor(catalog, read_header(HEADER)).row(2, cells(area="seattle"))
    assert isinstance(result, RosterResult)
    assert result.place is not None and "Seattle" in result.place.where.name
    assert result.pay is not None and result.pay.outside == "below 10th"


def test_state_and_area_stay_in_the_results_as_written(catalog: Catalog) -> None:
    header = read_header(HEADER)
    assert header.positions["state"] == 5 and header.positions["area"] == 6
    assert header.carried_names == ("state", "area")
    result = RosterAssessor(catalog, header).row(2, cells(state="wa"))
    assert isinstance(result, RosterResult)
    assert result.cells()[:3] == ["S1", "wa", ""]


def test_an_unknown_or_ambiguous_place_rejects_the_row_with_the_closest_names(
    catalog: Catalog,
) -> None:
    check = RosterAssessor(catalog, read_header(HEADER))
    bad = check.row(3, cells(state="Washingtn"))
    assert isinstance(bad, RowRejection)
    assert bad.reason.startswith("state 'Washingtn' is not a state")
    assert "closest: Washington" in bad.reason
    several = check.row(4, cells(area="springfield"))
    assert isinstance(several, RowRejection)
    assert "area 'springfield' matches 5 areas" in several.reason
    both = check.row(5, cells(state="WA", area="seattle"))
    assert isinstance(both, RowRejection) and "not both" in both.reason
    with_pay = check.row(6, cells(state="Nowhere", pay="lots"))
    assert isinstance(with_pay, RowRejection)
    assert with_pay.reason.count(" | ") == 1  # the place and the pay, listed together


def test_a_blank_place_is_the_national_table(catalog: Catalog) -> None:
    with_column = RosterAssessor(catalog, read_header(HEADER)).row(2, cells())
    without = RosterAssessor(catalog, read_header(HEADER[:5])).row(2, cells()[:5])
    assert isinstance(with_column, RosterResult) and isinstance(without, RosterResult)
    assert with_column.outcome == without.outcome and with_column.pay == without.pay


def class_report(catalog: Catalog, rows: list[list[str]]) -> ClassReport:
    check = RosterAssessor(catalog, read_header(HEADER))
    tally, klass = SummaryTally(catalog), ClassTally(catalog, date(2026, 6, 15))
    for line, row in enumerate(rows, start=2):
        result = check.row(line, row)
        assert isinstance(result, RosterResult)
        tally.add(result)
        klass.add(result)
    summary = tally.summary(
        roster="r.csv", results="o.csv", errors=None, format="csv", carried_columns=()
    )
    return klass.report(summary)


def test_a_class_in_one_place_is_drawn_on_that_places_table(catalog: Catalog) -> None:
    report = class_report(catalog, [cells(state="WA"), cells(state="53", id="S2")])
    _, table = washington(catalog)
    assert report.wages.area == "Washington"
    assert [p.annual for p in report.wages.points] == [p.annual for p in table.percentiles]
    assert any("Every assessed row names Washington" in note for note in report.notes)
    assert report.estimates[0].annual > 50_000  # Washington's dollars, not national ones


def test_a_class_in_several_places_is_drawn_nationally_and_says_why(catalog: Catalog) -> None:
    report = class_report(catalog, [cells(state="WA"), cells(state="TX", id="S2"), cells()])
    assert report.wages.area == catalog.wages.area
    (note,) = [n for n in report.notes if "chart is national" in n]
    assert "2 places (Texas, Washington) and some rows name none" in note
    plain = class_report(catalog, [cells()])
    assert plain.wages.area == catalog.wages.area
    assert not any("chart is national" in n or "Every assessed" in n for n in plain.notes)


def test_a_rows_plan_uses_its_place(catalog: Catalog, tmp_path: Path) -> None:
    row = RosterAssessor(catalog, read_header(HEADER)).row(2, cells(state="WA"))
    assert isinstance(row, RosterResult)
    plan = PlanWriter(tmp_path / "plans", catalog, date(2026, 6, 15)).report(row)
    assert plan.assessment.place is not None and plan.assessment.place.name == "Washington"
    assert row.place is not None and row.place.better is not None
    assert row.place.better[0].name.endswith(", WA")  # the plan's place lever can name it


def test_batch_writes_each_rows_place_priced_results(run: Runner, tmp_path: Path) -> None:
    roster = tmp_path / "r.csv"
    roster.write_text(
        "id,years,certifications,setting,state,pay\n"
        "1,4,CMA,family-practice,WA,23/h\n"
        "2,4,CMA,family-practice,,23/h\n"
        "3,4,CMA,family-practice,Nowhere,23/h\n",
        encoding="utf-8",
    )
    result = run("batch", str(roster), "-o", str(tmp_path / "o.csv"))
    assert result.code == 1  # a rejected row
    with (tmp_path / "o.csv").open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert [(r["id"], r["state"], r["pay_percentile"]) for r in rows] == [
        ("1", "WA", "17"),
        ("2", "", "65.4"),
    ]
    assert "state 'Nowhere' is not a state" in (tmp_path / "o.errors.csv").read_text()
    # the dollars in the file are the place's (the cells are not the national row's)
    assert int(rows[0]["wage_low"]) > int(rows[1]["wage_low"])
