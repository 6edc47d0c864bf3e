"""The checks that span more than one data file, run once when the files are validated.

A snapshot of a catalog is only written after these pass, so a run that takes the
catalog from its snapshot never needs them (nor the models of files it does not read).
"""

import itertools
from collections.abc import Callable, Iterator

from pydantic import BaseModel

from maplanner.catalog.catalog import SECTIONS, Catalog
from maplanner.catalog.roadmap import RoadmapBand
from maplanner.catalog.tiers import Tier

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
    "education": "education level",
}


def catalog_problems(catalog: Catalog) -> list[str]:
    """Every broken reference or broken tiling, as 'area.location: problem' lines.

    An empty list means the catalog hangs together.
    """
    problems: list[str] = []
    groups: dict[str, list[str]] = {
        "sources": [s.id for s in catalog.sources],
        "industries": [i.id for i in catalog.industries],
        "tiers": [t.id for t in catalog.tiers],
        "settings": [s.id for s in catalog.settings],
        "specialties": [s.id for s in catalog.specialties],
        "certifications": [c.id for c in catalog.certifications],
        "roadmap": [b.id for b in catalog.roadmap],
        "paths": [p.id for p in catalog.paths],
        "leadership": [level.id for level in catalog.estimate.leadership],
        "guide": [t.id for t in catalog.guide],
        "education": [e.id for e in catalog.eligibility.education],
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

    for where, source_id in source_refs(catalog):
        need("sources", source_id, where)
    for setting in catalog.settings:
        need("industries", setting.industry, f"settings.{setting.id}.industry")
    for specialty in catalog.specialties:
        for credential in specialty.credentials:
            need("certifications", credential, f"specialties.{specialty.id}.credentials")
    for cert in catalog.certifications:
        need("roadmap", cert.stage, f"certifications.{cert.id}.stage")
        for other in cert.related:
            need("certifications", other, f"certifications.{cert.id}.related")
        for tier in cert.unlocks.tiers:
            need("tiers", tier, f"certifications.{cert.id}.unlocks.tiers")
        for path_id in cert.unlocks.paths:
            need("paths", path_id, f"certifications.{cert.id}.unlocks.paths")
    for band in catalog.roadmap:
        for planned in band.certs:
            need("certifications", planned.cert, f"roadmap.{band.id}.certs")
    for path in catalog.paths:
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
    need("tiers", catalog.placement.specialized_tier, "placement.specialized_tier")
    need("tiers", catalog.placement.senior_tier, "placement.senior_tier")
    for level in catalog.placement.leadership_keeps_senior:
        need("leadership", level, "placement.leadership_keeps_senior")

    problems.extend(_advice_problems(catalog, need))
    problems.extend(_oews_problems(catalog))
    problems.extend(_tiling_problems(catalog.tiers))
    problems.extend(_roadmap_problems(catalog.roadmap, catalog.roadmap_max_year))
    return problems


def _advice_problems(catalog: Catalog, need: "Callable[[str, str, str], None]") -> list[str]:
    """eligibility.toml and levers.toml against the rest, and the lead role's one truth.

    The leadership levels that place a person in Senior/Lead (tiers.toml) must be the
    ones that reach the Lead MA path (paths.toml): the tier `assess` gives and the role
    `plan` says is reached come from the same answer.
    """
    problems: list[str] = []
    eligibility = catalog.eligibility
    if eligibility.student.id in {s.id for s in catalog.settings}:
        problems.append(f"eligibility.student: id {eligibility.student.id!r} is also a setting")
    for rules in eligibility.credential:
        need("certifications", rules.id, f"eligibility.credential.{rules.id}")
        if rules.min_education is not None:
            need("education", rules.min_education, f"eligibility.credential.{rules.id}")
            if rules.education_text is None:
                problems.append(
                    f"eligibility.credential.{rules.id}: min_education needs education_text"
                )
        if rules.accredited_program and rules.program_text is None:
            problems.append(
                f"eligibility.credential.{rules.id}: accredited_program needs program_text"
            )
        # Words for a requirement that is not set would never be shown.
        program = rules.accredited_program
        for name, value, requirement, is_set in (
            ("education_text", rules.education_text, "min_education", rules.min_education),
            ("years_text", rules.years_text, "min_years", rules.min_years is not None),
            ("program_text", rules.program_text, "accredited_program", program),
            ("other_route", rules.other_route, "accredited_program", program),
            ("student_window_days", rules.student_window_days, "accredited_program", program),
        ):
            if value is not None and not is_set:
                problems.append(
                    f"eligibility.credential.{rules.id}: {name} is only read with {requirement}"
                )
    for level in catalog.levers.leadership:
        need("leadership", level.id, f"levers.leadership.{level.id}")
        if level.path is not None:
            need("paths", level.path, f"levers.leadership.{level.id}.path")
        if (level.path is None) == (level.months is None):
            problems.append(f"levers.leadership.{level.id}: give months or path, not both")
    keeps = set(catalog.placement.leadership_keeps_senior)
    senior = {tier.id: tier for tier in catalog.tiers}.get(catalog.placement.senior_tier)
    senior_titles = [] if senior is None else senior.titles
    for path in catalog.paths:
        reached = path.reached_when
        if (
            reached is not None
            and reached.leadership
            and not reached.credentials
            and path.steps[-1].role in senior_titles
            and set(reached.leadership) != keeps
        ):
            problems.append(
                f"paths.{path.id}.reached_when: leadership {sorted(reached.leadership)} "
                f"differs from placement.leadership_keeps_senior {sorted(keeps)}"
            )
    return problems


def _oews_problems(catalog: Catalog) -> list[str]:
    """Every path names an occupation the extract holds; every industry has its row."""
    from maplanner.catalog.catalog import MA_SOC

    problems: list[str] = []
    held = {o.soc_code for o in catalog.oews.occupation}
    if MA_SOC not in held:
        problems.append(f"oews.occupation: no national row for Medical Assistants ({MA_SOC})")
    mapped = {entry.id: entry for entry in catalog.path_occupations}
    path_ids = {p.id for p in catalog.paths}
    for entry in catalog.path_occupations:
        if entry.id not in path_ids:
            problems.append(f"path_occupations.{entry.id}: unknown path id {entry.id!r}")
        if entry.soc_code not in held:
            problems.append(
                f"path_occupations.{entry.id}.soc_code: {entry.soc_code} is not in oews.toml"
            )
    for path_id in sorted(path_ids - set(mapped)):
        problems.append(f"path_occupations: path {path_id!r} names no occupation")
    naics = {row.naics for row in catalog.oews.industry}
    for industry in catalog.industries_of("2024"):
        if industry.naics is not None and industry.naics not in naics:
            problems.append(
                f"industries.{industry.id}.naics: {industry.naics} is not in oews.toml"
            )
    return problems


def source_refs(catalog: Catalog) -> Iterator[tuple[str, str]]:
    """(location, source id) for every source a catalog cites, file by file."""
    for name in SECTIONS:
        yield from _source_refs(getattr(catalog, name), name)


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
