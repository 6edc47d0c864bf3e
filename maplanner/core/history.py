"""Past assessments and what changed between them: pure, no storage, no printing.

The store keeps, for every saved assessment, the few facts `history` compares (date,
tier, estimated percentile, years, certification ids) next to the whole Assessment.
The comparison reads only those facts, never the stored Assessment JSON, so history
stays readable after the Assessment model grows new fields in a later version.
"""

from collections.abc import Sequence
from datetime import date

from pydantic import BaseModel, ConfigDict

from maplanner.core import percentile_text
from maplanner.core.assessment import Assessment


class _Result(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class AssessmentRecord(_Result):
    """One saved assessment as history shows it. ``number`` counts from 1, in order saved."""

    number: int
    date: str
    tier: str
    tier_name: str
    estimated_percentile: float
    years: float
    certs: tuple[str, ...]


class Change(_Result):
    """What differs between an earlier assessment and a later one.

    ``estimated_percentile_change`` is later minus earlier, in percentile points;
    ``summary`` says all of it in words ("no change" when nothing differs).
    """

    since: str
    tier_changed: bool
    tier_before: str
    tier_after: str
    estimated_percentile_before: float
    estimated_percentile_after: float
    estimated_percentile_change: float
    certs_added: tuple[str, ...]
    certs_removed: tuple[str, ...]
    years_before: float
    years_after: float
    summary: str


class HistoryEntry(AssessmentRecord):
    """A record and what changed since the one before it (None for the first)."""

    changes: Change | None


class HistoryView(_Result):
    """Every saved assessment, oldest first, and the change from the first to the last
    (``overall``, only with three or more: with two it is the last entry's change)."""

    count: int
    assessments: tuple[HistoryEntry, ...]
    overall: Change | None


def record_of(assessment: Assessment, on: date, number: int = 0) -> AssessmentRecord:
    """The facts history keeps about an assessment taken on `on`."""
    return AssessmentRecord.model_construct(
        number=number,
        date=on.isoformat(),
        tier=assessment.tier,
        tier_name=assessment.tier_name,
        estimated_percentile=assessment.estimated_percentile,
        years=assessment.profile.years,
        certs=tuple(cert.id for cert in assessment.profile.certs),
    )


def change(before: AssessmentRecord, after: AssessmentRecord) -> Change:
    """What changed from `before` to `after`."""
    added = tuple(cert for cert in after.certs if cert not in before.certs)
    removed = tuple(cert for cert in before.certs if cert not in after.certs)
    delta = round(after.estimated_percentile - before.estimated_percentile, 1)
    tier_changed = before.tier != after.tier
    parts: list[str] = []
    if tier_changed:
        parts.append(f"tier {before.tier_name} -> {after.tier_name}")
    earlier, later = before.estimated_percentile, after.estimated_percentile
    if percentile_text.change(earlier, later) != 0:  # as shown: 27.6 -> 28.4 reads "28th"
        parts.append(f"estimate {percentile_text.step(earlier, later, unit=True)}")
    if added:
        parts.append(f"added {', '.join(added)}")
    if removed:
        parts.append(f"removed {', '.join(removed)}")
    if after.years != before.years:
        parts.append(f"years {before.years:g} -> {after.years:g}")
    return Change.model_construct(
        since=before.date,
        tier_changed=tier_changed,
        tier_before=before.tier_name,
        tier_after=after.tier_name,
        estimated_percentile_before=before.estimated_percentile,
        estimated_percentile_after=after.estimated_percentile,
        estimated_percentile_change=delta,
        certs_added=added,
        certs_removed=removed,
        years_before=before.years,
        years_after=after.years,
        summary="; ".join(parts) if parts else "no change",
    )


def history_view(records: Sequence[AssessmentRecord]) -> HistoryView:
    """Each record with its change since the one before, oldest first."""
    ordered = sorted(records, key=lambda record: record.number)
    entries = tuple(
        HistoryEntry.model_construct(
            **record.model_dump(),
            changes=None if index == 0 else change(ordered[index - 1], record),
        )
        for index, record in enumerate(ordered)
    )
    overall = change(ordered[0], ordered[-1]) if len(ordered) > 2 else None
    return HistoryView.model_construct(count=len(entries), assessments=entries, overall=overall)
