"""A price history seen whole: per metal and unit, its points (``series``, what a chart
draws), their summary (``summaries``, what ``npkit gold --from … --stats`` prints) and one row
per day with a column per metal and unit (``wide``). No I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date as Date
from decimal import Decimal
from typing import Any

from npkit.gold.records import MetalPrice, sort_key
from npkit.stats import Stats, summarize

Points = list[tuple[Date, Decimal]]


@dataclass(frozen=True)
class _Series:
    """Which series a price summary is of (its first fields)."""

    metal: str
    unit: str


@dataclass(frozen=True)
class PriceSummary(Stats, _Series):
    """One metal's prices in one unit (NPR per ``unit``) over the trading days of a history:
    ``metal``, ``unit``, the fields of ``npkit.stats.Stats``, then ``source``."""

    source: str

    # How a table shows these records (npkit.output.render, npkit.output.table).
    TABLE_COLUMNS = (
        "metal", "unit", "days", "first", "last", "min", "min_date", "max", "max_date", "mean",
        "change", "change_pct",
    )  # fmt: skip
    TABLE_DROP = ("days", "first", "mean", "min_date", "max_date", "change", "min", "max")


def series(records: Sequence[MetalPrice]) -> dict[tuple[str, str], Points]:
    """(metal, unit) → its (day, price) points in date order; fine gold, tejabi, silver, then
    tola before 10 g (the records' own order)."""
    found: dict[tuple[str, str], Points] = {}
    for price in sorted(records, key=lambda r: (sort_key(r)[1:], r.date)):
        found.setdefault((price.metal, price.unit), []).append((price.date, price.price))
    return found


def summaries(records: Sequence[MetalPrice]) -> list[PriceSummary]:
    """Per metal and unit, the summary of its prices over the days of ``records``; ``source``
    names every source the figures came from (``,``-joined, in order of first use)."""
    sources: dict[tuple[str, str], list[str]] = {}
    for price in sorted(records, key=lambda r: r.date):
        named = sources.setdefault((price.metal, price.unit), [])
        if price.source not in named:
            named.append(price.source)
    result = []
    for (metal, unit), points in series(records).items():
        stats = summarize(points)
        if stats is not None:
            used = ",".join(sources[(metal, unit)])
            result.append(PriceSummary(metal=metal, unit=unit, source=used, **asdict(stats)))
    return result


def column_name(metal: str, unit: str) -> str:
    """The ``--wide`` column of a metal in a unit: ``fine_gold_tola``, ``silver_10g``."""
    return f"{metal}_{unit}"


def wide(records: Sequence[MetalPrice]) -> tuple[list[str], list[tuple[Any, ...]]]:
    """One row per trading day, one column per metal and unit (``column_name``): returns
    (the column names, rows of (date, date_bs, price, …)); a price a day lacks is None."""
    keys = list(series(records))
    table: dict[Date, dict[tuple[str, str], Decimal]] = {}
    bs: dict[Date, Any] = {}
    for price in records:
        table.setdefault(price.date, {})[(price.metal, price.unit)] = price.price
        bs[price.date] = price.date_bs
    rows = [(day, bs[day], *(table[day].get(key) for key in keys)) for day in sorted(table)]
    return [column_name(*key) for key in keys], rows
