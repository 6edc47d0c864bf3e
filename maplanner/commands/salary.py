"""`maplanner salary`: the wage distribution, what a percentile pays, where a wage stands.

Options are taken as text and parsed by the core, so that "abc", "nan" or "46k" get
the same one-line answers as out-of-range numbers, naming what is accepted.
"""

from typing import TYPE_CHECKING, Annotated

import typer

from maplanner.commands import completion
from maplanner.commands.place_options import AreaOption, StateOption
from maplanner.commands.shared import JsonOption

if TYPE_CHECKING:
    from maplanner.catalog.catalog import Catalog
    from maplanner.catalog.wages import WageTable
    from maplanner.core.assessment import Assessment
    from maplanner.core.salary_view import PlaceInfo

SHORT = "The wage distribution: what a percentile pays, and where a wage stands."
HELP = "\n\n".join(
    [
        "The BLS wage distribution for Medical Assistants: the published percentiles "
        "(annual and hourly), a bar chart and the source. Hourly figures marked * are "
        "derived (annual / 2,080 hours), not published.",
        "--percentile P (above 0, below 100): the wage at P. Published points are exact; "
        "between them the figure is an estimate on a straight line between the two "
        "published points; below the 10th or above the 90th only the bound is given.",
        "--wage W: where W stands. Write a yearly amount (46000, 46,000, $46,000, 46k) or "
        "an hourly rate with /h, /hr or /hour (22.50/h). Use --percentile or --wage, "
        "not both.",
        "--setting S: the median for that work setting's BLS industry beside the national "
        "median. It combines with --percentile or --wage; percentiles stay national, as "
        "BLS publishes only a median for each industry.",
        "--state WA or --area seattle: that place's table and chart beside the national "
        "one, its employment and (for a state) its rank among states by median; "
        "--percentile and --wage then answer for the place. --states lists every state "
        "ranked by median, with employment.",
        "--release 2024: the May 2024 national table the career guides quote. The default "
        "is the latest release (May 2025), with how each point moved since May 2024; "
        "places always use the latest release.",
        "With a saved profile (see maplanner profile), the chart also marks its estimate and pay.",
    ]
)

PercentileOption = Annotated[
    str | None,
    typer.Option(
        "--percentile",
        "-p",
        metavar="P",
        help="A percentile above 0 and below 100 (75, 62.5): the wage there.",
        show_default=False,
    ),
]
WageOption = Annotated[
    str | None,
    typer.Option(
        "--wage",
        "-w",
        metavar="W",
        help="A wage to place: 46000, $46,000, 46k, or hourly as 22.50/h.",
        show_default=False,
    ),
]
SettingOption = Annotated[
    str | None,
    typer.Option(
        "--setting",
        "-s",
        metavar="S",
        help="A work setting (hospital, urgent-care, ...): its median beside the national.",
        show_default=False,
        autocompletion=completion.work_settings,
    ),
]


ReleaseOption = Annotated[
    str | None,
    typer.Option(
        "--release",
        metavar="YEAR",
        help="The national BLS release: 2025 (the default, the latest) or 2024 (the "
        "guides' vintage).",
        show_default=False,
    ),
]
StatesOption = Annotated[
    bool,
    typer.Option("--states", help="Every state ranked by median, with employment."),
]


def salary(
    percentile: PercentileOption = None,
    wage: WageOption = None,
    setting: SettingOption = None,
    state: StateOption = None,
    area: AreaOption = None,
    release: ReleaseOption = None,
    states: StatesOption = False,
    json: JsonOption = False,
) -> None:
    from maplanner.commands.shared import catalog
    from maplanner.core.money import parse_pay
    from maplanner.core.profile import resolve_setting
    from maplanner.core.salary_view import salary_report
    from maplanner.core.wages import parse_percentile
    from maplanner.errors import InputError

    if percentile is not None and wage is not None:
        raise InputError(
            "--percentile and --wage ask opposite questions: pick one "
            "(--percentile gives the wage at a percentile, --wage the percentile of a wage)"
        )
    at = None if percentile is None else parse_percentile(percentile)
    pay = None if wage is None else parse_pay(wage, "--wage")
    data = catalog()  # after the checks that need no data: bad input answers fast
    chosen = _release(data, release)
    if states:
        _states(data, json, given=(percentile, wage, setting, state, area, release))
        return
    place_info = place_table = None
    if state is not None or area is not None:
        if release is not None and chosen != data.latest_release:
            raise InputError(
                f"--release {chosen} has only the national table; states and areas are "
                f"in the latest release ({data.latest_release})"
            )
        chosen = data.latest_release
        place_info, place_table = _place(data, state, area)
    report = salary_report(
        data,
        percentile=at,
        pay=pay,
        entered=wage,
        setting_id=None if setting is None else resolve_setting(data, setting, student=False),
        release=chosen,
        place=place_info,
        place_table=place_table,
    )
    if json:
        from maplanner.render.output import emit_json

        emit_json(report)
        return
    from maplanner.render.output import console
    from maplanner.render.salary import render_salary

    latest = chosen == data.latest_release
    mine = _saved_assessment(data) if place_info is None and latest else None
    if mine is None:
        render_salary(report, console())
        return
    from maplanner.render.profile import render_saved_note, saved_marks

    out = console()
    render_salary(report, out, marks=saved_marks(mine, report.distribution.points))
    render_saved_note(mine, out)


def _release(data: "Catalog", text: str | None) -> str:
    """The release asked for ('2024', '2025', 'May 2024'...), else the latest."""
    from maplanner.errors import InputError

    if text is None:
        return data.latest_release
    wanted = text.strip().lower().removeprefix("may").strip()
    if wanted in data.releases:
        return wanted
    raise InputError(
        f"--release {text.strip()!r} is not a release maplanner holds: use "
        f"{' or '.join(data.releases)}"
    )


def _place(data: "Catalog", state: str | None, area: str | None) -> "tuple[PlaceInfo, WageTable]":
    """The place's MA table and what the view says about the place (rank for a state)."""
    from maplanner.catalog.areas import area_rows
    from maplanner.catalog.catalog import MA_SOC
    from maplanner.commands.shared import data_override, place
    from maplanner.core.places import place_table
    from maplanner.core.salary_view import PlaceInfo
    from maplanner.errors import InputError

    where = place(state, area)
    assert where is not None
    table = place_table(data, data_override(), where)
    if isinstance(table, str):
        raise InputError(f"BLS publishes no MA median for {where.name}: {table}")
    rank = ranked_of = None
    if where.kind == "state":
        medians = {
            code: f.annual_50
            for code, f in area_rows(data, data_override()).state_medians(MA_SOC).items()
            if f.annual_50 is not None
        }
        ranked_of = len(medians)
        mine = medians.get(where.code)
        if mine is not None:
            rank = 1 + sum(1 for value in medians.values() if value > mine)
    info = PlaceInfo.model_construct(
        kind=where.kind,
        code=where.code,
        name=where.name,
        postal=where.postal,
        employment=table.employment,
        rank=rank,
        ranked_of=ranked_of,
    )
    return info, table


def _states(data: "Catalog", json: bool, given: tuple[object, ...]) -> None:
    from maplanner.catalog.areas import area_rows
    from maplanner.catalog.catalog import MA_SOC
    from maplanner.commands.shared import data_override
    from maplanner.core.states_view import states_report
    from maplanner.errors import InputError

    if any(value is not None for value in given):
        raise InputError("--states lists every state on its own: leave out the other options")
    report = states_report(data, dict(area_rows(data, data_override()).state_medians(MA_SOC)))
    if json:
        from maplanner.render.output import emit_json

        emit_json(report)
        return
    from maplanner.render.output import console
    from maplanner.render.salary import render_states

    render_states(report, console())


def _saved_assessment(data: "Catalog") -> "Assessment | None":
    """The saved profile assessed now, to mark its estimate and pay; None if none saved."""
    from maplanner.store import anything_saved

    if not anything_saved():
        return None
    from maplanner.store.profiles import load_profile

    profile = load_profile()
    if profile is None:
        return None
    from maplanner.core.profile import normalized
    from maplanner.core.rules import assess

    return assess(normalized(profile, data), data)
