"""Which BLS occupation stands for each career path's pay (data/path_occupations.toml)."""

from pydantic import Field

from maplanner.catalog.base import Id, Strict, Text
from maplanner.catalog.oews import Soc


class PathOccupation(Strict):
    """Which BLS occupation stands for a career path's pay, and why."""

    id: Id
    soc_code: Soc
    reason: Text


class PathOccupationsFile(Strict):
    path: list[PathOccupation] = Field(min_length=1)
