"""BLS OEWS estimates as maplanner ships them: data/oews.toml and data/oews-areas.csv.

Both files are made by scripts/build_oews_extract.py from BLS's published flat files
(a test proves the shipped copies match). The TOML holds what every run may need and
is validated with the rest of the catalog: the release, its source files' checksums,
BLS's footnotes, the national rows of the occupations maplanner shows and the MA rows
of the industries behind the work settings. The CSV holds the same occupations for
every state and area; it is read only when a command is given a place (see
maplanner/catalog/areas.py), so a run without one never touches it.

A measure BLS did not publish (footnote 8, "Estimate not released", or 5, top-coded)
has no figure: its footnote code stands in its place and is shown instead.
"""

import itertools
import re
from typing import Annotated, Literal, Self

from pydantic import Field, StringConstraints, model_validator

from maplanner.catalog.base import Id, Strict, Text

PERCENTILES = (10, 25, 50, 75, 90)
#: Every measure maplanner keeps, in BLS's column order.
MEASURES = (
    "employment",
    "mean_hourly",
    "mean_annual",
    *(f"hourly_{p}" for p in PERCENTILES),
    *(f"annual_{p}" for p in PERCENTILES),
)
Measure = Literal[
    "employment",
    "mean_hourly",
    "mean_annual",
    "hourly_10",
    "hourly_25",
    "hourly_50",
    "hourly_75",
    "hourly_90",
    "annual_10",
    "annual_25",
    "annual_50",
    "annual_75",
    "annual_90",
]
Soc = Annotated[str, StringConstraints(pattern=r"^\d{2}-\d{4}$")]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
Hourly = Annotated[float, Field(gt=0, lt=1000)]
Annual = Annotated[int, Field(gt=0, le=10_000_000)]
#: BLS converts unrounded hourly wages to annual at 2,080 hours and rounds both, so the
#: published pair may differ by half a cent an hour ($10.40) plus rounding.
HOURS_PER_YEAR = 2080


class Figures(Strict):
    """One OEWS row: each measure BLS published, or the footnote saying why not."""

    employment: int | None = Field(default=None, gt=0)
    mean_hourly: Hourly | None = None
    mean_annual: Annual | None = None
    hourly_10: Hourly | None = None
    hourly_25: Hourly | None = None
    hourly_50: Hourly | None = None
    hourly_75: Hourly | None = None
    hourly_90: Hourly | None = None
    annual_10: Annual | None = None
    annual_25: Annual | None = None
    annual_50: Annual | None = None
    annual_75: Annual | None = None
    annual_90: Annual | None = None
    footnotes: dict[Measure, int] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _complete(self) -> Self:
        for name in MEASURES:
            value, note = getattr(self, name), self.footnotes.get(name)  # type: ignore[call-overload]
            if value is None and note is None:
                raise ValueError(f"{name} has neither a figure nor BLS's footnote")
            if value is not None and note is not None:
                raise ValueError(f"{name} has a figure and a footnote saying none was published")
        annual = [a for a in self.annual_points() if a is not None]
        if any(b < a for a, b in itertools.pairwise(annual)):
            raise ValueError(f"annual percentiles must not decrease: {annual}")
        for p in PERCENTILES:
            hourly, yearly = getattr(self, f"hourly_{p}"), getattr(self, f"annual_{p}")
            if (
                hourly is not None
                and yearly is not None
                and abs(hourly * HOURS_PER_YEAR - yearly) > HOURS_PER_YEAR * 0.005 + 5
            ):
                raise ValueError(
                    f"hourly_{p} ${hourly} x 2,080 h does not match annual_{p} ${yearly:,}"
                )
        return self

    def annual_points(self) -> list[int | None]:
        return [getattr(self, f"annual_{p}") for p in PERCENTILES]

    def note(self, name: str) -> int | None:
        """BLS's footnote code for a measure it did not publish, else None."""
        return self.footnotes.get(name)  # type: ignore[call-overload, no-any-return]


class SourceFile(Strict):
    """One BLS flat file the extract was built from, as the carrier's manifest lists it."""

    name: Text
    url: Text
    bytes: int = Field(gt=0)
    sha256: Sha256


class Release(Strict):
    """Which OEWS release this is, when BLS published it, and what it was built from."""

    code: Annotated[str, StringConstraints(pattern=r"^\d{4}A01$")]
    name: Text
    published: Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$")]
    source: Id
    notice: Text
    carrier: Text
    carrier_sha256: Sha256
    areas_file: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+\.csv$")]
    areas_sha256: Sha256
    file: list[SourceFile] = Field(min_length=1)

    @property
    def year(self) -> str:
        return self.code[:4]


class Occupation(Strict):
    """An occupation's national row."""

    soc_code: Soc
    name: Text
    national: Figures


class IndustryRow(Strict):
    """Medical Assistants' national row in one industry (NAICS)."""

    naics: Annotated[str, StringConstraints(pattern=r"^\d{6}$")]
    name: Text
    soc_code: Soc
    national: Figures


class State(Strict):
    """A state or territory OEWS publishes: FIPS code, postal code and name."""

    fips: Annotated[str, StringConstraints(pattern=r"^\d{2}$")]
    postal: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
    name: Text


class OewsFile(Strict):
    states: list[State] = Field(min_length=1)
    release: Release
    footnotes: dict[Annotated[str, StringConstraints(pattern=r"^\d+$")], Text]
    occupation: list[Occupation] = Field(min_length=1)
    industry: list[IndustryRow] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        for label, items in (
            ("state fips", [s.fips for s in self.states]),
            ("state postal", [s.postal for s in self.states]),
            ("occupation", [o.soc_code for o in self.occupation]),
            ("industry", [i.naics for i in self.industry]),
        ):
            if len(set(items)) != len(items):
                raise ValueError(f"duplicate {label} codes")
        for row in [*(o.national for o in self.occupation), *(i.national for i in self.industry)]:
            for code in row.footnotes.values():
                if str(code) not in self.footnotes:
                    raise ValueError(f"footnote {code} is used but not in [footnotes]")
        return self

    def occupation_named(self, soc: str) -> Occupation | None:
        return next((o for o in self.occupation if o.soc_code == soc), None)


_NOT_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Names compared without case, punctuation or repeated spaces."""
    return " ".join(_NOT_WORD.sub(" ", text.casefold()).split())
