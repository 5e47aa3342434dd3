"""A fuzzing run of the ``npkit`` program (issue #12): N invocations per class, real processes.

Not part of the test suite. Classes: arguments, stdin bytes, hostile local servers (fx, gold,
news --feed), corrupt configs and caches, closed/full streams and early SIGINT. Counts per
class: invocations, exit 1, tracebacks, hangs (past the limit), and escape/bidi characters
seen on stdout or stderr. Usage::

    PYTHONPATH=src python benchmarks/fuzz_cli.py [N] [--seed S] [--src DIR]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.raw import RawServer, response, send, trickle  # noqa: E402

HOSTILE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
LIMIT = 30.0  # seconds: a run longer than this is a hang (every wait is 2 s --timeout)
EVIL = ["\x1b]0;x\x07", "\x1b[31m", "\x9b2J", "\u202e", "\x07", "\x00", "a\nb", "user:pw@"]
WORDS = [
    "date", "convert", "today", "cal", "fx", "gold", "news", "rates", "value", "sources",
    "--date", "--from", "--to", "--since", "--json", "-f", "csv", "tsv", "ndjson", "--fields",
    "--offline", "--no-cache", "--max-age", "--strict", "-q", "-v", "--wide", "--rate", "mid",
    "--unit", "tola", "--metal", "silver", "--source", "hamropatro", "-n", "0", "-s", "-k",
    "0001-01-01", "9999-12-31", "2081-08-11", "bs:2081-13-40", "999999d", "99999999999999999999",
    "USD", "AAA", "BBB", "NPR", "१२३", "1e999", "-1", "nan", "--feed", "http://[::1",
    "http://127.0.0.1:99999/", "http://u:pw@127.0.0.1:9/f", "5" * 5000,
]  # fmt: skip


def sample_args(rng: random.Random) -> list[str]:
    args = [rng.choice(["date", "fx", "gold", "news"])]
    for _ in range(rng.randint(0, 6)):
        word = rng.choice(WORDS)
        if rng.random() < 0.15:
            word += rng.choice(EVIL)
        args.append(word)
    args = [a.replace("\x00", "") for a in args]  # argv cannot hold NUL
    return [*args, "--timeout", "2"] if args[0] != "date" and rng.random() < 0.9 else args


def server_reply(rng: random.Random) -> bytes:
    status = rng.choice([b"200 OK", b"301 Moved", b"403 Forbidden", b"429 Slow", b"503 Busy"])
    if rng.random() < 0.5:
        status += b" " + rng.choice(EVIL).encode("utf-8", "surrogatepass")
    headers = {}
    if rng.random() < 0.4:
        name = rng.choice([b"Retry-After", b"Location", b"Content-Type"])
        headers[name] = rng.choice(
            [b"http://[::1", b"\xff\xfe", b"99999999", b"\x1b]0;x\x07", b"http://127.0.0.1:99999/"]
        )
    body = rng.choice(
        [b"", b"{", b"<rss><channel><item><title>\x1b]0;x\x07</title></item>", os.urandom(200),
         b'{"status":{"code":200},"data":{"payload":[]}}', b"<html>" * 100]
    )  # fmt: skip
    return response(body, status, headers, length=rng.random() < 0.7)


class Runner:
    def __init__(self, src: Path) -> None:
        self.src = src
        self.stats: dict[str, Counter[str]] = {}
        self.examples: dict[str, list[str]] = {}

    def run(self, kind: str, args: list[str], *, env: dict[str, str], stdin: bytes | None = None,
            shell: str | None = None, sigint: float | None = None) -> None:  # fmt: skip
        command = [sys.executable, "-m", "npkit", *args]
        full = dict(os.environ, PYTHONPATH=str(self.src), **env)
        started = time.monotonic()
        hung = False
        if shell is not None:
            full["NPKIT"] = f"{sys.executable} -m npkit"
            command = ["bash", "-c", shell]
        process = subprocess.Popen(
            command, env=full, stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip
        if sigint is not None:
            time.sleep(sigint)
            process.send_signal(signal.SIGINT)
        try:
            out, err = process.communicate(stdin, timeout=LIMIT)
        except subprocess.TimeoutExpired:
            process.kill()
            out, err = process.communicate()
            hung = True
        text = (out + err).decode("utf-8", "replace")
        counter = self.stats.setdefault(kind, Counter())
        counter["invocations"] += 1
        counter["exit 1"] += process.returncode == 1
        counter["tracebacks"] += "Traceback" in text
        counter["hangs"] += hung
        counter["escapes"] += bool(HOSTILE.search(text))
        counter["seconds"] += round(time.monotonic() - started, 2)
        if process.returncode == 1 or "Traceback" in text or hung or HOSTILE.search(text):
            tail = err.decode("utf-8", "replace")[-200:]
            self.examples.setdefault(kind, []).append(
                f"{args or shell} -> {process.returncode}: {tail!r}"
            )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int, nargs="?", default=40)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--src", default=str(ROOT / "src"))
    parser.add_argument("--jobs", type=int, default=4)
    options = parser.parse_args()
    rng = random.Random(options.seed)
    runner = Runner(Path(options.src))
    work = tempfile.mkdtemp(prefix="npkit-fuzz-")
    dead = "http://127.0.0.1:9"
    base = {"NPKIT_TODAY": "2026-08-17", "NPKIT_CONFIG": f"{work}/none.toml",
            "HTTP_PROXY": dead, "HTTPS_PROXY": dead, "NO_PROXY": "127.0.0.1"}  # fmt: skip
    for name in ("NRB", "FENEGOSIDA", "NEPALIPATRO", "HAMROPATRO"):
        base[f"NPKIT_{name}_URL"] = dead
    jobs: list = []

    def cache(i: int) -> dict[str, str]:
        return {**base, "NPKIT_CACHE_DIR": f"{work}/c{i}"}

    for i in range(options.n):  # arguments
        sampled = sample_args(rng)
        jobs.append(lambda i=i, a=sampled: runner.run("arguments", a, env=cache(i)))
    for i in range(options.n):  # stdin bytes into the bulk date path
        data = rng.choice([os.urandom(rng.randint(0, 400)), ("2081-08-11\n" * 50).encode(),
                           "\u202e2081-01-01\x1b]0;x\x07\n".encode(), b"\xff\xfe\x00"])  # fmt: skip
        args = rng.choice([["date", "convert", "-"], ["date", "convert", "-", "-f", "csv"],
                           ["date", "convert", "--keep-going"]])  # fmt: skip
        jobs.append(lambda i=i, d=data, a=args: runner.run("stdin", a, env=cache(i), stdin=d))
    for i in range(options.n):  # hostile servers
        reply = server_reply(rng)
        slow = rng.random() < 0.15
        args = rng.choice([["fx"], ["fx", "convert", "100", "USD"], ["gold"], ["news", "--feed"]])

        def serve(i: int = i, reply: bytes = reply, slow: bool = slow, args: list = args) -> None:
            answer = trickle(reply, every=0.4, start=len(reply) // 3) if slow else send(reply)
            with RawServer(answer) as server:
                env = {**cache(1000 + i), "NPKIT_NRB_URL": server.url,
                       "NPKIT_FENEGOSIDA_URL": server.url, "NPKIT_NEPALIPATRO_URL": server.url,
                       "NPKIT_HAMROPATRO_URL": server.url}  # fmt: skip
                full = [*args, server.url + "/feed"] if args[-1] == "--feed" else list(args)
                runner.run("servers", [*full, "--timeout", "2"], env=env)

        jobs.append(serve)
    for i in range(options.n):  # corrupt configs and caches
        config = Path(work) / f"config{i}.toml"
        config.write_bytes(rng.choice([
            os.urandom(300), b"a = " + b"[" * 3000, b"a" + b".a" * 50000 + b" = 1",
            b'[news.sources.x]\nurl = "http://[::1"\n', b'timeout = "\x1b]0;x\x07"\n',
            b'[news.sources.x]\nurl = "http://127.0.0.1:9/f"\nname = "\x1b[31mx\xe2\x80\xae"\n',
            b'cache_dir = 5\n', b'[sources.nrb]\nurl = "http://u:pw@127.0.0.1:99999"\n',
        ]))  # fmt: skip
        directory = Path(work) / f"cc{i}"
        directory.mkdir()
        choice = rng.random()
        if choice < 0.3:
            (directory / "http_cache.sqlite").write_bytes(os.urandom(2048))
        elif choice < 0.5:
            (directory / "http_cache.sqlite").symlink_to("/dev/null")
        elif choice < 0.6:
            (directory / "fresh").mkdir()
            (directory / "fresh" / "x.entry").write_bytes(b"npkit-fresh 1\n\xff")
        args = rng.choice([["fx"], ["gold"], ["news", "sources"], ["news"], ["fx", "--offline"]])
        env = {**base, "NPKIT_CONFIG": str(config), "NPKIT_CACHE_DIR": str(directory)}
        jobs.append(
            lambda a=args, e=env: runner.run("configs+caches", [*a, "--timeout", "2"], env=e)
        )
    for i in range(options.n):  # streams and signals
        if rng.random() < 0.5:
            command = rng.choice(
                ["date today", "date cal", "fx --offline", "--version", "news sources"]
            )
            redirect = rng.choice([">&-", ">/dev/full", "<&-", "2>&-", "2>/dev/full", "| head -c1"])
            jobs.append(lambda c=command, r=redirect, i=i: runner.run(
                "streams+signals", [], env=cache(2000 + i), shell=f"$NPKIT {c} {r}"))  # fmt: skip
        else:
            args = rng.choice([["date", "today"], ["fx", "--offline"], ["news", "sources"]])
            delay = rng.uniform(0, 0.3)
            jobs.append(lambda a=args, d=delay, i=i: runner.run(
                "streams+signals", a, env=cache(2000 + i), sigint=d))  # fmt: skip
    rng.shuffle(jobs)
    started = time.monotonic()
    with ThreadPoolExecutor(options.jobs) as pool:
        list(pool.map(lambda job: job(), jobs))
    print(f"{len(jobs)} invocations in {time.monotonic() - started:.0f} s (src: {options.src})")
    print(f"{'class':18} {'runs':>5} {'exit 1':>7} {'tracebacks':>10} {'hangs':>6} {'escapes':>8}")
    for kind, counter in runner.stats.items():
        row = [counter[k] for k in ("invocations", "exit 1", "tracebacks", "hangs", "escapes")]
        print(f"{kind:18} {row[0]:5} {row[1]:7} {row[2]:10} {row[3]:6} {row[4]:8}")
    for kind, examples in runner.examples.items():
        for example in examples[:4]:
            print(f"  {kind}: {example}")


if __name__ == "__main__":
    main()
