"""Measure npkit.patro against its speed goals and print a table (run by hand, never in CI).

    python benchmarks/bench_patro.py
    python benchmarks/bench_patro.py --old /tmp/npkit-old/src   # and the CLI against a tree
                                        # from before the patro commands (git archive 348cc24)

Goals (issue #9):
  one day   import npkit.patro + one Panchang (data files loaded) after npkit.dates: a few ms
            (a fresh process each run; .pyc files written once beforehand).
  one year  patro.year(Y) (≈365 Panchang with festivals and holidays) in a fresh interpreter
            state: well under 0.3 s.
  CLI       `npkit date today` and `npkit date cal` (one month) within 1.5x of the same
            commands before the patro (--old: same machine, same run, interleaved), and
            `npkit date cal YEAR --json` (a whole year with the patro) under 0.5 s, and
            (issue #17, the whole panchang of every day) at most 3x `npkit date today --json`.
"""

from __future__ import annotations

import argparse
import os
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


CLI_CALLS = {
    "npkit date today": ["date", "today"],
    "npkit date today --json": ["date", "today", "--json"],
    "npkit date cal (one month)": ["date", "cal"],
    "npkit date cal 2081 --json (a year)": ["date", "cal", "2081", "--json"],
}


def cli_seconds(src: str, args: list[str]) -> float:
    """Wall time of one ``python -m npkit ARGS`` whose npkit comes from ``src``."""
    env = {**os.environ, "PYTHONPATH": src, "NPKIT_TODAY": "2026-12-01"}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "npkit", *args], env=env, check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    return time.perf_counter() - start


def cli(old: str | None, runs: int) -> list[tuple[str, str]]:
    """Each CLI call, best of ``runs``, new and old interleaved so both see the same load."""
    new = str(__import__("pathlib").Path(__file__).resolve().parent.parent / "src")
    rows = []
    seconds: dict[str, float] = {}
    for label, args in CLI_CALLS.items():
        trees = {"new": new} if old is None else {"new": new, "old": old}
        best = dict.fromkeys(trees, float("inf"))
        for _ in range(runs):
            for name, src in trees.items():
                best[name] = min(best[name], cli_seconds(src, args))
        text = f"{best['new'] * 1000:.0f} ms"
        if old is not None:
            text += (
                f"  (before: {best['old'] * 1000:.0f} ms, ratio {best['new'] / best['old']:.2f}x)"
            )
        rows.append((f"process: {label}", text))
        seconds[label] = best["new"]
    year, today = seconds["npkit date cal 2081 --json (a year)"], seconds["npkit date today --json"]
    rows.append(("ratio: cal YEAR --json / today --json (goal <= 3)", f"{year / today:.2f}x"))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", metavar="SRC", help="src/ of npkit before the patro commands")
    parser.add_argument("--runs", type=int, default=15, help="best of this many runs")
    parser.add_argument("--cli-only", action="store_true", help="only the CLI timings")
    args = parser.parse_args()
    if args.cli_only:
        _print(cli(args.old, args.runs))
        return
    rows = []
    bare = process_seconds(BARE, 15)
    day = process_seconds(ONE_DAY, 15)
    rows.append(("process: import npkit.dates + one conversion", f"{bare * 1000:.1f} ms"))
    rows.append(("process: import npkit.patro + one Panchang", f"{day * 1000:.1f} ms"))
    added = in_process_seconds(ADDED, 15)
    rows.append(("in-process: import npkit.patro + one Panchang", f"{added * 1000:.1f} ms"))
    for year in (2081, 2100):
        seconds = in_process_seconds(ONE_YEAR.format(year=year), 5)
        rows.append(
            (f"in-process: import + year({year}) + festivals + holidays", f"{seconds:.3f} s")
        )
    rows.extend(cli(args.old, args.runs))
    _print(rows)


def _print(rows: list[tuple[str, str]]) -> None:
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value}")


if __name__ == "__main__":
    main()
