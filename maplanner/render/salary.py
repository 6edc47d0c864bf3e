"""Draw a SalaryReport for people: tables, a bar chart and plain sentences.

Every distinction (published or derived, published or estimated, a mark or a
published point) is carried by words or characters, never by colour alone, so the
output reads the same with NO_COLOR and when piped. The chart takes extra marks so
that other views (a saved person's pay, an estimate) can be drawn on it unchanged.
"""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table
from rich.text import Text

from maplanner.core.percentile_text import outside_words
from maplanner.core.refs import SourceRef
from maplanner.core.salary_view import (
    Distribution,
    Mark,
    SalaryReport,
    SettingAnswer,
    WageAnswer,
)
from maplanner.core.text import cut, dollars, dollars_apart, hourly, ordinal
from maplanner.render.fit import fit

if TYPE_CHECKING:
    from maplanner.core.states_view import StatesReport
from maplanner.core.wages import WageAtPercentile, percentile_words, point_name

DERIVED = "*"
BAR_MAX = 40


def render_salary(report: SalaryReport, console: Console, marks: Sequence[Mark] = ()) -> None:
    """The whole view: the distribution alone, or the blocks asked for plus the chart."""
    dist = report.distribution
    asked = any(part is not None for part in (report.at_percentile, report.wage, report.setting))
    console.print(Text(_heading(dist), style="bold"))
    console.print()
    if report.place is not None and report.national is not None:
        _place_block(console, report, asked)
    elif not asked:
        console.print(fit(distribution_table(dist)))
        console.print(Text(_derived_note(dist.hours_per_year)))
        if dist.earlier_vintage is not None:
            console.print(Text(f"Change: since {dist.earlier_vintage}, the earlier BLS release."))
        console.print(Text(_employment(dist)))
        console.print()
    if report.setting:
        _setting_block(console, report.setting, report.wage, dist.hours_per_year)
    if report.at_percentile:
        _percentile_block(console, report.at_percentile, dist)
        if report.setting:
            console.print(
                Text(
                    "BLS publishes only a median for each industry, so this percentile "
                    "is national, not for the setting."
                )
            )
        console.print()
    if report.wage:
        _wage_block(console, report.wage, dist.hours_per_year)
    all_marks = [*_report_marks(report), *marks]
    console.print(distribution_chart(dist, all_marks, console))
    console.print()
    console.print(Text(_source_line("Source", dist.source)))
    if report.setting:
        console.print(Text(_source_line("Setting median", report.setting.source)))


def _employment(dist: Distribution) -> str:
    if dist.employment is None:
        return f"Employment: not published ({dist.withheld.get('employment', 'no figure')})."
    return f"Employment: {dist.employment:,}, {dist.employment_note}."


def _place_block(console: Console, report: SalaryReport, asked: bool) -> None:
    """The place's table with the national one beside it, its employment and rank."""
    dist, national, place = report.distribution, report.national, report.place
    assert national is not None and place is not None
    if not asked:
        table = Table(show_edge=True, pad_edge=True)
        table.add_column("Point")
        table.add_column(_short_place(place.name, place.postal), justify="right")
        table.add_column("Hourly", justify="right")
        table.add_column("National", justify="right")
        nationally = {p.percentile: p.annual for p in national.points}
        shown = {p.percentile: p for p in dist.points}
        for percentile in sorted({*shown, *nationally}):
            row = shown.get(percentile)
            label = point_name(percentile)
            label = label[0].upper() + label[1:]
            here = dollars(row.annual) if row is not None else "not published"
            rate = _hourly(row.hourly, row.hourly_published) if row is not None else ""
            there = nationally.get(percentile)
            table.add_row(label, here, rate, "" if there is None else dollars(there))
        table.add_row(
            "Mean",
            dollars(dist.mean.annual),
            _hourly(dist.mean.hourly, dist.mean.hourly_published),
            dollars(national.mean.annual),
        )
        console.print(fit(table))
        console.print(Text(_derived_note(dist.hours_per_year)))
    for point, reason in dist.withheld.items():
        if point.isdigit():
            console.print(Text(f"{point_name(int(point))}: not published; BLS: {reason}"))
    console.print(Text(_employment(dist)))
    if place.rank is not None and place.ranked_of is not None:
        console.print(
            Text(
                f"Rank among the {place.ranked_of} states and territories by median: "
                f"{ordinal(place.rank)} (maplanner salary --states lists them all)."
            )
        )
    if asked:
        console.print(Text(f"The figures below are for {place.name}, not national."))
    if report.setting is not None:
        console.print(
            Text(
                "The work setting's industry median is national: BLS publishes "
                "industry figures only for the nation."
            )
        )
    console.print()


def _short_place(name: str, postal: str | None) -> str:
    return postal if postal is not None else cut(name, 16)


def render_states(report: "StatesReport", console: Console) -> None:
    """Every state by median, highest first, for a counselor to print."""
    console.print(
        Text(
            f"{report.occupation} (SOC {report.soc_code}): states and territories by "
            f"median annual wage, {report.vintage}",
            style="bold",
        )
    )
    table = Table(show_edge=True, pad_edge=True)
    table.add_column("#", justify="right")
    table.add_column("State", overflow="fold")
    table.add_column("Median", justify="right")
    table.add_column("10th-90th", justify="right")
    table.add_column("Employment", justify="right")
    for row in report.states:
        spread = (
            f"{dollars(row.low_annual)}-{dollars(row.high_annual)}"
            if row.low_annual is not None and row.high_annual is not None
            else "not published"
        )
        table.add_row(
            str(row.rank),
            f"{row.name} ({row.postal})",
            dollars(row.median_annual),
            spread,
            f"{row.employment:,}" if row.employment is not None else "not published",
        )
    console.print(fit(table))
    console.print(Text(f"National median: {dollars(report.national_median_annual)}."))
    console.print(Text(_source_line("Source", report.source)))


def _heading(dist: Distribution) -> str:
    return f"{dist.occupation} (SOC {dist.soc_code}), {dist.area}: wages, {dist.vintage}"


def distribution_table(dist: Distribution) -> Table:
    """The published points and the mean, annual and hourly."""
    table = Table(show_edge=True, pad_edge=True)
    table.add_column("Point")
    table.add_column("Annual", justify="right")
    table.add_column("Hourly", justify="right")
    earlier = dist.earlier_vintage is not None
    if earlier:
        table.add_column("Change", justify="right")
    for row in [*dist.points, dist.mean]:
        label = row.label[0].upper() + row.label[1:]
        cells = [label, dollars(row.annual), _hourly(row.hourly, row.hourly_published)]
        if earlier:
            before = getattr(row, "earlier_annual", None)
            cells.append("" if before is None else _change(row.annual - before))
        table.add_row(*cells)
    return table


def _change(amount: float) -> str:
    if amount == 0:
        return "same"
    return f"{'+' if amount > 0 else '-'}{dollars(abs(amount))}"


def _hourly(amount: float, published: bool) -> str:
    return hourly(amount) if published else f"{hourly(amount)}{DERIVED}"


def _derived_note(hours_per_year: int) -> str:
    return (
        f"{DERIVED} Derived: annual wage / {hours_per_year:,} hours (the BLS convention), "
        "not published by BLS. Hourly figures without a mark are published."
    )


def _per_hour(amount: float, published: bool, hours: int, qualifier: str = "") -> str:
    """An hourly figure in a sentence, saying in words whether BLS published it."""
    how = "published by BLS" if published else f"derived: annual / {hours:,} hours"
    return f"{qualifier}{hourly(amount)} an hour ({how})"


def _percentile_block(console: Console, answer: WageAtPercentile, dist: Distribution) -> None:
    """The wage at the percentile asked for; past the published points, what is known."""
    hours = dist.hours_per_year
    words = f"{percentile_words(answer.percentile)} percentile"
    if answer.percentile == 50:
        words = "Median (50th percentile)"
    if answer.kind in {"published", "estimate"}:
        qualifier, how = (
            ("", "published by BLS") if answer.kind == "published" else ("about ", "estimate")
        )
        rate = _per_hour(answer.hourly, answer.hourly_published, hours, qualifier)
        line = f"{words}: {qualifier}{dollars(answer.annual)} a year ({how}); {rate}"
    else:  # the one rule: "below the 10th percentile (under $35,020 a year)"
        side = "below" if answer.kind == "at-or-below" else "above"
        qualifier = "under " if side == "below" else "over "
        rate = _per_hour(answer.hourly, answer.hourly_published, hours, qualifier)
        line = f"{words}: {outside_words(dist.points, side)}; {rate}"
    console.print(Text(line, style="bold"))
    if answer.kind != "published":
        console.print(Text(answer.explanation))


def _wage_block(console: Console, wage: WageAnswer, hours: int) -> None:
    converted = f"converted at {hours:,} hours a year"
    if wage.per == "hour":
        amount = f"{hourly(wage.hourly)} an hour ({dollars(wage.annual)} a year, {converted})"
    else:
        amount = f"{dollars(wage.annual)} a year ({hourly(wage.hourly)} an hour, {converted})"
    if wage.kind == "estimate" and wage.percentile is not None:
        where = f"about the {ordinal(wage.percentile)} percentile (estimate), {wage.band}"
    elif wage.kind == "published" and wage.percentile is not None:
        where = f"exactly the published {point_name(round(wage.percentile))}"
    elif wage.kind == "below-range":
        where = f"{wage.band}; BLS publishes nothing lower, so no percentile is estimated"
    else:
        where = f"{wage.band}; BLS publishes nothing higher, so no percentile is estimated"
    console.print(Text(f"{amount}: {where}.", style="bold"))
    console.print(Text(wage.distance[0].upper() + wage.distance[1:] + "."))
    if wage.kind == "estimate":
        console.print(Text(wage.explanation))
    console.print()


def _setting_block(
    console: Console, setting: SettingAnswer, wage: WageAnswer | None, hours: int
) -> None:
    console.print(
        Text(f"Work setting: {setting.name} (BLS industry: {setting.industry_name})", "bold")
    )
    table = Table()
    table.add_column("Median wage")
    table.add_column("Annual", justify="right")
    table.add_column("Hourly", justify="right")
    table.add_row(
        setting.industry_name,
        dollars(setting.median_annual),
        _hourly(setting.median_hourly, setting.hourly_published),
    )
    table.add_row(
        "National, all industries",
        dollars(setting.national_median_annual),
        _hourly(setting.national_median_hourly, setting.national_median_hourly_published),
    )
    console.print(fit(table))
    console.print(Text(_derived_note(hours)))
    apart = dollars_apart(setting.median_annual, setting.national_median_annual)
    versus = f"{apart or 'the same as'} the national median"
    standing = setting.standing
    if standing.kind == "estimate" and standing.percentile is not None:
        place = (
            f"about the {ordinal(standing.percentile)} percentile of the national "
            f"distribution (estimate, {standing.band})"
        )
    elif standing.kind == "published" and standing.percentile is not None:
        place = f"exactly the national {point_name(round(standing.percentile))}"
    else:
        place = f"{standing.band} of the national distribution"
    console.print(Text(f"This median is {versus}: {place}."))
    if setting.share_of_jobs_percent is not None:
        console.print(
            Text(f"Share of MA jobs in this industry: {setting.share_of_jobs_percent:g}%.")
        )
    console.print(Text(f"Why this industry (maplanner's judgment): {setting.mapping_reason}"))
    if wage is not None and setting.wage_difference is not None:
        relation = dollars_apart(wage.annual, setting.median_annual) or "the same as"
        console.print(
            Text(
                f"The wage you entered ({dollars(wage.annual)} a year) is {relation} this "
                f"setting's median; percentiles below are national."
            )
        )
    console.print()


def _report_marks(report: SalaryReport) -> list[Mark]:
    """The figures asked about, drawn on the chart (bounds are not drawn: not a figure)."""
    marks: list[Mark] = []
    answer = report.at_percentile
    if answer is not None and answer.kind == "estimate":
        marks.append(
            Mark.model_construct(
                label=f"{percentile_words(answer.percentile)} (est.)", annual=answer.annual
            )
        )
    if report.setting is not None:
        marks.append(
            Mark.model_construct(label="setting median", annual=report.setting.median_annual)
        )
    if report.wage is not None:
        marks.append(Mark.model_construct(label="wage entered", annual=report.wage.annual))
    return marks


def distribution_chart(dist: Distribution, marks: Sequence[Mark], console: Console) -> Text:
    """Horizontal bars from $0, scaled so the highest published point fills the width.

    Marks get their own row in wage order, drawn with a lighter block and named, so
    they stand apart from published points without colour. A mark beyond the chart is
    drawn full width and ends in "+". Plain lines, not a table: no trailing padding
    when piped.
    """
    utf = console.encoding.lower().startswith("utf")
    solid, light = ("█", "▒") if utf else ("#", "-")
    top = dist.points[-1]
    rows: list[tuple[float, int, str, str]] = [
        (p.annual, 0, _short(p.percentile), solid) for p in dist.points
    ]
    rows += [(m.annual, 1, m.label, light) for m in marks]
    label_width = max(len(label) for _, _, label, _ in rows)
    amount_width = max(len(dollars(annual)) for annual, _, _, _ in rows)
    width = max(10, min(BAR_MAX, console.width - label_width - amount_width - 5))
    lines = [f"Annual wages; bars from $0, scaled to the {point_name(top.percentile)}:"]
    for annual, _, label, block in sorted(rows, key=lambda r: (r[0], r[1])):
        length = min(width, max(1, round(annual / top.annual * width)))
        beyond = " +" if annual > top.annual else ""
        lines.append(
            f"{label:<{label_width}} {dollars(annual):>{amount_width}} {block * length}{beyond}"
        )
    if marks:
        legend = f"{light} = not a published point"
        if any(mark.annual > top.annual for mark in marks):
            legend += "; + = beyond the scale"
        lines.append(legend)
    return Text("\n".join(lines), no_wrap=True, overflow="ellipsis")


def _short(percentile: int) -> str:
    return "median" if percentile == 50 else ordinal(percentile)


def _source_line(what: str, source: SourceRef) -> str:
    return f"{what}: {source.publisher}, {source.title} ({source.period}; {source.id})."
