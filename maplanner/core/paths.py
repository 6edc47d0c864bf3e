"""The career paths as people see them: the list, one path in detail, and look-ups.

Pure views over the catalog for `maplanner paths` (and the goal look-up that
`maplanner plan` shares). Pay is the BLS OEWS table of the occupation each path
leads to (data/path_occupations.toml says which and why): median and 10th-90th
nationally and, given a place, there too, with BLS's reason wherever it published none.
The rules in paths.toml (`reached_when`, `done_when`) are checked against the other
files by the catalog's cross-checks when the data is loaded.
"""

from collections.abc import Callable
from typing import Literal

from maplanner.catalog.catalog import Catalog
from maplanner.catalog.paths import KINDS, CareerPath, Condition, Kind, PathStep, PayFigure
from maplanner.catalog.wages import WageTable
from maplanner.core.matching import resolve_id
from maplanner.core.refs import Ref, SourceRef, source_ref
from maplanner.core.result import Result as _Result
from maplanner.core.text import dollars
from maplanner.errors import InputError

NO_PAY = "no verified figure"


class StepView(_Result):
    number: int
    title: str
    years: int
    credentials: list[Ref]
    choose_one: bool
    skills: list[str]
    role: str
    milestone: str
    midway: str | None
    done_if: str | None


class PayRow(_Result):
    """An occupation's pay in one place: median and 10th-90th, or BLS's reason for none."""

    area: str
    median_annual: float | None
    low_annual: float | None
    high_annual: float | None
    employment: int | None
    withheld: str | None


class PathPay(_Result):
    """The OEWS occupation that stands for a path's pay, nationally and in a place."""

    soc_code: str
    occupation: str
    reason: str
    release: str
    vintage: str
    source: SourceRef
    national: PayRow
    place: PayRow | None


class PathView(_Result):
    id: str
    name: str
    kind: Literal["advancement", "alternative"]
    aliases: list[str]
    work: str
    requires: str
    time_to_get_there: str
    carries_over: str
    min_years: float
    pay: PayFigure | None
    pay_text: str
    occupation_pay: PathPay | None = None
    credentials: list[Ref]
    steps: list[StepView]
    reached_if: str | None
    next: list[Ref]
    times_source: SourceRef
    times_note: str | None
    source: SourceRef


class PathList(_Result):
    kind: Literal["advancement", "alternative"] | None
    paths: list[PathView]


class PathDetail(_Result):
    path: PathView


# Look-ups ------------------------------------------------------------------------


def path_choices(catalog: Catalog) -> dict[str, list[str]]:
    return {path.id: [path.name, *path.aliases] for path in catalog.paths}


def find_path(catalog: Catalog, value: str, option: str = "path") -> CareerPath:
    """The path named by id, name or alias in any case, or InputError with suggestions."""
    chosen = resolve_id(value, path_choices(catalog), option=option, what="career path")
    return catalog.path(chosen)


def check_kind(value: str | None) -> Kind | None:
    """The --kind filter: advancement or alternative (any case), or None for all."""
    if value is None:
        return None
    wanted = value.strip().lower()
    for kind in KINDS:
        if wanted == kind:
            return kind
    raise InputError(f"--kind {value!r} is not a kind of path; choose one of: {', '.join(KINDS)}")


# Views ---------------------------------------------------------------------------


#: A place's table for an occupation (by SOC code), or BLS's reason for none.
PlaceTables = Callable[[str], WageTable | str]


def list_paths(
    catalog: Catalog,
    kind: Kind | None = None,
    place_name: str | None = None,
    place_tables: PlaceTables | None = None,
) -> PathList:
    """Every path (or every path of one kind), in the order of the data file."""
    views = [
        view(catalog, path, place_name, place_tables)
        for path in catalog.paths
        if kind is None or path.kind == kind
    ]
    return PathList.model_construct(kind=kind, paths=views)


def path_detail(
    catalog: Catalog,
    path: CareerPath,
    place_name: str | None = None,
    place_tables: PlaceTables | None = None,
) -> PathDetail:
    return PathDetail.model_construct(path=view(catalog, path, place_name, place_tables))


def _pay_row(area: str, table: WageTable | str) -> PayRow:
    if isinstance(table, str):
        return PayRow.model_construct(
            area=area,
            median_annual=None,
            low_annual=None,
            high_annual=None,
            employment=None,
            withheld=table,
        )
    points = {p.percentile: p.annual for p in table.percentiles}
    return PayRow.model_construct(
        area=area,
        median_annual=points.get(50),
        low_annual=points.get(10),
        high_annual=points.get(90),
        employment=table.employment,
        withheld=None,
    )


def path_pay(
    catalog: Catalog,
    path_id: str,
    place_name: str | None = None,
    place_tables: PlaceTables | None = None,
) -> PathPay | None:
    """The path's occupation and its pay (latest release), nationally and in a place."""
    from maplanner.catalog.oews_tables import national_table

    entry = next((e for e in catalog.path_occupations if e.id == path_id), None)
    if entry is None:
        return None
    national = national_table(catalog, entry.soc_code)
    release = catalog.oews.release
    place = None
    if place_name is not None and place_tables is not None:
        place = _pay_row(place_name, place_tables(entry.soc_code))
    return PathPay.model_construct(
        soc_code=entry.soc_code,
        occupation=national.occupation,
        reason=entry.reason,
        release=release.code,
        vintage=release.name,
        source=source_ref(catalog, release.source),
        national=_pay_row("United States", national),
        place=place,
    )


def occupation_pay_text(pay: PathPay) -> str:
    """'Registered Nurses (SOC 29-1141): median $97,550 (10th-90th ...) nationally; ...'."""

    def row(r: PayRow) -> str:
        if r.median_annual is None:
            return f"{r.area}: not published (BLS: {r.withheld})"
        spread = ""
        if r.low_annual is not None and r.high_annual is not None:
            spread = f" (10th-90th {dollars(r.low_annual)}-{dollars(r.high_annual)})"
        return f"{r.area}: median {dollars(r.median_annual)}{spread}"

    parts = [row(pay.national)] + ([row(pay.place)] if pay.place is not None else [])
    return f"{pay.occupation} (SOC {pay.soc_code}), {'; '.join(parts)}; BLS OEWS {pay.vintage}"


def view(
    catalog: Catalog,
    path: CareerPath,
    place_name: str | None = None,
    place_tables: PlaceTables | None = None,
) -> PathView:
    occupation_pay = path_pay(catalog, path.id, place_name, place_tables)
    return PathView.model_construct(
        id=path.id,
        name=path.name,
        kind=path.kind,
        aliases=list(path.aliases),
        work=path.work,
        requires=path.requires,
        time_to_get_there=path.time_to_get_there,
        carries_over=path.carries_over,
        min_years=path.min_years,
        pay=path.pay,
        pay_text=(
            pay_text(catalog, path.pay)
            if occupation_pay is None
            else occupation_pay_text(occupation_pay)
        ),
        occupation_pay=occupation_pay,
        credentials=[credential_ref(catalog, cert_id) for cert_id in path.credentials],
        steps=[_step(catalog, number, step) for number, step in enumerate(path.steps, 1)],
        reached_if=describe_condition(path.reached_when),
        next=[Ref.model_construct(id=other, name=catalog.path(other).name) for other in path.next],
        times_source=source_ref(catalog, path.times.source),
        times_note=path.times.note,
        source=source_ref(catalog, path.source),
    )


def _step(catalog: Catalog, number: int, step: PathStep) -> StepView:
    return StepView.model_construct(
        number=number,
        title=step.title,
        years=step.years,
        credentials=[credential_ref(catalog, cert_id) for cert_id in step.credentials],
        choose_one=step.choose_one,
        skills=list(step.skills),
        role=step.role,
        milestone=step.milestone,
        midway=step.midway,
        done_if=describe_condition(step.done_when),
    )


def pay_text(catalog: Catalog, pay: PayFigure | None) -> str:
    """'$52,000 median a year (May 2024, U.S. Bureau of Labor Statistics)' or the fallback."""
    if pay is None:
        return NO_PAY
    publisher = catalog.source(pay.source).publisher
    return f"{dollars(pay.median_annual)} median a year ({pay.vintage}, {publisher})"


def describe_condition(condition: Condition | None) -> str | None:
    """A rule in words, naming the options a person answers: 'you hold CMA or RMA'."""
    if condition is None:
        return None
    parts: list[str] = []
    if condition.credentials:
        parts.append(f"you hold {either(condition.credentials)}")
    if condition.leadership:
        parts.append(f"your --leads answer is {either(condition.leadership)}")
    return " and ".join(parts)


def either(items: list[str]) -> str:
    """'a', 'a or b', 'a, b or c'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} or {items[-1]}"


def credential_ref(catalog: Catalog, cert_id: str) -> Ref:
    return Ref.model_construct(id=cert_id, name=catalog.certification(cert_id).name)
