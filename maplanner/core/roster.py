"""A class roster, row by row: check each row's answers and assess the person.

Pure: cells (strings) in, models out; the file reading and writing live in
`maplanner.batch_io`. Each data row becomes exactly one `RosterResult` or one
`RowRejection` (never nothing), so rows in = rows written + rows rejected.

Columns (header names in any case, in any order):

- required: id, years;
- optional: certifications, setting, specialty, leads, pay, program_ends, education,
  accredited;
- any other column (name, email, cohort...) is carried through to the results
  unchanged, in its place among the others; a column called ``name`` also names the
  student in their plan.

Values: years is a number from 0 to 60; certifications are ids, names or aliases
separated by ";" (or "," inside a quoted cell), each optionally followed by the month
it was earned or last renewed ("CMA 2023-04"), blank or "none" for none; setting is
required in every row with years above 0 (blank with years 0 means a student); specialty
and leads are blank or "none" for none; pay is blank when not given, otherwise
anything `maplanner assess --pay` accepts (46k, $46,000, 22.50/h); program_ends is
the day (YYYY-MM-DD) or month (YYYY-MM, meaning its last day) a student finishes
their MA program, blank when not a student or not known. setting may be `student`
(in an MA program, not working yet; years must be 0). education is blank or a level
as for `--education`; accredited is blank (not known), yes or no.

Speed: rosters repeat the same shapes (a class of students is mostly "0 years, no
certifications, family practice"), and the rules are pure, so the work for one
shape is remembered in bounded caches: by the cells as written, then by the
normalized answers (so "cma;bls" and "BLS; CMA" share one assessment). The caches
have a fixed size, so memory stays flat however long the roster is.
"""

import calendar
import dataclasses
import functools
import re
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Literal, TypeVar

from maplanner.catalog.areas import Place
from maplanner.catalog.catalog import Catalog
from maplanner.catalog.wages import WageTable
from maplanner.core.estimate import wage_range
from maplanner.core.money import Pay, parse_pay
from maplanner.core.places import best_area, place_table, resolve_area, resolve_state
from maplanner.core.profile import (
    HeldCert,
    Profile,
    check_student,
    check_years,
    parse_accredited,
    resolve_cert,
    resolve_education,
    resolve_leads,
    resolve_setting,
    resolve_specialty,
)
from maplanner.core.result import Result as _Model
from maplanner.core.rules import brief
from maplanner.core.text import cut, ordinal, quoted
from maplanner.core.wages import percentile_of
from maplanner.errors import InputError

REQUIRED_COLUMNS = ("id", "years")
OPTIONAL_COLUMNS = (
    "certifications",
    "setting",
    "specialty",
    "leads",
    "pay",
    "program_ends",
    "education",
    "accredited",
    "state",
    "area",
)
#: Known columns that are also carried through to the results as written, so a
#: results row still says which place's table priced it.
SHOWN_COLUMNS = ("state", "area")
COLUMNS = (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS)
#: The carried column that names a student in their plan (any case).
NAME_COLUMN = "name"
#: The answers that make a profile, in the order the shape cache keys them.
SHAPE_COLUMNS = (
    "years",
    "certifications",
    "setting",
    "specialty",
    "leads",
    "education",
    "accredited",
)

#: Results columns, in order (the CSV header and the JSON keys of a results row).
RESULT_COLUMNS = (
    "id",
    "tier",
    "tier_name",
    "estimated_percentile",
    "wage_low",
    "wage_low_kind",
    "wage_high",
    "wage_high_kind",
    "top_next_step",
    "pay_percentile",
)

#: Distinct shapes remembered; a fixed number, so memory does not grow with the file.
CACHE_SIZE = 16_384
#: Problems in one row are listed together, separated by this, so one pass fixes them.
PROBLEM_SEPARATOR = " | "

_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$", re.ASCII)
#: A credential with the month it was earned: "CMA 2023-04" (the month last).
_EARNED = re.compile(r"^(?P<cert>.*?)\s+(?P<month>\d{4}-\d{2})$", re.ASCII)
_DAY = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})(?:-(?P<day>\d{2}))?$", re.ASCII)
_YEARS_ACCEPTED = "use a number from 0 to 60 (decimals allowed, 0 for students)"

T = TypeVar("T")
#: Normalized answers: years, certification ids, setting, specialty, leads, education,
#: accredited.
ProfileKey = tuple[float, tuple[str, ...], str, str | None, str, str | None, bool | None]
#: The month each held credential was earned, in the order of ProfileKey's ids.
EarnedMonths = tuple[str | None, ...]
WageKind = Literal["published", "estimate", "at-or-below", "at-or-above"]


class Header(_Model):
    """Where each known column is, how wide a row is, and the columns carried through.

    ``carried`` are the positions of every other column, in roster order, and
    ``carried_names`` their names as the results header gives them: as written in the
    roster ("column 5" for a blank one, by its position), except that a name the
    results already use (or an earlier carried column used) gains "roster " in front,
    so every results column has one name.
    """

    positions: dict[str, int]
    width: int
    carried: tuple[int, ...]
    carried_names: tuple[str, ...]
    name: int | None


class Outcome(_Model):
    """What the rules say about one profile; shared by every row with that profile.

    ``wage_low``/``wage_high`` are whole dollars a year; their ``_kind`` says whether
    the figure is published, an estimate between published points, or only a bound
    ("at-or-below" the 10th, "at-or-above" the 90th). ``top_next_certification`` is
    the first certification among the next steps (the largest gain), for the summary.
    """

    tier: str
    tier_name: str
    estimated_percentile: float
    wage_low: int
    wage_low_kind: WageKind
    wage_high: int
    wage_high_kind: WageKind
    top_next_step: str | None
    top_next_certification: str | None

    @functools.cached_property
    def cells(self) -> tuple[str, ...]:
        """The results cells from tier to top_next_step (computed once per outcome)."""
        return (
            self.tier,
            self.tier_name,
            f"{self.estimated_percentile:g}",
            str(self.wage_low),
            self.wage_low_kind,
            str(self.wage_high),
            self.wage_high_kind,
            self.top_next_step or "",
        )


class PayPercentile(_Model):
    """Where a row's pay stands: a percentile inside the published range, else the band.

    ``given`` is the pay as parsed, for the student's plan."""

    percentile: float | None
    outside: str | None
    given: Pay

    @functools.cached_property
    def text(self) -> str:
        """'61.4', '75' or 'below 10th': the results cell."""
        if self.percentile is not None:
            return f"{self.percentile:g}"
        return self.outside or ""


@dataclasses.dataclass(frozen=True, slots=True)
class Shape:
    """A row's answers as normalized (the profile key), the months its credentials
    were earned, and what the rules say about them."""

    key: ProfileKey
    earned: EarnedMonths
    outcome: Outcome


@dataclasses.dataclass(frozen=True, slots=True)
class RowPlace:
    """The place a row's state or area column names, its MA wage table, and the
    best-paying metro area of its state (the place lever in the row's plan)."""

    where: Place
    table: WageTable
    better: tuple[Place, WageTable] | None = None


@dataclasses.dataclass(frozen=True, slots=True)
class RosterResult:
    """One results row: the row's id, its answers and outcome, its pay percentile if
    pay was given, the carried cells, and the student's name and program end if given.

    A plain frozen dataclass, not a model: one is made for every row of a roster, from
    parts that were validated (and cached) when they were made, and validating them
    again per row would cost more than assessing the row.
    """

    line: int
    id: str
    shape: Shape
    pay: PayPercentile | None
    carried: tuple[str, ...] = ()
    name: str | None = None
    program_ends: date | None = None
    #: The row's place and, priced with its table, the outcome (None: national).
    place: RowPlace | None = None
    placed: Outcome | None = None

    @property
    def outcome(self) -> Outcome:
        return self.shape.outcome if self.placed is None else self.placed

    def cells(self) -> list[str]:
        """The CSV cells: id, the carried cells, then `RESULT_COLUMNS` after id."""
        return [
            self.id,
            *self.carried,
            *self.outcome.cells,
            "" if self.pay is None else self.pay.text,
        ]

    def record(self, carried_names: tuple[str, ...] = ()) -> dict[str, object]:
        """The JSON-lines object: the CSV columns with numbers as numbers and null for
        blank; a pay outside the published range is ``pay_percentile: null`` plus
        ``pay_outside_range: "below 10th"``; the carried columns, by name, under
        ``roster`` (an object, empty when there are none)."""
        o = self.outcome
        return {
            "id": self.id,
            "tier": o.tier,
            "tier_name": o.tier_name,
            "estimated_percentile": o.estimated_percentile,
            "wage_low": o.wage_low,
            "wage_low_kind": o.wage_low_kind,
            "wage_high": o.wage_high,
            "wage_high_kind": o.wage_high_kind,
            "top_next_step": o.top_next_step,
            "pay_percentile": None if self.pay is None else self.pay.percentile,
            "pay_outside_range": None if self.pay is None else self.pay.outside,
            "roster": dict(zip(carried_names, self.carried, strict=True)),
        }


class RowRejection(_Model):
    """A row that was not assessed: its physical line, its id (may be blank) and why."""

    line: int
    id: str
    reason: str


def read_header(cells: Sequence[str]) -> Header:
    """The header row, or InputError (exit 2) naming every required column it lacks.

    Names are matched case-insensitively with surrounding spaces ignored. A known
    column that appears twice is an error (which one would count?); every other column
    is carried through to the results, in roster order.
    """
    positions: dict[str, int] = {}
    carried: list[int] = []
    carried_names: list[str] = []
    taken = set(RESULT_COLUMNS) | {"roster", "pay_outside_range"}
    name_at: int | None = None
    for index, cell in enumerate(cells):
        name = cell.strip().lower()
        if name in COLUMNS:
            if name in positions:
                raise InputError(
                    f"column {name!r} appears twice in the header (columns "
                    f"{positions[name] + 1} and {index + 1}): keep one"
                )
            positions[name] = index
            if name not in SHOWN_COLUMNS:
                continue
        if name == NAME_COLUMN and name_at is None:
            name_at = index
        shown = cell.strip() or f"column {index + 1}"
        while shown.lower() in taken:
            shown = f"roster {shown}"
        taken.add(shown.lower())
        carried.append(index)
        carried_names.append(shown)
    missing = [name for name in REQUIRED_COLUMNS if name not in positions]
    if missing:
        plural = "s" if len(missing) > 1 else ""
        found = ", ".join(cell.strip() for cell in cells if cell.strip()) or "nothing"
        hint = (
            "the header is separated by ';': save the file as comma-separated CSV"
            if len(cells) == 1 and ";" in cells[0]
            else None
        )
        raise InputError(
            f"the roster lacks the required column{plural} {', '.join(missing)} (header "
            f"found: {cut(found, 120)}); the columns are {', '.join(REQUIRED_COLUMNS)} "
            f"and optionally {', '.join(OPTIONAL_COLUMNS)}",
            hint,
        )
    return Header.model_construct(
        positions=positions,
        width=len(cells),
        carried=tuple(carried),
        carried_names=tuple(carried_names),
        name=name_at,
    )


class RosterAssessor:
    """Turns data rows into results or rejections, remembering the work per shape.

    The caches are an optimization only: the answer for a row is the same with or
    without them, because every step (parsing, `assess`) is a pure function of its
    inputs.
    """

    def __init__(
        self,
        catalog: Catalog,
        header: Header,
        cache_size: int = CACHE_SIZE,
        override: Path | None = None,
    ) -> None:
        self._catalog = catalog
        self._override = override
        pos = header.positions
        self._width = header.width
        self._id = pos["id"]
        #: Where the cells that make a profile are (None: no such column); the
        #: cells as written are the first cache's key.
        self._shape_at = tuple(pos.get(name) for name in SHAPE_COLUMNS)
        self._carried = header.carried
        self._name_at = header.name
        self._ends_at = pos.get("program_ends")
        self._pay_column = pos.get("pay")
        state_at, area_at = pos.get("state"), pos.get("area")
        #: Where the state and area cells are; None when the roster has neither column.
        self._place_at = None if state_at is None and area_at is None else (state_at, area_at)
        #: Each place's table by its code, filled as rows name places.
        self._tables: dict[str, WageTable] = {}
        self._cert_order = {cert.id: index for index, cert in enumerate(catalog.certifications)}
        self.shape = functools.lru_cache(maxsize=cache_size)(self._shape)
        self.outcome = functools.lru_cache(maxsize=cache_size)(self._outcome)
        self.placed = functools.lru_cache(maxsize=cache_size)(self._placed)
        self.pay = functools.lru_cache(maxsize=cache_size)(self._pay)
        self.program_ends = functools.lru_cache(maxsize=cache_size)(parse_program_end)
        #: Few places, many rows: every distinct (state, area) pair is kept.
        self.place = functools.lru_cache(maxsize=None)(self._place)

    def row(self, line: int, cells: Sequence[str]) -> RosterResult | RowRejection:
        """One data row (already known not to be blank) at physical line `line`.

        The common case (a row as wide as the header, every value fine) takes two
        cache look-ups and one model; everything else takes the slower, wordier path.
        """
        width = self._width
        if len(cells) != width:
            if len(cells) > width and any(value.strip() for value in cells[width:]):
                return RowRejection.model_construct(
                    line=line,
                    id=cells[self._id].strip(),
                    reason=(
                        f"the row has {len(cells)} cells but the header has {width}: check "
                        "for an unquoted comma in a value"
                    ),
                )
            cells = [*cells[:width], *[""] * (width - len(cells))]
        row_id = cells[self._id].strip()
        shape = self.shape(tuple("" if at is None else cells[at] for at in self._shape_at))
        where: RowPlace | str | None = None
        if self._place_at is not None:
            state_at, area_at = self._place_at
            where = self.place(
                "" if state_at is None else cells[state_at],
                "" if area_at is None else cells[area_at],
            )
        code = where.where.code if type(where) is RowPlace else None
        pay = None if self._pay_column is None else self.pay(cells[self._pay_column], code)
        ends = None if self._ends_at is None else self.program_ends(cells[self._ends_at].strip())
        if (
            row_id
            and type(shape) is Shape
            and not isinstance(pay, str)
            and not isinstance(ends, str)
            and not isinstance(where, str)
        ):
            name = None if self._name_at is None else person_name(cells[self._name_at])
            return RosterResult(
                line=line,
                id=row_id,
                shape=shape,
                pay=pay,
                carried=tuple(cells[at] for at in self._carried),
                name=name,
                program_ends=ends,
                place=where,
                placed=None if code is None else self.placed(shape.key, code),
            )
        problems: list[str] = []
        if not row_id:
            problems.append("id is blank: give each row an id (a student number or initials)")
        for problem in (shape, where, pay, ends):
            if isinstance(problem, str):
                problems.append(problem)
        return RowRejection.model_construct(
            line=line, id=row_id, reason=PROBLEM_SEPARATOR.join(problems)
        )

    # Cached steps --------------------------------------------------------------------

    def _shape(self, values: tuple[str, ...]) -> Shape | str:
        """The shape for the cells as written, or every problem in them in one string."""
        (
            years_text,
            certs_text,
            setting_text,
            specialty_text,
            leads_text,
            education_text,
            accredited_text,
        ) = (value.strip() for value in values)
        catalog = self._catalog
        problems: list[str] = []
        years = _attempt(problems, lambda: parse_years(years_text))
        certs = _attempt(problems, lambda: self._certs(certs_text))
        if not setting_text and years == 0:  # a class of students needs no setting column
            setting_text = catalog.eligibility.student.id
        setting = _attempt(problems, lambda: _setting(catalog, setting_text))
        specialty = _attempt(
            problems, lambda: resolve_specialty(catalog, specialty_text, option="specialty")
        )
        leads = _attempt(
            problems, lambda: resolve_leads(catalog, leads_text or "none", option="leads")
        )
        education = _attempt(
            problems, lambda: resolve_education(catalog, education_text, option="education")
        )
        accredited = _attempt(problems, lambda: parse_accredited(accredited_text))
        if years is not None and setting is not None and leads is not None:
            student = Profile.model_construct(years=years, setting=setting, leads=leads)
            _attempt(problems, lambda: check_student(student, catalog, option="setting"))
        if problems:
            return PROBLEM_SEPARATOR.join(problems)
        assert years is not None and certs is not None and setting is not None
        assert leads is not None
        ids = tuple(cert_id for cert_id, _ in certs)
        key: ProfileKey = (years, ids, setting, specialty, leads, education, accredited)
        return Shape(
            key=key,
            earned=tuple(month for _, month in certs),
            outcome=self.outcome(key),
        )

    def _certs(self, text: str) -> tuple[tuple[str, str | None], ...]:
        """(id, month earned or None) in catalog order, each id once (the latest month
        when one is named twice); blank or 'none' is none."""
        if text.strip().lower() == "none":  # blank needs no test: it has no parts
            return ()
        found: dict[str, str | None] = {}
        for part in re.split(r"[;,]", text):
            if not part.strip():
                continue
            cert_text, month = _earned_month(part.strip())
            cert_id = resolve_cert(self._catalog, cert_text, option="certifications")
            before = found.get(cert_id)
            found[cert_id] = max(before, month) if before and month else (month or before)
        ordered = sorted(found, key=self._cert_order.__getitem__)
        return tuple((cert_id, found[cert_id]) for cert_id in ordered)

    def _place(self, state_text: str, area_text: str) -> RowPlace | str | None:
        """The place a row's state or area cell names (blank: None, the national
        table), or the problem with it, closest names included (cached on the cells as
        written, so they are stripped here, once per distinct pair)."""
        state_text, area_text = state_text.strip(), area_text.strip()
        if not state_text and not area_text:
            return None
        catalog = self._catalog
        try:
            if state_text and area_text:
                raise InputError(
                    "give a state or an area, not both (an area already names its state)"
                )
            if state_text:
                where = resolve_state(catalog, state_text, option="state")
            else:
                from maplanner.catalog.areas import area_rows

                rows = area_rows(catalog, self._override)
                where = resolve_area(rows, area_text, option="area")
        except InputError as error:
            return error.message
        table = place_table(catalog, self._override, where)
        if isinstance(table, str):
            return f"{where.name}: BLS publishes no MA table there ({table})"
        self._tables[where.code] = table
        better = best_area(catalog, self._override, where)
        return RowPlace(where=where, table=table, better=better)

    def _placed(self, key: ProfileKey, code: str) -> Outcome:
        """The profile's outcome with its dollar range in the table of the place whose
        code is `code`: only the dollars depend on the table, so `brief` is not rerun."""
        national = self.outcome(key)
        wages = wage_range(national.estimated_percentile, self._catalog, self._tables[code])
        fields = {
            **{name: getattr(national, name) for name in Outcome.model_fields},
            "wage_low": round(wages.low.annual),
            "wage_low_kind": wages.low.kind,
            "wage_high": round(wages.high.annual),
            "wage_high_kind": wages.high.kind,
        }
        return Outcome.model_construct(**fields)

    def _outcome(self, key: ProfileKey) -> Outcome:
        """`maplanner.core.rules.brief`: what a results row shows of `assess`.

        Keyed by the normalized answers as a plain tuple (ids in canonical form and
        catalog order), not by the Profile model: a tuple of shared id strings costs
        far less memory to keep than a model per distinct profile.
        """
        years, certs, setting, specialty, leads, education, accredited = key
        profile = Profile.model_construct(
            years=years,
            certs=tuple(HeldCert.model_construct(id=cert_id) for cert_id in certs),
            setting=setting,
            specialty=specialty,
            leads=leads,
            education=education,
            accredited=accredited,
        )
        result = brief(profile, self._catalog)
        wages = result.range
        top = result.top_next_step
        certification = result.top_certification
        return Outcome.model_construct(
            tier=result.tier,
            tier_name=result.tier_name,
            estimated_percentile=result.estimated_percentile,
            wage_low=round(wages.low.annual),
            wage_low_kind=wages.low.kind,
            wage_high=round(wages.high.annual),
            wage_high_kind=wages.high.kind,
            top_next_step=None if top is None else top.title,
            top_next_certification=None if certification is None else certification.id,
        )

    def _pay(self, text: str, code: str | None = None) -> PayPercentile | str | None:
        """None when blank, the pay's standing (in the table of the place whose code
        is `code`, else the national one), or the problem with it."""
        if not text.strip():
            return None
        try:
            pay = parse_pay(text, "pay")
        except InputError as error:
            return error.message
        table = self._catalog.wages if code is None else self._tables[code]
        standing = percentile_of(table, pay.annual(table.hours_per_year))
        if standing.percentile is not None:
            return PayPercentile.model_construct(
                percentile=round(standing.percentile, 1), outside=None, given=pay
            )
        points = table.percentiles
        outside = (
            f"below {ordinal(points[0].percentile)}"
            if standing.kind == "below-range"
            else f"above {ordinal(points[-1].percentile)}"
        )
        return PayPercentile.model_construct(percentile=None, outside=outside, given=pay)


def parse_years(text: str) -> float:
    """Years as written in a roster: a plain decimal number from 0 to 60."""
    if not text:
        raise InputError(f"years is blank: {_YEARS_ACCEPTED}")
    if not _NUMBER.match(text):
        raise InputError(f"years {quoted(text)} is not a number of years: {_YEARS_ACCEPTED}")
    return check_years(float(text), option="years")


def _earned_month(text: str) -> tuple[str, str | None]:
    """'CMA 2023-04' -> ('CMA', '2023-04'); 'CMA' -> ('CMA', None); InputError for a
    month that is not one."""
    match = _EARNED.match(text)
    if match is None:
        return text, None
    month = match["month"]
    if not 1 <= int(month[5:]) <= 12 or month.startswith("0000"):
        raise InputError(
            f"certifications {quoted(text)} has {month!r}, which is not a month: write the "
            "month earned or last renewed as YYYY-MM after the id, like 'CMA 2023-04'"
        )
    return match["cert"], month


def parse_program_end(text: str) -> date | str | None:
    """The day a student finishes their program: YYYY-MM-DD, or YYYY-MM meaning that
    month's last day; None when blank; the problem (a string) otherwise."""
    if not text:
        return None
    match = _DAY.match(text)
    problem = (
        f"program_ends {quoted(text)} is not a date: use YYYY-MM-DD (or YYYY-MM) for the day "
        "the student finishes the MA program, or leave it blank"
    )
    if match is None:
        return problem
    year, month = int(match["year"]), int(match["month"])
    try:
        if match["day"] is None:
            return date(year, month, calendar.monthrange(year, month)[1])
        return date(year, month, int(match["day"]))
    except ValueError:
        return problem


#: The longest name printed on a plan; longer ones are cut, ending in "…".
MAX_NAME = 80


def person_name(text: str) -> str | None:
    """A name cell as it goes on a plan: one line of printable text, at most MAX_NAME
    characters; None when blank."""
    flat = " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())
    return cut(flat, MAX_NAME) if flat else None


def _setting(catalog: Catalog, text: str) -> str:
    if not text:
        choices = ", ".join(setting.id for setting in catalog.settings)
        student = catalog.eligibility.student.id
        raise InputError(
            f"setting is blank: choose one of: {choices} (or {student}, or leave it blank "
            "with years 0)"
        )
    return resolve_setting(catalog, text, option="setting")


def _attempt(problems: list[str], step: Callable[[], T]) -> T | None:
    """Run one parsing step; on InputError note its message and return None."""
    try:
        return step()
    except InputError as error:
        problems.append(error.message)
        return None
