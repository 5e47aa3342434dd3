"""Measure ``-f ics`` (issue 19) and print a table (run by hand, never in CI).

    python benchmarks/bench_ics.py [--runs 7]

Why npkit writes iCalendar itself: the import of its writer against the ``icalendar`` package
(each in a fresh process after ``npkit.dates``, best of N, interleaved), and the whole command
``npkit date festivals 2083 -f ics`` against the same with ``--json`` (goal: within 1.3x: the
file is the same data plus a tithi per event). ``holidays -f ics`` computes a year's panchang
(each holiday's tithi) that the ``--json`` list never needs: about one ``patro.year`` more
(~50 ms on an idle machine), so its ratio is shown, not held to the goal.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

IMPORT = (
    "import time, npkit.dates, npkit.errors; t = time.perf_counter(); import {module}; "
    "print(time.perf_counter() - t)"
)
NPKIT = [sys.executable, "-m", "npkit"]


def in_process(module: str) -> float:
    code = IMPORT.format(module=module)
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return float(out.stdout)


def whole(args: list[str]) -> float:
    env = {**os.environ, "NPKIT_TODAY": "2026-12-01"}
    start = time.perf_counter()
    subprocess.run([*NPKIT, *args], check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    imports: dict[str, list[float]] = {"npkit.output.ics": [], "icalendar": []}
    commands = {
        "date festivals 2083 --json": ["date", "festivals", "2083", "--json"],
        "date festivals 2083 -f ics": ["date", "festivals", "2083", "-f", "ics"],
        "date holidays 2083 --json": ["date", "holidays", "2083", "--json"],
        "date holidays 2083 -f ics": ["date", "holidays", "2083", "-f", "ics"],
    }
    timings: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):  # interleaved: a busy machine slows every one alike
        for module in imports:
            imports[module].append(in_process(module))
        for name, args in commands.items():
            timings[name].append(whole(args))
    for module, found in imports.items():
        print(f"import {module:40s} {min(found) * 1000:8.1f} ms")
    for name, found in timings.items():
        print(f"npkit {name:41s} {min(found) * 1000:8.1f} ms")
    for kind, goal in (("festivals", " (goal ≤ 1.3)"), ("holidays", "")):
        ratio = min(timings[f"date {kind} 2083 -f ics"]) / min(timings[f"date {kind} 2083 --json"])
        print(f"ratio {kind} ics / json: {ratio:.2f}{goal}")


if __name__ == "__main__":
    main()
