"""Rich output for `maplanner paths`: every path, or one path in detail.

Each path is a small block: a heading with its name and id, then labelled rows
(a borderless table) whose long texts wrap under their own label. That keeps all
five facts per path readable inside 80 columns, piped or not, where a many-column
table would squeeze them, and keeps long ids (clinical-operations-manager) whole so
they can be copied. Labels are words ("Needs:", "Pay:"), never colour alone, and
text from the data is never read as Rich markup.
"""

from collections.abc import Sequence

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from maplanner.catalog.paths import KINDS
from maplanner.core.paths import PathDetail, PathList, PathView, StepView
from maplanner.core.refs import Ref
from maplanner.render.fit import Fitted, fit
from maplanner.render.output import console as stdout_console

LABEL_STYLE = "bold"
KIND_NOTES = {
    "advancement": "Moving up while staying in MA work and its management.",
    "alternative": "Moving to another job that MA experience prepares you for.",
}
#: Wide enough for the longest step label ("Skipped if:"), so every step lines up.
STEP_LABEL_WIDTH = 11


def render_list(result: PathList, out: Console | None = None) -> None:
    """Every path as a small block, grouped by kind: a heading with the name and the id
    to type next, then what the work is, what it needs, the time, what carries over
    and the pay, each wrapping under its own label."""
    out = out or stdout_console()
    for kind in KINDS:
        group = [path for path in result.paths if path.kind == kind]
        if not group:
            continue
        out.print(Text(f"{kind.capitalize()} paths ({len(group)})", style="bold underline"))
        out.print(KIND_NOTES[kind], markup=False)
        for path in group:
            out.print()
            out.print(_list_block(path))
        out.print()
    out.print("Steps of one path: maplanner paths ID", markup=False)
    out.print(
        "A plan from where you stand: maplanner plan --goal ID --years N --setting SETTING",
        markup=False,
    )


def _list_block(path: PathView) -> Group:
    """The heading, then the labelled rows below it (a Group, not an outer grid: a grid
    would measure the rows once more to size its one column, for the same lines)."""
    heading = Text(path.name, style="bold")
    heading.append(f" · {path.id}")
    rows = [
        ("Work", path.work),
        ("Needs", path.requires),
        ("Time", path.time_to_get_there),
        ("Carries over", path.carries_over),
        ("Pay", path.pay_text),
    ]
    return Group(heading, labelled(rows, indent=3))


def render_detail(result: PathDetail, out: Console | None = None) -> None:
    out = out or stdout_console()
    path = result.path
    title = Text(path.name, style="bold")
    title.append(f" · {path.id} · {path.kind} path", style="not bold")
    out.print(title)
    out.print(_facts(path))
    out.print()
    out.print(Text("Steps", style="bold"))
    for step in path.steps:
        out.print(step_block(step))
        out.print()
    out.print("A plan from where you stand:", markup=False)
    out.print(f"  maplanner plan --goal {path.id} --years N --setting SETTING", markup=False)


def _facts(path: PathView) -> Fitted:
    rows = [
        ("Work", path.work),
        ("Needs", path.requires),
        ("Credentials", credentials_text(path.credentials) or "none named"),
        ("Time", path.time_to_get_there),
        ("Usually after", _years_as_ma(path.min_years)),
        ("Carries over", path.carries_over),
        ("Pay", path.pay_text),
    ]
    if path.reached_if:
        rows.append(("Already there if", path.reached_if))
    if path.next:
        rows.append(("Could come next", ", ".join(f"{p.name} ({p.id})" for p in path.next)))
    times = path.times_note or f"from {path.times_source.publisher}"
    rows.append(("About the times", times))
    rows.append(("Source", f"{path.source.publisher}, {path.source.title}"))
    return labelled(rows)


def _years_as_ma(years: float) -> str:
    if years == 0:
        return "no MA experience needed to start"
    return f"{years:g} year{'' if years == 1 else 's'} as an MA"


def step_block(step: StepView) -> Group:
    """One step: a heading line, then its labelled facts, indented."""
    years = f"{step.years} year{'' if step.years == 1 else 's'}"
    heading = Text(f"{step.number}. ", style="bold")
    heading.append(step.title, style="bold")
    heading.append(f" ({years})")
    earn = credentials_text(step.credentials, choose_one=step.choose_one)
    rows = [
        ("Earn", earn or "no new credential"),
        ("Build", "; ".join(step.skills) or "-"),
        ("Role", step.role),
    ]
    if step.midway:
        rows.append(("Midway", step.midway))
    rows.append(("Done when", step.milestone))
    if step.done_if:
        rows.append(("Skipped if", step.done_if))
    return Group(heading, labelled(rows, indent=3, label_width=STEP_LABEL_WIDTH))


def credentials_text(credentials: Sequence[Ref], choose_one: bool = False) -> str:
    """'CMPE: Certified Medical Practice Executive (ACMPE)'; alternatives as 'one of: ...'."""
    names = [f"{c.id}: {c.name}" for c in credentials]
    if choose_one and len(names) > 1:
        return "one of " + "; ".join(names)
    return "; ".join(names)


def labelled(
    rows: Sequence[tuple[str, str]], indent: int = 0, label_width: int | None = None
) -> Fitted:
    """Label/value rows whose values wrap under themselves, not under the label.

    Where a value holds a word too long for the room beside its label (a narrow
    terminal), each label goes on its own line with its value below it.
    """
    grid = Table.grid(padding=(0, 1, 0, 0), expand=False)
    if indent:
        grid.add_column(width=indent - 1, no_wrap=True)
    grid.add_column(style=LABEL_STYLE, no_wrap=True, min_width=label_width)
    grid.add_column(overflow="fold")
    for label, value in rows:
        cells = [Text(f"{label}:"), Text(value)]
        grid.add_row(*([Text("")] if indent else []), *cells)
    return fit(grid)
