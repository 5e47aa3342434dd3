"""Measure warm-cache `npkit fx` against `npkit date today` as whole processes; print a table.

    python benchmarks/bench_fx.py              # 15 runs of each command
    python benchmarks/bench_fx.py --runs 30

Goal (issue #3): a warm-cache `npkit fx` answers without network in well under a second.
The benchmark starts the local fake NRB server of the tests (tests/support/servers.py), warms the
cache once through it, then shuts it down: the timed runs cannot reach any network, and the
script never touches the internet (NPKIT_NRB_URL points at 127.0.0.1).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.servers import NRB_PATH, FakeNRB, LocalServer  # noqa: E402

from benchmarks.common import npkit_command  # noqa: E402


def run(args: list[str], env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    done = subprocess.run(args, env=env, capture_output=True, text=True)
    return time.perf_counter() - start, done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    options = parser.parse_args()
    npkit = npkit_command()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(
            os.environ,
            NPKIT_CACHE_DIR=str(Path(tmp) / "cache"),
            NPKIT_CONFIG=str(Path(tmp) / "config.toml"),
        )
        with LocalServer() as server:
            server.route(NRB_PATH, FakeNRB(link_base=server.url))
            env["NPKIT_NRB_URL"] = server.url
            cold, done = run([*npkit, "fx", "--json"], env)
            if done.returncode != 0:
                sys.exit(f"warming the cache failed: {done.stderr.strip()}")
            warmed_with = len(server.requests)
        # The server is gone: any request now would fail (exit 3), so a 0 exit proves the cache.
        commands = {
            "npkit date today": [*npkit, "date", "today"],
            "npkit fx (warm cache)": [*npkit, "fx"],
            "npkit fx USD --json (warm)": [*npkit, "fx", "USD", "--json"],
            "npkit fx --offline": [*npkit, "fx", "--offline"],
            "npkit fx convert 100 USD": [*npkit, "fx", "convert", "100", "USD"],
        }
        rows = []
        for name, args in commands.items():
            times = []
            for _ in range(options.runs):
                seconds, done = run(args, env)
                if done.returncode != 0:
                    sys.exit(f"{name} failed ({done.returncode}): {done.stderr.strip()}")
                times.append(seconds)
            rows.append((name, statistics.median(times), min(times), max(times)))

    print(f"cold `npkit fx --json` (fills the cache, {warmed_with} request): {cold * 1000:.0f} ms")
    print(f"{options.runs} runs each, server stopped after warming (no network possible)\n")
    print(f"{'command':<30} {'median ms':>10} {'min ms':>8} {'max ms':>8} {'vs date':>8}")
    base = rows[0][1]
    for name, median, low, high in rows:
        timings = f"{median * 1000:>10.0f} {low * 1000:>8.0f} {high * 1000:>8.0f}"
        print(f"{name:<30} {timings} {median / base:>7.1f}x")


if __name__ == "__main__":
    main()
