"""Wiring only: the Typer app, its global options, and the commands it registers.

Each command lives in its own module under `maplanner.commands` and imports what it
needs inside its function, so building this app stays cheap for `--help` and for
tab completion. A command line that names one command gets an app holding just that
command (see `build_command`), so only that command's module is imported.
"""

import functools
import importlib
import re
import shutil
from pathlib import Path
from typing import Annotated

import typer

from maplanner import __version__
from maplanner.commands.shared import use_data_dir

#: Every command, in the order help lists them; each is maplanner.commands.<name>,
#: whose function of the same name is the command (or whose `app` is, for a group).
COMMANDS = (
    "assess",
    "salary",
    "certs",
    "paths",
    "plan",
    "guide",
    "profile",
    "ce",
    "history",
    "batch",
    "report",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"maplanner {__version__}")
        raise typer.Exit()


def main(
    data_dir: Annotated[
        str | None,
        typer.Option(
            "--data-dir",
            metavar="DIR",
            help="Use data files from this directory (for example a school's own "
            "survey as oews-areas.csv); "
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
    if data_dir is not None and not data_dir.strip():
        from maplanner.errors import InputError

        # Path("") is the working folder: an empty value (an unset shell variable) must
        # not quietly read data files from wherever the command runs.
        raise InputError(
            f"--data-dir {data_dir!r} is empty: give the folder that holds the data files "
            "(or leave the option out for the shipped data)"
        )
    use_data_dir(None if data_dir is None else Path(data_dir))


def make_app(names: tuple[str, ...] = COMMANDS) -> typer.Typer:
    """The Typer app with the global options and the named commands."""
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
    app.callback()(main)
    for name in names:
        module = importlib.import_module(f"maplanner.commands.{name}")
        if isinstance(getattr(module, "app", None), typer.Typer):
            app.add_typer(module.app, name=name, help=module.HELP, short_help=module.SHORT)
        else:
            command = getattr(module, name)
            app.command(name, help=module.HELP, short_help=module.SHORT)(command)
    return app


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
    return list(COMMANDS)


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
    command = typer.main.get_command(make_app(COMMANDS if only is None else (only,)))
    _quiet_flag_types(command)
    _tidy_help(command, ())
    return command


#: A command line to copy for every command (shown last in its help), by command words.
EXAMPLES: dict[tuple[str, ...], tuple[str, ...]] = {
    ("assess",): ("maplanner assess --years 4 --cert CMA --setting family-practice",),
    ("salary",): (
        "maplanner salary --percentile 75",
        "maplanner salary --wage 46k --setting hospital",
    ),
    ("certs",): ("maplanner certs cma", "maplanner certs --year 2"),
    ("paths",): ("maplanner paths", "maplanner paths lead-ma"),
    ("guide",): ("maplanner guide getting-hired",),
    ("plan",): (
        "maplanner plan --goal practice-manager --years 4 --cert CMA --setting family-practice",
    ),
    ("profile",): ("maplanner profile show",),
    ("profile", "show"): ("maplanner profile show",),
    ("profile", "set"): ("maplanner profile set years 5",),
    ("profile", "add-cert"): ("maplanner profile add-cert CMA --earned 2024-06",),
    ("profile", "remove-cert"): ("maplanner profile remove-cert CPT",),
    ("profile", "forget"): ("maplanner profile forget --yes",),
    ("history",): ("maplanner history",),
    ("batch",): ("maplanner batch examples/class-roster.csv -o results.csv",),
    ("report",): ("maplanner report -o plan.html --years 4 --setting family-practice",),
    ("ce",): ("maplanner ce", "maplanner ce add CMA --units 2 --category clinical"),
    ("ce", "show"): ("maplanner ce show",),
    ("ce", "add"): (
        "maplanner ce add CMA --units 2 --category clinical --date 2026-03-14 --note 'Webinar'",
    ),
    ("ce", "list"): ("maplanner ce list",),
    ("ce", "remove"): ("maplanner ce remove 3",),
}


def _tidy_help(command: typer.main.TyperGroup, path: tuple[str, ...]) -> None:  # type: ignore[name-defined]
    """Help a newcomer can copy from: plain usage words, whole lines, an example last.

    - An argument the command needs shows as its name (ROSTER.csv), not in the braces
      typer adds ({ROSTER.csv}), which people type along with it.
    - Help text is written wrapped for the source file; its single line breaks are
      joined, so the help wraps once, at the terminal's width, never leaving a word
      alone on a line. Lines that start a command or a list keep their own line.
    - An "Example:" with a command line to copy ends every command's help, unless the
      help already ends with one.
    """
    for param in command.params:
        if getattr(param, "param_type_name", "") == "argument" and param.required:
            name = param.metavar or param.name or ""
            param.get_usage_pieces = lambda ctx, name=name: [name]
    if command.help:
        _help_for_the_terminal(command, command.help)
    examples = EXAMPLES.get(path)
    if examples and "Example" not in (command.help or ""):
        label = "Example:" if len(examples) == 1 else "Examples:"
        command.epilog = "\n".join([label, *(f"  {line}" for line in examples)])
    for name, sub in getattr(command, "commands", {}).items():
        _tidy_help(sub, (*path, name))


def _help_for_the_terminal(command: typer.main.TyperGroup, text: str) -> None:  # type: ignore[name-defined]
    """Lay the help out for the terminal's width each time it is shown (see below)."""
    show = command.format_help

    def format_help(ctx: typer.Context, formatter: object) -> None:
        command.help = plain_paragraphs(text, shutil.get_terminal_size().columns)
        _fitting_help_tables()
        show(ctx, formatter)

    command.format_help = format_help


def _fitting_help_tables() -> None:
    """Typer's option panels crop words ("experien…") in a narrow terminal; its tables
    are made to print one option after another there instead (maplanner.render.fit)."""
    try:
        from typer import rich_utils
    except ImportError:  # typer without rich: Click's plain help, which wraps
        return
    from maplanner.render.fit import FittingTable

    setattr(rich_utils, "Table", FittingTable)  # noqa: B010 (an attribute typer does not export)


def plain_paragraphs(text: str, columns: int = 80) -> str:
    """`text` with each paragraph's single line breaks joined, so the terminal wraps it
    once. Lines that start a command ("maplanner ..."), a list item, or follow a colon
    keep their own line. A block laid out in aligned columns by hand is kept as it is
    where it fits `columns`; where it does not, each entry becomes one line, which the
    terminal wraps by words, instead of every line wrapping on its own."""
    paragraphs = []
    for paragraph in text.strip("\n").split("\n\n"):
        lines = paragraph.split("\n")
        if lines[0].startswith(" "):
            fits = max(len(line) for line in lines) + HELP_PADDING <= columns
            paragraphs.append(paragraph if fits else _entries(lines))
            continue
        joined = [lines[0]]
        for line in lines[1:]:
            if line.startswith((" ", "-", "*", "maplanner ", "$ ")) or joined[-1].endswith(":"):
                joined.append(line)
            else:
                joined[-1] = f"{joined[-1].rstrip()} {line.strip()}"
        paragraphs.append("\n".join(joined))
    return "\n\n".join(paragraphs)


#: Columns Rich's help takes around the text (one space each side).
HELP_PADDING = 2


def _entries(lines: list[str]) -> str:
    """An aligned block as one line per entry: '  maplanner certs  every credential...'."""
    indent = len(lines[0]) - len(lines[0].lstrip())
    entries: list[str] = []
    for line in lines:
        if entries and len(line) - len(line.lstrip()) > indent:
            entries[-1] += " " + line.strip()
        else:
            entries.append(" " * indent + re.sub(r"\s{2,}", "  ", line.strip()))
    return "\n".join(entries)


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
