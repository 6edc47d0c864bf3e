"""`maplanner salary --states`: every state and territory ranked by MA median.

Its own module so that the other forms of `salary` never define these models.
"""

from maplanner.catalog.catalog import Catalog
from maplanner.catalog.oews import Figures
from maplanner.core.refs import SourceRef, source_ref
from maplanner.core.result import Result as _Model


class StateRow(_Model):
    """One state in the listing of every state ranked by median."""

    rank: int
    name: str
    postal: str
    fips: str
    median_annual: float
    median_hourly: float | None
    low_annual: float | None
    high_annual: float | None
    employment: int | None
    employment_withheld: str | None


class StatesReport(_Model):
    """`maplanner salary --states`: every state by MA median, highest first."""

    occupation: str
    soc_code: str
    release: str
    vintage: str
    source: SourceRef
    national_median_annual: float
    states: list[StateRow]


def states_report(catalog: Catalog, rows: dict[str, Figures]) -> StatesReport:
    """Every state's MA median, highest first; `rows` maps area code to its Figures."""
    by_code = {f"{s.fips}00000": s for s in catalog.oews.states}
    listed = []
    for code, figures in rows.items():
        state = by_code.get(code)
        if state is None or figures.annual_50 is None:
            continue
        listed.append((state, figures, figures.annual_50))
    listed.sort(key=lambda item: (-item[2], item[0].name))
    release = catalog.oews.release
    national = catalog.wages
    return StatesReport.model_construct(
        occupation=national.occupation,
        soc_code=national.soc_code,
        release=release.year,
        vintage=release.name,
        source=source_ref(catalog, release.source),
        national_median_annual=next(p.annual for p in national.percentiles if p.percentile == 50),
        states=[
            StateRow.model_construct(
                rank=number,
                name=state.name,
                postal=state.postal,
                fips=state.fips,
                median_annual=median,
                median_hourly=figures.hourly_50,
                low_annual=figures.annual_10,
                high_annual=figures.annual_90,
                employment=figures.employment,
                employment_withheld=(
                    None
                    if figures.employment is not None
                    else _withheld(catalog, figures.note("employment"))
                ),
            )
            for number, (state, figures, median) in enumerate(listed, start=1)
        ],
    )


def _withheld(catalog: Catalog, footnote: object) -> str:
    """Why BLS gives no employment: its footnote's words, or the code where a school's
    data does not explain it (never an empty reason)."""
    if footnote is None:
        return "not published"
    return catalog.oews.footnotes.get(str(footnote), f"not published (BLS footnote {footnote})")
