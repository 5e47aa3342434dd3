"""Answering a rates question: which codes, which days (the latest, one, a range), which rows.

``rates`` is the library's entry point (``npkit.fx.rates``); the rest is pure selection and
shaping over ``Rate`` records, plus ``latest_day``, the rule for "the latest published day".
"""

from __future__ import annotations

import re
from datetime import date as Date
from datetime import timedelta

from npkit import dates
from npkit.config import FetchOptions
from npkit.errors import FetchError, NotCached, UsageError
from npkit.fx import nrb
from npkit.fx.records import KNOWN_CURRENCIES
from npkit.text import quote

TYPE_CHECKING = False  # typing is not imported at run time: a warm ``npkit fx`` starts faster
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from decimal import Decimal
    from typing import Any

    from npkit.dates import BSDate
    from npkit.fx.records import Day, Rate

LATEST_WINDOW_DAYS = 7
""""Latest" is the newest usable day in the week up to today (NRB publishes about 00:00 NPT)."""

CHANGE_LOOKBACK = timedelta(days=LATEST_WINDOW_DAYS)
"""How far before a requested day the rates are read, for the first day's ``change``."""

_CODE = re.compile(r"[A-Z]{3}", re.ASCII)


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
                    f"{quote(part.strip())} is not a currency code (three letters, e.g. USD)"
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
    table: dict[Date, dict[str, Decimal | None]] = {}
    bs: dict[Date, BSDate | None] = {}
    for rate in records:
        if rate.currency not in codes:
            codes.append(rate.currency)
        table.setdefault(rate.date, {})[rate.currency] = rate.value(side)
        bs[rate.date] = rate.date_bs
    rows = [(d, bs[d], *(table[d].get(c) for c in codes)) for d in sorted(table)]
    return codes, rows


def latest_day(options: FetchOptions | None = None) -> Day | None:
    """The newest day with quoted rates in the last week (today in Nepal included).

    Offline, the windows of the previous days are tried too: yesterday's cached answer beats
    none.
    """
    days = _latest_window(options)
    return days[-1] if days else None


def latest_is_warm(options: FetchOptions | None = None) -> bool:
    """Whether ``rates()`` of the latest day would be answered from a fresh cached reply
    already parsed, so without the HTTP stack or the parser (``npkit.cli.fast`` asks)."""
    return nrb.is_warm(*_window(dates.today_ad()), options)


def _window(end: Date) -> tuple[Date, Date]:
    """The days read to find the latest published day up to ``end``."""
    return end - timedelta(days=LATEST_WINDOW_DAYS), end


def _latest_window(options: FetchOptions | None = None) -> list[Day]:
    """The quoted days of the window ``latest_day`` reads, oldest first, with ``change``."""
    options = options or FetchOptions()
    today = dates.today_ad()
    back = range(LATEST_WINDOW_DAYS + 1) if options.offline else range(1)
    for offset in back:
        end = today - timedelta(days=offset)
        try:
            days = nrb.fetch_days(*_window(end), options)
        except NotCached:
            if offset == back[-1]:
                raise
            continue
        return nrb.add_changes(day for day in days if day.quoted)
    return []


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
        first, last = span
        # The days before the first are read too, for its ``change``; only [first, last] is
        # returned (what fetch_days keeps of a reply is kept here the same way).
        earlier = first - CHANGE_LOOKBACK if first - Date.min > CHANGE_LOOKBACK else Date.min
        fetched = nrb.add_changes(nrb.fetch_days(earlier, last, options))
        days = [day for day in fetched if first <= day.date <= last]
    else:
        window = _latest_window(options)
        if not window:
            raise FetchError(f"NRB published no rates in the {LATEST_WINDOW_DAYS} days to {today}")
        days = [window[-1]]
    return select(nrb.flatten(days), wanted)
