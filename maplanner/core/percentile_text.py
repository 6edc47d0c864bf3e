"""One rule for showing a percentile, in every view: terminal, JSON text, reports, batch.

- Round half up (37.5 is the 38th), never half to even: estimates are sums of
  points and often end in .5, and half to even would round 37.5 up but 36.5 down.
- One number of decimals in a given place (whole percentiles everywhere today).
- Ranges and differences are worked out from the figures as shown, so what is
  printed adds up: "38th (likely 31st to 45th)" and "28th -> 34th (+6 points)".
- Outside the published points nothing is invented: below the lowest published
  percentile a figure reads "below the 10th percentile (under $35,020 a year)", above
  the highest "above the 90th percentile (over $57,830 a year)", with the dollars
  taken from the published points passed in (a wage table's).
"""

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # a Protocol class costs start-up time every run; types need it only
    from typing import Protocol

    class Published(Protocol):
        """A published percentile point: a wage table's, or a view's copy of one."""

        @property
        def percentile(self) -> int: ...

        @property
        def annual(self) -> float: ...

    #: The published points, lowest first (``WageTable.percentiles``, ``Distribution.points``).
    Points = Sequence[Published]
else:
    Points = Sequence


def shown(value: float, decimals: int = 0) -> float:
    """The value as it is displayed: rounded half up to `decimals` places.

    Whole numbers (nearly every place) need no decimal arithmetic: a tie is a float
    exactly halfway, which binary holds exactly. With decimals the shortest decimal
    text of the float (``repr``) is rounded, so 2.675 is read as people read it
    (2.68), not as the binary number just below it.
    """
    if decimals == 0:
        whole = math.floor(value)
        return float(whole + 1 if value - whole >= 0.5 else whole)
    from decimal import ROUND_HALF_UP, Decimal  # only where a place shows decimals

    exact = Decimal(repr(float(value)))
    return float(exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))


def number(value: float, decimals: int = 0) -> str:
    """'38', '15.9': the shown value as digits, with exactly `decimals` places."""
    return f"{shown(value, decimals):.{decimals}f}"


def ordinal(value: float, decimals: int = 0) -> str:
    """'38th', '52nd', '15.9th': the shown value with its English suffix."""
    rounded = shown(value, decimals)
    if decimals:
        return f"{rounded:.{decimals}f}th"
    whole = int(rounded)
    if 10 <= abs(whole) % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(abs(whole) % 10, "th")
    return f"{whole}{suffix}"


def change(before: float, after: float, decimals: int = 0) -> float:
    """After minus before, from the shown figures: '28th -> 34th' is +6, whatever the raw."""
    return shown(shown(after, decimals) - shown(before, decimals), decimals)


def signed(value: float, decimals: int = 0) -> str:
    """'+6', '-3', '0': a change as shown (computed with `change`)."""
    text = number(value, decimals)
    if shown(value, decimals) == 0:
        return number(0, decimals)
    return text if text.startswith("-") else f"+{text}"


def step(before: float, after: float, decimals: int = 0, *, unit: bool = False) -> str:
    """'46th -> 52nd (+6)', or '(+6 points)' with `unit`: a move and its size, which agree."""
    moved = change(before, after, decimals)
    size = signed(moved, decimals)
    if unit:
        size += " point" if abs(moved) == 1 else " points"
    return f"{ordinal(before, decimals)} -> {ordinal(after, decimals)} ({size})"


def move(points: Points, before: float, after: float, *, unit: bool = False) -> str:
    """'47th -> 52nd (+5)'; past the published points, words instead of a clamped number.

    'below the 10th -> 17th', 'stays below the 10th': no change is counted from a
    figure that is not shown.
    """
    if beyond(points, before) is None and beyond(points, after) is None:
        return step(before, after, unit=unit)
    start, end = short_where(points, before), short_where(points, after)
    if start == end:
        return f"stays {start}"
    return f"{start} -> {end.removeprefix('the ')}"


def beyond(points: Points, value: float) -> str | None:
    """'below' or 'above' when the value lies outside the published points, else None.

    Decided on the value itself, not the rounded one: 9.6 is below the 10th, and saying
    "about the 10th" would sit badly beside its wage, which is only known to be under
    the 10th percentile's.
    """
    if value < points[0].percentile:
        return "below"
    if value > points[-1].percentile:
        return "above"
    return None


def outside_words(points: Points, side: str, *, per: str = " a year") -> str:
    """'below the 10th percentile (under $35,020 a year)' or 'above the 90th ... (over ...)'."""
    point = points[0] if side == "below" else points[-1]
    money = "under" if side == "below" else "over"
    return f"{side} the {ordinal(point.percentile)} percentile ({money} ${point.annual:,.0f}{per})"


def where(points: Points, value: float, decimals: int = 0) -> str:
    """'about the 38th percentile', or what is known outside the published range."""
    side = beyond(points, value)
    if side is not None:
        return outside_words(points, side)
    return f"about the {ordinal(value, decimals)} percentile"


def short_where(points: Points, value: float, decimals: int = 0) -> str:
    """'the 38th', 'below the 10th', 'above the 90th': the same rule, in few words."""
    side = beyond(points, value)
    if side == "below":
        return f"below the {ordinal(points[0].percentile)}"
    if side == "above":
        return f"above the {ordinal(points[-1].percentile)}"
    return f"the {ordinal(value, decimals)}"


def span(points: Points, low: float, high: float) -> str:
    """'31st to 45th', 'below the 10th to the 17th', 'the 83rd to above the 90th'."""
    low_side, high_side = beyond(points, low), beyond(points, high)
    if low_side is None and high_side is None:
        return f"{ordinal(low)} to {ordinal(high)}"
    if low_side is not None and low_side == high_side:
        return short_where(points, low)
    return f"{short_where(points, low)} to {short_where(points, high)}"


def estimate_words(points: Points, estimate: float, low: float, high: float) -> str:
    """'about the 38th percentile (likely 31st to 45th)', honest at both ends.

    Outside the published points: 'below the 10th percentile (under $35,020 a year;
    likely up to the 17th)', never a clamped '1st' the source never published.
    """
    side = beyond(points, estimate)
    if side is None:
        return f"{where(points, estimate)} (likely {span(points, low, high)})"
    words = outside_words(points, side)
    other = high if side == "below" else low
    if beyond(points, other) is None:
        reach = "up to" if side == "below" else "from"
        words = f"{words[:-1]}; likely {reach} the {ordinal(other)})"
    return words
