"""Details of core/levers.py a person meets: how long a lever takes in words, a
credential lever that is not open yet (no time, when it can be, what it requires),
which credential, specialty, leadership and setting changes become levers and how
they are named, and the order levers are ranked in."""

import pytest

from maplanner.catalog.catalog import Catalog
from maplanner.core.assessment import Lever
from maplanner.core.levers import _months_text, rank
from maplanner.core.profile import Profile
from maplanner.core.rules import assess, brief
from maplanner.core.wages import wage_at
from tests.helpers import catalog_with, profile, washington


@pytest.mark.parametrize(
    ("months", "words"),
    [(3, "about 3 months"), (12, "about 1 year"), (18, "about 18 months"), (24, "about 2 years")],
)
def test_a_lever_s_time_in_words(months: int, words: str) -> None:
    assert _months_text(months) == words


def test_a_credential_lever_not_open_yet_says_when_and_what_it_requires(
    catalog: Catalog,
) -> None:
    result = assess(profile(4, certs=("CMA",), leads="trains"), catalog)
    assert result.levers is not None
    by_id = {lever.id: lever for lever in result.levers.levers if lever.kind == "credential"}
    open_now, not_yet = by_id["CPC"], by_id["CMPE"]
    months = catalog.levers.credential.months
    assert (open_now.eligible, open_now.months, open_now.when) == (True, months, "now")
    assert open_now.time_text == f"about {months} months"
    assert open_now.requires is None
    assert (not_yet.eligible, not_yet.months, not_yet.time_text) == (
        False,
        None,
        "not yet possible",
    )
    assert not_yet.when == (
        "once you have a bachelor's degree or 120 college credit hours "
        "(tell maplanner: --education)"
    )
    assert not_yet.requires == (
        "Requires a bachelor's degree or 120 college credit hours, two years of "
        "healthcare experience and MGMA membership."
    )


def test_a_brief_prices_its_range_in_the_place_s_table(catalog: Catalog) -> None:
    table = washington(catalog)
    person = profile(4, certs=("CMA",))
    local = brief(person, catalog, table)
    assert local.range.at_estimate == wage_at(table, local.estimated_percentile)
    national = brief(person, catalog)
    assert local.range.at_estimate.annual != national.range.at_estimate.annual


def _specialty_titles(catalog: Catalog) -> list[str]:
    result = assess(profile(4, certs=("CMA",)), catalog)
    assert result.levers is not None
    return [lever.title for lever in result.levers.levers if lever.kind == "specialty"]


@pytest.mark.parametrize(
    ("kept", "title"),
    [
        (1, "Work in a specialty: Ophthalmology"),
        (2, "Work in a specialty, such as Ophthalmology (1 other counts the same)"),
        (3, "Work in a specialty, such as Ophthalmology (2 others count the same)"),
    ],
)
def test_specialties_that_count_the_same_are_named_as_one_lever(
    catalog: Catalog, kept: int, title: str
) -> None:
    specialties = [
        catalog.specialty("ophthalmology"),
        *(s for s in catalog.specialties if s.id != "ophthalmology"),
    ][:kept]
    assert _specialty_titles(catalog_with(catalog, "specialties.toml", specialty=specialties)) == [
        title
    ]


def test_a_lead_s_only_leadership_lever_is_supervising(catalog: Catalog) -> None:
    result = assess(profile(4, certs=("CMA",), leads="lead"), catalog)
    assert result.levers is not None
    leadership = [
        (lever.title, lever.time_text)
        for lever in result.levers.levers
        if lever.kind == "leadership"
    ]
    # The lead-ma plan is done (no "maplanner plan" to point to): a year of leading is left.
    assert leadership == [("Leadership: Supervises a team", "about 1 year")]


def _setting_levers(person: Profile, catalog: Catalog) -> list[tuple[str, str]]:
    result = assess(person, catalog)
    assert result.levers is not None
    return [(lever.id, lever.title) for lever in result.levers.levers if lever.kind == "setting"]


def test_a_setting_that_lowers_the_estimate_does_not_hide_those_after_it(
    catalog: Catalog,
) -> None:
    # From a hospital, physicians' offices (listed first) pay less; urgent care more.
    found = _setting_levers(profile(4, setting="hospital", certs=("CMA",)), catalog)
    assert [setting_id for setting_id, _ in found] == ["urgent-care"]


def test_a_student_is_told_where_to_start_not_where_to_move(catalog: Catalog) -> None:
    student = Profile(years=0, setting="student")
    titles = [title for _, title in _setting_levers(student, catalog)]
    assert titles and all(title.startswith("Start in ") for title in titles)
    assert titles[0] == "Start in urgent care center (Outpatient care centers)"


def _lever(name: str, eligible: bool, per_year: float, pay_gain: float, gain: float) -> Lever:
    return Lever.model_construct(
        kind="credential",
        id=name,
        title=name,
        what_if="",
        estimate_after=50 + gain,
        gain=gain,
        pay_gain=pay_gain,
        pay_gain_text="",
        months=6,
        time_text="",
        eligible=eligible,
        when="now",
        requires=None,
        per_year=per_year,
    )


def test_levers_rank_by_gain_per_year_then_pay_then_estimate() -> None:
    levers = [
        _lever("later", False, 0, 9_000, 9),
        _lever("slow", True, 1_000, 500, 1),
        _lever("same-rate-less-pay", True, 2_000, 1_000, 5),
        _lever("same-rate-more-pay", True, 2_000, 1_500, 1),
        _lever("same-pay-more-points", True, 2_000, 1_500, 3),
    ]
    assert [lever.id for lever in sorted(levers, key=rank)] == [
        "same-pay-more-points",
        "same-rate-more-pay",
        "same-rate-less-pay",
        "slow",
        "later",
    ]


def test_a_credential_that_would_not_raise_the_estimate_is_no_lever(catalog: Catalog) -> None:
    student = assess(Profile(years=0, setting="student"), catalog)
    steps = {s.id: s.gain for s in student.next_steps if s.kind == "certification"}
    assert steps == {"CMA": 8.0, "BLS": 0.0}  # BLS is worth taking, but not for pay
    assert student.levers is not None
    assert [lever.id for lever in student.levers.levers if lever.kind == "credential"] == ["CMA"]
