"""What maplanner remembers about a person: the saved profile and past assessments.

The store is the only part of maplanner that writes files. It is imported lazily by
the commands that need it, so `--help` and the read-only commands stay fast, and it
raises `maplanner.errors.StoreError` (exit 1) for anything wrong with the database.

`today()` lives here because the store is what stamps dates (an assessment's day)
and measures from them (renewals, "not in the future"): one clock for all of it.
"""

import os
from datetime import date

#: Set to YYYY-MM-DD to pretend it is that day (tests, demos, "a month later").
TODAY_VARIABLE = "MAPLANNER_TODAY"


def today() -> date:
    """Today's date, or the day named by MAPLANNER_TODAY.

    Raises InputError (exit 2) when MAPLANNER_TODAY is set to something that is not a
    date, rather than silently using the real date.
    """
    text = os.environ.get(TODAY_VARIABLE, "").strip()
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        from maplanner.errors import InputError

        raise InputError(
            f"{TODAY_VARIABLE} {text!r} is not a date: use YYYY-MM-DD, like 2025-03-14, "
            "or unset it"
        ) from None


def anything_saved() -> bool:
    """Whether a profile database exists at all, answered without importing the store.

    `salary` and `certs` only mark a saved profile when there is one; most runs have
    none, and should not pay for loading the store's models to find that out.
    """
    from maplanner.store.location import database_path

    return database_path().exists()
