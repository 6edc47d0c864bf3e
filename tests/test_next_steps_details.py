"""Details of core/next_steps.py: which paths beyond the current role are offered, by
the experience they usually expect."""

import pytest

from maplanner.catalog.catalog import Catalog
from maplanner.catalog.eligibility import CredentialRequirements
from maplanner.core.assessment import NextStep
from maplanner.core.estimate import estimate_percentile
from maplanner.core.next_steps import (
    career_year,
    certification_steps,
    path_suggestions,
    role_steps,
)
from maplanner.core.placement import place
from maplanner.core.profile import HeldCert, Profile
from tests.helpers import catalog_with

OPEN_FROM_THE_START = ["lpn-lvn", "rn", "phlebotomy-lab"]
AFTER_ONE_OR_TWO = ["medical-coding", "healthcare-administration", "care-coordination"]
AFTER_THREE = ["lead-ma", "clinical-operations-manager", "practice-manager", "medical-sales"]


@pytest.mark.parametrize(
    ("years", "offered"),
    [
        # Paths that expect experience come first in the catalog: not having it skips
        # them and goes on to the rest.
        (0, OPEN_FROM_THE_START),
        (2.9, OPEN_FROM_THE_START + AFTER_ONE_OR_TWO),
        (3, OPEN_FROM_THE_START + AFTER_ONE_OR_TWO + AFTER_THREE),  # exactly the usual 3
    ],
)
def test_a_path_is_offered_from_the_years_it_usually_expects(
    catalog: Catalog, years: float, offered: list[str]
) -> None:
    found = path_suggestions(Profile(years=years, setting="hospital"), catalog)
    assert sorted(path.id for path in found) == sorted(offered)
    assert all(path.min_years <= years for path in found)


def test_a_lead_ma_is_not_offered_lead_ma_but_every_path_after_it(catalog: Catalog) -> None:
    found = path_suggestions(Profile(years=4, setting="hospital", leads="lead"), catalog)
    assert sorted(path.id for path in found) == sorted(
        OPEN_FROM_THE_START + AFTER_ONE_OR_TWO + AFTER_THREE[1:]
    )


def _lead_role_when(catalog: Catalog, years: float) -> str | None:
    profile = Profile(years=years, setting="hospital")
    steps = role_steps(profile, catalog, place(profile, catalog))
    return next(step.when for step in steps if step.title == "Lead Medical Assistant")


def test_the_lead_role_is_open_from_the_lead_path_s_usual_years(catalog: Catalog) -> None:
    assert _lead_role_when(catalog, 3) == "now (maplanner plan --goal lead-ma)"  # exactly 3
    # Where the path asks more than the tier, the role waits for the path; the path is
    # found wherever it stands in the catalog.
    lead = catalog.path("lead-ma").model_copy(update={"min_years": 4})
    paths = [p for p in catalog.paths if p.id != "lead-ma"] + [lead]
    later = catalog_with(catalog, "paths.toml", path=paths)
    assert _lead_role_when(later, 3) == "from 4 years (maplanner plan --goal lead-ma)"


def _credential_steps(catalog: Catalog, profile: Profile) -> list[NextStep]:
    band = catalog.band_for_year(career_year(profile.years, catalog.roadmap_max_year))
    estimate = estimate_percentile(profile, catalog).percentile
    return certification_steps(profile, catalog, band, estimate)


ALTERNATIVES = "(RMA, CCMA, NCMA or CMAC are recognized alternatives.)"


def test_a_new_ma_is_offered_the_band_s_primary_then_the_rest_of_the_band(
    catalog: Catalog,
) -> None:
    steps = _credential_steps(catalog, Profile(years=0.5, setting="hospital"))
    assert [(s.id, s.gain, s.eligible) for s in steps] == [("CMA", 8.0, True), ("BLS", 0.0, True)]
    assert steps[0].reason == (
        "Earning the primary credential early is the single best return on effort in the "
        f"first years. {ALTERNATIVES}"
    )


def test_without_an_accredited_program_the_first_primary_open_is_offered(
    catalog: Catalog,
) -> None:
    steps = _credential_steps(catalog, Profile(years=0.5, setting="hospital", accredited=False))
    assert steps[0].id == "RMA"
    assert steps[0].reason.endswith("(CCMA, NCMA or CMAC are recognized alternatives.)")


def test_a_single_alternative_is_named_in_the_singular(catalog: Catalog) -> None:
    certs = [
        c.model_copy(update={"primary": c.id in {"CMA", "RMA"}}) if c.primary else c
        for c in catalog.certifications
    ]
    two_primaries = catalog_with(catalog, "certifications.toml", certification=certs)
    steps = _credential_steps(two_primaries, Profile(years=0.5, setting="hospital"))
    assert steps[0].reason.endswith(" (RMA is a recognized alternative.)")


def test_when_no_primary_is_open_the_band_s_first_is_offered_with_what_it_needs(
    catalog: Catalog,
) -> None:
    rules = [
        CredentialRequirements(
            id=c.id, accredited_program=True, program_text="an accredited program", source="aama"
        )
        for c in catalog.certifications
        if c.primary
    ]
    profile = Profile(years=0.5, setting="hospital", accredited=False)
    no_primary_open = catalog_with(catalog, "eligibility.toml", credential=rules)
    first = _credential_steps(no_primary_open, profile)[-1]
    band_step = catalog.band_for_year(1).certs[0]
    assert (first.id, first.eligible) == (band_step.cert, False)
    assert first.reason == f"{band_step.reason} {ALTERNATIVES}"


def test_a_specialty_s_credential_says_whom_it_serves(catalog: Catalog) -> None:
    profile = Profile(years=2, setting="specialty-clinic", specialty="ophthalmology")
    coa = next(s for s in _credential_steps(catalog, profile) if s.id == "COA")
    assert coa.reason == (
        "Serves your specialty, Ophthalmology: The entry rung of the eye-care ladder; the "
        "clearest specialty credential for an MA in ophthalmology."
    )


def test_another_specialty_s_credential_is_skipped_not_the_rest_of_the_band(
    catalog: Catalog,
) -> None:
    certs = (HeldCert(id="CMA"), HeldCert(id="BLS"))
    steps = _credential_steps(catalog, Profile(years=2, setting="hospital", certs=certs))
    assert [s.id for s in steps] == ["CPT", "CET"]


@pytest.mark.parametrize(
    ("profile", "cert", "gain"),
    [
        (Profile(years=0, setting="chiropractic-optometry"), "CMA", 6.8),
        (
            Profile(
                years=10,
                setting="urgent-care",
                leads="supervises",
                specialty="ophthalmology",
                certs=(HeldCert(id="CMA"), HeldCert(id="COA")),
            ),
            "COT",
            3.8,  # 99.0 - 95.2 in floating point is 3.799999999999997
        ),
    ],
)
def test_a_gain_is_kept_to_a_tenth(
    catalog: Catalog, profile: Profile, cert: str, gain: float
) -> None:
    step = next(s for s in _credential_steps(catalog, profile) if s.id == cert)
    assert step.gain == gain


def test_a_specialist_s_next_titles_come_with_years_in_a_specialty(catalog: Catalog) -> None:
    profile = Profile(years=1, setting="specialty-clinic", specialty="ophthalmology")
    steps = role_steps(profile, catalog, place(profile, catalog))
    assert {s.when for s in steps} == {"from 3 years in a specialty"}


def test_a_lead_is_shown_the_roles_of_paths_whose_years_they_have(catalog: Catalog) -> None:
    profile = Profile(years=3, setting="hospital", leads="lead")  # practice-manager asks 3
    steps = role_steps(profile, catalog, place(profile, catalog))
    assert [(s.id, s.title, s.when) for s in steps] == [
        (None, "Medical Assistant Supervisor", "now"),
        (
            None,
            "Clinical Operations Manager",
            "About 9-10 years from the start of an MA career",
        ),
        ("practice-manager", "Practice Manager", "About 8-9 years from the start of an MA career"),
    ]


def test_a_new_lead_is_not_told_a_manager_s_role_is_for_now(catalog: Catalog) -> None:
    """A lead MA of one year is Senior/Lead by the role, but the manager's role at the
    end of an advancement path takes that path's time, as the paths table says."""
    profile = Profile(years=1, setting="family-practice", leads="lead")
    assert place(profile, catalog).tier == "senior"
    steps = {s.title: s.when for s in role_steps(profile, catalog, place(profile, catalog))}
    manager = catalog.path("clinical-operations-manager")
    assert steps["Clinical Operations Manager"] == manager.time_to_get_there
    assert steps["Medical Assistant Supervisor"] == "now"


def test_one_catalog_answers_each_number_of_years_for_itself(catalog: Catalog) -> None:
    """The suggestions are kept per catalog by which paths' years are met: asking for
    fewer years first must not answer for more."""
    asked = [0, 2.9, 3, 0]
    found = [path_suggestions(Profile(years=y, setting="hospital"), catalog) for y in asked]
    assert [len(paths) for paths in found] == [3, 6, 10, 3]
