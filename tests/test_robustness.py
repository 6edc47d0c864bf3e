"""No argument list can make maplanner crash, hang or fail silently.

For every command (found by walking the Click group, so new ones are included) Hypothesis
builds argument lists from the command's own options, other commands' options, unknown
and repeated flags, numbers (negative, huge, NaN, infinite), unicode, empty strings,
values of up to 150,000 characters (which must be refused as fast as short ones),
catalog ids and undecodable bytes, and runs them through the real edge in-process with
stdin that is not a terminal. Every run must end with exit 0, 1 or 2; never show a
traceback or the "internal error" catch-all (a bug must not hide behind it); and explain
any failure on stderr in lines that start "maplanner: ".
"""

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.cli_commands import all_option_names, command_at, command_paths, option_names
from tests.conftest import Result, Runner, examples

#: Argument lists per command: 200 in CI (derandomized, the same every run); 8 in the
#: fast suite a developer runs, which draws new ones each run (at 200 this file alone
#: would take most of the fast suite's time).
EXAMPLES_PER_COMMAND = examples(200, locally=8)

UNKNOWN_FLAGS = ["--nope", "-x", "-", "--", "---", "--json=1", "--years=", "-pz", "--=", "-h"]
#: What a shell passes for bytes that are not UTF-8 (Python decodes them this way).
UNDECODABLE = ["\udcff", "caf\udce9", "\udcc3\udca9t\udce9"]
#: Values that are accepted somewhere, so runs get past the first check.
VALID = [
    "CMA",
    "cma",
    "COA",
    "hospital",
    "family-practice",
    "ophthalmology",
    "none",
    "trains",
    "rn",
    "lead-ma",
    "faq",
    "clinical",
    "alternative",
    "46k",
    "22.50/h",
    "$46,000",
    "4",
    "2.5",
    "75",
    "years",
    "setting",
    "2025-03",
    "--yes",
]
NUMBERS = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from(["nan", "-inf", "inf", "1e308", "1e-320", "-0", "0x10", "1_000", "٣", "½"]),
)
TEXT = st.text(st.characters(codec="utf-8"), max_size=24)
#: Values far longer than any name (a pasted file, a runaway script): each must be
#: refused as fast as a short one ("did you mean" once took 8-12 s on 130,000 chars).
LONG = st.one_of(
    st.integers(min_value=201, max_value=150_000).map(lambda n: "a" * n),
    st.sampled_from(VALID).map(lambda value: (value * 30_000)[:130_000]),
    st.integers(min_value=1_000, max_value=100_000).map(lambda n: "9" * n),
)
#: Seconds one fuzzed run may take: far above a normal run, far below the slow paths.
MAX_SECONDS = 6


def _words(path: tuple[str, ...]) -> st.SearchStrategy[str]:
    own = option_names(command_at(path))
    others = all_option_names()
    return st.one_of(
        st.sampled_from(own or ["--help"]),
        st.sampled_from(own or ["--help"]),
        st.sampled_from(others),
        st.sampled_from(UNKNOWN_FLAGS),
        NUMBERS,
        TEXT,
        st.just(""),
        st.sampled_from(VALID),
        st.sampled_from(UNDECODABLE),
        LONG,
    )


def _check(result: Result, args: list[str]) -> None:
    shown = f"{args!r} -> {result.code}\nstdout: {result.out[:300]!r}\nstderr: {result.err!r}"
    assert result.code in {0, 1, 2}, shown
    assert "Traceback" not in result.err and "Traceback" not in result.out, shown
    assert "internal error" not in result.err, shown
    if result.code != 0:
        assert result.err.strip(), shown
    for line in result.err.splitlines():
        assert line.startswith("maplanner: ") or not line.strip(), shown


def _fuzz(
    path: tuple[str, ...],
    run: Runner,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    prefix: list[str],
    words: list[str],
) -> None:
    monkeypatch.chdir(tmp_path)  # batch -o and friends write here, never in the repo
    monkeypatch.setenv("HOME", str(tmp_path))
    args = [*prefix, *path, *words]
    started = time.monotonic()
    result = run(*args)
    took = time.monotonic() - started
    assert took < MAX_SECONDS, f"{[a[:40] for a in args]!r} took {took:.1f} s"
    _check(result, args)


ROOT_PREFIXES: st.SearchStrategy[list[str]] = st.one_of(
    st.just([]),
    st.just([]),
    st.tuples(st.just("--data-dir"), st.one_of(TEXT, st.sampled_from(UNDECODABLE))).map(list),
    st.sampled_from([["--version"], ["--help"], ["-h"], ["--data-dir"]]),
)


@pytest.mark.parametrize("path", command_paths(), ids=" ".join)
def test_no_argument_list_breaks_a_command(
    path: tuple[str, ...], run: Runner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    @settings(
        max_examples=EXAMPLES_PER_COMMAND,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(prefix=ROOT_PREFIXES, words=st.lists(_words(path), max_size=8))
    def check(prefix: list[str], words: list[str]) -> None:
        _fuzz(path, run, monkeypatch, tmp_path, prefix, words)

    check()


def test_no_argument_list_breaks_the_top_level(
    run: Runner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    commands = sorted({path[0] for path in command_paths()})
    word = st.one_of(
        st.sampled_from(commands),
        st.sampled_from(all_option_names()),
        st.sampled_from(UNKNOWN_FLAGS),
        NUMBERS,
        TEXT,
        st.sampled_from(UNDECODABLE),
        LONG,
    )

    @settings(
        max_examples=EXAMPLES_PER_COMMAND,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(words=st.lists(word, max_size=6))
    def check(words: list[str]) -> None:
        _fuzz((), run, monkeypatch, tmp_path, [], words)

    check()


def _case_id(args: list[str]) -> str:
    """The case as a short, printable ASCII test id: an id with escapes, brackets or
    hundreds of characters cannot be handed back to pytest to run that case alone."""
    text = "".join(
        c if c.isascii() and c.isprintable() and c not in "[]:" else "?" for c in " ".join(args)
    )
    return text if len(text) <= 50 else text[:47] + "..."


@pytest.mark.parametrize(
    "args",
    [
        ["salary", "--percentile", "nan"],
        ["salary", "--percentile", "inf"],
        ["salary", "--wage", "1e308"],
        ["salary", "--wage", "-46k"],
        ["assess", "--years", "nan", "--setting", "hospital"],
        ["assess", "--years", "1e309", "--setting", "hospital"],
        ["assess", "--years", "4", "--setting", "hospital", "--pay", "9" * 400],
        ["certs", "--year", "99999999999999999999999"],
        ["certs", "\udcff"],
        ["plan", "--goal", "", "--years", "4", "--setting", "hospital"],
        ["guide", "\x1b[31mred"],
        ["--data-dir", "\udcff", "salary"],
        ["--data-dir", "", "certs"],
        ["salary", "--setting", "hospital", "--setting", "hospital"],
        ["assess", "--years", "4", "--years", "5", "--setting", "hospital"],
    ],
    ids=_case_id,
)
def test_known_awkward_arguments(
    args: list[str], run: Runner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Named cases that once failed elsewhere or easily could; each must end cleanly."""
    if args[0] not in {path[0] for path in command_paths()} and not args[0].startswith("-"):
        pytest.skip(f"no {args[0]} command in this build")
    _fuzz((), run, monkeypatch, tmp_path, [], args)


def test_a_repeated_value_option_keeps_the_last(run: Runner) -> None:
    """Repeating an option is not an error: as in most CLIs, the last one wins."""
    twice = run("salary", "--percentile", "10", "--percentile", "75")
    assert twice.code == 0
    assert "$49,180" in twice.out
