"""Read a pay amount the way people write it: 46000, 46,000, $46,000, 46k or 22.50/h."""

import math
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict

from maplanner.errors import InputError

MAX_ANNUAL = 1_000_000
MAX_HOURLY = 500
#: A bare number below this is almost surely an hourly rate written without "/h".
MIN_BARE_ANNUAL = 1_000

ACCEPTED = "an annual amount like 46000, 46,000, $46,000 or 46k, or an hourly rate like 22.50/h"

_PATTERN = re.compile(
    r"""^\s*\$?\s*
    (?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)
    \s*(?P<k>k)?
    \s*(?P<hourly>/\s*(?:h|hr|hour)|per\s+hour|an\s+hour|hourly)?
    \s*$""",
    re.IGNORECASE | re.VERBOSE,
)


class Pay(BaseModel):
    """An amount of pay and whether it is per year or per hour."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    amount: float
    per: Literal["year", "hour"]

    def annual(self, hours_per_year: int) -> float:
        return self.amount if self.per == "year" else self.amount * hours_per_year

    def describe(self) -> str:
        return f"${self.amount:,.2f}/h" if self.per == "hour" else f"${self.amount:,.0f} a year"


def parse_pay(text: str, what: str = "--wage") -> Pay:
    """Parse a pay amount, or raise InputError naming the value and what is accepted."""
    match = _PATTERN.match(text)
    if not match:
        raise InputError(f"{what} {text!r} is not a pay amount: use {ACCEPTED}")
    amount = float(match["number"].replace(",", ""))
    if match["k"]:
        amount *= 1000
    per: Literal["year", "hour"] = "hour" if match["hourly"] else "year"
    if match["k"] and per == "hour":
        raise InputError(f"{what} {text!r} mixes 'k' with an hourly rate: use {ACCEPTED}")
    return check_pay(Pay(amount=amount, per=per), text, what)


def check_pay(pay: Pay, shown: str, what: str) -> Pay:
    """Reject amounts that are zero, negative, not finite or beyond anything plausible."""
    if not math.isfinite(pay.amount) or pay.amount <= 0:
        raise InputError(f"{what} {shown!r} must be more than zero: use {ACCEPTED}")
    if pay.per == "hour" and pay.amount > MAX_HOURLY:
        raise InputError(f"{what} {shown!r} is beyond a plausible wage: at most ${MAX_HOURLY}/h")
    if pay.per == "year" and pay.amount > MAX_ANNUAL:
        raise InputError(
            f"{what} {shown!r} is beyond a plausible wage: at most ${MAX_ANNUAL:,} a year"
        )
    if pay.per == "year" and pay.amount < MIN_BARE_ANNUAL:
        raise InputError(
            f"{what} {shown!r} is too small for a yearly wage: for an hourly rate write "
            f"{pay.amount:g}/h"
        )
    return pay
