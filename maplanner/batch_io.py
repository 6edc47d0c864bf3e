"""Stream a roster file through the rules: read a row, write its result, forget it.

The one place `maplanner batch` touches files. Memory stays flat as the roster grows:
rows are read one at a time with `csv.reader` over the open file, each result (or
rejection) is written at once, and only counters are kept (`SummaryTally`).

Files:

- the roster is read as UTF-8 (a byte-order mark is skipped); blank lines, and rows
  whose cells are all blank, are skipped and counted;
- results and errors are written to hidden ``.NAME.PID.part`` files beside their
  targets and renamed into place at the end, so a run that stops early (an
  undecodable line, Ctrl-C) leaves no half-written results behind;
- the errors file (``RESULTS.errors.csv``, or ``.errors.jsonl`` with --json) is kept
  only when some row was rejected; a stale one from an earlier run is removed when
  --force replaces the results.

`csv` is imported inside the functions that use it: command modules may not import
it at module level (start-up speed), and this module is loaded by the command.
"""

import io
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TextIO

from maplanner.errors import DataError, InputError

if TYPE_CHECKING:
    from maplanner.catalog.catalog import Catalog
    from maplanner.core.batch_summary import BatchSummary
    from maplanner.core.roster import RosterResult, RowRejection

#: Rows between two progress updates (cheap enough not to matter, often enough to move).
PROGRESS_EVERY = 2048


class BatchReporter(Protocol):
    """Where diagnostics go while a batch runs (the renderer implements it)."""

    def ignored_columns(self, names: tuple[str, ...]) -> None: ...

    def rejected(self, rejection: "RowRejection") -> None: ...

    def repeated_id(self, line: int, row_id: str, first_line: int) -> None: ...

    def stopped_checking_ids(self, limit: int) -> None: ...

    def progress(self, done_bytes: int) -> None: ...


@dataclass(frozen=True)
class BatchFiles:
    """The roster to read and the files to write, already checked."""

    roster: Path
    results: Path
    errors: Path
    json_lines: bool
    size: int


def errors_path_for(results: Path, json_lines: bool) -> Path:
    """RESULTS.csv -> RESULTS.errors.csv; with --json, RESULTS.jsonl -> RESULTS.errors.jsonl."""
    return results.with_name(f"{results.stem}.errors{'.jsonl' if json_lines else '.csv'}")


def check_files(roster: Path, results: Path, *, force: bool, json_lines: bool) -> BatchFiles:
    """Check the paths before anything is read or written.

    A roster that is missing or unreadable is exit 1 (DataError, naming the path);
    an output that exists without --force, or that would overwrite the roster, is
    exit 2 (InputError, naming the file).
    """
    for path, what in ((roster, "the roster path"), (results, "-o")):
        if "\x00" in str(path):
            raise InputError(f"{what} {str(path)!r} contains a NUL character: give a file name")
    try:
        return _check_files(roster, results, force=force, json_lines=json_lines)
    except ValueError as error:  # anything else the OS cannot take as a path
        raise InputError(
            f"{str(roster)!r} or {str(results)!r} is not a usable path ({error})"
        ) from None


def _check_files(roster: Path, results: Path, *, force: bool, json_lines: bool) -> BatchFiles:
    try:
        stat = roster.stat()
    except FileNotFoundError:
        raise DataError(f"roster file not found: {roster}") from None
    except OSError as error:
        raise DataError(f"cannot read the roster {roster}: {error.strerror or error}") from None
    if roster.is_dir():
        raise DataError(f"{roster} is a folder, not a roster file (a .csv file)")
    if not results.name or results.is_dir():
        raise InputError(f"-o {results} is a folder: give a file name like results.csv")
    folder = results.parent
    if not folder.is_dir():
        raise InputError(f"-o {results}: the folder {folder} does not exist")
    errors = errors_path_for(results, json_lines)
    for target, what in ((results, "-o"), (errors, "the errors file")):
        if target.exists() and not target.is_file():  # /dev/null, a pipe: never replaced
            raise InputError(
                f"{what} {target} is not a regular file: give a file name like results.csv"
            )
        if _same_file(target, roster):
            raise InputError(
                f"{what} {target} is the roster itself: choose another name for the results"
            )
    if not force:
        for target, what in ((results, "-o"), (errors, "the errors file")):
            if target.exists() or target.is_symlink():
                raise InputError(f"{what} {target} already exists: add --force to replace it")
    return BatchFiles(
        roster=roster, results=results, errors=errors, json_lines=json_lines, size=stat.st_size
    )


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and a.samefile(b)
    except OSError:
        return False


def run_batch(files: BatchFiles, catalog: "Catalog", reporter: BatchReporter) -> "BatchSummary":
    """Assess every row of the roster, writing results and rejections as it goes."""
    from maplanner.core.batch_summary import SummaryTally
    from maplanner.core.repeated_ids import RepeatedIds
    from maplanner.core.roster import RosterAssessor, RosterResult, read_header

    try:
        raw = files.roster.open("rb")
    except OSError as error:
        raise DataError(
            f"cannot read the roster {files.roster}: {error.strerror or error}"
        ) from None
    tally = SummaryTally(catalog)
    with raw, io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as source:
        if raw.peek(4)[:4] == b"PK\x03\x04":
            raise DataError(
                f"{files.roster} is an Excel workbook or another zip file, not CSV: in Excel, "
                "save it as 'CSV UTF-8 (Comma delimited)' and try again"
            )
        records = _records(source, files.roster, tally.blank)
        header = next((cells for _, cells in records), None)
        if header is None:
            raise InputError(
                f"{files.roster} is empty: the first line must be a header with the columns "
                "id, years, certifications, setting, specialty, leads (and optionally pay, "
                "education, accredited)"
            )
        try:
            columns = read_header(header)
        except InputError as error:
            raise InputError(f"{files.roster}: {error.message}", error.hint) from None
        if columns.ignored:
            reporter.ignored_columns(columns.ignored)
        assessor = RosterAssessor(catalog, columns)
        results = _Output(files.results)
        try:
            errors = _Output(files.errors)
        except BaseException:
            results.discard()
            raise
        try:
            write_result, write_error = _writers(results, errors, files.json_lines)
            assess_row, add = assessor.row, tally.add
            repeats = RepeatedIds()
            first_line, told_stop = repeats.first_line, False
            countdown = PROGRESS_EVERY
            for line, cells in records:
                outcome = assess_row(line, cells)
                earlier = first_line(line, outcome.id)
                if earlier is not None:
                    reporter.repeated_id(line, outcome.id, earlier)
                elif repeats.stopped and not told_stop:
                    reporter.stopped_checking_ids(repeats.limit)
                    told_stop = True
                if type(outcome) is RosterResult:
                    write_result(outcome)
                    add(outcome)
                else:
                    assert not isinstance(outcome, RosterResult)
                    write_error(outcome)
                    tally.reject()
                    reporter.rejected(outcome)
                countdown -= 1
                if not countdown:
                    reporter.progress(raw.tell())
                    countdown = PROGRESS_EVERY
        except BaseException:
            results.discard()
            errors.discard()
            raise
    results.commit()
    if tally.rejected:
        errors.commit()
    else:
        errors.discard()
        files.errors.unlink(missing_ok=True)  # a stale one: only reachable with --force
    reporter.progress(files.size)
    return tally.summary(
        roster=str(files.roster),
        results=str(files.results),
        errors=str(files.errors) if tally.rejected else None,
        format="jsonl" if files.json_lines else "csv",
        ignored_columns=columns.ignored,
        repeated_ids=repeats.repeats,
        repeated_ids_checked_every_row=not repeats.stopped,
    )


def _records(
    source: TextIO, roster: Path, on_blank: Callable[[], None]
) -> Iterator[tuple[int, list[str]]]:
    """(physical line where the row starts, cells) for every row that is not blank.

    Lines are counted from the header = line 1; a quoted value may span lines, so a
    row starts one past where the previous one ended. Blank lines (and rows whose
    cells are all blank) are only counted. Undecodable or binary input becomes one
    clear DataError (exit 1): text never holds a NUL byte, binary files do.
    """
    import csv

    reader = csv.reader(source)
    end = 0
    try:
        for cells in reader:
            start, end = end + 1, reader.line_num
            text = "".join(cells)
            if "\x00" in text:
                raise DataError(
                    f"{roster} is not a CSV text file (line {start} holds a NUL byte, as "
                    "binary files do): save it as 'CSV UTF-8' and try again"
                )
            if text.strip():
                yield start, cells
            else:
                on_blank()
    except UnicodeDecodeError:
        line = _first_undecodable_line(roster)
        raise DataError(
            f"{roster} is not UTF-8 text (line {line} has bytes that are not UTF-8): "
            "save it as 'CSV UTF-8' and try again"
        ) from None
    except csv.Error as error:
        text = str(error)
        if "field larger than field limit" in text:
            raise DataError(
                f"{roster} has a value longer than {csv.field_size_limit():,} characters "
                f'(from line {end + 1}): is a quote (") left open?'
            ) from None
        raise DataError(
            f"{roster} is not a CSV file maplanner can read (line {reader.line_num}: {text})"
        ) from None


def _first_undecodable_line(path: Path) -> int:
    """The physical line of the first bytes that are not UTF-8 (only on the error path)."""
    with path.open("rb") as raw:
        for number, data in enumerate(raw, start=1):
            try:
                data.decode("utf-8")
            except UnicodeDecodeError:
                return number
    return 0


class _Output:
    """A hidden `.NAME.PID.part` file beside `target`: renamed over it by `commit`, or
    removed by `discard`, so a run that stops early leaves no half-written file."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.part = target.with_name(f".{target.name}.{os.getpid()}.part")
        try:
            self.file = self.part.open("x", encoding="utf-8", newline="")
        except OSError as error:
            raise DataError(f"cannot write {target}: {error.strerror or error}") from None

    def commit(self) -> None:
        self.file.close()
        self.part.replace(self.target)

    def discard(self) -> None:
        self.file.close()
        self.part.unlink(missing_ok=True)


def _writers(
    results: _Output, errors: _Output, json_lines: bool
) -> tuple[Callable[["RosterResult"], None], Callable[["RowRejection"], None]]:
    """Functions that write one results row and one errors row, headers written first."""
    if json_lines:
        encode = json.JSONEncoder().encode  # ASCII: no U+2028 or U+0085 to split a line
        write_results, write_errors = results.file.write, errors.file.write

        def json_result(result: "RosterResult") -> None:
            write_results(encode(result.record()) + "\n")

        def json_error(rejection: "RowRejection") -> None:
            write_errors(encode(rejection.model_dump()) + "\n")

        return json_result, json_error

    import csv

    from maplanner.core.roster import RESULT_COLUMNS

    result_rows, error_rows = csv.writer(results.file), csv.writer(errors.file)
    result_rows.writerow(RESULT_COLUMNS)
    error_rows.writerow(("line", "id", "reason"))

    def csv_result(result: "RosterResult") -> None:
        result_rows.writerow(result.cells())

    def csv_error(rejection: "RowRejection") -> None:
        error_rows.writerow((rejection.line, rejection.id, rejection.reason))

    return csv_result, csv_error
