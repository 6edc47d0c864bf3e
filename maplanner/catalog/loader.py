"""Read and validate the data directory once per process.

Files come from the packaged `data/` unless a directory override (``--data-dir`` or
``MAPLANNER_DATA``) holds a file of the same name: a school can drop in only its own
``oews-areas.csv`` (or ``oews.toml``, the national tables of the latest release; or
``wages.toml``, the May 2024 release) and keep everything else. Overrides pass exactly
the same checks.

Validation is the slow part of start-up, so a catalog that passed every check is also
remembered on disk (maplanner/catalog/snapshot.py) and reused while its files' bytes
and maplanner's models stay the same.
"""

import functools
import os
import stat
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from maplanner.catalog import snapshot
from maplanner.catalog.catalog import FILES, Catalog, file_model
from maplanner.catalog.limits import ENV_VAR, MAX_FILE_BYTES, MAX_LINE_CHARS
from maplanner.errors import DataError
from maplanner.userpaths import expand_user

#: Which file a cross-check location (its first dotted part) lives in.
AREA_FILES = {
    "sources": "sources.toml",
    "wages": "wages.toml",
    "industries": "wages.toml",
    "outlook": "outlook.toml",
    "tiers": "tiers.toml",
    "placement": "tiers.toml",
    "settings": "settings.toml",
    "specialties": "specialties.toml",
    "certifications": "certifications.toml",
    "roadmap": "roadmap.toml",
    "skills": "skills.toml",
    "paths": "paths.toml",
    "estimate": "estimate.toml",
    "leadership": "estimate.toml",
    "guide": "guide.toml",
    "eligibility": "eligibility.toml",
    "levers": "levers.toml",
    "oews": "oews.toml",
    "path_occupations": "path_occupations.toml",
}


def packaged_data_dir() -> Path:
    """The data shipped with maplanner: inside the package when installed, else the repo's."""
    here = Path(__file__).resolve().parent.parent
    installed = here / "data"
    return installed if installed.is_dir() else here.parent / "data"


def resolve_override(option: Path | None) -> Path | None:
    """The override directory: the option wins over the environment variable."""
    if option is not None:
        return option
    value = os.environ.get(ENV_VAR, "").strip()
    return Path(value) if value else None


def load_catalog(override: Path | None = None) -> Catalog:
    """The validated catalog for this override (None: the packaged data), cached."""
    key = None if override is None else str(expand_user(Path(override)).absolute())
    return _load(key)


@functools.lru_cache(maxsize=4)
def _load(override: str | None) -> Catalog:
    paths = _file_paths(Path(override) if override else None)
    files = {name: _read_bytes(path) for name, path in paths.items()}
    expected = snapshot.fingerprint(files)
    remembered = None if expected is None else snapshot.recall(override, expected)
    if remembered is not None:  # these exact bytes passed every check before
        return remembered
    parts = {name: _parse_model(paths[name], raw, file_model(name)) for name, raw in files.items()}
    catalog = Catalog(parts)
    problems = catalog.problems()
    if problems:
        area = problems[0].split(".", 1)[0].split(":", 1)[0]
        path = paths.get(AREA_FILES.get(area, ""), next(iter(paths.values())))
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise DataError(f"data error in {path}: {problems[0]}{more}", hint=_override_hint())
    if expected is not None:
        snapshot.remember(override, expected, catalog)
    return catalog


def _override_hint() -> str:
    return f"fix the file, or unset {ENV_VAR} / drop --data-dir to use the shipped data"


def _file_paths(override: Path | None) -> dict[str, Path]:
    packaged = packaged_data_dir()
    paths = {name: packaged / name for name in FILES}
    if override is None:
        return paths
    if not override.is_dir():
        raise DataError(
            f"data directory {override} does not exist or is not a directory",
            hint=_override_hint(),
        )
    for entry in sorted(override.glob("*.toml")):
        if entry.name not in FILES:
            raise DataError(
                f"unknown data file {entry}: expected names are {', '.join(FILES)}",
                hint=_override_hint(),
            )
        paths[entry.name] = entry
    return paths


def _read_bytes(path: Path) -> bytes:
    """A data file's bytes; only a regular file of at most MAX_FILE_BYTES is read.

    A FIFO or a device named like a data file would block or never end, and a file may
    grow after it was measured: so the kind is checked and at most one byte past the
    limit is read.
    """
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            kind = "a directory" if stat.S_ISDIR(info.st_mode) else "not a regular file"
            raise DataError(f"cannot read data file {path}: it is {kind}")
        if info.st_size > MAX_FILE_BYTES:
            raise _too_big(path, info.st_size)
        with path.open("rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise DataError(f"data file {path} is missing") from None
    except OSError as exc:
        raise DataError(f"cannot read data file {path}: {exc.strerror or exc}") from None
    except ValueError as exc:  # e.g. a NUL byte in the path
        raise DataError(f"cannot read data file {path!r}: {exc}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise _too_big(path, len(raw))
    return raw


def _too_big(path: Path, size: int) -> DataError:
    return DataError(
        f"data error in {path}: the file is {size:,} bytes; a data file may be at "
        f"most {MAX_FILE_BYTES:,}"
    )


def _parse_model(path: Path, raw: bytes, model: type[BaseModel]) -> BaseModel:
    try:  # "-sig": a byte-order mark, as some Windows editors write, is not an error
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(
            f"data error in {path}: not UTF-8 text (bad byte at offset {exc.start})"
        ) from None
    _check_line_lengths(path, text)
    import tomllib  # here, not at the top: a run that finds the snapshot never parses

    try:
        document: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"data error in {path}: not valid TOML: {exc}") from None
    except RecursionError:
        raise DataError(f"data error in {path}: nested too deeply to be a data file") from None
    import json

    try:
        # Strict, through JSON: a number must be written as a number ("44200" in quotes
        # is refused, as is true for 1), while arrays still fill tuples; infinities
        # and NaN are refused by the models (allow_inf_nan=False).
        as_json = json.dumps(document, default=str, allow_nan=True)
        return model.model_validate_json(as_json, strict=True)
    except ValidationError as exc:
        raise DataError(f"data error in {path}: {describe_validation_error(exc)}") from None
    except RecursionError:
        raise DataError(f"data error in {path}: nested too deeply to be a data file") from None


def _check_line_lengths(path: Path, text: str) -> None:
    for number, line in enumerate(text.splitlines(), start=1):
        if len(line) > MAX_LINE_CHARS:
            raise DataError(
                f"data error in {path}: line {number} is {len(line):,} characters long; "
                f"a data file's lines may be at most {MAX_LINE_CHARS:,} (split long text "
                'with a """multi-line string""")'
            )


def describe_validation_error(exc: ValidationError) -> str:
    """The first problem as 'field: message (got value)', and how many more there are."""
    errors = exc.errors(include_url=False)
    first = errors[0]
    field = ".".join(str(part) for part in first["loc"]) or "(top level)"
    message = first["msg"].removeprefix("Value error, ")
    got = ""
    if first["type"] not in {"missing", "model_type"} and "input" in first:
        shown = repr(first["input"])
        got = f" (got {shown if len(shown) <= 40 else shown[:37] + '...'})"
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{field}: {message}{got}{more}"
