"""Shared building blocks for the catalog models."""

from collections.abc import Iterable
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

#: Ids are lower-case slugs (``family-practice``) or upper-case credential codes (``CMA``).
Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9-]*$", max_length=40)]
#: Prose written for people: never empty, never a novel.
Text = Annotated[str, StringConstraints(min_length=1, max_length=600, strip_whitespace=True)]


class Strict(BaseModel):
    """Every catalog model rejects unknown keys, so a typo in a data file is an error.

    ``defer_build``: a model's validator is built the first time it validates, not when
    its class is defined. A run that takes the catalog from the validated snapshot
    (maplanner/catalog/snapshot.py) then builds none, which saves most of its start-up.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True, allow_inf_nan=False)


def name_key(name: str) -> str:
    """A name as people's typing is matched: letters and digits, case folded.

    The same rule as `maplanner.core.matching.key`, so that a name the data accepts
    is one a lookup can tell apart from every other.
    """
    return "".join(char for char in name.casefold() if char.isalnum())


def check_names_unique(what: str, named: Iterable[tuple[str, Iterable[str]]]) -> None:
    """An id, name or alias must point at one thing once case and punctuation go."""
    owner: dict[str, str] = {}
    for item_id, names in named:
        for key in {name_key(name) for name in (item_id, *names)}:
            if key in owner and owner[key] != item_id:
                raise ValueError(f"{key!r} names both {what} {owner[key]} and {item_id}")
            owner[key] = item_id
