"""Headlines from Nepali news sites, merged and filtered; articles read as text. No Click.

    >>> from npkit import news
    >>> result = news.headlines(lang="ne", since="6h", keywords=["निर्वाचन"])  # doctest: +SKIP
    >>> result.articles[0]                                                      # doctest: +SKIP
    Article(published=datetime.datetime(2026, 2, 5, 12, 50, 7, tzinfo=…), source='onlinekhabar', …)
    >>> result.failures                  # sources that failed, one line each   # doctest: +SKIP
    >>> news.read("https://www.onlinekhabar.com/2026/07/1973775/...")           # doctest: +SKIP
    ArticleText(title='…', url='…', published=datetime.datetime(2026, 7, 12, 22, 25, …), …)

Pure parsers take bytes: ``parse_feed(content, url)`` and ``parse_article(content, url)``.
The registry is data (``sources.toml``) merged with ``[news.sources.<id>]`` from the config
file: ``sources()`` (``registry.load``). ``read`` is in ``reader``, ``headlines`` in
``headlines``; this module only re-exports. Nothing here imports requests, feedparser or bs4
until it is used, and the parsers (``parse_article``, ``read``, ``parse_feed``) are imported on
first use: listing headlines from a warm cache needs none of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from npkit.news.dedupe import canonical_url
from npkit.news.headlines import Headlines, check, headlines, merge, parse_since
from npkit.news.records import Article, ArticleText, Failure, SourceCheck
from npkit.news.registry import Source, check_url, source_for
from npkit.news.registry import load as sources

if TYPE_CHECKING:
    from npkit.news.article import parse_article
    from npkit.news.feeds import parse as parse_feed
    from npkit.news.reader import ARTICLE_TTL, read

_LAZY = {  # name → (module, name there)
    "ARTICLE_TTL": ("npkit.news.reader", "ARTICLE_TTL"),
    "parse_article": ("npkit.news.article", "parse_article"),
    "parse_feed": ("npkit.news.feeds", "parse"),
    "read": ("npkit.news.reader", "read"),
}

__all__ = [
    "ARTICLE_TTL",
    "Article",
    "ArticleText",
    "Failure",
    "Headlines",
    "Source",
    "SourceCheck",
    "canonical_url",
    "check",
    "check_url",
    "headlines",
    "merge",
    "parse_article",
    "parse_feed",
    "parse_since",
    "read",
    "source_for",
    "sources",
]


def __getattr__(name: str) -> object:
    """The parsers and ``read``, imported when first asked for."""
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    module, attribute = _LAZY[name]
    value = getattr(importlib.import_module(module), attribute)
    globals()[name] = value
    return value
