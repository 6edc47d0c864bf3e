"""The small wording helpers (core/text.py) and the repeated-id check
(core/repeated_ids.py), whose every detail reaches a user's screen or warning."""

import pytest

from maplanner.core.repeated_ids import ID_LIMIT, RepeatedIds
from maplanner.core.text import (
    cut,
    dollars,
    dollars_apart,
    hourly,
    join_words,
    months_count,
    plain_decimal,
    quoted,
    shown_gap,
    years_count,
)


def test_money_reads_in_whole_dollars_or_cents_with_separators() -> None:
    assert dollars(48_160.4) == "$48,160"
    assert dollars(1_234_567.5) == "$1,234,568"
    assert hourly(21.254) == "$21.25"
    assert hourly(1_234.5) == "$1,234.50"


@pytest.mark.parametrize(
    ("value", "words"), [(1, "1 year"), (0, "0 years"), (2.5, "2.5 years"), (10, "10 years")]
)
def test_years_read_singular_only_for_one(value: float, words: str) -> None:
    assert years_count(value) == words


@pytest.mark.parametrize(("value", "words"), [(1, "1 month"), (0, "0 months"), (6, "6 months")])
def test_months_read_singular_only_for_one(value: int, words: str) -> None:
    assert months_count(value) == words


@pytest.mark.parametrize(
    ("amount", "other", "gap"),
    [
        (46_910.4, 46_910, 0),  # printed "$46,910" twice: the same, not "$0 above"
        (46_910.6, 46_910, 1),
        (46_909.5, 46_910, 0),  # half to even, as dollars() prints it: "$46,910"
        (46_910.5, 46_910, 0),
        (45_520, 45_690, -170),
    ],
)
def test_a_gap_is_between_the_dollars_as_printed(amount: float, other: float, gap: int) -> None:
    assert shown_gap(amount, other) == gap
    assert dollars(amount) == dollars(other + gap)


@pytest.mark.parametrize(
    ("amount", "other", "words"),
    [
        (46_910, 45_690, "$1,220 above"),
        (45_520, 45_690, "$170 below"),
        (45_691, 45_690, "$1 above"),
        (45_690.4, 45_690, None),  # both print as $45,690
    ],
)
def test_how_far_apart_two_printed_figures_are(
    amount: float, other: float, words: str | None
) -> None:
    assert dollars_apart(amount, other) == words


@pytest.mark.parametrize(
    ("items", "word", "words"),
    [
        ([], "and", ""),
        (["CMA"], "and", "CMA"),
        (["CMA", "RMA"], "and", "CMA and RMA"),
        (["CMA", "RMA", "CCMA"], "or", "CMA, RMA or CCMA"),
    ],
)
def test_lists_read_as_a_sentence(items: list[str], word: str, words: str) -> None:
    assert join_words(iter(items), word) == words


def test_a_list_joins_with_and_unless_told() -> None:
    assert join_words(["CPT", "BLS"]) == "CPT and BLS"


@pytest.mark.parametrize(
    ("text", "value"),
    [("4", 4.0), (" 2.5 ", 2.5), (".5", 0.5), ("5.", 5.0), ("+3", 3.0), ("-1", -1.0)],
)
def test_plain_decimals_are_read(text: str, value: float) -> None:
    assert plain_decimal(text) == value


@pytest.mark.parametrize(
    "text", ["", ".", "+", "٣", "1_0", "1e1", "inf", "nan", "4.5.1", "a.5", "4.b", "X4"]
)
def test_anything_else_is_not_a_decimal(text: str) -> None:
    with pytest.raises(ValueError) as raised:
        plain_decimal(text)
    assert str(raised.value) == f"{text!r} is not a decimal number"


def test_repeated_ids_stop_being_checked_past_the_limit() -> None:
    assert RepeatedIds().limit == ID_LIMIT == 100_000
    seen = RepeatedIds(limit=2)
    assert [seen.first_line(line, row_id) for line, row_id in [(2, "a"), (3, "b"), (4, "a")]] == [
        None,
        None,
        2,
    ]
    assert not seen.stopped
    assert seen.first_line(5, "c") is None  # a third different id: checking stops
    assert seen.stopped
    assert seen.first_line(6, "a") is None  # and the ids remembered are let go
    assert seen.first_line(7, "a") is None  # nor is any id remembered from then on
    assert seen.repeats == 1


def test_every_repeat_is_counted_and_a_blank_id_is_never_one() -> None:
    seen = RepeatedIds(limit=10)
    ids = ["a", "", "a", "", "a"]
    lines = [seen.first_line(line, row_id) for line, row_id in enumerate(ids, start=2)]
    assert lines == [None, None, 2, None, 2]
    assert seen.repeats == 2


@pytest.mark.parametrize(
    ("text", "limit", "shown"),
    [
        ("  may ", 20, "'may'"),
        ("x" * 20, 20, repr("x" * 20)),
        ("x" * 21, 20, repr("x" * 19 + "…")),
        ("y" * 40, 40, repr("y" * 40)),
        ("y" * 41, 40, repr("y" * 39 + "…")),
        (" " + "z" * 40 + " ", 40, repr("z" * 40)),  # spaces around do not count
    ],
)
def test_a_value_in_a_message_is_quoted_and_cut_to_its_limit(
    text: str, limit: int, shown: str
) -> None:
    assert quoted(text, limit) == shown
    if limit == 40:
        assert quoted(text) == shown


@pytest.mark.parametrize(
    ("text", "limit", "shown"),
    [
        ("a b ", 4, "a b "),  # cut keeps spaces; quoted strips them first
        ("abcde", 4, "abc…"),
        ("x" * 40, None, "x" * 40),
        ("x" * 41, None, "x" * 39 + "…"),
    ],
)
def test_a_cut_value_is_never_longer_than_its_limit(
    text: str, limit: int | None, shown: str
) -> None:
    assert (cut(text) if limit is None else cut(text, limit)) == shown
