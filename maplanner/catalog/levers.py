"""Levers (levers.toml): how long each way of raising pay usually takes, for ranking."""

from pydantic import Field

from maplanner.catalog.base import Id, Strict, Text


class LeverTime(Strict):
    months: int = Field(ge=1)
    reason: Text


class LeadershipTime(Strict):
    """A leadership level's time: fixed months, or a path's plan plus extra months."""

    id: Id
    months: int | None = Field(default=None, ge=1)
    path: Id | None = None
    extra_months: int = Field(default=0, ge=0)
    reason: Text


class LeversFile(Strict):
    minimum_months: int = Field(ge=1)
    rule: Text
    source: Id
    credential: LeverTime
    specialty: LeverTime
    setting: LeverTime
    place: LeverTime
    leadership: list[LeadershipTime] = Field(min_length=1)
