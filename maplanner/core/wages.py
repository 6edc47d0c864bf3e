"""Wage math on the published percentile table.

Published points are returned exactly. Between two published points the wage is
estimated by a straight line (linear interpolation in percentile and dollars), and
every such figure is marked as an estimate with the two points it lies between.
Below the lowest or above the highest published point nothing is invented: the
answer says what is known, by the one rule in core/percentile_text.py ("below the
10th percentile (under $35,020 a year)"). Hourly figures are annual / hours per
year, marked as derived, except the hourly median that BLS publishes.
"""

import itertools
import math
import re
from typing import Literal

from maplanner.catalog.wages import PercentilePoint, WageTable
from maplanner.core.percentile_text import outside_words
from maplanner.core.result import Result as _Result
from maplanner.core.text import dollars, ordinal, quoted
from maplanner.errors import InputError


class WageAtPercentile(_Result):
    """What a percentile pays."""

    percentile: float
    kind: Literal["published", "estimate", "at-or-below", "at-or-above"]
    annual: float
    hourly: float
    hourly_published: bool
    between: tuple[PercentilePoint, PercentilePoint] | None
    explanation: str


class WageStanding(_Result):
    """Where a wage stands in the distribution."""

    annual: float
    hourly: float
    kind: Literal["published", "estimate", "below-range", "above-range"]
    percentile: float | None
    band: str
    next_point: PercentilePoint | None
    to_next_point: float | None
    explanation: str


PERCENTILE_RANGE = "use a number above 0 and below 100, like 75 or 62.5"

_PERCENTILE = re.compile(
    r"^\s*(?P<number>[-+]?(?:\d+(?:\.\d*)?|\.\d+))\s*(?:st|nd|rd|th|%)?\s*$",
    re.IGNORECASE | re.ASCII,
)


def check_percentile(value: float, option: str = "--percentile") -> float:
    """A percentile must be a finite number above 0 and below 100."""
    if not math.isfinite(value) or not 0 < value < 100:
        raise InputError(f"{option} {value:.10g} is out of range: {PERCENTILE_RANGE}")
    return value


def parse_percentile(text: str, option: str = "--percentile") -> float:
    """Read a percentile as typed ("75", "62.5", "75th"), or raise InputError.

    Parsed here rather than by the option parser so that "abc", "nan" and "inf" get
    the same one-line answer naming the accepted range as 0 or 100 do.
    """
    shown = quoted(text)
    match = _PERCENTILE.match(text)
    if not match:
        raise InputError(f"{option} {shown} is not a number: {PERCENTILE_RANGE}")
    value = float(match["number"])
    if not 0 < value < 100:
        raise InputError(f"{option} {shown} is out of range: {PERCENTILE_RANGE}")
    return value


def percentile_words(percentile: float) -> str:
    """'75th', '62.5th': the ordinal of a percentile someone asked for, never rounded.

    Rounding would turn 0.5 into "0th" and 99.6 into "100th", which are not percentiles.
    """
    if float(percentile).is_integer():
        return ordinal(percentile)
    return f"{percentile:.10g}th"


def hourly_for(table: WageTable, annual: float) -> tuple[float, bool]:
    """The hourly figure for an annual wage, and whether BLS published it."""
    for point in table.percentiles:
        if point.hourly is not None and annual == point.annual:
            return point.hourly, True
    median = _point(table, 50)
    if median is not None and annual == median.annual:
        return table.median_hourly, True
    return annual / table.hours_per_year, False


def wage_at(table: WageTable, percentile: float) -> WageAtPercentile:
    """The annual and hourly wage at a percentile (0 < percentile < 100)."""
    check_percentile(percentile)
    points = table.percentiles
    low, high = points[0], points[-1]
    if percentile < low.percentile or percentile > high.percentile:
        bound = low if percentile < low.percentile else high
        kind: Literal["at-or-below", "at-or-above"] = (
            "at-or-below" if bound is low else "at-or-above"
        )
        side = "below" if bound is low else "above"
        hourly, published = hourly_for(table, bound.annual)
        return WageAtPercentile.model_construct(
            percentile=percentile,
            kind=kind,
            annual=bound.annual,
            hourly=hourly,
            hourly_published=published,
            between=None,
            explanation=(
                f"BLS publishes no figure {side} the {point_name(bound.percentile)}, so "
                f"none is invented: the {percentile_words(percentile)} percentile is "
                f"{outside_words(points, side)}."
            ),
        )
    exact = _point(table, percentile)
    if exact is not None:
        hourly, published = hourly_for(table, exact.annual)
        return WageAtPercentile.model_construct(
            percentile=percentile,
            kind="published",
            annual=exact.annual,
            hourly=hourly,
            hourly_published=published,
            between=None,
            explanation=f"The {point_name(exact.percentile)} is published by BLS.",
        )
    below, above = _neighbours_by_percentile(points, percentile)
    share = (percentile - below.percentile) / (above.percentile - below.percentile)
    annual = below.annual + share * (above.annual - below.annual)
    return WageAtPercentile.model_construct(
        percentile=percentile,
        kind="estimate",
        annual=annual,
        hourly=annual / table.hours_per_year,
        hourly_published=False,
        between=(below, above),
        explanation=(
            f"Estimate: BLS does not publish the {percentile_words(percentile)} percentile; "
            f"this is a straight line between the published {point_name(below.percentile)} "
            f"({dollars(below.annual)}) and {point_name(above.percentile)} "
            f"({dollars(above.annual)})."
        ),
    )


def percentile_of(table: WageTable, annual: float) -> WageStanding:
    """Where an annual wage stands: a published point, an estimate, or outside the range."""
    if not math.isfinite(annual) or annual <= 0:
        raise InputError(f"wage {annual!r} must be a positive amount")
    points = table.percentiles
    low, high = points[0], points[-1]
    hourly = annual / table.hours_per_year
    if annual < low.annual:
        return WageStanding.model_construct(
            annual=annual,
            hourly=hourly,
            kind="below-range",
            percentile=None,
            band=f"below the {point_name(low.percentile)}",
            next_point=low,
            to_next_point=low.annual - annual,
            explanation=(
                f"{dollars(annual)} is below the lowest published point, the "
                f"{point_name(low.percentile)} ({dollars(low.annual)})."
            ),
        )
    if annual > high.annual:
        return WageStanding.model_construct(
            annual=annual,
            hourly=hourly,
            kind="above-range",
            percentile=None,
            band=f"above the {point_name(high.percentile)}",
            next_point=None,
            to_next_point=None,
            explanation=(
                f"{dollars(annual)} is above the highest published point, the "
                f"{point_name(high.percentile)} ({dollars(high.annual)})."
            ),
        )
    for point in points:
        if annual == point.annual:
            following = _next_point(points, point)
            return WageStanding.model_construct(
                annual=annual,
                hourly=hourly,
                kind="published",
                percentile=float(point.percentile),
                band=f"at the {point_name(point.percentile)}",
                next_point=following,
                to_next_point=None if following is None else following.annual - annual,
                explanation=(
                    f"{dollars(annual)} is exactly the published {point_name(point.percentile)}."
                ),
            )
    below, above = _neighbours_by_wage(points, annual)
    share = (annual - below.annual) / (above.annual - below.annual)
    percentile = below.percentile + share * (above.percentile - below.percentile)
    return WageStanding.model_construct(
        annual=annual,
        hourly=hourly,
        kind="estimate",
        percentile=percentile,
        band=f"between the {point_name(below.percentile)} and the {point_name(above.percentile)}",
        next_point=above,
        to_next_point=above.annual - annual,
        explanation=(
            f"Estimate: about the {ordinal(percentile)} percentile, on a straight line "
            f"between the published {point_name(below.percentile)} ({dollars(below.annual)}) "
            f"and {point_name(above.percentile)} ({dollars(above.annual)})."
        ),
    )


def point_name(percentile: int) -> str:
    """'median' or '75th percentile': how a published point is named everywhere."""
    return "median" if percentile == 50 else f"{ordinal(percentile)} percentile"


def _point(table: WageTable, percentile: float) -> PercentilePoint | None:
    return next((p for p in table.percentiles if p.percentile == percentile), None)


def _next_point(points: list[PercentilePoint], point: PercentilePoint) -> PercentilePoint | None:
    index = points.index(point)
    return points[index + 1] if index + 1 < len(points) else None


def _neighbours_by_percentile(
    points: list[PercentilePoint], percentile: float
) -> tuple[PercentilePoint, PercentilePoint]:
    for below, above in itertools.pairwise(points):
        if below.percentile < percentile < above.percentile:
            return below, above
    raise AssertionError("percentile inside the range must fall between two points")


def _neighbours_by_wage(
    points: list[PercentilePoint], annual: float
) -> tuple[PercentilePoint, PercentilePoint]:
    for below, above in itertools.pairwise(points):
        if below.annual < annual < above.annual:
            return below, above
    raise AssertionError("wage inside the range must fall between two points")
