"""`maplanner certs` end to end: the three forms, every error path, JSON, and the renderers."""

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console

from maplanner.catalog.catalog import Catalog
from maplanner.core.cert_detail import certification_detail
from maplanner.core.cert_year import plan_for_year
from maplanner.core.certs import list_certifications
from maplanner.render.certs import render_detail, render_list, render_year
from tests.conftest import Runner

ALL_IDS = [
    "BLS", "CMA", "RMA", "CCMA", "NCMA", "CMAC", "CMAA",
    "CPT", "CET", "COA", "COT", "COMT", "CPC", "CCS", "CMPE",
]  # fmt: skip


def _fits_80_columns(text: str) -> bool:
    return all(len(line) <= 80 for line in text.splitlines())


def _one_error_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("maplanner: ")
    return lines[0]


# The list ------------------------------------------------------------------------


def test_list_shows_every_credential(run: Runner) -> None:
    result = run("certs")
    assert result.code == 0
    assert result.err == ""
    assert "Certifications (15)" in result.out
    for cert_id in ALL_IDS:
        assert f"│ {cert_id} " in result.out
    assert result.out.count("renews every") == 8  # CMA, RMA, COA, COT, COMT, CPC, CMPE, BLS
    assert result.out.count("renewal not") == 7  # the rest: "renewal not verified"
    assert "Years 2-4:" in result.out
    assert result.out.count("Caution: This is the") == 1  # CPT's, wrapped in its cell
    assert "procedure codes" in result.out
    assert _fits_80_columns(result.out)


def test_list_filtered_by_track(run: Runner) -> None:
    result = run("certs", "--track", "administrative")
    assert result.code == 0
    assert "Certifications in the administrative track (3)" in result.out
    assert "│ CPC " in result.out and "│ CCS " in result.out
    assert "│ CMA " not in result.out


def test_list_json(run: Runner) -> None:
    result = run("certs", "--json")
    assert result.code == 0
    assert result.err == ""
    document = json.loads(result.out)
    assert document["kind"] == "list"
    assert document["track"] is None
    assert [c["id"] for c in document["certifications"]] == ALL_IDS
    cma = document["certifications"][1]
    assert set(cma) == {
        "id",
        "name",
        "issuer",
        "track",
        "primary",
        "stage",
        "stage_name",
        "renewal_verified",
        "renewal_cycle_months",
        "value",
        "caution",
    }
    assert (cma["renewal_cycle_months"], cma["renewal_verified"]) == (60, True)
    assert cma["stage_name"] == "Year 1: foundation"
    bls = document["certifications"][0]
    assert (bls["renewal_cycle_months"], bls["renewal_verified"]) == (24, True)  # AHA card
    ccma = document["certifications"][3]
    assert (ccma["renewal_cycle_months"], ccma["renewal_verified"]) == (None, False)


def test_list_json_by_track(run: Runner) -> None:
    document = json.loads(run("certs", "--track", "Specialty", "--json").out)
    assert document["track"] == "specialty"
    assert [c["id"] for c in document["certifications"]] == ["COA", "COT", "COMT"]


# The year plan -------------------------------------------------------------------


def test_year_two_shows_specialization(run: Runner) -> None:
    result = run("certs", "--year", "2")
    assert result.code == 0
    assert result.err == ""
    out = result.out
    assert "Career year 2" in out
    assert "Band: Years 2-4: specialization (year 1 of 3 in this band)" in out
    for cert_id in ("COA", "CPT", "CET"):
        assert f"│ {cert_id} " in out
    assert "Skills to build" in out
    assert "advanced clinical work: EKGs, spirometry, wound care, point-of-care testing" in out
    assert "What employers expect" in out
    assert "working with little supervision" in out
    assert "Source: Resume Geni" in out
    assert _fits_80_columns(out)


@pytest.mark.parametrize(
    ("year", "band", "position"),
    [
        ("0", "in-training", "year 1 of 1 in this band"),
        ("1", "foundation", "year 1 of 1 in this band"),
        ("2", "specialization", "year 1 of 3 in this band"),
        ("4", "specialization", "year 3 of 3 in this band"),
        ("5", "leadership", "year 1, band open-ended"),
        ("50", "leadership", "year 46, band open-ended"),
    ],
)
def test_year_boundaries_json(run: Runner, year: str, band: str, position: str) -> None:
    result = run("certs", "--year", year, "--json")
    assert result.code == 0
    assert result.err == ""
    document = json.loads(result.out)
    assert document["kind"] == "year"
    assert document["year"] == int(year)
    assert document["band"]["id"] == band
    assert document["position"] == position
    assert set(document) == {
        "kind",
        "year",
        "max_year",
        "band",
        "year_in_band",
        "band_years",
        "position",
        "track",
        "certifications",
        "left_out_by_track",
        "skills",
        "employer_expectations",
        "source",
    }
    assert set(document["band"]) == {"id", "name", "theme", "first_year", "last_year"}
    for cert in document["certifications"]:
        assert set(cert) == {"id", "name", "track", "reason", "caution"}


def test_year_zero_names_training(run: Runner) -> None:
    result = run("certs", "--year", "0")
    assert result.code == 0
    assert "Career year 0 (still in training, before the first job)" in result.out
    assert "Band: In training (year 1 of 1 in this band)" in result.out


def test_year_fifty_names_the_open_band(run: Runner) -> None:
    result = run("certs", "--year", "50")
    assert result.code == 0
    assert (
        "Band: Years 5+: leadership and advanced credentials (year 46, band open-ended)"
        in result.out
    )


def test_year_plan_by_track(run: Runner) -> None:
    result = run("certs", "--year", "2", "--track", "specialty")
    assert result.code == 0
    assert "Certifications to pursue (specialty track)" in result.out
    assert "│ COA " in result.out
    assert "│ CPT " not in result.out
    assert "(2 more in other tracks: drop --track to see them)" in result.out


def test_year_plan_with_nothing_in_the_track(run: Runner) -> None:
    result = run("certs", "--year", "7", "--track", "clinical")
    assert result.code == 0
    assert "none in this band for the clinical track" in result.out
    assert "(4 more in other tracks: drop --track to see them)" in result.out


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("-1", "--year -1 is out of range"),
        ("51", "--year 51 is out of range"),
        ("2.5", "--year '2.5' is not a whole number"),
        ("abc", "--year 'abc' is not a whole number"),
        ("", "--year '' is not a whole number"),
    ],
)
def test_bad_year_is_one_line_with_the_range(run: Runner, value: str, shown: str) -> None:
    result = run("certs", "--year", value)
    assert result.code == 2
    assert result.out == ""
    line = _one_error_line(result.err)
    assert shown in line
    assert "use a whole number of years from 0 to 50 (0 = still in training)" in line


def test_bad_year_with_json_still_errors_on_stderr(run: Runner) -> None:
    result = run("certs", "--year", "51", "--json")
    assert result.code == 2
    assert result.out == ""
    assert "0 to 50" in _one_error_line(result.err)


def test_year_without_a_value(run: Runner) -> None:
    result = run("certs", "--year")
    assert result.code == 2
    assert "'--year' requires an argument" in _one_error_line(result.err)


# The detail ----------------------------------------------------------------------


def test_cma_detail_shows_the_recertification_rule(run: Runner) -> None:
    result = run("certs", "cma")
    assert result.code == 0
    assert result.err == ""
    out = result.out
    assert "CMA: Certified Medical Assistant (AAMA)" in out
    assert "Every 60 months. Recertify by exam" in out
    assert "60 CEUs per 60-month cycle" in out
    for line in (
        "at least 10 administrative",
        "at least 10 clinical",
        "at least 10 general",
        "at least 30 AAMA-approved",
        "record credits as: administrative, clinical, general",
    ):
        assert line in out
    assert "AAMA-approved" in out
    assert "$125 for recent graduates and AAMA members [1]" in out
    assert "$250 for all other candidates [1]" in out
    assert "tiers: Mid" in out
    assert "paths: Lead MA;" in out
    assert "RMA: Registered Medical Assistant (AMT)" in out
    assert "[1] American Association of Medical Assistants (AAMA)" in out
    assert "https://www.aama-ntl.org/" in out
    assert "(checked 2025)" in out
    assert _fits_80_columns(out)


def test_unverified_facts_say_so(run: Runner) -> None:
    result = run("certs", "CCMA")
    assert result.code == 0
    out = result.out
    assert "Eligibility  not verified" in out
    assert "Exam fee     not verified" in out
    assert "Renewal      not verified" in out


def test_coa_detail_shows_the_ladder_in_order(run: Runner) -> None:
    result = run("certs", "ophthalmic")
    assert result.code == 0
    assert "COA: Certified Ophthalmic Assistant (IJCAHPO)" in result.out
    assert "COA (this one) -> COT -> COMT" in result.out
    assert "IJCAHPO ophthalmic ladder, lowest first" in result.out


def test_comt_detail_shows_where_it_sits(run: Runner) -> None:
    result = run("certs", "COMT")
    assert "COA -> COT -> COMT (this one)" in result.out


def test_cpt_detail_carries_the_caution(run: Runner) -> None:
    result = run("certs", "phlebotomy")
    assert result.code == 0
    assert "CPT: Certified Phlebotomy Technician (NHA)" in result.out
    assert "Caution: This is the phlebotomy credential, not the CPT procedure codes" in result.out


def test_detail_json(run: Runner) -> None:
    result = run("certs", "CMA", "--json")
    assert result.code == 0
    assert result.err == ""
    document = json.loads(result.out)
    assert document["kind"] == "detail"
    assert document["id"] == "CMA"
    assert set(document) == {
        "kind",
        "id",
        "name",
        "issuer",
        "track",
        "primary",
        "stage",
        "stage_name",
        "aliases",
        "value",
        "caution",
        "eligibility",
        "exam_fees",
        "renewal",
        "unlocks",
        "ladder",
        "related",
        "source",
    }
    assert [fee["amount"] for fee in document["exam_fees"]["fees"]] == [125, 250]
    renewal = document["renewal"]
    assert renewal["verified"] is True
    assert renewal["cycle_months"] == 60
    assert renewal["continuing_education"]["total"] == 60
    assert [p["minimum"] for p in renewal["continuing_education"]["minimums"]] == [10, 10, 10, 30]
    assert set(renewal["source"]) == {"id", "publisher", "title", "period", "url"}
    assert document["unlocks"]["paths"][0] == {"id": "lead-ma", "name": "Lead MA"}
    assert document["ladder"] is None


def test_detail_json_unverified_and_ladder(run: Runner) -> None:
    document = json.loads(run("certs", "COT", "--json").out)
    assert document["eligibility"] == {"verified": False, "text": None, "source": None}
    assert document["exam_fees"] == {"verified": False, "fees": []}
    assert document["renewal"]["cycle_months"] == 36  # IJCAHPO: valid 36 months
    assert json.loads(run("certs", "CET", "--json").out)["renewal"]["verified"] is False
    assert [rung["id"] for rung in document["ladder"]["rungs"]] == ["COA", "COT", "COMT"]
    assert document["ladder"]["position"] == 2


# Credential errors ---------------------------------------------------------------


def test_ambiguous_fragment_lists_the_matches(run: Runner) -> None:
    result = run("certs", "ophth")
    assert result.code == 2
    assert result.out == ""
    assert _one_error_line(result.err) == (
        "maplanner: certs 'ophth' matches COA, COT, COMT: pick one, for example "
        "'maplanner certs COA'"
    )


def test_unknown_credential_suggests(run: Runner) -> None:
    result = run("certs", "cmx")
    assert result.code == 2
    line = _one_error_line(result.err)
    assert "certs 'cmx' is not a known certification; did you mean CMA" in line
    assert "choices: CMA, RMA, CCMA" in line


def test_cpt_codes_are_explained_not_shown(run: Runner) -> None:
    result = run("certs", "CPT codes")
    assert result.code == 2
    assert result.out == ""
    line = _one_error_line(result.err)
    assert "certs 'CPT codes' is not a credential." in line
    assert "Look at CPC or CCS instead." in line


def test_id_with_year_is_refused(run: Runner) -> None:
    result = run("certs", "cma", "--year", "2")
    assert result.code == 2
    assert "give a credential ID or --year, not both" in _one_error_line(result.err)


def test_id_with_track_is_refused(run: Runner) -> None:
    result = run("certs", "cma", "--track", "clinical")
    assert result.code == 2
    assert "--track filters the list and the year plan" in _one_error_line(result.err)


def test_unknown_track_lists_the_tracks(run: Runner) -> None:
    result = run("certs", "--track", "surgery")
    assert result.code == 2
    assert result.out == ""
    assert _one_error_line(result.err) == (
        "maplanner: --track 'surgery' is not a known track; choose one of: clinical, "
        "administrative, specialty, leadership, life-support"
    )


def test_unknown_track_with_year(run: Runner) -> None:
    result = run("certs", "--year", "2", "--track", "clincal")
    assert result.code == 2
    assert "did you mean clinical?" in _one_error_line(result.err)


def test_the_start_of_a_track_name_is_taken_with_a_note(run: Runner) -> None:
    result = run("certs", "--year", "2", "--track", "clinic")
    assert result.code == 0
    assert result.err == "maplanner: taking --track 'clinic' as clinical\n"


def test_broken_certifications_file_is_a_data_error(run: Runner, data_copy: Path) -> None:
    path = data_copy / "certifications.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"ophthalmic"]', '"ophthalmic", "CMA"]', 1), encoding="utf-8")
    result = run("--data-dir", str(data_copy), "certs")
    assert result.code == 1
    assert result.out == ""
    assert "'cma' names both CMA and COA" in result.err.splitlines()[0]


# Help ----------------------------------------------------------------------------


def test_help_explains_the_forms_and_cpt(run: Runner) -> None:
    result = run("certs", "--help")
    assert result.code == 0
    out = " ".join(result.out.replace("│", " ").split())  # the words, not the panel layout
    assert "maplanner certs --year 2" in out
    assert "Certified Phlebotomy Technician credential, not the CPT procedure codes" in out
    assert "clinical, administrative, specialty, leadership, life-support" in out
    assert "from 0 (in training) to 50" in out


# Renderers with held credentials (for the saved-profile feature) ---------------------


def _render(draw: Callable[[Console], None]) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=80, no_color=True, highlight=False)
    draw(console)
    return buffer.getvalue()


def test_renderers_mark_held_credentials_in_words(catalog: Catalog) -> None:
    held = frozenset({"CMA", "COT"})
    listing = _render(lambda c: render_list(list_certifications(catalog), held, c))
    assert listing.count("(you hold this)") == 2
    assert "CMA (you hold this)" in listing
    plan = _render(lambda c: render_year(plan_for_year(catalog, 0), held, c))
    assert "CMA (you hold this)" in plan
    detail = _render(lambda c: render_detail(certification_detail(catalog, "COA"), held, c))
    assert "COA (this one) -> COT (you hold this) -> COMT" in detail


def test_renderers_without_held_mark_nothing(catalog: Catalog) -> None:
    listing = _render(lambda c: render_list(list_certifications(catalog), out=c))
    assert "you hold this" not in listing
