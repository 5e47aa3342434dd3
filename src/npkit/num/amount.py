"""Reading an amount written in digits: ``125000``, ``1,25,000.50``, ``१,२५,०००``, ``-500``."""

from __future__ import annotations

import re
from decimal import Context, Decimal, Inexact, InvalidOperation, Overflow

from npkit.digits import TO_ASCII
from npkit.errors import UsageError
from npkit.text import quote

_NUMBER = re.compile(r"[+-]?(?:\d+(?:,\d+)*)?(?:\.\d+)?")
MAX_DIGITS = 40
"""Amounts of more digits than this are refused (a cheque has 21 at most)."""
EXACT = Context(prec=4 * MAX_DIGITS, traps=[Inexact, InvalidOperation, Overflow])
"""The context of every sum and product of npkit.num: any rounding raises, never goes unseen."""


def is_number(text: str) -> bool:
    """Whether ``text`` is an amount in digits (ASCII or Devanagari, grouping commas allowed)."""
    plain = text.translate(TO_ASCII)
    return bool(plain) and any(c.isdigit() for c in plain) and _NUMBER.fullmatch(plain) is not None


def read_number(text: str) -> Decimal:
    """The amount ``text`` writes in digits, exactly (a Decimal keeps the decimals typed);
    anything else is a UsageError."""
    plain = text.strip().translate(TO_ASCII)
    if not is_number(plain):
        raise UsageError(f"cannot read {quote(text.strip(), 60)} as an amount")
    if sum(c.isdigit() for c in plain) > MAX_DIGITS:
        raise UsageError(f"{quote(text.strip(), 30)} has more than {MAX_DIGITS} digits")
    try:
        return Decimal(plain.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
        raise UsageError(f"cannot read {quote(text.strip(), 60)} as an amount") from None
