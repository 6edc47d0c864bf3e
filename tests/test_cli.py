"""Conventions every command follows: help, version, usage errors, exit codes."""

import pytest

from maplanner import __version__
from maplanner.cli import build_command
from tests.conftest import Runner

COMMANDS = sorted(build_command().commands)  # type: ignore[attr-defined]


def test_version(run: Runner) -> None:
    result = run("--version")
    assert (result.code, result.out.strip(), result.err) == (0, f"maplanner {__version__}", "")


def test_no_arguments_shows_help(run: Runner) -> None:
    result = run()
    assert result.code == 0
    assert "Usage: maplanner" in result.out
    for name in COMMANDS:
        assert name in result.out


def test_short_and_long_help_are_the_same(run: Runner) -> None:
    assert run("-h").out == run("--help").out


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help(run: Runner, name: str) -> None:
    long = run(name, "--help")
    assert long.code == 0, long.err
    assert f"Usage: maplanner {name}" in long.out
    assert run(name, "-h").out == long.out


def test_the_expected_commands_exist() -> None:
    assert {"assess", "salary", "certs", "paths", "plan", "guide"} <= set(COMMANDS)


def test_unknown_command_is_one_line_exit_2(run: Runner) -> None:
    result = run("salry")
    assert result.code == 2
    assert result.out == ""
    assert len(result.err.strip().splitlines()) == 1
    assert "salry" in result.err


def test_unknown_option_is_one_line_exit_2(run: Runner) -> None:
    result = run("certs", "--bogus")
    assert result.code == 2
    expected = "maplanner: No such option: --bogus (see 'maplanner certs --help')"
    assert result.err.strip() == expected


def test_an_option_without_its_value_points_at_that_commands_help(run: Runner) -> None:
    result = run("salary", "--percentile")
    assert result.code == 2
    assert result.err == (
        "maplanner: Option '--percentile' requires an argument (see 'maplanner salary --help')\n"
    )
    nested = run("profile", "add-cert", "CMA", "--earned")
    assert nested.code == 2
    assert nested.err.endswith("(see 'maplanner profile add-cert --help')\n")
