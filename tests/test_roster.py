"""The pure side of `maplanner batch`: header, rows, outcomes and the running summary."""

import statistics

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maplanner.catalog.catalog import Catalog
from maplanner.core.batch_summary import SummaryTally, median_of_tenths
from maplanner.core.profile import HeldCert, Profile
from maplanner.core.roster import (
    COLUMNS,
    RESULT_COLUMNS,
    Header,
    RosterAssessor,
    RosterResult,
    RowRejection,
    parse_years,
    read_header,
)
from maplanner.core.rules import assess
from maplanner.errors import InputError
from tests.conftest import examples

HEADER = read_header([*COLUMNS[: COLUMNS.index("pay") + 1]])  # without the optional answers


def assessor(catalog: Catalog, header: Header = HEADER, cache_size: int = 64) -> RosterAssessor:
    return RosterAssessor(catalog, header, cache_size=cache_size)


def row(
    id: str = "S01",
    years: str = "4",
    certs: str = "CMA",
    setting: str = "family-practice",
    specialty: str = "",
    leads: str = "",
    pay: str = "",
) -> list[str]:
    return [id, years, certs, setting, specialty, leads, pay]


# Header ----------------------------------------------------------------------------


def test_header_names_are_case_insensitive_in_any_order_and_extras_are_listed() -> None:
    header = read_header(
        [" Pay", "ID", "Notes", "years", "Certifications", "SETTING", "specialty", "Leads", ""]
    )
    assert header.positions == {
        "pay": 0,
        "id": 1,
        "years": 3,
        "certifications": 4,
        "setting": 5,
        "specialty": 6,
        "leads": 7,
    }
    assert header.width == 9
    # Other columns are carried to the results by position, named as written.
    assert header.carried == (2, 8)
    assert header.carried_names == ("Notes", "column 9")  # a blank name: its position
    assert header.name is None


def test_every_column_but_id_and_years_is_optional() -> None:
    header = read_header(["id", "years"])
    assert header.positions == {"id": 0, "years": 1} and header.carried == ()
    header = read_header(["id", "years", "certifications", "setting", "specialty", "leads"])
    assert "pay" not in header.positions and header.carried == ()


def test_a_carried_name_the_results_use_is_renamed_and_name_is_found() -> None:
    header = read_header(["id", "Tier", "years", "NAME", "roster tier", "email", "Email"])
    assert header.carried_names == (
        "roster Tier",
        "NAME",
        "roster roster tier",
        "email",
        "roster Email",
    )
    assert header.name == 3


@pytest.mark.parametrize(
    ("cells", "named"),
    [
        (["id", "certifications", "setting", "specialty", "leads", "pay"], "years"),
        (["name", "years", "certs", "setting", "specialty", "leads"], "id"),
        (["name", "certs", "setting"], "id, years"),
    ],
)
def test_a_missing_required_column_is_named(cells: list[str], named: str) -> None:
    with pytest.raises(InputError) as caught:
        read_header(cells)
    assert caught.value.exit_code == 2
    assert f"lacks the required column{'s' if ',' in named else ''} {named} " in (
        caught.value.message
    )


def test_a_semicolon_separated_header_gets_a_hint() -> None:
    with pytest.raises(InputError) as caught:
        read_header(["id;years;certifications;setting;specialty;leads"])
    assert caught.value.hint is not None and "separated by ';'" in caught.value.hint


def test_a_column_given_twice_is_an_error() -> None:
    with pytest.raises(InputError, match=r"column 'years' appears twice .*columns 2 and 7"):
        read_header(["id", "years", "certifications", "setting", "specialty", "leads", "Years"])


# Rows ------------------------------------------------------------------------------


def test_a_row_becomes_the_assessment_of_its_profile(catalog: Catalog) -> None:
    result = assessor(catalog).row(
        5, row(certs="cma; COA", setting="Specialty-Clinic", specialty="Ophthalmology", pay="46k")
    )
    assert isinstance(result, RosterResult)
    profile = Profile(
        years=4,
        certs=(HeldCert(id="CMA"), HeldCert(id="COA")),
        setting="specialty-clinic",
        specialty="ophthalmology",
    )
    expected = assess(profile, catalog)
    assert result.line == 5 and result.id == "S01"
    assert result.outcome.tier == expected.tier == "specialized"
    assert result.outcome.estimated_percentile == expected.estimated_percentile == 46.8
    assert result.outcome.wage_low == round(expected.range.low.annual) == 42744
    assert result.outcome.wage_high == round(expected.range.high.annual) == 46220
    assert result.outcome.top_next_step == expected.next_steps[0].title
    assert result.outcome.top_next_certification == "COT"
    assert result.pay is not None and result.pay.text == "52.2"
    cells = result.cells()
    assert len(cells) == len(RESULT_COLUMNS)
    assert cells == [
        "S01",
        "specialized",
        "Specialized",
        "46.8",
        "42744",
        "estimate",
        "46220",
        "estimate",
        expected.next_steps[0].title,
        "52.2",
    ]


def test_wage_bounds_beyond_the_published_range_are_marked(catalog: Catalog) -> None:
    student = assessor(catalog).row(2, row(years="0", certs=""))
    veteran = assessor(catalog).row(
        3,
        row(
            years="8",
            certs="CMA;COA;COT",
            setting="outpatient-center",
            specialty="ophthalmology",
            leads="supervises",
        ),
    )
    assert isinstance(student, RosterResult) and isinstance(veteran, RosterResult)
    assert student.outcome.wage_low_kind == "at-or-below"
    assert student.outcome.wage_low == 36050  # the published 10th percentile
    assert veteran.outcome.wage_high_kind == "at-or-above"
    assert veteran.outcome.wage_high == 59310  # the published 90th percentile


@pytest.mark.parametrize(
    ("pay", "text", "percentile", "outside"),
    [
        ("", "", None, None),
        ("16.25/h", "below 10th", None, "below 10th"),
        ("60k", "above 90th", None, "above 90th"),
        ("$49,180", "75", 75.0, None),
        ("46000", "52.2", 52.2, None),
    ],
)
def test_pay_percentile_or_band(
    catalog: Catalog, pay: str, text: str, percentile: float | None, outside: str | None
) -> None:
    result = assessor(catalog).row(2, row(pay=pay))
    assert isinstance(result, RosterResult)
    assert result.cells()[-1] == text
    record = result.record()
    assert record["pay_percentile"] == percentile
    assert record["pay_outside_range"] == outside


def test_blank_values_mean_none(catalog: Catalog) -> None:
    blank = assessor(catalog).row(2, row(certs="", specialty="", leads="", pay=""))
    spelled = assessor(catalog).row(2, row(certs="none", specialty="None", leads="none"))
    assert isinstance(blank, RosterResult) and isinstance(spelled, RosterResult)
    assert blank.outcome == spelled.outcome
    assert blank.pay is None


@pytest.mark.parametrize(
    ("cells", "reason"),
    [
        (row(years="two"), "years 'two' is not a number of years: use a number from 0 to 60"),
        (row(years=""), "years is blank"),
        (row(years="61"), "years 61 is out of range"),
        (row(years="-1"), "years -1 is out of range"),
        (row(years="nan"), "years 'nan' is not a number of years"),
        (row(setting="hopsital"), "'hopsital' is not a known work setting; did you mean hospital"),
        (row(setting=""), "setting is blank: choose one of: family-practice"),
        (row(certs="CMA;CMX"), "certifications 'CMX' is not a known certification"),
        (row(specialty="cardology"), "specialty 'cardology' is not a known specialty; did you"),
        (row(leads="boss"), "leads 'boss' is not a known leadership level"),
        (row(pay="lots"), "pay 'lots' is not a pay amount"),
        (row(pay="0"), "pay '0' must be more than zero"),
        (row(id=" "), "id is blank"),
    ],
)  # fmt: skip
def test_each_bad_value_is_rejected_with_its_reason(
    catalog: Catalog, cells: list[str], reason: str
) -> None:
    result = assessor(catalog).row(7, cells)
    assert isinstance(result, RowRejection)
    assert result.line == 7
    assert reason in result.reason


def test_every_problem_in_a_row_is_listed_at_once(catalog: Catalog) -> None:
    result = assessor(catalog).row(3, row(id="", years="x", setting="moon", pay="lots"))
    assert isinstance(result, RowRejection)
    parts = result.reason.split(" | ")
    assert len(parts) == 4
    assert parts[0].startswith("id is blank")
    assert parts[1].startswith("years 'x'")
    assert parts[2].startswith("setting 'moon'")
    assert parts[3].startswith("pay 'lots'")


def test_row_width(catalog: Catalog) -> None:
    check = assessor(catalog)
    too_wide = check.row(4, [*row(), "oops"])
    assert isinstance(too_wide, RowRejection)
    assert too_wide.id == "S01"
    assert "the row has 8 cells but the header has 7" in too_wide.reason
    assert isinstance(check.row(4, [*row(), "", " "]), RosterResult)  # trailing blanks
    short = check.row(4, ["S01", "4", "CMA", "hospital"])  # missing cells are blank
    assert isinstance(short, RosterResult) and short.pay is None
    assert isinstance(check.row(4, ["S01", "4"]), RowRejection)  # setting blank


def test_parse_years_takes_plain_decimals_only() -> None:
    assert parse_years("4") == 4.0
    assert parse_years("0.5") == 0.5
    assert parse_years(".5") == 0.5
    assert parse_years("60") == 60.0
    for bad in ("1e1", "4_0", "4,5", "four", "inf"):
        with pytest.raises(InputError):
            parse_years(bad)


# The caches never change an answer -------------------------------------------------

VALUES = {
    "years": st.sampled_from(["0", "0.5", "1", "2.5", "3", "4", "6", "8", "12", "two", "", "61"]),
    "certs": st.sampled_from(["", "CMA", "cma;bls", "BLS; CMA", "CCMA;CET", "CMA;COA;COT", "XYZ"]),
    "setting": st.sampled_from(["family-practice", "HOSPITAL", "specialty-clinic", "moon", ""]),
    "specialty": st.sampled_from(["", "none", "ophthalmology", "Cardiology", "cardology"]),
    "leads": st.sampled_from(["", "none", "trains", "lead", "supervises", "boss"]),
    "pay": st.sampled_from(["", "46k", "17.50/h", "$60,000", "12/h", "lots"]),
}


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.fixed_dictionaries(VALUES), min_size=1, max_size=12))
def test_cached_and_uncached_answers_are_the_same(
    catalog: Catalog, rows: list[dict[str, str]]
) -> None:
    cached = RosterAssessor(catalog, HEADER, cache_size=1024)
    uncached = RosterAssessor(catalog, HEADER, cache_size=0)
    for number, values in enumerate(rows * 2, start=2):  # twice: the second pass hits
        cells = row(id=f"S{number}", **values)
        assert cached.row(number, cells) == uncached.row(number, cells)


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=st.fixed_dictionaries(VALUES))
def test_pay_percentile_matches_assess(catalog: Catalog, values: dict[str, str]) -> None:
    """The batch's pay column says what `assess --pay` says about the same pay."""
    from maplanner.core.money import parse_pay

    result = assessor(catalog).row(2, row(**values))
    if not isinstance(result, RosterResult) or result.pay is None:
        return
    profile = Profile(years=1, setting="hospital", pay=parse_pay(values["pay"], "pay"))
    standing = assess(profile, catalog).pay_standing
    assert standing is not None
    if standing.standing.percentile is None:
        assert result.pay.percentile is None and result.pay.outside is not None
        assert result.pay.outside.split()[0] == standing.standing.band.split()[0]
    else:
        assert result.pay.percentile == round(standing.standing.percentile, 1)


# Summary ---------------------------------------------------------------------------


@given(st.lists(st.integers(min_value=10, max_value=990), max_size=60))
def test_median_of_tenths_is_the_exact_median(tenths: list[int]) -> None:
    counts: dict[int, int] = {}
    for tenth in tenths:
        counts[tenth] = counts.get(tenth, 0) + 1
    found = median_of_tenths(counts)
    if not tenths:
        assert found is None
    else:
        assert found == pytest.approx(statistics.median(tenths) / 10)


def test_summary_counts_tiers_median_and_next_certification(catalog: Catalog) -> None:
    check = assessor(catalog)
    tally = SummaryTally(catalog)
    rows = [
        row(id="a", years="0", certs=""),  # entry, 9.8, next CMA
        row(id="b", years="0", certs=""),  # entry, 9.8, next CMA
        row(id="c", years="4", certs="CMA", setting="specialty-clinic", specialty="ophthalmology"),
        row(id="d", years="two"),
    ]
    for number, cells in enumerate(rows, start=2):
        result = check.row(number, cells)
        if isinstance(result, RosterResult):
            tally.add(result)
        else:
            tally.reject()
    tally.blank()
    summary = tally.summary(
        roster="r.csv", results="o.csv", errors="o.errors.csv", format="csv", carried_columns=()
    )
    assert (summary.rows_in, summary.rows_written, summary.rows_rejected) == (4, 3, 1)
    assert summary.blank_lines == 1
    assert [(t.id, t.count) for t in summary.tiers] == [
        ("entry", 2),
        ("mid", 0),
        ("senior", 0),
        ("specialized", 1),
    ]
    assert summary.median_estimated_percentile == 9.8
    assert summary.most_common_next_certification is not None
    assert summary.most_common_next_certification.id == "CMA"
    assert summary.most_common_next_certification.count == 2


def test_an_empty_summary_has_no_median_and_no_next_certification(catalog: Catalog) -> None:
    summary = SummaryTally(catalog).summary(
        roster="r.csv", results="o.csv", errors=None, format="jsonl", carried_columns=()
    )
    assert summary.rows_in == 0
    assert (summary.repeated_ids, summary.repeated_ids_checked_every_row) == (0, True)
    assert summary.median_estimated_percentile is None
    assert summary.most_common_next_certification is None
    assert all(t.count == 0 for t in summary.tiers)
