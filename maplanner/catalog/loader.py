"""Read and validate the data directory once per process.

Files come from the packaged `data/` unless a directory override (``--data-dir`` or
``MAPLANNER_DATA``) holds a file of the same name: a school can drop in only its own
``wages.toml`` and keep everything else. Overrides pass exactly the same checks.
"""

import functools
import os
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from maplanner.catalog.career import (
    RoadmapFile,
    SettingsFile,
    SkillsFile,
    SpecialtiesFile,
    TiersFile,
)
from maplanner.catalog.catalog import Catalog
from maplanner.catalog.certs import CertificationsFile
from maplanner.catalog.estimate import EstimateFile
from maplanner.catalog.guide import GuideFile
from maplanner.catalog.paths import PathsFile
from maplanner.catalog.sources import SourcesFile
from maplanner.catalog.wages import OutlookFile, WagesFile
from maplanner.errors import DataError

ENV_VAR = "MAPLANNER_DATA"
MAX_FILE_BYTES = 1_000_000

FILES: dict[str, type[BaseModel]] = {
    "sources.toml": SourcesFile,
    "wages.toml": WagesFile,
    "outlook.toml": OutlookFile,
    "tiers.toml": TiersFile,
    "settings.toml": SettingsFile,
    "specialties.toml": SpecialtiesFile,
    "certifications.toml": CertificationsFile,
    "roadmap.toml": RoadmapFile,
    "skills.toml": SkillsFile,
    "paths.toml": PathsFile,
    "estimate.toml": EstimateFile,
    "guide.toml": GuideFile,
}

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
    key = None if override is None else str(Path(override).expanduser().absolute())
    return _load(key)


@functools.lru_cache(maxsize=4)
def _load(override: str | None) -> Catalog:
    paths = _file_paths(Path(override) if override else None)
    parts = {name: _read_model(path, FILES[name]) for name, path in paths.items()}
    catalog = _assemble(parts)
    problems = catalog.problems()
    if problems:
        area = problems[0].split(".", 1)[0].split(":", 1)[0]
        path = paths.get(AREA_FILES.get(area, ""), next(iter(paths.values())))
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise DataError(f"data error in {path}: {problems[0]}{more}", hint=_override_hint())
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


def _read_model(path: Path, model: type[BaseModel]) -> BaseModel:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DataError(
                f"data error in {path}: the file is {size:,} bytes; a data file may be at "
                f"most {MAX_FILE_BYTES:,}"
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"data file {path} is missing") from None
    except OSError as exc:
        raise DataError(f"cannot read data file {path}: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(
            f"data error in {path}: not UTF-8 text (bad byte at offset {exc.start})"
        ) from None
    try:
        document: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"data error in {path}: not valid TOML: {exc}") from None
    except RecursionError:
        raise DataError(f"data error in {path}: nested too deeply to be a data file") from None
    try:
        return model.model_validate(document)
    except ValidationError as exc:
        raise DataError(f"data error in {path}: {describe_validation_error(exc)}") from None
    except RecursionError:
        raise DataError(f"data error in {path}: nested too deeply to be a data file") from None


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


def _assemble(parts: dict[str, BaseModel]) -> Catalog:
    """Put the validated files together into one Catalog."""
    get = parts.__getitem__
    sources = get("sources.toml")
    wages = get("wages.toml")
    outlook = get("outlook.toml")
    tiers = get("tiers.toml")
    settings = get("settings.toml")
    specialties = get("specialties.toml")
    certs = get("certifications.toml")
    roadmap = get("roadmap.toml")
    skills = get("skills.toml")
    paths = get("paths.toml")
    estimate = get("estimate.toml")
    guide = get("guide.toml")
    assert isinstance(sources, SourcesFile) and isinstance(wages, WagesFile)
    assert isinstance(outlook, OutlookFile) and isinstance(tiers, TiersFile)
    assert isinstance(settings, SettingsFile) and isinstance(specialties, SpecialtiesFile)
    assert isinstance(certs, CertificationsFile) and isinstance(roadmap, RoadmapFile)
    assert isinstance(skills, SkillsFile) and isinstance(paths, PathsFile)
    assert isinstance(estimate, EstimateFile) and isinstance(guide, GuideFile)
    return Catalog.model_construct(
        data_vintage=wages.wages.vintage,
        sources=sources.source,
        wages=wages.wages,
        industries=wages.industry,
        outlook=outlook.outlook,
        tiers=tiers.tier,
        placement=tiers.placement,
        settings=settings.setting,
        specialties=specialties.specialty,
        certifications=certs.certification,
        roadmap_max_year=roadmap.max_year,
        roadmap=roadmap.band,
        skills=skills,
        paths=paths.path,
        estimate=estimate,
        guide=guide.topic,
    )
