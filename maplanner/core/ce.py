"""Continuing education: checking a credit before it is recorded, and progress per cycle.

A credit belongs to one credential. Whether one activity counts for several
credentials is each issuer's decision (AAPC, for one, counts a course once), so
maplanner never copies a credit across credentials: record it once per credential
that accepts it, in that issuer's category.

Progress counts only credits dated inside the cycle that the next due date closes
(`maplanner.core.renewals.window`); the others are counted apart and said to be
outside it. What is "still needed" is the least that would meet every rule at once:
the larger of what the total lacks, what the category minimums lack together (a
credit has one category), and what each other minimum lacks (an issuer's credit in
a short category counts toward both).
"""

import math
import re
from datetime import date

from maplanner.catalog.catalog import Catalog
from maplanner.catalog.certs import Certification, ContinuingEducation, Renewal
from maplanner.core.ce_results import (
    CategoryTotal,
    CEProgress,
    CEReport,
    Credit,
    CreditList,
    MinimumProgress,
    NewCredit,
)
from maplanner.core.profile import HeldCert, Profile, resolve_cert
from maplanner.core.renewals import RenewalDue, RenewalReport, Window, renewal_for, window
from maplanner.core.text import quoted
from maplanner.errors import InputError

#: The longest note kept with a credit.
NOTE_MAX = 200
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


# Checking a new credit --------------------------------------------------------------


def _rule(cert: Certification) -> tuple[Renewal, ContinuingEducation] | None:
    if cert.renewal == "not verified" or cert.renewal.continuing_education is None:
        return None
    return cert.renewal, cert.renewal.continuing_education


def tracked_ids(catalog: Catalog) -> list[str]:
    """Credentials whose continuing-education rule is verified: the ones with a ledger."""
    return [cert.id for cert in catalog.certifications if _rule(cert) is not None]


def parse_units(text: str, education: ContinuingEducation, cert_id: str) -> float:
    """More than zero, at most one cycle's total, in hundredths at most."""
    try:
        units = float(text.strip())
    except ValueError:
        raise InputError(
            f"--units {quoted(text, 20)} is not a number: use the {education.unit} the activity "
            "gave, like 2 or 1.5"
        ) from None
    if not math.isfinite(units) or units <= 0 or units > education.total:
        raise InputError(
            f"--units {quoted(text, 20)} is out of range: {cert_id} credits run from more "
            f"than 0 up to {education.total} {education.unit} (one whole cycle)"
        )
    if abs(units * 100 - round(units * 100)) > 1e-6:
        raise InputError(
            f"--units {quoted(text, 20)} has too many decimals: use at most two, like 1.25"
        )
    return round(units, 2)


def parse_category(text: str | None, education: ContinuingEducation, cert_id: str) -> str | None:
    choices = education.categories
    if not choices:
        if text is not None:
            raise InputError(
                f"--category {quoted(text, 20)}: {cert_id}'s continuing education has no "
                "categories; leave --category out"
            )
        return None
    listed = ", ".join(choices)
    if text is None:
        raise InputError(f"ce add {cert_id} needs --category: one of {listed}")
    value = text.strip().lower()
    if value not in choices:
        raise InputError(
            f"--category {quoted(text, 20)} is not one of {cert_id}'s categories: use {listed}"
        )
    return value


def parse_day(text: str, today: date, earned: str | None, cert_id: str) -> str:
    """A YYYY-MM-DD day, not after today and not before the month the credential was earned."""
    value = text.strip()
    try:
        if not _DAY.fullmatch(value):
            raise ValueError(value)
        day = date.fromisoformat(value)
    except ValueError:
        raise InputError(
            f"--date {quoted(text, 20)} is not a date: use YYYY-MM-DD, the day you did the "
            "activity, like 2026-03-14"
        ) from None
    if day > today:
        raise InputError(
            f"--date {value} is in the future: record an activity once done, on "
            f"{today.isoformat()} or earlier"
        )
    if earned is not None and value[:7] < earned:
        raise InputError(
            f"--date {value} is before you earned {cert_id} ({earned}): credits count "
            "only after certifying"
        )
    return value


def check_credit(
    catalog: Catalog,
    profile: Profile,
    today: date,
    *,
    credential: str,
    units: str,
    category: str | None,
    from_issuer: bool,
    day: str,
    note: str,
) -> NewCredit:
    """The credit as it will be recorded, or InputError (exit 2) naming what is wrong."""
    cert_id = resolve_cert(catalog, credential, option="ce add")
    cert = catalog.certification(cert_id)
    rule = _rule(cert)
    if rule is None:
        raise InputError(
            f"ce add {cert_id}: its continuing-education rule is not verified, so maplanner "
            f"keeps no ledger for it; it keeps one for {', '.join(tracked_ids(catalog))}"
        )
    held = {cert.id: cert for cert in profile.certs}
    if cert_id not in held:
        raise InputError(
            f"ce add {cert_id}: your saved profile does not hold {cert_id}; add it first: "
            f"maplanner profile add-cert {cert_id} --earned YYYY-MM"
        )
    education = rule[1]
    checked_units = parse_units(units, education, cert_id)
    checked_category = parse_category(category, education, cert_id)
    if from_issuer and education.issuer_share is None:
        raise InputError(
            f"--from-issuer: {cert_id}'s rule has no share that must come from its issuer; "
            "leave it out"
        )
    text = " ".join(note.split())
    if len(text) > NOTE_MAX:
        raise InputError(f"--note is {len(text)} characters long: keep it to {NOTE_MAX}")
    return NewCredit.model_construct(
        cert=cert_id,
        units=checked_units,
        category=checked_category,
        from_issuer=from_issuer,
        date=parse_day(day, today, held[cert_id].earned, cert_id),
        note=text,
    )


def units_text(value: float) -> str:
    """2.0 -> '2', 1.5 -> '1.5', 1.25 -> '1.25'."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def ce_summary(ce: CEProgress) -> str:
    """'10 of 60 CEUs recorded this cycle; 50 still needed by the due month' in one line."""
    if not ce.cycle_known:
        return "cycle not known yet, so nothing is counted"
    got = f"{units_text(ce.counted)} of {units_text(ce.required)} {ce.unit} recorded this cycle"
    if ce.met:
        return got + "; done"
    return f"{got}; {units_text(ce.still_needed)} still needed"


# Progress ---------------------------------------------------------------------------


def requirement(education: ContinuingEducation, span: Window) -> tuple[float, list[float], bool]:
    """The total and each minimum owed by the end of the cycle, and whether prorated.

    Someone who certified part-way into a shared cycle owes what the issuer's schedule
    says for how far in they joined; everyone else owes the full rule.
    """
    full = [float(part.minimum) for part in education.minimums]
    if span.joined_month is None or not education.prorated:
        return float(education.total), full, False
    for row in education.prorated:
        if span.joined_month < row.before_month:
            return float(row.total), [float(value) for value in row.minimums], True
    return float(education.total), full, False


def _fits(credit: Credit, categories: list[str], from_issuer: bool) -> bool:
    if categories and credit.category not in categories:
        return False
    return credit.from_issuer or not from_issuer


def _round(value: float) -> float:
    return round(value + 0.0, 2)


def progress_for(
    held: HeldCert, catalog: Catalog, credits: list[Credit], today: date
) -> CEProgress | None:
    """One credential's progress, or None when its CE rule is not verified."""
    cert = catalog.certification(held.id)
    rule = _rule(cert)
    if rule is None:
        return None
    renewal, education = rule
    mine = [credit for credit in credits if credit.cert == cert.id]
    span = window(renewal, held, today)
    due: RenewalDue = renewal_for(held, catalog, today)
    if span is None:
        return CEProgress.model_construct(
            id=cert.id,
            name=cert.name,
            unit=education.unit,
            cycle_known=False,
            cycle_start=None,
            cycle_end=None,
            due=None,
            due_by=None,
            required=float(education.total),
            prorated=False,
            counted=0.0,
            still_needed=float(education.total),
            met=False,
            minimums=(),
            by_category=(),
            issuer_share=education.issuer_share,
            issuer_units=0.0,
            credits_in_cycle=0,
            outside_count=len(mine),
            outside_units=_round(sum(credit.units for credit in mine)),
            note=education.note,
            advice=due.advice,
        )
    start, end = span.start.isoformat(), span.end.isoformat()
    inside = [credit for credit in mine if start <= credit.date <= end]
    outside = [credit for credit in mine if not start <= credit.date <= end]
    total, owed, prorated = requirement(education, span)
    counted = _round(sum(credit.units for credit in inside))
    minimums = []
    for part, required in zip(education.minimums, owed, strict=True):
        got = _round(sum(c.units for c in inside if _fits(c, part.categories, part.from_issuer)))
        left = _round(max(0.0, required - got))
        minimums.append(
            MinimumProgress.model_construct(
                label=part.label, required=required, counted=got, left=left, met=left == 0
            )
        )
    category_gap = sum(
        m.left
        for m, part in zip(minimums, education.minimums, strict=True)
        if part.categories and not part.from_issuer
    )
    still = _round(max([total - counted, category_gap, *(m.left for m in minimums), 0.0]))
    by_category = tuple(
        CategoryTotal.model_construct(
            category=name,
            units=_round(sum(c.units for c in inside if c.category == name)),
        )
        for name in education.categories
    )
    note = education.note
    if prorated:
        joined = f"certified {span.joined_month} months into the shared cycle"
        note = f"Prorated by the issuer's schedule ({joined}). " + (note or "")
    return CEProgress.model_construct(
        id=cert.id,
        name=cert.name,
        unit=education.unit,
        cycle_known=True,
        cycle_start=start,
        cycle_end=end,
        due=span.due,
        due_by=span.due_by.isoformat(),
        required=total,
        prorated=prorated,
        counted=counted,
        still_needed=still,
        met=still == 0,
        minimums=tuple(minimums),
        by_category=by_category,
        issuer_share=education.issuer_share,
        issuer_units=_round(sum(c.units for c in inside if c.from_issuer)),
        credits_in_cycle=len(inside),
        outside_count=len(outside),
        outside_units=_round(sum(credit.units for credit in outside)),
        note=note.strip() if note else None,
        advice=due.advice,
    )


def ce_report(
    profile: Profile | None, catalog: Catalog, credits: list[Credit], today: date
) -> CEReport:
    """Progress for every credential the profile holds that has a CE rule."""
    held = [] if profile is None else list(profile.certs)
    rows = []
    untracked = []
    for cert in held:
        row = progress_for(cert, catalog, credits, today)
        if row is None:
            untracked.append(cert.id)
        else:
            rows.append(row)
    held_ids = {cert.id for cert in held}
    return CEReport.model_construct(
        today=today.isoformat(),
        profile_saved=profile is not None,
        progress=tuple(rows),
        untracked=tuple(untracked),
        not_held_count=sum(1 for credit in credits if credit.cert not in held_ids),
    )


def credit_list(credits: list[Credit], today: date) -> CreditList:
    return CreditList.model_construct(today=today.isoformat(), credits=tuple(credits))


def parse_number(text: str) -> int:
    """A credit's number as `ce list` shows it, or InputError."""
    value = text.strip().lstrip("#")
    # ASCII digits only, and few enough that int() is quick and never refuses them.
    if not (value.isascii() and value.isdigit() and len(value) <= 18) or int(value) == 0:
        raise InputError(
            f"ce remove {quoted(text, 20)} is not a credit number: use the number "
            "'maplanner ce list' shows, like 3"
        )
    return int(value)


def attach_progress(
    report: RenewalReport,
    profile: Profile | None,
    catalog: Catalog,
    credits: list[Credit],
    today: date,
) -> RenewalReport:
    """The renewal report with each credential's CE progress (`certs --due`, `report`)."""
    held = {} if profile is None else {cert.id: cert for cert in profile.certs}
    rows = tuple(
        row.model_copy(
            update={
                "ce": progress_for(held[row.id], catalog, credits, today)
                if row.id in held
                else None
            }
        )
        for row in report.renewals
    )
    return report.model_copy(update={"renewals": rows})
