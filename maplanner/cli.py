"""Wiring only: the Typer app, its global options, and the commands it registers.

Each command lives in its own module under `maplanner.commands` and imports what it
needs inside its function, so building this app stays cheap for `--help` and for
tab completion.
"""

import copy
import functools
from pathlib import Path
from typing import Annotated

import typer

from maplanner import __version__
from maplanner.commands import (
    assess,
    batch,
    certs,
    guide,
    history,
    paths,
    plan,
    profile,
    report,
    salary,
)
from maplanner.commands.shared import use_data_dir

app = typer.Typer(
    name="maplanner",
    help=(
        "Career planner for US Medical Assistants: find your tier and wage percentile, "
        "and see which certifications, skills and roles come next."
    ),
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 80},
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"maplanner {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir",
            metavar="DIR",
            help="Use data files from this directory (for example a state wage table); "
            "files it lacks come from the shipped data. Also MAPLANNER_DATA.",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Show the version and exit.", callback=_version, is_eager=True
        ),
    ] = False,
) -> None:
    """Career planner for US Medical Assistants."""
    use_data_dir(data_dir)


# Commands ------------------------------------------------------------------------
app.command("assess", help=assess.HELP, short_help=assess.SHORT)(assess.assess)
app.command("salary", help=salary.HELP, short_help=salary.SHORT)(salary.salary)
app.command("certs", help=certs.HELP, short_help=certs.SHORT)(certs.certs)
app.command("paths", help=paths.HELP, short_help=paths.SHORT)(paths.paths)
app.command("plan", help=plan.HELP, short_help=plan.SHORT)(plan.plan)
app.command("guide", help=guide.HELP, short_help=guide.SHORT)(guide.guide)
app.add_typer(profile.app, name="profile", help=profile.HELP, short_help=profile.SHORT)
app.command("history", help=history.HELP, short_help=history.SHORT)(history.history)
app.command("batch", help=batch.HELP, short_help=batch.SHORT)(batch.batch)
app.command("report", help=report.HELP, short_help=report.SHORT)(report.report)


#: Global options that take a value, so the word after them is not a command name.
_GLOBAL_VALUE_OPTIONS = ("--data-dir",)


def invoked_command(argv: list[str]) -> str | None:
    """The command a command line runs, when nothing before it needs the others.

    Only `--data-dir DIR` may come first; `maplanner --help salary` and the like return
    None, since the top-level help lists every command.
    """
    words = iter(argv)
    for word in words:
        if word in _GLOBAL_VALUE_OPTIONS:
            next(words, None)
        elif not word.startswith(tuple(f"{option}=" for option in _GLOBAL_VALUE_OPTIONS)):
            return word if word in command_names() else None
    return None


def command_names() -> list[str]:
    """Every top-level command name, in the order help lists them."""
    names = [info.name for info in app.registered_commands]
    names += [info.name for info in app.registered_groups]
    return [name for name in names if name]


@functools.cache
def build_command(only: str | None = None) -> typer.main.TyperGroup:  # type: ignore[name-defined]
    """The Click command behind the app, built once per process.

    With `only`, the group holds just that command (see `invoked_command`): building the
    options of every command costs more than a run of most of them, and a command line
    that names one command parses exactly as it would against the full group.

    Option values are converted without pydantic where they are plain (see
    maplanner/commands/plain_values.py): tab completion then never loads it.
    """
    try:
        from maplanner.commands.plain_values import install
    except ImportError:  # a typer without the internals it uses: typer converts, slower
        pass
    else:
        install()
    command = typer.main.get_command(app if only is None else _app_with_only(only))
    _quiet_flag_types(command)
    return command


def _app_with_only(name: str) -> typer.Typer:
    trimmed = copy.copy(app)
    trimmed.registered_commands = [i for i in app.registered_commands if i.name == name]
    trimmed.registered_groups = [i for i in app.registered_groups if i.name == name]
    return trimmed


def _quiet_flag_types(command: typer.main.TyperGroup) -> None:  # type: ignore[name-defined]
    """Help shows a type beside each option; for an on/off flag ('<bool>') it says nothing
    a reader needs, so flags show none (-h/--help included, which click makes late)."""
    for param in command.params:
        if getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = ""
    make_help_option = command.get_help_option

    def quiet_help_option(ctx: typer.Context) -> object:
        option = make_help_option(ctx)
        if option is not None and option.metavar is None:
            option.metavar = ""
        return option

    command.get_help_option = quiet_help_option
    for sub in getattr(command, "commands", {}).values():
        _quiet_flag_types(sub)
