"""Fetching many feeds at once, politely: hosts in parallel, one request at a time per host.

Sources are grouped by host (``host:port``); a bounded pool of worker threads takes one group at
a time and fetches its feeds one after the other, so ten slow hosts cost about as long as the
slowest one, and no server sees two requests of ours at once. Workers are daemon threads: Ctrl-C
stops the command at once instead of waiting for hung servers. One source failing is that
source's ``Outcome.error``, never an exception for the others.
"""

from __future__ import annotations

import dataclasses
import json
import queue
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from npkit import http, provenance
from npkit.config import FetchOptions
from npkit.errors import FetchError, NpkitError, ParseError
from npkit.news.records import Article
from npkit.news.registry import Source

POOL_SIZE = 16
"""Most hosts fetched at once (every built-in source fits in one round)."""

FEED_TTL = timedelta(minutes=10)
"""A feed stays fresh in the cache this long; then it is revalidated (conditional GET)."""

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)


ARTICLES_FORMAT = 1
"""Version of the parsed feeds kept beside cached replies (``codec``): bump it whenever
``feeds.parse`` or ``Article`` changes what a feed's bytes give."""

_FIELDS = ("published", "source", "lang", "title", "url", "summary")
_OPTIONAL = frozenset({"published", "lang", "summary"})


def codec(source: Source) -> http.Codec[list[Article]]:
    """How ``source``'s parsed feed is kept in the cache: a JSON list of the records' fields
    (``published`` as ISO 8601 text). The tag carries what ``feeds.parse`` was given besides
    the bytes (the source's id and language), so a changed setting parses again."""
    return http.Codec(
        f"news.articles {ARTICLES_FORMAT} {source.id} {source.lang or '-'}",
        encode_articles,
        decode_articles,
    )


def encode_articles(articles: list[Article]) -> bytes:
    rows = [{name: getattr(article, name) for name in _FIELDS} for article in articles]
    for row in rows:
        if row["published"] is not None:
            row["published"] = row["published"].isoformat()
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def decode_articles(data: bytes) -> list[Article]:
    """The records of ``encode_articles``; ``ValueError`` for anything else."""
    rows = json.loads(data)  # a UnicodeDecodeError or JSONDecodeError is a ValueError
    if not isinstance(rows, list):
        raise ValueError("not a list of articles")
    articles = []
    for row in rows:
        if not isinstance(row, dict) or sorted(row) != sorted(_FIELDS):
            raise ValueError("not an article")
        for name in _FIELDS:
            value = row[name]
            if not (isinstance(value, str) or (value is None and name in _OPTIONAL)):
                raise ValueError(f"bad {name}")
        published = row.pop("published")
        if published is not None:
            published = datetime.fromisoformat(published)  # a bad stamp is a ValueError
            if published.tzinfo is None:
                raise ValueError("published without an offset")
        articles.append(Article(published=published, **row))
    return articles


@dataclass(frozen=True)
class Outcome:
    """What fetching one source gave: its articles, or the error that stopped it."""

    source: Source
    articles: tuple[Article, ...] = ()
    error: NpkitError | None = None
    fetched: http.Fetched | None = None  # the reply, when the fetch succeeded
    seconds: float = 0.0  # time spent on this source (network, cache and parsing)


def fetch_one(source: Source, options: FetchOptions | None = None) -> Outcome:
    """Fetch and parse one source's feed; failures are returned, not raised."""
    started = time.monotonic()

    def parse(content: bytes, _url: str) -> list[Article]:
        from npkit.news import feeds  # not needed when the parsed feed is cached

        return feeds.parse(content, source.url, source.id, source.lang)

    try:
        articles, fetched = http.fetch_parsed(
            source.url,
            parse,
            expire_after=FEED_TTL,
            options=options,
            headers={"Accept": FEED_ACCEPT},
            codec=codec(source),
        )
    except (FetchError, ParseError) as exc:  # a UsageError (a bad setting) is everyone's
        return Outcome(source, error=exc, seconds=time.monotonic() - started)
    at = provenance.fetched_at(fetched)
    stamped = tuple(dataclasses.replace(a, fetched_at=at, stale=fetched.stale) for a in articles)
    return Outcome(source, stamped, None, fetched, time.monotonic() - started)


def fetch_all(
    sources: Sequence[Source],
    options: FetchOptions | None = None,
    fetch: Callable[[Source, FetchOptions | None], Outcome] = fetch_one,
    pool_size: int = POOL_SIZE,
) -> list[Outcome]:
    """Every source's outcome, in the order given, hosts in parallel (at most ``pool_size`` at
    once), the sources of one host one after another."""
    if not all(_warm(source, options) for source in sources):
        import feedparser  # noqa: F401  (once here, not under the import lock of every worker)

    groups: dict[str, list[int]] = {}
    for index, source in enumerate(sources):
        groups.setdefault(source.host, []).append(index)
    work: queue.SimpleQueue[list[int]] = queue.SimpleQueue()
    for group in groups.values():
        work.put(group)
    results: list[Outcome | None] = [None] * len(sources)
    crashes: list[BaseException] = []

    def worker() -> None:
        while True:
            try:
                group = work.get_nowait()
            except queue.Empty:
                return
            for index in group:
                try:
                    results[index] = fetch(sources[index], options)
                except BaseException as exc:  # a bug: re-raised in the calling thread
                    crashes.append(exc)
                    return

    threads = [
        threading.Thread(target=worker, name=f"npkit-news-{n}", daemon=True)
        for n in range(max(1, min(pool_size, len(groups))))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if crashes:
        raise crashes[0]
    return [outcome for outcome in results if outcome is not None]


def _warm(source: Source, options: FetchOptions | None) -> bool:
    """Whether ``fetch_one(source, options)`` will be answered by a parsed feed in the cache."""
    return http.has_kept_value(source.url, codec(source), options=options)
