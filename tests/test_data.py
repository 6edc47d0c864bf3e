"""Invariants of the shipped data files: the figures users see are the checked ones."""

import re
import tomllib
from pathlib import Path

import pytest

from maplanner.catalog.catalog import Catalog
from maplanner.catalog.checks import source_refs
from maplanner.catalog.loader import FILES, packaged_data_dir
from maplanner.core.placement import experience_tier


def test_catalog_hangs_together(catalog: Catalog) -> None:
    assert catalog.problems() == []


def test_every_data_file_is_known_and_present() -> None:
    shipped = {path.name for path in packaged_data_dir().glob("*.toml")}
    assert shipped == set(FILES)


def test_default_wage_table_is_the_latest_bls_may_2025(catalog: Catalog) -> None:
    wages = catalog.wages
    assert wages == catalog.wage_table(catalog.latest_release)
    assert wages.vintage == "May 2025"
    assert wages.soc_code == "31-9092"
    assert [(p.percentile, p.annual, p.hourly) for p in wages.percentiles] == [
        (10, 36050, 17.33),
        (25, 38470, 18.50),
        (50, 45690, 21.97),
        (75, 49180, 23.65),
        (90, 59310, 28.52),
    ]
    assert (wages.mean_annual, wages.mean_hourly) == (46120, 22.17)
    assert wages.median_hourly == 21.97
    assert wages.employment == 817870
    assert wages.source == "bls-oews-2025"
    release = catalog.oews.release
    assert (release.code, release.published) == ("2025A01", "2026-05-15")
    assert release.notice.startswith("BLS.gov cannot vouch for the data")
    assert {f.name for f in release.file} >= {
        "oe.data.0.Current",
        "oe.area",
        "oe.occupation",
        "oe.industry",
        "oe.footnote",
    }


def test_wage_table_is_the_checked_bls_may_2024_release(catalog: Catalog) -> None:
    wages = catalog.wage_table("2024")
    assert wages.vintage == "May 2024"
    assert wages.soc_code == "31-9092"
    assert [(p.percentile, p.annual) for p in wages.percentiles] == [
        (10, 35020),
        (25, 37610),
        (50, 44200),
        (75, 48160),
        (90, 57830),
    ]
    assert wages.mean_annual == 44720
    assert wages.median_hourly == 21.25
    assert wages.employment == 793460
    assert wages.hours_per_year == 2080
    assert catalog.source(wages.source).publisher == "U.S. Bureau of Labor Statistics"


def test_outlook_is_the_2024_34_projection_kept_apart_from_oews(catalog: Catalog) -> None:
    outlook = catalog.outlook
    assert (outlook.employment_base, outlook.employment_target) == (811000, 912200)
    assert outlook.change == 101200
    assert outlook.growth_percent == 12.5
    assert outlook.openings_per_year == 112300
    assert outlook.employment_base != catalog.wages.employment


def test_industry_medians_are_oews_may_2025_by_naics(catalog: Catalog) -> None:
    medians = {i.id: (i.naics, i.median_annual, i.source) for i in catalog.industries}
    assert medians == {
        "outpatient-care-centers": ("621400", 48560, "bls-oews-2025"),
        "hospitals": ("622000", 46910, "bls-oews-2025"),
        "offices-of-physicians": ("621100", 45520, "bls-oews-2025"),
        "offices-of-other-practitioners": ("621300", 38400, "bls-oews-2025"),
    }
    assert all("NAICS" in i.table for i in catalog.industries_of("2025"))


def test_industry_medians_are_the_ooh_figures(catalog: Catalog) -> None:
    medians = {industry.id: industry.median_annual for industry in catalog.industries_of("2024")}
    assert medians == {
        "outpatient-care-centers": 47560,
        "hospitals": 45930,
        "offices-of-physicians": 43880,
        "offices-of-other-practitioners": 37510,
    }


def test_every_source_reference_is_defined(catalog: Catalog) -> None:
    known = {source.id for source in catalog.sources}
    refs = list(source_refs(catalog))
    assert len(refs) > 30
    assert {source_id for _, source_id in refs} <= known


def test_outdated_guide_figures_are_not_shipped() -> None:
    """Guide 001's $38,500 median and 16% growth predate the BLS release we ship."""
    for path in packaged_data_dir().glob("*.toml"):
        text = path.read_text(encoding="utf-8")
        for stale in ("38500", "38,500", "33950", "43050", "16%"):
            assert stale not in text, f"{path.name} contains {stale}"


@pytest.mark.parametrize(
    ("years", "tier"),
    [(0, "entry"), (2.99, "entry"), (3, "mid"), (5.99, "mid"), (6, "senior"), (60, "senior")],
)
def test_experience_tiers_tile_the_years(catalog: Catalog, years: float, tier: str) -> None:
    assert experience_tier(catalog, years).id == tier


def test_every_setting_maps_to_a_published_industry_with_a_reason(catalog: Catalog) -> None:
    industries = {industry.id for industry in catalog.industries}
    for setting in catalog.settings:
        assert setting.industry in industries
        assert setting.reason


def test_cma_renewal_is_the_verified_aama_rule(catalog: Catalog) -> None:
    cma = catalog.certification("CMA")
    assert cma.renewal != "not verified"
    renewal = cma.renewal
    assert renewal.cycle_months == 60
    ce = renewal.continuing_education
    assert ce is not None and ce.total == 60
    assert {s.label: s.minimum for s in ce.minimums} == {
        "administrative": 10,
        "clinical": 10,
        "general": 10,
        "AAMA-approved": 30,
    }
    assert sum(s.minimum for s in ce.minimums if not s.from_issuer) == 30
    assert cma.exam_fees != "not verified"
    assert sorted(fee.amount for fee in cma.exam_fees) == [125, 250]


def test_unverified_facts_say_so_rather_than_guess(catalog: Catalog) -> None:
    ccma = catalog.certification("CCMA")
    assert ccma.renewal == "not verified"
    assert catalog.certification("CET").eligibility == "not verified"


def test_phlebotomy_cpt_is_kept_apart_from_procedure_codes(catalog: Catalog) -> None:
    cpt = catalog.certification("CPT")
    assert "phlebotomy" in cpt.name.lower()
    assert cpt.caution is not None and "procedure codes" in cpt.caution


def test_no_invented_specialty_credentials(catalog: Catalog) -> None:
    """Podiatry, dermatology and cardiology credentials are not named by issuers we checked."""
    for specialty_id in ("podiatry", "dermatology"):
        assert catalog.specialty(specialty_id).credentials == []


def test_roadmap_covers_every_year_offered(catalog: Catalog) -> None:
    names = [catalog.band_for_year(year).id for year in (0, 1, 2, 4, 5, 50)]
    assert names == [
        "in-training",
        "foundation",
        "specialization",
        "specialization",
        "leadership",
        "leadership",
    ]


def test_option_help_lists_every_id_in_the_data(catalog: Catalog) -> None:
    """--help names the accepted ids; they must not drift from the data files."""
    from maplanner.commands import profile_options

    source = Path(profile_options.__file__).read_text(encoding="utf-8")
    help_ids = set(re.findall(r"[a-z]+(?:-[a-z]+)*", source))
    for setting in catalog.settings:
        assert setting.id in help_ids, setting.id
    for specialty in catalog.specialties:
        assert specialty.id in help_ids, specialty.id
    for level in catalog.estimate.leadership:
        assert level.id in help_ids, level.id


def test_data_files_are_plain_utf8_toml() -> None:
    """Every file the catalog reads is shipped, is UTF-8 without a byte-order mark or
    control characters, and parses as TOML into a non-empty table."""
    from maplanner.catalog.catalog import FILES

    shipped = {path.name: path for path in packaged_data_dir().glob("*.toml")}
    assert set(FILES) <= set(shipped), sorted(set(FILES) - set(shipped))
    for name, path in shipped.items():
        raw = path.read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf"), name
        text = raw.decode("utf-8")
        assert not any(ord(c) < 0x20 and c not in "\n\t" for c in text), name
        document = tomllib.loads(text)
        assert isinstance(document, dict) and document, name


def test_no_data_file_copies_the_guides_sentences() -> None:
    """Figures carry over from the two career guides; their sentences do not."""
    from tests import seed_overlap

    runs = seed_overlap.seed_runs()
    if runs is None:
        pytest.skip("the career guides are not beside this checkout")
    for path in sorted(packaged_data_dir().glob("*.toml")):
        document = tomllib.loads(path.read_text(encoding="utf-8"))
        assert seed_overlap.copied(document, runs) == [], path.name
