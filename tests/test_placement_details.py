"""Details of core/placement.py that a user reads in `assess`: the tier and the words of
the rule that placed them, at each rule and at its edges."""

from types import SimpleNamespace
from typing import cast

import pytest

from maplanner.catalog.catalog import Catalog
from maplanner.core.placement import experience_tier, place
from maplanner.core.profile import Profile


@pytest.mark.parametrize(
    ("years", "specialty", "leads", "tiers", "rule"),
    [
        (
            1,
            None,
            "lead",
            ("senior", "Senior/Lead", "entry"),
            "Lead MA: the role itself is Senior/Lead, though by years alone (1 year) you "
            "would be Entry.",
        ),
        (
            1,
            "ophthalmology",
            "supervises",
            ("senior", "Senior/Lead", "entry"),
            "Supervises a team: the role itself is Senior/Lead, though by years alone (1 year) "
            "you would be Entry; leading others keeps you Senior/Lead even in Ophthalmology.",
        ),
        (
            8,
            None,
            "supervises",
            ("senior", "Senior/Lead", "senior"),
            "8 years (Senior/Lead covers 6 or more years) and supervises a team.",
        ),
        (
            3,
            "ophthalmology",
            "none",
            ("specialized", "Specialized", "mid"),
            "3 years of experience (at least 3) working in Ophthalmology.",
        ),
        (
            2.5,
            "ophthalmology",
            "none",
            ("entry", "Entry", "entry"),
            "2.5 years of experience: Entry covers 0 to under 3 years.",
        ),
        (
            0,
            None,
            "none",
            ("entry", "Entry", "entry"),
            "0 years of experience: Entry covers 0 to under 3 years.",
        ),
    ],
)
def test_the_tier_and_the_rule_in_words(
    catalog: Catalog,
    years: float,
    specialty: str | None,
    leads: str,
    tiers: tuple[str, str, str],
    rule: str,
) -> None:
    person = Profile(years=years, setting="family-practice", specialty=specialty, leads=leads)
    placement = place(person, catalog)
    assert (placement.tier, placement.tier_name, placement.experience_tier) == tiers
    assert placement.rule == rule


def test_a_tier_placed_by_other_rules_may_come_first_in_the_data(catalog: Catalog) -> None:
    # A data directory (MAPLANNER_DATA) may list the Specialized tier before the
    # experience tiers: it is passed over, not taken as the end of the list.
    reordered = sorted(catalog.tiers, key=lambda tier: tier.by_experience)
    assert not reordered[0].by_experience
    listed = cast(Catalog, SimpleNamespace(tiers=reordered))
    assert [experience_tier(listed, years).id for years in (0, 3, 6)] == ["entry", "mid", "senior"]
