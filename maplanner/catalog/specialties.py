"""Specialties (specialties.toml): their skills and the credentials that serve them."""

from typing import Self

from pydantic import Field, model_validator

from maplanner.catalog.base import Id, Strict, Text, check_names_unique


class Specialty(Strict):
    id: Id
    name: Text
    aliases: list[Text] = Field(
        default_factory=list, description="Short forms people type (peds, ortho, ob/gyn)."
    )
    skills: list[Text] = Field(min_length=1)
    credentials: list[Id] = Field(
        default_factory=list, description="Verified credentials that serve this specialty."
    )
    note: Text | None = None


class SpecialtiesFile(Strict):
    specialty: list[Specialty] = Field(min_length=1)

    @model_validator(mode="after")
    def _names_unique(self) -> Self:
        check_names_unique("specialties", ((s.id, [s.name, *s.aliases]) for s in self.specialty))
        return self
