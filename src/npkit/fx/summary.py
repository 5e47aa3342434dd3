"""A rates history seen whole: per currency, the points of one figure (``series``, what a
chart draws) and their summary (``summaries``, what ``npkit fx --from … --stats`` prints). No I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date as Date
from decimal import Decimal

from npkit.fx.records import SOURCE, Rate
from npkit.stats import Stats, summarize


@dataclass(frozen=True)
class _Series:
    """Which series a rates summary is of (its first fields)."""

    currency: str
    unit: int
    side: str


@dataclass(frozen=True)
class RateSummary(Stats, _Series):
    """One currency's history of one figure (``side``: buy, sell or mid), NPR per ``unit``:
    ``currency``, ``unit``, ``side``, the fields of ``npkit.stats.Stats``, then ``source``."""

    source: str = SOURCE

    # How a table shows these records (npkit.output.render, npkit.output.table).
    TABLE_COLUMNS = (
        "currency", "unit", "side", "days", "first", "last", "min", "min_date", "max", "max_date",
        "mean", "change", "change_pct",
    )  # fmt: skip
    TABLE_DROP = ("side", "days", "first", "mean", "min_date", "max_date", "change", "min", "max")


Points = list[tuple[Date, Decimal]]


def series(records: Sequence[Rate], side: str = "buy") -> dict[tuple[str, int], Points]:
    """(currency, unit) → its (day, figure) points in date order, in NRB's currency order;
    days without the figure (not quoted) are left out, a currency with none is absent."""
    found: dict[tuple[str, int], Points] = {}
    for rate in sorted(records, key=lambda r: r.date):  # stable: NRB's order within a day
        figure = rate.value(side)
        if figure is not None:
            found.setdefault((rate.currency, rate.unit), []).append((rate.date, figure))
    return found


def summaries(records: Sequence[Rate], side: str = "buy") -> list[RateSummary]:
    """Per currency, the summary of its ``side`` figure over the days of ``records``."""
    result = []
    for (currency, unit), points in series(records, side).items():
        stats = summarize(points)
        if stats is not None:
            result.append(RateSummary(currency=currency, unit=unit, side=side, **asdict(stats)))
    return result
