"""`maplanner plan --goal`: a year-by-year plan, a goal already reached, and errors."""

import json
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from maplanner.catalog.catalog import Catalog
from maplanner.core.plan import make_plan
from maplanner.core.plan_steps import plan_years
from maplanner.core.profile import HeldCert, Profile
from tests.conftest import Runner, examples

EXAMPLE = (
    "plan",
    "--goal",
    "practice-manager",
    "--years",
    "4",
    "--cert",
    "CMA",
    "--setting",
    "family-practice",
)
PLAN_KEYS = {
    "goal",
    "status",
    "summary",
    "years_as_ma",
    "first_year",
    "last_year",
    "total_years",
    "years",
    "skipped",
    "next_paths",
    "assumptions",
    "pay",
}
YEAR_KEYS = {
    "year",
    "kind",
    "title",
    "band",
    "step_number",
    "year_of_step",
    "step_years",
    "credentials",
    "skills",
    "role",
    "milestone",
}
GOALS = [
    "lead-ma",
    "clinical-operations-manager",
    "practice-manager",
    "lpn-lvn",
    "rn",
    "medical-coding",
    "phlebotomy-lab",
    "healthcare-administration",
    "care-coordination",
    "medical-sales",
]


def plan_json(run: Runner, *args: str) -> dict[str, Any]:
    result = run(*args, "--json")
    assert (result.code, result.err) == (0, ""), result.err
    document = json.loads(result.out)
    assert isinstance(document, dict)
    return document


def earned(document: dict[str, Any]) -> dict[int, list[str]]:
    return {y["year"]: [c["id"] for c in y["credentials"]] for y in document["years"]}


# The practice-manager example -------------------------------------------------------------


def test_example_plan_years_and_credentials(run: Runner) -> None:
    document = plan_json(run, *EXAMPLE)
    assert set(document) == PLAN_KEYS
    assert document["status"] == "plan"
    assert document["goal"] == {
        "id": "practice-manager",
        "name": "Practice or office manager",
        "kind": "advancement",
    }
    assert (document["first_year"], document["last_year"], document["total_years"]) == (5, 9, 5)
    assert earned(document) == {5: [], 6: [], 7: [], 8: ["CMPE"], 9: []}
    assert [y["title"] for y in document["years"]] == [
        "Administrative depth",
        "Lead and supervise",
        "Lead and supervise",
        "Management credential",
        "Run the practice",
    ]
    assert document["years"][-1]["role"] == "Practice Manager"
    assert [(y["year_of_step"], y["step_years"]) for y in document["years"][1:3]] == [
        (1, 2),
        (2, 2),
    ]
    assert document["skipped"] == [
        {"number": 1, "title": "Primary MA credential", "reason": "you hold CMA", "when": "before"}
    ]
    assert all(set(year) == YEAR_KEYS for year in document["years"])
    assert all(y["kind"] == "step" and y["band"] is None for y in document["years"])
    assert document["summary"] == (
        "5 years, from career year 5 to 9: Practice Manager by the end of year 9."
    )


def test_example_plan_states_its_assumptions(run: Runner) -> None:
    assumptions = plan_json(run, *EXAMPLE)["assumptions"]
    assert assumptions[0] == (
        "You have 4 years as an MA, so the plan starts in career year 5 (year 1 is the "
        "first year on the job)."
    )
    joined = " ".join(assumptions)
    for words in ("full time", "one after another", "typical", "maplanner's estimate"):
        assert words in joined


def test_example_plan_reads_well_in_80_columns(run: Runner) -> None:
    result = run(*EXAMPLE)
    assert (result.code, result.err) == (0, "")
    out = result.out
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "\x1b[" not in out
    assert (
        out.splitlines()[0]
        == "Plan: Practice or office manager · practice-manager · advancement path"
    )
    for year in range(5, 10):
        assert f"Career year {year}:" in out
    assert "Career year 4:" not in out and "Career year 10:" not in out
    assert "Earn:       CMPE: Certified Medical Practice Executive (ACMPE)" in out
    assert "Role:       Practice Manager" in out
    assert "- Primary MA credential: you hold CMA." in out
    assert "CMA: Certified" not in out  # held, so never planned


# Skipping what is done --------------------------------------------------------------


def test_new_ma_first_builds_the_usual_experience(run: Runner) -> None:
    document = plan_json(run, "plan", "--goal", "lead-ma", "--years", "0", "--setting", "hospital")
    years = document["years"]
    assert [y["year"] for y in years] == [1, 2, 3, 4, 5, 6]
    assert [y["kind"] for y in years] == ["experience"] * 3 + ["step"] * 3
    assert [y["band"] for y in years[:3]] == [
        "Year 1: foundation",
        "Years 2-4: specialization",
        "Years 2-4: specialization",
    ]
    assert earned(document) == {1: ["CMA", "BLS"], 2: [], 3: [], 4: [], 5: [], 6: []}
    assert [a["id"] for a in years[0]["credentials"][0]["alternatives"]] == ["RMA"]
    assert document["skipped"] == [
        {
            "number": 1,
            "title": "Primary MA credential",
            "reason": "you earn CMA in career year 1 of this plan",
            "when": "in-plan",
        }
    ]
    assert years[-1]["role"] == "Lead Medical Assistant"
    assert "adds 3 years to build that experience" in " ".join(document["assumptions"])


def test_fractional_years_start_in_the_current_year(run: Runner) -> None:
    document = plan_json(
        run,
        "plan",
        "--goal",
        "lead-ma",
        "--years",
        "2.5",
        "--cert",
        "RMA",
        "--setting",
        "hospital",
    )
    assert document["first_year"] == 3
    assert [y["kind"] for y in document["years"]] == ["experience", "step", "step", "step"]
    assert document["skipped"][0]["reason"] == "you hold RMA"


def test_experience_years_keep_only_credentials_that_serve_the_person(run: Runner) -> None:
    eye = plan_json(
        run, "plan", "--goal", "lead-ma", "--years", "1", "--cert", "CMA,BLS",
        "--setting", "specialty-clinic", "--specialty", "ophthalmology",
    )  # fmt: skip
    assert earned(eye) == {2: ["COA"], 3: [], 4: [], 5: [], 6: []}
    plain = plan_json(
        run, "plan", "--goal", "lead-ma", "--years", "1", "--cert", "CMA,BLS",
        "--setting", "family-practice",
    )  # fmt: skip
    assert all(ids == [] for ids in earned(plain).values())


def test_training_others_skips_informal_leadership(run: Runner) -> None:
    document = plan_json(
        run, "plan", "--goal", "lead-ma", "--years", "4", "--cert", "CMA",
        "--setting", "hospital", "--leads", "trains",
    )  # fmt: skip
    assert [y["title"] for y in document["years"]] == ["The lead role"]
    assert [s["title"] for s in document["skipped"]] == [
        "Primary MA credential",
        "Informal leadership",
    ]
    assert document["skipped"][1]["reason"] == (
        "you said --leads trains (you train new MAs or precept externs)"
    )


def test_held_cmpe_is_not_earned_again(run: Runner) -> None:
    document = plan_json(
        run, "plan", "--goal", "practice-manager", "--years", "8", "--cert", "CMA,CMPE",
        "--setting", "hospital", "--leads", "supervises",
    )  # fmt: skip
    assert [y["title"] for y in document["years"]] == ["Administrative depth", "Run the practice"]
    assert all(ids == [] for ids in earned(document).values())


# A goal already reached ---------------------------------------------------------------


@pytest.mark.parametrize("leads", ["lead", "supervises"])
def test_a_lead_ma_has_reached_lead_ma(run: Runner, leads: str) -> None:
    args = ("plan", "--goal", "lead-ma", "--years", "7", "--setting", "hospital", "--leads", leads)
    document = plan_json(run, *args)
    assert document["status"] == "reached"
    assert document["years"] == [] and document["total_years"] == 0
    assert document["summary"].startswith(
        f"You have already reached Lead MA: you said --leads {leads}"
    )
    assert [p["id"] for p in document["next_paths"]] == [
        "clinical-operations-manager",
        "practice-manager",
    ]
    human = run(*args)
    assert human.code == 0
    assert "You have already reached Lead MA" in human.out
    assert "What could come next" in human.out
    assert "maplanner plan --goal practice-manager" in human.out
    assert "Career year" not in human.out


def test_every_step_done_counts_as_reached(run: Runner) -> None:
    document = plan_json(
        run, "plan", "--goal", "coding", "--years", "3", "--cert", "CPC", "--setting", "hospital"
    )
    assert document["status"] == "reached"
    assert document["goal"]["id"] == "medical-coding"
    assert "every step of this path that maplanner can check is behind you" in document["summary"]
    assert len(document["skipped"]) == 2


# Errors -----------------------------------------------------------------------------


def test_unknown_goal_is_exit_2_listing_the_goals(run: Runner) -> None:
    result = run("plan", "--goal", "astronaut", "--years", "4", "--setting", "hospital")
    assert (result.code, result.out) == (2, "")
    assert len(result.err.splitlines()) == 1
    assert result.err.startswith("maplanner: --goal 'astronaut' is not a known career path")
    for goal in GOALS:
        assert goal in result.err


def test_misspelt_goal_suggests_the_right_one(run: Runner) -> None:
    result = run("plan", "--goal", "practise-manager", "--years", "4", "--setting", "hospital")
    assert result.code == 2
    assert "did you mean practice-manager" in result.err


def test_missing_goal_is_exit_2_listing_the_goals(run: Runner) -> None:
    result = run("plan", "--years", "4", "--setting", "hospital")
    assert (result.code, result.out) == (2, "")
    assert result.err == f"maplanner: missing --goal: choose one of: {', '.join(GOALS)}\n"


def test_no_answers_and_nothing_saved_says_both_ways_out(run: Runner) -> None:
    result = run("plan", "--goal", "rn")
    assert (result.code, result.out) == (2, "")
    first, hint = result.err.splitlines()
    assert first == "maplanner: no saved profile to plan from"
    assert "maplanner assess --save" in hint
    assert "maplanner plan --goal rn --years 4 --setting family-practice" in hint


def test_no_answers_plans_from_the_saved_profile(run: Runner) -> None:
    saved = run(
        "assess", "--years", "4", "--cert", "CMA", "--setting", "family-practice", "--save"
    )
    assert saved.code == 0, saved.err
    from_saved = run("plan", "--goal", "practice-manager", "--json")
    from_options = run(*EXAMPLE, "--json")  # the same answers, given as options
    assert from_saved.code == 0, from_saved.err
    assert json.loads(from_saved.out) == json.loads(from_options.out)


def test_missing_profile_answers_are_named(run: Runner) -> None:
    only_setting = run("plan", "--goal", "rn", "--years", "2")
    assert only_setting.code == 2
    assert only_setting.err.startswith("maplanner: missing --setting:")


def test_bad_profile_values_are_exit_2(run: Runner) -> None:
    bad_setting = run("plan", "--goal", "rn", "--years", "2", "--setting", "moon-base")
    assert bad_setting.code == 2 and "moon-base" in bad_setting.err
    bad_years = run("plan", "--goal", "rn", "--years", "99", "--setting", "hospital")
    assert bad_years.code == 2 and "--years 99 is out of range" in bad_years.err


def test_goal_names_and_aliases_work_in_any_case(run: Runner) -> None:
    document = plan_json(run, "plan", "--goal", "LPN", "--years", "1", "--setting", "hospital")
    assert document["goal"]["id"] == "lpn-lvn"
    assert document["years"][-1]["milestone"].endswith("an LPN/LVN licence.")


@pytest.mark.parametrize("goal", GOALS)
def test_every_goal_gives_a_plan_within_80_columns(run: Runner, goal: str) -> None:
    result = run("plan", "--goal", goal, "--years", "0", "--setting", "family-practice")
    assert (result.code, result.err) == (0, "")
    assert max(len(line) for line in result.out.splitlines()) <= 80
    assert "Career year 1:" in result.out


# Properties -------------------------------------------------------------------------


@settings(max_examples=examples(150), deadline=None)
@given(
    years=st.floats(min_value=0, max_value=60, allow_nan=False),
    goal=st.sampled_from(GOALS),
    certs=st.sets(st.sampled_from(["CMA", "RMA", "CCMA", "CPT", "CPC", "CCS", "CMPE", "BLS"])),
    leads=st.sampled_from(["none", "trains", "lead", "supervises"]),
    specialty=st.sampled_from([None, "ophthalmology", "cardiology", "podiatry"]),
)
def test_plans_hang_together(
    catalog: Catalog,
    years: float,
    goal: str,
    certs: set[str],
    leads: str,
    specialty: str | None,
) -> None:
    profile = Profile(
        years=years,
        certs=tuple(HeldCert(id=c) for c in sorted(certs)),
        setting="family-practice",
        specialty=specialty,
        leads=leads,
    )
    result = make_plan(profile, catalog, goal)
    # The lead-role lever counts the plan's years without building it: the same years.
    assert plan_years(profile, catalog, goal) == result.total_years
    path = catalog.path(goal)
    if result.status == "reached":
        assert result.years == [] and result.total_years == 0
        return
    numbers = [year.year for year in result.years]
    assert numbers[0] == result.first_year == math.floor(years) + 1
    assert numbers == list(range(numbers[0], numbers[0] + len(numbers)))
    assert result.last_year == numbers[-1] and result.total_years == len(numbers)
    building = [year for year in result.years if year.kind == "experience"]
    assert len(building) == max(0, math.ceil(path.min_years - years))
    planned = [c.id for year in result.years for c in year.credentials]
    assert len(planned) == len(set(planned)), "a credential is earned once"
    assert not set(planned) & certs, "a held credential is never earned again"
    assert result.years[-1].milestone  # every year ends at a milestone
    assert len(result.skipped) + len(
        {y.step_number for y in result.years if y.step_number}
    ) == len(path.steps)


def test_a_path_whose_steps_are_all_done_takes_no_years_despite_short_experience(
    catalog: Catalog,
) -> None:
    """A new MA holding the CPC has the coding path's only step behind them: the plan
    (and so a lever's time) adds no years of experience for it either."""
    profile = Profile(years=0, certs=(HeldCert(id="CPC"),), setting="family-practice")
    assert catalog.path("medical-coding").min_years > 0
    assert make_plan(profile, catalog, "medical-coding").status == "reached"
    assert plan_years(profile, catalog, "medical-coding") == 0


def test_the_goals_pay_nationally_and_in_a_place(run: Runner) -> None:
    document = plan_json(run, *EXAMPLE, "--state", "MS")
    pay = document["pay"]
    assert (pay["soc_code"], pay["release"]) == ("11-9111", "2025A01")
    assert pay["national"]["median_annual"] == 123860
    assert pay["place"]["area"] == "Mississippi"
    assert pay["source"]["id"] == "bls-oews-2025"
    out = " ".join(run(*EXAMPLE).out.split())
    assert "Pay: Medical and Health Services Managers (SOC 11-9111)" in out
