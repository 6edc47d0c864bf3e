"""Where the saved-profile database lives.

Kept apart from db.py so that `salary` and `certs` can ask whether anything is saved
without importing the database code (or platformdirs, 15 ms, on Linux).
"""

import os
import sys
from contextlib import suppress
from pathlib import Path

from maplanner.errors import StoreError
from maplanner.userpaths import expand_user

FILE_NAME = "maplanner.db"
HOME_VARIABLE = "MAPLANNER_HOME"


def home_dir() -> Path:
    """The directory that holds the database: MAPLANNER_HOME, else the user data dir."""
    configured = os.environ.get(HOME_VARIABLE, "").strip()
    if configured:
        home = expand_user(Path(configured))
        if home.parts and home.parts[0].startswith("~"):
            raise StoreError(
                f"{HOME_VARIABLE} is {configured!r}, but that home directory is unknown",
                hint=f"set {HOME_VARIABLE} to a directory path",
            )
        return home
    base = os.environ.get("XDG_DATA_HOME", "").strip()
    if sys.platform.startswith("linux"):  # platformdirs' answer, without its 15 ms import
        if base and Path(base).is_absolute():  # the XDG spec ignores a relative one
            return Path(base) / "maplanner"
        with suppress(RuntimeError):  # no home directory: let platformdirs decide
            return Path.home() / ".local" / "share" / "maplanner"
    import platformdirs

    return Path(platformdirs.user_data_dir("maplanner"))


def database_path() -> Path:
    """The database file (which may not exist yet)."""
    return home_dir() / FILE_NAME
