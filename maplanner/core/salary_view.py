"""What `maplanner salary` shows, as one model for both the tables and --json.

The national distribution is always part of the answer; a percentile, a wage and a
work setting each add a block. Building it here, without a terminal, keeps the
command a thin shell and defines the JSON shape in one tested place. Percentiles and
wages are always placed in the *national* distribution: BLS publishes only a median
per industry, so a setting is compared through its median and never given invented
percentiles of its own.
"""

from typing import Literal

from pydantic import Field

from maplanner.catalog.catalog import Catalog
from maplanner.catalog.wages import PercentilePoint, WageTable
from maplanner.core.money import Pay
from maplanner.core.refs import SourceRef, source_ref
from maplanner.core.result import Result as _Model
from maplanner.core.text import dollars, shown_gap
from maplanner.core.wages import (
    WageAtPercentile,
    WageStanding,
    hourly_for,
    percentile_of,
    point_name,
    wage_at,
)


class Figure(_Model):
    """One published annual figure, with its hourly equivalent and whether BLS published it."""

    label: str
    annual: float
    hourly: float
    hourly_published: bool


class DistributionRow(Figure):
    """A published percentile point; `earlier_annual` is the same point in the earlier
    release (May 2024) where the national table of both is shown."""

    percentile: int
    earlier_annual: float | None = None


class Distribution(_Model):
    """The national wage table as published, hourly figures derived where BLS gave none."""

    occupation: str
    soc_code: str
    area: str
    vintage: str
    source: SourceRef
    hours_per_year: int
    points: list[DistributionRow]
    mean: Figure
    employment: int | None
    employment_note: str
    withheld: dict[str, str] = Field(default_factory=dict)
    earlier_vintage: str | None = None


class WageAnswer(_Model):
    """Where an amount someone typed stands in the national distribution."""

    entered: str
    per: Literal["year", "hour"]
    annual: float
    hourly: float
    annual_derived: bool
    hourly_derived: bool
    kind: Literal["published", "estimate", "below-range", "above-range"]
    percentile: float | None
    band: str
    next_point: PercentilePoint | None
    to_next_point: float | None
    distance: str
    explanation: str


class SettingAnswer(_Model):
    """A work setting's industry median beside the national median."""

    id: str
    name: str
    industry_id: str
    industry_name: str
    mapping_reason: str
    median_annual: float
    median_hourly: float
    hourly_published: bool
    share_of_jobs_percent: float | None
    source: SourceRef
    national_median_annual: float
    national_median_hourly: float
    national_median_hourly_published: bool
    difference_from_national: float
    standing: WageStanding
    wage_difference: float | None


class Mark(_Model):
    """A figure to draw on the distribution chart beside the published points.

    The command adds one for a wage or percentile asked about; a later feature can add
    a saved person's pay or estimate the same way.
    """

    label: str
    annual: float


class PlaceInfo(_Model):
    """The place a table is for, its MA employment and its rank among states by median."""

    kind: str
    code: str
    name: str
    postal: str | None
    employment: int | None
    rank: int | None
    ranked_of: int | None


class SalaryReport(_Model):
    """Everything `maplanner salary` prints, for people or as JSON.

    With a place, `distribution` is the place's table (and every answer is placed in
    it) and `national` the national table beside it.
    """

    source_id: str
    vintage: str
    release: str = ""
    place: PlaceInfo | None = None
    national: Distribution | None = None
    distribution: Distribution
    at_percentile: WageAtPercentile | None
    wage: WageAnswer | None
    setting: SettingAnswer | None


def distribution(
    catalog: Catalog, table: WageTable | None = None, earlier: WageTable | None = None
) -> Distribution:
    """The published table, each hourly figure flagged published or derived; with
    `earlier`, each point also carries the same point of that earlier release."""
    table = catalog.wages if table is None else table
    before = {} if earlier is None else {p.percentile: p.annual for p in earlier.percentiles}

    def row(point: PercentilePoint) -> DistributionRow:
        hourly, published = hourly_for(table, point.annual)
        return DistributionRow.model_construct(
            label=point_name(point.percentile),
            percentile=point.percentile,
            annual=point.annual,
            hourly=hourly,
            hourly_published=published,
            earlier_annual=before.get(point.percentile),
        )

    # May 2024's sources give no mean hourly wage; the May 2025 extract does.
    mean = Figure.model_construct(
        label="mean",
        annual=table.mean_annual,
        hourly=(
            table.mean_hourly
            if table.mean_hourly is not None
            else table.mean_annual / table.hours_per_year
        ),
        hourly_published=table.mean_hourly is not None,
    )
    return Distribution.model_construct(
        occupation=table.occupation,
        soc_code=table.soc_code,
        area=table.area,
        vintage=table.vintage,
        source=source_ref(catalog, table.source),
        hours_per_year=table.hours_per_year,
        points=[row(point) for point in table.percentiles],
        mean=mean,
        employment=table.employment,
        employment_note=table.employment_note,
        withheld=dict(table.withheld),
        earlier_vintage=None if earlier is None else earlier.vintage,
    )


def wage_answer(
    catalog: Catalog, pay: Pay, entered: str, table: WageTable | None = None
) -> WageAnswer:
    """Place a typed amount, converting hourly and annual at the BLS 2,080 hours."""
    table = catalog.wages if table is None else table
    annual = pay.annual(table.hours_per_year)
    hourly = pay.amount if pay.per == "hour" else annual / table.hours_per_year
    standing = percentile_of(table, annual)
    return WageAnswer.model_construct(
        entered=entered.strip(),
        per=pay.per,
        annual=annual,
        hourly=hourly,
        annual_derived=pay.per == "hour",
        hourly_derived=pay.per == "year",
        kind=standing.kind,
        percentile=standing.percentile,
        band=standing.band,
        next_point=standing.next_point,
        to_next_point=standing.to_next_point,
        distance=_distance(table, standing),
        explanation=standing.explanation,
    )


def _distance(table: WageTable, standing: WageStanding) -> str:
    """How far the wage is from the next published point up (or past the top one), as
    the difference of the two figures as printed."""
    high = table.percentiles[-1]
    nxt = standing.next_point
    if standing.kind == "above-range":
        over = dollars(shown_gap(standing.annual, high.annual))
        return (
            f"{over} above the {point_name(high.percentile)} ({dollars(high.annual)}), "
            "the highest published point"
        )
    if nxt is None:
        return f"nothing above the {point_name(high.percentile)} is published"
    under = dollars(shown_gap(nxt.annual, standing.annual))
    gap = f"{under} below the {point_name(nxt.percentile)} ({dollars(nxt.annual)})"
    if standing.kind == "below-range":
        return gap + ", the lowest published point"
    return gap


def setting_answer(
    catalog: Catalog, setting_id: str, wage: WageAnswer | None, release: str | None = None
) -> SettingAnswer:
    """The median of the setting's BLS industry, and where it falls nationally."""
    table = catalog.wages if release is None else catalog.wage_table(release)
    setting = catalog.setting(setting_id)
    industry = catalog.industry(setting.industry, release)
    median = next(p for p in table.percentiles if p.percentile == 50)
    national_hourly, national_published = hourly_for(table, median.annual)
    return SettingAnswer.model_construct(
        id=setting.id,
        name=setting.name,
        industry_id=industry.id,
        industry_name=industry.name,
        mapping_reason=setting.reason,
        median_annual=industry.median_annual,
        median_hourly=industry.median_annual / table.hours_per_year,
        hourly_published=False,
        share_of_jobs_percent=industry.share_of_jobs_percent,
        source=source_ref(catalog, industry.source),
        national_median_annual=median.annual,
        national_median_hourly=national_hourly,
        national_median_hourly_published=national_published,
        difference_from_national=industry.median_annual - median.annual,
        standing=percentile_of(table, industry.median_annual),
        wage_difference=None if wage is None else wage.annual - industry.median_annual,
    )


def salary_report(
    catalog: Catalog,
    *,
    percentile: float | None = None,
    pay: Pay | None = None,
    entered: str | None = None,
    setting_id: str | None = None,
    release: str | None = None,
    place: PlaceInfo | None = None,
    place_table: WageTable | None = None,
) -> SalaryReport:
    """The whole answer. Inputs are already checked: a percentile in (0, 100), a
    plausible Pay, a resolved setting id, a known release. `entered` is the wage as
    typed (for display). With a place, answers are placed in the place's table.
    """
    release = catalog.latest_release if release is None else release
    national = catalog.wage_table(release)
    earlier = None
    if release == catalog.latest_release and place_table is None:
        earlier = catalog.wage_table(catalog.releases[1])
    table = national if place_table is None else place_table
    wage = None if pay is None else wage_answer(catalog, pay, entered or pay.describe(), table)
    return SalaryReport.model_construct(
        source_id=table.source,
        vintage=table.vintage,
        release=release,
        place=place,
        national=None if place_table is None else distribution(catalog, national),
        distribution=distribution(catalog, table, earlier),
        at_percentile=None if percentile is None else wage_at(table, percentile),
        wage=wage,
        setting=(
            None
            if setting_id is None
            else setting_answer(catalog, setting_id, wage if place is None else None, release)
        ),
    )
