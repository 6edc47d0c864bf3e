"""`maplanner report`: write the saved plan as a file to print or email.

The report is built from the saved profile (or from the same options as `assess`,
for a counselor who saves nothing), then written in the format the file name asks
for. Writing is atomic: the document goes to a hidden temporary file in the same
folder and is renamed over the target only when complete, so a crash never leaves
half a report. An existing file is replaced only with --force.

Exit codes: 0 written; 1 the folder is missing or cannot be written; 2 a usage
problem (no saved profile, an unknown format, an existing file without --force).
"""

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from maplanner.commands import completion
from maplanner.commands.place_options import AreaOption, StateOption
from maplanner.commands.profile_options import (
    CertOption,
    LeadsOption,
    PayOption,
    SettingOption,
    SpecialtyOption,
    YearsOption,
)

if TYPE_CHECKING:
    pass

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

#: File name endings and the format each one means.
EXTENSIONS = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
}
#: --format values (any case) and the format each one means.
FORMATS = {"md": "md", "markdown": "md", "html": "html", "htm": "html", "json": "json"}
FORMAT_NAMES = {"md": "Markdown", "html": "HTML", "json": "JSON"}
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
    state: StateOption = None,
    area: AreaOption = None,
) -> None:
    from maplanner.commands.profile_source import (
        options_given,
        profile_from_options,
        saved_profile,
    )
    from maplanner.commands.shared import catalog
    from maplanner.core.paths import find_path
    from maplanner.core.report import build_report
    from maplanner.store import today

    kind = choose_format(output, report_format)
    target = None if output == "-" else check_target(output, force=force)
    prepared_for = check_name(name)
    data = catalog()
    goal_id = None if goal is None else find_path(data, goal, option="--goal").id
    from_options = options_given(years, cert, setting, specialty, leads, pay)
    if from_options:
        profile = profile_from_options(
            data,
            years=years,
            certs=cert,
            setting=setting,
            specialty=specialty,
            leads=leads,
            pay=pay,
            purpose="a report from options",
        )
        saved_on = None
    else:
        profile, saved_on = saved_profile(
            data,
            why="to report on",
            example="maplanner report -o plan.html --years 4 --setting family-practice",
        )
    from maplanner.commands.assess import place_and_table

    where, table = place_and_table(state, area)
    document = build_report(
        profile,
        data,
        today(),
        where=where,
        table=table,
        goal_id=goal_id,
        profile_from="options" if from_options else "saved",
        profile_saved_on=saved_on,
        prepared_for=prepared_for,
    )
    if kind == "html":
        from maplanner.render.report_html import render_html

        text = render_html(document)
    elif kind == "md":
        from maplanner.render.report_md import render_markdown

        text = render_markdown(document)
    else:
        from maplanner.render.json_text import json_text

        text = json_text(document) + "\n"
    if target is None:
        sys.stdout.write(text)
        return
    write_atomically(target, text, force=force)
    typer.echo(f"Wrote {FORMAT_NAMES[kind]} report to {target} ({document.made_on}).")


def choose_format(output: str, option: str | None) -> str:
    """md, html or json: --format if given, else the file name's ending."""
    if option is not None:
        chosen = FORMATS.get(option.strip().lower())
        if chosen is None:
            raise _input_error(f"--format {option!r} is not a report format: use md, html or json")
        return chosen
    if output == "-":
        return "md"
    suffix = Path(output).suffix.lower()
    chosen = EXTENSIONS.get(suffix)
    if chosen is None:
        said = f"ends in {suffix!r}" if suffix else "has no ending"
        raise _input_error(
            f"-o {output!r} {said}, so the format is unknown: end the name in "
            f"{', '.join(EXTENSIONS)}, or add --format md|html|json"
        )
    return chosen


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


def check_target(output: str, *, force: bool) -> Path:
    """The file to write, checked before any work: a usage error (exit 2) for a
    folder, a device, or an existing file without --force; exit 1 for a folder that
    is missing or cannot be written."""
    if "\x00" in output or not output.strip():
        raise _input_error(f"-o {output!r} is not a file name: give one like plan.html")
    path = Path(output)
    if path.is_symlink():  # write through the link, to the file it names
        path = Path(os.path.realpath(path))
    if path.is_dir():
        raise _input_error(f"-o {output} is a folder: give a file name like plan.html")
    if path.exists() and not path.is_file():
        raise _input_error(f"-o {output} is not a regular file: give a file name like plan.html")
    if path.exists() and not force:
        raise _input_error(f"-o {output} already exists: add --force to replace it")
    folder = path.parent
    if folder.exists() and not folder.is_dir():
        raise _file_error(f"cannot write {output}: {folder} is a file, not a folder")
    if not folder.is_dir():
        raise _file_error(f"cannot write {output}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise _file_error(f"cannot write {output}: the folder {folder} is not writable")
    return path


def write_atomically(path: Path, text: str, *, force: bool) -> None:
    """Write `text` to a hidden temporary file beside `path`, then move it into place.

    With --force the move replaces any file (os.replace: atomic on one file system).
    Without it the move is a hard link, which fails if a file appeared meanwhile, so
    a file created since the check is never overwritten either.
    """
    data = text.encode("utf-8")
    part = _temporary(path)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(part.descriptor, view) :]
            os.fsync(part.descriptor)
        finally:
            os.close(part.descriptor)
        if force:
            part.path.replace(path)
        else:
            _link_new(part.path, path)
    except OSError as error:
        raise _file_error(f"cannot write {path}: {error.strerror or error}") from None
    finally:
        part.path.unlink(missing_ok=True)


class _Part:
    def __init__(self, path: Path, descriptor: int) -> None:
        self.path = path
        self.descriptor = descriptor


def _temporary(path: Path) -> _Part:
    """A new hidden file `.NAME.PID.N.part` in the target's folder, opened for writing."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for attempt in range(100):
        part = path.with_name(f".{path.name}.{os.getpid()}.{attempt}.part")
        try:
            return _Part(part, os.open(part, flags, 0o666))
        except FileExistsError:
            continue
        except OSError as error:
            raise _file_error(f"cannot write {path}: {error.strerror or error}") from None
    raise _file_error(f"cannot write {path}: too many leftover .part files beside it")


def _link_new(part: Path, path: Path) -> None:
    """Move `part` to `path` only if `path` does not exist (no overwrite, even racing)."""
    try:
        os.link(part, path)
    except FileExistsError:
        raise _input_error(f"-o {path} already exists: add --force to replace it") from None
    except OSError:  # a file system without hard links: check, then rename
        if path.exists():
            raise _input_error(f"-o {path} already exists: add --force to replace it") from None
        part.replace(path)


def _input_error(message: str) -> Exception:
    from maplanner.errors import InputError

    return InputError(message)


def _file_error(message: str) -> Exception:
    """Exit 1: the file system, not the person's input, is the problem."""
    from maplanner.errors import MaplannerError

    return MaplannerError(message)
