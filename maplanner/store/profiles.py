"""Save and load the person's profile and their assessments, one transaction each.

Every function opens the database, does its work inside one transaction and closes
it again: a CLI run is short, and holding nothing open means a second maplanner
waits at most for one small write. Reading never creates the file; a command that
only looks (certs, salary, profile, history) leaves no trace when nothing is saved.

Edits are read-modify-write inside the write lock (`update_profile`), so two
`maplanner profile ...` runs at once cannot lose each other's change.
"""

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, ValidationError

from maplanner.catalog.catalog import Catalog
from maplanner.core.assessment import Assessment
from maplanner.core.history import AssessmentRecord, record_of
from maplanner.core.money import Pay
from maplanner.core.profile import HeldCert, Profile
from maplanner.errors import InputError, StoreError
from maplanner.store.db import (
    connect,
    errors_named,
    remove,
    side_files,
    snapshot,
    transaction,
)
from maplanner.store.location import database_path

if TYPE_CHECKING:
    import sqlite3

#: What to tell someone who has nothing saved yet.
HOW_TO_SAVE = (
    "save one with 'maplanner assess --save' (with your answers as options, for example "
    "--years 4 --setting family-practice), or run 'maplanner assess' in a terminal and "
    "answer y when it offers to save"
)


def sentence(text: str) -> str:
    """`text` with a capital first letter (str.capitalize would lower the rest)."""
    return text[:1].upper() + text[1:]


def nothing_saved(why: str) -> InputError:
    """Exit 2: the command needs a saved profile and there is none; the hint says how."""
    return InputError(f"no saved profile {why}", hint=HOW_TO_SAVE)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class SavedState(_Model):
    """The saved profile, the day it was last changed, and how many assessments exist."""

    profile: Profile
    updated_on: str
    assessments: int
    last_assessed: str | None


class Forgotten(_Model):
    """What `forget` deleted."""

    path: str
    existed: bool
    had_profile: bool
    assessments: int


class Named(_Model):
    id: str
    name: str


class HeldView(_Model):
    id: str
    name: str
    earned: str | None


class ProfileView(_Model):
    """`maplanner profile`: the saved answers with their names, or that nothing is saved."""

    saved: bool
    path: str
    updated_on: str | None
    years: float | None
    certs: tuple[HeldView, ...]
    setting: Named | None
    specialty: Named | None
    leads: Named | None
    pay: Pay | None
    assessments: int
    last_assessed: str | None
    #: Where they work, as --state or --area names it; None: the national tables.
    place: str | None = None


# Reading ----------------------------------------------------------------------------


def load_state(path: Path | None = None) -> SavedState | None:
    """The saved profile and its bookkeeping, or None when nothing is saved."""
    path = path or database_path()
    with connect(path, create=False) as connection:
        if connection is None:
            return None
        with snapshot(connection):
            row = connection.execute(
                "SELECT body, updated_on FROM profile WHERE id = 1"
            ).fetchone()
            count, last = connection.execute(
                "SELECT count(*), max(taken_on) FROM assessment"
            ).fetchone()
    if row is None:
        return None
    return SavedState(
        profile=_profile_from(row[0], path),
        updated_on=str(row[1]),
        assessments=int(count),
        last_assessed=None if last is None else str(last),
    )


def load_profile(path: Path | None = None) -> Profile | None:
    state = load_state(path)
    return None if state is None else state.profile


def require_profile(path: Path | None = None, *, why: str) -> Profile:
    """The saved profile, or InputError (exit 2) saying how to save one."""
    profile = load_profile(path)
    if profile is None:
        raise nothing_saved(why)
    return profile


def history(path: Path | None = None) -> list[AssessmentRecord]:
    """Every saved assessment's record, oldest first (empty when nothing is saved)."""
    path = path or database_path()
    with connect(path, create=False) as connection:
        if connection is None:
            return []
        rows = connection.execute(
            "SELECT id, taken_on, tier, tier_name, estimated_percentile, years, cert_ids "
            "FROM assessment ORDER BY id"
        ).fetchall()
    try:
        return [
            AssessmentRecord(
                number=number,
                date=taken_on,
                tier=tier,
                tier_name=tier_name,
                estimated_percentile=percentile,
                years=years,
                certs=tuple(json.loads(cert_ids)),
            )
            for number, taken_on, tier, tier_name, percentile, years, cert_ids in rows
        ]
    except (ValidationError, ValueError, TypeError):
        raise _unreadable(path, "a saved assessment") from None


def _profile_from(body: str, path: Path) -> Profile:
    try:
        return Profile.model_validate_json(body)
    except ValidationError:
        raise _unreadable(path, "the saved profile") from None


def _unreadable(path: Path, what: str) -> StoreError:
    return StoreError(
        f"{what} in {path} cannot be read (the file was changed outside maplanner): "
        "run 'maplanner profile forget' to start again, or move the file aside"
    )


# Writing ----------------------------------------------------------------------------


def save_profile(profile: Profile, on: date, path: Path | None = None) -> None:
    """Save (or replace) the profile."""
    path = path or database_path()
    with connect(path, create=True) as connection:
        assert connection is not None
        with transaction(connection):
            _put_profile(connection, profile, on)


def record_assessment(
    assessment: Assessment, on: date, path: Path | None = None
) -> AssessmentRecord:
    """Save the assessed profile and add the assessment to the history, atomically."""
    path = path or database_path()
    record = record_of(assessment, on)
    with connect(path, create=True) as connection:
        assert connection is not None
        with transaction(connection):
            _put_profile(connection, assessment.profile, on)
            cursor = connection.execute(
                "INSERT INTO assessment (taken_on, tier, tier_name, estimated_percentile, "
                "years, cert_ids, body) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    record.date,
                    record.tier,
                    record.tier_name,
                    record.estimated_percentile,
                    record.years,
                    json.dumps(list(record.certs)),
                    assessment.model_dump_json(),
                ),
            )
    return record.model_copy(update={"number": cursor.lastrowid or 0})


def update_profile(
    edit: Callable[[Profile], Profile], on: date, path: Path | None = None, *, why: str
) -> tuple[Profile, Profile]:
    """Apply `edit` to the saved profile under the write lock; return (before, after).

    `edit` may raise (InputError for a bad value); nothing is written then. With no
    saved profile, InputError (exit 2) says how to save one.
    """
    path = path or database_path()
    if not path.exists():
        raise nothing_saved(why)
    with connect(path, create=True) as connection:
        assert connection is not None
        with transaction(connection):
            row = connection.execute("SELECT body FROM profile WHERE id = 1").fetchone()
            if row is None:
                raise nothing_saved(why)
            before = _profile_from(row[0], path)
            after = edit(before)
            _put_profile(connection, after, on)
    return before, after


def _put_profile(connection: "sqlite3.Connection", profile: Profile, on: date) -> None:
    connection.execute(
        "INSERT INTO profile (id, body, updated_on) VALUES (1, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_on = excluded.updated_on",
        (profile.model_dump_json(), on.isoformat()),
    )


def forget(path: Path | None = None) -> Forgotten:
    """Delete every saved answer and assessment, then the database file and its journal.

    A file that is not a maplanner database is refused (StoreError) and left alone.
    Rows are deleted in a transaction first, so a maplanner waiting on the lock finds
    nothing rather than the old profile.
    """
    path = path or database_path()
    existed = any(file.exists() for file in [path, *side_files(path)])
    had_profile, count = False, 0
    with connect(path, create=False) as connection:
        if connection is not None:
            with transaction(connection):
                had_profile = connection.execute("SELECT count(*) FROM profile").fetchone()[0] > 0
                count = int(connection.execute("SELECT count(*) FROM assessment").fetchone()[0])
                connection.execute("DELETE FROM assessment")
                connection.execute("DELETE FROM profile")
    with errors_named(path):
        remove(path)
    return Forgotten(path=str(path), existed=existed, had_profile=had_profile, assessments=count)


# Helpers for commands -----------------------------------------------------------------


def carry_earned(profile: Profile, saved: Profile | None) -> Profile:
    """`profile` with the earned months `saved` knows for credentials both hold.

    Answers given as options or in the interview name credentials but not the month
    they were earned; saving them must not forget the months already recorded.
    """
    if saved is None:
        return profile
    months = {held.id: held.earned for held in saved.certs}
    certs = tuple(
        HeldCert(id=held.id, earned=held.earned or months.get(held.id)) for held in profile.certs
    )
    return Profile.model_validate({**dict(profile), "certs": certs})


def describe(state: SavedState | None, catalog: Catalog, path: Path | None = None) -> ProfileView:
    """The saved profile with catalog names, for `maplanner profile` and its JSON."""
    shown = str(path or database_path())
    if state is None:
        return ProfileView(
            saved=False,
            path=shown,
            updated_on=None,
            years=None,
            certs=(),
            setting=None,
            specialty=None,
            leads=None,
            pay=None,
            assessments=0,
            last_assessed=None,
        )
    profile = state.profile
    names = {cert.id: cert.name for cert in catalog.certifications}
    settings = {setting.id: setting.name for setting in catalog.settings}
    specialties = {specialty.id: specialty.name for specialty in catalog.specialties}
    levels = {level.id: level.name for level in catalog.estimate.leadership}
    return ProfileView(
        saved=True,
        path=shown,
        updated_on=state.updated_on,
        years=profile.years,
        certs=tuple(
            HeldView(id=held.id, name=names.get(held.id, held.id), earned=held.earned)
            for held in profile.certs
        ),
        setting=Named(id=profile.setting, name=settings.get(profile.setting, profile.setting)),
        specialty=(
            None
            if profile.specialty is None
            else Named(
                id=profile.specialty, name=specialties.get(profile.specialty, profile.specialty)
            )
        ),
        leads=Named(id=profile.leads, name=levels.get(profile.leads, profile.leads)),
        pay=profile.pay,
        place=None if profile.place is None else profile.place.name,
        assessments=state.assessments,
        last_assessed=state.last_assessed,
    )
