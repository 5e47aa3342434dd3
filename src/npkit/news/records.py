"""The records of ``npkit news``: frozen dataclasses whose field order is the column order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Article:
    """One headline from a feed, cleaned: plain text, absolute URL, Nepal time."""

    published: datetime | None  # Nepal time (+05:45); None when the feed and the URL give no date
    source: str  # registry id (or the host of a --feed URL)
    lang: str | None  # "ne" or "en", detected from the script of title + summary
    title: str
    url: str  # absolute; relative feed links resolved against the feed's URL
    summary: str | None  # plain text without datelines, "[…]" or read-more tails
    fetched_at: datetime | None = None  # when the feed's reply was sent, Nepal time (+05:45)
    stale: bool = False  # from an expired cached copy (the server failed, or --offline)

    # How a table shows these records (npkit.output.render, npkit.output.table).
    TABLE_COLUMNS = ("published", "source", "title")
    TABLE_DROP = ("source", "published")


@dataclass(frozen=True, slots=True)
class ArticleText:
    """An article page read as text (``npkit news read``)."""

    title: str
    url: str
    published: datetime | None  # Nepal time (+05:45), to the second
    source: str
    text: str  # paragraphs separated by blank lines
    fetched_at: datetime | None = None  # when the page's reply was sent, Nepal time (+05:45)
    stale: bool = False  # from an expired cached copy (the server failed, or --offline)

    # How a table shows these records (npkit.output.render, npkit.output.table).
    TABLE_COLUMNS = ("title", "url", "published", "source", "text")


@dataclass(frozen=True, slots=True)
class SourceCheck:
    """What ``npkit news sources --check`` found for one source."""

    id: str
    name: str
    status: str  # "ok" or "failed"
    items: int | None
    latency_ms: int
    error: str | None
    url: str

    # How a table shows these records (npkit.output.render, npkit.output.table).
    TABLE_COLUMNS = ("id", "status", "items", "latency_ms", "error")
    TABLE_DROP = ("latency_ms", "items")


@dataclass(frozen=True, slots=True)
class Failure:
    """A source that gave no headlines, and why (one line)."""

    source: str
    message: str
    exit_code: int  # an npkit.errors.ExitCode: FETCH, PARSE, or USAGE (bad configuration)
