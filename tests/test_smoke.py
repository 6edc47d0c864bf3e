"""The entry points exist and answer."""

from maplanner import __version__
from tests.conftest import Runner


def test_version(run: Runner) -> None:
    result = run("--version")
    assert result.code == 0
    assert result.out.strip() == f"maplanner {__version__}"
