"""Certifications, with every verified fact tied to its source.

A fact nobody could verify is the literal string "not verified" in the data, so the
file itself says what is known and what is not, and no renderer has to guess.
"""

from typing import Literal

from pydantic import Field

from maplanner.catalog.base import Id, Strict, Text

Track = Literal["clinical", "administrative", "specialty", "leadership", "life-support"]
TRACKS: tuple[Track, ...] = (
    "clinical",
    "administrative",
    "specialty",
    "leadership",
    "life-support",
)
NotVerified = Literal["not verified"]


class Eligibility(Strict):
    text: Text
    source: Id


class ExamFee(Strict):
    amount: int = Field(gt=0, le=10_000)
    applies_to: Text
    source: Id


class CESplit(Strict):
    category: Text
    minimum: int = Field(ge=0)


class ContinuingEducation(Strict):
    total: int = Field(gt=0)
    unit: Text
    split: list[CESplit] = Field(default_factory=list)
    note: Text | None = None


class Renewal(Strict):
    cycle_months: int = Field(gt=0, le=240)
    how: Text
    continuing_education: ContinuingEducation | None = None
    source: Id


class Unlocks(Strict):
    tiers: list[Id] = Field(default_factory=list)
    roles: list[Text] = Field(default_factory=list)
    paths: list[Id] = Field(default_factory=list)


class Certification(Strict):
    id: Id
    name: Text
    issuer: Text
    track: Track
    primary: bool = Field(
        default=False, description="One of the core MA credentials (CMA, RMA, CCMA)."
    )
    stage: Id = Field(description="The roadmap band in which it usually fits.")
    aliases: list[Text] = Field(default_factory=list)
    value: Text = Field(description="One line on why it is worth having.")
    caution: Text | None = Field(default=None, description="A confusion to warn about.")
    eligibility: Eligibility | NotVerified
    exam_fees: list[ExamFee] | NotVerified
    renewal: Renewal | NotVerified
    unlocks: Unlocks
    related: list[Id] = Field(default_factory=list)
    source: Id = Field(description="Where the credential itself is named.")


class CertificationsFile(Strict):
    certification: list[Certification] = Field(min_length=1)
