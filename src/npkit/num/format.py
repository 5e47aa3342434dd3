"""Amounts written for people in Nepal: lakh/crore grouping (``1,25,00,000.50``), Devanagari
digits (``१,२५,००,०००.५०``) and the compact form (``1.25 crore``, ``१.२५ करोड``)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext

from npkit.digits import TO_DEVANAGARI
from npkit.num.tables import SCALES

COMPACT_PLACES = 2
"""The compact form keeps two decimals (rounded half-up), trailing zeros dropped."""


def group_digits(digits: str) -> str:
    """'12500000' → '1,25,00,000': the last three digits, then pairs."""
    head, tail = digits[:-3], digits[-3:]
    pairs = [head[max(i - 2, 0) : i] for i in range(len(head), 0, -2)][::-1]
    return ",".join([*pairs, tail]) if head else tail


def grouped(amount: Decimal, *, devanagari: bool = False) -> str:
    """``amount`` with lakh/crore grouping, its decimals as given: 12500000.50 →
    '1,25,00,000.50' (devanagari: '१,२५,००,०००.५०')."""
    text = format(amount, "f")
    sign = "-" if text.startswith("-") else ""
    whole, point, fraction = text.lstrip("-").partition(".")
    result = sign + group_digits(whole) + point + fraction
    return result.translate(TO_DEVANAGARI) if devanagari else result


def compact(amount: Decimal, *, nepali: bool = False) -> str:
    """``amount`` in the largest scale it reaches, two decimals at most: 12500000 →
    '1.25 crore', 2500000 → '25 lakh', 15000 → '15 thousand' (nepali: '१.२५ करोड'); below a
    thousand the amount itself."""
    with localcontext(prec=200):  # no rounding before the one this form makes
        return _compact(amount, nepali)


def _compact(amount: Decimal, nepali: bool) -> str:
    size = abs(amount)
    chosen = None
    for index, (power, english, nepali_name) in enumerate(SCALES):
        unit = Decimal(10) ** power
        if size >= unit:
            shown = (size / unit).quantize(Decimal(1).scaleb(-COMPACT_PLACES), ROUND_HALF_UP)
            larger = SCALES[index - 1][0] if index else None
            if larger is not None and shown * unit >= Decimal(10) ** larger:
                power, english, nepali_name = SCALES[index - 1]
                shown = (size / Decimal(10) ** power).quantize(Decimal("0.01"), ROUND_HALF_UP)
            chosen = (shown, english.lower(), nepali_name)
            break
    if chosen is None:
        number = _plain(size)
        name = ""
    else:
        number = _plain(chosen[0])
        name = " " + (chosen[2] if nepali else chosen[1])
    text = ("-" if amount < 0 else "") + number + name
    return text.translate(TO_DEVANAGARI) if nepali else text


def _plain(value: Decimal) -> str:
    if value == value.to_integral_value():
        return format(value.quantize(Decimal(1)), "f")
    return format(value.normalize(), "f")
