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
fall back to validating, silently; a digest of the whole body is checked before any of
it is used, so a file damaged after its header is caught then, not halfway through a
command. Only catalogs that passed every check are written, and unpickling accepts
nothing but the catalog's own model classes.

Where: ``cache/`` in ``$MAPLANNER_HOME`` if set, else the platform's user cache
directory (``~/.cache/maplanner`` on Linux). One file per data source (the shipped data,
or one per override directory), replaced when its data changes.
"""

import contextlib
import hashlib
import importlib
import io
import os
import pickle
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from maplanner import __version__
from maplanner.catalog.catalog import FILES, Catalog
from maplanner.errors import DataError
from maplanner.userpaths import UnknownHomeError, configured_home, platform_dir

#: First bytes of a cache file; a new layout gets a new number.
MAGIC = b"maplanner-catalog-snapshot 2\n"
#: The modules whose model classes a snapshot may name.
_MODEL_MODULES = frozenset(module for module, _ in FILES.values())


def cache_dir() -> Path:
    """Where snapshots live: MAPLANNER_HOME/cache, else the user cache directory."""
    try:
        home = configured_home()
    except UnknownHomeError as error:  # OSError: callers then just skip the cache
        raise OSError(str(error)) from None
    return platform_dir("cache") if home is None else home / "cache"


def fingerprint(files: dict[str, bytes]) -> str:
    """A digest of the data files' bytes and of everything that shapes the catalog."""
    from pydantic.version import VERSION as PYDANTIC_VERSION

    digest = hashlib.sha256()
    digest.update(f"{sys.version_info[:3]}|{PYDANTIC_VERSION}|{__version__}".encode())
    for name, raw in files.items():
        digest.update(f"\0data\0{name}\0{len(raw)}\0".encode())
        digest.update(raw)
    for source in sorted(Path(__file__).resolve().parent.glob("*.py")):
        raw = source.read_bytes()
        digest.update(f"\0code\0{source.name}\0{len(raw)}\0".encode())
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
        raw = path.read_bytes()
    except (OSError, ValueError):
        return None
    header = MAGIC + expected.encode("ascii") + b"\n"
    if not raw.startswith(header):
        return None
    digest, _, body = raw[len(header) :].partition(b"\n")
    if digest != hashlib.sha256(body).hexdigest().encode("ascii"):
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
    try:
        target = snapshot_path(override)
        target.parent.mkdir(parents=True, exist_ok=True)
        packed = {
            name: pickle.dumps(model, protocol=pickle.HIGHEST_PROTOCOL)
            for name, model in catalog.files().items()
        }
        body = pickle.dumps(packed, protocol=pickle.HIGHEST_PROTOCOL)
    except (OSError, ValueError, pickle.PicklingError, RecursionError):
        return
    digest = hashlib.sha256(body).hexdigest().encode("ascii")
    partial = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        partial.write_bytes(MAGIC + expected.encode("ascii") + b"\n" + digest + b"\n" + body)
        partial.replace(target)  # readers see the old file or the new, never half
    except OSError:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)


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
