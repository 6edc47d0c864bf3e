"""Everything known about one credential: `maplanner certs ID`.

A fact the data marks "not verified" comes out as ``verified: false`` with no value,
never as a guess.
"""

from typing import Literal

from maplanner.catalog.catalog import Catalog
from maplanner.catalog.certs import Certification, ContinuingEducation, Track
from maplanner.core.certs import stage_name
from maplanner.core.refs import Ref, SourceRef, source_ref
from maplanner.core.result import Result as _Result


class VerifiedText(_Result):
    verified: bool
    text: str | None
    source: SourceRef | None


class Fee(_Result):
    amount: int
    applies_to: str
    source: SourceRef


class ExamFees(_Result):
    verified: bool
    fees: list[Fee]


class RenewalInfo(_Result):
    verified: bool
    cycle_months: int | None
    how: str | None
    continuing_education: ContinuingEducation | None
    source: SourceRef | None


class Unlocked(_Result):
    tiers: list[Ref]
    roles: list[str]
    paths: list[Ref]


class Ladder(_Result):
    """The whole ladder a credential is a rung of, lowest rung first."""

    name: str
    rungs: list[Ref]
    position: int
    source: SourceRef


class CertDetail(_Result):
    kind: Literal["detail"] = "detail"
    id: str
    name: str
    issuer: str
    track: Track
    primary: bool
    stage: str
    stage_name: str
    aliases: list[str]
    value: str
    caution: str | None
    eligibility: VerifiedText
    exam_fees: ExamFees
    renewal: RenewalInfo
    unlocks: Unlocked
    ladder: Ladder | None
    related: list[Ref]
    source: SourceRef


def certification_detail(catalog: Catalog, cert_id: str) -> CertDetail:
    """Everything known about one credential, each verified fact with its source."""
    cert = catalog.certification(cert_id)
    return CertDetail.model_construct(
        id=cert.id,
        name=cert.name,
        issuer=cert.issuer,
        track=cert.track,
        primary=cert.primary,
        stage=cert.stage,
        stage_name=stage_name(catalog, cert),
        aliases=list(cert.aliases),
        value=cert.value,
        caution=cert.caution,
        eligibility=_eligibility(catalog, cert),
        exam_fees=_exam_fees(catalog, cert),
        renewal=_renewal(catalog, cert),
        unlocks=Unlocked.model_construct(
            tiers=[
                Ref.model_construct(id=t, name=catalog.tier(t).name) for t in cert.unlocks.tiers
            ],
            roles=list(cert.unlocks.roles),
            paths=[
                Ref.model_construct(id=p, name=catalog.path(p).name) for p in cert.unlocks.paths
            ],
        ),
        ladder=_ladder(catalog, cert),
        related=[_ref(catalog.certification(other)) for other in cert.related],
        source=source_ref(catalog, cert.source),
    )


def _ref(cert: Certification) -> Ref:
    return Ref.model_construct(id=cert.id, name=cert.name)


def _eligibility(catalog: Catalog, cert: Certification) -> VerifiedText:
    if cert.eligibility == "not verified":
        return VerifiedText.model_construct(verified=False, text=None, source=None)
    return VerifiedText.model_construct(
        verified=True,
        text=cert.eligibility.text,
        source=source_ref(catalog, cert.eligibility.source),
    )


def _exam_fees(catalog: Catalog, cert: Certification) -> ExamFees:
    if cert.exam_fees == "not verified":
        return ExamFees.model_construct(verified=False, fees=[])
    fees = [
        Fee.model_construct(
            amount=fee.amount, applies_to=fee.applies_to, source=source_ref(catalog, fee.source)
        )
        for fee in cert.exam_fees
    ]
    return ExamFees.model_construct(verified=True, fees=fees)


def _renewal(catalog: Catalog, cert: Certification) -> RenewalInfo:
    if cert.renewal == "not verified":
        return RenewalInfo.model_construct(
            verified=False, cycle_months=None, how=None, continuing_education=None, source=None
        )
    return RenewalInfo.model_construct(
        verified=True,
        cycle_months=cert.renewal.cycle_months,
        how=cert.renewal.how,
        continuing_education=cert.renewal.continuing_education,
        source=source_ref(catalog, cert.renewal.source),
    )


def _ladder(catalog: Catalog, cert: Certification) -> Ladder | None:
    if cert.ladder is None:
        return None
    name = cert.ladder.name
    on_ladder = [
        (c.ladder.rung, c)
        for c in catalog.certifications
        if c.ladder is not None and c.ladder.name == name
    ]
    on_ladder.sort(key=lambda pair: pair[0])
    return Ladder.model_construct(
        name=name,
        rungs=[_ref(rung) for _, rung in on_ladder],
        position=cert.ladder.rung,
        source=source_ref(catalog, cert.ladder.source),
    )
