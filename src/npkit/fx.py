"""Nepal Rastra Bank exchange rates: fetch, parse, resolve duplicate days, convert. No Click.

Rates are published in NPR per ``unit`` units of a currency (INR per 100, JPY per 10, KRW per
100, the rest per 1) and kept that way in ``Rate``; conversion always divides by ``unit``.
Money is ``Decimal`` from end to end.

    >>> from npkit import fx
    >>> fx.rates(["USD"], date="2024-11-26")            # doctest: +SKIP
    [Rate(date='2024-11-26', date_bs='2081-08-11', currency='USD', ...)]
    >>> fx.convert("100", "USD")                         # doctest: +SKIP
    Conversion(amount=Decimal('100'), from_='USD', to='NPR', rate=Decimal('152.04'), ...)

The parser (``parse``, ``parse_page``) is pure and takes bytes; only ``fetch_days`` and the
functions built on it touch the network, through ``npkit.http`` (imported on first fetch).
"""

from __future__ import annotations

import dataclasses
import json
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date as Date
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Any
from urllib.parse import urlsplit

from npkit import config, console, dates, jsonbody
from npkit.config import FetchOptions
from npkit.errors import FetchError, ParseError, UsageError
from npkit.text import clean, quote, url_host

SOURCE = "nrb"
RATES_PATH = "/api/forex/v1/rates"
PER_PAGE = 100  # the API's maximum
LATEST_WINDOW_DAYS = 7
LATEST_TTL = timedelta(minutes=30)
PAGE_PAUSE = 0.2
"""Seconds between two pages fetched from the network: one request at a time, unhurried."""

SIDES = ("buy", "sell", "mid")
HOME = "NPR"
KNOWN_CURRENCIES = (
    "INR", "USD", "EUR", "GBP", "CHF", "AUD", "CAD", "SGD", "JPY", "CNY", "SAR",
    "QAR", "THB", "AED", "MYR", "KRW", "SEK", "DKK", "HKD", "KWD", "BHD", "OMR",
)  # fmt: skip
"""The currencies NRB quoted in 2026; only used to answer a bad code when there is no data."""

_CODE = re.compile(r"[A-Z]{3}", re.ASCII)
_MONEY = re.compile(r"\d{1,12}(\.\d{1,8})?", re.ASCII)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_AMOUNT = re.compile(r"\d{1,20}(\.\d{1,12})?", re.ASCII)
_DEVANAGARI_TO_ASCII = str.maketrans(dates.DEVANAGARI_DIGITS, "0123456789")
_CENT = Decimal("0.01")
VALIDATION_MAX = 200
"""Longest NRB validation message repeated in an error line, in characters."""
_RATE_PLACES = Decimal("1e-8")


# ---------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Rate:
    """One currency on one day, as published: NPR per ``unit`` units; None = not quoted."""

    date: str
    date_bs: str | None
    currency: str
    name: str
    unit: int
    buy: Decimal | None
    sell: Decimal | None
    published_on: str | None  # ISO 8601 with +05:45
    source: str = SOURCE

    def value(self, side: str) -> Decimal | None:
        """The buy, sell or mid (their mean) figure per ``unit``; None when not quoted."""
        if side == "mid":
            if self.buy is None or self.sell is None:
                return None
            return (self.buy + self.sell) / 2
        return self.buy if side == "buy" else self.sell


@dataclass(frozen=True, slots=True)
class Conversion:
    """``amount`` of ``from_`` makes ``result`` of ``to``; ``rate``: ``to`` per 1 ``from_``."""

    amount: Decimal
    from_: str
    to: str
    rate: Decimal
    result: Decimal
    rate_side: str | None  # buy, sell, mid, or buy/sell for a cross rate through NPR
    date: str | None
    date_bs: str | None
    source: str = SOURCE

    def as_record(self) -> dict[str, Any]:
        """Field name → value, with ``from`` spelled as users see it."""
        return {("from" if f == "from_" else f): getattr(self, f) for f in self.__slots__}


CONVERSION_COLUMNS = tuple(
    "from" if f.name == "from_" else f.name for f in dataclasses.fields(Conversion)
)


@dataclass(frozen=True, slots=True)
class Day:
    """One payload item: a day's table (a date may come twice; see ``resolve``)."""

    date: Date
    published_on: datetime | None
    rates: tuple[Rate, ...]

    @property
    def quoted(self) -> int:
        """How many currencies have a buy or sell figure."""
        return sum(1 for r in self.rates if r.buy is not None or r.sell is not None)


@dataclass(frozen=True, slots=True)
class Page:
    """One response of ``/rates``: its days and where it sits in the pagination."""

    days: tuple[Day, ...]
    page: int
    pages: int


# ---------------------------------------------------------------- parsing


def parse(content: bytes, url: str = "") -> list[Rate]:
    """All rates in one NRB ``/rates`` response: one per day and currency, sorted by date.

    Raises ``ParseError`` (only) for anything that is not the expected JSON.
    """
    return flatten(resolve(parse_page(content, url).days))


def parse_page(content: bytes, url: str = "") -> Page:
    """Read one ``/rates`` response into days, in the order given (no de-duplication)."""
    host = url_host(url, "NRB")
    document = _load_json(content, host)
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


def _load_json(content: bytes, host: str) -> Any:
    if jsonbody.looks_like_markup(content):
        raise ParseError(
            f"{host} sent an HTML/XML page instead of the rates JSON "
            "(a bot challenge or an outage notice?)"
        )
    return jsonbody.load(content, host)


def _shape(host: str, what: str) -> ParseError:
    return ParseError(f"{host} sent JSON of an unexpected shape: {what}")


def _pagination(value: Any, host: str) -> tuple[int, int]:
    """(page, pages); a response without pagination is one page."""
    if value is None:
        return 1, 1
    if not isinstance(value, dict):
        raise _shape(host, "'pagination' is not an object")
    page, pages = value.get("page"), value.get("pages")
    page = page if _is_count(page) else 1
    if pages is None:
        pages = 1
    if not _is_count(pages):
        raise _shape(host, f"pagination.pages is {quote(pages)}")
    return int(page), int(pages)


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 1_000_000


def _day(item: Any, host: str) -> Day:
    if not isinstance(item, dict):
        raise _shape(host, "a payload item is not an object")
    day = _iso_date(item.get("date"), host)
    date_bs = _bs_text(day)
    published = _timestamp(item.get("published_on"))
    published_text = published.isoformat() if published else None
    raw_rates = item.get("rates")
    if not isinstance(raw_rates, list):
        raise _shape(host, f"'rates' of {day} is not a list")
    by_code: dict[str, Rate] = {}
    for raw in raw_rates:
        rate = _rate(raw, day.isoformat(), date_bs, published_text, host)
        known = by_code.get(rate.currency)
        if known is None or (known.buy is None and known.sell is None):
            by_code[rate.currency] = rate
    return Day(day, published, tuple(by_code.values()))


def _iso_date(value: Any, host: str) -> Date:
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return Date.fromisoformat(value)
        except ValueError:
            pass
    raise _shape(host, f"a payload date is {quote(value)}")


def _bs_text(day: Date) -> str | None:
    try:
        return dates.ad_to_bs(day).isoformat()
    except UsageError:  # outside the BS table: keep the AD date, leave BS empty
        return None


def _timestamp(value: Any) -> datetime | None:
    """NRB's naive Nepal-time stamp ``2026-08-10 00:00:24`` → aware datetime; else None."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.strptime(value.strip(), "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    return moment.replace(tzinfo=dates.NEPAL_TZ)


def _rate(raw: Any, day: str, date_bs: str | None, published: str | None, host: str) -> Rate:
    if not isinstance(raw, dict) or not isinstance(raw.get("currency"), dict):
        raise _shape(host, f"a rate of {day} has no 'currency' object")
    currency = raw["currency"]
    code = currency.get("iso3")
    if not isinstance(code, str) or not _CODE.fullmatch(code.strip().upper()):
        raise _shape(host, f"a currency code of {day} is {quote(code)}")
    code = code.strip().upper()
    name = currency.get("name")
    name = (clean(name) if isinstance(name, str) else "") or code  # outside text: shown as is
    unit = currency.get("unit")
    if isinstance(unit, str) and unit.strip().isascii() and unit.strip().isdigit():
        unit = int(unit)
    if not isinstance(unit, int) or isinstance(unit, bool) or not 1 <= unit <= 100_000:
        raise _shape(host, f"the unit of {code} on {day} is {quote(unit)}")
    buy = _money(raw.get("buy"), f"the buy rate of {code} on {day}", host)
    sell = _money(raw.get("sell"), f"the sell rate of {code} on {day}", host)
    return Rate(day, date_bs, code, name, unit, buy, sell, published)


def _money(value: Any, what: str, host: str) -> Decimal | None:
    """A published figure; ``null``, ``""`` and ``"0.00"`` all mean 'not quoted' (None)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
        raise _shape(host, f"{what} is {quote(value)}")
    text = str(value).strip()
    if not text:
        return None
    if not _MONEY.fullmatch(text):
        raise _shape(host, f"{what} is {quote(value)}")
    amount = Decimal(text)
    return amount if amount else None


# ---------------------------------------------------------------- days → records


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


def normalize_codes(codes: str | Iterable[str]) -> list[str]:
    """Upper-cased ISO codes, in order, without repeats; ``"usd,eur"`` is two codes."""
    items = [codes] if isinstance(codes, str) else list(codes)
    result: list[str] = []
    for item in items:
        for part in str(item).split(","):
            code = part.strip().upper()
            if not code:
                continue
            if not _CODE.fullmatch(code):
                raise UsageError(
                    f"{part.strip()!r} is not a currency code (three letters, e.g. USD)"
                )
            if code not in result:
                result.append(code)
    return result


def select(records: Sequence[Rate], codes: Sequence[str]) -> list[Rate]:
    """The records of ``codes`` (all when empty); an unknown code is a UsageError listing the
    valid ones (those in the data, or the usual ones when there is no data)."""
    available = {r.currency for r in records} or set(KNOWN_CURRENCIES)
    unknown = [c for c in codes if c not in available]
    if unknown:
        names = ", ".join(repr(c) for c in unknown)
        valid = ", ".join(sorted(available))
        if all(c in KNOWN_CURRENCIES for c in unknown):
            raise UsageError(f"NRB quoted no {names} for these dates; quoted: {valid}")
        raise UsageError(f"unknown currency {names}; valid codes: {valid}")
    if not codes:
        return list(records)
    wanted = set(codes)
    return [r for r in records if r.currency in wanted]


def wide(records: Sequence[Rate], side: str = "buy") -> tuple[list[str], list[tuple[Any, ...]]]:
    """One row per date, one column per currency (``side`` figure, NPR per published unit):
    returns (currency codes in NRB's order, rows of (date, date_bs, value, …))."""
    codes: list[str] = []
    table: dict[str, dict[str, Decimal | None]] = {}
    bs: dict[str, str | None] = {}
    for rate in records:
        if rate.currency not in codes:
            codes.append(rate.currency)
        table.setdefault(rate.date, {})[rate.currency] = rate.value(side)
        bs[rate.date] = rate.date_bs
    rows = [(d, bs[d], *(table[d].get(c) for c in codes)) for d in sorted(table)]
    return codes, rows


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
    from npkit import http

    options = options or FetchOptions()
    expire = http.NEVER_EXPIRE if end < dates.today_ad() else LATEST_TTL
    url = rates_url()
    limit = _max_pages(start, end)
    days: list[Day] = []
    responses: list[http.Fetched] = []
    page = pages = 1
    while page <= pages:
        params = {"from": start.isoformat(), "to": end.isoformat(), "per_page": PER_PAGE}
        fetched = _fetch_page(url, {**params, "page": page}, expire, options)
        responses.append(fetched)
        parsed = parse_page(fetched.content, fetched.url)
        if parsed.pages > limit:
            raise ParseError(f"{_host(url)} claims {parsed.pages} pages for {start}…{end}")
        pages = max(pages, parsed.pages)
        days.extend(parsed.days)
        if not parsed.days:
            if expire == http.NEVER_EXPIRE and not fetched.from_cache:
                http.forget(fetched.url)  # a past day can't be empty for good: ask again later
            break
        page += 1
        if page <= pages:
            console.note(f"fetching page {page} of {pages} from {_host(url)}")
            if not fetched.from_cache:
                time.sleep(PAGE_PAUSE)
    http.report_stale(responses)
    return resolve(days)


def _fetch_page(url: str, params: dict[str, Any], expire: Any, options: FetchOptions) -> Any:
    from npkit import http

    def check(content: bytes) -> None:
        parse_page(content, url)

    try:
        return http.fetch(
            url,
            params=params,
            expire_after=expire,
            options=options,
            check=check,
            headers={"Accept": "application/json"},
        )
    except http.HTTPStatusError as exc:
        message = validation_message(exc.content)
        if exc.status == 400 and message:
            raise UsageError(f"{_host(url)} rejected the request: {message}") from None
        raise


def _host(url: str) -> str:
    return urlsplit(url).netloc


def latest_day(options: FetchOptions | None = None) -> Day | None:
    """The newest day with quoted rates in the last week (today in Nepal included).

    Offline, the windows of the previous days are tried too: yesterday's cached answer beats
    none.
    """
    from npkit import http

    options = options or FetchOptions()
    today = dates.today_ad()
    back = range(LATEST_WINDOW_DAYS + 1) if options.offline else range(1)
    for offset in back:
        end = today - timedelta(days=offset)
        try:
            days = fetch_days(end - timedelta(days=LATEST_WINDOW_DAYS), end, options)
        except http.NotCached:
            if offset == back[-1]:
                raise
            continue
        quoted = [day for day in days if day.quoted]
        return quoted[-1] if quoted else None
    return None


def rates(
    codes: str | Iterable[str] = (),
    *,
    date: Any = None,
    start: Any = None,
    end: Any = None,
    options: FetchOptions | None = None,
) -> list[Rate]:
    """Rates for one day (``date``; default: the latest published day) or a range
    (``start`` … ``end``, default end: today in Nepal), sorted by date, for ``codes`` (all when
    empty). Dates are ``datetime.date`` or text in any form ``npkit.dates`` reads (AD, BS)."""
    wanted = normalize_codes(codes)
    options = options or FetchOptions()
    today = dates.today_ad()
    span = dates.requested_days(date, start, end, today=today)
    if span is not None:
        days = fetch_days(*span, options)
    else:
        latest = latest_day(options)
        if latest is None:
            raise FetchError(f"NRB published no rates in the {LATEST_WINDOW_DAYS} days to {today}")
        days = [latest]
    return select(flatten(days), wanted)


# ---------------------------------------------------------------- conversion


def parse_amount(value: Any) -> Decimal:
    """An amount as people type it: ``1500``, ``1,500.50``, ``१५००``; never a float."""
    if isinstance(value, Decimal):
        amount = value
    elif isinstance(value, int) and not isinstance(value, bool):
        amount = Decimal(value)
    elif isinstance(value, (str, float)):
        text = str(value).strip().translate(_DEVANAGARI_TO_ASCII)
        text = text.replace(",", "").replace("_", "").replace(" ", "")
        if not _AMOUNT.fullmatch(text):
            raise UsageError(f"amount must be a number like 1500 or 1,500.50, not {value!r}")
        amount = Decimal(text)
    else:
        raise UsageError(f"amount must be a number, not {value!r}")
    if not amount.is_finite() or amount < 0:
        raise UsageError(f"amount must be zero or more, not {value!r}")
    return amount


def _npr_per_one(by_code: dict[str, Rate], code: str, side: str) -> Decimal:
    rate = by_code.get(code)
    if rate is None:
        raise UsageError(f"no {code} rate among the rates given")
    value = rate.value(side)
    if value is None:
        other = "buy" if side != "buy" else "sell"
        raise UsageError(
            f"NRB quoted no {side} rate for {rate.currency} on {rate.date} (try --rate {other})"
        )
    return value / rate.unit


def convert_with(
    day_rates: Iterable[Rate],
    amount: Decimal,
    source: str,
    target: str,
    side: str | None = None,
) -> Conversion:
    """Pure conversion maths with one day's rates.

    Default sides are what a customer gets: foreign → NPR at the bank's buy rate, NPR → foreign
    at its sell rate, foreign → foreign through NPR (buy, then sell). An explicit ``side``
    (buy, sell, mid) applies to every leg. The result is rounded half-up to 0.01 from the exact
    rate; the rate is shown exactly, or rounded to 8 decimals when it has more.
    """
    if side is not None and side not in SIDES:
        raise UsageError(f"rate side must be one of {', '.join(SIDES)}, not {side!r}")
    by_code = {r.currency: r for r in day_rates}
    used = by_code.get(source) or by_code.get(target)
    with localcontext() as context:
        context.prec = 40
        if source == target:
            rate, label = Decimal(1), None
        elif target == HOME:
            label = side or "buy"
            rate = _npr_per_one(by_code, source, label)
        elif source == HOME:
            label = side or "sell"
            rate = 1 / _npr_per_one(by_code, target, label)
        else:
            first, second = side or "buy", side or "sell"
            rate = _npr_per_one(by_code, source, first) / _npr_per_one(by_code, target, second)
            label = first if first == second else f"{first}/{second}"
        result = (amount * rate).quantize(_CENT, rounding=ROUND_HALF_UP)
        exact = isinstance(rate.as_tuple().exponent, int) and rate.as_tuple().exponent >= -8
        shown = rate if exact else rate.quantize(_RATE_PLACES, rounding=ROUND_HALF_UP).normalize()
    return Conversion(
        amount=amount,
        from_=source,
        to=target,
        rate=shown,
        result=result,
        rate_side=label,
        date=used.date if used else None,
        date_bs=used.date_bs if used else None,
    )


def _one_code(text: str) -> str:
    codes = normalize_codes(text)
    if len(codes) != 1:
        raise UsageError(f"expected one currency code such as USD, not {text!r}")
    return codes[0]


def convert(
    amount: Any,
    from_: str,
    to: str = HOME,
    *,
    date: Any = None,
    side: str | None = None,
    options: FetchOptions | None = None,
) -> Conversion:
    """Convert ``amount`` of ``from_`` into ``to`` (default NPR) with NRB's rates of ``date``
    (default: the latest published day). See ``convert_with`` for the rate sides."""
    value = parse_amount(amount)
    source_code, target_code = _one_code(from_), _one_code(to)
    if side is not None and side not in SIDES:
        raise UsageError(f"rate side must be one of {', '.join(SIDES)}, not {side!r}")
    foreign = [c for c in dict.fromkeys((source_code, target_code)) if c != HOME]
    if not foreign:
        return convert_with([], value, source_code, target_code, side)
    records = rates(foreign, date=date, options=options)
    if not records:
        when = f"for {dates.as_date(date, 'date')}" if date is not None else "recently"
        raise UsageError(f"NRB published no rates {when}")
    present = {r.currency for r in records}
    missing = [c for c in foreign if c not in present]
    if missing:
        raise UsageError(f"NRB quoted no {', '.join(missing)} rate on {records[0].date}")
    return convert_with(records, value, source_code, target_code, side)
