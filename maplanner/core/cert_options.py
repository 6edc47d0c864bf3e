"""What `maplanner certs` options mean: a track name and a career year.

Apart from the certification models, so that reading the options costs no model
classes (every form of the command reads them first).
"""

import re

from maplanner.catalog.certs import TRACKS, Track
from maplanner.core.matching import resolve_id
from maplanner.core.text import quoted
from maplanner.errors import InputError

_WHOLE_NUMBER = re.compile(r"[+-]?[0-9]+", re.ASCII)
#: More digits than this cannot be a career year; say "out of range" without int().
_MAX_DIGITS = 6


def check_track(value: str | None) -> Track | None:
    """A track name, case-insensitive; None means every track. Matching ignores spaces and
    hyphens, so 'life support' is life-support with no alias."""
    if value is None:
        return None
    choices: dict[str, list[str]] = {track: [] for track in TRACKS}
    found = resolve_id(value, choices, option="--track", what="track")
    return next(track for track in TRACKS if track == found)


def parse_year(value: str | int, max_year: int) -> int:
    """A career year: a whole number from 0 (in training) to `max_year`."""
    accepted = f"use a whole number of years from 0 to {max_year} (0 = still in training)"
    text = str(value).strip()
    shown = quoted(text, 20)
    if not _WHOLE_NUMBER.fullmatch(text):
        raise InputError(f"--year {shown} is not a whole number: {accepted}")
    digits = text.lstrip("+-").lstrip("0")
    if len(digits) > _MAX_DIGITS:
        raise InputError(f"--year {shown} is out of range: {accepted}")
    year = int(text)
    if not 0 <= year <= max_year:
        raise InputError(f"--year {year} is out of range: {accepted}")
    return year
