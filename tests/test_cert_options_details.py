"""Details of core/cert_options.py and core/cert_year.py: how `certs --year` reads a
year, words a refusal and places the year in its band."""

import pytest

from maplanner.catalog.catalog import Catalog
from maplanner.core.cert_options import parse_year
from maplanner.core.cert_year import plan_for_year
from maplanner.errors import InputError

ACCEPTED = "use a whole number of years from 0 to 50 (0 = still in training)"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a" * 20, f"--year {'a' * 20!r} is not a whole number: {ACCEPTED}"),
        ("a" * 21, f"--year {'a' * 19 + '…'!r} is not a whole number: {ACCEPTED}"),
        ("+100000", f"--year 100000 is out of range: {ACCEPTED}"),  # the number, not the text
        ("+0001234567", f"--year '+0001234567' is out of range: {ACCEPTED}"),
        ("9" * 21, f"--year {'9' * 19 + '…'!r} is out of range: {ACCEPTED}"),
    ],
)
def test_a_refused_year_is_shown_as_typed_or_cut_at_20(text: str, message: str) -> None:
    with pytest.raises(InputError) as raised:
        parse_year(text, 50)
    assert str(raised.value) == message


@pytest.mark.parametrize(("text", "year"), [("0000000005", 5), ("+0000005", 5), ("-0000000", 0)])
def test_leading_zeros_do_not_count_as_digits(text: str, year: int) -> None:
    assert parse_year(text, 50) == year


def test_a_years_plan_names_its_band_and_where_the_year_sits_in_it(catalog: Catalog) -> None:
    plan = plan_for_year(catalog, 3)
    band = plan.band
    assert (band.id, band.first_year, band.last_year) == ("specialization", 2, 4)
    assert (plan.year_in_band, plan.band_years, plan.position) == (
        2,
        3,
        "year 2 of 3 in this band",
    )
