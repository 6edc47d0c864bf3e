"""A person's answers: what the interview, the options and the saved profile all produce."""

import math
import re
from collections.abc import Callable
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from maplanner.catalog.catalog import Catalog
from maplanner.core.matching import name_table, resolve_id
from maplanner.core.money import Pay
from maplanner.errors import InputError

MAX_YEARS = 60.0
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def _month(value: str | None) -> str | None:
    if value is not None and not _MONTH.match(value):
        raise ValueError(f"{value!r} is not a month like 2025-03")
    return value


class HeldCert(BaseModel):
    """A credential the person holds, with the month it was earned or last renewed."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    id: str
    earned: Annotated[str | None, AfterValidator(_month)] = None


class PlaceAnswer(BaseModel):
    """Where a person works, as --state (a postal code) or --area (an area's full name)
    would name it; the wage tables come from it when a command is run."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    kind: Literal["state", "area"]
    name: str = Field(min_length=1, max_length=120)


class Profile(BaseModel):
    """Everything the rules need to know about a person."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    years: float = Field(ge=0, le=MAX_YEARS)
    certs: tuple[HeldCert, ...] = ()
    setting: str
    specialty: str | None = None
    leads: str = "none"
    pay: Pay | None = None
    #: Where they work (optional): None keeps the national tables.
    place: PlaceAnswer | None = None

    @property
    def cert_ids(self) -> frozenset[str]:
        return frozenset(cert.id for cert in self.certs)


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
    return {setting.id: [setting.name] for setting in catalog.settings}


def specialty_choices(catalog: Catalog) -> dict[str, list[str]]:
    return {specialty.id: [specialty.name] for specialty in catalog.specialties}


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
    found = table.get(value.strip().lower())
    if found is not None:
        return found
    return resolve_id(value, choices(catalog), option=option, what=what)


def resolve_cert(catalog: Catalog, value: str, option: str = "--cert") -> str:
    return _resolve(catalog, value, cert_choices, option=option, what="certification")


def resolve_setting(catalog: Catalog, value: str, option: str = "--setting") -> str:
    return _resolve(catalog, value, setting_choices, option=option, what="work setting")


def resolve_specialty(
    catalog: Catalog, value: str | None, option: str = "--specialty"
) -> str | None:
    if value is None or value.strip().lower() in {"", "none"}:
        return None
    return _resolve(catalog, value, specialty_choices, option=option, what="specialty")


def resolve_leads(catalog: Catalog, value: str, option: str = "--leads") -> str:
    return _resolve(catalog, value, leadership_choices, option=option, what="leadership level")


def normalized(profile: Profile, catalog: Catalog) -> Profile:
    """The same profile with every id checked against the catalog and in canonical form.

    Raises InputError (exit 2) for an unknown id, with suggestions.
    """
    certs: dict[str, HeldCert] = {}
    for held in profile.certs:
        cert_id = resolve_cert(catalog, held.id)
        certs[cert_id] = HeldCert.model_construct(id=cert_id, earned=held.earned)
    return Profile.model_construct(
        years=check_years(profile.years),
        certs=tuple(certs.values()),
        setting=resolve_setting(catalog, profile.setting),
        specialty=resolve_specialty(catalog, profile.specialty),
        leads=resolve_leads(catalog, profile.leads),
        pay=profile.pay,
        place=profile.place,
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
    return Profile.model_construct(
        years=check_years(years),
        certs=tuple(unique.values()),
        setting=resolve_setting(catalog, setting),
        specialty=resolve_specialty(catalog, specialty),
        leads=resolve_leads(catalog, leads or "none"),
        pay=None if pay is None or not pay.strip() else parse_pay(pay, "--pay"),
    )
