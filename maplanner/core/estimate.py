"""The estimated wage percentile: a sum of explainable points, and what it means in dollars.

Pure: takes a normalized `Profile` and the `Catalog`. All weights come from
data/estimate.toml:

- experience: a curve of base percentiles by years (straight lines between points);
- a primary credential (CMA, RMA, CCMA, NCMA or CMAC), counted once however many are held;
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
"""

import itertools
from collections.abc import Callable

from maplanner.catalog.catalog import Catalog
from maplanner.catalog.certs import Certification
from maplanner.catalog.wages import WageTable
from maplanner.core import percentile_text
from maplanner.core.assessment import Factor, PayStanding, Versus, WageRange
from maplanner.core.money import Pay
from maplanner.core.profile import Profile
from maplanner.core.result import Result
from maplanner.core.text import dollars, hourly, join_words, ordinal, years_count
from maplanner.core.wages import WageAtPercentile, percentile_of, wage_at


class Estimate(Result):
    """The estimated percentile and the factors that add up to it."""

    percentile: float
    factors: tuple[Factor, ...]


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
    # candidate, and a batch roster repeats the same parts over and over. A key starts
    # with the function that makes the value, so no two kinds of value can share one.
    memo = catalog.memo
    factors = [
        memo((_experience, profile.years), lambda: _experience(profile, catalog)),
        *memo(
            (_credentials, held, profile.specialty),
            lambda: _credentials(held, profile.specialty, catalog),
        ),
        memo(
            (_specialty_practice, profile.specialty), lambda: _specialty_practice(profile, catalog)
        ),
        memo((_leadership, profile.leads), lambda: _leadership(profile, catalog)),
        memo((_setting, profile.setting), lambda: _setting(profile, catalog)),
    ]
    total = round(sum(f.points for f in factors), 1)
    weights = catalog.estimate
    bound = min(max(total, weights.floor), weights.ceiling)
    if bound != total:
        factors.append(
            Factor.model_construct(
                id="limit",
                name="Limit",
                points=round(bound - total, 1),
                reason=(
                    f"The points add up to {total:g}; the estimate is kept between "
                    f"{weights.floor:g} and {weights.ceiling:g} points."
                ),
            )
        )
    return Estimate.model_construct(percentile=bound, factors=tuple(factors))


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
    label = years_count(years)
    last_years, last_percentile = points[-1]
    on_point = next((p for y, p in points if y == years), None)
    if years >= last_years:
        why = f"the curve is flat from {years_count(last_years)} at the {ordinal(last_percentile)}"
    elif on_point is not None:
        why = f"the {ordinal(on_point)} percentile, a point on the experience curve"
    else:
        (y0, p0), (y1, p1) = next(
            (a, b) for a, b in itertools.pairwise(points) if a[0] <= years < b[0]
        )
        why = (
            f"between {years_count(y0)} ({ordinal(p0)}) and {years_count(y1)} ({ordinal(p1)}) "
            "on the experience curve"
        )
    return Factor.model_construct(
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
        primary_reason = f"{join_words(primary)}: a primary MA credential" + (
            ", counted once however many are held." if len(primary) > 1 else "."
        )
    else:
        primary_reason = f"No primary MA credential ({join_words(all_primary, 'or')})."
    other_reason = _capped(other, weights.other_each, weights.other_max, "No other credentials")
    if ignored:
        other_reason += (
            f" {join_words(ignored)} adds nothing: nearly every employer requires it, so it "
            "does not set pay apart."
        )
    return [
        Factor.model_construct(
            id="primary-credential",
            name="Primary credential",
            points=weights.primary if primary else 0.0,
            reason=primary_reason,
        ),
        Factor.model_construct(
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
        Factor.model_construct(
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
        return f"{join_words(ids)}: {each:g} points each, at most {cap:g}."
    return f"{join_words(ids)}: {each:g} points each."


def _specialty_practice(profile: Profile, catalog: Catalog) -> Factor:
    points = catalog.estimate.specialty_practice
    if profile.specialty is None:
        return Factor.model_construct(
            id="specialty-practice",
            name="Specialty practice",
            points=0.0,
            reason="Not working in a specialty.",
        )
    return Factor.model_construct(
        id="specialty-practice",
        name="Specialty practice",
        points=points,
        reason=f"Working in {catalog.specialty(profile.specialty).name}.",
    )


def _leadership(profile: Profile, catalog: Catalog) -> Factor:
    level = catalog.leadership(profile.leads)
    return Factor.model_construct(
        id="leadership", name="Leadership", points=level.points, reason=f"{level.name}."
    )


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
    student = catalog.eligibility.student
    if profile.setting == student.id:
        return Factor.model_construct(
            id="setting", name="Work setting", points=0.0, reason=student.reason
        )
    setting = catalog.setting(profile.setting)
    industry = catalog.industry(setting.industry)
    percentile = setting_percentile(catalog, setting.id)
    weight = catalog.estimate.setting_weight
    points = round(weight * (percentile - 50), 1)
    direction = "above" if percentile > 50 else "below" if percentile < 50 else "at"
    return Factor.model_construct(
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


def wage_range(percentile: float, catalog: Catalog, table: WageTable | None = None) -> WageRange:
    """The estimate +/- the data's half width, in percentiles and in dollars (in the
    national table, or in a place's table when one is given)."""
    chosen = catalog.wages if table is None else table
    return catalog.memo(
        (_wage_range, percentile, *_table_key(chosen)),
        lambda: _wage_range(percentile, catalog, chosen),
    )


def _table_key(table: WageTable) -> tuple[object, ...]:
    """All of a table that a wage range is made from. Not its name and vintage alone:
    a --data-dir folder's table for an area has the shipped table's name and vintage
    and its own figures."""
    points = tuple((p.percentile, p.annual, p.hourly) for p in table.percentiles)
    return (table.area, table.vintage, table.hours_per_year, table.median_hourly, points)


def _wage_range(percentile: float, catalog: Catalog, table: WageTable) -> WageRange:
    weights = catalog.estimate
    low_p = max(weights.floor, round(percentile - weights.range_half_width, 1))
    high_p = min(weights.ceiling, round(percentile + weights.range_half_width, 1))
    low, middle, high = wage_at(table, low_p), wage_at(table, percentile), wage_at(table, high_p)
    published = ", ".join(ordinal(p.percentile) for p in table.percentiles)
    hours = f"{table.hours_per_year:,} hours (derived)"
    if all(point.hourly is not None for point in table.percentiles):
        hourly_note = f"hourly figures are BLS's at those points and annual / {hours} between them"
    else:
        hourly_note = f"hourly figures are annual / {hours}"
    return WageRange.model_construct(
        low_percentile=low_p,
        high_percentile=high_p,
        low=low,
        at_estimate=middle,
        high=high,
        estimate_text=percentile_text.where(table.percentiles, percentile),
        percentile_text=percentile_text.estimate_words(
            table.percentiles, percentile, low_p, high_p
        ),
        annual_text=_range_words(low, high, lambda w: dollars(w.annual), "a year"),
        hourly_text=_range_words(low, high, lambda w: hourly(w.hourly), "an hour"),
        hourly_derived=not (low.hourly_published and high.hourly_published),
        note=(
            ("" if table.area == "United States" else f"Dollar figures are {table.area}'s. ")
            + f"BLS publishes the {published} percentiles ({table.vintage}); figures between "
            f"them are estimates on a straight line, and {hourly_note}."
        ),
    )


def _range_words(
    low: WageAtPercentile,
    high: WageAtPercentile,
    amount: Callable[[WageAtPercentile], str],
    per: str,
) -> str:
    """'about $39,120 to $45,300 a year', 'from under $35,020 to about $36,142 a year'.

    Beyond the published points only the bound is known, and it is said as a bound on
    where the figure lies ("under", "over"), never as a cap on what anyone is paid.
    """
    if low.kind == high.kind and low.kind in {"at-or-below", "at-or-above"}:
        words = "under" if low.kind == "at-or-below" else "over"
        return f"{words} {amount(low)} {per}"
    if low.kind == "at-or-below":
        start = f"from under {amount(low)}"
    else:
        start = ("about " if low.kind == "estimate" else "") + amount(low)
    if high.kind == "at-or-above":
        end = f"over {amount(high)}"
    elif high.kind == "estimate" and "about" not in start:
        end = f"about {amount(high)}"
    else:
        end = amount(high)
    return f"{start} to {end} {per}"


def pay_standing(pay: Pay, estimate: float, catalog: Catalog, table: WageTable) -> PayStanding:
    """Where the given pay stands, read out next to the estimate in plain words, in
    `table`: the national one, or a place's (the assessment always has one chosen)."""
    annual = pay.annual(table.hours_per_year)
    standing = percentile_of(table, annual)
    half = catalog.estimate.range_half_width
    weights = catalog.estimate
    low = max(weights.floor, estimate - half)
    high = min(weights.ceiling, estimate + half)
    lowest, highest = table.percentiles[0], table.percentiles[-1]
    versus: Versus
    bound = None  # past the published points: the last point's dollars, named
    if standing.percentile is not None:
        where = f"about the {ordinal(standing.percentile)} percentile"
        if standing.percentile < low:
            versus = "below"
        elif standing.percentile > high:
            versus = "above"
        else:
            versus = "in-line"
    elif standing.kind == "below-range":
        where = f"below the {ordinal(lowest.percentile)} percentile"
        bound = f"{dollars(lowest.annual)}, the lowest BLS publishes"
        versus = "below" if low >= lowest.percentile else "in-line"
    else:
        where = f"above the {ordinal(highest.percentile)} percentile"
        bound = f"{dollars(highest.annual)}, the highest BLS publishes"
        versus = "above" if high <= highest.percentile else "in-line"
    given = pay.describe() + (f", about {dollars(annual)} a year" if pay.per == "hour" else "")
    if percentile_text.beyond(table.percentiles, estimate) is None:
        expected = f"the {ordinal(estimate)} we would expect for your profile"
    else:
        expected = (
            "what we would expect for your profile "
            f"({percentile_text.short_where(table.percentiles, estimate)})"
        )
    placed = where + ("" if table.area == "United States" else f" in {table.area}'s table")
    relation = {
        "below": f"below {expected}",
        "above": f"above {expected}",
        "in-line": f"in line with {expected}",
    }[versus]
    if bound is None:
        summary = f"You are paid {placed} ({given}), {relation}."
    else:  # the pay first, so the bound's dollars sit beside the point they belong to
        summary = f"You are paid {given}, {placed} ({bound}), {relation}."
    return PayStanding.model_construct(
        pay=pay, annual=annual, standing=standing, versus_estimate=versus, summary=summary
    )
