"""Measure what the progress line costs a bulk conversion; print a table. Run by hand.

    python benchmarks/bench_progress.py                  # 2,000,000 rows, 5 runs each
    python benchmarks/bench_progress.py --rows 500000 --runs 3

Goal: `npkit date convert -f tsv -` (line mode, stdin to a file) with stderr on a terminal,
where ``converting: N rows`` is drawn up to ten times a second, runs at >= 97 % of the rate of
the same run with stderr in a pipe (no line drawn), both measured in this run, interleaved,
whole processes, in CPU seconds (user + system: the machine's other load does not count), best
of the runs.
"""

from __future__ import annotations

import argparse
import os
import pty
import subprocess
import sys
import tempfile
import threading
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import npkit_command  # noqa: E402

GOAL = 0.97


def one_run(args: list[str], stdin: Path, on_terminal: bool, env: dict[str, str]) -> float:
    """CPU seconds of one whole process; stderr on a pseudo-terminal or a pipe."""
    controller, terminal = pty.openpty() if on_terminal else (None, None)
    drained: list[bytes] = []
    with open(stdin, "rb") as source, open(os.devnull, "wb") as sink:
        process = subprocess.Popen(
            args,
            stdin=source,
            stdout=sink,
            stderr=terminal if terminal is not None else subprocess.DEVNULL,
            env=env,
        )
        if controller is not None and terminal is not None:
            os.close(terminal)
            reader = threading.Thread(target=_drain, args=(controller, drained), daemon=True)
            reader.start()
        _, status, usage = os.wait4(process.pid, 0)
        if controller is not None:
            reader.join(5)
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"{args} failed with {os.waitstatus_to_exitcode(status)}")
    if on_terminal and b"converting" not in b"".join(drained):
        raise SystemExit("no progress line was drawn: the run was too short to measure it")
    return usage.ru_utime + usage.ru_stime


def _drain(controller: int, into: list[bytes]) -> None:
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:
            break
        if not chunk:
            break
        into.append(chunk)
    os.close(controller)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2_000_000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "80"}
    args = [*npkit_command(), "date", "convert", "-f", "tsv", "-"]
    with tempfile.TemporaryDirectory() as work:
        stdin = Path(work) / "dates.txt"
        first = date(1950, 1, 1).toordinal()
        stdin.write_text(
            "".join(f"{date.fromordinal(first + i % 30_000)}\n" for i in range(options.rows))
        )
        best = {True: float("inf"), False: float("inf")}
        for _ in range(options.runs):
            for on_terminal in (False, True):
                best[on_terminal] = min(best[on_terminal], one_run(args, stdin, on_terminal, env))
    ratio = best[False] / best[True]
    print(f"{'stderr':<10} {'CPU s':>8} {'rows/s':>12}")
    for on_terminal, label in ((False, "pipe"), (True, "terminal")):
        print(f"{label:<10} {best[on_terminal]:>8.3f} {options.rows / best[on_terminal]:>12,.0f}")
    verdict = "ok" if ratio >= GOAL else "SLOWER than the goal"
    print(f"terminal/pipe rate: {ratio:.3f} (goal >= {GOAL}): {verdict}")


if __name__ == "__main__":
    main()
