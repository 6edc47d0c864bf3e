"""The store under stress: files that are not ours, crashes mid-write, two writers at once.

Each refusal is one line on stderr naming the file and what to do, exit 1, with the
file left byte for byte as it was and nothing created beside it.
"""

import signal
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from maplanner.catalog.loader import load_catalog
from maplanner.core.profile import build_profile
from maplanner.core.rules import assess
from maplanner.store import db
from maplanner.store.profiles import history, load_profile, load_state, record_assessment
from tests.conftest import Runner
from tests.store_helpers import (
    CRASH_MID_WRITE,
    HOLD_LOCK,
    cli,
    db_file,
    files_beside,
    python,
    start,
)

SAVE = ("assess", "--years", "4", "--cert", "CMA", "--setting", "hospital", "--save")

#: Every command that reads or writes the store.
COMMANDS = [
    ("profile",),
    ("profile", "--json"),
    ("profile", "set", "years", "5"),
    ("profile", "add-cert", "CPT"),
    ("profile", "remove-cert", "CMA"),
    ("profile", "forget", "--yes"),
    ("history",),
    ("history", "--json"),
    ("certs", "--due"),
    ("certs",),
    ("certs", "cma"),
    ("salary",),
    ("assess", "--saved"),
    SAVE,
]


def random_bytes(path: Path) -> None:
    path.write_bytes(bytes((i * 7919 + 13) % 256 for i in range(8192)))


def text_file(path: Path) -> None:
    path.write_text("name,years\nAna,4\n", encoding="utf-8")


def foreign_sqlite(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    connection.execute("INSERT INTO invoices (total) VALUES (12.5)")
    connection.commit()
    connection.close()


def foreign_sqlite_with_same_table_names(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE profile (name TEXT)")
    connection.execute("CREATE TABLE assessment (score INTEGER)")
    connection.commit()
    connection.close()


def ours_missing_a_table(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE profile (id INTEGER PRIMARY KEY, body TEXT)")
    connection.execute(f"PRAGMA application_id = {db.APPLICATION_ID}")
    connection.execute(f"PRAGMA user_version = {db.SCHEMA_VERSION}")
    connection.commit()
    connection.close()


def save_one() -> None:
    """What `assess --save` stores, written in-process (faster than a subprocess)."""
    data = load_catalog(None)
    profile = build_profile(
        data, years=4, certs=["CMA"], setting="hospital", specialty=None, leads=None, pay=None
    )
    record_assessment(assess(profile, data), date(2025, 1, 15))


def ours_with_corrupt_pages(path: Path) -> None:
    save_one()
    data = bytearray(path.read_bytes())
    page = 4096  # SQLite's default page size: page 2 onwards hold the tables
    data[page : len(data)] = b"\xff" * (len(data) - page)
    path.write_bytes(bytes(data))


DAMAGED: dict[str, Callable[[Path], None]] = {
    "random bytes": random_bytes,
    "a text file": text_file,
    "another program's database": foreign_sqlite,
    "same table names, not ours": foreign_sqlite_with_same_table_names,
    "ours, a table missing": ours_missing_a_table,
    "ours, pages corrupted": ours_with_corrupt_pages,
}


@pytest.mark.parametrize("make", DAMAGED.values(), ids=list(DAMAGED))
@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(a) for a in COMMANDS])
def test_a_file_that_is_not_ours_is_refused_and_left_untouched(
    run: Runner, make: Callable[[Path], None], args: tuple[str, ...]
) -> None:
    path = db_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    make(path)
    before = path.read_bytes()

    result = run(*args)

    assert result.code == 1, (result.out, result.err)
    assert result.out == ""
    assert result.err == (
        f"maplanner: {path} is not a maplanner profile database (it is damaged or belongs "
        "to another program) and was left as it is: move it aside or delete it, or set "
        "MAPLANNER_HOME to another directory\n"
    )
    assert path.read_bytes() == before
    assert files_beside(path) == ["maplanner.db"]


def _newer(path: Path) -> None:
    save_one()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 99")
    connection.commit()
    connection.close()


@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(a) for a in COMMANDS])
def test_a_newer_schema_is_refused_and_left_untouched(run: Runner, args: tuple[str, ...]) -> None:
    path = db_file()
    _newer(path)
    before = path.read_bytes()

    result = run(*args)

    assert result.code == 1
    assert result.out == ""
    assert result.err == (
        f"maplanner: {path} was saved by a newer maplanner (database version 99; this one "
        f"reads up to {db.SCHEMA_VERSION}) and was left as it is: upgrade maplanner, or set "
        "MAPLANNER_HOME to another directory\n"
    )
    assert path.read_bytes() == before


def test_commands_that_need_no_store_still_work_beside_a_damaged_file(run: Runner) -> None:
    path = db_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    random_bytes(path)
    for args in [("certs", "--json"), ("salary", "--json"), ("assess", "--years", "2",
                 "--setting", "hospital")]:  # fmt: skip
        result = run(*args)
        assert result.code == 0, result.err


def test_a_home_that_cannot_be_created_is_one_line(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("MAPLANNER_HOME", str(blocker / "home"))
    result = run(*SAVE)
    assert result.code == 1
    assert result.out == ""
    assert result.err.startswith(f"maplanner: cannot create {blocker / 'home'} for the saved ")
    assert result.err.rstrip().endswith("set MAPLANNER_HOME to a directory you can write to")
    assert len(result.err.splitlines()) == 1


def test_a_directory_where_the_file_should_be(run: Runner) -> None:
    db_file().mkdir(parents=True)
    result = run("profile")
    assert result.code == 1
    assert result.err.startswith(f"maplanner: cannot use the profile database {db_file()} (")
    assert len(result.err.splitlines()) == 1


# A crash in the middle of a write ------------------------------------------------------


def test_a_write_killed_midway_leaves_the_old_profile_intact(run: Runner) -> None:
    assert run(*SAVE, "--json").code == 0  # saved in-process: the other processes matter
    old = load_profile()
    assert old is not None and [r.number for r in history()] == [1]
    journal = db_file().with_name("maplanner.db-journal")

    writer = python(CRASH_MID_WRITE)
    try:
        assert writer.stdout is not None
        line = writer.stdout.readline()
        assert line == "ready\n", writer.stderr.read() if writer.stderr else ""
        # The new profile and rows are in the file or its journal, not committed.
        assert journal.exists() and journal.stat().st_size > 0
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
        for stream in (writer.stdout, writer.stderr):
            if stream is not None:
                stream.close()
    assert writer.returncode == -signal.SIGKILL
    assert journal.exists()  # a hot journal: the crash really cut a write short

    state = load_state()  # the next open rolls the journal back

    assert state is not None
    assert state.profile == old
    assert state.assessments == 1
    assert [r.date for r in history()] == [history()[0].date]
    connection = sqlite3.connect(db_file())
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert connection.execute("SELECT count(*) FROM assessment").fetchone()[0] == 1
    connection.close()


# Two processes at once ----------------------------------------------------------------


def test_two_processes_writing_at_once_both_succeed(run: Runner) -> None:
    """Two edits of different answers at the same moment: each waits for the other's
    transaction, and the saved profile ends with both (neither overwrote the other)."""
    assert run(*SAVE, "--json").code == 0  # saved in-process: the other processes matter
    writers = [
        start("profile", "set", "years", "7"),
        start("profile", "add-cert", "CPT", "--earned", "2024-05"),
    ]
    for writer in writers:
        _out, err = writer.communicate(timeout=60)
        assert writer.returncode == 0, err
    connection = sqlite3.connect(db_file())
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()
    profile = load_profile()
    assert profile is not None
    assert profile.years == 7
    assert {(held.id, held.earned) for held in profile.certs} == {
        ("CMA", None),
        ("CPT", "2024-05"),
    }


def test_a_writer_waits_for_another_process_to_finish(run: Runner) -> None:
    assert run(*SAVE, "--json").code == 0  # saved in-process: the other processes matter
    with python(HOLD_LOCK, str(db_file()), "0.5") as holder:  # waits for it and closes pipes
        assert holder.stdout is not None and holder.stdout.readline() == "ready\n"
        result = cli("profile", "set", "years", "6")
    assert result.returncode == 0, result.stderr
    profile = load_profile()
    assert profile is not None and profile.years == 6


def test_a_database_held_too_long_is_busy_not_a_traceback(
    run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(*SAVE).code == 0
    monkeypatch.setattr(db, "BUSY_TIMEOUT", 0.05)
    other = sqlite3.connect(db_file(), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    try:
        for args in [("profile", "set", "years", "5"), SAVE, ("profile", "forget", "--yes")]:
            result = run(*args)
            assert result.code == 1
            assert result.out == ""
            assert result.err == (
                f"maplanner: the profile database is busy (another maplanner is using "
                f"{db_file()}): try again\n"
            )
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert run("profile", "set", "years", "5").code == 0
