"""RSS/Atom bytes → ``Article`` records: pure, offline, feedparser underneath.

What real Nepali feeds do and how it is handled (SOURCES.md §3):

* not a feed at all (an HTML challenge page, JavaScript, junk): ``ParseError``, found by looking
  at the first bytes before feedparser sees them (fast even on megabytes of junk);
* ``<language>`` lies (OnlineKhabar says en-US): the language is detected from the script;
* relative links: resolved against the feed's URL; non-http(s) links are dropped;
* pubDates in RFC 822 with any offset → Nepal time; a scraper's time stamped on an old item
  (the URL says ``/2026/03/24/`` but the pubDate a later day) → the URL's date;
* titles escaped twice, CDATA holding ``&#x200d;``, control characters and terminal escapes:
  ``npkit.news.clean``.

feedparser is always given a stream: given bytes it would take some bodies for a file name or a
URL to open.
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Mapping
from datetime import UTC, date, datetime, time
from typing import Any
from urllib.parse import urljoin, urlsplit

from npkit import logs
from npkit.dates import NEPAL_TZ
from npkit.errors import ParseError
from npkit.news import clean
from npkit.news.records import Article
from npkit.text import clean as clean_text
from npkit.text import url_host

SNIFF_BYTES = 64 * 1024
"""How far into a body the root element of a feed is looked for."""
MAX_ITEMS = 5000
"""Items read from one feed (real feeds carry 10–200); the rest are not parsed, with a warning:
feedparser's time and memory grow with the whole document (100,000 items: 26 s, 205 MB)."""

_FEED_ROOT = re.compile(rb"<((?:[a-z0-9_-]+:)?(rss|feed|rdf))[\s>/]", re.IGNORECASE)
_ITEM_START = re.compile(rb"<(?:[a-z0-9_-]+:)?(?:item|entry)[\s>/]", re.IGNORECASE)
_CDATA = re.compile(rb"<!\[CDATA\[.*?(?:\]\]>|$)", re.DOTALL)
_BARE_AMPERSAND = re.compile(
    rb"&(?!#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z_][A-Za-z0-9._-]{0,31};)"
)
_TRAILER = re.compile(rb"(?:\s+|<!--.*?-->|<\?.*?\?>)*", re.DOTALL)
_HTML_ROOT = re.compile(rb"<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE)
_URL_DATE = re.compile(r"/(20[0-9]{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12][0-9]|3[01])(?:[/?#.-]|$)",
                       re.ASCII)  # fmt: skip
_DAY_TOLERANCE = 1
"""A pubDate more days than this away from the date in the item's URL is not the article's."""


def parse(
    content: bytes, url: str, source: str | None = None, lang: str | None = None
) -> list[Article]:
    """The items of one RSS/Atom document fetched from ``url``, in feed order.

    ``source`` names the records (default: the feed's host); ``lang`` is the fallback language
    for items without letters. Items without an http(s) link, and repeats of a guid, are
    skipped. Raises ``ParseError`` (only) when the body is not a feed.
    """
    host = url_host(url, "the server")
    root = sniff(content, host)
    require_end(content, root, host)
    content = escape_bare_ampersands(content)
    content, skipped = cap_items(content, root)
    if skipped:
        logs.warn(
            __name__,
            f"{host}: the feed has more than {MAX_ITEMS} items; only the first {MAX_ITEMS} "
            "were read",
        )
    import feedparser

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # feedparser's and bs4's own warnings: not ours
            document = feedparser.parse(
                io.BytesIO(content), response_headers={"content-location": url}
            )
    except Exception as exc:  # feedparser is lenient; anything it raises means an unreadable body
        raise ParseError(
            f"{host} sent a feed feedparser cannot read ({type(exc).__name__})"
        ) from None
    if not document.get("version") and not document.get("entries"):
        raise ParseError(f"{host} sent XML that is not an RSS or Atom feed")
    name = clean_text(source or "") or url_host(_hostname(url), host).removeprefix("www.")
    articles: list[Article] = []
    guids: set[str] = set()
    for entry in document.get("entries", []):
        guid = entry.get("id")
        if isinstance(guid, str) and guid:
            if guid in guids:
                continue
            guids.add(guid)
        article = _article(entry, url, name, lang)
        if article is not None:
            articles.append(article)
    return articles


def sniff(content: bytes, host: str) -> bytes:
    """Refuse a body that is not RSS/Atom/RDF, naming what it looks like; the root element's
    name (``rss``, ``feed``, ``rdf:RDF``) when it is one."""
    head = content[:SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head:
        raise ParseError(f"{host} sent an empty response, not a feed")
    feed = _FEED_ROOT.search(head)
    html = _HTML_ROOT.search(head)
    if html and (feed is None or html.start() < feed.start()):
        raise ParseError(
            f"{host} sent an HTML page, not a feed (a challenge page or a moved feed?)"
        )
    if not head.startswith(b"<"):
        raise ParseError(f"{host} sent something that is not a feed (it does not start with '<')")
    if feed is None:
        raise ParseError(f"{host} sent XML that is not an RSS or Atom feed")
    return feed.group(1)


def require_end(content: bytes, root: bytes, host: str) -> None:
    """Refuse a document that stops before its root element's closing tag (a cut-off
    download, a truncated gzip stream): a loose parser would silently give its first items
    only. Comments, processing instructions and whitespace may follow the closing tag."""
    closing = b"</" + root
    at = content.rfind(closing)  # only the last closing tag can end the document
    end = content.find(b">", at) if at != -1 else -1
    if end != -1 and not content[at + len(closing) : end].strip():
        trailer = _TRAILER.match(content, end + 1)
        if trailer is not None and trailer.end() == len(content):
            return
    raise ParseError(
        f"{host} sent a feed that ends before its closing </{root.decode('ascii', 'replace')}> "
        "(cut off?)"
    )


def escape_bare_ampersands(content: bytes) -> bytes:
    """``Q&A``, ``R&D``, ``AT&T`` written raw (not well-formed XML, seen in Kathmandu Post's
    /rss) escaped as ``&amp;`` outside CDATA sections, so the strict XML parser reads the feed
    and the title reads as published (feedparser's loose fallback turns ``Q&A`` into
    ``Q&A;``). References (``&amp;``, ``&#8217;``, ``&nbsp;``) are left as they are."""
    if b"&" not in content:
        return content
    parts: list[bytes] = []
    position = 0
    for section in _CDATA.finditer(content):
        parts.append(_BARE_AMPERSAND.sub(b"&amp;", content[position : section.start()]))
        parts.append(section.group())
        position = section.end()
    parts.append(_BARE_AMPERSAND.sub(b"&amp;", content[position:]))
    return b"".join(parts)


def cap_items(content: bytes, root: bytes) -> tuple[bytes, bool]:
    """The document with at most ``MAX_ITEMS`` items (the rest cut, the root closed again) and
    whether any were cut."""
    for count, match in enumerate(_ITEM_START.finditer(content), start=1):
        if count > MAX_ITEMS:
            close = b"</channel></rss>" if root.lower() == b"rss" else b"</" + root + b">"
            return content[: match.start()] + close, True
    return content, False


def _hostname(url: str) -> str:
    try:
        return "//" + (urlsplit(url).hostname or "")
    except ValueError:
        return ""


def _article(
    entry: Mapping[str, Any], feed_url: str, source: str, lang: str | None
) -> Article | None:
    link = _link(entry, feed_url)
    if link is None:
        return None
    title = _text(entry, "title")
    summary_value, summary_html = _summary_value(entry)
    summary = clean.summary(summary_value, summary_html, title) if summary_value else None
    if not title:
        if not summary:
            return None
        title = clean.shorten(summary, 100) if len(summary) > 100 else summary
    return Article(
        published=_published(entry, link),
        source=source,
        lang=clean.detect_lang(title, summary) or lang,
        title=title,
        url=link,
        summary=summary,
    )


def _link(entry: Mapping[str, Any], feed_url: str) -> str | None:
    """The item's absolute http(s) link (its guid when that is a permalink), else None."""
    candidates = [entry.get("link")]
    if entry.get("guidislink") or not entry.get("link"):
        candidates.append(entry.get("id"))
    for value in candidates:
        if not isinstance(value, str) or not value.strip():
            continue
        link = clean_text(urljoin(feed_url, value.strip())).replace(" ", "%20")
        parts = urlsplit(link)
        if parts.scheme in ("http", "https") and parts.hostname:
            return link
    return None


def _is_html(detail: Any) -> bool:
    kind = detail.get("type", "") if isinstance(detail, Mapping) else ""
    return "html" in kind


def _text(entry: Mapping[str, Any], key: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str):
        return ""
    return clean.plain(value, _is_html(entry.get(f"{key}_detail")))


def _summary_value(entry: Mapping[str, Any]) -> tuple[str, bool]:
    """The description (or, without one, the full content) and whether it is HTML."""
    value = entry.get("summary")
    if isinstance(value, str) and value.strip():
        return value, _is_html(entry.get("summary_detail")) or "<" in value
    for content in entry.get("content") or []:
        if isinstance(content, Mapping) and isinstance(content.get("value"), str):
            return content["value"], True
    return "", False


def _published(entry: Mapping[str, Any], link: str) -> datetime | None:
    """The item's time in Nepal (+05:45): its pubDate (or updated), unless the date in
    its URL disagrees (a scraper's time on an old item); then that date at 00:00."""
    moment = None
    for key in ("published_parsed", "updated_parsed"):
        stamp = entry.get(key)
        if stamp:
            try:
                year, month, day, hour, minute, second = stamp[:6]
                moment = datetime(year, month, day, hour, minute, second, tzinfo=UTC)
                moment = moment.astimezone(NEPAL_TZ)
            except (TypeError, ValueError, OverflowError):
                continue
            break
    day = date_in_url(link)
    if day is not None and (moment is None or abs((moment.date() - day).days) > _DAY_TOLERANCE):
        moment = datetime.combine(day, time(0), NEPAL_TZ)
    return moment


def date_in_url(url: str) -> date | None:
    """The date in a URL path like ``/2026/05/13/slug`` or ``/news-details/123/2026-05-13``."""
    match = _URL_DATE.search(urlsplit(url).path)
    if match is None:
        return None
    try:
        return date(*(int(group) for group in match.groups()))
    except ValueError:
        return None
