"""Whole-process start-up benchmark for maplanner, as ratios to a reference Typer app.

Each round runs every case once, in a shuffled order, together with the reference
app (benchmarks/reference_app.py), so machine noise hits all of them alike. The
report is the median wall time of each case and its ratio to the reference median.

    python benchmarks/startup.py              # 15 rounds, Markdown table
    python benchmarks/startup.py --rounds 31 --json
"""

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _maplanner() -> list[str]:
    script = Path(sys.executable).with_name("maplanner")
    if script.exists():
        return [str(script)]
    found = shutil.which("maplanner")
    return [found] if found else [sys.executable, "-m", "maplanner"]


def cases() -> dict[str, tuple[list[str], dict[str, str]]]:
    tool = _maplanner()
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
    return {
        "reference": ([sys.executable, str(HERE / "reference_app.py")], {}),
        "maplanner --help": ([*tool, "--help"], {}),
        "salary --percentile 75": ([*tool, "salary", "--percentile", "75"], {}),
        "certs --year 2": ([*tool, "certs", "--year", "2"], {}),
        "assess (options, --json)": (
            [
                *tool,
                "assess",
                "--years",
                "4",
                "--cert",
                "CMA",
                "--setting",
                "family-practice",
                "--specialty",
                "none",
                "--leads",
                "trains",
                "--pay",
                "46k",
                "--json",
            ],
            {},
        ),
        "completion: commands": (tool, completion),
        "completion: --setting values": (tool, option_values),
    }


def time_once(argv: list[str], extra_env: dict[str, str]) -> float:
    env = {**os.environ, "COLUMNS": "80", **extra_env}
    start = time.perf_counter()
    done = subprocess.run(
        argv, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {done.stderr.decode()[:300]}")
    return elapsed


def measure(rounds: int) -> dict[str, float]:
    table = cases()
    samples: dict[str, list[float]] = {name: [] for name in table}
    for argv, env in table.values():  # warm the file cache once
        time_once(argv, env)
    for _ in range(rounds):
        order = list(table)
        random.shuffle(order)
        for name in order:
            argv, env = table[name]
            samples[name].append(time_once(argv, env))
    return {name: statistics.median(values) for name, values in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    medians = measure(args.rounds)
    reference = medians["reference"]
    if args.json:
        print(
            json.dumps(
                {
                    name: {"median_s": round(value, 4), "ratio": round(value / reference, 2)}
                    for name, value in medians.items()
                },
                indent=2,
            )
        )
        return
    print(f"median of {args.rounds} rounds; reference = {reference * 1000:.0f} ms\n")
    print("| case | median | ratio to reference |")
    print("|---|---:|---:|")
    for name, value in medians.items():
        print(f"| {name} | {value * 1000:.0f} ms | {value / reference:.2f} |")


if __name__ == "__main__":
    main()
