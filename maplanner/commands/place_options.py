"""The --state and --area options, shared by every command that can show a place's pay.

Kept light (Typer only): completion imports this module on every key press.
"""

from typing import Annotated

import typer

from maplanner.commands import completion

StateOption = Annotated[
    str | None,
    typer.Option(
        "--state",
        metavar="STATE",
        help="A state or territory (WA, washington, 53): its BLS wage table beside the "
        "national one.",
        show_default=False,
        autocompletion=completion.states,
    ),
]
AreaOption = Annotated[
    str | None,
    typer.Option(
        "--area",
        metavar="AREA",
        help="A metropolitan or nonmetropolitan area by part of its name (seattle, "
        "vallejo): its BLS wage table.",
        show_default=False,
        autocompletion=completion.areas,
    ),
]
