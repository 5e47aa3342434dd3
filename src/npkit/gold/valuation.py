"""What a weight of gold or silver is worth at one day's published rate."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, localcontext
from typing import Any

from npkit.config import FetchOptions
from npkit.errors import UsageError
from npkit.gold.pricing import normalize_metal, prices
from npkit.gold.records import CENT, MetalPrice, Valuation
from npkit.gold.units import Weight, parse_weight, round_grams, round_tola


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
        fetched_at=used.fetched_at,
        stale=used.stale,
    )
