"""`maplanner plan`: a year-by-year plan from where you stand to one career path."""

from typing import Annotated

import typer

from maplanner.commands import completion
from maplanner.commands.place_options import AreaOption, StateOption
from maplanner.commands.profile_options import (
    AccreditedOption,
    CertOption,
    EducationOption,
    LeadsOption,
    PayOption,
    SettingOption,
    SpecialtyOption,
    YearsOption,
)
from maplanner.commands.shared import JsonOption

SHORT = "A year-by-year plan from where you stand to a career path."
HELP = f"""{SHORT}

Give the path with --goal and describe yourself with the same options as
'maplanner assess' (--years and --setting are required):

  maplanner plan --goal practice-manager --years 4 --cert CMA \\
      --setting family-practice

With none of those options, the plan starts from your saved profile
('maplanner assess --save').

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
    education: EducationOption = None,
    accredited: AccreditedOption = None,
    state: StateOption = None,
    area: AreaOption = None,
    json_output: JsonOption = False,
) -> None:
    from maplanner.commands.profile_source import Answers, profile_from_options, saved_profile
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
    answers = Answers(years, cert, setting, specialty, leads, pay, education, accredited)
    if answers.given():
        profile = profile_from_options(data, answers, purpose="a plan")
    else:
        profile, _ = saved_profile(
            data,
            why="to plan from",
            example=f"maplanner plan --goal {path.id} --years 4 --setting family-practice",
        )
    from maplanner.commands.assess import given_or_saved
    from maplanner.commands.paths import place_tables
    from maplanner.core.paths import path_pay

    name, tables = place_tables(*given_or_saved(state, area, profile))
    result = make_plan(profile, data, path.id)
    result = result.model_copy(update={"pay": path_pay(data, path.id, name, tables)})
    if json_output:
        emit_json(result)
    else:
        render_plan(result)
