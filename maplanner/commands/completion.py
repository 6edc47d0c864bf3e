"""Values offered by shell completion: settings, specialties, credentials, paths, topics.

The shell runs maplanner on every Tab, so these read the ids straight from the data files
with stdlib ``tomllib`` instead of loading the validated catalog (which needs pydantic):
a Tab then costs well under half of what a command does. The files are the ones the
command would use: ``--data-dir`` (already on the command line), else ``MAPLANNER_DATA``,
else the shipped data, file by file. A file that is missing, unreadable or broken offers
nothing: completion never prints an error (the command itself reports it when run).

Typer calls each function with the click context and the word being completed, and keeps
the values that start with that word. Ids match in any case, as the commands accept them:
``--cert cm`` offers ``cma``, ``--cert CM`` offers ``CMA``.
"""

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import typer

#: Files larger than this, or with longer lines, are not data files: the loader's own
#: limits, from a module that imports nothing (completion stays light).
from maplanner.catalog.limits import ENV_VAR as DATA_VARIABLE
from maplanner.catalog.limits import MAX_FILE_BYTES, MAX_LINE_CHARS
from maplanner.userpaths import expand_user

#: Certification tracks and path kinds: fixed by the models, not the data (tests compare
#: them with maplanner.catalog.certs.TRACKS and maplanner.catalog.paths.KINDS).
TRACKS = ("clinical", "administrative", "specialty", "leadership", "life-support")
KINDS = ("advancement", "alternative")

Offer = tuple[str, str]


def settings(ctx: typer.Context, incomplete: str) -> list[Offer]:
    """Work settings, and the student answer (in an MA program, not working yet), for
    --setting. A settings file that offers nothing offers no student answer either."""
    offers = _entries(ctx, "settings.toml", "setting")
    student = _read_toml(data_file(ctx, "eligibility.toml")).get("student")
    if offers and isinstance(student, dict) and isinstance(student.get("id"), str):
        offers.append((student["id"], " ".join(str(student.get("name", "")).split())))
    return _matching(offers, incomplete)


def work_settings(ctx: typer.Context, incomplete: str) -> list[Offer]:
    """Work settings only, for salary --setting."""
    return _matching(_entries(ctx, "settings.toml", "setting"), incomplete)


def education(ctx: typer.Context, incomplete: str) -> list[Offer]:
    """Education levels, for --education."""
    return _matching(_entries(ctx, "eligibility.toml", "education"), incomplete)


def specialties(ctx: typer.Context, incomplete: str) -> list[Offer]:
    """Specialties and "none", for --specialty."""
    offers = [*_entries(ctx, "specialties.toml", "specialty"), ("none", "no specialty")]
    return _matching(offers, incomplete)


def leadership(ctx: typer.Context, incomplete: str) -> list[Offer]:
    """Leadership levels, for --leads."""
    return _matching(_entries(ctx, "estimate.toml", "leadership"), incomplete)


def certifications(ctx: typer.Context, incomplete: str) -> list[Offer]:
    """Credential ids, for --cert and `certs ID`; after a comma, the next id of a list."""
    done, _, current = incomplete.rpartition(",")
    prefix = f"{done}," if done else ""
    chosen = {part.strip().lower() for part in done.split(",")}
    offers = [
        offer
        for offer in _entries(ctx, "certifications.toml", "certification")
        if offer[0].lower() not in chosen
    ]
    return [(prefix + value, help_text) for value, help_text in _matching(offers, current)]


def career_paths(ctx: typer.Context, incomplete: str) -> list[Offer]:
    """Career path ids, for `paths ID` and `plan --goal`."""
    return _matching(_entries(ctx, "paths.toml", "path"), incomplete)


def guide_topics(ctx: typer.Context, incomplete: str) -> list[Offer]:
    """Guide topic ids, for `guide TOPIC`."""
    return _matching(_entries(ctx, "guide.toml", "topic"), incomplete)


def states(ctx: typer.Context, incomplete: str) -> list[Offer]:
    """Postal codes of the states and territories, for --state (names match too)."""
    rows = _read_toml(data_file(ctx, "oews.toml")).get("states")
    offers: list[Offer] = []
    for row in rows if isinstance(rows, list) else []:
        if isinstance(row, dict) and isinstance(row.get("postal"), str):
            offers.append((row["postal"], str(row.get("name", ""))))
    if len(incomplete.strip()) > 2:  # a name being typed: offer the names
        return _matching([(name, code) for code, name in offers], incomplete)
    return _matching(offers, incomplete)


def areas(ctx: typer.Context, incomplete: str) -> list[Offer]:
    """Metropolitan and nonmetropolitan areas whose name starts with what is typed, for
    --area (the command itself also takes any part of a name)."""
    import csv

    path = data_file(ctx, "oews-areas.csv")
    names: dict[str, None] = {}
    try:
        if path.stat().st_size > 5 * MAX_FILE_BYTES:
            return []
        with path.open(encoding="utf-8") as stream:
            for row in csv.reader(stream):
                if len(row) > 3 and row[1] == "M":
                    names.setdefault(row[3])
    except (OSError, ValueError):
        return []
    return _matching(((name, "") for name in names), incomplete)


def tracks(incomplete: str) -> list[Offer]:
    """Certification tracks, for `certs --track`."""
    return _matching(((track, "") for track in TRACKS), incomplete)


def kinds(incomplete: str) -> list[Offer]:
    """Kinds of career path, for `paths --kind`."""
    return _matching(((kind, "") for kind in KINDS), incomplete)


# Reading the data files --------------------------------------------------------------


def packaged_data_dir() -> Path:
    """The shipped data, found as maplanner.catalog.loader finds it (a test checks)."""
    here = Path(__file__).resolve().parent.parent
    installed = here / "data"
    return installed if installed.is_dir() else here.parent / "data"


def data_file(ctx: typer.Context | None, name: str) -> Path:
    """The file a command run with this command line would read for `name`."""
    root = ctx.find_root() if ctx is not None else None
    option = root.params.get("data_dir") if root is not None else None
    chosen = Path(option) if isinstance(option, str | Path) and str(option).strip() else None
    if chosen is None:
        value = os.environ.get(DATA_VARIABLE, "").strip()
        chosen = Path(value) if value else None
    if chosen is not None:
        candidate = expand_user(chosen) / name
        try:
            if candidate.exists():
                return candidate
        except (OSError, ValueError):
            pass
    return packaged_data_dir() / name


def _entries(ctx: typer.Context | None, file_name: str, table: str) -> list[Offer]:
    """(id, name) for every entry of the array of tables `table` in one data file."""
    document = _read_toml(data_file(ctx, file_name))
    rows = document.get(table)
    if not isinstance(rows, list):
        return []
    offers: list[Offer] = []
    for row in rows:
        if isinstance(row, dict) and isinstance(row.get("id"), str):
            name = row.get("name", row.get("title", ""))
            offers.append((row["id"], " ".join(name.split()) if isinstance(name, str) else ""))
    return offers


def _read_toml(path: Path) -> dict[str, Any]:
    """The parsed file, or an empty document if it cannot be read as TOML."""
    import tomllib

    try:
        if not path.is_file() or path.stat().st_size > MAX_FILE_BYTES:
            return {}
        text = path.read_bytes().decode("utf-8-sig")
        if any(len(line) > MAX_LINE_CHARS for line in text.splitlines()):
            return {}
        return tomllib.loads(text)
    except (OSError, ValueError, RecursionError):  # TOMLDecodeError is a ValueError
        return {}


def _matching(offers: Iterable[Offer], incomplete: str) -> list[Offer]:
    """The offers that start with `incomplete` in any case, spelled to extend it."""
    typed = incomplete.lower()
    found: list[Offer] = []
    for value, help_text in offers:
        if not value.lower().startswith(typed):
            continue
        if value.startswith(incomplete):
            shown = value
        elif incomplete == typed:  # typed in lower case: offer the id in lower case
            shown = value.lower()
        else:
            shown = incomplete + value[len(incomplete) :]
        found.append((shown, help_text))
    return found
