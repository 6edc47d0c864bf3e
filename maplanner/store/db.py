"""The saved-profile database: where it lives, its schema, upgrades and transactions.

Why SQLite (stdlib `sqlite3`): one file, transactions that a crash cannot leave half
done, and a lock so that two maplanner processes never interleave their writes.

- Where: ``maplanner.db`` in ``$MAPLANNER_HOME`` if set, else in the platform's user
  data directory (``platformdirs.user_data_dir("maplanner")``); see location.py.
- Whose: the file's header carries maplanner's application id and a schema version
  (``PRAGMA application_id`` / ``PRAGMA user_version``). A file that is not SQLite,
  another program's database, a damaged maplanner database or one written by a newer
  maplanner is refused with a one-line `StoreError` naming the path, and is left
  exactly as it was: nothing is written until the file is known to be ours.
- Upgrades: an older schema is upgraded in place, inside one transaction, keeping
  every saved answer and assessment (`UPGRADES` maps each old version to its step).
- Writes: every change runs in ``BEGIN IMMEDIATE`` ... ``COMMIT`` with SQLite's
  rollback journal, so a process killed mid-write leaves a journal that the next
  open rolls back: the old profile, never half of a new one.
- Busy: a second writer waits up to `BUSY_TIMEOUT` seconds for the first, then gets
  "the profile database is busy ...: try again" (exit 1) instead of a traceback.

sqlite3 and platformdirs are imported inside functions (start-up speed).
"""

import json
import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from maplanner.errors import StoreError
from maplanner.store.location import database_path, home_dir
from maplanner.userpaths import HOME_VARIABLE

if TYPE_CHECKING:
    import sqlite3

#: Files SQLite may keep beside the database (rollback journal, write-ahead log).
SIDE_SUFFIXES = ("-journal", "-wal", "-shm")
#: "MApl": marks the file as maplanner's in the SQLite header (PRAGMA application_id).
APPLICATION_ID = 0x4D41706C
SCHEMA_VERSION = 5
#: Seconds a write waits for another process's write to finish before giving up.
BUSY_TIMEOUT = 2.0

#: The tables each known schema version has; used to tell ours from damaged files.
TABLES: dict[int, frozenset[str]] = {
    1: frozenset({"profile", "assessment"}),
    2: frozenset({"profile", "assessment"}),
    3: frozenset({"profile", "assessment", "ce_credit"}),
    4: frozenset({"profile", "assessment", "ce_credit"}),
    5: frozenset({"profile", "assessment", "ce_credit"}),
}

#: Version 2: the profile as one JSON document (so certifications can carry the month
#: they were earned), and per assessment the columns `history` lists beside the whole
#: Assessment as JSON (kept so later versions can show an old assessment again).
SCHEMA_V2 = """
CREATE TABLE profile (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    body TEXT NOT NULL,
    updated_on TEXT NOT NULL
);
CREATE TABLE assessment (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    taken_on TEXT NOT NULL,
    tier TEXT NOT NULL,
    tier_name TEXT NOT NULL,
    estimated_percentile REAL NOT NULL,
    years REAL NOT NULL,
    cert_ids TEXT NOT NULL,
    body TEXT NOT NULL
);
"""

#: Version 3: the continuing-education ledger, one row per activity a person recorded
#: toward one credential (`maplanner ce add`). Made by `_create` with SCHEMA, and by
#: the 2 -> 3 upgrade on its own, so the upgrade never depends on later tables.
CE_SCHEMA = """
CREATE TABLE ce_credit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    cert TEXT NOT NULL,
    units REAL NOT NULL CHECK (units > 0),
    category TEXT,
    from_issuer INTEGER NOT NULL DEFAULT 0 CHECK (from_issuer IN (0, 1)),
    done_on TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    added_on TEXT NOT NULL
);
"""

#: Version 4 (and 5, whose profile JSON may carry a place): each assessment also keeps
#: the whole profile it assessed (JSON; NULL only for an old row whose profile could
#: not be recovered) and the pay given
#: with it (a year's worth, and its percentile), so `history` can say what changed
#: (setting, leadership, pay, ...) and show pay over time.
SCHEMA = """
CREATE TABLE profile (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    body TEXT NOT NULL,
    updated_on TEXT NOT NULL
);
CREATE TABLE assessment (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    taken_on TEXT NOT NULL,
    tier TEXT NOT NULL,
    tier_name TEXT NOT NULL,
    estimated_percentile REAL NOT NULL,
    years REAL NOT NULL,
    cert_ids TEXT NOT NULL,
    body TEXT NOT NULL,
    profile TEXT,
    pay_annual REAL,
    pay_percentile REAL
);
"""

State = Literal["empty", "current", "old", "newer", "foreign", "damaged"]


def side_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in SIDE_SUFFIXES]


# Messages ---------------------------------------------------------------------------


def not_ours(path: Path) -> StoreError:
    return StoreError(
        f"{path} is not a maplanner profile database (it is damaged or belongs to another "
        f"program) and was left as it is: move it aside or delete it, or set "
        f"{HOME_VARIABLE} to another directory"
    )


def newer(path: Path, version: int) -> StoreError:
    return StoreError(
        f"{path} was saved by a newer maplanner (database version {version}; this one "
        f"reads up to {SCHEMA_VERSION}) and was left as it is: upgrade maplanner, or set "
        f"{HOME_VARIABLE} to another directory"
    )


def busy(path: Path) -> StoreError:
    return StoreError(
        f"the profile database is busy (another maplanner is using {path}): try again"
    )


def _is_busy(error: "sqlite3.OperationalError") -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in (5, 6):  # SQLITE_BUSY, SQLITE_LOCKED
        return True
    text = str(error).lower()
    return "locked" in text or "busy" in text


@contextmanager
def errors_named(path: Path) -> Iterator[None]:
    """Turn sqlite3 and file errors inside the block into one-line StoreErrors."""
    import sqlite3

    try:
        yield
    except sqlite3.OperationalError as error:
        if _is_busy(error):
            raise busy(path) from None
        if "not a database" in str(error) or "malformed" in str(error):
            raise not_ours(path) from None
        raise StoreError(
            f"cannot use the profile database {path} ({error}): check that the file and "
            f"its directory can be written, or set {HOME_VARIABLE} to another directory"
        ) from None
    except sqlite3.DatabaseError:  # "file is not a database", "disk image is malformed"
        raise not_ours(path) from None


# Opening ----------------------------------------------------------------------------


@contextmanager
def connect(path: Path | None = None, *, create: bool) -> "Iterator[sqlite3.Connection | None]":
    """An open connection to the database, ready at the current schema, closed after.

    With ``create=False`` (reading) a missing or empty database yields None and no
    file is made; with ``create=True`` (writing) the directory and schema are made as
    needed. An old schema is upgraded either way. sqlite3 errors raised inside the
    block become StoreErrors naming the path.
    """
    path = path or database_path()
    if not create and not path.exists():
        yield None
        return
    if create:
        _make_home(path.parent)
    _make_private(path, create=create)
    import sqlite3

    with errors_named(path):
        # mode=rw never creates the file: a read racing a `forget` must not leave one.
        target = path.absolute().as_uri() + ("?mode=rwc" if create else "?mode=rw")
        connection = sqlite3.connect(target, uri=True, timeout=BUSY_TIMEOUT, isolation_level=None)
        try:
            ready = _prepare(connection, path, create=create)
            yield connection if ready else None
        finally:
            connection.close()


def _make_home(directory: Path) -> None:
    """The database's folder, made 0700 when maplanner makes it (an existing folder,
    perhaps one the user chose as MAPLANNER_HOME, is left as its owner set it)."""
    from maplanner.files import private_folder

    try:
        private_folder(directory)
    except OSError as error:
        raise StoreError(
            f"cannot create {directory} for the saved profile ({error.strerror or error}): "
            f"set {HOME_VARIABLE} to a directory you can write to"
        ) from None


def _make_private(path: Path, *, create: bool) -> None:
    """The database holds one person's work and pay: only its owner may read it.

    A new file is made 0600 before SQLite opens it (SQLite would make it 0644, and
    its journal takes the database's mode); an existing one of ours that others can
    read, from an older maplanner, is made 0600 when it is next opened.
    """
    try:
        found = path.stat()
    except FileNotFoundError:
        if not create:
            return
        with suppress(OSError):
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600))
        return
    except OSError:
        return
    if found.st_uid == os.getuid() and found.st_mode & 0o077 and stat.S_ISREG(found.st_mode):
        with suppress(OSError):
            path.chmod(0o600)


def inspect(connection: "sqlite3.Connection") -> tuple[int, int, frozenset[str]]:
    """The header's application id and version, and the tables: reads only."""
    application = int(connection.execute("PRAGMA application_id").fetchone()[0])
    version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    tables = frozenset(
        str(row[0])
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    )
    return application, version, tables


def classify(application: int, version: int, tables: frozenset[str]) -> State:
    """What a file is, from its header and tables (see the module docstring)."""
    if application == 0 and version == 0 and not tables:
        return "empty"  # a new or zero-byte file: nothing saved yet
    if application != APPLICATION_ID:
        return "foreign"
    if version > SCHEMA_VERSION:
        return "newer"
    if version not in TABLES or not TABLES[version] <= tables:
        return "damaged"
    return "current" if version == SCHEMA_VERSION else "old"


def _prepare(connection: "sqlite3.Connection", path: Path, *, create: bool) -> bool:
    """Check the file is ours, then create or upgrade the schema; False if empty.

    The first look is read-only, so a foreign or damaged file is refused before
    anything is written to it. Creating and upgrading happen under the write lock,
    after looking again (another process may have done it meanwhile).
    """
    application, version, tables = inspect(connection)
    state = classify(application, version, tables)
    if state == "current" or (state == "empty" and not create):
        return state == "current"
    if state in ("empty", "old"):
        with transaction(connection):
            application, version, tables = inspect(connection)
            state = classify(application, version, tables)
            if state == "empty":
                _create(connection)
            elif state == "old":
                _upgrade(connection, version)
            elif state != "current":
                raise _refusal(path, state, version)
        return True
    raise _refusal(path, state, version)


def _refusal(path: Path, state: State, version: int) -> StoreError:
    return newer(path, version) if state == "newer" else not_ours(path)


def _create(connection: "sqlite3.Connection") -> None:
    for statement in _statements(SCHEMA) + _statements(CE_SCHEMA):
        connection.execute(statement)
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _statements(script: str) -> list[str]:
    """executescript() would commit the open transaction, so run statements one by one."""
    return [part.strip() for part in script.split(";") if part.strip()]


# Upgrades ---------------------------------------------------------------------------


def _upgrade(connection: "sqlite3.Connection", version: int) -> None:
    """Run each step from `version` up to SCHEMA_VERSION (inside the caller's transaction)."""
    while version < SCHEMA_VERSION:
        UPGRADES[version](connection)
        version += 1
        connection.execute(f"PRAGMA user_version = {version}")


def _v1_to_v2(connection: "sqlite3.Connection") -> None:
    """Version 1 kept the profile in flat columns (certifications as "CMA,CPT", pay as
    amount and per) and only tier and percentile per assessment. Version 2 keeps the
    profile as JSON, so each certification can carry the month it was earned, and
    adds the tier name, years and certification ids that `history` compares.
    """
    profiles = connection.execute(
        "SELECT years, certs, setting, specialty, leads, pay_amount, pay_per, updated_on "
        "FROM profile"
    ).fetchall()
    assessments = connection.execute(
        "SELECT id, taken_on, tier, estimated_percentile, body FROM assessment ORDER BY id"
    ).fetchall()
    connection.execute("DROP TABLE profile")
    connection.execute("DROP TABLE assessment")
    for statement in _statements(SCHEMA_V2):
        connection.execute(statement)
    for years, certs, setting, specialty, leads, amount, per, updated_on in profiles:
        body = {
            "years": years,
            "certs": [{"id": part.strip(), "earned": None} for part in certs.split(",") if part],
            "setting": setting,
            "specialty": specialty,
            "leads": leads,
            "pay": None if amount is None else {"amount": amount, "per": per},
        }
        connection.execute(
            "INSERT INTO profile (id, body, updated_on) VALUES (1, ?, ?)",
            (json.dumps(body), updated_on),
        )
    for row_id, taken_on, tier, percentile, body_text in assessments:
        body = json.loads(body_text)
        profile = body.get("profile", {})
        cert_ids = [cert["id"] for cert in profile.get("certs", [])]
        connection.execute(
            "INSERT INTO assessment (id, taken_on, tier, tier_name, estimated_percentile, "
            "years, cert_ids, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                row_id,
                taken_on,
                tier,
                body.get("tier_name", tier),
                percentile,
                profile.get("years", 0),
                json.dumps(cert_ids),
                body_text,
            ),
        )


def _v2_to_v3(connection: "sqlite3.Connection") -> None:
    """Version 3 adds the continuing-education ledger; nothing saved before changes."""
    for statement in _statements(CE_SCHEMA):
        connection.execute(statement)


def _v3_to_v4(connection: "sqlite3.Connection") -> None:
    """Version 4 keeps each assessment's whole profile and pay in their own columns.

    Every version-3 row already holds the whole Assessment as JSON, with the profile
    and the pay standing inside it: they are copied out. A row whose body has no
    profile keeps NULL, and `history` then says it was not kept.
    """
    for column in ("profile TEXT", "pay_annual REAL", "pay_percentile REAL"):
        connection.execute(f"ALTER TABLE assessment ADD COLUMN {column}")
    rows = connection.execute("SELECT id, body FROM assessment").fetchall()
    for row_id, body_text in rows:
        try:
            body = json.loads(body_text)
        except ValueError:
            continue
        if not isinstance(body, dict):
            continue
        profile = body.get("profile")
        standing = body.get("pay_standing") or {}
        annual = standing.get("annual") if isinstance(standing, dict) else None
        inner = standing.get("standing") if isinstance(standing, dict) else None
        percentile = inner.get("percentile") if isinstance(inner, dict) else None
        connection.execute(
            "UPDATE assessment SET profile = ?, pay_annual = ?, pay_percentile = ? WHERE id = ?",
            (
                json.dumps(profile) if isinstance(profile, dict) else None,
                annual if isinstance(annual, int | float) else None,
                percentile if isinstance(percentile, int | float) else None,
                row_id,
            ),
        )


def _v4_to_v5(connection: "sqlite3.Connection") -> None:
    """Version 5: the profile's JSON may carry where the person works (`place`). The
    tables are unchanged; the new number makes an older maplanner, which would reject
    the field, say that the file is newer instead of failing on it."""


UPGRADES: dict[int, Callable[["sqlite3.Connection"], None]] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
    4: _v4_to_v5,
}


# Transactions and removal -----------------------------------------------------------


@contextmanager
def transaction(connection: "sqlite3.Connection") -> Iterator[None]:
    """A write transaction: BEGIN IMMEDIATE takes the write lock up front (waiting up to
    BUSY_TIMEOUT), so two writers queue instead of failing halfway; any exception
    rolls everything back."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


@contextmanager
def snapshot(connection: "sqlite3.Connection") -> Iterator[None]:
    """A read transaction: several SELECTs see one consistent state."""
    connection.execute("BEGIN")
    try:
        yield
    finally:
        if connection.in_transaction:
            connection.execute("COMMIT")


def remove(path: Path) -> None:
    """Delete the database file and any journal or log SQLite left beside it.

    The directory goes too when it is the platform's data directory (which maplanner
    made) and is now empty; a directory named by MAPLANNER_HOME is the person's own
    and stays.
    """
    for file in [path, *side_files(path)]:
        try:
            file.unlink(missing_ok=True)
        except OSError as error:
            raise StoreError(
                f"cannot delete {file} ({error.strerror or error}): delete it by hand"
            ) from None
    if not os.environ.get(HOME_VARIABLE, "").strip() and path.parent == home_dir():
        with suppress(OSError):  # not empty (something else lives there) or already gone
            path.parent.rmdir()
