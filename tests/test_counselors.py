"""`maplanner batch --reports DIR --summary FILE`: a class's plans and report in one run."""

import csv
import json
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maplanner.catalog.catalog import Catalog
from maplanner.core.batch_summary import SummaryTally
from maplanner.core.class_report import ClassTally
from maplanner.core.readiness import EARLY_TEST_DAYS, primary_exam
from maplanner.core.report import build_report
from maplanner.core.roster import RosterAssessor, RosterResult, read_header
from maplanner.plan_files import PlanWriter, safe_stem
from maplanner.render.report_formats import render_report
from tests.conftest import Runner, examples

ROOT = Path(__file__).resolve().parent.parent
NAMES = ROOT / "examples" / "class-names.csv"
TODAY = "2026-06-15"


@pytest.fixture(autouse=True)
def _fixed_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAPLANNER_TODAY", TODAY)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# The run a counselor makes -------------------------------------------------------------


def test_a_named_class_gives_30_plans_and_a_class_report_in_one_run(
    run: Runner, tmp_path: Path
) -> None:
    plans = tmp_path / "plans"
    result = run(
        "batch", str(NAMES), "-o", str(tmp_path / "r.csv"), "--reports", str(plans),
        "--summary", str(tmp_path / "class.html"),
    )  # fmt: skip
    assert result.code == 0, result.err
    rows = read_csv(tmp_path / "r.csv")
    assert len(rows) == 30
    # name and state are carried through, unchanged, right after the id.
    assert list(rows[0])[:3] == ["id", "name", "state"]
    assert (rows[0]["name"], rows[0]["state"]) == ("Ana Lopez", "TX")
    files = sorted(p.name for p in plans.iterdir())
    assert files == [f"C{n:02d}.html" for n in range(1, 31)]
    plan = (plans / "C07.html").read_text(encoding="utf-8")
    assert "<title>Medical Assistant career plan: Gus Novak</title>" in plan
    assert (plans / "C07.html").stat().st_mode & 0o077 == 0  # personal data: owner only
    out = " ".join(result.out.split())
    assert "Plans 30 plans (HTML) in" in out
    assert "Carried name, state" in out
    page = (tmp_path / "class.html").read_text(encoding="utf-8")
    assert "<h1>Class report</h1>" in page and '<svg class="wage-chart"' in page


def test_a_plan_is_the_html_report_writes_for_the_same_answers(
    tmp_path: Path, catalog: Catalog
) -> None:
    header = read_header(["id", "name", "years", "certifications", "setting", "pay"])
    row = RosterAssessor(catalog, header).row(
        2, ["S1", "Ana", "3", "CMA 2024-02", "hospital", "21/h"]
    )
    assert isinstance(row, RosterResult)
    writer = PlanWriter(tmp_path / "plans", catalog, date(2026, 6, 15))
    name = writer.write(row)
    profile_report = build_report(
        _profile(row), catalog, date(2026, 6, 15), profile_from="roster", prepared_for="Ana"
    )
    assert (tmp_path / "plans" / name).read_text(encoding="utf-8") == render_report(
        profile_report, "html"
    )


def _profile(row: RosterResult):  # type: ignore[no-untyped-def]
    from maplanner.core.profile import HeldCert, Profile

    years, ids, setting, specialty, leads, education, accredited = row.shape.key
    return Profile(
        years=years,
        certs=tuple(HeldCert(id=i, earned=m) for i, m in zip(ids, row.shape.earned, strict=True)),
        setting=setting,
        specialty=specialty,
        leads=leads,
        pay=None if row.pay is None else row.pay.given,
        education=education,
        accredited=accredited,
    )


def test_a_minimal_roster_needs_only_id_and_years(run: Runner, tmp_path: Path) -> None:
    roster = write(tmp_path / "r.csv", "id,years,setting\nS1,0,hospital\nS2,2,\n")
    result = run("batch", str(roster), "-o", str(tmp_path / "o.csv"))
    assert result.code == 1  # S2 has no setting: named, not dropped
    assert [r["id"] for r in read_csv(tmp_path / "o.csv")] == ["S1"]
    assert "line 3 (S2): setting is blank" in result.err
    # A class of students needs no setting: years 0 with no setting is a student.
    roster = write(tmp_path / "r2.csv", "id,years\nS1,0\nS2,1\n")
    result = run("batch", str(roster), "-o", str(tmp_path / "o2.csv"))
    assert result.code == 1 and "line 3 (S2): setting is blank" in result.err
    assert [(r["id"], r["tier"]) for r in read_csv(tmp_path / "o2.csv")] == [("S1", "entry")]


# The reports folder ----------------------------------------------------------------------


def test_a_reports_folder_with_files_needs_force(run: Runner, tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "old.txt").write_text("keep", encoding="utf-8")
    args = ["batch", str(NAMES), "-o", str(tmp_path / "r.csv"), "--reports", str(plans)]
    result = run(*args)
    assert result.code == 2
    assert result.err == (
        f"maplanner: --reports {plans} already holds files: add --force to write plans into "
        "it (plans with the same names are replaced), or name an empty folder\n"
    )
    assert not (tmp_path / "r.csv").exists()  # checked before any work
    assert run(*args, "--force").code == 0
    assert (plans / "old.txt").read_text(encoding="utf-8") == "keep"
    assert len(list(plans.glob("*.html"))) == 30


def test_an_empty_existing_folder_is_fine_and_a_file_is_not(run: Runner, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    args = ["batch", str(NAMES), "-o", str(tmp_path / "r.csv"), "--reports"]
    assert run(*args, str(tmp_path / "empty")).code == 0
    write(tmp_path / "afile", "x")
    result = run(*args, str(tmp_path / "afile"), "--force")
    assert result.code == 2 and "is not a folder" in result.err
    result = run(*args, str(tmp_path / "no" / "such"), "--force")
    assert result.code == 2 and "does not exist" in result.err


@pytest.mark.parametrize(
    ("row_id", "stem"),
    [
        ("S01", "S01"),
        ("a/b\\c", "a_b_c"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("com1", "_com1"),
        ("..", "student"),
        (".hidden", "hidden"),
        ("José Ñ", "Jos_"),
        ("   ", "student"),
        ("x" * 300, "x" * 100),
        ("trailing. ", "trailing"),
    ],
)
def test_file_names_are_safe_on_any_file_system(row_id: str, stem: str) -> None:
    assert safe_stem(row_id) == stem


@given(st.text(max_size=300))
@settings(max_examples=examples(200))
def test_any_id_gives_a_portable_name(row_id: str) -> None:
    stem = safe_stem(row_id)
    assert re.fullmatch(r"[A-Za-z0-9._-]{1,101}", stem)
    assert not stem.startswith(".") and not stem.endswith(".")
    assert stem.split(".")[0].lower() not in {"con", "prn", "aux", "nul", "com1", "lpt1"}


def test_ids_that_map_to_one_name_are_all_kept(run: Runner, tmp_path: Path) -> None:
    ids = ["ab", "AB", "a/b", "a_b", "ab"]
    text = "id,years,setting\n" + "".join(f"{i},0,hospital\n" for i in ids)
    roster = write(tmp_path / "r.csv", text)
    plans = tmp_path / "plans"
    result = run("batch", str(roster), "-o", str(tmp_path / "o.csv"), "--reports", str(plans))
    assert result.code == 0, result.err
    assert sorted(p.name for p in plans.iterdir()) == [
        "AB-2.html", "a_b-2.html", "a_b.html", "ab-3.html", "ab.html",
    ]  # fmt: skip


# The class report -----------------------------------------------------------------------


def test_the_class_report_in_markdown_and_json(run: Runner, tmp_path: Path) -> None:
    roster = write(
        tmp_path / "r.csv",
        "id,name,years,certifications,setting,program_ends,pay\n"
        "S1,Ana,0,,family-practice,2026-07-10,\n"  # 25 days left: can sit now
        "S2,Ben,0,BLS,family-practice,2026-12,\n"  # later: from 2026-12-01
        "S3,Cy,2,CMA 2021-05;BLS,hospital,,\n"  # CMA lapsed 2026-05
        "S4,Di,3,RMA 2023-08,urgent-care,,20k\n"  # RMA due 2026-08; pay below range
        "S5,Ed,1,two,hospital,,\n",  # rejected
    )
    md = tmp_path / "class.md"
    result = run("batch", str(roster), "-o", str(tmp_path / "o.csv"), "--summary", str(md))
    assert result.code == 1
    text = md.read_text(encoding="utf-8")
    assert "- Rows: 5 rows read: 4 assessed, 1 rejected" in text
    assert (
        "| Can sit the exam now (program ended or ends within 30 days) | 1 | 25% | Ana (S1) |"
        in text
    )
    assert (
        "| Can sit it later (30 days before the program ends) | 1 | 25% "
        "| Ben (S2), from 2026-12-01 |" in text
    )
    assert "| A credential has lapsed | 1 | 25% | Cy (S3), CMA |" in text
    assert "| No BLS/CPR card | 2 | 50% | Ana (S1); Di (S4) |" in text
    assert "| Cy (S3) | 4 | CMA lapsed: renew or retest |" in text
    assert "3 students need attention." in text
    assert "| below 10th | 2 | 1 |" in text  # two students' estimates; Di's $20,000
    assert "| 25th to median | 2 | 0 |" in text
    assert (
        "| Di (S4) | 5 | RMA due for renewal soon; pay below 10th percentile; no BLS/CPR card |"
        in text
    )
    out = tmp_path / "class.json"
    result = run(
        "batch", str(roster), "-o", str(tmp_path / "o.csv"), "--summary", str(out), "--force"
    )
    data = json.loads(out.read_text(encoding="utf-8"))
    assert (data["rows_in"], data["rows_assessed"], data["rows_rejected"]) == (5, 4, 1)
    assert [m["count"] for m in data["pays"]] == [1]
    assert data["wages"]["points"][2]["percentile"] == 50
    assert [a["student"]["id"] for a in data["attention"]] == [
        "S3",
        "S1",
        "S4",
    ]  # by weight: lapsed, exam open, due + pay


def test_a_summary_file_is_checked_before_any_work(run: Runner, tmp_path: Path) -> None:
    base = ["batch", str(NAMES), "-o", str(tmp_path / "r.csv")]
    result = run(*base, "--summary", str(tmp_path / "class.pdf"))
    assert result.code == 2 and "--summary" in result.err and ".pdf" in result.err
    write(tmp_path / "class.html", "old")
    result = run(*base, "--summary", str(tmp_path / "class.html"))
    assert result.code == 2 and "already exists: add --force" in result.err
    assert not (tmp_path / "r.csv").exists()
    same = str(tmp_path / "r.json")
    result = run("batch", str(NAMES), "-o", same, "--json", "--summary", same, "--force")
    assert result.code == 2 and "is the roster or a results file" in result.err


def test_primary_exam_window_boundaries() -> None:
    today = date(2026, 6, 15)
    ends = date(2026, 7, 15)  # exactly EARLY_TEST_DAYS ahead
    assert EARLY_TEST_DAYS == 30
    assert primary_exam(False, ends, today) == ("now", date(2026, 6, 15))
    assert primary_exam(False, date(2026, 7, 16), today) == ("later", date(2026, 6, 16))
    assert primary_exam(False, date(2025, 1, 1), today)[0] == "now"
    assert primary_exam(False, None, today) == ("not-known", None)
    assert primary_exam(True, ends, today) == ("holds", None)


def test_a_bad_program_end_or_earned_month_rejects_the_row(catalog: Catalog) -> None:
    header = read_header(["id", "years", "certifications", "setting", "program_ends"])
    check = RosterAssessor(catalog, header)
    bad = check.row(2, ["S1", "0", "", "hospital", "2026-13-01"])
    assert (
        not isinstance(bad, RosterResult)
        and "program_ends '2026-13-01' is not a date" in bad.reason
    )
    bad = check.row(3, ["S1", "0", "CMA 2024-13", "hospital", ""])
    assert not isinstance(bad, RosterResult) and "'2024-13', which is not a month" in bad.reason
    good = check.row(4, ["S1", "0", "CMA 2024-01; cma 2024-05", "hospital", "2026-02"])
    assert isinstance(good, RosterResult)
    assert good.shape.earned == ("2024-05",) and good.program_ends == date(2026, 2, 28)


# Every count adds up -----------------------------------------------------------------------

CELLS = st.tuples(
    st.sampled_from(["S1", "S2", ""]),
    st.sampled_from(["0", "1", "4", "12", "x"]),
    st.sampled_from(["", "BLS", "CMA 2021-01", "CMA;BLS 2026-01", "RMA 2024-02", "CCMA", "nope"]),
    st.sampled_from(["family-practice", "hospital", "", "urgent-care"]),
    st.sampled_from(["", "2026-06-30", "2027-01", "bad"]),
    st.sampled_from(["", "15k", "46k", "90k", "x"]),
)


@given(st.lists(CELLS, max_size=40))
@settings(max_examples=examples(40), suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_every_count_in_the_class_report_adds_up_to_the_rows_read(
    catalog: Catalog, rows: list[tuple[str, ...]]
) -> None:
    header = read_header(["id", "years", "certifications", "setting", "program_ends", "pay"])
    check = RosterAssessor(catalog, header)
    tally, klass = SummaryTally(catalog), ClassTally(catalog, date(2026, 6, 15))
    for line, cells in enumerate(rows, start=2):
        outcome = check.row(line, list(cells))
        if isinstance(outcome, RosterResult):
            tally.add(outcome)
            klass.add(outcome)
        else:
            tally.reject()
    summary = tally.summary(
        roster="r.csv", results="o.csv", errors=None, format="csv", carried_columns=()
    )
    report = klass.report(summary)
    assessed = report.rows_assessed
    assert report.rows_in == len(rows) == assessed + report.rows_rejected
    assert sum(t.count for t in report.tiers) == assessed
    for question in report.readiness:
        assert sum(g.count for g in question.groups) == assessed, question.id
        for group in question.groups:
            assert len(group.students) <= group.count
    assert sum(s.count for s in report.next_steps) + report.no_next_step == assessed
    assert sum(m.count for m in report.estimates) == assessed
    assert sum(m.count for m in report.pays) == report.pay_given <= assessed
    assert sum(b.estimates for b in report.bands) == assessed
    assert sum(b.pays for b in report.bands) == report.pay_given
    assert len(report.attention) <= report.attention_total <= assessed


# The chart in every plan -----------------------------------------------------------------


def test_the_plan_draws_estimate_range_and_pay(run: Runner, tmp_path: Path) -> None:
    out = tmp_path / "p.html"
    args = ["report", "-o", str(out), "--years", "2", "--cert", "CMA", "--setting", "hospital"]
    assert run(*args, "--pay", "19/h").code == 0
    page = out.read_text(encoding="utf-8")
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert "Your estimate: about $" in svg and "likely range" in svg
    assert "Your pay: $39,520 a year" in svg
    assert "median" in svg and "$45,690" in svg
    assert "<script" not in svg and "href" not in svg
    assert run(*args, "--force").code == 0
    page = out.read_text(encoding="utf-8")
    assert "Your pay" not in page[page.index("<svg") : page.index("</svg>")]


def test_the_class_report_and_a_roster_plan_are_valid_results(
    catalog: Catalog, tmp_path: Path
) -> None:
    """Built with model_construct like every result: validated again, they come back the
    same, and maplanner's JSON of them is pydantic's."""
    from tests.test_results_are_valid import assert_valid

    header = read_header(
        ["id", "name", "years", "certifications", "setting", "program_ends", "pay"]
    )
    check = RosterAssessor(catalog, header)
    tally, klass = SummaryTally(catalog), ClassTally(catalog, date(2026, 6, 15))
    rows = [
        ["S1", "Ana", "0", "", "hospital", "2026-07-01", ""],
        ["S2", "", "3", "CMA 2021-01;BLS", "urgent-care", "", "15k"],
        ["S3", "Cy", "6", "RMA 2024-01;CPT", "specialty-clinic", "", "52000"],
    ]
    results = [check.row(line, cells) for line, cells in enumerate(rows, start=2)]
    for result in results:
        assert isinstance(result, RosterResult)
        tally.add(result)
        klass.add(result)
    summary = tally.summary(
        roster="r.csv", results="o.csv", errors=None, format="csv", carried_columns=("name",)
    )
    assert_valid(summary)
    assert_valid(klass.report(summary))
    first = results[1]
    assert isinstance(first, RosterResult)
    assert_valid(PlanWriter(tmp_path / "plans", catalog, date(2026, 6, 15)).report(first))


def test_a_far_off_pay_is_drawn_at_the_edge_with_its_amount(catalog: Catalog) -> None:
    from maplanner.core.salary_view import distribution
    from maplanner.render.wage_chart import ChartMark, class_chart, plan_chart

    table = distribution(catalog)
    svg = plan_chart(
        table,
        estimate=45000,
        estimate_text="Your estimate: about $45,000 a year",
        low=41000,
        high=49000,
        pay=200000,
        pay_text="Your pay: $200,000 a year",
    )
    ticks = [int(k) for k in re.findall(r">\$(\d+)k<", svg)]
    assert max(ticks) <= 90 and min(ticks) >= 30  # near the published range, not $200k
    assert "Your pay: $200,000 a year" in svg
    assert re.search(r'aria-label="Wage chart: .*likely range \$41,000 to \$49,000', svg)
    svg = class_chart(table, [ChartMark(44200, 3)], [ChartMark(1_000_000, 1)])
    assert max(int(k) for k in re.findall(r">\$(\d+)k<", svg)) <= 90
    assert svg.count('fill="#000"></circle>') == 3 + 1  # three estimates and the legend


def test_roster_text_cannot_open_markup_in_the_class_report(run: Runner, tmp_path: Path) -> None:
    roster = write(
        tmp_path / "r.csv",
        'id,name,years,certifications,setting\nS1,"<b>x</b> | y",0,"CMA 2019-01",hospital\n',
    )
    md, page = tmp_path / "c.md", tmp_path / "c.html"
    args = ["batch", str(roster), "-o", str(tmp_path / "o.csv")]
    assert run(*args, "--summary", str(md)).code == 0
    assert run(*args, "--summary", str(page), "--force").code == 0
    assert "\\<b>x\\</b> \\| y (S1)" in md.read_text(encoding="utf-8")
    html = page.read_text(encoding="utf-8")
    assert "&lt;b&gt;x&lt;/b&gt; | y (S1)" in html and "<b>x" not in html


def test_the_json_summary_names_the_plans_and_the_class_report(
    run: Runner, tmp_path: Path
) -> None:
    plans, page = tmp_path / "plans", tmp_path / "c.html"
    result = run(
        "batch", str(NAMES), "-o", str(tmp_path / "o.jsonl"), "--json",
        "--reports", str(plans), "--summary", str(page),
    )  # fmt: skip
    summary = json.loads(result.out)
    assert summary["reports"] == str(plans) and summary["reports_written"] == 30
    assert summary["class_report"] == str(page)
    assert summary["carried_columns"] == ["name", "state"]
