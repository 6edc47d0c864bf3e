"""Paths people type, and the folders maplanner keeps its files in.

One place decides where maplanner's files go, so that the saved profile (store) and
the validated-data cache (catalog snapshot) always agree: ``$MAPLANNER_HOME`` when it
is set, else the platform's folders as platformdirs names them (imported only then).
"""

import os
from pathlib import Path
from typing import Literal

HOME_VARIABLE = "MAPLANNER_HOME"


class UnknownHomeError(ValueError):
    """MAPLANNER_HOME names the home of a user this system does not know (``~nobody``)."""


def expand_user(path: Path) -> Path:
    """`path` with a leading `~` or `~user` expanded; left as typed when that home is unknown.

    Python raises for `~nosuchuser` (or with no HOME); a shell keeps the word as it is,
    and so does this, so the path then fails the usual way (no such directory), in words.
    """
    try:
        return path.expanduser()
    except RuntimeError:
        return path


def configured_home() -> Path | None:
    """MAPLANNER_HOME as a path (None when unset or blank).

    Raises UnknownHomeError for ``~user`` that cannot be expanded: files written to a
    folder literally named "~user" below the working directory would surprise anyone.
    """
    configured = os.environ.get(HOME_VARIABLE, "").strip()
    if not configured:
        return None
    home = expand_user(Path(configured))
    if home.parts and home.parts[0].startswith("~"):
        raise UnknownHomeError(
            f"{HOME_VARIABLE} is {configured!r}, but that home directory is unknown"
        )
    return home


def platform_dir(kind: Literal["data", "cache"]) -> Path:
    """maplanner's user data or cache folder, as platformdirs names it."""
    import platformdirs

    if kind == "data":
        return Path(platformdirs.user_data_dir("maplanner"))
    return Path(platformdirs.user_cache_dir("maplanner"))
