"""Every lever on a person's pay, priced and ranked by one stated rule.

Pure. A lever is one change to the answers (the same ``FIELD=VALUE`` words as
`assess --what-if`): a credential, a specialty, a lead or supervising role, another
work setting. Each is priced by running the estimate again with the change made:
its gain in percentile points, in dollars a year (`whatif.pay_at`, the one place
that knows the person's pay distribution), and how long it usually takes
(levers.toml; the lead role's time is the plan's own). Levers the person can take
now are ranked by pay gain per year of effort; those they cannot take yet
(eligibility.toml) follow, each saying when it can become possible.

To add a kind of lever: write a function ``(profile, catalog, context) ->
list[Candidate]`` and add it to `KINDS`.

The place lever is the one that leaves the estimate alone: for a person who gave a
place, the metro area of the same state with the highest MA median, priced as the pay
at the same percentile in that area's table minus the pay in theirs.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from maplanner.catalog.catalog import Catalog
from maplanner.catalog.wages import WageTable
from maplanner.core.assessment import Lever, LeverKind, LeverList, NextStep
from maplanner.core.estimate import estimate_percentile
from maplanner.core.profile import Profile, is_student
from maplanner.core.text import ordinal
from maplanner.core.whatif import apply_changes, pay_at, pay_change

if TYPE_CHECKING:
    from maplanner.catalog.areas import Place


class Candidate(NamedTuple):
    """A lever before it is priced: the change, its time and whether it is open now.

    A NamedTuple, as `Context` is: as immutable as a frozen dataclass, and defined in a
    seventh of the time (about 0.07 ms against 0.5 ms), which every `assess` pays."""

    kind: LeverKind
    id: str
    title: str
    changes: tuple[tuple[str, str], ...]
    months: int | None
    time_text: str
    eligible: bool = True
    when: str = "now"
    requires: str | None = None
    #: A place lever's table: the estimate stays, the dollars come from this table.
    table: WageTable | None = None


class Context(NamedTuple):
    """What the levers share: the next steps `assess` lists (credential levers are
    exactly its credential steps, so the two never disagree), and, for a person with
    a place, that place and the best-paying metro area of its state with its table."""

    next_steps: tuple[NextStep, ...]
    where: "Place | None" = None
    better: "tuple[Place, WageTable] | None" = None


def _months_text(months: int) -> str:
    if months % 12 == 0:
        years = months // 12
        return f"about {years} year{'s' if years != 1 else ''}"
    return f"about {months} months"


def credential_levers(profile: Profile, catalog: Catalog, context: Context) -> list[Candidate]:
    time = catalog.levers.credential
    return [
        Candidate(
            kind="credential",
            id=step.id,
            title=f"Earn {step.title}",
            changes=(("cert", step.id),),
            months=time.months if step.eligible else None,
            time_text=_months_text(time.months) if step.eligible else "not yet possible",
            eligible=step.eligible,
            when="now" if step.eligible else step.when,
            requires=step.requires,
        )
        for step in context.next_steps
        if step.kind == "certification" and step.id is not None
    ]


def specialty_levers(profile: Profile, catalog: Catalog, context: Context) -> list[Candidate]:
    """The specialty that raises the estimate most (a credential held may count for one
    specialty only, such as the CET for cardiology); ties are named together."""
    if profile.specialty is not None:
        return []
    time = catalog.levers.specialty
    after = {
        specialty.id: estimate_percentile(
            apply_changes(profile, (("specialty", specialty.id),), catalog), catalog
        ).percentile
        for specialty in catalog.specialties
    }
    best = max(after.values())
    top = [s for s in catalog.specialties if after[s.id] == best]
    others = len(top) - 1
    also = " (1 other counts the same)" if others == 1 else f" ({others} others count the same)"
    return [
        Candidate(
            kind="specialty",
            id=top[0].id,
            title=(
                f"Work in a specialty, such as {top[0].name}{also}"
                if others
                else f"Work in a specialty: {top[0].name}"
            ),
            changes=(("specialty", top[0].id),),
            months=time.months,
            time_text=_months_text(time.months),
        )
    ]


def leadership_levers(profile: Profile, catalog: Catalog, context: Context) -> list[Candidate]:
    # The plan's years, counted without building the plan (maplanner.core.plan_steps).
    from maplanner.core.plan_steps import plan_years

    if is_student(profile, catalog):
        return []  # leadership comes with a job: a student's levers are where to start
    current = catalog.leadership(profile.leads).points
    found: list[Candidate] = []
    years: dict[str, int] = {}  # two levels share the lead-ma path: count it once
    for timing in catalog.levers.leadership:
        level = catalog.leadership(timing.id)
        if level.points <= current:
            continue
        if timing.path is None:
            assert timing.months is not None
            months = timing.months
            how = _months_text(months)
        else:
            if timing.path not in years:
                years[timing.path] = plan_years(profile, catalog, timing.path)
            taken = years[timing.path]
            months = taken * 12 + timing.extra_months
            if months == 0:
                continue
            how = _months_text(months) + (
                f" (maplanner plan --goal {timing.path})" if taken else ""
            )
        found.append(
            Candidate(
                kind="leadership",
                id=level.id,
                title=f"Leadership: {level.name}",
                changes=(("leads", level.id),),
                months=months,
                time_text=how,
            )
        )
    return found


def setting_levers(profile: Profile, catalog: Catalog, context: Context) -> list[Candidate]:
    time = catalog.levers.setting
    student = is_student(profile, catalog)
    current = None if student else catalog.setting(profile.setting).industry
    seen: set[str] = set()
    found: list[Candidate] = []
    for setting in catalog.settings:
        if setting.industry == current or setting.industry in seen:
            continue
        seen.add(setting.industry)
        verb = "Start in" if student else "Move to"
        found.append(
            Candidate(
                kind="setting",
                id=setting.id,
                title=f"{verb} {setting.name.lower()} ({catalog.industry(setting.industry).name})",
                changes=(("setting", setting.id),),
                months=time.months,
                time_text=_months_text(time.months),
            )
        )
    return found


def place_levers(profile: Profile, catalog: Catalog, context: Context) -> list[Candidate]:
    """The metro area of the person's state with the highest MA median (none for a
    person who gave no place); the rule is said in the lever's own title."""
    if context.where is None or context.better is None:
        return []
    area, table = context.better
    state = next(
        (s.name for s in catalog.oews.states if s.fips == context.where.state_fips),
        context.where.name,
    )
    median = next(p.annual for p in table.percentiles if p.percentile == 50)
    time = catalog.levers.place
    return [
        Candidate(
            kind="place",
            id=area.code,
            title=(
                f"Work in {area.name}: the metro area with the highest MA median in "
                f"{state} (${median:,.0f}); same percentile, priced in that area's table"
            ),
            changes=(),
            months=time.months,
            time_text=_months_text(time.months),
            table=table,
        )
    ]


Generator = Callable[[Profile, Catalog, Context], list[Candidate]]
#: Every kind of lever, in the order ties are listed.
KINDS: tuple[Generator, ...] = (
    credential_levers,
    specialty_levers,
    leadership_levers,
    setting_levers,
    place_levers,
)


def levers(
    profile: Profile,
    catalog: Catalog,
    estimate: float,
    next_steps: tuple[NextStep, ...],
    table: WageTable | None = None,
    where: "Place | None" = None,
    better: "tuple[Place, WageTable] | None" = None,
) -> LeverList:
    """Every lever that raises this person's estimate (or, for a place, their pay at
    the same estimate), ranked by the stated rule; its dollars in `table` (the person's
    place's, `where`) when given, else national; `better` is the place lever's area."""
    context = Context(next_steps=next_steps, where=where, better=better)
    now = pay_at(catalog, estimate, table)
    minimum = catalog.levers.minimum_months
    priced: list[Lever] = []
    for kind in KINDS:
        for candidate in kind(profile, catalog, context):
            if candidate.table is None:
                changed = apply_changes(profile, candidate.changes, catalog)
                after = estimate_percentile(changed, catalog).percentile
                gain = round(after - estimate, 1)
                if gain <= 0:
                    continue
                money, words = pay_change(now, pay_at(catalog, after, table))
            else:  # another place: the same estimate in that place's table
                after, gain = estimate, 0.0
                money, words = pay_change(now, pay_at(catalog, estimate, candidate.table))
                if money <= 0:
                    continue
            months = candidate.months
            per_year = (
                round(money / (max(months, minimum) / 12))
                if candidate.eligible and months is not None
                else 0.0
            )
            priced.append(
                Lever.model_construct(
                    kind=candidate.kind,
                    id=candidate.id,
                    title=candidate.title,
                    what_if=" ".join(f"{field}={value}" for field, value in candidate.changes),
                    estimate_after=after,
                    gain=gain,
                    pay_gain=money,
                    pay_gain_text=words,
                    months=months,
                    time_text=candidate.time_text,
                    eligible=candidate.eligible,
                    when=candidate.when,
                    requires=candidate.requires,
                    per_year=float(per_year),
                )
            )
    return LeverList.model_construct(
        rule=catalog.levers.rule, levers=tuple(sorted(priced, key=rank))
    )


def rank(lever: Lever) -> tuple[bool, float, float, float]:
    """The order levers are listed in: those open now first, by pay gain per year of
    effort; ties by the larger pay gain, then the larger gain in the estimate."""
    return (not lever.eligible, -lever.per_year, -lever.pay_gain, -lever.gain)


def lever_lines(levers: LeverList) -> list[tuple[int | None, str]]:
    """(rank, one line) per lever for documents: the rank is None for one not open yet."""
    lines: list[tuple[int | None, str]] = []
    rank = 0
    for lever in levers.levers:
        before = lever.estimate_after - lever.gain
        effect = (
            f"estimate {ordinal(before)} -> {ordinal(lever.estimate_after)} "
            f"({lever.gain:+g} points), {lever.pay_gain_text}"
        )
        if lever.eligible:
            rank += 1
            lines.append((rank, f"{lever.title}: {effect}; takes {lever.time_text}."))
        else:
            lines.append((None, f"{lever.title}: {effect}; not yet: {lever.when}."))
    return lines
