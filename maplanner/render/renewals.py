"""Rich output for `maplanner certs --due`: each held credential's renewal.

The state of each credential is a word in capitals (LAPSED, DUE SOON), not a colour,
so it stands out when piped or with NO_COLOR. Most urgent first, as the core orders
them; a count at the end says how many need attention.
"""

from collections import Counter

from rich.console import Console
from rich.table import Table
from rich.text import Text

from maplanner.core.calendar import RenewalCalendar
from maplanner.core.ce import ce_summary
from maplanner.core.profile_view import HOW_TO_SAVE, sentence
from maplanner.core.renewals import RenewalDue, RenewalReport, Status
from maplanner.core.text import months_count
from maplanner.render.output import console as stdout_console

STATUS_WORDS: dict[Status, str] = {
    "lapsed": "LAPSED",
    "due-soon": "DUE SOON",
    "current": "current",
    "no-earned-month": "earned month not recorded",
    "no-member-month": "membership month not recorded",
    "no-verified-cycle": "cycle not verified",
}


def render_renewals(report: RenewalReport, out: Console | None = None) -> None:
    out = out or stdout_console()
    if not report.profile_saved:
        out.print(Text("No saved profile, so there are no credentials to check.", style="bold"))
        out.print(
            Text(
                f"{sentence(HOW_TO_SAVE)}; then record when you earned each credential: "
                "maplanner profile add-cert CMA --earned 2025-03."
            )
        )
        return
    if not report.renewals:
        out.print(Text("Your saved profile holds no credentials.", style="bold"))
        out.print(Text("Add one with: maplanner profile add-cert ID --earned YYYY-MM"))
        return
    table = Table(
        title=(
            f"Renewals as of {report.today} (due soon = within {report.due_soon_months} months)"
        ),
        title_justify="left",
        expand=True,
        show_lines=True,
    )
    table.add_column("Credential", ratio=3)
    table.add_column("Due", ratio=2)
    table.add_column("What renewal takes", ratio=6)
    for row in report.renewals:
        table.add_row(_credential(row), _due(row), _takes(row))
    out.print(table)
    out.print(Text(_tally(report)))


def _credential(row: RenewalDue) -> Text:
    text = Text(row.id, style="bold")
    text.append(f"\n{row.name}")
    text.append(f"\nearned {row.earned}" if row.earned else "\nearned: not recorded")
    return text


def _due(row: RenewalDue) -> Text:
    text = Text(STATUS_WORDS[row.status], style="bold" if row.status != "current" else "")
    if row.due is not None and row.months_left is not None:
        text.append(f"\n{row.due}")
        if row.months_left >= 0:
            left = row.months_left
            text.append(f"\n{months_count(left)} left")
        else:
            ago = -row.months_left
            text.append(f"\n{months_count(ago)} ago")
    elif row.cycle_months is not None:
        text.append(f"\nevery {row.cycle_months} months")
    return text


def _takes(row: RenewalDue) -> Text:
    text = Text(row.what_it_takes)
    if row.ce is not None:
        more = "" if row.ce.met else " (maplanner ce)"
        text.append(f"\nCE: {ce_summary(row.ce)}{more}", style="" if row.ce.met else "bold")
    if row.status != "current":
        text.append(f"\n{row.advice}", style="bold" if row.status != "no-verified-cycle" else "")
    return text


TALLY: tuple[tuple[Status, str], ...] = (
    ("lapsed", "lapsed"),
    ("due-soon", "due soon"),
    ("current", "current"),
    ("no-earned-month", "without an earned month"),
    ("no-member-month", "without a membership month"),
    ("no-verified-cycle", "without a verified cycle"),
)


def _tally(report: RenewalReport) -> str:
    counts = Counter(row.status for row in report.renewals)
    parts = [f"{counts[status]} {words}" for status, words in TALLY if counts[status]]
    return "Held: " + ", ".join(parts) + "."


def render_calendar_note(calendar: RenewalCalendar, path: str, out: Console | None = None) -> None:
    """One line after the table: what the calendar file holds."""
    out = out or stdout_console()
    count = len(calendar.events)
    line = f"Wrote {count} renewal event{'s' if count != 1 else ''} to {path}"
    if calendar.events:
        days = [str(day) for day in calendar.events[0].alarm_days]
        listed = ", ".join(days[:-1]) + " and " + days[-1] if len(days) > 1 else "".join(days)
        if listed:
            line += f" (reminders {listed} days before)"
    if calendar.skipped:
        line += f"; no due date for {', '.join(calendar.skipped)}"
    # soft_wrap: a long path is never cut in two, so it can still be copied whole.
    out.print(Text(line + "."), soft_wrap=True)
