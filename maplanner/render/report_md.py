"""The report as GitHub-flavoured Markdown: headings, lists and pipe tables.

A plain text file a person can read as it is, paste into an email, or open in any
Markdown viewer. Every piece of text from the data or the person passes through
`text()` (or `cell()` inside a table), which backslash-escapes what Markdown would
otherwise read as markup: emphasis, links, raw HTML, table pipes and block markers at
the start of a line. Lines are not wrapped, so no wrap can start a stray list item.
"""

import re

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
from maplanner.core.text import years_count
from maplanner.core.whatif import summary

#: Characters that are markup anywhere in a line (">" only matters at the start: "<" is
#: escaped, so no tag or autolink can open).
_INLINE = re.compile(r"([\\`*_\[\]<|~])")
#: Entity references (&amp; &#38;) would be decoded: escape their ampersand.
_ENTITY = re.compile(r"&(?=#?\w+;)")
#: What starts a block when it opens a line: a heading, quote, list item, or a line of
#: only - or = (a rule or a heading underline).
_BLOCK_START = re.compile(r"^(#{1,6}(?=\s|$)|>|[-+](?=\s|$)|\d{1,9}[.)](?=\s|$)|[-=]+\s*$)")


def text(value: str) -> str:
    """`value` as literal Markdown text on one line: whitespace runs become one space."""
    flat = " ".join(value.split())
    escaped = _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", flat))
    return _BLOCK_START.sub(_escape_block, escaped)


def _escape_block(match: re.Match[str]) -> str:
    marker = match[1]
    if marker[0].isdigit():
        return f"{marker[:-1]}\\{marker[-1]}"
    return f"\\{marker}"


def cell(value: str) -> str:
    """Text for a table cell (pipes are escaped by `text`); an empty cell shows '-'."""
    return text(value) or "-"


def table(headers: list[str], rows: list[list[str]], right: set[int] | None = None) -> list[str]:
    """A pipe table; `rows` hold Markdown already escaped, columns in `right` align right."""
    right = right or set()
    rule = ["---:" if index in right else "---" for index in range(len(headers))]
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(rule) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def render_markdown(report: Report) -> str:
    """The whole report as one Markdown document, ending with a newline."""
    lines: list[str] = []
    for section in (
        _heading(report),
        _answers(report),
        _standing(report),
        _salary(report),
        _next_steps(report),
        _advice(report),
        _renewals(report.renewals),
        _plan(report.plan),
        _notes(report),
        _sources(report),
    ):
        if section:
            if lines:
                lines.append("")
            lines += section
    lines += ["", "---", "", _footer(report)]
    return "\n".join(lines) + "\n"


def _heading(report: Report) -> list[str]:
    title = report.title
    lines = [f"# {text(title)}", ""]
    facts = []
    if report.prepared_for:
        facts.append(f"**Prepared for:** {text(report.prepared_for)}")
    facts += [
        f"**Made on:** {text(report.made_on)} by maplanner {text(report.maplanner_version)}",
        f"**Based on:** {text(profile_line(report))}",
        f"**Wage data:** {text(_wage_source(report))}",
    ]
    # Two trailing spaces: a hard line break, so the facts stay one per line.
    lines += [fact + "  " for fact in facts[:-1]] + [facts[-1]]
    return lines


def _wage_source(report: Report) -> str:
    source = report.salary.distribution.source
    return f"{source.publisher}, {source.period} (data vintage {report.data_vintage})"


def _answers(report: Report) -> list[str]:
    person = report.person
    certs = "; ".join(
        f"{held.id}: {held.name}" + (f", earned {held.earned}" if held.earned else "")
        for held in person.certifications
    )
    rows = [
        ["Years as an MA", years_count(person.years)],
        ["Career year", str(report.assessment.career_year)],
        ["Certifications", certs or "none"],
        ["Work setting", person.setting.name],
        ["Specialty", person.specialty.name if person.specialty else "none"],
        ["Leadership", person.leads.name],
        ["Pay", person.pay_text],
    ]
    return [
        "## Your answers",
        "",
        *table(["Question", "Answer"], [[cell(a), cell(b)] for a, b in rows]),
    ]


def _standing(report: Report) -> list[str]:
    result = report.assessment
    pay = result.pay_standing.summary if result.pay_standing else "not given"
    lines = [
        "## Where you stand",
        "",
        f"- **Tier:** {text(result.tier_name)}. {text(result.tier_rule)}",
        f"- **Estimate:** {text(estimate_text(result))}",
        f"- **Pays:** {text(result.range.annual_text)}; "
        f"{text(result.range.hourly_text)}"
        + (" (derived)" if result.range.hourly_derived else ""),
        f"- **Your pay:** {text(pay)}",
        "",
        "### How the estimate adds up",
        "",
    ]
    rows = [
        [cell(factor.name), factor_points(factor.points, factor.id), cell(factor.reason)]
        for factor in result.factors
    ]
    rows.append(
        [
            "**Estimate**",
            f"**{result.estimated_percentile:g}**",
            cell(estimate_text(result)),
        ]
    )
    return lines + table(["Factor", "Points", "Why"], rows, right={1})


def _salary(report: Report) -> list[str]:
    position = report.salary
    table_data = position.distribution
    lines = ["## Salary position", "", text(position.summary)]
    if position.pay is not None:
        lines += ["", text(f"Your pay is {position.pay.distance}.")]
    if position.setting is not None:
        lines += ["", text(setting_text(position.setting))]
    elif position.setting_note:
        lines += ["", text(position.setting_note)]
    lines += [
        "",
        "### National wage distribution"
        if table_data.area == "United States"
        else f"### Wage distribution in {table_data.area}",
        "",
        text(
            f"{table_data.occupation}, {table_data.area} ({table_data.source.publisher}, "
            f"{table_data.vintage}). Published: printed by BLS. Derived: converted at "
            f"{table_data.hours_per_year:,} hours a year. Your rows "
            "are in bold."
        ),
        "",
    ]
    rows = []
    for row in wage_rows(report):
        cells = [
            cell(row.label),
            cell(row.annual),
            cell(row.annual_basis),
            cell(row.hourly),
            cell(row.hourly_basis),
        ]
        rows.append([f"**{value}**" for value in cells] if row.yours else cells)
    lines += table(["Point", "Annual", "Annual is", "Hourly", "Hourly is"], rows, right={1, 3})
    lines += [
        "",
        text(
            f"Employment: {table_data.employment:,}, {table_data.employment_note}."
            + (
                ""
                if position.setting is None
                else f" Industry medians: {position.setting.source.publisher}, "
                f"{position.setting.source.period}."
            )
        ),
    ]
    return lines


def _next_steps(report: Report) -> list[str]:
    result = report.assessment
    lines = ["## Next steps", ""]
    credentials = steps_of(result, "certification")
    points = report.salary.distribution.points
    if credentials:
        lines += ["### Credentials", ""]
        lines += table(
            ["Credential", "When", "Effect on your estimate", "Why"],
            [
                [
                    cell(step.title),
                    cell(step.when),
                    cell(effect_text(step, points)),
                    cell(step.reason),
                ]
                for step in credentials
            ],
        )
    else:
        lines.append("No credential to add for now.")
    for steps, heading in (
        (steps_of(result, "skill"), "Skills to build"),
        (steps_of(result, "role"), "Roles to aim for"),
    ):
        if steps:
            lines += ["", f"### {heading}", ""]
            lines += [
                f"- {text('; '.join(group.titles))}. **When:** {text(group.when)}. "
                f"**Why:** {text(group.reason)}"
                for group in grouped(steps)
            ]
    if result.paths:
        lines += ["", "### Paths worth a look", ""]
        lines += table(
            ["Path", "Kind", "Time", "Why"],
            [
                [cell(path.name), cell(path.kind), cell(path.time_to_get_there), cell(path.reason)]
                for path in result.paths
            ],
        )
    return lines


def _advice(report: Report) -> list[str]:
    """The levers, ranked, and the what-if if one was asked for."""
    result = report.assessment
    lines: list[str] = []
    if result.levers is not None and result.levers.levers:
        lines += ["## What would raise your pay", "", text(result.levers.rule), ""]
        lines += [
            f"{number}. {text(line)}" if number else f"- {text(line)}"
            for number, line in lever_lines(result.levers)
        ]
    if result.what_if is not None:
        lines += ["", f"### What if: {text(', '.join(result.what_if.changes))}", ""]
        lines += [f"- {text(summary(result.what_if))}"]
    return lines


def _renewals(due: RenewalReport) -> list[str]:
    lines = [f"## Renewal dates (as of {text(due.today)})", ""]
    if not due.renewals:
        return [*lines, "No credentials held, so there is nothing to renew."]
    lines.append(
        text(f"Due soon means due within {due.due_soon_months} months. Most urgent first.")
    )
    lines.append("")
    lines += table(
        ["Credential", "Earned", "Due", "Status"],
        [
            [
                cell(f"{row.id}: {row.name}"),
                cell(earned_text(row)),
                cell(due_text(row)),
                cell(status_text(row)),
            ]
            for row in due.renewals
        ],
    )
    lines += ["", "### What renewal takes", ""]
    lines += [
        f"- **{text(row.id)}:** {text(row.what_it_takes)}. {text(row.advice)}"
        if row.what_it_takes == "not verified"
        else f"- **{text(row.id)}:** {text(row.what_it_takes)} {text(row.advice)}"
        for row in due.renewals
    ]
    tracked = [(row.id, ce_text(row)) for row in due.renewals if ce_text(row)]
    if tracked:
        lines += ["", "### Continuing education (maplanner ce)", ""]
        lines += [f"- **{text(cert_id)}:** {text(str(words))}" for cert_id, words in tracked]
    return lines


def _plan(plan: PlanResult | None) -> list[str]:
    if plan is None:
        return []
    lines = [
        f"## Plan: {text(plan.goal.name)} ({text(plan.goal.kind)} path)",
        "",
        text(plan.summary),
    ]
    if plan.status == "reached":
        if plan.next_paths:
            lines += ["", "### What could come next", ""]
            lines += [
                f"- {text(path.name)} (a report with --goal {text(path.id)})"
                for path in plan.next_paths
            ]
        return lines
    for year in plan.years:
        lines += ["", *_plan_year(year)]
    for heading, skipped in skipped_groups(plan):
        lines += ["", f"### {heading}", ""]
        lines += [f"- {text(line)}" for line in skipped]
    lines += ["", "### Assumptions", ""]
    lines += [f"- {text(assumption)}" for assumption in plan.assumptions]
    return lines


def _plan_year(year: PlanYear) -> list[str]:
    heading = f"### Career year {year.year}: {text(year.title)}"
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
    return [heading, "", *(f"- **{label}:** {text(value)}" for label, value in rows)]


def _notes(report: Report) -> list[str]:
    return ["## Notes", "", *(f"- {text(note)}" for note in report.notes)]


def _sources(report: Report) -> list[str]:
    lines = ["## Sources", ""]
    for source in report.sources:
        entry = f"{source.number}. {text(source.publisher)}, *{text(source.title)}* " + (
            f"({text(source.period)})."
        )
        if source.url:
            entry += f" <{_url(source.url)}>"
        entry += f" Used for: {text('; '.join(source.used_for))}."
        if source.note:
            entry += f" Note: {text(source.note)}"
        lines.append(entry)
    return lines


def _url(url: str) -> str:
    """A URL safe inside an autolink: no spaces or angle brackets (percent-encoded)."""
    return "".join(f"%{ord(char):02X}" if char in " <>\t\n" else char for char in url)


def _footer(report: Report) -> str:
    return text(
        f"Made on {report.made_on} by maplanner {report.maplanner_version}. Data vintage: "
        f"{report.data_vintage}. Figures marked 'about' or 'estimate' are not published by BLS."
    )
