"""Writing files so that a reader sees the old file or the new one, never half of one.

One helper for every file maplanner writes (reports, batch results, the catalog
cache): the bytes go to a new hidden part file in the target's own folder, made by
`tempfile.mkstemp` (O_EXCL, a random name, never through a planted link), are synced
to disk, and the part file is renamed over the target with `os.replace` (atomic on
one file system). A run that stops early removes its part file; a run killed with
``kill -9`` cannot, so the next write to the same target sweeps part files whose
process is gone (`sweep_stale_parts`).

Modes: a file that is replaced keeps its mode (a private 0600 report stays 0600),
unless the caller asks for 0600 whatever it was (`always_private`: an export of
personal data that is rewritten on every run, such as a calendar of renewals);
a new file is private (0600) when it holds personal data, else 0666 less the umask,
as any program's new file.

Part files are named ``.NAME.PID.RANDOM.part``: the PID tells a stale part (its
process has ended) from one being written right now by another run.
"""

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

#: The ending of every part file (tests and the sweep look for it).
PART_SUFFIX = ".part"


def part_prefix(target: Path) -> str:
    """The start of the part files of `target` written by any process."""
    return f".{target.name}."


def write_atomically(
    target: Path,
    data: bytes,
    *,
    replace: bool = True,
    private: bool = False,
    always_private: bool = False,
) -> None:
    """Write `data` to `target` in one step (see the module docstring).

    ``replace=False``: fail with FileExistsError when `target` exists, even if it
    appeared while writing (the part file is hard-linked into place, not renamed).
    Raises OSError for anything the file system refuses; no part file remains.
    """
    with atomic_file(
        target, replace=replace, private=private, always_private=always_private
    ) as stream:
        stream.write(data)


@contextmanager
def atomic_file(
    target: Path, *, replace: bool = True, private: bool = False, always_private: bool = False
) -> Iterator[BinaryIO]:
    """A binary stream that becomes `target` when the block ends without an error.

    If the block raises (Ctrl-C too), the part file is removed and `target` is as it was.
    """
    part = PartFile(target, private=private, always_private=always_private)
    try:
        yield part.stream
        part.commit(replace=replace)
    finally:
        part.discard()


class PartFile:
    """A part file beside `target`, open for writing: `commit` moves it into place,
    `discard` removes it (and is harmless after `commit`). For writers that keep two
    files open and decide at the end which to keep (batch results and errors)."""

    def __init__(
        self, target: Path, *, private: bool = False, always_private: bool = False
    ) -> None:
        sweep_stale_parts(target)
        self.target = target
        self._mode = 0o600 if always_private else _mode_for(target, private=private)
        descriptor, name = tempfile.mkstemp(
            prefix=f"{part_prefix(target)}{os.getpid()}.", suffix=PART_SUFFIX, dir=target.parent
        )
        self.path = Path(name)
        self.stream: BinaryIO = os.fdopen(descriptor, "wb")

    def commit(self, *, replace: bool = True) -> None:
        """Sync the part file and move it over the target (see `write_atomically`)."""
        stream = self.stream
        stream.flush()
        os.fchmod(stream.fileno(), self._mode)
        os.fsync(stream.fileno())
        stream.close()
        if replace:
            self.path.replace(self.target)
        else:
            _link_new(self.path, self.target)
            self.discard()

    def discard(self) -> None:
        """Close and remove the part file (the target is left as it was)."""
        with suppress(OSError):
            self.stream.close()
        with suppress(OSError):
            self.path.unlink(missing_ok=True)


def _mode_for(target: Path, *, private: bool) -> int:
    """The existing file's mode, else 0600 (private) or 0666 less the umask."""
    with suppress(OSError):
        found = target.stat()
        if stat.S_ISREG(found.st_mode):
            return stat.S_IMODE(found.st_mode)
    if private:
        return 0o600
    return 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _link_new(part: Path, target: Path) -> None:
    """Move `part` to `target` only if `target` does not exist (no overwrite, even racing)."""
    try:
        os.link(part, target)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: check, then rename
        if target.exists() or target.is_symlink():
            raise FileExistsError(17, "File exists", str(target)) from None
        part.replace(target)


def sweep_stale_parts(target: Path) -> None:
    """Remove part files of `target` left by runs that were killed (their process is gone).

    Only files named like our part files for this very target are considered, and
    only regular files owned by this user; anything that cannot be checked is left.
    """
    prefix = part_prefix(target)
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if not (name.startswith(prefix) and name.endswith(PART_SUFFIX)):
            continue
        pid_text = name[len(prefix) :].split(".", 1)[0]
        if not pid_text.isdecimal() or not pid_text.isascii() or _running(int(pid_text)):
            continue
        with suppress(OSError):
            found = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(found.st_mode) and found.st_uid == os.getuid():
                Path(entry.path).unlink()


def _running(pid: int) -> bool:
    """Whether process `pid` exists (ours counts as running: its part may be open)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True
    return True


def private_folder(folder: Path) -> Path:
    """Make `folder` and any missing parents, each 0700, and return it.

    Every folder maplanner makes is private (mkdir -p would make the parents 0755,
    and the parent of the cache is maplanner's own home folder). A folder that
    already exists is left as its owner set it.
    """
    missing: list[Path] = []
    for candidate in (folder, *folder.parents):
        if candidate.is_dir():
            break
        missing.append(candidate)
    for candidate in reversed(missing):
        try:
            candidate.mkdir(mode=0o700)
        except FileExistsError:
            if not candidate.is_dir():
                raise
    return folder
