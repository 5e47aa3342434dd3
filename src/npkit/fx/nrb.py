"""Nepal Rastra Bank's forex API (``/api/forex/v1/rates``): a pure parser and a thin fetch.

``parse``/``parse_page`` take the bytes of one reply (SOURCES.md §1 for its quirks: rates as
strings per ``unit``, ``null``/``""``/``"0.00"`` for not quoted, a date listed twice, either
sort order); ``fetch_days`` pages through a range politely with ``npkit.http.fetch_parsed``.
"""

from __future__ import annotations

import json
import re
import time
from datetime import date as Date
from datetime import datetime, timedelta

from npkit import config, dates, http, progress, provenance, scrape
from npkit.config import FetchOptions
from npkit.errors import ParseError, UsageError
from npkit.fx import kept
from npkit.fx.records import SOURCE, Day, Page, Rate
from npkit.text import clean, quote, url_host

TYPE_CHECKING = False  # typing is not imported at run time: a warm ``npkit fx`` starts faster
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any, TypeGuard

RATES_PATH = "/api/forex/v1/rates"
PER_PAGE = 100  # the API's maximum
LATEST_TTL = timedelta(minutes=30)
PAGE_PAUSE = 0.2
"""Seconds between two pages fetched from the network: one request at a time, unhurried."""
PROGRESS = "fetching NRB rates"
"""What a long history fetch reports to ``npkit.progress`` (``…: page 3 of 17``)."""

_CODE = re.compile(r"[A-Z]{3}", re.ASCII)


# ---------------------------------------------------------------- parsing


def parse(content: bytes, url: str = "") -> list[Rate]:
    """All rates in one NRB ``/rates`` response: one per day and currency, sorted by date.

    Raises ``ParseError`` (only) for anything that is not the expected JSON.
    """
    return flatten(resolve(parse_page(content, url).days))


def parse_page(content: bytes, url: str = "") -> Page:
    """Read one ``/rates`` response into days, in the order given (no de-duplication)."""
    host = url_host(url, "NRB")
    document = scrape.load_json(content, host, "the rates JSON", markup="HTML/XML page")
    if not isinstance(document, dict):
        raise _shape(host, "the top level is not an object")
    message = _validation_text(document)
    if message:
        raise ParseError(f"{host} reported an error: {message}")
    data = document.get("data")
    if not isinstance(data, dict):
        raise _shape(host, "no 'data' object")
    payload = data.get("payload")
    if payload is None:  # an empty range
        payload = []
    if not isinstance(payload, list):
        raise _shape(host, "'data.payload' is not a list")
    days = tuple(_day(item, host) for item in payload)
    page, pages = _pagination(document.get("pagination"), host)
    return Page(days, page, pages)


def validation_message(content: bytes) -> str | None:
    """The message of an NRB validation error body (HTTP 400), or None if it is not one."""
    try:
        document = json.loads(content)
    except (ValueError, RecursionError):
        return None
    return _validation_text(document) if isinstance(document, dict) else None


VALIDATION_MAX = 200
"""Longest NRB validation message repeated in an error line, in characters."""


def _validation_text(document: dict[str, Any]) -> str | None:
    """NRB's validation message as one clean line (outside text: no escapes, no bidi
    controls), at most ``VALIDATION_MAX`` characters."""
    errors = document.get("errors")
    validation = errors.get("validation") if isinstance(errors, dict) else None
    if not validation:
        return None
    if isinstance(validation, dict):
        parts = []
        for field, messages in validation.items():
            first = messages[0] if isinstance(messages, list) and messages else messages
            parts.append(f"{field}: {first}")
        text = clean("; ".join(parts))
    else:
        text = clean(str(validation))
    if len(text) > VALIDATION_MAX:
        text = text[: VALIDATION_MAX - 1].rstrip() + "…"
    return text or None


def _shape(host: str, what: str) -> ParseError:
    return ParseError(f"{host} sent JSON of an unexpected shape: {what}")


def _pagination(value: Any, host: str) -> tuple[int, int]:
    """(page, pages); a response without pagination is one page."""
    if value is None:
        return 1, 1
    if not isinstance(value, dict):
        raise _shape(host, "'pagination' is not an object")
    page, pages = value.get("page"), value.get("pages", 1)
    if pages is None:
        pages = 1
    if not _is_count(pages):
        raise _shape(host, f"pagination.pages is {quote(pages)}")
    return (page if _is_count(page) else 1), pages


def _is_count(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 1_000_000


def _day(item: Any, host: str) -> Day:
    if not isinstance(item, dict):
        raise _shape(host, "a payload item is not an object")
    day = scrape.iso_day(item.get("date"))
    if day is None:
        raise _shape(host, f"a payload date is {quote(item.get('date'))}")
    date_bs = scrape.bs_date(day)
    published = _timestamp(item.get("published_on"))
    raw_rates = item.get("rates")
    if not isinstance(raw_rates, list):
        raise _shape(host, f"'rates' of {day} is not a list")
    by_code: dict[str, Rate] = {}
    for raw in raw_rates:
        rate = _rate(raw, day, date_bs, published, host)
        known = by_code.get(rate.currency)
        if known is None or (known.buy is None and known.sell is None):
            by_code[rate.currency] = rate
    return Day(day, published, tuple(by_code.values()))


def _timestamp(value: Any) -> datetime | None:
    """NRB's naive Nepal-time stamp ``2026-08-10 00:00:24`` → aware datetime; else None."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.strptime(value.strip(), "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    return moment.replace(tzinfo=dates.NEPAL_TZ)


def _rate(
    raw: Any, day: Date, date_bs: dates.BSDate | None, published: datetime | None, host: str
) -> Rate:
    if not isinstance(raw, dict) or not isinstance(raw.get("currency"), dict):
        raise _shape(host, f"a rate of {day} has no 'currency' object")
    currency = raw["currency"]
    code = currency.get("iso3")
    if not isinstance(code, str) or not _CODE.fullmatch(code.strip().upper()):
        raise _shape(host, f"a currency code of {day} is {quote(code)}")
    code = code.strip().upper()
    name = currency.get("name")
    name = (clean(name) if isinstance(name, str) else "") or code  # outside text: cleaned
    unit = currency.get("unit")
    if isinstance(unit, str) and unit.strip().isascii() and unit.strip().isdigit():
        unit = int(unit)
    if not isinstance(unit, int) or isinstance(unit, bool) or not 1 <= unit <= 100_000:
        raise _shape(host, f"the unit of {code} on {day} is {quote(unit)}")
    buy = scrape.money(raw.get("buy"), f"the buy rate of {code} on {day}", host)
    sell = scrape.money(raw.get("sell"), f"the sell rate of {code} on {day}", host)
    return Rate(day, date_bs, code, name, unit, buy, sell, published_on=published)


# ---------------------------------------------------------------- days


def resolve(days: Iterable[Day]) -> list[Day]:
    """One table per date, sorted by date. NRB sometimes lists a date twice, first with every
    rate null: keep the copy with the most quoted rates; ties → the latest ``published_on``."""
    best: dict[Date, tuple[tuple[int, float, int], Day]] = {}
    for index, day in enumerate(days):
        stamp = day.published_on.timestamp() if day.published_on else float("-inf")
        key = (day.quoted, stamp, index)
        if day.date not in best or key > best[day.date][0]:
            best[day.date] = (key, day)
    return [best[d][1] for d in sorted(best)]


def flatten(days: Iterable[Day]) -> list[Rate]:
    """The rates of ``days`` in order (within a day: NRB's own currency order)."""
    return [rate for day in days for rate in day.rates]


# ---------------------------------------------------------------- fetching


def rates_url() -> str:
    """``$NPKIT_NRB_URL/api/forex/v1/rates`` (the configured base, never a link from a reply)."""
    return config.base_url(SOURCE) + RATES_PATH


def _max_pages(start: Date, end: Date) -> int:
    """More pages than two copies of every day would need means the reply is not to be trusted."""
    span = (end - start).days + 1
    return -(-2 * span // PER_PAGE) + 1


def fetch_days(start: Date, end: Date, options: FetchOptions | None = None) -> list[Day]:
    """Every day NRB published in [start, end], page after page, duplicates resolved.

    Pages are requested one at a time from the configured base URL with ``page=N``; the
    ``links.next`` of a reply names the upstream host and is deliberately not followed. A range
    that ends before today cannot change and is cached for good; one that includes today is
    cached for ``LATEST_TTL``.
    """
    options = options or FetchOptions()
    expire: http.Expiry = http.NEVER_EXPIRE if end < dates.today_ad() else LATEST_TTL
    url = rates_url()
    limit = _max_pages(start, end)
    days: list[Day] = []
    responses: list[http.Fetched] = []
    page = pages = 1
    try:
        while page <= pages:
            progress.step(PROGRESS, page, pages)  # (page 1 of 1 until the first reply says)
            parsed, fetched = _fetch_page(url, _params(start, end, page), expire, options)
            responses.append(fetched)
            if parsed.pages > limit:
                raise ParseError(f"{_host(url)} claims {parsed.pages} pages for {start}…{end}")
            pages = max(pages, parsed.pages)
            days.extend(_stamped(day, fetched) for day in parsed.days)
            if not parsed.days:
                if expire == http.NEVER_EXPIRE and not fetched.from_cache:
                    http.forget(fetched)  # a past day can't be empty for good: ask again later
                break
            page += 1
            if page <= pages and not fetched.from_cache:
                time.sleep(PAGE_PAUSE)
    finally:
        progress.end(PROGRESS)
    http.report_stale(responses)
    # A server that sends more days than asked for is not believed about the others: only the
    # requested window is kept (else `fx convert --date D` could use another day's rate).
    return [day for day in resolve(days) if start <= day.date <= end]


def _params(start: Date, end: Date, page: int) -> dict[str, str | int]:
    return {"from": start.isoformat(), "to": end.isoformat(), "per_page": PER_PAGE, "page": page}


def is_warm(start: Date, end: Date, options: FetchOptions | None = None) -> bool:
    """Whether ``fetch_days(start, end, options)`` starts from a fresh cached reply already
    parsed (no network, no parsing): for a caller choosing a lighter way to answer."""
    first = _params(start, end, 1)
    return http.has_kept_value(rates_url(), kept.PAGE_CODEC, params=first, options=options)


def _stamped(day: Day, fetched: http.Fetched) -> Day:
    """``day`` with its rates' ``fetched_at`` and ``stale`` taken from the reply."""
    at = provenance.fetched_at(fetched)
    rates = tuple(r._replace(fetched_at=at, stale=fetched.stale) for r in day.rates)
    return day._replace(rates=rates)


def add_changes(days: Iterable[Day]) -> list[Day]:
    """``days`` (sorted, resolved) with each rate's ``change``: its buy minus the buy of the
    previous published day of that currency in ``days`` (same unit); None for a currency's
    first day here, or when either buy is not quoted."""
    previous: dict[str, Rate] = {}
    result: list[Day] = []
    for day in sorted(days, key=lambda d: d.date):
        rates: list[Rate] = []
        for rate in day.rates:
            before = previous.get(rate.currency)
            if (
                before is not None
                and before.unit == rate.unit
                and before.buy is not None
                and rate.buy is not None
            ):
                rate = rate._replace(change=rate.buy - before.buy)
            if rate.buy is not None:
                previous[rate.currency] = rate
            rates.append(rate)
        result.append(day._replace(rates=tuple(rates)))
    return result


def _fetch_page(
    url: str, params: dict[str, str | int], expire: http.Expiry, options: FetchOptions
) -> tuple[Page, http.Fetched]:
    try:
        return http.fetch_parsed(
            url,
            parse_page,
            params=params,
            expire_after=expire,
            options=options,
            headers={"Accept": "application/json"},
            codec=kept.PAGE_CODEC,
        )
    except http.HTTPStatusError as exc:
        message = validation_message(exc.content)
        if exc.status == 400 and message:
            raise UsageError(f"{_host(url)} rejected the request: {message}") from None
        raise


def _host(url: str) -> str:
    return url_host(url, "NRB")
