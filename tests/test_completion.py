"""Shell completion offers commands, option names and option values, and stays light.

Completion is tested through the real mechanism: the CLI run with the variables the bash
script sets (_MAPLANNER_COMPLETE=complete_bash, COMP_WORDS, COMP_CWORD), in-process
through the edge, and once end to end in a real bash with the installed script.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from maplanner.catalog import loader
from maplanner.catalog.catalog import Catalog
from maplanner.catalog.certs import TRACKS
from maplanner.catalog.paths import KINDS
from maplanner.commands import completion
from tests.cli_commands import command_at, command_paths, option_names
from tests.conftest import Runner

REPO = Path(__file__).resolve().parent.parent


def complete(run: Runner, monkeypatch: pytest.MonkeyPatch, line: str) -> list[str]:
    """What bash would be offered for `line` (the last word is the one being completed)."""
    words = line.split(" ")
    monkeypatch.setenv("_MAPLANNER_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", line)
    monkeypatch.setenv("COMP_CWORD", str(len(words) - 1))
    result = run()
    assert result.code == 0
    assert result.err == ""
    return [offer for offer in result.out.splitlines() if offer]  # nothing prints one blank


# Commands and option names ---------------------------------------------------------


def test_offers_every_command(run: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    top = {path[0] for path in command_paths()}
    assert set(complete(run, monkeypatch, "maplanner ")) == top
    assert {"assess", "salary", "certs", "paths", "plan", "guide"} <= top


def test_completes_a_partial_command(run: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    assert complete(run, monkeypatch, "maplanner sa") == ["salary"]
    assert complete(run, monkeypatch, "maplanner pa") == ["paths"]


@pytest.mark.parametrize("path", command_paths(), ids=" ".join)
def test_offers_every_option_of_every_command(
    run: Runner, monkeypatch: pytest.MonkeyPatch, path: tuple[str, ...]
) -> None:
    offered = set(complete(run, monkeypatch, " ".join(["maplanner", *path, "--"])))
    expected = {name for name in option_names(command_at(path)) if name.startswith("--")}
    assert expected <= offered
    assert "--help" in offered


def test_offers_the_global_options(run: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    offered = complete(run, monkeypatch, "maplanner --")
    assert {"--data-dir", "--version", "--install-completion", "--help"} <= set(offered)


# Option and argument values ----------------------------------------------------------

VALUE_CASES = {
    "maplanner assess --setting ": "settings-or-student",
    "maplanner plan --setting ": "settings-or-student",
    "maplanner salary --setting ": "settings",
    "maplanner assess --specialty ": "specialties",
    "maplanner assess --leads ": "leadership",
    "maplanner assess --cert ": "certifications",
    "maplanner plan --cert ": "certifications",
    "maplanner certs ": "certifications",
    "maplanner paths ": "paths",
    "maplanner plan --goal ": "paths",
    "maplanner guide ": "topics",
    "maplanner certs --track ": "tracks",
    "maplanner paths --kind ": "kinds",
    "maplanner profile add-cert ": "certifications",
    "maplanner profile remove-cert ": "certifications",
    "maplanner report --goal ": "paths",
    "maplanner report --setting ": "settings-or-student",
}


def _expected(catalog: Catalog, what: str) -> list[str]:
    everything: dict[str, list[str]] = {
        "settings": [setting.id for setting in catalog.settings],
        "settings-or-student": [setting.id for setting in catalog.settings]
        + [catalog.eligibility.student.id],
        "specialties": [specialty.id for specialty in catalog.specialties] + ["none"],
        "leadership": [level.id for level in catalog.estimate.leadership],
        "certifications": [cert.id for cert in catalog.certifications],
        "paths": [path.id for path in catalog.paths],
        "topics": [topic.id for topic in catalog.guide],
        "tracks": list(TRACKS),
        "kinds": list(KINDS),
    }
    return everything[what]


@pytest.mark.parametrize(("line", "what"), VALUE_CASES.items())
def test_offers_the_catalog_values(
    run: Runner, monkeypatch: pytest.MonkeyPatch, catalog: Catalog, line: str, what: str
) -> None:
    assert complete(run, monkeypatch, line) == _expected(catalog, what)


def test_values_are_filtered_by_what_was_typed(
    run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert complete(run, monkeypatch, "maplanner assess --setting hos") == ["hospital"]
    assert complete(run, monkeypatch, "maplanner assess --specialty o") == [
        "ophthalmology",
        "orthopedics",
        "ob-gyn",
    ]
    assert complete(run, monkeypatch, "maplanner plan --goal zzz") == []


def test_ids_match_in_any_case_and_keep_the_case_typed(
    run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert complete(run, monkeypatch, "maplanner certs cm") == ["cma", "cmpe", "cmac", "cmaa"]
    assert complete(run, monkeypatch, "maplanner certs CMP") == ["CMPE"]
    assert complete(run, monkeypatch, "maplanner assess --setting HOS") == ["HOSpital"]


def test_a_comma_list_of_certs_completes_its_last_id(
    run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert complete(run, monkeypatch, "maplanner assess --cert CMA,r") == ["CMA,rma"]
    offered = complete(run, monkeypatch, "maplanner assess --cert CMA,")
    assert "CMA,RMA" in offered
    assert "CMA,CMA" not in offered  # already in the list


def test_values_come_from_the_data_dir_option(
    run: Runner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, catalog: Catalog
) -> None:
    (tmp_path / "settings.toml").write_text(
        '[[setting]]\nid = "night-clinic"\nname = "Night clinic"\n', encoding="utf-8"
    )
    line = f"maplanner --data-dir {tmp_path} assess --setting "
    assert complete(run, monkeypatch, line) == ["night-clinic", "student"]
    # files the override lacks come from the shipped data, as for the commands
    line = f"maplanner --data-dir {tmp_path} certs "
    assert complete(run, monkeypatch, line) == _expected(catalog, "certifications")


def test_values_come_from_the_environment_variable(
    run: Runner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "paths.toml").write_text('[[path]]\nid = "doula"\n', encoding="utf-8")
    monkeypatch.setenv("MAPLANNER_DATA", str(tmp_path))
    assert complete(run, monkeypatch, "maplanner plan --goal ") == ["doula"]


@pytest.mark.parametrize(
    "content",
    [
        b"[[setting]\nid = ",
        b"\xff\xfe garbage",
        b"setting = 3\n",
        b"[[setting]]\nid = 4\n",
        b".".join([b"a"] * 20_000) + b" = 1\n",
    ],
    ids=["bad-toml", "not-utf8", "wrong-type", "id-not-text", "dotted-key-bomb"],
)
def test_a_broken_data_file_offers_nothing_and_says_nothing(
    run: Runner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, content: bytes
) -> None:
    (tmp_path / "settings.toml").write_bytes(content)
    line = f"maplanner --data-dir {tmp_path} assess --setting "
    assert complete(run, monkeypatch, line) == []


def test_a_directory_named_like_a_data_file_offers_nothing(
    run: Runner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "settings.toml").mkdir()
    line = f"maplanner --data-dir {tmp_path} assess --setting "
    assert complete(run, monkeypatch, line) == []


def test_completion_after_a_bad_word_still_answers(
    run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert complete(run, monkeypatch, "maplanner assess --bogus 3 --setting hos") == ["hospital"]
    assert "--data-dir" in complete(run, monkeypatch, "maplanner nosuch --")  # the root's
    assert complete(run, monkeypatch, "maplanner assess --years abc --leads l") == ["lead"]


# Staying light ---------------------------------------------------------------------


def test_completion_imports_neither_pydantic_nor_rich() -> None:
    """Why completion is fast: nothing heavy is imported on a Tab (a test, not a timing)."""
    script = (
        "import sys\n"
        "from maplanner.edge import run\n"
        "code = run([])\n"
        "heavy = ('pydantic', 'rich', 'maplanner.catalog.loader', 'maplanner.core.profile')\n"
        "print('LOADED', *[name for name in heavy if name in sys.modules], file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    for line in ("maplanner sa", "maplanner assess --setting ", "maplanner certs c"):
        env = {
            **os.environ,
            "_MAPLANNER_COMPLETE": "complete_bash",
            "COMP_WORDS": line,
            "COMP_CWORD": str(len(line.split(" ")) - 1),
        }
        done = subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            env=env,
            cwd=REPO,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip(), line
        assert done.stderr.strip() == "LOADED", line


# Kept in step with the catalog ---------------------------------------------------------


def test_static_lists_and_locations_match_the_catalog() -> None:
    assert completion.TRACKS == TRACKS
    assert completion.KINDS == KINDS
    assert completion.DATA_VARIABLE == loader.ENV_VAR
    assert completion.MAX_FILE_BYTES == loader.MAX_FILE_BYTES
    assert completion.MAX_LINE_CHARS == loader.MAX_LINE_CHARS
    assert completion.packaged_data_dir() == loader.packaged_data_dir()


# Installing ----------------------------------------------------------------------------


def test_install_completion_writes_the_script_into_home(
    run: Runner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("SHELL", "/bin/bash")
    monkeypatch.setattr(
        "typer._completion_shared.shellingham.detect_shell", lambda: ("bash", "/bin/bash")
    )
    result = run("--install-completion")
    assert result.code == 0
    script = tmp_path / ".bash_completions" / "maplanner.sh"
    assert f"bash completion installed in {script}" in result.out
    text = script.read_text(encoding="utf-8")
    assert "_MAPLANNER_COMPLETE=complete_bash" in text
    assert "complete -o default -F _maplanner_completion maplanner" in text
    assert f"source '{script}'" in (tmp_path / ".bashrc").read_text(encoding="utf-8")


def test_show_completion_prints_the_script(run: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        "typer._completion_shared.shellingham.detect_shell", lambda: ("bash", "/bin/bash")
    )
    result = run("--show-completion")
    assert result.code == 0
    assert "_MAPLANNER_COMPLETE=complete_bash" in result.out


def _maplanner_on_path(tmp_path: Path) -> dict[str, str]:
    """An environment whose `maplanner` is this working tree, and whose HOME is fake."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    tool = bin_dir / "maplanner"
    tool.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m maplanner "$@"\n', encoding="utf-8")
    tool.chmod(0o755)
    home = tmp_path / "home"
    home.mkdir()
    return {
        **os.environ,
        "HOME": str(home),
        "SHELL": "/bin/bash",
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        "PYTHONPATH": str(REPO),
    }


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_installed_script_completes_in_a_real_bash(tmp_path: Path) -> None:
    env = _maplanner_on_path(tmp_path)
    home = Path(env["HOME"])
    # "; true" keeps bash as the parent process, where typer looks for the shell
    install = subprocess.run(
        ["bash", "-c", "maplanner --install-completion; true"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    script = home / ".bash_completions" / "maplanner.sh"
    assert script.is_file(), install.stdout + install.stderr
    probe = (
        f"source '{script}'\n"
        "COMP_WORDS=(maplanner assess --setting hos); COMP_CWORD=3\n"
        "_maplanner_completion maplanner\n"
        'echo "${COMPREPLY[@]}"\n'
        "COMP_WORDS=(maplanner gu); COMP_CWORD=1\n"
        "_maplanner_completion maplanner\n"
        'echo "${COMPREPLY[@]}"\n'
    )
    done = subprocess.run(
        ["bash", "--norc", "-c", probe], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.stdout.splitlines() == ["hospital", "guide"], done.stderr
