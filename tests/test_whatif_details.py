"""Details of core/whatif.py a person meets: the refusal of an unknown field, the words
for pay at and beyond the published points, a what-if priced in the person's place,
and the one-line summary the reports print."""

from typing import Any

import pytest

from maplanner.catalog.catalog import Catalog
from maplanner.core.wages import WageAtPercentile, wage_at
from maplanner.core.whatif import compare, parse_changes, pay_at, pay_words, summary
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
    assert result.pay_change == round(result.what_if.pay.annual - result.now.pay.annual)


def test_pay_at_uses_the_national_table_without_a_place(catalog: Catalog) -> None:
    assert pay_at(catalog, 60) == wage_at(catalog.wages, 60)
    table = washington(catalog)
    assert pay_at(catalog, 60, table) == wage_at(table, 60)


def test_the_summary_says_tier_estimate_and_pay_in_one_line(catalog: Catalog) -> None:
    person = profile(4, certs=("CMA",))
    promoted = compare(person, [("leads", "lead")], catalog)
    assert summary(promoted) == (
        "tier Mid -> Senior/Lead; estimate 38th -> 52nd (+14 points); about +$3,775 a year"
    )
    same_tier = compare(person, [("cert", "CPT")], catalog)
    assert summary(same_tier) == "estimate 38th -> 40th (+2 points); about +$578 a year"


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
