"""`maplanner assess` in a real pseudo-terminal, driven like a person would."""

import json
import os
import shlex
import sys
from pathlib import Path
from typing import Any

import pytest

pexpect: Any = pytest.importorskip("pexpect")

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 30  # generous: only reached when something is broken


def spawn(*args: str, command: str | None = None) -> Any:
    env = {**os.environ, "NO_COLOR": "1", "TERM": "xterm", "COLUMNS": "100"}
    if command is not None:
        return pexpect.spawn(
            "/bin/sh",
            ["-c", command],
            env=env,
            cwd=str(ROOT),
            dimensions=(40, 100),
            encoding="utf-8",
            timeout=TIMEOUT,
        )
    return pexpect.spawn(
        sys.executable,
        ["-m", "maplanner", "assess", *args],
        env=env,
        cwd=str(ROOT),
        dimensions=(40, 100),
        encoding="utf-8",
        timeout=TIMEOUT,
    )


def finish(child: Any) -> str:
    child.expect(pexpect.EOF)
    rest = str(child.before)
    child.close()
    return rest


def test_interview_in_a_terminal_places_the_person() -> None:
    child = spawn()
    child.expect_exact("1/9  Years of experience")
    child.expect_exact("Years: ")
    child.sendline("four")
    child.expect_exact("'four' is not a number of years")
    child.expect_exact("Years: ")
    child.sendline("4")
    child.expect_exact("6  COA   Certified Ophthalmic Assistant")
    child.expect_exact("Certifications [none]: ")
    child.sendline("1,6")  # CMA and COA, picked by number
    child.expect_exact("Setting: ")
    child.sendline("2")
    child.expect_exact("Specialty [none]: ")
    child.sendline("1")
    child.expect_exact("Leadership [none]: ")
    child.sendline("")
    child.expect_exact("Pay [skip]: ")
    child.sendline("46k")
    for optional in (
        "Place [national]: ",
        "Education [skip]: ",
        "Accredited [not sure]: ",
        "What if [skip]: ",
    ):
        child.expect_exact(optional)
        child.sendline("")
    child.expect_exact("--cert CMA --cert COA --setting specialty-clinic")
    child.expect_exact("[y/N]: ")  # the offer to save the profile, after the report
    report = str(child.before)
    child.sendline("n")
    output = report + finish(child)
    assert child.exitstatus == 0
    assert "Specialized" in output
    assert "about the 47th percentile" in output
    assert "about the 52nd percentile" in output
    assert "Traceback" not in output


def test_ctrl_c_leaves_cleanly_with_130() -> None:
    child = spawn()
    child.expect_exact("Years: ")
    child.sendintr()
    output = finish(child)
    assert child.exitstatus == 130
    assert "maplanner: interrupted" in output
    assert "Traceback" not in output


def test_end_of_input_leaves_cleanly_with_1() -> None:
    child = spawn("--years", "3")  # --setting is missing, so the interview runs
    child.expect_exact("Years [3]: ")
    child.sendeof()
    output = finish(child)
    assert child.exitstatus == 1
    assert "input ended before an answer was given" in output
    assert "Traceback" not in output


def test_redirected_stdout_still_shows_the_questions(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    command = f"{shlex.quote(sys.executable)} -m maplanner assess --json > {shlex.quote(str(out))}"
    child = spawn(command=command)
    child.expect_exact("Years: ")
    child.sendline("1")
    child.expect_exact("Certifications [none]: ")
    child.sendline("")
    child.expect_exact("Setting: ")
    child.sendline("1")
    for prompt in (
        "Specialty [none]: ",
        "Leadership [none]: ",
        "Pay [skip]: ",
        "Place [national]: ",
        "Education [skip]: ",
        "Accredited [not sure]: ",
        "What if [skip]: ",
        "[y/N]: ",
    ):
        child.expect_exact(prompt)
        child.sendline("")
    finish(child)
    assert child.exitstatus == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["tier"] == "entry"
    assert data["estimated_percentile"] == 14.8
