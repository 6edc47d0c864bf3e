"""The roster's files in detail, below the command: each refusal's exact words, the
progress it reports, the files it writes when the disk says no, and the cells it
keeps a spreadsheet from running. `tests/test_batch.py` runs the command end to end."""

import csv
import errno
import io
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import maplanner.batch_io as batch_io
from maplanner.batch_io import BatchFiles, check_files, run_batch
from maplanner.catalog.catalog import MA_SOC, Catalog
from maplanner.core.batch_summary import BatchSummary
from maplanner.core.roster import RowRejection
from maplanner.errors import DataError, InputError
from tests.helpers import median_columns, override_areas


class Recorder:
    """A BatchReporter that keeps what it was told."""

    def __init__(self) -> None:
        self.told: list[tuple[str, object]] = []

    def rejected(self, rejection: RowRejection) -> None:
        self.told.append(("rejected", rejection.line))

    def repeated_id(self, line: int, row_id: str, first_line: int) -> None:
        self.told.append(("repeated", (line, row_id, first_line)))

    def stopped_checking_ids(self, limit: int) -> None:
        self.told.append(("stopped", limit))

    def progress(self, done_bytes: int) -> None:
        self.told.append(("progress", done_bytes))


#: The smallest roster that assesses a row.
SMALL = "id,years,setting\nA,3,family-practice\n"


def roster(folder: Path, text: str) -> Path:
    path = folder / "roster.csv"
    path.write_bytes(text.encode("utf-8"))
    return path


def files_for(roster_path: Path, *, json_lines: bool = False, raw_csv: bool = False) -> BatchFiles:
    name = "out.jsonl" if json_lines else "out.csv"
    return check_files(
        roster_path,
        roster_path.with_name(name),
        force=False,
        json_lines=json_lines,
        raw_csv=raw_csv,
    )


def batch(
    catalog: Catalog, files: BatchFiles, override: Path | None = None
) -> tuple[BatchSummary, Recorder]:
    reporter = Recorder()
    return run_batch(files, catalog, reporter, override=override), reporter


def rows_of(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.reader(file))


# Checking the paths ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("roster_name", "results_name", "message"),
    [
        ("r\0.csv", "out.csv", "the roster path 'r\\x00.csv' contains a NUL character"),
        ("r.csv", "o\0.csv", "-o 'o\\x00.csv' contains a NUL character"),
    ],
)
def test_a_nul_character_is_refused_naming_which_path(
    roster_name: str, results_name: str, message: str
) -> None:
    with pytest.raises(InputError) as refused:
        check_files(
            Path(roster_name), Path(results_name), force=False, json_lines=False, raw_csv=False
        )
    assert refused.value.message == f"{message}: give a file name"


def test_a_path_the_system_cannot_take_is_refused_naming_both(tmp_path: Path) -> None:
    unusable, results = tmp_path / "r\ud800.csv", tmp_path / "out.csv"
    with pytest.raises(InputError) as refused:
        check_files(unusable, results, force=False, json_lines=False, raw_csv=False)
    assert refused.value.message.startswith(
        f"{str(unusable)!r} or {str(results)!r} is not a usable path ("
    )
    assert "surrogates not allowed" in refused.value.message


def test_a_roster_that_cannot_be_looked_at_is_named_with_the_systems_reason(
    tmp_path: Path,
) -> None:
    inside_a_file = roster(tmp_path, "id,years\n") / "x.csv"
    with pytest.raises(DataError) as refused:
        files_for(inside_a_file)
    assert refused.value.message == f"cannot read the roster {inside_a_file}: Not a directory"


def test_an_errors_file_that_is_a_folder_is_named_as_the_errors_file(tmp_path: Path) -> None:
    source = roster(tmp_path, SMALL)
    (tmp_path / "out.errors.csv").mkdir()
    with pytest.raises(InputError) as refused:
        files_for(source)
    assert refused.value.message == (
        f"the errors file {tmp_path / 'out.errors.csv'} is not a regular file: give a file "
        "name like results.csv"
    )


def test_the_checked_files_carry_the_rosters_size_and_the_raw_choice(tmp_path: Path) -> None:
    source = roster(tmp_path, SMALL)
    files = files_for(source, raw_csv=True)
    assert (files.size, files.raw_csv, files.json_lines) == (len(SMALL), True, False)
    assert files.errors == tmp_path / "out.errors.csv"


def test_a_file_is_not_the_same_as_one_that_is_missing(tmp_path: Path) -> None:
    there = roster(tmp_path, "id,years\n")
    assert not batch_io._same_file(there, tmp_path / "missing.csv")
    assert batch_io._same_file(there, tmp_path / "." / "roster.csv")


def test_a_pipe_swapped_in_for_the_roster_is_refused_without_waiting(tmp_path: Path) -> None:
    """Opening a FIFO that has no writer must not block (O_NONBLOCK), then fstat refuses
    it; were the open to block, the writer end opened below releases it."""
    fifo = tmp_path / "roster.csv"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []

    def open_it() -> None:
        try:
            batch_io._open_roster(fifo).close()
        except BaseException as error:  # kept for the assertions below
            outcome.append(error)

    opener = threading.Thread(target=open_it, daemon=True)
    opener.start()
    opener.join(timeout=5)
    blocked = opener.is_alive()
    if blocked:
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        opener.join(timeout=5)
    assert not blocked, "opening the roster waited for a writer"
    assert len(outcome) == 1 and isinstance(outcome[0], DataError)
    assert outcome[0].message == (
        f"{fifo} is not a regular file (a device, a pipe or a socket, which may never end): "
        "save the roster as a .csv file and give its name"
    )


# Reading the roster --------------------------------------------------------------------


def test_an_empty_roster_says_what_its_first_line_must_be(
    catalog: Catalog, tmp_path: Path
) -> None:
    source = roster(tmp_path, "\n\n")
    with pytest.raises(InputError) as refused:
        batch(catalog, files_for(source))
    assert refused.value.message == (
        f"{source} is empty: the first line must be a header with at least the columns id "
        "and years (and usually certifications and setting)"
    )


def test_a_header_error_keeps_its_hint_and_names_the_roster(
    catalog: Catalog, tmp_path: Path
) -> None:
    source = roster(tmp_path, "id;years\nA;3\n")
    with pytest.raises(InputError) as refused:
        batch(catalog, files_for(source))
    assert refused.value.message.startswith(f"{source}: the roster lacks the required column")
    assert refused.value.hint == (
        "the header is separated by ';': save the file as comma-separated CSV"
    )


def test_a_line_of_exactly_the_longest_length_is_read_and_one_byte_more_is_not(
    catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batch_io, "MAX_LINE_BYTES", 40)
    longest = "A" * 21 + ",3,family-practice\n"
    assert len(longest) == 40
    header = "id,years,setting\n"
    summary, _ = batch(catalog, files_for(roster(tmp_path, header + longest)))
    assert summary.rows_written == 1
    (tmp_path / "out.csv").unlink()
    with pytest.raises(DataError) as refused:
        batch(catalog, files_for(roster(tmp_path, header + "A" + longest)))
    assert refused.value.message.startswith(
        f"{tmp_path / 'roster.csv'} has a line longer than 40 bytes (line 2): "
    )


def test_a_character_cut_off_at_the_end_of_the_file_is_not_utf_8(
    catalog: Catalog, tmp_path: Path
) -> None:
    """The last line has no line break and ends inside a character (the first two of
    the three bytes of "€"): without the check at the end, the bytes would be lost."""
    source = tmp_path / "roster.csv"
    source.write_bytes(SMALL.encode() + b"B,2,family-practice," + "€".encode()[:2])
    with pytest.raises(DataError) as refused:
        batch(catalog, files_for(source))
    assert refused.value.message == (
        f"{source} is not UTF-8 text (line 3 has bytes that are not UTF-8): save it as "
        "'CSV UTF-8' and try again"
    )


def test_a_quote_left_open_in_the_header_is_found_from_line_1(
    catalog: Catalog, tmp_path: Path
) -> None:
    limit = csv.field_size_limit(50)
    try:
        source = roster(tmp_path, 'id,years,"notes\n' + "A,3,x\n" * 20)
        with pytest.raises(DataError) as refused:
            batch(catalog, files_for(source))
    finally:
        csv.field_size_limit(limit)
    assert refused.value.message == (
        f'{source} has a value longer than 50 characters (from line 1): is a quote (") left open?'
    )


def test_a_line_csv_cannot_read_is_named_with_csvs_reason(
    catalog: Catalog, tmp_path: Path
) -> None:
    source = roster(tmp_path, "id,years\nA\rB,3\n")
    with pytest.raises(DataError) as refused:
        batch(catalog, files_for(source))
    message = refused.value.message  # csv's own words differ between Python releases
    assert message.startswith(
        f"{source} is not a CSV file maplanner can read (line 2: new-line character seen in "
        "unquoted field"
    )
    assert message.endswith("?)")


# Progress and the summary -----------------------------------------------------------------


def test_progress_is_reported_every_so_many_rows_then_at_the_end(
    catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batch_io, "PROGRESS_EVERY", 2)
    lines = ["id,years,setting\n", *(f"S{n},{n},family-practice\n" for n in range(1, 6))]
    files = files_for(roster(tmp_path, "".join(lines)))
    summary, reporter = batch(catalog, files)
    bytes_through = [sum(len(line) for line in lines[:end]) for end in (3, 5)]
    assert reporter.told == [
        ("progress", bytes_through[0]),
        ("progress", bytes_through[1]),
        ("progress", files.size),
    ]
    assert summary.format == "csv" and summary.errors is None
    assert (summary.reports, summary.reports_written, summary.class_report) == (None, 0, None)


def test_json_lines_are_summarised_as_jsonl(catalog: Catalog, tmp_path: Path) -> None:
    summary, _ = batch(catalog, files_for(roster(tmp_path, SMALL), json_lines=True))
    assert summary.format == "jsonl"


def test_a_rosters_places_are_priced_with_the_override_folders_areas(
    catalog: Catalog, tmp_path: Path
) -> None:
    """Also in the same catalog as the shipped table of the same area, name and
    vintage: the ranges are remembered by the figures they are made from."""
    source = roster(tmp_path, "id,years,setting,area\nA,4,family-practice,seattle\n")
    shipped, _ = batch(catalog, files_for(source))
    shipped_row = rows_of(tmp_path / "out.csv")[1]
    (tmp_path / "out.csv").unlink()
    override = tmp_path / "data"
    override.mkdir()
    override_areas(override, {("Seattle-Tacoma-Bellevue, WA", MA_SOC): median_columns(66000)})
    batch(catalog, files_for(source), override=override)
    priced_row = rows_of(tmp_path / "out.csv")[1]
    # The estimate's high end (the 36.8th percentile) lies between the 25th ($54,900)
    # and the median: $61,500 shipped, $66,000 in the folder.
    assert shipped.rows_written == 1
    assert shipped_row[5:9] == ["53906", "estimate", "58015", "estimate"]
    assert priced_row[5:9] == ["53906", "estimate", "60139", "estimate"]


# Writing the files -----------------------------------------------------------------------


def test_a_results_file_that_cannot_be_made_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import maplanner.files

    def refused(target: Path, private: bool) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(maplanner.files, "PartFile", refused)
    with pytest.raises(DataError) as said:
        batch_io._Output(tmp_path / "out.csv")
    assert said.value.message == f"cannot write {tmp_path / 'out.csv'}: Permission denied"


def test_a_results_file_that_cannot_be_finished_is_named_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = batch_io._Output(tmp_path / "out.csv")
    output.file.write("id\n")

    def full(replace: bool = True) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(output._part, "commit", full)
    with pytest.raises(DataError) as said:
        output.commit()
    assert said.value.message == f"cannot write {tmp_path / 'out.csv'}: No space left on device"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("error", [OSError(errno.EIO, "I/O error"), ValueError("closed")])
def test_a_file_that_fails_to_close_is_still_discarded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    output = batch_io._Output(tmp_path / "out.csv")
    real = output.file

    class Failing(io.StringIO):
        def close(self) -> None:
            raise error

    monkeypatch.setattr(output, "file", Failing())
    output.discard()
    real.close()
    assert list(tmp_path.iterdir()) == []


def test_carried_column_names_are_kept_from_running_unless_raw(
    catalog: Catalog, tmp_path: Path
) -> None:
    source = roster(tmp_path, "id,years,setting,=cmd\nA,3,family-practice,x\n")
    batch(catalog, files_for(source))
    assert rows_of(tmp_path / "out.csv")[0][:2] == ["id", "'=cmd"]
    (tmp_path / "out.csv").unlink()
    batch(catalog, files_for(source, raw_csv=True))
    assert rows_of(tmp_path / "out.csv")[0][:2] == ["id", "=cmd"]


def test_results_are_utf_8_whatever_the_locale(tmp_path: Path) -> None:
    """Under the C locale, without UTF-8 mode, Python's own default is ASCII."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from maplanner.batch_io import _Output\n"
        "out = _Output(Path(sys.argv[1]))\n"
        "out.file.write('Jos\\u00e9\\n')\n"
        "out.commit()\n"
    )
    env = {**os.environ, "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    target = tmp_path / "out.csv"
    subprocess.run([sys.executable, "-c", script, str(target)], env=env, check=True)
    assert target.read_bytes() == "José\n".encode()
