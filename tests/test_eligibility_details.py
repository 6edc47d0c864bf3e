"""Details of core/eligibility.py: the words and timing of "can I sit this credential
yet", which the next steps, the levers and the plan all show."""

import pytest

from maplanner.catalog.catalog import Catalog
from maplanner.catalog.eligibility import CredentialRequirements
from maplanner.core.eligibility import Eligibility, check, education_rank
from maplanner.core.profile import Profile
from tests.helpers import catalog_with

CMA_NEEDS = (
    "Requires graduation from a CAAHEP- or ABHES-accredited MA program (the AAMA also "
    "lists an alternative (Category 4) route: check its terms with the AAMA)."
)
NOT_ACCREDITED = (
    "your program was not accredited, so only another route is left: the AAMA also lists "
    "an alternative (Category 4) route: check its terms with the AAMA"
)
CMPE_NEEDS = (
    "Requires a bachelor's degree or 120 college credit hours, two years of healthcare "
    "experience and MGMA membership."
)


def person(
    years: float = 3,
    setting: str = "family-practice",
    education: str | None = None,
    accredited: bool | None = None,
) -> Profile:
    return Profile(years=years, setting=setting, education=education, accredited=accredited)


def answer(
    cert: str,
    requires: str | None,
    when: str | None = None,
    window: str | None = None,
    years_from: float | None = None,
) -> Eligibility:
    return Eligibility(
        cert=cert,
        eligible=when is None,
        requires=requires,
        when=when,
        window=window,
        years_from=years_from,
    )


def with_rules(catalog: Catalog, *rules: CredentialRequirements) -> Catalog:
    """The shipped catalog with eligibility.toml's credentials replaced by `rules`."""
    return catalog_with(catalog, "eligibility.toml", credential=list(rules))


def rules(**fields: object) -> CredentialRequirements:
    return CredentialRequirements.model_validate({"id": "CMA", "source": "aama", **fields})


@pytest.mark.parametrize(
    ("profile", "cert", "expected"),
    [
        # No requirements recorded: open now, nothing to say.
        (person(), "RMA", answer("RMA", None)),
        # The usual route, accreditation not given.
        (person(), "CMA", answer("CMA", CMA_NEEDS)),
        (person(accredited=True), "CMA", answer("CMA", CMA_NEEDS)),
        (
            person(accredited=False),
            "CMA",
            answer(
                "CMA",
                CMA_NEEDS,
                when=NOT_ACCREDITED,
            ),
        ),
        # A student: the window, with the accreditation condition while it is not known.
        (
            person(years=0, setting="student"),
            "CMA",
            answer(
                "CMA",
                CMA_NEEDS,
                window="up to 30 days before you finish your program, if it is CAAHEP- or "
                "ABHES-accredited",
            ),
        ),
        (
            person(years=0, setting="student", accredited=True),
            "CMA",
            answer("CMA", CMA_NEEDS, window="up to 30 days before you finish your program"),
        ),
        (
            person(years=0, setting="student", accredited=False),
            "CMA",
            answer(
                "CMA",
                CMA_NEEDS,
                when=NOT_ACCREDITED,
            ),
        ),
        # Education: not given, too little, enough; and the years on top.
        (
            person(),
            "CMPE",
            answer(
                "CMPE",
                CMPE_NEEDS,
                when="once you have a bachelor's degree or 120 college credit hours (tell "
                "maplanner: --education)",
                years_from=2,
            ),
        ),
        (
            person(education="associate"),
            "CMPE",
            answer(
                "CMPE",
                CMPE_NEEDS,
                when="after a bachelor's degree or 120 college credit hours",
                years_from=2,
            ),
        ),
        (person(education="bachelor"), "CMPE", answer("CMPE", CMPE_NEEDS, years_from=2)),
        (
            person(years=0.5, education="bachelor"),
            "CMPE",
            answer(
                "CMPE",
                CMPE_NEEDS,
                when="from 2 years of experience (in 1.5 years)",
                years_from=2,
            ),
        ),
    ],
)
def test_each_answer_in_full(
    catalog: Catalog, profile: Profile, cert: str, expected: Eligibility
) -> None:
    assert check(profile, catalog, cert) == expected


def test_the_years_asked_about_replace_the_profile_s(catalog: Catalog) -> None:
    at_two = check(person(years=0.5, education="bachelor"), catalog, "CMPE", years=2)
    assert at_two == answer("CMPE", CMPE_NEEDS, years_from=2)


def test_an_education_not_given_meets_no_minimum_not_even_the_lowest(catalog: Catalog) -> None:
    lowest = min(catalog.eligibility.education, key=lambda level: level.rank)
    assert education_rank(catalog, None) == 0 < education_rank(catalog, lowest.id)
    changed = with_rules(
        catalog, rules(min_education=lowest.id, education_text="a high school diploma")
    )
    assert check(person(), changed, "CMA").when == (
        "once you have a high school diploma (tell maplanner: --education)"
    )
    assert check(person(education=lowest.id), changed, "CMA").eligible


def test_rules_with_nothing_to_say_require_nothing(catalog: Catalog) -> None:
    assert check(person(), with_rules(catalog, rules()), "CMA") == answer("CMA", None)


def test_a_program_route_without_another_route_is_named_alone(catalog: Catalog) -> None:
    changed = with_rules(catalog, rules(accredited_program=True, program_text="an MA program"))
    assert check(person(), changed, "CMA") == answer("CMA", "Requires an MA program.")
    assert check(person(accredited=False), changed, "CMA").when == (
        "your program was not accredited, so only another route is left"
    )


def test_years_without_their_own_words_are_counted(catalog: Catalog) -> None:
    changed = with_rules(catalog, rules(min_years=1))
    assert check(person(years=0.25), changed, "CMA") == answer(
        "CMA",
        "Requires 1 year of experience.",
        when="from 1 year of experience (in 0.75 years)",
        years_from=1,
    )


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"accredited_program": True}, "accredited_program needs program_text"),
        ({"min_education": "bachelor"}, "min_education needs education_text"),
        ({"education_text": "a degree"}, "education_text is only read with min_education"),
        ({"years_text": "two years"}, "years_text is only read with min_years"),
        ({"program_text": "a program"}, "program_text is only read with accredited_program"),
        ({"other_route": "a route"}, "other_route is only read with accredited_program"),
        (
            {"student_window_days": 30},
            "student_window_days is only read with accredited_program",
        ),
    ],
)
def test_requirement_words_and_their_requirement_come_together(
    catalog: Catalog, fields: dict[str, object], problem: str
) -> None:
    assert with_rules(catalog, rules(**fields)).problems() == [
        f"eligibility.credential.CMA: {problem}"
    ]
