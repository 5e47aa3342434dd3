"""Land areas in Nepal: ropani-aana-paisa-daam (hills), bigha-kattha-dhur (Terai), square feet,
square metres, acres and hectares, converted exactly and rounded once, at the end.

    >>> from npkit import land
    >>> land.convert("2-5-3-1 ropani").result
    '0-3-11.01 bigha'
    >>> land.convert("1-2-5 bigha", to="sqft").result
    '81,101.25 sq ft'

Sizes and sources: ``npkit.land.units``. Bad input is a ``npkit.errors.UsageError``.
"""

from __future__ import annotations

from npkit.land.areas import (
    PLACES,
    convert,
    in_unit,
    mixed,
    read_area,
    round_half_up,
    to_metric,
)
from npkit.land.records import LandArea
from npkit.land.units import SYSTEMS, UNITS, Unit, unit_named

__all__ = [
    "PLACES",
    "SYSTEMS",
    "UNITS",
    "LandArea",
    "Unit",
    "convert",
    "in_unit",
    "mixed",
    "read_area",
    "round_half_up",
    "to_metric",
    "unit_named",
]
