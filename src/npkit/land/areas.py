"""Reading an area as people write it and writing it in any unit, rounding only at the end.

Read: ``2-5-3-1 ropani`` (ropani-aana-paisa-daam), ``1-2-5 bigha`` (bigha-kattha-dhur), ``2
ropani 5 aana``, ``१-५-२-० रोपनी``, ``5476 sq ft``, ``0.5 ha``. Written: a traditional system
the way people write it (``0-3-11.01 bigha``: whole places, the last one rounded half-up to
``places`` decimals, carried up when it rounds to a whole next place), or a decimal in any
unit (``12,941.33 sq ft``).
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

from npkit.digits import TO_ASCII
from npkit.errors import UsageError
from npkit.land.records import LandArea
from npkit.land.units import PHRASES, SQ_FT_M2, SYSTEMS, UNITS, Unit, unit_named
from npkit.num import grouped
from npkit.text import quote

PLACES = 2
"""Decimals of an answer unless asked otherwise (the last place of a mixed answer)."""
_GLUE = re.compile(r"(?<=[\d.])(?=[^\d.\s-])")
_NUMBER = re.compile(r"\d+(?:\.\d+)?|\.\d+")


def _unreadable(area: str, why: str) -> UsageError:
    return UsageError(f"cannot read {quote(area, 60)} as an area: {why}")


def _number(text: str, area: str) -> Fraction:
    plain = text.replace(",", "")
    if not _NUMBER.fullmatch(plain):
        raise _unreadable(area, f"{quote(text, 30)} is not a number")
    return Fraction(Decimal(plain))


def area_words(text: str) -> list[str]:
    plain = " ".join(text.translate(TO_ASCII).lower().split())
    for phrase, name in PHRASES:
        plain = plain.replace(phrase, name)
    return _GLUE.sub(" ", plain).split()


def _dashed(token: str, unit: Unit, area: str) -> Fraction:
    """``2-5-3-1`` in ``unit``'s system, starting at ``unit``'s place."""
    if not unit.system:
        raise _unreadable(area, f"{unit.name} has no places (give one number)")
    places = SYSTEMS[unit.system]
    start = places.index(unit.name)
    parts = token.split("-")
    if len(parts) > len(places) - start:
        written = "-".join(p[0].upper() for p in places[start:])
        raise _unreadable(area, f"{unit.name} has {written}, not {len(parts)} places")
    total = Fraction(0)
    for index, (part, name) in enumerate(zip(parts, places[start:], strict=False)):
        value = _number(part, area)
        size = UNITS[name].sqft
        bound = UNITS[places[start + index - 1]].sqft / size if index else None
        if bound is not None and value >= bound:
            above = places[start + index - 1]
            raise _unreadable(
                area,
                f"{part} {name} is a whole {above} or more (the {name} place holds less "
                f"than {bound})",
            )
        total += value * size
    return total


def read_area(text: str, unit: str | None = None) -> Fraction:
    """The area ``text`` says, in exact square feet (``unit``: the unit when the text has none).
    A negative, unitless or unreadable area is a UsageError."""
    words = area_words(text) + ([unit] if unit else [])
    if not words:
        raise UsageError("give an area such as '2-5-3-1 ropani', '1-2-5 bigha' or '5476 sqft'")
    if any(word.startswith("-") for word in words):
        raise _unreadable(text, "an area cannot be negative")
    total = Fraction(0)
    pending: str | None = None
    for word in words:
        if word[0].isdigit() or word[0] == ".":
            if pending is not None:
                raise _unreadable(text, f"{quote(pending, 30)} has no unit")
            pending = word
            continue
        if pending is None:
            raise _unreadable(text, f"{quote(word, 30)} has no number before it")
        found = unit_named(word)
        if "-" in pending:
            total += _dashed(pending, found, text)
        else:
            total += _number(pending, text) * found.sqft
        pending = None
    if pending is not None:
        raise _unreadable(text, "say the unit (ropani, bigha, sqft …)")
    return total


def scaled_half_up(value: Fraction, places: int) -> int:
    """``value`` × 10^places rounded half-up to a whole number, exactly."""
    scaled = value * Fraction(10) ** places
    whole, rest = divmod(scaled.numerator, scaled.denominator)
    return whole + 1 if 2 * rest >= scaled.denominator else whole


def round_half_up(value: Fraction, places: int) -> Decimal:
    """``value`` rounded half-up to ``places`` decimals, exactly (no float, no double rounding,
    no digit limit)."""
    return Decimal(f"{scaled_half_up(value, places)}E-{places}")


def in_unit(sqft: Fraction, unit: str) -> Fraction:
    """An area of ``sqft`` square feet in ``unit``, exact."""
    return sqft / unit_named(unit).sqft


def mixed(sqft: Fraction, system: str, places: int = PLACES) -> tuple[str, Decimal]:
    """The area written in ``system`` as people do (``0-3-11.01 bigha``) and the smallest
    place's count as rounded (to tell whether the answer is exact). Whole numbers throughout:
    no size is too large."""
    names = SYSTEMS[system]
    rest = scaled_half_up(sqft / UNITS[names[-1]].sqft, places)  # in 10^-places of it
    smallest = Decimal(f"{rest}E-{places}")
    counts: list[int] = []
    for name in names[:-1]:
        ratio = int(UNITS[name].sqft / UNITS[names[-1]].sqft) * 10**places
        count, rest = divmod(rest, ratio)
        counts.append(count)
    whole, part = divmod(rest, 10**places)
    written = str(whole) + (f".{part:0{places}d}".rstrip("0") if part else "")
    return f"{'-'.join([*map(str, counts), written])} {system}", smallest


def to_metric(sqft: Fraction) -> Fraction:
    """Square feet in square metres (by the international foot), exact."""
    return sqft * SQ_FT_M2


def valid_places(places: int) -> int:
    """``places`` if it is 0–10, else a UsageError."""
    if not 0 <= places <= 10:
        raise UsageError(f"--places must be 0 to 10, not {places}")
    return places


def _first_unit(text: str, unit: str | None) -> Unit | None:
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
