"""Certifications, with every verified fact tied to its source.

A fact nobody could verify is the literal string "not verified" in the data, so the
file itself says what is known and what is not, and no renderer has to guess.
"""

from collections import defaultdict
from typing import Literal, Self

from pydantic import Field, model_validator

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

    @model_validator(mode="after")
    def _split_fits(self) -> Self:
        needed = sum(part.minimum for part in self.split)
        if needed > self.total:
            raise ValueError(
                f"the split's minimums add up to {needed}, more than the total {self.total}"
            )
        return self


class Renewal(Strict):
    cycle_months: int = Field(gt=0, le=240)
    how: Text
    continuing_education: ContinuingEducation | None = None
    source: Id


class Unlocks(Strict):
    tiers: list[Id] = Field(default_factory=list)
    roles: list[Text] = Field(default_factory=list)
    paths: list[Id] = Field(default_factory=list)


class LadderRung(Strict):
    """Where a credential stands on a published ladder (COA, then COT, then COMT).

    Kept as data because the order is the issuer's, and nothing else in the file
    (stage, related) can tell two rungs of the same stage apart.
    """

    name: Text = Field(description="The ladder's name, shared by all its rungs.")
    rung: int = Field(ge=1, le=20, description="1 for the first rung.")
    source: Id


class NotThis(Strict):
    """Names people type that mean something else, e.g. "CPT codes" for the CPT credential.

    A look-up of one of these names explains the mix-up instead of showing the
    credential, so the two are never presented as the same thing.
    """

    names: list[Text] = Field(min_length=1)
    explanation: Text
    see: list[Id] = Field(default_factory=list, description="Credentials to look at instead.")


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
    ladder: LadderRung | None = None
    not_this: NotThis | None = None
    source: Id = Field(description="Where the credential itself is named.")


class RenewalWarning(Strict):
    """How early `certs --due` flags a renewal: a product choice, not an issuer's rule."""

    due_soon_months: int = Field(ge=0, le=60)
    source: Id


class CertificationsFile(Strict):
    renewals: RenewalWarning
    certification: list[Certification] = Field(min_length=1)

    @model_validator(mode="after")
    def _names_unique(self) -> Self:
        """An id, name or alias must point at one credential, so a lookup never has to guess."""
        owner: dict[str, str] = {}
        for cert in self.certification:
            names = {
                cert.id,
                cert.name,
                *cert.aliases,
                *(cert.not_this.names if cert.not_this else []),
            }
            for name in {name.lower() for name in names}:
                if name in owner and owner[name] != cert.id:
                    raise ValueError(f"{name!r} names both {owner[name]} and {cert.id}")
                owner[name] = cert.id
        return self

    @model_validator(mode="after")
    def _not_this_points_somewhere(self) -> Self:
        known = {cert.id for cert in self.certification}
        for cert in self.certification:
            for other in cert.not_this.see if cert.not_this else []:
                if other not in known:
                    raise ValueError(f"{cert.id}.not_this.see: unknown certification id {other!r}")
        return self

    @model_validator(mode="after")
    def _ladders_complete(self) -> Self:
        """Each ladder's rungs run 1, 2, 3... with none missing or doubled."""
        rungs: dict[str, list[int]] = defaultdict(list)
        for cert in self.certification:
            if cert.ladder is not None:
                rungs[cert.ladder.name].append(cert.ladder.rung)
        for name, numbers in rungs.items():
            if sorted(numbers) != list(range(1, len(numbers) + 1)):
                raise ValueError(
                    f"ladder {name!r} has rungs {sorted(numbers)}; expected 1 to {len(numbers)}"
                )
        return self
