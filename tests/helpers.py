"""Small checks that many test modules share: a command that must succeed, its JSON,
and its words with the line wrapping undone."""

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from maplanner.catalog.areas import AREAS_FILE
from maplanner.catalog.catalog import Catalog
from maplanner.catalog.loader import packaged_data_dir
from maplanner.catalog.wages import WageTable
from maplanner.core.money import Pay
from maplanner.core.profile import HeldCert, Profile
from maplanner.errors import InputError
from tests.conftest import Runner

#: What a terminal line of maplanner's people-facing output may be at COLUMNS=80.
WIDTH = 80

_BOX_EDGES = re.compile(r"[│╭╮╰╯─]")


def ok(run: Runner, *args: str, input: str = "") -> str:
    """Run a command that must succeed quietly; return its stdout.

    Quietly: exit 0, nothing on stderr, no colour codes, and (without --json) no line
    wider than the 80 columns the tests run at.
    """
    result = run(*args, input=input)
    assert result.code == 0, result.err
    assert result.err == ""
    assert "\x1b[" not in result.out
    if "--json" not in args:
        for line in result.out.splitlines():
            assert len(line) <= WIDTH, line
    return result.out


def refusal(call: Callable[..., object], *args: object, **kwargs: object) -> str:
    """The message of the InputError that `call(*args, **kwargs)` must raise."""
    with pytest.raises(InputError) as refused:
        call(*args, **kwargs)
    return refused.value.message


def ok_json(run: Runner, *args: str) -> Any:
    """Run a command with --json that must succeed; stdout is exactly one document."""
    return json.loads(ok(run, *args, "--json"))


def flat(text: str) -> str:
    """Output with box edges and line wrapping taken out, for checking sentences."""
    return " ".join(_BOX_EDGES.sub(" ", text).split())


def profile(
    years: float,
    setting: str = "family-practice",
    certs: tuple[str, ...] = (),
    specialty: str | None = None,
    leads: str = "none",
    pay: Pay | None = None,
) -> Profile:
    return Profile(
        years=years,
        certs=tuple(HeldCert(id=c) for c in certs),
        setting=setting,
        specialty=specialty,
        leads=leads,
        pay=pay,
    )


def catalog_with(catalog: Catalog, name: str, **update: object) -> Catalog:
    """`catalog` with the fields of data file `name`'s document replaced by `update`:
    data that could ship, to reach a rule the shipped data does not."""
    files = catalog.files()
    files[name] = files[name].model_copy(update=update)
    return Catalog(files)


def washington(catalog: Catalog) -> WageTable:
    """Washington's May 2025 MA table: 10th $46,540, 25th $49,310, median $59,290."""
    from maplanner.core.places import place_table, resolve_state

    table = place_table(catalog, None, resolve_state(catalog, "WA"))
    assert isinstance(table, WageTable)
    return table


def override_areas(folder: Path, changes: dict[tuple[str, str], dict[str, str]]) -> None:
    """An override area file: the shipped rows of the changed areas' states (a small
    file reads fast), with those rows' columns changed; each row is named by its area
    and occupation."""
    shipped = (packaged_data_dir() / AREAS_FILE).read_text(encoding="utf-8")
    every = list(csv.DictReader(io.StringIO(shipped)))
    states = {row["state_fips"] for row in every if (row["area_name"], row["soc_code"]) in changes}
    rows = [row for row in every if row["state_fips"] in states]
    for row in rows:
        row.update(changes.get((row["area_name"], row["soc_code"]), {}))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    (folder / AREAS_FILE).write_text(out.getvalue(), encoding="utf-8")


def median_columns(annual: int) -> dict[str, str]:
    """An area row's median changed to `annual`, the hourly one with it (the file's
    checks ask for both)."""
    return {"annual_50": str(annual), "hourly_50": f"{annual / 2080:.2f}"}


def withheld_columns(points: tuple[int, ...], footnote: str = "5") -> dict[str, str]:
    """An area row's columns for these percentiles left blank, each under BLS's
    `footnote` (5: the wage is at or above the top BLS prints)."""
    columns = [f"{kind}_{point}" for point in points for kind in ("annual", "hourly")]
    notes = ";".join(f"{column}={footnote}" for column in columns)
    return {**dict.fromkeys(columns, ""), "footnotes": notes}
