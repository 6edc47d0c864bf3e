"""A class roster, row by row: check each row's answers and assess the person.

Pure: cells (strings) in, models out; the file reading and writing live in
`maplanner.batch_io`. Each data row becomes exactly one `RosterResult` or one
`RowRejection` (never nothing), so rows in = rows written + rows rejected.

Columns (header names in any case, in any order):

- required: id, years, certifications, setting, specialty, leads;
- optional: pay, education, accredited.

Values: years is a number from 0 to 60; certifications are ids, names or aliases
separated by ";" (or "," inside a quoted cell), blank or "none" for none; specialty
and leads are blank or "none" for none; pay is blank when not given, otherwise
anything `maplanner assess --pay` accepts (46k, $46,000, 22.50/h). setting may be
`student` (in an MA program, not working yet; years must be 0). education is blank
or a level as for `--education`; accredited is blank (not known), yes or no.

Speed: rosters repeat the same shapes (a class of students is mostly "0 years, no
certifications, family practice"), and the rules are pure, so the work for one
shape is remembered in bounded caches: by the cells as written, then by the
normalized answers (so "cma;bls" and "BLS; CMA" share one assessment). The caches
have a fixed size, so memory stays flat however long the roster is.
"""

import dataclasses
import functools
import operator
import re
from collections.abc import Callable, Sequence
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict

from maplanner.catalog.catalog import Catalog
from maplanner.core.money import parse_pay
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
from maplanner.core.rules import brief
from maplanner.core.text import ordinal
from maplanner.core.wages import percentile_of
from maplanner.errors import InputError

REQUIRED_COLUMNS = ("id", "years", "certifications", "setting", "specialty", "leads")
OPTIONAL_COLUMNS = ("pay", "education", "accredited")
COLUMNS = (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS)

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

_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$")
_YEARS_ACCEPTED = "use a number from 0 to 60 (decimals allowed, 0 for students)"

T = TypeVar("T")
#: Normalized answers: years, certification ids, setting, specialty, leads, education,
#: accredited.
ProfileKey = tuple[float, tuple[str, ...], str, str | None, str, str | None, bool | None]
WageKind = Literal["published", "estimate", "at-or-below", "at-or-above"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Header(_Model):
    """Where each known column is, how wide a row is, and which columns are ignored."""

    positions: dict[str, int]
    width: int
    ignored: tuple[str, ...]


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
    """Where a row's pay stands: a percentile inside the published range, else the band."""

    percentile: float | None
    outside: str | None

    @functools.cached_property
    def text(self) -> str:
        """'61.4', '75' or 'below 10th': the results cell."""
        if self.percentile is not None:
            return f"{self.percentile:g}"
        return self.outside or ""


@dataclasses.dataclass(frozen=True, slots=True)
class RosterResult:
    """One results row: the row's id, its outcome, and its pay percentile if pay was given.

    A plain frozen dataclass, not a model: one is made for every row of a roster, from
    parts that were validated (and cached) when they were made, and validating them
    again per row would cost more than assessing the row.
    """

    line: int
    id: str
    outcome: Outcome
    pay: PayPercentile | None

    def cells(self) -> list[str]:
        """The CSV cells, in `RESULT_COLUMNS` order."""
        return [self.id, *self.outcome.cells, "" if self.pay is None else self.pay.text]

    def record(self) -> dict[str, object]:
        """The JSON-lines object: the CSV columns with numbers as numbers and null for
        blank; a pay outside the published range is ``pay_percentile: null`` plus
        ``pay_outside_range: "below 10th"``."""
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
        }


class RowRejection(_Model):
    """A row that was not assessed: its physical line, its id (may be blank) and why."""

    line: int
    id: str
    reason: str


def read_header(cells: Sequence[str]) -> Header:
    """The header row, or InputError (exit 2) naming every required column it lacks.

    Names are matched case-insensitively with surrounding spaces ignored. A column that
    appears twice is an error (which one would count?); unknown columns are ignored
    and listed in ``ignored`` so the caller can say so once.
    """
    names = [cell.strip().lower() for cell in cells]
    positions: dict[str, int] = {}
    ignored: list[str] = []
    for index, (name, cell) in enumerate(zip(names, cells, strict=True)):
        if name in COLUMNS:
            if name in positions:
                raise InputError(
                    f"column {name!r} appears twice in the header (columns "
                    f"{positions[name] + 1} and {index + 1}): keep one"
                )
            positions[name] = index
        else:
            ignored.append(cell.strip() or f"column {index + 1} (no name)")
    missing = [name for name in REQUIRED_COLUMNS if name not in positions]
    if missing:
        plural = "s" if len(missing) > 1 else ""
        found = ", ".join(cell.strip() for cell in cells if cell.strip()) or "nothing"
        hint = None
        if len(cells) == 1 and ";" in cells[0]:
            hint = "the header is separated by ';': save the file as comma-separated CSV"
        raise InputError(
            f"the roster lacks the required column{plural} {', '.join(missing)} (header "
            f"found: {_cut(found, 120)}); the columns are {', '.join(REQUIRED_COLUMNS)} "
            "and optionally pay, education and accredited",
            hint,
        )
    return Header.model_construct(positions=positions, width=len(cells), ignored=tuple(ignored))


class RosterAssessor:
    """Turns data rows into results or rejections, remembering the work per shape.

    The caches are an optimization only: the answer for a row is the same with or
    without them, because every step (parsing, `assess`) is a pure function of its
    inputs.
    """

    def __init__(self, catalog: Catalog, header: Header, cache_size: int = CACHE_SIZE) -> None:
        self._catalog = catalog
        self._header = header
        pos = header.positions
        self._width = header.width
        self._id = pos["id"]
        #: The five cells that make a profile, as written: the first cache's key.
        self._shape_cells = operator.itemgetter(
            *(pos[name] for name in ("years", "certifications", "setting", "specialty", "leads"))
        )
        self._pay_column = pos.get("pay")
        #: Optional answers that change eligibility; a missing column reads as blank.
        self._optional = tuple(pos.get(name) for name in ("education", "accredited"))
        self._cert_order = {cert.id: index for index, cert in enumerate(catalog.certifications)}
        self.shape = functools.lru_cache(maxsize=cache_size)(self._shape)
        self.outcome = functools.lru_cache(maxsize=cache_size)(self._outcome)
        self.pay = functools.lru_cache(maxsize=cache_size)(self._pay)

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
        optional = tuple("" if index is None else cells[index] for index in self._optional)
        shape = self.shape((*self._shape_cells(cells), *optional))
        pay = None if self._pay_column is None else self.pay(cells[self._pay_column])
        if row_id and isinstance(shape, Outcome) and not isinstance(pay, str):
            return RosterResult(line=line, id=row_id, outcome=shape, pay=pay)
        problems: list[str] = []
        if not row_id:
            problems.append("id is blank: give each row an id (a student number or initials)")
        for problem in (shape, pay):
            if isinstance(problem, str):
                problems.append(problem)
        return RowRejection.model_construct(
            line=line, id=row_id, reason=PROBLEM_SEPARATOR.join(problems)
        )

    # Cached steps --------------------------------------------------------------------

    def _shape(self, values: tuple[str, ...]) -> Outcome | str:
        """The outcome for the cells as written, or every problem in them in one string."""
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
        accredited = _attempt(
            problems, lambda: parse_accredited(accredited_text, option="accredited")
        )
        if years is not None and setting is not None and leads is not None:
            student = Profile.model_construct(years=years, setting=setting, leads=leads)
            _attempt(problems, lambda: check_student(student, catalog, option="setting"))
        if problems:
            return PROBLEM_SEPARATOR.join(problems)
        assert years is not None and certs is not None and setting is not None
        assert leads is not None
        return self.outcome((years, certs, setting, specialty, leads, education, accredited))

    def _certs(self, text: str) -> tuple[str, ...]:
        """Certification ids in catalog order, each once; blank or 'none' is none."""
        if text.strip().lower() in {"", "none"}:
            return ()
        found = {
            resolve_cert(self._catalog, part, option="certifications")
            for part in re.split(r"[;,]", text)
            if part.strip()
        }
        return tuple(sorted(found, key=self._cert_order.__getitem__))

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

    def _pay(self, text: str) -> PayPercentile | str | None:
        """None when blank, the pay's standing, or the problem with it."""
        if not text.strip():
            return None
        try:
            pay = parse_pay(text, "pay")
        except InputError as error:
            return error.message
        table = self._catalog.wages
        standing = percentile_of(table, pay.annual(table.hours_per_year))
        if standing.percentile is not None:
            return PayPercentile.model_construct(
                percentile=round(standing.percentile, 1), outside=None
            )
        points = table.percentiles
        outside = (
            f"below {ordinal(points[0].percentile)}"
            if standing.kind == "below-range"
            else f"above {ordinal(points[-1].percentile)}"
        )
        return PayPercentile.model_construct(percentile=None, outside=outside)


def parse_years(text: str) -> float:
    """Years as written in a roster: a plain decimal number from 0 to 60."""
    if not text:
        raise InputError(f"years is blank: {_YEARS_ACCEPTED}")
    if not _NUMBER.match(text):
        raise InputError(f"years {_cut(text)!r} is not a number of years: {_YEARS_ACCEPTED}")
    return check_years(float(text), option="years")


def _setting(catalog: Catalog, text: str) -> str:
    if not text:
        choices = ", ".join(setting.id for setting in catalog.settings)
        raise InputError(f"setting is blank: choose one of: {choices}")
    return resolve_setting(catalog, text, option="setting")


def _attempt(problems: list[str], step: Callable[[], T]) -> T | None:
    """Run one parsing step; on InputError note its message and return None."""
    try:
        return step()
    except InputError as error:
        problems.append(error.message)
        return None


def _cut(text: str, limit: int = 40) -> str:
    """A value as typed, cut short so a message stays one readable line."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
