"""Tiers, work settings, specialties, the year-by-year roadmap and the skills map."""

from typing import Self

from pydantic import Field, model_validator

from maplanner.catalog.base import Id, Strict, Text


class Tier(Strict):
    """A career tier. Experience tiers cover a span of years; Specialized is earned otherwise."""

    id: Id
    name: Text
    summary: Text
    titles: list[Text] = Field(min_length=1)
    min_years: float = Field(ge=0)
    below_years: float | None = Field(
        default=None, description="Experience tiers end just below this; None means no end."
    )
    by_experience: bool = Field(
        description="True for Entry, Mid and Senior/Lead, whose spans must tile 0 to any years."
    )
    source: Id

    @model_validator(mode="after")
    def _span(self) -> Self:
        if self.below_years is not None and self.below_years <= self.min_years:
            raise ValueError(f"below_years {self.below_years} must exceed min_years")
        return self


class Placement(Strict):
    """How Specialized and Senior/Lead are decided beyond plain experience."""

    specialized_tier: Id
    specialized_min_years: float = Field(ge=0)
    senior_tier: Id
    leadership_keeps_senior: list[Id] = Field(
        description="Leadership levels that keep a specialist with Senior/Lead years in "
        "Senior/Lead rather than Specialized."
    )


class TiersFile(Strict):
    tier: list[Tier] = Field(min_length=2)
    placement: Placement


class WorkSetting(Strict):
    """A place an MA can work, mapped to the BLS industry whose wages describe it."""

    id: Id
    name: Text
    hint: Text
    industry: Id
    reason: Text = Field(description="Why this setting maps to that industry: a judgment.")


class SettingsFile(Strict):
    setting: list[WorkSetting] = Field(min_length=1)


class Specialty(Strict):
    id: Id
    name: Text
    skills: list[Text] = Field(min_length=1)
    credentials: list[Id] = Field(
        default_factory=list, description="Verified credentials that serve this specialty."
    )
    note: Text | None = None


class SpecialtiesFile(Strict):
    specialty: list[Specialty] = Field(min_length=1)


class RoadmapStep(Strict):
    cert: Id
    reason: Text


class RoadmapBand(Strict):
    """A stretch of career years and what to do in it."""

    id: Id
    name: Text
    theme: Text
    first_year: int = Field(ge=0)
    last_year: int | None = None
    certs: list[RoadmapStep] = Field(default_factory=list)
    skills: list[Text] = Field(min_length=1)
    employer_expectations: list[Text] = Field(min_length=1)
    source: Id


class RoadmapFile(Strict):
    max_year: int = Field(gt=0, description="The last career year a plan is offered for.")
    band: list[RoadmapBand] = Field(min_length=1)


class SkillGroup(Strict):
    id: Id
    name: Text
    summary: Text
    skills: list[Text] = Field(min_length=1)


class EmployerNeeds(Strict):
    summary: Text
    items: list[Text] = Field(min_length=1)
    source: Id


class SkillsFile(Strict):
    group: list[SkillGroup] = Field(min_length=1)
    employers: EmployerNeeds
    source: Id
