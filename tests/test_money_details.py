"""Details of core/money.py: the one-line answers to a pay amount that cannot be used."""

import math

import pytest

from maplanner.core.money import ACCEPTED, Pay, check_pay, parse_pay
from maplanner.errors import InputError


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("abc", f"--wage 'abc' is not a pay amount: use {ACCEPTED}"),
        ("-$-46000", f"--wage '-$-46000' is not a pay amount: use {ACCEPTED}"),  # two signs
        ("500", "--wage '500' is too small for a yearly wage: for an hourly rate write 500/h"),
        (
            "501",
            "--wage '501' is too small for a yearly wage and too large for an hourly rate: "
            f"use {ACCEPTED}",
        ),
    ],
)
def test_a_pay_amount_that_cannot_be_used_is_answered_in_one_line(text: str, message: str) -> None:
    with pytest.raises(InputError) as raised:
        parse_pay(text)  # named --wage unless told
    assert str(raised.value) == message


def test_an_amount_that_is_not_a_number_is_named() -> None:
    with pytest.raises(InputError) as raised:
        check_pay(Pay.model_construct(amount=math.nan, per="year"), " nan ", "pay")
    assert str(raised.value) == f"pay 'nan' is not a pay amount: use {ACCEPTED}"


@pytest.mark.parametrize(("typed", "shown"), [("a" * 40, "a" * 40), ("a" * 41, "a" * 39 + "…")])
def test_a_long_value_is_quoted_cut_at_40(typed: str, shown: str) -> None:
    with pytest.raises(InputError) as raised:
        parse_pay(f" {typed} ", "pay")
    assert str(raised.value) == f"pay {shown!r} is not a pay amount: use {ACCEPTED}"
