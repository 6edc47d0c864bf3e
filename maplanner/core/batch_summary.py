"""The running summary of a batch: counts only, so memory stays flat.

A roster can have a million rows, so nothing per row is kept. Tiers and next
certifications are counters over the catalog's few ids. The median needs every
value in principle, but estimated percentiles are rounded to 0.1 by the rules and
clamped between the data's floor and ceiling, so a histogram of counts per tenth of
a percentile (at most about a thousand buckets) holds them exactly: the median read
from it is the exact median, not an approximation.
"""

from collections.abc import Mapping
from typing import Literal

from maplanner.catalog.catalog import Catalog
from maplanner.core.result import Result as _Model
from maplanner.core.roster import RosterResult


class TierCount(_Model):
    id: str
    name: str
    count: int


class CertificationCount(_Model):
    id: str
    name: str
    count: int


class BatchSummary(_Model):
    """What a batch did: files, row counts, tiers, the median estimate, the top next step.

    ``rows_in`` counts data rows (not the header, not blank lines) and always equals
    ``rows_written + rows_rejected``. ``errors`` is None when no row was rejected (no
    errors file is written then). ``most_common_next_certification`` breaks ties by
    catalog order; ``next_certifications`` lists every count so ties are visible.
    ``carried_columns`` are the roster's other columns, copied to the results.
    ``reports`` is the folder of plans (None without --reports) and
    ``reports_written`` how many it holds (one per row written); ``class_report`` the
    class report file (None without --summary).
    ``repeated_ids`` counts rows whose id an earlier row already used (both are
    assessed); past the first 100,000 different ids rows are no longer checked, and
    ``repeated_ids_checked_every_row`` is then false.
    """

    roster: str
    results: str
    errors: str | None
    format: Literal["csv", "jsonl"]
    rows_in: int
    rows_written: int
    rows_rejected: int
    blank_lines: int
    carried_columns: tuple[str, ...]
    reports: str | None = None
    reports_written: int = 0
    class_report: str | None = None
    repeated_ids: int
    repeated_ids_checked_every_row: bool
    tiers: tuple[TierCount, ...]
    median_estimated_percentile: float | None
    most_common_next_certification: CertificationCount | None
    next_certifications: tuple[CertificationCount, ...]


class SummaryTally:
    """Accumulates a batch as it streams; `summary()` reads it out at the end."""

    def __init__(self, catalog: Catalog) -> None:
        self._catalog = catalog
        self.written = 0
        self.rejected = 0
        self.blank_lines = 0
        self._tiers: dict[str, int] = {}
        self._certifications: dict[str, int] = {}
        self._tenths: dict[int, int] = {}

    @property
    def rows_in(self) -> int:
        return self.written + self.rejected

    def add(self, result: RosterResult) -> None:
        outcome = result.outcome
        self.written += 1
        tiers, tenths = self._tiers, self._tenths
        tiers[outcome.tier] = tiers.get(outcome.tier, 0) + 1
        tenth = round(outcome.estimated_percentile * 10)
        tenths[tenth] = tenths.get(tenth, 0) + 1
        cert = outcome.top_next_certification
        if cert is not None:
            self._certifications[cert] = self._certifications.get(cert, 0) + 1

    def reject(self) -> None:
        self.rejected += 1

    def blank(self) -> None:
        self.blank_lines += 1

    def summary(
        self,
        *,
        roster: str,
        results: str,
        errors: str | None,
        format: Literal["csv", "jsonl"],
        carried_columns: tuple[str, ...],
        repeated_ids: int = 0,
        repeated_ids_checked_every_row: bool = True,
    ) -> BatchSummary:
        catalog = self._catalog
        counts = self._certifications
        certifications = tuple(
            CertificationCount.model_construct(id=cert.id, name=cert.name, count=counts[cert.id])
            for cert in catalog.certifications
            if cert.id in counts
        )
        ranked = sorted(certifications, key=lambda count: -count.count)  # stable: catalog order
        median = median_of_tenths(self._tenths)
        return BatchSummary.model_construct(
            roster=roster,
            results=results,
            errors=errors,
            format=format,
            rows_in=self.rows_in,
            rows_written=self.written,
            rows_rejected=self.rejected,
            blank_lines=self.blank_lines,
            carried_columns=carried_columns,
            repeated_ids=repeated_ids,
            repeated_ids_checked_every_row=repeated_ids_checked_every_row,
            tiers=tuple(
                TierCount.model_construct(
                    id=tier.id, name=tier.name, count=self._tiers.get(tier.id, 0)
                )
                for tier in catalog.tiers
            ),
            median_estimated_percentile=None if median is None else round(median, 2),
            most_common_next_certification=ranked[0] if ranked else None,
            next_certifications=tuple(ranked),
        )


def median_of_tenths(counts: Mapping[int, int]) -> float | None:
    """The median of values given as counts per tenth (455 -> 45.5); None when empty.

    With an even number of values it is the mean of the two middle ones, as
    `statistics.median` would give on the full list.
    """
    total = sum(counts.values())
    if total == 0:
        return None
    wanted = [(total - 1) // 2, total // 2]  # 0-based positions of the middle value(s)
    found: list[int] = []
    seen = 0
    for tenth in sorted(counts):
        seen += counts[tenth]
        while wanted and wanted[0] < seen:
            found.append(tenth)
            wanted.pop(0)
        if not wanted:
            break
    return sum(found) / len(found) / 10
