"""Warm `npkit fx` (the Click-free path) against `npkit date today`, side by side in one run.

    python benchmarks/bench_fx_fast.py                       # 20 runs of each command
    python benchmarks/bench_fx_fast.py --runs 40
    python benchmarks/bench_fx_fast.py --baseline /tmp/old/src   # and another checkout's npkit
    python benchmarks/bench_fx_fast.py --no-bytecode         # compile npkit on every start

Goal (issue #15): a warm `npkit fx` (the latest rates fresh in the cache) takes at most 2×
`npkit date today`. The tests' fake NRB server (tests/support/servers.py, the recorded replies)
warms a temporary cache once and is stopped before the timed runs: they cannot reach any
network (a request would fail with exit 3), and nothing here touches the internet.

Every command runs as a whole process, interleaved with the others (drift in the machine's load
hits all alike); the table gives the median wall time and the median CPU time (user + system,
steadier than wall time on a busy machine) and each one's ratio to `npkit date today` of the
same checkout. ``--baseline SRC`` times the npkit package in another source tree too (through
``PYTHONPATH``, with this venv's dependencies), with its own cache: before/after in one run.

Python writes no bytecode here when ``PYTHONDONTWRITEBYTECODE`` is set (as in some sandboxes),
so every start would compile npkit's modules again, which an installed npkit never does: the
runs use a temporary ``PYTHONPYCACHEPREFIX`` instead (filled by an untimed first run), unless
``--no-bytecode``.
"""

from __future__ import annotations

import argparse
import os
import resource
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

GOAL = 2.0
COMMANDS = {
    "date today": ["date", "today"],
    "fx": ["fx"],
    "fx USD INR": ["fx", "USD", "INR"],
    "fx --json": ["fx", "--json"],
    "fx -f csv --fields": ["fx", "-f", "csv", "--fields", "currency,buy,sell"],
}


def timed(args: list[str], env: dict[str, str]) -> tuple[float, float, int, str]:
    """Wall and CPU seconds of one run, its exit status and stderr."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(args, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.returncode, done.stderr.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--baseline", metavar="SRC", help="another checkout's src/ to time too")
    parser.add_argument("--no-bytecode", action="store_true", help="compile on every start")
    options = parser.parse_args()
    npkit = npkit_command()
    trees = {"this": None} | ({"baseline": options.baseline} if options.baseline else {})
    with tempfile.TemporaryDirectory() as tmp:
        envs: dict[str, dict[str, str]] = {}
        for tree, src in trees.items():
            env = dict(os.environ, NPKIT_CACHE_DIR=f"{tmp}/{tree}/cache")
            env["NPKIT_CONFIG"] = f"{tmp}/{tree}/config.toml"
            if src:
                env["PYTHONPATH"] = str(Path(src).resolve())
            if options.no_bytecode:
                env["PYTHONDONTWRITEBYTECODE"] = "1"
            else:
                env.pop("PYTHONDONTWRITEBYTECODE", None)
                env["PYTHONPYCACHEPREFIX"] = f"{tmp}/pycache"
            envs[tree] = env
        with LocalServer() as server:
            server.route(NRB_PATH, FakeNRB(link_base=server.url))
            for tree, env in envs.items():
                env["NPKIT_NRB_URL"] = server.url
                wall, _, status, stderr = timed([*npkit, "fx", "--json"], env)
                if status != 0:
                    sys.exit(f"warming the cache ({tree}) failed: {stderr}")
                print(f"cold `npkit fx --json` ({tree}, fills the cache): {wall * 1000:.0f} ms")
        # The server is gone: a 0 exit below proves the answer came from the cache.
        runs = [(tree, name) for tree in envs for name in COMMANDS]
        walls: dict[tuple[str, str], list[float]] = {run: [] for run in runs}
        cpus: dict[tuple[str, str], list[float]] = {run: [] for run in runs}
        for round_ in range(options.runs + 1):  # round 0 (untimed) writes the bytecode
            for tree, name in runs:
                wall, cpu, status, stderr = timed([*npkit, *COMMANDS[name]], envs[tree])
                if status != 0:
                    sys.exit(f"`npkit {name}` ({tree}) failed ({status}): {stderr}")
                if round_:
                    walls[tree, name].append(wall)
                    cpus[tree, name].append(cpu)

    bytecode = "compiled on every start" if options.no_bytecode else "bytecode cached"
    print(f"\n{options.runs} runs each, interleaved, server stopped after warming; {bytecode}\n")
    head = f"{'wall ms':>8} {'× date':>7} {'cpu ms':>8} {'× date':>7}"
    print(f"{'checkout':<9} {'npkit …':<20} {head}")
    worst = 0.0
    for tree, name in runs:
        wall = statistics.median(walls[tree, name])
        cpu = statistics.median(cpus[tree, name])
        wall_ratio = wall / statistics.median(walls[tree, "date today"])
        cpu_ratio = cpu / statistics.median(cpus[tree, "date today"])
        if tree == "this" and name != "date today":
            worst = max(worst, wall_ratio)
        print(
            f"{tree:<9} {name:<20} {wall * 1000:>8.0f} {wall_ratio:>6.2f}x"
            f" {cpu * 1000:>8.0f} {cpu_ratio:>6.2f}x"
        )
    verdict = "met" if worst <= GOAL else "NOT met"
    goal = f"every warm fx call ≤ {GOAL:g}× `npkit date today` (wall)"
    print(f"\ngoal: {goal}: {verdict} ({worst:.2f}×)")


if __name__ == "__main__":
    main()
