"""OEWS tables for one place or occupation, and the area file read only when asked.

Why a separate file for areas: every run needs the national tables, but only a run
given --state or --area needs the 577 places' rows. The shipped data/oews-areas.csv is
checked against the SHA-256 that data/oews.toml records for it (damage is an error
naming the file) and then only the rows a command asks for are validated. A school's
own oews-areas.csv in the --data-dir folder has no recorded checksum, so all of its
rows are validated when it is first read.
"""

import csv
import functools
import hashlib
import itertools
from pathlib import Path
from typing import Literal, NamedTuple

from pydantic import ValidationError

from maplanner.catalog.catalog import Catalog
from maplanner.catalog.oews import MEASURES, Figures
from maplanner.catalog.oews_tables import table_from_figures as table_from_figures
from maplanner.errors import DataError

AREAS_FILE = "oews-areas.csv"
MAX_AREA_BYTES = 5_000_000
COLUMNS = ("area_code", "area_type", "state_fips", "area_name", "soc_code", *MEASURES, "footnotes")


class Place(NamedTuple):
    """A state or territory, or a metropolitan or nonmetropolitan area, as OEWS names it.

    A plain tuple, not a model: it is made from checked data only, and defining it costs
    next to nothing at start-up."""

    kind: Literal["national", "state", "area"]
    code: str
    name: str
    state_fips: str
    postal: str | None = None


NATIONAL = Place(
    kind="national", code="0000000", name="United States", state_fips="00", postal=None
)


class AreaRows:
    """The area file by place: each place's lines are parsed (and, for a folder's own
    file, validated) only when a command first asks for that place."""

    def __init__(self, path: Path, lines: list[str], trusted: bool):
        self.path = path
        #: The shipped file matched its recorded checksum: its rows are the script's own
        #: output, which the test suite validates row by row, so they are not checked again.
        self.trusted = trusted
        self._lines = lines  # the file's lines after the header
        self._blocks: dict[str, list[int]] = {}  # area code -> its line numbers
        start = 0  # by runs of one code: the file keeps an area's rows together
        for code, run in itertools.groupby([line[:7] for line in lines]):
            end = start + sum(1 for _ in run)
            if code:
                self._blocks.setdefault(code, []).extend(range(start, end))
            start = end
        self._parsed: dict[str, dict[str, list[str]]] = {}
        self._named: dict[str, tuple[str, str, str]] | None = None

    @property
    def _names(self) -> dict[str, tuple[str, str, str]]:
        """(area type, name, state FIPS) by area code, from each place's first line;
        read when first asked for (a --state run needs only its own state's lines)."""
        if self._named is None:
            firsts = [self._lines[numbers[0]] for numbers in self._blocks.values()]
            named: dict[str, tuple[str, str, str]] = {}
            for code, row in zip(self._blocks, csv.reader(firsts), strict=True):
                self._check(row, self._blocks[code][0])
                named[code] = (row[1], row[3], row[2])
            self._named = named
        return self._named

    def _check(self, row: list[str], number: int) -> None:
        line = number + 2  # 1-based, after the header
        if len(row) != len(COLUMNS):
            raise DataError(f"data error in {self.path}: line {line} has {len(row)} fields")
        if row[1] not in ("S", "M"):
            raise DataError(f"data error in {self.path}: line {line}: area_type must be S or M")

    def _block(self, code: str) -> dict[str, list[str]]:
        """One place's rows by SOC code, parsed the first time they are asked for."""
        found = self._parsed.get(code)
        if found is not None:
            return found
        numbers = self._blocks.get(code, [])
        rows: dict[str, list[str]] = {}
        for number, row in zip(numbers, csv.reader(self._lines[n] for n in numbers), strict=True):
            self._check(row, number)
            if row[0] != code or row[4] in rows:
                raise DataError(
                    f"data error in {self.path}: line {number + 2} repeats or misplaces "
                    f"{row[0]} {row[4]} (rows are grouped by area, one per occupation)"
                )
            rows[row[4]] = row
        self._parsed[code] = rows
        return rows

    def places(self) -> list[Place]:
        """Every metropolitan and nonmetropolitan area (states come from oews.toml)."""
        return [
            Place(kind="area", code=code, name=name, state_fips=fips, postal=None)
            for code, (kind, name, fips) in self._names.items()
            if kind == "M"
        ]

    def figures(self, place: Place, soc: str) -> Figures | None:
        row = self._block(place.code).get(soc)
        return None if row is None else self._figures(row)

    def _figures(self, row: list[str]) -> Figures:
        record = dict(zip(COLUMNS, row, strict=True))
        if not self.trusted:
            return _validate(self.path, record)
        values = _values(record)
        return Figures.model_construct(**values)  # type: ignore[arg-type]

    def state_medians(self, soc: str) -> dict[str, Figures]:
        """Every state's row for an occupation, by area code."""
        found = {}
        for code, (kind, _, _) in self._names.items():
            row = self._block(code).get(soc) if kind == "S" else None
            if row is not None:
                found[code] = self._figures(row)
        return found

    def validate_all(self) -> int:
        """Check every row with the model (the tests do this for the shipped file)."""
        count = 0
        for code in self._blocks:
            for row in self._block(code).values():
                _validate(self.path, dict(zip(COLUMNS, row, strict=True)))
                count += 1
        if count != sum(len(numbers) for numbers in self._blocks.values()):
            raise DataError(f"data error in {self.path}: an area's rows are not together")
        return count


def _values(row: dict[str, str]) -> dict[str, object]:
    """A row's figures as numbers, and its footnotes by measure."""
    values: dict[str, object] = dict.fromkeys(MEASURES)
    for name in MEASURES:
        text = row[name]
        if text:
            values[name] = float(text) if "." in text else int(text)
    notes = {}
    for part in filter(None, row["footnotes"].split(";")):
        name, _, code = part.partition("=")
        notes[name] = int(code)
    values["footnotes"] = notes
    return values


def _validate(path: Path, row: dict[str, str]) -> Figures:
    try:
        values = {k: v for k, v in _values(row).items() if v is not None}
        return Figures.model_validate(values)
    except (ValueError, ValidationError, KeyError) as exc:
        where = f"{row.get('area_name', '?')} {row.get('soc_code', '?')}"
        detail = str(exc).splitlines()[0] if not isinstance(exc, ValidationError) else None
        if isinstance(exc, ValidationError):
            from maplanner.catalog.loader import describe_validation_error

            detail = describe_validation_error(exc)
        raise DataError(f"data error in {path}: row {where}: {detail}") from None


def area_rows(catalog: Catalog, override: Path | None) -> AreaRows:
    """The area file (the override folder's copy if it has one), read once per process."""
    own = override is not None and (override / AREAS_FILE).is_file()
    from maplanner.catalog.loader import packaged_data_dir

    path = (override if own and override is not None else packaged_data_dir()) / AREAS_FILE
    expected = None if own else catalog.oews.release.areas_sha256
    try:
        info = path.stat()
        version = (info.st_mtime_ns, info.st_size)
    except OSError:
        version = (0, 0)  # _read reports the problem
    return _read(str(path), expected, version)


@functools.lru_cache(maxsize=2)
def _read(path_text: str, expected: str | None, version: tuple[int, int]) -> AreaRows:
    """The file's rows; `version` (mtime, size) keys the cache, so an edit is re-read."""
    path = Path(path_text)
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_AREA_BYTES + 1)
    except FileNotFoundError:
        raise DataError(f"data file {path} is missing") from None
    except OSError as exc:
        raise DataError(f"cannot read data file {path}: {exc.strerror or exc}") from None
    if len(raw) > MAX_AREA_BYTES:
        raise DataError(f"data error in {path}: larger than {MAX_AREA_BYTES:,} bytes")
    if expected is not None and hashlib.sha256(raw).hexdigest() != expected:
        raise DataError(
            f"data error in {path}: the file does not match the checksum oews.toml "
            "records for it (damaged or edited)",
            hint="reinstall maplanner, or put your own copy in a --data-dir folder",
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"data error in {path}: not UTF-8 text (byte {exc.start})") from None
    header, _, body = text.partition("\n")
    if tuple(header.split(",")) != COLUMNS:
        raise DataError(f"data error in {path}: the header must be {','.join(COLUMNS)}")
    rows = body.split("\n")
    result = AreaRows(path, rows, trusted=expected is not None)
    if expected is None:  # a folder's own file: check every row now (first lines first)
        result.places()
        result.validate_all()
    return result
