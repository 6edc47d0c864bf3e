"""Renewal reminders as calendar events: one per held credential with a due date.

Pure: it takes the renewal report (with CE progress attached) and returns the events
with their words; `maplanner.render.ics` writes them in iCalendar form. Each event's
UID is made from the credential and its due month, so writing the calendar again
updates the same events in a calendar app instead of adding copies.
"""

from maplanner.core.ce_results import CEProgress
from maplanner.core.renewals import RenewalDue, RenewalReport
from maplanner.core.result import Result as _Result

#: The domain part of every event's UID (RFC 5545 asks for a globally unique id).
UID_DOMAIN = "maplanner.invalid"


class RenewalEvent(_Result):
    """An all-day event on `day` (YYYY-MM-DD) with reminders `alarms_days` before it."""

    uid: str
    day: str
    summary: str
    description: str
    alarm_days: tuple[int, ...]


class RenewalCalendar(_Result):
    today: str
    events: tuple[RenewalEvent, ...]
    #: Held credentials left out, with why (no due date can be given).
    skipped: tuple[str, ...]


def _units(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def ce_still_needed(ce: CEProgress) -> str:
    """'Continuing education still needed: 50 CEUs (...). Recorded: 10 of 60.'"""
    if not ce.cycle_known:
        return "Continuing education: the cycle is not known yet (" + ce.advice + ")"
    if ce.met:
        return (
            f"Continuing education for this cycle is done: {_units(ce.counted)} of "
            f"{_units(ce.required)} {ce.unit} recorded."
        )
    short = [f"{_units(part.left)} {part.label}" for part in ce.minimums if not part.met]
    detail = f" (at least {', '.join(short)})" if short else ""
    return (
        f"Continuing education still needed: {_units(ce.still_needed)} {ce.unit}{detail}. "
        f"Recorded in this cycle: {_units(ce.counted)} of {_units(ce.required)}."
    )


def _description(row: RenewalDue) -> str:
    parts = [f"{row.name}, {row.issuer}."]
    if row.due_day_known:
        parts.append(f"Valid through {row.due_by}.")
    else:
        parts.append(f"Due in {row.due}; the exact day is on your certificate or account.")
    if row.ce is not None:
        parts.append(ce_still_needed(row.ce))
    if row.next_fee is not None:
        fee = f"${row.annual_fee}" if row.annual_fee is not None else "The"
        parts.append(f"{fee} annual fee or dues: next due {row.next_fee}.")
    parts.append(row.what_it_takes)
    parts.append("From maplanner (maplanner certs --due).")
    return "\n\n".join(parts)


def renewal_calendar(report: RenewalReport, alarm_days: list[int]) -> RenewalCalendar:
    """One event per held credential with a due date, reminders `alarm_days` before."""
    events = []
    skipped = []
    for row in report.renewals:
        if row.due is None or row.due_by is None:
            skipped.append(row.id)
            continue
        events.append(
            RenewalEvent.model_construct(
                uid=f"{row.id.lower()}-renewal-{row.due}@{UID_DOMAIN}",
                day=row.due_by,
                summary=f"{row.id} renewal due",
                description=_description(row),
                alarm_days=tuple(sorted(alarm_days, reverse=True)),
            )
        )
    events.sort(key=lambda event: (event.day, event.uid))
    return RenewalCalendar.model_construct(
        today=report.today, events=tuple(events), skipped=tuple(skipped)
    )
