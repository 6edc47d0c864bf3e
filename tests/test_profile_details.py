"""The answers a profile is made of, in detail: a saved profile whose answer this
catalog does not know is named with the command that mends it, and each answer
given on the command line is checked and put in canonical form."""

import pytest
from pydantic import ValidationError

from maplanner.catalog.catalog import Catalog
from maplanner.core.matching import take_notes
from maplanner.core.profile import (
    HeldCert,
    Profile,
    build_profile,
    check_student,
    normalized,
    parse_accredited,
    resolve_cert,
    resolve_education,
    resolve_leads,
    resolve_setting,
    resolve_specialty,
)
from maplanner.errors import InputError, MaplannerError, StoreError
from tests.helpers import profile

#: A saved profile's answers, to change one at a time past validation.
SAVED = dict(profile(4))
CHANGED = "(the data changed since it was saved, or the file was edited)"
FORGET = "or start again with 'maplanner profile forget'"


@pytest.mark.parametrize(
    ("answer", "what", "mend"),
    [
        ({"years": 99.0}, "years '99'", "'maplanner profile set years N', "),
        (
            {"setting": "spa"},
            "work setting 'spa'",
            "'maplanner profile set setting ID' (ID: one of family-practice, "
            "specialty-clinic, multispecialty-group, urgent-care, outpatient-center, "
            "ambulatory-surgery, hospital, chiropractic-optometry, podiatry-office, "
            "student), ",
        ),
        (
            {"specialty": "zoology"},
            "specialty 'zoology'",
            "'maplanner profile set specialty ID' (ID: one of none, ophthalmology, "
            "cardiology, podiatry, dermatology, orthopedics, ob-gyn, pediatrics, allergy), ",
        ),
        (
            {"leads": "boss"},
            "leadership level 'boss'",
            "'maplanner profile set leads ID' (ID: one of none, trains, lead, supervises), ",
        ),
        (
            {"certs": (HeldCert.model_construct(id="XYZ", earned=None, member_month=None),)},
            "certification 'XYZ'",
            "'maplanner profile remove-cert XYZ', ",
        ),
    ],
)
def test_a_saved_answer_this_catalog_does_not_know_is_named_with_its_mend(
    catalog: Catalog, answer: dict[str, object], what: str, mend: str
) -> None:
    with pytest.raises(MaplannerError) as refused:
        normalized(Profile.model_construct(**{**SAVED, **answer}), catalog)
    assert isinstance(refused.value, StoreError)
    assert (
        refused.value.message
        == f"the saved profile's {what} is not one this maplanner knows {CHANGED}"
    )
    assert refused.value.hint == f"mend it with {mend}{FORGET}"


def test_a_saved_profiles_education_and_accreditation_are_kept(catalog: Catalog) -> None:
    saved = Profile.model_construct(**{**SAVED, "education": "associate", "accredited": True})
    kept = normalized(saved, catalog)
    assert (kept.education, kept.accredited) == ("associate", True)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        *((word, None) for word in ("", " Unknown ", "NOT SURE", "?", "skip")),
        *((word, True) for word in ("yes", "Y", "True", "1", "accredited")),
        *((word, False) for word in ("no", "N", "FALSE", "0", "not-accredited", "Not Accredited")),
    ],
)
def test_every_word_for_accredited_yes_no_and_not_sure(typed: str, meant: bool | None) -> None:
    assert parse_accredited(typed) is meant


def test_a_word_that_is_not_yes_or_no_is_refused_naming_the_answer() -> None:
    with pytest.raises(InputError) as refused:
        parse_accredited("maybe")
    assert refused.value.message == (
        "accredited 'maybe' is not a yes or no answer: use yes, no, or leave it blank when "
        "you are not sure"
    )


def test_a_month_earned_must_look_like_a_month() -> None:
    with pytest.raises(ValidationError) as refused:
        HeldCert(id="CMA", earned="2025-13")
    assert "'2025-13' is not a month like 2025-03" in str(refused.value)


@pytest.mark.parametrize(
    ("given", "missing", "advice"),
    [
        ({"years": None, "setting": None}, "--years and --setting", "give them as options"),
        ({"years": 4.0, "setting": None}, "--setting", "give it as an option"),
        ({"years": None, "setting": "hospital"}, "--years", "give it as an option"),
    ],
)
def test_missing_answers_are_named_with_the_way_out(
    catalog: Catalog, given: dict[str, object], missing: str, advice: str
) -> None:
    others: dict[str, object] = dict.fromkeys(("certs", "specialty", "leads", "pay"))
    with pytest.raises(InputError) as refused:
        build_profile(catalog, **{**others, **given})  # type: ignore[arg-type]
    assert refused.value.message == (
        f"missing {missing}: {advice}, or run 'maplanner assess' in a terminal to be asked"
    )
    with pytest.raises(InputError) as refused:
        build_profile(catalog, **{**others, **given}, when_missing="see --help")  # type: ignore[arg-type]
    assert refused.value.message == f"missing {missing}: see --help"


@pytest.mark.parametrize("typed", [None, "", " None ", "UNKNOWN", "skip"])
def test_no_education_given(catalog: Catalog, typed: str | None) -> None:
    assert resolve_education(catalog, typed) is None


def test_an_unknown_education_is_refused_naming_the_option(catalog: Catalog) -> None:
    with pytest.raises(InputError) as refused:
        resolve_education(catalog, "phd")
    assert refused.value.message.startswith("--education 'phd' is not a known education level")


def test_a_student_with_some_experience_or_duties_is_refused(catalog: Catalog) -> None:
    student = Profile.model_construct(**{**SAVED, "setting": "student", "years": 0.5})
    with pytest.raises(InputError) as refused:
        check_student(student, catalog)
    assert refused.value.message == (
        "--setting student means in an MA program and not working yet, but the years are "
        "0.5: use --years 0 for a student, or the setting you work in"
    )
    leading = Profile.model_construct(
        **{**SAVED, "setting": "student", "years": 0, "leads": "lead"}
    )
    with pytest.raises(InputError) as refused:
        check_student(leading, catalog)
    assert refused.value.message == (
        "--setting student means not working yet, so there are no leadership duties (leads "
        "lead): leave leads out for a student, or give the setting you work in"
    )


@pytest.mark.parametrize("typed", ["student", "In an MA program", "not working yet"])
def test_a_student_by_any_of_its_names(catalog: Catalog, typed: str) -> None:
    take_notes()  # none left from before
    assert resolve_setting(catalog, typed) == "student"
    assert take_notes() == []  # a whole name, not a part of one


def test_a_saved_profile_is_put_in_canonical_form(catalog: Catalog) -> None:
    saved = Profile.model_construct(
        **{
            **SAVED,
            "certs": (HeldCert.model_construct(id="cma", earned="2024-03", member_month=None),),
            "setting": "Hospital",
            "specialty": "CARDIOLOGY",
            "leads": "Lead",
        }
    )
    kept = normalized(saved, catalog)
    assert (kept.setting, kept.specialty, kept.leads) == ("hospital", "cardiology", "lead")
    assert [(c.id, c.earned) for c in kept.certs] == [("CMA", "2024-03")]


def test_each_kind_of_answer_is_looked_up_in_its_own_names(catalog: Catalog) -> None:
    """The name tables are remembered per catalog, one per kind of answer."""
    assert resolve_setting(catalog, "hospital") == "hospital"
    assert resolve_specialty(catalog, "cardiology") == "cardiology"
    assert resolve_cert(catalog, "cma") == "CMA"
    assert resolve_leads(catalog, "lead") == "lead"
