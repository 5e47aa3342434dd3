"""Published gold and silver prices (``npkit.gold.prices``): the latest day, one day (or the
trading day before it), a range; the metal and unit names people type. Not ``prices.py``: a
submodule named like the function it holds would shadow it on the package."""

from __future__ import annotations

from datetime import date as Date
from datetime import timedelta

from npkit import dates
from npkit.config import FetchOptions
from npkit.errors import UsageError
from npkit.gold import chain
from npkit.gold.records import METALS, UNITS
from npkit.gold.window import Window
from npkit.text import quote

TYPE_CHECKING = False  # typing is not imported at run time: a warm ``npkit gold`` starts faster
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

    from npkit.gold.records import MetalPrice

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
        raise UsageError(f"unknown metal {quote(name)}; metals: {valid}")
    return METAL_ALIASES[key]


def normalize_unit(name: str) -> str:
    """``tola``, ``10g`` or ``all`` (any case, ``10 g`` too)."""
    key = name.strip().casefold().replace(" ", "")
    if key in ("all", *UNITS):
        return key
    raise UsageError(f"unknown price unit {quote(name)}; units: {', '.join(UNITS)}, all")


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
        window = Window(_back(first), last, first, latest=False)
        records = [r for r in _fetch(source, window, today, options) if r.date >= first]
    else:
        day = span[0] if span else today
        window = Window(_back(day), day, day, latest=day == today)
        found = _fetch(source, window, today, options)
        records = _nearest(found, day, flag=date is not None)
    return [
        r for r in records if wanted_metal in ("all", r.metal) and wanted_unit in ("all", r.unit)
    ]


def _back(day: Date) -> Date:
    """The first day of the look-back before ``day``, kept inside ``datetime.date``'s range."""
    return day - LOOKBACK if day - Date.min > LOOKBACK else Date.min


def _fetch(source: str, window: Window, today: Date, options: FetchOptions) -> list[MetalPrice]:
    providers = chain.plan(source.strip().casefold(), window, today)
    batch = chain.run(providers, window, options)
    return [r for r in batch.records if r.date <= window.end]


def _nearest(records: Sequence[MetalPrice], day: Date, *, flag: bool) -> list[MetalPrice]:
    """The records of the newest trading day on or before ``day``; flagged with ``requested``
    when that is an earlier day and a day was asked for."""
    newest = max((r.date for r in records if r.date <= day), default=None)
    chosen = [r for r in records if r.date == newest]
    if flag and newest is not None and newest != day:
        chosen = [r._replace(requested=day) for r in chosen]
    return chosen
