"""Work settings (settings.toml), each mapped to the BLS industry whose wages describe it."""

from pydantic import Field

from maplanner.catalog.base import Id, Strict, Text


class WorkSetting(Strict):
    """A place an MA can work, mapped to the BLS industry whose wages describe it."""

    id: Id
    name: Text
    hint: Text
    industry: Id
    reason: Text = Field(description="Why this setting maps to that industry: a judgment.")


class SettingsFile(Strict):
    setting: list[WorkSetting] = Field(min_length=1)
