"""Writing a document to a file the person named: checked first, then written atomically.

`maplanner report` writes its plan this way, `batch --summary` its class report and
`certs --due --ics` its calendar; the checks give the one-line answers (exit 2 for a
name that cannot be written, 1 for the file system). The document goes to a hidden
temporary file in the same folder and is renamed over the target only when complete
(maplanner.files), so a crash never leaves half a document; an existing file is
replaced only when the caller says so (--force).
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


def write_atomically(
    path: Path, text: str | bytes, *, force: bool, always_private: bool = False
) -> None:
    """Write the document in one step (maplanner.files): a crash never leaves half of it.

    With --force the move replaces any file, keeping its mode; without it a file
    created since the check is never overwritten either. A new document is private
    (0600): it describes a person's work and pay.
    """
    from maplanner.files import write_atomically as write_file

    try:
        data = text.encode("utf-8") if isinstance(text, str) else text
        write_file(path, data, replace=force, private=True, always_private=always_private)
    except FileExistsError:
        raise _input_error(f"{path} already exists: add --force to replace it") from None
    except OSError as error:
        raise _file_error(f"cannot write {path}: {error.strerror or error}") from None


def _input_error(message: str) -> Exception:
    return InputError(message)


def _file_error(message: str) -> Exception:
    """Exit 1: the file system, not the person's input, is the problem."""
    return MaplannerError(message)
