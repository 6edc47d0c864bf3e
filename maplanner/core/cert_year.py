"""The plan for one career year: `maplanner certs --year N`."""

from typing import Literal

from maplanner.catalog.catalog import Catalog
from maplanner.catalog.certs import Certification, Track
from maplanner.catalog.roadmap import RoadmapBand
from maplanner.core.cert_options import parse_year
from maplanner.core.refs import SourceRef, source_ref
from maplanner.core.result import Result as _Result


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


def _band_info(band: RoadmapBand) -> BandInfo:
    return BandInfo.model_construct(
        id=band.id,
        name=band.name,
        theme=band.theme,
        first_year=band.first_year,
        last_year=band.last_year,
    )


def _planned(cert: Certification, reason: str) -> PlannedCert:
    return PlannedCert.model_construct(
        id=cert.id, name=cert.name, track=cert.track, reason=reason, caution=cert.caution
    )
