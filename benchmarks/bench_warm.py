"""Warm-cache `npkit fx`, `npkit gold` and `npkit news` against `npkit date today`, in one run.

    python benchmarks/bench_warm.py              # 15 runs of each command
    python benchmarks/bench_warm.py --runs 30

Goal (issue #8, the warm path): with a fresh cache, each of `npkit fx`, `npkit gold` and
`npkit news` (and their `--offline`) takes at most 2× `npkit date today`. The script starts the
tests' local servers (tests/support/servers.py) with the recorded fixtures, warms the cache once
through them, then stops them: the timed runs cannot reach any network (a request would fail
with exit 3), and nothing here touches the internet (every URL points at 127.0.0.1).
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

from tests.support.servers import NRB_PATH, FakeNRB, LocalServer, Reply  # noqa: E402

from benchmarks.common import npkit_command  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
GOLD_TODAY = FIXTURES / "gold" / "fenegosida_today_2026-08-17.json"
FEEDS = {
    "onlinekhabar": "prospect_onlinekhabar_2026-02-05.xml",
    "kathmandupost": "prospect_kathmandupost_2026-05-13.xml",
    "nepalitimes": "prospect_nepalitimes_2026-02-15.xml",
}
GOAL = 2.0


def run(args: list[str], env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    done = subprocess.run(args, env=env, capture_output=True, text=True)
    return time.perf_counter() - start, done


def news_config(path: Path, servers: dict[str, LocalServer]) -> None:
    """Only the three local feeds: every built-in source disabled, ours pointed at 127.0.0.1."""
    sys.path.insert(0, str(ROOT / "src"))
    from npkit.news import registry

    lines = []
    for source in registry.builtin():
        if source.id not in servers:
            lines += [f'[news.sources."{source.id}"]', "enabled = false"]
    for name, server in servers.items():
        lines += [f'[news.sources."{name}"]', f'url = "{server.url}/feed"']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    options = parser.parse_args()
    npkit = npkit_command()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(
            os.environ,
            NPKIT_CACHE_DIR=str(Path(tmp) / "cache"),
            NPKIT_CONFIG=str(Path(tmp) / "config.toml"),
        )
        nrb, gold = LocalServer().start(), LocalServer().start()
        feeds = {name: LocalServer().start() for name in FEEDS}
        try:
            nrb.route(NRB_PATH, FakeNRB(link_base=nrb.url))
            gold.route("/api/website/v1/Dashboard/today", Reply(GOLD_TODAY.read_bytes()))
            for name, server in feeds.items():
                body = (FIXTURES / "news" / FEEDS[name]).read_bytes()
                server.route("/feed", Reply(body, content_type="application/rss+xml"))
            news_config(Path(env["NPKIT_CONFIG"]), feeds)
            env["NPKIT_NRB_URL"] = nrb.url
            env["NPKIT_FENEGOSIDA_URL"] = gold.url
            for group in ("fx", "gold", "news"):
                seconds, done = run([*npkit, group, "--json"], env)
                if done.returncode != 0:
                    sys.exit(f"warming `npkit {group}` failed: {done.stderr.strip()}")
                print(f"cold `npkit {group} --json` (fills the cache): {seconds * 1000:.0f} ms")
        finally:
            for server in (nrb, gold, *feeds.values()):
                server.close()
        # The servers are gone: a 0 exit below proves the answer came from the cache.
        commands = {"npkit date today": [*npkit, "date", "today"]}
        for group in ("fx", "gold", "news"):
            commands[f"npkit {group} (warm)"] = [*npkit, group]
            commands[f"npkit {group} --offline"] = [*npkit, group, "--offline"]
        timings: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(options.runs):  # interleaved: drift in machine load hits all alike
            for name, args in commands.items():
                seconds, done = run(args, env)
                if done.returncode != 0:
                    sys.exit(f"{name} failed ({done.returncode}): {done.stderr.strip()}")
                timings[name].append(seconds)

    print(f"\n{options.runs} runs each, interleaved; servers stopped after warming\n")
    print(f"{'command':<26} {'median ms':>10} {'min ms':>8} {'max ms':>8} {'vs date':>8}")
    base = statistics.median(timings["npkit date today"])
    worst = 0.0
    for name, times in timings.items():
        median = statistics.median(times)
        ratio = median / base
        if name != "npkit date today":
            worst = max(worst, ratio)
        row = f"{median * 1000:>10.0f} {min(times) * 1000:>8.0f} {max(times) * 1000:>8.0f}"
        print(f"{name:<26} {row} {ratio:>7.2f}x")
    verdict = "met" if worst <= GOAL else "NOT met"
    print(f"\ngoal: every warm command ≤ {GOAL:g}× `npkit date today`: {verdict} ({worst:.2f}×)")


if __name__ == "__main__":
    main()
