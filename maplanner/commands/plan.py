"""`maplanner plan`: a year-by-year plan from where you stand to one career path."""

from typing import TYPE_CHECKING, Annotated

import typer

from maplanner.commands import completion
from maplanner.commands.profile_options import (
    CertOption,
    LeadsOption,
    PayOption,
    SettingOption,
    SpecialtyOption,
    YearsOption,
)
from maplanner.commands.shared import JsonOption

if TYPE_CHECKING:
    from maplanner.catalog.catalog import Catalog
    from maplanner.core.profile import Profile

SHORT = "A year-by-year plan from where you stand to a career path."
HELP = f"""{SHORT}

Give the path with --goal and describe yourself with the same options as
'maplanner assess' (--years and --setting are required):

  maplanner plan --goal practice-manager --years 4 --cert CMA \\
      --setting family-practice

For each career year the plan says which credentials to earn, which skills
to build, the role to hold, and the milestone that marks the year done. It
leaves out credentials you hold and steps you have done, first adds years of
MA experience if the path usually expects more than you have, and lists its
assumptions. If you are already there, it says so and what could come next.

Goals are the ids in 'maplanner paths' (names and aliases work too).
"""

GoalOption = Annotated[
    str | None,
    typer.Option(
        "--goal",
        metavar="ID",
        help="The path to plan toward: an id from 'maplanner paths' (lead-ma, "
        "practice-manager, rn, ...), or its name or alias.",
        show_default=False,
        autocompletion=completion.career_paths,
    ),
]


def plan(
    goal: GoalOption = None,
    years: YearsOption = None,
    cert: CertOption = None,
    setting: SettingOption = None,
    specialty: SpecialtyOption = None,
    leads: LeadsOption = None,
    pay: PayOption = None,
    json_output: JsonOption = False,
) -> None:
    from maplanner.commands.shared import catalog
    from maplanner.core.paths import find_path
    from maplanner.core.plan import make_plan
    from maplanner.errors import InputError
    from maplanner.render.output import emit_json
    from maplanner.render.plan import render_plan

    data = catalog()
    if goal is None:
        goals = ", ".join(path.id for path in data.paths)
        raise InputError(f"missing --goal: choose one of: {goals}")
    path = find_path(data, goal, option="--goal")
    profile = _profile(
        data,
        years=years,
        certs=cert,
        setting=setting,
        specialty=specialty,
        leads=leads,
        pay=pay,
    )
    result = make_plan(profile, data, path.id)
    if json_output:
        emit_json(result)
    else:
        render_plan(result)


def _profile(
    data: "Catalog",
    *,
    years: float | None,
    certs: list[str] | None,
    setting: str | None,
    specialty: str | None,
    leads: str | None,
    pay: str | None,
) -> "Profile":
    """Where the plan's profile comes from: today the options, checked like assess's.

    The one place to add other sources (a saved profile, the interview in a terminal).
    Missing required answers are a usage error naming them (exit 2).
    """
    from maplanner.core.profile import build_profile
    from maplanner.errors import InputError

    missing = [
        name for name, value in (("--years", years), ("--setting", setting)) if value is None
    ]
    if missing:
        raise InputError(
            f"missing {' and '.join(missing)}: plan needs the same answers as 'maplanner "
            "assess', for example --years 4 --setting family-practice"
        )
    return build_profile(
        data,
        years=years,
        certs=certs,
        setting=setting,
        specialty=specialty,
        leads=leads,
        pay=pay,
    )
