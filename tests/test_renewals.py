"""Renewal due dates (pure month arithmetic) and `maplanner certs --due`."""

import json
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from maplanner.catalog.catalog import Catalog
from maplanner.catalog.loader import load_catalog
from maplanner.core.profile import HeldCert, Profile
from maplanner.core.renewals import (
    add_months,
    month_index,
    month_of,
    parse_month,
    renewal_for,
    renewals,
)
from maplanner.errors import InputError
from tests.conftest import Runner

TODAY = date(2025, 3, 14)

# Month arithmetic -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("month", "count", "expected"),
    [
        ("2021-06", 60, "2026-06"),
        ("2024-11", 2, "2025-01"),
        ("2024-12", 1, "2025-01"),
        ("2025-01", 36, "2028-01"),
        ("2025-03", 0, "2025-03"),
        ("2025-01", -1, "2024-12"),
    ],
)
def test_add_months(month: str, count: int, expected: str) -> None:
    assert add_months(month, count) == expected


months = st.tuples(st.integers(1900, 2100), st.integers(1, 12)).map(
    lambda ym: f"{ym[0]:04d}-{ym[1]:02d}"
)


@given(months, st.integers(-600, 600))
def test_adding_months_moves_the_index_exactly(month: str, count: int) -> None:
    later = add_months(month, count)
    assert month_index(later) - month_index(month) == count
    assert add_months(later, -count) == month
    assert parse_month(later, date(2200, 1, 1)) == later  # always a valid YYYY-MM


@pytest.mark.parametrize("text", ["2025-03", "2025-01", "1999-12", " 2024-07 "])
def test_months_up_to_today_are_accepted(text: str) -> None:
    assert parse_month(text, TODAY) == text.strip()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2025-04", "--earned 2025-04 is in the future: use the month you earned or last "
         "renewed it, 2025-03 or earlier"),
        ("2025-13", "--earned '2025-13' is not a month: use YYYY-MM"),
        ("0000-05", "--earned '0000-05' is not a month"),
        ("2025/03", "--earned '2025/03' is not a month"),
        ("25-03", "--earned '25-03' is not a month"),
        ("", "--earned '' is not a month"),
        ("x" * 50, "--earned 'xxxxxxxxxxxxxxxxxxx…' is not a month"),
    ],
)  # fmt: skip
def test_bad_months_are_refused(text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_month(text, TODAY)
    assert caught.value.message.startswith(message)


# Due dates and flags --------------------------------------------------------------------


#: The shipped warning time (data/certifications.toml).
DUE_SOON = load_catalog(None).renewal_due_soon_months


def _cma(earned: str | None, today: date = TODAY, catalog: Catalog | None = None) -> Any:
    assert catalog is not None
    return renewal_for(HeldCert(id="CMA", earned=earned), catalog, today)


def test_cma_is_due_sixty_months_after_it_was_earned(catalog: Catalog) -> None:
    row = _cma("2021-06", catalog=catalog)
    assert (row.due, row.months_left, row.status) == ("2026-06", 15, "current")
    assert row.cycle_months == 60 and row.renewal_verified
    assert row.continuing_education is not None and row.continuing_education.total == 60
    assert row.what_it_takes.startswith("Recertify by exam, or by continuing education")
    assert (
        "60 CEUs per 60-month cycle: at least 10 administrative, 10 clinical, 10 general "
        "and 30 AAMA-approved." in row.what_it_takes
    )


@pytest.mark.parametrize(
    ("earned", "left", "status"),
    [
        ("2020-03", 0, "due-soon"),  # due this month
        ("2020-09", DUE_SOON, "due-soon"),  # the last month that counts as soon
        ("2020-10", DUE_SOON + 1, "current"),
        ("2020-02", -1, "lapsed"),
        ("2015-03", -60, "lapsed"),
    ],
)
def test_the_due_soon_and_lapsed_boundaries(
    catalog: Catalog, earned: str, left: int, status: str
) -> None:
    row = _cma(earned, catalog=catalog)
    assert (row.months_left, row.status) == (left, status)


def test_advice_says_what_to_do(catalog: Catalog) -> None:
    assert _cma("2020-03", catalog=catalog).advice == (
        "Due soon: renewal is due this month (2025-03); start now."
    )
    assert _cma("2020-05", catalog=catalog).advice == (
        "Due soon: renewal is due in 2 months (2025-05); start now."
    )
    lapsed = _cma("2020-01", catalog=catalog).advice
    assert lapsed.startswith("Lapsed: renewal was due 2025-01, 2 months ago. Ask ")
    assert lapsed.endswith("maplanner profile add-cert CMA --earned YYYY-MM")


@given(st.dates(date(2000, 1, 1), date(2060, 12, 31)))
def test_status_follows_months_left_on_any_day(today: date) -> None:
    from maplanner.catalog.loader import load_catalog

    row = renewal_for(HeldCert(id="CMA", earned="2021-06"), load_catalog(None), today)
    assert row.months_left == month_index("2026-06") - month_index(month_of(today))
    if row.months_left < 0:
        assert row.status == "lapsed"
    elif row.months_left <= DUE_SOON:
        assert row.status == "due-soon"
    else:
        assert row.status == "current"


def test_no_verified_cycle_gives_no_date(catalog: Catalog) -> None:
    row = renewal_for(HeldCert(id="CPT", earned="2024-01"), catalog, TODAY)
    assert row.status == "no-verified-cycle"
    assert (row.due, row.months_left, row.cycle_months, row.renewal_verified) == (
        None,
        None,
        None,
        False,
    )
    assert row.what_it_takes == "not verified"
    assert row.advice.startswith("No verified renewal cycle, so no due date is given")


def test_no_earned_month_says_how_to_add_it(catalog: Catalog) -> None:
    row = renewal_for(HeldCert(id="COA"), catalog, TODAY)
    assert row.status == "no-earned-month"
    assert row.due is None and row.cycle_months == 36
    assert row.advice == (
        "Add the month you earned or last renewed it: "
        "maplanner profile add-cert COA --earned YYYY-MM"
    )


def test_most_urgent_first(catalog: Catalog) -> None:
    profile = Profile(
        years=8,
        certs=(
            HeldCert(id="CPT"),
            HeldCert(id="COA"),
            HeldCert(id="CMA", earned="2021-06"),
            HeldCert(id="CPC", earned="2023-05"),
            HeldCert(id="BLS", earned="2023-01"),
            HeldCert(id="CMPE", earned="2021-01"),
        ),
        setting="hospital",
    )
    report = renewals(profile, catalog, TODAY)
    assert [(row.id, row.status) for row in report.renewals] == [
        ("BLS", "lapsed"),
        ("CMA", "current"),
        ("CMPE", "current"),
        ("COA", "no-earned-month"),
        ("CPC", "no-member-month"),
        ("CPT", "no-verified-cycle"),
    ]
    assert (report.today, report.due_soon_months, report.profile_saved) == (
        "2025-03-14",
        6,
        True,
    )
    assert renewals(None, catalog, TODAY).renewals == ()


# The command ----------------------------------------------------------------------------------


def table_rows(out: str) -> list[list[str]]:
    """The body rows of a boxed table, each cell's wrapped lines joined with spaces."""
    rows: list[list[str]] = []
    cells: list[list[str]] = []
    for line in out.splitlines():
        if line.startswith("│"):
            parts = [part.strip() for part in line.strip("│").split("│")]
            cells = cells or [[] for _ in parts]
            for cell, part in zip(cells, parts, strict=True):
                if part:
                    cell.append(part)
        elif line.startswith(("├", "└")) and cells:
            rows.append([" ".join(cell) for cell in cells])
            cells = []
    return rows


@pytest.fixture
def holder(run: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    """A saved profile holding CMA (earned 2021-06), COA (no month) and CPT."""
    monkeypatch.setenv("MAPLANNER_TODAY", "2025-03-14")
    for args in [
        ("assess", "--years", "4", "--cert", "CMA,COA,CPT", "--setting", "hospital", "--save"),
        ("profile", "add-cert", "CMA", "--earned", "2021-06"),
    ]:
        result = run(*args)
        assert result.code == 0, result.err


def test_due_lists_each_credential(run: Runner, holder: None) -> None:
    result = run("certs", "--due")
    assert result.code == 0 and result.err == ""
    assert all(len(line) <= 80 for line in result.out.splitlines())
    assert result.out.startswith("Renewals as of 2025-03-14 (due soon = within 6 months)")
    cma, coa, cpt = table_rows(result.out)
    assert cma[:2] == [
        "CMA Certified Medical Assistant (AAMA) earned 2021-06",
        "current 2026-06 15 months left",
    ]
    assert "60 CEUs per 60-month cycle: at least 10 administrative" in cma[2]
    assert coa[0].startswith("COA Certified Ophthalmic Assistant")
    assert coa[0].endswith("earned: not recorded")
    assert coa[1] == "earned month not recorded every 36 months"
    assert coa[2].endswith(
        "Add the month you earned or last renewed it: maplanner profile add-cert COA "
        "--earned YYYY-MM"
    )
    assert cpt[0].startswith("CPT Certified Phlebotomy Technician")
    assert cpt[1] == "cycle not verified"
    assert cpt[2].startswith("not verified No verified renewal cycle, so no due date is given")
    assert result.out.endswith(
        "Held: 1 current, 1 without an earned month, 1 without a verified cycle.\n"
    )


def test_a_year_later_the_cma_is_due_soon_and_later_lapsed(
    run: Runner, holder: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAPLANNER_TODAY", "2026-01-02")
    cma = table_rows(run("certs", "--due").out)[0]
    assert cma[1] == "DUE SOON 2026-06 5 months left"
    assert cma[2].endswith("Due soon: renewal is due in 5 months (2026-06); start now.")
    monkeypatch.setenv("MAPLANNER_TODAY", "2026-08-01")
    out = run("certs", "--due").out
    assert table_rows(out)[0][1] == "LAPSED 2026-06 2 months ago"
    assert " ".join(out.split()).endswith(
        "Held: 1 lapsed, 1 without an earned month, 1 without a verified cycle."
    )


def test_due_json(run: Runner, holder: None) -> None:
    result = run("certs", "--due", "--json")
    assert result.code == 0 and result.err == ""
    data = json.loads(result.out)
    assert set(data) == {"today", "due_soon_months", "profile_saved", "renewals"}
    assert (data["today"], data["due_soon_months"], data["profile_saved"]) == (
        "2025-03-14",
        6,
        True,
    )
    cma = data["renewals"][0]
    assert set(cma) == {
        "id",
        "name",
        "issuer",
        "status",
        "earned",
        "renewal_verified",
        "kind",
        "cycle_months",
        "cycle_start",
        "due",
        "due_by",
        "due_day_known",
        "months_left",
        "annual_fee",
        "next_fee",
        "how",
        "continuing_education",
        "what_it_takes",
        "advice",
        "ce",
    }
    assert (cma["id"], cma["due"], cma["months_left"], cma["status"]) == (
        "CMA",
        "2026-06",
        15,
        "current",
    )
    assert cma["continuing_education"]["total"] == 60
    assert [part["minimum"] for part in cma["continuing_education"]["minimums"]] == [
        10,
        10,
        10,
        30,
    ]
    assert (cma["kind"], cma["cycle_start"], cma["due_by"], cma["due_day_known"]) == (
        "rolling",
        "2021-06-01",
        "2026-06-01",
        False,
    )
    assert [row["status"] for row in data["renewals"]] == [
        "current",
        "no-earned-month",
        "no-verified-cycle",
    ]
    assert data["renewals"][2]["due"] is None


def test_due_without_a_profile(run: Runner) -> None:
    result = run("certs", "--due")
    assert result.code == 0 and result.err == ""
    assert "No saved profile, so there are no credentials to check." in result.out
    data = json.loads(run("certs", "--due", "--json").out)
    assert (data["profile_saved"], data["renewals"]) == (False, [])


def test_due_with_a_profile_holding_nothing(run: Runner) -> None:
    assert run("assess", "--years", "1", "--setting", "hospital", "--save", "--json").code == 0
    out = run("certs", "--due").out
    assert "Your saved profile holds no credentials." in out
    assert "maplanner profile add-cert ID --earned YYYY-MM" in out


@pytest.mark.parametrize("extra", [("cma",), ("--year", "2"), ("--track", "clinical")])
def test_due_cannot_be_combined(run: Runner, extra: tuple[str, ...]) -> None:
    result = run("certs", "--due", *extra)
    assert result.code == 2
    assert result.err == (
        "maplanner: --due lists the renewals of every credential you hold: it cannot be "
        "combined with ID, --year or --track\n"
    )


def test_the_warning_time_comes_from_the_data(data_copy: Any) -> None:
    """A counselor's data directory can warn earlier; nothing in code holds the 6."""
    text = (data_copy / "certifications.toml").read_text(encoding="utf-8")
    (data_copy / "certifications.toml").write_text(
        text.replace("due_soon_months = 6", "due_soon_months = 12"), encoding="utf-8"
    )
    catalog = load_catalog(data_copy)
    profile = Profile(years=5, setting="hospital", certs=(HeldCert(id="CMA", earned="2020-01"),))
    report = renewals(profile, catalog, date(2024, 3, 1))  # due 2025-01: 10 months left
    assert report.due_soon_months == 12
    assert report.renewals[0].status == "due-soon"
    assert renewals(profile, load_catalog(None), date(2024, 3, 1)).renewals[0].status == "current"
