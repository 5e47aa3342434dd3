"""Big inputs and hostile pages (issue 21): flat memory, linear time. Run by hand; prints a
table and a verdict per goal. Every figure is a whole process (peak RSS by ``/usr/bin/time``),
times are medians of interleaved runs, compared as ratios measured side by side.

    python benchmarks/bench_size.py                     # 1,000,000 rows; 10 MB pages
    python benchmarks/bench_size.py --rows 200000 --runs 3 --only column,json

Goals:
  column   `date convert --column date` peak RSS flat in the input (4x the rows: < 1.25x the
           RSS) and < 100 MB, in every format; rows/s >= 0.5x the line mode's
           (`-f csv --fields ad,bs -` over the same dates).
  json     `-f json` and `-f ndjson` within 1.5x of `-f csv` for the same rows, in the line
           mode (default fields) and with --column.
  news     `news read` of a 10 MB hostile page (200,000 links; 100,000 short paragraphs;
           20,000 unclosed <div>) served from 127.0.0.1: a few seconds, < 200 MB.
  clean    feed fragments of unclosed "<a ", 64 KiB (SUMMARY_INPUT_MAX) and 256 KiB: the time
           of 4x the text < 8x (linear; Python's HTMLParser took 70 s for 24 KB).
  parsers  html.parser (the tokenizer alone), bs4 with html.parser and lxml, lxml.html,
           selectolax (lexbor) on the links page: import + parse + finding every <a>.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import npkit_command  # noqa: E402

Run = tuple[float, int]  # seconds, peak RSS in KiB


def measured(args: list[str], stdin: Path | None, env: dict[str, str]) -> Run:
    """Wall seconds and peak RSS (KiB) of one whole process, by ``/usr/bin/time`` (a child's
    ``ru_maxrss`` from ``wait4`` would count this big process's pages before the exec)."""
    with tempfile.NamedTemporaryFile("r") as report:
        timed = ["/usr/bin/time", "-q", "-f", "%e %M", "-o", report.name, *args]
        with open(stdin or os.devnull, "rb") as source:
            done = subprocess.run(timed, stdin=source, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, env=env, check=False)  # fmt: skip
        if done.returncode:
            raise SystemExit(f"{args} failed: {done.stderr.decode()[:300]}")
        seconds, rss = report.read().split()
    return float(seconds), int(rss)


def medians(cases: dict[str, Callable[[], Run]], runs: int) -> dict[str, Run]:
    """Each case run ``runs`` times, interleaved (the same machine state for all)."""
    seen: dict[str, list[Run]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, case in cases.items():
            seen[name].append(case())
    return {
        name: (statistics.median(t for t, _ in found), max(r for _, r in found))
        for name, found in seen.items()
    }


def write_inputs(rows: int, work: Path) -> tuple[Path, Path]:
    """``rows`` dates (4,000 distinct days) one per line, and as a CSV id,date,amount."""
    rng = random.Random(21)
    first = date(2015, 1, 1).toordinal()
    days = [date.fromordinal(first + rng.randrange(4000)).isoformat() for _ in range(rows)]
    plain, sheet = work / f"dates{rows}.txt", work / f"sales{rows}.csv"
    plain.write_text("\n".join(days) + "\n", encoding="utf-8")
    with sheet.open("w", encoding="utf-8") as out:
        out.write("id,date,amount\n")
        out.writelines(f"{i},{day},{i % 997}.50\n" for i, day in enumerate(days))
    return plain, sheet


def column(rows: int, runs: int, env: dict[str, str], work: Path) -> None:
    npkit = npkit_command()
    small, big = rows // 4, rows
    inputs = {size: write_inputs(size, work) for size in (small, big)}
    cases: dict[str, Callable[[], Run]] = {}
    for size, (plain, sheet) in inputs.items():
        line = [*npkit, "date", "convert", "-f", "csv", "--fields", "ad,bs", "-"]
        cases[f"line csv {size}"] = lambda a=line, s=plain: measured(a, s, env)
        for fmt in ("csv", "json", "ndjson", "tsv"):
            args = [*npkit, "date", "convert", "--column", "date", "-f", fmt]
            cases[f"column {fmt} {size}"] = lambda a=args, s=sheet: measured(a, s, env)
    found = medians(cases, runs)
    print(f"{'case':<22} {'rows':>10} {'seconds':>8} {'rows/s':>11} {'max RSS':>8}")
    for name, (seconds, rss) in found.items():
        size = int(name.rsplit(" ", 1)[1])
        print(
            f"{name:<22} {size:>10,} {seconds:>8.2f} {size / seconds:>11,.0f} {rss // 1024:>5} MB"
        )
    for fmt in ("csv", "json", "ndjson", "tsv"):
        grown = found[f"column {fmt} {big}"][1] / found[f"column {fmt} {small}"][1]
        peak = found[f"column {fmt} {big}"][1] // 1024
        verdict = "ok" if grown < 1.25 and peak < 100 else "BELOW GOAL"
        print(f"column {fmt}: RSS at 4x the rows = {grown:.2f}x, peak {peak} MB ({verdict})")
    ratio = found[f"line csv {big}"][0] / found[f"column csv {big}"][0]
    verdict = "ok" if ratio >= 0.5 else "BELOW GOAL"
    print(f"column rows/s / line rows/s = {ratio:.2f} (goal >= 0.50: {verdict})\n")


def json_ratio(rows: int, runs: int, env: dict[str, str], work: Path) -> None:
    npkit = npkit_command()
    plain, sheet = write_inputs(rows, work)
    cases: dict[str, Callable[[], Run]] = {}
    for fmt in ("csv", "json", "ndjson"):
        line = [*npkit, "date", "convert", "-f", fmt, "-"]
        cases[f"line {fmt}"] = lambda a=line: measured(a, plain, env)
        args = [*npkit, "date", "convert", "--column", "date", "-f", fmt]
        cases[f"column {fmt}"] = lambda a=args: measured(a, sheet, env)
    found = medians(cases, runs)
    for mode in ("line", "column"):
        base = found[f"{mode} csv"][0]
        for fmt in ("json", "ndjson"):
            seconds = found[f"{mode} {fmt}"][0]
            verdict = "ok" if seconds / base <= 1.5 else "ABOVE GOAL"
            print(f"{mode:<6} -f {fmt:<6} {seconds:6.2f} s / -f csv {base:6.2f} s = "
                  f"{seconds / base:.2f} (goal <= 1.50: {verdict})")  # fmt: skip
    print()


def hostile_pages() -> dict[str, bytes]:
    """Three pages under the 10 MiB a response may have (npkit.transport.MAX_BYTES)."""
    links = "".join(f'<a href="/s/{i}">link to story {i}</a> ' for i in range(200_000))
    paragraphs = "".join(
        f"<p>Short paragraph {i}: a few words of text.</p>" for i in range(100_000)
    )
    head = "<html><head><title>Hostile</title></head><body><article>"
    lead = "<p>" + "The story begins with a paragraph of real text. " * 4 + "</p>"
    return {
        "200,000 links": (head + lead + f"<div>{links}</div></article></body></html>").encode(),
        "100,000 paragraphs": (head + paragraphs + "</article></body></html>").encode(),
        "20,000 open <div>": (head + lead + "<div><p>text " * 20_000 + "</article>").encode(),
    }


def news(runs: int, env: dict[str, str]) -> None:
    from tests.support.servers import LocalServer, Reply

    pages = hostile_pages()
    with LocalServer() as server:
        for n, body in enumerate(pages.values()):
            server.route(f"/page{n}", Reply(body, content_type="text/html; charset=utf-8"))
        cases: dict[str, Callable[[], Run]] = {}
        for n, name in enumerate(pages):
            args = [*npkit_command(), "news", "read", "--no-cache", f"{server.url}/page{n}"]
            cases[name] = lambda a=args: measured(a, None, env)
        found = medians(cases, runs)
    for name, (seconds, rss) in found.items():
        verdict = "ok" if seconds < 5 and rss < 200 * 1024 else "ABOVE GOAL"
        size = len(pages[name]) / 1e6
        print(f"news read, {name:<20} {size:4.1f} MB page: {seconds:5.2f} s, "
              f"max RSS {rss // 1024:>4} MB ({verdict})")  # fmt: skip
    print()


PARSERS = {
    "html.parser (tokens)": "from html.parser import HTMLParser as P\n"
    "class C(P):\n    n = 0\n    def handle_starttag(self, t, a): self.n += t == 'a'\n"
    "c = C(); c.feed(page.decode()); c.close()",
    "bs4 + html.parser": "from bs4 import BeautifulSoup\n"
    "len(BeautifulSoup(page, 'html.parser').find_all('a'))",
    "bs4 + lxml": "from bs4 import BeautifulSoup\nlen(BeautifulSoup(page, 'lxml').find_all('a'))",
    "lxml.html": "import lxml.html\nsum(1 for _ in lxml.html.document_fromstring(page).iter('a'))",
    "selectolax (lexbor)": "from selectolax.lexbor import LexborHTMLParser\n"
    "len(LexborHTMLParser(page.decode()).css('a'))",
}


def parsers(runs: int, work: Path) -> None:
    path = work / "links.html"
    path.write_bytes(hostile_pages()["200,000 links"])
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    cases: dict[str, Callable[[], Run]] = {}
    for name, code in PARSERS.items():
        module = code.split("\n")[0].split()[1]
        if subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True,
                          check=False).returncode:  # fmt: skip
            print(f"{name:<22} (not installed)")
            continue
        program = f"import sys\npage = open(sys.argv[1], 'rb').read()\n{code}\n"
        args = [sys.executable, "-c", program, str(path)]
        cases[name] = lambda a=args: measured(a, None, env)
        imported = [sys.executable, "-X", "importtime", "-c", f"import {module}"]
        cost = subprocess.run(imported, capture_output=True, text=True, check=False).stderr
        total = int(cost.strip().splitlines()[-1].split("|")[1]) / 1000
        print(f"{name:<22} import {total:6.1f} ms")
    for name, (seconds, rss) in medians(cases, runs).items():
        print(f"{name:<22} parse the links page {seconds:6.2f} s, max RSS {rss // 1024:>4} MB")
    print()


def clean_ratio(runs: int) -> None:
    from npkit.news.clean import html_to_text

    html_to_text("<a " * 100)  # warm
    times = {}
    for size in (21_845, 87_381):  # 64 KiB (SUMMARY_INPUT_MAX) and 256 KiB
        found = []
        for _ in range(runs):
            start = time.perf_counter()
            html_to_text("<a " * size)
            found.append(time.perf_counter() - start)
        times[size] = statistics.median(found)
    ratio = times[87_381] / max(times[21_845], 1e-9)
    verdict = "ok" if ratio < 8 else "ABOVE GOAL"
    print(f"html_to_text of 256 KiB of '<a ': {times[87_381] * 1000:.1f} ms, "
          f"{ratio:.1f}x the time of 64 KiB (goal < 8: {verdict})\n")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", default="column,json,news,clean,parsers")
    options = parser.parse_args()
    chosen = options.only.split(",")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT / "src"),
            "NPKIT_CACHE_DIR": str(work / "cache"),
            "NPKIT_CONFIG": str(work / "config.toml"),
            "NPKIT_TODAY": "2026-12-01",
        }
        if "column" in chosen:
            column(options.rows, options.runs, env, work)
        if "json" in chosen:
            json_ratio(options.rows, options.runs, env, work)
        if "news" in chosen:
            news(options.runs, env)
        if "clean" in chosen:
            sys.path.insert(0, str(ROOT / "src"))
            clean_ratio(options.runs)
        if "parsers" in chosen:
            parsers(options.runs, work)


if __name__ == "__main__":
    main()
