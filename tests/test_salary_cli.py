"""`maplanner salary`, run through the real CLI edge: figures, wording, JSON, errors."""

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from maplanner.catalog.catalog import Catalog
from maplanner.core.salary_view import Mark, salary_report
from maplanner.render.salary import render_salary
from tests import helpers
from tests.conftest import Runner
from tests.helpers import flat

PUBLISHED = ["$35,020", "$37,610", "$44,200", "$48,160", "$57,830"]
SOURCE_TITLE = "Occupational Employment and Wages, May 2024"


def ok(run: Runner, *args: str) -> str:
    """Run a command that must succeed quietly; return stdout.

    These tests check the wage math and wording against the May 2024 table the guides
    quote (--release 2024); the May 2025 default has its own tests at the end.
    """
    result = run("salary", "--release", "2024", *args)
    assert result.code == 0, result.err
    assert result.err == ""
    assert "\x1b[" not in result.out
    if "--json" not in args:
        for line in result.out.splitlines():
            assert len(line) <= 80, line
    return result.out


def ok_json(run: Runner, *args: str) -> dict[str, Any]:
    """`maplanner salary ARGS --json`: one document naming the wage source and vintage."""
    data: dict[str, Any] = helpers.ok_json(run, "salary", "--release", "2024", *args)
    assert data["source_id"] == "bls-oews-2024"
    assert data["vintage"] == "May 2024"
    return data


CHART_ROW = re.compile(r"^(?P<label>\S.*?) +(?P<amount>\$[\d,]+) (?P<bar>[█▒]+)(?P<beyond> \+)?$")


def chart_rows(out: str) -> list[re.Match[str]]:
    """The bar chart's rows: label, amount, bar (and " +" past the scale)."""
    return [m for m in map(CHART_ROW.match, out.splitlines()) if m]


# The distribution --------------------------------------------------------------------


def test_distribution_table_chart_and_source(run: Runner) -> None:
    out = ok(run)
    for figure in [*PUBLISHED, "$44,720"]:
        assert figure in out
    assert re.search(r"Median\s+│\s+\$44,200\s+│\s+\$21\.25 ", out)  # published: no mark
    assert re.search(r"75th percentile\s+│\s+\$48,160\s+│\s+\$23\.15\* ", out)
    assert re.search(r"Mean\s+│\s+\$44,720\s+│\s+\$21\.50\* ", out)
    text = flat(out)
    assert "* Derived: annual wage / 2,080 hours" in text
    assert "Employment: 793,460, wage and salary jobs counted by the OEWS survey" in text
    assert f"Source: U.S. Bureau of Labor Statistics, {SOURCE_TITLE}" in text
    assert "(May 2024; bls-oews-2024)" in text


def test_chart_is_scaled_to_the_90th(run: Runner) -> None:
    bars = {line.split()[0]: line.count("█") for line in ok(run).splitlines() if "█" in line}
    assert list(bars) == ["10th", "25th", "median", "75th", "90th"]
    assert bars["90th"] == max(bars.values())
    assert bars["10th"] == round(35_020 / 57_830 * bars["90th"])
    assert list(bars.values()) == sorted(bars.values())


def test_distribution_json(run: Runner) -> None:
    data = ok_json(run)
    dist = data["distribution"]
    assert [p["percentile"] for p in dist["points"]] == [10, 25, 50, 75, 90]
    assert [p["annual"] for p in dist["points"]] == [35_020, 37_610, 44_200, 48_160, 57_830]
    assert [p["hourly_published"] for p in dist["points"]] == [False, False, True, False, False]
    assert dist["points"][2]["hourly"] == 21.25
    assert dist["points"][3]["hourly"] == pytest.approx(48_160 / 2080)
    assert dist["mean"] == {
        "label": "mean",
        "annual": 44_720,
        "hourly": pytest.approx(44_720 / 2080),
        "hourly_published": False,
    }
    assert dist["employment"] == 793_460
    assert dist["source"]["id"] == "bls-oews-2024"
    assert dist["source"]["period"] == "May 2024"
    assert data["at_percentile"] is None and data["wage"] is None and data["setting"] is None


def test_vintage_and_source_come_from_the_data(run: Runner, data_copy: Path) -> None:
    wages = data_copy / "wages.toml"
    wages.write_text(
        wages.read_text(encoding="utf-8").replace('vintage = "May 2024"', 'vintage = "May 2099"'),
        encoding="utf-8",
    )
    result = run("--data-dir", str(data_copy), "salary", "--release", "2024", "--json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["vintage"] == "May 2099"


# --percentile ----------------------------------------------------------------------------


def test_percentile_75_is_published_with_derived_hourly(run: Runner) -> None:
    text = flat(ok(run, "--percentile", "75"))
    assert (
        "75th percentile: $48,160 a year (published by BLS); $23.15 an hour "
        "(derived: annual / 2,080 hours)" in text
    )


def test_percentile_50_hourly_is_published(run: Runner) -> None:
    text = flat(ok(run, "--percentile", "50"))
    assert "$44,200 a year (published by BLS); $21.25 an hour (published by BLS)" in text


def test_percentile_between_points_is_a_named_estimate(run: Runner) -> None:
    out = ok(run, "--percentile", "62.5")
    text = flat(out)
    assert "62.5th percentile: about $46,180 a year (estimate)" in text
    assert "straight line between the published median ($44,200) and 75th percentile" in text
    assert ("62.5th (est.)", "$46,180") in [(r["label"], r["amount"]) for r in chart_rows(out)]


@pytest.mark.parametrize(
    ("percentile", "answer", "absent"),
    [
        (
            "5",
            "5th percentile: below the 10th percentile (under $35,020 a year); "
            "under $16.84 an hour",
            "over $",
        ),
        ("0.5", "0.5th percentile: below the 10th percentile (under $35,020 a year)", "over $"),
        (
            "95",
            "95th percentile: above the 90th percentile (over $57,830 a year); "
            "over $27.80 an hour",
            "under $",
        ),
        ("99.9", "99.9th percentile: above the 90th percentile (over $57,830 a year)", "under $"),
    ],
)
def test_percentile_outside_the_range_gives_only_the_bound(
    run: Runner, percentile: str, answer: str, absent: str
) -> None:
    out = ok(run, "--percentile", percentile)
    text = flat(out)
    assert answer in text
    assert "none is invented" in text
    assert not re.search(r"at or (below|above)|at (least|most) \$|published bound", text)
    assert "▒" not in out  # a bound is not drawn as if it were a figure
    head = text.split("Annual wages;")[0]
    annual_figures = {f for f in re.findall(r"\$\d[\d,]*(?:\.\d+)?", head) if "." not in f}
    assert annual_figures <= {"$35,020", "$57,830"}


@pytest.mark.parametrize(
    ("percentile", "kind", "annual", "published"),
    [
        ("75", "published", 48_160, False),
        ("50", "published", 44_200, True),
        ("62.5", "estimate", 46_180, False),
        ("5", "at-or-below", 35_020, False),
        ("95", "at-or-above", 57_830, False),
    ],
)
def test_percentile_json(
    run: Runner, percentile: str, kind: str, annual: int, published: bool
) -> None:
    answer = ok_json(run, "--percentile", percentile)["at_percentile"]
    assert answer["percentile"] == float(percentile)
    assert answer["kind"] == kind
    assert answer["annual"] == pytest.approx(annual)
    assert answer["hourly_published"] is published
    if kind == "estimate":
        assert [p["percentile"] for p in answer["between"]] == [50, 75]
    else:
        assert answer["between"] is None


# --wage ------------------------------------------------------------------------------


def test_wage_46k_is_between_the_median_and_the_75th(run: Runner) -> None:
    out = ok(run, "--wage", "46k")
    text = flat(out)
    assert "$46,000 a year ($22.12 an hour, converted at 2,080 hours a year)" in text
    assert "about the 61st percentile (estimate), between the median and the 75th" in text
    assert "$2,160 below the 75th percentile ($48,160)." in text
    found = chart_rows(out)
    rows = [(row["label"], row["amount"]) for row in found]
    assert rows[3] == ("wage entered", "$46,000")
    assert [set(row["bar"]) for row in found] == [{"█"}] * 3 + [{"▒"}] + [{"█"}] * 2
    assert [label for label, _ in rows] == [
        "10th",
        "25th",
        "median",
        "wage entered",
        "75th",
        "90th",
    ]


@pytest.mark.parametrize("written", ["46000", "46,000", "$46,000", "46k", "46K"])
def test_every_way_of_writing_46000(run: Runner, written: str) -> None:
    wage = ok_json(run, "--wage", written)["wage"]
    assert wage["entered"] == written
    assert (wage["per"], wage["annual"], wage["hourly_derived"]) == ("year", 46_000, True)
    assert wage["kind"] == "estimate"
    assert wage["next_point"] == {"percentile": 75, "annual": 48_160, "hourly": None}
    assert wage["to_next_point"] == 2_160


@pytest.mark.parametrize("written", ["22.50/h", "22.50/hr", "22.50/hour", "$22.50/h"])
def test_hourly_rates(run: Runner, written: str) -> None:
    wage = ok_json(run, "--wage", written)["wage"]
    assert (wage["per"], wage["hourly"], wage["annual"]) == ("hour", 22.5, 46_800)
    assert (wage["annual_derived"], wage["hourly_derived"]) == (True, False)
    text = flat(ok(run, "--wage", written))
    assert "$22.50 an hour ($46,800 a year, converted at 2,080 hours a year)" in text
    assert "$1,360 below the 75th percentile ($48,160)." in text


@pytest.mark.parametrize(
    ("wage", "kind", "sentences"),
    [
        (
            "30000",
            "below-range",
            [
                "below the 10th percentile; BLS publishes nothing lower",
                "$5,020 below the 10th percentile ($35,020), the lowest published point.",
            ],
        ),
        (
            "70000",
            "above-range",
            [
                "above the 90th percentile; BLS publishes nothing higher",
                "$12,170 above the 90th percentile ($57,830), the highest published point.",
            ],
        ),
        (
            "48,160",
            "published",
            [
                "exactly the published 75th percentile.",
                "$9,670 below the 90th percentile ($57,830).",
            ],
        ),
        (
            "57830",
            "published",
            [
                "exactly the published 90th percentile.",
                "Nothing above the 90th percentile is published.",
            ],
        ),
    ],
)
def test_wage_bands_and_distances(run: Runner, wage: str, kind: str, sentences: list[str]) -> None:
    text = flat(ok(run, "--wage", wage))
    for sentence in sentences:
        assert sentence in text
    data = ok_json(run, "--wage", wage)["wage"]
    assert data["kind"] == kind
    assert (data["percentile"] is None) == kind.endswith("range")


def test_wage_beyond_the_chart_is_clamped_and_marked(run: Runner) -> None:
    rows = {row["label"]: row for row in chart_rows(ok(run, "--wage", "1,000,000"))}
    assert rows["wage entered"]["beyond"] == " +"
    assert rows["90th"]["beyond"] is None
    assert len(rows["wage entered"]["bar"]) == len(rows["90th"]["bar"])


# --setting -------------------------------------------------------------------------


def test_setting_median_beside_the_national(run: Runner) -> None:
    out = ok(run, "--setting", "hospital")
    text = flat(out)
    assert "Work setting: Hospital (BLS industry: Hospitals (state, local and private))" in text
    assert re.search(
        r"Hospitals \(state, local and private\)\s+│\s+\$45,930\s+│\s+\$22\.08\*", out
    )
    assert re.search(r"National, all industries\s+│\s+\$44,200\s+│\s+\$21\.25 ", out)
    assert "$1,730 above the national median: about the 61st percentile" in text
    assert "Share of MA jobs in this industry: 17%." in text
    assert "Why this industry (maplanner's judgment): Work on a hospital's payroll" in text
    assert "Setting median: U.S. Bureau of Labor Statistics, Occupational Outlook Handbook" in text
    assert "(May 2024; bls-ooh-pay-2024)" in text
    assert ("setting median", "$45,930") in [(r["label"], r["amount"]) for r in chart_rows(out)]


def test_setting_by_name_any_case(run: Runner) -> None:
    assert ok_json(run, "--setting", "URGENT CARE CENTER")["setting"]["id"] == "urgent-care"


def test_setting_below_the_national_median(run: Runner) -> None:
    text = flat(ok(run, "--setting", "podiatry-office"))
    assert "$6,690 below the national median: about the 24th percentile" in text
    assert "between the 10th percentile and the 25th percentile" in text


def test_setting_json(run: Runner) -> None:
    setting = ok_json(run, "--setting", "urgent-care")["setting"]
    assert setting["industry_id"] == "outpatient-care-centers"
    assert setting["median_annual"] == 47_560
    assert setting["hourly_published"] is False
    assert setting["national_median_annual"] == 44_200
    assert setting["national_median_hourly"] == 21.25
    assert setting["national_median_hourly_published"] is True
    assert setting["difference_from_national"] == 3_360
    assert setting["standing"]["kind"] == "estimate"
    assert setting["standing"]["percentile"] == pytest.approx(50 + 3_360 / 3_960 * 25)
    assert setting["source"]["id"] == "bls-ooh-pay-2024"
    assert setting["mapping_reason"].startswith("Freestanding")
    assert setting["wage_difference"] is None


def test_setting_with_wage_compares_to_the_setting_median(run: Runner) -> None:
    text = flat(ok(run, "--setting", "hospital", "--wage", "46k"))
    assert "The wage you entered ($46,000 a year) is $70 above this setting's median" in text
    assert "$2,160 below the 75th percentile ($48,160)." in text
    data = ok_json(run, "--setting", "hospital", "--wage", "46k")
    assert data["setting"]["wage_difference"] == 70
    assert data["wage"]["annual"] == 46_000


def test_a_wage_that_prints_as_the_setting_median_is_the_same_not_zero_above(
    run: Runner,
) -> None:
    """$45,930.40 and the median $45,930 both print as $45,930: no "$0 above"."""
    text = flat(ok(run, "--setting", "hospital", "--wage", "45930.40"))
    assert "The wage you entered ($45,930 a year) is the same as this setting's median" in text
    assert ok_json(run, "--setting", "hospital", "--wage", "45930.40")["setting"][
        "wage_difference"
    ] == pytest.approx(0.4)  # the JSON keeps the exact figure


def test_setting_with_percentile_stays_national(run: Runner) -> None:
    text = flat(ok(run, "--setting", "urgent-care", "--percentile", "75"))
    assert "$48,160 a year (published by BLS)" in text
    assert "this percentile is national, not for the setting" in text
    data = ok_json(run, "--setting", "urgent-care", "--percentile", "75")
    assert data["at_percentile"]["annual"] == 48_160
    assert data["setting"]["median_annual"] == 47_560


# Errors ----------------------------------------------------------------------------

RANGE = "use a number above 0 and below 100"
PAY = "an hourly rate like 22.50/h"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--percentile", "0"], f"--percentile '0' is out of range: {RANGE}"),
        (["--percentile", "-5"], f"--percentile '-5' is out of range: {RANGE}"),
        (["--percentile", "100"], f"--percentile '100' is out of range: {RANGE}"),
        (["--percentile", "250"], f"--percentile '250' is out of range: {RANGE}"),
        (["--percentile", "abc"], f"--percentile 'abc' is not a number: {RANGE}"),
        (["--percentile", "nan"], f"--percentile 'nan' is not a number: {RANGE}"),
        (["--percentile", "inf"], f"--percentile 'inf' is not a number: {RANGE}"),
        (["--percentile", "-inf"], f"--percentile '-inf' is not a number: {RANGE}"),
        (["--wage", "0"], "--wage '0' must be more than zero"),
        (["--wage", "-46000"], "--wage '-46000' must be more than zero"),
        (["--wage", "abc"], "--wage 'abc' is not a pay amount: use an annual amount like"),
        (["--wage", "nan"], "--wage 'nan' is not a pay amount"),
        (["--wage", "2,000,000"], "--wage '2,000,000' is beyond a plausible wage: use at most"),
        (["--wage", "600/h"], "--wage '600/h' is beyond a plausible wage: use at most $500/h"),
        (["--wage", "22.50"], "--wage '22.50' is too small for a yearly wage: for an hourly"),
        (
            ["--percentile", "75", "--wage", "46k"],
            "--percentile and --wage ask opposite questions: pick one",
        ),
        (["--percentile", "abc", "--wage", "abc"], "pick one"),
        (["--setting", "hopsital"], "--setting 'hopsital' is not a known work setting; did you"),
    ],
)
def test_bad_input_gets_one_line_and_exit_2(run: Runner, args: list[str], expected: str) -> None:
    for extra in ([], ["--json"]):
        result = run("salary", *args, *extra)
        assert result.code == 2
        assert result.out == ""
        assert result.err.count("\n") == 1
        assert result.err.startswith("maplanner: ")
        assert expected in result.err


def test_unknown_setting_suggests_the_closest(run: Runner) -> None:
    result = run("salary", "--setting", "hopsital")
    assert "did you mean hospital?" in result.err


def test_help_documents_the_forms(run: Runner) -> None:
    result = run("salary", "--help")
    assert result.code == 0
    text = flat(result.out)
    for phrase in ("22.50/h", "/hr or /hour", "46k", "above 0, below 100", "not both"):
        assert phrase in text


# The renderer's extension point ------------------------------------------------------


def test_extra_marks_are_drawn_in_wage_order(catalog: Catalog) -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, width=80, no_color=True, color_system=None)
    report = salary_report(catalog)
    render_salary(report, console, marks=[Mark(label="your estimate", annual=40_000)])
    rows = [row["label"] for row in chart_rows(buffer.getvalue())]
    assert rows == ["10th", "25th", "your estimate", "median", "75th", "90th"]
    assert "▒ = not a published point" in buffer.getvalue()


# Places and releases (BLS OEWS May 2025) ------------------------------------------


def test_latest_release_national_median(run: Runner) -> None:
    out = run("salary", "--release", "2025", "--percentile", "50").out
    assert "$45,690" in out and "May 2025" in out


def test_earlier_release_75th(run: Runner) -> None:
    assert "$48,160" in run("salary", "--release", "2024", "--percentile", "75").out


@pytest.mark.parametrize("state", ["washington", "WA", "wa", "53"])
def test_state_median_any_spelling(run: Runner, state: str) -> None:
    result = run("salary", "--state", state, "--percentile", "50", "--json")
    document = json.loads(result.out)
    assert document["at_percentile"]["annual"] == 59290
    assert document["place"]["name"] == "Washington"
    assert document["place"]["rank"] == 1
    assert document["release"] == "2025"
    assert document["distribution"]["source"]["id"] == "bls-oews-2025"


def test_mississippi_median_and_rank_listing(run: Runner) -> None:
    assert "$35,360" in run("salary", "--state", "MS", "--percentile", "50").out
    states = json.loads(run("salary", "--states", "--json").out)["states"]
    assert len(states) == 54
    assert (states[0]["name"], states[0]["median_annual"]) == ("Washington", 59290)
    assert states[-1]["median_annual"] <= 35360


def test_area_table_and_bad_places(run: Runner) -> None:
    assert "Vallejo, CA" in run("salary", "--area", "vallejo").out
    assert "$77,410" in run("salary", "--area", "vallejo").out
    many = run("salary", "--area", "spring")
    assert many.code == 2 and "Springfield, IL" in many.err
    unknown = run("salary", "--area", "seatle")
    assert unknown.code == 2 and "Seattle-Tacoma-Bellevue, WA" in unknown.err
    assert run("salary", "--state", "Atlantis").code == 2
    assert run("salary", "--release", "1999").code == 2


def test_default_is_may_2025_with_how_each_point_moved(run: Runner) -> None:
    result = run("salary")
    assert result.code == 0, result.err
    out = result.out
    assert "wages, May 2025" in out
    # published hourly figures carry no mark; the change is May 2025 minus May 2024
    assert re.search(r"Median\s+│\s+\$45,690\s+│\s+\$21\.97\s+│\s+\+\$1,490", out)
    assert re.search(r"90th percentile\s+│\s+\$59,310\s+│\s+\$28\.52\s+│\s+\+\$1,480", out)
    assert re.search(r"Mean\s+│\s+\$46,120\s+│\s+\$22\.17 ", out)
    assert "Employment: 817,870" in flat(out)
    document = json.loads(run("salary", "--json").out)
    assert (document["release"], document["source_id"]) == ("2025", "bls-oews-2025")
    median = document["distribution"]["points"][2]
    assert (median["annual"], median["earlier_annual"]) == (45690, 44200)
    assert document["distribution"]["earlier_vintage"] == "May 2024"
