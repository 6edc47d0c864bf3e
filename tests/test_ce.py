"""`maplanner ce`: the continuing-education ledger, its checks, progress and storage."""

import json
import signal
import sqlite3
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from maplanner.catalog.catalog import Catalog
from maplanner.catalog.loader import load_catalog
from maplanner.core.ce import Credit, ce_report, progress_for
from maplanner.core.profile import HeldCert, Profile
from maplanner.store import db
from maplanner.store.ledger import credits
from maplanner.store.profiles import load_profile, save_profile
from tests.conftest import Runner, examples
from tests.store_helpers import db_file, python
from tests.test_renewals import table_rows
from tests.test_results_are_valid import assert_valid, profiles

CATALOG = load_catalog(None)


def ok(run: Runner, *args: str) -> str:
    result = run(*args)
    assert result.code == 0, result.err
    assert result.err == ""
    return result.out


@pytest.fixture
def holder(monkeypatch: pytest.MonkeyPatch) -> None:
    """A saved profile holding CMA (earned 2025-06), CMPE (2025-08), CPC and COA.

    Saved through the store directly (quicker than running assess for every test).
    """
    monkeypatch.setenv("MAPLANNER_TODAY", "2026-03-20")
    certs = (
        HeldCert(id="CMA", earned="2025-06"),
        HeldCert(id="CMPE", earned="2025-08"),
        HeldCert(id="CPC", earned="2025-02", member_month=2),
        HeldCert(id="COA"),
    )
    save_profile(Profile(years=4, setting="hospital", certs=certs), date(2026, 3, 20))


def one_error(run: Runner, *args: str) -> str:
    result = run(*args)
    assert result.code == 2, (result.out, result.err)
    lines = result.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("maplanner: "), result.err
    assert result.out == ""
    return lines[0].removeprefix("maplanner: ")


# The done-when ------------------------------------------------------------------------


def test_ten_clinical_units_show_ten_of_sixty_with_the_clinical_minimum_met(
    run: Runner, holder: None
) -> None:
    added = ok(
        run, "ce", "add", "CMA", "--units", "10", "--category", "clinical", "--date", "2026-01-10"
    )
    assert added.startswith("Recorded credit 1: 10 toward CMA, clinical, on 2026-01-10.")
    out = ok(run, "ce")
    block = out[out.index("CMA  Certified Medical Assistant") :]
    block = block[: block.index("\n\n")]
    assert "Cycle 2025-06-01 to 2030-06-30; due 2030-06" in " ".join(block.split())
    lines = [" ".join(line.split()) for line in block.splitlines()]
    assert any(line.startswith("Total ") and line.endswith("10 of 60 CEUs") for line in lines)
    assert any(line.startswith("clinical ") and line.endswith("10 of 10, met") for line in lines)
    assert any(
        line.endswith("administrative 0 of 10, 10 to go")
        or line == "administrative 0 of 10, 10 to go"
        for line in lines
    )
    assert "Still needed: 50 CEUs by the due month, 2030-06." in " ".join(block.split())
    assert all(len(line) <= 80 for line in out.splitlines())


def test_progress_json(run: Runner, holder: None) -> None:
    ok(run, "ce", "add", "CMA", "--units", "10", "--category", "clinical", "--date", "2026-01-10")
    data = json.loads(ok(run, "ce", "--json"))
    assert set(data) == {"today", "profile_saved", "progress", "untracked", "not_held_count"}
    assert data["untracked"] == ["COA"]
    cma = next(row for row in data["progress"] if row["id"] == "CMA")
    assert (cma["counted"], cma["required"], cma["still_needed"], cma["met"]) == (
        10.0,
        60.0,
        50.0,
        False,
    )
    assert [(m["label"], m["counted"], m["met"]) for m in cma["minimums"]] == [
        ("administrative", 0.0, False),
        ("clinical", 10.0, True),
        ("general", 0.0, False),
        ("AAMA-approved", 0.0, False),
    ]
    assert cma["by_category"] == [
        {"category": "administrative", "units": 0.0},
        {"category": "clinical", "units": 10.0},
        {"category": "general", "units": 0.0},
    ]
    assert (cma["cycle_start"], cma["cycle_end"], cma["due_by"]) == (
        "2025-06-01",
        "2030-06-30",
        "2030-06-01",
    )
    assert ok(run, "ce", "show", "--json") == ok(run, "ce", "--json")


# Shared cycles, proration and membership ------------------------------------------------


def test_cmpe_certified_mid_cycle_owes_the_prorated_share(run: Runner, holder: None) -> None:
    ok(
        run,
        "ce",
        "add",
        "CMPE",
        "--units",
        "4",
        "--category",
        "live",
        "--from-issuer",
        "--date",
        "2026-02-03",
        "--note",
        "MGMA webinar",
    )
    data = json.loads(ok(run, "ce", "--json"))
    cmpe = next(row for row in data["progress"] if row["id"] == "CMPE")
    # certified 2025-08: 7 months into the 2025-2027 cycle, so 40 hours (24 MGMA, 10 live)
    assert (cmpe["required"], cmpe["prorated"], cmpe["cycle_start"], cmpe["due_by"]) == (
        40.0,
        True,
        "2025-08-01",
        "2027-12-31",
    )
    assert [(m["required"], m["counted"]) for m in cmpe["minimums"]] == [(24.0, 4.0), (10.0, 4.0)]
    assert cmpe["still_needed"] == 36.0


def test_cpc_counts_from_its_membership_cycle(run: Runner, holder: None) -> None:
    ok(run, "ce", "add", "CPC", "--units", "12", "--date", "2026-03-01")
    cpc = next(r for r in json.loads(ok(run, "ce", "--json"))["progress"] if r["id"] == "CPC")
    # February membership: even years; first report 2026-02 has passed, next 2028-02
    assert (cpc["cycle_start"], cpc["due"], cpc["counted"]) == ("2026-02-01", "2028-02", 12.0)


def test_credits_outside_the_cycle_do_not_count_and_are_named(run: Runner, holder: None) -> None:
    ok(run, "ce", "add", "CPC", "--units", "5", "--date", "2025-06-01")  # the last cycle
    ok(run, "ce", "add", "CPC", "--units", "2", "--date", "2026-03-02")
    out = ok(run, "ce")
    assert "1 credit (5 CEUs) dated outside this cycle: not counted." in " ".join(out.split())
    cpc = next(r for r in json.loads(ok(run, "ce", "--json"))["progress"] if r["id"] == "CPC")
    assert (cpc["counted"], cpc["outside_count"], cpc["outside_units"]) == (2.0, 1, 5.0)


# Bad input: one line, exit 2, nothing written ---------------------------------------------


ON = ("--date", "2026-01-10")
CLINICAL = ("--category", "clinical")
BAD = [
    (("XYZ", "--units", "2", *ON), "ce add 'XYZ' is not a known certification"),
    (("COA", "--units", "2", *ON), "ce add COA: its continuing-education rule is not verified"),
    (("RMA", "--units", "2", *ON), "ce add RMA: your saved profile does not hold RMA"),
    (
        ("CMA", "--units", "2", "--category", "surgical", *ON),
        "--category 'surgical' is not one of CMA's categories: use administrative, clinical, "
        "general",
    ),
    (
        ("CMA", "--units", "2", *ON),
        "ce add CMA needs --category: one of administrative, clinical, general",
    ),
    (
        ("CPC", "--units", "2", *CLINICAL, *ON),
        "--category 'clinical': CPC's continuing education has no categories",
    ),
    (("CPC", "--units", "2", "--from-issuer", *ON), "--from-issuer: CPC's rule has no share"),
    (
        ("CMA", "--units", "0", *CLINICAL, *ON),
        "--units '0' is out of range: CMA credits run from more than 0 up to 60 CEUs",
    ),
    (("CMA", "--units", "-3", *CLINICAL, *ON), "--units '-3' is out of range"),
    (("CMA", "--units", "61", *CLINICAL, *ON), "--units '61' is out of range"),
    (("CMA", "--units", "nan", *CLINICAL, *ON), "--units 'nan' is out of range"),
    (("CMA", "--units", "1e308", *CLINICAL, *ON), "--units '1e308' is out of range"),
    (("CMA", "--units", "two", *CLINICAL, *ON), "--units 'two' is not a number"),
    (("CMA", "--units", "1.234", *CLINICAL, *ON), "--units '1.234' has too many decimals"),
    (
        ("CMA", "--units", "2", *CLINICAL, "--date", "2026-03-21"),
        "--date 2026-03-21 is in the future: record an activity once done, on 2026-03-20 "
        "or earlier",
    ),
    (
        ("CMA", "--units", "2", *CLINICAL, "--date", "2025-05-31"),
        "--date 2025-05-31 is before you earned CMA (2025-06)",
    ),
    (
        ("CMA", "--units", "2", *CLINICAL, "--date", "2026-02-30"),
        "--date '2026-02-30' is not a date: use YYYY-MM-DD",
    ),
    (("CMA", "--units", "2", *CLINICAL, "--date", "20260110"), "--date '20260110' is not a date"),
    (
        ("CMA", "--units", "2", *CLINICAL, *ON, "--note", "x" * 201),
        "--note is 201 characters long: keep it to 200",
    ),
]


@pytest.mark.parametrize(("args", "message"), BAD)
def test_bad_input_is_one_line_and_writes_nothing(
    run: Runner, holder: None, args: tuple[str, ...], message: str
) -> None:
    assert one_error(run, "ce", "add", *args).startswith(message)
    assert credits() == []


def test_the_first_day_of_the_earned_month_and_today_are_accepted(
    run: Runner, holder: None
) -> None:
    ok(run, "ce", "add", "CMA", "--units", "1", "--category", "general", "--date", "2025-06-01")
    ok(run, "ce", "add", "CMA", "--units", "0.25", "--category", "general", "--date", "2026-03-20")
    assert [(c.date, c.units) for c in credits()] == [("2025-06-01", 1.0), ("2026-03-20", 0.25)]


def test_ce_add_needs_a_saved_profile(run: Runner) -> None:
    result = run(
        "ce", "add", "CMA", "--units", "1", "--category", "general", "--date", "2025-06-01"
    )
    assert result.code == 2
    lines = result.err.splitlines()
    assert lines[0] == "maplanner: no saved profile to record continuing education for"
    assert lines[1].startswith("maplanner: hint: save one with")
    assert not db_file().exists()


def test_ce_without_a_profile_says_how_to_save_one(run: Runner) -> None:
    assert "No saved profile, so no credentials to track." in ok(run, "ce")
    data = json.loads(ok(run, "ce", "--json"))
    assert (data["profile_saved"], data["progress"]) == (False, [])
    assert "No continuing education recorded yet." in ok(run, "ce", "list")
    assert not db_file().exists()


# list and remove ----------------------------------------------------------------------


def test_list_and_remove(run: Runner, holder: None) -> None:
    ok(
        run,
        "ce",
        "add",
        "CMA",
        "--units",
        "2",
        "--category",
        "clinical",
        "--date",
        "2026-03-14",
        "--note",
        "[bold]Injections[/bold] workshop",
    )
    ok(
        run,
        "ce",
        "add",
        "CMPE",
        "--units",
        "1.5",
        "--category",
        "self-study",
        "--date",
        "2026-03-01",
    )
    out = ok(run, "ce", "list")
    assert "[bold]Injections[/bold]" in out  # shown as written, not as markup
    listing = json.loads(ok(run, "ce", "list", "--json"))
    assert [(c["number"], c["cert"], c["date"]) for c in listing["credits"]] == [
        (2, "CMPE", "2026-03-01"),
        (1, "CMA", "2026-03-14"),
    ]
    assert set(listing["credits"][0]) == {
        "number",
        "cert",
        "units",
        "category",
        "from_issuer",
        "date",
        "note",
        "added_on",
    }
    removed = json.loads(ok(run, "ce", "remove", "1", "--json"))
    assert removed["removed"]["cert"] == "CMA"
    assert [c.number for c in credits()] == [2]
    assert ok(run, "ce", "remove", "2").startswith("Removed credit 2: 1.5 toward CMPE")
    assert one_error(run, "ce", "remove", "2").startswith("ce remove 2: there is no credit")
    assert one_error(run, "ce", "remove", "x").startswith("ce remove 'x' is not a credit number")


def test_json_goes_after_the_subcommand(run: Runner, holder: None) -> None:
    assert one_error(run, "ce", "--json", "list").startswith("put --json after the subcommand")


def test_added_json(run: Runner, holder: None) -> None:
    data = json.loads(
        ok(
            run,
            "ce",
            "add",
            "cma",
            "--units",
            "2",
            "--category",
            "Clinical",
            "--from-issuer",
            "--date",
            "2026-03-14",
            "--json",
        )
    )
    assert data == {
        "cert": "CMA",
        "units": 2.0,
        "category": "clinical",
        "from_issuer": True,
        "date": "2026-03-14",
        "note": "",
        "number": 1,
        "added_on": "2026-03-20",
    }


# Storage: upgrade, forget, a crash -------------------------------------------------------


def test_a_version_2_database_is_upgraded_keeping_the_profile(run: Runner, holder: None) -> None:
    path = db_file()
    connection = sqlite3.connect(path)
    connection.execute("DROP TABLE ce_credit")
    for column in ("profile", "pay_annual", "pay_percentile"):  # added in version 4
        connection.execute(f"ALTER TABLE assessment DROP COLUMN {column}")
    connection.execute("PRAGMA user_version = 2")
    connection.commit()
    connection.close()
    assert "CMA" in ok(run, "profile")  # reading upgrades too
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == db.SCHEMA_VERSION
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert "ce_credit" in tables
    connection.close()
    ok(run, "ce", "add", "CMA", "--units", "2", "--category", "clinical", "--date", "2026-03-14")
    assert len(credits()) == 1


def test_forget_removes_the_ledger(run: Runner, holder: None) -> None:
    ok(run, "ce", "add", "CMA", "--units", "2", "--category", "clinical", "--date", "2026-03-14")
    out = ok(run, "profile", "forget", "--yes")
    assert "1 CE credit" in out
    assert not db_file().exists() and credits() == []


CRASH_MID_CREDIT = """
import contextlib, time
from datetime import date
import maplanner.store.ledger as ledger
from maplanner.core.ce import NewCredit

real = ledger.transaction

@contextlib.contextmanager
def never_commits(connection):
    connection.execute("PRAGMA cache_size = 2")
    with real(connection):
        yield
        for _ in range(300):
            connection.execute(
                "INSERT INTO ce_credit (cert, units, done_on, added_on) "
                "VALUES ('CMA', 1, '2026-01-01', ?)", ("x" * 8000,),
            )
        print("ready", flush=True)
        time.sleep(60)

ledger.transaction = never_commits
ledger.add_credit(NewCredit(cert="CMA", units=5, category="clinical", from_issuer=False,
                            date="2026-01-01", note=""), date(2026, 3, 20))
"""


def test_a_credit_killed_midway_leaves_the_ledger_as_it_was(run: Runner, holder: None) -> None:
    ok(run, "ce", "add", "CMA", "--units", "2", "--category", "clinical", "--date", "2026-03-14")
    before = credits()
    writer = python(CRASH_MID_CREDIT)
    try:
        assert writer.stdout is not None
        line = writer.stdout.readline()
        assert line == "ready\n", writer.stderr.read() if writer.stderr else ""
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
        for stream in (writer.stdout, writer.stderr):
            if stream is not None:
                stream.close()
    assert writer.returncode == -signal.SIGKILL
    assert credits() == before
    connection = sqlite3.connect(db_file())
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()


# Counting, for any ledger ---------------------------------------------------------------

_cma_credits = st.lists(
    st.builds(
        lambda n, units, category, issuer, day: Credit(
            number=n,
            cert="CMA",
            units=units,
            category=category,
            from_issuer=issuer,
            date=day.isoformat(),
            note="",
            added_on="2026-03-20",
        ),
        st.integers(1, 10_000),
        st.integers(1, 2000).map(lambda hundredths: hundredths / 100),
        st.sampled_from(["administrative", "clinical", "general"]),
        st.booleans(),
        st.dates(date(2024, 1, 1), date(2026, 3, 20)),
    ),
    max_size=25,
)


@settings(max_examples=examples(150))
@given(_cma_credits)
def test_counting_adds_up_for_any_ledger(ledger: list[Credit]) -> None:
    held = HeldCert(id="CMA", earned="2025-06")
    row = progress_for(held, CATALOG, ledger, date(2026, 3, 20))
    assert row is not None and row.cycle_start == "2025-06-01"
    inside = [c for c in ledger if c.date >= "2025-06-01"]
    assert row.counted == pytest.approx(sum(c.units for c in inside))
    assert row.credits_in_cycle + row.outside_count == len(ledger)
    assert sum(t.units for t in row.by_category) == pytest.approx(row.counted)
    assert row.still_needed >= row.required - row.counted - 1e-9
    assert row.still_needed >= max(m.left for m in row.minimums) - 1e-9
    assert row.met == (row.counted >= row.required and all(m.met for m in row.minimums))
    for minimum in row.minimums:
        assert minimum.left == pytest.approx(max(0.0, minimum.required - minimum.counted))


def test_credits_for_a_credential_no_longer_held_are_counted_apart(catalog: Catalog) -> None:
    ledger = [
        Credit(
            number=1,
            cert="RMA",
            units=3,
            category=None,
            from_issuer=False,
            date="2026-01-01",
            note="",
            added_on="2026-01-02",
        ),
    ]
    profile = Profile(years=2, setting="hospital", certs=(HeldCert(id="CMA", earned="2025-06"),))
    report = ce_report(profile, catalog, ledger, date(2026, 3, 20))
    assert report.not_held_count == 1
    assert [row.id for row in report.progress] == ["CMA"]


# Progress elsewhere: profile and report ----------------------------------------------------


def test_profile_and_report_show_ce_progress(run: Runner, holder: None) -> None:
    ok(run, "ce", "add", "CMA", "--units", "10", "--category", "clinical", "--date", "2026-01-10")
    shown = " ".join(ok(run, "profile").split())
    assert "Continuing ed. CMA: 10 of 60 CEUs recorded this cycle; 50 still needed" in shown
    data = json.loads(ok(run, "profile", "--json"))
    assert [(row["id"], row["counted"]) for row in data["ce"]] == [
        ("CMA", 10.0),
        ("CMPE", 0.0),
        ("CPC", 0.0),
    ]
    report = " ".join(ok(run, "report", "-o", "-", "--format", "md").split())
    assert "### Continuing education (maplanner ce)" in report
    assert (
        "- **CMA:** 10 of 60 CEUs recorded this cycle; 50 still needed "
        "(2025-06-01 to 2030-06-30)." in report
    )
    html = ok(run, "report", "-o", "-", "--format", "html")
    assert "<h3>Continuing education (maplanner ce)</h3>" in html
    rows = {row[0].split()[0]: row for row in table_rows(ok(run, "certs", "--due"))}
    assert rows["CMA"][2].endswith(
        "CE: 10 of 60 CEUs recorded this cycle; 50 still needed (maplanner ce)"
    )


def test_a_narrow_terminal_lists_credits_without_a_table(
    run: Runner, holder: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    ok(
        run,
        "ce",
        "add",
        "CMA",
        "--units",
        "2",
        "--category",
        "clinical",
        "--date",
        "2026-03-14",
        "--note",
        "Injections workshop",
    )
    monkeypatch.setenv("COLUMNS", "40")
    out = ok(run, "ce", "list")
    assert out == (
        "Recorded continuing education\n"
        "1. 2 toward CMA, clinical, on 2026-03-14\n"
        "   Injections workshop\n"
        "Remove one: maplanner ce remove NUMBER\n"
    )
    assert all(len(line) <= 40 for line in ok(run, "ce").splitlines())


# Results are valid by their own models (they are built with model_construct) -------------


@settings(max_examples=examples(30), deadline=None)
@given(profiles, _cma_credits)
def test_ce_results_are_valid(profile: Profile, ledger: list[Credit]) -> None:
    from maplanner.core.calendar import renewal_calendar
    from maplanner.core.ce import attach_progress, credit_list
    from maplanner.core.renewals import renewals
    from maplanner.core.report import build_report

    today = date(2026, 3, 20)
    assert_valid(ce_report(profile, CATALOG, ledger, today))
    due = attach_progress(renewals(profile, CATALOG, today), profile, CATALOG, ledger, today)
    assert_valid(due)
    assert_valid(renewal_calendar(due, CATALOG.renewal_reminder_days))
    assert_valid(credit_list(ledger, today))
    assert_valid(build_report(profile, CATALOG, today, credits=ledger))


# The membership month (CPC) ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "month"), [("2", 2), ("may", 5), ("September", 9), ("dec", 12), (" 12 ", 12)]
)
def test_the_membership_month_by_number_or_name(
    run: Runner, holder: None, value: str, month: int
) -> None:
    ok(run, "profile", "add-cert", "cpc", "--member-month", value)
    profile = load_profile()
    assert profile is not None
    cpc = next(held for held in profile.certs if held.id == "CPC")
    assert (cpc.earned, cpc.member_month) == ("2025-02", month)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("CPC", "--member-month", "13"), "--member-month '13' is not a month: use 1 to 12"),
        (("CPC", "--member-month", "ma"), "--member-month 'ma' is not a month"),
        (("CPC", "--member-month", "0"), "--member-month '0' is not a month"),
        (
            ("CMA", "--member-month", "3"),
            "--member-month: CMA's renewal does not follow a membership month; it is for CPC",
        ),
    ],
)
def test_bad_membership_months(
    run: Runner, holder: None, args: tuple[str, ...], message: str
) -> None:
    before = load_profile()
    assert one_error(run, "profile", "add-cert", *args).startswith(message)
    assert load_profile() == before


def test_saving_answers_again_keeps_the_membership_month(run: Runner, holder: None) -> None:
    ok(run, "assess", "--years", "5", "--setting", "hospital", "--cert", "CMA,CPC", "--save")
    profile = load_profile()
    assert profile is not None
    assert {held.id: (held.earned, held.member_month) for held in profile.certs} == {
        "CMA": ("2025-06", None),
        "CPC": ("2025-02", 2),
    }
