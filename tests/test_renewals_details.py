"""Details of core/renewals.py a person meets when giving a membership month."""

from datetime import date

import pytest

from maplanner.catalog.catalog import Catalog
from maplanner.core.renewals import parse_member_month, parse_month
from maplanner.errors import InputError

NOT_A_MONTH = "is not a month: use 1 to 12 or a month's name, like 5 or may"


@pytest.mark.parametrize(
    ("text", "month"), [("1", 1), ("01", 1), (" 12 ", 12), ("jan", 1), ("Sept", 9), ("MAY", 5)]
)
def test_a_membership_month_by_number_or_name(catalog: Catalog, text: str, month: int) -> None:
    assert parse_member_month(catalog, "CPC", text) == month


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("0", "'0'"),
        ("13", "'13'"),
        ("012", "'012'"),  # a month has at most two digits
        ("ja", "'ja'"),  # a name needs its first three letters
        ("m" * 20, repr("m" * 20)),
        ("m" * 21, repr("m" * 19 + "…")),
    ],
)
def test_anything_else_is_refused_naming_it(catalog: Catalog, text: str, shown: str) -> None:
    with pytest.raises(InputError) as raised:
        parse_member_month(catalog, "CPC", text)
    assert str(raised.value) == f"--member-month {shown} {NOT_A_MONTH}"


@pytest.mark.parametrize("cert", ["CMA", "CET"])  # a verified renewal of another kind; none
def test_a_credential_that_renews_without_a_membership_names_those_that_do(
    catalog: Catalog, cert: str
) -> None:
    with pytest.raises(InputError) as raised:
        parse_member_month(catalog, cert, "5")
    assert str(raised.value) == (
        f"--member-month: {cert}'s renewal does not follow a membership month; it is for CPC"
    )
    files = catalog.files()
    cpc = catalog.certification("CPC")
    files["certifications.toml"] = files["certifications.toml"].model_copy(
        update={
            "certification": [
                c.model_copy(update={"renewal": cpc.renewal}) if c.id == "CCS" else c
                for c in catalog.certifications
            ]
        }
    )
    with pytest.raises(InputError) as raised:
        parse_member_month(Catalog(files), cert, "5")
    assert str(raised.value).endswith("; it is for CPC and CCS")


def test_an_earned_month_that_is_not_a_month_says_what_to_write() -> None:
    with pytest.raises(InputError) as raised:
        parse_month("March", date(2025, 3, 20))
    assert str(raised.value) == (
        "--earned 'March' is not a month: use YYYY-MM, the month you earned or last renewed "
        "it, like 2025-03"
    )
