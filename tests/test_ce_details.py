"""Continuing education in detail, below the command: which credentials keep a ledger,
each check of a new credit with its exact words (long values cut to 20 characters),
and the rows of the issuer's proration schedule. `tests/test_ce.py` runs `ce` itself."""

from datetime import date

import pytest

from maplanner.catalog.catalog import Catalog
from maplanner.catalog.certs import ContinuingEducation
from maplanner.core import ce
from maplanner.core.profile import HeldCert, Profile
from maplanner.core.renewals import Window
from tests.helpers import refusal

TODAY = date(2026, 6, 1)
#: 25 characters: a value this long is shown as its first 19 and "…".
LONG = "1" * 25
CUT = "'" + "1" * 19 + "…'"


def rule(catalog: Catalog, cert_id: str) -> ContinuingEducation:
    renewal = catalog.certification(cert_id).renewal
    assert renewal != "not verified" and renewal.continuing_education is not None
    return renewal.continuing_education


def holder(*certs: HeldCert) -> Profile:
    return Profile(years=4, certs=certs, setting="family-practice")


def new_credit(catalog: Catalog, held: HeldCert, **given: object) -> ce.NewCredit:
    """`ce add` for one credit of the held credential, with `given` options changed."""
    options: dict[str, object] = {
        "credential": held.id,
        "units": "1",
        "category": None,
        "from_issuer": False,
        "day": "2026-01-05",
        "note": "",
    }
    return ce.check_credit(catalog, holder(held), TODAY, **{**options, **given})  # type: ignore[arg-type]


def test_the_credentials_with_a_ledger(catalog: Catalog) -> None:
    assert ce.tracked_ids(catalog) == ["CMA", "RMA", "CPC", "CMPE"]


# Units, category, day ----------------------------------------------------------------


def test_units_up_to_one_whole_cycle_in_hundredths(catalog: Catalog) -> None:
    cma = rule(catalog, "CMA")
    assert ce.parse_units("60", cma, "CMA") == 60
    assert ce.parse_units(" 1.25 ", cma, "CMA") == 1.25
    assert refusal(ce.parse_units, "60.01", cma, "CMA") == (
        "--units '60.01' is out of range: CMA credits run from more than 0 up to 60 CEUs "
        "(one whole cycle)"
    )


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("x" * 25, "'xxxxxxxxxxxxxxxxxxx…' is not a number: use the CEUs the activity gave"),
        (LONG, f"{CUT} is out of range: CMA credits run from more than 0 up to 60 CEUs"),
        ("1.125" + "0" * 20, "'1.12500000000000000…' has too many decimals: use at most two"),
    ],
)
def test_units_refused_name_the_value_cut_short(catalog: Catalog, typed: str, words: str) -> None:
    message = refusal(ce.parse_units, typed, rule(catalog, "CMA"), "CMA")
    assert message.startswith(f"--units {words}")
    assert message.endswith(("like 2 or 1.5", "(one whole cycle)", "like 1.25"))


def test_a_category_for_a_rule_without_categories_is_refused(catalog: Catalog) -> None:
    assert refusal(ce.parse_category, "c" * 25, rule(catalog, "CPC"), "CPC") == (
        "--category '" + "c" * 19 + "…': CPC's continuing education has no categories; "
        "leave --category out"
    )
    assert ce.parse_category(None, rule(catalog, "CPC"), "CPC") is None


def test_an_unknown_category_is_refused_with_the_rules_categories(catalog: Catalog) -> None:
    assert refusal(ce.parse_category, "c" * 25, rule(catalog, "CMA"), "CMA") == (
        "--category '" + "c" * 19 + "…' is not one of CMA's categories: use administrative, "
        "clinical, general"
    )
    assert ce.parse_category(" Clinical ", rule(catalog, "CMA"), "CMA") == "clinical"


def test_a_day_that_is_not_a_date_is_named_cut_short() -> None:
    assert refusal(ce.parse_day, "d" * 25, TODAY, None, "CMA") == (
        "--date '" + "d" * 19 + "…' is not a date: use YYYY-MM-DD, the day you did the "
        "activity, like 2026-03-14"
    )


def test_a_day_in_the_month_earned_counts_and_the_day_before_does_not() -> None:
    assert ce.parse_day("2025-03-01", TODAY, "2025-03", "CMA") == "2025-03-01"
    assert refusal(ce.parse_day, "2025-02-28", TODAY, "2025-03", "CMA") == (
        "--date 2025-02-28 is before you earned CMA (2025-03): credits count only after certifying"
    )


# A whole credit ------------------------------------------------------------------------


def test_a_credential_without_a_verified_rule_keeps_no_ledger(catalog: Catalog) -> None:
    message = refusal(new_credit, catalog, HeldCert(id="CCMA"))
    assert message == (
        "ce add CCMA: its continuing-education rule is not verified, so maplanner keeps no "
        "ledger for it; it keeps one for CMA, RMA, CPC, CMPE"
    )


def test_from_the_issuer_is_refused_where_the_rule_has_no_issuer_share(
    catalog: Catalog,
) -> None:
    message = refusal(new_credit, catalog, HeldCert(id="CPC", earned="2024-01"), from_issuer=True)
    assert message == (
        "--from-issuer: CPC's rule has no share that must come from its issuer; leave it out"
    )


# Progress ------------------------------------------------------------------------------


def test_units_are_written_without_trailing_zeros() -> None:
    assert [ce.units_text(v) for v in (2.0, 1.5, 1.25, 10.0, 0.05)] == [
        "2",
        "1.5",
        "1.25",
        "10",
        "0.05",
    ]


def test_a_cycle_with_nothing_left_says_done(catalog: Catalog) -> None:
    credits = [
        ce.Credit(number=n, cert="RMA", units=10, category=None, from_issuer=False,
                  date=f"2026-0{n}-01", note="", added_on="2026-05-01")
        for n in (1, 2, 3)
    ]  # fmt: skip
    held = HeldCert(id="RMA", earned="2025-06")
    progress = ce.progress_for(held, catalog, credits, TODAY)
    assert progress is not None and progress.cycle_known
    assert ce.ce_summary(progress) == "30 of 30 CCP points recorded this cycle; done"


def test_a_cycle_not_known_still_gives_the_rules_share_and_note(catalog: Catalog) -> None:
    progress = ce.progress_for(HeldCert(id="CMA"), catalog, [], TODAY)
    assert progress is not None and not progress.cycle_known
    cma = rule(catalog, "CMA")
    assert (progress.issuer_share, progress.note) == ("AAMA-approved", cma.note)
    assert ce.ce_summary(progress) == "cycle not known yet, so nothing is counted"


def _joined(month: int | None) -> Window:
    day = date(2026, 1, 1)
    return Window(
        start=day, end=day, due="2026-12", due_by=day, day_known=True, joined_month=month,
        next_fee=None,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("month", "owed"),
    [
        (None, (50.0, [30.0, 12.0], False)),
        (5, (50.0, [30.0, 12.0], True)),
        (6, (40.0, [24.0, 10.0], True)),
        (11, (40.0, [24.0, 10.0], True)),
        (12, (30.0, [18.0, 7.0], True)),
        (35, (0.0, [0.0, 0.0], True)),
        (36, (50.0, [30.0, 12.0], False)),
    ],
)
def test_the_proration_row_is_the_first_whose_month_is_later_than_joining(
    catalog: Catalog, month: int | None, owed: tuple[float, list[float], bool]
) -> None:
    """CMPE's schedule: joined before month 6 owes 50 (30 from MGMA, 12 live), before
    month 12 owes 40 (24, 10), ... before month 36 nothing; from then, the full rule."""
    assert ce.requirement(rule(catalog, "CMPE"), _joined(month)) == owed


def test_a_list_of_credits_says_its_day() -> None:
    assert ce.credit_list([], TODAY).today == "2026-06-01"


@pytest.mark.parametrize(("typed", "number"), [("3", 3), (" #12 ", 12), ("9" * 18, int("9" * 18))])
def test_a_credit_number_as_ce_list_shows_it(typed: str, number: int) -> None:
    assert ce.parse_number(typed) == number


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("0", "'0'"),
        ("9" * 19, "'" + "9" * 19 + "'"),
        ("3#", "'3#'"),
        ("X3", "'X3'"),
        ("#" * 25, "'" + "#" * 19 + "…'"),
    ],
)
def test_a_credit_number_refused_is_named(typed: str, shown: str) -> None:
    assert refusal(ce.parse_number, typed) == (
        f"ce remove {shown} is not a credit number: use the number 'maplanner ce list' "
        "shows, like 3"
    )


def _credit(number: int, cert: str, units: float, day: str, **more: object) -> ce.Credit:
    fields: dict[str, object] = {"category": None, "from_issuer": False, "note": ""}
    fields.update(more)
    return ce.Credit(
        number=number, cert=cert, units=units, date=day, added_on="2026-05-01", **fields
    )


def test_a_note_of_200_characters_is_kept_and_201_refused(catalog: Catalog) -> None:
    def add(note: str) -> ce.NewCredit:
        return new_credit(catalog, HeldCert(id="CPC", earned="2024-01"), note=note)

    assert add("n" * 200).note == "n" * 200
    assert refusal(add, "n" * 201) == "--note is 201 characters long: keep it to 200"


def test_a_cycle_not_known_counts_nothing(catalog: Catalog) -> None:
    credits = [_credit(1, "CMA", 5, "2026-01-05", category="clinical")]
    progress = ce.progress_for(HeldCert(id="CMA"), catalog, credits, TODAY)
    assert progress is not None
    assert (progress.prorated, progress.counted, progress.met) == (False, 0.0, False)
    assert (progress.issuer_units, progress.credits_in_cycle) == (0.0, 0)
    assert (progress.outside_count, progress.outside_units) == (1, 5.0)


def test_a_credit_on_the_cycles_last_day_counts(catalog: Catalog) -> None:
    held = HeldCert(id="RMA", earned="2025-06")
    known = ce.progress_for(held, catalog, [], TODAY)
    assert known is not None and known.cycle_end is not None
    last = _credit(1, "RMA", 30, known.cycle_end)
    progress = ce.progress_for(held, catalog, [last], date.fromisoformat(known.cycle_end))
    assert progress is not None
    assert (progress.counted, progress.met, progress.outside_count) == (30.0, True, 0)
    assert progress.still_needed == 0


def test_category_minimums_short_together_are_still_needed_together(catalog: Catalog) -> None:
    """50 clinical CEUs, all AAMA-approved: the total lacks 10, but the administrative
    and general minimums lack 10 each, and a credit has one category: 20 are needed."""
    held = HeldCert(id="CMA", earned="2024-03")
    credits = [
        _credit(n, "CMA", 10, f"2026-0{n}-02", category="clinical", from_issuer=True)
        for n in range(1, 6)
    ]
    progress = ce.progress_for(held, catalog, credits, TODAY)
    assert progress is not None and progress.cycle_known
    assert (progress.counted, progress.still_needed, progress.met) == (50.0, 20.0, False)
    assert (progress.issuer_share, progress.issuer_units) == ("AAMA-approved", 50.0)
