"""Is a student ready for work and for an exam? One rule per question, in one place.

The class report asks three things of every student, and each has one function here
so the rule can be read, tested and later pointed at richer data in one place:

- `has_life_support_card`: holds a credential of the "life-support" track (the
  BLS/CPR card almost every employer asks for);
- `primary_exam`: can sit a primary MA credential (CMA, RMA, CCMA) now, from a given
  day, or it is not known; the CMA lets students test up to 30 days before they
  finish an accredited program (data/certifications.toml, CMA eligibility, AAMA),
  which is `EARLY_TEST_DAYS`;
- `renewal_status`: the most urgent renewal among the credentials held.
"""

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Literal

from maplanner.catalog.catalog import Catalog
from maplanner.core.profile import HeldCert
from maplanner.core.renewals import renewal_for

#: How many days before finishing an accredited program a student may sit the CMA
#: (AAMA eligibility, as data/certifications.toml words it for CMA).
EARLY_TEST_DAYS = 30

ExamStatus = Literal["holds", "now", "later", "not-known"]
RenewalStatus = Literal["lapsed", "due-soon", "current", "not-known", "none-held"]


def has_life_support_card(catalog: Catalog, cert_ids: Iterable[str]) -> bool:
    return any(catalog.certification(cert_id).track == "life-support" for cert_id in cert_ids)


def holds_primary(catalog: Catalog, cert_ids: Iterable[str]) -> bool:
    return any(catalog.certification(cert_id).primary for cert_id in cert_ids)


def primary_exam(
    holds: bool, program_ends: date | None, today: date
) -> tuple[ExamStatus, date | None]:
    """Whether a student can sit a primary credential's exam, and from which day.

    "holds": already holds one. "now": the program has ended, or ends within
    EARLY_TEST_DAYS. "later": from the day returned (EARLY_TEST_DAYS before the end).
    "not-known": no program end was given, so maplanner cannot tell.
    """
    if holds:
        return "holds", None
    if program_ends is None:
        return "not-known", None
    opens = program_ends - timedelta(days=EARLY_TEST_DAYS)
    return ("now", opens) if opens <= today else ("later", opens)


def renewal_status(
    catalog: Catalog, held: Iterable[tuple[str, str | None]], today: date
) -> tuple[RenewalStatus, tuple[str, ...]]:
    """The most urgent renewal status among the credentials held, with the ids that
    have it: lapsed, then due soon, then current; "not-known" when credentials are
    held but none has both an earned month and a verified cycle; "none-held"."""
    found: dict[str, list[str]] = {}
    for cert_id, earned in held:
        due = renewal_for(HeldCert.model_construct(id=cert_id, earned=earned), catalog, today)
        found.setdefault(due.status, []).append(cert_id)
    urgent: tuple[RenewalStatus, ...] = ("lapsed", "due-soon", "current")
    for status in urgent:
        if status in found:
            return status, tuple(found[status])
    return ("not-known" if found else "none-held"), ()
