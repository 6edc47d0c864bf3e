"""Rich output for the levers ("What would raise your pay") and a what-if, side by side.

Both fit 80 columns and carry their meaning in words and signs, not colour.
"""

from rich import box
from rich.console import Console
from rich.text import Text

from maplanner.core import percentile_text
from maplanner.core.assessment import Assessment, LeverList, WhatIf
from maplanner.render.fit import FittingTable


def levers_table(levers: LeverList, points: percentile_text.Points) -> FittingTable:
    """Every lever, ranked (`render_advice` prints the rule below, so the order is never a
    mystery; not as a caption, which a table stacked for a narrow terminal would drop)."""
    table = FittingTable(
        title="What would raise your pay",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        expand=True,
    )
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Lever", ratio=5, overflow="fold")
    table.add_column("Effect", ratio=4, overflow="fold")
    table.add_column("Takes", ratio=3, overflow="fold")
    for number, lever in enumerate(levers.levers, start=1):
        before = lever.estimate_after - lever.gain
        move = percentile_text.move(points, before, lever.estimate_after)
        effect = f"{move}; {lever.pay_gain_text}"
        takes = lever.time_text if lever.eligible else f"not yet: {lever.when}"
        name = f"{lever.title}\n--what-if {lever.what_if}" if lever.what_if else lever.title
        table.add_row(str(number) if lever.eligible else "-", name, effect, takes)
    return table


def what_if_table(result: WhatIf, points: percentile_text.Points) -> FittingTable:
    """Now and what-if side by side, with the difference in the last column."""
    table = FittingTable(
        title=f"What if: {', '.join(result.changes)}",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        expand=True,
    )
    table.add_column("", style="bold", no_wrap=True)
    table.add_column("Now", ratio=3, overflow="fold")
    table.add_column("What if", ratio=3, overflow="fold")
    table.add_column("Difference", ratio=3, overflow="fold")
    table.add_row(
        "Tier",
        result.now.tier_name,
        result.what_if.tier_name,
        "changes" if result.tier_changed else "same",
    )
    table.add_row(
        "Estimate",
        percentile_text.short_where(points, result.now.estimated_percentile),
        percentile_text.short_where(points, result.what_if.estimated_percentile),
        _difference(points, result.now.estimated_percentile, result.what_if.estimated_percentile),
    )
    table.add_row("Pays", result.now.pay_text, result.what_if.pay_text, result.pay_change_text)
    return table


def render_advice(result: Assessment, console: Console, points: percentile_text.Points) -> None:
    """The levers, then the what-if if one was asked for."""
    if result.levers is not None and result.levers.levers:
        console.print()
        console.print(levers_table(result.levers, points))
        console.print(Text(result.levers.rule))
    if result.what_if is not None:
        table = result.table
        area = "the United States" if table is None else table.area
        area = "the United States" if area == "United States" else area
        vintage = result.data_vintage if table is None else table.vintage
        console.print()
        console.print(what_if_table(result.what_if, points))
        console.print(
            Text(
                f"Pay is what the estimate pays in the wage distribution for {area} "
                f"({vintage}); figures between published percentiles are estimates.",
                style="dim",
            )
        )


def _difference(points: percentile_text.Points, before: float, after: float) -> str:
    """'+6 points' from the figures shown; in words when either lies outside the
    published range, where no number of points was published."""
    if percentile_text.beyond(points, before) or percentile_text.beyond(points, after):
        if percentile_text.short_where(points, before) == percentile_text.short_where(
            points, after
        ):
            return "same"
        return "higher" if after > before else "lower"
    moved = percentile_text.change(before, after)
    return percentile_text.signed(moved) + (" point" if abs(moved) == 1 else " points")
