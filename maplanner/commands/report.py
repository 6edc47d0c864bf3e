"""`maplanner report`: write the saved plan as a file to print or email.

The report is built from the saved profile (or from the same options as `assess`,
for a counselor who saves nothing), then written in the format the file name asks
for. Writing is atomic: the document goes to a hidden temporary file in the same
folder and is renamed over the target only when complete, so a crash never leaves
half a report. An existing file is replaced only with --force.

Exit codes: 0 written; 1 the folder is missing or cannot be written; 2 a usage
problem (no saved profile, an unknown format, an existing file without --force).
"""

import sys
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
    WhatIfOption,
    YearsOption,
)

SHORT = "Write your plan to a file to print or email (Markdown, HTML or JSON)."
HELP = f"""{SHORT}

Writes one document from your saved profile: your tier and estimated wage
percentile with the factors behind it, where your pay stands in the national
wage table, next steps (with what each credential would do to the estimate),
renewal dates, and the sources with their dates. --goal adds a year-by-year
plan toward a career path.

  maplanner report -o plan.html
  maplanner report -o plan.md --goal practice-manager

The format comes from the file name (.md or .markdown, .html or .htm,
.json) or from --format, which wins. '-o -' writes to the screen (Markdown
unless --format says otherwise). The HTML file is self-contained: it loads
nothing from the network and prints cleanly.

An existing file is replaced only with --force. Without a saved profile, give
the same answers as 'maplanner assess' (--years and --setting are required
then), for example to make a report for someone else without saving anything.
"""

#: The longest --name accepted: a name, not a letter.
MAX_NAME = 80

OutputOption = Annotated[
    str,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Where to write the report: a file ending in .md, .html or .json (or use "
        "--format), or - for the screen.",
        show_default=False,
    ),
]


def _formats(incomplete: str) -> list[str]:
    """Tab completion for --format."""
    return [name for name in ("md", "html", "json") if name.startswith(incomplete.lower())]


FormatOption = Annotated[
    str | None,
    typer.Option(
        "--format",
        metavar="md|html|json",
        help="The format, whatever the file name says.",
        show_default=False,
        autocompletion=_formats,
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace FILE if it already exists.")]
GoalOption = Annotated[
    str | None,
    typer.Option(
        "--goal",
        metavar="ID",
        help="Add a year-by-year plan toward this path: an id from 'maplanner paths' "
        "(lead-ma, practice-manager, rn, ...), or its name or alias.",
        show_default=False,
        autocompletion=completion.career_paths,
    ),
]
NameOption = Annotated[
    str | None,
    typer.Option(
        "--name",
        metavar="NAME",
        help="Whose plan it is, printed at the top (optional).",
        show_default=False,
    ),
]


def report(
    output: OutputOption,
    report_format: FormatOption = None,
    force: ForceOption = False,
    goal: GoalOption = None,
    name: NameOption = None,
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
) -> None:
    from maplanner.commands.profile_source import Answers, profile_from_options, saved_profile
    from maplanner.commands.shared import catalog
    from maplanner.core.paths import find_path
    from maplanner.core.report import build_report
    from maplanner.core.whatif import parse_changes
    from maplanner.document_files import check_target, write_atomically
    from maplanner.render.report_formats import FORMAT_NAMES, choose_format, render_report
    from maplanner.store import today

    changes = parse_changes(what_if or [])
    kind = choose_format(output, report_format)
    target = None if output == "-" else check_target(output, force=force)
    prepared_for = check_name(name)
    data = catalog()
    goal_id = None if goal is None else find_path(data, goal, option="--goal").id
    answers = Answers(years, cert, setting, specialty, leads, pay, education, accredited)
    from_options = bool(answers.given())
    if from_options:
        profile = profile_from_options(data, answers, purpose="a report from options")
        saved_on = None
    else:
        profile, saved_on = saved_profile(
            data,
            why="to report on",
            example="maplanner report -o plan.html --years 4 --setting family-practice",
        )
    ledger = None
    if not from_options:
        from maplanner.store.ledger import credits

        ledger = credits()
    from maplanner.commands.assess import best_area_for, given_or_saved, place_and_table

    where, table = place_and_table(*given_or_saved(state, area, profile))
    document = build_report(
        profile,
        data,
        today(),
        where=where,
        table=table,
        better=best_area_for(where),
        goal_id=goal_id,
        profile_from="options" if from_options else "saved",
        profile_saved_on=saved_on,
        prepared_for=prepared_for,
        credits=ledger,
        what_if=changes,
    )
    text = render_report(document, kind)
    if target is None:
        from maplanner.render.output import printable

        sys.stdout.write(printable(text))  # on a terminal: no escape sequences from data
        return
    write_atomically(target, text, force=force)
    typer.echo(f"Wrote {FORMAT_NAMES[kind]} report to {target} ({document.made_on}).")


def check_name(name: str | None) -> str | None:
    """--name on one line, at most MAX_NAME characters; blank means none."""
    if name is None:
        return None
    flat = " ".join(name.split())
    if not flat:
        return None
    if len(flat) > MAX_NAME or not flat.isprintable():
        raise _input_error(
            f"--name {flat[:20]!r}... is not a name: use at most {MAX_NAME} printable characters"
            if len(flat) > MAX_NAME
            else f"--name {flat!r} holds control characters: use printable text"
        )
    return flat


def _input_error(message: str) -> Exception:
    from maplanner.errors import InputError

    return InputError(message)
