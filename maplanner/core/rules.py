"""The rules behind `maplanner assess`: tier, estimated wage percentile, next steps.

Pure: takes a normalized `Profile` and the `Catalog`, returns an `Assessment`
(see `maplanner.core.assessment` for the fields other commands rely on).

The estimate is a sum of explainable points, all weights from data/estimate.toml:

- experience: a curve of base percentiles by years (straight lines between points);
- a primary credential (CMA, RMA or CCMA), counted once however many are held;
- specialty credentials: the "specialty" track, or one the person's specialty lists
  (each counts, up to a cap);
- other credentials on the tracks the data names (each counts, up to a cap);
  the BLS/CPR card counts nothing, because nearly every employer requires it;
- working in a specialty; leadership duties;
- the work setting: setting_weight x (national percentile of the setting's industry
  median - 50), so a setting paying above the national median adds points.

The total is clamped to the data's floor and ceiling (shown as a "limit" factor, so
the factors always add up to the estimate). Every weight is non-negative and the
curve never falls, so more experience or one more credential never lowers it.

Career year, for the roadmap: 0 for 0 years of experience (a student), otherwise
floor(years) + 1, capped at the roadmap's last year. So 0.5 years is year 1 (the
first year on the job) and 4 years is year 5.
"""

import itertools
import math
from collections.abc import Callable, Iterable

from pydantic import BaseModel, ConfigDict

from maplanner.catalog.career import RoadmapBand, Tier
from maplanner.catalog.catalog import Catalog
from maplanner.catalog.certs import Certification
from maplanner.core.assessment import (
    Assessment,
    Factor,
    NextStep,
    PathSuggestion,
    PayStanding,
    WageRange,
)
from maplanner.core.money import Pay
from maplanner.core.placement import TierPlacement, place
from maplanner.core.profile import Profile
from maplanner.core.text import dollars, hourly, ordinal
from maplanner.core.wages import WageAtPercentile, percentile_of, wage_at


class Estimate(BaseModel):
    """The estimated percentile and the factors that add up to it."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    percentile: float
    factors: tuple[Factor, ...]


def assess(profile: Profile, catalog: Catalog) -> Assessment:
    """Everything `maplanner assess` says about a (normalized) profile."""
    placement = place(profile, catalog)
    estimate = estimate_percentile(profile, catalog)
    year = career_year(profile.years, catalog.roadmap_max_year)
    band = catalog.band_for_year(year)
    return Assessment(
        tier=placement.tier,
        tier_name=placement.tier_name,
        tier_rule=placement.rule,
        estimated_percentile=estimate.percentile,
        factors=estimate.factors,
        range=wage_range(estimate.percentile, catalog),
        pay_standing=(
            None
            if profile.pay is None
            else pay_standing(profile.pay, estimate.percentile, catalog)
        ),
        career_year=year,
        roadmap_band=band.id,
        roadmap_band_name=band.name,
        next_steps=(
            *certification_steps(profile, catalog, band, estimate.percentile),
            *skill_steps(profile, catalog, band),
            *role_steps(profile, catalog, placement),
        ),
        paths=path_suggestions(profile, catalog),
        profile=profile,
        data_vintage=catalog.data_vintage,
    )


class Brief(BaseModel):
    """What one roster row shows: the same answers `assess` gives for these parts."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    tier: str
    tier_name: str
    estimated_percentile: float
    range: WageRange
    top_next_step: NextStep | None
    top_certification: NextStep | None


def brief(profile: Profile, catalog: Catalog) -> Brief:
    """Tier, estimate, range and first next step, without the rest of `assess`.

    A class roster needs only these for each of its distinct profiles; building the
    skills, roles and paths it never prints would double the work. The steps come in
    `assess`'s own order (certifications, then skills, then roles), so the first one
    here is `Assessment.top_next_step` (a test holds the two together).
    """
    placement = place(profile, catalog)
    estimate = estimate_percentile(profile, catalog)
    band = catalog.band_for_year(career_year(profile.years, catalog.roadmap_max_year))
    certifications = certification_steps(profile, catalog, band, estimate.percentile)
    top = (
        certifications[0]
        if certifications
        else next(
            iter((*skill_steps(profile, catalog, band), *role_steps(profile, catalog, placement))),
            None,
        )
    )
    return Brief(
        tier=placement.tier,
        tier_name=placement.tier_name,
        estimated_percentile=estimate.percentile,
        range=wage_range(estimate.percentile, catalog),
        top_next_step=top,
        top_certification=certifications[0] if certifications else None,
    )


def career_year(years: float, max_year: int) -> int:
    """0 for a student (0 years), else the year of the career they are in, capped."""
    if years <= 0:
        return 0
    return min(math.floor(years) + 1, max_year)


# The estimate ----------------------------------------------------------------------


def estimate_percentile(
    profile: Profile, catalog: Catalog, *, certs: frozenset[str] | None = None
) -> Estimate:
    """The estimated wage percentile for a profile, as a sum of explained factors.

    `certs` replaces the profile's credentials: next steps ask "what if you also held
    this one?" without building a new profile for every candidate.
    """
    held = profile.cert_ids if certs is None else certs
    # Each factor depends on one part of the profile only, so it is made once per
    # catalog and value: recommending credentials re-runs the estimate for every
    # candidate, and a batch roster repeats the same parts over and over.
    memo = catalog.memo
    factors = [
        memo(("experience", profile.years), lambda: _experience(profile, catalog)),
        *memo(
            ("credentials", held, profile.specialty),
            lambda: _credentials(held, profile.specialty, catalog),
        ),
        memo(("specialty", profile.specialty), lambda: _specialty_practice(profile, catalog)),
        memo(("leadership", profile.leads), lambda: _leadership(profile, catalog)),
        memo(("setting", profile.setting), lambda: _setting(profile, catalog)),
    ]
    total = round(sum(f.points for f in factors), 1)
    weights = catalog.estimate
    if total > weights.ceiling or total < weights.floor:
        bound = weights.ceiling if total > weights.ceiling else weights.floor
        factors.append(
            Factor(
                id="limit",
                name="Limit",
                points=round(bound - total, 1),
                reason=(
                    f"The points add up to {total:g}; estimates stay between the "
                    f"{ordinal(weights.floor)} and the {ordinal(weights.ceiling)} percentile."
                ),
            )
        )
        total = bound
    return Estimate(percentile=total, factors=tuple(factors))


def experience_base(points: list[tuple[float, float]], years: float) -> float:
    """The curve's base percentile: straight lines between points, flat after the last."""
    for (y0, p0), (y1, p1) in itertools.pairwise(points):
        if y0 <= years < y1:
            return p0 + (years - y0) / (y1 - y0) * (p1 - p0)
    return points[-1][1]


def _experience(profile: Profile, catalog: Catalog) -> Factor:
    points = catalog.estimate.experience.points
    years = profile.years
    base = round(experience_base(points, years), 1)
    label = _years(years)
    last_years, last_percentile = points[-1]
    if years >= last_years:
        why = f"the curve is flat from {_years(last_years)} at the {ordinal(last_percentile)}"
    else:
        (y0, p0), (y1, p1) = next(
            (a, b) for a, b in itertools.pairwise(points) if a[0] <= years < b[0]
        )
        why = (
            f"between {_years(y0)} ({ordinal(p0)}) and {_years(y1)} ({ordinal(p1)}) "
            "on the experience curve"
        )
    return Factor(
        id="experience",
        name="Experience",
        points=base,
        reason=f"{label}: {why}; the starting point of the estimate.",
    )


def _held(held: frozenset[str], catalog: Catalog) -> list[Certification]:
    """The held credentials, in catalog order (so reasons read the same every time)."""
    return [cert for cert in catalog.certifications if cert.id in held]


def _is_specialty_credential(cert: Certification, specialty: str | None, catalog: Catalog) -> bool:
    if cert.primary:
        return False
    if cert.track == "specialty":
        return True
    return specialty is not None and cert.id in catalog.specialty(specialty).credentials


def _credentials(
    held_ids: frozenset[str], specialty_id: str | None, catalog: Catalog
) -> list[Factor]:
    weights = catalog.estimate.certifications
    held = _held(held_ids, catalog)
    primary = [c.id for c in held if c.primary]
    specialty = [c.id for c in held if _is_specialty_credential(c, specialty_id, catalog)]
    other = [
        c.id
        for c in held
        if not c.primary and c.id not in specialty and c.track in weights.other_tracks
    ]
    ignored = [c.id for c in held if c.id not in {*primary, *specialty, *other}]
    all_primary = [c.id for c in catalog.certifications if c.primary]
    if primary:
        primary_reason = f"{_join(primary)}: a primary MA credential" + (
            ", counted once however many are held." if len(primary) > 1 else "."
        )
    else:
        primary_reason = f"No primary MA credential ({_join(all_primary, 'or')})."
    other_reason = _capped(other, weights.other_each, weights.other_max, "No other credentials")
    if ignored:
        other_reason += (
            f" {_join(ignored)} adds nothing: nearly every employer requires it, so it "
            "does not set pay apart."
        )
    return [
        Factor(
            id="primary-credential",
            name="Primary credential",
            points=weights.primary if primary else 0.0,
            reason=primary_reason,
        ),
        Factor(
            id="specialty-credentials",
            name="Specialty credentials",
            points=min(len(specialty) * weights.specialty_each, weights.specialty_max),
            reason=_capped(
                specialty,
                weights.specialty_each,
                weights.specialty_max,
                "No specialty credential",
            ),
        ),
        Factor(
            id="other-credentials",
            name="Other credentials",
            points=min(len(other) * weights.other_each, weights.other_max),
            reason=other_reason,
        ),
    ]


def _capped(ids: list[str], each: float, cap: float, none: str) -> str:
    if not ids:
        return f"{none}."
    if len(ids) * each > cap:
        return f"{_join(ids)}: {each:g} points each, at most {cap:g}."
    return f"{_join(ids)}: {each:g} points each."


def _specialty_practice(profile: Profile, catalog: Catalog) -> Factor:
    points = catalog.estimate.specialty_practice
    if profile.specialty is None:
        return Factor(
            id="specialty-practice",
            name="Specialty practice",
            points=0.0,
            reason="Not working in a specialty.",
        )
    return Factor(
        id="specialty-practice",
        name="Specialty practice",
        points=points,
        reason=f"Working in {catalog.specialty(profile.specialty).name}.",
    )


def _leadership(profile: Profile, catalog: Catalog) -> Factor:
    level = catalog.leadership(profile.leads)
    return Factor(id="leadership", name="Leadership", points=level.points, reason=f"{level.name}.")


def setting_percentile(catalog: Catalog, setting_id: str) -> float:
    """The national percentile of the median wage in the setting's industry.

    Beyond the published range the bound is used (the 10th or the 90th): nothing is
    invented past what BLS publishes.
    """
    industry = catalog.industry(catalog.setting(setting_id).industry)
    standing = percentile_of(catalog.wages, industry.median_annual)
    if standing.percentile is not None:
        return standing.percentile
    points = catalog.wages.percentiles
    return float(points[0].percentile if standing.kind == "below-range" else points[-1].percentile)


def _setting(profile: Profile, catalog: Catalog) -> Factor:
    setting = catalog.setting(profile.setting)
    industry = catalog.industry(setting.industry)
    percentile = setting_percentile(catalog, setting.id)
    weight = catalog.estimate.setting_weight
    points = round(weight * (percentile - 50), 1)
    direction = "above" if percentile > 50 else "below" if percentile < 50 else "at"
    return Factor(
        id="setting",
        name="Work setting",
        points=points,
        reason=(
            f"{setting.name} counts as {industry.name}, whose median "
            f"({dollars(industry.median_annual)}) is about the {ordinal(percentile)} "
            f"percentile, {direction} the national median: {weight:g} x "
            f"({percentile:.1f} - 50)."
        ),
    )


# Wages -----------------------------------------------------------------------------


def wage_range(percentile: float, catalog: Catalog) -> WageRange:
    """The estimate +/- the data's half width, in percentiles and in dollars."""
    return catalog.memo(("range", percentile), lambda: _wage_range(percentile, catalog))


def _wage_range(percentile: float, catalog: Catalog) -> WageRange:
    weights = catalog.estimate
    table = catalog.wages
    low_p = max(weights.floor, round(percentile - weights.range_half_width, 1))
    high_p = min(weights.ceiling, round(percentile + weights.range_half_width, 1))
    low, middle, high = wage_at(table, low_p), wage_at(table, percentile), wage_at(table, high_p)
    published = ", ".join(ordinal(p.percentile) for p in table.percentiles)
    return WageRange(
        low_percentile=low_p,
        high_percentile=high_p,
        low=low,
        at_estimate=middle,
        high=high,
        annual_text=_range_words(low, high, lambda w: dollars(w.annual), "a year"),
        hourly_text=_range_words(low, high, lambda w: hourly(w.hourly), "an hour"),
        note=(
            f"BLS publishes the {published} percentiles ({table.vintage}); figures between "
            f"them are estimates on a straight line, and hourly figures are annual / "
            f"{table.hours_per_year:,} hours (derived)."
        ),
    )


def _range_words(
    low: WageAtPercentile,
    high: WageAtPercentile,
    amount: Callable[[WageAtPercentile], str],
    per: str,
) -> str:
    """'about $39,120 to $45,300 a year', '$57,830 or more' style: honest at the edges."""
    if low.kind == high.kind and low.kind in {"at-or-below", "at-or-above"}:
        words = "at or below" if low.kind == "at-or-below" else "at or above"
        return f"{words} {amount(low)} {per}"
    if low.kind == "at-or-below":
        start = f"at most {amount(low)}"
    else:
        start = ("about " if low.kind == "estimate" else "") + amount(low)
    if high.kind == "at-or-above":
        end = f"at least {amount(high)}"
    elif high.kind == "estimate" and not start.startswith("about"):
        end = f"about {amount(high)}"
    else:
        end = amount(high)
    return f"{start} to {end} {per}"


def pay_standing(pay: Pay, estimate: float, catalog: Catalog) -> PayStanding:
    """Where the given pay stands, read out next to the estimate in plain words."""
    table = catalog.wages
    annual = pay.annual(table.hours_per_year)
    standing = percentile_of(table, annual)
    half = catalog.estimate.range_half_width
    weights = catalog.estimate
    low = max(weights.floor, estimate - half)
    high = min(weights.ceiling, estimate + half)
    lowest, highest = table.percentiles[0], table.percentiles[-1]
    if standing.percentile is not None:
        where = f"about the {ordinal(standing.percentile)} percentile"
        if standing.percentile < low:
            versus = "below"
        elif standing.percentile > high:
            versus = "above"
        else:
            versus = "in-line"
    elif standing.kind == "below-range":
        where = (
            f"below the {ordinal(lowest.percentile)} percentile ({dollars(lowest.annual)}), "
            "the lowest BLS publishes,"
        )
        versus = "below" if low >= lowest.percentile else "in-line"
    else:
        where = (
            f"above the {ordinal(highest.percentile)} percentile ({dollars(highest.annual)}), "
            "the highest BLS publishes,"
        )
        versus = "above" if high <= highest.percentile else "in-line"
    given = pay.describe() + (f", about {dollars(annual)} a year" if pay.per == "hour" else "")
    expected = f"the {ordinal(estimate)} we would expect for your profile"
    relation = {
        "below": f"below {expected}",
        "above": f"above {expected}",
        "in-line": f"in line with {expected}",
    }[versus]
    return PayStanding(
        pay=pay,
        annual=annual,
        standing=standing,
        versus_estimate=versus,
        summary=f"You are paid {where} ({given}), {relation}.",
    )


# Next steps ------------------------------------------------------------------------


def certification_steps(
    profile: Profile, catalog: Catalog, band: RoadmapBand, estimate: float
) -> list[NextStep]:
    """Credentials to pursue now, the one that raises the estimate most first.

    Never one already held. A primary credential comes in if none is held (the first
    the roadmap names, else the catalog's first); then the specialty's credentials;
    then the roadmap band's. A credential particular to a specialty is suggested only
    to someone in that specialty or holding a credential it builds on (COT after COA).
    """
    held = profile.cert_ids
    year = career_year(profile.years, catalog.roadmap_max_year)
    chosen: dict[str, str] = {}
    in_this_band = {step.cert for step in band.certs}
    primaries = [c for c in catalog.certifications if c.primary]
    if not held & {c.id for c in primaries}:
        in_band = [step for step in band.certs if catalog.certification(step.cert).primary]
        first = in_band[0].cert if in_band else primaries[0].id
        reason = in_band[0].reason if in_band else catalog.certification(first).value
        others = [c.id for c in primaries if c.id != first]
        if others:
            reason += f" ({_join(others, 'or')} are recognized alternatives.)"
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
        steps.append(
            NextStep(
                kind="certification",
                id=cert_id,
                title=f"{cert_id}: {cert.name}",
                reason=reason,
                when=when_for(catalog, band.id if cert_id in in_this_band else cert.stage, year),
                estimate_after=after,
                gain=round(after - estimate, 1),
            )
        )
    return sorted(steps, key=lambda step: -(step.gain or 0.0))


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
    return catalog.memo(("when", band_id, year), lambda: _when(catalog, band_id, year))


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
        NextStep(kind="skill", id=None, title=skill, reason=band.theme, when=when)
        for skill in band.skills
    ]
    if profile.specialty is not None:
        specialty = catalog.specialty(profile.specialty)
        steps.extend(
            NextStep(
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


def role_steps(profile: Profile, catalog: Catalog, placement: TierPlacement) -> list[NextStep]:
    """Titles of the next tier; at the top, the senior titles not yet reached and the
    destination roles of advancement paths."""
    senior = catalog.tier(catalog.placement.senior_tier)
    target = next_tier(profile, catalog, placement)
    reached = senior.titles[: _titles_reached(profile, catalog)]
    steps: list[NextStep] = []
    if target is not None:
        when = f"from {_years(target.min_years)}" + (
            " in a specialty" if not target.by_experience else ""
        )
        titles = [t for t in target.titles if t not in reached]
        steps.extend(
            NextStep(kind="role", id=None, title=title, reason=target.summary, when=when)
            for title in titles
        )
        return steps
    titles = [t for t in senior.titles if t not in reached]
    steps.extend(
        NextStep(
            kind="role",
            id=None,
            title=title,
            reason=senior.summary,
            when="now",
        )
        for title in titles
    )
    for path in catalog.paths:
        role = path.steps[-1].role
        if path.kind != "advancement" or role in titles or role in reached:
            continue
        if path.min_years <= profile.years:
            steps.append(
                NextStep(
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
        ("paths", meets, profile.cert_ids, profile.leads),
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
            parts = [f"You have the usual {_years(path.min_years)} of experience"]
        else:
            parts = ["Open from the start of an MA career"]
        if have:
            parts.append(f"you hold {_join(list(have))}")
        if need:
            parts.append(f"it asks for {_join(list(need))}")
        found.append(
            PathSuggestion(
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


# Wording ---------------------------------------------------------------------------


def _years(value: float) -> str:
    return f"{value:g} year" + ("" if value == 1 else "s")


def _join(items: Iterable[str], word: str = "and") -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"
