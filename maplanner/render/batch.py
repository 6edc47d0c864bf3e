"""Show a batch to a person: rejections and a progress bar on stderr, the summary on stdout.

Diagnostics (each rejected row, repeated ids) go to stderr as they happen, one
line each, prefixed like every other maplanner message. The progress bar is drawn
only when stderr is a terminal and the roster is large enough to take a moment;
piped, nothing but those lines appears. It is transient: gone when the run ends.
"""

import sys
from types import TracebackType

from rich import box
from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    TaskID,
    TaskProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from maplanner.core.batch_summary import BatchSummary
from maplanner.core.roster import RowRejection
from maplanner.core.text import ordinal
from maplanner.render.output import printable

#: Rosters smaller than this finish in well under a second: no bar for them.
PROGRESS_MIN_BYTES = 1024 * 1024
PROG = "maplanner"
#: Repeated ids named one by one on stderr; past this the summary counts the rest.
REPEATS_SHOWN = 20


def should_show_progress(stderr_is_terminal: bool, roster_bytes: int) -> bool:
    """A bar only helps a person watching a terminal wait for a large file."""
    return stderr_is_terminal and roster_bytes >= PROGRESS_MIN_BYTES


def stderr_is_terminal() -> bool:
    try:
        return sys.stderr is not None and sys.stderr.isatty()
    except (ValueError, OSError):
        return False


def rejection_line(rejection: RowRejection) -> str:
    """'maplanner: line 9 (S08): years 'two' is not a number of years: ...'"""
    row_id = " ".join(rejection.id.split())
    where = f"line {rejection.line}" + (f" ({row_id})" if row_id else "")
    return f"{PROG}: {where}: {' '.join(rejection.reason.split())}"


class StderrReporter:
    """Writes rejections and warnings to stderr, with an optional progress bar."""

    def __init__(
        self, *, show_progress: bool, total_bytes: int, console: Console | None = None
    ) -> None:
        """`console` is where the bar draws (stderr unless a test gives another)."""
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        self._repeats = 0
        if show_progress:
            self._progress = Progress(
                TextColumn("Assessing the roster"),
                BarColumn(),
                TaskProgressColumn(),
                TimeRemainingColumn(),
                console=console or Console(stderr=True, highlight=False),
                transient=True,
            )
            self._task = self._progress.add_task("batch", total=max(total_bytes, 1))

    def __enter__(self) -> "StderrReporter":
        if self._progress is not None:
            self._progress.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()

    def _say(self, line: str) -> None:
        line = printable(line)  # ids and values from the roster: no escape sequences
        if self._progress is not None:
            self._progress.console.print(Text(line), soft_wrap=True)
        else:
            sys.stderr.write(line + "\n")

    def rejected(self, rejection: RowRejection) -> None:
        self._say(rejection_line(rejection))

    def repeated_id(self, line: int, row_id: str, first_line: int) -> None:
        self._repeats += 1
        if self._repeats <= REPEATS_SHOWN:
            shown = " ".join(row_id.split())
            self._say(
                f"{PROG}: warning: line {line}: id {shown!r} is also on line {first_line} "
                "(both rows are assessed)"
            )
        elif self._repeats == REPEATS_SHOWN + 1:
            self._say(f"{PROG}: warning: more rows repeat an id; the summary counts them all")

    def stopped_checking_ids(self, limit: int) -> None:
        self._say(
            f"{PROG}: warning: more than {limit:,} different ids; rows after that are not "
            "checked for a repeated id"
        )

    def progress(self, done_bytes: int) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, completed=done_bytes)


def render_summary(summary: BatchSummary, console: Console) -> None:
    """The class at a glance: rows, files, tiers, median estimate, top next certification."""
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column(overflow="fold")  # a long file path folds instead of losing its end
    facts.add_row(
        "Rows",
        f"{summary.rows_in:,} read: {summary.rows_written:,} written, "
        f"{summary.rows_rejected:,} rejected"
        + (f" ({summary.blank_lines:,} blank lines skipped)" if summary.blank_lines else ""),
    )
    facts.add_row("Results", summary.results)
    facts.add_row(
        "Errors",
        "none" if summary.errors is None else f"{summary.errors} (line, id and reason)",
    )
    if summary.carried_columns:
        facts.add_row("Carried", ", ".join(summary.carried_columns))
    if summary.reports is not None:
        plural = "" if summary.reports_written == 1 else "s"
        facts.add_row(
            "Plans", f"{summary.reports_written:,} plan{plural} (HTML) in {summary.reports}"
        )
    if summary.class_report is not None:
        facts.add_row("Class report", summary.class_report)
    if summary.repeated_ids:
        rows = "row reuses" if summary.repeated_ids == 1 else "rows reuse"
        facts.add_row(
            "Repeated ids",
            f"{summary.repeated_ids:,} {rows} an earlier row's id (see the warnings)"
            + ("" if summary.repeated_ids_checked_every_row else "; not every row was checked"),
        )
    median = summary.median_estimated_percentile
    facts.add_row(
        "Median",
        "no rows assessed" if median is None else f"estimated at the {ordinal(median)} percentile",
    )
    top = summary.most_common_next_certification
    facts.add_row(
        "Next cert",
        "none: no row has a certification left to suggest"
        if top is None
        else f"{top.id}: {top.name}, the top suggestion for {top.count:,} of "
        f"{summary.rows_written:,} rows",
    )

    tiers = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    tiers.add_column("Tier", no_wrap=True)
    tiers.add_column("Rows", justify="right", no_wrap=True)
    tiers.add_column("Share", justify="right", no_wrap=True)
    for tier in summary.tiers:
        share = f"{tier.count / summary.rows_written:.0%}" if summary.rows_written else "-"
        tiers.add_row(tier.name, f"{tier.count:,}", share)

    console.print(Text(f"Batch summary: {summary.roster}", style="bold"))
    console.print(facts)
    console.print()
    console.print(tiers)
