"""Gold and silver prices in Nepal (FENEGOSIDA's daily rates), history, value of a weight.

No Click, and no HTTP library until a price is fetched::

    >>> from npkit import gold
    >>> gold.prices()                                       # doctest: +SKIP
    [MetalPrice(date='2026-08-17', date_bs='2083-05-01', metal='fine_gold', unit='tola',
                price=Decimal('306800.00'), change=Decimal('1600.00'), source='fenegosida'), …]
    >>> gold.prices(start="2026-08-06", end="2026-08-17", unit="tola")   # doctest: +SKIP
    >>> gold.value("2 tola 5 aana")                          # doctest: +SKIP
    Valuation(weight='2 tola 5 aana', tola=Decimal('2.3125'), …, value=Decimal('709475.00'), …)

Each source is a module with a pure ``parse(content, url)`` and a thin ``fetch``:
``fenegosida``, ``nepalipatro``, ``hamropatro``; ``chain`` decides which to ask.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from datetime import date as Date
from datetime import timedelta
from decimal import ROUND_HALF_UP, localcontext
from typing import Any

from npkit import dates
from npkit.config import FetchOptions
from npkit.errors import UsageError
from npkit.gold import chain
from npkit.gold.records import CENT, METALS, UNITS, MetalPrice, Valuation
from npkit.gold.units import Weight, parse_weight, round_grams, round_tola
from npkit.gold.window import Window

__all__ = [
    "METALS",
    "SOURCES",
    "UNITS",
    "MetalPrice",
    "Valuation",
    "Weight",
    "parse_weight",
    "prices",
    "value",
    "value_with",
]

SOURCES = chain.SOURCES
LOOKBACK = timedelta(days=15)
"""How far before the first day asked for the sources are read: enough to find the trading
day before a Saturday or a festival closure, and the previous figure for ``change``."""

METAL_ALIASES: dict[str, str] = {
    **dict.fromkeys(("fine_gold", "fine-gold", "gold", "fine", "hallmark", "छापावाल"), "fine_gold"),
    **dict.fromkeys(("tejabi_gold", "tejabi-gold", "tejabi", "तेजाबी"), "tejabi_gold"),
    **dict.fromkeys(("silver", "chandi", "chaandi", "चाँदी"), "silver"),
}  # fmt: skip


def normalize_metal(name: str, *, allow_all: bool = False) -> str:
    """``gold``/``hallmark`` → ``fine_gold``, ``chandi`` → ``silver``; ``all`` if allowed."""
    key = name.strip().casefold().replace(" ", "_")
    if allow_all and key == "all":
        return "all"
    if key not in METAL_ALIASES:
        valid = ", ".join((*METALS, "all") if allow_all else METALS)
        raise UsageError(f"unknown metal {name!r}; metals: {valid}")
    return METAL_ALIASES[key]


def normalize_unit(name: str) -> str:
    """``tola``, ``10g`` or ``all`` (any case, ``10 g`` too)."""
    key = name.strip().casefold().replace(" ", "")
    if key in ("all", *UNITS):
        return key
    raise UsageError(f"unknown price unit {name!r}; units: {', '.join(UNITS)}, all")


# ---------------------------------------------------------------- prices


def prices(
    *,
    date: Any = None,
    start: Any = None,
    end: Any = None,
    unit: str = "all",
    metal: str = "all",
    source: str = "auto",
    options: FetchOptions | None = None,
) -> list[MetalPrice]:
    """Published prices, sorted by date, metal (fine gold, tejabi, silver) and unit.

    Without dates: the latest published day. ``date``: that day, or when it has no rate (a
    Saturday, a holiday, before the morning's fixing) the nearest earlier trading day with
    ``requested`` set to the day asked for. ``start``/``end`` (default end: today in Nepal):
    every trading day in the range (days without a rate are simply absent). Dates are
    ``datetime.date`` or text in any form ``npkit.dates`` reads (AD, BS). ``source``: ``auto``
    (first that answers, see ``npkit.gold.chain``) or one of ``fenegosida``, ``nepalipatro``,
    ``hamropatro``.
    """
    wanted_unit = normalize_unit(unit)
    wanted_metal = normalize_metal(metal, allow_all=True)
    options = options or FetchOptions()
    today = dates.today_ad()
    span = dates.requested_days(date, start, end, today=today)
    if span is not None and date is None:  # a range
        first, last = span
        window = Window(first - LOOKBACK, last, first, latest=False)
        records = [r for r in _fetch(source, window, today, options) if r.date >= str(first)]
    else:
        day = span[0] if span else today
        window = Window(day - LOOKBACK, day, day, latest=day == today)
        found = _fetch(source, window, today, options)
        records = _nearest(found, day, flag=date is not None)
    return [
        r for r in records if wanted_metal in ("all", r.metal) and wanted_unit in ("all", r.unit)
    ]


def _fetch(source: str, window: Window, today: Date, options: FetchOptions) -> list[MetalPrice]:
    providers = chain.plan(source.strip().casefold(), window, today)
    batch = chain.run(providers, window, options)
    return [r for r in batch.records if r.date <= window.end.isoformat()]


def _nearest(records: Sequence[MetalPrice], day: Date, *, flag: bool) -> list[MetalPrice]:
    """The records of the newest trading day on or before ``day``; flagged with ``requested``
    when that is an earlier day and a day was asked for."""
    text = day.isoformat()
    newest = max((r.date for r in records if r.date <= text), default=None)
    chosen = [r for r in records if r.date == newest]
    if flag and newest is not None and newest != text:
        chosen = [dataclasses.replace(r, requested=text) for r in chosen]
    return chosen


# ---------------------------------------------------------------- value


def value(
    weight: str | Weight,
    *units: str,
    metal: str = "fine_gold",
    date: Any = None,
    source: str = "auto",
    options: FetchOptions | None = None,
) -> Valuation:
    """What ``weight`` (``"2 tola 5 aana"``, ``"15.5g"``, or ``"2", "tola", "5", "aana"``) of
    ``metal`` is worth at the latest published rate (or that of ``date``). See ``value_with``."""
    parsed = weight if isinstance(weight, Weight) else parse_weight(str(weight), *units)
    chosen = normalize_metal(metal)
    records = prices(date=date, metal=chosen, source=source, options=options)
    return value_with(parsed, records, chosen)


def value_with(weight: Weight, records: Iterable[MetalPrice], metal: str) -> Valuation:
    """Pure valuation with one day's published prices.

    A weight in tola/aana/lal is priced at the per-tola rate, one in grams at the per-10 g
    rate: both are published, neither is derived from the other. When a source lacks that
    unit the other is used through 1 tola = 11.6638038 g (``rate_unit`` says which). The value
    is computed from the exact weight and rate, then rounded half-up to the paisa (0.01).
    """
    by_unit = {r.unit: r for r in records if r.metal == metal}
    preferred, other = ("10g", "tola") if weight.metric else ("tola", "10g")
    used = by_unit.get(preferred) or by_unit.get(other)
    if used is None:
        absent = " (FENEGOSIDA no longer publishes tejabi)" if metal == "tejabi_gold" else ""
        raise UsageError(f"no {metal} rate among the prices found{absent}")
    with localcontext() as context:
        context.prec = 40
        exact = weight.tola * used.price if used.unit == "tola" else weight.grams * used.price / 10
        worth = exact.quantize(CENT, rounding=ROUND_HALF_UP)
    return Valuation(
        weight=weight.text(),
        tola=round_tola(weight.tola),
        grams=round_grams(weight.grams),
        metal=metal,
        rate=used.price,
        rate_unit=used.unit,
        value=worth,
        date=used.date,
        date_bs=used.date_bs,
        source=used.source,
        requested=used.requested,
    )
