"""Details of core/calendar.py: the words of a renewal reminder and which credentials
get one, checked on hand-made renewal rows (the ics writer and the command are
checked in test_calendar.py)."""

from typing import Any

from maplanner.core.calendar import _units, ce_still_needed, renewal_calendar
from maplanner.core.ce_results import CEProgress, MinimumProgress
from maplanner.core.renewals import RenewalDue, RenewalReport


def progress(**given: Any) -> CEProgress:
    values: dict[str, Any] = {
        "cycle_known": True,
        "met": False,
        "counted": 10.0,
        "required": 60.0,
        "still_needed": 50.0,
        "unit": "CEUs",
        "minimums": (),
        "advice": "add the month you earned it",
    }
    values.update(given)
    return CEProgress.model_construct(**values)


def minimum(label: str, left: float) -> MinimumProgress:
    return MinimumProgress.model_construct(label=label, left=left, met=left == 0)


def row(cert_id: str, due: str | None, due_by: str | None, **given: Any) -> RenewalDue:
    values: dict[str, Any] = {
        "id": cert_id,
        "name": f"{cert_id} name",
        "issuer": "Issuer",
        "due": due,
        "due_by": due_by,
        "due_day_known": False,
        "ce": None,
        "next_fee": None,
        "annual_fee": None,
        "what_it_takes": "Renew online.",
    }
    values.update(given)
    return RenewalDue.model_construct(**values)


def test_units_drop_trailing_zeros_only() -> None:
    assert [_units(v) for v in (10, 2.5, 0.25, 100, 1.005)] == ["10", "2.5", "0.25", "100", "1"]


def test_what_continuing_education_is_still_needed_in_words() -> None:
    assert ce_still_needed(progress(cycle_known=False)) == (
        "Continuing education: the cycle is not known yet (add the month you earned it)"
    )
    assert ce_still_needed(progress(met=True, counted=62.5)) == (
        "Continuing education for this cycle is done: 62.5 of 60 CEUs recorded."
    )
    assert ce_still_needed(progress()) == (
        "Continuing education still needed: 50 CEUs. Recorded in this cycle: 10 of 60."
    )
    parts = (minimum("administrative", 10), minimum("general", 0), minimum("clinical", 7.5))
    assert ce_still_needed(progress(minimums=parts)) == (
        "Continuing education still needed: 50 CEUs (at least 10 administrative, "
        "7.5 clinical). Recorded in this cycle: 10 of 60."
    )


def test_each_credential_with_a_due_date_gets_one_reminder_in_date_order() -> None:
    rows = (
        row("RMA", "2026-01", "2026-01-31", due_day_known=True, annual_fee=55, next_fee="2025-07"),
        row("CPT", None, None),
        row("CMA", "2025-08", "2025-08-31", ce=progress(), next_fee="2025-09"),
        row("CPC", "2026-01", None),
    )
    report = RenewalReport.model_construct(today="2025-02-15", renewals=rows)
    calendar = renewal_calendar(report, [7, 60, 30])
    assert (calendar.today, calendar.skipped) == ("2025-02-15", ("CPT", "CPC"))
    cma, rma = calendar.events
    assert (cma.uid, cma.day, cma.summary) == (
        "cma-renewal-2025-08@maplanner.invalid",
        "2025-08-31",
        "CMA renewal due",
    )
    assert (rma.uid, rma.day, rma.alarm_days) == (
        "rma-renewal-2026-01@maplanner.invalid",
        "2026-01-31",
        (60, 30, 7),
    )
    assert cma.description.split("\n\n") == [
        "CMA name, Issuer.",
        "Due in 2025-08; the exact day is on your certificate or account.",
        "Continuing education still needed: 50 CEUs. Recorded in this cycle: 10 of 60.",
        "The annual fee or dues: next due 2025-09.",
        "Renew online.",
        "From maplanner (maplanner certs --due).",
    ]
    assert rma.description.split("\n\n") == [
        "RMA name, Issuer.",
        "Valid through 2026-01-31.",
        "$55 annual fee or dues: next due 2025-07.",
        "Renew online.",
        "From maplanner (maplanner certs --due).",
    ]
