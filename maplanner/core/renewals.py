"""When each held credential is due for renewal: month arithmetic on the catalog's rules.

Each credential's renewal has a `kind` (data/certifications.toml), and each kind is
counted the way its issuer counts it:

- rolling: due a whole cycle after the month earned or last renewed (CMA earned
  2021-06, 60 months: due 2026-06). The day is on the certificate, not in maplanner,
  so the day to act by is the first of the due month.
- end-of-month: valid a whole cycle, through the last day of the month it was issued
  (an AHA BLS card issued 2024-02 is valid through 2026-02-28).
- fixed-cycle: one calendar cycle shared by every holder (CMPE: 2022-01-01 to
  2024-12-31, then 2025-01-01 to 2027-12-31...); due at the end of the cycle holding
  today, whenever the person certified.
- membership: due every two years in the month the membership renews, in the years the
  issuer sets (CPC: odd months in odd years, even months in even years).
- annual-fee: a fee every year in the month certified, and cycles that roll on from
  that month (RMA: 36 months); due at the end of the cycle holding today.

Cycles that roll on by themselves (the last three) are never shown as lapsed: whether
the person reported in time is the issuer's record, not maplanner's. "Today" is always
a parameter, so the same profile gives the same answer in a test on any day.

What is never guessed: a credential whose cycle the catalog marks "not verified" says
so (status ``no-verified-cycle``), one without an earned month says how to add it
(``no-earned-month``), and a membership-tied one without its membership month says so
(``no-member-month``).
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from maplanner.catalog.catalog import Catalog
from maplanner.catalog.certs import ContinuingEducation, Renewal, RenewalKind
from maplanner.core.ce_results import CEProgress
from maplanner.core.profile import HeldCert, Profile
from maplanner.core.result import Result as _Result
from maplanner.core.text import join_words, months_count, quoted
from maplanner.errors import InputError

Status = Literal[
    "lapsed", "due-soon", "current", "no-earned-month", "no-member-month", "no-verified-cycle"
]
#: Most urgent first: the order `certs --due` lists credentials in.
URGENCY: tuple[Status, ...] = (
    "lapsed",
    "due-soon",
    "current",
    "no-earned-month",
    "no-member-month",
    "no-verified-cycle",
)
#: Kinds whose cycles roll on by themselves: due at the end of the cycle holding today.
REPEATING: frozenset[RenewalKind] = frozenset({"fixed-cycle", "membership", "annual-fee"})
_MONTH = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})", re.ASCII)


class RenewalDue(_Result):
    """One held credential's renewal: when, how long is left, and what it takes.

    ``due`` (YYYY-MM) and ``months_left`` (negative once lapsed; 0 means due this
    month) are None when the earned month or a verified cycle is missing.
    ``cycle_start`` is the first day continuing education counts toward this due
    date; ``due_by`` the day to act by: the issuer's last valid day when its rule
    names one (``due_day_known``), else the first day of the due month.
    ``next_fee`` is the month the next annual fee or dues are due, when there are any.
    """

    id: str
    name: str
    issuer: str
    status: Status
    earned: str | None
    renewal_verified: bool
    kind: RenewalKind | None
    cycle_months: int | None
    cycle_start: str | None
    due: str | None
    due_by: str | None
    due_day_known: bool
    months_left: int | None
    annual_fee: int | None
    next_fee: str | None
    how: str | None
    continuing_education: ContinuingEducation | None
    what_it_takes: str
    advice: str
    #: Continuing education recorded toward this due date (`maplanner ce`), when the
    #: credential has a verified CE rule and the command looked at the ledger.
    ce: CEProgress | None = None


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
    shown = quoted(value, 20)
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


MONTH_NAMES = tuple(name.lower() for name in calendar.month_name[1:])


def parse_member_month(catalog: Catalog, cert_id: str, text: str) -> int:
    """The month of the year a membership renews (1-12, or a month's name or its first
    three letters), for a credential whose renewal follows a membership; else InputError."""
    cert = catalog.certification(cert_id)
    if cert.renewal == "not verified" or cert.renewal.kind != "membership":
        takes = [
            other.id
            for other in catalog.certifications
            if other.renewal != "not verified" and other.renewal.kind == "membership"
        ]
        raise InputError(
            f"--member-month: {cert_id}'s renewal does not follow a membership month; it "
            f"is for {join_words(takes)}"
        )
    value = text.strip().lower()
    if value.isascii() and value.isdigit() and len(value) <= 2 and 1 <= int(value) <= 12:
        return int(value)
    for number, name in enumerate(MONTH_NAMES, start=1):
        if len(value) >= 3 and name.startswith(value):
            return number
    raise InputError(
        f"--member-month {quoted(text, 20)} is not a month: use 1 to 12 or a month's name, "
        "like 5 or may"
    )


def what_it_takes(how: str, education: ContinuingEducation | None, cycle: int) -> str:
    """The renewal rule in one paragraph: the issuer's route, then the CE split."""
    parts = [how]
    if education is not None:
        ce = f"{education.total} {education.unit} per {cycle}-month cycle"
        if education.minimums:
            shares = (f"{part.minimum} {part.label}" for part in education.minimums)
            ce += f": at least {join_words(shares)}"
        parts.append(ce + ".")
        if education.note:
            parts.append(education.note)
    return " ".join(parts)


@dataclass(frozen=True)
class Window:
    """The cycle a due date closes: credits count from `start` to `end` (inclusive)."""

    start: date
    end: date
    due: str
    due_by: date
    day_known: bool
    #: Months into a shared cycle when the person certified (proration), else None.
    joined_month: int | None
    next_fee: str | None


def first_day(month: str) -> date:
    year, number = (int(part) for part in month.split("-"))
    return date(year, number, 1)


def last_day(month: str) -> date:
    year, number = (int(part) for part in month.split("-"))
    return date(year, number, calendar.monthrange(year, number)[1])


def _month_at(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def membership_due(example: str, member_month: int, after: str, today: str) -> str:
    """The first membership due month on or after `today` and after `after` (earned).

    Due years alternate with the month: a month `k` months after the example's month
    is due in years whose distance from the example's year has the parity of `k`.
    """
    example_year, example_month = (int(part) for part in example.split("-"))
    floor = max(month_index(today), month_index(after) + 1)
    year = floor // 12
    while True:
        index = year * 12 + member_month - 1
        if index >= floor and (year - example_year - (member_month - example_month)) % 2 == 0:
            return _month_at(index)
        year += 1


def next_month_of_year(month_of_year: int, today: str, after: str | None = None) -> str:
    """The first month `month_of_year` (1-12) on or after `today` (and after `after`)."""
    floor = month_index(today)
    if after is not None:
        floor = max(floor, month_index(after) + 1)
    year = floor // 12
    index = year * 12 + month_of_year - 1
    return _month_at(index if index >= floor else index + 12)


def window(renewal: Renewal, held: HeldCert, today: date) -> Window | None:
    """The cycle that the next due date closes, per the renewal's kind; None when the
    person's earned month (or, for a membership, its month) is needed and missing."""
    if held.earned is None or (renewal.kind == "membership" and held.member_month is None):
        return None
    earned, now, cycle = held.earned, month_of(today), renewal.cycle_months
    joined: int | None = None
    fee: str | None = None
    if renewal.kind in ("rolling", "end-of-month"):
        start, due = earned, add_months(earned, cycle)
    elif renewal.kind == "fixed-cycle":
        assert renewal.cycle_start is not None
        anchor = month_index(renewal.cycle_start)
        first = anchor + cycle * ((month_index(now) - anchor) // cycle)
        due = _month_at(first + cycle - 1)
        start = _month_at(first)
        if month_index(earned) > first:
            start, joined = earned, month_index(earned) - first
    elif renewal.kind == "membership":
        assert renewal.due_example is not None and held.member_month is not None
        due = membership_due(renewal.due_example, held.member_month, earned, now)
        start = max(add_months(due, -cycle), earned, key=month_index)
        fee = next_month_of_year(held.member_month, now)
    else:  # annual-fee: cycles roll on from the month certified
        rolled = max(0, (month_index(now) - month_index(earned) - 1) // cycle)
        start = add_months(earned, rolled * cycle)
        due = add_months(start, cycle)
        fee = next_month_of_year(first_day(earned).month, now, after=earned)
    day_known = renewal.kind in ("end-of-month", "fixed-cycle")
    return Window(
        start=first_day(start),
        end=last_day(due),
        due=due,
        due_by=last_day(due) if day_known else first_day(due),
        day_known=day_known,
        joined_month=joined,
        next_fee=fee,
    )


def renewal_for(held: HeldCert, catalog: Catalog, today: date) -> RenewalDue:
    """The renewal of one held credential as of `today`."""
    cert = catalog.certification(held.id)
    renewal = None if cert.renewal == "not verified" else cert.renewal
    span: Window | None = None
    left: int | None = None
    if renewal is None:
        status: Status = "no-verified-cycle"
        takes = "not verified"
        advice = f"No verified renewal cycle, so no due date is given: check with {cert.issuer}."
    else:
        takes = what_it_takes(renewal.how, renewal.continuing_education, renewal.cycle_months)
        span = window(renewal, held, today)
        if held.earned is None:
            status = "no-earned-month"
            advice = (
                "Add the month you earned or last renewed it: "
                f"maplanner profile add-cert {cert.id} --earned YYYY-MM"
                + (" --member-month MM" if renewal.kind == "membership" else "")
            )
        elif span is None:
            status = "no-member-month"
            advice = (
                "Add the month your membership renews each year (its CEUs are due with it): "
                f"maplanner profile add-cert {cert.id} --member-month MM"
            )
        else:
            left = month_index(span.due) - month_index(month_of(today))
            soon = catalog.renewal_due_soon_months
            status = "lapsed" if left < 0 else "due-soon" if left <= soon else "current"
            advice = _advice(status, left, span.due, cert.id, cert.issuer)
    fee = None if renewal is None or renewal.annual_fee is None else renewal.annual_fee.amount
    return RenewalDue.model_construct(
        id=cert.id,
        name=cert.name,
        issuer=cert.issuer,
        status=status,
        earned=held.earned,
        renewal_verified=renewal is not None,
        kind=None if renewal is None else renewal.kind,
        cycle_months=None if renewal is None else renewal.cycle_months,
        cycle_start=None if span is None else span.start.isoformat(),
        due=None if span is None else span.due,
        due_by=None if span is None else span.due_by.isoformat(),
        due_day_known=span is not None and span.day_known,
        months_left=left,
        annual_fee=fee if isinstance(fee, int) else None,
        next_fee=None if span is None else span.next_fee,
        how=None if renewal is None else renewal.how,
        continuing_education=None if renewal is None else renewal.continuing_education,
        what_it_takes=takes,
        advice=advice,
    )


def _advice(status: Status, left: int, due: str, cert_id: str, issuer: str) -> str:
    if status == "lapsed":
        ago = -left
        return (
            f"Lapsed: renewal was due {due}, {months_count(ago)} ago. "
            f"Ask {issuer} how to reinstate it; if you renewed, record the month: "
            f"maplanner profile add-cert {cert_id} --earned YYYY-MM"
        )
    if status == "due-soon":
        when = "this month" if left == 0 else f"in {months_count(left)}"
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
