"""Every example in README.md and docs/ gives the output the page shows.

The pages' ``console`` blocks are run in-process (see tests/doc_examples.py for how a
block declares its environment and its cuts). When output changes on purpose, run
``python scripts/update_docs.py`` and read the diff.
"""

from pathlib import Path

import pytest

from tests.doc_examples import (
    REPO,
    ExampleError,
    blocks,
    check_page,
    mark_console_blocks,
    matches,
    pages,
    refreshed,
    shell_lines_outside_console,
)

PAGES = pages()


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(REPO)) for p in PAGES])
def test_examples_give_the_output_shown(page: Path) -> None:
    differences = check_page(page)
    assert not differences, (
        "\n\n".join(str(d) for d in differences)
        + "\n\nIf the change is intended: python scripts/update_docs.py"
    )


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(REPO)) for p in PAGES])
def test_every_shell_example_is_a_console_block(page: Path) -> None:
    lines = page.read_text(encoding="utf-8").splitlines()
    assert shell_lines_outside_console(lines) == [], "use ```console (or console not-checked)"


def test_the_readme_is_short() -> None:
    assert len((REPO / "README.md").read_text(encoding="utf-8").splitlines()) < 200


def test_the_readme_runs_the_tests_as_ci_does() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8").splitlines()
    command = next(line for line in readme if line.endswith("python -m pytest"))
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(ci) if "README's test command" in line) + 1
    steps = ci[start : ci.index("", start)]
    assert command.split(" && ") == steps


def test_the_docs_have_examples_that_run() -> None:
    checked = [
        block
        for page in PAGES
        for block in blocks(page.read_text(encoding="utf-8").splitlines())
        if block.checked
    ]
    assert len(checked) >= 30


def test_an_excerpt_matches_any_lines_where_it_cuts() -> None:
    actual = ["a", "b", "c", "d", "e"]
    assert matches(["a", "...", "e"], actual, excerpt=True)
    assert matches(["...", "c", "..."], actual, excerpt=True)
    assert matches(["a", "b", "...", "c", "d", "e"], actual, excerpt=True)
    assert not matches(["a", "...", "d"], actual, excerpt=True)
    assert not matches(["b", "..."], actual, excerpt=True)
    assert not matches(["a", "...", "e"], actual, excerpt=False)


def test_an_update_keeps_an_excerpts_cuts() -> None:
    actual = ["head", "x1", "x2", "middle 2", "y", "tail"]
    assert refreshed(["head", "...", "middle", "...", "tail"], actual, excerpt=True) == [
        "head",
        "...",
        "middle 2",
        "...",
        "tail",
    ]
    assert refreshed(["old"], actual, excerpt=False) == actual


def test_a_rewritten_page_passes(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "Intro.\n\n```console\n$ maplanner salary --percentile 75 --json \\\n"
        "    2>/dev/null | head -2\nstale\n$ echo $?\n7\n```\n\n"
        "```console fresh excerpt\n$ maplanner certs cmx\n...\n```\n",
        encoding="utf-8",
    )
    assert len(check_page(page, rewrite=True)) == 2
    assert check_page(page) == []
    text = page.read_text(encoding="utf-8")
    assert "$ echo $?\n0\n" in text and '{\n  "source_id"' in text
    assert "    2>/dev/null | head -2\n" in text


def test_plain_blocks_with_commands_can_be_marked(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "```\n$ maplanner certs cmx\nold\n```\n\n  ```\n  $ maplanner guide\n  ...\n  ```\n"
        "\n```\nnot a command\n```\n",
        encoding="utf-8",
    )
    assert mark_console_blocks(page) == 2
    lines = page.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "```console" and lines[5] == "  ```console excerpt" and lines[10] == "```"
    assert shell_lines_outside_console(lines) == []
    assert len(check_page(page, rewrite=True)) == 1
    assert check_page(page) == []


def test_unsupported_commands_are_refused(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("```console\n$ rm -rf /\n```\n", encoding="utf-8")
    with pytest.raises(ExampleError, match="only maplanner"):
        check_page(page)
    page.write_text("```console\n$ maplanner certs\n...\n```\n", encoding="utf-8")
    with pytest.raises(ExampleError, match="excerpt"):
        check_page(page)
