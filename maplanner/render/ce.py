"""Rich output for `maplanner ce`: progress bars per credential, and the ledger.

Every bar has its figures beside it ("10 of 60 CEUs"), and a met minimum says "met"
in words, so the output reads the same with NO_COLOR or piped (where Rich draws only
the filled part of a bar). Notes and categories are never read as Rich markup.
"""

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text

from maplanner.core.ce_results import CEProgress, CEReport, Credit, CreditList, CreditRemoved
from maplanner.core.profile_view import HOW_TO_SAVE, sentence
from maplanner.render.output import console as stdout_console

BAR_WIDTH = 20
#: Below this many columns `ce list` is a list, not a table.
NARROW = 64


def units_text(value: float) -> str:
    """2 -> '2', 1.5 -> '1.5', 1.25 -> '1.25'."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def render_report(report: CEReport, out: Console | None = None) -> None:
    out = out or stdout_console()
    if not report.profile_saved:
        out.print(Text("No saved profile, so no credentials to track.", style="bold"))
        out.print(Text(f"{sentence(HOW_TO_SAVE)}."))
        return
    if not report.progress:
        out.print(Text("No credential you hold has a continuing-education rule to track."))
    else:
        out.print(Text(f"Continuing education as of {report.today}", style="bold"))
    for row in report.progress:
        out.print()
        out.print(progress_block(row, bar_width(out.width)))
    if report.untracked:
        out.print()
        out.print(
            Text(
                f"Not tracked: {', '.join(report.untracked)} (continuing-education rule "
                "not verified; check with the issuer)."
            )
        )
    if report.not_held_count:
        count = report.not_held_count
        out.print(
            Text(
                f"{count} recorded credit{'s are' if count != 1 else ' is'} for credentials "
                "no longer in your profile (maplanner ce list)."
            )
        )


def bar_width(columns: int) -> int:
    """20 columns of bar on a wide terminal, less on a narrow one (40 columns: 6)."""
    return max(6, min(BAR_WIDTH, (columns - 28) // 2))


def progress_block(row: CEProgress, width: int = BAR_WIDTH) -> RenderableType:
    """One credential: its cycle, a bar for the total and each minimum, what is left."""
    title = Text(row.id, style="bold")
    title.append(f"  {row.name}")
    if not row.cycle_known:
        return Group(title, _indented(f"Cycle unknown. {row.advice}"))
    lines: list[RenderableType] = [
        title,
        _indented(f"Cycle {row.cycle_start} to {row.cycle_end}; due {_due(row)}"),
    ]
    grid = Table.grid(padding=(0, 1))
    grid.add_column(max_width=22, overflow="fold")
    grid.add_column(no_wrap=True)
    grid.add_column()
    grid.add_row(
        Text("Total"),
        _bar(row.counted, row.required, width),
        Text(
            f"{units_text(row.counted)} of {units_text(row.required)} {row.unit}"
            + (" (prorated)" if row.prorated else "")
        ),
    )
    for part in row.minimums:
        state = "met" if part.met else f"{units_text(part.left)} to go"
        grid.add_row(
            Text(part.label),
            _bar(part.counted, part.required, width),
            Text(f"{units_text(part.counted)} of {units_text(part.required)}, {state}"),
        )
    lines.append(Padding(grid, (0, 0, 0, 2)))
    if row.required == 0:
        lines.append(_indented("Nothing is owed this cycle (certified late in it)."))
    elif row.met:
        lines.append(_indented("Continuing education for this cycle: done."))
    else:
        when = row.due_by if _day_known(row) else f"the due month, {row.due}"
        lines.append(
            _indented(f"Still needed: {units_text(row.still_needed)} {row.unit} by {when}.")
        )
    if row.outside_count:
        many = "s" if row.outside_count != 1 else ""
        lines.append(
            _indented(
                f"{row.outside_count} credit{many} ({units_text(row.outside_units)} "
                f"{row.unit}) dated outside this cycle: not counted."
            )
        )
    if row.note:
        lines.append(_indented(row.note, style="dim"))
    return Group(*lines)


def _indented(text: str, style: str = "") -> Padding:
    """A paragraph two columns in, wrapped lines too."""
    return Padding(Text(text, style=style), (0, 0, 0, 2))


def _day_known(row: CEProgress) -> bool:
    return row.due_by is not None and row.cycle_end == row.due_by


def _due(row: CEProgress) -> str:
    if _day_known(row):
        return f"by {row.due_by}"
    return f"{row.due} (the day is on your certificate)"


def _bar(done: float, total: float, width: int) -> ProgressBar:
    return ProgressBar(total=max(total, 0.01), completed=min(done, total), width=width)


def credit_line(credit: Credit) -> str:
    parts = [f"{units_text(credit.units)} toward {credit.cert}"]
    if credit.category:
        parts.append(credit.category)
    if credit.from_issuer:
        parts.append("from the issuer")
    return ", ".join(parts) + f", on {credit.date}"


def render_added(credit: Credit, out: Console | None = None) -> None:
    out = out or stdout_console()
    out.print(Text(f"Recorded credit {credit.number}: {credit_line(credit)}."))
    out.print(Text("See progress: maplanner ce"))


def render_removed(result: CreditRemoved, out: Console | None = None) -> None:
    out = out or stdout_console()
    out.print(Text(f"Removed credit {result.removed.number}: {credit_line(result.removed)}."))


def render_list(listing: CreditList, out: Console | None = None) -> None:
    out = out or stdout_console()
    if not listing.credits:
        out.print(Text("No continuing education recorded yet."))
        out.print(
            Text(
                "Record some: maplanner ce add CMA --units 2 --category clinical --date "
                f"{listing.today}"
            )
        )
        return
    if out.width < NARROW:  # a table of six columns would cut the category and note
        out.print(Text("Recorded continuing education", style="bold"))
        for credit in listing.credits:
            out.print(Text(f"{credit.number}. {credit_line(credit)}"))
            if credit.note:
                out.print(Padding(Text(credit.note), (0, 0, 0, 3)))
        out.print(Text("Remove one: maplanner ce remove NUMBER"))
        return
    table = Table(title="Recorded continuing education", title_justify="left", expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Date", no_wrap=True)
    table.add_column("For", no_wrap=True)
    table.add_column("Units", justify="right", no_wrap=True)
    table.add_column("Category", ratio=1)
    table.add_column("Note", ratio=2)
    for credit in listing.credits:
        kind = credit.category or "-"
        if credit.from_issuer:
            kind += " (issuer)"
        table.add_row(
            str(credit.number),
            credit.date,
            credit.cert,
            units_text(credit.units),
            Text(kind),
            Text(credit.note or "-"),
        )
    out.print(table)
    out.print(Text("Remove one: maplanner ce remove NUMBER"))
