"""A guard against copying the career guides: prose must be in maplanner's own words.

Facts, figures and names (a list of job titles, a degree's name) may carry over, so
short shared runs are fine; a run of RUN_WORDS words or more shared with a seed guide
is taken as a copied sentence.
"""

import re
from collections.abc import Iterator
from pathlib import Path

#: The two career guides maplanner's data was written from, kept beside the repository.
SEEDS_DIR = Path(__file__).resolve().parents[2] / "shared" / "seeds"
RUN_WORDS = 9
#: Keys whose values are identifiers or names, not prose.
NOT_PROSE = {"id", "source", "aliases", "credentials", "next", "leadership"}


def words(text: str) -> list[str]:
    text = text.lower().replace("\u2019", "'")
    return [w.strip(".,") for w in re.findall(r"[a-z0-9$%'.,/-]+", text) if w.strip(".,")]


def seed_runs() -> set[tuple[str, ...]] | None:
    """Every RUN_WORDS-word run in the seed guides, or None when they are not present."""
    seeds = sorted(SEEDS_DIR.glob("*.txt")) if SEEDS_DIR.is_dir() else []
    if not seeds:
        return None
    runs: set[tuple[str, ...]] = set()
    for seed in seeds:
        tokens = words(seed.read_text(encoding="utf-8", errors="replace"))
        runs.update(tuple(tokens[i : i + RUN_WORDS]) for i in range(len(tokens) - RUN_WORDS + 1))
    return runs


def prose(value: object) -> Iterator[str]:
    """Every prose string in a parsed TOML document."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, child in value.items():
            if key not in NOT_PROSE:
                yield from prose(child)
    elif isinstance(value, list):
        for child in value:
            yield from prose(child)


def copied(document: object, runs: set[tuple[str, ...]]) -> list[str]:
    """The prose strings that share a run of RUN_WORDS words with a seed."""
    found = []
    for text in prose(document):
        tokens = words(text)
        spans = (tuple(tokens[i : i + RUN_WORDS]) for i in range(len(tokens) - RUN_WORDS + 1))
        if any(span in runs for span in spans):
            found.append(text)
    return found
