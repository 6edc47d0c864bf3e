"""Details of core/wages.py that a user sees and a mutation run found unchecked."""

import pytest

from maplanner.catalog.catalog import Catalog
from maplanner.core.wages import parse_percentile, percentile_of, wage_at
from maplanner.errors import InputError

RANGE = "use a number above 0 and below 100, like 75 or 62.5"


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("a" * 40, "a" * 40),  # 40 characters are quoted whole
        ("a" * 41, "a" * 39 + "…"),  # a longer value is cut to 39 and an ellipsis
    ],
)
def test_a_long_value_that_is_not_a_percentile_is_quoted_cut_at_40(typed: str, shown: str) -> None:
    with pytest.raises(InputError) as raised:
        parse_percentile(f"  {typed} ")
    assert str(raised.value) == f"--percentile {shown!r} is not a number: {RANGE}"


@pytest.mark.parametrize(
    ("percentile", "kind", "annual", "explanation"),
    [
        (
            5,
            "at-or-below",
            36_050,
            "BLS publishes no figure below the 10th percentile, so none is invented: the 5th "
            "percentile is below the 10th percentile (under $36,050 a year).",
        ),
        (50, "published", 45_690, "The median is published by BLS."),
        (10, "published", 36_050, "The 10th percentile is published by BLS."),
        (
            62.5,
            "estimate",
            47_435,
            "Estimate: BLS does not publish the 62.5th percentile; this is a straight line "
            "between the published median ($45,690) and 75th percentile ($49,180).",
        ),
        (
            95,
            "at-or-above",
            59_310,
            "BLS publishes no figure above the 90th percentile, so none is invented: the 95th "
            "percentile is above the 90th percentile (over $59,310 a year).",
        ),
    ],
)
def test_what_a_percentile_pays_is_explained_in_full(
    catalog: Catalog, percentile: float, kind: str, annual: float, explanation: str
) -> None:
    answer = wage_at(catalog.wages, percentile)  # May 2025: every point's hourly published
    assert (answer.percentile, answer.kind, answer.annual) == (percentile, kind, annual)
    assert answer.explanation == explanation


@pytest.mark.parametrize("percentile", [0, 100])
def test_a_percentile_out_of_range_is_named_with_the_option(
    catalog: Catalog, percentile: float
) -> None:
    with pytest.raises(InputError) as raised:
        wage_at(catalog.wages, percentile)
    assert str(raised.value) == f"--percentile {percentile} is out of range: {RANGE}"


@pytest.mark.parametrize(
    ("annual", "band", "next_at", "to_next", "explanation"),
    [
        (
            30_000,
            "below the 10th percentile",
            10,
            6_050,
            "$30,000 is below the lowest published point, the 10th percentile ($36,050).",
        ),
        (
            44_200,
            "between the 25th percentile and the median",
            50,
            1_490,
            "Estimate: about the 45th percentile, on a straight line between the published "
            "25th percentile ($38,470) and median ($45,690).",
        ),
        (45_690, "at the median", 75, 3_490, "$45,690 is exactly the published median."),
        (
            59_310,
            "at the 90th percentile",
            None,
            None,
            "$59,310 is exactly the published 90th percentile.",
        ),
        (
            200_000,
            "above the 90th percentile",
            None,
            None,
            "$200,000 is above the highest published point, the 90th percentile ($59,310).",
        ),
    ],
)
def test_where_a_wage_stands_is_explained_in_full(
    catalog: Catalog,
    annual: float,
    band: str,
    next_at: int | None,
    to_next: float | None,
    explanation: str,
) -> None:
    standing = percentile_of(catalog.wages, annual)
    following = None if standing.next_point is None else standing.next_point.percentile
    assert (standing.band, following, standing.to_next_point) == (band, next_at, to_next)
    assert standing.explanation == explanation
    assert standing.hourly == pytest.approx(annual / 2080)


def test_a_wage_that_is_not_a_positive_amount_is_named(catalog: Catalog) -> None:
    with pytest.raises(InputError) as raised:
        percentile_of(catalog.wages, -5.0)
    assert str(raised.value) == "wage -5.0 must be a positive amount"
