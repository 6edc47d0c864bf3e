"""What every command shares: the --json option and the catalog for this run.

Kept free of heavy imports: tab completion imports this module on every key press.
"""

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from maplanner.catalog.areas import Place
    from maplanner.catalog.catalog import Catalog

JsonOption = Annotated[
    bool,
    typer.Option("--json", help="Print one JSON document on stdout instead of tables."),
]

_data_dir: Path | None = None


def use_data_dir(path: Path | None) -> None:
    """Remember the top-level --data-dir for the rest of this process."""
    global _data_dir
    _data_dir = path


def catalog() -> "Catalog":
    """The validated catalog, honouring --data-dir and MAPLANNER_DATA (loaded once)."""
    from maplanner.catalog.loader import load_catalog, resolve_override

    return load_catalog(resolve_override(_data_dir))


def data_override() -> Path | None:
    """The --data-dir / MAPLANNER_DATA folder in effect, or None for the shipped data."""
    from maplanner.catalog.loader import resolve_override
    from maplanner.userpaths import expand_user

    found = resolve_override(_data_dir)
    return None if found is None else expand_user(found)


def place(state: str | None, area: str | None) -> "Place | None":
    """The place named by --state or --area (InputError if unknown), None if neither."""
    if state is None and area is None:
        return None  # no place: the area data is never read
    from maplanner.core.places import resolve_place

    return resolve_place(catalog(), data_override(), state, area)


def group_default(
    ctx: typer.Context, group: str, json_output: bool, show: Callable[[bool], None]
) -> None:
    """What `maplanner GROUP` does before or instead of a subcommand: with none, `show`;
    with one, --json belongs after it (one message for every group that has a view)."""
    if ctx.invoked_subcommand is None:
        show(json_output)
    elif json_output:
        from maplanner.errors import InputError

        raise InputError(
            f"put --json after the subcommand: maplanner {group} {ctx.invoked_subcommand} "
            "... --json"
        )
