"""Hamro Patro's gold page (www.hamropatro.com/en/gold), read by its text, last resort.

The page is server-rendered Next.js whose class names are generated utilities, so nothing here
depends on them. Each price is a card: a title (``Gold (Hallmark)``, ``Silver``), a unit
(``Per Tola``), the price (``Rs 3,06,800``, Indian digit grouping) and the day's move
(``Increase Rs 1,600``). The date is ``Last updated: Bhadra 1 | 4:03 pm``: a BS day without
its year, which is taken as the latest such day not after today in Nepal. The page gives only
the latest rates. BeautifulSoup is imported here only, when a page is parsed.
"""

from __future__ import annotations

import re
from datetime import date as Date
from datetime import timedelta
from decimal import Decimal

from npkit import config, dates, http, logs
from npkit.config import FetchOptions
from npkit.errors import ParseError, UsageError
from npkit.gold.records import MetalPrice, require_rates, sort_key, stamped
from npkit.gold.window import Batch, Window
from npkit.scrape import bs_date, money, to_paisa
from npkit.text import clean, quote, url_host

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

NAME = "hamropatro"
PATH = "/en/gold"
TTL = timedelta(minutes=30)
MAX_TITLES = 100
"""Card titles read from one page (the real page has four to six cards); the rest are not
read, with a warning."""
MAX_CARD_DEPTH = 12
"""Ancestors of a card title searched for its price: a card is a few elements deep."""

TITLES: dict[str, str] = {
    **dict.fromkeys(
        ("gold (hallmark)", "gold hallmark", "hallmark gold", "fine gold", "gold (fine)",
         "fine gold (9999)", "छापावाल सुन", "सुन (छापावाल)", "छापावाल"),
        "fine_gold",
    ),
    **dict.fromkeys(
        ("gold (tejabi)", "gold tejabi", "tejabi gold", "तेजाबी सुन", "सुन (तेजाबी)", "तेजाबी"),
        "tejabi_gold",
    ),
    **dict.fromkeys(("silver", "चाँदी", "चाँदी (असली)", "असली चाँदी"), "silver"),
}  # fmt: skip
"""Card titles (case-folded, spaces collapsed) → metal. Unknown titles are not cards."""

_NUMBER = r"[\d०-९]+(?:,[\d०-९]+)*(?:\.[\d०-९]+)?"
_CURRENCY = r"(?:Rs\.?|NPR|रु\.?)"
_MOVE = rf"(increase|decrease|up|down|बढ्यो|घट्यो)\s*(?:by\s*)?{_CURRENCY}\s*({_NUMBER})"
_PRICE = rf"{_CURRENCY}\s*({_NUMBER})"
_UNIT = r"(?:per|प्रति)\s*(?:(1|१)\s*)?(tola|तोला)|(?:per|प्रति)\s*(10|१०)\s*(g|gm|gms|grams?|ग्राम)\b"
_UPDATED = (
    r"(?:last\s+updated|अन्तिम\s+अपडेट)\s*:?\s*([^\s\d०-९:|,]+)\s+([\d०-९]{1,2})"
    r"(?:\s*,\s*([\d०-९]{4}))?"
)
"""The page's patterns (case-insensitive), compiled on first use (re caches them): ``npkit
gold`` imports this module for every call, and a warm one never parses a page."""


def parse(content: bytes, url: str = "", *, today: Date | None = None) -> list[MetalPrice]:
    """The price cards of the page, sorted by metal and unit, dated by "Last updated".

    ``today`` (Nepal; default: now) decides the year of the BS date. Cards with a zero price
    are skipped; a page without any card or date is a ParseError.
    """
    import logging  # here, not at the top: ~10 ms on every warm `npkit gold`
    import warnings

    from bs4 import BeautifulSoup

    host = url_host(url, "Hamro Patro")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # bs4's own (XMLParsedAsHTML, MarkupResemblesLocator…)
        logging.getLogger("bs4.dammit").setLevel(logging.ERROR)  # "could not be decoded"
        soup = BeautifulSoup(content, "html.parser")
    for tag in soup(["script", "style", "svg", "noscript", "template"]):
        tag.decompose()
    day = _updated(_text(soup), host, today or dates.today_ad())
    titles = [s for s in soup.find_all(string=True) if _title(s) is not None]
    if len(titles) > MAX_TITLES:
        logs.warn(
            __name__,
            f"{host}: the page shows more than {MAX_TITLES} price cards; "
            f"only the first {MAX_TITLES} were read",
        )
        titles = titles[:MAX_TITLES]
    counts = _title_counts(titles)
    records: dict[tuple[str, str], MetalPrice] = {}
    for title in titles:
        found = _card(title, counts, host)
        if found is None:
            continue
        metal, unit, price, change = found
        record = MetalPrice(day, bs_date(day), metal, unit, price, change, NAME)
        records.setdefault((metal, unit), record)
    if not records:
        raise ParseError(f"{host} sent a page without gold or silver prices (page changed?)")
    return sorted(records.values(), key=sort_key)


def _ancestors(node: Any) -> list[Any]:
    """The first ``MAX_CARD_DEPTH`` elements around ``node``, innermost first."""
    found: list[Any] = []
    parent = node.parent
    while parent is not None and len(found) < MAX_CARD_DEPTH:
        found.append(parent)
        parent = parent.parent
    return found


def _title_counts(titles: list[Any]) -> dict[int, int]:
    """id of an element → how many of ``titles`` it holds (near enough to be their card).
    Elements are told apart by identity: two equal cards are two cards, not one twice."""
    counts: dict[int, int] = {}
    for title in titles:
        for box in _ancestors(title):
            counts[id(box)] = counts.get(id(box), 0) + 1
    return counts


def _text(node: Any) -> str:
    return " ".join(node.get_text(" ").split())


def _title(string: Any) -> str | None:
    return TITLES.get(" ".join(str(string).split()).casefold())


def _updated(text: str, host: str, today: Date) -> Date:
    """The BS "Last updated" day, in the latest BS year that does not put it after today."""
    match = re.search(_UPDATED, text, re.IGNORECASE)
    if match is None:
        raise ParseError(f"{host} sent a page without its 'Last updated' date")
    month_name, day_text, year_text = match.groups()
    try:
        month = dates.parse_bs_month(month_name)
        day = dates.parse_number(day_text, "day")
        if year_text:
            return dates.bs_to_ad((dates.parse_number(year_text, "year"), month, day))
        year = dates.ad_to_bs(today).year
        updated = dates.bs_to_ad((year, month, day))
        return updated if updated <= today else dates.bs_to_ad((year - 1, month, day))
    except UsageError:
        raise ParseError(
            f"{host} sent an unreadable 'Last updated' date: {quote(match.group(0))}"
        ) from None


def _card(
    title: Any, counts: dict[int, int], host: str
) -> tuple[str, str, Decimal, Decimal | None] | None:
    """(metal, unit, price, change) of the card ``title`` heads, or None when the title is not
    a card's: the smallest element around it that shows a price must begin with the title and
    hold no other (so a menu link "Silver" never borrows the price of a card below it)."""
    metal = _title(title)
    for box in _ancestors(title):
        if counts.get(id(box), 0) > 1:  # holds another title before any price: not a card
            return None
        text = _text(box)
        moves = list(re.finditer(_MOVE, text, re.IGNORECASE))
        rest = re.sub(_MOVE, " ", text, flags=re.IGNORECASE)
        price_match = re.search(_PRICE, rest, re.IGNORECASE)
        if price_match is None:
            continue
        if not text.startswith(" ".join(title.split())):
            return None
        unit = _unit(rest)
        price = money(price_match.group(1), f"the {clean(str(title))} price", host, paisa=True)
        if unit is None or price is None or metal is None:
            return None
        return metal, unit, price, _change(moves, text, host)
    return None


def _unit(text: str) -> str | None:
    match = re.search(_UNIT, text, re.IGNORECASE)
    if match is None:
        return None
    return "tola" if match.group(2) else "10g"


def _change(moves: list[re.Match[str]], text: str, host: str) -> Decimal | None:
    if not moves:
        return Decimal("0.00") if re.search(r"\bno change\b", text, re.IGNORECASE) else None
    direction, amount = moves[0].groups()
    value = money(amount, "the day's change", host, paisa=True) or Decimal(0)
    falling = direction.casefold() in ("decrease", "down", "घट्यो")
    return to_paisa(-value if falling else value)


def cannot_answer(window: Window, today: Date) -> str | None:
    """Hamro Patro's page shows the latest rates only: no history."""
    if window.latest:
        return None
    return "hamropatro shows only the latest rates; for past dates use --source nepalipatro"


def _parse_latest(content: bytes, url: str) -> list[MetalPrice]:
    from urllib.parse import urlsplit

    return require_rates(parse(content, url), urlsplit(url).netloc)


def fetch(window: Window, options: FetchOptions) -> Batch:
    """The page (latest rates only: callers never ask it for history)."""
    url = config.base_url(NAME) + PATH
    records, fetched = http.fetch_parsed(
        url,
        _parse_latest,
        expire_after=TTL,
        options=options,
        headers={"Accept": "text/html,application/xhtml+xml"},
    )
    return Batch(NAME, stamped(records, fetched), (fetched,))
