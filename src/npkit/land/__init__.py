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

from npkit.land.convert import PLACES, in_unit, mixed, read_area, round_half_up, to_metric
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


def _first_unit(text: str, unit: str | None) -> Unit | None:
    from npkit.land.convert import area_words

    for word in [*area_words(text), *([unit] if unit else [])]:
        if not (word[0].isdigit() or word[0] == "."):
            return unit_named(word)
    return None


def convert(
    text: str,
    unit: str | None = None,
    *,
    to: str | None = None,
    places: int = PLACES,
    decimal: bool = False,
) -> LandArea:
    """``text`` (with ``unit`` when it has none) converted ``to`` a unit: ropani or bigha
    written as people do (``0-3-11.01 bigha``) unless ``decimal``, any other unit as a decimal.
    Default ``to``: the other traditional system (ropani for sq ft, m², acre, hectare)."""
    from npkit.land.convert import valid_places
    from npkit.num import grouped

    valid_places(places)
    sqft = read_area(text, unit)
    first = _first_unit(text, unit)
    if to is None:
        target = UNITS["bigha" if first is not None and first.system == "ropani" else "ropani"]
    else:
        target = unit_named(to)
    exact_value = sqft / target.sqft
    value = round_half_up(exact_value, places)
    if target.name in SYSTEMS and not decimal:
        result, smallest = mixed(sqft, target.name, places)
        smallest_size = UNITS[SYSTEMS[target.name][-1]].sqft
        exact = smallest == sqft / smallest_size
    else:
        result = f"{grouped(value)} {target.label}"
        exact = value == exact_value
    area = " ".join(text.split()) + (f" {unit}" if unit else "")
    return LandArea(
        area=area,
        result=result,
        value=value,
        unit=target.name,
        sqft=round_half_up(sqft, places),
        m2=round_half_up(to_metric(sqft), places),
        exact=exact,
        places=places,
    )
