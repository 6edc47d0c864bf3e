"""Read a pay amount the way people write it: 46000, 46,000, $46,000, 46k or 22.50/h."""

import math
import re
from typing import Literal

from maplanner.core.result import Result
from maplanner.core.text import quoted
from maplanner.errors import InputError

MAX_ANNUAL = 1_000_000
MAX_HOURLY = 500
#: A bare number below this is almost surely an hourly rate written without "/h".
MIN_BARE_ANNUAL = 1_000
#: Below a dollar an hour is no wage (0.0000001/h would show as "$0 a year").
MIN_HOURLY = 1

ACCEPTED = "an annual amount like 46000, 46,000, $46,000 or 46k, or an hourly rate like 22.50/h"

_PATTERN = re.compile(
    r"""^\s*(?P<minus>[-−])?\s*\$?\s*(?P<minus_after>[-−])?\s*
    (?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)
    \s*(?P<k>k)?
    \s*(?P<hourly>/\s*(?:h|hr|hour)|per\s+hour|an\s+hour|hourly)?
    \s*$""",
    re.IGNORECASE | re.VERBOSE | re.ASCII,
)


class Pay(Result):
    """An amount of pay and whether it is per year or per hour."""

    amount: float
    per: Literal["year", "hour"]

    def annual(self, hours_per_year: int) -> float:
        return self.amount if self.per == "year" else self.amount * hours_per_year

    def describe(self) -> str:
        return f"${self.amount:,.2f}/h" if self.per == "hour" else f"${self.amount:,.0f} a year"


def parse_pay(text: str, what: str = "--wage") -> Pay:
    """Parse a pay amount, or raise InputError naming the value and what is accepted."""
    shown = quoted(text)
    match = _PATTERN.match(text)
    if not match:
        raise InputError(f"{what} {shown} is not a pay amount: use {ACCEPTED}")
    if match["minus"] and match["minus_after"]:
        raise InputError(f"{what} {shown} is not a pay amount: use {ACCEPTED}")
    amount = float(match["number"].replace(",", ""))
    if match["k"]:
        amount *= 1000
    if match["minus"] or match["minus_after"]:
        amount = -amount  # parsed so that the message can say "more than zero"
    per: Literal["year", "hour"] = "hour" if match["hourly"] else "year"
    if match["k"] and per == "hour":
        raise InputError(f"{what} {shown} mixes 'k' with an hourly rate: use {ACCEPTED}")
    return check_pay(Pay.model_construct(amount=amount, per=per), text, what)


def check_pay(pay: Pay, shown: str, what: str) -> Pay:
    """Reject amounts that are zero, negative, not a number or beyond anything plausible.

    A bare number too small for a year's pay is almost always an hourly rate typed
    without "/h", so the message says how to write one (unless it is too big for an
    hourly rate too).
    """
    typed = quoted(shown)
    if math.isnan(pay.amount):
        raise InputError(f"{what} {typed} is not a pay amount: use {ACCEPTED}")
    if pay.amount <= 0:
        raise InputError(f"{what} {typed} must be more than zero: use {ACCEPTED}")
    if pay.per == "hour" and pay.amount > MAX_HOURLY:
        raise InputError(
            f"{what} {typed} is beyond a plausible wage: use at most ${MAX_HOURLY}/h "
            f"(or ${MAX_ANNUAL:,} a year)"
        )
    if pay.per == "hour" and pay.amount < MIN_HOURLY:
        raise InputError(
            f"{what} {typed} is too small for an hourly wage: use at least ${MIN_HOURLY}/h "
            "(like 22.50/h)"
        )
    if pay.per == "year" and pay.amount > MAX_ANNUAL:
        raise InputError(
            f"{what} {typed} is beyond a plausible wage: use at most ${MAX_ANNUAL:,} a "
            f"year (or ${MAX_HOURLY}/h)"
        )
    if pay.per == "year" and pay.amount < MIN_BARE_ANNUAL:
        if pay.amount > MAX_HOURLY:
            raise InputError(
                f"{what} {typed} is too small for a yearly wage and too large for an "
                f"hourly rate: use {ACCEPTED}"
            )
        raise InputError(
            f"{what} {typed} is too small for a yearly wage: for an hourly rate write "
            f"{pay.amount:g}/h"
        )
    return pay
