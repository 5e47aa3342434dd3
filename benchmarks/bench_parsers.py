"""Time the source parsers on hostile sizes (issue #12): each case at n and 10n, with the ratio.

Linear parsing shows a ratio near 10; quadratic near 100. Run:
``PYTHONPATH=src python benchmarks/bench_parsers.py``. Not a test: timings vary by machine.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from datetime import date

from npkit.errors import ParseError
from npkit.gold import hamropatro
from npkit.news import article, feeds

CARD = "<div><div><h3>Gold (Hallmark)</h3><span>Per Tola</span><span>Rs 3,06,800</span></div></div>"


def cards(n: int) -> Callable[[], object]:
    page = f"<html><body><p>Last updated: Bhadra 1 | 4:03 pm</p>{CARD * n}</body></html>".encode()
    return lambda: hamropatro.parse(page, "https://h.example/en/gold", today=date(2026, 8, 17))


def nested_paragraphs(n: int) -> Callable[[], object]:
    page = f"<html><body><article>{'<p>word word word ' * n}</article></body></html>".encode()
    return lambda: article.parse_article(page, "https://e.org/a")


def feed_items(n: int) -> Callable[[], object]:
    items = "".join(f"<item><title>S {i}</title><link>https://e.org/{i}</link></item>"
                    for i in range(n))  # fmt: skip
    body = f"<rss><channel>{items}</channel></rss>".encode()
    return lambda: feeds.parse(body, "https://e.org/feed")


def seconds(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    with contextlib.suppress(ParseError):
        call()
    return time.perf_counter() - start


def main() -> None:
    for name, make, n in (
        ("hamropatro cards", cards, 80),
        ("article nested <p>", nested_paragraphs, 800),
        ("feed items", feed_items, 1000),
    ):
        small, large = seconds(make(n)), seconds(make(10 * n))
        print(
            f"{name:22} n={n:<6} {small:7.3f} s   10n {large:7.3f} s   ratio {large / small:5.1f}"
        )


if __name__ == "__main__":
    main()
