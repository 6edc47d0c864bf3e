"""One rule for showing a percentile, and honest words past the published range.

The rule (maplanner/core/percentile_text.py): round half up; ranges and changes are
worked out from the figures as shown, so what is printed adds up; below the lowest or
above the highest published point, words and the table's own dollars instead of a
clamped "1st" or "99th", and never a phrase that reads as a cap on pay.

Each case the issue names is a test here; the imports of the new module sit inside
the tests so that, against the code before it, each case fails on its own.
"""

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from maplanner.catalog.loader import load_catalog
from maplanner.core.history import AssessmentRecord, change
from maplanner.core.money import Pay
from maplanner.core.profile import HeldCert, Profile
from maplanner.core.rules import assess
from tests.conftest import Runner, examples

CATALOG = load_catalog(None)
POINTS = CATALOG.wages.percentiles
LOWEST, HIGHEST = POINTS[0].percentile, POINTS[-1].percentile
HALF = CATALOG.estimate.range_half_width

ORDINAL = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b")
MOVE = re.compile(r"(\d+)(?:st|nd|rd|th) -> (\d+)(?:st|nd|rd|th) \(([+-]?\d+)(?: points?)?\)")
LIKELY = re.compile(r"about the (\d+)\w\w percentile \(likely (\d+)\w\w to (\d+)\w\w\)")


def flat(text: str) -> str:
    """Terminal output as one line: box edges and line breaks do not split phrases."""
    return " ".join(text.replace("│", " ").split())


# The rule itself -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "shown"),
    [(37.5, "38th"), (36.5, "37th"), (45.5, "46th"), (0.5, "1st"), (2.5, "3rd"), (9.49, "9th")],
)
def test_half_rounds_up_never_to_even(value: float, shown: str) -> None:
    from maplanner.core import percentile_text

    assert percentile_text.ordinal(value) == shown


@pytest.mark.parametrize(
    ("value", "shown"),
    [(11, "11th"), (12, "12th"), (13, "13th"), (21, "21st"), (22, "22nd"), (23, "23rd")],
)
def test_suffixes(value: float, shown: str) -> None:
    from maplanner.core import percentile_text

    assert percentile_text.ordinal(value) == shown


def test_decimals_are_rounded_as_written() -> None:
    from maplanner.core import percentile_text

    # 2.675 is stored as 2.67499999...; people read it as 2.675, which rounds to 2.68.
    assert percentile_text.number(2.675, 2) == "2.68"
    assert percentile_text.number(2.665, 2) == "2.67"  # half up, not to the even 2.66
    assert percentile_text.ordinal(15.95, 1) == "16.0th"
    assert percentile_text.number(15.95) == "16"


def test_a_change_shown_with_decimals_adds_up_in_those_decimals() -> None:
    from maplanner.core import percentile_text

    # 27.55 and 34.44 show as 27.6th and 34.4th, so the change is +6.8, not +6.89.
    assert percentile_text.change(27.55, 34.44, 1) == 6.8
    assert percentile_text.step(27.55, 34.44, 1, unit=True) == "27.6th -> 34.4th (+6.8 points)"
    assert percentile_text.signed(0.3, 1) == "+0.3"
    assert percentile_text.signed(-0.04, 1) == "0.0"  # never "-0.0"
    published = [SimpleNamespace(percentile=p, annual=0) for p in (10, 25, 50, 75, 90)]
    assert percentile_text.short_where(published, 15.95, 1) == "the 16.0th"
    assert percentile_text.where(published, 15.95, 1) == "about the 16.0th percentile"
    assert percentile_text.shown(37.5) == 38  # whole percentiles unless asked


def test_the_published_ends_are_inside_the_published_range() -> None:
    from maplanner.core import percentile_text

    assert percentile_text.beyond(POINTS, 10) is None
    assert percentile_text.beyond(POINTS, 90) is None
    assert percentile_text.beyond(POINTS, 90.01) == "above"
    assert percentile_text.beyond(POINTS, 9.99) == "below"


def test_a_change_is_the_difference_of_what_is_shown() -> None:
    from maplanner.core import percentile_text

    # The history: 27.5 and 34.4 show as 28th and 34th, so the change is +6.
    assert percentile_text.step(27.5, 34.4, unit=True) == "28th -> 34th (+6 points)"
    assert percentile_text.step(40, 38.25) == "40th -> 38th (-2)"
    assert percentile_text.step(46.5, 47.4, unit=True) == "47th -> 47th (0 points)"
    assert percentile_text.step(46.5, 47.5, unit=True) == "47th -> 48th (+1 point)"


def test_words_past_the_published_points_use_the_table_given() -> None:
    from maplanner.core import percentile_text

    assert percentile_text.where(POINTS, 9.6) == (
        "below the 10th percentile (under $36,050 a year)"
    )
    assert percentile_text.where(POINTS, 90.5) == "above the 90th percentile (over $59,310 a year)"
    assert percentile_text.span(POINTS, 3, 17) == "below the 10th to the 17th"
    assert percentile_text.span(POINTS, 83, 97) == "the 83rd to above the 90th"
    assert percentile_text.span(POINTS, 3, 8) == "below the 10th"  # once, not "to below"
    assert percentile_text.span(POINTS, 93, 97) == "above the 90th"
    assert percentile_text.estimate_words(POINTS, 5, 1, 12) == (
        "below the 10th percentile (under $36,050 a year; likely up to the 12th)"
    )
    assert percentile_text.estimate_words(POINTS, 95, 88, 99) == (
        "above the 90th percentile (over $59,310 a year; likely from the 88th)"
    )
    assert percentile_text.estimate_words(POINTS, 95, 91, 99) == (
        "above the 90th percentile (over $59,310 a year)"
    )
    assert percentile_text.move(POINTS, 1, 7.8) == "stays below the 10th"
    assert percentile_text.move(POINTS, 9.5, 17.5) == "below the 10th -> 18th"


# The cases in the issue ---------------------------------------------------------------


def test_an_estimate_ending_in_half_and_its_next_step_add_up(run: Runner) -> None:
    result = run(
        "assess",
        *("--years", "4", "--cert", "CMA", "--cert", "COA"),
        *("--setting", "specialty-clinic", "--specialty", "ophthalmology"),
    )
    assert result.code == 0, result.err
    out = flat(result.out)
    assert "about the 47th percentile (likely 40th to 54th)" in out
    assert "estimate 47th -> 52nd (+5)" in out
    moves = MOVE.findall(out)
    assert moves
    for before, after, gain in moves:
        assert int(after) - int(before) == int(gain)


def test_the_likely_range_is_even_around_the_estimate_shown(run: Runner) -> None:
    result = run("assess", "--years", "4", "--cert", "CMA", "--setting", "family-practice")
    out = flat(result.out)
    assert "about the 38th percentile (likely 31st to 45th)" in out
    assert "E = estimate (the 38th), [ ] = likely range (31st to 45th)" in out


def test_a_student_reads_no_pay_cap(run: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # table cells side by side on one line each
    result = run("assess", "--years", "0", "--setting", "family-practice")
    out = flat(result.out)
    assert "Pays from under $36,050 to about $37,147 a year" in out
    assert "at most" not in out and "Pays at" not in out
    assert "below the 10th percentile (under $36,050 a year; likely up to the 17th)" in out
    assert "estimate below the 10th -> 18th" in out
    assert "0 years: the 10th percentile, a point on the experience curve" in out
    assert "between 0 years" not in out


def test_an_estimate_at_the_floor_is_not_a_clamped_first(run: Runner) -> None:
    result = run("assess", "--years", "0", "--setting", "chiropractic-optometry")
    out = flat(result.out)
    assert "Estimate below the 10th percentile (under $36,050 a year)" in out
    assert "Pays under $36,050 a year" in out
    assert not re.search(r"\b1st\b|\b99th\b", out)
    assert "at most" not in out


def test_an_estimate_past_the_90th(run: Runner) -> None:
    result = run(
        "assess",
        *("--years", "12", "--cert", "CMA", "--cert", "COA", "--cert", "COT"),
        *("--setting", "specialty-clinic", "--specialty", "ophthalmology"),
        *("--leads", "supervises", "--json"),
    )
    text = result.out
    assert "above the 90th percentile (over $59,310 a year" in text
    assert not re.search(r"\b9[1-9]th\b", text.split('"factors"')[0])


def test_the_dollars_come_from_the_wage_table_given(run: Runner, data_copy: Path) -> None:
    oews = data_copy / "oews.toml"  # the national table of the latest release
    text = oews.read_text(encoding="utf-8")
    text = text.replace("annual_10 = 36050", "annual_10 = 34000", 1)
    oews.write_text(text.replace("hourly_10 = 17.33", "hourly_10 = 16.35", 1), encoding="utf-8")
    result = run(
        "--data-dir",
        str(data_copy),
        *("assess", "--years", "0", "--setting", "chiropractic-optometry"),
    )
    assert result.code == 0, result.err
    assert "below the 10th percentile (under $34,000 a year)" in flat(result.out)


def test_history_counts_the_change_it_shows() -> None:
    def record(number: int, percentile: float) -> AssessmentRecord:
        return AssessmentRecord(
            number=number,
            date=f"2025-0{number}-15",
            tier="entry",
            tier_name="Entry",
            estimated_percentile=percentile,
            years=2,
            certs=(),
        )

    assert change(record(1, 27.5), record(2, 34.4)).summary == (
        "estimate 28th -> 34th (+6 points)"
    )
    # A change too small to show is no change on screen.
    assert change(record(1, 27.6), record(2, 28.4)).summary == "no change"


def test_the_batch_median_is_a_whole_percentile(run: Runner, tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    # Estimates 9.5 and 27.5: the median is 18.5, shown as the 19th (never "18.5th").
    roster.write_text(
        "id,years,certifications,setting,specialty,leads\n"
        "A,0,,family-practice,,\nB,2,CMA,family-practice,,\n",
        encoding="utf-8",
    )
    result = run("batch", str(roster), "-o", str(tmp_path / "out.csv"))
    assert result.code == 0, result.err
    out = flat(result.out)
    assert "Median estimated at the 19th percentile" in out
    assert not re.search(r"\d\.\d+(st|nd|rd|th)", out)


# Over generated profiles ------------------------------------------------------------

profiles = st.builds(
    Profile,
    years=st.sampled_from([0, 0.5, 1, 2, 2.5, 3, 4, 4.5, 5, 6, 7.5, 9, 10, 12, 25]),
    certs=st.sets(st.sampled_from([c.id for c in CATALOG.certifications]), max_size=5).map(
        lambda ids: tuple(HeldCert(id=i) for i in sorted(ids))
    ),
    setting=st.sampled_from([s.id for s in CATALOG.settings]),
    specialty=st.none() | st.sampled_from([s.id for s in CATALOG.specialties]),
    leads=st.sampled_from([level.id for level in CATALOG.estimate.leadership]),
    pay=st.none() | st.integers(25_000, 70_000).map(lambda a: Pay(amount=a, per="year")),
)


def _ordinals(text: str) -> list[int]:
    return [int(number) for number in ORDINAL.findall(text)]


@settings(max_examples=examples(150))
@given(profiles)
def test_what_is_shown_adds_up_for_any_profile(profile: Profile) -> None:
    from maplanner.core.report import effect_text

    result = assess(profile, CATALOG)
    words = result.range.percentile_text
    likely = LIKELY.fullmatch(words)
    inside = result.range.low_percentile >= LOWEST and result.range.high_percentile <= HIGHEST
    if inside:
        # Fully inside the published points: the range is even around the estimate shown.
        assert likely is not None, words
        estimate, low, high = (int(n) for n in likely.groups())
        assert estimate - low == high - estimate == HALF
    # Never a percentile BLS does not publish around: every ordinal in the words sits
    # inside the published range (outside it, the words say "below"/"above").
    texts = [words, result.range.estimate_text, result.range.annual_text]
    if result.pay_standing is not None:
        texts.append(result.pay_standing.summary)
    for step in result.next_steps:
        if step.kind == "certification":
            moved = effect_text(step, POINTS)
            texts.append(moved)
            for before, after, gain in MOVE.findall(moved):
                assert int(after) - int(before) == int(gain), moved
    for text in texts:
        assert all(LOWEST <= n <= HIGHEST for n in _ordinals(text)), text
        assert "at most" not in text and "at least" not in text, text


@settings(max_examples=examples(200))
@given(
    st.floats(0, 100, allow_nan=False).map(lambda x: round(x, 2)),
    st.floats(0, 100, allow_nan=False).map(lambda x: round(x, 2)),
)
def test_a_change_always_equals_the_difference_on_screen(before: float, after: float) -> None:
    from maplanner.core import percentile_text

    text = percentile_text.step(before, after, unit=True)
    shown_before, shown_after, gain = MOVE.fullmatch(text).groups()  # type: ignore[union-attr]
    assert int(shown_after) - int(shown_before) == int(gain)
    assert int(shown_before) == int(before + 0.5)  # half up, for values with 2 decimals


def test_hourly_figures_are_called_derived_only_where_they_are() -> None:
    """May 2025 publishes hourly percentiles: a range between two published points is
    BLS's hourly figures; a range with an interpolated end is partly annual / 2,080."""
    from maplanner.catalog.catalog import Catalog
    from maplanner.core.estimate import _wage_range

    catalog = load_catalog(None)
    current = catalog.wage_table(catalog.latest_release)
    partly = _wage_range(32, catalog, current)  # 25th to 39th: the 39th is interpolated
    assert partly.low.hourly_published and not partly.high.hourly_published
    assert partly.hourly_derived
    assert "BLS's at those points and annual / 2,080 hours (derived) between" in partly.note
    wider = catalog.estimate.model_copy(update={"range_half_width": 7.5})
    at_points = _wage_range(
        17.5, Catalog({**dict(catalog.files()), "estimate.toml": wider}), current
    )
    assert (at_points.low.percentile, at_points.high.percentile) == (10, 25)
    assert not at_points.hourly_derived
    older = _wage_range(32, catalog, catalog.wage_table("2024"))
    assert older.hourly_derived
    assert "hourly figures are annual / 2,080 hours (derived)." in older.note
