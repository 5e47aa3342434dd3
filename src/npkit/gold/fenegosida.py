"""FENEGOSIDA's own JSON API (api.fenegosida.org): today's rates and recent months.

``GET /api/website/v1/Dashboard/today`` answers a list of rows::

    {"todayDate": "2026-08-17T04:55:40.199+00:00", "rateType": "छापावाल सुन (१ तोला)",
     "todayBaseRatePerGram": 306800.00, "yestardayBaseRatePerGram": 305200.00, …}

``todayBaseRatePerGram`` is misnamed (it is the price of the unit in ``rateType``), the
``yestarday`` spelling is the API's own, and ``todayDate`` is UTC: the trading day is its date
in Nepal. ``…/Dashboard/monthwisehistory?date=YYYY-MM-DD`` lists the rows of one AD month
(``baseRatePerGram``); the API keeps only about two months and answers 204 before that.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from datetime import date as Date
from decimal import Decimal

from npkit import config, dates, http, progress
from npkit.config import FetchOptions
from npkit.digits import TO_ASCII
from npkit.errors import HTTPStatusError, ParseError
from npkit.gold.records import MetalPrice, fill_changes, require_rates, sort_key, stamped
from npkit.gold.window import Batch, Window
from npkit.scrape import bs_date, load_json, money, to_paisa
from npkit.text import quote, url_host

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

NAME = "fenegosida"
TODAY_PATH = "/api/website/v1/Dashboard/today"
MONTH_PATH = "/api/website/v1/Dashboard/monthwisehistory"
PROGRESS = "fetching FENEGOSIDA rates"
"""What a history fetch reports to ``npkit.progress`` (``…: month 2 of 3``)."""
HISTORY_DAYS = 45
"""How far back npkit asks FENEGOSIDA for history (its API keeps roughly two months)."""
LATEST_TTL = timedelta(minutes=30)

_TOLA = re.compile(r"(\d+(?:\.\d+)?)?\s*(?:तोला|tola)", re.IGNORECASE)
_GRAMS = re.compile(r"(\d+(?:\.\d+)?)\s*(?:ग्राम|grams?|gms?|g)\b", re.IGNORECASE)


# ---------------------------------------------------------------- parsing


def classify(label: str) -> tuple[str, str] | None:
    """(metal, unit) of a ``rateType`` label, or None for a label we do not know.

    By substring, as the labels are Nepali: चाँदी silver; तेजाबी tejabi (checked before सुन,
    which both gold labels contain); सुन fine gold; the unit must say 1 tola or 10 grams
    exactly: a per-gram or per-kilo figure is not a tola or 10 g price.
    """
    text = " ".join(label.translate(TO_ASCII).split())
    lowered = text.casefold()
    if "चाँदी" in text or "चाँदि" in text or "silver" in lowered:
        metal = "silver"
    elif "तेजाबी" in text or "tejabi" in lowered:
        metal = "tejabi_gold"
    elif "सुन" in text or "gold" in lowered:
        metal = "fine_gold"
    else:
        return None
    grams = _GRAMS.search(text)
    tola = _TOLA.search(text)
    if grams and not tola and Decimal(grams.group(1)) == 10:
        return metal, "10g"
    if tola and not grams and Decimal(tola.group(1) or "1") == 1:
        return metal, "tola"
    return None


def parse(content: bytes, url: str = "") -> list[MetalPrice]:
    """Every rate in a ``today`` or ``monthwisehistory`` reply, sorted by date, metal, unit.

    Rows with an unknown label or a zero figure are skipped (zero = not published); when a day
    has several rows for one metal and unit (a revised rate), the latest ``todayDate`` wins.
    An empty body or ``[]`` is no rates; anything else unreadable is a ParseError.
    """
    host = url_host(url, "FENEGOSIDA")
    rows = _load(content, host)
    best: dict[tuple[Date, str, str], tuple[datetime, MetalPrice]] = {}
    labels: list[str] = []
    for row in rows:
        if not isinstance(row, dict):
            raise ParseError(f"{host} sent JSON of an unexpected shape: a row is not an object")
        label = row.get("rateType")
        if not isinstance(label, str):
            raise ParseError(f"{host} sent a row without a 'rateType' label")
        labels.append(label)
        kind = classify(label)
        if kind is None:
            continue
        moment = _moment(row.get("todayDate"), host)
        try:
            day = moment.astimezone(dates.NEPAL_TZ).date()
        except OverflowError:  # at the end of Python's range
            raise ParseError(f"{host} sent a rate dated {quote(row.get('todayDate'))}") from None
        figure = row.get("todayBaseRatePerGram", row.get("baseRatePerGram"))
        price = money(figure, f"the {quote(label)} rate", host, paisa=True)
        if price is None:
            continue
        record = MetalPrice(
            date=day,
            date_bs=bs_date(day),
            metal=kind[0],
            unit=kind[1],
            price=price,
            change=_change(price, row, label, host),
            source=NAME,
        )
        key = (record.date, record.metal, record.unit)
        if key not in best or moment >= best[key][0]:
            best[key] = (moment, record)
    if rows and not best:
        known = ", ".join(quote(label) for label in labels[:4])
        raise ParseError(f"{host} sent no rate this version knows (labels: {known})")
    return sorted((record for _, record in best.values()), key=sort_key)


def _load(content: bytes, host: str) -> list[Any]:
    if not content.strip():
        return []
    document = load_json(content, host, "the rates JSON")
    if not isinstance(document, list):
        raise ParseError(f"{host} sent JSON of an unexpected shape: not a list of rates")
    return document


def _moment(value: Any, host: str) -> datetime:
    """``todayDate`` as an aware datetime in UTC (UTC when the API gives no offset); a stamp
    that cannot be read, or lies past the ends of Python's range in UTC, is a ParseError."""
    if isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
            return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC)
        except (ValueError, OverflowError):
            pass
    raise ParseError(f"{host} sent a rate dated {quote(value)}")


def _change(price: Decimal, row: dict[str, Any], label: str, host: str) -> Decimal | None:
    before = money(
        row.get("yestardayBaseRatePerGram"), f"yesterday's {label} rate", host, paisa=True
    )
    return None if before is None else to_paisa(price - before)


# ---------------------------------------------------------------- fetching


def covers(window: Window, today: Date) -> bool:
    """Whether FENEGOSIDA's short history reaches back to the first day asked for."""
    return window.latest or window.first >= today - timedelta(days=HISTORY_DAYS)


def cannot_answer(window: Window, today: Date) -> str | None:
    """Why FENEGOSIDA cannot answer ``window`` (history older than it keeps), or None."""
    if covers(window, today):
        return None
    return (
        f"fenegosida keeps only recent history (npkit asks it for the last "
        f"{HISTORY_DAYS} days); for {window.first} use --source nepalipatro"
    )


def fetch(window: Window, options: FetchOptions) -> Batch:
    """Today's rates (``window.latest``) or the rows of every AD month the window touches."""
    if window.latest:
        return _fetch_today(options)
    return _fetch_months(window, options)


def _parse_today(content: bytes, url: str) -> list[MetalPrice]:
    """A ``today`` reply must hold rates: one without any is unreadable (and not cached)."""
    from urllib.parse import urlsplit

    return require_rates(parse(content, url), urlsplit(url).netloc)


def latest_is_fresh(options: FetchOptions) -> bool:
    """Whether today's rates would come from a fresh cached reply, without any request
    (``npkit.cli.fast`` asks, to answer a warm ``npkit gold`` without Click)."""
    if options.no_cache:
        return False
    from npkit import freshcache

    entry = freshcache.lookup(freshcache.cache_key(config.base_url(NAME) + TODAY_PATH))
    return entry is not None and not entry.stale


def _fetch_today(options: FetchOptions) -> Batch:
    url = config.base_url(NAME) + TODAY_PATH
    records, fetched = http.fetch_parsed(
        url,
        _parse_today,
        expire_after=LATEST_TTL,
        options=options,
        headers={"Accept": "application/json"},
    )
    return Batch(NAME, stamped(records, fetched), (fetched,))


def _months(start: Date, end: Date) -> list[Date]:
    """The first day of every AD month from ``start``'s to ``end``'s."""
    months = []
    cursor = start.replace(day=1)
    while cursor <= end:
        months.append(cursor)
        cursor = (cursor + timedelta(days=32)).replace(day=1)
    return months


def _fetch_months(window: Window, options: FetchOptions) -> Batch:
    url = config.base_url(NAME) + MONTH_PATH
    today = dates.today_ad()
    records: list[MetalPrice] = []
    responses = []
    empty: list[str] = []
    months = _months(window.start, window.end)
    try:
        for number, month in enumerate(months, 1):
            progress.step(PROGRESS, number, len(months), "month")
            next_month = (month + timedelta(days=32)).replace(day=1)
            expire: http.Expiry = http.NEVER_EXPIRE if next_month <= today else LATEST_TTL
            try:
                month_records, fetched = http.fetch_parsed(
                    url,
                    parse,
                    params={"date": month.isoformat()},
                    expire_after=expire,
                    options=options,
                    headers={"Accept": "application/json"},
                )
            except HTTPStatusError as exc:
                if exc.status != 204:  # 204: a month outside what the API keeps
                    raise
                empty.append(month.strftime("%Y-%m"))
                continue
            responses.append(fetched)
            if not month_records:
                empty.append(month.strftime("%Y-%m"))
            records.extend(stamped((r for r in month_records if window.holds(r.date)), fetched))
    finally:
        progress.end(PROGRESS)
    gap = None
    if empty:
        gap = f"no rates for {', '.join(empty)} (its history API keeps about two months)"
    return Batch(NAME, fill_changes(records), tuple(responses), gap=gap)
