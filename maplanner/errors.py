"""The one family of exceptions the domain raises.

Domain code never decides exit codes or prints: it raises one of these, and the
command-line edge (`maplanner.edge`) turns it into a message on stderr and an
exit code. Keeping the code on the class means every caller agrees on it.
"""


class MaplannerError(Exception):
    """Something the user can act on; never a bug."""

    exit_code = 1

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class InputError(MaplannerError):
    """A value the user gave is not one maplanner accepts (exit 2, like a usage error)."""

    exit_code = 2


class DataError(MaplannerError):
    """A data file is missing, unreadable or fails validation (exit 1)."""


class StoreError(MaplannerError):
    """The saved-profile database cannot be read or written (exit 1)."""
