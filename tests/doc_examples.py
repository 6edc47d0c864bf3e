"""Run the examples in README.md and docs/*.md, compare their output, or rewrite it.

An example is a fenced block whose info string starts with ``console``. In it, a line
that starts with ``$ `` is a command (a trailing `` \\`` continues it on the next line)
and the lines after it, up to the next command, are what a terminal shows: stdout and
stderr as they interleave. Words after ``console`` say how the block runs:

- ``excerpt``: a line that is only ``...`` stands for any number of lines (none too);
  a block that cuts lines this way must say so.
- ``today=YYYY-MM-DD``: maplanner takes that day as today (MAPLANNER_TODAY); the
  default is ``2025-02-15``, so dates in the docs do not change with the calendar.
- ``fresh``: start this block in a new, empty folder (nothing saved).
- ``not-checked``: shown as written, never run (the text around it says why).

Every page runs in a temporary folder of its own, which is both the working directory
(the repository's examples/ folder is copied into it) and MAPLANNER_HOME, so the
blocks of one page share a saved profile, in page order. The folder's path is shown as
``$MAPLANNER_HOME``. Every command runs with COLUMNS=80, NO_COLOR=1, TERM=xterm, stdin
that is not a terminal, and no MAPLANNER_DATA. Commands run in-process through the
real error edge, so a page takes well under a second.

A command is ``maplanner ARGS`` (optionally after ``NAME=value`` words, then
``2>/dev/null`` and ``| head -N``), ``echo $?``, ``cat FILE`` or ``head -N FILE``;
``# ...`` at the end is a comment. scripts/update_docs.py rewrites the outputs in
place; tests/test_docs.py fails when any of them differs.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
import shutil
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_TODAY = "2025-02-15"
HOME_SHOWN_AS = "$MAPLANNER_HOME"
ELLIPSIS = "..."
FENCE = re.compile(r"^(?P<indent>[ ]*)(?P<fence>`{3,})(?P<info>[^`]*)$")
ENVIRONMENT = {"COLUMNS": "80", "NO_COLOR": "1", "TERM": "xterm"}
WORDS = frozenset({"console", "excerpt", "fresh", "not-checked"})


class ExampleError(ValueError):
    """An example that cannot run as written (an unsupported command, a bad marker)."""


def pages() -> list[Path]:
    """Every page whose examples are checked: the README and docs/*.md."""
    return [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]


@dataclass
class Command:
    """One `$ ` command of a block and the output the page shows for it."""

    text: str
    expected: list[str]
    raw: list[str]  # the command's lines as the page writes them
    line: int  # 1-based line of the command in the page


@dataclass
class Block:
    """One fenced ``console`` block: where it is in the page, and its commands."""

    start: int  # index of the first line inside the fence
    end: int  # index of the closing fence
    indent: str
    info: list[str]
    commands: list[Command] = field(default_factory=list)

    @property
    def checked(self) -> bool:
        return "not-checked" not in self.info

    @property
    def excerpt(self) -> bool:
        return "excerpt" in self.info

    @property
    def today(self) -> str:
        for word in self.info:
            if word.startswith("today="):
                return word.removeprefix("today=")
        return DEFAULT_TODAY


def blocks(lines: list[str]) -> list[Block]:
    """The console blocks of a page (its lines without line ends)."""
    found: list[Block] = []
    number = 0
    while number < len(lines):
        opening = FENCE.match(lines[number])
        if not opening:
            number += 1
            continue
        indent, fence, info = opening["indent"], opening["fence"], opening["info"].split()
        close = number + 1
        while close < len(lines) and lines[close].strip() != fence:
            close += 1
        if info and info[0] == "console":
            block = Block(number + 1, close, indent, info)
            inside = [_dedent(line, indent) for line in lines[number + 1 : close]]
            block.commands = _commands(inside, number + 2)
            found.append(block)
        number = close + 1
    return found


def shell_lines_outside_console(lines: list[str]) -> list[int]:
    """Line numbers (1-based) of `$ ` commands in fenced blocks that are not ``console``."""
    stray: list[int] = []
    inside: tuple[str, bool] | None = None
    for number, line in enumerate(lines, 1):
        opening = FENCE.match(line)
        if inside is None and opening:
            info = opening["info"].split()
            inside = (opening["fence"], bool(info) and info[0] == "console")
        elif inside is not None and line.strip() == inside[0]:
            inside = None
        elif inside is not None and not inside[1] and line.lstrip().startswith("$ "):
            stray.append(number)
    return stray


def mark_console_blocks(page: Path) -> int:
    """Make every fenced block with a `$ ` command a ``console`` block (``console excerpt``
    when it has `...` lines); returns how many blocks changed. For pages written before
    their examples were checked."""
    lines = page.read_text(encoding="utf-8").splitlines()
    changed = 0
    number = 0
    while number < len(lines):
        opening = FENCE.match(lines[number])
        if not opening:
            number += 1
            continue
        close = number + 1
        while close < len(lines) and lines[close].strip() != opening["fence"]:
            close += 1
        body = [line.strip() for line in lines[number + 1 : close]]
        info = opening["info"].split()
        if (not info or info[0] != "console") and any(line.startswith("$ ") for line in body):
            words = ["console", *(["excerpt"] if ELLIPSIS in body else [])]
            lines[number] = opening["indent"] + opening["fence"] + " ".join(words)
            changed += 1
        number = close + 1
    if changed:
        page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return changed


def _dedent(line: str, indent: str) -> str:
    return line[len(indent) :] if line.startswith(indent) else line.lstrip()


def _commands(lines: list[str], first_line: int) -> list[Command]:
    commands: list[Command] = []
    for number, line in enumerate(lines, first_line):
        if commands and commands[-1].text.endswith("\\") and not commands[-1].expected:
            commands[-1].text = commands[-1].text[:-1].rstrip() + " " + line.strip()
            commands[-1].raw.append(line)
        elif line.startswith("$ "):
            commands.append(Command(line[2:], [], [line], number))
        elif commands:
            commands[-1].expected.append(line.rstrip())
        elif line.strip():
            raise ExampleError(f"line {number}: output before any command: {line!r}")
    return commands


# Running ---------------------------------------------------------------------------------


@dataclass
class Folder:
    """The temporary folder a page runs in, and the last exit code seen there."""

    path: Path
    last_code: int = 0


@contextlib.contextmanager
def page_folder() -> Iterator[Folder]:
    path = Path(tempfile.mkdtemp(prefix="mpl-"))
    try:
        _fill(path)
        yield Folder(path)
    finally:
        shutil.rmtree(path, ignore_errors=True)


def _fill(path: Path) -> None:
    for child in path.iterdir():
        if child.is_dir():
            shutil.rmtree(child)
        else:
            child.unlink()
    shutil.copytree(REPO / "examples", path / "examples")


def run_block(block: Block, folder: Folder) -> list[list[str]]:
    """The output lines of each command of the block, as a terminal would show them."""
    if "fresh" in block.info:
        _fill(folder.path)
    return [run_command(command.text, folder, block.today) for command in block.commands]


def run_command(text: str, folder: Folder, today: str) -> list[str]:
    words = shlex.split(text, comments=True)
    env: dict[str, str] = {}
    while words and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*=.*", words[0]):
        name, _, value = words.pop(0).partition("=")
        env[name] = value
    if not words:
        raise ExampleError(f"no command in {text!r}")
    program, *args = words
    if program == "echo" and args == ["$?"]:
        return [str(folder.last_code)]
    if program == "cat" and len(args) == 1:
        return _read(folder.path / args[0], None)
    if program == "head" and len(args) == 2 and re.fullmatch(r"-\d+", args[0]):
        return _read(folder.path / args[1], int(args[0][1:]))
    if program != "maplanner":
        raise ExampleError(f"cannot run {text!r}: only maplanner, echo $?, cat and head")
    keep_stderr, limit = True, None
    if "|" in args:
        at = args.index("|")
        args, pipe = args[:at], args[at + 1 :]
        if len(pipe) != 2 or pipe[0] != "head" or not re.fullmatch(r"-\d+", pipe[1]):
            raise ExampleError(f"cannot run {text!r}: the only pipe is | head -N")
        limit = int(pipe[1][1:])
    keep_stdout = True
    if args[-2:] == ["2>&1", ">/dev/null"]:  # the shell's way to show stderr alone
        args = args[:-2]
        keep_stdout = False
    if "2>/dev/null" in args:
        args.remove("2>/dev/null")
        keep_stderr = False
    elif limit is not None:
        raise ExampleError(f"{text!r}: add 2>/dev/null before | head")
    code, output = _maplanner(
        args, {"MAPLANNER_TODAY": today, **env}, folder.path, keep_stderr, keep_stdout
    )
    folder.last_code = code
    lines = output.replace(str(folder.path), HOME_SHOWN_AS).splitlines()
    return _trimmed([line.rstrip() for line in lines[:limit]])


def _read(path: Path, limit: int | None) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()[:limit]
    return _trimmed([line.rstrip() for line in lines])


def _trimmed(lines: list[str]) -> list[str]:
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def _maplanner(
    args: list[str], env: dict[str, str], cwd: Path, keep_stderr: bool, keep_stdout: bool = True
) -> tuple[int, str]:
    from maplanner.commands.shared import use_data_dir
    from maplanner.edge import run

    shown, hidden = io.StringIO(), io.StringIO()
    saved_env, saved_cwd = dict(os.environ), Path.cwd()
    saved_streams = sys.stdin, sys.stdout, sys.stderr
    os.environ.update({**ENVIRONMENT, "MAPLANNER_HOME": str(cwd), **env})
    os.environ.pop("MAPLANNER_DATA", None)
    os.environ.pop("MAPLANNER_DEBUG", None)
    os.chdir(cwd)
    sys.stdin = io.StringIO("")
    sys.stdout = shown if keep_stdout else hidden
    sys.stderr = shown if keep_stderr else hidden
    try:
        use_data_dir(None)
        code = run(args)
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved_streams
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
    return code, shown.getvalue()


# Comparing and rewriting ----------------------------------------------------------------


def matches(expected: list[str], actual: list[str], excerpt: bool) -> bool:
    """Whether the output a page shows is the output the command gives."""
    expected = _trimmed(list(expected))
    if not excerpt:
        return expected == actual
    return _match(_segments(expected), actual, 0, 0)


def _segments(expected: list[str]) -> list[list[str] | None]:
    """The expected lines as runs of literal lines, with None for each `...`."""
    parts: list[list[str] | None] = []
    for line in expected:
        if line.strip() == ELLIPSIS:
            if not parts or parts[-1] is not None:
                parts.append(None)
        elif parts and parts[-1] is not None:
            parts[-1].append(line)  # type: ignore[union-attr]
        else:
            parts.append([line])
    return parts


def _match(parts: list[list[str] | None], actual: list[str], part: int, at: int) -> bool:
    if part == len(parts):
        return at == len(actual)
    current = parts[part]
    if current is None:
        return any(_match(parts, actual, part + 1, start) for start in range(at, len(actual) + 1))
    end = at + len(current)
    return actual[at:end] == current and _match(parts, actual, part + 1, end)


def refreshed(expected: list[str], actual: list[str], excerpt: bool) -> list[str]:
    """New expected lines for a command: the actual output, keeping an excerpt's cuts.

    Each run of kept lines is found again by its first line (the first line at or after
    the previous run that equals it, else the most similar one), and keeps its length; a
    run at the start or end of the block stays at the start or end.
    """
    if not excerpt or not any(line.strip() == ELLIPSIS for line in expected):
        return actual
    import difflib

    parts = _segments(_trimmed(list(expected)))
    result: list[str] = []
    at = 0
    for index, part in enumerate(parts):
        if part is None:
            result.append(ELLIPSIS)
            continue
        first, last = index == 0, index == len(parts) - 1
        if first:
            start = 0
        elif last:
            start = max(at, len(actual) - len(part))
        else:
            rest = actual[at:]
            if part[0] in rest:
                start = at + rest.index(part[0])
            else:
                close = difflib.get_close_matches(part[0], rest, n=1, cutoff=0.0)
                start = at + rest.index(close[0]) if close else at
        result.extend(actual[start : start + len(part)])
        at = start + len(part)
    return result


@dataclass
class Difference:
    """One command whose output on the page is not what it gives now."""

    page: Path
    line: int  # 1-based line of the command in the page
    command: str
    expected: list[str]
    actual: list[str]

    def __str__(self) -> str:
        import difflib

        diff = difflib.unified_diff(self.expected, self.actual, "page", "now", lineterm="")
        where = self.page.relative_to(REPO) if self.page.is_relative_to(REPO) else self.page
        return f"{where}:{self.line}: $ {self.command}\n" + "\n".join(diff)


def check_page(page: Path, rewrite: bool = False) -> list[Difference]:
    """Run a page's examples; with `rewrite`, write the new outputs into the page."""
    lines = page.read_text(encoding="utf-8").splitlines()
    differences: list[Difference] = []
    replacements: list[tuple[Block, list[str]]] = []
    with page_folder() as folder:
        for block in blocks(lines):
            if not block.checked:
                continue
            uses_cuts = any(
                line.strip() == ELLIPSIS for command in block.commands for line in command.expected
            )
            if uses_cuts and not block.excerpt:
                where = f"{page.name}:{block.start}"
                raise ExampleError(f"{where}: '...' lines need 'console excerpt'")
            outputs = run_block(block, folder)
            body: list[str] = []
            for command, actual in zip(block.commands, outputs, strict=True):
                if not matches(command.expected, actual, block.excerpt):
                    differences.append(
                        Difference(page, command.line, command.text, command.expected, actual)
                    )
                body.extend(command.raw)
                body.extend(refreshed(command.expected, actual, block.excerpt))
            replacements.append((block, body))
    if rewrite and differences:
        for block, body in reversed(replacements):
            lines[block.start : block.end] = [
                block.indent + line if line else line for line in body
            ]
        page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return differences
