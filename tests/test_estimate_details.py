"""The pay estimate in detail: every factor's points and words, the range an estimate is
shown as, and where a person's own pay stands next to it.

Figures are the shipped data's: data/estimate.toml's weights and the May 2025 national
table (10th $36,050, 25th $38,470, median $45,690, 75th $49,180, 90th $59,310; hourly
$17.33, $18.50, $21.97, $23.65, $28.52). An estimate is shown with 7 points either side.
"""

import pytest

from maplanner.catalog.catalog import Catalog
from maplanner.core.assessment import Factor
from maplanner.core.estimate import (
    estimate_percentile,
    experience_base,
    pay_standing,
    setting_percentile,
    wage_range,
)
from maplanner.core.money import Pay
from maplanner.core.profile import Profile
from maplanner.core.wages import percentile_of
from tests.helpers import catalog_with, washington
from tests.helpers import profile as person


def year(amount: float) -> Pay:
    return Pay(amount=amount, per="year")


# Where a pay stands next to the estimate ---------------------------------------------

EXPECT = "we would expect for your profile"


@pytest.mark.parametrize(
    ("amount", "estimate", "versus", "summary"),
    [
        # The published 25th, exactly the low end of 32 +/- 7: in line, not below.
        (
            38470,
            32,
            "in-line",
            f"about the 25th percentile ($38,470 a year), in line with the 32nd {EXPECT}",
        ),
        # Just under the low end: below.
        (
            38400,
            32,
            "below",
            f"about the 25th percentile ($38,400 a year), below the 32nd {EXPECT}",
        ),
        # The published median, exactly the high end of 43 +/- 7: in line, not above.
        (
            45690,
            43,
            "in-line",
            f"about the 50th percentile ($45,690 a year), in line with the 43rd {EXPECT}",
        ),
        (
            45700,
            43,
            "above",
            f"about the 50th percentile ($45,700 a year), above the 43rd {EXPECT}",
        ),
    ],
    ids=["at-the-low-end", "under-the-low-end", "at-the-high-end", "over-the-high-end"],
)
def test_pay_inside_the_published_range_against_the_likely_range(
    catalog: Catalog, amount: float, estimate: float, versus: str, summary: str
) -> None:
    standing = pay_standing(year(amount), estimate, catalog, catalog.wages)
    assert standing.versus_estimate == versus
    assert standing.summary == f"You are paid {summary}."


BELOW = "$30,000 a year, below the 10th percentile ($36,050, the lowest BLS publishes)"
ABOVE = "$70,000 a year, above the 90th percentile ($59,310, the highest BLS publishes)"


@pytest.mark.parametrize(
    ("amount", "estimate", "versus", "summary"),
    [
        # Under the 10th with a likely range from the 10th up (17 - 7): below it.
        (30000, 17, "below", f"{BELOW}, below the 17th {EXPECT}"),
        # A likely range reaching under the 10th (16.9 - 7 = 9.9): nothing says the
        # pay is below it.
        (30000, 16.9, "in-line", f"{BELOW}, in line with the 17th {EXPECT}"),
        # An estimate itself under the 10th is said as a bound, never as "the 5th".
        (30000, 5, "in-line", f"{BELOW}, in line with what {EXPECT} (below the 10th)"),
        # Over the 90th with a likely range up to the 90th (83 + 7): above it.
        (70000, 83, "above", f"{ABOVE}, above the 83rd {EXPECT}"),
        (70000, 83.1, "in-line", f"{ABOVE}, in line with the 83rd {EXPECT}"),
        (70000, 95, "in-line", f"{ABOVE}, in line with what {EXPECT} (above the 90th)"),
    ],
    ids=[
        "range-from-the-10th",
        "range-under-the-10th",
        "estimate-under-the-10th",
        "range-up-to-the-90th",
        "range-past-the-90th",
        "estimate-over-the-90th",
    ],
)
def test_pay_outside_the_published_range_against_the_likely_range(
    catalog: Catalog, amount: float, estimate: float, versus: str, summary: str
) -> None:
    standing = pay_standing(year(amount), estimate, catalog, catalog.wages)
    assert standing.versus_estimate == versus
    assert standing.summary == f"You are paid {summary}."


def test_pay_in_a_places_table_says_whose_table_and_an_hourly_rate_in_dollars_a_year(
    catalog: Catalog,
) -> None:
    # $23.71/h x 2,080 = $49,316.80: just over Washington's 25th ($49,310).
    table = washington(catalog)
    pay = Pay(amount=23.71, per="hour")
    standing = pay_standing(pay, 32, catalog, table)
    assert standing.pay == pay
    assert standing.annual == pytest.approx(49316.8)
    assert standing.standing == percentile_of(table, standing.annual)
    assert standing.versus_estimate == "in-line"
    assert standing.summary == (
        "You are paid about the 25th percentile in Washington's table ($23.71/h, about "
        f"$49,317 a year), in line with the 32nd {EXPECT}."
    )


def test_an_hourly_pay_past_a_places_lowest_point_is_said_first(catalog: Catalog) -> None:
    standing = pay_standing(Pay(amount=14, per="hour"), 18, catalog, washington(catalog))
    assert standing.summary == (
        "You are paid $14.00/h, about $29,120 a year, below the 10th percentile in "
        f"Washington's table ($46,540, the lowest BLS publishes), below the 18th {EXPECT}."
    )


# The estimate's factors --------------------------------------------------------------


def factors(profile: Profile, catalog: Catalog) -> dict[str, tuple[float, str]]:
    """Each factor's points and reason, by id (a factor's name is checked once below)."""
    return {f.id: (f.points, f.reason) for f in estimate_percentile(profile, catalog).factors}


START = "the starting point of the estimate."
NO_PRIMARY = "No primary MA credential (CMA, RMA, CCMA, NCMA or CMAC)."
BLS_CARD = "BLS adds nothing: nearly every employer requires it, so it does not set pay apart."
# Offices of physicians ($45,520): 25 + (45,520 - 38,470) / (45,690 - 38,470) x 25 = 49.41,
# so 0.4 x (49.41 - 50) = -0.24, shown as -0.2.
PHYSICIANS = (
    "counts as Offices of physicians, whose median ($45,520) is about the 49th percentile, "
    "below the national median: 0.4 x (49.4 - 50)."
)


def test_a_first_year_ma_in_family_practice(catalog: Catalog) -> None:
    estimate = estimate_percentile(person(1, "family-practice"), catalog)
    assert estimate.percentile == 14.8
    assert estimate.factors == (
        Factor(
            id="experience",
            name="Experience",
            points=15,
            reason=(
                f"1 year: between 0 years (10th) and 3 years (25th) on the experience curve; "
                f"{START}"
            ),
        ),
        Factor(id="primary-credential", name="Primary credential", points=0, reason=NO_PRIMARY),
        Factor(
            id="specialty-credentials",
            name="Specialty credentials",
            points=0,
            reason="No specialty credential.",
        ),
        Factor(
            id="other-credentials",
            name="Other credentials",
            points=0,
            reason="No other credentials.",
        ),
        Factor(
            id="specialty-practice",
            name="Specialty practice",
            points=0,
            reason="Not working in a specialty.",
        ),
        Factor(id="leadership", name="Leadership", points=0, reason="No leadership duties."),
        Factor(
            id="setting",
            name="Work setting",
            points=-0.2,
            reason=f"Family or primary-care practice {PHYSICIANS}",
        ),
    )


def test_credentials_past_their_caps_count_up_to_the_cap(catalog: Catalog) -> None:
    profile = person(
        4,
        "outpatient-center",
        ("BLS", "CMPE", "CCS", "CPC", "CPT", "COMT", "COT", "COA", "RMA", "CMA"),
        "ophthalmology",
        "lead",
    )
    # Outpatient care centers ($48,560): 50 + (48,560 - 45,690) / (49,180 - 45,690) x 25
    # = 70.56, so 0.4 x 20.56 = 8.2.
    assert factors(profile, catalog) == {
        "experience": (
            30,
            f"4 years: between 3 years (25th) and 6 years (40th) on the experience curve; {START}",
        ),
        "primary-credential": (
            8,
            "CMA and RMA: a primary MA credential, counted once however many are held.",
        ),
        "specialty-credentials": (10, "COA, COT and COMT: 5 points each, at most 10."),
        "other-credentials": (6, f"CPT, CPC, CCS and CMPE: 2 points each, at most 6. {BLS_CARD}"),
        "specialty-practice": (4, "Working in Ophthalmology."),
        "leadership": (14, "Lead MA."),
        "setting": (
            8.2,
            "Outpatient or community health center counts as Outpatient care centers, whose "
            "median ($48,560) is about the 71st percentile, above the national median: "
            "0.4 x (70.6 - 50).",
        ),
    }
    assert estimate_percentile(profile, catalog).percentile == 80.2


def test_credentials_exactly_at_their_caps_are_not_said_to_be_capped(catalog: Catalog) -> None:
    # The CET is a cardiology credential, so a cardiology MA's counts as a specialty one.
    profile = person(
        10, "hospital", ("CCS", "CPC", "CPT", "COA", "CET", "CMA"), "cardiology", "trains"
    )
    # Hospitals ($46,910): 50 + (46,910 - 45,690) / 3,490 x 25 = 58.74, so 0.4 x 8.74 = 3.5.
    assert factors(profile, catalog) == {
        "experience": (50, f"10 years: the curve is flat from 10 years at the 50th; {START}"),
        "primary-credential": (8, "CMA: a primary MA credential."),
        "specialty-credentials": (10, "CET and COA: 5 points each."),
        "other-credentials": (6, "CPT, CPC and CCS: 2 points each."),
        "specialty-practice": (4, "Working in Cardiology."),
        "leadership": (3, "Trains or precepts others."),
        "setting": (
            3.5,
            "Hospital counts as Hospitals (state, local and private), whose median ($46,910) is "
            "about the 59th percentile, above the national median: 0.4 x (58.7 - 50).",
        ),
    }
    assert estimate_percentile(profile, catalog).percentile == 84.5


def test_a_student_starts_at_the_curves_first_point_in_no_setting(catalog: Catalog) -> None:
    # Without a specialty the CET is an other credential; the BLS card counts nothing.
    profile = person(0, "student", ("CET", "BLS"))
    assert factors(profile, catalog) == {
        "experience": (
            10,
            f"0 years: the 10th percentile, a point on the experience curve; {START}",
        ),
        "primary-credential": (0, NO_PRIMARY),
        "specialty-credentials": (0, "No specialty credential."),
        "other-credentials": (2, f"CET: 2 points each. {BLS_CARD}"),
        "specialty-practice": (0, "Not working in a specialty."),
        "leadership": (0, "No leadership duties."),
        "setting": (0, catalog.eligibility.student.reason),
    }
    assert estimate_percentile(profile, catalog).percentile == 12


def test_every_factor_has_its_name_whichever_way_it_counts(catalog: Catalog) -> None:
    names = [
        "Experience",
        "Primary credential",
        "Specialty credentials",
        "Other credentials",
        "Specialty practice",
        "Leadership",
        "Work setting",
    ]
    for profile in (person(0, "student"), person(2, "specialty-clinic", ("CMA",), "cardiology")):
        assert [f.name for f in estimate_percentile(profile, catalog).factors] == names


def test_a_specialty_without_credentials_of_its_own(catalog: Catalog) -> None:
    # Dermatology lists no credential: the CET is an other credential there.
    got = factors(person(3, "specialty-clinic", ("CET",), "dermatology", "supervises"), catalog)
    assert got["experience"] == (
        25,
        f"3 years: the 25th percentile, a point on the experience curve; {START}",
    )
    assert got["specialty-credentials"] == (0, "No specialty credential.")
    assert got["other-credentials"] == (2, "CET: 2 points each.")
    assert got["specialty-practice"] == (4, "Working in Dermatology.")
    assert got["leadership"] == (20, "Supervises a team.")
    assert got["setting"] == (-0.2, f"Physician specialty clinic {PHYSICIANS}")


def test_an_estimate_under_the_floor_is_lifted_to_it_in_a_limit_factor(catalog: Catalog) -> None:
    # Offices of other health practitioners ($38,400): 10 + (38,400 - 36,050) / 2,420 x 15
    # = 24.57, so 0.4 x (24.57 - 50) = -10.2; with 10 for no experience: -0.2.
    estimate = estimate_percentile(person(0, "podiatry-office"), catalog)
    assert estimate.percentile == 1
    assert [f.points for f in estimate.factors] == [10, 0, 0, 0, 0, 0, -10.2, 1.2]
    assert estimate.factors[-1] == Factor(
        id="limit",
        name="Limit",
        points=1.2,
        reason="The points add up to -0.2; the estimate is kept between 1 and 99 points.",
    )


def test_an_estimate_over_the_ceiling_is_cut_to_it_in_a_limit_factor(catalog: Catalog) -> None:
    profile = person(
        30,
        "outpatient-center",
        ("CMA", "COA", "COT", "CPT", "CPC", "CCS"),
        "ophthalmology",
        "supervises",
    )
    # 50 + 8 + 10 + 6 + 4 + 20 + 8.2 = 106.2
    estimate = estimate_percentile(profile, catalog)
    assert estimate.percentile == 99
    assert estimate.factors[0].reason == (
        f"30 years: the curve is flat from 10 years at the 50th; {START}"
    )
    assert estimate.factors[-1] == Factor(
        id="limit",
        name="Limit",
        points=-7.2,
        reason="The points add up to 106.2; the estimate is kept between 1 and 99 points.",
    )


def test_each_profile_gets_its_own_factors_from_one_catalog(catalog: Catalog) -> None:
    """A roster estimates many profiles with one catalog, which keeps each factor it
    made: no profile may be given another's."""
    first = person(1, "family-practice")
    other = person(4, "hospital", ("CMA", "COA"), "ophthalmology", "lead")
    fresh = Catalog(catalog.files())
    assert estimate_percentile(first, fresh).percentile == 14.8
    # 30 + 8 + 5 + 0 + 4 + 14 + 3.5
    assert estimate_percentile(other, fresh) == estimate_percentile(other, Catalog(fresh.files()))
    assert estimate_percentile(other, fresh).percentile == 64.5


def test_credentials_asked_about_replace_the_ones_held(catalog: Catalog) -> None:
    """Next steps ask "what if you also held this one?" through `certs`."""
    profile = person(1, "family-practice", ("CPT",))
    got = estimate_percentile(profile, catalog, certs=frozenset({"CMA"}))
    assert got.percentile == 14.8 + 8
    assert [f.points for f in got.factors[1:4]] == [8, 0, 0]


def with_estimate(catalog: Catalog, **weights: object) -> Catalog:
    """The shipped catalog with some of estimate.toml's weights replaced."""
    return catalog_with(catalog, "estimate.toml", **weights)


def test_an_estimate_exactly_at_the_floor_or_ceiling_needs_no_limit(catalog: Catalog) -> None:
    first_year = person(1, "family-practice")  # 14.8
    at_floor = estimate_percentile(first_year, with_estimate(catalog, floor=14.8))
    assert (at_floor.percentile, len(at_floor.factors)) == (14.8, 7)
    senior = person(
        10, "hospital", ("CMA", "COA", "CET", "CPT", "CPC", "CCS"), "cardiology", "trains"
    )
    at_ceiling = estimate_percentile(senior, with_estimate(catalog, ceiling=84.5))
    assert (at_ceiling.percentile, len(at_ceiling.factors)) == (84.5, 7)


def test_the_estimate_is_a_sum_to_one_decimal(catalog: Catalog) -> None:
    # 15 - 0.2 + 4.24 = 19.04, shown to one decimal like every other estimate.
    changed = with_estimate(catalog, specialty_practice=4.24)
    assert (
        estimate_percentile(person(1, "specialty-clinic", (), "dermatology"), changed).percentile
        == 19
    )


def test_experience_between_points_counts_to_a_tenth(catalog: Catalog) -> None:
    # 15 months: 10 + 1.25 / 3 x 15 = 16.25, kept to one decimal like every factor.
    assert factors(person(1.25, "family-practice"), catalog)["experience"] == (
        16.2,
        f"1.25 years: between 0 years (10th) and 3 years (25th) on the experience curve; {START}",
    )


def test_the_experience_curve_at_and_between_its_points(catalog: Catalog) -> None:
    points = catalog.estimate.experience.points  # (0, 10), (3, 25), (6, 40), (10, 50)
    assert [experience_base(points, y) for y in (0, 1.5, 3, 4.5, 6, 8, 10, 60)] == [
        10,
        17.5,
        25,
        32.5,
        40,
        45,
        50,
        50,
    ]


# The work setting ------------------------------------------------------------------------


def with_industry_median(catalog: Catalog, industry_id: str, median: float) -> Catalog:
    """The shipped catalog with one industry's latest MA median replaced.

    The latest medians are read from oews.toml's rows by NAICS code into the catalog's
    `industries` (a cached property), so the copy's list is set in its place.
    """
    changed = Catalog(catalog.files())
    changed.__dict__["industries"] = [
        i.model_copy(update={"median_annual": median}) if i.id == industry_id else i
        for i in catalog.industries
    ]
    return changed


@pytest.mark.parametrize(
    ("median", "percentile"),
    [
        (36050, 10),
        (30000, 10),
        (59310, 90),
        (70000, 90),
        (45690, 50),
        (45700, 50 + 10 / 3490 * 25),
    ],
)
def test_a_settings_median_past_the_published_points_stands_at_the_bound(
    catalog: Catalog, median: float, percentile: float
) -> None:
    changed = with_industry_median(catalog, "hospitals", median)
    assert setting_percentile(changed, "hospital") == pytest.approx(percentile, abs=1e-9)


def test_a_setting_paying_the_national_median_is_at_it_and_adds_nothing(catalog: Catalog) -> None:
    changed = with_industry_median(catalog, "hospitals", 45690)
    setting = factors(person(2, "hospital"), changed)["setting"]
    assert setting == (
        0,
        "Hospital counts as Hospitals (state, local and private), whose median ($45,690) is "
        "about the 50th percentile, at the national median: 0.4 x (50.0 - 50).",
    )


def test_a_setting_paying_a_little_over_the_median_is_above_it(catalog: Catalog) -> None:
    # $45,700: 50 + 10 / 3,490 x 25 = 50.07, so 0.4 x 0.07 rounds to no points at all.
    changed = with_industry_median(catalog, "hospitals", 45700)
    assert factors(person(2, "hospital"), changed)["setting"] == (
        0,
        "Hospital counts as Hospitals (state, local and private), whose median ($45,700) is "
        "about the 50th percentile, above the national median: 0.4 x (50.1 - 50).",
    )


def test_a_setting_paying_past_the_90th_counts_as_the_90th(catalog: Catalog) -> None:
    changed = with_industry_median(catalog, "hospitals", 70000)
    assert factors(person(2, "hospital"), changed)["setting"] == (
        16,
        "Hospital counts as Hospitals (state, local and private), whose median ($70,000) is "
        "about the 90th percentile, above the national median: 0.4 x (90.0 - 50).",
    )


# The likely range ----------------------------------------------------------------------

NOTE = (
    "BLS publishes the 10th, 25th, 50th, 75th, 90th percentiles (May 2025); figures between "
    "them are estimates on a straight line, and hourly figures are BLS's at those points "
    "and annual / 2,080 hours (derived) between them."
)


def test_a_range_from_a_published_point_to_an_estimate(catalog: Catalog) -> None:
    got = wage_range(32, catalog)
    assert (got.low_percentile, got.high_percentile) == (25, 39)
    # 38,470 + 14 / 25 x 7,220 = 42,513.20 at the 39th; 40,491.60 at the 32nd.
    assert got.low.annual == 38470
    assert got.at_estimate.annual == pytest.approx(40491.6)
    assert got.high.annual == pytest.approx(42513.2)
    assert got.estimate_text == "about the 32nd percentile"
    assert got.percentile_text == "about the 32nd percentile (likely 25th to 39th)"
    assert got.annual_text == "$38,470 to about $42,513 a year"
    assert got.hourly_text == "$18.50 to about $20.44 an hour"
    assert got.hourly_derived
    assert got.note == NOTE


def test_a_range_between_two_estimates_says_about_once(catalog: Catalog) -> None:
    got = wage_range(47, catalog)
    # 40th: 38,470 + 15 / 25 x 7,220 = 42,802; 54th: 45,690 + 4 / 25 x 3,490 = 46,248.40.
    assert got.annual_text == "about $42,802 to $46,248 a year"
    assert got.hourly_text == "about $20.58 to $22.23 an hour"


def test_the_ends_of_a_range_are_kept_to_a_tenth(catalog: Catalog) -> None:
    assert (
        wage_range(14.8, catalog).low_percentile,
        wage_range(14.8, catalog).high_percentile,
    ) == (
        7.8,
        21.8,
    )
    # With a half width of 7.25: 7.55 and 22.05, shown to a tenth like the estimate.
    wider = wage_range(14.8, with_estimate(catalog, range_half_width=7.25))
    assert (wider.low_percentile, wider.high_percentile) == (7.6, 22.1)


def test_a_range_from_an_estimate_to_a_published_point(catalog: Catalog) -> None:
    got = wage_range(43, catalog)
    # 38,470 + 11 / 25 x 7,220 = 41,646.80 at the 36th (/ 2,080 = $20.02 an hour).
    assert got.annual_text == "about $41,647 to $45,690 a year"
    assert got.hourly_text == "about $20.02 to $21.97 an hour"


def test_a_range_between_two_published_points(catalog: Catalog) -> None:
    got = wage_range(37.5, with_estimate(catalog, range_half_width=12.5))
    assert (got.low_percentile, got.high_percentile) == (25, 50)
    assert got.annual_text == "$38,470 to $45,690 a year"
    assert got.hourly_text == "$18.50 to $21.97 an hour"
    assert not got.hourly_derived


def test_a_range_wholly_past_the_published_points_gives_only_the_bound(catalog: Catalog) -> None:
    low = wage_range(2, catalog)  # 1 (the floor, not -5) to 9
    assert (low.low_percentile, low.high_percentile) == (1, 9)
    assert (low.annual_text, low.hourly_text) == ("under $36,050 a year", "under $17.33 an hour")
    assert low.percentile_text == "below the 10th percentile (under $36,050 a year)"
    high = wage_range(98, catalog)  # 91 to 99 (the ceiling, not 105)
    assert (high.low_percentile, high.high_percentile) == (91, 99)
    assert (high.annual_text, high.hourly_text) == ("over $59,310 a year", "over $28.52 an hour")


def test_a_range_reaching_past_one_end(catalog: Catalog) -> None:
    # 77 to 91: 49,180 + 2 / 15 x 10,130 = 50,530.67 at the 77th.
    got = wage_range(84, catalog)
    assert got.annual_text == "about $50,531 to over $59,310 a year"
    assert got.hourly_text == "about $24.29 to over $28.52 an hour"
    # 3 to 17: under the 10th to 36,050 + 7 / 15 x 2,420 = 37,179.33.
    assert wage_range(10, catalog).annual_text == "from under $36,050 to about $37,179 a year"


def test_a_range_in_a_places_table_and_in_an_older_release(catalog: Catalog) -> None:
    place = wage_range(32, catalog, washington(catalog))
    assert place.low.annual == 49310
    assert place.note == f"Dollar figures are Washington's. {NOTE}"
    older = wage_range(32, catalog, catalog.wage_table("2024"))
    assert older.note == (
        "BLS publishes the 10th, 25th, 50th, 75th, 90th percentiles (May 2024); figures "
        "between them are estimates on a straight line, and hourly figures are annual / "
        "2,080 hours (derived)."
    )
    # May 2024 published no hourly 25th: $37,610 / 2,080 = $18.08; the 39th is
    # 37,610 + 14 / 25 x 6,590 = 41,300.40, / 2,080 = $19.86.
    assert older.hourly_text == "$18.08 to about $19.86 an hour"
    assert older.hourly_derived
