"""`maplanner guide`: the topic list, one topic, figures from the BLS tables, errors."""

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest

from maplanner.catalog.loader import packaged_data_dir
from tests import seed_overlap
from tests.conftest import Runner

TOPICS = ["day-in-the-work", "pros-and-cons", "beginner-mistakes", "getting-hired", "faq"]


def widest(text: str) -> int:
    return max(len(line) for line in text.splitlines())


def topic_json(run: Runner, topic: str) -> dict[str, Any]:
    result = run("guide", topic, "--json")
    assert result.code == 0, result.err
    # A topic found from part of its name is said on stderr; an exact name is silent.
    assert result.err == "" or (
        result.err.startswith(f"maplanner: taking topic {topic.strip()!r} as ")
        and result.err.count("\n") == 1
    ), result.err
    document = json.loads(result.out)
    assert isinstance(document, dict)
    return document


def test_no_topic_lists_id_title_and_summary(run: Runner) -> None:
    result = run("guide")
    assert (result.code, result.err) == (0, "")
    for topic in TOPICS:
        assert f"│ {topic}" in result.out
    assert "Getting hired" in result.out and "Frequently asked" in result.out
    assert widest(result.out) <= 80


def test_topic_list_json_shape(run: Runner) -> None:
    result = run("guide", "--json")
    assert (result.code, result.err) == (0, "")
    document = json.loads(result.out)
    assert list(document) == ["topics"]
    assert [t["id"] for t in document["topics"]] == TOPICS
    assert all(set(t) == {"id", "title", "summary"} for t in document["topics"])
    assert document["topics"][3] == {
        "id": "getting-hired",
        "title": "Getting hired",
        "summary": "What employers look for, and how to show it on a resume.",
    }


@pytest.mark.parametrize("topic", TOPICS)
def test_every_topic_reads_within_80_columns(run: Runner, topic: str) -> None:
    result = run("guide", topic)
    assert (result.code, result.err) == (0, "")
    assert widest(result.out) <= 80
    assert "\x1b[" not in result.out
    assert "Sources" in result.out


def test_topic_json_shape(run: Runner) -> None:
    document = topic_json(run, "faq")
    assert set(document) == {"topic", "sources"}
    topic = document["topic"]
    assert isinstance(topic, dict)
    assert set(topic) == {"id", "title", "summary", "sections"}
    assert topic["id"] == "faq"
    for section in topic["sections"]:
        assert set(section) == {"heading", "points", "sources"}
        assert section["points"] and section["sources"]
    sources = document["sources"]
    assert isinstance(sources, list)
    assert all(set(s) == {"id", "publisher", "title", "period", "url"} for s in sources)
    assert {s["id"] for s in sources} == {
        "guide-resumegeni",
        "guide-jobicy",
        "bls-oews-2024",
        "bls-oews-2025",
        "bls-ep-2024-34",
    }


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("FAQ", "faq"),
        ("questions", "faq"),
        ("Getting Hired", "getting-hired"),
        ("mistake", "beginner-mistakes"),
        ("hired", "getting-hired"),
        ("  pros  ", "pros-and-cons"),
        ("DAY-IN", "day-in-the-work"),
    ],
)
def test_topics_by_id_title_alias_or_fragment_in_any_case(
    run: Runner, typed: str, expected: str
) -> None:
    topic = topic_json(run, typed)["topic"]
    assert isinstance(topic, dict) and topic["id"] == expected


def test_unknown_topic_is_exit_2_with_suggestion_and_list(run: Runner) -> None:
    result = run("guide", "mistaks")
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "maplanner: topic 'mistaks' is not a known guide topic; did you mean "
        "beginner-mistakes? (choices: day-in-the-work, pros-and-cons, beginner-mistakes, "
        "getting-hired, faq)\n"
    )


def test_unknown_topic_without_a_close_match_lists_the_topics(run: Runner) -> None:
    result = run("guide", "zzz")
    assert result.code == 2
    assert result.err == (
        "maplanner: topic 'zzz' is not a known guide topic; choose one of: "
        "day-in-the-work, pros-and-cons, beginner-mistakes, getting-hired, faq\n"
    )


def test_a_fragment_fitting_several_topics_lists_them(run: Runner) -> None:
    result = run("guide", "in")
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "maplanner: topic 'in' fits several topics: day-in-the-work (A day in the work), "
        "beginner-mistakes (Common beginner mistakes), getting-hired (Getting hired); pick "
        "one id\n"
    )


def test_a_fragment_fitting_one_topic_says_which_it_took(run: Runner) -> None:
    result = run("guide", "mistak")
    assert result.code == 0
    assert result.err == "maplanner: taking topic 'mistak' as beginner-mistakes\n"


def test_faq_uses_the_shipped_bls_figures(run: Runner) -> None:
    out = run("guide", "faq").out
    flat = " ".join(out.split())
    assert "The BLS median is $45,690 a year, or $21.97 an hour (May 2025)." in flat
    assert "from $36,050 at the 10th percentile to $59,310 at the 90th percentile" in flat
    assert "grow 12.5% from 2024 to 2034" in flat
    assert "about 112,300 openings a year" in flat
    assert "817,870 wage and salary jobs" in flat
    assert "811,000 for 2024" in flat
    assert (
        "BLS gives the usual entry education as: postsecondary nondegree award (a "
        "certificate or diploma, usually 9 to 12 months)." in flat
    )
    for stale in ("38,500", "16%", "33,950", "43,050", "45,000"):
        assert stale not in out


def test_faq_covers_both_guides_questions(run: Runner) -> None:
    topic = topic_json(run, "faq")["topic"]
    assert isinstance(topic, dict)
    headings = [section["heading"] for section in topic["sections"]]
    for question in (
        "Do I need a certification?",
        "How long does training take?",
        "What does an MA earn?",
        "Is it a good long-term career?",
        "How many MAs work in the US?",
        "CMA or RMA: what is the difference?",
        "How is an MA different from a nurse?",
        "Can MAs give medications?",
        "Can MAs specialize?",
        "Can MAs work remotely?",
        "Do MAs have to follow HIPAA?",
    ):
        assert question in headings


def test_getting_hired_says_how_to_quantify_impact(run: Runner) -> None:
    flat = " ".join(run("guide", "getting-hired").out.split())
    assert "how many patients you see a day" in flat
    assert "how many providers you support" in flat
    assert "which EHR systems you use" in flat
    assert "CPR/BLS" in flat


def test_figures_follow_the_outlook_file(run: Runner, data_copy: Path) -> None:
    outlook = data_copy / "outlook.toml"
    outlook.write_text(
        outlook.read_text(encoding="utf-8").replace(
            "openings_per_year = 112300", "openings_per_year = 120000"
        ),
        encoding="utf-8",
    )
    result = run("--data-dir", str(data_copy), "guide", "faq")
    assert result.code == 0
    assert "about 120,000 openings a year" in " ".join(result.out.split())


def test_unknown_placeholder_is_a_data_error(run: Runner, data_copy: Path) -> None:
    guide = data_copy / "guide.toml"
    guide.write_text(
        guide.read_text(encoding="utf-8").replace("{median_annual}", "{median_salary}"),
        encoding="utf-8",
    )
    result = run("--data-dir", str(data_copy), "guide")
    assert (result.code, result.out) == (1, "")
    assert "guide.toml" in result.err and "unknown placeholder {median_salary}" in result.err


def test_a_stray_brace_is_a_data_error(run: Runner, data_copy: Path) -> None:
    guide = data_copy / "guide.toml"
    guide.write_text(
        guide.read_text(encoding="utf-8").replace("Long hours on your feet", "Long {hours"),
        encoding="utf-8",
    )
    result = run("--data-dir", str(data_copy), "guide")
    assert result.code == 1
    assert "unmatched brace" in result.err


def test_advice_is_not_copied_from_the_guides() -> None:
    runs = seed_overlap.seed_runs()
    if runs is None:
        pytest.skip("the seed guides are not available here")
    document = tomllib.loads((packaged_data_dir() / "guide.toml").read_text(encoding="utf-8"))
    assert seed_overlap.copied(document, runs) == []


def test_advice_types_no_wage_or_outlook_figure_directly() -> None:
    """Pay and outlook figures come from placeholders, so they cannot go stale."""
    text = (packaged_data_dir() / "guide.toml").read_text(encoding="utf-8")
    for figure in ("44,200", "44200", "21.25", "12.5", "112,300", "793,460", "811,000"):
        assert figure not in text
