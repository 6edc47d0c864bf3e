"""A person's answers: what the interview, the options and the saved profile all produce."""

import math
import re
from collections.abc import Callable
from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from maplanner.catalog.catalog import Catalog
from maplanner.core.matching import key, name_table, resolve_id
from maplanner.core.money import Pay
from maplanner.core.result import Result
from maplanner.core.text import quoted
from maplanner.errors import InputError, StoreError

MAX_YEARS = 60.0
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$", re.ASCII)


def _month(value: str | None) -> str | None:
    if value is not None and not _MONTH.match(value):
        raise ValueError(f"{value!r} is not a month like 2025-03")
    return value


class HeldCert(Result):
    """A credential the person holds, with the month it was earned or last renewed."""

    id: str
    earned: Annotated[str | None, AfterValidator(_month)] = None
    #: The month of the year (1-12) a membership the credential depends on renews
    #: (AAPC's CPC reports CEUs with it); None when not given or not needed.
    member_month: int | None = Field(default=None, ge=1, le=12)


class PlaceAnswer(Result):
    """Where a person works, as --state (a postal code) or --area (an area's full name)
    would name it; the wage tables come from it when a command is run."""

    kind: Literal["state", "area"]
    name: str = Field(min_length=1, max_length=120)


class Profile(Result):
    """Everything the rules need to know about a person."""

    years: float = Field(ge=0, le=MAX_YEARS)
    certs: tuple[HeldCert, ...] = ()
    setting: str
    specialty: str | None = None
    leads: str = "none"
    pay: Pay | None = None
    education: str | None = None
    accredited: bool | None = None
    #: Where they work (optional): None keeps the national tables.
    place: PlaceAnswer | None = None

    @property
    def cert_ids(self) -> frozenset[str]:
        return frozenset(cert.id for cert in self.certs)


def is_student(profile: Profile, catalog: Catalog) -> bool:
    """True for "in an MA program, not working yet" (the setting answer `student`)."""
    return profile.setting == catalog.eligibility.student.id


def setting_name(catalog: Catalog, setting_id: str) -> str:
    """A setting's name; the student answer has its own (it is not a work setting)."""
    student = catalog.eligibility.student
    return student.name if setting_id == student.id else catalog.setting(setting_id).name


def check_student(profile: Profile, catalog: Catalog, option: str = "--setting") -> Profile:
    """A student is not working yet: years as an MA or leadership duties contradict that
    (exit 2)."""
    if is_student(profile, catalog) and profile.years > 0:
        raise InputError(
            f"{option} student means in an MA program and not working yet, but the years "
            f"are {profile.years:g}: use --years 0 for a student, or the setting you work in"
        )
    if is_student(profile, catalog) and profile.leads != "none":
        raise InputError(
            f"{option} student means not working yet, so there are no leadership duties "
            f"(leads {profile.leads}): leave leads out for a student, or give the setting "
            "you work in"
        )
    return profile


def check_years(value: float, option: str = "--years") -> float:
    """Years of experience: a finite number from 0 to 60 (decimals allowed)."""
    if not math.isfinite(value) or not 0 <= value <= MAX_YEARS:
        raise InputError(
            f"{option} {value:g} is out of range: use a number of years from 0 to "
            f"{MAX_YEARS:g} (decimals allowed, 0 for students)"
        )
    return value


def cert_choices(catalog: Catalog) -> dict[str, list[str]]:
    return {cert.id: [cert.name, *cert.aliases] for cert in catalog.certifications}


def setting_choices(catalog: Catalog) -> dict[str, list[str]]:
    """Every work setting, and the student answer (a student has no setting yet)."""
    student = catalog.eligibility.student
    choices = work_setting_choices(catalog)
    choices[student.id] = [student.name, "in an MA program", "not working yet"]
    return choices


def work_setting_choices(catalog: Catalog) -> dict[str, list[str]]:
    """Only the work settings (salary --setting compares pay where people work)."""
    return {setting.id: [setting.name, *setting.aliases] for setting in catalog.settings}


def education_choices(catalog: Catalog) -> dict[str, list[str]]:
    return {level.id: [level.name] for level in catalog.eligibility.education}


def specialty_choices(catalog: Catalog) -> dict[str, list[str]]:
    return {
        specialty.id: [specialty.name, *specialty.aliases] for specialty in catalog.specialties
    }


def leadership_choices(catalog: Catalog) -> dict[str, list[str]]:
    return {level.id: [level.name] for level in catalog.estimate.leadership}


def _resolve(
    catalog: Catalog,
    value: str,
    choices: Callable[[Catalog], dict[str, list[str]]],
    *,
    option: str,
    what: str,
) -> str:
    """Look a name up in a per-catalog table; only an unknown name pays for suggestions."""
    table = catalog.memo(("names", choices.__name__), lambda: name_table(choices(catalog)))
    found = table.get(key(value))
    if found is not None:
        return found
    return resolve_id(value, choices(catalog), option=option, what=what)


def resolve_cert(catalog: Catalog, value: str, option: str = "--cert") -> str:
    return _resolve(catalog, value, cert_choices, option=option, what="certification")


def resolve_setting(
    catalog: Catalog, value: str, option: str = "--setting", *, student: bool = True
) -> str:
    """A work setting id, or (unless `student` is False) the student answer."""
    choices = setting_choices if student else work_setting_choices
    return _resolve(catalog, value, choices, option=option, what="work setting")


def resolve_education(
    catalog: Catalog, value: str | None, option: str = "--education"
) -> str | None:
    """An education level id; blank, none or unknown means not given."""
    if value is None or value.strip().lower() in {"", "none", "unknown", "skip"}:
        return None
    return _resolve(catalog, value, education_choices, option=option, what="education level")


def parse_accredited(value: str | None, option: str = "accredited") -> bool | None:
    """yes/no (and true/false, y/n, 1/0) for "was the MA program accredited"; blank: unknown."""
    if value is None:
        return None
    text = value.strip().lower()
    if text in {"", "unknown", "not sure", "?", "skip"}:
        return None
    if text in {"yes", "y", "true", "1", "accredited"}:
        return True
    if text in {"no", "n", "false", "0", "not-accredited", "not accredited"}:
        return False
    raise InputError(
        f"{option} {value!r} is not a yes or no answer: use yes, no, or leave it blank "
        "when you are not sure"
    )


def resolve_specialty(
    catalog: Catalog, value: str | None, option: str = "--specialty"
) -> str | None:
    if value is None or value.strip().lower() in {"", "none"}:
        return None
    return _resolve(catalog, value, specialty_choices, option=option, what="specialty")


def resolve_leads(catalog: Catalog, value: str, option: str = "--leads") -> str:
    return _resolve(catalog, value, leadership_choices, option=option, what="leadership level")


def normalized(profile: Profile, catalog: Catalog) -> Profile:
    """The saved profile with every id checked against the catalog and in canonical form.

    A saved answer the catalog does not know (the data changed since it was saved, or
    the file was edited) raises StoreError (exit 1) saying which answer of the saved
    profile is wrong and the command that mends it; it never names an option the
    person did not type.
    """
    certs: dict[str, HeldCert] = {}
    for held in profile.certs:
        try:
            cert_id = resolve_cert(catalog, held.id)
        except InputError:
            raise _not_known("certification", held.id, f"profile remove-cert {held.id}") from None
        certs[cert_id] = HeldCert.model_construct(
            id=cert_id, earned=held.earned, member_month=held.member_month
        )
    try:
        years = check_years(profile.years)
    except InputError:
        raise _not_known("years", f"{profile.years:g}", "profile set years N") from None
    try:
        setting = resolve_setting(catalog, profile.setting)
    except InputError:
        ids = ", ".join(setting_choices(catalog))
        raise _not_known("work setting", profile.setting, "profile set setting ID", ids) from None
    try:
        specialty = resolve_specialty(catalog, profile.specialty)
    except InputError:
        ids = ", ".join(["none", *specialty_choices(catalog)])
        raise _not_known(
            "specialty", profile.specialty or "", "profile set specialty ID", ids
        ) from None
    try:
        leads = resolve_leads(catalog, profile.leads)
    except InputError:
        ids = ", ".join(leadership_choices(catalog))
        raise _not_known("leadership level", profile.leads, "profile set leads ID", ids) from None
    education = resolve_education(catalog, profile.education)
    return check_student(
        Profile.model_construct(
            years=years,
            certs=tuple(certs.values()),
            setting=setting,
            specialty=specialty,
            leads=leads,
            pay=profile.pay,
            education=education,
            accredited=profile.accredited,
            place=profile.place,
        ),
        catalog,
    )


def _not_known(what: str, value: str, mend: str, ids: str | None = None) -> StoreError:
    """The saved profile holds an answer this catalog does not know: say which and how
    to mend it (naming the profile's answer, never an option the person did not type)."""
    shown = quoted(value)
    choices = f" (ID: one of {ids})" if ids else ""
    return StoreError(
        f"the saved profile's {what} {shown} is not one this maplanner knows (the data "
        "changed since it was saved, or the file was edited)",
        hint=f"mend it with 'maplanner {mend}'{choices}, or start again with "
        "'maplanner profile forget'",
    )


def build_profile(
    catalog: Catalog,
    *,
    years: float | None,
    certs: list[str] | None,
    setting: str | None,
    specialty: str | None,
    leads: str | None,
    pay: str | None,
    education: str | None = None,
    accredited: bool | None = None,
    when_missing: str | None = None,
) -> Profile:
    """A normalized Profile from option values as typed, or InputError naming what is wrong.

    `years` and `setting` are required; certifications, specialty and leadership default
    to none and pay to not given. `when_missing` is what the message says after naming
    the missing options (each command knows its own way out).
    """
    from maplanner.core.money import parse_pay

    missing = [
        name for name, value in (("--years", years), ("--setting", setting)) if value is None
    ]
    if missing:
        advice = when_missing or (
            f"give {'it as an option' if len(missing) == 1 else 'them as options'}, or run "
            "'maplanner assess' in a terminal to be asked"
        )
        raise InputError(f"missing {' and '.join(missing)}: {advice}")
    assert years is not None and setting is not None
    held = []
    for value in certs or []:
        for part in value.split(","):
            if part.strip():
                held.append(HeldCert.model_construct(id=resolve_cert(catalog, part)))
    unique = {cert.id: cert for cert in held}
    profile = Profile.model_construct(
        years=check_years(years),
        certs=tuple(unique.values()),
        setting=resolve_setting(catalog, setting),
        specialty=resolve_specialty(catalog, specialty),
        leads=resolve_leads(catalog, leads or "none"),
        pay=None if pay is None or not pay.strip() else parse_pay(pay, "--pay"),
        education=resolve_education(catalog, education),
        accredited=accredited,
    )
    return check_student(profile, catalog)
