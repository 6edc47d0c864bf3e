"""The wage math (core/wages.py) and pay parsing (core/money.py).

Published points must come back exactly, estimates must say so, nothing may be
invented beyond the published range, and both directions must be monotonic and
undo each other: checked on the shipped table and on any table Hypothesis can build.
"""

import math
import re
import tomllib

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from maplanner.catalog.loader import packaged_data_dir
from maplanner.catalog.wages import PercentilePoint, WagesFile, WageTable
from maplanner.core.money import MAX_ANNUAL, MAX_HOURLY, MIN_HOURLY, Pay, check_pay, parse_pay
from maplanner.core.text import ordinal
from maplanner.core.wages import (
    WageStanding,
    check_percentile,
    hourly_for,
    parse_percentile,
    percentile_of,
    percentile_words,
    point_name,
    wage_at,
)
from maplanner.errors import InputError

PUBLISHED = {10: 35_020, 25: 37_610, 50: 44_200, 75: 48_160, 90: 57_830}
open_percentiles = st.floats(min_value=0, max_value=100, exclude_min=True, exclude_max=True)


@pytest.fixture(scope="module")
def table() -> WageTable:
    """The shipped table, read from wages.toml alone so other data files cannot interfere."""
    text = (packaged_data_dir() / "wages.toml").read_text(encoding="utf-8")
    return WagesFile.model_validate(tomllib.loads(text)).wages


@st.composite
def tables(draw: st.DrawFn) -> WageTable:
    """Any valid table: increasing percentiles including the median, increasing wages."""
    others = draw(st.sets(st.integers(1, 99).filter(lambda p: p != 50), min_size=1, max_size=8))
    percentiles = sorted({50, *others})
    steps = draw(
        st.lists(st.integers(1, 20_000), min_size=len(percentiles), max_size=len(percentiles))
    )
    annual, points = 0, []
    for percentile, step in zip(percentiles, steps, strict=True):
        annual += step
        points.append(PercentilePoint(percentile=percentile, annual=annual))
    median = next(p.annual for p in points if p.percentile == 50)
    return WageTable(
        occupation="Test",
        soc_code="00-0000",
        area="Nowhere",
        vintage="test",
        source="test",
        hours_per_year=2080,
        percentiles=points,
        mean_annual=median,
        median_hourly=median / 2080,
        employment=1,
        employment_note="test",
    )


def rank(standing: WageStanding) -> tuple[int, float]:
    """Orders standings: below the range, then by percentile, then above the range."""
    if standing.kind == "below-range":
        return (0, 0.0)
    if standing.kind == "above-range":
        return (2, 0.0)
    assert standing.percentile is not None
    return (1, standing.percentile)


# wage_at ---------------------------------------------------------------------------


@pytest.mark.parametrize(("percentile", "annual"), PUBLISHED.items())
def test_published_points_are_exact(table: WageTable, percentile: int, annual: int) -> None:
    answer = wage_at(table, percentile)
    assert answer.kind == "published"
    assert answer.annual == annual
    assert answer.between is None


def test_75th_is_48160_with_derived_hourly(table: WageTable) -> None:
    answer = wage_at(table, 75)
    assert answer.annual == 48_160
    assert f"{answer.hourly:.2f}" == "23.15"
    assert answer.hourly_published is False


def test_only_the_median_hourly_is_published(table: WageTable) -> None:
    median = wage_at(table, 50)
    assert (median.hourly, median.hourly_published) == (21.25, True)
    for percentile in (10, 25, 75, 90):
        assert wage_at(table, percentile).hourly_published is False


def test_between_points_is_a_named_estimate(table: WageTable) -> None:
    answer = wage_at(table, 62.5)
    assert answer.kind == "estimate"
    assert answer.annual == pytest.approx(46_180)
    assert answer.between is not None
    assert [p.percentile for p in answer.between] == [50, 75]
    assert "median ($44,200)" in answer.explanation
    assert "75th percentile ($48,160)" in answer.explanation
    assert "62.5th" in answer.explanation


@pytest.mark.parametrize(
    ("percentile", "kind", "annual", "words"),
    [
        (5, "at-or-below", 35_020, "is below the 10th percentile (under $35,020 a year)."),
        (
            0.5,
            "at-or-below",
            35_020,
            "0.5th percentile is below the 10th percentile (under $35,020",
        ),
        (95, "at-or-above", 57_830, "is above the 90th percentile (over $57,830 a year)."),
        (
            99.6,
            "at-or-above",
            57_830,
            "99.6th percentile is above the 90th percentile (over $57,830",
        ),
    ],
)
def test_outside_the_range_gives_the_bound(
    table: WageTable, percentile: float, kind: str, annual: int, words: str
) -> None:
    answer = wage_at(table, percentile)
    assert (answer.kind, answer.annual, answer.between) == (kind, annual, None)
    assert words in answer.explanation
    assert not re.search(r"(?<![\d.])0th|100th", answer.explanation)


@pytest.mark.parametrize("bad", [0, 100, -1, 100.5, math.nan, math.inf, -math.inf])
def test_check_percentile_rejects(bad: float) -> None:
    with pytest.raises(InputError, match="above 0 and below 100"):
        check_percentile(bad)


@pytest.mark.parametrize("good", [0.001, 1, 50, 99.999])
def test_check_percentile_accepts(good: float) -> None:
    assert check_percentile(good) == good


@pytest.mark.parametrize(
    ("text", "value"), [("75", 75), (" 62.5 ", 62.5), ("75th", 75), ("1st", 1), ("80%", 80)]
)
def test_parse_percentile(text: str, value: float) -> None:
    assert parse_percentile(text) == value


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("abc", "is not a number"),
        ("nan", "is not a number"),
        ("inf", "is not a number"),
        ("", "is not a number"),
        ("1e2", "is not a number"),
        ("0", "is out of range"),
        ("100", "is out of range"),
        ("-5", "is out of range"),
        ("1" * 400, "is out of range"),
    ],
)
def test_parse_percentile_rejects_with_the_range(text: str, problem: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_percentile(text)
    message = caught.value.message
    assert problem in message
    assert "above 0 and below 100" in message
    assert len(message) < 200


def test_percentile_words() -> None:
    assert percentile_words(75) == "75th"
    assert percentile_words(62.5) == "62.5th"
    assert percentile_words(0.5) == "0.5th"
    assert point_name(50) == "median"
    assert point_name(75) == "75th percentile"


# percentile_of -----------------------------------------------------------------------


def test_46k_is_between_the_median_and_the_75th(table: WageTable) -> None:
    standing = percentile_of(table, 46_000)
    assert standing.kind == "estimate"
    assert standing.band == "between the median and the 75th percentile"
    assert standing.percentile == pytest.approx(50 + 1_800 / 3_960 * 25)
    assert standing.next_point == PercentilePoint(percentile=75, annual=48_160)
    assert standing.to_next_point == 2_160


@pytest.mark.parametrize(("percentile", "annual"), PUBLISHED.items())
def test_published_wages_stand_at_their_point(
    table: WageTable, percentile: int, annual: int
) -> None:
    standing = percentile_of(table, annual)
    assert (standing.kind, standing.percentile) == ("published", percentile)


def test_below_and_above_the_range_give_no_percentile(table: WageTable) -> None:
    below = percentile_of(table, 30_000)
    assert (below.kind, below.percentile, below.to_next_point) == ("below-range", None, 5_020)
    assert below.band == "below the 10th percentile"
    above = percentile_of(table, 70_000)
    assert (above.kind, above.percentile, above.next_point) == ("above-range", None, None)
    assert above.band == "above the 90th percentile"


@pytest.mark.parametrize("bad", [0, -1, math.nan, math.inf])
def test_percentile_of_rejects_non_positive_or_non_finite(table: WageTable, bad: float) -> None:
    with pytest.raises(InputError):
        percentile_of(table, bad)


def test_hourly_for(table: WageTable) -> None:
    assert hourly_for(table, 44_200) == (21.25, True)
    assert hourly_for(table, 48_160) == (48_160 / 2080, False)


# Properties ----------------------------------------------------------------------------


@given(tables(), open_percentiles, open_percentiles)
def test_wage_at_is_monotonic(table: WageTable, p1: float, p2: float) -> None:
    low, high = sorted((p1, p2))
    assert wage_at(table, low).annual <= wage_at(table, high).annual


@given(
    tables(),
    st.floats(1, 2_000_000, allow_nan=False),
    st.floats(1, 2_000_000, allow_nan=False),
)
def test_percentile_of_is_monotonic(table: WageTable, w1: float, w2: float) -> None:
    low, high = sorted((w1, w2))
    assert rank(percentile_of(table, low)) <= rank(percentile_of(table, high))


@given(tables(), st.data())
def test_wage_round_trip(table: WageTable, data: st.DataObject) -> None:
    lowest, highest = table.percentiles[0].annual, table.percentiles[-1].annual
    wage = data.draw(st.floats(lowest, highest))
    standing = percentile_of(table, wage)
    assert standing.percentile is not None
    assert wage_at(table, standing.percentile).annual == pytest.approx(wage, rel=1e-9)


@given(tables(), st.data())
def test_percentile_round_trip(table: WageTable, data: st.DataObject) -> None:
    lowest, highest = table.percentiles[0].percentile, table.percentiles[-1].percentile
    percentile = data.draw(st.floats(lowest, highest))
    standing = percentile_of(table, wage_at(table, percentile).annual)
    assert standing.percentile == pytest.approx(percentile, rel=1e-9, abs=1e-9)


@given(tables(), open_percentiles)
def test_nothing_is_invented_outside_the_range(table: WageTable, percentile: float) -> None:
    answer = wage_at(table, percentile)
    assert table.percentiles[0].annual <= answer.annual <= table.percentiles[-1].annual
    published: dict[float, int] = {p.percentile: p.annual for p in table.percentiles}
    if percentile in published:
        assert (answer.kind, answer.annual) == ("published", published[percentile])
    elif percentile < min(published):
        assert answer.kind == "at-or-below"
    elif percentile > max(published):
        assert answer.kind == "at-or-above"
    else:
        assert answer.kind == "estimate"


@given(tables(), open_percentiles)
def test_outside_the_range_the_words_never_read_as_a_pay_cap(
    table: WageTable, percentile: float
) -> None:
    answer = wage_at(table, percentile)
    assert not re.search(r"at or (below|above)|at (least|most) \$", answer.explanation)
    if answer.kind in {"at-or-below", "at-or-above"}:
        side, money = ("below", "under") if answer.kind == "at-or-below" else ("above", "over")
        bound = table.percentiles[0 if side == "below" else -1]
        assert answer.explanation.endswith(
            f"percentile is {side} the {ordinal(bound.percentile)} percentile "
            f"({money} ${bound.annual:,.0f} a year)."
        )


@given(tables(), open_percentiles)
def test_hourly_is_annual_over_hours_unless_published(table: WageTable, percentile: float) -> None:
    answer = wage_at(table, percentile)
    if answer.hourly_published:
        assert answer.annual == next(p.annual for p in table.percentiles if p.percentile == 50)
        assert answer.hourly == table.median_hourly
    else:
        assert answer.hourly == answer.annual / table.hours_per_year


# money.parse_pay ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "amount", "per"),
    [
        ("46000", 46_000, "year"),
        ("46,000", 46_000, "year"),
        ("$46,000", 46_000, "year"),
        ("46k", 46_000, "year"),
        ("46.5K", 46_500, "year"),
        (" $ 46,000.50 ", 46_000.5, "year"),
        ("22.50/h", 22.5, "hour"),
        ("22.50/hr", 22.5, "hour"),
        ("22.50/hour", 22.5, "hour"),
        ("$22.50 / h", 22.5, "hour"),
        ("1,000,000", 1_000_000, "year"),
        ("500/h", 500, "hour"),
    ],
)
def test_parse_pay_accepts(text: str, amount: float, per: str) -> None:
    assert parse_pay(text) == Pay(amount=amount, per=per)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("0", "must be more than zero"),
        ("0/h", "must be more than zero"),
        ("-46000", "must be more than zero"),
        ("-$46k", "must be more than zero"),
        ("abc", "is not a pay amount"),
        ("nan", "is not a pay amount"),
        ("inf", "is not a pay amount"),
        ("46,00", "is not a pay amount"),
        ("46k/h", "mixes 'k' with an hourly rate"),
        ("1,000,001", "at most $1,000,000 a year"),
        ("2000000", "at most $1,000,000 a year"),
        ("1" * 400, "at most $1,000,000 a year"),
        ("500.01/h", "at most $500/h"),
        ("22.5", "for an hourly rate write 22.5/h"),
        ("999", "too large for an hourly rate"),
    ],
)
def test_parse_pay_rejects_in_one_line(text: str, problem: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_pay(text, "--wage")
    message = caught.value.message
    assert problem in message
    assert message.startswith("--wage ")
    assert "\n" not in message
    assert len(message) < 200


@given(st.integers(1_000, MAX_ANNUAL))
def test_every_way_of_writing_a_yearly_amount_agrees(amount: int) -> None:
    expected = Pay(amount=amount, per="year")
    for text in (str(amount), f"{amount:,}", f"${amount:,}", f"${amount}"):
        assert parse_pay(text) == expected
    if amount % 1000 == 0:
        assert parse_pay(f"{amount // 1000}k") == expected


@given(st.integers(MIN_HOURLY * 100, MAX_HOURLY * 100))
def test_hourly_rates_in_cents(cents: int) -> None:
    text = f"{cents // 100}.{cents % 100:02d}/h"
    assert parse_pay(text) == Pay(amount=cents / 100, per="hour")


@given(st.text(max_size=30))
def test_parse_pay_never_fails_other_than_input_error(text: str) -> None:
    try:
        pay = parse_pay(text)
    except InputError as error:
        assert "\n" not in error.message
        return
    assert pay.amount > 0
    assert math.isfinite(pay.amount)
    limit = MAX_HOURLY if pay.per == "hour" else MAX_ANNUAL
    assert pay.amount <= limit


@given(st.floats(allow_nan=True, allow_infinity=True), st.sampled_from(["year", "hour"]))
def test_check_pay_accepts_only_plausible_amounts(amount: float, per: str) -> None:
    assume(per == "hour" or not (0 < amount < 1_000))
    pay = Pay(amount=amount, per=per)
    limit = MAX_HOURLY if per == "hour" else MAX_ANNUAL
    lowest = MIN_HOURLY if per == "hour" else 0
    plausible = math.isfinite(amount) and 0 < amount <= limit and amount >= lowest
    try:
        assert check_pay(pay, str(amount), "--pay") == pay
        assert plausible
    except InputError:
        assert not plausible


def test_pay_converts_at_the_table_hours() -> None:
    assert Pay(amount=22.5, per="hour").annual(2080) == 46_800
    assert Pay(amount=46_000, per="year").annual(2080) == 46_000
