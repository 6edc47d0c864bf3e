"""The built wheel carries its data: installed in a fresh environment, it works anywhere."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow

#: Every command, run from a directory outside the source tree.
COMMANDS = [
    ["--version"],
    ["--help"],
    ["salary", "--percentile", "75"],
    ["certs", "--year", "2"],
    ["certs", "cma"],
    ["assess", "--years", "4", "--setting", "family-practice", "--cert", "CMA", "--json"],
    ["paths"],
    ["plan", "--goal", "practice-manager", "--years", "4", "--setting", "family-practice"],
    ["guide"],
]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with only the built wheel (and its dependencies)."""
    work = tmp_path_factory.mktemp("wheel")
    built = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(work)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    wheels = list(work.glob("maplanner-*.whl"))
    assert len(wheels) == 1
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheels[0])],
        capture_output=True,
        text=True,
    )
    assert pip.returncode == 0, pip.stdout + pip.stderr
    return venv


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MAPLANNER_", "PYTHON"))}
    env["COLUMNS"] = "80"
    return env


def test_wheel_contains_the_data(installed: Path) -> None:
    found = subprocess.run(
        [
            str(installed / "bin" / "python"),
            "-c",
            "from maplanner.catalog.loader import packaged_data_dir as d; print(d())",
        ],
        cwd=installed.parent,
        check=True,
        capture_output=True,
        text=True,
        env=_env(),
    ).stdout.strip()
    assert Path(found).is_relative_to(installed)
    assert (Path(found) / "wages.toml").is_file()


@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: " ".join(args))
def test_every_command_works_outside_the_source_tree(
    installed: Path, tmp_path: Path, args: list[str]
) -> None:
    script = subprocess.run(
        [str(installed / "bin" / "maplanner"), *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=_env(),
        stdin=subprocess.DEVNULL,
    )
    assert script.returncode == 0, script.stderr
    assert script.stdout.strip()
    module = subprocess.run(
        [str(installed / "bin" / "python"), "-m", "maplanner", *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=_env(),
        stdin=subprocess.DEVNULL,
    )
    assert (module.returncode, module.stdout, module.stderr) == (
        script.returncode,
        script.stdout,
        script.stderr,
    )
