"""One printable plan per student, written into a folder while a batch streams.

Each plan is the HTML `maplanner report` writes for the same answers (the roster's
name at the top), built by the same code (`build_report`, `render_report`). The
work for one set of answers is done once: students with the same answers share one
report, and only the name differs.

File names come from the student's id, made safe for any file system (`safe_stem`):
letters, digits, '-', '_' and '.' are kept, anything else becomes '_'; Windows'
reserved names (CON, NUL, COM1, ...) and names starting with a dot get a '_' in
front; names are cut to `MAX_STEM` characters. Two ids that give the same name
(ignoring case, as Windows and macOS do) are both kept: the later one gains "-2",
"-3", ... Each file is written to a hidden part file and renamed into place, and is
readable by its owner only (a plan is personal data).
"""

import re
from datetime import date
from pathlib import Path

from maplanner.catalog.catalog import Catalog
from maplanner.core.money import Pay
from maplanner.core.profile import HeldCert, Profile
from maplanner.core.report import Report, build_report
from maplanner.core.roster import EarnedMonths, ProfileKey, RosterResult
from maplanner.errors import DataError, InputError
from maplanner.render.report_formats import render_report

#: The longest file name stem (the id's part); with ".html" and a "-NNNNNN" suffix it
#: stays well under the 255 bytes every common file system allows.
MAX_STEM = 100
#: Reports remembered per distinct answers (a fixed number: memory stays flat).
REPORTS_REMEMBERED = 2048
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"com{n}" for n in range(10)}
    | {f"lpt{n}" for n in range(10)}
    | {"com¹", "com²", "com³", "lpt¹", "lpt²", "lpt³"}
)
ReportKey = tuple[ProfileKey, EarnedMonths, Pay | None, str | None]


def safe_stem(row_id: str) -> str:
    """A file name stem from an id that every common file system accepts."""
    stem = _UNSAFE.sub("_", row_id.strip()).strip(" .")[:MAX_STEM].rstrip(" .")
    if not stem:
        return "student"
    if stem.startswith(".") or stem.split(".")[0].lower() in _RESERVED:
        stem = "_" + stem
    return stem


def check_folder(folder: Path, *, force: bool) -> None:
    """Before any work: a folder that exists and holds files needs --force (exit 2);
    something that is not a folder, or a missing parent, is exit 2 too."""
    text = str(folder)
    if "\x00" in text or not text.strip():
        raise InputError(f"--reports {text!r} is not a folder name: give one like plans")
    if folder.exists() and not folder.is_dir():
        raise InputError(f"--reports {folder} is not a folder: give a folder name like plans")
    if folder.is_dir():
        try:
            has_files = next(folder.iterdir(), None) is not None
        except OSError as error:
            raise DataError(f"cannot read {folder}: {error.strerror or error}") from None
        if has_files and not force:
            raise InputError(
                f"--reports {folder} already holds files: add --force to write plans into "
                "it (plans with the same names are replaced), or name an empty folder"
            )
        return
    if not folder.parent.is_dir():
        raise InputError(f"--reports {folder}: the folder {folder.parent} does not exist")


class PlanWriter:
    """Writes each assessed row's plan into `folder` (made, owner-only, if missing).

    It remembers every file name it has used (one short string per plan, so two ids
    never share a file) and at most REPORTS_REMEMBERED built reports.
    """

    def __init__(self, folder: Path, catalog: Catalog, today: date) -> None:
        self.folder = folder
        self.written = 0
        self._catalog = catalog
        self._today = today
        self._used: set[str] = set()
        self._reports: dict[ReportKey, Report] = {}
        try:
            folder.mkdir(mode=0o700, exist_ok=True)
        except OSError as error:
            raise DataError(f"cannot make {folder}: {error.strerror or error}") from None

    def file_name(self, row_id: str) -> str:
        """The next free name for this id (case-insensitive), '.html' included."""
        stem = safe_stem(row_id)
        name, number = stem, 1
        while name.lower() in self._used:
            number += 1
            name = f"{stem}-{number}"
        self._used.add(name.lower())
        return f"{name}.html"

    def report(self, row: RosterResult) -> Report:
        pay = None if row.pay is None else row.pay.given
        code = None if row.place is None else row.place.where.code
        key: ReportKey = (row.shape.key, row.shape.earned, pay, code)
        found = self._reports.get(key)
        if found is None:
            years, cert_ids, setting, specialty, leads, education, accredited = row.shape.key
            profile = Profile.model_construct(
                years=years,
                certs=tuple(
                    HeldCert.model_construct(id=cert_id, earned=earned)
                    for cert_id, earned in zip(cert_ids, row.shape.earned, strict=True)
                ),
                setting=setting,
                specialty=specialty,
                leads=leads,
                pay=pay,
                education=education,
                accredited=accredited,
            )
            where = None if row.place is None else row.place.where
            table = None if row.place is None else row.place.table
            found = build_report(
                profile,
                self._catalog,
                self._today,
                profile_from="roster",
                where=where,
                table=table,
                better=None if row.place is None else row.place.better,
            )
            if len(self._reports) >= REPORTS_REMEMBERED:
                self._reports.clear()
            self._reports[key] = found
        return found.model_copy(update={"prepared_for": row.name or row.id})

    def write(self, row: RosterResult) -> str:
        """Write the row's plan; returns the file name used."""
        name = self.file_name(row.id)
        text = render_report(self.report(row), "html")
        target = self.folder / name
        from maplanner.files import write_atomically

        try:  # whole or not at all (Ctrl-C too), private, never through a planted link
            write_atomically(target, text.encode("utf-8"), private=True)
        except OSError as error:
            raise DataError(f"cannot write {target}: {error.strerror or error}") from None
        self.written += 1
        return name
