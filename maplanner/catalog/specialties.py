"""Specialties (specialties.toml): their skills and the credentials that serve them."""

from pydantic import Field

from maplanner.catalog.base import Id, Strict, Text


class Specialty(Strict):
    id: Id
    name: Text
    skills: list[Text] = Field(min_length=1)
    credentials: list[Id] = Field(
        default_factory=list, description="Verified credentials that serve this specialty."
    )
    note: Text | None = None


class SpecialtiesFile(Strict):
    specialty: list[Specialty] = Field(min_length=1)
