"""Details of core/paths.py a person meets: the pay a path shows when BLS has no
occupation for it, and its rules said in words."""

from maplanner.catalog.catalog import Catalog
from maplanner.catalog.paths import Condition, PayFigure
from maplanner.core.paths import (
    describe_condition,
    either,
    occupation_pay_text,
    path_pay,
    view,
)
from tests.helpers import catalog_with


def _without_occupation(catalog: Catalog, path_id: str, pay: PayFigure | None) -> Catalog:
    """The catalog with no BLS occupation for `path_id`, and `pay` as its own figure."""
    entries = [entry for entry in catalog.path_occupations if entry.id != path_id]
    unmapped = catalog_with(catalog, "path_occupations.toml", path=entries)
    paths = [
        path.model_copy(update={"pay": pay}) if path.id == path_id else path
        for path in catalog.paths
    ]
    return catalog_with(unmapped, "paths.toml", path=paths)


def test_a_path_without_an_occupation_shows_its_own_verified_figure(catalog: Catalog) -> None:
    figure = PayFigure(median_annual=52_000, vintage="May 2024", source="bls-ooh-pay-2024")
    changed = _without_occupation(catalog, "medical-sales", figure)
    shown = view(changed, changed.path("medical-sales"))
    assert shown.occupation_pay is None
    assert shown.pay == figure
    assert shown.pay_text == ("$52,000 median a year (May 2024, U.S. Bureau of Labor Statistics)")


def test_a_path_with_no_figure_at_all_says_so(catalog: Catalog) -> None:
    changed = _without_occupation(catalog, "medical-sales", None)
    shown = view(changed, changed.path("medical-sales"))
    assert shown.pay is None
    assert shown.pay_text == "no verified figure"


def test_a_rule_on_credentials_and_leadership_names_both() -> None:
    rule = Condition(credentials=["CMA", "RMA"], leadership=["lead", "supervises"])
    assert describe_condition(rule) == (
        "you hold CMA or RMA and your --leads answer is lead or supervises"
    )
    assert describe_condition(Condition(leadership=["lead"])) == "your --leads answer is lead"
    assert describe_condition(None) is None


def test_either_joins_one_two_or_more_words() -> None:
    assert either([]) == ""
    assert either(["CMA"]) == "CMA"
    assert either(["CMA", "RMA"]) == "CMA or RMA"
    assert either(["CMA", "RMA", "CCMA"]) == "CMA, RMA or CCMA"


def test_a_path_s_pay_names_its_areas_and_employment(catalog: Catalog) -> None:
    pay = path_pay(catalog, "rn")
    assert pay is not None
    assert pay.national.area == "United States"
    assert pay.national.employment == 3_379_720  # BLS OEWS May 2025, registered nurses
    assert pay.place is None


def test_a_place_that_withholds_a_path_s_pay_is_named_with_the_reason(catalog: Catalog) -> None:
    pay = path_pay(catalog, "rn", "Washington", lambda soc: "Estimate not released.")
    assert pay is not None and pay.place is not None
    assert (pay.place.area, pay.place.median_annual, pay.place.withheld) == (
        "Washington",
        None,
        "Estimate not released.",
    )
    assert "Washington: not published (BLS: Estimate not released.)" in occupation_pay_text(pay)


def test_a_place_without_its_tables_is_not_looked_up(catalog: Catalog) -> None:
    pay = path_pay(catalog, "rn", "Washington", None)
    assert pay is not None and pay.place is None


def test_the_spread_is_shown_only_when_both_ends_are_published(catalog: Catalog) -> None:
    pay = path_pay(catalog, "rn")
    assert pay is not None
    both = occupation_pay_text(pay)
    assert "United States: median $97,550 (10th-90th $68,940-$137,470);" in both
    top_withheld = pay.model_copy(
        update={"national": pay.national.model_copy(update={"high_annual": None})}
    )
    assert "United States: median $97,550; BLS OEWS" in occupation_pay_text(top_withheld)
