"""Turn what a person typed into a catalog id, or a helpful 'did you mean' error."""

import difflib
from collections.abc import Iterable, Mapping

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


def resolve_id(
    value: str,
    choices: Mapping[str, Iterable[str]],
    *,
    option: str,
    what: str,
) -> str:
    """Match `value` to one id, case-insensitively, by id or by any listed alias.

    `choices` maps each id to its other names (aliases, full names). An unknown value
    raises InputError naming the value, the closest matches and where to see them all.
    """
    if len(value) > MAX_MATCH_CHARS:
        raise InputError(unknown_message(value, choices, option=option, what=what))
    wanted = value.strip().lower()
    for choice_id, names in choices.items():
        if wanted == choice_id.lower() or wanted in {name.lower() for name in names}:
            return choice_id
    raise InputError(unknown_message(value, choices, option=option, what=what))


def name_table(choices: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """Every id and name, lower-cased, to its id: `resolve_id`'s matches as one dict.

    Built in the same order `resolve_id` searches, so where two choices share a name
    the same one wins.
    """
    table: dict[str, str] = {}
    for choice_id, names in choices.items():
        for name in (choice_id, *names):
            table.setdefault(name.lower(), choice_id)
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
