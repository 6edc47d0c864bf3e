"""Every command reads the same with colour or without, in a dumb terminal and piped;
run bare at 40 or 200 columns nothing crashes and no line is wider than the terminal
(tests/test_narrow_screens.py checks that no content is lost at any width).

Runs go through the real edge in-process (stdout is then a pipe, as when piped to a file);
one test also pipes a real process. Commands are discovered from the Click group, so a
new command is run in every mode (with --help and with no arguments) automatically.
"""

import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from maplanner.render.output import _trim
from tests.cli_commands import (
    Sample,
    command_paths,
    in_work,
    prepare_work,
    samples,
)
from tests.conftest import Result, Runner

ESCAPE = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")
NARROW, WIDE = 40, 200
SAMPLES = samples()


def _run(
    run: Runner,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    sample: Sample,
    **env: str | None,
) -> Result:
    prepare_work(tmp_path)
    monkeypatch.chdir(tmp_path)
    for name, value in env.items():
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    result = run(*in_work(sample.args, tmp_path))
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    return result


def _widest(text: str) -> int:
    return max((cell_len(line) for line in text.splitlines()), default=0)


def _letters_and_digits(text: str) -> Counter[str]:
    """What wrapping may move but never remove: every letter and digit, counted."""
    return Counter(char for char in text if char.isalnum())


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda sample: sample.name)
def test_colour_modes_read_the_same(
    run: Runner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, sample: Sample
) -> None:
    """NO_COLOR prints no escape codes; with colour forced on, removing the codes leaves
    exactly the plain text (colour carries no meaning of its own); a dumb terminal gets
    the plain text even when colour is forced."""
    plain = _run(run, monkeypatch, tmp_path, sample, NO_COLOR="1", FORCE_COLOR=None).out
    assert not ESCAPE.search(plain), "escape codes with NO_COLOR"
    for token in sample.expect:
        assert token in plain
    coloured = _run(run, monkeypatch, tmp_path, sample, NO_COLOR=None, FORCE_COLOR="1").out
    assert ESCAPE.sub("", coloured) == plain, "colour changed the text"
    dumb = _run(run, monkeypatch, tmp_path, sample, NO_COLOR=None, FORCE_COLOR="1", TERM="dumb")
    assert not ESCAPE.search(dumb.out), "escape codes in a dumb terminal"
    assert dumb.out == plain, "a dumb terminal changed the text"


@pytest.mark.parametrize("args", [("salary", "--percentile", "75"), ("certs",)])
def test_forced_colour_really_colours(
    run: Runner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, args: tuple[str, ...]
) -> None:
    """Guards the test above: FORCE_COLOR does make Rich write escape codes here."""
    coloured = _run(run, monkeypatch, tmp_path, Sample(args, ()), NO_COLOR=None, FORCE_COLOR="1")
    assert ESCAPE.search(coloured.out)


#: Pieces of a printed line: words (some made of the characters colour codes hold),
#: spaces, and colour codes.
_PIECES = st.sampled_from(
    ["a", "bc", "m", "[1;2", ";", " ", "  ", "\x1b[1m", "\x1b[0m", "\x1b[38;5;12m", "\x1b[m"]
)


@given(st.lists(_PIECES, max_size=12).map("".join))
def test_a_line_loses_its_trailing_spaces_and_keeps_its_colour_codes(line: str) -> None:
    """What the stdout wrapper does to each line before its newline (piped output has
    no trailing spaces): the text is the line's text without its trailing spaces, and
    every colour code is still there, in order."""
    trimmed = _trim(line)
    assert ESCAPE.sub("", trimmed) == ESCAPE.sub("", line).rstrip(" ")
    assert [code.group() for code in ESCAPE.finditer(trimmed)] == [
        code.group() for code in ESCAPE.finditer(line)
    ]
    pairs = enumerate(zip(line, trimmed, strict=False))
    kept = next((index for index, (a, b) in pairs if a != b), len(trimmed))
    assert not ESCAPE.sub("", trimmed[kept:]), "only colour codes follow what is kept of the line"


@pytest.mark.parametrize("width", [NARROW, WIDE])
@pytest.mark.parametrize("path", command_paths(), ids=" ".join)
def test_every_command_runs_bare_in_every_width(
    run: Runner,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    path: tuple[str, ...],
    width: int,
) -> None:
    """Discovered commands without arguments fit the width and never crash (their help
    is held to every width in tests/test_help_text.py, the samples' screens in
    tests/test_narrow_screens.py)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", str(width))
    bare = run(*path)
    assert bare.code in {0, 1, 2}
    assert "Traceback" not in bare.err and "internal error" not in bare.err
    assert _widest(bare.out) <= width
    if bare.code != 0:
        assert bare.err.startswith("maplanner: ")


@pytest.mark.parametrize("args", [("certs", "--year", "2")])
def test_a_real_pipe_without_columns_gets_80_columns(args: tuple[str, ...]) -> None:
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"COLUMNS", "LINES", "FORCE_COLOR", "NO_COLOR"}
    }
    done = subprocess.run(
        [sys.executable, "-m", "maplanner", *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parent.parent,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert not ESCAPE.search(done.stdout)
    assert 60 < _widest(done.stdout) <= 80
