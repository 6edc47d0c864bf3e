"""`maplanner report`: a printable plan in Markdown, HTML or JSON, written safely.

The report is built from a saved profile (or the assess options), so most tests first
save one through the real CLI, on a fixed day (MAPLANNER_TODAY), then read the file.
"""

import errno
import json
import os
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from maplanner.catalog.catalog import Catalog
from maplanner.core.money import Pay
from maplanner.core.profile import HeldCert, Profile
from maplanner.core.renewals import renewal_for
from maplanner.core.report import (
    Report,
    build_report,
    due_text,
    effect_text,
    status_text,
    wage_rows,
)
from maplanner.errors import InputError
from maplanner.render.report_html import render_html
from maplanner.render.report_md import render_markdown, text
from tests.conftest import Runner

TODAY = "2025-02-15"
#: The saved person: CMA due soon (earned 2020-08, 60-month cycle), COA without an
#: earned month, CPT whose renewal cycle is not verified.
ASSESS = (
    "assess",
    "--years",
    "4",
    "--cert",
    "CMA,COA,CPT",
    "--setting",
    "specialty-clinic",
    "--specialty",
    "ophthalmology",
    "--pay",
    "49k",
    "--save",
    "--json",  # the saved state is what matters here, not the tables
)
PUBLISHED = ("$36,050", "$38,470", "$45,690", "$49,180", "$59,310")


@pytest.fixture
def saved(run: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAPLANNER_TODAY", TODAY)
    assert run(*ASSESS).code == 0
    for cert, month in (("CMA", "2020-08"), ("CPT", "2025-02")):
        result = run("profile", "add-cert", cert, "--earned", month)
        assert result.code == 0, result.err


def _profile(**changes: object) -> Profile:
    answers: dict[str, object] = {
        "years": 4,
        "certs": (HeldCert(id="CMA", earned="2020-08"), HeldCert(id="COA")),
        "setting": "specialty-clinic",
        "specialty": "ophthalmology",
        "pay": Pay(amount=49000, per="year"),
    }
    return Profile.model_validate({**answers, **changes})


def _report(catalog: Catalog, **changes: object) -> Report:
    return build_report(_profile(**changes), catalog, date(2025, 2, 15))


# The model ---------------------------------------------------------------------------


def test_the_report_holds_the_assessment_salary_renewals_and_sources(catalog: Catalog) -> None:
    report = _report(catalog)
    assert report.made_on == TODAY
    assert report.assessment.tier == "specialized"
    assert report.assessment.estimated_percentile == 46.8
    assert report.salary.pay is not None
    assert round(report.salary.pay.percentile or 0) == 74
    assert report.salary.versus_estimate == "above"
    assert report.salary.setting.median_annual == 45520
    assert [row.id for row in report.renewals.renewals] == ["CMA", "COA"]
    assert report.plan is None
    assert report.data_vintage == "May 2025"
    ids = [source.id for source in report.sources]
    assert ids[:2] == ["bls-oews-2025", "aama"]  # the table and the setting median
    assert {"aama", "ijcahpo", "maplanner", "guide-jobicy"} <= set(ids)
    assert [source.number for source in report.sources] == list(range(1, len(ids) + 1))
    wages = report.sources[0]
    assert (wages.publisher, wages.period) == ("U.S. Bureau of Labor Statistics", "May 2025")
    assert wages.url == "https://download.bls.gov/pub/time.series/oe/"
    assert "the renewal of CMA" in next(s for s in report.sources if s.id == "aama").used_for


def test_a_goal_adds_the_plan_and_its_sources(catalog: Catalog) -> None:
    report = build_report(_profile(), catalog, date(2025, 2, 15), goal_id="practice-manager")
    assert report.plan is not None
    assert (report.plan.first_year, report.plan.last_year) == (5, 9)
    uses = {use for source in report.sources for use in source.used_for}
    assert "the path to Practice or office manager" in uses
    assert "CMPE (in the plan)" in uses


def test_wage_rows_put_pay_and_estimate_in_wage_order_with_their_basis(
    catalog: Catalog,
) -> None:
    rows = wage_rows(_report(catalog))
    assert [row.label for row in rows] == [
        "10th percentile",
        "25th percentile",
        "your estimate (about the 47th)",
        "median (50th)",
        "your pay (about the 74th)",
        "75th percentile",
        "90th percentile",
        "mean (average)",
    ]
    by_label = {row.label: row for row in rows}
    median = by_label["median (50th)"]
    assert (median.annual, median.annual_basis) == ("$45,690", "published")
    assert (median.hourly, median.hourly_basis) == ("$21.97", "published")
    top = by_label["75th percentile"]  # May 2025 publishes every hourly point
    assert (top.annual, top.hourly, top.hourly_basis) == ("$49,180", "$23.65", "published")
    pay = by_label["your pay (about the 74th)"]
    assert (pay.annual, pay.annual_basis, pay.hourly_basis) == (
        "$49,000",
        "you gave it",
        "derived",
    )
    estimate = by_label["your estimate (about the 47th)"]
    assert (estimate.annual, estimate.annual_basis) == ("about $44,766", "maplanner's estimate")
    assert [row.yours for row in rows].count(True) == 2


def test_an_hourly_pay_and_an_estimate_past_the_90th(catalog: Catalog) -> None:
    rows = wage_rows(
        _report(
            catalog,
            years=8,
            leads="supervises",
            setting="outpatient-center",
            pay=Pay(amount=30, per="hour"),
        )
    )
    labels = [row.label for row in rows]
    assert labels[4:7] == [
        "90th percentile",
        "your estimate (above the 90th)",
        "your pay (above the 90th percentile)",
    ]
    estimate, pay = rows[5], rows[6]
    assert (estimate.annual, estimate.hourly) == ("over $59,310", "over $28.52")
    assert (pay.annual, pay.annual_basis) == ("$62,400", "derived")
    assert (pay.hourly, pay.hourly_basis) == ("$30.00", "you gave it")


def test_without_pay_only_the_estimate_is_placed(catalog: Catalog) -> None:
    report = _report(catalog, pay=None)
    assert report.salary.pay is None
    assert report.salary.summary.startswith("No pay was given")
    assert "about $44,766 a year" in report.salary.summary
    assert not any(row.label.startswith("your pay") for row in wage_rows(report))
    assert report.person.pay_text == "not given"


@pytest.mark.parametrize(
    ("cert", "earned", "due", "status"),
    [
        ("CMA", "2020-08", "2025-08", "DUE SOON: 6 months left"),
        ("CMA", "2020-02", "2025-02", "DUE SOON: this month"),
        ("CMA", "2019-12", "2024-12", "LAPSED: due 2 months ago"),
        ("CMA", "2021-03", "2026-03", "current: 13 months left"),
        ("CMA", None, "add the earned month", "earned month not recorded"),
        ("CPT", "2025-02", "not verified", "renewal cycle not verified"),
    ],
)
def test_renewal_wording(
    catalog: Catalog, cert: str, earned: str | None, due: str, status: str
) -> None:
    row = renewal_for(HeldCert(id=cert, earned=earned), catalog, date(2025, 2, 15))
    assert (due_text(row), status_text(row)) == (due, status)


def test_effect_of_a_credential_on_the_estimate(catalog: Catalog) -> None:
    steps = [s for s in _report(catalog).assessment.next_steps if s.kind == "certification"]
    points = catalog.wages.percentiles
    assert effect_text(steps[0], points) == "47th -> 52nd (+5 points)"
    skill = next(s for s in _report(catalog).assessment.next_steps if s.kind == "skill")
    assert effect_text(skill, points) == "-"


# Markdown escaping -------------------------------------------------------------------

_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


#: Markdown's special characters often, any other character sometimes.
MARKDOWNISH = st.one_of(st.sampled_from("\\`*_[]<>|~&#;-+=.)01 \n\tax"), st.characters())


@given(st.text(alphabet=MARKDOWNISH))
def test_markdown_text_is_literal_and_on_one_line(value: str) -> None:
    """Escaped text reads back as the text itself, flattened to one line, with no live
    markup: every special character is preceded by a backslash."""
    escaped = text(value)
    assert "\n" not in escaped and "\r" not in escaped
    assert _ESCAPED.sub(r"\1", escaped) == " ".join(value.split())
    live = _ESCAPED.sub("", escaped)
    assert not set(live) & set("\\`*_[]<|~")
    # The line as written must not open a block (heading, quote, list item).
    assert not re.match(r"(#{1,6}(\s|$)|>|[-+](\s|$)|\d{1,9}[.)](\s|$))", escaped)


def test_markdown_escaping_examples() -> None:
    assert text("a | b") == "a \\| b"
    assert text("<script>") == "\\<script>"
    assert text("# not a heading") == "\\# not a heading"
    assert text("1. not a list") == "1\\. not a list"
    assert text("46th -> 52nd") == "46th -> 52nd"
    assert text("version 0.1.0") == "version 0.1.0"
    assert text("AT&T &amp;") == "AT&T \\&amp;"


# The command: HTML -------------------------------------------------------------------

VOID = {"meta", "br", "hr", "wbr", "col", "input", "link", "img", "source", "area", "base"}
LOADING_TAGS = {
    "link",
    "script",
    "img",
    "iframe",
    "frame",
    "object",
    "embed",
    "audio",
    "video",
    "source",
    "track",
    "picture",
    # Inline SVG draws the wage chart; these SVG elements could load something.
    "image",
    "use",
    "feimage",
    "foreignobject",
    "base",
    "form",
    "input",
    "noscript",
    "template",
}
LOADING_ATTRIBUTES = {"src", "srcset", "data", "poster", "background", "action", "formaction"}


class Checker(HTMLParser):
    """Records every tag, checks nesting as it goes, and keeps the text and the CSS."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.tags: list[str] = []
        self.hrefs: list[str] = []
        self.attributes: set[str] = set()
        self.styles: list[str] = []
        self.text: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.update(name for name, _ in attrs)
        self.hrefs += [value or "" for name, value in attrs if name == "href"]
        self.styles += [value or "" for name, value in attrs if name == "style"]
        if tag not in VOID:
            self.stack.append(tag)
        self._in_style = tag == "style"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.problems.append(f"self-closing <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes <{self.stack[-1] if self.stack else ''}>")
            return
        self.stack.pop()
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)
        else:
            self.text.append(data)


def check_html(document: str) -> Checker:
    checker = Checker()
    checker.feed(document)
    checker.close()
    assert document.startswith("<!DOCTYPE html>\n")
    assert checker.problems == []
    assert checker.stack == []
    for tag in ("html", "head", "body", "main", "title", "style", "header", "footer"):
        assert checker.tags.count(tag) == 1, tag
    assert not set(checker.tags) & LOADING_TAGS
    assert not checker.attributes & LOADING_ATTRIBUTES
    assert all(href.startswith("https://") for href in checker.hrefs)
    css = "\n".join(checker.styles).lower()
    assert "url(" not in css and "@import" not in css and "@font-face" not in css
    assert "@media print" in css
    return checker


def _backgrounds_are_light(css: str) -> bool:
    """Every background colour in the CSS is #rgb/#rrggbb with each channel >= 0xe0."""
    colours = re.findall(r"background(?:-color)?\s*:\s*([^;}]+)", css)
    for colour in colours:
        hexes = re.fullmatch(r"\s*#([0-9a-f]{3}|[0-9a-f]{6})\s*", colour.lower())
        if hexes is None:
            return False
        digits = hexes[1] if len(hexes[1]) == 6 else "".join(c * 2 for c in hexes[1])
        if min(int(digits[i : i + 2], 16) for i in (0, 2, 4)) < 0xE0:
            return False
    return bool(colours)


def test_html_report_is_self_contained_and_holds_the_plan(
    run: Runner, saved: None, tmp_path: Path
) -> None:
    target = tmp_path / "plan.html"
    result = run("report", "-o", str(target))
    assert result.code == 0, result.err
    assert result.err == ""
    assert result.out == f"Wrote HTML report to {target} ({TODAY}).\n"
    document = target.read_text(encoding="utf-8")
    checker = check_html(document)
    css = "\n".join(checker.styles).lower()
    assert _backgrounds_are_light(css)
    assert "border: 1px solid" in css and "break-inside: avoid" in css
    assert "Content-Security-Policy" in document and "default-src &#x27;none&#x27;" in document
    words = " ".join(" ".join(checker.text).split())
    for figure in PUBLISHED:
        assert figure in words
    for expected in (
        "Specialized",
        "about the 49th percentile (likely 42nd to 56th)",
        "You are paid about the 74th percentile ($49,000 a year)",
        "$180 below the 75th percentile ($49,180)",
        "COT: Certified Ophthalmic Technician (IJCAHPO)",
        "49th -> 54th (+5 points)",
        "2025-08",
        "DUE SOON: 6 months left",
        "add the earned month",
        "not verified",
        "maplanner profile add-cert COA --earned YYYY-MM",
        "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2025",
        "https://download.bls.gov/pub/time.series/oe/",
        "Data vintage: May 2025",
        f"Made on {TODAY}",
        f"From your saved profile (last changed {TODAY})",
    ):
        assert expected in words, expected
    assert "Plan:" not in words
    assert not list(tmp_path.glob(".*.part"))


def test_html_escapes_what_the_person_and_the_data_say(
    run: Runner, saved: None, tmp_path: Path, data_copy: Path
) -> None:
    settings = data_copy / "settings.toml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace(
            'name = "Physician specialty clinic"',
            'name = "<b onmouseover=x>Clinic</b> & \\"co\\" | *x*"',
        ),
        encoding="utf-8",
    )
    name = "<script>alert('hi')</script> & Jo"
    html_file, md_file = tmp_path / "r.html", tmp_path / "r.md"
    for target in (html_file, md_file):
        result = run("--data-dir", str(data_copy), "report", "-o", str(target), "--name", name)
        assert result.code == 0, result.err
    document = html_file.read_text(encoding="utf-8")
    checker = check_html(document)
    assert "<script" not in document and "<b " not in document
    assert "&lt;script&gt;alert(&#x27;hi&#x27;)&lt;/script&gt; &amp; Jo" in document
    assert "&lt;b onmouseover=x&gt;Clinic&lt;/b&gt; &amp; &quot;co&quot;" in document
    assert name in " ".join(checker.text)  # a browser shows exactly what was typed
    markdown = md_file.read_text(encoding="utf-8")
    assert "**Prepared for:** \\<script>alert('hi')\\</script> & Jo" in markdown
    assert '\\<b onmouseover=x>Clinic\\</b> & "co" \\| \\*x\\*' in markdown
    assert "<script" not in markdown.replace("\\<script", "")


# The command: Markdown and JSON ---------------------------------------------------------


def _table_widths(markdown: str) -> list[int]:
    """Unescaped pipes per table line, so a cell can never add a column."""
    return [
        len(re.findall(r"(?<!\\)\|", line)) for line in markdown.splitlines() if line[:1] == "|"
    ]


def test_markdown_report(run: Runner, saved: None, tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    result = run("report", "-o", str(target), "--goal", "practice-manager")
    assert result.code == 0, result.err
    assert result.out == f"Wrote Markdown report to {target} ({TODAY}).\n"
    markdown = target.read_text(encoding="utf-8")
    assert markdown.startswith("# Medical Assistant career plan\n")
    for heading in (
        "## Your answers",
        "## Where you stand",
        "## Salary position",
        "### National wage distribution",
        "## Next steps",
        "## Renewal dates (as of 2025-02-15)",
        "## Plan: Practice or office manager (advancement path)",
        "### Career year 8: Management credential",
        "## Sources",
    ):
        assert f"\n{heading}\n" in markdown, heading
    assert "| median (50th) | $45,690 | published | $21.97 | published |" in markdown
    assert "| 75th percentile | $49,180 | published | $23.65 | published |" in markdown
    assert "| **your pay (about the 74th)** | **$49,000** | **you gave it** |" in markdown
    assert (
        "| CMA: Certified Medical Assistant (AAMA) | 2020-08 | 2025-08 | "
        "DUE SOON: 6 months left |" in markdown
    )
    assert "| CPT: Certified Phlebotomy Technician (NHA) | 2025-02 | not verified |" in markdown
    assert "| not recorded | add the earned month |" in markdown
    assert "- **Earn:** CMPE: Certified Medical Practice Executive (ACMPE)" in markdown
    assert "<https://download.bls.gov/pub/time.series/oe/>" in markdown
    # Tables: the rule line right after each header, and every row as wide as it.
    assert len(_table_widths(markdown)) > 30
    for block in re.findall(r"(?:^\|.*\n)+", markdown, flags=re.MULTILINE):
        lines = block.splitlines()
        assert re.fullmatch(r"\| (-{3}:? \| )*-{3}:? \|", lines[1])
        assert len(set(_table_widths(block))) == 1


def test_json_report_is_one_document_of_the_model(
    run: Runner, saved: None, tmp_path: Path
) -> None:
    target = tmp_path / "plan.json"
    assert run("report", "-o", str(target), "--goal", "lead-ma").code == 0
    document = json.loads(target.read_text(encoding="utf-8"))
    assert Report.model_validate(document).plan is not None
    assert document["made_on"] == TODAY
    assert document["profile_from"] == "saved"
    assert document["assessment"]["tier"] == "specialized"
    assert document["assessment"]["estimated_percentile"] == 48.8
    points = document["salary"]["distribution"]["points"]
    assert [p["annual"] for p in points] == [36050, 38470, 45690, 49180, 59310]
    assert [p["hourly_published"] for p in points] == [True, True, True, True, True]
    statuses = {row["id"]: row["status"] for row in document["renewals"]["renewals"]}
    assert statuses == {"CMA": "due-soon", "COA": "no-earned-month", "CPT": "no-verified-cycle"}
    assert document["plan"]["goal"]["id"] == "lead-ma"
    assert document["sources"][0]["url"] == "https://download.bls.gov/pub/time.series/oe/"
    assert document["data_vintage"] == "May 2025"


def test_dash_writes_to_stdout(run: Runner, saved: None, tmp_path: Path) -> None:
    markdown = run("report", "-o", "-")
    assert markdown.code == 0 and markdown.err == ""
    assert markdown.out.startswith("# Medical Assistant career plan\n")
    as_json = run("report", "-o", "-", "--format", "json")
    assert as_json.code == 0
    assert json.loads(as_json.out)["assessment"]["tier"] == "specialized"
    as_html = run("report", "-o", "-", "--format", "HTML")
    check_html(as_html.out)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "option", "starts"),
    [
        ("plan.MD", None, "# Medical"),
        ("plan.markdown", None, "# Medical"),
        ("plan.htm", None, "<!DOCTYPE html>"),
        ("plan.txt", "html", "<!DOCTYPE html>"),
        ("plan.md", "json", "{"),
        ("plan.html", "markdown", "# Medical"),
    ],
)
def test_format_from_the_name_or_the_option_which_wins(
    run: Runner, saved: None, tmp_path: Path, name: str, option: str | None, starts: str
) -> None:
    extra = () if option is None else ("--format", option)
    result = run("report", "-o", str(tmp_path / name), *extra)
    assert result.code == 0, result.err
    assert (tmp_path / name).read_text(encoding="utf-8").startswith(starts)


# Errors ------------------------------------------------------------------------------


def _one_line(result_err: str) -> str:
    lines = result_err.strip().splitlines()
    assert len(lines) == 1, result_err
    return lines[0]


def test_an_unknown_ending_without_format_names_the_accepted_ones(
    run: Runner, saved: None, tmp_path: Path
) -> None:
    result = run("report", "-o", str(tmp_path / "plan.pdf"))
    assert result.code == 2
    assert result.out == ""
    assert _one_line(result.err) == (
        f"maplanner: -o '{tmp_path / 'plan.pdf'}' ends in '.pdf', so the format is unknown: "
        "end the name in .md, .markdown, .html, .htm, .json, or add --format md|html|json"
    )
    assert list(tmp_path.iterdir()) == []
    bare = run("report", "-o", str(tmp_path / "plan"))
    assert bare.code == 2 and "has no ending" in bare.err


def test_an_unknown_format_is_refused(run: Runner, saved: None, tmp_path: Path) -> None:
    result = run("report", "-o", str(tmp_path / "plan.md"), "--format", "pdf")
    assert result.code == 2
    assert _one_line(result.err) == (
        "maplanner: --format 'pdf' is not a report format: use md, html or json"
    )


def test_an_existing_file_needs_force(run: Runner, saved: None, tmp_path: Path) -> None:
    target = tmp_path / "plan.html"
    target.write_text("keep me", encoding="utf-8")
    result = run("report", "-o", str(target))
    assert result.code == 2
    assert _one_line(result.err) == (
        f"maplanner: -o {target} already exists: add --force to replace it"
    )
    assert target.read_text(encoding="utf-8") == "keep me"
    forced = run("report", "-o", str(target), "--force")
    assert forced.code == 0, forced.err
    check_html(target.read_text(encoding="utf-8"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.html"]


def test_a_missing_folder_is_exit_1_naming_it(run: Runner, saved: None, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "plan.md"
    result = run("report", "-o", str(target))
    assert result.code == 1
    assert _one_line(result.err) == (
        f"maplanner: cannot write {target}: the folder {target.parent} does not exist"
    )
    (tmp_path / "file.md").write_text("x", encoding="utf-8")
    under_file = run("report", "-o", str(tmp_path / "file.md" / "plan.md"))
    assert under_file.code == 1
    assert f"{tmp_path / 'file.md'} is a file, not a folder" in under_file.err


def test_a_folder_as_the_output_is_refused(run: Runner, saved: None, tmp_path: Path) -> None:
    (tmp_path / "out.md").mkdir()
    result = run("report", "-o", str(tmp_path / "out.md"))
    assert result.code == 2
    assert "is a folder: give a file name like plan.html" in _one_line(result.err)


def test_an_unwritable_folder_is_exit_1(run: Runner) -> None:
    """Run by a user who may not write there (as root: a child that drops to nobody)."""
    from tests.other_user import run_unprivileged, shared_folder

    with shared_folder() as home:
        folder = home / "locked"
        folder.mkdir()
        args = ("report", "--years", "4", "--setting", "family-practice")
        assert run(*args, "-o", str(home / "warm.md")).code == 0  # loads the code path
        folder.chmod(0o555)
        result = run_unprivileged(*args, "-o", str(folder / "plan.md"), home=home)
    assert result.code == 1
    assert _one_line(result.err) == (
        f"maplanner: cannot write {folder / 'plan.md'}: the folder {folder} is not writable"
    )


def test_a_folder_that_refuses_the_file_is_exit_1_naming_it(
    run: Runner, saved: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same path as an unwritable folder, for runs as root (where chmod is ignored)."""
    real_open = os.open

    def refuse(path: object, flags: int, mode: int = 0o777) -> int:
        if str(path).endswith(".part"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    target = tmp_path / "plan.md"
    result = run("report", "-o", str(target))
    assert result.code == 1
    assert _one_line(result.err) == f"maplanner: cannot write {target}: Permission denied"
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_leaves_the_old_file_and_no_part_file(
    run: Runner, saved: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.md"
    target.write_text("the old report", encoding="utf-8")

    def disk_full(descriptor: int) -> None:  # the data reaches the disk at fsync
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    result = run("report", "-o", str(target), "--force")
    assert result.code == 1
    assert _one_line(result.err) == (f"maplanner: cannot write {target}: No space left on device")
    assert target.read_text(encoding="utf-8") == "the old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.md"]


def test_a_file_that_appears_while_writing_is_not_overwritten(tmp_path: Path) -> None:
    """Without --force the report is linked into place, which fails if a file got there."""
    from maplanner.document_files import write_atomically

    target = tmp_path / "plan.md"
    target.write_text("someone else's", encoding="utf-8")
    with pytest.raises(InputError, match="already exists: add --force"):
        write_atomically(target, "# report\n", force=False)
    assert target.read_text(encoding="utf-8") == "someone else's"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.md"]
    write_atomically(target, "# report\n", force=True)
    assert target.read_text(encoding="utf-8") == "# report\n"


def test_without_a_saved_profile_it_says_how_to_make_one(run: Runner, tmp_path: Path) -> None:
    result = run("report", "-o", str(tmp_path / "plan.html"))
    assert result.code == 2
    assert result.out == ""
    first, hint = result.err.strip().splitlines()
    assert first == "maplanner: no saved profile to report on"
    assert hint.startswith("maplanner: hint: save one with 'maplanner assess --save'")
    assert "--years 4 --setting family-practice" in hint
    assert "answer y when it offers to save" in hint
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_goal_names_it(run: Runner, saved: None, tmp_path: Path) -> None:
    result = run("report", "-o", str(tmp_path / "p.md"), "--goal", "practise-manager")
    assert result.code == 2
    line = _one_line(result.err)
    assert "--goal 'practise-manager' is not a known career path" in line
    assert "practice-manager" in line


def test_a_name_that_is_too_long_is_refused(run: Runner, saved: None, tmp_path: Path) -> None:
    result = run("report", "-o", str(tmp_path / "p.md"), "--name", "x" * 81)
    assert result.code == 2
    assert "use at most 80 printable characters" in _one_line(result.err)


# A report from options ---------------------------------------------------------------


def test_options_make_a_report_without_a_saved_profile(run: Runner, tmp_path: Path) -> None:
    result = run("report", "-o", "-", "--years", "2", "--cert", "CMA", "--setting", "hospital")
    assert result.code == 0, result.err
    assert "From answers given as options (not a saved profile)." in result.out
    assert "| Work setting | Hospital |" in result.out
    assert "| CMA: Certified Medical Assistant (AAMA) | not recorded |" in result.out
    assert "it knows no month a credential was earned" in result.out
    assert not any(Path(os.environ["MAPLANNER_HOME"]).glob("*.db"))


def test_options_need_years_and_setting(run: Runner, tmp_path: Path) -> None:
    result = run("report", "-o", "-", "--years", "2")
    assert result.code == 2
    assert _one_line(result.err).startswith("maplanner: missing --setting:")


def test_a_goal_already_reached_says_so(run: Runner, tmp_path: Path) -> None:
    result = run(
        "report", "-o", "-", "--years", "7", "--leads", "lead", "--setting", "hospital",
        "--goal", "lead-ma",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert "You have already reached Lead MA" in result.out
    assert "Practice or office manager (a report with --goal practice-manager)" in result.out


def test_renderers_agree_on_the_figures(catalog: Catalog) -> None:
    report = _report(catalog)
    markdown, html = render_markdown(report), render_html(report)
    for figure in (*PUBLISHED, "$49,000", "$45,520", "about $44,766", "2025-08"):
        assert figure in markdown and figure in html


def test_format_values_complete(run: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_MAPLANNER_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", "maplanner report --format h")
    monkeypatch.setenv("COMP_CWORD", "3")
    result = run()
    assert (result.code, result.out.split()) == (0, ["html"])
