"""Measure `npkit date` against its speed goals and print a table (run by hand, never in CI).

    python benchmarks/bench_date.py            # 1,000,000 dates, a few minutes on 2 cores
    python benchmarks/bench_date.py --lines 200000 --runs 1

Goals (issue #2):
  bulk      `npkit date convert --from ad -f csv --fields ad,bs -` over 1,000,000 ISO dates:
            >= 1,000,000 dates/s end to end, and >= 8x a plain nepali_datetime per-line loop
            writing the same two columns (both outputs must be byte-identical).
  one-shot  `npkit date convert --json 2024-11-26` as a whole process: <= 2.5x a bare one-shot
            nepali_datetime script.
  in-process npkit.dates.ad_to_bs per call, against nepali_datetime and, when installed in
            this interpreter, other BS libraries (`pip install nepdate-core sambat npdatetime`).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import BARE_CONVERT, BARE_LOOP, npkit_command


def timed(command: list[str], stdin_path: str | None, stdout_path: str | None) -> float:
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL  # noqa: SIM115
    stdout = open(stdout_path, "wb") if stdout_path else subprocess.DEVNULL  # noqa: SIM115
    try:
        start = time.perf_counter()
        subprocess.run(command, stdin=stdin, stdout=stdout, stderr=subprocess.DEVNULL, check=True)
        return time.perf_counter() - start
    finally:
        for handle in (stdin, stdout):
            if hasattr(handle, "close"):
                handle.close()


def best(command: list[str], runs: int, stdin: str | None = None, out: str | None = None) -> float:
    return min(timed(command, stdin, out) for _ in range(runs))


def write_dates(path: str, count: int, sequential: bool) -> None:
    first, last = date(1918, 4, 13).toordinal(), date(2044, 4, 12).toordinal()
    rng = random.Random(2081)
    with open(path, "w", encoding="ascii") as handle:
        for i in range(count):
            ordinal = first + i % (last - first + 1) if sequential else rng.randint(first, last)
            handle.write(date.fromordinal(ordinal).isoformat() + "\n")


def bulk(rows: list[tuple[str, str, str]], lines: int, runs: int, work: str) -> None:
    npkit = [*npkit_command(), "-q", "date", "convert", "--from", "ad", "-f", "csv"]
    npkit += ["--fields", "ad,bs", "-"]
    baseline = [sys.executable, "-c", BARE_LOOP]
    for label, sequential in (("random days", False), ("consecutive days", True)):
        source = os.path.join(work, f"in-{sequential}.txt")
        write_dates(source, lines, sequential)
        ours, theirs = os.path.join(work, "ours.csv"), os.path.join(work, "theirs.csv")
        ours_s = best(npkit, runs, source, ours)
        theirs_s = best(baseline, 1, source, theirs)
        same = Path(ours).read_bytes() == Path(theirs).read_bytes()
        rows.append((f"bulk, {label}: npkit", f"{lines / ours_s:,.0f} dates/s", f"{ours_s:.2f} s"))
        rows.append((f"bulk, {label}: nepali_datetime loop", f"{lines / theirs_s:,.0f} dates/s",
                     f"{theirs_s:.2f} s"))  # fmt: skip
        rows.append((f"bulk, {label}: speed-up", f"{theirs_s / ours_s:.1f}x",
                     "outputs identical" if same else "OUTPUTS DIFFER"))  # fmt: skip


def one_shot(rows: list[tuple[str, str, str]], runs: int) -> None:
    ours = best([*npkit_command(), "date", "convert", "--json", "2024-11-26"], runs * 5)
    theirs = best([sys.executable, "-c", BARE_CONVERT, "2024-11-26"], runs * 5)
    rows.append(("one-shot: npkit date convert --json", f"{ours * 1000:.0f} ms", "best of runs"))
    rows.append(("one-shot: bare nepali_datetime script", f"{theirs * 1000:.0f} ms", ""))
    rows.append(("one-shot: ratio (goal <= 2.5x)", f"{ours / theirs:.2f}x", ""))
    today = best([*npkit_command(), "date", "today"], runs * 5)
    rows.append(("one-shot: npkit date today (table)", f"{today * 1000:.0f} ms", ""))


def in_process(rows: list[tuple[str, str, str]], count: int) -> None:
    import nepali_datetime

    from npkit import dates

    first, last = date(1918, 4, 13).toordinal(), date(2027, 4, 13).toordinal()  # all libs' range
    rng = random.Random(7)
    days = [date.fromordinal(rng.randint(first, last)) for _ in range(count)]
    contenders = {
        "npkit.dates.ad_to_bs": dates.ad_to_bs,
        "nepali_datetime.date.from_datetime_date": nepali_datetime.date.from_datetime_date,
    }
    try:
        import nepdate

        contenders["nepdate-core NepaliDate.from_date"] = nepdate.NepaliDate.from_date
    except ImportError:
        pass
    try:
        import sambat

        contenders["sambat date.from_gregorian"] = sambat.date.from_gregorian
    except ImportError:
        pass
    try:
        import npdatetime

        contenders["npdatetime NepaliDate.from_gregorian"] = lambda d: (
            npdatetime.NepaliDate.from_gregorian(d.year, d.month, d.day)
        )
    except ImportError:
        pass
    for name, convert in contenders.items():
        sample = days if name.startswith("npkit") else days[: count // 5]
        start = time.perf_counter()
        for day in sample:
            convert(day)
        elapsed = time.perf_counter() - start
        rows.append((f"in process: {name}", f"{len(sample) / elapsed:,.0f} dates/s", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000, help="dates in the bulk input")
    parser.add_argument("--runs", type=int, default=3, help="best of this many runs")
    args = parser.parse_args()
    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory() as work:
        bulk(rows, args.lines, args.runs, work)
    one_shot(rows, args.runs)
    in_process(rows, min(args.lines, 500_000))
    width = max(len(row[0]) for row in rows)
    print(f"{'measure':<{width}}  {'result':>20}  note")
    for name, result, note in rows:
        print(f"{name:<{width}}  {result:>20}  {note}")


if __name__ == "__main__":
    main()
