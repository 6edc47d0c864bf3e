"""Details of core/whatif.py a person meets: what a change must hold and the refusal of
a bad one, what each change does, the words for pay and for a change in pay at and
beyond the published points, a what-if priced in the person's place, and the
one-line summary the reports print."""

from typing import Any

import pytest

from maplanner.catalog.catalog import Catalog
from maplanner.core.money import Pay
from maplanner.core.wages import WageAtPercentile, wage_at
from maplanner.core.whatif import (
    apply_changes,
    compare,
    parse_changes,
    pay_at,
    pay_change,
    pay_words,
    summary,
)
from maplanner.errors import InputError
from tests.helpers import profile, washington


def test_an_unknown_field_is_refused_with_every_field_a_what_if_can_change() -> None:
    with pytest.raises(InputError) as refused:
        parse_changes(["colour=red"])
    assert str(refused.value) == (
        "--what-if 'colour' is not a field a what-if can change: use years, cert, "
        "setting, specialty, leads, pay, education, accredited"
    )


def _wage(kind: Any, annual: float) -> WageAtPercentile:
    return WageAtPercentile.model_construct(
        percentile=50.0,
        kind=kind,
        annual=annual,
        hourly=annual / 2080,
        hourly_published=False,
        between=None,
        explanation="",
    )


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("published", "$45,690 a year"),
        ("estimate", "about $45,690 a year"),
        ("at-or-below", "under $45,690 a year"),
        ("at-or-above", "over $45,690 a year"),
    ],
)
def test_pay_is_said_as_published_estimated_or_as_a_bound(kind: Any, words: str) -> None:
    assert pay_words(_wage(kind, 45_690)) == words


def test_both_sides_of_a_what_if_are_priced_in_the_persons_place(catalog: Catalog) -> None:
    table = washington(catalog)
    person = profile(4, certs=("CMA",))
    result = compare(person, [("leads", "lead")], catalog, table)
    for side in (result.now, result.what_if):
        in_place = wage_at(table, side.estimated_percentile)
        assert side.pay == in_place
        assert side.pay.annual != wage_at(catalog.wages, side.estimated_percentile).annual
    assert result.pay_change == round(result.what_if.pay.annual) - round(result.now.pay.annual)


def test_pay_at_uses_the_national_table_without_a_place(catalog: Catalog) -> None:
    assert pay_at(catalog, 60) == wage_at(catalog.wages, 60)
    table = washington(catalog)
    assert pay_at(catalog, 60, table) == wage_at(table, 60)


def test_the_summary_says_tier_estimate_and_pay_in_one_line(catalog: Catalog) -> None:
    person = profile(4, certs=("CMA",))
    promoted = compare(person, [("leads", "lead")], catalog)
    assert summary(promoted) == (
        "tier Mid -> Senior/Lead; estimate 38th -> 52nd (+14 points); about +$3,774 a year"
    )  # $42,167 -> $45,941 as printed ($42,166.64 -> $45,941.28)
    same_tier = compare(person, [("cert", "CPT")], catalog)
    assert (
        summary(same_tier) == "estimate 38th -> 40th (+2 points); about +$577 a year"
    )  # $42,167 -> $42,744


def test_a_pay_change_is_the_difference_of_the_two_figures_as_printed(
    catalog: Catalog,
) -> None:
    """$37,420.80 -> $44,534.56 print as $37,421 and $44,535: +$7,114, not +$7,113."""
    result = compare(profile(1, "hospital"), [("years", "7")], catalog)
    assert (result.now.pay_text, result.what_if.pay_text, result.pay_change_text) == (
        "about $37,421 a year",
        "about $44,535 a year",
        "about +$7,114 a year",
    )
    assert result.pay_change == 7114


@pytest.mark.parametrize("text", ["=lead", "leads=", "leads", " = "])
def test_a_change_needs_a_field_an_equals_sign_and_a_value(text: str) -> None:
    with pytest.raises(InputError) as refused:
        parse_changes([text])
    assert str(refused.value) == (
        f"--what-if {text.strip()!r} is not a change: use FIELD=VALUE with FIELD one of "
        "years, cert, setting, specialty, leads, pay, education, accredited "
        "(for example leads=lead)"
    )


def test_the_value_of_a_change_runs_from_the_first_equals_sign() -> None:
    assert parse_changes(["pay=46k=x", "leads=lead years=6"]) == [
        ("pay", "46k=x"),
        ("leads", "lead"),
        ("years", "6"),
    ]


@pytest.mark.parametrize(
    ("field", "value", "refusal"),
    [
        ("years", "six", "--what-if years='six' is not a number of years: use a number"),
        ("cert", "XYZ", "--what-if cert 'XYZ' is not a known certification; choose one of"),
        ("specialty", "xyz", "--what-if specialty 'xyz' is not a known specialty; choose"),
        ("leads", "boss", "--what-if leads 'boss' is not a known leadership level; choose"),
        ("pay", "abc", "--what-if pay 'abc' is not a pay amount: use an annual amount"),
        ("education", "nope", "--what-if education 'nope' is not a known education level"),
        ("accredited", "maybe", "--what-if accredited 'maybe' is not a yes or no answer"),
        ("setting", "student", "--what-if setting student means in an MA program and not"),
    ],
)
def test_a_bad_value_is_refused_naming_the_what_if_field(
    catalog: Catalog, field: str, value: str, refusal: str
) -> None:
    with pytest.raises(InputError) as refused:
        apply_changes(profile(4, certs=("CMA",)), [(field, value)], catalog)
    assert str(refused.value).startswith(refusal)


def test_changes_set_years_credentials_pay_and_schooling(catalog: Catalog) -> None:
    person = profile(4, certs=("CMA",), pay=Pay(amount=23, per="hour"))
    changed = apply_changes(person, [("years", "6"), ("cert", "CPT,CET"), ("pay", "50k")], catalog)
    assert changed.years == 6
    assert [held.id for held in changed.certs] == ["CMA", "CPT", "CET"]
    assert changed.pay == Pay(amount=50_000, per="year")
    for cleared in ("none", "NONE"):
        assert apply_changes(person, [("pay", cleared)], catalog).pay is None
    schooled = apply_changes(person, [("education", "bachelor"), ("accredited", "yes")], catalog)
    assert (schooled.education, schooled.accredited) == ("bachelor", True)


@pytest.mark.parametrize(
    ("before", "after", "change"),
    [
        (("published", 45_690), ("published", 44_690), (-1000.0, "-$1,000 a year")),
        (("published", 45_690), ("published", 45_690), (0.0, "+$0 a year")),
        (("estimate", 40_000), ("published", 45_690), (5690.0, "about +$5,690 a year")),
        (("at-or-below", 36_050), ("estimate", 37_000), (950.0, "at least +$950 a year")),
        (("at-or-below", 36_050), ("estimate", 36_051), (1.0, "at least +$1 a year")),
        (("at-or-below", 36_050), ("published", 36_050), (0.0, "+$0 a year")),
        (("estimate", 58_000), ("at-or-above", 59_310), (1310.0, "at least +$1,310 a year")),
        (
            ("at-or-above", 59_310),
            ("at-or-above", 59_310),
            (0.0, "no published figure: both above the 90th percentile"),
        ),
        (
            ("at-or-below", 36_050),
            ("at-or-below", 36_050),
            (0.0, "no published figure: both below the 10th percentile"),
        ),
    ],
)
def test_a_pay_change_is_said_as_honestly_as_its_ends_allow(
    before: tuple[Any, float], after: tuple[Any, float], change: tuple[float, str]
) -> None:
    assert pay_change(_wage(*before), _wage(*after)) == change
