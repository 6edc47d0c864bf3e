"""Where a command's profile comes from: the answers given as options, or the saved one.

`plan` and `report` work the same way: any answer given as an option means the
profile is built from the options alone (checked exactly like `assess`'s), and no
answer means the saved profile. One rule, one place, so the two never drift.
"""

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from maplanner.catalog.catalog import Catalog
    from maplanner.core.answers import Prefill
    from maplanner.core.profile import Profile


class Answers(NamedTuple):
    """The interview's answers as given on the command line; None where not given.

    Typer reads a command's options from its own signature, so `assess`, `plan` and
    `report` still list them there (with the shared types of profile_options, and
    --what-if, --state and --area in their places in the help). From there on a body
    builds one of these, ``Answers(years, cert, setting, ...)``, and the option
    plumbing (which were given, the profile, the interview's defaults) lives here once.
    A named tuple, not a dataclass: nothing is built when the module is imported.
    """

    years: float | None
    certs: list[str] | None
    setting: str | None
    specialty: str | None
    leads: str | None
    pay: str | None
    education: str | None
    accredited: bool | None

    def given(self) -> list[str]:
        """The options given, as typed ('--years', '--cert', ...), in the help's order."""
        return [
            "--cert" if name == "certs" else f"--{name}"
            for name, value in zip(self._fields, self, strict=True)
            if value is not None
        ]

    def profile(self, data: "Catalog", when_missing: str | None = None) -> "Profile":
        """The checked profile; --years and --setting are required (exit 2 naming them)."""
        from maplanner.core.profile import build_profile

        return build_profile(
            data,
            years=self.years,
            certs=self.certs,
            setting=self.setting,
            specialty=self.specialty,
            leads=self.leads,
            pay=self.pay,
            education=self.education,
            accredited=self.accredited,
            when_missing=when_missing,
        )

    def prefill(self, data: "Catalog") -> "Prefill":
        """The answers given, checked, as the interview's defaults."""
        from maplanner.core.answers import prefill_from_options

        return prefill_from_options(
            data,
            years=self.years,
            certs=self.certs,
            setting=self.setting,
            specialty=self.specialty,
            leads=self.leads,
            pay=self.pay,
            education=self.education,
            accredited=self.accredited,
        )


def profile_from_options(data: "Catalog", answers: Answers, *, purpose: str) -> "Profile":
    """A profile from the options; --years and --setting are required (exit 2 naming them).

    `purpose` completes the message: "a report from options needs ...".
    """
    return answers.profile(
        data,
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
