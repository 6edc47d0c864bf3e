"""Writing a document to a file the person named: checked first, then written atomically.

`maplanner report` writes one plan this way and `maplanner batch --reports` writes one
per student. The document goes to a hidden temporary file in the same folder and is
renamed over the target only when complete, so a crash never leaves half a document;
an existing file is replaced only when the caller says so (--force).
"""

import os
from pathlib import Path

from maplanner.errors import InputError, MaplannerError


def check_target(
    output: str, *, force: bool, flag: str = "-o", example: str = "plan.html"
) -> Path:
    """The file to write, checked before any work: a usage error (exit 2) for a
    folder, a device, or an existing file without --force; exit 1 for a folder that
    is missing or cannot be written."""
    if "\x00" in output or not output.strip():
        raise _input_error(f"{flag} {output!r} is not a file name: give one like {example}")
    path = Path(output)
    if path.is_symlink():  # write through the link, to the file it names
        path = Path(os.path.realpath(path))
    if path.is_dir():
        raise _input_error(f"{flag} {output} is a folder: give a file name like {example}")
    if path.exists() and not path.is_file():
        raise _input_error(
            f"{flag} {output} is not a regular file: give a file name like {example}"
        )
    if path.exists() and not force:
        raise _input_error(f"{flag} {output} already exists: add --force to replace it")
    folder = path.parent
    if folder.exists() and not folder.is_dir():
        raise _file_error(f"cannot write {output}: {folder} is a file, not a folder")
    if not folder.is_dir():
        raise _file_error(f"cannot write {output}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise _file_error(f"cannot write {output}: the folder {folder} is not writable")
    return path


def write_atomically(path: Path, text: str, *, force: bool) -> None:
    """Write `text` to a hidden temporary file beside `path`, then move it into place.

    With --force the move replaces any file (os.replace: atomic on one file system).
    Without it the move is a hard link, which fails if a file appeared meanwhile, so
    a file created since the check is never overwritten either.
    """
    data = text.encode("utf-8")
    part = _temporary(path)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(part.descriptor, view) :]
            os.fsync(part.descriptor)
        finally:
            os.close(part.descriptor)
        if force:
            part.path.replace(path)
        else:
            _link_new(part.path, path)
    except OSError as error:
        raise _file_error(f"cannot write {path}: {error.strerror or error}") from None
    finally:
        part.path.unlink(missing_ok=True)


class _Part:
    def __init__(self, path: Path, descriptor: int) -> None:
        self.path = path
        self.descriptor = descriptor


def _temporary(path: Path) -> _Part:
    """A new hidden file `.NAME.PID.N.part` in the target's folder, opened for writing."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for attempt in range(100):
        part = path.with_name(f".{path.name}.{os.getpid()}.{attempt}.part")
        try:
            return _Part(part, os.open(part, flags, 0o666))
        except FileExistsError:
            continue
        except OSError as error:
            raise _file_error(f"cannot write {path}: {error.strerror or error}") from None
    raise _file_error(f"cannot write {path}: too many leftover .part files beside it")


def _link_new(part: Path, path: Path) -> None:
    """Move `part` to `path` only if `path` does not exist (no overwrite, even racing)."""
    try:
        os.link(part, path)
    except FileExistsError:
        raise _input_error(f"-o {path} already exists: add --force to replace it") from None
    except OSError:  # a file system without hard links: check, then rename
        if path.exists():
            raise _input_error(f"-o {path} already exists: add --force to replace it") from None
        part.replace(path)


def _input_error(message: str) -> Exception:
    return InputError(message)


def _file_error(message: str) -> Exception:
    """Exit 1: the file system, not the person's input, is the problem."""
    return MaplannerError(message)
