"""`maplanner batch` end to end: files in, results and errors out, summary, exit codes."""

import csv
import gc
import io
import json
import os
import re
import stat
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

from maplanner.core.roster import RESULT_COLUMNS, RowRejection
from maplanner.render.batch import (
    PROGRESS_MIN_BYTES,
    StderrReporter,
    rejection_line,
    should_show_progress,
)
from tests.conftest import Runner, examples
from tests.helpers import flat

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "class-roster.csv"
HEADER = "id,years,certifications,setting,specialty,leads,pay"
GOOD = "S01,4,CMA,family-practice,,,46k"


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def leftovers(folder: Path) -> list[str]:
    """Hidden .part files a run would leave behind if it did not clean up."""
    return [p.name for p in folder.iterdir() if p.name.endswith(".part")]


# The example class -----------------------------------------------------------------


def test_the_example_class_gives_28_results_2_errors_and_a_summary(
    run: Runner, tmp_path: Path
) -> None:
    results = tmp_path / "results.csv"
    result = run("batch", str(EXAMPLE), "-o", str(results))
    assert result.code == 1  # some rows were rejected
    rows = read_csv(results)
    assert len(rows) == 28
    assert list(rows[0]) == list(RESULT_COLUMNS)
    assert "S08" not in {r["id"] for r in rows} and "S22" not in {r["id"] for r in rows}
    errors = read_csv(tmp_path / "results.errors.csv")
    assert [(e["line"], e["id"]) for e in errors] == [("9", "S08"), ("23", "S22")]
    assert errors[0]["reason"].startswith("years 'two' is not a number of years")
    assert "did you mean hospital?" in errors[1]["reason"]
    err = result.err.splitlines()
    assert err[0].startswith("maplanner: line 9 (S08): years 'two' is not a number of years")
    assert err[1].startswith("maplanner: line 23 (S22): setting 'hopsital' is not a known")
    assert err[2] == (
        f"maplanner: 2 of 30 rows were rejected and are listed in {tmp_path}/"
        f"results.errors.csv; the other 28 are in {results}"
    )
    assert len(err) == 3
    out = flat(result.out)
    assert "30 read: 28 written, 2 rejected" in out
    assert "Median estimated at the 39th percentile" in out
    # CMPE needs a bachelor's the roster does not give, so it is never the top step.
    assert "Next cert CPC: Certified Professional Coder (AAPC), the top suggestion " in out
    # Lead MAs are Senior/Lead whatever their years (the Lead MA path agrees).
    assert re.search(r"Entry 12 43% Mid 4 14% Senior/Lead 8 29% Specialized 4 14%", out)
    assert all(len(line) <= 80 for line in result.out.splitlines())


def test_example_rows_match_the_rules(run: Runner, tmp_path: Path) -> None:
    """A few rows checked figure by figure against `maplanner assess --json`."""
    results = tmp_path / "results.csv"
    run("batch", str(EXAMPLE), "-o", str(results))
    rows = {r["id"]: r for r in read_csv(results)}
    single = run(
        "assess",
        *("--years", "3.5", "--cert", "CMA,COA", "--setting", "specialty-clinic"),
        *("--specialty", "ophthalmology", "--pay", "46k", "--json"),
    )
    expected = json.loads(single.out)
    s14 = rows["S14"]
    assert s14["tier"] == expected["tier"] == "specialized"
    assert float(s14["estimated_percentile"]) == expected["estimated_percentile"]
    assert int(s14["wage_low"]) == round(expected["range"]["low"]["annual"])
    assert int(s14["wage_high"]) == round(expected["range"]["high"]["annual"])
    assert s14["top_next_step"] == expected["next_steps"][0]["title"]
    assert float(s14["pay_percentile"]) == round(
        expected["pay_standing"]["standing"]["percentile"], 1
    )
    assert rows["S01"]["wage_low_kind"] == "at-or-below" and rows["S01"]["wage_low"] == "36050"
    assert rows["S23"]["wage_high_kind"] == "at-or-above" and rows["S23"]["wage_high"] == "59310"
    assert rows["S28"]["pay_percentile"] == "above 90th"
    assert rows["S30"]["pay_percentile"] == "below 10th"
    assert rows["S01"]["pay_percentile"] == ""


def test_json_lines_and_a_json_summary(run: Runner, tmp_path: Path) -> None:
    results = tmp_path / "results.jsonl"
    result = run("batch", str(EXAMPLE), "-o", str(results), "--json")
    assert result.code == 1
    summary = json.loads(result.out)  # exactly one JSON document on stdout
    assert summary["rows_in"] == 30 and summary["rows_written"] == 28
    assert summary["rows_rejected"] == 2 and summary["blank_lines"] == 0
    assert summary["format"] == "jsonl"
    assert summary["results"] == str(results)
    assert summary["errors"] == str(tmp_path / "results.errors.jsonl")
    assert summary["median_estimated_percentile"] == 38.8
    assert summary["most_common_next_certification"]["id"] == "CPC"
    assert [t["count"] for t in summary["tiers"]] == [12, 4, 8, 4]
    lines = results.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 28
    first = json.loads(lines[0])
    assert list(first) == [*RESULT_COLUMNS, "pay_outside_range", "roster"]
    assert first["roster"] == {}
    assert first["id"] == "S01" and first["pay_percentile"] is None
    assert first["estimated_percentile"] == 9.8 and first["wage_low"] == 36050
    by_id = {json.loads(line)["id"]: json.loads(line) for line in lines}
    assert by_id["S28"]["pay_percentile"] is None
    assert by_id["S28"]["pay_outside_range"] == "above 90th"
    assert by_id["S14"]["pay_percentile"] == 52.2
    errors = (tmp_path / "results.errors.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(e)["line"] for e in errors] == [9, 23]
    assert set(json.loads(errors[0])) == {"line", "id", "reason"}


def test_all_rows_good_exits_0_with_no_errors_file(run: Runner, tmp_path: Path) -> None:
    roster = write(tmp_path / "r.csv", f"{HEADER}\n{GOOD}\nS02,0,,hospital,,,\n")
    result = run("batch", str(roster), "-o", str(tmp_path / "o.csv"))
    assert result.code == 0, result.err
    assert result.err == ""
    assert len(read_csv(tmp_path / "o.csv")) == 2
    assert not (tmp_path / "o.errors.csv").exists()
    assert "Errors none" in flat(result.out)
    assert leftovers(tmp_path) == []


# Awkward but valid files ------------------------------------------------------------


def test_bom_crlf_case_insensitive_header_blank_lines_and_extra_columns(
    run: Runner, tmp_path: Path
) -> None:
    text = (
        "\r\n"
        "ID, Years ,Certifications,Setting,Specialty,Leads,Pay,Notes,Email\r\n"
        "S01,4,CMA,family-practice,,,46k,likes cardiology,a@b.c\r\n"
        "\r\n"
        ",,,,,,,,\r\n"
        "S02,bad,CMA,family-practice,,,,,\r\n"
    )
    roster = write(tmp_path / "r.csv", text, encoding="utf-8-sig")
    result = run("batch", str(roster), "-o", str(tmp_path / "o.csv"))
    assert result.code == 1
    err = result.err.splitlines()
    assert err[0].startswith("maplanner: line 6 (S02): years 'bad'")  # physical line
    rows = read_csv(tmp_path / "o.csv")
    assert [r["id"] for r in rows] == ["S01"]
    # Other columns are carried through, unchanged, after the id and in roster order.
    assert list(rows[0])[:3] == ["id", "Notes", "Email"]
    assert (rows[0]["Notes"], rows[0]["Email"]) == ("likes cardiology", "a@b.c")
    assert "2 read: 1 written, 1 rejected (3 blank lines skipped)" in flat(result.out)
    assert "Carried Notes, Email" in flat(result.out)


def test_a_value_spanning_lines_keeps_line_numbers_physical(run: Runner, tmp_path: Path) -> None:
    text = f'{HEADER}\n"S01\nsecond line",4,CMA,hospital,,,\nS02,4,CMA,hopsital,,,\n'
    roster = write(tmp_path / "r.csv", text)
    result = run("batch", str(roster), "-o", str(tmp_path / "o.csv"))
    assert result.code == 1
    assert read_csv(tmp_path / "o.csv")[0]["id"] == "S01\nsecond line"
    assert read_csv(tmp_path / "o.errors.csv")[0]["line"] == "4"


def test_a_header_only_roster_writes_an_empty_result(run: Runner, tmp_path: Path) -> None:
    roster = write(tmp_path / "r.csv", HEADER + "\n")
    result = run("batch", str(roster), "-o", str(tmp_path / "o.csv"))
    assert result.code == 0, result.err
    assert read_csv(tmp_path / "o.csv") == []
    assert "0 read: 0 written, 0 rejected" in flat(result.out)
    assert "no rows assessed" in flat(result.out)


# Usage problems: exit 2 ----------------------------------------------------------------


def test_a_missing_column_exits_2_naming_it_and_writes_nothing(
    run: Runner, tmp_path: Path
) -> None:
    roster = write(tmp_path / "r.csv", "id,certifications,setting,specialty,leads\nS01,,,,\n")
    result = run("batch", str(roster), "-o", str(tmp_path / "o.csv"))
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith(
        f"maplanner: {roster}: the roster lacks the required column years"
    )
    assert len(result.err.splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.csv"]


def test_an_empty_roster_exits_2(run: Runner, tmp_path: Path) -> None:
    roster = write(tmp_path / "r.csv", "\n\n")
    result = run("batch", str(roster), "-o", str(tmp_path / "o.csv"))
    assert result.code == 2
    assert result.err.startswith(f"maplanner: {roster} is empty: the first line must be a header")


def test_an_existing_output_needs_force(run: Runner, tmp_path: Path) -> None:
    roster = write(tmp_path / "r.csv", f"{HEADER}\n{GOOD}\n")
    output = write(tmp_path / "o.csv", "keep me\n")
    result = run("batch", str(roster), "-o", str(output))
    assert result.code == 2
    assert result.err == f"maplanner: -o {output} already exists: add --force to replace it\n"
    assert output.read_text() == "keep me\n"
    forced = run("batch", str(roster), "-o", str(output), "--force")
    assert forced.code == 0, forced.err
    assert read_csv(output)[0]["id"] == "S01"


def test_an_existing_errors_file_needs_force_and_a_stale_one_is_removed(
    run: Runner, tmp_path: Path
) -> None:
    roster = write(tmp_path / "r.csv", f"{HEADER}\n{GOOD}\n")
    stale = write(tmp_path / "o.errors.csv", "line,id,reason\n9,S08,old\n")
    result = run("batch", str(roster), "-o", str(tmp_path / "o.csv"))
    assert result.code == 2
    assert result.err == (
        f"maplanner: the errors file {stale} already exists: add --force to replace it\n"
    )
    forced = run("batch", str(roster), "-o", str(tmp_path / "o.csv"), "--force")
    assert forced.code == 0, forced.err
    assert not stale.exists()  # it described an earlier run


@pytest.mark.parametrize("name", ["r.csv", "r.errors.csv"])
def test_the_output_may_not_overwrite_the_roster(run: Runner, tmp_path: Path, name: str) -> None:
    roster = write(tmp_path / name, f"{HEADER}\n{GOOD}\n")
    output = tmp_path / "r.csv"
    result = run("batch", str(roster), "-o", str(output), "--force")
    assert result.code == 2
    assert "is the roster itself" in result.err
    assert roster.read_text() == f"{HEADER}\n{GOOD}\n"


def test_the_output_folder_must_exist(run: Runner, tmp_path: Path) -> None:
    roster = write(tmp_path / "r.csv", f"{HEADER}\n{GOOD}\n")
    result = run("batch", str(roster), "-o", str(tmp_path / "nowhere" / "o.csv"))
    assert result.code == 2
    assert result.err == (
        f"maplanner: -o {tmp_path}/nowhere/o.csv: the folder {tmp_path}/nowhere does not exist\n"
    )
    folder = run("batch", str(roster), "-o", str(tmp_path))
    assert folder.code == 2 and "is a folder: give a file name" in folder.err


def test_output_option_is_required(run: Runner, tmp_path: Path) -> None:
    roster = write(tmp_path / "r.csv", f"{HEADER}\n{GOOD}\n")
    result = run("batch", str(roster))
    assert result.code == 2
    assert "Missing option '--output' / '-o'" in result.err


def test_a_nul_in_a_path_is_a_usage_error(run: Runner, tmp_path: Path) -> None:
    result = run("batch", "r\x00.csv", "-o", str(tmp_path / "o.csv"))
    assert result.code == 2
    assert "contains a NUL character" in result.err


# Unreadable files: exit 1 ---------------------------------------------------------------


def test_a_missing_roster_exits_1_with_its_path(run: Runner, tmp_path: Path) -> None:
    missing = tmp_path / "absent.csv"
    result = run("batch", str(missing), "-o", str(tmp_path / "o.csv"))
    assert result.code == 1
    assert result.err == f"maplanner: roster file not found: {missing}\n"


def test_a_folder_as_roster_exits_1(run: Runner, tmp_path: Path) -> None:
    result = run("batch", str(tmp_path), "-o", str(tmp_path / "o.csv"))
    assert result.code == 1
    assert "is a folder, not a roster file" in result.err


def test_a_roster_that_is_not_utf8_exits_1_naming_the_line(run: Runner, tmp_path: Path) -> None:
    rows = "".join(f"S{n:04},4,CMA,hospital,,,\n" for n in range(2, 3002))
    text = f"{HEADER}\n{GOOD}\n" + rows + "José,4,CMA,hospital,,,\n"
    roster = write(tmp_path / "r.csv", text, encoding="latin-1")
    result = run("batch", str(roster), "-o", str(tmp_path / "o.csv"))
    assert result.code == 1
    assert result.err == (
        f"maplanner: {roster} is not UTF-8 text (line 3003 has bytes that are not UTF-8): "
        "save it as 'CSV UTF-8' and try again\n"
    )
    assert result.out == ""
    assert not (tmp_path / "o.csv").exists()  # no half-written results
    assert leftovers(tmp_path) == []


def test_a_utf16_roster_exits_1(run: Runner, tmp_path: Path) -> None:
    roster = write(tmp_path / "r.csv", f"{HEADER}\n{GOOD}\n", encoding="utf-16")
    result = run("batch", str(roster), "-o", str(tmp_path / "o.csv"))
    assert result.code == 1
    assert "is not UTF-8 text (line 1 " in result.err


def test_a_binary_file_exits_1(run: Runner, tmp_path: Path) -> None:
    roster = tmp_path / "r.csv"
    roster.write_bytes(f"{HEADER}\n{GOOD}\n".encode() + b"S02,\x00\x01\x02,,\n")
    result = run("batch", str(roster), "-o", str(tmp_path / "o.csv"))
    assert result.code == 1
    assert result.err == (
        f"maplanner: {roster} is not a CSV text file (line 3 holds a NUL byte, as binary "
        "files do): save it as 'CSV UTF-8' and try again\n"
    )
    assert len(result.err.splitlines()) == 1
    assert not (tmp_path / "o.csv").exists()
    assert leftovers(tmp_path) == []


def test_an_unclosed_quote_swallowing_the_file_exits_1(run: Runner, tmp_path: Path) -> None:
    text = f'{HEADER}\n"S01,4,CMA,hospital,,,\n' + "S02,4,CMA,hospital,,,\n" * 8000
    roster = write(tmp_path / "r.csv", text)
    result = run("batch", str(roster), "-o", str(tmp_path / "o.csv"))
    assert result.code == 1
    assert '(from line 2): is a quote (") left open?' in result.err


# Rows in = rows written + rows rejected ---------------------------------------------------

GOOD_CELLS = st.fixed_dictionaries(
    {
        "years": st.sampled_from(["0", "0.5", "3", "4", "8", "12.5"]),
        "certifications": st.sampled_from(["", "CMA", "cma; bls", "CCMA;CET", "CMA;COA;COT"]),
        "setting": st.sampled_from(["family-practice", "Hospital", "specialty-clinic"]),
        "specialty": st.sampled_from(["", "none", "ophthalmology", "cardiology"]),
        "leads": st.sampled_from(["", "trains", "lead", "supervises"]),
        "pay": st.sampled_from(["", "46k", "17.50/h", "$60,000"]),
    }
)
BAD_CELLS = st.sampled_from(
    [
        {"years": "two"},
        {"setting": "hopsital"},
        {"certifications": "CMX"},
        {"pay": "lots"},
        {"years": "99"},
        {"leads": "boss"},
    ]
)
COLUMNS = ("years", "certifications", "setting", "specialty", "leads", "pay")
#: Any text but NUL (never in a text file) and a lone carriage return (a line break
#: to the reader that the writer below would not quote).
IDS = st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters="\x00\r"),
    min_size=1,
    max_size=8,
).filter(lambda text: text.strip() != "")


@st.composite
def rosters(draw: st.DrawFn) -> tuple[str, int, list[int]]:
    """A roster's text, its number of data rows, and the lines of the rows that are bad."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "years", "certifications", "setting", "specialty", "leads", "pay"])
    line = 2
    rows, bad_lines = 0, []
    for _ in range(draw(st.integers(min_value=0, max_value=25))):
        kind = draw(st.sampled_from(["good", "good", "bad", "blank"]))
        if kind == "blank":
            out.write("\n")
            line += 1
            continue
        cells = draw(GOOD_CELLS)
        if kind == "bad":
            cells = {**cells, **draw(BAD_CELLS)}
            bad_lines.append(line)
        row_id = draw(IDS)
        text = io.StringIO(newline="")
        csv.writer(text, lineterminator="\n").writerow([row_id, *(cells[c] for c in COLUMNS)])
        out.write(text.getvalue())
        line += text.getvalue().count("\n")  # a quoted id may hold line breaks
        rows += 1
    return out.getvalue(), rows, bad_lines


@settings(
    max_examples=examples(40),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(roster=rosters(), json_lines=st.booleans())
def test_rows_in_equals_rows_written_plus_rows_rejected(
    run: Runner, roster: tuple[str, int, list[int]], json_lines: bool
) -> None:
    text, rows_in, bad_lines = roster
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder) / "r.csv", text)
        output = Path(folder) / ("o.jsonl" if json_lines else "o.csv")
        result = run("batch", str(path), "-o", str(output), *(["--json"] if json_lines else []))
        assert result.code == (1 if bad_lines else 0), result.err
        if json_lines:
            records = output.read_text(encoding="utf-8").split("\n")
            assert records.pop() == ""  # JSON lines: one object per "\n"-ended line
            written = len([json.loads(record) for record in records])
            errors_path = Path(folder) / "o.errors.jsonl"
            rejected_lines = (
                [json.loads(x)["line"] for x in errors_path.read_text().split("\n")[:-1]]
                if bad_lines
                else []
            )
            summary = json.loads(result.out)
            assert (summary["rows_in"], summary["rows_written"]) == (rows_in, written)
        else:
            written = len(read_csv(output))
            errors_path = Path(folder) / "o.errors.csv"
            rejected_lines = [int(e["line"]) for e in read_csv(errors_path)] if bad_lines else []
            assert f"{rows_in} read: {written} written, {len(bad_lines)} rejected" in flat(
                result.out
            )
        assert written + len(rejected_lines) == rows_in
        assert rejected_lines == bad_lines
        assert errors_path.exists() == bool(bad_lines)
        stderr_lines = [line for line in result.err.splitlines() if " line " in line[:20]]
        assert len(stderr_lines) == len(bad_lines)
        assert leftovers(Path(folder)) == []


# Progress and stderr ------------------------------------------------------------------


def test_progress_only_for_large_files_on_a_terminal() -> None:
    assert should_show_progress(True, PROGRESS_MIN_BYTES)
    assert not should_show_progress(True, PROGRESS_MIN_BYTES - 1)
    assert not should_show_progress(False, 10 * PROGRESS_MIN_BYTES)


def test_piped_stderr_gets_only_diagnostic_lines(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Piped (as in every test), a roster over the bar's size draws no bar: stderr is
    plain lines. (The size is lowered so that a few hundred rows are "large".)"""
    monkeypatch.setattr("maplanner.render.batch.PROGRESS_MIN_BYTES", 4096)
    rows = "".join(f"{GOOD.replace('S01', f'P{n}', 1)}\n" for n in range(400))
    text = f"{HEADER}\n" + rows + "S02,two,,hospital,,,\n"
    roster = write(tmp_path / "r.csv", text)
    assert roster.stat().st_size > 4096
    result = run("batch", str(roster), "-o", str(tmp_path / "o.csv"))
    assert result.code == 1
    lines = result.err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("maplanner: line 402 (S02): years 'two'")
    assert "\r" not in result.err and "\x1b" not in result.err


def test_the_progress_bar_draws_and_keeps_rejections_readable() -> None:
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=80, color_system=None)
    with StderrReporter(show_progress=True, total_bytes=1000, console=console) as reporter:
        reporter.progress(500)
        reporter.rejected(RowRejection(line=9, id="S08", reason="years 'two' is bad"))
    assert "maplanner: line 9 (S08): years 'two' is bad" in screen.getvalue()
    assert "Assessing the roster" in screen.getvalue()


def test_rejection_lines_stay_on_one_line() -> None:
    rejection = RowRejection(line=4, id="S01\nsecond", reason="bad\nvalue")
    assert rejection_line(rejection) == "maplanner: line 4 (S01 second): bad value"
    assert rejection_line(RowRejection(line=4, id="", reason="id is blank")) == (
        "maplanner: line 4: id is blank"
    )


def test_help_documents_columns_and_exit_codes(run: Runner) -> None:
    result = run("batch", "--help")
    assert result.code == 0
    text = flat(result.out)
    assert "id and years are required; certifications (separated by ;" in text
    assert "--reports DIR writes each student's printable plan" in text
    assert "0 all rows written; 1 some rows rejected" in text


def test_an_excel_workbook_exits_1_with_what_to_do(run: Runner, tmp_path: Path) -> None:
    roster = tmp_path / "class.xlsx"
    roster.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    result = run("batch", str(roster), "-o", str(tmp_path / "o.csv"))
    assert result.code == 1
    assert result.err == (
        f"maplanner: {roster} is an Excel workbook or another zip file, not CSV: in Excel, "
        "save it as 'CSV UTF-8 (Comma delimited)' and try again\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["class.xlsx"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_device_is_never_replaced(run: Runner, tmp_path: Path) -> None:
    """A FIFO inside the test's folder stands for /dev/null: a broken guard must never
    get the chance to replace the machine's real device."""
    roster = write(tmp_path / "r.csv", f"{HEADER}\n{GOOD}\n")
    pipe = tmp_path / "null"
    os.mkfifo(pipe)
    result = run("batch", str(roster), "-o", str(pipe), "--force")
    assert result.code == 2
    assert result.err == (
        f"maplanner: -o {pipe} is not a regular file: give a file name like results.csv\n"
    )
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null", "r.csv"]


def test_rows_are_assessed_with_the_cyclic_collector_running(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The edge pauses the collector for start-up; a roster of any length must not be."""
    import maplanner.batch_io

    seen: list[bool] = []
    real = maplanner.batch_io.run_batch

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(maplanner.batch_io, "run_batch", spy)
    result = run("batch", str(EXAMPLE), "-o", str(tmp_path / "out.csv"))
    assert result.code == 1 and seen == [True]


# Repeated ids --------------------------------------------------------------------------

SIX_COLUMNS = "id,years,certifications,setting,specialty,leads\n"


def _roster(tmp_path: Path, ids: list[str]) -> Path:
    roster = tmp_path / "roster.csv"
    rows = "".join(f"{row_id},2,CMA,family-practice,,\n" for row_id in ids)
    roster.write_text(SIX_COLUMNS + rows, encoding="utf-8")
    return roster


def test_a_repeated_id_is_assessed_and_named_in_a_warning(run: Runner, tmp_path: Path) -> None:
    roster = _roster(tmp_path, ["S01", "S02", "S01"])
    results = tmp_path / "out.csv"
    result = run("batch", str(roster), "-o", str(results))
    assert result.code == 0
    assert result.err == (
        "maplanner: warning: line 4: id 'S01' is also on line 2 (both rows are assessed)\n"
    )
    assert [row[0] for row in csv.reader(io.StringIO(results.read_text()))][1:] == [
        "S01",
        "S02",
        "S01",
    ]
    assert "Repeated ids" in result.out
    assert "1 row reuses an earlier row's id" in result.out


def test_no_repeated_ids_means_no_warning_and_no_summary_line(run: Runner, tmp_path: Path) -> None:
    result = run(
        "batch", str(_roster(tmp_path, ["S01", "s01", "S02"])), "-o", str(tmp_path / "o.csv")
    )
    assert (result.code, result.err) == (0, "")  # ids are compared exactly: s01 is not S01
    assert "Repeated ids" not in result.out


def test_many_repeats_are_named_up_to_a_limit_and_all_counted(run: Runner, tmp_path: Path) -> None:
    roster = _roster(tmp_path, ["S01"] * 26)
    result = run("batch", str(roster), "-o", str(tmp_path / "o.csv"), "--json")
    warnings = result.err.splitlines()
    assert len(warnings) == 21
    assert (
        warnings[-1] == "maplanner: warning: more rows repeat an id; the summary counts them all"
    )
    summary = json.loads(result.out)
    assert (summary["repeated_ids"], summary["repeated_ids_checked_every_row"]) == (25, True)
    assert summary["rows_written"] == 26


def test_past_the_id_limit_rows_are_no_longer_checked_and_it_says_so(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import maplanner.core.repeated_ids

    monkeypatch.setattr(maplanner.core.repeated_ids, "ID_LIMIT", 2)
    roster = _roster(tmp_path, ["A", "A", "B", "C", "A", "C"])
    result = run("batch", str(roster), "-o", str(tmp_path / "o.csv"), "--json")
    assert result.code == 0
    assert result.err.splitlines() == [
        "maplanner: warning: line 3: id 'A' is also on line 2 (both rows are assessed)",
        "maplanner: warning: more than 2 different ids; rows after that are not checked "
        "for a repeated id",
    ]
    summary = json.loads(result.out)
    assert (summary["repeated_ids"], summary["repeated_ids_checked_every_row"]) == (1, False)


def test_repeated_ids_counts_rows_not_ids_and_never_blank_ones() -> None:
    from maplanner.core.repeated_ids import RepeatedIds

    seen = RepeatedIds(limit=10)
    answers = [
        seen.first_line(line, row_id)
        for line, row_id in enumerate(["a", "", "a", "", "a", "b"], start=2)
    ]
    assert answers == [None, None, 2, None, 2, None]
    assert seen.repeats == 2 and not seen.stopped
