"""Work settings (settings.toml), each mapped to the BLS industry whose wages describe it."""

from typing import Self

from pydantic import Field, model_validator

from maplanner.catalog.base import Id, Strict, Text, check_names_unique


class WorkSetting(Strict):
    """A place an MA can work, mapped to the BLS industry whose wages describe it."""

    id: Id
    name: Text
    aliases: list[Text] = Field(
        default_factory=list, description="Other names people type (primary care, ASC)."
    )
    hint: Text
    industry: Id
    reason: Text = Field(description="Why this setting maps to that industry: a judgment.")


class SettingsFile(Strict):
    setting: list[WorkSetting] = Field(min_length=1)

    @model_validator(mode="after")
    def _names_unique(self) -> Self:
        check_names_unique("settings", ((s.id, [s.name, *s.aliases]) for s in self.setting))
        return self
