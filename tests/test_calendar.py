"""`maplanner certs --due --ics FILE`: renewal reminders any calendar app can import.

The file is parsed back with icalendar, as a calendar app would read it.
"""

import json
import stat
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from tests.conftest import Runner


@pytest.fixture
def holder(run: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    """CMA (2023-01), CPC (2024-05, May membership), CMPE (2023-08), BLS (2025-02), CPT."""
    monkeypatch.setenv("MAPLANNER_TODAY", "2026-12-02")
    steps = [
        ("assess", "--years", "4", "--setting", "hospital", "--cert", "CMA,CPC,CMPE,BLS,CPT",
         "--save", "--json"),
        ("profile", "add-cert", "CMA", "--earned", "2023-01"),
        ("profile", "add-cert", "CPC", "--earned", "2024-05", "--member-month", "may"),
        ("profile", "add-cert", "CMPE", "--earned", "2023-08"),
        ("profile", "add-cert", "BLS", "--earned", "2025-02"),
        ("ce", "add", "CMA", "--units", "10", "--category", "clinical", "--date", "2026-01-10"),
    ]  # fmt: skip
    for args in steps:
        result = run(*args)
        assert result.code == 0, result.err


def events(path: Path) -> list[Any]:
    calendar = Calendar.from_ical(path.read_bytes())
    return list(calendar.walk("VEVENT"))


def test_one_event_per_credential_with_a_due_date(
    run: Runner, holder: None, tmp_path: Path
) -> None:
    target = tmp_path / "renewals.ics"
    result = run("certs", "--due", "--ics", str(target))
    assert result.code == 0, result.err
    assert " ".join(result.out.split()).endswith(
        f"Wrote 4 renewal events to {target} (reminders 90, 30 and 7 days before); no due "
        "date for CPT."
    )
    found = {
        str(event["UID"]): (event.decoded("DTSTART"), str(event["SUMMARY"]))
        for event in events(target)
    }
    assert found == {
        "bls-renewal-2027-02@maplanner.invalid": (date(2027, 2, 28), "BLS renewal due"),
        "cpc-renewal-2027-05@maplanner.invalid": (date(2027, 5, 1), "CPC renewal due"),
        "cmpe-renewal-2027-12@maplanner.invalid": (date(2027, 12, 31), "CMPE renewal due"),
        "cma-renewal-2028-01@maplanner.invalid": (date(2028, 1, 1), "CMA renewal due"),
    }


def test_reminders_and_the_ce_still_needed(run: Runner, holder: None, tmp_path: Path) -> None:
    target = tmp_path / "renewals.ics"
    assert run("certs", "--due", "--ics", str(target)).code == 0
    cma = next(e for e in events(target) if str(e["UID"]).startswith("cma-"))
    alarms = [alarm.decoded("TRIGGER") for alarm in cma.walk("VALARM")]
    assert alarms == [timedelta(days=-90), timedelta(days=-30), timedelta(days=-7)]
    assert [str(a["ACTION"]) for a in cma.walk("VALARM")] == ["DISPLAY"] * 3
    text = str(cma["DESCRIPTION"])
    assert (
        "Continuing education still needed: 50 CEUs (at least 10 administrative, 10 general, "
        "30 AAMA-approved). Recorded in this cycle: 10 of 60." in text
    )
    assert cma.decoded("DTEND") == date(2028, 1, 2)
    cpc = next(e for e in events(target) if str(e["UID"]).startswith("cpc-"))
    assert "annual fee or dues: next due 2027-05" in str(cpc["DESCRIPTION"])


def test_the_file_is_private_stable_and_replaced_whole(
    run: Runner, holder: None, tmp_path: Path
) -> None:
    target = tmp_path / "renewals.ics"
    target.write_text("old")
    target.chmod(0o644)
    assert run("certs", "--due", "--ics", str(target)).code == 0
    first = target.read_bytes()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert run("certs", "--due", "--ics", str(target)).code == 0
    assert target.read_bytes() == first  # same UIDs and DTSTAMP: calendar apps update
    assert sorted(p.name for p in tmp_path.iterdir()) == ["renewals.ics"]  # no .part left


def test_json_and_a_calendar_together(run: Runner, holder: None, tmp_path: Path) -> None:
    target = tmp_path / "r.ics"
    result = run("certs", "--due", "--json", "--ics", str(target))
    assert result.code == 0 and result.err == ""
    data = json.loads(result.out)
    cma = next(row for row in data["renewals"] if row["id"] == "CMA")
    assert (cma["ce"]["counted"], cma["ce"]["still_needed"]) == (10.0, 50.0)
    assert len(events(target)) == 4


def test_without_a_profile_the_calendar_is_empty_but_valid(run: Runner, tmp_path: Path) -> None:
    target = tmp_path / "r.ics"
    assert run("certs", "--due", "--ics", str(target)).code == 0
    assert events(target) == []
    assert Calendar.from_ical(target.read_bytes())["PRODID"]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("--ics", "x.ics"), 2, "--ics writes the renewal calendar: use it with --due"),
        (("--due", "--ics", ""), 2, "--ics '' is not a file name"),
        (("--due", "--ics", "{tmp}"), 2, "--ics {tmp} is a folder"),
        (("--due", "--ics", "{tmp}/no/r.ics"), 1, "cannot write {tmp}/no/r.ics: the folder"),
    ],
)  # fmt: skip
def test_bad_targets(
    run: Runner, tmp_path: Path, args: tuple[str, ...], code: int, message: str
) -> None:
    filled = tuple(arg.replace("{tmp}", str(tmp_path)) for arg in args)
    result = run("certs", *filled)
    assert result.code == code
    assert result.err.startswith("maplanner: " + message.replace("{tmp}", str(tmp_path)))
    assert len(result.err.splitlines()) == 1 and result.out == ""
    assert list(tmp_path.iterdir()) == []
