"""Measure the spreadsheet paths against their goals (issue #11); print a table. Run by hand.

    python benchmarks/bench_sheets.py                    # 1,000,000 rows, 100,000 ledger rows
    python benchmarks/bench_sheets.py --rows 200000 --ledger-rows 20000

Goals:
  column   `npkit date convert --column date` over a 1,000,000-row CSV (id,date,amount) at
           >= 50 % of the rate of the plain stdin mode `-f csv --fields ad,bs -` over the same
           dates, both measured in this run, whole processes; peak memory (max RSS) of both.
  ledger   `npkit fx convert --column amount --currency USD --date-column date` over 100,000
           rows spanning three years: warm (history cached) in under 5 s; cold, the number of
           HTTP requests equals the number of history windows (pages), not rows.
The ledger runs against the local fake NRB of the tests (tests/support/servers.py) on
127.0.0.1: nothing here touches the internet.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.servers import NRB_PATH, FakeNRB, LocalServer  # noqa: E402

from benchmarks.common import npkit_command  # noqa: E402


def timed(args: list[str], stdin: Path | None, env: dict[str, str]) -> tuple[float, int, int]:
    """Wall seconds, peak RSS (KiB) and exit status of one whole process."""
    with open(stdin or os.devnull, "rb") as source, open(os.devnull, "wb") as sink:
        start = time.perf_counter()
        process = subprocess.Popen(args, stdin=source, stdout=sink, stderr=subprocess.PIPE, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"{args} failed: {process.stderr.read().decode()[:300]}")
    return elapsed, usage.ru_maxrss, process.returncode


def column_ratio(rows: int, runs: int, env: dict[str, str], work: Path) -> None:
    rng = random.Random(11)
    first = date(2015, 1, 1).toordinal()
    days = [date.fromordinal(first + rng.randrange(4000)).isoformat() for _ in range(rows)]
    plain, sheet = work / "dates.txt", work / "sales.csv"
    plain.write_text("\n".join(days) + "\n", encoding="utf-8")
    with sheet.open("w", encoding="utf-8") as out:
        out.write("id,date,amount\n")
        out.writelines(f"{i},{day},{i % 997}.50\n" for i, day in enumerate(days))
    npkit = npkit_command()
    best: dict[str, tuple[float, int]] = {}
    for _ in range(runs):  # interleaved, best of each: the same machine state for both
        for name, args, source in (
            ("stdin", [*npkit, "date", "convert", "-f", "csv", "--fields", "ad,bs", "-"], plain),
            ("column", [*npkit, "date", "convert", "--column", "date"], sheet),
        ):
            elapsed, rss, _ = timed(args, source, env)
            if name not in best or elapsed < best[name][0]:
                best[name] = (elapsed, rss)
    print(f"{'path':<10} {'rows':>10} {'seconds':>8} {'rows/s':>12} {'max RSS':>9}")
    for name, (elapsed, rss) in best.items():
        print(
            f"{name:<10} {rows:>10,} {elapsed:>8.2f} {rows / elapsed:>12,.0f} {rss // 1024:>6} MB"
        )
    ratio = best["stdin"][0] / best["column"][0]
    verdict = "ok" if ratio >= 0.5 else "BELOW GOAL"
    print(f"column rate / stdin rate = {ratio:.2f} (goal >= 0.50: {verdict})\n")


def ledger(rows: int, env: dict[str, str], work: Path) -> None:
    rng = random.Random(12)
    last = date.fromisoformat(env["NPKIT_TODAY"]) - timedelta(days=1)
    span = 3 * 365
    path = work / "ledger.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write("date,item,amount\n")
        for i in range(rows):
            day = last - timedelta(days=rng.randrange(span))
            out.write(f"{day},item {i},{rng.randrange(1, 10**6)}.{i % 100:02d}\n")
    args = [*npkit_command(), "fx", "convert", "--column", "amount", "--currency", "USD",
            "--date-column", "date", str(path)]  # fmt: skip
    with LocalServer() as server:
        server.route(NRB_PATH, FakeNRB())
        env = {**env, "NPKIT_NRB_URL": server.url}
        cold, _, _ = timed(args, None, env)
        requests = len(server.requests)
        warm, warm_rss, _ = timed(args, None, env)
        again = len(server.requests) - requests
    print(f"ledger: {rows:,} rows over {span} days")
    print(f"  cold  {cold:6.2f} s  {requests} HTTP requests (history windows; rows: {rows:,})")
    verdict = "ok" if warm < 5 else "ABOVE GOAL"
    print(f"  warm  {warm:6.2f} s  {again} HTTP requests, max RSS {warm_rss // 1024} MB "
          f"(goal < 5 s: {verdict})")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--ledger-rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT / "src"),
            "NPKIT_CACHE_DIR": str(work / "cache"),
            "NPKIT_CONFIG": str(work / "config.toml"),
            "NPKIT_TODAY": "2026-12-01",
        }
        column_ratio(options.rows, options.runs, env, work)
        ledger(options.ledger_rows, env, work)


if __name__ == "__main__":
    main()
