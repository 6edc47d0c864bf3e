"""Hostile inputs and damaged files: what maplanner guarantees (docs/reliability.md).

Each test here reproduces one way an adversarial run fooled an earlier maplanner:
formula cells in CSV, a planted catalog cache, endless rosters, huge values, escape
sequences from data, world-readable files, leftover part files, a hand-edited store
and inputs that were taken silently.
"""

import csv
import json
import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import Runner, examples

REPO = Path(__file__).resolve().parent.parent
HEADER = "id,years,certifications,setting,specialty,leads,pay"
ASSESS = (
    "assess", "--years", "4", "--setting", "family-practice", "--cert", "CMA", "--save", "--json"
)  # fmt: skip


def read_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.reader(file))


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# 1. Formula cells in CSV --------------------------------------------------------------

HOSTILE_IDS = ("=1+1", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)")


def _hostile_roster(tmp_path: Path) -> Path:
    roster = tmp_path / "r.csv"
    lines = [HEADER]
    lines += [f'"{row_id}",4,CMA,family-practice,,,46k' for row_id in HOSTILE_IDS]
    lines.append('"\t=1+1",4,CMA,family-practice,,,46k')
    lines.append('"=HYPERLINK(1)",4,CMA,nowhere,,,')  # rejected: goes to the errors file
    roster.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return roster


def test_csv_cells_a_spreadsheet_would_run_get_an_apostrophe(run: Runner, tmp_path: Path) -> None:
    results = tmp_path / "out.csv"
    result = run("batch", str(_hostile_roster(tmp_path)), "-o", str(results))
    assert result.code == 1, result.err
    ids = [row[0] for row in read_rows(results)[1:]]
    assert ids == ["'=1+1", "'+1+cmd|' /C calc'!A0", "'-2+3", "'@SUM(1+1)", "'=1+1"]
    errors = read_rows(tmp_path / "out.errors.csv")
    assert errors[1][1] == "'=HYPERLINK(1)"
    for row in read_rows(results)[1:] + errors[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), row
            assert not cell.startswith("-") or cell.lstrip("-").replace(".", "").isdigit()


def test_raw_csv_writes_the_values_as_they_are(run: Runner, tmp_path: Path) -> None:
    results = tmp_path / "out.csv"
    result = run("batch", str(_hostile_roster(tmp_path)), "-o", str(results), "--raw-csv")
    assert result.code == 1, result.err
    ids = [row[0] for row in read_rows(results)[1:]]
    assert ids == [*HOSTILE_IDS, "=1+1"]
    assert read_rows(tmp_path / "out.errors.csv")[1][1] == "=HYPERLINK(1)"


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("-2", "-2"),
        ("-12.5", "-12.5"),
        ("61.4", "61.4"),
        ("-", "'-"),
        ("-2+3", "'-2+3"),
        ("  =1", "'  =1"),
        (" \t=1", "' \t=1"),
        ("\u00a0@SUM(1)", "'\u00a0@SUM(1)"),
        ("X=1", "X=1"),
        ("a -1", "a -1"),
        ("\r=1", "'\r=1"),
        ("plain", "plain"),
        ("", ""),
    ],
)
def test_spreadsheet_safe_keeps_numbers_and_text(cell: str, written: str) -> None:
    from maplanner.batch_io import spreadsheet_safe

    assert spreadsheet_safe(cell) == written


# 6. Private files -------------------------------------------------------------------


@pytest.fixture
def saved(run: Runner) -> None:
    result = run(*ASSESS)
    assert result.code == 0, result.err


def test_report_force_keeps_the_existing_files_mode(
    run: Runner, saved: None, tmp_path: Path
) -> None:
    target = tmp_path / "plan.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    assert run("report", "-o", str(target), "--force").code == 0
    assert mode_of(target) == 0o600
    target.chmod(0o640)
    assert run("report", "-o", str(target), "--force").code == 0
    assert mode_of(target) == 0o640
    assert target.read_text(encoding="utf-8").startswith("#")


def test_a_new_report_and_new_batch_results_are_private(
    run: Runner, saved: None, tmp_path: Path
) -> None:
    assert run("report", "-o", str(tmp_path / "plan.html")).code == 0
    assert mode_of(tmp_path / "plan.html") == 0o600
    roster = tmp_path / "r.csv"
    roster.write_text(f"{HEADER}\nS1,4,CMA,family-practice,,,\nS2,4,CMA,nowhere,,,\n")
    assert run("batch", str(roster), "-o", str(tmp_path / "o.csv")).code == 1
    assert mode_of(tmp_path / "o.csv") == 0o600
    assert mode_of(tmp_path / "o.errors.csv") == 0o600


def test_maplanner_makes_its_folder_0700_and_the_database_0600(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home" / "maplanner"
    monkeypatch.setenv("MAPLANNER_HOME", str(home))
    assert run(*ASSESS).code == 0
    assert mode_of(home) == 0o700
    assert mode_of(home / "maplanner.db") == 0o600


def test_every_folder_maplanner_makes_is_0700_whichever_command_comes_first(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "new" / "home"
    monkeypatch.setenv("MAPLANNER_HOME", str(home))
    from maplanner.catalog import loader

    loader._load.cache_clear()  # validate, so the cache is written
    assert run("salary").code == 0
    assert mode_of(home / "cache") == 0o700
    assert mode_of(home) == 0o700
    assert mode_of(tmp_path / "new") == 0o700


def test_an_existing_world_readable_database_is_made_private(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("MAPLANNER_HOME", str(home))
    assert run(*ASSESS).code == 0
    (home / "maplanner.db").chmod(0o644)
    assert run("history").code == 0
    assert mode_of(home / "maplanner.db") == 0o600


# 7. Part files left by a killed run -------------------------------------------------


def test_part_files_of_a_killed_run_are_swept_by_the_next(
    run: Runner, saved: None, tmp_path: Path
) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    pid = int(dead.stdout)
    stale = [tmp_path / f".plan.md.{pid}.x1y2.part", tmp_path / f".o.csv.{pid}.abcd.part"]
    stale += [tmp_path / f".o.errors.csv.{pid}.0.part"]
    for part in stale:
        part.write_text("half", encoding="utf-8")
    alive = tmp_path / f".plan.md.{os.getppid()}.live.part"  # a run still writing
    alive.write_text("busy", encoding="utf-8")
    other = tmp_path / f".notes.txt.{pid}.a.part"  # not a file of this target
    other.write_text("mine", encoding="utf-8")
    assert run("report", "-o", str(tmp_path / "plan.md")).code == 0
    roster = tmp_path / "r.csv"
    roster.write_text(f"{HEADER}\nS1,4,CMA,family-practice,,,\n", encoding="utf-8")
    assert run("batch", str(roster), "-o", str(tmp_path / "o.csv")).code == 0
    left = sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".part"))
    assert left == sorted([alive.name, other.name])


# 2. The catalog cache can only make a run faster ------------------------------------


def _cached_shipped_catalog() -> tuple[Path, bytes]:
    """The cache file of the shipped data, written by a fresh validation, and its bytes."""
    from maplanner.catalog import loader, snapshot

    loader._load.cache_clear()
    path = snapshot.snapshot_path(None)
    path.unlink(missing_ok=True)
    loader.load_catalog(None)
    loader._load.cache_clear()
    return path, path.read_bytes()


def _forge_median(path: Path, raw: bytes, median: int) -> None:
    """What the adversarial run did: edit the median, recompute the plain digest."""
    import hashlib
    import pickle

    from maplanner.catalog.loader import load_catalog

    first, fingerprint, _digest, _ = raw.split(b"\n", 3)
    files = dict(load_catalog(None).files())
    wages = files["wages.toml"]
    table = wages.wages  # type: ignore[attr-defined]
    points = [
        point.model_copy(update={"annual": median}) if point.percentile == 50 else point
        for point in table.percentiles
    ]
    files["wages.toml"] = wages.model_copy(
        update={"wages": table.model_copy(update={"percentiles": points})}
    )
    body = pickle.dumps({name: pickle.dumps(model) for name, model in files.items()})
    digest = hashlib.sha256(body).hexdigest().encode()
    path.write_bytes(first + b"\n" + fingerprint + b"\n" + digest + b"\n" + body)


def _salary_median() -> str:
    done = subprocess.run(
        [sys.executable, "-m", "maplanner", "salary", "--percentile", "50"],
        capture_output=True, text=True, cwd=REPO, env=dict(os.environ), check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_forged_cache_cannot_change_a_figure(run: Runner) -> None:
    path, raw = _cached_shipped_catalog()
    honest = run("salary", "--percentile", "50").out  # what the shipped data says
    assert "45,690" in honest and "52,000" not in honest
    _forge_median(path, raw, 52_000)
    assert _salary_median() == honest


def test_a_cache_in_a_folder_others_can_write_is_not_trusted() -> None:
    from maplanner.catalog import snapshot
    from maplanner.catalog.loader import _file_paths, _read_bytes

    path, _ = _cached_shipped_catalog()
    files = {name: _read_bytes(p) for name, p in _file_paths(None).items()}
    expected = snapshot.fingerprint(files)
    assert snapshot.recall(None, expected) is not None
    path.parent.chmod(0o777)
    assert snapshot.recall(None, expected) is None
    path.parent.chmod(0o700)
    path.chmod(0o666)
    assert snapshot.recall(None, expected) is None
    path.chmod(0o600)
    if os.geteuid() == 0:  # another user's folder (only root can give a folder away)
        os.chown(path.parent, 65534, 65534)
        assert snapshot.recall(None, expected) is None
        os.chown(path.parent, 0, 0)
    assert snapshot.recall(None, expected) is not None
    assert mode_of(path.parent) == 0o700 and mode_of(path) == 0o600


def test_writing_the_cache_never_follows_a_planted_link(tmp_path: Path) -> None:
    from maplanner.catalog import loader

    path, _ = _cached_shipped_catalog()
    path.unlink()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    for name in (f"{path.name}.{os.getpid()}.tmp", f".{path.name}.{os.getpid()}.0.part"):
        (path.parent / name).symlink_to(victim)
    loader.load_catalog(None)
    loader._load.cache_clear()
    assert victim.read_text(encoding="utf-8") == "precious"
    assert path.is_file() and not path.is_symlink()


# 3 and 9. Rosters that never end, or cannot be read ----------------------------------


def _batch_process(roster: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """`maplanner batch` in its own process, with a timeout: a hang fails, not blocks."""
    return subprocess.run(
        [sys.executable, "-m", "maplanner", "batch", str(roster), "-o", str(tmp_path / "o.csv")],
        capture_output=True, text=True, cwd=REPO, env=dict(os.environ), timeout=60,
    )  # fmt: skip


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_device_as_the_roster_is_refused(tmp_path: Path) -> None:
    roster = tmp_path / "zero.csv"
    roster.symlink_to("/dev/zero")
    done = _batch_process(roster, tmp_path)
    assert done.returncode == 1
    assert done.stderr == (
        f"maplanner: {roster} is not a regular file (a device, a pipe or a socket, which "
        "may never end): save the roster as a .csv file and give its name\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["zero.csv"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_roster_with_no_writer_is_refused_at_once(tmp_path: Path) -> None:
    roster = tmp_path / "pipe.csv"
    os.mkfifo(roster)
    done = _batch_process(roster, tmp_path)
    assert done.returncode == 1
    assert "pipe.csv is not a regular file" in done.stderr


def test_a_file_of_nul_bytes_stops_at_the_first(run: Runner, tmp_path: Path) -> None:
    roster = tmp_path / "zeros.csv"
    roster.write_bytes(b"\0" * 3_000_000)
    result = run("batch", str(roster), "-o", str(tmp_path / "o.csv"))
    assert result.code == 1
    assert result.err == (
        f"maplanner: {roster} is not a CSV text file (line 1 holds a NUL byte, as binary "
        "files do): save it as 'CSV UTF-8' and try again\n"
    )


def test_a_line_past_the_bound_is_refused_after_one_bounded_read(
    run: Runner, tmp_path: Path
) -> None:
    from maplanner.batch_io import MAX_LINE_BYTES

    roster = tmp_path / "long.csv"
    roster.write_bytes(f"{HEADER}\n".encode() + b"x" * (MAX_LINE_BYTES + 10))
    result = run("batch", str(roster), "-o", str(tmp_path / "o.csv"))
    assert result.code == 1
    assert result.err == (
        f"maplanner: {roster} has a line longer than {MAX_LINE_BYTES:,} bytes (line 2): a "
        "roster has one short line per person; save it as 'CSV UTF-8'\n"
    )


def test_an_unreadable_roster_is_exit_1_naming_it(run: Runner) -> None:
    from tests.other_user import run_unprivileged, shared_folder

    with shared_folder() as folder:
        roster = folder / "r.csv"
        roster.write_text(f"{HEADER}\nS1,4,CMA,family-practice,,,\n", encoding="utf-8")
        assert run("batch", str(roster), "-o", str(folder / "warm.csv")).code == 0
        roster.chmod(0o000 if os.geteuid() else 0o600)
        result = run_unprivileged("batch", str(roster), "-o", str(folder / "o.csv"), home=folder)
    assert result.code == 1, result.err
    assert result.err == f"maplanner: cannot read the roster {roster}: Permission denied\n"


# 4. Values too long to be names ------------------------------------------------------

LONG = "cmaa" * 32_500  # 130,000 characters: "did you mean" took 8-12 s on each


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (("certs", LONG), "certification"),
        (("paths", LONG), "path"),
        (("plan", "--goal", LONG, "--years", "4", "--setting", "hospital"), "--goal"),
        (("assess", "--years", "4", "--setting", "hospital", "--cert", LONG), "--cert"),
        (("profile", "add-cert", LONG), "add-cert"),
    ],
    ids=["certs", "paths", "plan-goal", "assess-cert", "profile-add-cert"],
)
def test_a_huge_value_is_refused_at_once_in_one_short_line(
    run: Runner, args: tuple[str, ...], option: str
) -> None:
    import time

    started = time.monotonic()
    result = run(*args)
    assert time.monotonic() - started < 5
    assert result.code == 2, result.err
    assert len(result.err) < 400 and len(result.err.splitlines()) <= 2, result.err[:400]
    assert "130,000 characters long" in result.err


def test_a_roster_of_huge_cells_is_rejected_row_by_row_quickly(
    run: Runner, tmp_path: Path
) -> None:
    import time

    roster = tmp_path / "r.csv"
    rows = [f"S{n},4,{LONG[:100_000]}{n},{LONG[:100_000]}{n},,," for n in range(6)]
    roster.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    started = time.monotonic()
    result = run("batch", str(roster), "-o", str(tmp_path / "o.csv"))
    assert time.monotonic() - started < 10
    assert result.code == 1
    reasons = [row[2] for row in read_rows(tmp_path / "o.errors.csv")[1:]]
    assert len(reasons) == 6
    assert all("characters long" in reason and len(reason) < 600 for reason in reasons)


# 5. Escape sequences from data never reach the terminal -------------------------------

HOSTILE_TEXT = "\\u001b[2J\\u001b]0;owned\\u0007\\u009b31m"


@pytest.mark.parametrize("color", [False, True], ids=["plain", "colour"])
@pytest.mark.parametrize(
    "args", [("paths",), ("paths", "lead-ma"), ("certs", "CMA")], ids=" ".join
)
def test_control_characters_from_data_are_stripped_from_output(
    run: Runner,
    data_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    color: bool,
) -> None:
    names = (
        ("paths.toml", 'name = "Lead MA"'),
        ("certifications.toml", 'name = "Certified Medical Assistant (AAMA)"'),
    )
    for name, old in names:
        path = data_copy / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, old[:-1] + HOSTILE_TEXT + '"', 1), encoding="utf-8")
    if color:
        monkeypatch.delenv("NO_COLOR")
        monkeypatch.setenv("FORCE_COLOR", "1")
    result = run("--data-dir", str(data_copy), *args)
    assert result.code == 0, result.err
    assert "owned" in result.out  # the text is shown, its control characters are not
    for code in ("\x1b[2J", "\x1b]", "\x07", "\x9b"):
        assert code not in result.out
    if color:
        assert "\x1b[1m" in result.out or "\x1b[" in result.out  # Rich's own codes stay
    else:
        assert "\x1b" not in result.out


def test_control_characters_in_roster_ids_are_stripped_from_stderr(
    run: Runner, tmp_path: Path
) -> None:
    roster = tmp_path / "r.csv"
    roster.write_text(f'{HEADER}\n"S\x1b[2J\x07",4,CMA,nowhere,,,\n', encoding="utf-8")
    result = run("batch", str(roster), "-o", str(tmp_path / "o.csv"))
    assert result.code == 1
    assert "(S[2J)" in result.err
    assert "\x1b" not in result.err and "\x07" not in result.err


def test_a_report_on_the_screen_holds_no_control_characters(run: Runner, data_copy: Path) -> None:
    path = data_copy / "certifications.toml"
    old = 'name = "Certified Medical Assistant (AAMA)"'
    path.write_text(
        path.read_text(encoding="utf-8").replace(old, old[:-1] + HOSTILE_TEXT + '"', 1),
        encoding="utf-8",
    )
    args = ("--years", "4", "--setting", "hospital", "--cert", "CMA")
    result = run("--data-dir", str(data_copy), "report", "-o", "-", *args)
    assert result.code == 0, result.err
    assert "owned" in result.out
    assert "\x1b" not in result.out and "\x07" not in result.out


# 8. A hand-edited store ---------------------------------------------------------------


def _edit_store(sql: str, *params: object) -> None:
    import sqlite3

    path = Path(os.environ["MAPLANNER_HOME"]) / "maplanner.db"
    with sqlite3.connect(path) as connection:
        connection.execute(sql, params)
    connection.close()


@pytest.mark.parametrize(
    "change",
    [
        "estimated_percentile = 1e999",
        "years = 1e999",
        "years = -1e999",
        "estimated_percentile = 9e18",
        "taken_on = '99999-01-01'",
        "taken_on = '2025-13-45'",
    ],
)
def test_history_of_an_edited_store_is_one_clear_error(
    run: Runner, saved: None, change: str
) -> None:
    _edit_store(f"UPDATE assessment SET {change}")
    for args in (("history",), ("history", "--json")):
        result = run(*args)
        assert result.code == 1, (args, result.out)
        assert result.out == ""
        assert "internal error" not in result.err
        assert "a saved assessment in " in result.err and "cannot be read" in result.err


def _edit_profile(**changes: object) -> None:
    import json
    import sqlite3

    path = Path(os.environ["MAPLANNER_HOME"]) / "maplanner.db"
    with sqlite3.connect(path) as connection:
        body = json.loads(connection.execute("SELECT body FROM profile").fetchone()[0])
        body.update(changes)
        connection.execute("UPDATE profile SET body = ?", (json.dumps(body),))
    connection.close()


def test_a_saved_setting_the_data_no_longer_has_says_how_to_mend_it(
    run: Runner, saved: None
) -> None:
    _edit_profile(setting="urgent-care-annex")
    for args in (("salary",), ("assess", "--saved"), ("report", "-o", "-"), ("certs", "--due")):
        result = run(*args)
        assert result.code == 1, (args, result.err)
        lines = result.err.splitlines()
        assert lines[0] == (
            "maplanner: the saved profile's work setting 'urgent-care-annex' is not one this "
            "maplanner knows (the data changed since it was saved, or the file was edited)"
        )
        assert lines[1].startswith(
            "maplanner: hint: mend it with 'maplanner profile set setting ID' (ID: one of "
        )
        assert "--setting" not in result.err
    assert run("profile", "set", "setting", "hospital").code == 0
    assert run("salary").code == 0


def test_a_saved_certification_the_data_no_longer_has_can_be_removed(
    run: Runner, saved: None
) -> None:
    _edit_profile(certs=[{"id": "CMA", "earned": None}, {"id": "XYZ-9", "earned": None}])
    result = run("salary")
    assert result.code == 1
    assert "the saved profile's certification 'XYZ-9' is not one" in result.err
    assert "'maplanner profile remove-cert XYZ-9'" in result.err
    assert "--cert" not in result.err
    removed = run("profile", "remove-cert", "XYZ-9")
    assert removed.code == 0, removed.err
    assert run("salary").code == 0
    assert run("profile", "remove-cert", "XYZ-9").code == 2  # gone: an unknown name again


# 9. Inputs that were taken silently ---------------------------------------------------


def test_an_empty_data_dir_is_refused(run: Runner) -> None:
    for value in ("", " "):
        result = run("--data-dir", value, "salary")
        assert result.code == 2
        assert result.err == (
            f"maplanner: --data-dir {value!r} is empty: give the folder that holds the data "
            "files (or leave the option out for the shipped data)\n"
        )


@pytest.mark.parametrize("pay", ["0.0000001/h", "0.5/h", "0.99 an hour"])
def test_a_pay_too_small_for_a_wage_is_refused(run: Runner, pay: str) -> None:
    result = run("salary", "--wage", pay)
    assert result.code == 2
    assert "is too small for an hourly wage: use at least $1/h" in result.err
    assert run("salary", "--wage", "1/h").code == 0


@pytest.mark.parametrize(
    "args",
    [
        ("salary", "-p", "٣"),
        ("salary", "-p", "７５"),
        ("salary", "--wage", "٤٦٠٠٠"),
        ("assess", "--years", "𝟘", "--setting", "hospital"),
        ("assess", "--years", "٣", "--setting", "hospital"),
        ("assess", "--years", "1_0", "--setting", "hospital"),
        ("assess", "--years", "4", "--setting", "hospital", "--pay", "４６k"),
    ],
    ids=["arabic-percentile", "fullwidth-percentile", "arabic-wage", "math-zero-years",
         "arabic-years", "underscore-years", "fullwidth-pay"],
)  # fmt: skip
def test_digits_from_other_scripts_are_refused(run: Runner, args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.code == 2, result.out
    assert "internal error" not in result.err


def test_digits_from_other_scripts_in_a_roster_or_profile_set_are_refused(
    run: Runner, saved: None, tmp_path: Path
) -> None:
    assert run("profile", "set", "years", "٣").code == 2
    roster = tmp_path / "r.csv"
    roster.write_text(f"{HEADER}\nS1,٣,CMA,hospital,,,\nS2,3,CMA,hospital,,,٤٦k\n")
    assert run("batch", str(roster), "-o", str(tmp_path / "o.csv")).code == 1
    assert [row[1] for row in read_rows(tmp_path / "o.errors.csv")[1:]] == ["S1", "S2"]


@pytest.mark.parametrize(
    ("file", "old", "new", "said"),
    [
        ("estimate.toml", "specialty_practice = 4 ", "specialty_practice = inf ", "finite"),
        ("estimate.toml", "specialty_practice = 4 ", "specialty_practice = nan ", "finite"),
        ("wages.toml", "annual = 35020", 'annual = "35020"', "valid integer"),
        ("estimate.toml", "specialty_practice = 4 ", "specialty_practice = true ", "number"),
    ],
    ids=["inf", "nan", "quoted-number", "bool-as-number"],
)
def test_an_override_needs_real_finite_numbers(
    run: Runner, data_copy: Path, file: str, old: str, new: str, said: str
) -> None:
    path = data_copy / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = run("--data-dir", str(data_copy), "salary")
    assert result.code == 1
    assert result.err.startswith(f"maplanner: data error in {path}: ")
    assert said in result.err


# 10. Roster files built to break batch ------------------------------------------------

_CELL = st.one_of(
    st.sampled_from(["", "4", "2.5", "CMA", "cma; bls", "hospital", "family-practice",
                     "ophthalmology", "lead", "46k", "22.50/h", "none", "٣", "1e3", "-1"]),
    st.sampled_from(["=1+1", "+1", "-2+3", "@SUM(1)", "\t=1", "\r=1", '"', '""', ",", "\n"]),
    st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=12),
    st.integers(min_value=201, max_value=5_000).map(lambda n: "x" * n),
)  # fmt: skip
_HEADERS = st.sampled_from(
    [HEADER, HEADER.upper(), "id,years,certifications,setting,specialty,leads",
     "years,id,leads,setting,specialty,certifications,pay,notes", "id,years", ""]
)  # fmt: skip


def _csv_line(cells: list[str]) -> str:
    import io

    buffer = io.StringIO()
    csv.writer(buffer).writerow(cells)
    return buffer.getvalue()


@settings(
    max_examples=examples(25),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    header=_HEADERS,
    rows=st.lists(st.lists(_CELL, min_size=0, max_size=9), max_size=12),
    tail=st.sampled_from([b"", b"\n", b"\r\n", b"\xff\xfe", b"\x00", b'"unclosed']),
    bom=st.booleans(),
)
def test_no_roster_file_breaks_batch(
    run: Runner, tmp_path: Path, header: str, rows: list[list[str]], tail: bytes, bom: bool
) -> None:
    """Whatever the roster holds: exit 0, 1 or 2 with one-line reasons; every row read is
    written or rejected; no CSV cell a spreadsheet would run; no part file left."""
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    roster = folder / "r.csv"
    text = (header + "\n" if header else "") + "".join(_csv_line(cells) for cells in rows)
    roster.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8") + tail)
    result = run("batch", str(roster), "-o", str(folder / "o.csv"), "--json")
    assert result.code in {0, 1, 2}, result.err
    assert "internal error" not in result.err and "Traceback" not in result.err
    assert all(line.startswith("maplanner: ") for line in result.err.splitlines())
    assert not [p.name for p in folder.iterdir() if p.name.endswith(".part")]
    if result.out:
        summary = json.loads(result.out)
        written = (folder / "o.csv").read_text(encoding="utf-8").splitlines()
        errors = folder / "o.errors.jsonl"
        rejected = errors.read_text(encoding="utf-8").splitlines() if errors.exists() else []
        assert len(written) == summary["rows_written"]
        assert len(rejected) == summary["rows_rejected"]
        assert summary["rows_in"] == summary["rows_written"] + summary["rows_rejected"]
        assert result.code == (1 if rejected else 0)
        csv_run = run("batch", str(roster), "-o", str(folder / "c.csv"))
        assert csv_run.code == result.code
        for path in (folder / "c.csv", folder / "c.errors.csv"):
            if path.exists():
                for row in read_rows(path):
                    for cell in row:
                        assert not cell.startswith(("=", "+", "@", "\t", "\r")), row


def test_text_in_square_brackets_is_printed_as_written(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A table cell or a line holding "[draft]" or "[bold]" (a note, a roster id, a
    school's data) is never read as Rich markup, which would drop or restyle it."""
    from rich.table import Table

    from maplanner.render.output import console

    table = Table()
    table.add_column("id")
    table.add_row("[S01] [bold]kept[/bold]")
    out = console()
    out.print(table)
    out.print("a [draft] note")
    printed = capsys.readouterr().out
    assert "[S01] [bold]kept[/bold]" in printed
    assert "a [draft] note" in printed


def test_a_results_path_in_square_brackets_is_shown_whole(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "250")  # the whole path on one line
    folder = tmp_path / "class[b]1"
    folder.mkdir()
    roster = folder / "r.csv"
    roster.write_text("id,years\nS01,0\n", encoding="utf-8")
    result = run("batch", str(roster), "-o", str(folder / "o.csv"))
    assert result.code == 0, result.err
    assert f"Results    {folder / 'o.csv'}" in result.out
