"""The skills map (skills.toml): groups of skills and what employers ask for."""

from pydantic import Field

from maplanner.catalog.base import Id, Strict, Text


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
