"""Weights for the wage-percentile estimate. They are judgments anchored to the guides' bands.

`maplanner.core.rules` adds the points up; the anchors it is tested against are the
placement bands in the Resume Geni guide (0-2 years: 10th-25th; 3-5 years with a
credential and a specialty: near the median, lead roles toward the 75th; 6+ years
with leadership, a specialty credential and a higher-paying setting: the 90th).
"""

from typing import Self

from pydantic import Field, model_validator

from maplanner.catalog.base import Id, Strict, Text
from maplanner.catalog.certs import Track


class ExperienceCurve(Strict):
    """Base percentile by years of experience: straight lines between points, flat after."""

    points: list[tuple[float, float]] = Field(min_length=2)
    source: Id

    @model_validator(mode="after")
    def _non_decreasing(self) -> Self:
        if self.points[0][0] != 0:
            raise ValueError("the first point must be at 0 years")
        for (y0, p0), (y1, p1) in zip(self.points, self.points[1:], strict=False):
            if y1 <= y0:
                raise ValueError(f"years must strictly increase: {y1} follows {y0}")
            if p1 < p0:
                raise ValueError(f"the percentile must not fall with experience: {p1} after {p0}")
        return self


class CertificationWeights(Strict):
    primary: float = Field(ge=0, description="Once, for holding any primary MA credential.")
    specialty_each: float = Field(ge=0)
    specialty_max: float = Field(ge=0)
    other_each: float = Field(ge=0, description="Each credential on one of `other_tracks`.")
    other_max: float = Field(ge=0)
    other_tracks: list[Track] = Field(
        min_length=1,
        description="Tracks whose credentials count as 'other' (life support is left out: "
        "nearly every employer requires it, so it does not set pay apart).",
    )


class LeadershipLevel(Strict):
    id: Id
    name: Text
    hint: Text
    points: float = Field(ge=0)


class EstimateFile(Strict):
    experience: ExperienceCurve
    certifications: CertificationWeights
    specialty_practice: float = Field(ge=0, description="Points for working in a specialty.")
    setting_weight: float = Field(
        ge=0, le=1, description="Points per percentile point the setting's median sits from 50."
    )
    range_half_width: float = Field(gt=0, le=25)
    floor: float = Field(gt=0, lt=50)
    ceiling: float = Field(gt=50, lt=100)
    leadership: list[LeadershipLevel] = Field(min_length=1)
    rationale: Text
    source: Id

    @model_validator(mode="after")
    def _ordered_leadership(self) -> Self:
        points = [level.points for level in self.leadership]
        if points != sorted(points):
            raise ValueError("leadership levels must be listed from fewest to most points")
        return self
