"""The rules: tier, estimate, range, pay standing, next steps and paths."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from maplanner.catalog.loader import load_catalog
from maplanner.core.assessment import Assessment
from maplanner.core.estimate import estimate_percentile, experience_base, setting_percentile
from maplanner.core.money import Pay
from maplanner.core.next_steps import career_year
from maplanner.core.placement import place
from maplanner.core.profile import HeldCert, Profile
from maplanner.core.rules import assess
from maplanner.core.wages import wage_at
from tests.conftest import examples
from tests.helpers import profile

CATALOG = load_catalog(None)


def run(p: Profile) -> Assessment:
    return assess(p, CATALOG)


def factor(result: Assessment, factor_id: str) -> float:
    return next(f.points for f in result.factors if f.id == factor_id)


# Tiers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("years", "tier"),
    [(0, "entry"), (2.99, "entry"), (3, "mid"), (5.99, "mid"), (6, "senior"), (60, "senior")],
)
def test_experience_boundaries(years: float, tier: str) -> None:
    assert run(profile(years)).tier == tier


@pytest.mark.parametrize(
    ("years", "leads", "tier"),
    [
        (2.99, "none", "entry"),  # a specialty needs 3 years
        (3, "none", "specialized"),
        (5.99, "lead", "senior"),  # the lead role is Senior/Lead at any years
        (6, "none", "specialized"),
        (6, "trains", "specialized"),
        (6, "lead", "senior"),  # leading keeps Senior/Lead
        (6, "supervises", "senior"),
    ],
)
def test_specialty_boundaries(years: float, leads: str, tier: str) -> None:
    result = run(profile(years, "specialty-clinic", specialty="cardiology", leads=leads))
    assert result.tier == tier


def test_tier_rule_is_explained() -> None:
    assert run(profile(3)).tier_rule == "3 years of experience: Mid covers 3 to under 6 years."
    specialist = run(profile(4, specialty="ophthalmology"))
    assert specialist.tier_name == "Specialized"
    assert "working in Ophthalmology" in specialist.tier_rule


# The estimate: anchors from the guide's placement bands --------------------------


def test_anchor_entry_first_year() -> None:
    result = run(profile(1, "family-practice"))
    assert 10 <= result.estimated_percentile <= 25
    assert result.estimated_percentile == 14.8  # 15 (curve) - 0.2 (physician offices)


def test_anchor_mid_with_credential_and_specialty() -> None:
    result = run(profile(4, "specialty-clinic", ("CMA", "COA"), "ophthalmology"))
    assert 40 <= result.estimated_percentile <= 60
    assert result.estimated_percentile == 46.8


@pytest.mark.parametrize("years", [4, 4.5, 5, 5.99])
def test_anchor_lead_roles_toward_the_75th(years: float) -> None:
    lead = run(profile(years, "specialty-clinic", ("CMA", "CET"), "cardiology", "lead"))
    assert 60 <= lead.estimated_percentile <= 75
    assert lead.range.high_percentile >= 67
    plain = run(profile(years, "specialty-clinic", ("CMA", "CET"), "cardiology"))
    assert lead.estimated_percentile - plain.estimated_percentile == 14


def test_anchor_senior_supervisor_reaches_the_90th() -> None:
    result = run(profile(8, "outpatient-center", ("CMA", "COA"), "ophthalmology", "supervises"))
    assert result.estimated_percentile >= 85
    assert result.estimated_percentile == 90.2
    assert result.tier == "senior"


def test_factors_add_up_and_each_has_a_reason() -> None:
    result = run(profile(8, "outpatient-center", ("CMA", "COA"), "ophthalmology", "supervises"))
    assert {f.id for f in result.factors} == {
        "experience",
        "primary-credential",
        "specialty-credentials",
        "other-credentials",
        "specialty-practice",
        "leadership",
        "setting",
    }
    assert math.isclose(sum(f.points for f in result.factors), result.estimated_percentile)
    assert factor(result, "experience") == 45  # 6y -> 40, 10y -> 50: 8y -> 45
    assert factor(result, "leadership") == 20
    assert all(f.reason for f in result.factors)


def test_setting_factor_uses_the_industry_median_percentile() -> None:
    # May 2025: outpatient care centers' $48,560 lies between the 50th ($45,690) and
    # the 75th ($49,180): 50 + 2,870 / 3,490 x 25 = 70.6; 0.4 x 20.6 = +8.2.
    assert round(setting_percentile(CATALOG, "outpatient-center"), 1) == 70.6
    assert factor(run(profile(1, "outpatient-center")), "setting") == 8.2
    assert factor(run(profile(1, "hospital")), "setting") == 3.5
    assert factor(run(profile(1, "podiatry-office")), "setting") == -10.2
    reason = next(f.reason for f in run(profile(1, "hospital")).factors if f.id == "setting")
    assert "$46,910" in reason and "59th" in reason


def test_primary_credential_counts_once() -> None:
    one = run(profile(2, certs=("CMA",)))
    two = run(profile(2, certs=("CMA", "RMA", "CCMA")))
    assert one.estimated_percentile == two.estimated_percentile
    assert factor(one, "primary-credential") == 8
    assert "counted once" in next(f.reason for f in two.factors if f.id == "primary-credential")


def test_specialty_credentials_are_capped() -> None:
    result = run(profile(4, certs=("COA", "COT", "COMT"), specialty="ophthalmology"))
    assert factor(result, "specialty-credentials") == 10  # 3 x 5, at most 10


def test_a_specialty_s_own_credential_counts_as_specialty() -> None:
    cardiology = run(profile(4, certs=("CET",), specialty="cardiology"))
    general = run(profile(4, certs=("CET",)))
    assert factor(cardiology, "specialty-credentials") == 5
    assert factor(general, "specialty-credentials") == 0
    assert factor(general, "other-credentials") == 2


def test_bls_card_adds_nothing_and_says_why() -> None:
    result = run(profile(2, certs=("BLS",)))
    assert result.estimated_percentile == run(profile(2)).estimated_percentile
    reason = next(f.reason for f in result.factors if f.id == "other-credentials")
    assert "BLS adds nothing" in reason


def test_other_credentials_are_capped() -> None:
    result = run(profile(7, certs=("CPT", "CET", "CPC", "CCS", "CMPE")))
    assert factor(result, "other-credentials") == 6


def test_estimate_is_clamped_to_the_ceiling_with_a_limit_factor() -> None:
    everything = tuple(c.id for c in CATALOG.certifications)
    result = run(profile(60, "outpatient-center", everything, "ophthalmology", "supervises"))
    assert result.estimated_percentile == 99
    limit = next(f for f in result.factors if f.id == "limit")
    assert limit.points < 0
    assert math.isclose(sum(f.points for f in result.factors), 99)
    assert result.range.high_percentile == 99


def test_experience_curve_is_straight_between_points_and_flat_after() -> None:
    points = CATALOG.estimate.experience.points
    assert experience_base(points, 0) == 10
    assert experience_base(points, 1.5) == 17.5
    assert experience_base(points, 3) == 25
    assert experience_base(points, 10) == 50
    assert experience_base(points, 40) == 50


# Range and pay ---------------------------------------------------------------------


def test_range_in_dollars_is_honest_below_the_10th() -> None:
    result = run(profile(1, "family-practice"))  # 14.8: range 7.8 to 21.8
    assert (result.range.low_percentile, result.range.high_percentile) == (7.8, 21.8)
    assert result.range.low.kind == "at-or-below"
    # 21.8th: 36,050 + (11.8 / 15) x 2,420 = 37,953.73, an estimate
    assert result.range.high.kind == "estimate"
    assert round(result.range.high.annual, 2) == 37953.73
    assert result.range.annual_text == "from under $36,050 to about $37,954 a year"
    assert result.range.hourly_text == "from under $17.33 to about $18.25 an hour"
    assert "estimates" in result.range.note and "2,080" in result.range.note


def test_range_in_dollars_between_published_points() -> None:
    result = run(profile(4, "specialty-clinic", ("CMA", "COA"), "ophthalmology"))
    assert result.range.low == wage_at(CATALOG.wages, 39.8)
    assert result.range.high == wage_at(CATALOG.wages, 53.8)
    assert result.range.annual_text == "about $42,744 to $46,220 a year"


def test_range_above_the_90th_gives_only_the_bound() -> None:
    top = run(
        profile(30, "outpatient-center", ("CMA", "COA", "COT"), "ophthalmology", "supervises")
    )
    assert top.range.low_percentile > 90
    assert top.range.annual_text == "over $59,310 a year"
    near = run(profile(8, "outpatient-center", ("CMA", "COA"), "ophthalmology", "supervises"))
    assert near.range.annual_text == "about $54,718 to over $59,310 a year"


def test_pay_above_the_estimate_is_read_out() -> None:
    p = profile(
        4, "specialty-clinic", ("CMA", "COA"), "ophthalmology", pay=Pay(amount=49000, per="year")
    )
    standing = run(p).pay_standing
    assert standing is not None
    assert standing.versus_estimate == "above"
    # 50 + (49,000 - 45,690) / 3,490 x 25 = 73.7
    assert standing.summary == (
        "You are paid about the 74th percentile ($49,000 a year), above the 47th we "
        "would expect for your profile."
    )


def test_hourly_pay_in_line_with_the_estimate() -> None:
    # 21.97/h x 2,080 = 45,697.60: just above the published median ($45,690).
    p = profile(
        4, "specialty-clinic", ("CMA", "COA"), "ophthalmology", pay=Pay(amount=21.97, per="hour")
    )
    standing = run(p).pay_standing
    assert standing is not None
    assert standing.annual == 45697.6
    assert standing.versus_estimate == "in-line"
    assert "in line with the 47th" in standing.summary
    assert "$21.97/h, about $45,698 a year" in standing.summary


def test_pay_below_the_published_range() -> None:
    p = profile(8, "hospital", ("CMA",), pay=Pay(amount=30000, per="year"))
    standing = run(p).pay_standing
    assert standing is not None
    assert standing.versus_estimate == "below"
    assert "below the 10th percentile ($36,050, the lowest BLS publishes)" in standing.summary


def test_pay_above_the_published_range_next_to_a_top_estimate() -> None:
    p = profile(
        8,
        "outpatient-center",
        ("CMA", "COA"),
        "ophthalmology",
        "supervises",
        Pay(amount=70000, per="year"),
    )
    standing = run(p).pay_standing
    assert standing is not None
    # The likely range reaches past the 90th, so pay above it is in line.
    assert standing.versus_estimate == "in-line"
    assert "above the 90th percentile ($59,310, the highest BLS publishes)" in standing.summary


def test_no_pay_no_standing() -> None:
    assert run(profile(3)).pay_standing is None


# Next steps ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("years", "year"), [(0, 0), (0.5, 1), (1, 2), (2.99, 3), (4, 5), (49.5, 50), (60, 50)]
)
def test_career_year(years: float, year: int) -> None:
    assert career_year(years, CATALOG.roadmap_max_year) == year


def certs_of(result: Assessment) -> list[str]:
    return [s.id or "" for s in result.next_steps if s.kind == "certification"]


def test_student_gets_a_primary_credential_and_the_bls_card() -> None:
    result = run(profile(0, "hospital"))
    assert result.roadmap_band == "in-training"
    assert certs_of(result) == ["CMA", "BLS"]  # ordered by gain: +8, then +0
    top = result.top_next_step
    assert top is not None and top.id == "CMA"
    assert top.estimate_after == result.estimated_percentile + 8
    assert "RMA, CCMA, NCMA or CMAC are recognized alternatives" in top.reason
    assert top.when == "now (in training)"  # the training band lists the CMA


def test_a_credential_still_ahead_is_placed_in_its_band() -> None:
    result = run(profile(0.5, "specialty-clinic", ("CMA",), "ophthalmology"))
    coa = next(s for s in result.next_steps if s.id == "COA")
    assert coa.when == "years 2-4"


def test_primary_credential_is_suggested_late_when_missing() -> None:
    result = run(profile(4))
    cma = next(s for s in result.next_steps if s.id == "CMA")
    assert cma.when == "now (usually year 1)"


def test_no_primary_suggested_when_one_is_held() -> None:
    result = run(profile(1, certs=("RMA",)))
    assert not {"CMA", "RMA", "CCMA"} & set(certs_of(result))


def test_specialty_credentials_go_only_to_their_specialty() -> None:
    eye = run(profile(2, "specialty-clinic", ("CMA",), "ophthalmology"))
    heart = run(profile(2, "specialty-clinic", ("CMA",), "cardiology"))
    assert "COA" in certs_of(eye)
    assert "COA" not in certs_of(heart)
    assert certs_of(heart)[0] == "CET"  # +5 as the specialty's own credential
    # COT, the next ophthalmic rung, only for those holding COA.
    assert "COT" in certs_of(run(profile(6, certs=("CMA", "COA"), specialty="ophthalmology")))
    assert "COT" not in certs_of(run(profile(6, certs=("CMA",), specialty="cardiology")))


def test_certification_steps_are_ordered_by_gain_and_gain_is_real() -> None:
    p = profile(2, "family-practice")
    result = run(p)
    gains = [s.gain or 0.0 for s in result.next_steps if s.kind == "certification"]
    assert gains == sorted(gains, reverse=True)
    for step in result.next_steps:
        if step.kind != "certification":
            continue
        assert step.id is not None
        with_it = p.model_copy(update={"certs": (*p.certs, HeldCert(id=step.id))})
        after = estimate_percentile(with_it, CATALOG).percentile
        assert step.estimate_after == after
        assert step.gain == round(after - result.estimated_percentile, 1)


def test_skills_come_from_the_band_and_the_specialty() -> None:
    result = run(profile(2, specialty="pediatrics"))
    skills = [s.title for s in result.next_steps if s.kind == "skill"]
    band = CATALOG.band_for_year(3)
    assert skills[: len(band.skills)] == band.skills
    assert "growth measurements" in skills
    assert all(s.when == "now (years 2-4)" for s in result.next_steps if s.kind == "skill")


def test_roles_are_the_next_tier_s_titles() -> None:
    entry = run(profile(1))
    roles = [s.title for s in entry.next_steps if s.kind == "role"]
    assert roles == CATALOG.tier("mid").titles
    assert {s.when for s in entry.next_steps if s.kind == "role"} == {"from 3 years"}
    specialist_to_be = run(profile(1, specialty="dermatology"))
    roles = [s.title for s in specialist_to_be.next_steps if s.kind == "role"]
    assert roles == CATALOG.tier("specialized").titles


def test_roles_skip_what_a_lead_already_is() -> None:
    lead = run(profile(4, leads="lead"))
    roles = [s.title for s in lead.next_steps if s.kind == "role"]
    assert roles == [
        "Medical Assistant Supervisor",
        "Clinical Operations Manager",
        "Practice Manager",
    ]
    top = run(profile(9, leads="supervises"))
    roles = [s.title for s in top.next_steps if s.kind == "role"]
    assert roles == ["Clinical Operations Manager", "Practice Manager"]


def test_paths_need_the_years_and_put_advancement_first() -> None:
    result = run(profile(0.5))
    assert all(p.min_years <= 0.5 for p in result.paths)
    assert "lead-ma" not in [p.id for p in result.paths]
    senior = run(profile(7, certs=("CMA",)))
    kinds = [p.kind for p in senior.paths]
    assert kinds == sorted(kinds, key=lambda kind: kind != "advancement")
    assert senior.paths[0].kind == "advancement"
    lead_ma = next(p for p in senior.paths if p.id == "lead-ma")
    assert lead_ma.credentials_held == ("CMA",)
    assert "lead-ma" not in [p.id for p in run(profile(7, leads="lead")).paths]


def test_assessment_fields_for_other_commands() -> None:
    result = run(profile(4, "hospital", ("CMA",), pay=Pay(amount=46000, per="year")))
    dumped = result.model_dump(mode="json")
    assert {
        "tier",
        "estimated_percentile",
        "tier_rule",
        "factors",
        "range",
        "pay_standing",
        "next_steps",
        "paths",
        "profile",
        "data_vintage",
    } <= set(dumped)
    assert dumped["data_vintage"] == "May 2025"


# Properties ------------------------------------------------------------------------

CERT_IDS = [c.id for c in CATALOG.certifications]
years_st = st.floats(min_value=0, max_value=60, allow_nan=False, allow_infinity=False)
profiles = st.builds(
    profile,
    years=years_st,
    setting=st.sampled_from([s.id for s in CATALOG.settings]),
    certs=st.lists(st.sampled_from(CERT_IDS), unique=True).map(tuple),
    specialty=st.none() | st.sampled_from([s.id for s in CATALOG.specialties]),
    leads=st.sampled_from([level.id for level in CATALOG.estimate.leadership]),
)


@settings(max_examples=examples(150), deadline=None)
@given(p=profiles, more=st.floats(min_value=0, max_value=60, allow_nan=False))
def test_more_experience_never_lowers_the_estimate(p: Profile, more: float) -> None:
    later = p.model_copy(update={"years": min(60.0, p.years + more)})
    assert (
        estimate_percentile(later, CATALOG).percentile
        >= estimate_percentile(p, CATALOG).percentile
    )


@settings(max_examples=examples(150), deadline=None)
@given(p=profiles, extra=st.sampled_from(CERT_IDS))
def test_adding_a_certification_never_lowers_the_estimate(p: Profile, extra: str) -> None:
    if extra in p.cert_ids:
        return
    more = p.model_copy(update={"certs": (*p.certs, HeldCert(id=extra))})
    assert (
        estimate_percentile(more, CATALOG).percentile >= estimate_percentile(p, CATALOG).percentile
    )


@settings(max_examples=examples(150), deadline=None)
@given(p=profiles)
def test_every_profile_gets_exactly_one_tier(p: Profile) -> None:
    placement = place(p, CATALOG)
    spans = [
        t.id
        for t in CATALOG.tiers
        if t.by_experience
        and t.min_years <= p.years
        and (t.below_years is None or p.years < t.below_years)
    ]
    assert len(spans) == 1
    assert placement.experience_tier == spans[0]
    expected = spans[0]
    if p.leads in {"lead", "supervises"}:
        expected = "senior"  # the role is the tier, as the Lead MA path says
    elif p.specialty is not None and p.years >= 3:
        expected = "specialized"
    assert placement.tier == expected


@settings(max_examples=examples(100), deadline=None)
@given(p=profiles)
def test_every_assessment_hangs_together(p: Profile) -> None:
    result = run(p)
    weights = CATALOG.estimate
    assert weights.floor <= result.estimated_percentile <= weights.ceiling
    assert math.isclose(
        sum(f.points for f in result.factors), result.estimated_percentile, abs_tol=1e-9
    )
    assert result.range.low_percentile <= result.estimated_percentile
    assert result.estimated_percentile <= result.range.high_percentile
    assert result.range.low.annual <= result.range.high.annual
    held = p.cert_ids
    assert not {s.id for s in result.next_steps if s.kind == "certification"} & held
    primary = {cert.id for cert in CATALOG.certifications if cert.primary}
    if not held & primary:
        assert {"CMA", "RMA", "CCMA"} & set(certs_of(result))
    for path in result.paths:
        assert path.min_years <= p.years


@settings(max_examples=examples(150), deadline=None)
@given(profile=profiles)
def test_brief_agrees_with_assess(profile: Profile) -> None:
    """Rosters use `brief`; it must say exactly what `assess` says for the same parts."""
    from maplanner.core.rules import brief

    catalog = load_catalog(None)
    full = assess(profile, catalog)
    short = brief(profile, catalog)
    assert (short.tier, short.tier_name) == (full.tier, full.tier_name)
    assert short.estimated_percentile == full.estimated_percentile
    assert short.range == full.range
    assert short.top_next_step == full.top_next_step
    first_cert = next((s for s in full.next_steps if s.kind == "certification"), None)
    assert short.top_certification == first_cert
