"""Show an Assessment to a person: placement, wage bar, next steps, paths.

Everything fits the terminal (down to 40 columns) and carries its meaning in
characters, not colour, so it reads the same with NO_COLOR and when piped. The wage
bar is plain ASCII.
"""

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from maplanner.core import percentile_text
from maplanner.core.assessment import Assessment, ChartTable, Factor, NextStep
from maplanner.core.text import ordinal
from maplanner.render.fit import FittingTable

#: Characters the bar spans from the lowest to the highest published percentile.
BAR_WIDTH = 64
#: Room left of the bar so the first dollar label fits when centred on its point.
BAR_MARGIN = 4
#: The bar never gets shorter than this, however narrow the terminal.
MIN_BAR_WIDTH = 24


def render_assessment(result: Assessment, console: Console) -> None:
    assert result.table is not None  # every fresh assessment carries its table
    table = result.table
    console.print(placement_panel(result, table))
    console.print()
    console.print(Text("\n".join(wage_bar(result, table, console.width))))
    console.print()
    console.print(next_steps_table(result, table))
    from maplanner.render.advice import render_advice

    render_advice(result, console, table.points)
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


def placement_panel(result: Assessment, table: ChartTable) -> Panel:
    facts = Table.grid(padding=(0, 1))
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column()
    facts.add_row("Tier", result.tier_name)
    facts.add_row("Why", result.tier_rule)
    facts.add_row(
        "Starting pay" if result.student else "Estimate",
        result.range.percentile_text + (", for a first MA job" if result.student else ""),
    )
    facts.add_row(
        "Pays",
        f"{result.range.annual_text}; {result.range.hourly_text}"
        + (" (derived)" if result.range.hourly_derived else ""),
    )
    if result.pay_standing is not None:
        facts.add_row("Your pay", result.pay_standing.summary)
    else:
        facts.add_row("Your pay", "not given (add --pay 46k or --pay 22.50/h to compare)")

    factors = FittingTable(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
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
        result.range.estimate_text,
    )
    # A Text title, not a str: Rich reads a str title as markup, and parsing markup
    # loads its table of emoji names (about 4 ms), which a plain word never needs.
    return Panel(Group(facts, Text(""), factors), title=Text("Placement"), title_align="left")


def _position(percentile: float, low: int, high: int, width: int = BAR_WIDTH) -> int:
    clamped = min(max(percentile, low), high)
    return round((clamped - low) / (high - low) * (width - 1))


def bar_width(columns: int) -> int:
    """How many characters the bar spans in a terminal this wide (at most BAR_WIDTH).

    The first and last dollar labels are centred on the bar's ends, so half a label
    of room is kept on each side: the chart never runs past the terminal's edge.
    """
    return max(MIN_BAR_WIDTH, min(BAR_WIDTH, columns - 2 * BAR_MARGIN))


def _fits(line: list[str], start: int, end: int) -> bool:
    """Whether `start:end` of `line` is free, with a space to spare on each side."""
    return all(ch == " " for ch in line[max(0, start - 1) : end + 1])


def _write(line: list[str], start: int, label: str) -> None:
    end = start + len(label)
    if end > len(line):
        line.extend(" " * (end - len(line)))
    line[start:end] = list(label)


def _label_rows(centres: list[int], labels: list[tuple[str, str]]) -> list[list[list[str]]]:
    """Each point's two labels (percentile above, dollars below) on the first row pair
    where both fit: in a narrow terminal the labels stagger onto more rows instead of
    being dropped, so every published figure is on screen at every width."""
    rows: list[list[list[str]]] = []
    for centre, pair in zip(centres, labels, strict=True):
        starts = [max(0, centre - len(label) // 2) for label in pair]
        for row in rows:
            if all(
                _fits(line, start, start + len(label))
                for line, start, label in zip(row, starts, pair, strict=True)
            ):
                break
        else:
            row = [[], []]
            rows.append(row)
        for line, start, label in zip(row, starts, pair, strict=True):
            _write(line, start, label)
    return rows


def wage_bar(result: Assessment, table: ChartTable, columns: int = 80) -> list[str]:
    """The published distribution as a line, with the likely range, E and P marked.

    ``[===]`` is the likely range (``<`` or ``>`` at an end that runs past the
    published points), ``|`` a published percentile, ``E`` the estimate and ``P``
    the pay given; a mark beyond the published range sits at the end. The bar and
    its labels fit `columns`; the legend is prose, which the console wraps by words.
    """
    width = bar_width(columns)
    points = table.points
    low, high = points[0].percentile, points[-1].percentile

    def at(percentile: float) -> int:
        return _position(percentile, low, high, width)

    axis = ["-"] * width
    for point in points:
        axis[at(point.percentile)] = "|"
    left = at(result.range.low_percentile)
    right = at(result.range.high_percentile)
    for index in range(left, right + 1):
        axis[index] = "="
    axis[left] = "<" if result.range.low_percentile < low else "["
    axis[right] = ">" if result.range.high_percentile > high else "]"
    if left == right:  # the whole range lies past one end: show which end
        axis[left] = "<" if result.range.low_percentile < low else ">"

    marks = [" "] * (width + 1)
    estimate_at = at(result.estimated_percentile)
    marks[estimate_at] = "E"
    pay = result.pay_standing
    pay_percentile: float | None = None
    if pay is not None:
        standing = pay.standing
        if standing.percentile is not None:
            pay_percentile = standing.percentile
        else:
            pay_percentile = float(low if standing.kind == "below-range" else high)
        pay_at = at(pay_percentile)
        if pay_at == estimate_at:
            pay_at = pay_at + 1 if pay_at < width - 1 else pay_at - 1
        marks[pay_at] = "P"

    rows = _label_rows(
        [BAR_MARGIN + at(point.percentile) for point in points],
        [(ordinal(point.percentile), f"${point.annual:,.0f}") for point in points],
    )
    published = table.points
    estimate = percentile_text.short_where(published, result.estimated_percentile)
    likely = percentile_text.span(
        published, result.range.low_percentile, result.range.high_percentile
    )
    legend = [f"E = estimate ({estimate}), [ ] = likely range ({likely})"]
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
        *("".join(row[0]) for row in reversed(rows)),
        pad + "".join(axis),
        pad + "".join(marks),
        *("".join(row[1]) for row in rows),
        *legend,
    ]
    return [line.rstrip() for line in lines]


def _step_text(step: NextStep, points: percentile_text.Points) -> str:
    if step.kind == "certification":
        assert step.estimate_after is not None and step.gain is not None
        before = step.estimate_after - step.gain
        effect = percentile_text.move(points, before, step.estimate_after)
        text = f"Earn {step.title}\nestimate {effect}"
        if step.requires:
            text += f"\n{step.requires}"
        return text
    if step.kind == "skill":
        return f"Build: {step.title}"
    return f"Aim for: {step.title}"


def next_steps_table(result: Assessment, table: ChartTable) -> FittingTable:
    steps = FittingTable(
        title="Next steps",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_lines=False,
        expand=True,
    )
    steps.add_column("Step", ratio=5, overflow="fold")
    steps.add_column("When", ratio=3, overflow="fold")
    steps.add_column("Why", ratio=5, overflow="fold")
    # The kind, time and reason of the row above.
    above: tuple[str | None, str | None, str | None] = (None, None, None)
    for step in result.next_steps:
        if above[0] is not None and step.kind != above[0]:
            steps.add_section()
        # A reason (or a time and a reason) the row above already gives is not repeated.
        same_reason = (above[0], above[2]) == (step.kind, step.reason)
        same = same_reason and above[1] == step.when
        steps.add_row(
            _step_text(step, table.points),
            "" if same else step.when,
            "" if same_reason else step.reason,
        )
        above = (step.kind, step.when, step.reason)
    return steps


def paths_table(result: Assessment) -> FittingTable:
    paths = FittingTable(
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
