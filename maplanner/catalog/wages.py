"""The BLS wage table, the projections, and pay by industry."""

import itertools
from typing import Annotated, Self

from pydantic import Field, model_validator

from maplanner.catalog.base import Id, Strict, Text

Dollars = Annotated[int, Field(gt=0, le=10_000_000)]


class PercentilePoint(Strict):
    """One published point of the wage distribution."""

    percentile: int = Field(gt=0, lt=100)
    annual: Dollars
    #: The hourly figure when BLS published it (May 2025 on); None: derive it.
    hourly: float | None = Field(default=None, gt=0, le=10_000)


class WageTable(Strict):
    """The published wage distribution for one occupation and area."""

    occupation: Text
    soc_code: str = Field(pattern=r"^\d{2}-\d{4}$")
    area: Text
    vintage: Text
    source: Id
    hours_per_year: int = Field(gt=0, le=8784)
    percentiles: list[PercentilePoint] = Field(min_length=2)
    mean_annual: Dollars
    median_hourly: float = Field(gt=0, le=10_000)
    employment: int | None = Field(gt=0)
    employment_note: Text
    #: BLS's published mean hourly wage, where the source gives it.
    mean_hourly: float | None = Field(default=None, gt=0, le=10_000)
    #: Published points BLS withheld in this table, each with BLS's reason.
    withheld: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _increasing(self) -> Self:
        points = self.percentiles
        for low, high in itertools.pairwise(points):
            if high.percentile <= low.percentile:
                raise ValueError(
                    f"percentiles must strictly increase: {high.percentile} follows "
                    f"{low.percentile}"
                )
            # BLS publishes equal neighbours where many are paid the same (a small
            # area's 75th and 90th); a lower figure above a higher one is an error.
            if high.annual < low.annual:
                raise ValueError(
                    f"annual wages must not decrease as the percentile rises: the "
                    f"{high.percentile}th (${high.annual:,}) is below the "
                    f"{low.percentile}th (${low.annual:,})"
                )
        if 50 not in {p.percentile for p in points}:
            raise ValueError("the table must publish the median (percentile 50)")
        median = next(p.annual for p in points if p.percentile == 50)
        if abs(self.median_hourly * self.hours_per_year - median) > self.hours_per_year * 0.01:
            raise ValueError(
                f"median_hourly ${self.median_hourly} x {self.hours_per_year} h does not "
                f"match the median annual wage ${median:,}"
            )
        return self


class Industry(Strict):
    """A BLS industry with the median MA wage in it."""

    id: Id
    name: Text
    median_annual: Dollars
    share_of_jobs_percent: float | None = Field(default=None, ge=0, le=100)
    source: Id
    #: The industry's NAICS code: the May 2025 median comes from OEWS's row for it.
    naics: str | None = Field(default=None, pattern=r"^\d{6}$")
    #: Which published table the median comes from.
    table: Text | None = None


class Outlook(Strict):
    """The ten-year employment projection; a different measure from the OEWS count."""

    source: Id
    base_year: int
    target_year: int
    employment_base: int = Field(gt=0)
    employment_target: int = Field(gt=0)
    change: int
    growth_percent: float
    openings_per_year: int = Field(gt=0)
    entry_education: Text
    note: Text

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.target_year <= self.base_year:
            raise ValueError("target_year must come after base_year")
        if self.employment_target - self.employment_base != self.change:
            raise ValueError(
                f"change {self.change:,} is not employment_target - employment_base "
                f"({self.employment_target - self.employment_base:,})"
            )
        growth = self.change / self.employment_base * 100
        if abs(growth - self.growth_percent) > 0.1:
            raise ValueError(
                f"growth_percent {self.growth_percent} does not match the change ({growth:.1f}%)"
            )
        return self


class WagesFile(Strict):
    wages: WageTable
    industry: list[Industry] = Field(min_length=1)


class OutlookFile(Strict):
    outlook: Outlook
