"""Browseable advice topics, written in maplanner's own words.

Every section names the source its advice comes from. Wage and outlook figures are
never typed into the advice: a point says `{median_annual}` and the figure is filled
in from the wage tables (oews.toml) or outlook.toml when the topic is shown, so a new
BLS release is a change to those files only and the advice cannot drift from the
tables. Only the placeholders listed here are allowed; anything else in braces is a
data error.
"""

import re
from typing import Literal, Self

from pydantic import Field, model_validator

from maplanner.catalog.base import Id, Strict, Text

#: Placeholder name -> the data file (wages or outlook) whose figure fills it.
PLACEHOLDERS: dict[str, Literal["wages", "outlook"]] = {
    "median_annual": "wages",
    "median_hourly": "wages",
    "wage_vintage": "wages",
    "low_point": "wages",
    "high_point": "wages",
    "oews_employment": "wages",
    "growth_percent": "outlook",
    "projection_span": "outlook",
    "openings_per_year": "outlook",
    "projection_employment": "outlook",
    "projection_base_year": "outlook",
    "entry_education": "outlook",
}
_BRACED = re.compile(r"\{([^{}]*)\}")


def placeholders_in(text: str) -> list[str]:
    """The placeholder names used in a piece of advice, in order."""
    return _BRACED.findall(text)


class GuideSection(Strict):
    heading: Text
    points: list[Text] = Field(min_length=1)
    source: Id

    @model_validator(mode="after")
    def _known_placeholders(self) -> Self:
        for point in self.points:
            for name in placeholders_in(point):
                if name not in PLACEHOLDERS:
                    raise ValueError(
                        f"unknown placeholder {{{name}}}; known: {', '.join(PLACEHOLDERS)}"
                    )
            if "{" in _BRACED.sub("", point) or "}" in _BRACED.sub("", point):
                raise ValueError(f"unmatched brace in {point[:40]!r}")
        return self


class GuideTopic(Strict):
    id: Id
    title: Text
    summary: Text
    aliases: list[Text] = Field(default_factory=list, description="Other names people type.")
    sections: list[GuideSection] = Field(min_length=1)


class GuideFile(Strict):
    topic: list[GuideTopic] = Field(min_length=1)
