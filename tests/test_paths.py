"""`maplanner paths`: every path the guides describe, one path in detail, and errors."""

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from maplanner.catalog.catalog import Catalog
from maplanner.catalog.loader import packaged_data_dir
from maplanner.catalog.paths import PayFigure
from maplanner.core.paths import NO_PAY, pay_text
from tests import seed_overlap
from tests.conftest import Runner

#: Every advancement and alternative path the two guides describe, in data-file order.
ADVANCEMENT = ["lead-ma", "clinical-operations-manager", "practice-manager"]
ALTERNATIVE = [
    "lpn-lvn",
    "rn",
    "medical-coding",
    "phlebotomy-lab",
    "healthcare-administration",
    "care-coordination",
    "medical-sales",
]
ALL_PATHS = ADVANCEMENT + ALTERNATIVE

ROW_KEYS = {
    "id",
    "name",
    "kind",
    "aliases",
    "work",
    "requires",
    "time_to_get_there",
    "carries_over",
    "min_years",
    "pay",
    "pay_text",
    "occupation_pay",
    "credentials",
    "steps",
    "reached_if",
    "next",
    "times_source",
    "times_note",
    "source",
}
STEP_KEYS = {
    "number",
    "title",
    "years",
    "credentials",
    "choose_one",
    "skills",
    "role",
    "milestone",
    "midway",
    "done_if",
}


def widest(text: str) -> int:
    return max(len(line) for line in text.splitlines())


def listing(run: Runner, *args: str) -> dict[str, Any]:
    result = run("paths", *args, "--json")
    assert (result.code, result.err) == (0, "")
    document = json.loads(result.out)
    assert isinstance(document, dict)
    return document


# The list --------------------------------------------------------------------------


def test_every_guide_path_has_a_row_in_order(run: Runner) -> None:
    document = listing(run)
    assert [row["id"] for row in document["paths"]] == ALL_PATHS
    assert document["kind"] is None


HEADING = re.compile(r"^(?P<name>\S.*) · (?P<id>[a-z-]+)$")


def blocks(out: str) -> dict[str, tuple[str, str]]:
    """The rendered list's blocks by path id: (name, the labelled rows re-joined)."""
    found: dict[str, tuple[str, str]] = {}
    current: tuple[str, str] | None = None
    lines: list[str] = []
    for line in [*out.splitlines(), ""]:
        heading = HEADING.match(line.rstrip())
        if heading:
            current = (heading["id"], heading["name"])
            lines = []
        elif current and line.startswith("   "):
            lines.append(line.strip())
        elif current:
            found[current[0]] = (current[1], " ".join(" ".join(lines).split()))
            current = None
    return found


def test_list_has_one_block_per_path_grouped_by_kind(run: Runner) -> None:
    out = run("paths").out
    assert list(blocks(out)) == ALL_PATHS
    assert out.index("Advancement paths (3)") < out.index("Alternative paths (7)")


def test_exact_block_for_practice_manager(run: Runner) -> None:
    name, rows = blocks(run("paths").out)["practice-manager"]
    assert name == "Practice or office manager"
    assert rows == (
        "Work: Run a practice as a business as well as a clinic: staff, schedules, "
        "billing, vendors and compliance. "
        "Needs: Solid administrative and business skills; no licence. Often a bachelor's "
        "degree in healthcare administration or the CMPE credential. "
        "Time: About 8-9 years from the start of an MA career "
        "Carries over: Front- and back-office know-how, billing and insurance work, and "
        "your relationships with staff and providers. "
        "Pay: Medical and Health Services Managers (SOC 11-9111), United States: median "
        "$123,860 (10th-90th $73,390-$224,340); BLS OEWS May 2025"
    )


def test_exact_block_for_rn(run: Runner) -> None:
    name, rows = blocks(run("paths").out)["rn"]
    assert name == "Registered nurse (RN)"
    assert rows.startswith("Work: Assess patients, plan and give nursing care")
    assert "Needs: An associate (ADN) or bachelor's (BSN) degree in nursing, then the " in rows
    assert rows.endswith(
        "Pay: Registered Nurses (SOC 29-1141), United States: median $97,550 "
        "(10th-90th $68,940-$137,470); BLS OEWS May 2025"
    )


def test_list_shows_work_needs_time_carries_over_and_pay(run: Runner) -> None:
    out = run("paths").out
    for label in ("Work:", "Needs:", "Time:", "Carries over:", "Pay:"):
        assert out.count(label) == len(ALL_PATHS), label
    assert " ".join(out.split()).count("BLS OEWS May 2025") == len(ALL_PATHS)
    assert "no verified figure" not in out


def test_exact_row_for_lead_ma(run: Runner) -> None:
    row = listing(run)["paths"][0]
    assert set(row) == ROW_KEYS
    assert row["id"] == "lead-ma"
    assert row["name"] == "Lead MA"
    assert row["kind"] == "advancement"
    assert row["time_to_get_there"] == "About 4-6 years as an MA"
    assert row["min_years"] == 3
    assert row["pay"] is None
    assert row["pay_text"].startswith("Medical Assistants (SOC 31-9092), United States: median")
    assert row["occupation_pay"]["national"]["median_annual"] == 45690
    assert row["occupation_pay"]["release"] == "2025A01"
    assert row["credentials"] == [{"id": "CMA", "name": "Certified Medical Assistant (AAMA)"}]
    assert [step["title"] for step in row["steps"]] == [
        "Primary MA credential",
        "Informal leadership",
        "The lead role",
    ]
    assert row["reached_if"] == "your --leads answer is lead or supervises"
    assert [p["id"] for p in row["next"]] == ["clinical-operations-manager", "practice-manager"]
    assert row["source"]["publisher"] == "Resume Geni"


def test_every_path_shows_its_occupations_bls_pay(run: Runner) -> None:
    """Pay comes from the OEWS table of each path's occupation, never a guessed figure."""
    for row in listing(run)["paths"]:
        assert row["pay"] is None
        assert row["pay_text"] != NO_PAY
        assert row["occupation_pay"]["source"]["id"] == "bls-oews-2025"


def test_paths_in_a_state_show_the_places_pay_or_blss_reason(run: Runner) -> None:
    rows = {r["id"]: r for r in json.loads(run("paths", "--state", "WA", "--json").out)["paths"]}
    assert rows["rn"]["occupation_pay"]["place"]["median_annual"] == 124200
    guam = {r["id"]: r for r in json.loads(run("paths", "--state", "guam", "--json").out)["paths"]}
    assert guam["rn"]["occupation_pay"]["place"]["withheld"] == "Estimate not released."


def test_a_verified_pay_figure_is_shown_with_its_vintage(catalog: Catalog) -> None:
    figure = PayFigure(median_annual=52000, vintage="May 2024", source="bls-oews-2024")
    assert pay_text(catalog, figure) == (
        "$52,000 median a year (May 2024, U.S. Bureau of Labor Statistics)"
    )
    assert pay_text(catalog, None) == "no verified figure"


@pytest.mark.parametrize(
    ("kind", "expected"), [("advancement", ADVANCEMENT), ("ALTERNATIVE", ALTERNATIVE)]
)
def test_kind_filters_the_list(run: Runner, kind: str, expected: list[str]) -> None:
    document = listing(run, "--kind", kind)
    assert document["kind"] == kind.lower()
    assert [row["id"] for row in document["paths"]] == expected
    human = run("paths", "--kind", kind)
    assert list(blocks(human.out)) == expected
    assert human.out.splitlines()[0] == f"{kind.capitalize()} paths ({len(expected)})"


def test_unknown_kind_is_exit_2_naming_it(run: Runner) -> None:
    result = run("paths", "--kind", "sideways")
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "maplanner: --kind 'sideways' is not a kind of path; choose one of: "
        "advancement, alternative\n"
    )


@pytest.mark.parametrize("args", [(), ("--kind", "advancement"), ("--kind", "alternative")])
def test_list_fits_80_columns_without_colour(run: Runner, args: tuple[str, ...]) -> None:
    result = run("paths", *args)
    assert result.code == 0
    assert widest(result.out) <= 80
    assert "\x1b[" not in result.out


# One path --------------------------------------------------------------------------


@pytest.mark.parametrize("path_id", ALL_PATHS)
def test_every_path_has_a_detail_view_within_80_columns(run: Runner, path_id: str) -> None:
    result = run("paths", path_id)
    assert (result.code, result.err) == (0, "")
    assert f" · {path_id} · " in result.out.splitlines()[0]
    assert widest(result.out) <= 80
    assert "Steps" in result.out


def test_detail_lists_steps_with_years_credentials_skills_role_milestone(run: Runner) -> None:
    out = run("paths", "practice-manager").out
    assert "4. Management credential (1 year)" in out
    assert "3. Lead and supervise (2 years)" in out
    assert "CMPE: Certified Medical Practice Executive (ACMPE)" in out
    assert "Role:       Practice Manager" in out
    assert "Done when:" in out and "Midway:" in out
    assert "Skipped if: you hold CMA, RMA, CCMA, NCMA or CMAC" in out


def test_detail_json_shape(run: Runner) -> None:
    result = run("paths", "practice-manager", "--json")
    assert (result.code, result.err) == (0, "")
    document = json.loads(result.out)
    assert set(document) == {"path"}
    path = document["path"]
    assert set(path) == ROW_KEYS
    steps = path["steps"]
    assert all(set(step) == STEP_KEYS for step in steps)
    assert [(s["title"], s["years"]) for s in steps] == [
        ("Primary MA credential", 1),
        ("Administrative depth", 1),
        ("Lead and supervise", 2),
        ("Management credential", 1),
        ("Run the practice", 1),
    ]
    assert steps[0]["choose_one"] is True
    assert [c["id"] for c in steps[0]["credentials"]] == ["CMA", "RMA", "CCMA"]
    assert steps[3]["credentials"] == [
        {"id": "CMPE", "name": "Certified Medical Practice Executive (ACMPE)"}
    ]
    assert steps[-1]["role"] == "Practice Manager"
    assert steps[2]["midway"] and steps[2]["milestone"]
    assert path["times_source"]["id"] == "maplanner"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("LEAD-MA", "lead-ma"), ("lpn", "lpn-lvn"), ("Office Manager", "practice-manager")],
)
def test_path_ids_names_and_aliases_in_any_case(run: Runner, typed: str, expected: str) -> None:
    result = run("paths", typed, "--json")
    assert result.code == 0
    assert json.loads(result.out)["path"]["id"] == expected


def test_unknown_path_is_exit_2_with_suggestion_and_every_id(run: Runner) -> None:
    result = run("paths", "practise-manager")
    assert (result.code, result.out) == (2, "")
    assert len(result.err.splitlines()) == 1
    assert "'practise-manager' is not a known career path" in result.err
    assert "did you mean practice-manager" in result.err
    for path_id in ALL_PATHS:
        assert path_id in result.err


def test_unknown_path_without_a_close_match_lists_the_ids(run: Runner) -> None:
    result = run("paths", "zzzz")
    assert result.code == 2
    assert result.err.startswith("maplanner: path 'zzzz' is not a known career path; choose one")
    assert all(path_id in result.err for path_id in ALL_PATHS)


# The data --------------------------------------------------------------------------


def test_times_are_consistent_with_the_stated_time(catalog: Catalog) -> None:
    """A new MA's whole route (usual experience, then every step) matches the stated time."""
    from maplanner.core.plan import make_plan
    from maplanner.core.profile import Profile

    new_ma = Profile(years=0, setting="family-practice")
    expected_last_year = {"lead-ma": 6, "clinical-operations-manager": 9, "practice-manager": 8}
    for path_id, last in expected_last_year.items():
        assert make_plan(new_ma, catalog, path_id).last_year == last, path_id


def test_a_rule_naming_an_unknown_leadership_level_is_a_data_error(data_copy: Path) -> None:
    from maplanner.catalog.loader import load_catalog
    from maplanner.errors import DataError

    paths_file = data_copy / "paths.toml"
    text = paths_file.read_text(encoding="utf-8")
    assert 'leadership = ["lead"' in text
    paths_file.write_text(
        text.replace('leadership = ["lead"', 'leadership = ["boss"', 1), encoding="utf-8"
    )
    with pytest.raises(DataError, match="unknown leadership level id 'boss'"):
        load_catalog(data_copy)


def test_a_rule_naming_an_unknown_credential_is_a_data_error(run: Runner, data_copy: Path) -> None:
    paths_file = data_copy / "paths.toml"
    text = paths_file.read_text(encoding="utf-8")
    paths_file.write_text(
        text.replace(
            'done_when = { credentials = ["CMPE"] }', 'done_when = { credentials = ["XYZ"] }'
        ),
        encoding="utf-8",
    )
    result = run("--data-dir", str(data_copy), "paths")
    assert (result.code, result.out) == (1, "")
    assert "paths.toml" in result.err and "unknown certification id 'XYZ'" in result.err


def test_a_long_step_without_a_midway_milestone_is_a_data_error(
    run: Runner, data_copy: Path
) -> None:
    paths_file = data_copy / "paths.toml"
    text = paths_file.read_text(encoding="utf-8")
    paths_file.write_text(
        text.replace(
            'midway = "The first year of the program passed and rotations under way."\n', ""
        ),
        encoding="utf-8",
    )
    result = run("--data-dir", str(data_copy), "paths")
    assert result.code == 1
    assert "paths.toml" in result.err and "midway" in result.err


def test_next_must_name_a_known_path(run: Runner, data_copy: Path) -> None:
    paths_file = data_copy / "paths.toml"
    text = paths_file.read_text(encoding="utf-8")
    paths_file.write_text(text.replace('next = ["rn"]', 'next = ["astronaut"]'), encoding="utf-8")
    result = run("--data-dir", str(data_copy), "paths")
    assert result.code == 1
    assert "unknown path 'astronaut'" in result.err


def test_path_prose_is_not_copied_from_the_guides() -> None:
    runs = seed_overlap.seed_runs()
    if runs is None:
        pytest.skip("the seed guides are not available here")
    document = tomllib.loads((packaged_data_dir() / "paths.toml").read_text(encoding="utf-8"))
    assert seed_overlap.copied(document, runs) == []
