"""Details of core/next_steps.py: which paths beyond the current role are offered, by
the experience they usually expect."""

import pytest

from maplanner.catalog.catalog import Catalog
from maplanner.core.next_steps import path_suggestions
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
