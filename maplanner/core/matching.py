"""Turn what a person typed into a catalog id, or a helpful 'did you mean' error.

Names are matched the way people type them: case, spaces, hyphens, underscores and
punctuation are ignored ("Family Practice", "family_practice" and "family-practice"
are one name; so are "OB/GYN" and "obgyn"), and the data lists the short forms people
use as aliases ("peds", "ortho", "primary care"). When the words typed only begin the
words of a name ("urgent", "phleb"), the one choice they fit is taken, with a note
(`take_notes`, which the edge shows on stderr); several are listed, nothing guessed.
"""

import difflib
import re
from collections.abc import Iterable, Mapping

from maplanner.catalog.base import name_key
from maplanner.errors import InputError

#: The longest value matched against names: far past any id or name, short enough that
#: "did you mean" (difflib, time growing with the square of the length) stays instant.
MAX_MATCH_CHARS = 200


def too_long(value: str, *, option: str, what: str) -> str | None:
    """The message for a value too long to be a name (None when it is short enough)."""
    if len(value) <= MAX_MATCH_CHARS:
        return None
    return (
        f"{option} {value[:20]!r}... is {len(value):,} characters long: a {what} is "
        f"a name or an id of at most {MAX_MATCH_CHARS} characters"
    )


#: Typed words shorter than this (as a key) are not looked for inside longer names.
MIN_PART = 3

#: Notes on names taken from part of what was typed, for the edge to show on stderr.
_NOTES: list[str] = []


def key(text: str) -> str:
    """A name as matching sees it: letters and digits only, case folded ("obgyn")."""
    return name_key(text)


def note_taken(option: str, value: str, choice_id: str) -> None:
    """Record that `value` was taken as `choice_id` from part of a name."""
    _NOTES.append(f"taking {option} {value.strip()!r} as {choice_id}")


def take_notes() -> list[str]:
    """The notes made since the last call, oldest first, each once (and forget them).

    A roster can name the same setting the same way on every row: one note says it.
    """
    notes = list(dict.fromkeys(_NOTES))
    _NOTES.clear()
    return notes


def resolve_id(
    value: str,
    choices: Mapping[str, Iterable[str]],
    *,
    option: str,
    what: str,
) -> str:
    """Match `value` to one id, by id or by any listed alias, the way people type names.

    `choices` maps each id to its other names (aliases, full names). A name equal to
    the value (see `key`) wins; else the one choice with a name whose words begin with
    the words typed is taken, with a note; several raise InputError listing them, and
    an unknown value raises InputError naming the value, the closest matches and where
    to see them all.
    """
    long = too_long(value, option=option, what=what)
    if long is not None:
        raise InputError(long)
    wanted = key(value)
    named = {choice_id: [choice_id, *names] for choice_id, names in choices.items()}
    for choice_id, names in named.items():
        if wanted and any(wanted == key(name) for name in names):
            return choice_id
    found = containing(value, named)
    if len(found) == 1:
        note_taken(option, value, found[0])
        return found[0]
    if found:
        raise InputError(several_message(value, found, choices, option=option, what=what))
    raise InputError(unknown_message(value, choices, option=option, what=what))


def words_of(text: str) -> list[str]:
    """The words of a name, case folded, split at anything not a letter or digit."""
    return re.findall(r"[^\W_]+", text.casefold())


def containing(value: str, choices: Mapping[str, Iterable[str]]) -> list[str]:
    """The ids with a name whose words begin with the words typed, in order of the data.

    "nurse" begins a word of both nurse paths; "phleb" begins "phlebotomy"; "cmaa"
    begins no word, so it is left to the did-you-mean suggestions.
    """
    typed = words_of(value)
    if not typed or len(key(value)) < MIN_PART:
        return []
    found: list[str] = []
    for choice_id, names in choices.items():
        for name in (choice_id, *names):
            name_words = words_of(name)
            if all(any(word.startswith(part) for word in name_words) for part in typed):
                found.append(choice_id)
                break
    return found


def several_message(
    value: str,
    found: list[str],
    choices: Mapping[str, Iterable[str]],
    *,
    option: str,
    what: str,
) -> str:
    """'paths 'nurse' fits more than one career path: lpn-lvn (...), rn (...); pick one'."""
    listed = ", ".join(_with_name(choice_id, choices) for choice_id in found)
    return f"{option} {value.strip()!r} fits more than one {what}: {listed}; pick one of them"


def _with_name(choice_id: str, choices: Mapping[str, Iterable[str]]) -> str:
    first = next(iter(choices[choice_id]), None)
    return f"{choice_id} ({first})" if first and key(first) != key(choice_id) else choice_id


def name_table(choices: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """Every id and name as a `key`, to its id: `resolve_id`'s exact matches as one dict.

    Built in the same order `resolve_id` searches, so where two choices share a name
    the same one wins.
    """
    table: dict[str, str] = {}
    for choice_id, names in choices.items():
        for name in (choice_id, *names):
            table.setdefault(key(name), choice_id)
    return table


def unknown_message(
    value: str, choices: Mapping[str, Iterable[str]], *, option: str, what: str
) -> str:
    long = too_long(value, option=option, what=what)
    if long is not None:
        return long
    suggestions = suggest(value, choices)
    listed = ", ".join(choices)
    if suggestions:
        return (
            f"{option} {value!r} is not a known {what}; did you mean "
            f"{' or '.join(suggestions)}? (choices: {listed})"
        )
    return f"{option} {value!r} is not a known {what}; choose one of: {listed}"


def suggest(value: str, choices: Mapping[str, Iterable[str]], limit: int = 3) -> list[str]:
    """The ids whose id or names look most like `value`, best first (none for a value
    longer than any name could be)."""
    if len(value) > MAX_MATCH_CHARS:
        return []
    wanted = value.strip().lower()
    scored: dict[str, float] = {}
    for choice_id, names in choices.items():
        for name in (choice_id, *names):
            name_lower = name.lower()
            score = difflib.SequenceMatcher(None, wanted, name_lower).ratio()
            if wanted and (wanted in name_lower or name_lower in wanted):
                score = max(score, 0.8)
            if score >= 0.6:
                scored[choice_id] = max(scored.get(choice_id, 0.0), score)
    return sorted(scored, key=lambda choice: -scored[choice])[:limit]
