"""History: what changed between saved assessments (pure), and `maplanner history`."""

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from maplanner.catalog.catalog import Catalog
from maplanner.core.history import AssessmentRecord, change, history_view
from tests.conftest import Runner
from tests.helpers import profile

SETUP = ("--years", "2", "--cert", "CMA", "--setting", "family-practice", "--pay", "40k")


def record(
    number: int = 1,
    day: str = "2025-01-15",
    tier: str = "entry",
    tier_name: str = "Entry",
    percentile: float = 27.5,
    years: float = 2,
    certs: tuple[str, ...] = ("CMA",),
) -> AssessmentRecord:
    return AssessmentRecord(
        number=number,
        date=day,
        tier=tier,
        tier_name=tier_name,
        estimated_percentile=percentile,
        years=years,
        certs=certs,
    )


# What changed ------------------------------------------------------------------------------


def test_every_kind_of_change_is_named() -> None:
    before = record(certs=("CMA", "CPT"))
    after = record(
        number=2,
        day="2025-02-15",
        tier="mid",
        tier_name="Mid",
        percentile=34.5,
        years=3,
        certs=("CMA", "COA"),
    )
    result = change(before, after)
    assert result.since == "2025-01-15"
    assert (result.tier_changed, result.tier_before, result.tier_after) == (True, "Entry", "Mid")
    assert result.estimated_percentile_change == 7
    assert (result.certs_added, result.certs_removed) == (("COA",), ("CPT",))
    assert (result.years_before, result.years_after) == (2, 3)
    assert result.summary == (
        "tier Entry -> Mid; estimate 28th -> 35th (+7 points); added COA; removed CPT; "
        "years 2 -> 3"
    )


def test_a_fall_in_the_estimate_has_a_minus_sign() -> None:
    result = change(record(percentile=40), record(number=2, percentile=38.25))
    assert result.estimated_percentile_change == -1.8  # rounded to a tenth
    assert result.summary == "estimate 40th -> 38th (-2 points)"
    assert result.tier_changed is False


def test_nothing_changed() -> None:
    result = change(record(), record(number=2, day="2025-03-01"))
    assert result.summary == "no change"
    assert result.certs_added == result.certs_removed == ()
    assert result.estimated_percentile_change == 0


records = st.builds(
    record,
    number=st.integers(1, 1000),
    tier=st.sampled_from(["entry", "mid", "senior"]),
    percentile=st.floats(5, 95, allow_nan=False).map(lambda x: round(x, 1)),
    years=st.floats(0, 60, allow_nan=False),
    certs=st.lists(st.sampled_from(["CMA", "RMA", "CPT", "COA", "BLS"]), unique=True).map(tuple),
)


@given(records, records)
def test_changes_run_both_ways(a: AssessmentRecord, b: AssessmentRecord) -> None:
    forward, back = change(a, b), change(b, a)
    assert forward.certs_added == tuple(c for c in b.certs if c not in a.certs)
    assert set(forward.certs_added) == set(back.certs_removed)
    assert set(forward.certs_removed) == set(back.certs_added)
    assert forward.estimated_percentile_change == -back.estimated_percentile_change
    assert forward.tier_changed == back.tier_changed == (a.tier != b.tier)
    assert (forward.summary == "no change") == (
        a.tier == b.tier
        and forward.estimated_percentile_change == 0
        and set(a.certs) == set(b.certs)
        and a.years == b.years
    )


@given(records)
def test_a_record_compared_with_itself_is_no_change(a: AssessmentRecord) -> None:
    assert change(a, a).summary == "no change"


def test_history_view_orders_and_compares_neighbours() -> None:
    first = record(number=1, percentile=20)
    second = record(number=2, day="2025-02-01", percentile=25)
    third = record(number=3, day="2025-03-01", percentile=31, certs=("CMA", "CPT"))
    view = history_view([third, first, second])
    assert view.count == 3
    assert [entry.number for entry in view.assessments] == [1, 2, 3]
    assert view.assessments[0].changes is None
    assert view.assessments[1].changes is not None
    assert view.assessments[1].changes.estimated_percentile_change == 5
    assert view.assessments[2].changes is not None
    assert view.assessments[2].changes.certs_added == ("CPT",)
    assert view.overall is not None and view.overall.estimated_percentile_change == 11
    assert history_view([first, second]).overall is None  # the same as the last change
    assert history_view([]).count == 0


# The command ----------------------------------------------------------------------------------


def test_empty_history_says_how_to_start_one(run: Runner) -> None:
    result = run("history")
    assert result.code == 0 and result.err == ""
    text = " ".join(result.out.split())
    assert text.startswith("No saved assessments yet. Save one with 'maplanner assess --save'")
    data = json.loads(run("history", "--json").out)
    assert data == {"count": 0, "assessments": [], "overall": None, "pay_over_time": []}


def _save(run: Runner, monkeypatch: pytest.MonkeyPatch, day: str, *args: str) -> None:
    """Run a command that saves, on `day`; its tables are not what these tests read."""
    monkeypatch.setenv("MAPLANNER_TODAY", day)
    result = run(*args, *(("--json",) if args[0] == "assess" else ()))
    assert result.code == 0, result.err


def test_a_month_later_the_progress_shows(run: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    _save(run, monkeypatch, "2025-01-15", "assess", *SETUP, "--save")
    # A month later: a year more of experience and a new credential, reassessed.
    _save(run, monkeypatch, "2025-02-15", "profile", "set", "years", "3")
    _save(run, monkeypatch, "2025-02-15", "profile", "add-cert", "CPT", "--earned", "2025-02")
    _save(run, monkeypatch, "2025-02-15", "assess", "--saved", "--save")

    result = run("history")

    assert result.code == 0 and result.err == ""
    lines = result.out.splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert "Saved assessments (2), oldest first" in lines[0]
    text = " ".join(result.out.replace("│", " ").split())
    assert "2025-01-15 Entry CMA the first one saved" in text
    assert "2025-02-15 Mid CMA, CPT tier Entry -> Mid;" in text
    assert "estimate 28th -> 35th (+7 points); added CPT; years 2 -> 3" in text
    assert "28th percentile" in text and "35th percentile" in text


def test_history_json(run: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    _save(run, monkeypatch, "2025-01-15", "assess", *SETUP, "--save")
    _save(run, monkeypatch, "2025-02-15", "assess", *SETUP, "--cert", "CPT", "--save")
    _save(run, monkeypatch, "2025-03-15", "assess", "--saved", "--save")
    result = run("history", "--json")
    assert result.code == 0 and result.err == ""
    data: dict[str, Any] = json.loads(result.out)
    assert set(data) == {"count", "assessments", "overall", "pay_over_time"}
    assert data["count"] == 3
    first, second, third = data["assessments"]
    assert set(first) == {
        "number",
        "date",
        "tier",
        "tier_name",
        "estimated_percentile",
        "years",
        "certs",
        "profile",
        "pay_annual",
        "pay_percentile",
        "changes",
    }
    assert first["profile"]["setting"] == "family-practice"
    assert [point["annual"] for point in data["pay_over_time"]] == [40000, 40000, 40000]
    assert (first["date"], first["tier"], first["certs"], first["changes"]) == (
        "2025-01-15",
        "entry",
        ["CMA"],
        None,
    )
    assert second["changes"]["certs_added"] == ["CPT"]
    assert second["changes"]["since"] == "2025-01-15"
    assert second["changes"]["estimated_percentile_change"] == round(
        second["estimated_percentile"] - first["estimated_percentile"], 1
    )
    assert third["changes"]["summary"] == "no change"
    assert data["overall"]["since"] == "2025-01-15"
    assert data["overall"]["certs_added"] == ["CPT"]


def test_three_or_more_show_the_change_since_the_first(
    run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    _save(run, monkeypatch, "2025-01-15", "assess", *SETUP, "--save")
    _save(run, monkeypatch, "2025-02-15", "assess", "--saved", "--save")
    _save(run, monkeypatch, "2026-01-15", "profile", "set", "years", "3")
    _save(run, monkeypatch, "2026-01-15", "assess", "--saved", "--save")
    text = " ".join(run("history").out.split())
    assert "Since the first (2025-01-15 to 2026-01-15): tier Entry -> Mid;" in text


# What changed, in detail ---------------------------------------------------------------


def _with(base: AssessmentRecord, **update: object) -> AssessmentRecord:
    return base.model_copy(update=update)


def test_several_credentials_added_and_removed_are_listed_with_commas() -> None:
    result = change(
        record(certs=("CMA", "CPT", "BLS")), record(number=2, certs=("CMA", "COA", "CCMA"))
    )
    assert result.summary == "added COA, CCMA; removed CPT, BLS"


def test_a_yes_or_no_answer_reads_yes_or_no_and_a_missing_one_not_given() -> None:
    before = _with(
        record(), profile=profile(2, certs=("CMA",)).model_copy(update={"accredited": True})
    )
    after = _with(
        record(number=2),
        profile=profile(2, certs=("CMA",)).model_copy(update={"accredited": False}),
    )
    assert change(before, after).summary == "accredited program yes -> no"
    unknown = _with(record(number=2), profile=profile(2, certs=("CMA",)))
    assert change(before, unknown).summary == "accredited program yes -> not given"


def test_pay_given_for_the_first_time_is_a_change_from_not_given() -> None:
    later = _with(record(number=2), pay_annual=40000.0, pay_percentile=31.0)
    assert change(record(), later).summary == "pay not given -> $40,000"
    assert change(later, record(number=3)).summary == "pay $40,000 -> not given"


def test_answers_kept_with_only_one_of_the_two_are_said_to_be_missing() -> None:
    kept = _with(record(number=2), profile=profile(2, certs=("CMA",)))
    assert change(record(), kept).summary == "other answers were not kept with the older one"
    assert change(kept, record(number=3)).summary == (
        "other answers were not kept with the older one"
    )


def test_the_record_of_an_assessment_keeps_its_whole_profile(catalog: Catalog) -> None:
    from datetime import date

    from maplanner.core.history import record_of
    from maplanner.core.rules import assess

    answers = profile(4, certs=("CMA",), leads="trains")
    kept = record_of(assess(answers, catalog), date(2025, 1, 15))
    assert kept.profile == answers
    assert (kept.date, kept.years, kept.certs, kept.pay_annual) == (
        "2025-01-15",
        4,
        ("CMA",),
        None,
    )


def test_pay_outside_the_published_range_is_said_so_on_its_line() -> None:
    from maplanner.core.history import PayPoint, pay_line

    outside = PayPoint(date="2025-01-15", annual=25000.0, percentile=None)
    assert pay_line(outside) == "2025-01-15  $25,000 a year, outside the published 10th to 90th"
    inside = PayPoint(date="2025-02-15", annual=40000.0, percentile=32.0)
    assert pay_line(inside) == "2025-02-15  $40,000 a year, about the 32nd percentile"
