"""Nepal Rastra Bank exchange rates: latest, by date, history, conversion. No Click.

    >>> from npkit import fx
    >>> fx.rates(["USD"], date="2024-11-26")            # doctest: +SKIP
    [Rate(date=datetime.date(2024, 11, 26), date_bs=BSDate(year=2081, month=8, day=11), ...)]
    >>> fx.convert("100", "USD")                         # doctest: +SKIP
    Conversion(amount=Decimal('100'), from_='USD', to='NPR', rate=Decimal('152.04'), ...)

``records`` (Rate, Conversion, Day, Page), ``nrb`` (the source: pure ``parse`` + thin
``fetch_days``), ``query`` (which codes and days), ``amount`` (reading an amount as people type it),
``conversion`` (the one rule: cross rates and rounding to the target's minor unit), ``ledger``
(a span of days for valuing many rows). Nothing here
imports an HTTP library until a rate is fetched, and a fresh cached answer needs none at all.
"""

from __future__ import annotations

from npkit.fx.amount import parse_amount
from npkit.fx.conversion import convert, convert_with, minor_unit
from npkit.fx.nrb import fetch_days, flatten, parse
from npkit.fx.query import latest_day, normalize_codes, rates, select, wide
from npkit.fx.records import (
    CONVERSION_COLUMNS,
    HOME,
    KNOWN_CURRENCIES,
    SIDES,
    SOURCE,
    Conversion,
    Day,
    Rate,
)

__all__ = [
    "CONVERSION_COLUMNS",
    "HOME",
    "KNOWN_CURRENCIES",
    "SIDES",
    "SOURCE",
    "Conversion",
    "Day",
    "Rate",
    "convert",
    "convert_with",
    "fetch_days",
    "flatten",
    "latest_day",
    "minor_unit",
    "normalize_codes",
    "parse",
    "parse_amount",
    "rates",
    "select",
    "wide",
]
