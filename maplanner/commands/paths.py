"""`maplanner paths`: where an MA career can lead, and the steps to each place."""

from typing import Annotated

import typer

from maplanner.commands import completion
from maplanner.commands.shared import JsonOption

SHORT = "Where an MA career can lead: advancement and alternative paths."
HELP = f"""{SHORT}

Two forms:

  maplanner paths              every path: the work, what it needs (education,
                               credential, licence), the usual time, what MA
                               experience carries over, and pay

  maplanner paths ID           one path with its steps: years, credentials,
                               skills, role and the milestone that ends each

ID is a path id, name or alias in any case (lead-ma, practice-manager,
lpn, rn, coding). Pay is shown only where a verified figure with its
vintage exists; otherwise it says "no verified figure".

To plan your own way to one of them: maplanner plan --goal ID.
"""


def paths(
    path_id: Annotated[
        str | None,
        typer.Argument(
            metavar="ID",
            autocompletion=completion.career_paths,
            help="A path id, name or alias (for example lead-ma, practice-manager, rn).",
            show_default=False,
        ),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            metavar="KIND",
            autocompletion=completion.kinds,
            help="Only advancement paths (moving up as an MA) or alternative ones "
            "(moving to another job). Filters the list.",
            show_default=False,
        ),
    ] = None,
    json_output: JsonOption = False,
) -> None:
    from maplanner.commands.shared import catalog
    from maplanner.core import paths as core
    from maplanner.render import paths as render
    from maplanner.render.output import emit_json

    data = catalog()
    chosen_kind = core.check_kind(kind)
    if path_id is not None:
        detail = core.path_detail(data, core.find_path(data, path_id))
        if json_output:
            emit_json(detail)
        else:
            render.render_detail(detail)
        return
    listing = core.list_paths(data, chosen_kind)
    if json_output:
        emit_json(listing)
    else:
        render.render_list(listing)
