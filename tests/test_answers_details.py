"""The interview's answers one at a time, without a terminal: what each parser takes,
what it returns, and its words when it refuses. `tests/test_interview.py` runs the
interview itself, scripted and in a pseudo-terminal."""

import pytest

from maplanner.catalog.catalog import Catalog
from maplanner.core import answers
from maplanner.core.matching import take_notes
from maplanner.core.money import Pay
from maplanner.core.profile import PlaceAnswer
from tests.helpers import profile, refusal

TWO = {"cardiology": ["Cardiology"], "dermatology": ["Dermatology"]}


# Answers known before the interview --------------------------------------------------


def test_a_saved_profile_prefills_every_answer() -> None:
    saved = profile(4, certs=("CMA", "BLS"), leads="trains", pay=Pay(amount=46000, per="year"))
    saved = saved.model_copy(
        update={
            "education": "associate",
            "accredited": False,
            "place": PlaceAnswer(kind="state", name="WA"),
        }
    )
    assert answers.Prefill.from_profile(saved) == answers.Prefill(
        years=4,
        certs=("CMA", "BLS"),
        setting="family-practice",
        specialty="none",
        leads="trains",
        pay=Pay(amount=46000, per="year"),
        education="associate",
        accredited=False,
        place=PlaceAnswer(kind="state", name="WA"),
    )


def test_options_given_become_checked_answers(catalog: Catalog) -> None:
    take_notes()  # none left from before
    known = answers.prefill_from_options(
        catalog,
        years=4.5,
        certs=["CMA,rma", " "],
        setting="family",
        specialty="cardio",
        leads="trains",
        pay="46k",
        education="associate",
        accredited=True,
    )
    assert known == answers.Prefill(
        years=4.5,
        certs=("CMA", "RMA"),
        setting="family-practice",
        specialty="cardiology",
        leads="trains",
        pay=Pay(amount=46000, per="year"),
        education="associate",
        accredited=True,
    )
    assert take_notes() == ["taking --setting 'family' as family-practice"]


def test_no_specialty_and_blank_pay_given_as_options(catalog: Catalog) -> None:
    known = answers.prefill_from_options(
        catalog, years=None, certs=None, setting=None, specialty="none", leads=None, pay="  "
    )
    assert (known.specialty, known.pay, known.years, known.certs) == ("none", None, None, None)


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (
            {"years": 99.0},
            "--years 99 is out of range: use a number of years from 0 to 60 (decimals "
            "allowed, 0 for students)",
        ),
        (
            {"pay": "lots"},
            "--pay 'lots' is not a pay amount: use an annual amount like 46000, 46,000, "
            "$46,000 or 46k, or an hourly rate like 22.50/h",
        ),
        (
            {"education": "hs"},
            "--education 'hs' is not a known education level; choose one of: high-school, "
            "ma-certificate, associate, bachelor",
        ),
    ],
)
def test_a_wrong_option_is_refused_naming_it(
    catalog: Catalog, given: dict[str, object], message: str
) -> None:
    options: dict[str, object] = dict.fromkeys(
        ("years", "certs", "setting", "specialty", "leads", "pay")
    )
    assert refusal(answers.prefill_from_options, catalog, **{**options, **given}) == message


def test_the_command_line_for_a_profile_with_every_answer() -> None:
    full = profile(4, certs=("CMA",), pay=Pay(amount=23, per="hour")).model_copy(
        update={
            "education": "associate",
            "accredited": False,
            "place": PlaceAnswer(kind="area", name="Seattle-Tacoma-Bellevue, WA"),
        }
    )
    assert answers.as_options(full) == (
        "maplanner assess --years 4 --cert CMA --setting family-practice --pay 23/h "
        "--area 'Seattle-Tacoma-Bellevue, WA' --education associate --not-accredited"
    )
    accredited = full.model_copy(update={"accredited": True, "place": None})
    assert answers.as_options(accredited).endswith("--pay 23/h --education associate --accredited")


# One answer ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "index"), [("1", 0), ("5", 4), ("000000001", 0), ("0000000001", None)]
)
def test_a_list_number_up_to_nine_digits_is_read(typed: str, index: int | None) -> None:
    if index is None:
        assert refusal(answers.pick, typed, 5) == (
            "000000000... is not on the list: pick a number from 1 to 5"
        )
    else:
        assert answers.pick(typed, 5) == index


@pytest.mark.parametrize(
    ("typed", "shown"), [("123456789", "123456789"), ("99999999999", "999999999...")]
)
def test_a_number_off_the_list_is_shown_cut_to_nine_digits(typed: str, shown: str) -> None:
    assert refusal(answers.pick, typed, 5) == (
        f"{shown} is not on the list: pick a number from 1 to 5"
    )


def test_a_name_fitting_part_of_one_choice_is_taken_with_a_note() -> None:
    take_notes()  # none left from before
    assert answers.named("cardio", TWO, "specialty") == "cardiology"
    assert take_notes() == ["taking answer 'cardio' as cardiology"]


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("ology", "did you mean cardiology or dermatology?"),
        ("cardiolgy", "did you mean cardiology?"),
        ("zzz", "pick a number from the list"),
    ],
)
def test_an_unknown_name_gets_the_closest_or_the_list(typed: str, hint: str) -> None:
    assert refusal(answers.named, typed, TWO, "specialty") == (
        f"{typed!r} is not a known specialty; {hint}"
    )


def test_years_up_to_sixty_and_no_more() -> None:
    assert answers.parse_years("60") == 60
    assert refusal(answers.parse_years, "60.01") == (
        "60.01 is out of range: type 0 to 60 (0 for students)"
    )


def test_an_answer_of_only_commas_names_no_certification(catalog: Catalog) -> None:
    assert refusal(answers.parse_certs, catalog, ", ,") == (
        "', ,' names no certification: pick numbers from the list"
    )


def test_a_certifications_whole_name_is_read_as_one(catalog: Catalog) -> None:
    assert answers.parse_certs(catalog, "certified medical ASSISTANT") == ("CMA",)


def test_certifications_typed_twice_are_kept_once_in_order(catalog: Catalog) -> None:
    assert answers.parse_certs(catalog, "rma, CMA rma") == ("RMA", "CMA")


def test_a_student_answer_with_some_experience_is_refused(catalog: Catalog) -> None:
    assert refusal(answers.parse_setting, catalog, "0", 0.5) == (
        "student means not working as an MA yet, but you gave 0.5 years: pick where you "
        "work, or go back with Ctrl-C and answer 0 years"
    )
    assert answers.parse_setting(catalog, "0", 0) == "student"


@pytest.mark.parametrize("typed", ["", "0", "Not Sure", "SKIP"])
def test_no_education_answer(catalog: Catalog, typed: str) -> None:
    assert answers.parse_education(catalog, typed) is None


def test_an_unknown_education_level_is_named_as_one(catalog: Catalog) -> None:
    assert refusal(answers.parse_education, catalog, "phd") == (
        "'phd' is not a known education level; pick a number from the list"
    )


@pytest.mark.parametrize(
    ("typed", "meant"), [("Not Sure", None), ("Don't Know", None), ("Y", True), ("no", False)]
)
def test_accreditation_answers(typed: str, meant: bool | None) -> None:
    assert answers.parse_accredited_answer(typed) is meant


@pytest.mark.parametrize("typed", ["", "NONE", "Skip"])
def test_no_what_if(catalog: Catalog, typed: str) -> None:
    assert answers.parse_what_if(catalog, profile(3), typed) == []


def test_a_what_if_that_is_not_a_change_is_named_as_the_what_if(catalog: Catalog) -> None:
    assert refusal(answers.parse_what_if, catalog, profile(3), "bogus").startswith(
        "what-if 'bogus' is not a change: use FIELD=VALUE"
    )
    assert answers.parse_what_if(catalog, profile(3), "leads=lead") == [("leads", "lead")]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("leads=boss", "what-if leads 'boss' is not a known leadership level; choose"),
        ("years=six", "what-if years='six' is not a number of years: use a number"),
        ("setting=student", "what-if setting student means in an MA program and not"),
    ],
)
def test_a_bad_what_if_value_names_the_question_not_an_option(
    catalog: Catalog, typed: str, message: str
) -> None:
    assert refusal(answers.parse_what_if, catalog, profile(3), typed).startswith(message)


def test_an_accreditation_answer_that_is_not_yes_or_no(catalog: Catalog) -> None:
    assert refusal(answers.parse_accredited_answer, "maybe") == (
        "'maybe' is not yes or no: type y, n, or Enter if not sure"
    )
