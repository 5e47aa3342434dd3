"""The record ``npkit land convert`` writes (field order = column order) and its card."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from npkit.output import card
from npkit.output.card import Line

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence


@dataclass(frozen=True)
class LandArea:
    """An area as read (``area``) and as asked for (``result``, as people write it; ``value``
    the same as a number of ``unit``), with its size in sq ft and m². Every figure is rounded
    half-up to ``places`` decimals from the exact area, once; ``exact`` says whether
    ``result`` needed no rounding."""

    area: str
    result: str
    value: Decimal
    unit: str
    sqft: Decimal
    m2: Decimal
    exact: bool
    places: int

    TABLE_COLUMNS = ("area", "result", "sqft", "m2")


def land_card(records: Sequence[LandArea]) -> list[Line] | None:
    """``2-5-3-1 ropani = 0-3-11.01 bigha`` and its size in sq ft and m²."""
    if len(records) != 1:
        return None
    from npkit.num import grouped

    r = records[0]
    about = "=" if r.exact else "≈"
    sizes = [(f"= {grouped(r.sqft)} sq ft", "sqft"), (f"= {grouped(r.m2)} m²", "m2")]
    return [
        (f"{r.area} {about} {r.result}",),
        tuple(text for text, unit in sizes if unit != r.unit),
    ]


card.register(LandArea, land_card)
