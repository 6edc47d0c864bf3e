"""Whole-process start-up benchmark for maplanner, as ratios to a reference Typer app.

Each round runs every case once, in a shuffled order, together with the reference
app (benchmarks/reference_app.py), so machine noise hits all of them alike. The
report is the median wall time of each case, and the median over the rounds of its
time divided by the reference's time in the same round.

    python benchmarks/startup.py              # 15 rounds, Markdown table
    python benchmarks/startup.py --rounds 31 --json
    python benchmarks/startup.py --from-source  # this working tree, no reinstall
    python benchmarks/startup.py --case assess --case "no MAPLANNER"  # only some cases

By default it times the installed `maplanner` script (reinstall after changing code:
pip install --force-reinstall --no-deps .); --from-source runs `python -m maplanner`
from this checkout instead (compiled first; runpy adds a few ms). Every run gets a private
MAPLANNER_HOME, so a saved profile on this machine cannot change what is timed; the
warm-up run leaves the validated-data snapshot there, as any earlier run would. The
"first run" case gets an empty home each time: it validates the data files and writes
the snapshot, as the first run after installing or after editing a data file does.
The "no MAPLANNER_HOME" case runs as most people do, with the platform's folders
(inside the benchmark's private HOME).
"""

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: An environment value meaning "a new, empty directory for every run".
FRESH = "<fresh>"
#: An environment value meaning "the private home directory of this benchmark".
HOME = "<home>"


def _maplanner(from_source: bool) -> list[str]:
    if from_source:
        return [sys.executable, "-m", "maplanner"]
    script = Path(sys.executable).with_name("maplanner")
    if script.exists():
        return [str(script)]
    found = shutil.which("maplanner")
    return [found] if found else [sys.executable, "-m", "maplanner"]


def cases(from_source: bool = False) -> dict[str, tuple[list[str], dict[str, str]]]:
    tool = _maplanner(from_source)
    completion = {
        "_MAPLANNER_COMPLETE": "complete_bash",
        "COMP_WORDS": "maplanner sa",
        "COMP_CWORD": "1",
    }
    option_values = {
        "_MAPLANNER_COMPLETE": "complete_bash",
        "COMP_WORDS": "maplanner assess --setting ",
        "COMP_CWORD": "3",
    }
    assess = [
        *tool,
        "assess",
        *("--years", "4", "--cert", "CMA", "--setting", "family-practice"),
        *("--specialty", "none", "--leads", "trains", "--pay", "46k"),
    ]
    in_seattle = [
        *tool,
        "assess",
        *("--years", "4", "--setting", "family-practice", "--pay", "23/h"),
        *("--area", "seattle"),
    ]
    return {
        "reference": ([sys.executable, str(HERE / "reference_app.py")], {}),
        "floor: imports + one model class": ([sys.executable, str(HERE / "floor_app.py")], {}),
        "maplanner --help": ([*tool, "--help"], {}),
        "salary --percentile 75": ([*tool, "salary", "--percentile", "75"], {}),
        "certs --year 2": ([*tool, "certs", "--year", "2"], {}),
        "assess (options, --json)": ([*assess, "--json"], {}),
        # As a person runs it: the placement panel, the chart and four tables (the
        # reference prints one small table).
        "assess (options, tables)": (assess, {}),
        "salary --state WA": ([*tool, "salary", "--state", "WA"], {}),
        "assess --area seattle (options, --json)": ([*in_seattle, "--json"], {}),
        # As a person runs it with a place: the same screen, in Seattle's table.
        "assess --area seattle (options, tables)": (in_seattle, {}),
        "completion: commands": (tool, completion),
        "completion: --setting values": (tool, option_values),
        # As most people run it: no MAPLANNER_HOME, so the saved profile and the cache
        # are found in the platform's folders (here inside a private HOME).
        "salary, no MAPLANNER_HOME": (
            [*tool, "salary", "--percentile", "75"],
            {"MAPLANNER_HOME": "", "HOME": HOME, "XDG_DATA_HOME": "", "XDG_CACHE_HOME": ""},
        ),
        "salary, first run (validates data)": (
            [*tool, "salary", "--percentile", "75"],
            {"MAPLANNER_HOME": FRESH},
        ),
    }


def time_once(argv: list[str], extra_env: dict[str, str], home: str) -> float:
    with tempfile.TemporaryDirectory(prefix="maplanner-bench-") as fresh:
        places = {FRESH: fresh, HOME: home}
        wanted = {name: places.get(value, value) for name, value in extra_env.items()}
        env = {**os.environ, "COLUMNS": "80", "MAPLANNER_HOME": home, **wanted}
        env.pop("MAPLANNER_DATA", None)
        start = time.perf_counter()
        done = subprocess.run(
            argv,
            env=env,
            cwd=HERE.parent,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {done.stderr.decode()[:300]}")
    return elapsed


def measure(
    rounds: int, from_source: bool = False, only: list[str] | None = None
) -> dict[str, list[float]]:
    if from_source:  # as pip does on install; PYTHONDONTWRITEBYTECODE would skip it
        import compileall

        compileall.compile_dir(HERE.parent / "maplanner", quiet=1)
    with tempfile.TemporaryDirectory(prefix="maplanner-bench-home-") as home:
        return _measure(rounds, from_source, home, only)


def _measure(
    rounds: int, from_source: bool, home: str, only: list[str] | None = None
) -> dict[str, list[float]]:
    table = {
        name: case
        for name, case in cases(from_source).items()
        if not only or name == "reference" or any(part in name for part in only)
    }
    samples: dict[str, list[float]] = {name: [] for name in table}
    for argv, env in table.values():  # warm the file cache (and the snapshot) once
        time_once(argv, env, home)
    for _ in range(rounds):
        order = list(table)
        random.shuffle(order)
        for name in order:
            argv, env = table[name]
            samples[name].append(time_once(argv, env, home))
    return samples


def summarise(samples: dict[str, list[float]]) -> dict[str, tuple[float, float]]:
    """(median seconds, median ratio) per case. Each round's ratio divides a case's time
    by the reference's time in the same round, so a machine that slows down or speeds
    up between rounds (another process, a CPU clock change) moves both alike."""
    reference = samples["reference"]
    return {
        name: (
            statistics.median(values),
            statistics.median(value / base for value, base in zip(values, reference, strict=True)),
        )
        for name, values in samples.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--from-source", action="store_true", help="run python -m maplanner from this checkout"
    )
    parser.add_argument(
        "--case",
        action="append",
        metavar="TEXT",
        help="time only the cases whose name contains TEXT (repeatable; the reference "
        "always runs)",
    )
    args = parser.parse_args()
    figures = summarise(measure(args.rounds, args.from_source, args.case))
    if args.json:
        print(
            json.dumps(
                {
                    name: {"median_s": round(seconds, 4), "ratio": round(ratio, 2)}
                    for name, (seconds, ratio) in figures.items()
                },
                indent=2,
            )
        )
        return
    reference = figures["reference"][0]
    print(f"median of {args.rounds} rounds; reference = {reference * 1000:.0f} ms\n")
    print("| case | median | ratio to reference |")
    print("|---|---:|---:|")
    for name, (seconds, ratio) in figures.items():
        print(f"| {name} | {seconds * 1000:.0f} ms | {ratio:.2f} |")


if __name__ == "__main__":
    main()
