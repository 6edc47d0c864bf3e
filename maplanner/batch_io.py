"""Stream a roster file through the rules: read a row, write its result, forget it.

The one place `maplanner batch` touches files. Memory stays flat as the roster grows:
rows are read one at a time with `csv.reader` over the open file, each result (or
rejection) is written at once, and only counters are kept (`SummaryTally`).

Files:

- the roster is read as UTF-8 (a byte-order mark is skipped); blank lines, and rows
  whose cells are all blank, are skipped and counted;
- results and errors are written to hidden part files beside their targets
  (maplanner.files) and renamed into place at the end, so a run that stops early
  (an undecodable line, Ctrl-C) leaves no half-written results behind, and a run
  killed outright leaves part files the next run sweeps; new files are private
  (0600: they name students and their pay), a replaced file keeps its mode;
- CSV cells a spreadsheet would run as a formula (a leading ``=``, ``+``, ``-``,
  ``@``, tab or carriage return) get a leading apostrophe, unless --raw-csv asks
  for the values as they are (`spreadsheet_safe`); JSON lines are always raw;
- the errors file (``RESULTS.errors.csv``, or ``.errors.jsonl`` with --json) is kept
  only when some row was rejected; a stale one from an earlier run is removed when
  --force replaces the results.

`csv` is imported inside the functions that use it: command modules may not import
it at module level (start-up speed), and this module is loaded by the command.
"""

import codecs
import contextlib
import io
import json
import os
import re
import stat as stat_module
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from maplanner.errors import DataError, InputError

if TYPE_CHECKING:
    from maplanner.catalog.catalog import Catalog
    from maplanner.core.batch_summary import BatchSummary
    from maplanner.core.class_report import ClassTally
    from maplanner.core.roster import Header, RosterResult, RowRejection
    from maplanner.plan_files import PlanWriter

#: The longest physical line read (bytes): far above any roster row, and a bound on
#: what a file without line breaks (/dev/zero, a binary file) can take.
MAX_LINE_BYTES = 1 << 20
#: Rows between two progress updates (cheap enough not to matter, often enough to move).
PROGRESS_EVERY = 2048


class BatchReporter(Protocol):
    """Where diagnostics go while a batch runs (the renderer implements it)."""

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
    raw_csv: bool


def errors_path_for(results: Path, json_lines: bool) -> Path:
    """RESULTS.csv -> RESULTS.errors.csv; with --json, RESULTS.jsonl -> RESULTS.errors.jsonl."""
    return results.with_name(f"{results.stem}.errors{'.jsonl' if json_lines else '.csv'}")


def check_files(
    roster: Path, results: Path, *, force: bool, json_lines: bool, raw_csv: bool
) -> BatchFiles:
    """Check the paths before anything is read or written.

    A roster that is missing or unreadable is exit 1 (DataError, naming the path);
    an output that exists without --force, or that would overwrite the roster, is
    exit 2 (InputError, naming the file).
    """
    for path, what in ((roster, "the roster path"), (results, "-o")):
        if "\x00" in str(path):
            raise InputError(f"{what} {str(path)!r} contains a NUL character: give a file name")
    try:
        return _check_files(roster, results, force=force, json_lines=json_lines, raw_csv=raw_csv)
    except ValueError as error:  # anything else the OS cannot take as a path
        raise InputError(
            f"{str(roster)!r} or {str(results)!r} is not a usable path ({error})"
        ) from None


def _check_files(
    roster: Path, results: Path, *, force: bool, json_lines: bool, raw_csv: bool
) -> BatchFiles:
    try:
        stat = roster.stat()
    except FileNotFoundError:
        raise DataError(f"roster file not found: {roster}") from None
    except OSError as error:
        raise DataError(f"cannot read the roster {roster}: {error.strerror or error}") from None
    if roster.is_dir():
        raise DataError(f"{roster} is a folder, not a roster file (a .csv file)")
    if not stat_module.S_ISREG(stat.st_mode):
        raise DataError(_not_a_file(roster))
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
        roster=roster,
        results=results,
        errors=errors,
        json_lines=json_lines,
        size=stat.st_size,
        raw_csv=raw_csv,
    )


def _not_a_file(roster: Path) -> str:
    return (
        f"{roster} is not a regular file (a device, a pipe or a socket, which may never "
        "end): save the roster as a .csv file and give its name"
    )


def _open_roster(roster: Path) -> io.BufferedReader:
    """The roster opened for reading, without waiting on a pipe that has no writer.

    O_NONBLOCK makes opening a FIFO return at once; fstat then refuses anything that
    is not a regular file (even one swapped in since `check_files` looked). Like every
    descriptor Python opens, it is not inherited by child processes (PEP 446).
    """
    try:
        descriptor = os.open(roster, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise DataError(f"cannot read the roster {roster}: {error.strerror or error}") from None
    if not stat_module.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        raise DataError(_not_a_file(roster))
    os.set_blocking(descriptor, True)
    return os.fdopen(descriptor, "rb")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and a.samefile(b)
    except OSError:
        return False


def run_batch(
    files: BatchFiles,
    catalog: "Catalog",
    reporter: BatchReporter,
    *,
    plans: "PlanWriter | None" = None,
    klass: "ClassTally | None" = None,
    override: Path | None = None,
) -> "BatchSummary":
    """Assess every row of the roster, writing results and rejections as it goes;
    with `plans`, each assessed row's plan too; with `klass`, counting the class;
    `override` is the --data-dir folder (its area file, if any, prices roster places)."""
    from maplanner.core.batch_summary import SummaryTally
    from maplanner.core.repeated_ids import RepeatedIds
    from maplanner.core.roster import RosterAssessor, RosterResult, read_header

    raw = _open_roster(files.roster)
    tally = SummaryTally(catalog)
    with raw:
        if raw.peek(4)[:4] == b"PK\x03\x04":
            raise DataError(
                f"{files.roster} is an Excel workbook or another zip file, not CSV: in Excel, "
                "save it as 'CSV UTF-8 (Comma delimited)' and try again"
            )
        records = _records(_text_lines(raw, files.roster), files.roster, tally.blank)
        header = next((cells for _, cells in records), None)
        if header is None:
            raise InputError(
                f"{files.roster} is empty: the first line must be a header with at least the "
                "columns id and years (and usually certifications and setting)"
            )
        try:
            columns = read_header(header)
        except InputError as error:
            raise InputError(f"{files.roster}: {error.message}", error.hint) from None
        assessor = RosterAssessor(catalog, columns, override=override)
        results = _Output(files.results)
        try:
            errors = _Output(files.errors)
        except BaseException:
            results.discard()
            raise
        try:
            write_result, write_error = _writers(
                results, errors, files.json_lines, columns, raw_csv=files.raw_csv
            )
            write_plan = None if plans is None else plans.write
            count = None if klass is None else klass.add
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
                    if write_plan is not None:
                        write_plan(outcome)
                    if count is not None:
                        count(outcome)
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
        carried_columns=columns.carried_names,
        repeated_ids=repeats.repeats,
        repeated_ids_checked_every_row=not repeats.stopped,
    )


def _text_lines(raw: io.BufferedReader, roster: Path) -> Iterator[str]:
    """The roster's physical lines as text, each read with a bound (MAX_LINE_BYTES).

    Checked as bytes before decoding, so a binary file stops at its first NUL byte and
    a file with no line breaks (a stream of zeros) stops after one bounded read,
    whatever its size. Lines keep their endings, as csv.reader wants.
    """
    decode = codecs.getincrementaldecoder("utf-8-sig")().decode
    number = 0
    while True:
        data = raw.readline(MAX_LINE_BYTES + 1)
        if not data:
            decode(b"", True)  # bytes of a character cut off at the end: not UTF-8
            return
        number += 1
        text = decode(data)  # UTF-16 and other encodings fail here, named by _records
        if "\x00" in text:
            raise DataError(
                f"{roster} is not a CSV text file (line {number} holds a NUL byte, as "
                "binary files do): save it as 'CSV UTF-8' and try again"
            )
        if len(data) > MAX_LINE_BYTES:
            raise DataError(
                f"{roster} has a line longer than {MAX_LINE_BYTES:,} bytes (line {number}): "
                "a roster has one short line per person; save it as 'CSV UTF-8'"
            )
        yield text


def _records(
    source: Iterable[str], roster: Path, on_blank: Callable[[], None]
) -> Iterator[tuple[int, list[str]]]:
    """(physical line where the row starts, cells) for every row that is not blank.

    Lines are counted from the header = line 1; a quoted value may span lines, so a
    row starts one past where the previous one ended. Blank lines (and rows whose
    cells are all blank) are only counted. Undecodable input becomes one clear
    DataError (exit 1); `_text_lines` has already refused binary input (a NUL byte).
    """
    import csv

    reader = csv.reader(source)
    end = 0
    try:
        for cells in reader:
            start, end = end + 1, reader.line_num
            if "".join(cells).strip():
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
    """A part file beside `target` (maplanner.files), as text: renamed over the target
    by `commit`, or removed by `discard`, so a run that stops early leaves no
    half-written file."""

    def __init__(self, target: Path) -> None:
        from maplanner.files import PartFile

        self.target = target
        try:
            self._part = PartFile(target, private=True)
        except OSError as error:
            raise DataError(f"cannot write {target}: {error.strerror or error}") from None
        self.file = io.TextIOWrapper(self._part.stream, encoding="utf-8", newline="")

    def commit(self) -> None:
        try:
            self.file.flush()
            self._part.commit()
        except OSError as error:
            self.discard()
            raise DataError(f"cannot write {self.target}: {error.strerror or error}") from None

    def discard(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.file.close()
        self._part.discard()


#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
_PLAIN_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


def spreadsheet_safe(cell: str) -> str:
    """`cell` as a spreadsheet shows it, never runs it: an apostrophe before a formula.

    A cell is neutralised when it starts with =, +, -, @, a tab, a carriage return or
    a newline, or with other blank characters (spaces, a no-break space) and then =,
    +, - or @: a spreadsheet may trim them. A plain number (``-2``, ``61.4``) is left
    as it is: a spreadsheet reads it as the number it is.
    """
    if not cell:
        return cell
    if cell.startswith(FORMULA_STARTS) or cell.lstrip().startswith(FORMULA_STARTS):
        if _PLAIN_NUMBER.fullmatch(cell):
            return cell
        return "'" + cell
    return cell


def _writers(
    results: _Output,
    errors: _Output,
    json_lines: bool,
    header: "Header",
    *,
    raw_csv: bool,
) -> tuple[Callable[["RosterResult"], None], Callable[["RowRejection"], None]]:
    """Functions that write one results row and one errors row, headers written first."""
    carried = header.carried_names
    if json_lines:
        encode = json.JSONEncoder().encode  # ASCII: no U+2028 or U+0085 to split a line
        write_results, write_errors = results.file.write, errors.file.write

        def json_result(result: "RosterResult") -> None:
            write_results(encode(result.record(carried)) + "\n")

        def json_error(rejection: "RowRejection") -> None:
            write_errors(encode(rejection.model_dump()) + "\n")

        return json_result, json_error

    import csv

    from maplanner.core.roster import RESULT_COLUMNS

    result_rows, error_rows = csv.writer(results.file), csv.writer(errors.file)
    names = carried if raw_csv else [spreadsheet_safe(name) for name in carried]
    result_rows.writerow((RESULT_COLUMNS[0], *names, *RESULT_COLUMNS[1:]))
    error_rows.writerow(("line", "id", "reason"))
    if raw_csv:

        def raw_result(result: "RosterResult") -> None:
            result_rows.writerow(result.cells())

        def raw_error(rejection: "RowRejection") -> None:
            error_rows.writerow((rejection.line, rejection.id, rejection.reason))

        return raw_result, raw_error

    safe = spreadsheet_safe

    def csv_result(result: "RosterResult") -> None:
        result_rows.writerow([safe(cell) for cell in result.cells()])

    def csv_error(rejection: "RowRejection") -> None:
        error_rows.writerow((rejection.line, safe(rejection.id), safe(rejection.reason)))

    return csv_result, csv_error
