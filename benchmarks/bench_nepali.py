"""Measure what ``--nepali`` costs the patro commands and print a table (run by hand, never in
CI).

    python benchmarks/bench_nepali.py
    python benchmarks/bench_nepali.py --runs 31

Goal (issue 18): a command in Nepali within 1.15x of the same command in English (one more
small module, npkit.output.nepali; the same data), measured side by side in one run (each pair
interleaved, best of ``--runs``): `date today` (the fast path; its table in a pipe), `date
today` with the config file's `[date] nepali = true` (one more read of the file), `date
festivals`, `date holidays`, `date next holiday`.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import npkit_command

GOAL = 1.15
PAIRS = [
    (["date", "today"], ["date", "today", "--nepali"], False),
    (["date", "today"], ["date", "today"], True),  # the config file says nepali = true
    (["date", "festivals", "2083"], ["date", "festivals", "2083", "--nepali"], False),
    (["date", "holidays", "2083"], ["date", "holidays", "2083", "--nepali"], False),
    (["date", "next", "holiday"], ["date", "next", "holiday", "--nepali"], False),
]


def seconds(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([*npkit_command(), *args], env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as home:
        english_config = Path(home, "none.toml")  # absent: the common case
        nepali_config = Path(home, "nepali.toml")
        nepali_config.write_text("[date]\nnepali = true\n", encoding="utf-8")
        base = {**os.environ, "NPKIT_TODAY": "2026-12-01", "NPKIT_CACHE_DIR": home}
        english_env = {**base, "NPKIT_CONFIG": str(english_config)}
        failed = False
        print(f"{'command':34} {'English':>9} {'Nepali':>9} {'ratio':>6}")
        for english, nepali, by_config in PAIRS:
            nepali_env = {**base, "NPKIT_CONFIG": str(nepali_config)} if by_config else english_env
            seconds(english, english_env), seconds(nepali, nepali_env)  # .pyc files, caches
            a, b = [], []
            for _ in range(runs):
                a.append(seconds(english, english_env))
                b.append(seconds(nepali, nepali_env))
            ratio = min(b) / min(a)
            failed |= ratio > GOAL
            label = " ".join(nepali) + (" [config]" if by_config else "")
            print(f"{label:34} {min(a) * 1000:7.1f}ms {min(b) * 1000:7.1f}ms {ratio:6.2f}")
        print(f"goal: every ratio <= {GOAL}: {'missed' if failed else 'met'}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
