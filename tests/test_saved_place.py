"""report and plan price a saved profile where it works, as assess --saved does."""

import json
from pathlib import Path

from tests.conftest import Runner

SAVE = ("assess", "--years", "4", "--setting", "family-practice", "--cert", "CMA")


def test_report_uses_the_saved_place_unless_one_is_given(run: Runner, tmp_path: Path) -> None:
    assert run(*SAVE, "--state", "WA", "--save", "--json").code == 0
    assert run("report", "-o", str(tmp_path / "r.json")).code == 0
    saved = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert saved["assessment"]["place"]["name"] == "Washington"
    assert saved["assessment"]["table"]["area"] == "Washington"
    given = run("report", "-o", str(tmp_path / "t.json"), "--state", "TX")
    assert given.code == 0, given.err
    other = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))
    assert other["assessment"]["place"]["name"] == "Texas"


def test_report_without_a_saved_place_stays_national(run: Runner, tmp_path: Path) -> None:
    assert run(*SAVE, "--save", "--json").code == 0
    assert run("report", "-o", str(tmp_path / "r.json")).code == 0
    saved = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert saved["assessment"]["place"] is None


def test_plan_from_the_saved_profile_shows_pay_in_its_place(run: Runner) -> None:
    assert run(*SAVE, "--area", "seattle", "--save", "--json").code == 0
    result = run("plan", "--goal", "rn", "--json")
    assert result.code == 0, result.err
    pay = json.loads(result.out)["pay"]
    assert "Seattle" in json.dumps(pay)
    options = run("plan", "--goal", "rn", "--years", "4", "--setting", "family-practice")
    assert options.code == 0 and "Seattle" not in options.out  # a profile from options
