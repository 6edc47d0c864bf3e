"""Place a person in exactly one career tier, and say which rule decided it.

Experience tiers tile the years without gap or overlap (Entry below 3, Mid from 3 to
below 6, Senior/Lead from 6), so 2.99 years is Entry and 3 is Mid. A person with at
least `specialized_min_years` who works in a specialty is Specialized. A lead MA or a
supervisor (`leadership_keeps_senior`) is Senior/Lead whatever the years: the lead
role is what that tier names, and the same levels reach the Lead MA path in
paths.toml (a catalog check holds the two lists equal), so `assess`, `plan` and the
next steps agree on who has reached it. All numbers come from data/tiers.toml.
"""

from maplanner.catalog.catalog import Catalog
from maplanner.catalog.tiers import Tier
from maplanner.core.profile import Profile
from maplanner.core.result import Result


class TierPlacement(Result):
    tier: str
    tier_name: str
    experience_tier: str
    rule: str


def experience_tier(catalog: Catalog, years: float) -> Tier:
    """The one experience tier whose span holds `years`."""
    for tier in catalog.tiers:
        if not tier.by_experience:
            continue
        if tier.min_years <= years and (tier.below_years is None or years < tier.below_years):
            return tier
    raise ValueError(f"no experience tier covers {years} years")  # tiling is validated


def _span(tier: Tier) -> str:
    if tier.below_years is None:
        return f"{tier.min_years:g} or more years"
    return f"{tier.min_years:g} to under {tier.below_years:g} years"


def place(profile: Profile, catalog: Catalog) -> TierPlacement:
    """The tier for a (normalized) profile and the rule that decided it."""
    rules = catalog.placement
    by_years = experience_tier(catalog, profile.years)
    years = f"{profile.years:g} year{'s' if profile.years != 1 else ''}"
    if profile.leads in rules.leadership_keeps_senior:
        senior = catalog.tier(rules.senior_tier)
        lead = catalog.leadership(profile.leads).name
        if by_years.id == senior.id:
            why = f"{years} ({senior.name} covers {_span(senior)}) and {lead.lower()}"
        else:
            why = (
                f"{lead}: the role itself is {senior.name}, though by years alone "
                f"({years}) you would be {by_years.name}"
            )
        if profile.specialty is not None:
            why += f"; leading others keeps you {senior.name} even in " + (
                catalog.specialty(profile.specialty).name
            )
        return TierPlacement.model_construct(
            tier=senior.id,
            tier_name=senior.name,
            experience_tier=by_years.id,
            rule=f"{why}.",
        )
    if profile.specialty is not None and profile.years >= rules.specialized_min_years:
        specialty = catalog.specialty(profile.specialty).name
        tier = catalog.tier(rules.specialized_tier)
        return TierPlacement.model_construct(
            tier=tier.id,
            tier_name=tier.name,
            experience_tier=by_years.id,
            rule=(
                f"{years} of experience (at least {rules.specialized_min_years:g}) working "
                f"in {specialty}."
            ),
        )
    return TierPlacement.model_construct(
        tier=by_years.id,
        tier_name=by_years.name,
        experience_tier=by_years.id,
        rule=f"{years} of experience: {by_years.name} covers {_span(by_years)}.",
    )
