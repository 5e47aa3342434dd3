"""Measure npkit.patro against its speed goals and print a table (run by hand, never in CI).

    python benchmarks/bench_patro.py

Goals (issue #9):
  one day   import npkit.patro + one PatroDay (data files loaded) after npkit.dates: a few ms
            (a fresh process each run; .pyc files written once beforehand).
  one year  patro.year(Y) (≈365 PatroDay with festivals and holidays) in a fresh interpreter
            state: well under 0.3 s.
"""

from __future__ import annotations

import subprocess
import sys
import time

ONE_DAY = "from npkit import patro; import datetime; patro.day(datetime.date(2025, 10, 2))"
BARE = "import npkit.dates, datetime; npkit.dates.ad_to_bs(datetime.date(2025, 10, 2))"
# What `npkit date today` adds: npkit.dates is loaded already, then import patro + one day.
ADDED = (
    "import time, datetime, npkit.dates; npkit.dates.ad_to_bs(datetime.date(2025, 10, 2)); "
    "t = time.perf_counter(); from npkit import patro; patro.day(datetime.date(2025, 10, 2)); "
    "print(time.perf_counter() - t)"
)
ONE_YEAR = (
    "import time; t = time.perf_counter(); from npkit import patro; "
    "patro.year({year}); patro.festivals({year}); patro.holidays({year}); "
    "print(time.perf_counter() - t)"
)


def process_seconds(code: str, runs: int) -> float:
    """Best wall time of ``python -c code`` over ``runs``."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        best = min(best, time.perf_counter() - start)
    return best


def in_process_seconds(code: str, runs: int) -> float:
    """Best in-process time printed by ``code`` (its own timer, a fresh process each run)."""
    return min(
        float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                             text=True).stdout)
        for _ in range(runs)
    )  # fmt: skip


def main() -> None:
    rows = []
    bare = process_seconds(BARE, 15)
    day = process_seconds(ONE_DAY, 15)
    rows.append(("process: import npkit.dates + one conversion", f"{bare * 1000:.1f} ms"))
    rows.append(("process: import npkit.patro + one PatroDay", f"{day * 1000:.1f} ms"))
    added = in_process_seconds(ADDED, 15)
    rows.append(("in-process: import npkit.patro + one PatroDay", f"{added * 1000:.1f} ms"))
    for year in (2081, 2100):
        seconds = in_process_seconds(ONE_YEAR.format(year=year), 5)
        rows.append(
            (f"in-process: import + year({year}) + festivals + holidays", f"{seconds:.3f} s")
        )
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value}")


if __name__ == "__main__":
    main()
