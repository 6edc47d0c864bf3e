"""`maplanner assess`: the interview, the placement, and the next steps.

Every answer is also an option. Given --years and --setting nothing is asked; if one
is missing and stdin is a terminal the interview asks (options already given become
its defaults); otherwise the command stops at once with exit 2 naming what is
missing, so a script never hangs waiting for input.
"""

import sys
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from maplanner.commands.place_options import AreaOption, StateOption
from maplanner.commands.profile_options import (
    AccreditedOption,
    CertOption,
    EducationOption,
    LeadsOption,
    PayOption,
    SettingOption,
    SpecialtyOption,
    WhatIfOption,
    YearsOption,
)
from maplanner.commands.shared import JsonOption

if TYPE_CHECKING:
    from maplanner.catalog.areas import Place
    from maplanner.catalog.catalog import Catalog
    from maplanner.catalog.wages import WageTable
    from maplanner.core.assessment import Assessment
    from maplanner.core.profile import Profile

SHORT = "Find your tier and wage percentile, and what to do next."
HELP = (
    "Find your career tier and estimated wage percentile, see how your pay compares, "
    "and get next steps: certifications (with what each would do to the estimate), "
    "skills, roles and paths.\n\n"
    "Run it in a terminal to be asked nine short questions (the place, education and "
    "an accredited program are optional), or give the answers as options (--years and "
    "--setting are required then; --setting student for a student not working yet), "
    "for example:\n\n"
    "maplanner assess --years 4 --cert CMA --setting specialty-clinic "
    "--specialty ophthalmology --pay 46k\n\n"
    "It also lists every lever on your pay (a credential, a specialty, a lead role, "
    "another setting), priced and ranked by pay gain per year of effort; "
    "--what-if leads=lead (repeatable) sets a changed profile beside yours.\n\n"
    "--save keeps the answers as your profile and the result in your history "
    "(maplanner profile, maplanner history); in a terminal the interview offers to save, "
    "and a saved profile's answers become its defaults. --saved reassesses the saved "
    "profile without asking anything.\n\n"
    "--state WA or --area seattle: the estimated percentile is still a position in the "
    "distribution, but its dollar range and the comparison with your pay use that "
    "place's BLS table, and say so."
)

SaveOption = Annotated[
    bool,
    typer.Option(
        "--save",
        help="Save the answers as your profile and this assessment in your history "
        "(see 'maplanner profile' and 'maplanner history').",
    ),
]
SavedOption = Annotated[
    bool,
    typer.Option(
        "--saved",
        help="Reassess your saved profile without asking anything; add --save to keep "
        "the result in your history.",
    ),
]


def stdin_is_terminal() -> bool:
    """True when a person can answer questions on stdin (tests monkeypatch this)."""
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (ValueError, OSError):  # closed or detached stdin
        return False


def assess(
    years: YearsOption = None,
    cert: CertOption = None,
    setting: SettingOption = None,
    specialty: SpecialtyOption = None,
    leads: LeadsOption = None,
    pay: PayOption = None,
    education: EducationOption = None,
    accredited: AccreditedOption = None,
    what_if: WhatIfOption = None,
    state: StateOption = None,
    area: AreaOption = None,
    save: SaveOption = False,
    saved: SavedOption = False,
    json_output: JsonOption = False,
) -> None:
    from maplanner.commands.profile_source import Answers
    from maplanner.commands.shared import catalog
    from maplanner.core.rules import assess as assess_profile
    from maplanner.core.whatif import parse_changes

    changes = parse_changes(what_if or [])
    data = catalog()
    where, table = place_and_table(state, area)
    interviewed = False
    answers = Answers(years, cert, setting, specialty, leads, pay, education, accredited)
    if saved:
        profile = _saved_profile(data, answers.given())
    elif (years is None or setting is None) and stdin_is_terminal():
        from maplanner.commands.interview import (
            as_options,
            ask_what_if,
            prefill_with_saved,
            run_interview,
            say_terminal,
        )
        from maplanner.core.profile_view import carry_earned
        from maplanner.store.profiles import load_profile

        known = answers.prefill(data)
        stored = load_profile()
        if stored is not None:
            say_terminal("Your saved answers are the defaults (see 'maplanner profile').")
        profile = carry_earned(run_interview(data, prefill_with_saved(known, stored)), stored)
        if not changes:
            changes = ask_what_if(data, profile)
        interviewed = True
        say_terminal("")
        say_terminal("To skip the questions next time, give the same answers as options:")
        say_terminal(f"  {as_options(profile)}")
        say_terminal("")
    else:
        profile = answers.profile(data)
        if save:
            from maplanner.core.profile_view import carry_earned
            from maplanner.store.profiles import load_profile

            profile = carry_earned(profile, load_profile())
    where, table, profile = _with_place(profile, where, table)
    result = assess_profile(
        profile, data, where, table, what_if=changes, better=best_area_for(where)
    )
    if save:  # before any output: if saving fails, nothing claims it was saved
        from maplanner.store import today
        from maplanner.store.profiles import record_assessment

        record = record_assessment(result, today())
    if json_output:
        from maplanner.render.output import emit_json

        emit_json(result)
    else:
        from maplanner.render.assess import render_assessment
        from maplanner.render.output import console

        render_assessment(result, console())
        if save:
            console().print(
                f"Saved as your profile, with this assessment in your history "
                f"({record.date}). See 'maplanner history'.",
                markup=False,
            )
    if interviewed and not save:
        _offer_to_save(result)


def _with_place(
    profile: "Profile", where: "Place | None", table: "WageTable | None"
) -> "tuple[Place | None, WageTable | None, Profile]":
    """A place given now is kept in the profile; without one, the profile's place is used."""
    from maplanner.core.profile import PlaceAnswer

    if where is not None:
        kind: Literal["state", "area"] = "state" if where.kind == "state" else "area"
        # Built from a place the catalog resolved (a postal code or a BLS area name), so
        # nothing to validate: validating would build PlaceAnswer's validator on every run.
        answer = PlaceAnswer.model_construct(kind=kind, name=where.postal or where.name)
        return where, table, profile.model_copy(update={"place": answer})
    if profile.place is None:
        return None, None, profile
    found, found_table = place_and_table(*given_or_saved(None, None, profile))
    return found, found_table, profile


def best_area_for(where: "Place | None") -> "tuple[Place, WageTable] | None":
    """The place lever's area: the best-paying metro area of the place's state."""
    if where is None:
        return None
    from maplanner.commands.shared import catalog, data_override
    from maplanner.core.places import best_area

    return best_area(catalog(), data_override(), where)


def given_or_saved(
    state: str | None, area: str | None, profile: "Profile"
) -> tuple[str | None, str | None]:
    """--state/--area as given; with neither, the place the profile keeps (a saved
    profile's), so report and plan price it where assess --saved does."""
    if state is not None or area is not None or profile.place is None:
        return state, area
    name = profile.place.name
    return (name, None) if profile.place.kind == "state" else (None, name)


def place_and_table(
    state: str | None, area: str | None
) -> "tuple[Place | None, WageTable | None]":
    """The place from --state/--area and its MA table; (None, None) without one."""
    from maplanner.commands.shared import place

    where = place(state, area)
    if where is None:
        return None, None
    from maplanner.commands.shared import catalog, data_override
    from maplanner.core.places import place_table
    from maplanner.errors import InputError

    table = place_table(catalog(), data_override(), where)
    if isinstance(table, str):
        raise InputError(f"BLS publishes no MA median for {where.name}: {table}")
    return where, table


def _saved_profile(data: "Catalog", given: list[str]) -> "Profile":
    """The saved profile for --saved, checked against the catalog; InputError if none."""
    from maplanner.core.profile import normalized
    from maplanner.errors import InputError
    from maplanner.store.profiles import require_profile

    if given:
        raise InputError(
            f"--saved reassesses the saved profile as it is: leave out {', '.join(given)}, "
            "or change the profile first with 'maplanner profile set FIELD VALUE'"
        )
    return normalized(require_profile(why="to reassess"), data)


def _offer_to_save(result: "Assessment") -> None:
    """After an interview, ask (y/N, on stderr) whether to save; no answer means no."""
    from maplanner.commands.interview import ask_yes_no, say_terminal

    say_terminal("")
    if not ask_yes_no("Save these answers as your profile, and this assessment in history?"):
        return
    from maplanner.store import today
    from maplanner.store.profiles import record_assessment

    record = record_assessment(result, today())
    say_terminal(f"Saved ({record.date}). Next: maplanner assess --saved; maplanner history.")
