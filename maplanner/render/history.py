"""Rich output for `maplanner history`: one row per saved assessment, oldest first.

Each row says what changed since the row above it, in words ("tier Entry -> Mid;
estimate 28th -> 35th (+7 points); added CMA"), so progress reads without colour and
in a pipe. Empty history says how to start one.
"""

from rich.console import Console
from rich.table import Table
from rich.text import Text

from maplanner.core.history import HistoryView, pay_line
from maplanner.core.text import ordinal
from maplanner.render.fit import fit
from maplanner.render.output import console as stdout_console

EMPTY = (
    "No saved assessments yet. Save one with 'maplanner assess --save' (with your answers "
    "as options, for example --years 4 --setting family-practice), or answer y when "
    "'maplanner assess' offers to save in a terminal. Each one you save shows here with "
    "what changed since the one before."
)


def render_history(view: HistoryView, out: Console | None = None) -> None:
    out = out or stdout_console()
    if not view.assessments:
        out.print(Text(EMPTY))
        return
    many = "s" if view.count != 1 else ""
    table = Table(
        title=f"Saved assessments ({view.count}), oldest first",
        title_justify="left",
        expand=True,
        show_lines=True,
    )
    table.add_column("Date", no_wrap=True)
    table.add_column("Tier and estimate", ratio=3)
    table.add_column("Certifications", ratio=3)
    table.add_column("What changed since the one before", ratio=5)
    for entry in view.assessments:
        table.add_row(
            Text(entry.date),
            Text(f"{entry.tier_name}\n{ordinal(entry.estimated_percentile)} percentile"),
            Text(", ".join(entry.certs) or "none"),
            Text(entry.changes.summary if entry.changes else "the first one saved"),
        )
    out.print(fit(table))
    if view.overall is not None:
        first, last = view.assessments[0].date, view.assessments[-1].date
        out.print(Text(f"Since the first ({first} to {last}): {view.overall.summary}."))
    if view.pay_over_time:
        out.print(Text("Pay over time (the pay you gave with each assessment)", style="bold"))
        for point in view.pay_over_time:
            out.print(Text(f"  {pay_line(point)}"))
    out.print(
        Text(
            f"{view.count} assessment{many}. Add one: maplanner assess --saved --save "
            "(after maplanner profile set ... if something changed).",
            style="dim",
        )
    )
