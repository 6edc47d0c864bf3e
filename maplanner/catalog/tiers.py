"""Career tiers (tiers.toml): their spans of years, and how Specialized and Senior/Lead
are decided beyond experience.
"""

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
        description="Leadership levels that place a person in Senior/Lead whatever the "
        "years or specialty (the levels that reach the Lead MA path)."
    )


class TiersFile(Strict):
    tier: list[Tier] = Field(min_length=2)
    placement: Placement
