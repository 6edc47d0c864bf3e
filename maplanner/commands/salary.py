"""`maplanner salary`: the wage distribution, what a percentile pays, where a wage stands.

Options are taken as text and parsed by the core, so that "abc", "nan" or "46k" get
the same one-line answers as out-of-range numbers, naming what is accepted.
"""

from typing import TYPE_CHECKING, Annotated

import typer

from maplanner.commands import completion
from maplanner.commands.shared import JsonOption

if TYPE_CHECKING:
    from maplanner.catalog.catalog import Catalog
    from maplanner.core.assessment import Assessment

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


def salary(
    percentile: PercentileOption = None,
    wage: WageOption = None,
    setting: SettingOption = None,
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
    report = salary_report(
        data,
        percentile=at,
        pay=pay,
        entered=wage,
        setting_id=None if setting is None else resolve_setting(data, setting, student=False),
    )
    if json:
        from maplanner.render.output import emit_json

        emit_json(report)
        return
    from maplanner.render.output import console
    from maplanner.render.salary import render_salary

    mine = _saved_assessment(data)
    if mine is None:
        render_salary(report, console())
        return
    from maplanner.render.profile import render_saved_note, saved_marks

    out = console()
    render_salary(report, out, marks=saved_marks(mine))
    render_saved_note(mine, out)


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
