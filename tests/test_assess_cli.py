"""`maplanner assess` with options: output, JSON, every error, and no waiting."""

import json
import re

import pytest

from tests.conftest import Runner
from tests.helpers import flat

SPECIALIST = (
    "assess",
    "--years",
    "4",
    "--cert",
    "CMA",
    "--cert",
    "COA",
    "--setting",
    "specialty-clinic",
    "--specialty",
    "ophthalmology",
    "--pay",
    "49k",
)
SUPERVISOR = (
    "assess",
    "--years",
    "8",
    "--cert",
    "CMA,COA",
    "--setting",
    "outpatient-center",
    "--specialty",
    "ophthalmology",
    "--leads",
    "supervises",
)


def test_tier_estimate_and_pay_in_the_report(run: Runner) -> None:
    result = run(*SPECIALIST)
    assert result.code == 0, result.err
    assert result.err == ""
    out = flat(result.out)
    assert "Specialized" in out
    assert "4 years of experience (at least 3) working in Ophthalmology." in out
    assert "about the 47th percentile (likely 40th to 54th)" in out
    assert "about $42,744 to $46,220 a year" in out
    assert "You are paid about the 74th percentile ($49,000 a year), above the 47th" in out
    assert "Earn COT" in out and "estimate 47th -> 52nd (+5)" in out
    assert "Paths worth a look" in out


def test_wage_bar_marks_estimate_range_and_pay(run: Runner) -> None:
    out = run(*SPECIALIST).out
    lines = out.splitlines()
    axis = next(line for line in lines if line.lstrip().startswith("|---"))
    marks = lines[lines.index(axis) + 1]
    assert "[" in axis and "]" in axis and "=" in axis
    assert axis.index("[") < marks.index("E") < axis.index("]")
    assert marks.index("P") > axis.index("]")  # 74th is above the likely range
    assert "$36,050" in out and "$59,310" in out
    assert "E = estimate (the 47th)" in out and "P = your pay (about the 74th)" in out


@pytest.mark.parametrize(
    "args",
    [
        SPECIALIST,
        SUPERVISOR,
        ("assess", "--years", "0", "--setting", "podiatry-office", "--pay", "12/h"),
        ("assess", "--years", "60", "--setting", "hospital", "--pay", "90k", "--leads", "lead"),
    ],
)
def test_fits_80_columns_in_plain_characters(run: Runner, args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.code == 0, result.err
    too_long = [line for line in result.out.splitlines() if len(line) > 80]
    assert too_long == []
    assert "\x1b[" not in result.out  # NO_COLOR and not a terminal: no escape codes


def test_json_has_the_whole_assessment(run: Runner) -> None:
    result = run(*SUPERVISOR, "--json")
    assert result.code == 0
    assert result.err == ""
    data = json.loads(result.out)
    assert data["tier"] == "senior"
    assert data["estimated_percentile"] == 90.2
    assert {
        "tier",
        "tier_name",
        "tier_rule",
        "estimated_percentile",
        "factors",
        "range",
        "pay_standing",
        "career_year",
        "roadmap_band",
        "next_steps",
        "paths",
        "profile",
        "data_vintage",
    } <= set(data)
    assert data["pay_standing"] is None
    assert data["data_vintage"] == "May 2025"
    assert data["range"]["annual_text"] == "about $54,718 to over $59,310 a year"
    assert data["range"]["high"]["kind"] == "at-or-above"
    assert data["profile"]["certs"] == [
        {"id": "CMA", "earned": None, "member_month": None},
        {"id": "COA", "earned": None, "member_month": None},
    ]
    factors = {f["id"]: f["points"] for f in data["factors"]}
    assert factors["leadership"] == 20 and factors["setting"] == 8.2
    first = data["next_steps"][0]
    assert first["kind"] == "certification" and first["id"] == "COT"
    assert first["gain"] == 5
    assert set(first) == {
        "kind",
        "id",
        "title",
        "reason",
        "when",
        "estimate_after",
        "gain",
        "eligible",
        "requires",
    }


def test_ids_are_case_insensitive_and_certs_repeat_or_use_commas(run: Runner) -> None:
    lower = json.loads(run(*SUPERVISOR, "--json").out)
    upper = run(
        "assess",
        "--years",
        "8",
        "--cert",
        "cma",
        "--cert",
        "coa",
        "--setting",
        "OUTPATIENT-CENTER",
        "--specialty",
        "Ophthalmology",
        "--leads",
        "SUPERVISES",
        "--json",
    )
    assert upper.code == 0, upper.err
    assert json.loads(upper.out) == lower


def test_optional_answers_default_to_none(run: Runner) -> None:
    data = json.loads(run("assess", "--years", "2", "--setting", "hospital", "--json").out)
    assert data["profile"] == {
        "years": 2.0,
        "certs": [],
        "setting": "hospital",
        "specialty": None,
        "leads": "none",
        "pay": None,
        "education": None,
        "accredited": None,
        "place": None,
    }
    assert data["tier"] == "entry"


def test_hourly_pay(run: Runner) -> None:
    data = json.loads(run(*SPECIALIST[:-2], "--pay", "22.50/h", "--json").out)
    assert data["profile"]["pay"] == {"amount": 22.5, "per": "hour"}
    assert data["pay_standing"]["annual"] == 46800


OK = ("--years", "3", "--setting", "hospital")
ERRORS = [
    (("--years", "-1", "--setting", "hospital"), "--years -1 is out of range"),
    (("--years", "61", "--setting", "hospital"), "--years 61 is out of range"),
    (("--years", "nan", "--setting", "hospital"), "'--years': 'nan' is not a number of years"),
    (("--years", "abc", "--setting", "hospital"), "'--years': 'abc' is not a number of years"),
    (
        ("--years", "3", "--setting", "hospitl"),
        "--setting 'hospitl' is not a known work setting; did you mean hospital?",
    ),
    ((*OK, "--cert", "cmx"), "--cert 'cmx' is not a known certification; did you mean CMA"),
    (
        (*OK, "--specialty", "opthalmology"),
        "--specialty 'opthalmology' is not a known specialty; did you mean ophthalmology?",
    ),
    (
        (*OK, "--leads", "supervisor"),
        "--leads 'supervisor' is not a known leadership level; did you mean supervises",
    ),
    ((*OK, "--pay", "lots"), "--pay 'lots' is not a pay amount"),
    ((*OK, "--pay", "0"), "--pay '0' must be more than zero"),
]


@pytest.mark.parametrize(("args", "message"), ERRORS)
def test_bad_values_exit_2_with_one_line(run: Runner, args: tuple[str, ...], message: str) -> None:
    result = run("assess", *args)
    assert result.code == 2
    assert result.out == ""
    assert message in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert "Traceback" not in result.err


@pytest.mark.parametrize(
    ("args", "missing"),
    [
        (("--years", "3"), "missing --setting:"),
        (("--setting", "hospital"), "missing --years:"),
        ((), "missing --years and --setting:"),
    ],
)
def test_missing_required_option_without_a_terminal_does_not_wait(
    run: Runner, args: tuple[str, ...], missing: str
) -> None:
    # stdin holds answers, but it is not a terminal: nothing may be read from it.
    result = run("assess", *args, input="4\n1\n1\n0\n1\n\n")
    assert result.code == 2
    assert missing in result.err
    assert "1/6" not in result.err  # no question was asked
    assert result.out == ""


def test_help_names_every_option(run: Runner) -> None:
    result = run("assess", "--help")
    assert result.code == 0
    plain = re.sub(r"\s+", " ", result.out)
    for option in ("--years", "--cert", "--setting", "--specialty", "--leads", "--pay", "--json"):
        assert option in plain
    assert "family-practice" in plain and "supervises" in plain


def test_wage_bar_shows_a_range_that_runs_past_the_published_points(run: Runner) -> None:
    out = run("assess", "--years", "1", "--setting", "family-practice").out
    axis = next(line for line in out.splitlines() if line.lstrip().startswith("<"))
    assert axis.strip().startswith("<====") and "]" in axis
    assert "< or > = the range runs past the published 10th to 90th" in out
    assert "from under $36,050 to about $37,954 a year" in flat(out)
