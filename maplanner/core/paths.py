"""The career paths as people see them: the list, one path in detail, and look-ups.

Pure views over the catalog for `maplanner paths` (and the goal look-up that
`maplanner plan` shares). Pay appears only as a verified figure with its vintage;
otherwise the view says "no verified figure" rather than leaving a reader to guess.
The rules in paths.toml (`reached_when`, `done_when`) are checked against the other
files by the catalog's cross-checks when the data is loaded.
"""

from typing import Literal

from maplanner.catalog.catalog import Catalog
from maplanner.catalog.paths import KINDS, CareerPath, Condition, Kind, PathStep, PayFigure
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


def list_paths(catalog: Catalog, kind: Kind | None = None) -> PathList:
    """Every path (or every path of one kind), in the order of the data file."""
    views = [view(catalog, path) for path in catalog.paths if kind is None or path.kind == kind]
    return PathList.model_construct(kind=kind, paths=views)


def path_detail(catalog: Catalog, path: CareerPath) -> PathDetail:
    return PathDetail.model_construct(path=view(catalog, path))


def view(catalog: Catalog, path: CareerPath) -> PathView:
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
        pay_text=pay_text(catalog, path.pay),
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
