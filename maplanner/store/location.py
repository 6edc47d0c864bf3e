"""Where the saved-profile database lives.

Kept apart from db.py so that `salary` and `certs` can ask whether anything is saved
without importing the database code (sqlite3).
"""

from pathlib import Path

from maplanner.errors import StoreError
from maplanner.userpaths import HOME_VARIABLE, UnknownHomeError, configured_home, platform_dir

FILE_NAME = "maplanner.db"


def home_dir() -> Path:
    """The directory that holds the database: MAPLANNER_HOME, else the user data dir."""
    try:
        home = configured_home()
    except UnknownHomeError as error:
        raise StoreError(str(error), hint=f"set {HOME_VARIABLE} to a directory path") from None
    return platform_dir("data") if home is None else home


def database_path() -> Path:
    """The database file (which may not exist yet)."""
    return home_dir() / FILE_NAME
