"""Each issuer's renewal rule, as data (data/certifications.toml) and as due dates.

Dates are checked at month ends, year ends and leap days, and properties hold for any
day: a due date is never before today for the kinds whose cycles roll on, and the
window a due date closes always holds it.
"""

from datetime import date, timedelta

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from maplanner.catalog.catalog import Catalog
from maplanner.catalog.loader import load_catalog
from maplanner.core.profile import HeldCert
from maplanner.core.renewals import (
    RenewalDue,
    last_day,
    membership_due,
    month_index,
    month_of,
    next_month_of_year,
    renewal_for,
)
from tests.conftest import Runner, examples

CATALOG = load_catalog(None)
months = st.tuples(st.integers(1990, 2060), st.integers(1, 12)).map(
    lambda ym: f"{ym[0]:04d}-{ym[1]:02d}"
)
days = st.dates(date(1995, 1, 1), date(2070, 12, 31))


def _due(cert: str, earned: str | None, today: date, member: int | None = None) -> RenewalDue:
    return renewal_for(HeldCert(id=cert, earned=earned, member_month=member), CATALOG, today)


# The catalog's rules --------------------------------------------------------------------


def test_each_issuer_has_its_kind_of_rule(catalog: Catalog) -> None:
    kinds = {
        cert.id: cert.renewal.kind
        for cert in catalog.certifications
        if cert.renewal != "not verified"
    }
    assert kinds == {
        "CMA": "rolling",
        "RMA": "annual-fee",
        "COA": "rolling",
        "COT": "rolling",
        "COMT": "rolling",
        "CPC": "membership",
        "CMPE": "fixed-cycle",
        "BLS": "end-of-month",
    }


def test_the_verified_facts(catalog: Catalog) -> None:
    rma = catalog.certification("RMA").renewal
    assert rma != "not verified" and rma.continuing_education is not None
    assert (rma.cycle_months, rma.continuing_education.total) == (36, 30)
    assert rma.annual_fee is not None and rma.annual_fee.amount == 50
    assert "do not roll over" in rma.how
    cpc = catalog.certification("CPC").renewal
    assert cpc != "not verified" and cpc.continuing_education is not None
    assert (cpc.cycle_months, cpc.continuing_education.total) == (24, 36)
    assert cpc.annual_fee is not None and cpc.annual_fee.amount == "not verified"
    cmpe = catalog.certification("CMPE").renewal
    assert cmpe != "not verified" and cmpe.continuing_education is not None
    assert (cmpe.cycle_start, cmpe.cycle_months, cmpe.continuing_education.total) == (
        "2022-01",
        36,
        50,
    )
    minimums = cmpe.continuing_education.minimums
    assert [(m.minimum, m.categories, m.from_issuer) for m in minimums] == [
        (30, [], True),
        (12, ["live"], True),
    ]
    for cert_id in ("COA", "COT", "COMT"):
        renewal = catalog.certification(cert_id).renewal
        assert renewal != "not verified" and renewal.cycle_months == 36
        assert renewal.source == "ijcahpo-recertification"
    bls = catalog.certification("BLS").renewal
    assert bls != "not verified" and (bls.kind, bls.cycle_months) == ("end-of-month", 24)
    cpt = catalog.certification("CPT").eligibility
    assert cpt != "not verified"
    assert "10 capillary or finger sticks performed on live individuals" in cpt.text


def test_new_credentials_are_in_the_catalog(catalog: Catalog) -> None:
    for cert_id, track, primary in (
        ("NCMA", "clinical", True),
        ("CMAC", "clinical", True),
        ("CMAA", "administrative", False),
    ):
        cert = catalog.certification(cert_id)
        assert (cert.track, cert.primary, cert.source) == (track, primary, "maerb-2022")
        assert cert.renewal == "not verified" and cert.eligibility == "not verified"


def test_every_new_fact_names_an_issuers_page(catalog: Catalog) -> None:
    urls = {source.id: source.url for source in catalog.sources}
    for source_id, host in (
        ("amt-stay-certified", "americanmedtech.org"),
        ("aapc-maintain", "aapc.com"),
        ("mgma-acmpe-ce", "mgma.com"),
        ("ijcahpo-recertification", "jcahpo.org"),
        ("aha-course-card", "cpr.heart.org"),
        ("nha-cpt", "nhanow.com"),
    ):
        assert host in (urls[source_id] or "")


def test_a_fixed_cycle_needs_its_start(data_copy: object) -> None:
    from pathlib import Path

    from maplanner.errors import DataError

    folder = Path(str(data_copy))
    text = (folder / "certifications.toml").read_text(encoding="utf-8")
    broken = text.replace('cycle_start = "2022-01"', "")
    (folder / "certifications.toml").write_text(broken, encoding="utf-8")
    with pytest.raises(DataError, match="cycle_start"):
        assert load_catalog(folder).certifications


# Rolling and end-of-month ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("earned", "due_by"),
    [
        ("2022-02", "2024-02-29"),  # leap day
        ("2023-02", "2025-02-28"),
        ("2024-12", "2026-12-31"),  # year end
        ("2024-01", "2026-01-31"),
        ("2024-04", "2026-04-30"),
    ],
)
def test_an_aha_card_is_valid_through_the_end_of_its_month(earned: str, due_by: str) -> None:
    row = renewal_for(HeldCert(id="BLS", earned=earned), CATALOG, date(2024, 1, 1))
    assert (row.due_by, row.due_day_known, row.cycle_start) == (due_by, True, f"{earned}-01")


def test_a_bls_card_is_current_on_its_last_day_and_lapsed_the_day_after() -> None:
    on_last_day = _due("BLS", "2022-02", date(2024, 2, 29))
    after = _due("BLS", "2022-02", date(2024, 3, 1))
    assert (on_last_day.status, on_last_day.months_left) == ("due-soon", 0)
    assert (after.status, after.months_left) == ("lapsed", -1)


@given(months)
def test_rolling_due_is_a_whole_cycle_after_the_month_earned(earned: str) -> None:
    row = renewal_for(HeldCert(id="CMA", earned=earned), CATALOG, date(2070, 12, 31))
    assert row.due is not None and row.due_by is not None
    assert month_index(row.due) - month_index(earned) == 60
    assert row.due_by == f"{row.due}-01" and not row.due_day_known


# Fixed cycle (CMPE) --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "start", "due_by"),
    [
        (date(2022, 1, 1), "2022-01-01", "2024-12-31"),
        (date(2024, 12, 31), "2022-01-01", "2024-12-31"),  # the cycle's last day
        (date(2025, 1, 1), "2025-01-01", "2027-12-31"),  # the next cycle's first day
        (date(2026, 12, 2), "2025-01-01", "2027-12-31"),
        (date(2021, 12, 31), "2019-01-01", "2021-12-31"),  # before the published cycle
        (date(2028, 2, 29), "2028-01-01", "2030-12-31"),
    ],
)
def test_cmpe_follows_the_shared_cycle(today: date, start: str, due_by: str) -> None:
    row = _due("CMPE", "2010-06", today)
    assert (row.cycle_start, row.due_by, row.due_day_known) == (start, due_by, True)
    assert row.status != "lapsed"


def test_cmpe_certified_mid_cycle_counts_from_the_month_certified() -> None:
    row = _due("CMPE", "2026-03", date(2026, 12, 2))
    assert (row.cycle_start, row.due) == ("2026-03-01", "2027-12")


@settings(max_examples=examples(200))
@given(earned=months, today=days)
def test_shared_cycles_hold_today_and_never_lapse(earned: str, today: date) -> None:
    if month_index(earned) > month_index(month_of(today)):
        return
    row = renewal_for(HeldCert(id="CMPE", earned=earned), CATALOG, today)
    assert row.due_by is not None and row.cycle_start is not None
    assert date.fromisoformat(row.cycle_start) <= today <= date.fromisoformat(row.due_by)
    assert row.due_by[5:] == "12-31" and (int(row.due_by[:4]) - 2024) % 3 == 0
    assert row.status in ("current", "due-soon")


# Membership (CPC) ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("member", "today", "due"),
    [
        (1, date(2022, 6, 1), "2023-01"),  # AAPC's example: January reports in odd years
        (2, date(2021, 6, 1), "2022-02"),  # February in even years
        (12, date(2026, 12, 31), "2026-12"),  # due this month, on the year's last day
        (11, date(2026, 12, 1), "2027-11"),
        (1, date(2027, 1, 1), "2027-01"),
        (2, date(2024, 2, 29), "2024-02"),  # leap day in the due month
    ],
)
def test_cpc_is_due_in_the_membership_month_of_the_right_years(
    member: int, today: date, due: str
) -> None:
    row = _due("CPC", "2015-03", today, member)
    assert row.due == due
    assert row.next_fee == next_month_of_year(member, month_of(today))


def test_a_new_cpc_reports_first_at_a_renewal_month_after_certifying() -> None:
    row = _due("CPC", "2025-05", date(2025, 5, 20), 5)  # odd month: odd years
    assert (row.due, row.cycle_start) == ("2027-05", "2025-05-01")
    row = _due("CPC", "2026-03", date(2026, 3, 2), 5)
    assert (row.due, row.cycle_start) == ("2027-05", "2026-03-01")


def test_cpc_without_a_membership_month_says_how_to_add_it() -> None:
    row = _due("CPC", "2025-05", date(2026, 1, 1))
    assert row.status == "no-member-month" and row.due is None
    assert row.advice.endswith("maplanner profile add-cert CPC --member-month MM")


@given(example=months, member=st.integers(1, 12), after=months, today=months)
# Due the very month after the one it was earned in, and due this month.
@example(example="2025-04", member=4, after="2025-03", today="2025-01")
@example(example="2025-04", member=4, after="2024-01", today="2025-04")
def test_membership_due_dates_alternate_by_month(
    example: str, member: int, after: str, today: str
) -> None:
    due = membership_due(example, member, after, today)
    assert int(due[5:]) == member
    assert month_index(due) >= month_index(today) and month_index(due) > month_index(after)
    floor = max(month_index(today), month_index(after) + 1)
    assert month_index(due) - floor < 24  # the first one that fits
    k = member - int(example[5:])
    assert (int(due[:4]) - int(example[:4]) - k) % 2 == 0


# Annual fee plus a cycle (RMA) ------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "start", "due", "fee"),
    [
        (date(2019, 3, 1), "2019-03-01", "2022-03", "2020-03"),
        (date(2022, 3, 31), "2019-03-01", "2022-03", "2022-03"),  # due month: old cycle, fee due
        (date(2022, 4, 1), "2022-03-01", "2025-03", "2023-03"),
        (date(2026, 12, 2), "2025-03-01", "2028-03", "2027-03"),
    ],
)
def test_rma_cycles_roll_on_with_a_fee_each_anniversary(
    today: date, start: str, due: str, fee: str
) -> None:
    row = _due("RMA", "2019-03", today)
    assert (row.cycle_start, row.due, row.next_fee, row.annual_fee) == (start, due, fee, 50)


@given(earned=months, today=days)
def test_rolled_cycles_always_hold_today(earned: str, today: date) -> None:
    if month_index(earned) > month_index(month_of(today)):
        return
    row = renewal_for(HeldCert(id="RMA", earned=earned), CATALOG, today)
    assert row.cycle_start is not None and row.due is not None
    assert date.fromisoformat(row.cycle_start) <= today <= last_day(row.due)
    assert month_index(row.due) - month_index(row.cycle_start[:7]) == 36
    assert row.next_fee is not None and row.next_fee[5:] == earned[5:]
    assert today - timedelta(days=0) <= last_day(row.next_fee)


# The new credentials in the estimate -----------------------------------------------------


def _factors(run: Runner, cert: str) -> dict[str, float]:
    import json

    result = run("assess", "--years", "1", "--setting", "hospital", "--cert", cert, "--json")
    assert result.code == 0, result.err
    document = json.loads(result.out)
    assert [held["id"] for held in document["profile"]["certs"]] == [cert]
    return {factor["id"]: factor["points"] for factor in document["factors"]}


def test_cmaa_is_recognised_and_counts_as_an_administrative_extra(run: Runner) -> None:
    factors = _factors(run, "CMAA")
    assert factors.get("primary-credential", 0) == 0
    assert factors["other-credentials"] == 2


@pytest.mark.parametrize("cert", ["NCMA", "CMAC"])
def test_ncma_and_cmac_count_as_primary_credentials(run: Runner, cert: str) -> None:
    assert _factors(run, cert)["primary-credential"] == 8
