"""Details of core/renewals.py a person meets: the membership month, the words of the
advice, the continuing-education rule, and the order renewals are listed in."""

from datetime import date

import pytest

from maplanner.catalog.catalog import Catalog
from maplanner.core.ce import progress_for
from maplanner.core.profile import HeldCert, Profile
from maplanner.core.renewals import (
    parse_member_month,
    parse_month,
    renewal_for,
    renewals,
    what_it_takes,
    window,
)
from maplanner.errors import InputError
from tests.helpers import catalog_with

NOT_A_MONTH = "is not a month: use 1 to 12 or a month's name, like 5 or may"


@pytest.mark.parametrize(
    ("text", "month"), [("1", 1), ("01", 1), (" 12 ", 12), ("jan", 1), ("Sept", 9), ("MAY", 5)]
)
def test_a_membership_month_by_number_or_name(catalog: Catalog, text: str, month: int) -> None:
    assert parse_member_month(catalog, "CPC", text) == month


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("0", "'0'"),
        ("13", "'13'"),
        ("012", "'012'"),  # a month has at most two digits
        ("ja", "'ja'"),  # a name needs its first three letters
        ("m" * 20, repr("m" * 20)),
        ("m" * 21, repr("m" * 19 + "…")),
    ],
)
def test_anything_else_is_refused_naming_it(catalog: Catalog, text: str, shown: str) -> None:
    with pytest.raises(InputError) as raised:
        parse_member_month(catalog, "CPC", text)
    assert str(raised.value) == f"--member-month {shown} {NOT_A_MONTH}"


@pytest.mark.parametrize("cert", ["CMA", "CET"])  # a verified renewal of another kind; none
def test_a_credential_that_renews_without_a_membership_names_those_that_do(
    catalog: Catalog, cert: str
) -> None:
    with pytest.raises(InputError) as raised:
        parse_member_month(catalog, cert, "5")
    assert str(raised.value) == (
        f"--member-month: {cert}'s renewal does not follow a membership month; it is for CPC"
    )
    cpc = catalog.certification("CPC")
    certs = [
        c.model_copy(update={"renewal": cpc.renewal}) if c.id == "CCS" else c
        for c in catalog.certifications
    ]
    changed = catalog_with(catalog, "certifications.toml", certification=certs)
    with pytest.raises(InputError) as raised:
        parse_member_month(changed, cert, "5")
    assert str(raised.value).endswith("; it is for CPC and CCS")


def test_an_earned_month_that_is_not_a_month_says_what_to_write() -> None:
    with pytest.raises(InputError) as raised:
        parse_month("March", date(2025, 3, 20))
    assert str(raised.value) == (
        "--earned 'March' is not a month: use YYYY-MM, the month you earned or last renewed "
        "it, like 2025-03"
    )


# What a renewal says, for the cases a person meets at the edges --------------------

JUNE = date(2025, 6, 15)


def test_one_month_is_said_in_the_singular(catalog: Catalog) -> None:
    # CMA is due 60 months after it was earned: 2020-05 was due 2025-05, one month ago;
    # 2020-07 is due 2025-07, in one month (within the 6 months that count as soon).
    lapsed = renewal_for(HeldCert(id="CMA", earned="2020-05"), catalog, JUNE)
    assert (lapsed.status, lapsed.months_left) == ("lapsed", -1)
    assert lapsed.advice == (
        "Lapsed: renewal was due 2025-05, 1 month ago. Ask American Association of Medical "
        "Assistants (AAMA) how to reinstate it; if you renewed, record the month: "
        "maplanner profile add-cert CMA --earned YYYY-MM"
    )
    soon = renewal_for(HeldCert(id="CMA", earned="2020-07"), catalog, JUNE)
    assert (soon.status, soon.months_left) == ("due-soon", 1)
    assert soon.advice == "Due soon: renewal is due in 1 month (2025-07); start now."


def test_a_membership_credential_without_its_earned_month_asks_for_both(
    catalog: Catalog,
) -> None:
    row = renewal_for(HeldCert(id="CPC"), catalog, JUNE)
    assert row.status == "no-earned-month"
    assert row.advice == (
        "Add the month you earned or last renewed it: "
        "maplanner profile add-cert CPC --earned YYYY-MM --member-month MM"
    )


def test_a_membership_credential_without_its_membership_month_asks_for_it(
    catalog: Catalog,
) -> None:
    row = renewal_for(HeldCert(id="CPC", earned="2023-05"), catalog, JUNE)
    assert (row.status, row.due, row.months_left) == ("no-member-month", None, None)
    assert row.advice == (
        "Add the month your membership renews each year (its CEUs are due with it): "
        "maplanner profile add-cert CPC --member-month MM"
    )


@pytest.mark.parametrize(
    ("cert", "earned"), [("CMA", "2024-01"), ("BLS", "2025-01"), ("CMPE", "2025-01")]
)
def test_a_credential_without_dues_has_no_fee_month(
    catalog: Catalog, cert: str, earned: str
) -> None:
    # Rolling, end-of-month and shared-cycle renewals have no yearly fee to remind of.
    row = renewal_for(HeldCert(id=cert, earned=earned), catalog, JUNE)
    assert (row.annual_fee, row.next_fee) == (None, None)


def test_certified_in_a_shared_cycles_first_month_owes_the_full_rule(catalog: Catalog) -> None:
    # CMPE's shared cycles: 2022-01 to 2024-12, then 2025-01 to 2027-12. Certified in
    # 2025-01 is not "part-way through": nothing is prorated and no note says so.
    held = HeldCert(id="CMPE", earned="2025-01")
    renewal = catalog.certification("CMPE").renewal
    assert renewal != "not verified"
    span = window(renewal, held, JUNE)
    assert span is not None
    assert (span.start, span.due, span.joined_month) == (date(2025, 1, 1), "2027-12", None)
    progress = progress_for(held, catalog, [], JUNE)
    assert progress is not None
    assert (progress.required, progress.prorated) == (50.0, False)
    assert progress.note is not None and not progress.note.startswith("Prorated")
    # One month later is part-way through: one month into the cycle.
    later = window(renewal, HeldCert(id="CMPE", earned="2025-02"), JUNE)
    assert later is not None and later.joined_month == 1


def test_the_ce_rule_lists_two_minimums_with_and(catalog: Catalog) -> None:
    row = renewal_for(HeldCert(id="CMPE", earned="2025-01"), catalog, JUNE)
    route = (
        "All certificants share one three-year cycle (for example 2022-01-01 to 2024-12-31); "
        "earn 50 CE hours in it. Those certified part-way through owe a prorated share."
    )
    assert row.how == route
    assert row.what_it_takes == (
        f"{route} "
        "50 CE hours per 36-month cycle: at least 30 from MGMA and 12 live MGMA learning. "
        "MGMA hours may be national, state or local; the other 20 may come from any "
        "qualified source on medical practice management."
    )


def test_the_ce_rule_names_a_single_minimum_alone(catalog: Catalog) -> None:
    # A rule with one minimum (valid data: CMA's rule keeping only its AAMA-approved 30).
    cma = catalog.certification("CMA").renewal
    assert cma != "not verified" and cma.continuing_education is not None
    education = cma.continuing_education.model_copy(
        update={"minimums": cma.continuing_education.minimums[-1:], "note": None}
    )
    assert what_it_takes("Renew.", education, 60) == (
        "Renew. 60 CEUs per 60-month cycle: at least 30 AAMA-approved."
    )


def test_within_a_status_the_nearest_due_date_comes_first(catalog: Catalog) -> None:
    # Held in an order that is not the order of urgency: lapsed longest first (COA
    # 2024-01, COT 2025-03), then current soonest first (BLS 2027-01, CMA 2029-01),
    # then those without a due date.
    profile = Profile(
        years=8,
        setting="hospital",
        certs=(
            HeldCert(id="CMA", earned="2024-01"),
            HeldCert(id="COT", earned="2022-03"),
            HeldCert(id="CCMA"),
            HeldCert(id="BLS", earned="2025-01"),
            HeldCert(id="CPC"),
            HeldCert(id="COA", earned="2021-01"),
        ),
    )
    report = renewals(profile, catalog, JUNE)
    assert [(row.id, row.status, row.months_left) for row in report.renewals] == [
        ("COA", "lapsed", -17),
        ("COT", "lapsed", -3),
        ("BLS", "current", 19),
        ("CMA", "current", 43),
        ("CPC", "no-earned-month", None),
        ("CCMA", "no-verified-cycle", None),
    ]
