"""Valuing a ledger: each amount at NRB's rate of its own date. No Click, no CSV.

``RateBook.load(first, last)`` fetches NRB's history once for the whole span of a ledger's
dates, in fixed 90-day windows aligned to a calendar epoch: a window that ended before today is
cached for good and shared by every ledger that touches it (adding a row next month refetches
only the current window, never the past); the number of requests is the number of windows
(each one page of at most 100 days), never the number of rows. ``RateBook.value`` then answers
every row from memory: the rate of the row's date, or of the nearest earlier published day.

Money is ``Decimal`` throughout; rates and rounding follow ``fx.conversion``, the rule of
``npkit fx convert`` too: the result is rounded once, half-up, to the target currency's minor
unit (0.01 NPR, 1 JPY, 0.001 KWD).
"""

from __future__ import annotations

import time
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from npkit import dates
from npkit.config import FetchOptions
from npkit.errors import UsageError
from npkit.fx import conversion, nrb
from npkit.fx.records import HOME, Day, Rate

WINDOW_DAYS = 90
"""Days per history request: one page (100 items) even when NRB lists a few dates twice."""
WINDOW_EPOCH = date(2000, 1, 1).toordinal()
"""Windows start at this day plus a multiple of WINDOW_DAYS, whatever the ledger's span."""
LOOKBACK_DAYS = 14
"""How far before a ledger's first date to look for "the nearest earlier published day"
(long holidays: Dashain and Tihar close banks for days, NRB still dates a table every day)."""
sleep: Callable[[float], None] = time.sleep
"""The pause between two window requests (``nrb.PAGE_PAUSE``); tests replace it to record the
pauses asked for instead of waiting."""


_Found = tuple[Decimal, Decimal, int, str | None]
"""(exact rate, shown rate, index of the day used or -1, side label)."""


@dataclass(frozen=True, slots=True)
class Valued:
    """One ledger row's value: ``result`` of ``target``, ``rate`` (target per 1 source, exact
    or rounded to 8 places), ``rate_date`` the published day whose rates were used."""

    result: Decimal
    rate: Decimal
    rate_date: date
    rate_side: str | None


def windows(first: date, last: date) -> list[tuple[date, date]]:
    """The aligned windows covering ``first`` … ``last``, each clipped to that span's edge only
    at the end (``last``: today's window is the only one that changes)."""
    start = (first.toordinal() - WINDOW_EPOCH) // WINDOW_DAYS
    stop = (last.toordinal() - WINDOW_EPOCH) // WINDOW_DAYS
    spans = []
    for index in range(start, stop + 1):
        begin = date.fromordinal(WINDOW_EPOCH + index * WINDOW_DAYS)
        end = begin + timedelta(days=WINDOW_DAYS - 1)
        spans.append((begin, min(end, last)))
    return spans


def _fresh_in_cache(begin: date, end: date) -> bool:
    """Whether the first page of a window is answered from the cache (no pause needed). Only
    decides the pause: a wrong guess costs a pause or skips one, never data."""
    from npkit import freshcache

    params: dict[str, str | int] = {
        "from": begin.isoformat(), "to": end.isoformat(), "per_page": nrb.PER_PAGE, "page": 1,
    }  # fmt: skip
    entry = freshcache.lookup(freshcache.cache_key(nrb.rates_url(), params))
    return entry is not None and not entry.stale


class RateBook:
    """NRB's published days over a span, for "the rate of currency C on (or before) day D"."""

    def __init__(self, days: list[Day]) -> None:
        self.days = [day for day in days if day.quoted]
        self.ordinals = [day.date.toordinal() for day in self.days]
        self.tables = [{rate.currency: rate for rate in day.rates} for day in self.days]
        self.currencies = {code for table in self.tables for code in table}
        self.first = self.days[0].date if self.days else None
        self._rates: dict[tuple[date, str, str, str | None], _Found] = {}

    @classmethod
    def load(cls, first: date, last: date, options: FetchOptions | None = None) -> RateBook:
        """The history from ``LOOKBACK_DAYS`` before ``first`` to ``last`` (cut at today), in
        aligned windows; future dates are a UsageError."""
        today = dates.today_ad()
        dates.check_not_future(last, today)
        collected: list[Day] = []
        asked = False
        for begin, end in windows(first - timedelta(LOOKBACK_DAYS), last):
            if not _fresh_in_cache(begin, end):
                if asked:
                    sleep(nrb.PAGE_PAUSE)  # one request at a time, politely spaced
                asked = True
            collected.extend(nrb.fetch_days(begin, end, options))
        return cls(nrb.resolve(collected))

    def _day_for(self, day: date, codes: tuple[str, ...], side: str) -> int:
        """Index of the newest published day ≤ ``day`` quoting every code's ``side`` figure."""
        index = bisect_right(self.ordinals, day.toordinal()) - 1
        floor = day.toordinal() - LOOKBACK_DAYS
        while index >= 0 and self.ordinals[index] >= floor:
            table = self.tables[index]
            if all(code in table and table[code].value(side) is not None for code in codes):
                return index
            index -= 1
        if self.first is None or day < self.first:
            raise UsageError(f"NRB has no rates on or before {day}")
        names = ", ".join(codes)
        raise UsageError(
            f"NRB quoted no {side} rate for {names} in the {LOOKBACK_DAYS} days to {day}"
        )

    def value(
        self, amount: Decimal, source: str, target: str, day: date, side: str | None = None
    ) -> Valued:
        """``amount`` of ``source`` in ``target`` at the rates of ``day`` (or the nearest
        earlier published day). Sides as ``npkit fx convert``: foreign → NPR at buy, NPR →
        foreign at sell, foreign → foreign buy then sell; an explicit ``side`` on every leg."""
        key = (day, source, target, side)
        found = self._rates.get(key)
        if found is None:
            found = self._rate(source, target, day, side)
            self._rates[key] = found
        rate, shown, index, label = found
        try:
            result = conversion.converted(amount, rate, target)
        except conversion.ARITHMETIC_ERRORS:
            raise conversion.beyond_exact(amount, source, target) from None
        return Valued(result, shown, self.days[index].date if index >= 0 else day, label)

    def _rate(self, source: str, target: str, day: date, side: str | None) -> _Found:
        """The rate of ``source`` in ``target`` for one date (see ``_Found``)."""
        legs = conversion.leg_sides(source, target, side)
        for code in (source, target):
            if code != HOME and code not in self.currencies:
                valid = ", ".join(sorted(self.currencies | {HOME}))
                raise UsageError(f"unknown currency {code!r}; valid codes: {valid}")
        codes = tuple(code for code, leg in zip((source, target), legs, strict=True) if leg)
        if not codes:
            return Decimal(1), Decimal(1), -1, None
        sides = dict.fromkeys(leg for leg in legs if leg)
        index = min(self._day_for(day, codes, leg) for leg in sides)
        table = self.tables[index]
        npr = [Decimal(1) if leg is None else _per_one(table[code], leg)
               for code, leg in zip((source, target), legs, strict=True)]  # fmt: skip
        try:
            rate = conversion.cross_rate(npr[0], npr[1])
            return rate, conversion.shown_rate(rate), index, conversion.side_label(legs)
        except conversion.ARITHMETIC_ERRORS:
            raise UsageError(
                f"{source} in {target} on {day} is beyond what can be computed exactly "
                "(a rate NRB published is extreme)"
            ) from None


def _per_one(rate: Rate, side: str) -> Decimal:
    value = conversion.npr_per_one(rate, side)
    assert value is not None  # _day_for chose a day quoting it
    return value
