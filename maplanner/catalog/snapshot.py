"""A validated catalog, remembered on disk so that later runs need not validate it again.

Why: validating the data files builds pydantic validators for about 45 models, which cost
about 100 ms on every run although the files rarely change, and people run a CLI many
times a day. After a successful validation the loader pickles the catalog into the cache
directory together with a fingerprint of everything that could change the result: the
bytes of every data file, the source of the catalog models, and the versions of Python,
pydantic and maplanner. A later run with the same fingerprint unpickles it in about a
millisecond (the models are built with ``defer_build``, so no validator is made).

The cache can only make a run faster, never different: another fingerprint, a damaged,
truncated or foreign cache file, or a cache directory that cannot be read or written all
fall back to validating, silently. Only files that passed every check are written, and
unpickling accepts nothing but the catalog's own model classes.

Where: ``cache/`` in ``$MAPLANNER_HOME`` if set, else the platform's user cache
directory (``~/.cache/maplanner`` on Linux). One file per data source (the shipped data,
or one per override directory), replaced when its data changes.
"""

import contextlib
import hashlib
import io
import os
import pickle
import sys
from pathlib import Path
from typing import Any

from maplanner import __version__
from maplanner.catalog.catalog import Catalog

HOME_VARIABLE = "MAPLANNER_HOME"
#: First bytes of a cache file; a new layout gets a new number.
MAGIC = b"maplanner-catalog-snapshot 1\n"
_CATALOG_PACKAGE = "maplanner.catalog."


def cache_dir() -> Path:
    """Where snapshots live: MAPLANNER_HOME/cache, else the user cache directory."""
    home = os.environ.get(HOME_VARIABLE, "").strip()
    if home:
        return Path(home).expanduser() / "cache"
    if sys.platform.startswith("linux"):  # what platformdirs answers, without importing it
        base = os.environ.get("XDG_CACHE_HOME", "").strip()
        root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".cache"
        return root / "maplanner"
    import platformdirs

    return Path(platformdirs.user_cache_dir("maplanner"))


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
        raw = snapshot_path(override).read_bytes()
    except (OSError, ValueError):
        return None
    header = MAGIC + expected.encode("ascii") + b"\n"
    if not raw.startswith(header):
        return None
    try:
        catalog = _CatalogUnpickler(io.BytesIO(raw[len(header) :])).load()
    except Exception:  # damaged or foreign content: validate instead
        return None
    return catalog if isinstance(catalog, Catalog) else None


def remember(override: str | None, expected: str, catalog: Catalog) -> None:
    """Store a validated catalog; any failure just means the next run validates again."""
    try:
        target = snapshot_path(override)
        target.parent.mkdir(parents=True, exist_ok=True)
        body = pickle.dumps(catalog, protocol=pickle.HIGHEST_PROTOCOL)
    except (OSError, ValueError, pickle.PicklingError, RecursionError):
        return
    partial = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        partial.write_bytes(MAGIC + expected.encode("ascii") + b"\n" + body)
        partial.replace(target)  # readers see the old file or the new, never half
    except OSError:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)


class _CatalogUnpickler(pickle.Unpickler):
    """Unpickles only the catalog's own model classes: a planted file cannot run code."""

    def find_class(self, module: str, name: str) -> Any:
        if module.startswith(_CATALOG_PACKAGE) and not name.startswith("_"):
            found = getattr(sys.modules.get(module), name, None)
            if isinstance(found, type):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not a catalog model")
