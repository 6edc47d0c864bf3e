"""Eligibility (eligibility.toml): what it takes to sit a credential, and the answers
(education, an accredited program, being a student) the rules check it against."""

from pydantic import Field

from maplanner.catalog.base import Id, Strict, Text


class EducationLevel(Strict):
    """A highest level of education finished; `rank` orders the levels."""

    id: Id
    name: Text
    rank: int = Field(ge=1)


class StudentAnswer(Strict):
    """The answer "in an MA program, not working yet", given where a setting is asked."""

    id: Id
    name: Text
    hint: Text
    reason: Text
    source: Id


class CredentialRequirements(Strict):
    """What a credential's issuer asks before the exam; None means no such requirement."""

    id: Id
    min_education: Id | None = None
    education_text: Text | None = None
    min_years: float | None = Field(default=None, ge=0)
    years_text: Text | None = None
    accredited_program: bool = False
    program_text: Text | None = None
    student_window_days: int | None = Field(default=None, ge=1)
    other_route: Text | None = None
    also: list[Text] = Field(default_factory=list)
    source: Id


class EligibilityFile(Strict):
    education: list[EducationLevel] = Field(min_length=1)
    student: StudentAnswer
    credential: list[CredentialRequirements] = Field(default_factory=list)
