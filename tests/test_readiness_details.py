"""Details of core/readiness.py that a class report shows for each student."""

from datetime import date

import pytest

from maplanner.catalog.catalog import Catalog
from maplanner.core.readiness import (
    has_life_support_card,
    holds_primary,
    primary_exam,
    renewal_status,
)

TODAY = date(2025, 2, 15)


def test_the_card_and_a_primary_credential_are_found_among_any_held(catalog: Catalog) -> None:
    assert has_life_support_card(catalog, ["CMA", "BLS"])
    assert not has_life_support_card(catalog, ["CMA", "RMA"])
    assert holds_primary(catalog, ["BLS", "RMA"])
    assert not holds_primary(catalog, ["BLS", "CPT"])


@pytest.mark.parametrize(
    ("held", "status"),
    [
        (
            [("CPT", None), ("RMA", "2021-01"), ("CMA", "2020-08"), ("COA", "2021-06")],
            ("lapsed", ("COA",)),
        ),
        ([("RMA", "2021-01"), ("CMA", "2020-08"), ("CMPE", None)], ("due-soon", ("CMA",))),
        ([("CPT", None), ("RMA", "2021-01"), ("CCMA", None)], ("current", ("RMA",))),
        ([("CPT", None), ("CMPE", None)], ("not-known", ())),
        ([], ("none-held", ())),
    ],
)
def test_the_most_urgent_renewal_is_reported_with_its_credentials(
    catalog: Catalog, held: list[tuple[str, str | None]], status: tuple[str, tuple[str, ...]]
) -> None:
    assert renewal_status(catalog, iter(held), TODAY) == status


def test_every_credential_with_the_most_urgent_status_is_named(catalog: Catalog) -> None:
    held = [("CMA", "2020-08"), ("RMA", "2021-01"), ("COA", "2022-06")]
    assert renewal_status(catalog, held, TODAY) == ("due-soon", ("CMA", "COA"))


@pytest.mark.parametrize(
    ("holds", "ends", "answer"),
    [
        (True, date(2025, 6, 1), ("holds", None)),
        (False, None, ("not-known", None)),
        (False, date(2025, 3, 17), ("now", date(2025, 2, 15))),  # 30 days before the end
        (False, date(2025, 3, 18), ("later", date(2025, 2, 16))),
    ],
)
def test_when_a_student_can_sit_the_primary_exam(
    holds: bool, ends: date | None, answer: tuple[str, date | None]
) -> None:
    assert primary_exam(holds, ends, TODAY) == answer
