"""The records of ``npkit gold`` and the small rules every provider shares. No network.

A ``MetalPrice`` is one published figure: one metal, one unit, one trading day, one source.
Figures are kept exactly as published (``Decimal``); the 10 g price is never derived from the
tola price or the other way round, because FENEGOSIDA fixes both and they do not agree to the
rupee (306,800 per tola is 263,036.3 per 10 g; the published 10 g figure is 263,030).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date as Date
from decimal import Decimal
from typing import Any

from npkit import dates
from npkit.errors import ParseError, UsageError

METALS = ("fine_gold", "tejabi_gold", "silver")
"""Canonical metal names, in display order. Tejabi appears only where a source publishes a
non-zero figure (FENEGOSIDA stopped quoting it); it is never estimated."""

UNITS = ("tola", "10g")
"""Price units as published: per 1 tola (11.6638038 g) and per 10 grams."""

CENT = Decimal("0.01")
_DEVANAGARI_TO_ASCII = str.maketrans(dates.DEVANAGARI_DIGITS, "0123456789")
_PRICE_TEXT = re.compile(r"\d{1,3}(?:,\d{2,3})*(?:\.\d{1,4})?|\d{1,12}(?:\.\d{1,4})?", re.ASCII)


@dataclass(frozen=True, slots=True)
class MetalPrice:
    """One published price: NPR for one ``unit`` of ``metal`` on trading day ``date``.

    ``change`` is the difference from the previous trading day's figure (same metal and unit)
    when the source gives that figure, else None. ``requested`` is set only when the day asked
    for had no rate (a Saturday, a holiday, before the day's fixing) and this is the nearest
    earlier trading day's figure instead.
    """

    date: str
    date_bs: str | None
    metal: str
    unit: str
    price: Decimal
    change: Decimal | None
    source: str
    requested: str | None = None


@dataclass(frozen=True, slots=True)
class Valuation:
    """What ``weight`` of ``metal`` is worth at one published rate (see ``npkit.gold.value``)."""

    weight: str
    tola: Decimal
    grams: Decimal
    metal: str
    rate: Decimal
    rate_unit: str
    value: Decimal
    date: str
    date_bs: str | None
    source: str
    requested: str | None = None


PRICE_FIELDS = tuple(f.name for f in dataclasses.fields(MetalPrice))


def bs_text(day: Date) -> str | None:
    """The BS date beside an AD date; None outside the BS table (the AD date stays)."""
    try:
        return dates.ad_to_bs(day).isoformat()
    except UsageError:
        return None


def money(value: Any, what: str, host: str) -> Decimal | None:
    """A published figure as an exact Decimal; ``None``, ``""`` and zero mean 'not published'.

    Accepts JSON numbers (read as Decimal, never float), and text with Indian or Western digit
    grouping (``3,06,800``) in ASCII or Devanagari digits. Anything else, negative numbers
    included, is a ParseError naming the source: a figure we cannot read must not be guessed.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise ParseError(f"{host} sent {what} as {value!r}")
    if isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, Decimal):
        amount = value
    elif isinstance(value, float):
        amount = Decimal(repr(value))
    elif isinstance(value, str):
        text = value.strip().translate(_DEVANAGARI_TO_ASCII)
        if not text:
            return None
        if not _PRICE_TEXT.fullmatch(text):
            raise ParseError(f"{host} sent {what} as {value!r}")
        amount = Decimal(text.replace(",", ""))
    else:
        raise ParseError(f"{host} sent {what} as {value!r}")
    if not amount.is_finite() or amount < 0 or amount > Decimal(10) ** 12:
        raise ParseError(f"{host} sent {what} as {value!r}")
    if not amount:
        return None
    return to_paisa(amount)


def to_paisa(amount: Decimal) -> Decimal:
    """Two decimal places when that is exact (``4089.5`` → ``4089.50``), so the same figure
    reads the same from every source; a figure with finer digits is kept as it is."""
    quantized = amount.quantize(CENT)
    return quantized if quantized == amount else amount


def sort_key(record: MetalPrice) -> tuple[str, int, int]:
    """Date, then fine gold, tejabi, silver, then tola before 10 g."""
    return (record.date, METALS.index(record.metal), UNITS.index(record.unit))


def fill_changes(records: Iterable[MetalPrice]) -> list[MetalPrice]:
    """Sorted records whose missing ``change`` is filled from the previous trading day of the
    same series in ``records`` (the source's own previous figure); a series' first day keeps
    None. Only use on records of one source with every trading day present."""
    result: list[MetalPrice] = []
    previous: dict[tuple[str, str], MetalPrice] = {}
    for record in sorted(records, key=sort_key):
        before = previous.get((record.metal, record.unit))
        if record.change is None and before is not None and before.date < record.date:
            record = dataclasses.replace(record, change=to_paisa(record.price - before.price))
        previous[(record.metal, record.unit)] = record
        result.append(record)
    return result


def require_rates(records: list[MetalPrice], host: str) -> list[MetalPrice]:
    """``records`` when there is at least one; a reply that should hold today's rates but
    holds none is unreadable (exit 4), and is not cached."""
    if not records:
        raise ParseError(f"{host} sent no gold or silver rates")
    return records
