"""The continuing-education ledger: add, read and remove credits, one transaction each.

Credits are checked by `maplanner.core.ce` before they reach this module; it only
persists them. Like the profile, a credit is written inside ``BEGIN IMMEDIATE`` ...
``COMMIT``, so a process killed mid-write leaves the ledger as it was before.
Reading never creates the database file.
"""

from datetime import date
from pathlib import Path

from maplanner.core.ce_results import Credit, NewCredit
from maplanner.store.db import connect, snapshot, transaction
from maplanner.store.location import database_path

_COLUMNS = "id, cert, units, category, from_issuer, done_on, note, added_on"


def _credit(row: tuple[object, ...]) -> Credit:
    number, cert, units, category, from_issuer, done_on, note, added_on = row
    return Credit.model_construct(
        number=int(str(number)),
        cert=str(cert),
        units=float(str(units)),
        category=None if category is None else str(category),
        from_issuer=bool(from_issuer),
        date=str(done_on),
        note=str(note),
        added_on=str(added_on),
    )


def add_credit(credit: NewCredit, on: date, path: Path | None = None) -> Credit:
    """Record one credit; returns it with its number (for `ce remove`)."""
    path = path or database_path()
    with connect(path, create=True) as connection:
        assert connection is not None
        with transaction(connection):
            cursor = connection.execute(
                "INSERT INTO ce_credit (cert, units, category, from_issuer, done_on, note, "
                "added_on) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    credit.cert,
                    credit.units,
                    credit.category,
                    int(credit.from_issuer),
                    credit.date,
                    credit.note,
                    on.isoformat(),
                ),
            )
    return Credit.model_construct(
        number=cursor.lastrowid or 0, added_on=on.isoformat(), **dict(credit)
    )


def credits(path: Path | None = None) -> list[Credit]:
    """Every recorded credit, oldest activity first (empty when nothing is saved)."""
    path = path or database_path()
    with connect(path, create=False) as connection:
        if connection is None:
            return []
        with snapshot(connection):
            rows = connection.execute(
                f"SELECT {_COLUMNS} FROM ce_credit ORDER BY done_on, id"
            ).fetchall()
    return [_credit(tuple(row)) for row in rows]


def remove_credit(number: int, path: Path | None = None) -> Credit | None:
    """Delete credit `number`; returns what was deleted, or None when there is none."""
    path = path or database_path()
    with connect(path, create=False) as connection:
        if connection is None:
            return None
        with transaction(connection):
            row = connection.execute(
                f"SELECT {_COLUMNS} FROM ce_credit WHERE id = ?", (number,)
            ).fetchone()
            if row is None:
                return None
            connection.execute("DELETE FROM ce_credit WHERE id = ?", (number,))
    return _credit(tuple(row))
