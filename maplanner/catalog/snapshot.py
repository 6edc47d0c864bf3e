"""A validated catalog, remembered on disk so that later runs need not validate it again.

Why: validating the data files builds pydantic validators for about 45 models, which cost
time on every run (docs/performance.md) although the files rarely change, and people run a CLI many
times a day. After a successful validation the loader pickles the catalog into the cache
directory together with a fingerprint of everything that could change the result: the
bytes of every data file, the source of the catalog models, and the versions of Python,
pydantic and maplanner. Each data file is pickled on its own, and a later run with the
same fingerprint unpickles only the files its command reads, when it first reads them
(see Catalog): the models are built with ``defer_build``, so no validator is made, and
the models of files a command never reads are not even defined.

The cache can only make a run faster, never different: another fingerprint, a damaged,
truncated or foreign cache file, or a cache directory that cannot be read or written all
fall back to validating, silently. Only catalogs that passed every check are written,
and a cache file is used only if maplanner itself wrote it:

- trust: the cache folder must be a real folder owned by this user that nobody else
  may write to, and the cache file a regular file of this user's that nobody else may
  write to; anything else (a shared MAPLANNER_HOME, a planted link) is ignored;
- a keyed digest (BLAKE2b, with a random key kept in ``cache/key``, 0600, made with
  O_EXCL and O_NOFOLLOW) covers the fingerprint and the whole body, and is checked
  before any of it is used. Without the key no one can make a file that passes, so a
  file with an edited figure and a recomputed plain digest is ignored; a file damaged
  after its header is caught then, not halfway through a command. Checking a keyed
  digest costs what checking a plain one did, so start-up stays as fast;
- writing: the folder is made 0700, the file goes through maplanner.files (a random
  part name opened with O_EXCL, then os.replace), so a link planted beside it is
  never followed;
- unpickling accepts nothing but the catalog's own model classes.

Where: ``cache/`` in ``$MAPLANNER_HOME`` if set, else the platform's user cache
directory (``~/.cache/maplanner`` on Linux). One file per data source (the shipped data,
or one per override directory), replaced when its data changes.
"""

import hashlib
import importlib
import io
import os
import pickle
import stat
import sys
from hmac import compare_digest
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from maplanner import __version__
from maplanner.catalog.catalog import FILES, Catalog
from maplanner.errors import DataError
from maplanner.userpaths import UnknownHomeError, configured_home, platform_dir

#: First bytes of a cache file; a new layout gets a new number.
MAGIC = b"maplanner-catalog-snapshot 3\n"
#: The key file beside the snapshots, and its size in bytes.
KEY_NAME = "key"
KEY_BYTES = 32
#: The modules whose model classes a snapshot may name.
_MODEL_MODULES = frozenset(module for module, _ in FILES.values())


def cache_dir() -> Path:
    """Where snapshots live: MAPLANNER_HOME/cache, else the user cache directory."""
    try:
        home = configured_home()
    except UnknownHomeError as error:  # OSError: callers then just skip the cache
        raise OSError(str(error)) from None
    return platform_dir("cache") if home is None else home / "cache"


def fingerprint(files: dict[str, bytes]) -> str | None:
    """A digest of the data files' bytes and of everything that shapes the catalog;
    None when maplanner's own code cannot be read (then no snapshot is used: a run
    only validates, as it would without a cache)."""
    from pydantic.version import VERSION as PYDANTIC_VERSION

    digest = hashlib.sha256()
    digest.update(f"{sys.version_info[:3]}|{PYDANTIC_VERSION}|{__version__}".encode())
    for name, raw in files.items():
        digest.update(f"\0data\0{name}\0{len(raw)}\0".encode())
        digest.update(raw)
    try:
        sources = sorted(Path(__file__).resolve().parent.glob("*.py"))
        code = [(source.name, source.read_bytes()) for source in sources]
    except OSError:
        return None
    for name, raw in code:
        digest.update(f"\0code\0{name}\0{len(raw)}\0".encode())
        digest.update(raw)
    return digest.hexdigest()


def snapshot_path(override: str | None) -> Path:
    """The cache file for one data source (None: the shipped data)."""
    source = "shipped" if override is None else override
    name = hashlib.sha256(source.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return cache_dir() / f"catalog-{name}.pickle"


def recall(override: str | None, expected: str) -> Catalog | None:
    """The catalog remembered for this source and fingerprint, or None."""
    try:
        path = snapshot_path(override)
        if not (_trusted(path.parent, folder=True) and _trusted(path, folder=False)):
            return None
        key = _read_key(path.parent)
        raw = path.read_bytes()
    except (OSError, ValueError):
        return None
    if key is None:
        return None
    header = MAGIC + expected.encode("ascii") + b"\n"
    if not raw.startswith(header):
        return None
    digest, _, body = raw[len(header) :].partition(b"\n")
    if not compare_digest(digest, _seal(key, expected, body)):
        return None
    try:
        packed = _SnapshotUnpickler(io.BytesIO(body)).load()
    except Exception:  # foreign content with a matching digest: validate instead
        return None
    if not (
        isinstance(packed, dict)
        and set(packed) == set(FILES)
        and all(isinstance(value, bytes) for value in packed.values())
    ):
        return None

    def unpack(name: str, data: bytes) -> Any:
        try:
            return _SnapshotUnpickler(io.BytesIO(data)).load()
        except Exception:
            raise DataError(
                f"the cached copy of {name} in {path} is not a catalog file",
                hint="delete that file; maplanner validates the data again and rewrites it",
            ) from None

    return Catalog(packed, unpack)


def remember(override: str | None, expected: str, catalog: Catalog) -> None:
    """Store a validated catalog; any failure just means the next run validates again."""
    from maplanner.files import private_folder, write_atomically

    try:
        target = snapshot_path(override)
        private_folder(target.parent)
        if not _trusted(target.parent, folder=True):
            return
        key = _read_key(target.parent) or _make_key(target.parent)
        if key is None:
            return
        packed = {
            name: pickle.dumps(model, protocol=pickle.HIGHEST_PROTOCOL)
            for name, model in catalog.files().items()
        }
        body = pickle.dumps(packed, protocol=pickle.HIGHEST_PROTOCOL)
        seal = _seal(key, expected, body)
        data = MAGIC + expected.encode("ascii") + b"\n" + seal + b"\n" + body
        write_atomically(target, data, private=True)  # readers see old or new, never half
    except (OSError, ValueError, pickle.PicklingError, RecursionError):
        return


def _seal(key: bytes, expected: str, body: bytes) -> bytes:
    """The keyed digest of a snapshot: only a holder of the key can make it."""
    digest = hashlib.blake2b(key=key, digest_size=32)
    digest.update(expected.encode("ascii") + b"\n")
    digest.update(body)
    return digest.hexdigest().encode("ascii")


def _trusted(path: Path, *, folder: bool) -> bool:
    """Whether `path` is this user's own folder (or file) that no one else may write to.

    lstat, not stat: a link is never trusted, wherever it points.
    """
    found = path.lstat()
    if folder != stat.S_ISDIR(found.st_mode) or (not folder and not stat.S_ISREG(found.st_mode)):
        return False
    return found.st_uid == os.getuid() and not found.st_mode & 0o022


def _read_key(folder: Path) -> bytes | None:
    """The snapshot key, if it exists and only this user can read it."""
    path = folder / KEY_NAME
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return None
    with os.fdopen(descriptor, "rb") as file:
        found = os.fstat(descriptor)
        if not stat.S_ISREG(found.st_mode) or found.st_uid != os.getuid() or found.st_mode & 0o077:
            return None
        key = file.read(KEY_BYTES + 1)
    return key if len(key) == KEY_BYTES else None


def _make_key(folder: Path) -> bytes | None:
    """A new random key, written only if no key file exists (never through a link)."""
    key = os.urandom(KEY_BYTES)
    path = folder / KEY_NAME
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
    try:
        descriptor = os.open(path, flags, 0o600)
    except FileExistsError:  # another run made one meanwhile (or a damaged one is there)
        return _read_key(folder)
    with os.fdopen(descriptor, "wb") as file:
        file.write(key)
        file.flush()
        os.fsync(descriptor)
    return key


class _SnapshotUnpickler(pickle.Unpickler):
    """Unpickles only the catalog's own model classes: a planted file cannot run code.

    A class is found only in the modules that define the data files' models, only if it
    is a pydantic model defined there (not a name a module merely imports).
    """

    def find_class(self, module: str, name: str) -> Any:
        if module in _MODEL_MODULES and not name.startswith("_"):
            found = getattr(importlib.import_module(module), name, None)
            if (
                isinstance(found, type)
                and issubclass(found, BaseModel)
                and found.__module__ == module
            ):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not a catalog model")
