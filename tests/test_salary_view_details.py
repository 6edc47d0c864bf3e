"""Details of core/salary_view.py a person meets: a wage typed by the hour is reported
as typed, not as a yearly figure turned back into an hourly one."""

from maplanner.catalog.catalog import Catalog
from maplanner.core.money import parse_pay
from maplanner.core.salary_view import wage_answer


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
