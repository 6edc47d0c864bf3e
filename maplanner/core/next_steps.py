"""What to do next: credentials (with their effect on the estimate), skills, roles, paths.

Pure: takes a normalized `Profile` and the `Catalog`. Career year, for the roadmap:
0 for 0 years of experience (a student), otherwise floor(years) + 1, capped at the
roadmap's last year. So 0.5 years is year 1 (the first year on the job) and 4 years
is year 5.
"""

import math

from maplanner.catalog.catalog import Catalog
from maplanner.catalog.roadmap import RoadmapBand
from maplanner.catalog.tiers import Tier
from maplanner.core.assessment import NextStep, PathSuggestion
from maplanner.core.eligibility import check as eligibility
from maplanner.core.estimate import estimate_percentile
from maplanner.core.placement import TierPlacement
from maplanner.core.profile import Profile
from maplanner.core.text import join_words, years_count


def career_year(years: float, max_year: int) -> int:
    """0 for a student (0 years), else the year of the career they are in, capped."""
    if years <= 0:
        return 0
    return min(math.floor(years) + 1, max_year)


def certification_steps(
    profile: Profile, catalog: Catalog, band: RoadmapBand, estimate: float
) -> list[NextStep]:
    """Credentials to pursue: those the person can sit now first, each group with the
    one that raises the estimate most first.

    Never one already held. A primary credential comes in if none is held (the first
    the roadmap names that the person can sit, else the catalog's first they can sit,
    else the roadmap's first); then the specialty's credentials; then the roadmap
    band's. A credential particular to a specialty is suggested only to someone in that
    specialty or holding a credential it builds on (COT after COA). One the person
    cannot sit yet (eligibility.toml) says when it can become possible, never "now".
    """
    held = profile.cert_ids
    year = career_year(profile.years, catalog.roadmap_max_year)
    chosen: dict[str, str] = {}
    in_this_band = {step.cert for step in band.certs}
    primaries = [c for c in catalog.certifications if c.primary]
    if not held & {c.id for c in primaries}:
        in_band = [step for step in band.certs if catalog.certification(step.cert).primary]
        open_now = [s for s in in_band if eligibility(profile, catalog, s.cert).eligible]
        open_any = [c for c in primaries if eligibility(profile, catalog, c.id).eligible]
        if open_now:
            first, reason = open_now[0].cert, open_now[0].reason
        elif open_any or not in_band:
            first = (open_any or primaries)[0].id
            reason = catalog.certification(first).value
        else:
            first, reason = in_band[0].cert, in_band[0].reason
        others = [c.id for c in open_any or primaries if c.id != first]
        if others:
            are = (
                "is a recognized alternative"
                if len(others) == 1
                else "are recognized alternatives"
            )
            reason += f" ({join_words(others, 'or')} {are}.)"
        chosen[first] = reason
    specialty = None if profile.specialty is None else catalog.specialty(profile.specialty)
    if specialty is not None:
        for cert_id in specialty.credentials:
            if cert_id not in held and cert_id not in chosen:
                value = catalog.certification(cert_id).value
                chosen[cert_id] = f"Serves your specialty, {specialty.name}: {value}"
    for step in band.certs:
        cert = catalog.certification(step.cert)
        if cert.id in held or cert.id in chosen or cert.primary:
            continue
        if cert.track == "specialty" and not (
            (specialty is not None and cert.id in specialty.credentials)
            or held & set(cert.related)
        ):
            continue
        chosen[cert.id] = step.reason
    steps: list[NextStep] = []
    for cert_id, reason in chosen.items():
        cert = catalog.certification(cert_id)
        after = estimate_percentile(profile, catalog, certs=held | {cert_id}).percentile
        open_to = eligibility(profile, catalog, cert_id)
        when = when_for(catalog, band.id if cert_id in in_this_band else cert.stage, year)
        if not open_to.eligible:
            when = open_to.when or when
        elif open_to.window is not None:
            when = f"{when}: {open_to.window}"
        steps.append(
            NextStep.model_construct(
                kind="certification",
                id=cert_id,
                title=f"{cert_id}: {cert.name}",
                reason=reason,
                when=when,
                estimate_after=after,
                gain=round(after - estimate, 1),
                eligible=open_to.eligible,
                requires=open_to.requires,
            )
        )
    return sorted(steps, key=_rank)


def _rank(step: NextStep) -> tuple[bool, float]:
    """Credentials the person can sit now first, then the largest gain first."""
    assert step.gain is not None  # every credential step has its gain
    return (not step.eligible, -step.gain)


def band_span(band: RoadmapBand) -> str:
    """'year 1', 'years 2-4', 'years 5+'; year 0 is the training program."""
    if band.last_year is None:
        return f"years {band.first_year}+"
    if band.first_year == band.last_year:
        return "in training" if band.first_year == 0 else f"year {band.first_year}"
    return f"years {band.first_year}-{band.last_year}"


def when_for(catalog: Catalog, band_id: str, year: int) -> str:
    """When a roadmap step fits, seen from the person's career year.

    A credential the person's own band lists is "now"; any other is placed by the
    band of its stage: 'now (years 2-4)' inside it, 'now (usually year 1)' when that
    band is past, and the band itself ('years 5+') when it is still ahead.
    """
    return catalog.memo((_when, band_id, year), lambda: _when(catalog, band_id, year))


def _when(catalog: Catalog, band_id: str, year: int) -> str:
    band = next(band for band in catalog.roadmap if band.id == band_id)
    span = band_span(band)
    if year < band.first_year:
        return span
    if band.last_year is not None and year > band.last_year:
        return f"now (usually {span})"
    return f"now ({span})"


def skill_steps(profile: Profile, catalog: Catalog, band: RoadmapBand) -> list[NextStep]:
    """The roadmap band's skills, then the specialty's."""
    when = f"now ({band_span(band)})"
    steps = [
        NextStep.model_construct(kind="skill", id=None, title=skill, reason=band.theme, when=when)
        for skill in band.skills
    ]
    if profile.specialty is not None:
        specialty = catalog.specialty(profile.specialty)
        steps.extend(
            NextStep.model_construct(
                kind="skill",
                id=None,
                title=skill,
                reason=f"Core to {specialty.name} work.",
                when=when,
            )
            for skill in specialty.skills
        )
    return steps


def _titles_reached(profile: Profile, catalog: Catalog) -> int:
    """How many Senior/Lead titles the person's duties already amount to.

    The Senior/Lead titles are listed from the first step up (Lead MA, then MA
    Supervisor, ...) and `leadership_keeps_senior` from the first level up (lead,
    supervises), so a lead MA has reached the first title and a supervisor the second.
    """
    keeps = catalog.placement.leadership_keeps_senior
    return keeps.index(profile.leads) + 1 if profile.leads in keeps else 0


def next_tier(profile: Profile, catalog: Catalog, placement: TierPlacement) -> Tier | None:
    """The tier to aim for next; None at the top (Senior/Lead)."""
    rules = catalog.placement
    if placement.tier == rules.specialized_tier:
        return catalog.tier(rules.senior_tier)
    if placement.tier == rules.senior_tier:
        return None
    current = catalog.tier(placement.tier)
    specialized = catalog.tier(rules.specialized_tier)
    if profile.specialty is not None and specialized.min_years > current.min_years:
        return specialized
    later = sorted(
        (t for t in catalog.tiers if t.by_experience and t.min_years > current.min_years),
        key=lambda t: t.min_years,
    )
    return later[0] if later else None


def _role_when(profile: Profile, catalog: Catalog, title: str) -> str | None:
    """When a role that is an advancement path's destination can come: by the path, as
    `plan`, the levers and the paths table count it, not by the tier's years.

    A destination reached by leadership (the Lead MA) is open from the path's usual
    experience; any other (a Clinical Operations Manager) takes the path's time, so a
    lead MA of one year is not told the manager's role is for now.
    """
    for path in catalog.paths:
        if path.kind != "advancement" or path.steps[-1].role != title:
            continue
        reached = path.reached_when
        if reached is None or not reached.leadership:
            return path.time_to_get_there
        if profile.years >= path.min_years:
            return f"now (maplanner plan --goal {path.id})"
        return f"from {years_count(path.min_years)} (maplanner plan --goal {path.id})"
    return None


def role_steps(profile: Profile, catalog: Catalog, placement: TierPlacement) -> list[NextStep]:
    """Titles of the next tier; at the top, the senior titles not yet reached and the
    destination roles of advancement paths."""
    senior = catalog.tier(catalog.placement.senior_tier)
    target = next_tier(profile, catalog, placement)
    reached = senior.titles[: _titles_reached(profile, catalog)]
    steps: list[NextStep] = []
    if target is not None:
        when = f"from {years_count(target.min_years)}" + (
            " in a specialty" if not target.by_experience else ""
        )
        titles = [t for t in target.titles if t not in reached]
        steps.extend(
            NextStep.model_construct(
                kind="role",
                id=None,
                title=title,
                reason=target.summary,
                when=_role_when(profile, catalog, title) or when,
            )
            for title in titles
        )
        return steps
    titles = [t for t in senior.titles if t not in reached]
    steps.extend(
        NextStep.model_construct(
            kind="role",
            id=None,
            title=title,
            reason=senior.summary,
            when=_role_when(profile, catalog, title) or "now",
        )
        for title in titles
    )
    for path in catalog.paths:
        role = path.steps[-1].role
        if path.kind != "advancement" or role in titles or role in reached:
            continue
        if path.min_years <= profile.years:
            steps.append(
                NextStep.model_construct(
                    kind="role",
                    id=path.id,
                    title=role,
                    reason=path.work,
                    when=path.time_to_get_there,
                )
            )
    return steps


def path_suggestions(profile: Profile, catalog: Catalog) -> tuple[PathSuggestion, ...]:
    """Paths whose usual experience the person meets: advancement first, then those a
    held credential leads to, then the rest in catalog order. An advancement path whose
    destination role the person already holds (a lead MA and the Lead MA path) is left out.
    """
    # Years matter only through which paths' usual experience they meet.
    meets = tuple(path.min_years <= profile.years for path in catalog.paths)
    return catalog.memo(
        (_path_suggestions, meets, profile.cert_ids, profile.leads),
        lambda: _path_suggestions(profile, catalog),
    )


def _path_suggestions(profile: Profile, catalog: Catalog) -> tuple[PathSuggestion, ...]:
    held = profile.cert_ids
    reached = catalog.tier(catalog.placement.senior_tier).titles[
        : _titles_reached(profile, catalog)
    ]
    unlocked = {
        path_id
        for cert in catalog.certifications
        if cert.id in held
        for path_id in cert.unlocks.paths
    }
    found: list[PathSuggestion] = []
    for path in catalog.paths:
        if path.min_years > profile.years:
            continue
        if path.kind == "advancement" and path.steps[-1].role in reached:
            continue
        have = tuple(c for c in path.credentials if c in held)
        need = tuple(c for c in path.credentials if c not in held)
        if path.min_years > 0:
            parts = [f"You have the usual {years_count(path.min_years)} of experience"]
        else:
            parts = ["Open from the start of an MA career"]
        if have:
            parts.append(f"you hold {join_words(list(have))}")
        if need:
            parts.append(f"it asks for {join_words(list(need))}")
        found.append(
            PathSuggestion.model_construct(
                id=path.id,
                name=path.name,
                kind=path.kind,
                min_years=path.min_years,
                time_to_get_there=path.time_to_get_there,
                credentials_held=have,
                credentials_missing=need,
                reason="; ".join(parts) + ".",
            )
        )
    found.sort(key=lambda p: (p.kind != "advancement", p.id not in unlocked))
    return tuple(found)
