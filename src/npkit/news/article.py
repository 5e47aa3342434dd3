"""An article page → title, date and body text (``npkit news read``), with selectolax's
HTML5 parser (lexbor, in C: a 10 MB page of 200,000 links in well under a second, where
BeautifulSoup took a minute; benchmarks/bench_size.py).

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
import re
from collections.abc import Iterator
from datetime import date, datetime, time
from itertools import islice
from typing import Any
from urllib.parse import urlsplit

from npkit import dates, logs
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
MAX_TAGS = 100_000
"""Tags of one page parsed (an article page has a few thousand); the rest is not read."""
MAX_NESTING = 512
"""Elements open inside each other (as browsers cap it; real pages nest a few dozen deep)."""
MAX_BLOCKS = 10_000
"""Paragraphs (and subheadings, list items…) read from one page: a long article has a few
hundred; past this a warning names the cap and the rest is not read."""

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
    from selectolax.lexbor import LexborHTMLParser

    host = url_host(url, "the page")
    tree = LexborHTMLParser(_capped(decode_page(content)))
    metas = _metas(tree)
    title = _title(tree, metas)
    published = _published(tree, url, metas)
    text = body_text(tree)
    if not text:
        raise ParseError(f"{host} sent a page without article text (not an article page?)")
    name = clean(source or "") or host.split(":")[0].removeprefix("www.")
    return ArticleText(title=title, url=url, published=published, source=name, text=text)


def _capped(page: str) -> str:
    """The page up to its ``MAX_TAGS``-th tag and to where its elements nest deeper than
    ``MAX_NESTING`` (a warning names the cap when one cuts): the parsed tree takes ~700 bytes
    a tag (200,000 links would need 150 MB), and an HTML5 parser's time grows with the square
    of the nesting (20,000 unclosed ``<div>``: 7 s)."""
    if page.count("<") > MAX_TAGS:
        at = -1
        for _ in range(MAX_TAGS):
            at = page.find("<", at + 1)
        logs.warn(__name__, f"news: the page has more than {MAX_TAGS:,} tags: only its first "
                            f"{at:,} characters are read (MAX_TAGS)")  # fmt: skip
        page = page[:at]
    depth = 0
    for found in _TAG.finditer(page):
        closing, name = found[1], found[2]
        if name is None or name.lower() in _IMPLIED:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        if depth > MAX_NESTING:
            logs.warn(__name__, f"news: the page nests elements more than {MAX_NESTING} deep: "
                                f"only its first {found.start():,} characters are read "
                                "(MAX_NESTING)")  # fmt: skip
            return page[: found.start()]
    return page


# Tags as an HTML5 parser sees them, in one linear pass: script, style and comment bodies
# skipped (to their end, or the page's when unclosed, as the parser does).
_TAG = re.compile(
    r"<!--(?:.*?-->|.*)|<(?:script|style)\b(?:.*?</(?:script|style)\s*>|.*)"
    r"|<(/?)([a-zA-Z][^\s/<>]*)[^<>]*",
    re.DOTALL | re.IGNORECASE,
)
_IMPLIED = frozenset(
    "area base br col embed hr img input link meta param source track wbr keygen "  # void
    "p li dt dd option optgroup tr td th thead tbody tfoot colgroup caption rb rt rp html "
    "head body".split()
)
"""Tags that never stay open on the parser's stack (void, or closed by what follows them)."""


_CHARSET = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]{1,40})""", re.I)


def decode_page(content: bytes) -> str:
    """The page as text, as a browser reads it: by its byte-order mark, else the charset its
    ``<meta>`` names in the first 4 KiB, else UTF-8, else windows-1252; bytes that do not
    decode become U+FFFD."""
    import codecs

    for mark, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                        (codecs.BOM_UTF16_BE, "utf-16")):  # fmt: skip
        if content.startswith(mark):
            return content.decode(codec, "replace")
    declared = _CHARSET.search(content[:4096])
    if declared:
        try:
            codec = codecs.lookup(declared[1].decode("ascii")).name
        except LookupError:
            codec = ""
        if codec and not codec.startswith("utf-16") and codec != "utf-8":
            return content.decode(codec, "replace")
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        return content.decode("windows-1252", "replace")


# ---------------------------------------------------------------- title


def _text(node: Any) -> str:
    """A node's text, its pieces joined by spaces."""
    return str(node.text(deep=True, separator=" "))


def _meta(metas: dict[tuple[str, str], str | None], *names: str) -> str | None:
    for name in names:
        for value in (metas.get(("property", name)), metas.get(("name", name))):
            if value is not None and clean(value):
                return clean(value)
    return None


def _metas(tree: Any) -> dict[tuple[str, str], str | None]:
    """(``property`` or ``name``, its value) → the first such ``<meta>``'s content: one pass
    over the page's metas, however many are asked for."""
    found: dict[tuple[str, str], str | None] = {}
    for tag in tree.css("meta"):
        attributes = tag.attributes
        for key in ("property", "name"):
            name = attributes.get(key)
            if name is not None:
                found.setdefault((key, name), attributes.get("content"))
    return found


def _title(tree: Any, metas: dict[tuple[str, str], str | None]) -> str:
    site = _meta(metas, "og:site_name")
    title = _meta(metas, "og:title", "twitter:title")
    if title is None:
        heading = tree.css_first("h1")
        title = clean(_text(heading)) if heading else ""
    page_title = tree.css_first("title")
    if not title and page_title:
        title = clean(_text(page_title))
    for separator in _TITLE_SEPARATORS:
        if site and title.endswith(separator + site):
            return title[: -len(separator + site)].rstrip()
    return title


# ---------------------------------------------------------------- date


def _published(tree: Any, url: str, metas: dict[tuple[str, str], str | None]) -> datetime | None:
    """The first date found, in order of trust (see the module's docstring), in Nepal time."""
    for moment in _date_candidates(tree, url, metas):
        if moment is not None:
            try:
                return moment.astimezone(dates.NEPAL_TZ).replace(microsecond=0)
            except (OverflowError, ValueError):  # at the ends of Python's range: not a date
                continue
    return None


def _date_candidates(
    tree: Any, url: str, metas: dict[tuple[str, str], str | None]
) -> Iterator[datetime | None]:
    yield _iso(_meta(metas, "article:published_time", "og:published_time"))
    yield _iso(_json_ld_date(tree))
    for tag in tree.css("time[datetime]"):
        moment = _iso(tag.attributes.get("datetime"))
        if moment is not None:
            yield moment
            break
    day = date_in_url(url)
    yield datetime.combine(day, time(0), dates.NEPAL_TZ) if day else None
    yield bs_datetime(_bs_date_text(tree))


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


def _json_ld_date(tree: Any) -> str | None:
    for script in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(script.text(deep=True) or "")
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


def _bs_date_text(tree: Any) -> str | None:
    """Text of the element most likely to hold the date (a class naming a date), else the
    page's text."""
    dated = (
        tag for tag in tree.css("[class]") if _DATE_CLASS.search(tag.attributes["class"] or "")
    )
    for tag in islice(dated, MAX_CANDIDATES):
        text = _text(tag)
        if _BS_DATE.search(text):
            return text
    return _text(tree.root) if tree.root else None


_DATE_CLASS = re.compile(r"date|time|posted", re.IGNORECASE)


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


def body_text(tree: Any) -> str:
    """The article's paragraphs as text, separated by blank lines ('' when none).

    Linear in the page: a block holding other blocks is found by one climb per element that
    stops where an earlier climb passed, and only innermost blocks (which never nest) are read,
    at most ``MAX_BLOCKS`` of them (a warning says when a page has more).
    A last paragraph that is only the page's "प्रकाशित मिति : …" metadata is dropped.
    """
    container = _container(tree)
    if container is None:
        return ""
    dropped = container.css(",".join(_DROP_TAGS))
    dropped += [tag for tag in container.css(_NOISE_SELECTOR) if _is_noise(tag)]
    for tag in _outermost(dropped, container):
        tag.decompose()
    blocks = container.css(",".join(_BLOCKS))
    if len(blocks) > MAX_BLOCKS:
        logs.warn(__name__, f"news: the page has {len(blocks):,} paragraphs: only the first "
                            f"{MAX_BLOCKS:,} are read (MAX_BLOCKS)")  # fmt: skip
        blocks = blocks[:MAX_BLOCKS]
    holders = _holders(blocks, container)
    paragraphs = []
    for block in blocks:
        if block.mem_id in holders:
            continue
        text = clean(_text(block))
        links = block.css("a")
        if text and not (links and (_mostly_links(text, links) or _social_bar(links))):
            paragraphs.append(text)
    while paragraphs and len(paragraphs[-1]) <= 200 and _METADATA_LINE.match(paragraphs[-1]):
        paragraphs.pop()
    return "\n\n".join(paragraphs)


_METADATA_LINE = re.compile(
    r"(?:प्रकाशित\s*मिति|प्रकाशित|अपडेट\s*मिति|अन्तिम\s*अपडेट|published\s+(?:on|date)"
    r"|last\s+updated)\s*[:：]",
    re.IGNORECASE,
)


def _outermost(nodes: list[Any], container: Any) -> list[Any]:
    """Those of ``nodes`` inside no other of them (removing these removes all, none twice):
    one climb per node, stopping where an earlier climb passed."""
    marked = {node.mem_id for node in nodes}
    inside: set[int] = set()  # below a marked node
    outside: set[int] = {container.mem_id}  # below none
    kept = []
    for node in nodes:
        path: list[int] = []
        parent = node.parent
        while parent is not None and parent.mem_id not in outside:
            if parent.mem_id in marked or parent.mem_id in inside:
                inside.update(path)
                inside.add(node.mem_id)
                break
            path.append(parent.mem_id)
            parent = parent.parent
        else:
            outside.update(path)
            if node.mem_id not in inside:
                kept.append(node)
    return kept


def _holders(blocks: list[Any], container: Any) -> set[int]:
    """Ids of the blocks that hold another block: one climb per block up to the container,
    stopping at a node an earlier climb passed (its block ancestors are marked already)."""
    holders: set[int] = set()
    passed: set[int] = set()
    block_ids = {block.mem_id for block in blocks}
    top = container.mem_id
    for block in blocks:
        node = block.parent
        while node is not None and node.mem_id != top and node.mem_id not in passed:
            passed.add(node.mem_id)
            if node.mem_id in block_ids:
                holders.add(node.mem_id)
            node = node.parent
    return holders


def _own_paragraph_chars(tree: Any) -> dict[int, int]:
    """mem_id of each ``<p>`` → characters of its text, each piece's spaces collapsed (an
    HTML5 parser never nests paragraphs, so weighing containers stays linear)."""
    chars: dict[int, int] = {}
    for paragraph in tree.css("p"):
        pieces = paragraph.text(deep=True, separator="\x1f").split("\x1f")
        chars[paragraph.mem_id] = sum(len(" ".join(piece.split())) for piece in pieces)
    return chars


def _container(tree: Any) -> Any:
    chars = _own_paragraph_chars(tree)

    def weight(tag: Any) -> int:
        return sum(chars.get(p.mem_id, 0) for p in tag.css("p"))

    for selector in CONTAINERS:
        candidates = tree.css(selector)[:MAX_CANDIDATES]
        if candidates:
            best = max(candidates, key=weight)
            if weight(best) >= MIN_TEXT:
                return best
    totals: dict[int, tuple[int, Any]] = {}
    for paragraph in tree.css("p"):
        parent = paragraph.parent
        if parent is None:
            continue
        count = totals.get(parent.mem_id, (0, parent))[0] + chars.get(paragraph.mem_id, 0)
        totals[parent.mem_id] = (count, parent)
    if not totals:
        return None
    count, parent = max(totals.values(), key=lambda item: item[0])
    return parent if count >= MIN_TEXT else None


_NOISE_SELECTOR = ",".join(f"[{name}]" for name in ("aria-hidden", "class", "id", "data-e2e",
                                                     "data-testid", "role"))  # fmt: skip


def _is_noise(tag: Any) -> bool:
    attributes = tag.attributes
    if attributes.get("aria-hidden") == "true":
        return True
    for attribute in _NOISE_ATTRS:
        tokens = str(attributes.get(attribute) or "").split()
        if any(_NOISE.search(token) for token in tokens):
            return True
    return False


def _mostly_links(text: str, links: list[Any]) -> bool:
    """A block (its clean ``text``, its ``links``) whose text is mostly link text: a list of
    related stories, a tag cloud."""
    linked = sum(len(clean(_text(a))) for a in links)
    return len(text) > 0 and linked / len(text) > 0.5


def _social_bar(links: list[Any]) -> bool:
    """A paragraph linking to two or more social networks: "follow us on …"."""
    hrefs = (a.attributes.get("href") for a in links)
    networks = {
        (urlsplit(href).hostname or "").removeprefix("www.") for href in hrefs if href is not None
    }
    return sum(1 for host in networks if _SOCIAL.search(host)) >= 2
