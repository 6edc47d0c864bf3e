"""Details of core/next_steps.py: which paths beyond the current role are offered, by
the experience they usually expect."""

import pytest

from maplanner.catalog.catalog import Catalog
from maplanner.core.next_steps import path_suggestions, role_steps
from maplanner.core.placement import place
from maplanner.core.profile import Profile

OPEN_FROM_THE_START = ["lpn-lvn", "rn", "phlebotomy-lab"]
AFTER_ONE_OR_TWO = ["medical-coding", "healthcare-administration", "care-coordination"]
AFTER_THREE = ["lead-ma", "clinical-operations-manager", "practice-manager", "medical-sales"]


@pytest.mark.parametrize(
    ("years", "offered"),
    [
        # Paths that expect experience come first in the catalog: not having it skips
        # them and goes on to the rest.
        (0, OPEN_FROM_THE_START),
        (2.9, OPEN_FROM_THE_START + AFTER_ONE_OR_TWO),
        (3, OPEN_FROM_THE_START + AFTER_ONE_OR_TWO + AFTER_THREE),  # exactly the usual 3
    ],
)
def test_a_path_is_offered_from_the_years_it_usually_expects(
    catalog: Catalog, years: float, offered: list[str]
) -> None:
    found = path_suggestions(Profile(years=years, setting="hospital"), catalog)
    assert sorted(path.id for path in found) == sorted(offered)
    assert all(path.min_years <= years for path in found)


def test_a_lead_ma_is_not_offered_lead_ma_but_every_path_after_it(catalog: Catalog) -> None:
    found = path_suggestions(Profile(years=4, setting="hospital", leads="lead"), catalog)
    assert sorted(path.id for path in found) == sorted(
        OPEN_FROM_THE_START + AFTER_ONE_OR_TWO + AFTER_THREE[1:]
    )


def _lead_role_when(catalog: Catalog, years: float) -> str | None:
    profile = Profile(years=years, setting="hospital")
    steps = role_steps(profile, catalog, place(profile, catalog))
    return next(step.when for step in steps if step.title == "Lead Medical Assistant")


def test_the_lead_role_is_open_from_the_lead_path_s_usual_years(catalog: Catalog) -> None:
    assert _lead_role_when(catalog, 3) == "now (maplanner plan --goal lead-ma)"  # exactly 3
    # Where the path asks more than the tier, the role waits for the path; the path is
    # found wherever it stands in the catalog.
    lead = catalog.path("lead-ma").model_copy(update={"min_years": 4})
    files = catalog.files()
    files["paths.toml"] = files["paths.toml"].model_copy(
        update={"path": [p for p in catalog.paths if p.id != "lead-ma"] + [lead]}
    )
    assert _lead_role_when(Catalog(files), 3) == "from 4 years (maplanner plan --goal lead-ma)"
