"""Every speed goal of issue #20, measured side by side in one run (by hand, never in CI).

    python benchmarks/bench_goals.py                          # all rows, 1,000,000 bulk dates
    python benchmarks/bench_goals.py --lines 200000 --runs 9  # quicker
    python benchmarks/bench_goals.py --baseline /tmp/old/src  # before/after in the same run
    python benchmarks/bench_goals.py --only startup           # or: bulk

Rows (each a ratio of medians; every command runs as a whole process, interleaved with the
others, so drift in the machine's load hits all alike):

  convert   `npkit date convert 2024-11-26 --json` / a bare nepali-datetime script    <= 1.3x
  today     `npkit date today --json` / the same bare script for today                 <= 1.5x
  sambat    `npkit date today` (in a pipe) / `sambat today` (PyPI `sambat`; the row is
            skipped with a message when it is not installed)                           <= 1.2x
  warm      warm `npkit fx --json` and `npkit gold --json` / `npkit date today --json` <= 1.5x
  bulk      nepali-datetime loop / `npkit date convert -f csv --fields ad,bs -` over
            1,000,000 random days (outputs byte-compared; the loop runs every round too,
            ~15 s each: its time drifts with the machine's)                            >= 35x
  table     the same stdin in the default format (a table that turns to tsv past 10,000
            rows) / `-f tsv` (outputs byte-compared)                                    <= 1.3x
  cal       `npkit date cal 2083 --json` / `npkit date today --json`                     <= 3x

``--baseline SRC`` runs every npkit row for another checkout's package too (through
``PYTHONPATH``, with this venv's dependencies and its own cache). The warm rows fill a
temporary cache through the tests' local servers (tests/support/servers.py, recorded replies)
and stop them before timing: a 0 exit then proves the answer came from the cache; nothing here
touches the internet. ``PYTHONDONTWRITEBYTECODE`` (set in some sandboxes) is replaced by a
temporary ``PYTHONPYCACHEPREFIX``, filled by an untimed first round, as an installed npkit has
its bytecode.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.servers import NRB_PATH, FakeNRB, LocalServer, Reply  # noqa: E402

from benchmarks.common import BARE_CONVERT, BARE_LOOP, npkit_command  # noqa: E402

GOLD_TODAY = ROOT / "tests" / "fixtures" / "gold" / "fenegosida_today_2026-08-17.json"
BARE_TODAY = """\
import json, datetime, nepali_datetime
day = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=5, minutes=45))).date()
print(json.dumps([{"ad": day.isoformat(),
                   "bs": nepali_datetime.date.from_datetime_date(day).isoformat()}]))
"""
GOALS = {"convert": 1.3, "today": 1.5, "sambat": 1.2, "warm": 1.5, "table": 1.3, "cal": 3.0}
BULK_GOAL = 35.0


Row = tuple[str, str, float, float, float, float]
"""(tree, row, ours, theirs) as median wall seconds, then the same as median CPU seconds (user
+ system: steadier than wall time when other work shares the machine)."""


def timed(
    args: list[str], env: dict[str, str], stdin: str | None, out: str | None
) -> tuple[float, float]:
    """Wall and CPU seconds of one whole process (stdin from a file, stdout to a file or
    nowhere)."""
    source = open(stdin, "rb") if stdin else subprocess.DEVNULL  # noqa: SIM115
    sink = open(out, "wb") if out else subprocess.PIPE  # noqa: SIM115
    try:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(args, env=env, stdin=source, stdout=sink, stderr=subprocess.PIPE)
        seconds = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    finally:
        for handle in (source, sink):
            if hasattr(handle, "close"):
                handle.close()
    if done.returncode != 0:
        sys.exit(f"{' '.join(args[-6:])} failed ({done.returncode}): {done.stderr.decode()}")
    return seconds, cpu


def environments(tmp: str, baseline: str | None) -> dict[str, dict[str, str]]:
    """One environment per checkout: its own cache and config, bytecode kept in ``tmp``."""
    trees = {"after": None} | ({"before": baseline} if baseline else {})
    envs = {}
    for tree, src in trees.items():
        env = dict(os.environ, NPKIT_CACHE_DIR=f"{tmp}/{tree}/cache")
        env["NPKIT_CONFIG"] = f"{tmp}/{tree}/config.toml"
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = f"{tmp}/pycache"
        if src:
            env["PYTHONPATH"] = str(Path(src).resolve())
        envs[tree] = env
    return envs


def warm_caches(envs: dict[str, dict[str, str]]) -> None:
    """Fill each checkout's cache with the latest fx and gold rates, then stop the servers."""
    npkit = npkit_command()
    with LocalServer() as nrb, LocalServer() as gold:
        nrb.route(NRB_PATH, FakeNRB(link_base=nrb.url))
        gold.route("/api/website/v1/Dashboard/today", Reply(GOLD_TODAY.read_bytes()))
        for env in envs.values():
            env["NPKIT_NRB_URL"], env["NPKIT_FENEGOSIDA_URL"] = nrb.url, gold.url
            for group in ("fx", "gold"):
                timed([*npkit, group, "--json"], env, None, None)


def startup(envs: dict[str, dict[str, str]], runs: int) -> list[Row]:
    """The one-shot rows: (tree, row, ours, theirs) medians in seconds."""
    npkit = npkit_command()
    python = [sys.executable, "-c"]
    sambat = shutil.which("sambat") or str(Path(sys.executable).with_name("sambat"))
    have_sambat = Path(sambat).exists()
    if not have_sambat:
        print("sambat is not installed (pip install sambat): its row is skipped")
    commands: dict[tuple[str, str], list[str]] = {
        ("peer", "bare convert"): [*python, BARE_CONVERT, "2024-11-26"],
        ("peer", "bare today"): [*python, BARE_TODAY],
    }
    if have_sambat:
        commands["peer", "sambat today"] = [sambat, "today"]
    for tree in envs:
        commands[tree, "convert"] = [*npkit, "date", "convert", "2024-11-26", "--json"]
        commands[tree, "today --json"] = [*npkit, "date", "today", "--json"]
        commands[tree, "today"] = [*npkit, "date", "today"]
        commands[tree, "fx --json"] = [*npkit, "fx", "--json"]
        commands[tree, "gold --json"] = [*npkit, "gold", "--json"]
        commands[tree, "cal 2083 --json"] = [*npkit, "date", "cal", "2083", "--json"]
    times: dict[tuple[str, str], list[tuple[float, float]]] = {key: [] for key in commands}
    env0 = next(iter(envs.values()))
    for round_ in range(runs + 1):  # round 0 (untimed) writes the bytecode
        for key, args in commands.items():
            seconds = timed(args, envs.get(key[0], env0), None, None)
            if round_:
                times[key].append(seconds)
    median = medians(times)
    rows = []
    for tree in envs:
        pairs = [
            ("convert", "convert", ("peer", "bare convert")),
            ("today", "today --json", ("peer", "bare today")),
            ("sambat", "today", ("peer", "sambat today")),
            ("warm", "fx --json", (tree, "today --json")),
            ("warm", "gold --json", (tree, "today --json")),
            ("cal", "cal 2083 --json", (tree, "today --json")),
        ]
        for goal, ours, theirs in pairs:
            if theirs in median:
                rows.append(row(tree, f"{goal}: {ours}", median[tree, ours], median[theirs]))
    return rows


def write_dates(path: str, count: int) -> None:
    """``count`` random ISO days in nepali-datetime's range (the same ones every run)."""
    first, last = date(1918, 4, 13).toordinal(), date(2044, 4, 12).toordinal()
    rng = random.Random(2081)
    with open(path, "w", encoding="ascii") as handle:
        for _ in range(count):
            handle.write(date.fromordinal(rng.randint(first, last)).isoformat() + "\n")


def medians(
    times: dict[tuple[str, str], list[tuple[float, float]]],
) -> dict[tuple[str, str], tuple[float, float]]:
    """The median wall and the median CPU seconds of each command's runs."""
    return {
        key: (statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs))
        for key, runs in times.items()
    }


def row(tree: str, name: str, ours: tuple[float, float], theirs: tuple[float, float]) -> Row:
    return (tree, name, ours[0], theirs[0], ours[1], theirs[1])


def bulk(envs: dict[str, dict[str, str]], lines: int, runs: int, tmp: str) -> list[Row]:
    """The bulk rows: csv against the bare loop, the default format against ``-f tsv``."""
    npkit = [*npkit_command(), "date", "convert"]
    source = f"{tmp}/dates.txt"
    write_dates(source, lines)
    commands: dict[tuple[str, str], list[str]] = {}
    commands["peer", "loop"] = [sys.executable, "-c", BARE_LOOP]
    for tree in envs:
        commands[tree, "csv"] = [*npkit, "-f", "csv", "--fields", "ad,bs", "-"]
        commands[tree, "tsv"] = [*npkit, "-f", "tsv", "-"]
        commands[tree, "default"] = [*npkit, "-"]
    times: dict[tuple[str, str], list[tuple[float, float]]] = {key: [] for key in commands}
    env0 = next(iter(envs.values()))
    for _ in range(runs):
        for key, args in commands.items():  # the loop too, every round: its time drifts with
            out = f"{tmp}/{key[0]}-{key[1]}.out"  # the machine's (14-19 s seen on one day)
            times[key].append(timed(args, envs.get(key[0], env0), source, out))
    for first, second in (("csv", "loop"), ("default", "tsv")):
        for tree in envs:
            other = "peer" if second == "loop" else tree
            ours, theirs = Path(f"{tmp}/{tree}-{first}.out"), Path(f"{tmp}/{other}-{second}.out")
            if ours.read_bytes() != theirs.read_bytes():
                print(f"OUTPUTS DIFFER: {tree} {first} against {other} {second}")
    median = medians(times)
    rows = []
    for tree in envs:
        loop, csv, tsv = median["peer", "loop"], median[tree, "csv"], median[tree, "tsv"]
        rows.append(row(tree, "bulk: csv vs loop", loop, csv))
        rows.append(row(tree, "table: default vs tsv", median[tree, "default"], tsv))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each one-shot command")
    parser.add_argument("--bulk-runs", type=int, default=3, help="runs of each bulk command")
    parser.add_argument("--lines", type=int, default=1_000_000, help="dates in the bulk input")
    parser.add_argument("--baseline", metavar="SRC", help="another checkout's src/ to time too")
    parser.add_argument("--only", choices=("startup", "bulk"), help="one group of rows")
    options = parser.parse_args()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        envs = environments(tmp, options.baseline)
        if options.only != "bulk":
            warm_caches(envs)
            rows += startup(envs, options.runs)
        if options.only != "startup":
            rows += bulk(envs, options.lines, options.bulk_runs, tmp)
    print(f"\nmedians; {options.runs} one-shot runs, {options.bulk_runs} bulk runs, interleaved")
    print("(bulk: the loop's time over npkit's; every other row: npkit's over the other's)\n")
    head = f"{'wall ms':>9} {'vs ms':>9} {'ratio':>7} {'cpu ms':>9} {'vs ms':>9} {'ratio':>7}"
    print(f"{'tree':<7} {'row':<26} {head}  goal (wall)")
    for tree, name, ours, theirs, ours_cpu, theirs_cpu in sorted(rows, key=lambda r: r[1]):
        ratio = ours / theirs
        key = name.partition(":")[0]
        if key == "bulk":
            goal, met = f">= {BULK_GOAL:g}x", ratio >= BULK_GOAL
        else:
            goal, met = f"<= {GOALS[key]:g}x", ratio <= GOALS[key]
        verdict = "met" if met else "NOT met"
        wall = f"{ours * 1000:>9.0f} {theirs * 1000:>9.0f} {ratio:>6.2f}x"
        cpu = f"{ours_cpu * 1000:>9.0f} {theirs_cpu * 1000:>9.0f} {ours_cpu / theirs_cpu:>6.2f}x"
        print(f"{tree:<7} {name:<26} {wall} {cpu}  {goal} {verdict}")


if __name__ == "__main__":
    main()
