"""`maplanner paths`: where an MA career can lead, and the steps to each place."""

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import typer

from maplanner.commands import completion
from maplanner.commands.place_options import AreaOption, StateOption
from maplanner.commands.shared import JsonOption

if TYPE_CHECKING:
    from maplanner.catalog.wages import WageTable

SHORT = "Where an MA career can lead: advancement and alternative paths."
HELP = f"""{SHORT}

Two forms:

  maplanner paths              every path: the work, what it needs (education,
                               credential, licence), the usual time, what MA
                               experience carries over, and pay

  maplanner paths ID           one path with its steps: years, credentials,
                               skills, role and the milestone that ends each

ID is a path id, name or alias in any case (lead-ma, practice-manager,
lpn, rn, coding). Pay is the BLS OEWS May 2025 table of the occupation
the path leads to (SOC code given): median and 10th-90th nationally, and
in a place with --state WA or --area seattle.

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
    state: StateOption = None,
    area: AreaOption = None,
    json_output: JsonOption = False,
) -> None:
    from maplanner.commands.shared import catalog
    from maplanner.core import paths as core
    from maplanner.render import paths as render
    from maplanner.render.output import emit_json

    data = catalog()
    chosen_kind = core.check_kind(kind)
    name, tables = place_tables(state, area)
    if path_id is not None:
        detail = core.path_detail(data, core.find_path(data, path_id), name, tables)
        if json_output:
            emit_json(detail)
        else:
            render.render_detail(detail)
        return
    listing = core.list_paths(data, chosen_kind, name, tables)
    if json_output:
        emit_json(listing)
    else:
        render.render_list(listing)


def place_tables(
    state: str | None, area: str | None
) -> "tuple[str | None, Callable[[str], WageTable | str] | None]":
    """The place's name and a look-up of its table by SOC code; (None, None) without one."""
    from maplanner.commands.shared import place

    where = place(state, area)
    if where is None:
        return None, None
    from maplanner.commands.shared import catalog, data_override
    from maplanner.core.places import place_table

    data, override = catalog(), data_override()
    return where.name, lambda soc: place_table(data, override, where, soc)
