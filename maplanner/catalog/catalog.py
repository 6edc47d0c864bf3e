"""The whole career catalog: every validated data file behind one object.

Why the files stay packed: each file's models are pydantic classes, and defining those
classes is a large part of a run's start-up. A catalog taken from the snapshot
(maplanner/catalog/snapshot.py) holds each file as bytes and unpacks one, importing its
models, only when a command first reads from it: `salary` never defines the models of
certifications, paths or the guide. A freshly validated catalog holds the models.
"""

import functools
import importlib
from collections.abc import Callable, Hashable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel

from maplanner.errors import DataError

if TYPE_CHECKING:
    from maplanner.catalog.certs import Certification
    from maplanner.catalog.eligibility import (
        CredentialRequirements,
        EducationLevel,
        EligibilityFile,
    )
    from maplanner.catalog.estimate import EstimateFile, LeadershipLevel
    from maplanner.catalog.guide import GuideTopic
    from maplanner.catalog.levers import LeversFile
    from maplanner.catalog.oews import OewsFile
    from maplanner.catalog.path_occupations import PathOccupation
    from maplanner.catalog.paths import CareerPath
    from maplanner.catalog.roadmap import RoadmapBand
    from maplanner.catalog.skills import SkillsFile
    from maplanner.catalog.sources import Source
    from maplanner.catalog.specialties import Specialty
    from maplanner.catalog.tiers import Placement, Tier
    from maplanner.catalog.wages import Industry, Outlook, WageTable
    from maplanner.catalog.work_settings import WorkSetting

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)
V = TypeVar("V")

#: Every data file and the model of its whole document, as (module, class) so that
#: naming a file does not import its models.
FILES: dict[str, tuple[str, str]] = {
    "sources.toml": ("maplanner.catalog.sources", "SourcesFile"),
    "wages.toml": ("maplanner.catalog.wages", "WagesFile"),
    "outlook.toml": ("maplanner.catalog.wages", "OutlookFile"),
    "tiers.toml": ("maplanner.catalog.tiers", "TiersFile"),
    "settings.toml": ("maplanner.catalog.work_settings", "SettingsFile"),
    "specialties.toml": ("maplanner.catalog.specialties", "SpecialtiesFile"),
    "certifications.toml": ("maplanner.catalog.certs", "CertificationsFile"),
    "roadmap.toml": ("maplanner.catalog.roadmap", "RoadmapFile"),
    "skills.toml": ("maplanner.catalog.skills", "SkillsFile"),
    "paths.toml": ("maplanner.catalog.paths", "PathsFile"),
    "estimate.toml": ("maplanner.catalog.estimate", "EstimateFile"),
    "guide.toml": ("maplanner.catalog.guide", "GuideFile"),
    "eligibility.toml": ("maplanner.catalog.eligibility", "EligibilityFile"),
    "levers.toml": ("maplanner.catalog.levers", "LeversFile"),
    "oews.toml": ("maplanner.catalog.oews", "OewsFile"),
    "path_occupations.toml": ("maplanner.catalog.path_occupations", "PathOccupationsFile"),
}

#: The OEWS occupation of Medical Assistants.
MA_SOC = "31-9092"
#: The release the May 2024 tables in wages.toml belong to (the guides' vintage), kept
#: as `--release 2024`; the default is always the latest (data/oews.toml).
EARLIER_RELEASE = "2024"

#: What the catalog offers, in the order the cross-checks walk it.
SECTIONS = (
    "data_vintage",
    "sources",
    "wages",
    "industries",
    "outlook",
    "tiers",
    "placement",
    "settings",
    "specialties",
    "certifications",
    "renewal_due_soon_months",
    "renewal_reminder_days",
    "roadmap_max_year",
    "roadmap",
    "skills",
    "paths",
    "estimate",
    "guide",
    "eligibility",
    "levers",
    "oews",
    "path_occupations",
)

#: Derived values kept per catalog at most; the memo starts over past this many.
MEMO_LIMIT = 10_000

#: Turns a packed file back into its model: (file name, bytes) -> model.
Unpack = Callable[[str, bytes], BaseModel]


def file_model(name: str) -> type[BaseModel]:
    """The model class of a data file's whole document (imports its module)."""
    module, attribute = FILES[name]
    found = getattr(importlib.import_module(module), attribute)
    assert isinstance(found, type) and issubclass(found, BaseModel)
    return found


class Catalog:
    """Everything maplanner knows; its files were validated together, so no reference
    between them dangles. Read-only: every section is the validated data as loaded."""

    def __init__(self, files: Mapping[str, BaseModel | bytes], unpack: Unpack | None = None):
        missing = set(FILES) - set(files)
        if missing:
            raise ValueError(f"a catalog needs every data file; missing {sorted(missing)}")
        self._files: dict[str, BaseModel | bytes] = dict(files)
        self._unpack = unpack
        # Derived values are pure functions of this catalog, so they are kept beside it:
        # the id indexes below, and whatever the rules memoize (batch runs look the same
        # things up hundreds of thousands of times).
        self._memo: dict[Hashable, Any] = {}

    def file(self, name: str, model: type[M]) -> M:
        """One data file's validated document, unpacked the first time it is asked for."""
        held = self._files[name]
        if isinstance(held, bytes):
            if self._unpack is None:
                raise DataError(f"the catalog holds {name} packed and cannot unpack it")
            held = self._files[name] = self._unpack(name, held)
        if not isinstance(held, model):
            raise DataError(f"the catalog's copy of {name} is not a {model.__name__}")
        return held

    def files(self) -> dict[str, BaseModel]:
        """Every data file's document (unpacks them all)."""
        return {name: self.file(name, file_model(name)) for name in FILES}

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Catalog):
            return NotImplemented
        return self is other or self.files() == other.files()

    __hash__ = None  # type: ignore[assignment]  # equal by content, like the lists it holds

    def memo(self, key: Hashable, make: Callable[[], V]) -> V:
        """The value for `key`, made once per catalog by `make` (a pure function).

        The rules' keys start with the function that makes the value, so no two kinds
        of value can share a key."""
        try:
            return self._memo[key]  # type: ignore[no-any-return]
        except KeyError:
            if len(self._memo) >= MEMO_LIMIT:
                self._memo.clear()
            value = self._memo[key] = make()
            return value

    def _index(self, name: str, items: "list[T]") -> dict[str, T]:
        return self.memo(("index", name), lambda: {i.id: i for i in items})  # type: ignore[attr-defined]

    # Sections ------------------------------------------------------------------
    # Each imports its file's models only when first read; later reads are plain
    # attribute lookups (cached_property), as cheap as the fields they replace.

    @functools.cached_property
    def sources(self) -> "list[Source]":
        from maplanner.catalog.sources import SourcesFile

        return self.file("sources.toml", SourcesFile).source

    @functools.cached_property
    def oews(self) -> "OewsFile":
        from maplanner.catalog.oews import OewsFile

        return self.file("oews.toml", OewsFile)

    @functools.cached_property
    def path_occupations(self) -> "list[PathOccupation]":
        from maplanner.catalog.path_occupations import PathOccupationsFile

        return self.file("path_occupations.toml", PathOccupationsFile).path

    @functools.cached_property
    def wages(self) -> "WageTable":
        """The latest release's national table for Medical Assistants (the default)."""
        return self.wage_table(self.latest_release)

    @functools.cached_property
    def latest_release(self) -> str:
        return self.oews.release.year

    @property
    def releases(self) -> tuple[str, ...]:
        """The releases of the national MA table maplanner holds, newest first."""
        return (self.latest_release, EARLIER_RELEASE)

    def wage_table(self, release: str) -> "WageTable":
        """The national MA table of one release ('2025', '2024')."""

        def make() -> "WageTable":
            from maplanner.catalog.wages import WagesFile

            if release == EARLIER_RELEASE:
                return self.file("wages.toml", WagesFile).wages
            from maplanner.catalog.oews_tables import national_table

            return national_table(self, MA_SOC)

        return self.memo(("wage-table", release), make)

    @functools.cached_property
    def data_vintage(self) -> str:
        return self.wages.vintage

    @functools.cached_property
    def industries(self) -> "list[Industry]":
        """The settings' industries with the latest release's MA median in each."""
        return self.industries_of(self.latest_release)

    def industries_of(self, release: str) -> "list[Industry]":
        from maplanner.catalog.wages import WagesFile

        earlier = self.file("wages.toml", WagesFile).industry
        if release == EARLIER_RELEASE:
            return earlier

        def make() -> "list[Industry]":
            from maplanner.catalog.oews_tables import latest_industries

            return latest_industries(self, earlier)

        return self.memo(("industries", release), make)

    @functools.cached_property
    def outlook(self) -> "Outlook":
        from maplanner.catalog.wages import OutlookFile

        return self.file("outlook.toml", OutlookFile).outlook

    @functools.cached_property
    def tiers(self) -> "list[Tier]":
        from maplanner.catalog.tiers import TiersFile

        return self.file("tiers.toml", TiersFile).tier

    @functools.cached_property
    def placement(self) -> "Placement":
        from maplanner.catalog.tiers import TiersFile

        return self.file("tiers.toml", TiersFile).placement

    @functools.cached_property
    def settings(self) -> "list[WorkSetting]":
        from maplanner.catalog.work_settings import SettingsFile

        return self.file("settings.toml", SettingsFile).setting

    @functools.cached_property
    def specialties(self) -> "list[Specialty]":
        from maplanner.catalog.specialties import SpecialtiesFile

        return self.file("specialties.toml", SpecialtiesFile).specialty

    @functools.cached_property
    def certifications(self) -> "list[Certification]":
        from maplanner.catalog.certs import CertificationsFile

        return self.file("certifications.toml", CertificationsFile).certification

    @functools.cached_property
    def renewal_reminder_days(self) -> list[int]:
        from maplanner.catalog.certs import CertificationsFile

        return self.file("certifications.toml", CertificationsFile).renewals.reminder_days

    @functools.cached_property
    def renewal_due_soon_months(self) -> int:
        from maplanner.catalog.certs import CertificationsFile

        return self.file("certifications.toml", CertificationsFile).renewals.due_soon_months

    @functools.cached_property
    def roadmap_max_year(self) -> int:
        from maplanner.catalog.roadmap import RoadmapFile

        return self.file("roadmap.toml", RoadmapFile).max_year

    @functools.cached_property
    def roadmap(self) -> "list[RoadmapBand]":
        from maplanner.catalog.roadmap import RoadmapFile

        return self.file("roadmap.toml", RoadmapFile).band

    @functools.cached_property
    def skills(self) -> "SkillsFile":
        from maplanner.catalog.skills import SkillsFile

        return self.file("skills.toml", SkillsFile)

    @functools.cached_property
    def paths(self) -> "list[CareerPath]":
        from maplanner.catalog.paths import PathsFile

        return self.file("paths.toml", PathsFile).path

    @functools.cached_property
    def estimate(self) -> "EstimateFile":
        from maplanner.catalog.estimate import EstimateFile

        return self.file("estimate.toml", EstimateFile)

    @functools.cached_property
    def guide(self) -> "list[GuideTopic]":
        from maplanner.catalog.guide import GuideFile

        return self.file("guide.toml", GuideFile).topic

    @functools.cached_property
    def eligibility(self) -> "EligibilityFile":
        from maplanner.catalog.eligibility import EligibilityFile

        return self.file("eligibility.toml", EligibilityFile)

    @functools.cached_property
    def levers(self) -> "LeversFile":
        from maplanner.catalog.levers import LeversFile

        return self.file("levers.toml", LeversFile)

    # Lookups -----------------------------------------------------------------

    def source(self, source_id: str) -> "Source":
        return self._index("sources", self.sources)[source_id]

    def tier(self, tier_id: str) -> "Tier":
        return self._index("tiers", self.tiers)[tier_id]

    def industry(self, industry_id: str, release: str | None = None) -> "Industry":
        if release is None or release == self.latest_release:
            return self._index("industries", self.industries)[industry_id]
        return next(i for i in self.industries_of(release) if i.id == industry_id)

    def setting(self, setting_id: str) -> "WorkSetting":
        return self._index("settings", self.settings)[setting_id]

    def specialty(self, specialty_id: str) -> "Specialty":
        return self._index("specialties", self.specialties)[specialty_id]

    def certification(self, cert_id: str) -> "Certification":
        return self._index("certifications", self.certifications)[cert_id]

    def path(self, path_id: str) -> "CareerPath":
        return self._index("paths", self.paths)[path_id]

    def leadership(self, level_id: str) -> "LeadershipLevel":
        return self._index("leadership", self.estimate.leadership)[level_id]

    def education(self, level_id: str) -> "EducationLevel":
        return self._index("education", self.eligibility.education)[level_id]

    def requirements(self, cert_id: str) -> "CredentialRequirements | None":
        """What it takes to sit `cert_id`; None when eligibility.toml records nothing."""
        return self._index("requirements", self.eligibility.credential).get(cert_id)

    def band_for_year(self, year: int) -> "RoadmapBand":
        for band in self.roadmap:
            if band.first_year <= year and (band.last_year is None or year <= band.last_year):
                return band
        raise ValueError(f"no roadmap band covers year {year}")  # unreachable once validated

    def problems(self) -> list[str]:
        """Every broken reference between files or broken tiling (see checks.py)."""
        from maplanner.catalog.checks import catalog_problems

        return catalog_problems(self)
