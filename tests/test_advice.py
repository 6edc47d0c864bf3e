"""Eligibility, levers, what-if, students, history and plans: the parts of advice that
must agree with each other for every profile."""

import json
import sqlite3
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from maplanner.catalog.catalog import Catalog
from maplanner.catalog.loader import load_catalog
from maplanner.core.answers import parse_accredited_answer, parse_education, parse_setting
from maplanner.core.eligibility import check
from maplanner.core.estimate import estimate_percentile
from maplanner.core.levers import KINDS
from maplanner.core.next_steps import career_year
from maplanner.core.plan import make_plan
from maplanner.core.profile import HeldCert, Profile
from maplanner.core.rules import assess
from maplanner.core.wages import wage_at
from maplanner.core.whatif import apply_changes, compare, parse_changes, pay_change
from maplanner.errors import InputError
from maplanner.store import db
from maplanner.store.profiles import history
from tests.conftest import Runner, examples
from tests.store_helpers import db_file

CATALOG = load_catalog(None)
SETTINGS = [s.id for s in CATALOG.settings]
LEADS = [level.id for level in CATALOG.estimate.leadership]
EDUCATION = [None, *(e.id for e in CATALOG.eligibility.education)]


@st.composite
def profiles(draw: st.DrawFn) -> Profile:
    student = draw(st.booleans()) and draw(st.booleans())
    years = (
        0.0 if student else draw(st.floats(min_value=0, max_value=15).map(lambda y: round(y, 1)))
    )
    certs = draw(st.sets(st.sampled_from([c.id for c in CATALOG.certifications]), max_size=3))
    return Profile(
        years=years,
        certs=tuple(HeldCert(id=c) for c in sorted(certs)),
        setting="student" if student else draw(st.sampled_from(SETTINGS)),
        specialty=draw(st.sampled_from([None, *(s.id for s in CATALOG.specialties)])),
        leads="none" if student else draw(st.sampled_from(LEADS)),
        education=draw(st.sampled_from(EDUCATION)),
        accredited=draw(st.sampled_from([None, True, False])),
    )


# One source of truth ----------------------------------------------------------------------


@settings(max_examples=examples(60), deadline=None)
@given(p=profiles())
def test_tier_plan_and_next_steps_agree(p: Profile) -> None:
    result = assess(p, CATALOG)
    senior = CATALOG.tier(CATALOG.placement.senior_tier)
    lead_path = CATALOG.path("lead-ma")
    lead_plan = make_plan(p, CATALOG, lead_path.id)
    roles = [s.title for s in result.next_steps if s.kind == "role"]
    if lead_plan.status == "reached":
        # the role the plan says is reached is the tier assess gives ...
        assert result.tier == senior.id
        # ... and nothing asks the person to reach it again
        assert lead_path.steps[-1].role not in roles
        assert lead_path.id not in [s.id for s in result.paths]
        assert "leads=lead" not in [lever.what_if for lever in result.levers.levers]  # type: ignore[union-attr]
    if result.tier != senior.id:
        assert lead_plan.status == "plan"
    for path in CATALOG.paths:
        plan = make_plan(p, CATALOG, path.id)
        if plan.status == "reached" and path.kind == "advancement":
            assert path.steps[-1].role not in roles
    # a credential step is "now" only when the person can sit it
    for step in result.next_steps:
        if step.kind == "certification":
            assert step.id is not None and step.id not in p.cert_ids
            open_to = check(p, CATALOG, step.id)
            assert step.eligible == open_to.eligible
            if not open_to.eligible:
                assert not step.when.startswith(("now", "in training"))
    # the levers' credential list is the next steps' (the ones that raise the estimate)
    assert result.levers is not None
    credential_levers = {lv.id for lv in result.levers.levers if lv.kind == "credential"}
    assert credential_levers == {
        s.id for s in result.next_steps if s.kind == "certification" and (s.gain or 0) > 0
    }


@settings(max_examples=examples(40), deadline=None)
@given(p=profiles())
def test_levers_are_priced_by_rerunning_the_estimate_and_ranked_by_the_rule(p: Profile) -> None:
    result = assess(p, CATALOG)
    assert result.levers is not None
    ranked = list(result.levers.levers)
    open_now = [lever for lever in ranked if lever.eligible]
    assert ranked[: len(open_now)] == open_now  # levers not open yet come last
    keys = [(-lever.per_year, -lever.pay_gain, -lever.gain) for lever in open_now]
    assert keys == sorted(keys)
    minimum = CATALOG.levers.minimum_months
    for lever in ranked:
        changed = apply_changes(p, parse_changes([lever.what_if]), CATALOG)
        after = estimate_percentile(changed, CATALOG).percentile
        assert lever.estimate_after == after
        assert lever.gain == round(after - result.estimated_percentile, 1) > 0
        money, _ = pay_change(
            wage_at(CATALOG.wages, result.estimated_percentile), wage_at(CATALOG.wages, after)
        )
        assert lever.pay_gain == money
        if lever.eligible:
            assert lever.months is not None
            assert lever.per_year == round(money / (max(lever.months, minimum) / 12))
        else:
            assert lever.per_year == 0 and lever.when != "now"


def test_the_place_lever_is_one_more_generator() -> None:
    assert [kind.__name__ for kind in KINDS] == [
        "credential_levers",
        "specialty_levers",
        "leadership_levers",
        "setting_levers",
        "place_levers",
    ]


def test_the_lead_role_takes_the_plans_years() -> None:
    p = Profile(years=4, certs=(HeldCert(id="CMA"),), setting="family-practice")
    result = assess(p, CATALOG)
    assert result.levers is not None
    lead = next(lv for lv in result.levers.levers if lv.what_if == "leads=lead")
    assert lead.months == make_plan(p, CATALOG, "lead-ma").total_years * 12


# Eligibility --------------------------------------------------------------------------------


def rules_for(cert_id: str) -> Any:
    return next(r for r in CATALOG.eligibility.credential if r.id == cert_id)


def test_cmpe_needs_the_degree_the_years_and_names_the_membership() -> None:
    cmpe = rules_for("CMPE")
    assert cmpe.min_education == "bachelor" and cmpe.min_years == 2
    assert "MGMA membership" in cmpe.also
    assert CATALOG.source(cmpe.source).period == "checked 2026-12"
    base = Profile(years=4, setting="hospital")
    assert not check(base, CATALOG, "CMPE").eligible  # education not given
    assert check(base.model_copy(update={"education": "bachelor"}), CATALOG, "CMPE").eligible
    short = Profile(years=1.5, setting="hospital", education="bachelor")
    result = check(short, CATALOG, "CMPE")
    assert not result.eligible and result.when == "from 2 years of experience (in 0.5 years)"
    assert check(short, CATALOG, "CMPE", years=2).eligible


def test_cma_follows_the_accredited_program_and_the_student_window() -> None:
    cma = rules_for("CMA")
    assert cma.accredited_program and cma.student_window_days == 30
    student = Profile(years=0, setting="student", accredited=True)
    result = check(student, CATALOG, "CMA")
    assert result.eligible
    assert result.window == "up to 30 days before you finish your program"
    unsure = check(student.model_copy(update={"accredited": None}), CATALOG, "CMA")
    assert unsure.eligible and unsure.window is not None and "if it is" in unsure.window
    not_accredited = check(student.model_copy(update={"accredited": False}), CATALOG, "CMA")
    assert not not_accredited.eligible and "Category 4" in (not_accredited.when or "")


def test_a_student_from_a_program_that_is_not_accredited_is_offered_another_primary() -> None:
    p = Profile(years=0, setting="student", accredited=False)
    first = next(s for s in assess(p, CATALOG).next_steps if s.kind == "certification")
    assert first.eligible and first.id in {"RMA", "CCMA"}


def test_the_plan_checks_eligibility_as_of_each_year() -> None:
    p = Profile(
        years=4, certs=(HeldCert(id="CMA"),), setting="family-practice", education="bachelor"
    )
    plan = make_plan(p, CATALOG, "practice-manager")
    cmpe = next(c for y in plan.years for c in y.credentials if c.id == "CMPE")
    assert cmpe.eligible and cmpe.requires is not None


def test_eligibility_data_problems_are_caught(data_copy: Any) -> None:
    path = data_copy / "eligibility.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            'min_education = "bachelor"', 'min_education = "phd"'
        ),
        encoding="utf-8",
    )
    from maplanner.catalog.loader import _load
    from maplanner.errors import DataError

    _load.cache_clear()
    with pytest.raises(DataError, match="unknown education level id 'phd'"):
        load_catalog(data_copy)


def test_the_lead_levels_are_one_list_in_the_data(data_copy: Any) -> None:
    path = data_copy / "tiers.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            'leadership_keeps_senior = ["lead", "supervises"]',
            'leadership_keeps_senior = ["supervises"]',
        ),
        encoding="utf-8",
    )
    from maplanner.catalog.loader import _load
    from maplanner.errors import DataError

    _load.cache_clear()
    with pytest.raises(DataError, match=r"differs from placement\.leadership_keeps_senior"):
        load_catalog(data_copy)


# What-if --------------------------------------------------------------------------------------


def test_what_if_compares_tier_percentile_and_pay(run: Runner, catalog: Catalog) -> None:
    result = run(
        "assess", "--years", "4", "--cert", "CMA", "--setting", "family-practice",
        "--what-if", "leads=lead", "--what-if", "setting=hospital", "--json",
    )  # fmt: skip
    assert result.code == 0, result.err
    data = json.loads(result.out)
    what = data["what_if"]
    changed = Profile(years=4, certs=(HeldCert(id="CMA"),), setting="hospital", leads="lead")
    expected = assess(changed, catalog)
    assert what["what_if"]["estimated_percentile"] == expected.estimated_percentile
    assert what["what_if"]["tier"] == "senior" and what["now"]["tier"] == "mid"
    assert what["tier_changed"] is True
    assert what["percentile_change"] == round(
        expected.estimated_percentile - data["estimated_percentile"], 1
    )
    now_pay = wage_at(catalog.wages, data["estimated_percentile"]).annual
    then_pay = wage_at(catalog.wages, expected.estimated_percentile).annual
    assert what["pay_change"] == round(then_pay - now_pay)
    shown = run(
        "assess", "--years", "4", "--cert", "CMA", "--setting", "family-practice",
        "--what-if", "leads=lead setting=hospital",
    ).out  # fmt: skip
    assert "What if: leads=lead, setting=hospital" in shown
    assert "Senior/Lead" in shown and "changes" in shown


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("leads", "--what-if 'leads' is not a change: use FIELD=VALUE"),
        ("colour=blue", "--what-if 'colour' is not a field a what-if can change"),
        ("setting=hopsital", "--what-if setting 'hopsital' is not a known work setting"),
        ("years=99", "--what-if years 99 is out of range"),
    ],
)
def test_a_bad_what_if_names_the_value(run: Runner, value: str, message: str) -> None:
    result = run("assess", "--years", "4", "--setting", "hospital", "--what-if", value)
    assert result.code == 2
    assert result.err.startswith(f"maplanner: {message}")
    assert "Traceback" not in result.err


def test_what_if_can_add_a_credential_and_keep_the_rest(catalog: Catalog) -> None:
    p = Profile(years=4, certs=(HeldCert(id="CMA"),), setting="hospital")
    result = compare(p, [("cert", "CPT")], catalog)
    assert result.profile.cert_ids == {"CMA", "CPT"}
    assert result.percentile_change == catalog.estimate.certifications.other_each


def test_pay_change_is_honest_at_the_edges(catalog: Catalog) -> None:
    low, low2 = wage_at(catalog.wages, 5), wage_at(catalog.wages, 8)
    assert pay_change(low, low2) == (0.0, "no published figure: both below the 10th percentile")
    mid = wage_at(catalog.wages, 30)
    assert pay_change(low, mid)[1].startswith("at least +$")
    top = wage_at(catalog.wages, 95)
    assert pay_change(mid, top)[1].startswith("at least +$")
    assert pay_change(wage_at(catalog.wages, 50), wage_at(catalog.wages, 75))[1] == (
        f"+${catalog.wages.percentiles[3].annual - catalog.wages.percentiles[2].annual:,} a year"
    )


# Students -------------------------------------------------------------------------------------


def test_a_student_in_a_roster(run: Runner, tmp_path: Any) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "id,years,certifications,setting,specialty,leads,education,accredited\n"
        "S1,0,,student,,,ma-certificate,yes\n"
        "S2,2,,student,,,,\n"
        "S3,0,,student,,,,no\n",
        encoding="utf-8",
    )
    result = run("batch", str(roster), "-o", str(tmp_path / "out.csv"))
    assert result.code == 1
    lines = (tmp_path / "out.csv").read_text(encoding="utf-8").splitlines()
    assert lines[1].startswith("S1,entry,Entry,")
    assert "CMA: Certified Medical Assistant" in lines[1]
    assert "RMA" in lines[2] or "CCMA" in lines[2]  # S3: not accredited, so not the CMA
    assert "line 3 (S2): setting student means in an MA program" in result.err


def test_interview_answers_for_students_education_and_accreditation(catalog: Catalog) -> None:
    assert parse_setting(catalog, "0", 0) == "student"
    assert parse_setting(catalog, "Student", 0) == "student"
    with pytest.raises(InputError, match="not working as an MA yet"):
        parse_setting(catalog, "0", 2)
    assert parse_education(catalog, "4") == "bachelor"
    assert parse_education(catalog, "associate") == "associate"
    assert parse_education(catalog, "skip") is None
    assert parse_accredited_answer("y") is True
    assert parse_accredited_answer("No") is False
    assert parse_accredited_answer("not sure") is None
    with pytest.raises(InputError, match="is not yes or no"):
        parse_accredited_answer("maybe")


def test_the_interview_takes_student_education_accreditation_and_a_what_if(
    run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from maplanner.commands import assess as assess_command

    monkeypatch.setattr(assess_command, "stdin_is_terminal", lambda: True)
    # 0 years; Enter at the setting picks "student"; Enter at the place; then education,
    # accredited, a what-if
    answers = "0\n\n\n\n\n\n\n2\ny\nsetting=outpatient-center\nn\n"
    result = run("assess", "--json", input=answers)
    assert result.code == 0, result.err
    assert "Setting [student]: " in result.err
    data = json.loads(result.out)
    assert data["profile"]["setting"] == "student"
    assert data["profile"]["education"] == "ma-certificate"
    assert data["profile"]["accredited"] is True
    assert data["what_if"]["changes"] == ["setting=outpatient-center"]
    # The command to copy is split with "\" to fit the terminal; joined, it is one line.
    command = result.err.replace(" \\\n", " ").replace("\n    ", " ")
    assert "--education ma-certificate --accredited" in " ".join(command.split())


def test_saving_education_and_accreditation(run: Runner) -> None:
    assert run("assess", "--years", "3", "--setting", "hospital", "--save", "--json").code == 0
    assert run("profile", "set", "education", "associate").code == 0
    result = run("profile", "set", "accredited", "yes")
    assert result.code == 0 and "Saved: accredited not given -> yes." in result.out
    bad = run("profile", "set", "setting", "student")
    assert bad.code == 2 and "student" in bad.err


# History --------------------------------------------------------------------------------------


def _v2_database(body: dict[str, Any]) -> None:
    path = db_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path)
    connection.executescript(db.SCHEMA_V2)
    connection.execute(f"PRAGMA application_id = {db.APPLICATION_ID}")
    connection.execute("PRAGMA user_version = 2")
    connection.execute(
        "INSERT INTO profile VALUES (1, ?, '2025-01-15')", (json.dumps(body["profile"]),)
    )
    for taken_on, row in (("2025-01-15", body), ("2025-02-15", {**body, "profile": None})):
        connection.execute(
            "INSERT INTO assessment (taken_on, tier, tier_name, estimated_percentile, years, "
            "cert_ids, body) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (taken_on, "mid", "Mid", 37.5, 4, '["CMA"]', json.dumps(row)),
        )
    connection.commit()
    connection.close()


def test_a_version_2_database_keeps_each_assessments_profile_and_pay(catalog: Catalog) -> None:
    from maplanner.core.money import Pay

    old = Profile(
        years=4, certs=(HeldCert(id="CMA"),), setting="hospital", pay=Pay(amount=40000, per="year")
    )
    body = json.loads(assess(old, catalog).model_dump_json())
    _v2_database(body)
    first, second = history()  # reading upgrades it
    assert first.profile == old
    assert first.pay_annual == 40000 and first.pay_percentile is not None
    assert second.profile is None and second.pay_annual == 40000
    connection = sqlite3.connect(db_file())
    assert connection.execute("PRAGMA user_version").fetchone()[0] == db.SCHEMA_VERSION == 5
    connection.close()


def test_history_names_changed_answers_and_shows_pay_over_time(
    run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAPLANNER_TODAY", "2025-01-15")
    base = ("--years", "4", "--cert", "CMA")
    assert (
        run(
            "assess", *base, "--setting", "family-practice", "--pay", "40k", "--save", "--json"
        ).code
        == 0
    )
    monkeypatch.setenv("MAPLANNER_TODAY", "2025-06-15")
    assert (
        run("assess", *base, "--setting", "hospital", "--education", "bachelor", "--save").code
        == 0
    )
    data = json.loads(run("history", "--json").out)
    answers = {
        a["field"]: (a["before"], a["after"]) for a in data["assessments"][1]["changes"]["answers"]
    }
    assert answers == {
        "setting": ("family-practice", "hospital"),
        "education": ("not given", "bachelor"),
        "pay": ("$40,000", "not given"),
    }
    shown = " ".join(run("history").out.split())
    assert "Pay over time" in shown and "2025-01-15 $40,000 a year, about the" in shown


# Plans -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path_id", [path.id for path in CATALOG.paths])
@pytest.mark.parametrize(
    "start",
    [
        Profile(years=0, setting="student"),
        Profile(years=0, setting="family-practice"),
        Profile(years=2, certs=(HeldCert(id="CMA"),), setting="hospital", leads="trains"),
        Profile(years=4, certs=(HeldCert(id="CMA"),), setting="family-practice", leads="trains"),
        Profile(years=9, certs=(HeldCert(id="CMA"), HeldCert(id="CMPE")), setting="hospital"),
    ],
)
def test_every_plan_ends_where_it_says(path_id: str, start: Profile) -> None:
    path = CATALOG.path(path_id)
    plan = make_plan(start, CATALOG, path_id)
    if plan.status == "reached":
        assert plan.years == [] and plan.summary.startswith("You have already reached")
        return
    last = plan.years[-1]
    assert last.milestone == path.steps[-1].milestone
    assert path.goal in last.milestone or path.goal == last.role
    assert plan.summary.endswith(f"{path.goal} by the end of year {last.year}.")
    if plan.first_year == plan.last_year:
        assert f"1 year, career year {last.year}:" in plan.summary
    else:
        assert f"from career year {plan.first_year} to {plan.last_year}:" in plan.summary
    assert plan.total_years == len(plan.years)
    assert [y.year for y in plan.years] == list(range(plan.first_year or 0, last.year + 1))
    for skipped in plan.skipped:
        assert ("of this plan" in skipped.reason) == (skipped.when == "in-plan")


def test_career_year_of_a_student_is_zero() -> None:
    assert career_year(0, CATALOG.roadmap_max_year) == 0


def test_the_report_carries_the_levers_and_the_what_if(run: Runner, tmp_path: Any) -> None:
    args = ("--years", "4", "--cert", "CMA", "--setting", "family-practice")
    result = run("report", "-o", "-", "--format", "json", *args, "--what-if", "leads=lead")
    assert result.code == 0, result.err
    data = json.loads(result.out)["assessment"]
    assert data["what_if"]["what_if"]["tier"] == "senior"
    assert data["levers"]["rule"].startswith("Ranked by")
    markdown = run("report", "-o", "-", "--format", "md", *args, "--what-if", "leads=lead").out
    assert "## What would raise your pay" in markdown
    assert "### What if: leads=lead" in markdown
    page = run("report", "-o", "-", "--format", "html", *args).out
    assert '<section class="levers">' in page
    plan = run("report", "-o", "-", "--format", "md", "--goal", "lead-ma", "--years", "0",
               "--setting", "family-practice").out  # fmt: skip
    assert "### Done earlier in this plan" in plan
    assert "### Already behind you" not in plan


def test_a_student_has_no_leadership_duties(run: Runner) -> None:
    result = run("assess", "--years", "0", "--setting", "student", "--leads", "lead")
    assert result.code == 2
    assert "no leadership duties (leads lead)" in result.err
    assert (
        run("assess", "--years", "0", "--setting", "student", "--what-if", "leads=trains").code
        == 2
    )


@pytest.mark.parametrize("kind", ["md", "html", "json"])
def test_a_students_report_and_salary_marks(run: Runner, kind: str) -> None:
    assert run("assess", "--years", "0", "--setting", "student", "--save", "--json").code == 0
    result = run("report", "-o", "-", "--format", kind)
    assert result.code == 0, result.err
    assert "starting pay in any setting" in result.out
    if kind == "json":
        from maplanner.core.report import Report

        data = json.loads(result.out)
        Report.model_validate(data)
        assert data["salary"]["setting"] is None
    salary = run("salary")
    assert salary.code == 0 and "your estimate" in salary.out


def test_the_specialty_lever_is_the_specialty_that_raises_the_estimate_most() -> None:
    held = Profile(years=4, certs=(HeldCert(id="CMA"), HeldCert(id="CET")), setting="hospital")
    result = assess(held, CATALOG)
    assert result.levers is not None
    lever = next(lv for lv in result.levers.levers if lv.kind == "specialty")
    assert lever.what_if == "specialty=cardiology"  # the CET counts as its credential
    assert lever.title == "Work in a specialty: Cardiology"
