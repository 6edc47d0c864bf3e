"""Details of core/states_view.py, `maplanner salary --states`: which rows are listed, in
what order, and what each row and the report carry."""

from maplanner.catalog.catalog import Catalog
from maplanner.catalog.oews import Figures
from maplanner.core.states_view import states_report


def figures(median: float | None, employment: int | None = 1_000) -> Figures:
    return Figures.model_construct(
        employment=employment,
        annual_10=30_000.0,
        annual_50=median,
        annual_90=60_000.0,
        hourly_50=None if median is None else round(median / 2080, 2),
        footnotes={} if employment is not None else {"employment": 8},
    )


def test_states_are_ranked_by_median_and_rows_without_one_are_left_out(
    catalog: Catalog,
) -> None:
    rows = {
        "9900000": figures(70_000),  # not a state
        "0500000": figures(None),  # Arkansas: no median published
        "0400000": figures(50_000),  # Arizona
        "0100000": figures(40_000, employment=None),  # Alabama
        "0200000": figures(50_000),  # Alaska: ties with Arizona, first by name
    }
    report = states_report(catalog, rows)
    assert (report.release, report.vintage, report.source.id) == (
        "2025",
        "May 2025",
        "bls-oews-2025",
    )
    assert report.national_median_annual == 45_690
    listed = [
        (row.rank, row.postal, row.fips, row.median_annual, row.median_hourly)
        for row in report.states
    ]
    assert listed == [
        (1, "AK", "02", 50_000, 24.04),
        (2, "AZ", "04", 50_000, 24.04),
        (3, "AL", "01", 40_000, 19.23),
    ]
    alaska, alabama = report.states[0], report.states[2]
    assert (alaska.employment, alaska.employment_withheld) == (1_000, None)
    assert (alabama.employment, alabama.employment_withheld) == (None, "Estimate not released.")
    assert (alabama.low_annual, alabama.high_annual) == (30_000, 60_000)


def test_withheld_employment_with_a_footnote_the_data_does_not_explain_names_its_code(
    catalog: Catalog,
) -> None:
    unexplained = figures(40_000, employment=None)
    unexplained.footnotes["employment"] = 99
    (row,) = states_report(catalog, {"0100000": unexplained}).states
    assert (row.employment, row.employment_withheld) == (
        None,
        "not published (BLS footnote 99)",
    )


def test_withheld_employment_without_a_footnote_says_not_published(catalog: Catalog) -> None:
    silent = figures(40_000, employment=None)
    silent.footnotes.pop("employment")
    (row,) = states_report(catalog, {"0100000": silent}).states
    assert (row.employment, row.employment_withheld) == (None, "not published")
