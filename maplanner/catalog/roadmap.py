"""The year-by-year roadmap (roadmap.toml): bands of career years and what to do in each."""

from pydantic import Field

from maplanner.catalog.base import Id, Strict, Text


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
