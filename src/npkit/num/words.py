"""Amounts in words, in the Indian/Nepali system (lakh, crore, arab …), English or Nepali.

Cheques and vouchers in Nepal write "Rupees One Lakh Twenty-Five Thousand and Fifty Paisa
Only" or "एक लाख पच्चीस हजार रुपैयाँ पचास पैसा मात्र": never millions, never a float.
"""

from __future__ import annotations

from decimal import Decimal, Inexact, localcontext

from npkit.errors import UsageError
from npkit.num.amount import EXACT
from npkit.num.currencies import SHARED_NAMES, Currency, currency_named
from npkit.num.tables import (
    ENGLISH_0_19,
    ENGLISH_TENS,
    HUNDRED,
    LIMIT_DIGITS,
    NEPALI_0_99,
    SCALES,
)

LIMIT = 10**LIMIT_DIGITS
"""The first amount too large to write in words (10^19)."""
_SCALES = tuple((10**power, english, nepali) for power, english, nepali in SCALES)
MINUS = ("Minus", "ऋण")
POINT = ("Point", "दशमलव")
ONLY = ("Only", "मात्र")


def _below_100(n: int, nepali: bool) -> str:
    if nepali:
        return NEPALI_0_99[n]
    if n < 20:
        return ENGLISH_0_19[n]
    tens, unit = divmod(n, 10)
    return ENGLISH_TENS[tens] + (f"-{ENGLISH_0_19[unit]}" if unit else "")


def integer_words(n: int, *, nepali: bool = False) -> str:
    """A whole number 0 ≤ n < 10^19 in words: 125000 → 'One Lakh Twenty-Five Thousand'
    (nepali: 'एक लाख पच्चीस हजार')."""
    if not 0 <= n < LIMIT:
        raise UsageError(f"{n} is out of range: amounts in words go up to {LIMIT - 1:,}")
    if n == 0:
        return _below_100(0, nepali)
    words = []
    for size, english, nepali_name in _SCALES if n >= 1000 else ():
        count, n = divmod(n, size)
        if count:
            words.append(f"{_below_100(count, nepali)} {nepali_name if nepali else english}")
    hundreds, n = divmod(n, 100)
    if hundreds:
        words.append(f"{_below_100(hundreds, nepali)} {HUNDRED[nepali]}")
    if n:
        words.append(_below_100(n, nepali))
    return " ".join(words)


def _split(amount: Decimal, currency: Currency | None) -> tuple[int, int, str]:
    """The whole part, the minor units (paisa) and, with no currency, the decimals as typed."""
    whole = int(amount)
    if currency is None:
        digits = format(amount, "f").partition(".")[2]
        return whole, 0, digits
    step = Decimal(1).scaleb(-currency.places)
    with localcontext(EXACT.copy()) as context:
        context.traps[Inexact] = False
        rounded = amount.quantize(step)
    if amount != rounded:
        unit = currency.minor_many.lower() if currency.places else "whole units"
        raise UsageError(
            f"{amount} has more decimals than {currency.code} has ({currency.places}, {unit}): "
            "round it first"
        )
    return whole, int((amount - whole).scaleb(currency.places)), ""


def to_words(
    amount: Decimal | int | str,
    *,
    nepali: bool = False,
    cheque: bool = False,
    currency: str | None = "NPR",
) -> str:
    """``amount`` in words: '1,25,000.50' → 'One Lakh Twenty-Five Thousand Rupees and Fifty
    Paisa'; ``cheque`` → 'Rupees One Lakh Twenty-Five Thousand and Fifty Paisa Only' (Nepali:
    'एक लाख पच्चीस हजार रुपैयाँ पचास पैसा मात्र'). ``currency``: a code (NPR, USD, …) or
    'none' / None for the bare number. More decimals than the currency's minor unit, a
    negative cheque or an amount of 10^19 or more is a UsageError."""
    value = amount if isinstance(amount, Decimal) else Decimal(str(amount))
    if not value.is_finite():
        raise UsageError(f"cannot write {amount} in words")
    if abs(value) >= LIMIT:
        raise UsageError(f"{value} is out of range: amounts in words go up to {LIMIT - 1:,}")
    chosen = currency_named(currency)
    if cheque and chosen is None:
        raise UsageError("a cheque needs a currency (--currency NPR, USD, …)")
    if cheque and value < 0:
        raise UsageError(f"a cheque amount cannot be negative ({value})")
    whole, minor, digits = _split(abs(value), chosen)
    lang = int(nepali)
    text = (
        _number_text(whole, digits, nepali)
        if chosen is None
        else _money(whole, minor, chosen, nepali, cheque)
    )
    return f"{MINUS[lang]} {text}" if value < 0 and (whole or minor or digits.strip("0")) else text


def _number_text(whole: int, digits: str, nepali: bool) -> str:
    text = integer_words(whole, nepali=nepali)
    if digits:
        spoken = " ".join(_below_100(int(d), nepali) for d in digits)
        text += f" {POINT[nepali]} {spoken}"
    return text


def _money(whole: int, minor: int, currency: Currency, nepali: bool, cheque: bool) -> str:
    # Below one unit the subunit stands alone ("Fifty Paisa"), unless that would not say which
    # currency: "One Hundred Fils" (Kuwaiti or UAE?), "Fifty Dirhams" (Qatari or UAE?).
    shared = {currency.minor_one, currency.minor_many, currency.minor_nepali} & SHARED_NAMES
    alone = not minor or currency.places != 2 or bool(shared)
    major = integer_words(whole, nepali=nepali)
    small = integer_words(minor, nepali=nepali) if minor else ""
    if nepali:
        parts = [f"{major} {currency.nepali}"] if whole or cheque or alone else []
        if minor:
            parts.append(f"{small} {currency.minor_nepali}")
        return " ".join(parts) + (f" {ONLY[1]}" if cheque else "")
    minor_name = currency.minor_one if minor == 1 else currency.minor_many
    if cheque:
        text = f"{currency.many} {major}"
        return text + (f" and {small} {minor_name}" if minor else "") + f" {ONLY[0]}"
    parts = [f"{major} {currency.one if whole == 1 else currency.many}"] if whole or alone else []
    if minor:
        parts.append(f"{small} {minor_name}")
    return " and ".join(parts)
