"""Throughput and peak memory of `maplanner batch` on a generated roster.

Generates a roster (100,000 rows by default; `--rows 1000000` for a million) with a
fixed seed, runs `maplanner batch` on it as a child process, and reports rows per
second (wall time of the whole process, start-up included) and the child's peak
resident memory (ru_maxrss from os.wait4, the same figure getrusage(RUSAGE_CHILDREN)
gives for a single child, read per child so several sizes do not mix).

The roster is realistic rather than adversarial: years, credentials, settings,
specialties and leadership are drawn with correlations a real class shows
(students hold few credentials, supervisors have years), ids are all different,
spellings vary in case, about 60% give pay, and 0.5% of rows are broken on
purpose (a word for years, a misspelt setting, unreadable pay). The number of
distinct profiles (after normalization) is reported too, because the rules run
once per distinct profile and that is what throughput depends on.

    python benchmarks/batch.py                      # 100,000 rows, Markdown table
    python benchmarks/batch.py --rows 100000 --rows 1000000 --json
    python benchmarks/batch.py --rounds 3            # best of 3 per size
    python benchmarks/batch.py --pool 500            # rows share 500 shapes
    python benchmarks/batch.py --plans --rows 30 --rows 1000 --rounds 3

With --plans the run also writes every student's plan (`--reports DIR`) and the
class report (`--summary class.html`), as a counselor's run does, and the roster
has a name column; the table then counts plans written too. With --places the
roster has a state column (a few states, some rows blank), so each row is priced
with its state's table.

Run from the repository root; the code under test is the repository's (PYTHONPATH
is set to it), started with the current interpreter as `python -m maplanner`.
"""

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = 20240515

YEARS = [0, 0, 0, 0.5, 1, 1, 1.5, 2, 2, 2.5, 3, 3, 4, 4.5, 5, 6, 7, 8, 10, 12, 15, 20]
STUDENT_CERTS = ["", "", "", "BLS", "CCMA", "CCMA;BLS"]
EARLY_CERTS = ["CCMA", "CMA", "RMA", "CMA;BLS", "CCMA;CPT", "CCMA;CET", "", "CMA;CPT"]
LATER_CERTS = [
    "CMA",
    "RMA",
    "CCMA",
    "CMA;BLS",
    "CMA;CPT",
    "CMA;CET",
    "CMA;CPC",
    "CMA;COA",
    "RMA;CPC",
    "CMA;COA;COT",
    "CMA;CPC;CMPE",
    "CCMA;CET;BLS",
]
SETTINGS = [
    ("family-practice", 30),
    ("specialty-clinic", 18),
    ("multispecialty-group", 12),
    ("urgent-care", 10),
    ("outpatient-center", 10),
    ("hospital", 10),
    ("ambulatory-surgery", 4),
    ("chiropractic-optometry", 3),
    ("podiatry-office", 3),
]
SPECIALTIES = [
    "ophthalmology",
    "cardiology",
    "dermatology",
    "orthopedics",
    "ob-gyn",
    "pediatrics",
    "allergy",
]
HEADER = ["id", "years", "certifications", "setting", "specialty", "leads", "pay"]


def _weighted(rng: random.Random, pairs: list[tuple[str, int]]) -> str:
    return rng.choices([value for value, _ in pairs], [weight for _, weight in pairs])[0]


def roster_row(rng: random.Random, number: int) -> list[str]:
    """One plausible roster row (or, 0.5% of the time, a broken one)."""
    years = rng.choice(YEARS)
    if years == 0:
        certs = rng.choice(STUDENT_CERTS)
    elif years < 3:
        certs = rng.choice(EARLY_CERTS)
    else:
        certs = rng.choice(LATER_CERTS)
    setting = _weighted(rng, SETTINGS)
    specialty = ""
    if setting == "specialty-clinic" or (setting == "multispecialty-group" and rng.random() < 0.3):
        specialty = rng.choice(SPECIALTIES)
        if "COA" in certs:
            specialty = "ophthalmology"
    elif setting == "podiatry-office":
        specialty = "podiatry"
    if years < 3:
        leads = "trains" if rng.random() < 0.05 else ""
    elif years < 6:
        leads = _weighted(rng, [("", 70), ("trains", 20), ("lead", 10)])
    else:
        leads = _weighted(rng, [("", 50), ("trains", 20), ("lead", 18), ("supervises", 12)])
    pay = ""
    draw = rng.random()
    if draw < 0.3:
        pay = f"{rng.randrange(1500, 2800, 25) / 100:.2f}/h"
    elif draw < 0.5:
        pay = str(rng.randrange(32000, 62000, 500))
    elif draw < 0.6:
        pay = f"{rng.randrange(32, 62)}k"
    if rng.random() < 0.1:  # people type ids in any case
        certs, setting = certs.lower(), setting.upper()
    row = [f"S{number:07d}", f"{years:g}", certs, setting, specialty, leads, pay]
    broken = rng.random()
    if broken < 0.002:
        row[1] = "two"
    elif broken < 0.004:
        row[3] = "hopsital"
    elif broken < 0.005:
        row[6] = "lots"
    return row


#: The states a --places roster draws from ("" keeps the national table).
STATES = ["WA", "texas", "CA", "ny", "06", "Mississippi", ""]


def write_roster(
    path: Path, rows: int, pool: int | None = None, names: bool = False, places: bool = False
) -> int:
    """Write the roster; return the number of distinct profiles in it.

    With `pool`, rows are copies (with their own ids) of `pool` generated rows: a
    roster whose people share fewer shapes, like one large program's classes.
    """
    rng = random.Random(SEED)
    templates = [roster_row(rng, 0) for _ in range(pool)] if pool else None
    where = random.Random(SEED + 1)  # its own draws: the other columns stay as they were
    shapes: set[tuple[str, ...]] = set()
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow([*HEADER, *(["name"] if names else []), *(["state"] if places else [])])
        for number in range(1, rows + 1):
            if templates:
                row = [f"S{number:07d}", *rng.choice(templates)[1:]]
            else:
                row = roster_row(rng, number)
            extra = [f"Student {number}"] if names else []
            if places:
                extra.append(where.choice(STATES))
            writer.writerow([*row, *extra])
            certs = ";".join(sorted(row[2].upper().split(";")))
            shapes.add((row[1], certs, row[3].lower(), row[4], row[5] or "none"))
    return len(shapes)


def run_once(roster: Path, results: Path, plans: bool = False) -> tuple[float, float, int, float]:
    """(seconds, peak MiB, exit code, CPU seconds) of one `maplanner batch` child.

    CPU seconds (user + system) say what the run costs when other work shares the
    machine and wall time says more about the neighbours than about maplanner."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "80"}
    argv = [sys.executable, "-m", "maplanner", "batch", str(roster), "-o", str(results)]
    if plans:
        folder = results.with_name(f"{results.stem}-plans")
        argv += ["--reports", str(folder), "--summary", str(results.with_suffix(".html"))]
    argv.append("--force")
    start = time.perf_counter()
    child = subprocess.Popen(
        argv, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert child.stderr is not None
    child.stderr.read()  # drain: rejected rows are reported there
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    child.stderr.close()
    peak_mib = usage.ru_maxrss / 1024  # Linux reports KiB
    return elapsed, peak_mib, child.returncode, usage.ru_utime + usage.ru_stime


def measure(
    rows: int,
    rounds: int,
    folder: Path,
    pool: int | None,
    plans: bool = False,
    places: bool = False,
) -> dict[str, float | int]:
    roster = folder / f"roster-{rows}.csv"
    distinct = write_roster(roster, rows, pool, names=plans, places=places)
    best: tuple[float, float, int, float] | None = None
    for _ in range(rounds):
        elapsed, peak, code, cpu = run_once(roster, folder / f"results-{rows}.csv", plans)
        if code not in (0, 1):
            raise SystemExit(f"maplanner batch failed with exit code {code}")
        if best is None or elapsed < best[0]:
            best = (elapsed, peak, code, cpu)
    assert best is not None
    elapsed, peak, _, cpu = best
    written = len(list(folder.glob(f"results-{rows}-plans/*.html"))) if plans else 0
    return {
        "rows": rows,
        "plans": written,
        "distinct_profiles": distinct,
        "roster_mib": round(roster.stat().st_size / 2**20, 1),
        "seconds": round(elapsed, 2),
        "cpu_seconds": round(cpu, 2),
        "rows_per_second": round(rows / elapsed),
        "peak_mib": round(peak, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--rows", type=int, action="append", help="roster size (repeatable); 100000 if not given"
    )
    parser.add_argument("--rounds", type=int, default=1, help="runs per size; the fastest counts")
    parser.add_argument(
        "--pool",
        type=int,
        help="draw rows from this many generated rows (fewer distinct profiles)",
    )
    parser.add_argument(
        "--plans",
        action="store_true",
        help="also write each student's plan and the class report (--reports, --summary)",
    )
    parser.add_argument(
        "--places", action="store_true", help="give the roster a state column (a few states)"
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    sizes = args.rows or ([30, 1000] if args.plans else [100_000])
    with tempfile.TemporaryDirectory(prefix="maplanner-batch-") as folder:
        figures = [
            measure(rows, args.rounds, Path(folder), args.pool, args.plans, args.places)
            for rows in sizes
        ]
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    print(f"{os.cpu_count()} CPUs; Python {sys.version.split()[0]}; best of {args.rounds}\n")
    plans = " | plans" if args.plans else ""
    print(f"| rows | distinct profiles | roster | time | CPU | rows/s | peak memory{plans} |")
    print("|---:|---:|---:|---:|---:|---:|---:|" + ("---:|" if args.plans else ""))
    for f in figures:
        print(
            f"| {f['rows']:,} | {f['distinct_profiles']:,} | {f['roster_mib']} MiB | "
            f"{f['seconds']} s | {f['cpu_seconds']} s | {f['rows_per_second']:,} | "
            f"{f['peak_mib']} MiB |" + (f" {f['plans']:,} |" if args.plans else "")
        )


if __name__ == "__main__":
    main()
