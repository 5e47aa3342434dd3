"""An article page → title, date and body text (``npkit news read``), with BeautifulSoup.

* Title: ``og:title`` (without the " - Site name" tail), else the ``h1``, else ``<title>``.
* Date: ``article:published_time``, JSON-LD ``datePublished``, ``<time datetime>``, the date in
  the URL, and last a Bikram Sambat date in Nepali digits as OnlineKhabar prints it
  (``२०८३ असार २८ गते २२:२५``), converted with npkit's own calendar.
* Body: the site's content container (OnlineKhabar ``div.ok18-single-post-content-wrap``),
  else ``[itemprop=articleBody]``, ``article``, ``main``, else the element holding the most
  ``<p>`` text. Inside it, AI summaries, share bars, related links, bylines, ads, figures and
  blocks made mostly of links are dropped; paragraphs and subheadings are kept.

``parse_article`` is pure (bytes in, record out); ``npkit.news.read`` fetches.
"""

from __future__ import annotations

import json
import logging
import re
import warnings
from collections.abc import Iterator
from datetime import date, datetime, time
from typing import Any
from urllib.parse import urlsplit

from npkit import dates
from npkit.digits import DEVANAGARI_DIGITS, TO_ASCII
from npkit.errors import ParseError, UsageError
from npkit.news.feeds import date_in_url
from npkit.news.records import ArticleText
from npkit.text import clean, url_host

MIN_TEXT = 80
"""A container with less paragraph text than this (characters) is not the article body."""
MAX_CANDIDATES = 50
"""Elements of one kind weighed as the body (or searched for a date); past that a page is not
an article page, and weighing every nested ``<article>`` would grow with the square."""
MAX_DEPTH = 64
"""Ancestors climbed from a piece of text to find its paragraph."""

CONTAINERS = (
    "div.ok18-single-post-content-wrap",  # OnlineKhabar
    "[itemprop=articleBody]",
    "div.entry-content",  # WordPress themes
    "div.post-content",
    "article",
    "main",
    "[role=main]",
)
_DROP_TAGS = (
    "script style noscript template svg iframe form button input select textarea nav aside "
    "header footer figure figcaption h1 picture video audio object embed"
).split()
_NOISE = re.compile(
    r"(?:^|[-_])(?:ai[-_]?summary|share|sharing|social|related|recommend(?:ations?)?"
    r"|advert(?:isement)?|ads?|promo|newsletter|subscribe|comments?|byline|breadcrumbs?"
    r"|tags|sidebar|widget|lite-site-link|also-read)(?:[-_]|$)",
    re.IGNORECASE,
)
_NOISE_ATTRS = ("class", "id", "data-e2e", "data-testid", "role")
_BLOCKS = ("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre")
_SOCIAL = re.compile(
    r"(?:^|\.)(?:facebook|fb|twitter|x|instagram|youtube|tiktok|linkedin|viber|whatsapp)\.com$"
)
_TITLE_SEPARATORS = (" - ", " – ", " — ", " | ", " :: ")

_DIGITS = f"[{DEVANAGARI_DIGITS}0-9]"
_BS_DATE = re.compile(
    rf"({_DIGITS}{{4}})\s+([\u0900-\u097F]+)\s+({_DIGITS}{{1,2}})\s*(?:गते)?"
    rf"(?:\s*,?\s*({_DIGITS}{{1,2}}):({_DIGITS}{{2}}))?"
)


def parse_article(content: bytes, url: str, source: str | None = None) -> ArticleText:
    """Read one article page fetched from ``url``; ``ParseError`` when no article text is found
    (an error page, a challenge page, a page built by JavaScript)."""
    from bs4 import BeautifulSoup

    host = url_host(url, "the page")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # bs4's own (XMLParsedAsHTML, MarkupResemblesLocator…)
        logging.getLogger("bs4.dammit").setLevel(logging.ERROR)  # "could not be decoded"
        soup = BeautifulSoup(content, "html.parser")
        title = _title(soup)
        published = _published(soup, url)
        text = body_text(soup)
    if not text:
        raise ParseError(f"{host} sent a page without article text (not an article page?)")
    name = clean(source or "") or host.split(":")[0].removeprefix("www.")
    return ArticleText(title=title, url=url, published=published, source=name, text=text)


# ---------------------------------------------------------------- title


def _meta(soup: Any, *names: str) -> str | None:
    for name in names:
        tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
        value = tag.get("content") if tag else None
        if isinstance(value, str) and clean(value):
            return clean(value)
    return None


def _title(soup: Any) -> str:
    site = _meta(soup, "og:site_name")
    title = _meta(soup, "og:title", "twitter:title")
    if title is None:
        heading = soup.find("h1")
        title = clean(heading.get_text(" ")) if heading else ""
    if not title and soup.title:
        title = clean(soup.title.get_text(" "))
    for separator in _TITLE_SEPARATORS:
        if site and title.endswith(separator + site):
            return title[: -len(separator + site)].rstrip()
    return title


# ---------------------------------------------------------------- date


def _published(soup: Any, url: str) -> datetime | None:
    """The first date found, in order of trust (see the module's docstring), in Nepal time."""
    for moment in _date_candidates(soup, url):
        if moment is not None:
            try:
                return moment.astimezone(dates.NEPAL_TZ).replace(microsecond=0)
            except (OverflowError, ValueError):  # at the ends of Python's range: not a date
                continue
    return None


def _date_candidates(soup: Any, url: str) -> Iterator[datetime | None]:
    yield _iso(_meta(soup, "article:published_time", "og:published_time"))
    yield _iso(_json_ld_date(soup))
    for tag in soup.find_all("time", attrs={"datetime": True}):
        moment = _iso(tag.get("datetime"))
        if moment is not None:
            yield moment
            break
    day = date_in_url(url)
    yield datetime.combine(day, time(0), dates.NEPAL_TZ) if day else None
    yield bs_datetime(_bs_date_text(soup))


def _iso(value: Any) -> datetime | None:
    """An ISO 8601 date or date-time; naive ones are Nepal time; anything else is None."""
    if not isinstance(value, str) or not re.match(r"\d{4}-\d{2}-\d{2}", value.strip(), re.ASCII):
        return None
    text = value.strip()
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        try:
            moment = datetime.combine(date.fromisoformat(text[:10]), time(0))
        except ValueError:
            return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dates.NEPAL_TZ)


def _json_ld_date(soup: Any) -> str | None:
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            data = json.loads(script.string or "")
        except (ValueError, RecursionError):
            continue
        found = _find_key(data, "datePublished")
        if found:
            return found
    return None


def _find_key(data: Any, key: str, depth: int = 0) -> str | None:
    if depth > 8:
        return None
    if isinstance(data, dict):
        value = data.get(key)
        if isinstance(value, str):
            return value
        children: Any = data.values()
    elif isinstance(data, list):
        children = data
    else:
        return None
    for child in children:
        found = _find_key(child, key, depth + 1)
        if found:
            return found
    return None


def _bs_date_text(soup: Any) -> str | None:
    """Text of the element most likely to hold the date (a class naming a date), else the
    page's text."""
    tags = soup.find_all(class_=re.compile(r"date|time|posted", re.IGNORECASE))
    for tag in tags[:MAX_CANDIDATES]:
        text = str(tag.get_text(" "))
        if _BS_DATE.search(text):
            return text
    return str(soup.get_text(" "))


def bs_datetime(text: str | None) -> datetime | None:
    """``२०८३ असार २८ गते २२:२५`` → 2026-07-12 22:25 Nepal time; None when there is no such
    date (or its month is not a BS month)."""
    for match in _BS_DATE.finditer(text or ""):
        year, month, day, hour, minute = match.groups()
        try:
            parsed = dates.parse_date(f"{year} {month} {day}", "bs")
            if parsed.calendar != "bs":
                continue
            clock = time(_number(hour), _number(minute)) if hour else time(0)
            return datetime.combine(parsed.to_ad(), clock, dates.NEPAL_TZ)
        except (UsageError, ValueError, OverflowError):
            continue
    return None


def _number(digits: str) -> int:
    return int(digits.translate(TO_ASCII))


# ---------------------------------------------------------------- body


def body_text(soup: Any) -> str:
    """The article's paragraphs as text, separated by blank lines ('' when none).

    Linear in the page: a block holding other blocks is found by one climb per element that
    stops where an earlier climb passed, and only innermost blocks (which never nest) are read.
    A last paragraph that is only the page's "प्रकाशित मिति : …" metadata is dropped.
    """
    container = _container(soup)
    if container is None:
        return ""
    for tag in container.find_all(_DROP_TAGS):
        if not tag.decomposed:
            tag.decompose()
    for tag in container.find_all(_is_noise):
        if not tag.decomposed:
            tag.decompose()
    blocks = container.find_all(_BLOCKS)
    holders = _holders(blocks, container)
    paragraphs = []
    for block in blocks:
        if id(block) in holders or _mostly_links(block) or _social_bar(block):
            continue
        text = clean(block.get_text(" "))
        if text:
            paragraphs.append(text)
    while paragraphs and len(paragraphs[-1]) <= 200 and _METADATA_LINE.match(paragraphs[-1]):
        paragraphs.pop()
    return "\n\n".join(paragraphs)


_METADATA_LINE = re.compile(
    r"(?:प्रकाशित\s*मिति|प्रकाशित|अपडेट\s*मिति|अन्तिम\s*अपडेट|published\s+(?:on|date)"
    r"|last\s+updated)\s*[:：]",
    re.IGNORECASE,
)


def _holders(blocks: list[Any], container: Any) -> set[int]:
    """Ids of the blocks that hold another block: one climb per block up to the container,
    stopping at a node an earlier climb passed (its block ancestors are marked already)."""
    holders: set[int] = set()
    passed: set[int] = set()
    block_ids = {id(block) for block in blocks}
    for block in blocks:
        node = block.parent
        while node is not None and node is not container and id(node) not in passed:
            passed.add(id(node))
            if id(node) in block_ids:
                holders.add(id(node))
            node = node.parent
    return holders


def _own_paragraph_chars(soup: Any) -> dict[int, int]:
    """id of each ``<p>`` → characters of the text whose nearest paragraph it is (nested
    paragraphs are each counted once, so weighing containers stays linear)."""
    chars: dict[int, int] = {}
    for string in soup.find_all(string=True):
        node = string.parent
        for _ in range(MAX_DEPTH):
            if node is None:
                break
            if node.name == "p":
                chars[id(node)] = chars.get(id(node), 0) + len(" ".join(string.split()))
                break
            node = node.parent
    return chars


def _container(soup: Any) -> Any:
    chars = _own_paragraph_chars(soup)

    def weight(tag: Any) -> int:
        return sum(chars.get(id(p), 0) for p in tag.find_all("p"))

    for selector in CONTAINERS:
        candidates = soup.select(selector, limit=MAX_CANDIDATES)
        if candidates:
            best = max(candidates, key=weight)
            if weight(best) >= MIN_TEXT:
                return best
    totals: dict[int, tuple[int, Any]] = {}
    for paragraph in soup.find_all("p"):
        parent = paragraph.parent
        if parent is None:
            continue
        count = totals.get(id(parent), (0, parent))[0] + chars.get(id(paragraph), 0)
        totals[id(parent)] = (count, parent)
    if not totals:
        return None
    count, parent = max(totals.values(), key=lambda item: item[0])
    return parent if count >= MIN_TEXT else None


def _is_noise(tag: Any) -> bool:
    if tag.get("aria-hidden") == "true":
        return True
    for attribute in _NOISE_ATTRS:
        value = tag.get(attribute)
        tokens = value if isinstance(value, list) else str(value or "").split()
        if any(_NOISE.search(token) for token in tokens):
            return True
    return False


def _mostly_links(block: Any) -> bool:
    """A block whose text is mostly link text: a list of related stories, a tag cloud."""
    total = len(clean(block.get_text(" ")))
    linked = sum(len(clean(a.get_text(" "))) for a in block.find_all("a"))
    return total > 0 and linked / total > 0.5


def _social_bar(block: Any) -> bool:
    """A paragraph linking to two or more social networks: "follow us on …"."""
    networks = {
        (urlsplit(a.get("href", "")).hostname or "").removeprefix("www.")
        for a in block.find_all("a", href=True)
    }
    return sum(1 for host in networks if _SOCIAL.search(host)) >= 2
