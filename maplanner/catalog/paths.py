"""Advancement and alternative career paths, with the steps that lead to each."""

from typing import Literal

from pydantic import Field

from maplanner.catalog.base import Id, Strict, Text


class PayFigure(Strict):
    """A verified pay figure for the destination role; absent means none was verified."""

    median_annual: int = Field(gt=0)
    vintage: Text
    source: Id


class PathStep(Strict):
    """One stage on the way: roughly how long it takes and what marks it done."""

    title: Text
    years: float = Field(gt=0, le=10)
    credentials: list[Id] = Field(default_factory=list)
    skills: list[Text] = Field(default_factory=list)
    role: Text
    milestone: Text


class CareerPath(Strict):
    id: Id
    name: Text
    kind: Literal["advancement", "alternative"]
    work: Text
    requires: Text
    time_to_get_there: Text
    carries_over: Text
    pay: PayFigure | None = None
    min_years: float = Field(ge=0, description="MA experience usually expected before starting.")
    credentials: list[Id] = Field(default_factory=list)
    steps: list[PathStep] = Field(min_length=1)
    source: Id


class PathsFile(Strict):
    path: list[CareerPath] = Field(min_length=1)
