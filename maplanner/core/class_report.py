"""The class report: what a program director can act on, counted as a batch streams.

`ClassTally.add` takes each assessed row once; `ClassTally.report` reads the counts
out as one `ClassReport`, the model every format (HTML, Markdown, JSON) lays out.
Memory stays bounded however long the roster: counts per tier, status and next step,
estimates per tenth of a percentile, pay per $1,000, and at most `NAMES_LISTED`
students named per readiness list and `ATTENTION_LISTED` on the attention list (the
counts always cover every row).

Every group of counts adds up to the rows assessed: each student is in exactly one
tier, one BLS/CPR group, one exam group, one renewal group and one next-step line
(tests hold this for generated rosters).
"""

import heapq
import itertools
from datetime import date
from typing import Literal

from maplanner import __version__
from maplanner.catalog.catalog import Catalog
from maplanner.catalog.wages import WageTable
from maplanner.core.batch_summary import BatchSummary, median_of_tenths
from maplanner.core.readiness import (
    RenewalStatus,
    has_life_support_card,
    holds_primary,
    primary_exam,
    renewal_status,
)
from maplanner.core.result import Result as _Model
from maplanner.core.roster import RosterResult, RowPlace
from maplanner.core.salary_view import Distribution, distribution
from maplanner.core.text import ordinal
from maplanner.core.wages import wage_at

TITLE = "Class report"
#: Students named in each readiness list; the count always covers them all.
NAMES_LISTED = 40
#: Students on the attention list; the count always covers them all.
ATTENTION_LISTED = 15
#: Next steps listed, most common first.
STEPS_LISTED = 6
#: Groups that need no action: counted, not named.
UNNAMED_GROUPS = frozenset({"has", "holds", "current", "none-held"})
#: Pay is counted per this many dollars a year for the chart.
PAY_BUCKET = 1000

#: The credentials a student holds, each with the month earned (None: not given).
Held = tuple[tuple[str, str | None], ...]
#: Renewal statuses remembered per distinct set of credentials and months.
RENEWALS_REMEMBERED = 4096
#: Places a note names when a roster's rows name several.
PLACES_NAMED = 5
#: What every class report says about its figures, under them.
NOTES = (
    "Estimated percentiles are maplanner's own, from the weights in data/estimate.toml; "
    "they are not BLS figures.",
    "The CMA lets students sit the exam up to 30 days before they finish an accredited "
    "program (AAMA); other routes and credentials have their own rules.",
    "Renewal dates need the month each credential was earned, written after its id in "
    "the certifications column (CMA 2023-04).",
)

Severity = Literal["lapsed", "exam-open", "due-soon", "pay-below-range", "no-card"]
#: How much each reason weighs on the attention list (higher first).
SEVERITY: dict[Severity, int] = {
    "lapsed": 8,
    "exam-open": 4,
    "due-soon": 2,
    "pay-below-range": 1,
    "no-card": 0,
}


class Student(_Model):
    """A student as a list names them: the roster's name (if any), id and line."""

    id: str
    name: str | None
    line: int
    detail: str | None = None


class Group(_Model):
    """One group of a readiness question: how many, and the first few by name."""

    id: str
    label: str
    count: int
    students: tuple[Student, ...]


class Question(_Model):
    """A readiness question; its groups' counts add up to the rows assessed."""

    id: str
    title: str
    groups: tuple[Group, ...]


class Count(_Model):
    id: str
    label: str
    count: int


class Mark(_Model):
    """Students at one spot of the wage chart: a percentile or a pay, and how many."""

    percentile: float | None
    annual: float
    count: int


class Band(_Model):
    """Students between two published points: by estimate, and by pay given."""

    label: str
    estimates: int
    pays: int


class Attention(_Model):
    student: Student
    reasons: tuple[str, ...]


class ClassReport(_Model):
    """Everything the class report shows, in every format (JSON is this model).

    ``rows_in == rows_assessed + rows_rejected``; tiers, each question's groups,
    next steps (with ``no_next_step``) and the bands' estimates each add up to
    ``rows_assessed``; the bands' pays add up to ``pay_given``.
    """

    title: str
    made_on: str
    maplanner_version: str
    roster: str
    rows_in: int
    rows_assessed: int
    rows_rejected: int
    blank_lines: int
    repeated_ids: int
    carried_columns: tuple[str, ...]
    wages: Distribution
    median_estimated_percentile: float | None
    estimates: tuple[Mark, ...]
    pay_given: int
    pays: tuple[Mark, ...]
    bands: tuple[Band, ...]
    tiers: tuple[Count, ...]
    readiness: tuple[Question, ...]
    next_steps: tuple[Count, ...]
    no_next_step: int
    attention_total: int
    attention: tuple[Attention, ...]
    notes: tuple[str, ...]
    data_vintage: str


class _Names:
    """A count with the first NAMES_LISTED students."""

    def __init__(self) -> None:
        self.count = 0
        self.students: list[Student] = []

    def add(self, student: Student) -> None:
        self.count += 1
        if len(self.students) < NAMES_LISTED:
            self.students.append(student)


class ClassTally:
    """Counts a class as its rows stream past; `report()` reads them out."""

    def __init__(self, catalog: Catalog, today: date) -> None:
        self._catalog = catalog
        self._today = today
        self._tiers: dict[str, int] = {}
        self._tenths: dict[int, int] = {}
        self._pays: dict[int, int] = {}
        self._pay_given = 0
        self._steps: dict[str, int] = {}
        self._no_step = 0
        self._groups: dict[tuple[str, str], _Names] = {}
        self._attention: list[tuple[int, int, Attention]] = []
        self._attention_total = 0
        self._renewals: dict[Held, tuple[RenewalStatus, tuple[str, ...]]] = {}
        #: Every place the assessed rows name, by code (None: no place, the national
        #: table), with the first row's place for its table.
        self._places: dict[str | None, RowPlace | None] = {}

    def _group(self, question: str, group: str) -> _Names:
        found = self._groups.get((question, group))
        if found is None:
            found = self._groups[(question, group)] = _Names()
        return found

    def add(self, row: RosterResult) -> None:
        catalog = self._catalog
        outcome = row.outcome
        key = row.shape.key
        ids = key[1]
        code = None if row.place is None else row.place.where.code
        if code not in self._places:
            self._places[code] = row.place
        self._tiers[outcome.tier] = self._tiers.get(outcome.tier, 0) + 1
        tenth = round(outcome.estimated_percentile * 10)
        self._tenths[tenth] = self._tenths.get(tenth, 0) + 1
        if row.pay is not None:
            self._pay_given += 1
            bucket = round(row.pay.given.annual(catalog.wages.hours_per_year) / PAY_BUCKET)
            self._pays[bucket] = self._pays.get(bucket, 0) + 1
        step = outcome.top_next_step
        if step is None:
            self._no_step += 1
        else:
            self._steps[step] = self._steps.get(step, 0) + 1

        student = Student.model_construct(id=row.id, name=row.name, line=row.line)
        card = has_life_support_card(catalog, ids)
        self._group("life-support", "has" if card else "lacks").add(student)

        exam, opens = primary_exam(holds_primary(catalog, ids), row.program_ends, self._today)
        exam_student = student
        if exam == "later" and opens is not None:
            exam_student = student.model_copy(update={"detail": f"from {opens.isoformat()}"})
        self._group("primary-exam", exam).add(exam_student)

        held = tuple(zip(ids, row.shape.earned, strict=True))
        renewal = self._renewals.get(held)
        if renewal is None:
            renewal = renewal_status(catalog, held, self._today)
            if len(self._renewals) < RENEWALS_REMEMBERED:
                self._renewals[held] = renewal
        status, which = renewal
        renewal_student = student
        if which:
            renewal_student = student.model_copy(update={"detail": ", ".join(which)})
        self._group("renewals", status).add(renewal_student)

        reasons: list[tuple[Severity, str]] = []
        if status == "lapsed":
            reasons.append(("lapsed", f"{', '.join(which)} lapsed: renew or retest"))
        if exam == "now":
            reasons.append(("exam-open", "can sit a primary MA credential now and holds none"))
        if status == "due-soon":
            reasons.append(("due-soon", f"{', '.join(which)} due for renewal soon"))
        if (
            row.pay is not None
            and row.pay.outside is not None
            and row.pay.outside.startswith("below")
        ):
            reasons.append(("pay-below-range", f"pay {row.pay.outside} percentile"))
        if reasons:
            if not card:
                reasons.append(("no-card", "no BLS/CPR card"))
            self._attention_total += 1
            weight = sum(SEVERITY[kind] for kind, _ in reasons)
            entry = Attention.model_construct(
                student=student, reasons=tuple(text for _, text in reasons)
            )
            item = (weight, -row.line, entry)
            if len(self._attention) < ATTENTION_LISTED:
                heapq.heappush(self._attention, item)
            elif item[:2] > self._attention[0][:2]:
                heapq.heapreplace(self._attention, item)

    def report(self, summary: BatchSummary, *, wages: Distribution | None = None) -> ClassReport:
        """The class report; `wages` is the table to draw (the national one unless a
        place's table is given)."""
        catalog = self._catalog
        chart, place_note = self._chart_table()
        table = wages if wages is not None else distribution(catalog, chart)
        median = median_of_tenths(self._tenths)
        estimates = tuple(
            Mark.model_construct(
                percentile=tenth / 10,
                annual=wage_at(chart, tenth / 10).annual,
                count=count,
            )
            for tenth, count in sorted(self._tenths.items())
        )
        pays = tuple(
            Mark.model_construct(percentile=None, annual=float(bucket * PAY_BUCKET), count=count)
            for bucket, count in sorted(self._pays.items())
        )
        steps = sorted(self._steps.items(), key=lambda item: (-item[1], item[0]))
        listed = steps[:STEPS_LISTED]
        others = sum(count for _, count in steps[STEPS_LISTED:])
        next_steps = [
            Count.model_construct(id=f"step-{number}", label=title, count=count)
            for number, (title, count) in enumerate(listed, 1)
        ]
        if others:
            next_steps.append(
                Count.model_construct(id="other", label="other next steps", count=others)
            )
        attention = tuple(
            entry for _, _, entry in sorted(self._attention, key=lambda item: (-item[0], -item[1]))
        )
        return ClassReport.model_construct(
            title=TITLE,
            made_on=self._today.isoformat(),
            maplanner_version=__version__,
            roster=summary.roster,
            rows_in=summary.rows_in,
            rows_assessed=summary.rows_written,
            rows_rejected=summary.rows_rejected,
            blank_lines=summary.blank_lines,
            repeated_ids=summary.repeated_ids,
            carried_columns=summary.carried_columns,
            wages=table,
            median_estimated_percentile=None if median is None else round(median, 2),
            estimates=estimates,
            pay_given=self._pay_given,
            pays=pays,
            bands=bands(table, estimates, pays),
            tiers=tuple(
                Count.model_construct(
                    id=tier.id, label=tier.name, count=self._tiers.get(tier.id, 0)
                )
                for tier in catalog.tiers
            ),
            readiness=self._questions(),
            next_steps=tuple(next_steps),
            no_next_step=self._no_step,
            attention_total=self._attention_total,
            attention=attention,
            notes=(*NOTES, *place_note),
            data_vintage=catalog.data_vintage,
        )

    def _chart_table(self) -> tuple[WageTable, tuple[str, ...]]:
        """The table the class is drawn on, and a note saying why when a roster's places
        leave it national: the one place every assessed row names, else national."""
        catalog = self._catalog
        places = self._places
        if len(places) == 1:
            (only,) = places.values()
            if only is None:
                return catalog.wages, ()
            return only.table, (
                f"Every assessed row names {only.where.name}: the chart and the "
                "estimates' dollars use its BLS table.",
            )
        if not places:
            return catalog.wages, ()
        named = sorted(p.where.name for p in places.values() if p is not None)
        shown = ", ".join(named[:PLACES_NAMED])
        more = f" and {len(named) - PLACES_NAMED} more" if len(named) > PLACES_NAMED else ""
        blank = " and some rows name none" if None in places else ""
        return catalog.wages, (
            f"The chart is national: the roster names {len(named)} "
            f"place{'s' if len(named) != 1 else ''} ({shown}{more}){blank}, and one chart "
            "draws one table. Each student's range and pay percentile in the results use "
            "their own place's table.",
        )

    def _questions(self) -> tuple[Question, ...]:
        soon = self._catalog.renewal_due_soon_months
        asked: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
            (
                "life-support",
                "BLS/CPR card",
                (("lacks", "No BLS/CPR card"), ("has", "Holds a BLS/CPR card")),
            ),
            (
                "primary-exam",
                "Primary MA credential (CMA, RMA or CCMA)",
                (
                    ("now", "Can sit the exam now (program ended or ends within 30 days)"),
                    ("later", "Can sit it later (30 days before the program ends)"),
                    ("not-known", "Holds none; no program end date given"),
                    ("holds", "Holds one"),
                ),
            ),
            (
                "renewals",
                "Credential renewals",
                (
                    ("lapsed", "A credential has lapsed"),
                    ("due-soon", f"A credential is due within {soon} months"),
                    ("current", "Current"),
                    ("not-known", "No due date known (no month earned, or no verified cycle)"),
                    ("none-held", "Holds no credential"),
                ),
            ),
        )
        questions = []
        for question, title, groups in asked:
            made = []
            for group, label in groups:
                names = self._groups.get((question, group), _Names())
                listed = [] if group in UNNAMED_GROUPS else names.students
                made.append(
                    Group.model_construct(
                        id=group, label=label, count=names.count, students=tuple(listed)
                    )
                )
            questions.append(
                Question.model_construct(id=question, title=title, groups=tuple(made))
            )
        return tuple(questions)


def bands(
    table: Distribution, estimates: tuple[Mark, ...], pays: tuple[Mark, ...]
) -> tuple[Band, ...]:
    """Counts between the table's published points; a value on a point counts above it."""
    points = table.points
    names = ["median" if point.percentile == 50 else ordinal(point.percentile) for point in points]
    labels = [f"below {names[0]}"]
    labels += [f"{low} to {high}" for low, high in itertools.pairwise(names)]
    labels.append(f"{names[-1]} and above")

    def where(value: float, edges: list[float]) -> int:
        return sum(1 for edge in edges if value >= edge)

    by_percentile = [float(point.percentile) for point in points]
    by_annual = [point.annual for point in points]
    estimated = [0] * len(labels)
    paid = [0] * len(labels)
    for mark in estimates:
        assert mark.percentile is not None
        estimated[where(mark.percentile, by_percentile)] += mark.count
    for mark in pays:
        paid[where(mark.annual, by_annual)] += mark.count
    return tuple(
        Band.model_construct(label=label, estimates=estimated[i], pays=paid[i])
        for i, label in enumerate(labels)
    )
