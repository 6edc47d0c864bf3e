"""Details of core/matching.py a user reads: which choice a typed name is taken as, the
note saying so, and the one-line answers for a name that fits several or none."""

import pytest

from maplanner.core.matching import (
    MAX_MATCH_CHARS,
    containing,
    resolve_id,
    suggest,
    take_notes,
    too_long,
    unknown_message,
)
from maplanner.errors import InputError

SETTINGS = {
    "family-practice": ["Family Practice", "primary care"],
    "urgent-care": ["Urgent Care"],
    "hospital": ["Hospital"],
}
PATHS = {"lpn-lvn": ["Licensed Practical Nurse"], "rn": ["Registered Nurse"], "cma": []}


def resolve(value: str, choices: dict[str, list[str]] = SETTINGS) -> str:
    return resolve_id(value, choices, option="--setting", what="setting")


def test_a_name_typed_any_way_is_its_id_with_no_note() -> None:
    take_notes()
    assert resolve(" PRIMARY-care ") == "family-practice"
    assert resolve("Hospital") == "hospital"
    assert take_notes() == []


def test_the_beginning_of_one_name_is_taken_with_a_note_said_once() -> None:
    take_notes()
    assert resolve(" urgent ") == "urgent-care"
    assert resolve("urg") == "urgent-care"
    assert resolve("urgent") == "urgent-care"
    assert take_notes() == [
        "taking --setting 'urgent' as urgent-care",
        "taking --setting 'urg' as urgent-care",
    ]
    assert take_notes() == []


def test_every_word_typed_must_begin_a_word_of_the_name() -> None:
    assert containing("fam pra", SETTINGS) == ["family-practice"]
    assert containing("fam care", SETTINGS) == []
    assert containing("pr", SETTINGS) == []  # too short to look inside names
    assert containing("--", SETTINGS) == []  # no words at all
    assert containing("lic", PATHS) == ["lpn-lvn"]


def test_a_name_that_fits_several_lists_them_with_their_names() -> None:
    with pytest.raises(InputError) as raised:
        resolve_id(" nurse ", PATHS, option="--goal", what="career path")
    assert str(raised.value) == (
        "--goal 'nurse' fits more than one career path: lpn-lvn (Licensed Practical Nurse), "
        "rn (Registered Nurse); pick one of them"
    )
    with pytest.raises(InputError) as raised:
        resolve("care")
    assert str(raised.value) == (
        "--setting 'care' fits more than one setting: family-practice, urgent-care; "
        "pick one of them"
    )


def test_an_unknown_name_lists_the_choices() -> None:
    with pytest.raises(InputError) as raised:
        resolve("xyz")
    assert str(raised.value) == (
        "--setting 'xyz' is not a known setting; choose one of: family-practice, urgent-care, "
        "hospital"
    )


def test_a_value_too_long_to_be_a_name_gets_its_own_answer() -> None:
    assert too_long("h" * MAX_MATCH_CHARS, option="--setting", what="setting") is None
    value = "h" * (MAX_MATCH_CHARS + 1) + "ospital"
    assert suggest("h" * (MAX_MATCH_CHARS + 1), {"h" * 201: []}) == []
    with pytest.raises(InputError) as raised:
        resolve(value)
    assert str(raised.value) == (
        f"--setting {'h' * 20!r}... is 208 characters long: a setting is a name or an id "
        "of at most 200 characters"
    )


def test_a_value_past_200_characters_is_refused_whole_even_if_a_name_is_in_it() -> None:
    with pytest.raises(InputError) as raised:
        resolve("hospital".ljust(MAX_MATCH_CHARS + 1))
    assert "is 201 characters long: a setting is a name or an id" in str(raised.value)


def test_a_value_of_200_characters_is_still_matched_and_suggested() -> None:
    padded = "urgent care".ljust(MAX_MATCH_CHARS)
    assert resolve(padded) == "urgent-care"
    value = "x" * (MAX_MATCH_CHARS - len("cardiology")) + "cardiology"
    assert suggest(value, {"cardiology": []}) == ["cardiology"]


def test_a_name_that_fits_several_lists_ids_without_names_alone() -> None:
    with pytest.raises(InputError) as raised:
        resolve_id("care", {"care-a": [], "care-b": ["Care B"]}, option="--x", what="x")
    assert str(raised.value) == "--x 'care' fits more than one x: care-a, care-b; pick one of them"


def test_a_choice_is_ranked_by_its_closest_name() -> None:
    # "cardic" is closer to "cardio" than "cardiac" is, "cardx" less close.
    choices = {"heart": ["cardic", "cardx"], "lungs": ["cardiac"]}
    assert suggest("cardio", choices) == ["heart", "lungs"]


def test_the_unknown_answer_to_a_value_too_long_says_so() -> None:
    # certs and guide topics ask unknown_message directly.
    message = unknown_message("x" * 201, {"cma": []}, option="certs", what="certification")
    assert message == (
        f"certs {'x' * 20!r}... is 201 characters long: a certification is a name or an id "
        "of at most 200 characters"
    )
