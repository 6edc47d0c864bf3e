"""When each held credential is due for renewal: pure month arithmetic on the catalog.

A credential's due month is the month it was earned or last renewed plus the renewal
cycle the catalog verified (``renewal.cycle_months``): CMA earned 2021-06 with a
60-month cycle is due 2026-06. Whole months only, because the profile records months
and issuers' exact day rules are not in the data. "Today" is always a parameter, so
the same profile gives the same answer in a test on any day.

What is never guessed: a credential whose cycle the catalog marks "not verified" says
so (status ``no-verified-cycle``), and one without an earned month says how to add it
(status ``no-earned-month``) instead of assuming a date.
"""

import re
from datetime import date
from typing import Literal

from maplanner.catalog.catalog import Catalog
from maplanner.catalog.certs import ContinuingEducation
from maplanner.core.profile import HeldCert, Profile
from maplanner.core.result import Result as _Result
from maplanner.errors import InputError

Status = Literal["lapsed", "due-soon", "current", "no-earned-month", "no-verified-cycle"]
#: Most urgent first: the order `certs --due` lists credentials in.
URGENCY: tuple[Status, ...] = (
    "lapsed",
    "due-soon",
    "current",
    "no-earned-month",
    "no-verified-cycle",
)
_MONTH = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})", re.ASCII)


class RenewalDue(_Result):
    """One held credential's renewal: when, how long is left, and what it takes.

    ``due`` (YYYY-MM) and ``months_left`` (negative once lapsed; 0 means due this
    month) are None when the earned month or a verified cycle is missing.
    """

    id: str
    name: str
    issuer: str
    status: Status
    earned: str | None
    renewal_verified: bool
    cycle_months: int | None
    due: str | None
    months_left: int | None
    how: str | None
    continuing_education: ContinuingEducation | None
    what_it_takes: str
    advice: str


class RenewalReport(_Result):
    """Every held credential's renewal, most urgent first, as of ``today``."""

    today: str
    due_soon_months: int
    profile_saved: bool
    renewals: tuple[RenewalDue, ...]


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def month_index(month: str) -> int:
    """Months since year 0 for a valid YYYY-MM, so months subtract as integers."""
    year, number = month.split("-")
    return int(year) * 12 + int(number) - 1


def add_months(month: str, count: int) -> str:
    index = month_index(month) + count
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def parse_month(text: str, today: date, option: str = "--earned") -> str:
    """A month as YYYY-MM that is not after the month of `today`, or InputError (exit 2)."""
    value = text.strip()
    shown = repr(value if len(value) <= 20 else value[:19] + "…")
    match = _MONTH.fullmatch(value)
    if match is None or not 1 <= int(match["month"]) <= 12 or int(match["year"]) == 0:
        raise InputError(
            f"{option} {shown} is not a month: use YYYY-MM, the month you earned or last "
            "renewed it, like 2025-03"
        )
    if month_index(value) > month_index(month_of(today)):
        raise InputError(
            f"{option} {value} is in the future: use the month you earned or last renewed "
            f"it, {month_of(today)} or earlier"
        )
    return value


def what_it_takes(how: str | None, education: ContinuingEducation | None, cycle: int) -> str:
    """The renewal rule in one paragraph: the issuer's route, then the CE split."""
    parts = [how] if how else []
    if education is not None:
        ce = f"{education.total} {education.unit} per {cycle}-month cycle"
        if education.split:
            shares = [f"{part.minimum} {part.category}" for part in education.split]
            listed = (
                ", ".join(shares[:-1]) + " and " + shares[-1] if len(shares) > 1 else shares[0]
            )
            ce += f": at least {listed}"
        parts.append(ce + ".")
        if education.note:
            parts.append(education.note)
    return " ".join(parts)


def renewal_for(held: HeldCert, catalog: Catalog, today: date) -> RenewalDue:
    """The renewal of one held credential as of `today`."""
    cert = catalog.certification(held.id)
    renewal = None if cert.renewal == "not verified" else cert.renewal
    due: str | None = None
    left: int | None = None
    if renewal is None:
        status: Status = "no-verified-cycle"
        takes = "not verified"
        advice = f"No verified renewal cycle, so no due date is given: check with {cert.issuer}."
    else:
        takes = what_it_takes(renewal.how, renewal.continuing_education, renewal.cycle_months)
        if held.earned is None:
            status = "no-earned-month"
            advice = (
                "Add the month you earned or last renewed it: "
                f"maplanner profile add-cert {cert.id} --earned YYYY-MM"
            )
        else:
            due = add_months(held.earned, renewal.cycle_months)
            left = month_index(due) - month_index(month_of(today))
            soon = catalog.renewal_due_soon_months
            status = "lapsed" if left < 0 else "due-soon" if left <= soon else "current"
            advice = _advice(status, left, due, cert.id, cert.issuer)
    return RenewalDue.model_construct(
        id=cert.id,
        name=cert.name,
        issuer=cert.issuer,
        status=status,
        earned=held.earned,
        renewal_verified=renewal is not None,
        cycle_months=None if renewal is None else renewal.cycle_months,
        due=due,
        months_left=left,
        how=None if renewal is None else renewal.how,
        continuing_education=None if renewal is None else renewal.continuing_education,
        what_it_takes=takes,
        advice=advice,
    )


def _advice(status: Status, left: int, due: str, cert_id: str, issuer: str) -> str:
    if status == "lapsed":
        ago = -left
        return (
            f"Lapsed: renewal was due {due}, {ago} month{'s' if ago != 1 else ''} ago. "
            f"Ask {issuer} how to reinstate it; if you renewed, record the month: "
            f"maplanner profile add-cert {cert_id} --earned YYYY-MM"
        )
    if status == "due-soon":
        when = "this month" if left == 0 else f"in {left} month{'s' if left != 1 else ''}"
        return f"Due soon: renewal is due {when} ({due}); start now."
    return f"Current: {left} months until renewal is due ({due})."


def renewals(profile: Profile | None, catalog: Catalog, today: date) -> RenewalReport:
    """The renewals of every credential the profile holds, most urgent first."""
    rows = [] if profile is None else [renewal_for(held, catalog, today) for held in profile.certs]
    rows.sort(
        key=lambda row: (
            URGENCY.index(row.status),
            row.months_left if row.months_left is not None else 0,
        )
    )
    return RenewalReport.model_construct(
        today=today.isoformat(),
        due_soon_months=catalog.renewal_due_soon_months,
        profile_saved=profile is not None,
        renewals=tuple(rows),
    )
