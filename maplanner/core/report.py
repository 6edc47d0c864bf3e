"""One printable report of a person's plan: everything `maplanner report` writes.

The report gathers what the other commands already work out, so a person can print
it or email it: the assessment (`maplanner.core.rules.assess`), where their pay and
their estimate stand in the national wage table (`maplanner.core.salary_view`), the
renewal dates of what they hold (`maplanner.core.renewals`), and, for a goal, the
year-by-year plan (`maplanner.core.plan`). Building it once, here, as one model means
the Markdown, HTML and JSON files cannot disagree: the renderers only lay it out.

Pure: the profile, the catalog and "today" are parameters, so a test fixes the day.
Sources are listed by number with what each one supports in this report, in the
order of data/sources.toml, so the same report always numbers them the same way.

The wording helpers at the end (`wage_rows`, `effect_text`, `due_text`, ...) phrase
the model's facts for people; both renderers use them so the two formats say the
same thing in the same words.
"""

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Literal

from maplanner import __version__
from maplanner.catalog.catalog import Catalog
from maplanner.catalog.wages import WageTable
from maplanner.core import percentile_text
from maplanner.core.assessment import Assessment, NextStep, Versus
from maplanner.core.ce import attach_progress, ce_summary
from maplanner.core.ce_results import Credit
from maplanner.core.money import Pay
from maplanner.core.plan import PlanResult, PlanYear, make_plan
from maplanner.core.profile import Profile, is_student, setting_name
from maplanner.core.renewals import RenewalDue, RenewalReport, renewals
from maplanner.core.result import Result as _Model
from maplanner.core.rules import assess
from maplanner.core.salary_view import (
    Distribution,
    SettingAnswer,
    WageAnswer,
    distribution,
    setting_answer,
    wage_answer,
)
from maplanner.core.text import dollars, dollars_apart, hourly, months_count, ordinal

if TYPE_CHECKING:
    from maplanner.catalog.areas import Place

#: What the report is called at the top of every format.
TITLE = "Medical Assistant career plan"

ProfileFrom = Literal["saved", "options", "roster"]


class Named(_Model):
    id: str
    name: str


class HeldLine(_Model):
    """A credential held, with the month it was earned or last renewed (None: not recorded)."""

    id: str
    name: str
    earned: str | None


class PersonView(_Model):
    """The answers the report is based on, with the catalog's names."""

    years: float
    certifications: tuple[HeldLine, ...]
    setting: Named
    specialty: Named | None
    leads: Named
    pay: Pay | None
    pay_text: str


class SalaryPosition(_Model):
    """Where the pay given (if any) and the estimate stand in the national distribution.

    ``pay`` places the pay itself (percentile, band, distance to the next published
    point); ``summary`` compares it with the estimate in one sentence; ``setting``
    sets the work setting's industry median beside the national one (None for a
    student, who has no setting yet: ``setting_note`` says so).
    """

    distribution: Distribution
    estimate_percentile: float
    estimate_annual_text: str
    estimate_hourly_text: str
    pay: WageAnswer | None
    versus_estimate: Versus | None
    summary: str
    setting: SettingAnswer | None
    setting_note: str | None = None


class ReportSource(_Model):
    """A publication the report relies on, numbered, with what it supports here."""

    number: int
    id: str
    publisher: str
    title: str
    period: str
    url: str | None
    note: str | None
    used_for: tuple[str, ...]


class Report(_Model):
    """Everything `maplanner report` writes, in every format (JSON is this model)."""

    title: str
    prepared_for: str | None
    made_on: str
    maplanner_version: str
    profile_from: ProfileFrom
    profile_saved_on: str | None
    person: PersonView
    assessment: Assessment
    salary: SalaryPosition
    renewals: RenewalReport
    plan: PlanResult | None
    notes: tuple[str, ...]
    sources: tuple[ReportSource, ...]
    data_vintage: str


def build_report(
    profile: Profile,
    catalog: Catalog,
    today: date,
    *,
    goal_id: str | None = None,
    profile_from: ProfileFrom = "saved",
    profile_saved_on: str | None = None,
    prepared_for: str | None = None,
    credits: "list[Credit] | None" = None,
    what_if: Sequence[tuple[str, str]] = (),
    where: "Place | None" = None,
    table: WageTable | None = None,
    better: "tuple[Place, WageTable] | None" = None,
) -> Report:
    """The report for a normalized profile as of `today`; `goal_id` (a known path id)
    adds the year-by-year plan toward it; `what_if` changes add a side-by-side
    comparison; a place and its table put the dollar figures in that place's table."""
    result = assess(profile, catalog, where, table, what_if=what_if, better=better)
    plan = None if goal_id is None else make_plan(profile, catalog, goal_id)
    due = renewals(profile, catalog, today)
    if credits is not None:  # a saved profile's ledger: CE progress beside each renewal
        due = attach_progress(due, profile, catalog, credits, today)
    return Report.model_construct(
        title=TITLE,
        prepared_for=prepared_for,
        made_on=today.isoformat(),
        maplanner_version=__version__,
        profile_from=profile_from,
        profile_saved_on=profile_saved_on,
        person=person_view(profile, catalog),
        assessment=result,
        salary=salary_position(result, catalog, table),
        renewals=due,
        plan=plan,
        notes=_notes(result, due, profile_from),
        sources=report_sources(catalog, result, due, plan),
        data_vintage=catalog.data_vintage,
    )


def person_view(profile: Profile, catalog: Catalog) -> PersonView:
    return PersonView.model_construct(
        years=profile.years,
        certifications=tuple(
            HeldLine.model_construct(
                id=held.id, name=catalog.certification(held.id).name, earned=held.earned
            )
            for held in profile.certs
        ),
        setting=Named.model_construct(
            id=profile.setting, name=setting_name(catalog, profile.setting)
        ),
        specialty=(
            None
            if profile.specialty is None
            else Named.model_construct(
                id=profile.specialty, name=catalog.specialty(profile.specialty).name
            )
        ),
        leads=Named.model_construct(id=profile.leads, name=catalog.leadership(profile.leads).name),
        pay=profile.pay,
        pay_text="not given" if profile.pay is None else pay_text(profile.pay),
    )


def salary_position(
    result: Assessment, catalog: Catalog, table: WageTable | None = None
) -> SalaryPosition:
    """Where the person stands: in the national table, or in a place's when given."""
    standing = result.pay_standing
    pay = None
    if standing is not None:
        pay = wage_answer(catalog, standing.pay, pay_text(standing.pay), table)
    at = result.range.at_estimate
    if standing is None:
        where = result.range.estimate_text
        if at.kind in {"at-or-below", "at-or-above"}:  # the dollars are in the words
            summary = f"No pay was given, so only the estimate is shown: {where}."
        else:
            summary = (
                f"No pay was given, so only the estimate is shown: {where}, "
                f"{_hedged(at.kind, dollars(at.annual))} a year."
            )
    else:
        summary = standing.summary
    return SalaryPosition.model_construct(
        distribution=distribution(catalog, table),
        estimate_percentile=result.estimated_percentile,
        estimate_annual_text=_hedged(at.kind, dollars(at.annual)) + " a year",
        estimate_hourly_text=_hedged(at.kind, hourly(at.hourly)) + " an hour",
        pay=pay,
        versus_estimate=None if standing is None else standing.versus_estimate,
        summary=summary,
        setting=(None if result.student else setting_answer(catalog, result.profile.setting, pay)),
        setting_note=catalog.eligibility.student.reason if result.student else None,
    )


def _hedged(kind: str, amount: str) -> str:
    """An amount with the hedge its kind needs: exact, "about", or only a bound."""
    return {
        "published": amount,
        "estimate": f"about {amount}",
        "at-or-below": f"under {amount}",
        "at-or-above": f"over {amount}",
    }[kind]


def _notes(result: Assessment, due: RenewalReport, profile_from: ProfileFrom) -> tuple[str, ...]:
    notes = [
        "The estimated percentile is maplanner's own, from the weights in "
        "data/estimate.toml; it is not a BLS figure. " + result.range.note,
    ]
    missing = [row.id for row in due.renewals if row.status == "no-earned-month"]
    if profile_from == "options" and missing:
        notes.append(
            "This report was made from answers given as options, not a saved profile, so "
            "it knows no month a credential was earned and gives no renewal dates. Save a "
            "profile (maplanner assess ... --save) and record each month with 'maplanner "
            "profile add-cert ID --earned YYYY-MM' to see them."
        )
    if profile_from == "roster" and missing:
        notes.append(
            "This plan was made from a class roster that gives no month a credential was "
            "earned, so it gives no renewal dates. Write the month earned or last renewed "
            "after the id in the roster's certifications column (CMA 2023-04) to see them."
        )
    notes.append(
        "Where maplanner has no verified figure it says 'not verified' instead of guessing."
    )
    return tuple(notes)


def report_sources(
    catalog: Catalog,
    result: Assessment,
    due: RenewalReport,
    plan: PlanResult | None,
) -> tuple[ReportSource, ...]:
    """The sources behind this report's figures and advice, numbered in data order."""
    uses: dict[str, list[str]] = {}

    def use(source_id: str, what: str) -> None:
        listed = uses.setdefault(source_id, [])
        if what not in listed:
            listed.append(what)

    use(catalog.wages.source, "the national wage distribution and every dollar figure")
    if is_student(result.profile, catalog):
        use(catalog.eligibility.student.source, "starting pay for a student")
    else:
        setting = catalog.setting(result.profile.setting)
        use(
            catalog.industry(setting.industry).source,
            "the median wage of your setting's industry",
        )
    use(catalog.tier(result.tier).source, f"the tier ({result.tier_name})")
    use(catalog.estimate.experience.source, "the experience curve of the estimate")
    use(catalog.estimate.source, "the estimate's weights and the setting-to-industry link")
    band = next(band for band in catalog.roadmap if band.id == result.roadmap_band)
    use(band.source, "the next steps for your career year")
    for step in result.next_steps:
        if step.kind == "certification" and step.id is not None:
            use(catalog.certification(step.id).source, f"{step.id} (a next step)")
    for row in due.renewals:
        cert = catalog.certification(row.id)
        if cert.renewal != "not verified":
            use(cert.renewal.source, f"the renewal of {row.id}")
    for suggestion in result.paths:
        use(catalog.path(suggestion.id).source, "the paths worth a look")
    if plan is not None:
        path = catalog.path(plan.goal.id)
        use(path.source, f"the path to {path.name}")
        use(path.times.source, "the times in the plan")
        for year in plan.years:
            for credential in year.credentials:
                cert = catalog.certification(credential.id)
                use(cert.source, f"{credential.id} (in the plan)")
    listed = [source for source in catalog.sources if source.id in uses]
    return tuple(
        ReportSource.model_construct(
            number=number,
            id=source.id,
            publisher=source.publisher,
            title=source.title,
            period=source.period,
            url=source.url,
            note=source.note,
            used_for=tuple(uses[source.id]),
        )
        for number, source in enumerate(listed, 1)
    )


# Wording shared by the renderers ------------------------------------------------------


def pay_text(pay: Pay) -> str:
    """'$46,000 a year' or '$22.50 an hour'."""
    return (
        f"{dollars(pay.amount)} a year" if pay.per == "year" else f"{hourly(pay.amount)} an hour"
    )


class WageRow(_Model):
    """One row of the wage table as printed: a figure and how it was arrived at.

    ``basis`` words are "published" (BLS printed it), "derived" (annual / 2,080
    hours, or hourly x 2,080), "maplanner's estimate" and "you gave it".
    """

    label: str
    annual: str
    annual_basis: str
    hourly: str
    hourly_basis: str
    yours: bool


def wage_rows(report: Report) -> list[WageRow]:
    """The national distribution, with the person's pay and estimate in wage order.

    The mean is not a percentile, so it comes last, apart from the ordered points.
    On a tie in dollars, an estimate known only to be under the lowest published
    point comes before it; otherwise the published point comes first, then the
    estimate, then the pay, the order they are added in (the sort is stable).
    """
    position = report.salary
    table = position.distribution
    hours = "derived"
    ordered: list[tuple[float, int, WageRow]] = []
    for point in table.points:
        label = "median (50th)" if point.percentile == 50 else point.label
        row = WageRow.model_construct(
            label=label,
            annual=dollars(point.annual),
            annual_basis="published",
            hourly=hourly(point.hourly),
            hourly_basis="published" if point.hourly_published else hours,
            yours=False,
        )
        ordered.append((point.annual, 0, row))
    at = report.assessment.range.at_estimate
    estimate = f"about the {ordinal(report.assessment.estimated_percentile)}"
    if at.kind == "at-or-below":  # the same rule as percentile_text, on the shown table
        estimate = f"below the {ordinal(table.points[0].percentile)}"
    elif at.kind == "at-or-above":
        estimate = f"above the {ordinal(table.points[-1].percentile)}"
    ordered.append(
        (
            at.annual,
            -1 if at.kind == "at-or-below" else 0,
            WageRow.model_construct(
                label=f"your estimate ({estimate})",
                annual=_hedged(at.kind, dollars(at.annual)),
                annual_basis="maplanner's estimate",
                hourly=_hedged(at.kind, hourly(at.hourly)),
                hourly_basis="maplanner's estimate",
                yours=True,
            ),
        )
    )
    wage = position.pay
    if wage is not None:
        where = (
            f"about the {ordinal(wage.percentile)}" if wage.percentile is not None else wage.band
        )
        ordered.append(
            (
                wage.annual,
                0,
                WageRow.model_construct(
                    label=f"your pay ({where})",
                    annual=dollars(wage.annual),
                    annual_basis="derived" if wage.annual_derived else "you gave it",
                    hourly=hourly(wage.hourly),
                    hourly_basis=hours if wage.hourly_derived else "you gave it",
                    yours=True,
                ),
            )
        )
    ordered.sort(key=lambda item: item[:2])
    mean = WageRow.model_construct(
        label="mean (average)",
        annual=dollars(table.mean.annual),
        annual_basis="published",
        hourly=hourly(table.mean.hourly),
        hourly_basis="published" if table.mean.hourly_published else hours,
        yours=False,
    )
    return [row for *_, row in ordered] + [mean]


def setting_text(setting: SettingAnswer) -> str:
    """The setting's industry median beside the national one, in a sentence or two;
    each difference is between the figures as printed."""
    apart = dollars_apart(setting.median_annual, setting.national_median_annual)
    versus = (
        "the same as the national median"
        if apart is None
        else f"{apart} the national median ({dollars(setting.national_median_annual)})"
    )
    text = (
        f"{setting.name} counts as the BLS industry {setting.industry_name}, whose median "
        f"is {dollars(setting.median_annual)} a year, {versus}."
    )
    if setting.wage_difference is not None:
        pay = setting.median_annual + setting.wage_difference
        pay_apart = dollars_apart(pay, setting.median_annual)
        text += (
            " Your pay is the same as this median."
            if pay_apart is None
            else f" Your pay is {pay_apart} it."
        )
    return text


def effect_text(step: NextStep, points: percentile_text.Points) -> str:
    """What earning a credential would do to the estimate: '47th -> 52nd (+5 points)'.

    The change is worked out from the figures as shown, so it always adds up.
    """
    if step.estimate_after is None or step.gain is None:
        return "-"
    before = step.estimate_after - step.gain
    outside = percentile_text.beyond(points, before) or percentile_text.beyond(
        points, step.estimate_after
    )
    if outside is None and percentile_text.change(before, step.estimate_after) == 0:
        return f"no change (stays about the {ordinal(before)})"
    return percentile_text.move(points, before, step.estimate_after, unit=True)


def steps_of(
    result: Assessment, kind: Literal["certification", "skill", "role"]
) -> list[NextStep]:
    return [step for step in result.next_steps if step.kind == kind]


class StepGroup(_Model):
    """Next steps that share when and why, so the reason is printed once."""

    when: str
    reason: str
    titles: tuple[str, ...]


def grouped(steps: list[NextStep]) -> list[StepGroup]:
    """Steps with the same `when` and `reason` together, in the order they first appear."""
    groups: dict[tuple[str, str], list[str]] = {}
    for step in steps:
        groups.setdefault((step.when, step.reason), []).append(step.title)
    return [
        StepGroup.model_construct(when=when, reason=reason, titles=tuple(titles))
        for (when, reason), titles in groups.items()
    ]


def factor_points(points: float, factor_id: str) -> str:
    """The experience base as a plain number, every other factor with its sign."""
    return f"{points:g}" if factor_id == "experience" else f"{points:+g}"


def estimate_text(result: Assessment) -> str:
    """'about the 47th percentile (likely 40th to 54th)', or what is known past the range."""
    return result.range.percentile_text


def due_text(row: RenewalDue) -> str:
    """The due month, or why there is none: 'not verified' or 'add the earned month'."""
    if row.status == "no-verified-cycle":
        return "not verified"
    if row.status == "no-earned-month":
        return "add the earned month"
    if row.status == "no-member-month":
        return "add the membership month"
    return row.due or "-"


def ce_text(row: RenewalDue) -> str | None:
    """The continuing education recorded toward this due date, or None if not tracked."""
    if row.ce is None:
        return None
    if row.ce.cycle_known:
        return f"{ce_summary(row.ce)} ({row.ce.cycle_start} to {row.ce.cycle_end})."
    return ce_summary(row.ce) + "."


def status_text(row: RenewalDue) -> str:
    """How urgent it is, in words that need no colour: 'DUE SOON: 6 months left'."""
    left = row.months_left
    if row.status == "lapsed" and left is not None:
        return f"LAPSED: due {months_count(-left)} ago"
    if row.status == "due-soon" and left is not None:
        return "DUE SOON: this month" if left == 0 else f"DUE SOON: {months_count(left)} left"
    if row.status == "current" and left is not None:
        return f"current: {months_count(left)} left"
    if row.status == "no-earned-month":
        return "earned month not recorded"
    if row.status == "no-member-month":
        return "membership month not recorded"
    return "renewal cycle not verified"


def earned_text(row: RenewalDue) -> str:
    return row.earned or "not recorded"


def plan_credentials(year: PlanYear) -> str:
    """'CMA: Certified Medical Assistant (AAMA) (or RMA, CCMA)' for each, joined by '; '."""
    parts = []
    for credential in year.credentials:
        text = f"{credential.id}: {credential.name}"
        if credential.alternatives:
            text += f" (or {', '.join(other.id for other in credential.alternatives)})"
        parts.append(text)
    return "; ".join(parts) or "no new credential"


def profile_line(report: Report) -> str:
    """Where the answers came from, for the top of the report."""
    if report.profile_from == "options":
        return "From answers given as options (not a saved profile)."
    if report.profile_from == "roster":
        return "From a class roster (the answers written there, not a saved profile)."
    if report.profile_saved_on:
        return f"From your saved profile (last changed {report.profile_saved_on})."
    return "From your saved profile."
