"""The whole career catalog, and the checks that span more than one data file."""

import itertools
from collections.abc import Callable, Hashable, Iterator
from typing import Any, TypeVar

from pydantic import BaseModel, PrivateAttr

from maplanner.catalog.base import Strict
from maplanner.catalog.career import (
    Placement,
    RoadmapBand,
    SkillsFile,
    Specialty,
    Tier,
    WorkSetting,
)
from maplanner.catalog.certs import Certification
from maplanner.catalog.estimate import EstimateFile, LeadershipLevel
from maplanner.catalog.guide import GuideTopic
from maplanner.catalog.paths import CareerPath
from maplanner.catalog.sources import Source
from maplanner.catalog.wages import Industry, Outlook, WageTable

T = TypeVar("T", bound=BaseModel)
V = TypeVar("V")

#: Derived values kept per catalog at most; the memo starts over past this many.
MEMO_LIMIT = 10_000


def _source_refs(value: object, where: str) -> Iterator[tuple[str, str]]:
    """Yield (location, source id) for every `source` field anywhere in a model tree."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            child = getattr(value, name)
            here = f"{where}.{name}" if where else name
            if name == "source" and isinstance(child, str):
                yield here, child
            else:
                yield from _source_refs(child, here)
    elif isinstance(value, list | tuple):
        for index, child in enumerate(value):
            yield from _source_refs(child, f"{where}.{index}")


SINGULAR = {
    "sources": "source",
    "industries": "industry",
    "tiers": "tier",
    "settings": "setting",
    "specialties": "specialty",
    "certifications": "certification",
    "roadmap": "roadmap band",
    "paths": "path",
    "leadership": "leadership level",
    "guide": "guide topic",
}


class Catalog(Strict):
    """Everything maplanner knows, validated together so references cannot dangle."""

    data_vintage: str
    sources: list[Source]
    wages: WageTable
    industries: list[Industry]
    outlook: Outlook
    tiers: list[Tier]
    placement: Placement
    settings: list[WorkSetting]
    specialties: list[Specialty]
    certifications: list[Certification]
    renewal_due_soon_months: int
    roadmap_max_year: int
    roadmap: list[RoadmapBand]
    skills: SkillsFile
    paths: list[CareerPath]
    estimate: EstimateFile
    guide: list[GuideTopic]

    # Derived values are pure functions of this frozen catalog, so they are kept
    # beside it: the id indexes below, and whatever the rules memoize (batch runs
    # look the same things up hundreds of thousands of times).
    _memo: dict[Hashable, Any] = PrivateAttr(default_factory=dict)

    def memo(self, key: Hashable, make: Callable[[], V]) -> V:
        """The value for `key`, made once per catalog by `make` (a pure function)."""
        memo: dict[Hashable, Any] = self.__pydantic_private__["_memo"]  # type: ignore[index]
        try:
            return memo[key]  # type: ignore[no-any-return]
        except KeyError:
            if len(memo) >= MEMO_LIMIT:
                memo.clear()
            value = memo[key] = make()
            return value

    def _index(self, name: str, items: list[T]) -> dict[str, T]:
        return self.memo(("index", name), lambda: {i.id: i for i in items})  # type: ignore[attr-defined]

    # Lookups -----------------------------------------------------------------

    def source(self, source_id: str) -> Source:
        return self._index("sources", self.sources)[source_id]

    def tier(self, tier_id: str) -> Tier:
        return self._index("tiers", self.tiers)[tier_id]

    def industry(self, industry_id: str) -> Industry:
        return self._index("industries", self.industries)[industry_id]

    def setting(self, setting_id: str) -> WorkSetting:
        return self._index("settings", self.settings)[setting_id]

    def specialty(self, specialty_id: str) -> Specialty:
        return self._index("specialties", self.specialties)[specialty_id]

    def certification(self, cert_id: str) -> Certification:
        return self._index("certifications", self.certifications)[cert_id]

    def path(self, path_id: str) -> CareerPath:
        return self._index("paths", self.paths)[path_id]

    def leadership(self, level_id: str) -> LeadershipLevel:
        return self._index("leadership", self.estimate.leadership)[level_id]

    def band_for_year(self, year: int) -> RoadmapBand:
        for band in self.roadmap:
            if band.first_year <= year and (band.last_year is None or year <= band.last_year):
                return band
        raise ValueError(f"no roadmap band covers year {year}")  # unreachable once validated

    # Cross-file checks -------------------------------------------------------

    def problems(self) -> list[str]:
        """Every broken reference or broken tiling, as 'area.location: problem' lines.

        The loader runs this once after the per-file validation; an empty list means
        the catalog hangs together.
        """
        problems: list[str] = []
        groups: dict[str, list[str]] = {
            "sources": [s.id for s in self.sources],
            "industries": [i.id for i in self.industries],
            "tiers": [t.id for t in self.tiers],
            "settings": [s.id for s in self.settings],
            "specialties": [s.id for s in self.specialties],
            "certifications": [c.id for c in self.certifications],
            "roadmap": [b.id for b in self.roadmap],
            "paths": [p.id for p in self.paths],
            "leadership": [level.id for level in self.estimate.leadership],
            "guide": [t.id for t in self.guide],
        }
        for group, ids in groups.items():
            seen: set[str] = set()
            for item_id in ids:
                if item_id.lower() in seen:
                    problems.append(f"{group}: id {item_id!r} appears twice")
                seen.add(item_id.lower())

        known = {group: set(values) for group, values in groups.items()}

        def need(kind: str, value: str, where: str) -> None:
            if value not in known[kind]:
                problems.append(f"{where}: unknown {SINGULAR[kind]} id {value!r}")

        for where, source_id in _source_refs(self, ""):
            need("sources", source_id, where)
        for setting in self.settings:
            need("industries", setting.industry, f"settings.{setting.id}.industry")
        for specialty in self.specialties:
            for credential in specialty.credentials:
                need("certifications", credential, f"specialties.{specialty.id}.credentials")
        for cert in self.certifications:
            need("roadmap", cert.stage, f"certifications.{cert.id}.stage")
            for other in cert.related:
                need("certifications", other, f"certifications.{cert.id}.related")
            for tier in cert.unlocks.tiers:
                need("tiers", tier, f"certifications.{cert.id}.unlocks.tiers")
            for path_id in cert.unlocks.paths:
                need("paths", path_id, f"certifications.{cert.id}.unlocks.paths")
        for band in self.roadmap:
            for planned in band.certs:
                need("certifications", planned.cert, f"roadmap.{band.id}.certs")
        for path in self.paths:
            for cert_id in path.credentials:
                need("certifications", cert_id, f"paths.{path.id}.credentials")
            for later in path.next:
                need("paths", later, f"paths.{path.id}.next")
            conditions = [(f"paths.{path.id}.reached_when", path.reached_when)]
            for number, step in enumerate(path.steps):
                for cert_id in step.credentials:
                    need("certifications", cert_id, f"paths.{path.id}.steps.{number}.credentials")
                conditions.append((f"paths.{path.id}.steps.{number}.done_when", step.done_when))
            for where, condition in conditions:
                if condition is None:
                    continue
                for cert_id in condition.credentials:
                    need("certifications", cert_id, f"{where}.credentials")
                for level in condition.leadership:
                    need("leadership", level, f"{where}.leadership")
        need("tiers", self.placement.specialized_tier, "placement.specialized_tier")
        need("tiers", self.placement.senior_tier, "placement.senior_tier")
        for level in self.placement.leadership_keeps_senior:
            need("leadership", level, "placement.leadership_keeps_senior")

        problems.extend(_tiling_problems(self.tiers))
        problems.extend(_roadmap_problems(self.roadmap, self.roadmap_max_year))
        return problems


def _tiling_problems(tiers: list[Tier]) -> list[str]:
    """Experience tiers must cover 0 years to any number of years, without gap or overlap."""
    spans = sorted((t for t in tiers if t.by_experience), key=lambda t: t.min_years)
    if not spans:
        return ["tiers: no tier is decided by experience"]
    problems: list[str] = []
    if spans[0].min_years != 0:
        problems.append(f"tiers: experience tiers start at {spans[0].min_years} years, not 0")
    for low, high in itertools.pairwise(spans):
        if low.below_years is None:
            problems.append(f"tiers: {low.id} has no end but {high.id} follows it (overlap)")
        elif low.below_years < high.min_years:
            problems.append(
                f"tiers: gap between {low.id} (below {low.below_years}) and {high.id} "
                f"(from {high.min_years})"
            )
        elif low.below_years > high.min_years:
            problems.append(f"tiers: {low.id} and {high.id} overlap at {high.min_years} years")
    if spans[-1].below_years is not None:
        problems.append(f"tiers: the last experience tier ({spans[-1].id}) must have no end")
    return problems


def _roadmap_problems(bands: list[RoadmapBand], max_year: int) -> list[str]:
    """Roadmap bands must cover year 0 to the last year offered, each year once."""
    problems: list[str] = []
    ordered = sorted(bands, key=lambda b: b.first_year)
    expected = 0
    for band in ordered:
        if band.first_year != expected:
            problems.append(
                f"roadmap: {band.id} starts at year {band.first_year}, expected {expected}"
            )
        if band.last_year is None:
            if band is not ordered[-1]:
                problems.append(f"roadmap: {band.id} has no end but is not the last band")
            break
        if band.last_year < band.first_year:
            problems.append(f"roadmap: {band.id} ends before it starts")
        expected = band.last_year + 1
    else:
        if expected <= max_year:
            problems.append(f"roadmap: years {expected} to {max_year} are not covered")
    return problems
