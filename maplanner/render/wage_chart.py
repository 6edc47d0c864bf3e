"""The wage distribution as an inline SVG chart: no script, nothing fetched, and
readable printed in black and white.

The chart takes the wage table to draw as an input (`Distribution`), so a place's
table draws the same way as the national one. It shows the published points as a
box plot on a dollar axis: the whiskers run from the 10th to the 90th percentile,
the box from the 25th to the 75th, a thick line marks the median, and each point is
labelled with its dollars. Marks are told apart by shape and label, never by colour
alone: a person's estimate is a filled triangle, its likely range a bracket, their
pay an open diamond; on the class chart each filled dot is one or more students'
estimates and each open dot their pay.

Every text goes through `html.escape`; the SVG carries role="img" and an
aria-label saying what it shows, for screen readers. Elements are closed with end
tags (not "/>"), as in the rest of the page.
"""

import math
from collections.abc import Sequence
from html import escape

from maplanner.core.salary_view import Distribution
from maplanner.core.text import dollars

WIDTH = 680
LEFT = 30
RIGHT = 30
FONT = 'font-family="system-ui, Helvetica, Arial, sans-serif"'
#: How far past the published 10th and 90th percentiles the axis may reach.
REACH = 0.35
#: The tallest stack of dots on the class chart; more students share a dot.
MAX_STACK = 12


def _e(text: object) -> str:
    return escape(str(text), quote=True)


class _Axis:
    """Dollars to x positions, over a range that holds every figure to draw."""

    def __init__(self, low: float, high: float) -> None:
        step = 5000.0
        self.low = math.floor(low * 0.97 / step) * step
        self.high = math.ceil(high * 1.02 / step) * step
        if self.high <= self.low:
            self.high = self.low + step
        self.step = step if (self.high - self.low) / step <= 12 else step * 2

    def x(self, annual: float) -> float:
        span = WIDTH - LEFT - RIGHT
        return round(LEFT + (annual - self.low) / (self.high - self.low) * span, 1)

    def ticks(self) -> list[float]:
        first = math.ceil(self.low / self.step) * self.step
        count = int((self.high - first) // self.step) + 1
        return [first + number * self.step for number in range(count)]


def _svg(height: int, label: str, body: list[str]) -> str:
    return "\n".join(
        [
            f'<svg class="wage-chart" role="img" aria-label="{_e(label)}" '
            f'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
            f'width="100%" preserveAspectRatio="xMidYMid meet">',
            *body,
            "</svg>",
        ]
    )


def _box(wages: Distribution, axis: _Axis, top: float) -> list[str]:
    """The published points as a box plot whose box spans `top` to `top + 28`."""
    points = {point.percentile: point.annual for point in wages.points}
    lines: list[str] = []
    middle = top + 14
    low, high = min(points), max(points)
    lines.append(
        f'<line x1="{axis.x(points[low])}" y1="{middle}" x2="{axis.x(points[high])}" '
        f'y2="{middle}" stroke="#000" stroke-width="1.5"></line>'
    )
    if 25 in points and 75 in points:
        x1, x2 = axis.x(points[25]), axis.x(points[75])
        lines.append(
            f'<rect x="{x1}" y="{top}" width="{round(x2 - x1, 1)}" height="28" fill="#fff" '
            'stroke="#000" stroke-width="1.5"></rect>'
        )
    last_x = -1000.0
    lower = False
    for percentile, annual in sorted(points.items()):
        x = axis.x(annual)
        wide = percentile == 50
        lower = (not lower) and x - last_x < 64  # labels too close: the next goes lower
        last_x = x
        drop = 26 if lower else 0
        lines.append(
            f'<line x1="{x}" y1="{top - (4 if wide else 0)}" x2="{x}" '
            f'y2="{top + 28 + (4 if wide else 0)}" stroke="#000" '
            f'stroke-width="{3.5 if wide else 1.5}"></line>'
        )
        name = "median" if wide else f"{percentile}th"
        lines.append(
            f'<text x="{x}" y="{top + 46 + drop}" text-anchor="middle" font-size="11" {FONT}>'
            f"{_e(name)}</text>"
        )
        lines.append(
            f'<text x="{x}" y="{top + 59 + drop}" text-anchor="middle" font-size="11" {FONT}>'
            f"{_e(dollars(annual))}</text>"
        )
    return lines


def _ticks(axis: _Axis, y: float) -> list[str]:
    lines = [
        f'<line x1="{LEFT}" y1="{y}" x2="{WIDTH - RIGHT}" y2="{y}" stroke="#000" '
        'stroke-width="0.75"></line>'
    ]
    for value in axis.ticks():
        x = axis.x(value)
        lines.append(f'<line x1="{x}" y1="{y}" x2="{x}" y2="{y + 4}" stroke="#000"></line>')
        lines.append(
            f'<text x="{x}" y="{y + 15}" text-anchor="middle" font-size="10" fill="#000" '
            f"{FONT}>${value / 1000:g}k</text>"
        )
    return lines


def _span(wages: Distribution, values: list[float]) -> tuple[float, float]:
    """The dollars the axis covers: every value, but no further than `REACH` beyond
    the published range, so one far-off pay (or a typo) cannot squash the chart; a
    mark past the edge is drawn at the edge, and its label gives the amount."""
    lowest = min(point.annual for point in wages.points)
    highest = max(point.annual for point in wages.points)
    return (
        max(min(values), lowest * (1 - REACH)),
        min(max(values), highest * (1 + REACH)),
    )


def _clamp(axis: _Axis, annual: float) -> float:
    return max(axis.low, min(axis.high, annual))


def plan_chart(
    wages: Distribution,
    *,
    estimate: float,
    estimate_text: str,
    low: float,
    high: float,
    pay: float | None,
    pay_text: str | None,
) -> str:
    """One person's chart: the distribution, their estimate and likely range, and pay."""
    values = [point.annual for point in wages.points] + [estimate, low, high]
    if pay is not None:
        values.append(pay)
    axis = _Axis(*_span(wages, values))
    body: list[str] = []
    # Likely range: a bracket above the box, the estimate a triangle on it.
    y = 40
    x1, x2 = axis.x(low), axis.x(high)
    body.append(
        f'<path d="M{x1} {y + 6} V{y} H{x2} V{y + 6}" fill="none" stroke="#000" '
        'stroke-width="1.5"></path>'
    )
    ex = axis.x(estimate)
    body.append(
        f'<path d="M{ex - 7} {y - 12} L{ex + 7} {y - 12} L{ex} {y - 1} Z" fill="#000" '
        'stroke="#000"></path>'
    )
    anchor = "start" if ex < WIDTH / 2 else "end"
    shift = 10 if anchor == "start" else -10
    body.append(
        f'<text x="{ex + shift}" y="{y - 16}" text-anchor="{anchor}" font-size="12" '
        f'font-weight="bold" {FONT}>{_e(estimate_text)}</text>'
    )
    body.append(
        f'<text x="{x2 + 6 if x2 < WIDTH - 140 else x1 - 6}" y="{y + 5}" '
        f'text-anchor="{"start" if x2 < WIDTH - 140 else "end"}" font-size="11" {FONT}>'
        "likely range</text>"
    )
    body += _box(wages, axis, 58)
    height = 176
    if pay is not None and pay_text is not None:
        px = axis.x(_clamp(axis, pay))
        py = 178
        body.append(
            f'<path d="M{px} {py - 8} L{px + 7} {py} L{px} {py + 8} L{px - 7} {py} Z" '
            'fill="#fff" stroke="#000" stroke-width="2"></path>'
        )
        anchor = "start" if px < WIDTH / 2 else "end"
        shift = 12 if anchor == "start" else -12
        body.append(
            f'<text x="{px + shift}" y="{py + 4}" text-anchor="{anchor}" font-size="12" '
            f'font-weight="bold" {FONT}>{_e(pay_text)}</text>'
        )
        body.append(
            f'<line x1="{px}" y1="{py - 8}" x2="{px}" y2="{86}" stroke="#000" '
            'stroke-dasharray="3 3"></line>'
        )
        height = 194
    body += _ticks(axis, height)
    label = (
        f"Wage chart: {wages.occupation}, {wages.area}, {wages.vintage}. "
        f"{estimate_text}, likely range {dollars(low)} to {dollars(high)}"
        + (f"; {pay_text}" if pay_text else "")
        + "."
    )
    return _svg(height + 22, label, body)


class ChartMark:
    """Students at one dollar figure: how many."""

    def __init__(self, annual: float, count: int) -> None:
        self.annual = annual
        self.count = count


def class_chart(
    wages: Distribution,
    estimates: Sequence[ChartMark],
    pays: Sequence[ChartMark],
) -> str:
    """The class on the distribution: a filled dot per student's estimate above the
    box, an open dot per pay given below it (stacked; one dot may stand for several)."""
    values = [point.annual for point in wages.points]
    values += [mark.annual for mark in (*estimates, *pays)]
    axis = _Axis(*_span(wages, values))
    columns = 68  # dots per row of the strip: one per 1% of the width
    width = (WIDTH - LEFT - RIGHT) / columns

    def stacks(marks: Sequence[ChartMark]) -> dict[int, int]:
        found: dict[int, int] = {}
        for mark in marks:
            column = min(columns - 1, int((axis.x(_clamp(axis, mark.annual)) - LEFT) // width))
            found[column] = found.get(column, 0) + mark.count
        return found

    top, bottom = stacks(estimates), stacks(pays)
    tallest = max([*top.values(), *bottom.values(), 1])
    per_dot = max(1, math.ceil(tallest / MAX_STACK))
    radius = min(4.0, width / 2 - 0.5)
    body: list[str] = []
    top_rows = max([math.ceil(count / per_dot) for count in top.values()] + [1])
    base = 8 + top_rows * 2 * radius
    for column, count in top.items():
        cx = round(LEFT + (column + 0.5) * width, 1)
        for level in range(math.ceil(count / per_dot)):
            cy = round(base - level * 2 * radius - radius, 1)
            body.append(f'<circle cx="{cx}" cy="{cy}" r="{radius}" fill="#000"></circle>')
    box_top = base + 12
    body += _box(wages, axis, box_top)
    pay_top = box_top + 96
    for column, count in bottom.items():
        cx = round(LEFT + (column + 0.5) * width, 1)
        for level in range(math.ceil(count / per_dot)):
            cy = round(pay_top + level * 2 * radius + radius, 1)
            body.append(
                f'<circle cx="{cx}" cy="{cy}" r="{radius - 0.6}" fill="#fff" stroke="#000" '
                'stroke-width="1.2"></circle>'
            )
    rows = max([math.ceil(count / per_dot) for count in bottom.values()] + [0])
    axis_y = pay_top + rows * 2 * radius + 8
    body += _ticks(axis, axis_y)
    legend_y = axis_y + 36
    unit = "student" if per_dot == 1 else f"{per_dot} students (or fewer)"
    body.append(f'<circle cx="{LEFT + 5}" cy="{legend_y - 4}" r="4" fill="#000"></circle>')
    body.append(
        f'<text x="{LEFT + 14}" y="{legend_y}" font-size="11" {FONT}>'
        f"estimate, 1 dot = {_e(unit)}</text>"
    )
    body.append(
        f'<circle cx="{LEFT + 265}" cy="{legend_y - 4}" r="3.4" fill="#fff" stroke="#000" '
        'stroke-width="1.2"></circle>'
    )
    body.append(f'<text x="{LEFT + 274}" y="{legend_y}" font-size="11" {FONT}>pay given</text>')
    body.append(
        f'<text x="{LEFT + 360}" y="{legend_y}" font-size="11" {FONT}>'
        "box: 25th to 75th; thick line: median</text>"
    )
    total = sum(mark.count for mark in estimates)
    paid = sum(mark.count for mark in pays)
    label = (
        f"Wage chart of the class: {wages.occupation}, {wages.area}, {wages.vintage}; "
        f"{total} estimates and {paid} pays marked."
    )
    return _svg(int(legend_y + 8), label, body)
