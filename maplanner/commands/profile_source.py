"""Where a command's profile comes from: the answers given as options, or the saved one.

`plan` and `report` work the same way: any answer given as an option means the
profile is built from the options alone (checked exactly like `assess`'s), and no
answer means the saved profile. One rule, one place, so the two never drift.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from maplanner.catalog.catalog import Catalog
    from maplanner.core.profile import Profile


def options_given(*answers: object) -> bool:
    """Whether any interview answer was given as an option."""
    return any(value is not None for value in answers)


def profile_from_options(
    data: "Catalog",
    *,
    years: float | None,
    certs: list[str] | None,
    setting: str | None,
    specialty: str | None,
    leads: str | None,
    pay: str | None,
    purpose: str,
    education: str | None = None,
    accredited: bool | None = None,
) -> "Profile":
    """A profile from the options; --years and --setting are required (exit 2 naming them).

    `purpose` completes the message: "a report from options needs ...".
    """
    from maplanner.core.profile import build_profile

    return build_profile(
        data,
        years=years,
        certs=certs,
        setting=setting,
        specialty=specialty,
        leads=leads,
        pay=pay,
        education=education,
        accredited=accredited,
        when_missing=(
            f"{purpose} needs the same answers as 'maplanner assess', for example --years 4 "
            "--setting family-practice (or leave out every answer to use your saved profile)"
        ),
    )


def saved_profile(data: "Catalog", *, why: str, example: str) -> "tuple[Profile, str]":
    """The saved profile (checked against the catalog) and the day it last changed.

    With nothing saved: exit 2, "no saved profile {why}", and a hint with both ways
    out (save one, or give the answers to this command as in `example`).
    """
    from maplanner.core.profile import normalized
    from maplanner.core.profile_view import HOW_TO_SAVE
    from maplanner.errors import InputError
    from maplanner.store.profiles import load_state

    state = load_state()
    if state is None:
        raise InputError(
            f"no saved profile {why}",
            hint=f"{HOW_TO_SAVE}; or give the answers to this command, for example '{example}'",
        )
    return normalized(state.profile, data), state.updated_on
