"""Browseable advice topics, written in maplanner's own words."""

from pydantic import Field

from maplanner.catalog.base import Id, Strict, Text


class GuideSection(Strict):
    heading: Text
    points: list[Text] = Field(min_length=1)


class GuideTopic(Strict):
    id: Id
    title: Text
    summary: Text
    sections: list[GuideSection] = Field(min_length=1)
    source: Id


class GuideFile(Strict):
    topic: list[GuideTopic] = Field(min_length=1)
