"""Details of core/salary_view.py a person meets: a wage typed by the hour is reported
as typed, the mean of a release that published no hourly one, withheld figures, the
comparison with the release before, and a place's table beside the national one."""

from maplanner.catalog.areas import area_rows
from maplanner.catalog.catalog import Catalog
from maplanner.catalog.wages import WageTable
from maplanner.core.money import parse_pay
from maplanner.core.places import place_table, resolve_area, resolve_state
from maplanner.core.salary_view import (
    PlaceInfo,
    distribution,
    salary_report,
    setting_answer,
    wage_answer,
)


def test_an_hourly_wage_is_kept_exactly_as_typed(catalog: Catalog) -> None:
    # 15.76 x 2,080 / 2,080 is 15.760000000000002 in floating point.
    answer = wage_answer(catalog, parse_pay("15.76/h", "--wage"), "15.76/h")
    assert answer.hourly == 15.76
    assert answer.annual == 15.76 * 2080
    assert (answer.annual_derived, answer.hourly_derived) == (True, False)


def test_a_yearly_wage_gives_its_hourly_figure_at_2080_hours(catalog: Catalog) -> None:
    answer = wage_answer(catalog, parse_pay("46k", "--wage"), " 46k ")
    assert (answer.entered, answer.annual, answer.hourly) == ("46k", 46_000, 46_000 / 2080)
    assert (answer.annual_derived, answer.hourly_derived) == (False, True)


def test_a_release_without_a_mean_hourly_wage_derives_it(catalog: Catalog) -> None:
    # May 2024's sources give no mean hourly wage: annual / 2,080, flagged as derived.
    mean = distribution(catalog, catalog.wage_table("2024")).mean
    assert (mean.annual, mean.hourly, mean.hourly_published) == (44_720, 21.5, False)


def test_a_published_mean_hourly_wage_is_shown_as_published(catalog: Catalog) -> None:
    mean = distribution(catalog).mean
    assert (mean.annual, mean.hourly, mean.hourly_published) == (46_120, 22.17, True)


def test_without_a_place_there_is_no_second_national_table(catalog: Catalog) -> None:
    assert salary_report(catalog).national is None


def test_a_place_s_withheld_figures_are_named_with_bls_s_reason(catalog: Catalog) -> None:
    fort_collins = resolve_area(area_rows(catalog, None), "fort collins")
    table = place_table(catalog, None, fort_collins)
    assert isinstance(table, WageTable)
    assert distribution(catalog, table).withheld == {"employment": "Estimate not released."}


def test_only_the_latest_national_table_is_compared_with_the_release_before(
    catalog: Catalog,
) -> None:
    assert salary_report(catalog).distribution.earlier_vintage == "May 2024"
    older = salary_report(catalog, release="2024").distribution
    assert older.earlier_vintage is None
    assert {point.earlier_annual for point in older.points} == {None}


def test_with_a_place_the_national_table_is_shown_beside_it_and_pay_is_placed_there(
    catalog: Catalog,
) -> None:
    washington = resolve_state(catalog, "WA")
    table = place_table(catalog, None, washington)
    assert isinstance(table, WageTable)
    where = PlaceInfo.model_construct(
        kind="state",
        code=washington.code,
        name=washington.name,
        postal="WA",
        employment=None,
        rank=None,
        ranked_of=None,
    )
    report = salary_report(
        catalog,
        pay=parse_pay("46k", "--wage"),
        setting_id="hospital",
        place=where,
        place_table=table,
    )
    assert report.national is not None and report.national.area == "United States"
    assert report.distribution.area == "Washington"
    assert report.distribution.earlier_vintage is None
    # The setting's median is national, so a wage placed in Washington is not set
    # against it.
    assert report.setting is not None and report.setting.wage_difference is None


def test_a_setting_is_set_against_the_latest_national_median_by_default(
    catalog: Catalog,
) -> None:
    answer = setting_answer(catalog, "hospital", None)
    assert answer.national_median_annual == 45_690  # BLS OEWS May 2025
