"""Details of the core that a user sees, each of which a mutation run found untested.

Every test here fails for a named change to the core that once passed the whole suite
(see docs/development.md, "Mutation testing"): a derived hourly figure, the tier to aim
for, a credential a plan must list, the words of a tier's span, the order of renewals
and of paths, "did you mean" suggestions, and the "when" of a next step.
"""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from maplanner.catalog.loader import load_catalog
from maplanner.core.matching import name_table, suggest, unknown_message
from maplanner.core.next_steps import band_span, next_tier, path_suggestions, role_steps, when_for
from maplanner.core.placement import place
from maplanner.core.plan import make_plan
from maplanner.core.profile import HeldCert, Profile
from maplanner.core.renewals import renewals
from maplanner.core.wages import percentile_of, wage_at

CATALOG = load_catalog(None)
CERT_IDS = [cert.id for cert in CATALOG.certifications]


def profile(
    years: float,
    certs: tuple[str, ...] = (),
    specialty: str | None = None,
    leads: str = "none",
    earned: dict[str, str] | None = None,
) -> Profile:
    earned = earned or {}
    return Profile(
        years=years,
        certs=tuple(HeldCert(id=c, earned=earned.get(c)) for c in certs),
        setting="family-practice",
        specialty=specialty,
        leads=leads,
        pay=None,
    )


# core/wages.py: every derived hourly figure is annual / 2,080 -------------------------


@settings(max_examples=50)
@given(st.floats(min_value=1_000, max_value=1_000_000, allow_nan=False))
def test_where_a_wage_stands_converts_it_at_2080_hours(annual: float) -> None:
    standing = percentile_of(CATALOG.wages, annual)
    assert standing.hourly == pytest.approx(annual / 2080)


@pytest.mark.parametrize("percentile", [5, 10, 25, 62.5, 75, 95])
def test_the_hourly_figure_at_a_percentile_is_annual_over_2080(percentile: float) -> None:
    # The May 2024 table publishes only the median hourly: every other one is derived.
    answer = wage_at(CATALOG.wage_table("2024"), percentile)
    assert answer.hourly == pytest.approx(answer.annual / 2080)
    assert answer.hourly_published is False


def test_the_median_hourly_is_the_published_one() -> None:
    answer = wage_at(CATALOG.wage_table("2024"), 50)
    assert (answer.hourly, answer.hourly_published) == (21.25, True)
    assert wage_at(CATALOG.wages, 50).hourly == 21.97  # May 2025


# core/next_steps.py: the tier to aim for -------------------------------------------------


def test_a_specialist_aims_for_senior_lead_from_six_years() -> None:
    specialist = profile(4, ("CMA", "COA"), specialty="ophthalmology")
    placement = place(specialist, CATALOG)
    assert placement.tier == "specialized"
    target = next_tier(specialist, CATALOG, placement)
    assert target is not None and target.id == "senior"
    roles = role_steps(specialist, CATALOG, placement)
    # Leading a team makes anyone Senior/Lead, so the lead role is open now; the
    # supervisor waits for the experience, the manager for its path's time.
    assert [(role.title, role.when) for role in roles] == [
        ("Lead Medical Assistant", "now (maplanner plan --goal lead-ma)"),
        ("Medical Assistant Supervisor", "from 6 years"),
        ("Clinical Operations Manager", "About 9-10 years from the start of an MA career"),
    ]


def test_at_the_top_the_roles_not_yet_held_are_for_now() -> None:
    senior = profile(8, ("CMA",), leads="lead")
    placement = place(senior, CATALOG)
    assert next_tier(senior, CATALOG, placement) is None
    roles = role_steps(senior, CATALOG, placement)
    assert "Lead Medical Assistant" not in [role.title for role in roles]
    assert roles[0].title == "Medical Assistant Supervisor"
    assert roles[0].when == "now"


def test_a_mid_tier_ma_aims_for_the_next_experience_tier() -> None:
    mid = profile(4, ("CMA",))
    target = next_tier(mid, CATALOG, place(mid, CATALOG))
    assert target is not None and target.id == "senior"


# core/plan.py: a "choose one" step lists one credential unless one is held -------------


def test_a_plan_asks_for_a_primary_credential_only_when_none_is_held() -> None:
    first_year = make_plan(profile(4), CATALOG, "practice-manager").years[0]
    assert first_year.title == "Primary MA credential"
    assert [credential.id for credential in first_year.credentials] == ["CMA"]
    for held in ("CMA", "RMA", "CCMA"):
        plan = make_plan(profile(4, (held,)), CATALOG, "practice-manager")
        earned = {credential.id for year in plan.years for credential in year.credentials}
        assert not earned & {"CMA", "RMA", "CCMA"}, held


# core/placement.py: the words of a tier's span -----------------------------------------


@pytest.mark.parametrize(
    ("years", "rule"),
    [
        (1, "1 year of experience: Entry covers 0 to under 3 years."),
        (4, "4 years of experience: Mid covers 3 to under 6 years."),
        (8, "8 years of experience: Senior/Lead covers 6 or more years."),
    ],
)
def test_the_rule_names_the_tiers_span(years: float, rule: str) -> None:
    assert place(profile(years), CATALOG).rule == rule


def test_a_leader_in_a_specialty_keeps_senior_lead_and_is_told_why() -> None:
    placement = place(profile(8, ("CMA",), "ophthalmology", "supervises"), CATALOG)
    assert placement.rule == (
        "8 years (Senior/Lead covers 6 or more years) and supervises a team; leading "
        "others keeps you Senior/Lead even in Ophthalmology."
    )


# core/renewals.py: most urgent first ----------------------------------------------------


def test_renewals_come_most_urgent_first() -> None:
    held = profile(
        5,
        ("CPT", "COA", "CMPE", "CPC", "CMA", "RMA"),
        earned={"CPC": "2024-01", "COA": "2021-06", "CMA": "2020-08", "RMA": "2021-01"},
    )
    report = renewals(held, CATALOG, date(2025, 2, 15))
    rows = [(row.id, row.status, row.months_left) for row in report.renewals]
    # RMA's cycle rolls on while the annual fee is paid, so it is never lapsed.
    assert rows == [
        ("COA", "lapsed", -8),
        ("CMA", "due-soon", 6),
        ("RMA", "current", 23),
        ("CMPE", "no-earned-month", None),
        ("CPC", "no-member-month", None),
        ("CPT", "no-verified-cycle", None),
    ]


# core/next_steps.py: paths in their order ------------------------------------------------


@settings(max_examples=40)
@given(
    st.floats(min_value=0, max_value=12, allow_nan=False),
    st.lists(st.sampled_from(CERT_IDS), unique=True, max_size=4),
)
def test_paths_come_advancement_first_then_those_a_credential_leads_to(
    years: float, certs: list[str]
) -> None:
    person = profile(years, tuple(certs))
    found = [suggestion.id for suggestion in path_suggestions(person, CATALOG)]
    held = [cert for cert in CATALOG.certifications if cert.id in certs]
    unlocked = {path_id for cert in held for path_id in cert.unlocks.paths}
    order = [path.id for path in CATALOG.paths]

    def rank(path_id: str) -> tuple[bool, bool, int]:
        kind = next(path.kind for path in CATALOG.paths if path.id == path_id)
        return (kind != "advancement", path_id not in unlocked, order.index(path_id))

    assert found == sorted(found, key=rank)


def test_a_credential_moves_its_path_up() -> None:
    without = [s.id for s in path_suggestions(profile(4, ("CMA",)), CATALOG)]
    with_cpt = [s.id for s in path_suggestions(profile(4, ("CMA", "CPT")), CATALOG)]
    assert without.index("medical-coding") < without.index("phlebotomy-lab")
    assert with_cpt.index("phlebotomy-lab") < with_cpt.index("medical-coding")


# core/matching.py: "did you mean" finds a name that holds, or is held by, the value ----


def test_a_fragment_of_a_name_is_suggested() -> None:
    assert suggest("ophth", {"ophthalmology": []}) == ["ophthalmology"]


def test_a_value_holding_a_name_suggests_it() -> None:
    assert suggest("cardiology practice downtown", {"cardiology": []}) == ["cardiology"]


def test_nothing_alike_suggests_nothing() -> None:
    assert suggest("zzz", {"cardiology": []}) == []


def test_a_close_spelling_comes_before_a_name_that_merely_holds_the_value() -> None:
    assert suggest("cardio", {"cardiology": [], "cardic": []}) == ["cardic", "cardiology"]


def test_at_most_three_suggestions_the_closest_first() -> None:
    choices: dict[str, list[str]] = {"cmx": [], "cmax": [], "cm": [], "cmaxx": [], "cma": []}
    assert suggest("cma", choices) == ["cma", "cmax", "cm"]


def test_a_match_exactly_at_the_threshold_is_suggested() -> None:
    assert suggest("abcde", {"abcfg": []}) == ["abcfg"]  # similarity 0.6 exactly


def test_several_suggestions_read_as_a_list_of_alternatives() -> None:
    message = unknown_message(
        "practise-manager",
        {"practice-manager": [], "practice-lead": []},
        option="--goal",
        what="career path",
    )
    assert message == (
        "--goal 'practise-manager' is not a known career path; did you mean "
        "practice-manager or practice-lead? (choices: practice-manager, practice-lead)"
    )


def test_the_name_table_maps_every_id_and_name_to_its_id_first_come_first_served() -> None:
    table = name_table({"CMA": ["Certified Medical Assistant", "shared"], "RMA": ["Shared"]})
    assert table == {
        "cma": "CMA",
        "certifiedmedicalassistant": "CMA",
        "shared": "CMA",
        "rma": "RMA",
    }


# core/next_steps.py: when a step fits ----------------------------------------------------


def test_each_band_has_its_words() -> None:
    spans = {band.id: band_span(band) for band in CATALOG.roadmap}
    assert spans == {
        "in-training": "in training",
        "foundation": "year 1",
        "specialization": "years 2-4",
        "leadership": "years 5+",
    }


@pytest.mark.parametrize(
    ("band", "year", "when"),
    [
        ("specialization", 1, "years 2-4"),
        ("specialization", 3, "now (years 2-4)"),
        ("foundation", 3, "now (usually year 1)"),
        ("leadership", 9, "now (years 5+)"),
        ("in-training", 0, "now (in training)"),
    ],
)
def test_when_a_step_fits_seen_from_a_career_year(band: str, year: int, when: str) -> None:
    assert when_for(CATALOG, band, year) == when
