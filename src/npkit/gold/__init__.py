"""Gold and silver prices in Nepal (FENEGOSIDA's daily rates), history, value of a weight.

No Click, and no HTTP library until a price is fetched::

    >>> from npkit import gold
    >>> gold.prices()                                       # doctest: +SKIP
    [MetalPrice(date=datetime.date(2026, 8, 17), date_bs=BSDate(year=2083, month=5, day=1),
                metal='fine_gold', unit='tola', price=Decimal('306800.00'), …), …]
    >>> gold.prices(start="2026-08-06", end="2026-08-17", unit="tola")   # doctest: +SKIP
    >>> gold.value("2 tola 5 aana")                          # doctest: +SKIP
    Valuation(weight='2 tola 5 aana', tola=Decimal('2.3125'), …, value=Decimal('709475.00'), …)

Each source is a module satisfying ``provider.Provider`` (a pure ``parse(content, url)``, a
thin ``fetch``, ``cannot_answer``): ``fenegosida``, ``nepalipatro``, ``hamropatro``; ``chain``
decides which to ask; ``pricing`` and ``valuation`` are the logic, ``records`` the records.
"""

from __future__ import annotations

from npkit.gold.chain import PROVIDERS, SOURCES
from npkit.gold.pricing import LOOKBACK, normalize_metal, normalize_unit, prices
from npkit.gold.provider import Provider
from npkit.gold.records import METALS, UNITS, MetalPrice, Valuation
from npkit.gold.units import Weight, parse_weight
from npkit.gold.valuation import value, value_with

__all__ = [
    "LOOKBACK",
    "METALS",
    "PROVIDERS",
    "SOURCES",
    "UNITS",
    "MetalPrice",
    "Provider",
    "Valuation",
    "Weight",
    "normalize_metal",
    "normalize_unit",
    "parse_weight",
    "prices",
    "value",
    "value_with",
]
