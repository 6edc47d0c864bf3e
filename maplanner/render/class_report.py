"""The class report as a file: self-contained printable HTML, Markdown, or JSON.

The HTML follows the plan's rules (`maplanner.render.report_html`): one file, the
same Content Security Policy, inline CSS, no script, nothing fetched, and a print
stylesheet; the class is drawn on the wage chart as inline SVG. Markdown says the
same in text; JSON is the `ClassReport` model itself.
"""

from maplanner.core import percentile_text
from maplanner.core.class_report import ClassReport, Group
from maplanner.render.report_formats import Format
from maplanner.render.report_html import STYLE, _facts, _table, e, html_document
from maplanner.render.wage_chart import ChartMark, class_chart

#: A class report is printed for US programs: Letter paper.
CLASS_STYLE = """
@page { size: letter; }
section.readiness td:first-child { width: 15em; }
section.readiness td:nth-child(2), section.readiness td:nth-child(3) { width: 5em; }
@media print {
  section.chart table, section.tiers table, section.steps table { break-inside: avoid; }
}
""".strip()


def render_class_report(report: ClassReport, kind: Format) -> str:
    """The class report as text in the format asked for, ending with a newline."""
    if kind == "html":
        return render_class_html(report)
    if kind == "md":
        return render_class_markdown(report)
    from maplanner.render.json_text import json_text

    return json_text(report) + "\n"


def _share(count: int, total: int) -> str:
    return f"{count / total:.0%}" if total else "-"


def _who(group: Group) -> str:
    if not group.students:
        return ""
    names = [
        (student.name + f" ({student.id})" if student.name else student.id)
        + (f", {student.detail}" if student.detail else "")
        for student in group.students
    ]
    more = group.count - len(group.students)
    if more > 0:
        names.append(f"and {more:,} more (see the results file)")
    return "; ".join(names)


def _rows_line(report: ClassReport) -> str:
    return (
        f"{report.rows_in:,} rows read: {report.rows_assessed:,} assessed, "
        f"{report.rows_rejected:,} rejected"
        + (f", {report.blank_lines:,} blank lines skipped" if report.blank_lines else "")
        + (f", {report.repeated_ids:,} repeating an earlier id" if report.repeated_ids else "")
    )


def _median_line(report: ClassReport) -> str:
    median = report.median_estimated_percentile
    if median is None:
        return "no student assessed"
    return f"estimated at the {percentile_text.ordinal(median)} percentile"


def render_class_html(report: ClassReport) -> str:
    total = report.rows_assessed
    wages = report.wages
    body: list[str] = []
    body += [
        "<header>",
        f"<h1>{e(report.title)}</h1>",
        *_facts(
            [
                ("Roster", report.roster),
                ("Rows", _rows_line(report)),
                ("Median", _median_line(report)),
                ("Made on", f"{report.made_on} by maplanner {report.maplanner_version}"),
                (
                    "Wage data",
                    f"{wages.source.publisher}, {wages.source.period} "
                    f"(data vintage {report.data_vintage})",
                ),
            ]
        ),
        "</header>",
        "<main>",
    ]
    body += ['<section class="attention">', "<h2>Students who need attention</h2>"]
    if report.attention:
        shown = len(report.attention)
        body.append(
            f"<p>{report.attention_total:,} student"
            f"{' needs' if report.attention_total == 1 else 's need'} attention"
            + (f"; the {shown} most urgent are listed" if shown < report.attention_total else "")
            + ".</p>"
        )
        body += _table(
            ["Student", "Line", "Why"],
            [
                [
                    e(item.student.name or item.student.id)
                    + (f" ({e(item.student.id)})" if item.student.name else ""),
                    e(item.student.line),
                    e("; ".join(item.reasons)),
                ]
                for item in report.attention
            ],
            right={1},
        )
    else:
        body.append(
            "<p>No student has a lapsed credential, an exam window open, a renewal due "
            "soon or pay below the published range.</p>"
        )
    body.append("</section>")

    body += ['<section class="chart">', "<h2>The class on the wage chart</h2>"]
    body.append(
        f'<p class="note">{e(wages.occupation)}, {e(wages.area)} ({e(wages.source.publisher)}, '
        f"{e(wages.vintage)}). Each filled dot is a student&#8217;s estimate (maplanner&#8217;s, "
        f"not a BLS figure); each open dot a pay given ({report.pay_given:,} of {total:,}).</p>"
    )
    body.append(
        '<figure class="chart">'
        + class_chart(
            wages,
            [ChartMark(mark.annual, mark.count) for mark in report.estimates],
            [ChartMark(mark.annual, mark.count) for mark in report.pays],
        )
        + "</figure>"
    )
    body += _table(
        ["Between", "Estimates", "Pays given"],
        [[e(b.label), f"{b.estimates:,}", f"{b.pays:,}"] for b in report.bands],
        right={1, 2},
    )
    body.append("</section>")

    body += ['<section class="tiers">', "<h2>Tiers</h2>"]
    body += _table(
        ["Tier", "Students", "Share"],
        [[e(t.label), f"{t.count:,}", _share(t.count, total)] for t in report.tiers]
        + [["All", f"{total:,}", _share(total, total)]],
        right={1, 2},
        row_classes=[""] * len(report.tiers) + ["total"],
    )
    body.append("</section>")

    body += ['<section class="readiness">', "<h2>Readiness</h2>"]
    for question in report.readiness:
        body.append(f"<h3>{e(question.title)}</h3>")
        body += _table(
            ["Group", "Students", "Share", "Who"],
            [
                [e(g.label), f"{g.count:,}", _share(g.count, total), e(_who(g)) or "-"]
                for g in question.groups
            ],
            right={1, 2},
        )
    body.append("</section>")

    body += ['<section class="steps">', "<h2>Next steps most often needed</h2>"]
    body.append("<p>Each student counts once, for their first next step.</p>")
    body += _table(
        ["Next step", "Students", "Share"],
        [[e(s.label), f"{s.count:,}", _share(s.count, total)] for s in report.next_steps]
        + [
            [
                "None left to suggest",
                f"{report.no_next_step:,}",
                _share(report.no_next_step, total),
            ]
        ],
        right={1, 2},
    )
    body.append("</section>")
    body += ['<section class="notes">', "<h2>Notes</h2>", "<ul>"]
    body += [f"<li>{e(note)}</li>" for note in report.notes]
    body += ["</ul>", "</section>", "</main>"]
    footer = (
        f"Made on {e(report.made_on)} by maplanner {e(report.maplanner_version)}. "
        f"Data vintage: {e(report.data_vintage)}. Estimates are maplanner&#8217;s own, not "
        "published by BLS."
    )
    return html_document(
        title=f"{report.title}: {report.roster}",
        version=report.maplanner_version,
        style=f"{STYLE}\n{CLASS_STYLE}",
        body=body,
        footer=footer,
    )


def _md(value: object) -> str:
    """Literal Markdown text on one line, escaped as the plan's Markdown is (a name in a
    roster cannot open a tag, a link or a table cell)."""
    from maplanner.render.report_md import text

    return text(str(value))


def render_class_markdown(report: ClassReport) -> str:
    total = report.rows_assessed
    wages = report.wages
    out = [
        f"# {_md(report.title)}",
        "",
        f"- Roster: {_md(report.roster)}",
        f"- Rows: {_rows_line(report)}",
        f"- Median: {_median_line(report)}",
        f"- Made on: {report.made_on} by maplanner {report.maplanner_version}",
        f"- Wage data: {_md(wages.source.publisher)}, {_md(wages.source.period)} "
        f"(data vintage {report.data_vintage})",
        "",
        "## Students who need attention",
        "",
    ]
    if report.attention:
        total_attention = report.attention_total
        out.append(
            f"{total_attention:,} student{' needs' if total_attention == 1 else 's need'} "
            "attention."
        )
        out += ["", "| Student | Line | Why |", "|---|--:|---|"]
        for item in report.attention:
            who = item.student.name or item.student.id
            if item.student.name:
                who += f" ({item.student.id})"
            out.append(f"| {_md(who)} | {item.student.line} | {_md('; '.join(item.reasons))} |")
    else:
        out.append("No student needs attention.")
    out += ["", "## Where the class stands", ""]
    out.append(
        f"{_md(wages.occupation)}, {_md(wages.area)} ({_md(wages.source.publisher)}, "
        f"{_md(wages.vintage)}). Estimates are maplanner's; {report.pay_given:,} of "
        f"{total:,} students gave their pay."
    )
    out += ["", "| Between | Estimates | Pays given |", "|---|--:|--:|"]
    out += [f"| {_md(b.label)} | {b.estimates:,} | {b.pays:,} |" for b in report.bands]
    out += ["", "## Tiers", "", "| Tier | Students | Share |", "|---|--:|--:|"]
    out += [f"| {_md(t.label)} | {t.count:,} | {_share(t.count, total)} |" for t in report.tiers]
    out += ["", "## Readiness"]
    for question in report.readiness:
        out += ["", f"### {_md(question.title)}", ""]
        out += ["| Group | Students | Share | Who |", "|---|--:|--:|---|"]
        out += [
            f"| {_md(g.label)} | {g.count:,} | {_share(g.count, total)} | {_md(_who(g)) or '-'} |"
            for g in question.groups
        ]
    out += ["", "## Next steps most often needed", "", "| Next step | Students | Share |"]
    out += ["|---|--:|--:|"]
    out += [
        f"| {_md(s.label)} | {s.count:,} | {_share(s.count, total)} |" for s in report.next_steps
    ]
    none_left = report.no_next_step
    out.append(f"| None left to suggest | {none_left:,} | {_share(none_left, total)} |")
    out += ["", "## Notes", ""]
    out += [f"- {_md(note)}" for note in report.notes]
    return "\n".join(out) + "\n"
