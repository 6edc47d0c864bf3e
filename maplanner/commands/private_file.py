"""Write a file that holds personal data: private (0600) and all at once.

The data goes to a hidden temporary file beside the target, created 0600, synced,
then moved over the target with os.replace (atomic on one file system): a crash
leaves the old file or the new one, never half of one, and no moment exists when
the data is readable by others.
"""

import os
from pathlib import Path

from maplanner.errors import InputError, MaplannerError


def check_private_target(name: str, option: str) -> Path:
    """The file to write, checked first: exit 2 for a name that cannot be a file."""
    if "\x00" in name or not name.strip():
        raise InputError(f"{option} {name!r} is not a file name: give one like renewals.ics")
    path = Path(name)
    if path.is_dir():
        raise InputError(f"{option} {name} is a folder: give a file name like renewals.ics")
    if path.exists() and not path.is_file():
        raise InputError(f"{option} {name} is not a regular file: give one like renewals.ics")
    if not path.parent.is_dir():
        raise MaplannerError(f"cannot write {name}: the folder {path.parent} does not exist")
    return path


def write_private(path: Path, data: bytes) -> None:
    """Replace `path` with `data`, readable and writable by its owner only."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    part = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        descriptor = os.open(part, flags, 0o600)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(descriptor, view) :]
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        part.chmod(0o600)  # whatever the umask
        part.replace(path)
    except OSError as error:
        raise MaplannerError(f"cannot write {path}: {error.strerror or error}") from None
    finally:
        part.unlink(missing_ok=True)
