"""Where every figure comes from."""

from pydantic import Field

from maplanner.catalog.base import Id, Strict, Text


class Source(Strict):
    """A publication a figure or fact was taken from."""

    id: Id
    publisher: Text
    title: Text
    url: str | None = Field(default=None, pattern=r"^https://")
    period: Text = Field(description="The reference period or vintage, e.g. 'May 2024'.")
    note: Text | None = None


class SourcesFile(Strict):
    source: list[Source] = Field(min_length=1)
