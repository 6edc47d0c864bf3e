"""Conventions every command follows: help, version, usage errors, exit codes."""

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer import Context

from maplanner import __version__
from maplanner.cli import build_command, command_names, invoked_command
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


def test_a_very_long_word_the_parser_quotes_is_shortened(run: Runner) -> None:
    """Click repeats what was typed; 150,000 characters must not become one line."""
    extra = run("salary", "b" * 150_000)
    assert extra.code == 2
    assert extra.err == (
        f"maplanner: Got unexpected extra argument(s) ({'b' * 40}… (150,000 characters)) "
        "(see 'maplanner salary --help')\n"
    )
    option = run("certs", "--" + "a" * 201)
    assert option.err.startswith(f"maplanner: No such option: --{'a' * 38}… (203 characters) ")
    at_the_limit = run("certs", "--" + "a" * 198)
    assert f"--{'a' * 198} (see" in at_the_limit.err


def test_an_option_without_its_value_points_at_that_commands_help(run: Runner) -> None:
    result = run("salary", "--percentile")
    assert result.code == 2
    assert result.err == (
        "maplanner: Option '--percentile' requires an argument (see 'maplanner salary --help')\n"
    )
    nested = run("profile", "add-cert", "CMA", "--earned")
    assert nested.code == 2
    assert nested.err.endswith("(see 'maplanner profile add-cert --help')\n")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["salary", "--percentile", "75"], "salary"),
        (["--data-dir", "somewhere", "certs"], "certs"),
        (["--data-dir=somewhere", "plan", "--goal", "x"], "plan"),
        (["profile", "show"], "profile"),
        (["--help", "salary"], None),  # the top-level help lists every command
        (["--version"], None),
        (["sal"], None),  # not a command: the full group suggests 'salary'
        (["--data-dir"], None),
        ([], None),
    ],
)
def test_invoked_command(argv: list[str], expected: str | None) -> None:
    assert invoked_command(argv) == expected


@pytest.mark.parametrize("name", COMMANDS)
def test_a_group_built_for_one_command_parses_it_as_the_full_group_does(name: str) -> None:
    full, alone = build_command(), build_command(name)
    assert list(alone.commands) == [name]  # type: ignore[attr-defined]
    assert [p.name for p in alone.params] == [p.name for p in full.params]
    mine, theirs = alone.commands[name], full.commands[name]  # type: ignore[attr-defined]
    # Contexts made as a run makes them (with the app's settings): Click keeps the help
    # option a context names on the command, which every later run in this process reuses.
    settings = full.context_settings
    with (
        Context(full, **settings) as outer,
        Context(theirs, parent=outer, info_name=name, **theirs.context_settings) as ctx,
    ):
        expected = theirs.get_help(ctx)
    with (
        Context(alone, **settings) as outer,
        Context(mine, parent=outer, info_name=name, **mine.context_settings) as ctx,
    ):
        assert mine.get_help(ctx) == expected
    kept = theirs.get_help_option(ctx)  # what later runs of this command will read
    assert kept is not None and sorted(kept.opts) == ["--help", "-h"]


def test_every_command_is_found_by_name() -> None:
    assert sorted(command_names()) == COMMANDS


def test_the_collector_paused_for_start_up_is_running_again_after(run: Runner) -> None:
    assert gc.isenabled()
    assert run("salary", "--percentile", "75").code == 0
    assert gc.isenabled()  # in-process callers (these tests) get their collector back


def _maplanner_modules_after(args: list[str], home: Path) -> str:
    """Run `args` in a fresh process: its exit code and the maplanner modules it loaded."""
    script = (
        "import sys\n"
        "from maplanner.edge import run\n"
        f"code = run({args!r})\n"
        "print(code, sorted(m for m in sys.modules if m.startswith('maplanner.')))\n"
    )
    env = {**os.environ, "MAPLANNER_HOME": str(home)}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.splitlines()[-1]


def test_a_command_line_naming_one_command_imports_only_that_command(tmp_path: Path) -> None:
    """The point of `build_command(only)`: `salary` does not load the other commands'
    modules (nor the store's database code when nothing is saved)."""
    line = _maplanner_modules_after(["salary", "--percentile", "75"], tmp_path)
    assert line.startswith("0 ")
    assert "'maplanner.commands.salary'" in line
    for other in ("assess", "certs", "batch", "report", "profile", "plan"):
        assert f"'maplanner.commands.{other}'" not in line
    assert "'maplanner.store.db'" not in line


def test_assess_times_the_lead_role_without_defining_the_plans_models(tmp_path: Path) -> None:
    """The lead-role lever counts the plan's years (maplanner.core.plan_steps): building
    the plan would define its result models on every assess."""
    args = ["assess", "--years", "4", "--setting", "family-practice", "--json"]
    line = _maplanner_modules_after(args, tmp_path)
    assert line.startswith("0 ") and "'maplanner.core.plan_steps'" in line
    for heavy in ("maplanner.core.plan", "maplanner.core.paths", "maplanner.core.refs"):
        assert f"'{heavy}'" not in line


def test_the_command_line_ends_without_a_collection_or_teardown(tmp_path: Path) -> None:
    """The entry point leaves the collector off (turned back on, its first collection
    would walk all that start-up made: about 30 ms of `assess`), and ends the process
    once the output is flushed, without Python's teardown of every module (about 10 ms).
    No exit handler runs, so none may be needed."""
    script = (
        "import atexit, gc, os, sys\n"
        "after = []\n"
        "atexit.register(lambda: print('an exit handler ran'))\n"
        "from maplanner.edge import main, _guarded\n"
        "import maplanner.edge as edge\n"
        "def ended(argv):\n"
        "    code = _guarded(argv)\n"
        "    gc.callbacks.append(lambda phase, info: after.append(info['generation']))\n"
        "    return code\n"
        "edge._guarded = ended\n"
        "exit = os._exit\n"
        "def stop(code):\n"
        "    sys.stderr.write(f'{code} {gc.isenabled()} {after}')\n"
        "    exit(code)\n"
        "os._exit = stop\n"
        "main(['salary', '--percentile', '75'])\n"
    )
    env = {**os.environ, "MAPLANNER_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    assert (done.returncode, done.stderr) == (0, "0 False []")
    assert "$49,180 a year (published by BLS)" in " ".join(done.stdout.split())
    assert "an exit handler ran" not in done.stdout


def _salary(stdout: int, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """`maplanner salary --percentile 75` (less than a pipe's buffer of output) writing
    to `stdout`, in a process of its own."""
    env = {**os.environ, "MAPLANNER_HOME": str(tmp_path)}
    return subprocess.run(
        [sys.executable, "-m", "maplanner", "salary", "--percentile", "75"],
        env=env,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_reader_gone_during_the_run_is_quiet(tmp_path: Path) -> None:
    reader, writer = os.pipe()
    os.close(reader)
    try:
        done = _salary(writer, tmp_path)
    finally:
        os.close(writer)
    assert (done.returncode, done.stderr) == (1, "")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_output_that_cannot_be_written_is_said_in_one_line(tmp_path: Path) -> None:
    with Path("/dev/full").open("w") as full:  # every write: no space left on device
        done = _salary(full.fileno(), tmp_path)
    assert (done.returncode, done.stderr) == (1, "maplanner: No space left on device\n")


@pytest.mark.parametrize(
    ("failure", "said"),
    [
        (
            "OSError(errno.ENOSPC, 'No space left on device')",
            "cannot write the output (No space left on device)\n",
        ),
        ("BrokenPipeError(errno.EPIPE, 'Broken pipe')", ""),
        ("KeyboardInterrupt()", "interrupted\n"),
    ],
    ids=["disk-full", "reader-gone", "ctrl-c"],
)
def test_output_still_buffered_at_the_end_is_flushed_or_its_failure_said(
    tmp_path: Path, failure: str, said: str
) -> None:
    """The process ends without Python's teardown, so the entry point flushes stdout
    itself: a failure then is said (or, for a reader that went away, kept quiet)."""
    script = (
        "import errno, io, sys\n"
        "class Failing(io.RawIOBase):\n"
        "    def writable(self): return True\n"
        f"    def write(self, data): raise {failure}\n"
        "sys.stdout = io.TextIOWrapper(io.BufferedWriter(Failing(), 1 << 16))\n"
        "from maplanner.edge import main\n"
        "main(['history', '--json'])\n"
    )
    env = {**os.environ, "MAPLANNER_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    code = 130 if said == "interrupted\n" else 1
    assert (done.returncode, done.stderr) == (code, f"maplanner: {said}" if said else "")
