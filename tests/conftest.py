"""Shared fixtures: every test runs isolated from the user's real data and terminal."""

import getpass
import io
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

from maplanner.catalog.catalog import Catalog
from maplanner.catalog.loader import load_catalog, packaged_data_dir

# Property tests run whole commands in-process: a busy machine must not turn a slow
# example into a failure. CI (`.ci/run` sets CI) runs every property at full depth,
# derandomized, so a run is repeatable; a developer's fast run draws a tenth as many
# new examples each time (at least 10, the count Hypothesis's documentation suggests
# for a development profile), so each run explores different ones and the fast suite
# stays fast. A property without its own count tries Hypothesis's default 100 in CI.
IN_CI = bool(os.environ.get("CI"))


def examples(in_ci: int, locally: int | None = None) -> int:
    """How many examples a property tries: `in_ci` in CI, a tenth (at least 10) or
    `locally` in the fast suite a developer runs."""
    if IN_CI:
        return in_ci
    return locally if locally is not None else max(10, in_ci // 10)


# Hypothesis keeps what it learns between runs (failing examples, tried first next
# time; constants found in the code) in the temporary folder, not in the checkout:
# tests write only inside temporary folders.
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / f"maplanner-hypothesis-{getpass.getuser()}")

# pytest rewrites every test module's asserts when it imports it, about 3 s of each
# worker's start. Where bytecode writing is turned off (PYTHONDONTWRITEBYTECODE) it
# redoes that on every run; the rewritten modules are kept in the temporary folder
# instead, never in the checkout. Modules imported before this line are not affected.
if sys.dont_write_bytecode and sys.pycache_prefix is None:
    sys.pycache_prefix = str(
        Path(tempfile.gettempdir()) / f"maplanner-pycache-{getpass.getuser()}"
    )
    sys.dont_write_bytecode = False
settings.register_profile("dev", deadline=None, print_blob=True, max_examples=examples(100))
settings.register_profile("ci", deadline=None, print_blob=True, derandomize=True, database=None)
settings.load_profile("ci" if IN_CI else "dev")


# mutmut (docs/development.md) runs against a mutant only the tests it saw call the
# mutated function. The catalog's memo lives as long as the catalog, so only the first
# test to ask would be seen calling a memoized rule, and a mutant of it would be tried
# against that one test. Under mutmut every test therefore gets memo entries of its own.
if "MUTANT_UNDER_TEST" in os.environ:
    _memo_generation = [0]
    _shared_memo = Catalog.memo

    def _memo_per_test(self: Catalog, key: object, make: Callable[[], object]) -> object:
        return _shared_memo(self, (_memo_generation[0], key), make)

    Catalog.memo = _memo_per_test  # type: ignore[assignment,method-assign]

    @pytest.fixture(autouse=True)
    def _memo_of_its_own() -> None:
        _memo_generation[0] += 1


@dataclass
class Result:
    """What one run of the CLI produced."""

    code: int
    out: str
    err: str


Runner = Callable[..., Result]


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No test reads the developer's saved profile, data override or terminal size."""
    monkeypatch.setenv("MAPLANNER_HOME", str(tmp_path_factory.mktemp("home")))
    monkeypatch.delenv("MAPLANNER_DATA", raising=False)
    monkeypatch.delenv("MAPLANNER_DEBUG", raising=False)
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm")


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Runner:
    """Run `maplanner ARGS...` in-process through the real error edge.

    `input` feeds stdin (not a terminal). Returns the exit code and both streams.
    """
    from maplanner.commands.shared import use_data_dir
    from maplanner.edge import run as edge_run

    def invoke(*args: str, input: str = "") -> Result:
        monkeypatch.setattr(sys, "stdin", io.StringIO(input))
        use_data_dir(None)
        capsys.readouterr()
        code = edge_run(list(args))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return invoke


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The real shipped catalog, validated."""
    return load_catalog(None)


@pytest.fixture
def data_copy(tmp_path: Path) -> Iterator[Path]:
    """A writable copy of the shipped data directory, for breaking on purpose."""
    target = tmp_path / "data"
    target.mkdir()
    for source in packaged_data_dir().glob("*.toml"):
        (target / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    yield target
