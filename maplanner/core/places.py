"""Where a person works: a state or an area from what they typed, and its wage table.

--state takes a name, a postal code or a FIPS code in any case (``WA``, ``washington``,
``53``); --area takes a fragment of a metropolitan or nonmetropolitan area's name
(``seattle``, ``vallejo``). More than one match, or none, is an InputError that lists
the candidates or the closest names, so a person can retype without looking anything up.
"""

import difflib
from pathlib import Path

from maplanner.catalog.areas import NATIONAL, AreaRows, Place, area_rows, table_from_figures
from maplanner.catalog.catalog import MA_SOC, Catalog
from maplanner.catalog.oews import fold
from maplanner.catalog.wages import WageTable
from maplanner.errors import InputError

#: How many candidates an ambiguous or unknown name lists.
SHOWN = 8


def states(catalog: Catalog) -> list[Place]:
    return [
        Place(kind="state", code=f"{s.fips}00000", name=s.name, state_fips=s.fips, postal=s.postal)
        for s in catalog.oews.states
    ]


def resolve_state(catalog: Catalog, text: str, option: str = "--state") -> Place:
    """A state or territory by name, postal code or FIPS code, any case; `option` names
    where the text came from in the error (a roster's ``state`` column)."""
    wanted = text.strip()
    folded = fold(wanted)
    for place in states(catalog):
        if (
            wanted.upper() == place.postal
            or (wanted.isdigit() and wanted.zfill(2) == place.state_fips)
            or folded == fold(place.name)
        ):
            return place
    names = [s.name for s in catalog.oews.states]
    close = difflib.get_close_matches(wanted.title(), names, n=3, cutoff=0.5)
    hint = f"; closest: {', '.join(close)}" if close else ""
    raise InputError(
        f"{option} {wanted!r} is not a state or territory BLS publishes: use a name, a "
        f"postal code (WA) or a FIPS code (53){hint}"
    )


def resolve_area(rows: AreaRows, text: str, option: str = "--area") -> Place:
    """A metropolitan or nonmetropolitan area by a fragment of its name."""
    wanted = fold(text)
    if not wanted:
        raise InputError(f"{option} needs part of an area's name, like seattle or vallejo")
    places = rows.places()
    folded = [(fold(p.name), p) for p in places]
    exact = [p for name, p in folded if name == wanted]
    if exact:
        return exact[0]
    found = [p for name, p in folded if wanted in name]
    if len(found) == 1:
        return found[0]
    if found:
        shown = "; ".join(p.name for p in found[:SHOWN])
        more = f" (and {len(found) - SHOWN} more)" if len(found) > SHOWN else ""
        raise InputError(
            f"{option} {text.strip()!r} matches {len(found)} areas: {shown}{more}; "
            "type more of the name"
        )
    words: dict[str, list[str]] = {}
    for name, p in folded:
        for word in name.split():
            words.setdefault(word, []).append(p.name)
    close = difflib.get_close_matches(wanted, list(words), n=3, cutoff=0.6)
    names = list(dict.fromkeys(name for word in close for name in words[word]))[:SHOWN]
    hint = "; closest: " + "; ".join(names) if names else ""
    raise InputError(f"{option} {text.strip()!r} is not part of any area BLS publishes{hint}")


def resolve_place(
    catalog: Catalog, override: Path | None, state: str | None, area: str | None
) -> Place | None:
    """The place from --state or --area (not both); None when neither was given."""
    if state is not None and area is not None:
        raise InputError("give --state or --area, not both (an area already names its state)")
    if state is not None:
        return resolve_state(catalog, state)
    if area is not None:
        return resolve_area(area_rows(catalog, override), area)
    return None


def place_table(
    catalog: Catalog, override: Path | None, place: Place, soc: str = MA_SOC
) -> WageTable | str:
    """The place's table for an occupation, or BLS's reason for publishing none."""
    if place.kind == "national":
        from maplanner.catalog.oews_tables import national_table

        return national_table(catalog, soc)
    figures = area_rows(catalog, override).figures(place, soc)
    if figures is None:
        return "BLS publishes no estimate for this occupation here"
    occupation = catalog.oews.occupation_named(soc)
    name = occupation.name if occupation is not None else soc
    table = table_from_figures(catalog, figures, occupation=name, soc=soc, area=place.name)
    if table is None:
        code = figures.note("annual_50")
        return catalog.oews.footnotes.get(str(code), "Estimate not released.")
    return table


def best_area(
    catalog: Catalog, override: Path | None, where: Place
) -> tuple[Place, WageTable] | None:
    """The metropolitan area of `where`'s state with the highest published MA median
    (nonmetropolitan areas left out; ties go to the first name), with its table; None
    when the state has no such area, or the person already works in it."""
    rows = area_rows(catalog, override)
    best: tuple[float, Place] | None = None
    candidates = [
        area
        for area in rows.places()
        if area.state_fips == where.state_fips and "nonmetropolitan" not in area.name.lower()
    ]
    for area in sorted(candidates, key=lambda p: p.name):
        figures = rows.figures(area, MA_SOC)
        median = None if figures is None else figures.annual_50
        if median is not None and (best is None or median > best[0]):
            best = (median, area)
    if best is None or best[1].code == where.code:
        return None
    table = place_table(catalog, override, best[1])
    return None if isinstance(table, str) else (best[1], table)


def national() -> Place:
    return NATIONAL
