"""`maplanner assess`: the interview, the placement, and the next steps.

Every answer is also an option. Given --years and --setting nothing is asked; if one
is missing and stdin is a terminal the interview asks (options already given become
its defaults); otherwise the command stops at once with exit 2 naming what is
missing, so a script never hangs waiting for input.
"""

import sys

from maplanner.commands.profile_options import (
    CertOption,
    LeadsOption,
    PayOption,
    SettingOption,
    SpecialtyOption,
    YearsOption,
)
from maplanner.commands.shared import JsonOption

SHORT = "Find your tier and wage percentile, and what to do next."
HELP = (
    "Find your career tier and estimated wage percentile, see how your pay compares, "
    "and get next steps: certifications (with what each would do to the estimate), "
    "skills, roles and paths.\n\n"
    "Run it in a terminal to be asked six short questions, or give the answers as "
    "options (--years and --setting are required then), for example:\n\n"
    "maplanner assess --years 4 --cert CMA --setting specialty-clinic "
    "--specialty ophthalmology --pay 46k"
)


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
    json_output: JsonOption = False,
) -> None:
    from maplanner.commands.shared import catalog
    from maplanner.core.profile import build_profile
    from maplanner.core.rules import assess as assess_profile

    data = catalog()
    if (years is None or setting is None) and stdin_is_terminal():
        from maplanner.commands.interview import (
            as_options,
            prefill_from_options,
            run_interview,
            say_terminal,
        )

        known = prefill_from_options(
            data,
            years=years,
            certs=cert,
            setting=setting,
            specialty=specialty,
            leads=leads,
            pay=pay,
        )
        profile = run_interview(data, known)
        say_terminal("")
        say_terminal("To skip the questions next time, give the same answers as options:")
        say_terminal(f"  {as_options(profile)}")
        say_terminal("")
    else:
        profile = build_profile(
            data,
            years=years,
            certs=cert,
            setting=setting,
            specialty=specialty,
            leads=leads,
            pay=pay,
        )
    result = assess_profile(profile, data)
    if json_output:
        from maplanner.render.output import emit_json

        emit_json(result)
        return
    from maplanner.render.assess import render_assessment
    from maplanner.render.output import console

    render_assessment(result, data.wages, console())
