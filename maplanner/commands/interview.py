"""The `assess` interview: nine short questions, each with a one-line hint, and an
optional what-if at the end.

Terminal I/O only: what may be typed, and what each answer means, lives in
`maplanner.core.answers` (no terminal there, so it is tested on its own). This module
talks through two small functions so it can run anywhere: ``ask(prompt) -> str``
reads one answer and ``say(text)`` shows a line. In a terminal both use stderr for
what the person reads, so ``maplanner assess > out.txt`` still shows the questions
while the result goes to the file. Tests pass scripted versions. End of input raises
EOFError and Ctrl-C raises KeyboardInterrupt; both are left to `maplanner.edge`,
which turns them into exit 1 and 130 without a traceback; at the optional questions
(education, accreditation, the what-if) end of input means "skip".

Defaults: ``run_interview(catalog, defaults=...)`` takes a saved `Profile` or a
`Prefill` (answers already given as options). Each question then shows the default
in brackets and Enter keeps it. A wrong answer is asked again with the reason.
"""

import shlex
import sys
import textwrap
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from maplanner.core.answers import (
    NONE_WORDS,
    Prefill,
    as_options,
    parse_certs,
    prefill_from_options,
    prefill_with_saved,
)

if TYPE_CHECKING:
    from maplanner.catalog.catalog import Catalog
    from maplanner.core.money import Pay
    from maplanner.core.profile import PlaceAnswer, Profile

__all__ = [
    "NONE_WORDS",
    "Prefill",
    "as_options",
    "ask_terminal",
    "ask_what_if",
    "ask_yes_no",
    "parse_certs",
    "prefill_from_options",
    "prefill_with_saved",
    "run_interview",
    "say_terminal",
]

Ask = Callable[[str], str]
Say = Callable[[str], None]
T = TypeVar("T")

QUESTIONS = 9
#: Menus and hints stay inside this many columns (fewer in a narrower terminal).
MENU_WIDTH = 79
#: Below this much room beside a menu key, the key's text goes on the lines below it.
MENU_TEXT_MIN = 20


def text_width() -> int:
    """Columns the interview's lines may use: MENU_WIDTH, or the terminal's less one.

    A line as wide as the terminal would make it wrap by itself, mid-word
    ("Ct" / "rl-C"); every line is wrapped by words to this width instead.
    """
    import os

    setting = os.environ.get("COLUMNS", "")
    columns = int(setting) if setting.isdigit() else 0
    if columns <= 0:
        try:  # the interview writes to stderr: its terminal is the one to fit
            columns = os.get_terminal_size(sys.stderr.fileno()).columns
        except (OSError, ValueError, AttributeError):
            columns = MENU_WIDTH + 1
    return max(20, min(MENU_WIDTH, columns - 1))


def wrap_line(text: str, width: int) -> list[str]:
    """One line as lines of at most `width`, by words, continuing under its indent.

    A command line to copy ("  maplanner assess ...") is split between its words
    with a trailing backslash, so the lines pasted into a shell are still one command.
    """
    if len(text) <= width:
        return [text]
    indent = " " * (len(text) - len(text.lstrip(" ")))
    if text.lstrip().startswith("maplanner "):
        return _command_lines(text, indent, width)
    more = indent + "  " if text.lstrip().startswith("! ") else indent  # under the message
    return textwrap.wrap(
        text,
        width=width,
        initial_indent="",
        subsequent_indent=more,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [text]


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


def _command_lines(text: str, indent: str, width: int) -> list[str]:
    lines: list[str] = []
    line = indent
    for word in (shlex.quote(word) for word in shlex.split(text)):
        if line.strip() and len(line) + 1 + len(word) + 2 > width:
            lines.append(line + " \\")
            line = indent + "  " + word
        else:
            line = f"{line} {word}" if line.strip() else line + word
    return [*lines, line]


def say_terminal(text: str) -> None:
    """Show one line on stderr, wrapped by words to fit the terminal."""
    width = text_width()
    for line in text.split("\n"):
        sys.stderr.write("\n".join(wrap_line(line, width)) + "\n")
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


def run_interview(
    catalog: "Catalog",
    defaults: "Profile | Prefill | None" = None,
    ask: Ask | None = None,
    say: Say | None = None,
) -> "Profile":
    """Ask the questions and return the normalized Profile they describe.

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
    say("Nine questions. Enter keeps an answer shown in [brackets]; Ctrl-C stops.")
    years = _years(known, ask, say)
    cert_ids = _certs(catalog, known, ask, say)
    setting = _setting(catalog, known, years, ask, say)
    specialty = _specialty(catalog, known, ask, say)
    leads = _leads(catalog, known, ask, say)
    pay = _pay(known, ask, say)
    # The last three are optional: end of input there keeps what is known (so six
    # answers piped in, as before these questions existed, still make a profile).
    place, education, accredited = known.place, known.education, known.accredited
    try:
        place = _place(catalog, known, ask, say)
        education = _education(catalog, known, ask, say)
        accredited = _accredited(known, ask, say)
    except EOFError:
        pass
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
        education=education,
        accredited=accredited,
        place=place,
    )


def ask_what_if(
    catalog: "Catalog", profile: "Profile", ask: Ask | None = None, say: Say | None = None
) -> list[tuple[str, str]]:
    """The optional last step: changes to compare side by side; Enter or end of input skips."""
    from maplanner.core.answers import parse_what_if

    ask = ask or ask_terminal
    say = say or say_terminal
    say("")
    say("What if (optional): compare with changed answers, side by side.")
    say("     For example leads=lead setting=hospital cert=CPT; Enter to skip.")
    try:
        return _ask(
            ask,
            say,
            "What if",
            "skip",
            lambda text: parse_what_if(catalog, profile, text),
            lambda: [],
        )
    except EOFError:
        return []


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


def _menu(
    say: Say, rows: list[tuple[str, str]], hints: list[str] | None = None, start: int = 1
) -> None:
    """A numbered list that fits 80 columns: '  1  CMA   Certified Medical Assistant'.

    Long text wraps under itself; an optional hint goes on the line below.
    """
    width = max(len(key) for key, _ in rows)
    indent = " " * (2 + 2 + 2 + width + 2)
    room = text_width()
    below = room - len(indent) < MENU_TEXT_MIN  # narrow: text under the key, not beside
    if below:
        indent = " " * 6
    for number, (key, text) in enumerate(rows, start=start):
        lines = _wrap(text, room - len(indent)) or [""]
        if below:
            say(f"  {number:>2}  {key}")
            for more in lines:
                say(indent + more)
        else:
            say(f"  {number:>2}  {key:<{width}}  {lines[0]}")
            for more in lines[1:]:
                say(indent + more)
        if hints is not None:
            for more in _wrap(hints[number - start], room - len(indent)):
                say(indent + more)


def _wrap(text: str, width: int) -> list[str]:
    """Words, never cut in two: a word longer than the line gets a line of its own."""
    return textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False)


def _years(known: Prefill, ask: Ask, say: Say) -> float:
    from maplanner.core.answers import parse_years

    _heading(
        say,
        1,
        "Years of experience as a medical assistant",
        "Decimals are fine (2.5); 0 if you are still a student.",
    )
    default = known.years
    return _ask(
        ask,
        say,
        "Years",
        None if default is None else f"{default:g}",
        parse_years,
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


def _setting(catalog: "Catalog", known: Prefill, years: float, ask: Ask, say: Say) -> str:
    from maplanner.core.answers import parse_setting

    student = catalog.eligibility.student
    _heading(
        say,
        3,
        "Where you work",
        f"Pick a number, or type the setting's id; 0 or {student.id} if not working yet.",
    )
    _menu(
        say,
        [(student.id, student.name), *((s.id, s.name) for s in catalog.settings)],
        start=0,
    )
    default = known.setting or (student.id if years == 0 else None)
    return _ask(
        ask,
        say,
        "Setting",
        default,
        lambda text: parse_setting(catalog, text, years),
        None if default is None else lambda: parse_setting(catalog, default, years),
    )


def _specialty(catalog: "Catalog", known: Prefill, ask: Ask, say: Say) -> str | None:
    from maplanner.core.answers import parse_specialty

    _heading(
        say,
        4,
        "Your specialty",
        "Pick a number or type an id; 0 or none if you do not work in one.",
    )
    say(f"  {0:>2}  none")
    _menu(say, [(specialty.id, specialty.name) for specialty in catalog.specialties])

    def parse(text: str) -> str | None:
        return parse_specialty(catalog, text)

    default = known.specialty
    if default is None:
        return _ask(ask, say, "Specialty", "none", parse, lambda: None)
    kept = None if default == "none" else default
    return _ask(ask, say, "Specialty", default, parse, lambda: kept)


def _leads(catalog: "Catalog", known: Prefill, ask: Ask, say: Say) -> str:
    from maplanner.core.answers import parse_leads

    levels = catalog.estimate.leadership
    _heading(say, 5, "Leadership duties", "Pick the number that fits best.")
    _menu(
        say,
        [(level.id, level.name) for level in levels],
        [level.hint for level in levels],
    )
    default = known.leads or levels[0].id
    return _ask(
        ask, say, "Leadership", default, lambda text: parse_leads(catalog, text), lambda: default
    )


def _pay(known: Prefill, ask: Ask, say: Say) -> "Pay | None":
    from maplanner.core.answers import parse_pay_answer

    _heading(
        say,
        6,
        "Your current pay (optional)",
        "Yearly like 46k or 46,000, or hourly like 22.50/h; Enter to skip.",
    )
    default = known.pay
    if default is None:
        return _ask(ask, say, "Pay", "skip", parse_pay_answer, lambda: None)
    return _ask(ask, say, "Pay", _pay_words(default), parse_pay_answer, lambda: default)


def _pay_words(pay: "Pay") -> str:
    return f"{pay.amount:g}/h" if pay.per == "hour" else f"{pay.amount:g}"


def _education(catalog: "Catalog", known: Prefill, ask: Ask, say: Say) -> str | None:
    from maplanner.core.answers import parse_education

    levels = catalog.eligibility.education
    _heading(
        say,
        8,
        "Highest education finished (optional)",
        "Some credentials require one (the CMPE: a bachelor's); Enter to skip.",
    )
    _menu(say, [(level.id, level.name) for level in levels])
    default = known.education
    return _ask(
        ask,
        say,
        "Education",
        default or "skip",
        lambda text: parse_education(catalog, text),
        lambda: default,
    )


def _accredited(known: Prefill, ask: Ask, say: Say) -> bool | None:
    from maplanner.core.answers import parse_accredited_answer

    _heading(
        say,
        9,
        "Is or was your MA program accredited (CAAHEP or ABHES)? (optional)",
        "y or n; the CMA's usual route needs it. Enter if not sure.",
    )
    default = known.accredited
    shown = {True: "y", False: "n", None: "not sure"}[default]
    return _ask(ask, say, "Accredited", shown, parse_accredited_answer, lambda: default)


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
