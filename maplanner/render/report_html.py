"""The report as one self-contained HTML file that opens and prints without a network.

Everything the page needs is inside it: the CSS is an inline `<style>`, there are no
scripts, images, fonts, `<link>`s, `@import`s or `url(...)`s, and a Content Security
Policy (`default-src 'none'`) tells the browser to load nothing even if something
slipped in. Sources appear as ordinary hyperlinks a reader may click; nothing is
fetched to show the page.

It prints cleanly: a print stylesheet drops the screen margins, keeps headings with
what follows them and table rows whole, repeats table headers on each page, starts the
year-by-year plan on a new page, and uses no dark backgrounds (tables are drawn with
borders, not shading). Every piece of text from the data or the person goes through
`html.escape`; elements are always closed, so the file is well-formed.
"""

from html import escape

from maplanner.core.levers import lever_lines
from maplanner.core.plan import PlanResult, PlanYear, skipped_groups
from maplanner.core.renewals import RenewalReport
from maplanner.core.report import (
    Report,
    ce_text,
    due_text,
    earned_text,
    effect_text,
    estimate_text,
    factor_points,
    grouped,
    plan_credentials,
    profile_line,
    setting_text,
    status_text,
    steps_of,
    wage_rows,
)
from maplanner.core.text import dollars, years_count
from maplanner.core.whatif import summary

#: Nothing may be loaded from anywhere; inline styles are the only thing allowed.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
)

STYLE = """
:root { color-scheme: light; }
body {
  margin: 2rem auto; max-width: 52rem; padding: 0 1rem;
  font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif;
  color: #111; background: #fff;
}
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.25rem; margin: 1.8rem 0 .6rem; padding-bottom: .15rem;
     border-bottom: 1px solid #888; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
p { margin: .4rem 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem;
           margin: .5rem 0; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid #777; padding: .25rem .45rem; text-align: left;
         vertical-align: top; }
th { background: #f2f2f2; }
.num { text-align: right; white-space: nowrap; }
tr.yours td, tr.total td { font-weight: bold; }
.urgent { font-weight: bold; }
.note { color: #333; font-size: .95em; }
ol.sources li, ul li { margin: .2rem 0; }
a { color: #0645ad; overflow-wrap: anywhere; }
figure.chart { margin: .6rem 0 1rem; break-inside: avoid; page-break-inside: avoid; }
figure.chart svg { display: block; max-width: 44rem; height: auto; }
figcaption { font-size: .9em; color: #333; margin-top: .2rem; }
footer { break-before: avoid; margin-top: 2rem; padding-top: .5rem; border-top: 1px solid #888;
         font-size: .9em; color: #333; }
@page { margin: 16mm 14mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; color: #000;
         background: #fff; }
  a { color: #000; text-decoration: none; }
  th { background: #fff; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr, li, dl.facts, .year { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  section.plan { break-before: page; page-break-before: always; }
}
""".strip()


def e(value: object) -> str:
    """Text for HTML: every <, >, &, " and ' escaped."""
    return escape(str(value), quote=True)


def _table(
    headers: list[str],
    rows: list[list[str]],
    *,
    right: set[int] | None = None,
    row_classes: list[str] | None = None,
) -> list[str]:
    """A bordered table; `rows` hold HTML already escaped, columns in `right` align right."""
    right = right or set()

    def attrs(index: int) -> str:
        return ' class="num"' if index in right else ""

    head = "".join(f'<th{attrs(i)} scope="col">{h}</th>' for i, h in enumerate(headers))
    lines = ["<table>", f"<thead><tr>{head}</tr></thead>", "<tbody>"]
    for number, row in enumerate(rows):
        kind = row_classes[number] if row_classes else ""
        opening = f'<tr class="{kind}">' if kind else "<tr>"
        cells = "".join(f"<td{attrs(i)}>{value}</td>" for i, value in enumerate(row))
        lines.append(f"{opening}{cells}</tr>")
    lines += ["</tbody>", "</table>"]
    return lines


def _facts(pairs: list[tuple[str, str]]) -> list[str]:
    """Label and value pairs (both escaped here) as a definition list."""
    lines = ['<dl class="facts">']
    lines += [f"<dt>{e(label)}</dt><dd>{e(value)}</dd>" for label, value in pairs]
    lines.append("</dl>")
    return lines


def _section(name: str, heading: str, body: list[str]) -> list[str]:
    return [f'<section class="{name}">', f"<h2>{heading}</h2>", *body, "</section>"]


def render_html(report: Report) -> str:
    """The whole report as one HTML document, ending with a newline."""
    title = report.title + (f": {report.prepared_for}" if report.prepared_for else "")
    body = [
        *_header(report),
        "<main>",
        *_answers(report),
        *_standing(report),
        *_salary(report),
        *_next_steps(report),
        *_advice(report),
        *_renewals(report.renewals),
        *_plan(report.plan),
        *_section("notes", "Notes", _bullets(report.notes)),
        *_sources(report),
        "</main>",
    ]
    footer = (
        f"Made on {e(report.made_on)} by maplanner {e(report.maplanner_version)}. "
        f"Data vintage: {e(report.data_vintage)}. Figures marked &#8216;about&#8217; or "
        "&#8216;estimate&#8217; are not published by BLS."
    )
    return html_document(
        title=title, version=report.maplanner_version, style=STYLE, body=body, footer=footer
    )


def html_document(*, title: str, version: str, style: str, body: list[str], footer: str) -> str:
    """One self-contained page, as every HTML document maplanner writes is: the content
    policy that lets nothing load or run, `style`, the `body` lines, and the footer's
    paragraph (`footer` is HTML, already escaped); ending with a newline."""
    lines = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{e(CONTENT_SECURITY_POLICY)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="maplanner {e(version)}">',
        f"<title>{e(title)}</title>",
        "<style>",
        style,
        "</style>",
        "</head>",
        "<body>",
        *body,
        "<footer>",
        f"<p>{footer}</p>",
        "</footer>",
        "</body>",
        "</html>",
    ]
    return "\n".join(lines) + "\n"


def _advice(report: Report) -> list[str]:
    """The levers, ranked (the rule first), and the what-if if one was asked for."""
    result = report.assessment
    body: list[str] = []
    if result.levers is not None and result.levers.levers:
        body.append(f"<p>{e(result.levers.rule)}</p>")
        body += ["<ol>", *(f"<li>{e(line)}</li>" for _, line in lever_lines(result.levers))]
        body.append("</ol>")
    if result.what_if is not None:
        body.append(f"<h3>What if: {e(', '.join(result.what_if.changes))}</h3>")
        body += _bullets([summary(result.what_if)])
    return _section("levers", "What would raise your pay", body) if body else []


def _bullets(items: tuple[str, ...] | list[str]) -> list[str]:
    return ["<ul>", *(f"<li>{e(item)}</li>" for item in items), "</ul>"]


def _header(report: Report) -> list[str]:
    source = report.salary.distribution.source
    pairs = []
    if report.prepared_for:
        pairs.append(("Prepared for", report.prepared_for))
    pairs += [
        ("Made on", f"{report.made_on} by maplanner {report.maplanner_version}"),
        ("Based on", profile_line(report)),
        ("Wage data", f"{source.publisher}, {source.period} (data vintage {report.data_vintage})"),
    ]
    return ["<header>", f"<h1>{e(report.title)}</h1>", *_facts(pairs), "</header>"]


def _answers(report: Report) -> list[str]:
    person = report.person
    certs = "; ".join(
        f"{held.id}: {held.name}" + (f", earned {held.earned}" if held.earned else "")
        for held in person.certifications
    )
    rows = [
        ("Years as an MA", years_count(person.years)),
        ("Career year", str(report.assessment.career_year)),
        ("Certifications", certs or "none"),
        ("Work setting", person.setting.name),
        ("Specialty", person.specialty.name if person.specialty else "none"),
        ("Leadership", person.leads.name),
        ("Pay", person.pay_text),
    ]
    return _section("answers", "Your answers", _facts(rows))


def _standing(report: Report) -> list[str]:
    result = report.assessment
    pay = result.pay_standing.summary if result.pay_standing else "not given"
    body = _facts(
        [
            ("Tier", f"{result.tier_name}. {result.tier_rule}"),
            ("Estimate", estimate_text(result)),
            (
                "Pays",
                f"{result.range.annual_text}; {result.range.hourly_text}"
                + (" (derived)" if result.range.hourly_derived else ""),
            ),
            ("Your pay", pay),
        ]
    )
    rows = [
        [e(factor.name), e(factor_points(factor.points, factor.id)), e(factor.reason)]
        for factor in result.factors
    ]
    rows.append(["Estimate", e(f"{result.estimated_percentile:g}"), e(estimate_text(result))])
    body += ["<h3>How the estimate adds up</h3>"]
    body += _table(
        ["Factor", "Points", "Why"],
        rows,
        right={1},
        row_classes=[""] * len(result.factors) + ["total"],
    )
    return _section("standing", "Where you stand", body)


def _salary(report: Report) -> list[str]:
    position = report.salary
    data = position.distribution
    body = [f"<p>{e(position.summary)}</p>"]
    if position.pay is not None:
        body.append(f"<p>{e(f'Your pay is {position.pay.distance}.')}</p>")
    if position.setting is not None:
        body.append(f"<p>{e(setting_text(position.setting))}</p>")
    elif position.setting_note:
        body.append(f"<p>{e(position.setting_note)}</p>")
    heading = (
        "National wage distribution"
        if data.area == "United States"
        else f"Wage distribution in {data.area}"
    )
    body.append(f"<h3>{e(heading)}</h3>")
    body.append(_chart(report))
    body.append(
        f'<p class="note">{e(data.occupation)}, {e(data.area)} ({e(data.source.publisher)}, '
        f"{e(data.vintage)}). Published: printed by BLS. Derived: converted at "
        f"{data.hours_per_year:,} hours a year. Your rows are in bold.</p>"
    )
    rows = wage_rows(report)
    body += _table(
        ["Point", "Annual", "Annual is", "Hourly", "Hourly is"],
        [
            [e(row.label), e(row.annual), e(row.annual_basis), e(row.hourly), e(row.hourly_basis)]
            for row in rows
        ],
        right={1, 3},
        row_classes=["yours" if row.yours else "" for row in rows],
    )
    medians = (
        ""
        if position.setting is None
        else f" Industry medians: {e(position.setting.source.publisher)}, "
        f"{e(position.setting.source.period)}."
    )
    body.append(
        f'<p class="note">Employment: {data.employment:,}, {e(data.employment_note)}.{medians}</p>'
    )
    return _section("salary", "Salary position", body)


def _chart(report: Report) -> str:
    """The distribution drawn, with the estimate, its likely range and the pay marked."""
    from maplanner.render.wage_chart import plan_chart

    position = report.salary
    wage_range = report.assessment.range
    pay = position.pay
    return (
        '<figure class="chart">'
        + plan_chart(
            position.distribution,
            estimate=wage_range.at_estimate.annual,
            estimate_text=f"Your estimate: {position.estimate_annual_text}",
            low=wage_range.low.annual,
            high=wage_range.high.annual,
            pay=None if pay is None else pay.annual,
            pay_text=None if pay is None else f"Your pay: {dollars(pay.annual)} a year",
        )
        + "<figcaption>The box spans the 25th to 75th percentile, the whiskers the 10th to "
        "the 90th, the thick line is the median. The triangle is your estimate and the "
        "bracket its likely range"
        + ("; the diamond is your pay" if pay is not None else "")
        + ".</figcaption></figure>"
    )


def _next_steps(report: Report) -> list[str]:
    result = report.assessment
    body: list[str] = []
    credentials = steps_of(result, "certification")
    points = report.salary.distribution.points
    if credentials:
        body.append("<h3>Credentials</h3>")
        body += _table(
            ["Credential", "When", "Effect on your estimate", "Why"],
            [
                [
                    e(step.title),
                    e(step.when),
                    e(effect_text(step, points)),
                    e(step.reason),
                ]
                for step in credentials
            ],
        )
    else:
        body.append("<p>No credential to add for now.</p>")
    for steps, heading in (
        (steps_of(result, "skill"), "Skills to build"),
        (steps_of(result, "role"), "Roles to aim for"),
    ):
        if steps:
            body += [f"<h3>{heading}</h3>", "<ul>"]
            body += [
                f"<li>{e('; '.join(group.titles))}. <strong>When:</strong> {e(group.when)}. "
                f"<strong>Why:</strong> {e(group.reason)}</li>"
                for group in grouped(steps)
            ]
            body.append("</ul>")
    if result.paths:
        body.append("<h3>Paths worth a look</h3>")
        body += _table(
            ["Path", "Kind", "Time", "Why"],
            [
                [e(path.name), e(path.kind), e(path.time_to_get_there), e(path.reason)]
                for path in result.paths
            ],
        )
    return _section("next-steps", "Next steps", body)


def _renewals(due: RenewalReport) -> list[str]:
    heading = f"Renewal dates (as of {e(due.today)})"
    if not due.renewals:
        return _section(
            "renewals", heading, ["<p>No credentials held, so there is nothing to renew.</p>"]
        )
    body = [f"<p>Due soon means due within {due.due_soon_months} months. Most urgent first.</p>"]
    urgent = {"lapsed", "due-soon"}
    body += _table(
        ["Credential", "Earned", "Due", "Status"],
        [
            [
                e(f"{row.id}: {row.name}"),
                e(earned_text(row)),
                e(due_text(row)),
                f'<span class="urgent">{e(status_text(row))}</span>'
                if row.status in urgent
                else e(status_text(row)),
            ]
            for row in due.renewals
        ],
    )
    body += ["<h3>What renewal takes</h3>", "<ul>"]
    for row in due.renewals:
        takes = row.what_it_takes + ("." if row.what_it_takes == "not verified" else "")
        body.append(f"<li><strong>{e(row.id)}:</strong> {e(takes)} {e(row.advice)}</li>")
    body.append("</ul>")
    tracked = [(row.id, ce_text(row)) for row in due.renewals if ce_text(row)]
    if tracked:
        body += ["<h3>Continuing education (maplanner ce)</h3>", "<ul>"]
        body += [
            f"<li><strong>{e(cert_id)}:</strong> {e(str(words))}</li>"
            for cert_id, words in tracked
        ]
        body.append("</ul>")
    return _section("renewals", heading, body)


def _plan(plan: PlanResult | None) -> list[str]:
    if plan is None:
        return []
    heading = f"Plan: {e(plan.goal.name)} ({e(plan.goal.kind)} path)"
    body = [f"<p>{e(plan.summary)}</p>"]
    if plan.status == "reached":
        if plan.next_paths:
            body.append("<h3>What could come next</h3>")
            body += _bullets(
                [f"{path.name} (a report with --goal {path.id})" for path in plan.next_paths]
            )
        return _section("plan", heading, body)
    for year in plan.years:
        body += _plan_year(year)
    for skipped_heading, skipped in skipped_groups(plan):
        body.append(f"<h3>{e(skipped_heading)}</h3>")
        body += _bullets(skipped)
    body.append("<h3>Assumptions</h3>")
    body += _bullets(plan.assumptions)
    return _section("plan", heading, body)


def _plan_year(year: PlanYear) -> list[str]:
    heading = f"Career year {year.year}: {e(year.title)}"
    if year.step_years > 1:
        heading += f" (year {year.year_of_step} of {year.step_years})"
    rows = []
    if year.band:
        rows.append(("Roadmap", year.band))
    rows += [
        ("Role", year.role),
        ("Earn", plan_credentials(year)),
        ("Build", "; ".join(year.skills) or "-"),
        ("Done when", year.milestone),
    ]
    return ['<div class="year">', f"<h3>{heading}</h3>", *_facts(rows), "</div>"]


def _sources(report: Report) -> list[str]:
    body = ['<ol class="sources">']
    for source in report.sources:
        item = f"{e(source.publisher)}, <cite>{e(source.title)}</cite> ({e(source.period)})."
        if source.url:
            item += f" {_link(source.url)}"
        item += f" Used for: {e('; '.join(source.used_for))}."
        if source.note:
            item += f" Note: {e(source.note)}"
        body.append(f'<li value="{source.number}">{item}</li>')
    body.append("</ol>")
    return _section("sources", "Sources", body)


def _link(url: str) -> str:
    """A link the reader can click (https only; anything else is shown as text)."""
    if not url.startswith("https://"):
        return e(url)
    return f'<a href="{e(url)}" rel="noreferrer noopener">{e(url)}</a>'
