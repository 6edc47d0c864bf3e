"""The interview's answers as typed: parse and check each one, with no terminal I/O.

Each `parse_*` takes the text a person typed (already stripped) and returns the value
or raises InputError with a message fit for the interview: the list is on screen, so
a wrong name gets the closest matches and a pointer back to the numbers rather than
every id again. `maplanner.commands.interview` asks the questions and shows these
messages; everything it needs to know about answers lives here, so the rules for
what a person may type are tested without a terminal.

`Prefill` holds answers known before the interview starts (options given, a saved
profile), and `as_options` turns a profile back into the command line that gives the
same answers.
"""

import math
import re
import shlex
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from maplanner.core.text import plain_decimal
from maplanner.errors import InputError

if TYPE_CHECKING:
    from maplanner.catalog.catalog import Catalog
    from maplanner.core.money import Pay
    from maplanner.core.profile import PlaceAnswer, Profile

#: What a person types for "no specialty" / "no pay" / "no certifications".
NONE_WORDS = frozenset({"none", "no", "n/a", "-", "skip"})
#: What a person types for "I do not know" (education, accreditation).
UNKNOWN_WORDS = frozenset({"skip", "unknown", "not sure", "?", "-", "dont know", "don't know"})


@dataclass(frozen=True)
class Prefill:
    """Answers known before the interview starts; None means "not known, ask plainly".

    ``specialty`` is a specialty id or "none" (known: no specialty), ``certs`` an
    empty tuple when known to be none. Values must already be checked against the
    catalog (use `prefill_from_options`).
    """

    years: float | None = None
    certs: tuple[str, ...] | None = None
    setting: str | None = None
    specialty: str | None = None
    leads: str | None = None
    pay: "Pay | None" = None
    education: str | None = None
    accredited: bool | None = None
    place: "PlaceAnswer | None" = None

    @classmethod
    def from_profile(cls, profile: "Profile") -> "Prefill":
        return cls(
            years=profile.years,
            certs=tuple(cert.id for cert in profile.certs),
            setting=profile.setting,
            specialty=profile.specialty or "none",
            leads=profile.leads,
            pay=profile.pay,
            education=profile.education,
            accredited=profile.accredited,
            place=profile.place,
        )


def prefill_from_options(
    catalog: "Catalog",
    *,
    years: float | None,
    certs: list[str] | None,
    setting: str | None,
    specialty: str | None,
    leads: str | None,
    pay: str | None,
    education: str | None = None,
    accredited: bool | None = None,
) -> Prefill:
    """Check the options that were given (InputError, exit 2, if one is wrong) and
    turn them into interview defaults."""
    from maplanner.core.money import parse_pay
    from maplanner.core.profile import (
        check_years,
        resolve_cert,
        resolve_education,
        resolve_leads,
        resolve_setting,
        resolve_specialty,
    )

    cert_ids: tuple[str, ...] | None = None
    if certs is not None:
        parts = [part for value in certs for part in value.split(",") if part.strip()]
        cert_ids = tuple(dict.fromkeys(resolve_cert(catalog, part) for part in parts))
    return Prefill(
        years=None if years is None else check_years(years),
        certs=cert_ids,
        setting=None if setting is None else resolve_setting(catalog, setting),
        specialty=None if specialty is None else (resolve_specialty(catalog, specialty) or "none"),
        leads=None if leads is None else resolve_leads(catalog, leads),
        pay=None if pay is None or not pay.strip() else parse_pay(pay, "--pay"),
        education=resolve_education(catalog, education),
        accredited=accredited,
    )


def prefill_with_saved(known: Prefill, saved: "Profile | None") -> Prefill:
    """Answers given as options, with the saved profile's answers filling the gaps.

    An option always wins over the saved answer: it is what the person just typed.
    """
    if saved is None:
        return known
    base = Prefill.from_profile(saved)
    return Prefill(
        **{
            name: getattr(base if getattr(known, name) is None else known, name)
            for name in Prefill.__dataclass_fields__
        }
    )


def as_options(profile: "Profile") -> str:
    """The command line that gives the same answers without the interview."""
    words = ["maplanner", "assess", "--years", f"{profile.years:g}"]
    for cert in profile.certs:
        words += ["--cert", cert.id]
    words += ["--setting", profile.setting]
    if profile.specialty is not None:
        words += ["--specialty", profile.specialty]
    if profile.leads != "none":
        words += ["--leads", profile.leads]
    if profile.pay is not None:
        amount = f"{profile.pay.amount:g}"
        words += ["--pay", f"{amount}/h" if profile.pay.per == "hour" else amount]
    if profile.place is not None:
        words += [f"--{profile.place.kind}", profile.place.name]
    if profile.education is not None:
        words += ["--education", profile.education]
    if profile.accredited is not None:
        words += ["--accredited" if profile.accredited else "--not-accredited"]
    return shlex.join(words)


# Parsing one answer -------------------------------------------------------------------


def pick(text: str, count: int) -> int | None:
    """The 0-based index for a typed list number, None if it is not a number at all."""
    if not (text.isascii() and text.isdigit()):
        return None
    number = int(text) if len(text) <= 9 else 0  # a longer number is off the list anyway
    if not 1 <= number <= count:
        shown = text if len(text) <= 9 else text[:9] + "..."
        raise InputError(f"{shown} is not on the list: pick a number from 1 to {count}")
    return number - 1


def named(text: str, choices: "Mapping[str, Iterable[str]]", what: str) -> str:
    """The id a typed name stands for, or an error fit for the interview."""
    from maplanner.core.matching import resolve_id, suggest

    try:
        return resolve_id(text, choices, option="answer", what=what)
    except InputError:
        close = suggest(text, choices)
        hint = f"did you mean {' or '.join(close)}?" if close else "pick a number from the list"
        raise InputError(f"{text!r} is not a known {what}; {hint}") from None


def parse_years(text: str) -> float:
    from maplanner.core.profile import MAX_YEARS

    if not text:
        raise InputError("please type a number of years, like 4 or 2.5")
    try:
        value = plain_decimal(text)
    except ValueError:
        raise InputError(f"{text!r} is not a number of years: type one like 4 or 2.5") from None
    if not math.isfinite(value) or not 0 <= value <= MAX_YEARS:
        raise InputError(f"{text} is out of range: type 0 to {MAX_YEARS:g} (0 for students)")
    return value


def parse_certs(catalog: "Catalog", text: str) -> tuple[str, ...]:
    """Certifications from an answer: list numbers, ids, names or aliases, mixed.

    The whole answer is tried as one name first ("certified medical assistant"),
    then split on commas and spaces.
    """
    from maplanner.core.profile import cert_choices

    answer = text.strip()
    if not answer or answer.lower() in NONE_WORDS:
        return ()
    certs = catalog.certifications
    names = cert_choices(catalog)
    if not (answer.isascii() and answer.isdigit()):
        lowered = answer.lower()
        for cert_id, others in names.items():
            if lowered in {name.lower() for name in others}:
                return (cert_id,)

    def one(part: str) -> str:
        index = pick(part, len(certs))
        return certs[index].id if index is not None else named(part, names, "certification")

    found = tuple(dict.fromkeys(one(part) for part in re.split(r"[,\s]+", answer) if part))
    if not found:
        raise InputError(f"{text!r} names no certification: pick numbers from the list")
    return found


def parse_setting(catalog: "Catalog", text: str, years: float) -> str:
    """A setting by number or name; 0 or "student" is the student answer (0 years only)."""
    from maplanner.core.profile import setting_choices

    settings = catalog.settings
    student = catalog.eligibility.student.id
    if not text:
        raise InputError(f"please pick a number from 0 to {len(settings)}")
    index = None if text == "0" else pick(text, len(settings))
    found = (
        student
        if text == "0"
        else settings[index].id
        if index is not None
        else named(text, setting_choices(catalog), "work setting")
    )
    if found == student and years > 0:
        raise InputError(
            f"{student} means not working as an MA yet, but you gave {years:g} years: pick "
            "where you work, or go back with Ctrl-C and answer 0 years"
        )
    return found


def parse_specialty(catalog: "Catalog", text: str) -> str | None:
    from maplanner.core.profile import specialty_choices

    specialties = catalog.specialties
    if not text or text == "0" or text.lower() in NONE_WORDS:
        return None
    index = pick(text, len(specialties))
    if index is not None:
        return specialties[index].id
    return named(text, specialty_choices(catalog), "specialty")


def parse_leads(catalog: "Catalog", text: str) -> str:
    from maplanner.core.profile import leadership_choices

    levels = catalog.estimate.leadership
    index = pick(text, len(levels))
    if index is not None:
        return levels[index].id
    return named(text, leadership_choices(catalog), "leadership level")


def parse_pay_answer(text: str) -> "Pay | None":
    from maplanner.core.money import ACCEPTED, parse_pay

    if not text or text.lower() in NONE_WORDS:
        return None
    try:
        return parse_pay(text, "pay")
    except InputError as error:  # the hint above the prompt already lists the forms
        short = error.message.replace(f": use {ACCEPTED}", ": type one like 46k or 22.50/h")
        raise InputError(short) from None


def parse_education(catalog: "Catalog", text: str) -> str | None:
    from maplanner.core.profile import education_choices

    levels = catalog.eligibility.education
    if not text or text == "0" or text.lower() in UNKNOWN_WORDS:
        return None
    index = pick(text, len(levels))
    if index is not None:
        return levels[index].id
    return named(text, education_choices(catalog), "education level")


def parse_accredited_answer(text: str) -> bool | None:
    from maplanner.core.profile import parse_accredited

    if text.lower() in UNKNOWN_WORDS:
        return None
    try:
        return parse_accredited(text)
    except InputError:  # said again, in the interview's words
        raise InputError(f"{text!r} is not yes or no: type y, n, or Enter if not sure") from None


def parse_what_if(catalog: "Catalog", profile: "Profile", text: str) -> list[tuple[str, str]]:
    """Changes like "leads=lead setting=hospital", checked against the profile now."""
    from maplanner.core.whatif import apply_changes, parse_changes

    if not text or text.lower() in NONE_WORDS:
        return []
    changes = parse_changes([text], option="what-if")
    apply_changes(profile, changes, catalog, option="what-if")  # caught here, not later
    return changes
