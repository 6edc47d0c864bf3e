"""Wage tables made from the OEWS extract's rows: national tables and industry medians.

Kept apart from the area file's reader (areas.py) so that a command given no place
imports neither csv nor the place models.
"""

from maplanner.catalog.catalog import MA_SOC, Catalog
from maplanner.catalog.oews import PERCENTILES, Figures
from maplanner.catalog.wages import Industry, PercentilePoint, WageTable
from maplanner.errors import DataError

EMPLOYMENT_NOTE = "wage and salary jobs counted by the OEWS survey (excludes the self-employed)"


def table_from_figures(
    catalog: Catalog, figures: Figures, *, occupation: str, soc: str, area: str
) -> WageTable | None:
    """The wage table BLS published for a row; None when it withheld the median.

    Withheld points are left out (never filled in) and named with BLS's reason.
    """
    release = catalog.oews.release
    points = []
    withheld: dict[str, str] = {}
    for p in PERCENTILES:
        annual = getattr(figures, f"annual_{p}")
        if annual is None:
            withheld[str(p)] = footnote_text(catalog, figures.note(f"annual_{p}"))
            continue
        points.append(
            PercentilePoint.model_construct(
                percentile=p, annual=annual, hourly=getattr(figures, f"hourly_{p}")
            )
        )
    if figures.annual_50 is None or len(points) < 2:
        return None
    mean = figures.mean_annual
    if mean is None:
        withheld["mean"] = footnote_text(catalog, figures.note("mean_annual"))
    if figures.employment is None:
        withheld["employment"] = footnote_text(catalog, figures.note("employment"))
    return WageTable.model_construct(
        occupation=occupation,
        soc_code=soc,
        area=area,
        vintage=release.name,
        source=release.source,
        hours_per_year=2080,
        percentiles=points,
        mean_annual=mean if mean is not None else figures.annual_50,
        median_hourly=figures.hourly_50 or figures.annual_50 / 2080,
        employment=figures.employment,
        employment_note=EMPLOYMENT_NOTE,
        mean_hourly=figures.mean_hourly,
        withheld=withheld,
    )


def footnote_text(catalog: Catalog, code: int | None) -> str:
    if code is None:
        return "not published"
    return catalog.oews.footnotes.get(str(code), f"BLS footnote {code}")


def national_table(catalog: Catalog, soc: str) -> WageTable:
    """The latest release's national table for an occupation in the extract."""
    occupation = catalog.oews.occupation_named(soc)
    if occupation is None:
        raise DataError(f"data error in oews.toml: no national row for {soc}")
    name = "Medical Assistants" if soc == MA_SOC else occupation.name
    table = table_from_figures(
        catalog, occupation.national, occupation=name, soc=soc, area="United States"
    )
    if table is None:
        raise DataError(f"data error in oews.toml: BLS published no national median for {soc}")
    return table


def latest_industries(catalog: Catalog, earlier: list[Industry]) -> list[Industry]:
    """The settings' industries with the latest MA median from OEWS's industry rows."""
    rows = {row.naics: row for row in catalog.oews.industry}
    release = catalog.oews.release
    result = []
    for industry in earlier:
        row = None if industry.naics is None else rows.get(industry.naics)
        if row is None or row.national.annual_50 is None:
            result.append(industry)
            continue
        result.append(
            Industry.model_construct(
                id=industry.id,
                name=industry.name,
                median_annual=row.national.annual_50,
                share_of_jobs_percent=industry.share_of_jobs_percent,
                source=release.source,
                naics=industry.naics,
                table=(
                    f"OEWS {release.name} national industry-specific estimates, "
                    f"NAICS {row.naics} {row.name}"
                ),
            )
        )
    return result
