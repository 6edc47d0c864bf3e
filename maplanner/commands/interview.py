"""The `assess` interview: six short questions, each with a one-line hint.

Shell code. It talks through two small functions so it can run anywhere:
``ask(prompt) -> str`` reads one answer and ``say(text)`` shows a line. In a
terminal both use stderr for what the person reads, so ``maplanner assess > out.txt``
still shows the questions while the result goes to the file. Tests pass scripted
versions. End of input raises EOFError and Ctrl-C raises KeyboardInterrupt; both are
left to `maplanner.edge`, which turns them into exit 1 and 130 without a traceback.

Defaults: ``run_interview(catalog, defaults=...)`` takes a saved `Profile` or a
`Prefill` (answers already given as options). Each question then shows the default
in brackets and Enter keeps it. A wrong answer is asked again with the reason.
"""

import math
import re
import shlex
import sys
import textwrap
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from maplanner.catalog.catalog import Catalog
    from maplanner.core.money import Pay
    from maplanner.core.profile import PlaceAnswer, Profile

Ask = Callable[[str], str]
Say = Callable[[str], None]
T = TypeVar("T")

#: What a person types for "no specialty" / "no pay" / "no certifications".
NONE_WORDS = frozenset({"none", "no", "n/a", "-", "skip"})
QUESTIONS = 7
#: Menus and hints stay inside this many columns.
MENU_WIDTH = 79


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
            place=profile.place,
        )


def ask_terminal(prompt: str) -> str:
    """Show `prompt` on stderr and read one line from stdin.

    End of input (Ctrl-D, or a closed pipe) raises EOFError; the newline written first
    keeps the edge's message off the prompt line.
    """
    sys.stderr.write(prompt)
    sys.stderr.flush()
    try:
        line = sys.stdin.readline()
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        raise
    if not line:
        sys.stderr.write("\n")
        sys.stderr.flush()
        raise EOFError
    return line.rstrip("\r\n")


def say_terminal(text: str) -> None:
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def ask_yes_no(question: str, ask: Ask | None = None) -> bool:
    """A y/N question: only y or yes (any case) is yes.

    Enter, any other answer and end of input are no, so a piped or closed stdin never
    saves or deletes anything by accident.
    """
    ask = ask or ask_terminal
    try:
        answer = ask(f"{question} [y/N]: ")
    except EOFError:
        return False
    return answer.strip().lower() in {"y", "yes"}


def prefill_from_options(
    catalog: "Catalog",
    *,
    years: float | None,
    certs: list[str] | None,
    setting: str | None,
    specialty: str | None,
    leads: str | None,
    pay: str | None,
) -> Prefill:
    """Check the options that were given (InputError, exit 2, if one is wrong) and
    turn them into interview defaults."""
    from maplanner.core.money import parse_pay
    from maplanner.core.profile import (
        check_years,
        resolve_cert,
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
    )


def prefill_with_saved(known: Prefill, saved: "Profile | None") -> Prefill:
    """Answers given as options, with the saved profile's answers filling the gaps.

    An option always wins over the saved answer: it is what the person just typed.
    """
    if saved is None:
        return known
    base = Prefill.from_profile(saved)
    return Prefill(
        years=base.years if known.years is None else known.years,
        certs=base.certs if known.certs is None else known.certs,
        setting=base.setting if known.setting is None else known.setting,
        specialty=base.specialty if known.specialty is None else known.specialty,
        leads=base.leads if known.leads is None else known.leads,
        pay=base.pay if known.pay is None else known.pay,
        place=base.place if known.place is None else known.place,
    )


def run_interview(
    catalog: "Catalog",
    defaults: "Profile | Prefill | None" = None,
    ask: Ask | None = None,
    say: Say | None = None,
) -> "Profile":
    """Ask the six questions and return the normalized Profile they describe.

    `ask` and `say` default to the terminal (prompts and hints on stderr, answers
    from stdin); EOFError and KeyboardInterrupt from `ask` are left to propagate.
    """
    from maplanner.core.profile import HeldCert, Profile

    ask = ask or ask_terminal
    say = say or say_terminal

    known = (
        defaults
        if isinstance(defaults, Prefill)
        else Prefill()
        if defaults is None
        else Prefill.from_profile(defaults)
    )
    say("Seven questions. Enter keeps an answer shown in [brackets]; Ctrl-C stops.")
    years = _years(catalog, known, ask, say)
    cert_ids = _certs(catalog, known, ask, say)
    setting = _setting(catalog, known, ask, say)
    specialty = _specialty(catalog, known, ask, say)
    leads = _leads(catalog, known, ask, say)
    pay = _pay(known, ask, say)
    place = _place(catalog, known, ask, say)
    # A saved profile's certifications keep the month they were earned.
    saved = (
        {}
        if defaults is None or isinstance(defaults, Prefill)
        else {held.id: held for held in defaults.certs}
    )
    return Profile(
        years=years,
        certs=tuple(saved.get(cert_id, HeldCert(id=cert_id)) for cert_id in cert_ids),
        setting=setting,
        specialty=specialty,
        leads=leads,
        pay=pay,
        place=place,
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
    return shlex.join(words)


# The questions ---------------------------------------------------------------------


def _ask(
    ask: Ask,
    say: Say,
    label: str,
    default: str | None,
    parse: Callable[[str], T],
    keep: Callable[[], T] | None,
) -> T:
    """Ask until the answer parses; Enter keeps the default when there is one."""
    from maplanner.errors import InputError

    prompt = f"{label} [{default}]: " if default is not None else f"{label}: "
    while True:
        answer = ask(prompt).strip()
        if not answer and keep is not None:
            return keep()
        try:
            return parse(answer)
        except InputError as error:
            say(f"  ! {' '.join(error.message.split())}")


def _heading(say: Say, number: int, title: str, hint: str) -> None:
    say("")
    say(f"{number}/{QUESTIONS}  {title}")
    say(f"     {hint}")


def _menu(say: Say, rows: list[tuple[str, str]], hints: list[str] | None = None) -> None:
    """A numbered list that fits 80 columns: '  1  CMA   Certified Medical Assistant'.

    Long text wraps under itself; an optional hint goes on the line below.
    """
    width = max(len(key) for key, _ in rows)
    indent = " " * (2 + 2 + 2 + width + 2)
    for number, (key, text) in enumerate(rows, start=1):
        lines = textwrap.wrap(text, width=MENU_WIDTH - len(indent)) or [""]
        say(f"  {number:>2}  {key:<{width}}  {lines[0]}")
        for more in lines[1:]:
            say(indent + more)
        if hints is not None:
            for more in textwrap.wrap(hints[number - 1], width=MENU_WIDTH - len(indent)):
                say(indent + more)


def _pick(text: str, count: int) -> int | None:
    """The 0-based index for a typed list number, None if it is not a number at all."""
    from maplanner.errors import InputError

    if not text.isdigit():
        return None
    number = int(text)
    if not 1 <= number <= count:
        raise InputError(f"{text} is not on the list: pick a number from 1 to {count}")
    return number - 1


def _named(text: str, choices: "Mapping[str, Iterable[str]]", what: str) -> str:
    """The id a typed name stands for, or an error fit for the interview.

    The list is on screen, so the message names the answer and the closest matches
    and sends the person back to the numbers instead of listing every id again.
    """
    from maplanner.core.matching import resolve_id, suggest
    from maplanner.errors import InputError

    try:
        return resolve_id(text, choices, option="answer", what=what)
    except InputError:
        close = suggest(text, choices)
        hint = f"did you mean {' or '.join(close)}?" if close else "pick a number from the list"
        raise InputError(f"{text!r} is not a known {what}; {hint}") from None


def _years(catalog: "Catalog", known: Prefill, ask: Ask, say: Say) -> float:
    from maplanner.core.profile import MAX_YEARS
    from maplanner.errors import InputError

    _heading(
        say,
        1,
        "Years of experience as a medical assistant",
        "Decimals are fine (2.5); 0 if you are still a student.",
    )

    def parse(text: str) -> float:
        if not text:
            raise InputError("please type a number of years, like 4 or 2.5")
        try:
            value = float(text)
        except ValueError:
            raise InputError(
                f"{text!r} is not a number of years: type one like 4 or 2.5"
            ) from None
        if not math.isfinite(value) or not 0 <= value <= MAX_YEARS:
            raise InputError(f"{text} is out of range: type 0 to {MAX_YEARS:g} (0 for students)")
        return value

    default = known.years
    return _ask(
        ask,
        say,
        "Years",
        None if default is None else f"{default:g}",
        parse,
        None if default is None else (lambda: default),
    )


def _certs(catalog: "Catalog", known: Prefill, ask: Ask, say: Say) -> tuple[str, ...]:
    _heading(
        say,
        2,
        "Certifications you hold",
        'Numbers from the list ("1,3" or "1 3") or ids like cma; Enter for none.',
    )
    _menu(say, [(cert.id, cert.name) for cert in catalog.certifications])
    default = known.certs
    return _ask(
        ask,
        say,
        "Certifications",
        ", ".join(default or ()) or "none",
        lambda text: parse_certs(catalog, text),
        (lambda: ()) if default is None else (lambda: default),
    )


def parse_certs(catalog: "Catalog", text: str) -> tuple[str, ...]:
    """Certifications from an answer: list numbers, ids, names or aliases, mixed.

    The whole answer is tried as one name first ("certified medical assistant"),
    then split on commas and spaces.
    """
    from maplanner.core.profile import cert_choices
    from maplanner.errors import InputError

    answer = text.strip()
    if not answer or answer.lower() in NONE_WORDS:
        return ()
    certs = catalog.certifications
    names = cert_choices(catalog)
    if not answer.isdigit():
        lowered = answer.lower()
        for cert_id, others in names.items():
            if lowered == cert_id.lower() or lowered in {name.lower() for name in others}:
                return (cert_id,)
    parts = [part for part in re.split(r"[,\s]+", answer) if part]
    found: dict[str, None] = {}
    for part in parts:
        index = _pick(part, len(certs))
        cert_id = certs[index].id if index is not None else _named(part, names, "certification")
        found[cert_id] = None
    if not found:
        raise InputError(f"{text!r} names no certification: pick numbers from the list")
    return tuple(found)


def _setting(catalog: "Catalog", known: Prefill, ask: Ask, say: Say) -> str:
    from maplanner.core.profile import setting_choices
    from maplanner.errors import InputError

    settings = catalog.settings
    _heading(say, 3, "Where you work", "Pick a number, or type the setting's id.")
    _menu(say, [(setting.id, setting.name) for setting in settings])

    def parse(text: str) -> str:
        if not text:
            raise InputError(f"please pick a number from 1 to {len(settings)}")
        index = _pick(text, len(settings))
        if index is not None:
            return settings[index].id
        return _named(text, setting_choices(catalog), "work setting")

    default = known.setting
    return _ask(ask, say, "Setting", default, parse, None if default is None else lambda: default)


def _specialty(catalog: "Catalog", known: Prefill, ask: Ask, say: Say) -> str | None:
    from maplanner.core.profile import specialty_choices

    specialties = catalog.specialties
    _heading(
        say,
        4,
        "Your specialty",
        "Pick a number or type an id; 0 or none if you do not work in one.",
    )
    say(f"  {0:>2}  none")
    _menu(say, [(specialty.id, specialty.name) for specialty in specialties])

    def parse(text: str) -> str | None:
        if not text or text == "0" or text.lower() in NONE_WORDS:
            return None
        index = _pick(text, len(specialties))
        if index is not None:
            return specialties[index].id
        return _named(text, specialty_choices(catalog), "specialty")

    default = known.specialty
    if default is None:
        return _ask(ask, say, "Specialty", "none", parse, lambda: None)
    kept = None if default == "none" else default
    return _ask(ask, say, "Specialty", default, parse, lambda: kept)


def _leads(catalog: "Catalog", known: Prefill, ask: Ask, say: Say) -> str:
    from maplanner.core.profile import leadership_choices

    levels = catalog.estimate.leadership
    _heading(say, 5, "Leadership duties", "Pick the number that fits best.")
    _menu(
        say,
        [(level.id, level.name) for level in levels],
        [level.hint for level in levels],
    )

    def parse(text: str) -> str:
        index = _pick(text, len(levels))
        if index is not None:
            return levels[index].id
        return _named(text, leadership_choices(catalog), "leadership level")

    default = known.leads or levels[0].id
    return _ask(ask, say, "Leadership", default, parse, lambda: default)


def _pay(known: Prefill, ask: Ask, say: Say) -> "Pay | None":
    from maplanner.core.money import ACCEPTED, parse_pay
    from maplanner.errors import InputError

    _heading(
        say,
        6,
        "Your current pay (optional)",
        "Yearly like 46k or 46,000, or hourly like 22.50/h; Enter to skip.",
    )

    def parse(text: str) -> "Pay | None":
        if not text or text.lower() in NONE_WORDS:
            return None
        try:
            return parse_pay(text, "pay")
        except InputError as error:  # the hint above already lists the forms
            short = error.message.replace(f": use {ACCEPTED}", ": type one like 46k or 22.50/h")
            raise InputError(short) from None

    default = known.pay
    if default is None:
        return _ask(ask, say, "Pay", "skip", parse, lambda: None)
    return _ask(ask, say, "Pay", _pay_words(default), parse, lambda: default)


def _pay_words(pay: "Pay") -> str:
    return f"{pay.amount:g}/h" if pay.per == "hour" else f"{pay.amount:g}"


def _place(catalog: "Catalog", known: Prefill, ask: Ask, say: Say) -> "PlaceAnswer | None":
    """Where they work (optional): a state or an area; Enter keeps the national tables."""
    from maplanner.commands.shared import data_override
    from maplanner.core.places import resolve_area, resolve_state
    from maplanner.core.profile import PlaceAnswer
    from maplanner.errors import InputError

    _heading(
        say,
        7,
        "Where you work (optional)",
        "A state (WA) or part of an area's name (seattle); Enter for national.",
    )

    def parse(text: str) -> "PlaceAnswer | None":
        if not text or text.lower() in NONE_WORDS or text.lower() == "national":
            return None
        try:
            state = resolve_state(catalog, text)
            return PlaceAnswer(kind="state", name=state.postal or state.name)
        except InputError:
            from maplanner.catalog.areas import area_rows

            try:
                area = resolve_area(area_rows(catalog, data_override()), text)
            except InputError as error:
                raise InputError(
                    error.message.replace("--area ", "", 1) + " (or a state: WA, washington)"
                ) from None
            return PlaceAnswer(kind="area", name=area.name)

    default = known.place
    if default is None:
        return _ask(ask, say, "Place", "national", parse, lambda: None)
    return _ask(ask, say, "Place", default.name, parse, lambda: default)
