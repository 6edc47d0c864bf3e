"""The class report in detail, below the command: every readiness question and group
with its words, the marks on the chart, next steps past the few listed, the attention
list when it is full, and the note that says which table the chart uses.
`tests/test_counselors.py` runs `batch --summary` end to end."""

import dataclasses
from collections.abc import Callable
from datetime import date

import pytest

import maplanner.core.class_report as class_report
from maplanner.catalog.catalog import Catalog
from maplanner.core.batch_summary import SummaryTally
from maplanner.core.class_report import ClassReport, ClassTally
from maplanner.core.roster import RosterAssessor, RosterResult, read_header
from maplanner.core.salary_view import Distribution
from maplanner.core.wages import wage_at

TODAY = date(2026, 6, 15)
HEADER = ["id", "name", "years", "certifications", "setting", "program_ends", "pay", "state"]
#: The class of tests/test_counselors.py, without its rejected row.
CLASS = [
    ["S1", "Ana", "0", "", "family-practice", "2026-07-10", "", ""],
    ["S2", "Ben", "0", "BLS", "family-practice", "2026-12", "", ""],
    ["S3", "Cy", "2", "CMA 2021-05;BLS", "hospital", "", "", ""],
    ["S4", "Di", "3", "RMA 2023-08", "urgent-care", "", "20k", ""],
]


def report_of(
    catalog: Catalog,
    rows: list[list[str]],
    *,
    change: Callable[[RosterResult], RosterResult] = lambda row: row,
    wages: Distribution | None = None,
) -> ClassReport:
    """The class report of `rows`, each assessed row passed through `change` first."""
    check = RosterAssessor(catalog, read_header(HEADER))
    tally, klass = SummaryTally(catalog), ClassTally(catalog, TODAY)
    for line, cells in enumerate(rows, start=2):
        outcome = check.row(line, cells)
        assert isinstance(outcome, RosterResult), outcome
        row = change(outcome)
        tally.add(row)
        klass.add(row)
    summary = tally.summary(
        roster="r.csv", results="o.csv", errors=None, format="csv", carried_columns=()
    )
    return klass.report(summary, wages=wages)


def test_every_readiness_question_and_group_in_words(catalog: Catalog) -> None:
    report = report_of(catalog, CLASS)
    shown = [
        (
            q.id,
            q.title,
            [(g.id, g.label, g.count, [(s.id, s.detail) for s in g.students]) for g in q.groups],
        )
        for q in report.readiness
    ]
    soon = catalog.renewal_due_soon_months
    assert shown == [
        (
            "life-support",
            "BLS/CPR card",
            [
                ("lacks", "No BLS/CPR card", 2, [("S1", None), ("S4", None)]),
                ("has", "Holds a BLS/CPR card", 2, []),
            ],
        ),
        (
            "primary-exam",
            "Primary MA credential (CMA, RMA or CCMA)",
            [
                ("now", "Can sit the exam now (program ended or ends within 30 days)", 1,
                 [("S1", None)]),
                ("later", "Can sit it later (30 days before the program ends)", 1,
                 [("S2", "from 2026-12-01")]),
                ("not-known", "Holds none; no program end date given", 0, []),
                ("holds", "Holds one", 2, []),
            ],
        ),
        (
            "renewals",
            "Credential renewals",
            [
                ("lapsed", "A credential has lapsed", 1, [("S3", "CMA")]),
                ("due-soon", f"A credential is due within {soon} months", 1, [("S4", "RMA")]),
                ("current", "Current", 0, []),
                ("not-known", "No due date known (no month earned, or no verified cycle)", 1,
                 [("S2", None)]),
                ("none-held", "Holds no credential", 1, []),
            ],
        ),
    ]  # fmt: skip


def test_the_attention_list_with_its_reasons_in_order(catalog: Catalog) -> None:
    report = report_of(catalog, CLASS)
    assert report.attention_total == 3
    assert [(a.student.id, a.reasons) for a in report.attention] == [
        ("S3", ("CMA lapsed: renew or retest",)),
        ("S1", ("can sit a primary MA credential now and holds none", "no BLS/CPR card")),
        ("S4", ("RMA due for renewal soon", "pay below 10th percentile", "no BLS/CPR card")),
    ]


def test_a_full_attention_list_keeps_those_who_weigh_most(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(class_report, "ATTENTION_LISTED", 2)
    report = report_of(catalog, CLASS)
    assert report.attention_total == 3
    assert [a.student.id for a in report.attention] == ["S3", "S1"]
    backwards = report_of(catalog, list(reversed(CLASS)))
    assert [a.student.id for a in backwards.attention] == ["S3", "S1"]


def test_a_group_names_its_first_students_and_counts_them_all(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(class_report, "NAMES_LISTED", 1)
    lacks = report_of(catalog, CLASS).readiness[0].groups[0]
    assert (lacks.count, [s.id for s in lacks.students]) == (2, ["S1"])


def test_marks_on_the_chart_for_estimates_and_pay(catalog: Catalog) -> None:
    rows = [
        *CLASS,
        ["S5", "Eve", "3", "RMA 2023-08", "urgent-care", "", "46k", ""],
        ["S6", "Flo", "3", "RMA 2023-08", "urgent-care", "", "45,800", ""],
    ]
    report = report_of(catalog, rows)
    assert report.pay_given == 3
    assert [(m.percentile, m.annual, m.count) for m in report.pays] == [
        (None, 20000.0, 1),
        (None, 46000.0, 2),
    ]
    marks = [(m.percentile, m.count) for m in report.estimates]
    assert sum(count for _, count in marks) == 6
    for mark in report.estimates:
        assert mark.percentile is not None
        assert mark.annual == wage_at(catalog.wages, mark.percentile).annual
    tenths = sorted({round(p * 10) for p, _ in marks if p is not None})
    assert [p for p, _ in marks] == [t / 10 for t in tenths]


def test_next_steps_past_the_few_listed_are_counted_together(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    full = report_of(catalog, CLASS)
    counts = [(s.id, s.count) for s in full.next_steps]
    assert [count for _, count in counts] == sorted((c for _, c in counts), reverse=True)
    assert [step_id for step_id, _ in counts] == [f"step-{n}" for n in range(1, len(counts) + 1)]
    assert len(counts) >= 2
    monkeypatch.setattr(class_report, "STEPS_LISTED", 1)
    cut = report_of(catalog, CLASS)
    assert [(s.id, s.label, s.count) for s in cut.next_steps] == [
        ("step-1", full.next_steps[0].label, full.next_steps[0].count),
        ("other", "other next steps", sum(c for _, c in counts[1:])),
    ]
    assert cut.no_next_step == full.no_next_step == 0


def test_steps_with_the_same_count_are_in_the_order_of_their_words(catalog: Catalog) -> None:
    report = report_of(catalog, CLASS)
    pairs = [(-s.count, s.label) for s in report.next_steps]
    assert pairs == sorted(pairs)


def _placed(state: str, row: list[str]) -> list[str]:
    return [*row[:-1], state]


def test_a_class_all_in_one_place_is_drawn_on_its_table(catalog: Catalog) -> None:
    report = report_of(catalog, [_placed("WA", row) for row in CLASS])
    assert report.notes[-1] == (
        "Every assessed row names Washington: the chart and the estimates' dollars use its "
        "BLS table."
    )
    assert report.wages.area == "Washington"


@pytest.mark.parametrize(
    ("states", "places", "limit"),
    [
        (["WA", "OR", "", ""], "2 places (Oregon, Washington) and some rows name none", 5),
        (["WA", "OR", "CA", "CA"], "3 places (California and 2 more)", 1),
        (["WA", "OR", "WA", "OR"], "2 places (Oregon, Washington)", 2),
        (["WA", "", "", ""], "1 place (Washington) and some rows name none", 5),
    ],
)
def test_a_class_in_several_places_is_drawn_on_the_national_table(
    catalog: Catalog,
    monkeypatch: pytest.MonkeyPatch,
    states: list[str],
    places: str,
    limit: int,
) -> None:
    monkeypatch.setattr(class_report, "PLACES_NAMED", limit)
    rows = [_placed(state, row) for state, row in zip(states, CLASS, strict=True)]
    report = report_of(catalog, rows)
    assert report.notes[-1] == (
        f"The chart is national: the roster names {places}, and one chart draws one "
        "table. Each student's range and pay percentile in the results use their own "
        "place's table."
    )
    assert report.wages.area == "United States"
    assert report.notes[:3] == (
        "Estimated percentiles are maplanner's own, from the weights in "
        "data/estimate.toml; they are not BLS figures.",
        "The CMA lets students sit the exam up to 30 days before they finish an accredited "
        "program (AAMA); other routes and credentials have their own rules.",
        "Renewal dates need the month each credential was earned, written after its id in "
        "the certifications column (CMA 2023-04).",
    )


def test_a_student_with_no_next_step_is_counted_apart(catalog: Catalog) -> None:
    """No shipped answers leave a student without a next step (every roadmap year
    lists skills); a row made that way is counted apart, each such row once."""

    def no_step(row: RosterResult) -> RosterResult:
        if row.line <= 3:
            return row
        return dataclasses.replace(
            row, placed=row.outcome.model_copy(update={"top_next_step": None})
        )

    report = report_of(catalog, CLASS, change=no_step)
    assert report.no_next_step == 2
    assert sum(step.count for step in report.next_steps) == 2


def test_the_median_estimate_keeps_two_decimals(catalog: Catalog) -> None:
    """Estimates 9.8, 9.8, 31.5 and 41.2: the median is (9.8 + 31.5) / 2."""
    report = report_of(catalog, CLASS)
    assert [(m.percentile, m.count) for m in report.estimates] == [
        (9.8, 2),
        (31.5, 1),
        (41.2, 1),
    ]
    assert report.median_estimated_percentile == 20.65


@pytest.mark.parametrize(
    ("rows", "order"),
    [
        (list(reversed(CLASS)), ["CMA", "CPT"]),  # a tie, CPT seen first: by words
        ([*reversed(CLASS), ["S5", "Eve", "3", "RMA 2023-08", "urgent-care", "", "", ""]],
         ["CPT", "CMA"]),  # the most common first, whatever its words
    ],
)  # fmt: skip
def test_next_steps_by_count_then_by_words(
    catalog: Catalog, rows: list[list[str]], order: list[str]
) -> None:
    report = report_of(catalog, rows)
    assert [step.label.split(":")[0] for step in report.next_steps] == order


def test_two_lapsed_or_two_due_credentials_are_named_together(catalog: Catalog) -> None:
    rows = [
        ["S1", "Ana", "6", "CMA 2019-05;COA 2020-01", "hospital", "", "", ""],
        ["S2", "Ben", "3", "CMA 2021-08;COA 2023-08", "hospital", "", "", ""],
    ]
    report = report_of(catalog, rows)
    renewals = {g.id: [(s.id, s.detail) for s in g.students] for g in report.readiness[2].groups}
    reasons = {a.student.id: a.reasons for a in report.attention}
    assert renewals["lapsed"] == [("S1", "CMA, COA")]
    assert reasons["S1"][0] == "CMA, COA lapsed: renew or retest"
    assert renewals["due-soon"] == [("S2", "CMA, COA")]
    assert reasons["S2"][0] == "CMA, COA due for renewal soon"


def test_a_table_given_for_the_chart_is_the_one_drawn(catalog: Catalog) -> None:
    from maplanner.core.salary_view import distribution
    from tests.helpers import washington

    given = distribution(catalog, washington(catalog))
    assert report_of(catalog, CLASS, wages=given).wages == given


def test_bands_between_published_points_a_value_on_a_point_counting_above(
    catalog: Catalog,
) -> None:
    from maplanner.core.class_report import Mark, bands
    from maplanner.core.salary_view import distribution

    table = distribution(catalog, catalog.wages)
    annuals = [point.annual for point in table.points]
    estimates = (
        Mark(percentile=10.0, annual=0.0, count=1),
        Mark(percentile=95.0, annual=0.0, count=2),
    )
    pays = (
        Mark(percentile=None, annual=annuals[0] - 1, count=1),
        Mark(percentile=None, annual=annuals[-1], count=1),
        Mark(percentile=None, annual=annuals[-1] + 5000, count=3),
    )
    assert [(b.label, b.estimates, b.pays) for b in bands(table, estimates, pays)] == [
        ("below 10th", 0, 1),
        ("10th to 25th", 1, 0),
        ("25th to median", 0, 0),
        ("median to 75th", 0, 0),
        ("75th to 90th", 0, 0),
        ("90th and above", 2, 4),
    ]
