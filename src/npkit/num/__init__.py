"""Amounts for people in Nepal: in words for cheques and vouchers (English in lakh and crore,
or Nepali), grouped in lakh/crore, in Devanagari digits, compact, and read back from any of
these. Pure and offline; amounts are ``Decimal``, never float.

    >>> from npkit import num
    >>> num.to_words("125000.50", cheque=True)
    'Rupees One Lakh Twenty-Five Thousand and Fifty Paisa Only'
    >>> num.to_words("125000.50", nepali=True, cheque=True)
    'एक लाख पच्चीस हजार रुपैयाँ पचास पैसा मात्र'
    >>> num.parse_amount("सवा लाख")
    Decimal('125000')
    >>> num.grouped(num.parse_amount("1.25 crore"))
    '1,25,00,000'

Bad input (words it cannot place, more decimals than paisa, 10^19 or more) is a
``npkit.errors.UsageError``. The records of the command line are in ``npkit.num.records``.
"""

from __future__ import annotations

from npkit.num.amount import read_number
from npkit.num.currencies import CURRENCIES, Currency, currency_named
from npkit.num.format import compact, group_digits, grouped
from npkit.num.parse import parse_amount
from npkit.num.words import LIMIT, integer_words, to_words

__all__ = [
    "CURRENCIES",
    "LIMIT",
    "Currency",
    "compact",
    "currency_named",
    "group_digits",
    "grouped",
    "integer_words",
    "parse_amount",
    "read_number",
    "to_words",
]
