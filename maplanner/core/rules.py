"""The rules behind `maplanner assess`: tier, estimated wage percentile, next steps.

Pure: takes a normalized `Profile` and the `Catalog`, returns an `Assessment`
(see `maplanner.core.assessment` for the fields other commands rely on). The parts
live in their own modules: the tier in `placement`, the estimate in `estimate`,
the next steps in `next_steps`; this module puts them together.
"""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from maplanner.catalog.catalog import Catalog
from maplanner.catalog.wages import WageTable
from maplanner.core.assessment import (
    AssessedPlace,
    Assessment,
    ChartPoint,
    ChartTable,
    NextStep,
    WageRange,
)
from maplanner.core.estimate import estimate_percentile, pay_standing, wage_range
from maplanner.core.next_steps import (
    career_year,
    certification_steps,
    path_suggestions,
    role_steps,
    skill_steps,
)
from maplanner.core.placement import place
from maplanner.core.profile import Profile, is_student
from maplanner.core.result import Result

if TYPE_CHECKING:
    from maplanner.catalog.areas import Place


def chart_table(table: WageTable) -> ChartTable:
    """What a view needs of a wage table to draw it."""
    return ChartTable.model_construct(
        occupation=table.occupation,
        soc_code=table.soc_code,
        area=table.area,
        vintage=table.vintage,
        source=table.source,
        points=tuple(
            ChartPoint.model_construct(percentile=p.percentile, annual=p.annual)
            for p in table.percentiles
        ),
    )


def assess(
    profile: Profile,
    catalog: Catalog,
    where: "Place | None" = None,
    table: WageTable | None = None,
    *,
    what_if: Sequence[tuple[str, str]] = (),
    better: "tuple[Place, WageTable] | None" = None,
) -> Assessment:
    """Everything `maplanner assess` says about a (normalized) profile; with a place
    and its table, dollar figures, the pay comparison, the levers' dollars and a
    what-if use that table.

    `better` is the best-paying metro area of the place's state, for the place lever
    (`maplanner.core.places.best_area`).

    With `what_if` changes (``[("leads", "lead")]``), the result also compares the
    profile with those changes made (`maplanner.core.whatif`).
    """
    from maplanner.core.levers import levers
    from maplanner.core.whatif import compare

    chosen = catalog.wages if table is None else table
    placement = place(profile, catalog)
    estimate = estimate_percentile(profile, catalog)
    year = career_year(profile.years, catalog.roadmap_max_year)
    band = catalog.band_for_year(year)
    steps = (
        *certification_steps(profile, catalog, band, estimate.percentile),
        *skill_steps(profile, catalog, band),
        *role_steps(profile, catalog, placement),
    )
    return Assessment.model_construct(
        tier=placement.tier,
        tier_name=placement.tier_name,
        tier_rule=placement.rule,
        estimated_percentile=estimate.percentile,
        factors=estimate.factors,
        range=wage_range(estimate.percentile, catalog, chosen),
        pay_standing=(
            None
            if profile.pay is None
            else pay_standing(profile.pay, estimate.percentile, catalog, chosen)
        ),
        career_year=year,
        roadmap_band=band.id,
        roadmap_band_name=band.name,
        next_steps=steps,
        paths=path_suggestions(profile, catalog),
        profile=profile,
        data_vintage=catalog.data_vintage,
        student=is_student(profile, catalog),
        levers=levers(
            profile,
            catalog,
            estimate.percentile,
            steps,
            chosen,
            where if table is not None else None,
            better,
        ),
        what_if=compare(profile, what_if, catalog, chosen) if what_if else None,
        place=(
            None
            if where is None or table is None
            else AssessedPlace.model_construct(
                kind=where.kind, code=where.code, name=where.name, postal=where.postal
            )
        ),
        table=chart_table(chosen),
    )


class Brief(Result):
    """What one roster row shows: the same answers `assess` gives for these parts."""

    tier: str
    tier_name: str
    estimated_percentile: float
    range: WageRange
    top_next_step: NextStep | None
    top_certification: NextStep | None


def brief(profile: Profile, catalog: Catalog, table: WageTable | None = None) -> Brief:
    """Tier, estimate, range (in `table`, a place's, else the national one) and first
    next step, without the rest of `assess`.

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
    return Brief.model_construct(
        tier=placement.tier,
        tier_name=placement.tier_name,
        estimated_percentile=estimate.percentile,
        range=wage_range(estimate.percentile, catalog, table),
        top_next_step=top,
        top_certification=certifications[0] if certifications else None,
    )
