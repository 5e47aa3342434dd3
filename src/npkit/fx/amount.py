"""Reading an amount of money as people type it: the one reader behind ``npkit fx convert`` and
the CSV ledger (``npkit.sheets``), so one figure is read one way everywhere.

Accepted: ``1500``, ``1500.50``, thousands separators in English (``1,250,000.50``) or Nepali/
Indian (``12,50,000``) grouping, ``1 500`` and ``1_500``, Devanagari digits (``१५००``). Refused:
a comma that is no thousands separator (``120,00``: a decimal comma? ``1,5,0,0``?), since
guessing would read a hundredfold amount without a word; ``decimal_comma=True`` reads
``1.250,50`` as European spreadsheets write it. Never a float: the text becomes a ``Decimal``.
"""

from __future__ import annotations

import re
from decimal import Decimal

from npkit.digits import TO_ASCII
from npkit.errors import UsageError
from npkit.text import quote

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_PLAIN = re.compile(r"\d{1,20}(?:\.\d{1,12})?", re.ASCII)
_GROUPED = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3})(?:\.\d+)?", re.ASCII)
"""Thousands separators as written in English (1,250,000.50) or Nepali (12,50,000.50) style."""


class CommaAmountError(UsageError):
    """An amount whose comma is not a thousands separator (``120,00``). A ``UsageError``; its
    own class so that a caller with a way out (the ledger's ``--decimal-comma``) can say so."""


def parse_amount(value: Any, *, signed: bool = False, decimal_comma: bool = False) -> Decimal:
    """An exact ``Decimal`` from what people type: ``1500``, ``1,500.50``, ``12,50,000``,
    ``१५००`` (or an int/Decimal). ``signed`` accepts ``-200`` (a refund in a ledger); without it
    an amount is zero or more. ``decimal_comma`` reads ``1.250,50`` (``.`` groups, ``,`` is the
    decimal point). Anything else is a ``UsageError`` of one line."""
    if isinstance(value, Decimal) or (isinstance(value, int) and not isinstance(value, bool)):
        amount = Decimal(value)
    elif isinstance(value, (str, float)):
        amount = _read(str(value), decimal_comma)
    else:
        raise UsageError(f"amount must be a number, not {quote(value)}")
    if not amount.is_finite() or (amount < 0 and not signed):
        raise UsageError(f"amount must be zero or more, not {quote(value)}")
    return amount


def _read(value: str, decimal_comma: bool) -> Decimal:
    text = value.strip().translate(TO_ASCII)
    negative = text.startswith("-")
    if negative:
        text = text[1:]
    if decimal_comma:
        text = text.replace(".", "").replace(" ", "").replace(",", ".")
    if not _PLAIN.fullmatch(text):  # the common case skips the rest
        if "," in text and not _GROUPED.fullmatch(text.replace(" ", "")):
            sign = "-" if negative else ""
            fix = sign + text.replace(",", ".") if text.count(",") == 1 else "it like 1,500.50"
            raise CommaAmountError(
                f"amount {quote(value.strip())} has a comma that is not a thousands separator: "
                f"write {fix}"
            )
        text = text.replace(",", "").replace("_", "").replace(" ", "")
        if not _PLAIN.fullmatch(text):
            raise UsageError(f"amount must be a number like 1500 or 1,500.50, not {quote(value)}")
    amount = Decimal(text)
    return -amount if negative else amount
