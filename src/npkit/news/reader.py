"""``npkit news read URL``: fetch an article page and read it as text (``article`` parses)."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from npkit import http, provenance
from npkit.config import FetchOptions
from npkit.news.article import parse_article
from npkit.news.records import ArticleText
from npkit.news.registry import check_url, load, source_for

ARTICLE_TTL = timedelta(hours=6)
"""An article page stays fresh in the cache this long."""


def read(url: str, options: FetchOptions | None = None) -> ArticleText:
    """Fetch an article page and read it as text (``source``: the registry id of its site)."""
    url = check_url(url, "URL")
    source = source_for(url, load())
    article, fetched = http.fetch_parsed(
        url,
        lambda content, _url: parse_article(content, url, source),
        expire_after=ARTICLE_TTL,
        options=options,
        headers={"Accept": "text/html,application/xhtml+xml"},
    )
    http.report_stale([fetched])
    at = provenance.fetched_at(fetched)
    return dataclasses.replace(article, fetched_at=at, stale=fetched.stale)
