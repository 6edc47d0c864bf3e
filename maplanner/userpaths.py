"""Paths people type: `~` and `~user` expanded as a shell would."""

from pathlib import Path


def expand_user(path: Path) -> Path:
    """`path` with a leading `~` or `~user` expanded; left as typed when that home is unknown.

    Python raises for `~nosuchuser` (or with no HOME); a shell keeps the word as it is,
    and so does this, so the path then fails the usual way (no such directory), in words.
    """
    try:
        return path.expanduser()
    except RuntimeError:
        return path
