"""Headlines from many sources merged into one list: fetched in parallel, de-duplicated,
filtered (language, age, keywords), newest first."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from npkit import dates, http
from npkit.config import FetchOptions
from npkit.digits import TO_ASCII
from npkit.errors import ExitCode, UsageError, combined_exit_code
from npkit.news import fetcher, registry
from npkit.news.clean import fold
from npkit.news.dedupe import dedupe
from npkit.news.records import Article, Failure
from npkit.text import clean, quote

_DURATION = re.compile(r"([0-9]{1,6})\s*(m|min|mins|h|hr|hrs|d|day|days|w|wk|weeks?)", re.ASCII)
_UNIT = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
_FAR_PAST = datetime.min.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Headlines:
    """The merged articles and the sources that failed (each with a one-line reason)."""

    articles: list[Article]
    failures: list[Failure]
    sources: int  # how many sources were asked

    @property
    def all_failed(self) -> bool:
        return self.sources > 0 and len(self.failures) == self.sources

    @property
    def exit_code(self) -> ExitCode:
        """The failures combined by ``npkit.errors``' one rule: 2 for a bad setting, else 4 when
        any source sent an unreadable reply, else 3; 0 without failures."""
        return combined_exit_code(f.exit_code for f in self.failures)


def parse_since(text: str, now: datetime | None = None) -> datetime:
    """``--since``: a duration back from now (``90m``, ``6h``, ``2d``, ``1w``), ``today``,
    ``yesterday``, or a date (AD or BS, as ``npkit date`` reads them) from 00:00 Nepal time."""
    now = now or datetime.now(UTC)
    value = text.strip().lower().translate(TO_ASCII)
    match = _DURATION.fullmatch(value)
    if match:
        unit = _UNIT[match.group(2)[0]]
        try:
            return now - timedelta(**{unit: int(match.group(1))})
        except OverflowError:  # further back than datetime reaches: every headline
            return _FAR_PAST
    today = now.astimezone(dates.NEPAL_TZ).date()
    if value in ("today", "yesterday"):
        day = today - timedelta(days=1 if value == "yesterday" else 0)
    else:
        try:
            day = dates.parse_to_ad(text.strip())
        except UsageError as exc:
            detail = "" if "not a date I can read" in str(exc) else f" ({exc})"
            raise UsageError(
                f"--since: expected a duration like 6h or 2d, or a date, not {quote(text)}{detail}"
            ) from None
    if day <= date.min + timedelta(days=1):  # 00:00 NPT of day 1 is before datetime's range
        return _FAR_PAST
    return datetime.combine(day, time(0), dates.NEPAL_TZ)


def matches(article: Article, keys: Sequence[str]) -> bool:
    """Whether any folded keyword occurs in the title or summary (case-insensitive, NFC,
    ZWJ/ZWNJ ignored)."""
    haystack = fold(f"{article.title} {article.summary or ''}")
    return any(key in haystack for key in keys)


def published_at(article: Article) -> datetime:
    """The article's time for sorting; undated articles sort last."""
    return article.published or _FAR_PAST


def merge(
    articles: Iterable[Article],
    *,
    lang: str | None = None,
    since: datetime | None = None,
    keywords: Sequence[str] = (),
    limit: int | None = None,
) -> list[Article]:
    """De-duplicate (first copy wins), filter, sort newest first (stable), cut to ``limit``."""
    keys = [fold(k) for k in keywords if fold(k)]
    kept = [
        a
        for a in dedupe(articles)
        if (lang is None or a.lang == lang)
        and (since is None or (a.published is not None and published_at(a) >= since))
        and (not keys or matches(a, keys))
    ]
    kept.sort(key=published_at, reverse=True)
    return kept[:limit] if limit else kept


def headlines(
    sources: Iterable[str] = (),
    *,
    feeds: Iterable[str] = (),
    lang: str | None = None,
    since: str | datetime | None = None,
    keywords: Sequence[str] = (),
    limit: int | None = None,
    options: FetchOptions | None = None,
) -> Headlines:
    """Fetch the chosen sources (default: every source, or those in ``lang``) and any ``feeds``
    URLs; merge their articles. Bad input raises ``UsageError`` before any request."""
    if lang is not None and lang not in registry.LANGS:
        raise UsageError(f"language must be one of {', '.join(registry.LANGS)}, not {quote(lang)}")
    if limit is not None and limit < 0:
        raise UsageError(f"limit must be 0 (no limit) or more, not {limit}")
    since_moment = parse_since(since) if isinstance(since, str) else since
    chosen = registry.choose(registry.load(), sources, feeds, lang)
    outcomes = fetcher.fetch_all(chosen, options)
    http.report_stale([o.fetched for o in outcomes if o.fetched is not None])
    failures = [
        Failure(o.source.id, clean(str(o.error)), o.error.exit_code)
        for o in outcomes
        if o.error is not None
    ]
    articles = merge(
        (a for o in outcomes for a in o.articles),
        lang=lang,
        since=since_moment,
        keywords=keywords,
        limit=limit,
    )
    return Headlines(articles, failures, len(chosen))


def check(
    sources: Iterable[str] = (), options: FetchOptions | None = None
) -> list[fetcher.Outcome]:
    """Fetch every chosen source (default: all) and return each outcome with its latency."""
    chosen = registry.choose(registry.load(), sources)
    return fetcher.fetch_all(chosen, options)
