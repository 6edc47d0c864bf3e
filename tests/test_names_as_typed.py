"""Names are matched the way people type them.

Case, spaces, hyphens, underscores and punctuation are ignored; the short forms people
use are aliases in data/ (settings.toml, specialties.toml); one name that begins with
the words typed is taken with a one-line note on stderr; several are listed, exit 2.
"""

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from maplanner.catalog.catalog import Catalog
from maplanner.catalog.loader import load_catalog
from maplanner.core.profile import resolve_setting, resolve_specialty
from tests.conftest import Runner, examples

CATALOG = load_catalog(None)


def _profile(run: Runner, *options: str) -> dict[str, object]:
    result = run("assess", "--years", "3", *options, "--json")
    assert result.code == 0, result.err
    profile = json.loads(result.out)["profile"]
    assert isinstance(profile, dict)
    return profile


@pytest.mark.parametrize(
    ("typed", "setting"),
    [
        ("family practice", "family-practice"),
        ("Family Practice", "family-practice"),
        ("FAMILY_PRACTICE", "family-practice"),
        ("family medicine", "family-practice"),
        ("primary care", "family-practice"),
        ("Urgent Care", "urgent-care"),
        ("urgent_care", "urgent-care"),
        ("ASC", "ambulatory-surgery"),
        ("  hospital. ", "hospital"),
    ],
)
def test_settings_as_people_type_them(run: Runner, typed: str, setting: str) -> None:
    result = run("assess", "--years", "3", "--setting", typed, "--json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["profile"]["setting"] == setting
    assert result.err == ""  # a whole name or alias: nothing to note


@pytest.mark.parametrize(
    ("typed", "specialty"),
    [
        ("peds", "pediatrics"),
        ("Peds", "pediatrics"),
        ("ob/gyn", "ob-gyn"),
        ("OB-GYN", "ob-gyn"),
        ("obgyn", "ob-gyn"),
        ("ob gyn", "ob-gyn"),
        ("ortho", "orthopedics"),
        ("derm", "dermatology"),
        ("cardio", "cardiology"),
        ("Allergy & Immunology", "allergy"),
    ],
)
def test_specialties_by_short_forms(run: Runner, typed: str, specialty: str) -> None:
    profile = _profile(run, "--setting", "specialty-clinic", "--specialty", typed)
    assert profile["specialty"] == specialty


def test_salary_takes_a_setting_written_with_a_space(run: Runner) -> None:
    result = run("salary", "--setting", "family practice")
    assert result.code == 0, result.err
    assert "did you mean" not in result.err
    assert "Family or primary-care practice" in result.out


def test_one_name_that_begins_with_the_words_is_taken_with_a_note(run: Runner) -> None:
    result = run("assess", "--years", "3", "--setting", "urgent", "--json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["profile"]["setting"] == "urgent-care"
    assert result.err == "maplanner: taking --setting 'urgent' as urgent-care\n"


def test_paths_nurse_lists_both_nurse_paths(run: Runner) -> None:
    result = run("paths", "nurse")
    assert (result.code, result.out) == (2, "")
    assert result.err.count("\n") == 1 and result.err.startswith("maplanner: ")
    assert "lpn-lvn" in result.err and "rn (" in result.err
    assert "more than one career path" in result.err


def test_a_name_with_several_fits_is_never_guessed(run: Runner) -> None:
    result = run("assess", "--years", "3", "--setting", "center")
    assert result.code == 2
    assert "urgent-care" in result.err and "outpatient-center" in result.err


def test_a_misspelling_still_gets_did_you_mean(run: Runner) -> None:
    result = run("assess", "--years", "3", "--setting", "hopsital")
    assert result.code == 2
    assert "did you mean hospital?" in result.err


def test_roster_values_as_people_type_them(run: Runner, tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "id,years,certifications,setting,specialty,leads\n"
        "A,2,cma,Family Practice,,\n"
        "B,4,C.M.A.,Urgent Care,Peds,Lead MA\n"
        "C,4,CMA,specialty_clinic,OB/GYN,\n",
        encoding="utf-8",
    )
    results = tmp_path / "out.csv"
    result = run("batch", str(roster), "-o", str(results))
    assert result.code == 0, result.err
    assert "did you mean" not in result.err
    rows = results.read_text(encoding="utf-8").splitlines()
    assert len(rows) == 4


def test_profile_set_takes_a_setting_as_typed(run: Runner) -> None:
    assert run("assess", "--years", "3", "--setting", "hospital", "--save", "--json").code == 0
    result = run("profile", "set", "setting", "Urgent Care", "--json")
    assert result.code == 0, result.err
    assert "urgent-care" in result.out


def test_guide_topics_and_credentials_ignore_punctuation(run: Runner) -> None:
    assert run("guide", "Getting_Hired").code == 0
    result = run("certs", "c.m.a.")
    assert result.code == 0 and "CMA: Certified Medical Assistant" in result.out


def test_aliases_never_name_two_things(catalog: Catalog) -> None:
    """The data's aliases resolve to their own setting or specialty, each one."""
    for setting in catalog.settings:
        for name in (setting.id, setting.name, *setting.aliases):
            assert resolve_setting(catalog, name) == setting.id
    for specialty in catalog.specialties:
        for name in (specialty.id, specialty.name, *specialty.aliases):
            assert resolve_specialty(catalog, name) == specialty.id


def test_data_with_an_alias_shared_by_two_settings_is_refused(
    run: Runner, data_copy: Path
) -> None:
    path = data_copy / "settings.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('aliases = ["inpatient"]', 'aliases = ["Urgent-Care"]', 1),
        encoding="utf-8",
    )
    result = run("--data-dir", str(data_copy), "assess", "--years", "1", "--setting", "hospital")
    assert result.code == 1
    assert "urgentcare" in result.err and "names both" in result.err


def _as_typed(name: str, cases: list[bool], joiner: str) -> str:
    """A name retyped: each letter's case flipped or not, hyphens and spaces replaced."""
    letters = [c.upper() if flip else c.lower() for c, flip in zip(name, cases, strict=False)]
    return re.sub(r"[-\s]+", joiner, "".join(letters) + name[len(letters) :])


@settings(max_examples=examples(150))
@given(
    st.data(),
    st.lists(st.booleans(), min_size=40, max_size=40),
    st.sampled_from(["", " ", "_", "-", " - ", "  "]),
)
def test_any_case_and_separator_finds_the_same_name(
    data: st.DataObject, cases: list[bool], joiner: str
) -> None:
    catalog = CATALOG
    setting = data.draw(st.sampled_from(catalog.settings))
    specialty = data.draw(st.sampled_from(catalog.specialties))
    for name in (setting.id, setting.name, *setting.aliases):
        assert resolve_setting(catalog, _as_typed(name, cases, joiner)) == setting.id
    for name in (specialty.id, specialty.name, *specialty.aliases):
        assert resolve_specialty(catalog, _as_typed(name, cases, joiner)) == specialty.id
