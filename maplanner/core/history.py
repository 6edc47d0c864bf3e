"""Past assessments and what changed between them: pure, no storage, no printing.

The store keeps, for every saved assessment, the facts `history` compares (date,
tier, estimated percentile, years, certification ids, the whole profile and the pay
given) next to the whole Assessment. The comparison reads only those facts, never
the stored Assessment JSON, so history stays readable after the Assessment model
grows new fields in a later version. Profile answers are compared field by field,
so an answer added to the profile later (a place) is named when it changes too.
"""

from collections.abc import Sequence
from datetime import date

from pydantic import Field, field_validator

from maplanner.core import percentile_text
from maplanner.core.assessment import Assessment
from maplanner.core.profile import Profile
from maplanner.core.result import Result as _Result
from maplanner.core.text import dollars, ordinal

#: How a profile answer is named in "what changed"; others go by their field name.
FIELD_WORDS = {"leads": "leadership", "accredited": "accredited program"}
#: Answers compared on their own (years and certifications) or as pay.
_OWN_WORDS = frozenset({"years", "certs", "pay"})


class AssessmentRecord(_Result):
    """One saved assessment as history shows it. ``number`` counts from 1, in order saved.

    Read back from a file a person may have edited, so every value is checked as the
    rules would have made it: a real date, a percentile from 0 to 100, years from 0 to
    60, all finite (an infinity would reach the screen as an error, or JSON as null).
    """

    number: int = Field(ge=1)
    date: str = Field(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
    tier: str = Field(min_length=1, max_length=40)
    tier_name: str = Field(min_length=1, max_length=80)
    estimated_percentile: float = Field(ge=0, le=100, allow_inf_nan=False)
    years: float = Field(ge=0, le=60, allow_inf_nan=False)
    certs: tuple[str, ...]
    profile: Profile | None = None
    pay_annual: float | None = Field(default=None, gt=0, allow_inf_nan=False)
    pay_percentile: float | None = Field(default=None, ge=0, le=100, allow_inf_nan=False)

    @field_validator("date")
    @classmethod
    def _real_date(cls, value: str) -> str:
        date.fromisoformat(value)  # ValueError for 2025-13-45
        return value


class AnswerChange(_Result):
    """One profile answer that differs: its field, and both values in words."""

    field: str
    before: str
    after: str


class PayPoint(_Result):
    """The pay given with one assessment, for "pay over time"."""

    date: str
    annual: float
    percentile: float | None


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
    answers: tuple[AnswerChange, ...] = ()
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
    pay_over_time: tuple[PayPoint, ...] = ()


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
        profile=assessment.profile,
        pay_annual=None if assessment.pay_standing is None else assessment.pay_standing.annual,
        pay_percentile=(
            None
            if assessment.pay_standing is None
            else assessment.pay_standing.standing.percentile
        ),
    )


def _words(value: object) -> str:
    if value is None:
        return "not given"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def answer_changes(before: AssessmentRecord, after: AssessmentRecord) -> list[AnswerChange]:
    """Every profile answer (besides years and certifications) that differs, and pay."""
    found: list[AnswerChange] = []
    if before.profile is not None and after.profile is not None:
        old, new = dict(before.profile), dict(after.profile)
        for field in type(after.profile).model_fields:
            if field in _OWN_WORDS or old.get(field) == new.get(field):
                continue
            found.append(
                AnswerChange.model_construct(
                    field=FIELD_WORDS.get(field, field),
                    before=_words(old.get(field)),
                    after=_words(new.get(field)),
                )
            )
    if before.pay_annual != after.pay_annual and (
        before.pay_annual is not None or after.pay_annual is not None
    ):
        found.append(
            AnswerChange.model_construct(
                field="pay",
                before="not given" if before.pay_annual is None else dollars(before.pay_annual),
                after="not given" if after.pay_annual is None else dollars(after.pay_annual),
            )
        )
    return found


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
    answers = answer_changes(before, after)
    parts.extend(f"{a.field} {a.before} -> {a.after}" for a in answers)
    if (before.profile is None) != (after.profile is None):
        parts.append("other answers were not kept with the older one")
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
        answers=tuple(answers),
        summary="; ".join(parts) if parts else "no change",
    )


def history_view(records: Sequence[AssessmentRecord]) -> HistoryView:
    """Each record with its change since the one before, oldest first."""
    ordered = sorted(records, key=lambda record: record.number)
    entries = tuple(
        HistoryEntry.model_construct(
            **dict(record),
            changes=None if index == 0 else change(ordered[index - 1], record),
        )
        for index, record in enumerate(ordered)
    )
    overall = change(ordered[0], ordered[-1]) if len(ordered) > 2 else None
    pay = tuple(
        PayPoint.model_construct(
            date=record.date, annual=record.pay_annual, percentile=record.pay_percentile
        )
        for record in ordered
        if record.pay_annual is not None
    )
    return HistoryView.model_construct(
        count=len(entries), assessments=entries, overall=overall, pay_over_time=pay
    )


def pay_line(point: PayPoint) -> str:
    """'2025-01-15  $40,000 a year, about the 32nd percentile'."""
    where = (
        "outside the published 10th to 90th"
        if point.percentile is None
        else f"about the {ordinal(point.percentile)} percentile"
    )
    return f"{point.date}  {dollars(point.annual)} a year, {where}"
