"""Every command's help: a usage line a newcomer can copy, an example, whole lines,
and no word cut at any width from 40 to 200 columns.

Read for every command and sub-command the CLI has (found by walking it), so a
command added later is held to the same rules. Each command's help is printed once
at each width, and every rule is checked on those prints.
"""

import itertools
import re

import pytest

from tests.cli_commands import command_paths
from tests.conftest import Runner
from tests.test_narrow_screens import WIDE, WIDTHS, assert_fits

PATHS = command_paths()
#: Lines drawn by Rich's option panels; the prose is everything else.
PANEL = re.compile(r"^\s*[│╭╰┃┏┗]")
#: Widths at which a prose line must not end early.
PROSE_WIDTHS = (60, 80)


def _helps(run: Runner, monkeypatch: pytest.MonkeyPatch, path: tuple[str, ...]) -> dict[int, str]:
    printed: dict[int, str] = {}
    for width in (*WIDTHS, WIDE):
        monkeypatch.setenv("COLUMNS", str(width))
        result = run(*path, "--help")
        assert (result.code, result.err) == (0, ""), result.err
        printed[width] = result.out
    return printed


@pytest.mark.parametrize("path", PATHS, ids=" ".join)
def test_help_reads_well_at_every_width(
    run: Runner, monkeypatch: pytest.MonkeyPatch, path: tuple[str, ...]
) -> None:
    printed = _helps(run, monkeypatch, path)
    assert run(*path, "-h").out == printed[WIDE]  # the short form is the same help
    assert_fits(printed)  # no line wider than the terminal, no word cut or lost
    _usage_has_no_braces(printed[80], path)
    _has_an_example_to_copy(printed[80], path)
    for columns in PROSE_WIDTHS:
        _no_stray_line_breaks(printed[columns], columns)


def test_batch_usage_names_the_roster_plainly(run: Runner) -> None:
    assert "Usage: maplanner batch [OPTIONS] ROSTER.csv" in run("batch", "--help").out


def _usage_has_no_braces(help_text: str, path: tuple[str, ...]) -> None:
    usage = next(line for line in help_text.splitlines() if "Usage:" in line)
    assert "{" not in usage and "}" not in usage, usage
    assert f"maplanner {' '.join(path)}" in usage


def _has_an_example_to_copy(help_text: str, path: tuple[str, ...]) -> None:
    lines = [line.strip() for line in help_text.splitlines()]
    command = f"maplanner {' '.join(path)}"
    starts = [index for index, line in enumerate(lines) if line.startswith("Example")]
    assert starts, f"no example in '{command} --help'"
    after = " ".join(lines[starts[-1] : starts[-1] + 4])
    assert command in after, after


def _no_stray_line_breaks(help_text: str, columns: int) -> None:
    """A prose line ends early only where its next word would not have fit.

    (Help written wrapped in the source and wrapped again by the terminal left
    "the" alone on a line in 'history --help'.)
    """
    lines = help_text.splitlines()
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
