"""Shared fixtures: every test runs isolated from the user's real data and terminal."""

import io
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

from maplanner.catalog.catalog import Catalog
from maplanner.catalog.loader import load_catalog, packaged_data_dir

# Property tests run whole commands in-process: a busy machine must not turn a slow
# example into a failure. In CI the examples are derandomized, so a run is repeatable
# (locally each run still explores new ones). Locally a property without its own
# max_examples tries 50 new examples a run instead of 100, which keeps the fast suite
# fast; CI tries Hypothesis's default 100, the same ones every run.
settings.register_profile("dev", deadline=None, print_blob=True, max_examples=50)
settings.register_profile("ci", deadline=None, print_blob=True, derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


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
