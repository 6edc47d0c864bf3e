"""Every command's help: a usage line a newcomer can copy, an example, whole lines.

Read for every command and sub-command the CLI has (found by walking it), so a
command added later is held to the same rules.
"""

import itertools
import os
import re

import pytest

from tests.cli_commands import command_paths
from tests.conftest import Runner

PATHS = command_paths()
#: Lines drawn by Rich's option panels; the prose is everything else.
PANEL = re.compile(r"^\s*[│╭╰┃┏┗]")


#: Help read once per command and width in a test process: several tests read it.
_READ: dict[tuple[tuple[str, ...], str], str] = {}


def _help(run: Runner, path: tuple[str, ...]) -> str:
    key = (path, os.environ["COLUMNS"])
    if key not in _READ:
        result = run(*path, "--help")
        assert (result.code, result.err) == (0, ""), result.err
        _READ[key] = result.out
    return _READ[key]


@pytest.mark.parametrize("path", PATHS, ids=" ".join)
def test_usage_has_no_braces(run: Runner, path: tuple[str, ...]) -> None:
    usage = next(line for line in _help(run, path).splitlines() if "Usage:" in line)
    assert "{" not in usage and "}" not in usage, usage
    assert f"maplanner {' '.join(path)}" in usage


def test_batch_usage_names_the_roster_plainly(run: Runner) -> None:
    assert "Usage: maplanner batch [OPTIONS] ROSTER.csv" in _help(run, ("batch",))


@pytest.mark.parametrize("path", PATHS, ids=" ".join)
def test_every_command_has_an_example_to_copy(run: Runner, path: tuple[str, ...]) -> None:
    lines = [line.strip() for line in _help(run, path).splitlines()]
    command = f"maplanner {' '.join(path)}"
    starts = [index for index, line in enumerate(lines) if line.startswith("Example")]
    assert starts, f"no example in '{command} --help'"
    after = " ".join(lines[starts[-1] : starts[-1] + 4])
    assert command in after, after


@pytest.mark.parametrize("path", PATHS, ids=" ".join)
@pytest.mark.parametrize("columns", [60, 80, 120])
def test_no_stray_line_breaks(
    run: Runner, monkeypatch: pytest.MonkeyPatch, path: tuple[str, ...], columns: int
) -> None:
    """A prose line ends early only where its next word would not have fit.

    (Help written wrapped in the source and wrapped again by the terminal left
    "the" alone on a line in 'history --help'.)
    """
    monkeypatch.setenv("COLUMNS", str(columns))
    lines = _help(run, path).splitlines()
    for line, following in itertools.pairwise(lines):
        if PANEL.match(line) or PANEL.match(following):
            continue
        text, next_text = line.strip(), following.strip()
        if not text or not next_text or text.endswith(":"):
            continue
        if next_text.startswith(("maplanner ", "-", "*")):
            continue  # a command or a list item starts its own line
        if len(following) - len(following.lstrip()) >= 5:
            continue  # the second column of a block aligned by hand
        first_word = next_text.split()[0]
        room = columns - 2  # Rich pads the help by one column on each side
        assert len(line.rstrip()) + 1 + len(first_word) > room, (
            f"stray break after {text!r} (next: {first_word!r}) at {columns} columns"
        )
