"""The pure side of `maplanner certs`: look-up, filtering, the year plan, the data checks."""

import re
import tomllib
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from maplanner.catalog.catalog import Catalog
from maplanner.catalog.certs import TRACKS, CertificationsFile
from maplanner.catalog.loader import packaged_data_dir
from maplanner.core.cert_detail import certification_detail
from maplanner.core.cert_options import check_track, parse_year
from maplanner.core.cert_year import plan_for_year
from maplanner.core.certs import find_certification, list_certifications
from maplanner.errors import InputError
from tests.helpers import catalog_with

MAX_YEAR = 50

# Reading --year ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "year"), [("0", 0), ("1", 1), ("50", 50), (" 7 ", 7), ("+3", 3), ("007", 7)]
)
def test_parse_year_accepts_whole_numbers_in_range(text: str, year: int) -> None:
    assert parse_year(text, MAX_YEAR) == year


def test_parse_year_accepts_an_int() -> None:
    assert parse_year(4, MAX_YEAR) == 4


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("-1", "--year -1 is out of range: use a whole number of years from 0 to 50"),
        ("51", "--year 51 is out of range: use a whole number of years from 0 to 50"),
        ("2.5", "--year '2.5' is not a whole number: use a whole number of years from 0 to 50"),
        ("abc", "--year 'abc' is not a whole number: use a whole number of years from 0 to 50"),
        ("", "--year '' is not a whole number"),
        ("1e1", "--year '1e1' is not a whole number"),
        ("٣", "--year '٣' is not a whole number"),  # Arabic-Indic three: not ASCII digits
        ("9" * 5000, "is out of range: use a whole number of years from 0 to 50"),
    ],
)
def test_parse_year_rejects_with_the_range(text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_year(text, MAX_YEAR)
    assert message in caught.value.message
    assert caught.value.exit_code == 2
    assert len(caught.value.message) < 200  # even for a 5,000-digit value


@given(st.integers(min_value=0, max_value=MAX_YEAR))
def test_every_year_in_range_parses_to_itself(year: int) -> None:
    assert parse_year(str(year), MAX_YEAR) == year


@given(st.integers().filter(lambda n: not 0 <= n <= MAX_YEAR))
def test_every_whole_number_out_of_range_is_refused(year: int) -> None:
    with pytest.raises(InputError, match="out of range: use a whole number of years from 0 to 50"):
        parse_year(str(year), MAX_YEAR)


@given(st.text().filter(lambda s: re.fullmatch(r"[+-]?[0-9]+", s.strip()) is None))
def test_text_that_is_not_a_whole_number_is_refused(text: str) -> None:
    with pytest.raises(InputError, match="is not a whole number: use a whole number of years"):
        parse_year(text, MAX_YEAR)


@given(st.floats(allow_nan=False).filter(lambda x: not x.is_integer()))
def test_fractional_years_are_refused(value: float) -> None:
    with pytest.raises(InputError, match="is not a whole number"):
        parse_year(str(value), MAX_YEAR)


# Reading --track -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "track"),
    [
        (None, None),
        ("clinical", "clinical"),
        ("Clinical", "clinical"),
        (" ADMINISTRATIVE ", "administrative"),
        ("life support", "life-support"),
        ("life-support", "life-support"),
    ],
)
def test_check_track(text: str | None, track: str | None) -> None:
    assert check_track(text) == track


def test_unknown_track_lists_every_track() -> None:
    with pytest.raises(InputError) as caught:
        check_track("foo")
    message = caught.value.message
    assert message.startswith("--track 'foo' is not a known track")
    assert all(track in message for track in TRACKS)


def test_misspelt_track_gets_a_suggestion() -> None:
    with pytest.raises(InputError, match="did you mean clinical"):
        check_track("clincal")


# Finding a credential ----------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "cert_id"),
    [
        ("cma", "CMA"),  # exact id wins over the fragment of CCMA
        ("CMA", "CMA"),
        ("  Cma ", "CMA"),
        ("ccma", "CCMA"),
        ("certified medical assistant", "CMA"),  # an alias
        ("Certified Medical Assistant (AAMA)", "CMA"),  # the full name
        ("ophthalmic", "COA"),  # an exact alias beats the fragment matching COA, COT, COMT
        ("phlebotomy", "CPT"),
        ("phleb", "CPT"),  # a fragment matching one credential
        ("cpt", "CPT"),
        ("cpr", "BLS"),
        ("comt", "COMT"),
        ("practice exec", "CMPE"),
    ],
)
def test_find_certification(catalog: Catalog, query: str, cert_id: str) -> None:
    assert find_certification(catalog, query) == cert_id


def test_fragment_matching_several_lists_them(catalog: Catalog) -> None:
    with pytest.raises(InputError) as caught:
        find_certification(catalog, "ophth")
    assert caught.value.message == (
        "certs 'ophth' matches COA, COT, COMT: pick one, for example 'maplanner certs COA'"
    )


def test_unknown_credential_suggests(catalog: Catalog) -> None:
    with pytest.raises(InputError) as caught:
        find_certification(catalog, "cmx")
    assert caught.value.message.startswith(
        "certs 'cmx' is not a known certification; did you mean CMA"
    )


def test_unknown_credential_without_suggestion_lists_all(catalog: Catalog) -> None:
    with pytest.raises(InputError) as caught:
        find_certification(catalog, "zzzz")
    message = caught.value.message
    assert "certs 'zzzz' is not a known certification; choose one of:" in message
    assert all(cert.id in message for cert in catalog.certifications)


def test_empty_credential_is_refused(catalog: Catalog) -> None:
    with pytest.raises(InputError, match="certs needs a credential id or name"):
        find_certification(catalog, "   ")


@pytest.mark.parametrize("query", ["cpt codes", "CPT code", "current procedural terminology"])
def test_cpt_codes_are_not_the_cpt_credential(catalog: Catalog, query: str) -> None:
    with pytest.raises(InputError) as caught:
        find_certification(catalog, query)
    message = caught.value.message
    assert f"certs {query!r} is not a credential." in message
    assert "code set, not a credential" in message
    assert message.endswith("Look at CPC or CCS instead.")


# The list ------------------------------------------------------------------------


def test_list_has_every_credential_in_career_order(catalog: Catalog) -> None:
    result = list_certifications(catalog)
    assert [c.id for c in result.certifications] == [
        "BLS",
        "CMA",
        "RMA",
        "CCMA",
        "NCMA",
        "CMAC",
        "CMAA",
        "CPT",
        "CET",
        "COA",
        "COT",
        "COMT",
        "CPC",
        "CCS",
        "CMPE",
    ]
    assert result.track is None


def test_list_renewal_cycles_are_the_verified_ones(catalog: Catalog) -> None:
    cycles = {c.id: c.renewal_cycle_months for c in list_certifications(catalog).certifications}
    assert cycles == {
        "BLS": 24,
        "CMA": 60,
        "RMA": 36,
        "CCMA": None,
        "NCMA": None,
        "CMAC": None,
        "CMAA": None,
        "CPT": None,
        "CET": None,
        "COA": 36,
        "COT": 36,
        "COMT": 36,
        "CPC": 24,
        "CCS": None,
        "CMPE": 36,
    }
    verified = {c.id for c in list_certifications(catalog).certifications if c.renewal_verified}
    assert verified == {"CMA", "RMA", "COA", "COT", "COMT", "CPC", "CMPE", "BLS"}


def test_list_names_the_band_each_fits(catalog: Catalog) -> None:
    stages = {c.id: c.stage_name for c in list_certifications(catalog).certifications}
    assert stages["BLS"] == "In training"
    assert stages["CMA"] == "Year 1: foundation"
    assert stages["COA"] == "Years 2-4: specialization"
    assert stages["CMPE"] == "Years 5+: leadership and advanced credentials"


def test_list_carries_the_cpt_caution(catalog: Catalog) -> None:
    cautions = {c.id: c.caution for c in list_certifications(catalog).certifications}
    cpt_caution = cautions.pop("CPT")
    assert cpt_caution is not None and "not the CPT procedure codes" in cpt_caution
    assert set(cautions.values()) == {None}


@pytest.mark.parametrize(
    ("track", "ids"),
    [
        ("clinical", ["CMA", "RMA", "CCMA", "NCMA", "CMAC", "CPT", "CET"]),
        ("administrative", ["CMAA", "CPC", "CCS"]),
        ("specialty", ["COA", "COT", "COMT"]),
        ("leadership", ["CMPE"]),
        ("life-support", ["BLS"]),
    ],
)
def test_list_by_track(catalog: Catalog, track: str, ids: list[str]) -> None:
    result = list_certifications(catalog, check_track(track))
    assert [c.id for c in result.certifications] == ids
    assert result.track == track


# The year plan -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "band", "year_in_band", "band_years", "position"),
    [
        (0, "in-training", 1, 1, "year 1 of 1 in this band"),
        (1, "foundation", 1, 1, "year 1 of 1 in this band"),
        (2, "specialization", 1, 3, "year 1 of 3 in this band"),
        (3, "specialization", 2, 3, "year 2 of 3 in this band"),
        (4, "specialization", 3, 3, "year 3 of 3 in this band"),
        (5, "leadership", 1, None, "year 1, band open-ended"),
        (50, "leadership", 46, None, "year 46, band open-ended"),
    ],
)
def test_year_boundaries(
    catalog: Catalog,
    year: int,
    band: str,
    year_in_band: int,
    band_years: int | None,
    position: str,
) -> None:
    plan = plan_for_year(catalog, year)
    assert plan.band.id == band
    assert plan.year_in_band == year_in_band
    assert plan.band_years == band_years
    assert plan.position == position
    assert plan.max_year == 50


@given(st.integers(min_value=0, max_value=MAX_YEAR))
def test_every_year_sits_inside_its_band(catalog: Catalog, year: int) -> None:
    plan = plan_for_year(catalog, year)
    assert plan.band.first_year <= year
    assert plan.band.last_year is None or year <= plan.band.last_year
    assert plan.year_in_band == year - plan.band.first_year + 1
    assert plan.band_years is None or 1 <= plan.year_in_band <= plan.band_years


@pytest.mark.parametrize("year", [-1, 51])
def test_year_plan_refuses_years_outside_the_roadmap(catalog: Catalog, year: int) -> None:
    with pytest.raises(InputError, match=f"--year {year} is out of range"):
        plan_for_year(catalog, year)


def test_year_two_is_specialization_with_its_credentials_and_skills(catalog: Catalog) -> None:
    plan = plan_for_year(catalog, 2)
    assert plan.band.name == "Years 2-4: specialization"
    assert [c.id for c in plan.certifications] == ["COA", "CPT", "CET"]
    assert all(c.reason for c in plan.certifications)
    assert plan.skills[0] == (
        "advanced clinical work: EKGs, spirometry, wound care, point-of-care testing"
    )
    assert len(plan.skills) == 4
    assert "working with little supervision" in plan.employer_expectations
    assert plan.left_out_by_track == 0
    assert plan.source.publisher == "Resume Geni"


def test_year_zero_is_training_with_bls_and_cma(catalog: Catalog) -> None:
    plan = plan_for_year(catalog, 0)
    assert plan.band.name == "In training"
    assert [c.id for c in plan.certifications] == ["BLS", "CMA"]


def test_year_plan_filtered_by_track_counts_what_it_left_out(catalog: Catalog) -> None:
    plan = plan_for_year(catalog, 2, "specialty")
    assert [c.id for c in plan.certifications] == ["COA"]
    assert plan.left_out_by_track == 2
    assert plan.track == "specialty"
    empty = plan_for_year(catalog, 7, "clinical")
    assert empty.certifications == []
    assert empty.left_out_by_track == 4


# The detail ----------------------------------------------------------------------


def test_cma_detail_has_the_verified_figures(catalog: Catalog) -> None:
    detail = certification_detail(catalog, "CMA")
    assert detail.name == "Certified Medical Assistant (AAMA)"
    assert detail.issuer == "American Association of Medical Assistants (AAMA)"
    assert detail.primary is True
    assert [(fee.amount, fee.applies_to) for fee in detail.exam_fees.fees] == [
        (125, "recent graduates and AAMA members"),
        (250, "all other candidates"),
    ]
    assert detail.exam_fees.verified is True
    assert detail.renewal.verified is True
    assert detail.renewal.cycle_months == 60
    ce = detail.renewal.continuing_education
    assert ce is not None
    assert (ce.total, ce.unit) == (60, "CEUs")
    assert [(part.label, part.minimum, part.from_issuer) for part in ce.minimums] == [
        ("administrative", 10, False),
        ("clinical", 10, False),
        ("general", 10, False),
        ("AAMA-approved", 30, True),
    ]
    assert ce.categories == ["administrative", "clinical", "general"]
    assert ce.note is not None and "The other 30 may be from any" in ce.note
    assert detail.eligibility.verified is True
    assert detail.eligibility.text is not None and "30 days" in detail.eligibility.text
    assert detail.eligibility.source is not None and detail.eligibility.source.id == "aama"
    assert detail.renewal.source is not None
    assert detail.renewal.source.url == "https://www.aama-ntl.org/"
    assert detail.renewal.source.period == "checked 2025"


def test_cma_detail_unlocks_and_related_by_name(catalog: Catalog) -> None:
    detail = certification_detail(catalog, "CMA")
    assert [tier.name for tier in detail.unlocks.tiers] == ["Mid"]
    assert [path.id for path in detail.unlocks.paths] == ["lead-ma", "lpn-lvn", "rn"]
    assert [path.name for path in detail.unlocks.paths] == [
        catalog.path(path_id).name for path_id in ("lead-ma", "lpn-lvn", "rn")
    ]
    assert [ref.id for ref in detail.related] == ["RMA", "CCMA"]
    assert detail.ladder is None


def test_unverified_facts_are_marked_not_guessed(catalog: Catalog) -> None:
    detail = certification_detail(catalog, "CCMA")
    assert detail.eligibility.model_dump() == {"verified": False, "text": None, "source": None}
    assert detail.exam_fees.model_dump() == {"verified": False, "fees": []}
    assert detail.renewal.verified is False
    assert detail.renewal.cycle_months is None
    assert detail.renewal.continuing_education is None


@pytest.mark.parametrize(("cert_id", "position"), [("COA", 1), ("COT", 2), ("COMT", 3)])
def test_ophthalmic_ladder_in_order(catalog: Catalog, cert_id: str, position: int) -> None:
    ladder = certification_detail(catalog, cert_id).ladder
    assert ladder is not None
    assert [rung.id for rung in ladder.rungs] == ["COA", "COT", "COMT"]
    assert ladder.position == position
    assert ladder.source.id == "ijcahpo"


def test_a_ladder_is_in_rung_order_whatever_the_files_order(catalog: Catalog) -> None:
    shuffled = catalog_with(
        catalog,
        "certifications.toml",
        certification=list(reversed(catalog.files()["certifications.toml"].certification)),
    )
    ladder = certification_detail(shuffled, "COT").ladder
    assert ladder is not None and [rung.id for rung in ladder.rungs] == ["COA", "COT", "COMT"]


def test_other_renewal_rules(catalog: Catalog) -> None:
    cpc = certification_detail(catalog, "CPC").renewal
    assert (cpc.cycle_months, cpc.continuing_education and cpc.continuing_education.total) == (
        24,
        36,
    )
    cmpe = certification_detail(catalog, "CMPE").renewal
    assert cmpe.continuing_education is not None
    assert (cmpe.cycle_months, cmpe.continuing_education.total) == (36, 50)
    assert cmpe.continuing_education.unit == "CE hours"


# The data checks this feature relies on --------------------------------------------


def _certs_document() -> dict[str, Any]:
    path = packaged_data_dir() / "certifications.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


def test_shipped_certifications_validate() -> None:
    assert CertificationsFile.model_validate(_certs_document()).certification


def test_an_alias_may_name_only_one_credential() -> None:
    document = _certs_document()
    document["certification"][1]["aliases"].append("CMA")  # RMA claims the CMA's id
    with pytest.raises(ValidationError, match="'cma' names both CMA and RMA"):
        CertificationsFile.model_validate(document)


def test_a_ladder_must_not_skip_a_rung() -> None:
    document = _certs_document()
    coa = next(c for c in document["certification"] if c["id"] == "COA")
    coa["ladder"]["rung"] = 4
    with pytest.raises(ValidationError, match="has rungs \\[2, 3, 4\\]; expected 1 to 3"):
        CertificationsFile.model_validate(document)


def test_a_continuing_education_split_must_fit_the_total() -> None:
    document = _certs_document()
    cma = next(c for c in document["certification"] if c["id"] == "CMA")
    cma["renewal"]["continuing_education"]["total"] = 25
    with pytest.raises(ValidationError, match="more than the total 25"):
        CertificationsFile.model_validate(document)


def test_not_this_must_point_at_known_credentials() -> None:
    document = _certs_document()
    cpt = next(c for c in document["certification"] if c["id"] == "CPT")
    cpt["not_this"]["see"] = ["CPC", "XYZ"]
    with pytest.raises(ValidationError, match="unknown certification id 'XYZ'"):
        CertificationsFile.model_validate(document)
