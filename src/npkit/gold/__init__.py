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

The names below are imported on first use, so a warm ``npkit gold`` loads only what prices
need (``Provider`` is a ``typing.Protocol``, ``Weight`` a dataclass: each costs a start).
"""

from __future__ import annotations

from npkit import lazy_names

TYPE_CHECKING = False
if TYPE_CHECKING:
    from npkit.gold.chain import PROVIDERS, SOURCES
    from npkit.gold.pricing import LOOKBACK, normalize_metal, normalize_unit, prices
    from npkit.gold.provider import Provider
    from npkit.gold.records import METALS, UNITS, MetalPrice, Valuation
    from npkit.gold.units import Weight, parse_weight
    from npkit.gold.valuation import value, value_with

_EXPORTS = {
    "PROVIDERS": "npkit.gold.chain",
    "SOURCES": "npkit.gold.chain",
    "LOOKBACK": "npkit.gold.pricing",
    "normalize_metal": "npkit.gold.pricing",
    "normalize_unit": "npkit.gold.pricing",
    "prices": "npkit.gold.pricing",
    "Provider": "npkit.gold.provider",
    "METALS": "npkit.gold.records",
    "UNITS": "npkit.gold.records",
    "MetalPrice": "npkit.gold.records",
    "Valuation": "npkit.gold.records",
    "Weight": "npkit.gold.units",
    "parse_weight": "npkit.gold.units",
    "value": "npkit.gold.valuation",
    "value_with": "npkit.gold.valuation",
}
"""Each public name and the module it lives in."""

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


__getattr__ = lazy_names(__name__, _EXPORTS)  # each public name's module, on first use
