"""Show an Assessment to a person: placement, wage bar, next steps, paths.

Everything fits 80 columns and carries its meaning in characters, not colour, so it
reads the same with NO_COLOR and when piped. The wage bar is plain ASCII.
"""

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from maplanner.core.assessment import Assessment, ChartTable, Factor, NextStep
from maplanner.core.text import ordinal

#: Characters the bar spans from the lowest to the highest published percentile.
BAR_WIDTH = 64
#: Room left of the bar so the first dollar label fits when centred on its point.
BAR_MARGIN = 4


def render_assessment(result: Assessment, console: Console) -> None:
    console.print(placement_panel(result))
    console.print()
    assert result.table is not None  # every fresh assessment carries its table
    console.print(Text("\n".join(wage_bar(result, result.table))))
    console.print()
    console.print(next_steps_table(result))
    if result.paths:
        console.print()
        console.print(paths_table(result))
    console.print()
    console.print(
        Text(
            f"{result.range.note} The estimate is maplanner's own, from the weights in "
            "data/estimate.toml; it is not a BLS figure.",
            style="dim",
        )
    )


def _points(factor: Factor) -> str:
    if factor.id == "experience":
        return f"{factor.points:g}"
    return f"{factor.points:+g}"


def placement_panel(result: Assessment) -> Panel:
    facts = Table.grid(padding=(0, 1))
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column()
    facts.add_row("Tier", result.tier_name)
    facts.add_row("Why", result.tier_rule)
    facts.add_row(
        "Estimate",
        f"about the {ordinal(result.estimated_percentile)} percentile (likely "
        f"{ordinal(result.range.low_percentile)} to {ordinal(result.range.high_percentile)})",
    )
    facts.add_row(
        "Pays",
        f"{result.range.annual_text}; {result.range.hourly_text} (derived)",
    )
    if result.pay_standing is not None:
        facts.add_row("Your pay", result.pay_standing.summary)
    else:
        facts.add_row("Your pay", "not given (add --pay 46k or --pay 22.50/h to compare)")

    factors = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
    # In a narrow terminal Factor wraps and Why keeps at least 16 columns (with a ratio,
    # Rich takes `width` as the minimum share), so no reason is cut short.
    factors.add_column("Factor", overflow="fold")
    factors.add_column("Points", justify="right", no_wrap=True)
    factors.add_column("Why", ratio=1, width=16, overflow="fold")
    for factor in result.factors:
        factors.add_row(factor.name, _points(factor), factor.reason)
    factors.add_section()
    factors.add_row(
        "Estimate",
        f"{result.estimated_percentile:g}",
        f"about the {ordinal(result.estimated_percentile)} percentile",
    )
    return Panel(Group(facts, Text(""), factors), title="Placement", title_align="left")


def _position(percentile: float, low: int, high: int) -> int:
    clamped = min(max(percentile, low), high)
    return round((clamped - low) / (high - low) * (BAR_WIDTH - 1))


def _place_label(line: list[str], centre: int, label: str) -> None:
    """Write `label` centred on `centre`, unless it would overwrite another label."""
    start = max(0, centre - len(label) // 2)
    end = start + len(label)
    if end > len(line):
        line.extend(" " * (end - len(line)))
    if any(ch != " " for ch in line[max(0, start - 1) : end + 1]):
        return
    line[start:end] = list(label)


def wage_bar(result: Assessment, table: ChartTable) -> list[str]:
    """The published distribution as a line, with the likely range, E and P marked.

    ``[===]`` is the likely range (``<`` or ``>`` at an end that runs past the
    published points), ``|`` a published percentile, ``E`` the estimate and ``P``
    the pay given; a mark beyond the published range sits at the end.
    """
    points = table.points
    low, high = points[0].percentile, points[-1].percentile
    axis = ["-"] * BAR_WIDTH
    for point in points:
        axis[_position(point.percentile, low, high)] = "|"
    left = _position(result.range.low_percentile, low, high)
    right = _position(result.range.high_percentile, low, high)
    for index in range(left, right + 1):
        axis[index] = "="
    axis[left] = "<" if result.range.low_percentile < low else "["
    axis[right] = ">" if result.range.high_percentile > high else "]"

    marks = [" "] * (BAR_WIDTH + 1)
    estimate_at = _position(result.estimated_percentile, low, high)
    marks[estimate_at] = "E"
    pay = result.pay_standing
    pay_percentile: float | None = None
    if pay is not None:
        standing = pay.standing
        if standing.percentile is not None:
            pay_percentile = standing.percentile
        else:
            pay_percentile = float(low if standing.kind == "below-range" else high)
        pay_at = _position(pay_percentile, low, high)
        if pay_at == estimate_at:
            pay_at = pay_at + 1 if pay_at < BAR_WIDTH - 1 else pay_at - 1
        marks[pay_at] = "P"

    percent_line: list[str] = []
    dollar_line: list[str] = []
    for point in points:
        centre = BAR_MARGIN + _position(point.percentile, low, high)
        _place_label(percent_line, centre, ordinal(point.percentile))
        _place_label(dollar_line, centre, f"${point.annual:,.0f}")

    legend = [
        f"E = estimate ({_where(result.estimated_percentile, low, high)}), "
        f"[ ] = likely range ({ordinal(result.range.low_percentile)} to "
        f"{ordinal(result.range.high_percentile)})"
    ]
    if result.range.low_percentile < low or result.range.high_percentile > high:
        legend.append(
            f"< or > = the range runs past the published {ordinal(low)} to {ordinal(high)}"
        )
    if pay is not None:
        if pay.standing.percentile is not None:
            legend.append(f"P = your pay (about the {ordinal(pay.standing.percentile)})")
        else:
            legend.append(f"P = your pay ({pay.standing.band})")
    title = f"Annual wage, {table.occupation}, {table.area} (BLS, {table.vintage})"
    pad = " " * BAR_MARGIN
    lines = [
        title,
        "".join(percent_line),
        pad + "".join(axis),
        pad + "".join(marks),
        "".join(dollar_line),
        *legend,
    ]
    return [line.rstrip() for line in lines]


def _where(percentile: float, low: int, high: int) -> str:
    if round(percentile) < low:
        return f"the {ordinal(percentile)}, below the {ordinal(low)}"
    if round(percentile) > high:
        return f"the {ordinal(percentile)}, above the {ordinal(high)}"
    return f"the {ordinal(percentile)}"


def _step_text(step: NextStep) -> str:
    if step.kind == "certification":
        assert step.estimate_after is not None and step.gain is not None
        before = step.estimate_after - step.gain
        return (
            f"Earn {step.title}\n"
            f"estimate {ordinal(before)} -> {ordinal(step.estimate_after)} ({step.gain:+g})"
        )
    if step.kind == "skill":
        return f"Build: {step.title}"
    return f"Aim for: {step.title}"


def next_steps_table(result: Assessment) -> Table:
    steps = Table(
        title="Next steps",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_lines=False,
        expand=True,
    )
    steps.add_column("Step", ratio=5, overflow="fold")
    steps.add_column("When", ratio=3, overflow="fold")
    steps.add_column("Why", ratio=5, overflow="fold")
    previous: tuple[str, str, str] | None = None
    kind: str | None = None
    for step in result.next_steps:
        if kind is not None and step.kind != kind:
            steps.add_section()
        kind = step.kind
        same = previous == (step.kind, step.when, step.reason)
        steps.add_row(
            _step_text(step),
            "" if same else step.when,
            "" if same else step.reason,
        )
        previous = (step.kind, step.when, step.reason)
    return steps


def paths_table(result: Assessment) -> Table:
    paths = Table(
        title="Paths worth a look",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        expand=True,
    )
    paths.add_column("Path", ratio=4, overflow="fold")
    paths.add_column("Time", ratio=4, overflow="fold")
    paths.add_column("Why", ratio=5, overflow="fold")
    kind: str | None = None
    for path in result.paths:
        if kind is not None and path.kind != kind:
            paths.add_section()
        kind = path.kind
        paths.add_row(f"{path.name}\n({path.kind})", path.time_to_get_there, path.reason)
    return paths
