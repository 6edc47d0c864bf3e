"""Which certifications, when, and what they take: pure look-ups over the catalog.

Three answers, one per form of `maplanner certs`: the whole list (optionally one
track), the plan for one career year, and everything known about one credential.
Each is a frozen result model, so the same value feeds the Rich renderer and
`--json`. A fact the data marks "not verified" comes out as ``verified: false``
with no value, never as a guess.

Finding a credential from what someone typed, in this order:
1. an exact id, full name or alias (case-insensitive) wins outright, so ``cma`` is
   the CMA and not also the CCMA, and ``ophthalmic`` (an alias of COA) is COA;
2. a name the data lists under a credential's ``not_this`` (``cpt codes``) is an
   error that explains the mix-up, so the billing code set is never shown as the
   phlebotomy credential;
3. otherwise a fragment of an id, name or alias: one match is that credential;
   several are an error listing them (``'ophth' matches COA, COT, COMT``);
4. otherwise an error with "did you mean" suggestions.
The data file guarantees that no id, name, alias or not-this name is used twice.
"""

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict

from maplanner.catalog.catalog import Catalog
from maplanner.catalog.certs import TRACKS, Certification, ContinuingEducation, Track
from maplanner.catalog.roadmap import RoadmapBand
from maplanner.core.matching import resolve_id, unknown_message
from maplanner.core.profile import cert_choices
from maplanner.core.refs import Ref, SourceRef, source_ref
from maplanner.errors import InputError

_WHOLE_NUMBER = re.compile(r"[+-]?[0-9]+", re.ASCII)
#: More digits than this cannot be a career year; say "out of range" without int().
_MAX_DIGITS = 6


class _Result(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


# The list ----------------------------------------------------------------------


class CertSummary(_Result):
    """One row of the list: what it is, where it fits, how often it renews, why bother."""

    id: str
    name: str
    issuer: str
    track: Track
    primary: bool
    stage: str
    stage_name: str
    renewal_verified: bool
    renewal_cycle_months: int | None
    value: str
    caution: str | None


class CertList(_Result):
    kind: Literal["list"] = "list"
    track: Track | None
    certifications: list[CertSummary]


# The year plan -----------------------------------------------------------------


class BandInfo(_Result):
    id: str
    name: str
    theme: str
    first_year: int
    last_year: int | None


class PlannedCert(_Result):
    """A credential to pursue in this band, and why now."""

    id: str
    name: str
    track: Track
    reason: str
    caution: str | None


class YearPlan(_Result):
    kind: Literal["year"] = "year"
    year: int
    max_year: int
    band: BandInfo
    year_in_band: int
    band_years: int | None
    position: str
    track: Track | None
    certifications: list[PlannedCert]
    left_out_by_track: int
    skills: list[str]
    employer_expectations: list[str]
    source: SourceRef


# The detail --------------------------------------------------------------------


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


# Reading what the user typed ---------------------------------------------------


def check_track(value: str | None) -> Track | None:
    """A track name, case-insensitive ('life support' works too); None means every track."""
    if value is None:
        return None
    choices: dict[str, list[str]] = {track: [track.replace("-", " ")] for track in TRACKS}
    found = resolve_id(value, choices, option="--track", what="track")
    return next(track for track in TRACKS if track == found)


def parse_year(value: str | int, max_year: int) -> int:
    """A career year: a whole number from 0 (in training) to `max_year`."""
    accepted = f"use a whole number of years from 0 to {max_year} (0 = still in training)"
    text = str(value).strip()
    shown = text if len(text) <= 20 else text[:17] + "..."
    if not _WHOLE_NUMBER.fullmatch(text):
        raise InputError(f"--year {shown!r} is not a whole number: {accepted}")
    digits = text.lstrip("+-").lstrip("0")
    if len(digits) > _MAX_DIGITS:
        raise InputError(f"--year {shown} is out of range: {accepted}")
    year = int(text)
    if not 0 <= year <= max_year:
        raise InputError(f"--year {year} is out of range: {accepted}")
    return year


def find_certification(catalog: Catalog, query: str) -> str:
    """The id of the one credential `query` names (see the module docstring for the rules)."""
    choices = cert_choices(catalog)
    wanted = query.strip().lower()
    if not wanted:
        raise InputError(
            f"certs needs a credential id or name; choose one of: {', '.join(choices)}"
        )
    for cert_id, names in choices.items():
        if wanted in {cert_id.lower(), *(name.lower() for name in names)}:
            return cert_id
    for cert in catalog.certifications:
        if cert.not_this and wanted in {name.lower() for name in cert.not_this.names}:
            see = (
                f" Look at {' or '.join(cert.not_this.see)} instead." if cert.not_this.see else ""
            )
            raise InputError(
                f"certs {query.strip()!r} is not a credential. {cert.not_this.explanation}{see}"
            )
    partial = [
        cert_id
        for cert_id, names in choices.items()
        if any(wanted in name.lower() for name in (cert_id, *names))
    ]
    if len(partial) == 1:
        return partial[0]
    if partial:
        raise InputError(
            f"certs {query.strip()!r} matches {', '.join(partial)}: pick one, for example "
            f"'maplanner certs {partial[0]}'"
        )
    raise InputError(unknown_message(query, choices, option="certs", what="certification"))


# Building the answers ----------------------------------------------------------


def list_certifications(catalog: Catalog, track: Track | None = None) -> CertList:
    """Every credential (or one track's), in the order a career meets them."""
    order = {band.id: band.first_year for band in catalog.roadmap}
    chosen = [c for c in catalog.certifications if track is None or c.track == track]
    chosen.sort(key=lambda cert: order[cert.stage])  # stable: data order within a band
    return CertList.model_construct(
        track=track, certifications=[_summary(catalog, c) for c in chosen]
    )


def plan_for_year(catalog: Catalog, year: int, track: Track | None = None) -> YearPlan:
    """What to earn, learn and show employers in career year `year` (0 to the roadmap's end)."""
    year = parse_year(year, catalog.roadmap_max_year)
    band = catalog.band_for_year(year)
    year_in_band = year - band.first_year + 1
    if band.last_year is None:
        band_years = None
        position = f"year {year_in_band}, band open-ended"
    else:
        band_years = band.last_year - band.first_year + 1
        position = f"year {year_in_band} of {band_years} in this band"
    planned = [
        _planned(catalog.certification(step.cert), step.reason)
        for step in band.certs
        if track is None or catalog.certification(step.cert).track == track
    ]
    return YearPlan.model_construct(
        year=year,
        max_year=catalog.roadmap_max_year,
        band=_band_info(band),
        year_in_band=year_in_band,
        band_years=band_years,
        position=position,
        track=track,
        certifications=planned,
        left_out_by_track=len(band.certs) - len(planned),
        skills=list(band.skills),
        employer_expectations=list(band.employer_expectations),
        source=source_ref(catalog, band.source),
    )


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
        stage_name=_stage_name(catalog, cert),
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


def _stage_name(catalog: Catalog, cert: Certification) -> str:
    return next(band.name for band in catalog.roadmap if band.id == cert.stage)


def _band_info(band: RoadmapBand) -> BandInfo:
    return BandInfo.model_construct(
        id=band.id,
        name=band.name,
        theme=band.theme,
        first_year=band.first_year,
        last_year=band.last_year,
    )


def _summary(catalog: Catalog, cert: Certification) -> CertSummary:
    renewal = None if cert.renewal == "not verified" else cert.renewal
    return CertSummary.model_construct(
        id=cert.id,
        name=cert.name,
        issuer=cert.issuer,
        track=cert.track,
        primary=cert.primary,
        stage=cert.stage,
        stage_name=_stage_name(catalog, cert),
        renewal_verified=renewal is not None,
        renewal_cycle_months=None if renewal is None else renewal.cycle_months,
        value=cert.value,
        caution=cert.caution,
    )


def _planned(cert: Certification, reason: str) -> PlannedCert:
    return PlannedCert.model_construct(
        id=cert.id, name=cert.name, track=cert.track, reason=reason, caution=cert.caution
    )


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
    rungs = sorted(
        (c for c in catalog.certifications if c.ladder is not None and c.ladder.name == name),
        key=lambda c: c.ladder.rung if c.ladder is not None else 0,
    )
    return Ladder.model_construct(
        name=name,
        rungs=[_ref(rung) for rung in rungs],
        position=cert.ladder.rung,
        source=source_ref(catalog, cert.ladder.source),
    )
