"""Every screen fits 40, 60 and 80 columns without a word cut in two (help: test_help_text).

How "no word is split" is checked: the same screen is printed at 200 columns, where
nothing needs to wrap, and the words (runs of non-space characters holding a letter
or a digit) of the narrow screen must be exactly the words of the wide one, as many
times each. A word folded in two ("Associatio" / "n"), cut off with an ellipsis or
dropped from a chart changes that list; rewrapping text or stacking a table does not.
Box lines and the bar's own characters (-, =, |, [ ]) hold no letters, so a chart may
be drawn shorter without counting as a change. The sample screens' figures and ids
(tests/cli_commands.py) must be there whole at 200 columns, so at every width.
"""

import io
import re
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from maplanner.catalog.catalog import Catalog
from maplanner.commands.interview import run_interview, say_terminal
from tests.cli_commands import Sample, in_work, prepare_work, samples
from tests.conftest import Runner

WIDTHS = (40, 60, 80)
WIDE = 200

MORE_SCREENS: list[tuple[str, ...]] = [
    ("assess", "--years", "0", "--setting", "family-practice"),
    ("assess", "--years", "0", "--setting", "chiropractic-optometry", "--pay", "40k"),
    (
        "assess",
        *("--years", "12", "--cert", "CMA", "--cert", "COA", "--cert", "COT"),
        *("--setting", "specialty-clinic", "--specialty", "ophthalmology"),
        *("--leads", "supervises", "--pay", "30/h"),
    ),
    ("salary",),
    ("salary", "--percentile", "5"),
    ("certs", "--track", "specialty"),
    ("certs", "--year", "6"),
    ("paths", "lpn"),
    ("guide", "getting-hired"),
    ("plan", "--goal", "rn", "--years", "0", "--setting", "hospital"),
]
SCREENS: list[Sample] = [*samples(), *(Sample(args, ()) for args in MORE_SCREENS)]


@pytest.fixture
def short_dir() -> Iterator[Path]:
    """A temporary folder with a short path, removed afterwards: paths are printed
    whole, and pytest's own folders are longer than a 40-column line."""
    folder = Path(tempfile.mkdtemp(prefix="m"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def words(text: str) -> Counter[str]:
    return Counter(word for word in text.split() if re.search(r"[^\W_]", word))


def widest(text: str) -> int:
    return max((len(line) for line in text.splitlines()), default=0)


def assert_fits(printed: dict[int, str]) -> None:
    wide = words(printed[WIDE])
    assert widest(printed[WIDE]) <= WIDE
    for width in WIDTHS:
        text = printed[width]
        assert widest(text) <= width, f"a line is wider than {width}:\n{text}"
        narrow = words(text)
        assert narrow == wide, (
            f"at {width} columns, words cut or lost: {sorted((narrow - wide).elements())[:8]} "
            f"instead of {sorted((wide - narrow).elements())[:8]}"
        )


def _at_widths(monkeypatch: pytest.MonkeyPatch, show: Callable[[], str]) -> dict[int, str]:
    printed: dict[int, str] = {}
    for width in (*WIDTHS, WIDE):
        monkeypatch.setenv("COLUMNS", str(width))
        printed[width] = show()
    return printed


@pytest.mark.parametrize("sample", SCREENS, ids=lambda sample: " ".join(sample.args))
def test_every_screen_fits_narrow_terminals(
    run: Runner, monkeypatch: pytest.MonkeyPatch, short_dir: Path, sample: Sample
) -> None:
    short = short_dir
    monkeypatch.setenv("MAPLANNER_HOME", str(short / "h"))
    prepare_work(short)
    command = in_work(sample.args, short)

    def show() -> str:
        result = run(*command)
        assert result.code == 0, result.err
        assert "…" not in result.out  # Rich's sign that it cut something short
        return result.out

    printed = _at_widths(monkeypatch, show)
    for token in sample.expect:  # whole at 200 columns, so (same words) at every width
        assert token in printed[WIDE], f"{token!r} missing"
    assert_fits(printed)


def test_history_and_the_saved_profile_fit(
    run: Runner, monkeypatch: pytest.MonkeyPatch, short_dir: Path
) -> None:
    monkeypatch.setenv("MAPLANNER_HOME", str(short_dir / "h"))
    assert run("assess", "--years", "2", "--setting", "hospital", "--save").code == 0
    saved = run("assess", "--years", "3", "--cert", "CMA", "--setting", "hospital", "--save")
    assert saved.code == 0
    for args in (("history",), ("profile",), ("salary",)):
        assert_fits(_at_widths(monkeypatch, lambda args=args: run(*args).out))


def test_the_interview_fits_narrow_terminals(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = ["4", "cma, coa", "specialty-clinic", "xyz", "ophthalmology", "lead", "46k"]
    answers += ["", "", ""]  # education, accredited program, what-if: skipped

    def show() -> str:
        script = iter(answers)
        prompts: list[str] = []

        def ask(prompt: str) -> str:
            prompts.append(prompt)
            return next(script)

        stream = io.StringIO()
        monkeypatch.setattr(sys, "stderr", stream)
        run_interview(catalog, None, ask=ask, say=say_terminal)
        monkeypatch.setattr(sys, "stderr", sys.__stderr__)
        return stream.getvalue() + "\n".join(prompts)

    printed = _at_widths(monkeypatch, show)
    assert "Ctrl-C" in printed[40] and "IJCAHPO" in printed[40]
    assert_fits(printed)


def test_the_wage_chart_keeps_every_label_at_40_columns(
    run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    out = run("assess", "--years", "4", "--cert", "CMA", "--setting", "family-practice").out
    chart = out.split("Annual wage", 1)[1].split("E = estimate", 1)[0]
    for label in ("10th", "25th", "50th", "75th", "90th"):
        assert label in chart
    for amount in ("$36,050", "$38,470", "$45,690", "$49,180", "$59,310"):
        assert amount in chart
    assert widest(chart) <= 40


def test_a_command_to_copy_is_split_the_way_a_shell_reads_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    stream = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stream)
    say_terminal("  maplanner assess --years 4 --cert CMA --setting 'urgent care' --pay 46k")
    monkeypatch.setattr(sys, "stderr", sys.__stderr__)
    lines = stream.getvalue().splitlines()
    assert len(lines) > 1 and all(len(line) <= 39 for line in lines)
    assert all(line.endswith(" \\") for line in lines[:-1])
    assert "'urgent care'" in stream.getvalue()
