"""The words of `maplanner report`, checked exactly: the setting's median beside the
national one, the salary sentence, the notes, the wage table and the small phrases
both renderers share. `tests/test_report.py` checks the files end to end."""

from datetime import date

import pytest

from maplanner.catalog.catalog import Catalog
from maplanner.core.money import Pay
from maplanner.core.places import resolve_state
from maplanner.core.plan import make_plan
from maplanner.core.profile import HeldCert, Profile
from maplanner.core.refs import Ref
from maplanner.core.renewals import renewal_for
from maplanner.core.report import (
    ProfileFrom,
    Report,
    build_report,
    due_text,
    effect_text,
    pay_text,
    person_view,
    plan_credentials,
    profile_line,
    setting_text,
    status_text,
    wage_rows,
)
from maplanner.core.rules import assess
from maplanner.core.salary_view import setting_answer, wage_answer
from tests.helpers import catalog_with, profile, washington

TODAY = date(2025, 2, 15)
ESTIMATE_NOTE = (
    "The estimated percentile is maplanner's own, from the weights in data/estimate.toml; "
    "it is not a BLS figure. BLS publishes the 10th, 25th, 50th, 75th, 90th percentiles "
    "(May 2025); figures between them are estimates on a straight line, and hourly figures "
    "are BLS's at those points and annual / 2,080 hours (derived) between them."
)
VERIFIED_NOTE = (
    "Where maplanner has no verified figure it says 'not verified' instead of guessing."
)


def _report(
    catalog: Catalog, person: Profile, profile_from: ProfileFrom = "saved", **options: object
) -> Report:
    return build_report(person, catalog, TODAY, profile_from=profile_from, **options)  # type: ignore[arg-type]


def _rows(report: Report) -> list[tuple[str, str, str, str, str, bool]]:
    return [
        (row.label, row.annual, row.annual_basis, row.hourly, row.hourly_basis, row.yours)
        for row in wage_rows(report)
    ]


# The setting's median ------------------------------------------------------------------


def test_a_setting_paid_above_the_national_median(catalog: Catalog) -> None:
    answer = setting_answer(catalog, "hospital", None)
    assert setting_text(answer) == (
        "Hospital counts as the BLS industry Hospitals (state, local and private), whose "
        "median is $46,910 a year, $1,220 above the national median ($45,690)."
    )


def test_a_setting_paid_below_the_national_median(catalog: Catalog) -> None:
    answer = setting_answer(catalog, "family-practice", None)
    assert setting_text(answer) == (
        "Family or primary-care practice counts as the BLS industry Offices of physicians, "
        "whose median is $45,520 a year, $170 below the national median ($45,690)."
    )


def test_a_setting_paid_the_national_median(catalog: Catalog) -> None:
    answer = setting_answer(catalog, "hospital", None)
    same = answer.model_copy(update={"median_annual": answer.national_median_annual + 0.4})
    assert setting_text(same).endswith(
        "whose median is $45,690 a year, the same as the national median."
    )


def test_a_setting_one_dollar_above_the_national_median(catalog: Catalog) -> None:
    answer = setting_answer(catalog, "hospital", None)
    one_more = answer.model_copy(update={"median_annual": answer.national_median_annual + 1})
    assert setting_text(one_more).endswith("$1 above the national median ($45,690).")


@pytest.mark.parametrize(
    ("amount", "sentence"),
    [
        (49000, " Your pay is $2,090 above it."),
        (40000, " Your pay is $6,910 below it."),
        (46910, " Your pay is the same as this median."),
        (46911, " Your pay is $1 above it."),
        (46910.4, " Your pay is the same as this median."),  # both print as $46,910
        (46909.6, " Your pay is the same as this median."),
        (46909.4, " Your pay is $1 below it."),
    ],
)
def test_pay_beside_the_setting_median(catalog: Catalog, amount: float, sentence: str) -> None:
    pay = Pay(amount=amount, per="year")
    wage = wage_answer(catalog, pay, pay_text(pay))
    text = setting_text(setting_answer(catalog, "hospital", wage))
    assert text == setting_text(setting_answer(catalog, "hospital", None)) + sentence


# The salary sentence ------------------------------------------------------------------


def test_without_pay_the_estimate_is_given_with_its_dollars(catalog: Catalog) -> None:
    salary = _report(catalog, profile(4, "hospital", ("CMA",))).salary
    assert salary.summary == (
        "No pay was given, so only the estimate is shown: about the 42nd percentile, "
        "about $43,235 a year."
    )
    assert (salary.estimate_annual_text, salary.estimate_hourly_text) == (
        "about $43,235 a year",
        "about $20.79 an hour",
    )
    assert (salary.pay, salary.versus_estimate) == (None, None)
    assert salary.estimate_percentile == 41.5  # shown rounded: "42nd"


def test_an_estimate_at_a_published_point_is_exact(catalog: Catalog) -> None:
    salary = _report(catalog, profile(0, "student")).salary
    assert salary.summary.endswith(": about the 10th percentile, $36,050 a year.")
    assert (salary.estimate_annual_text, salary.estimate_hourly_text) == (
        "$36,050 a year",
        "$17.33 an hour",
    )


def test_an_estimate_past_the_range_states_only_the_bound(catalog: Catalog) -> None:
    person = profile(8, "outpatient-center", ("CMA", "COA"), "ophthalmology", "supervises")
    salary = _report(catalog, person).salary
    assert salary.summary == (
        "No pay was given, so only the estimate is shown: above the 90th percentile "
        "(over $59,310 a year)."
    )
    assert (salary.estimate_annual_text, salary.estimate_hourly_text) == (
        "over $59,310 a year",
        "over $28.52 an hour",
    )


def test_with_pay_the_sentence_is_the_pay_standing(catalog: Catalog) -> None:
    person = profile(4, "hospital", ("CMA",), pay=Pay(amount=49000, per="year"))
    report = _report(catalog, person)
    assert report.salary.summary == (
        "You are paid about the 74th percentile ($49,000 a year), above the 42nd we "
        "would expect for your profile."
    )
    assert report.salary.versus_estimate == "above"
    assert report.salary.pay is not None and report.salary.pay.entered == "$49,000 a year"


def test_a_student_has_no_setting_median_and_a_note_says_why(catalog: Catalog) -> None:
    salary = _report(catalog, profile(0, "student")).salary
    assert salary.setting is None
    assert salary.setting_note == catalog.eligibility.student.reason
    worker = _report(catalog, profile(2, "hospital")).salary
    assert worker.setting is not None and worker.setting.id == "hospital"
    assert worker.setting_note is None


# The notes ------------------------------------------------------------------------------

UNDATED = profile(4, "hospital", ("CMA",))
DATED = Profile(years=4, certs=(HeldCert(id="CMA", earned="2023-04"),), setting="hospital")


def test_notes_from_options_without_an_earned_month(catalog: Catalog) -> None:
    assert _report(catalog, UNDATED, "options").notes == (
        ESTIMATE_NOTE,
        "This report was made from answers given as options, not a saved profile, so it "
        "knows no month a credential was earned and gives no renewal dates. Save a profile "
        "(maplanner assess ... --save) and record each month with 'maplanner profile "
        "add-cert ID --earned YYYY-MM' to see them.",
        VERIFIED_NOTE,
    )


def test_notes_from_a_roster_without_an_earned_month(catalog: Catalog) -> None:
    assert _report(catalog, UNDATED, "roster").notes == (
        ESTIMATE_NOTE,
        "This plan was made from a class roster that gives no month a credential was "
        "earned, so it gives no renewal dates. Write the month earned or last renewed after "
        "the id in the roster's certifications column (CMA 2023-04) to see them.",
        VERIFIED_NOTE,
    )


@pytest.mark.parametrize(
    ("person", "profile_from"),
    [(UNDATED, "saved"), (DATED, "options"), (DATED, "roster"), (profile(0, "student"), "roster")],
)
def test_no_missing_month_note_when_nothing_is_missing_or_the_profile_is_saved(
    catalog: Catalog, person: Profile, profile_from: ProfileFrom
) -> None:
    assert _report(catalog, person, profile_from).notes == (ESTIMATE_NOTE, VERIFIED_NOTE)


# The wage table -------------------------------------------------------------------------

PUBLISHED = [
    ("10th percentile", "$36,050", "published", "$17.33", "published", False),
    ("25th percentile", "$38,470", "published", "$18.50", "published", False),
    ("median (50th)", "$45,690", "published", "$21.97", "published", False),
    ("75th percentile", "$49,180", "published", "$23.65", "published", False),
    ("90th percentile", "$59,310", "published", "$28.52", "published", False),
]
MEAN = ("mean (average)", "$46,120", "published", "$22.17", "published", False)


def test_the_wage_table_with_an_hourly_pay_in_its_place(catalog: Catalog) -> None:
    person = profile(4, "family-practice", ("CMA",), pay=Pay(amount=22.5, per="hour"))
    estimate = (
        "your estimate (about the 38th)",
        "about $42,167",
        "maplanner's estimate",
        "about $20.27",
        "maplanner's estimate",
        True,
    )
    pay = ("your pay (about the 58th)", "$46,800", "derived", "$22.50", "you gave it", True)
    assert _rows(_report(catalog, person)) == [
        *PUBLISHED[:2],
        estimate,
        PUBLISHED[2],
        pay,
        *PUBLISHED[3:],
        MEAN,
    ]


def test_a_pay_below_the_range_comes_first_and_names_its_band(catalog: Catalog) -> None:
    person = profile(1, "family-practice", pay=Pay(amount=30000, per="year"))
    rows = _rows(_report(catalog, person))
    assert rows[0] == (
        "your pay (below the 10th percentile)",
        "$30,000",
        "you gave it",
        "$14.42",
        "derived",
        True,
    )
    assert rows[1] == PUBLISHED[0]
    assert rows[-1] == MEAN


def test_figures_on_a_published_point_come_after_it_estimate_before_pay(
    catalog: Catalog,
) -> None:
    """A tie in dollars keeps the published point first, then the estimate, then the pay."""
    person = profile(0, "student", pay=Pay(amount=36050, per="year"))
    labels = [row[0] for row in _rows(_report(catalog, person))]
    assert labels[:3] == [
        "10th percentile",
        "your estimate (about the 10th)",
        "your pay (about the 10th)",
    ]


def test_a_wage_table_whose_hourly_figures_are_derived_says_so(catalog: Catalog) -> None:
    report = _report(catalog, profile(2, "hospital"))
    points = report.salary.distribution.points
    unpublished = report.salary.distribution.model_copy(
        update={
            "points": tuple(p.model_copy(update={"hourly_published": False}) for p in points),
            "mean": report.salary.distribution.mean.model_copy(update={"hourly_published": False}),
        }
    )
    changed = report.model_copy(
        update={"salary": report.salary.model_copy(update={"distribution": unpublished})}
    )
    rows = [row for row in wage_rows(changed) if not row.yours]
    assert [(row.annual_basis, row.hourly_basis) for row in rows] == [("published", "derived")] * 6


# Small phrases ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pay", "text"),
    [
        (Pay(amount=46000, per="year"), "$46,000 a year"),
        (Pay(amount=22.5, per="hour"), "$22.50 an hour"),
    ],
)
def test_pay_text(pay: Pay, text: str) -> None:
    assert pay_text(pay) == text


@pytest.mark.parametrize(
    ("profile_from", "saved_on", "line"),
    [
        ("options", None, "From answers given as options (not a saved profile)."),
        ("roster", None, "From a class roster (the answers written there, not a saved profile)."),
        ("saved", "2025-01-31", "From your saved profile (last changed 2025-01-31)."),
        ("saved", None, "From your saved profile."),
    ],
)
def test_profile_line(
    catalog: Catalog, profile_from: ProfileFrom, saved_on: str | None, line: str
) -> None:
    report = _report(catalog, UNDATED, profile_from, profile_saved_on=saved_on)
    assert profile_line(report) == line


@pytest.mark.parametrize(
    ("cert", "earned", "due", "status"),
    [
        ("CMA", "2020-03", "2025-03", "DUE SOON: 1 month left"),
        ("CMA", "2020-01", "2025-01", "LAPSED: due 1 month ago"),
        ("CMA", "2021-02", "2026-02", "current: 12 months left"),
        ("CPC", "2023-01", "add the membership month", "membership month not recorded"),
    ],
)
def test_renewal_phrases(
    catalog: Catalog,
    cert: str,
    earned: str,
    due: str,
    status: str,
) -> None:
    row = renewal_for(HeldCert(id=cert, earned=earned), catalog, TODAY)
    assert (due_text(row), status_text(row)) == (due, status)


def test_plan_credentials_name_each_with_its_alternatives(catalog: Catalog) -> None:
    years = make_plan(profile(0, "student"), catalog, "medical-coding").years
    assert [plan_credentials(year) for year in years] == [
        "CMA: Certified Medical Assistant (AAMA) (or RMA); "
        "BLS: Basic Life Support (CPR) provider card",
        "no new credential",
        "CPC: Certified Professional Coder (AAPC) (or CCS)",
    ]
    first = years[0].credentials[0]
    two = first.model_copy(
        update={"alternatives": [*first.alternatives, Ref(id="CCMA", name="CCMA")]}
    )
    assert plan_credentials(years[0].model_copy(update={"credentials": [two]})) == (
        "CMA: Certified Medical Assistant (AAMA) (or RMA, CCMA)"
    )


# What a credential would do -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("after", "gain", "text"),
    [
        (None, 5.0, "-"),
        (41.5, None, "-"),
        (41.0, 1.0, "40th -> 41st (+1 point)"),
        (40.4, 0.2, "no change (stays about the 40th)"),
        (9.9, 0.3, "stays below the 10th"),  # both shown as "10th", but under it
        (90.3, 0.5, "the 90th -> above the 90th"),  # from inside the range to past it
        (95.0, 10.0, "the 85th -> above the 90th"),
    ],
)
def test_effect_text(catalog: Catalog, after: float | None, gain: float | None, text: str) -> None:
    step = next(
        s for s in assess(profile(4, "hospital"), catalog).next_steps if s.kind == "certification"
    )
    changed = step.model_copy(update={"estimate_after": after, "gain": gain})
    assert effect_text(changed, catalog.wages.percentiles) == text


# The person and the sources -------------------------------------------------------------------


def test_the_person_as_the_report_names_them(catalog: Catalog) -> None:
    person = Profile(
        years=4,
        certs=(HeldCert(id="CMA", earned="2023-04"), HeldCert(id="COA")),
        setting="specialty-clinic",
        specialty="ophthalmology",
        leads="supervises",
        pay=Pay(amount=22.5, per="hour"),
    )
    view = person_view(person, catalog)
    assert [(c.id, c.name, c.earned) for c in view.certifications] == [
        ("CMA", "Certified Medical Assistant (AAMA)", "2023-04"),
        ("COA", "Certified Ophthalmic Assistant (IJCAHPO)", None),
    ]
    assert (view.years, view.setting.name, view.leads.name) == (
        4.0,
        "Physician specialty clinic",
        "Supervises a team",
    )
    assert view.specialty is not None
    assert (view.specialty.id, view.specialty.name) == ("ophthalmology", "Ophthalmology")
    assert (view.pay, view.pay_text) == (Pay(amount=22.5, per="hour"), "$22.50 an hour")
    plain = person_view(profile(4, "hospital"), catalog)
    assert (plain.specialty, plain.pay, plain.pay_text) == (None, None, "not given")


def test_a_students_plan_cites_each_source_for_what_it_supports(catalog: Catalog) -> None:
    report = _report(catalog, profile(0, "student"), goal_id="phlebotomy-lab")
    assert [(s.number, s.id, s.used_for) for s in report.sources] == [
        (1, "bls-oews-2025", ("the national wage distribution and every dollar figure",)),
        (2, "aama", ("CMA (a next step)",)),
        (3, "nha", ("CPT (in the plan)",)),
        (
            4,
            "guide-resumegeni",
            (
                "the experience curve of the estimate",
                "the next steps for your career year",
                "BLS (a next step)",
                "the paths worth a look",
                "the path to Phlebotomy and laboratory work",
            ),
        ),
        (5, "guide-jobicy", ("the tier (Entry)",)),
        (
            6,
            "maplanner",
            (
                "starting pay for a student",
                "the estimate's weights and the setting-to-industry link",
                "the times in the plan",
            ),
        ),
    ]


def test_the_next_steps_cite_the_source_of_the_persons_own_career_year(
    catalog: Catalog,
) -> None:
    """Only the band the person is in counts, whatever the other bands cite."""
    own = assess(profile(2, "hospital"), catalog).roadmap_band
    assert own == "specialization"
    bands = [
        band if band.id == own else band.model_copy(update={"source": "guide-jobicy"})
        for band in catalog.roadmap
    ]
    edited = catalog_with(catalog, "roadmap.toml", band=bands)
    report = build_report(profile(2, "hospital"), edited, TODAY)
    cited = {use: s.id for s in report.sources for use in s.used_for}
    assert cited["the next steps for your career year"] == "guide-resumegeni"


# Past the lowest point, and in a place's table -----------------------------------------------


def test_an_estimate_under_the_10th_is_only_a_bound_and_comes_before_it(
    catalog: Catalog,
) -> None:
    report = _report(catalog, profile(0, "family-practice"))
    assert report.assessment.estimated_percentile < 10
    salary = report.salary
    assert salary.summary == (
        "No pay was given, so only the estimate is shown: below the 10th percentile "
        "(under $36,050 a year)."
    )
    assert (salary.estimate_annual_text, salary.estimate_hourly_text) == (
        "under $36,050 a year",
        "under $17.33 an hour",
    )
    estimate = (
        "your estimate (below the 10th)",
        "under $36,050",
        "maplanner's estimate",
        "under $17.33",
        "maplanner's estimate",
        True,
    )
    assert _rows(report) == [estimate, *PUBLISHED, MEAN]


def test_a_place_prices_the_pay_and_the_setting_in_its_table(catalog: Catalog) -> None:
    pay = Pay(amount=49000, per="year")
    report = _report(
        catalog,
        profile(4, "hospital", pay=pay),
        where=resolve_state(catalog, "WA"),
        table=washington(catalog),
    )
    salary = report.salary
    assert salary.distribution.area == "Washington"
    assert salary.pay is not None
    assert salary.pay.percentile == pytest.approx(10 + 15 * (49000 - 46540) / (49310 - 46540))
    assert salary.summary == (
        "You are paid about the 23rd percentile in Washington's table ($49,000 a year), "
        "below the 34th we would expect for your profile."
    )
    assert salary.setting is not None and salary.setting.wage_difference == 49000 - 46910
