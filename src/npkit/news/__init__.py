"""Headlines from Nepali news sites, merged and filtered; articles read as text. No Click.

    >>> from npkit import news
    >>> result = news.headlines(lang="ne", since="6h", keywords=["निर्वाचन"])  # doctest: +SKIP
    >>> result.articles[0]                                                      # doctest: +SKIP
    Article(published='2026-02-05T12:50:07+05:45', source='onlinekhabar', lang='ne', ...)
    >>> result.failures                  # sources that failed, one line each   # doctest: +SKIP
    >>> news.read("https://www.onlinekhabar.com/2026/07/1973775/...")           # doctest: +SKIP
    ArticleText(title='…', url='…', published='2026-07-12T22:25:00+05:45', ...)

Pure parsers take bytes: ``parse_feed(content, url)`` and ``parse_article(content, url)``.
The registry is data (``sources.toml``) merged with ``[news.sources.<id>]`` from the config
file: ``sources()``. Nothing here imports requests, feedparser or bs4 until it is used.
"""

from __future__ import annotations

from datetime import timedelta

from npkit.config import FetchOptions
from npkit.news.article import parse_article
from npkit.news.dedupe import canonical_url
from npkit.news.feeds import parse as parse_feed
from npkit.news.headlines import Headlines, check, headlines, merge, parse_since
from npkit.news.records import Article, ArticleText, Failure, SourceCheck
from npkit.news.registry import Source, check_url, source_for

ARTICLE_TTL = timedelta(hours=6)
"""An article page stays fresh in the cache this long."""

__all__ = [
    "Article",
    "ArticleText",
    "Failure",
    "Headlines",
    "Source",
    "SourceCheck",
    "canonical_url",
    "check",
    "headlines",
    "merge",
    "parse_article",
    "parse_feed",
    "parse_since",
    "read",
    "sources",
]


def sources() -> list[Source]:
    """Every source: built-in ones with the config file's ``[news.sources.<id>]`` applied."""
    from npkit.news import registry

    return registry.load()


def read(url: str, options: FetchOptions | None = None) -> ArticleText:
    """Fetch an article page and read it as text (``source``: the registry id of its site)."""
    from npkit import http

    url = check_url(url, "URL")
    source = source_for(url, sources())
    parsed: list[ArticleText] = []

    def check_page(content: bytes) -> None:  # runs on a fresh 200: a non-article is not cached
        parsed.append(parse_article(content, url, source))

    fetched = http.fetch(url, expire_after=ARTICLE_TTL, options=options, check=check_page,
                         headers={"Accept": "text/html,application/xhtml+xml"})  # fmt: skip
    http.report_stale([fetched])
    if parsed and not fetched.from_cache:
        return parsed[-1]
    return parse_article(fetched.content, url, source)
