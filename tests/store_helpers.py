"""Helpers shared by the store tests: paths, a hand-made old database, subprocesses."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from maplanner.store.db import APPLICATION_ID
from maplanner.store.location import database_path

ROOT = Path(__file__).resolve().parent.parent


def db_file() -> Path:
    """The database file for this test (conftest points MAPLANNER_HOME at a temp dir)."""
    return database_path()


def files_beside(path: Path) -> list[str]:
    """Every file in the database's directory (to prove nothing is left behind).

    Only files: MAPLANNER_HOME may also hold the catalog's cache directory.
    """
    if not path.parent.exists():
        return []
    return sorted(p.name for p in path.parent.iterdir() if not p.is_dir())


#: The first layout (schema version 1), written by hand as an older maplanner would have.
V1_SCHEMA = """
CREATE TABLE profile (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    years REAL NOT NULL,
    certs TEXT NOT NULL,
    setting TEXT NOT NULL,
    specialty TEXT,
    leads TEXT NOT NULL,
    pay_amount REAL,
    pay_per TEXT,
    updated_on TEXT NOT NULL
);
CREATE TABLE assessment (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    taken_on TEXT NOT NULL,
    tier TEXT NOT NULL,
    estimated_percentile REAL NOT NULL,
    body TEXT NOT NULL
);
"""


def make_v1_database(path: Path, assessments: list[tuple[str, dict[str, object]]]) -> None:
    """A version-1 database: a flat profile row and assessments without the v2 columns."""
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path)
    connection.executescript(V1_SCHEMA)
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute("PRAGMA user_version = 1")
    connection.execute(
        "INSERT INTO profile VALUES (1, 4.5, 'CMA,CPT', 'hospital', 'cardiology', 'trains', "
        "22.5, 'hour', '2024-11-02')"
    )
    for taken_on, body in assessments:
        connection.execute(
            "INSERT INTO assessment (taken_on, tier, estimated_percentile, body) "
            "VALUES (?, ?, ?, ?)",
            (taken_on, body["tier"], body["estimated_percentile"], json.dumps(body)),
        )
    connection.commit()
    connection.close()


def env(**extra: str) -> dict[str, str]:
    """The environment for a maplanner subprocess in this test's MAPLANNER_HOME."""
    return {**os.environ, "NO_COLOR": "1", "COLUMNS": "80", "PYTHONPATH": str(ROOT), **extra}


def cli(*args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m maplanner ARGS` as a separate process."""
    return subprocess.run(
        [sys.executable, "-m", "maplanner", *args],
        cwd=ROOT,
        env=env(**extra),
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def start(*args: str) -> subprocess.Popen[str]:
    """Start `python -m maplanner ARGS` without waiting for it."""
    return subprocess.Popen(
        [sys.executable, "-m", "maplanner", *args],
        cwd=ROOT,
        env=env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )


#: Saves a new profile and assessment through the real store, pads the transaction
#: until SQLite spills pages into the database file, says "ready" and waits to be
#: killed before COMMIT: a write cut off by a crash.
CRASH_MID_WRITE = """
import contextlib, sys, time
from datetime import date
import maplanner.store.db as db
from maplanner.commands.shared import catalog
from maplanner.core.profile import build_profile
from maplanner.core.rules import assess
from maplanner.store.profiles import record_assessment

real = db.transaction

@contextlib.contextmanager
def never_commits(connection):
    connection.execute("PRAGMA cache_size = 2")
    with real(connection):
        yield
        for _ in range(300):
            connection.execute(
                "INSERT INTO assessment (taken_on, tier, tier_name, estimated_percentile, "
                "years, cert_ids, body) VALUES ('2099-01-01', 'x', 'x', 0, 0, '[]', ?)",
                ("x" * 8000,),
            )
        print("ready", flush=True)
        time.sleep(60)

import maplanner.store.profiles as profiles
profiles.transaction = never_commits
data = catalog()
new = build_profile(data, years=9, certs=["RMA"], setting="urgent-care",
                    specialty=None, leads="supervises", pay="60k")
record_assessment(assess(new, data), date(2099, 1, 1))
"""

#: Holds the write lock for a moment, then lets go.
HOLD_LOCK = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("ready", flush=True)
time.sleep(float(sys.argv[2]))
connection.execute("COMMIT")
"""


def python(script: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        cwd=ROOT,
        env=env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
