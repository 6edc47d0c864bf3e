"""The saved profile as people see it: names from the catalog, and the words that say
how to save one. Pure: the store hands over what it read (`SavedState`), the command
the database's path, and the renderers take the `ProfileView` this builds.
"""

from maplanner.catalog.catalog import Catalog
from maplanner.core.ce_results import CEProgress
from maplanner.core.money import Pay
from maplanner.core.profile import HeldCert, Profile, setting_name
from maplanner.core.result import Result as _Model

#: What to tell someone who has nothing saved yet.
HOW_TO_SAVE = (
    "save one with 'maplanner assess --save' (with your answers as options, for example "
    "--years 4 --setting family-practice), or run 'maplanner assess' in a terminal and "
    "answer y when it offers to save"
)


def sentence(text: str) -> str:
    """`text` with a capital first letter (str.capitalize would lower the rest)."""
    return text[:1].upper() + text[1:]


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
    ce_credits: int = 0


class Named(_Model):
    id: str
    name: str


class HeldView(_Model):
    id: str
    name: str
    earned: str | None
    member_month: int | None = None


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
    education: Named | None = None
    accredited: bool | None = None
    #: Where they work, as --state or --area names it; None: the national tables.
    place: str | None = None
    #: Continuing education toward each held credential's next due date (`maplanner ce`).
    ce: tuple[CEProgress, ...] = ()


def carry_earned(profile: Profile, saved: Profile | None) -> Profile:
    """`profile` with the earned (and membership) months `saved` knows for credentials
    both hold.

    Answers given as options or in the interview name credentials but not the month
    they were earned; saving them must not forget the months already recorded.
    """
    if saved is None:
        return profile
    known = {held.id: held for held in saved.certs}
    certs = tuple(
        HeldCert(
            id=held.id,
            earned=held.earned or (known[held.id].earned if held.id in known else None),
            member_month=held.member_month
            or (known[held.id].member_month if held.id in known else None),
        )
        for held in profile.certs
    )
    return Profile.model_validate({**dict(profile), "certs": certs})


def describe(
    state: SavedState | None,
    catalog: Catalog,
    path: str,
    ce: tuple[CEProgress, ...] = (),
) -> ProfileView:
    """The saved profile with catalog names, for `maplanner profile` and its JSON.

    The state's profile is `normalized` (every id the catalog's, so each has a name);
    `path` is where the database is (or would be), to say so; `ce` the progress of
    its continuing education (`maplanner.core.ce.ce_report`).
    """
    if state is None:
        return ProfileView(
            saved=False,
            path=path,
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
    return ProfileView(
        saved=True,
        path=path,
        updated_on=state.updated_on,
        years=profile.years,
        certs=tuple(
            HeldView(
                id=held.id,
                name=catalog.certification(held.id).name,
                earned=held.earned,
                member_month=held.member_month,
            )
            for held in profile.certs
        ),
        setting=Named(id=profile.setting, name=setting_name(catalog, profile.setting)),
        specialty=(
            None
            if profile.specialty is None
            else Named(id=profile.specialty, name=catalog.specialty(profile.specialty).name)
        ),
        leads=Named(id=profile.leads, name=catalog.leadership(profile.leads).name),
        pay=profile.pay,
        place=None if profile.place is None else profile.place.name,
        assessments=state.assessments,
        last_assessed=state.last_assessed,
        education=(
            None
            if profile.education is None
            else Named(id=profile.education, name=catalog.education(profile.education).name)
        ),
        accredited=profile.accredited,
        ce=ce,
    )
