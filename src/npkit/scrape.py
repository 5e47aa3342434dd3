"""What every source parser shares: the JSON body reader, money, ISO days, BS dates, digits.

One rule for each, so NRB, FENEGOSIDA, Nepali Patro and Hamro Patro read a figure or a day the
same way, and an unreadable one is always a one-line ``ParseError`` (exit 4) naming the host:

* ``load_json``: floats become ``Decimal`` (money is never rounded through a float),
  ``NaN``/``Infinity`` are refused; an empty, cut-off, non-JSON or HTML body is a ParseError;
* ``money``: a published figure, exact; ``None``, ``""`` and zero mean "not published";
* ``iso_day``: a ``YYYY-MM-DD`` key or field (ASCII digits only);
* ``bs_date``: the BS date beside an AD date (None outside the BS table).

Pure and offline; json and decimal are imported here, so only parsing pays for them.
"""

from __future__ import annotations

import json
import re
from datetime import date as Date
from decimal import Decimal

from npkit.digits import TO_ASCII
from npkit.errors import ParseError, UsageError
from npkit.text import quote

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from npkit.dates import BSDate

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_FIGURE = re.compile(r"\d{1,3}(?:,\d{2,3})*(?:\.\d{1,8})?|\d{1,12}(?:\.\d{1,8})?", re.ASCII)
MONEY_MAX = Decimal(10) ** 12
"""No published price or rate comes near this; a larger figure is junk, not money."""
CENT = Decimal("0.01")


def looks_like_markup(content: bytes) -> bool:
    """True for an HTML/XML page (a bot challenge, an outage notice) where JSON was expected."""
    return content[:512].lstrip().startswith(b"<")


def load_json(
    content: bytes, host: str, expected: str = "JSON", *, markup: str = "HTML page"
) -> Any:
    """The decoded JSON document of ``content``, or a ParseError saying what was wrong.

    For a page where JSON was expected the message says "sent an {markup} instead of
    {expected}" ("an HTML page instead of the rates JSON")."""
    if looks_like_markup(content):
        raise ParseError(
            f"{host} sent an {markup} instead of {expected} (a bot challenge or an outage notice?)"
        )
    try:
        return json.loads(content, parse_float=Decimal, parse_constant=_refuse)
    except (ValueError, RecursionError) as exc:
        if not content.strip():
            raise ParseError(f"{host} sent a response that is empty") from None
        detail = " ".join(str(exc).split())[:80]
        raise ParseError(
            f"{host} sent a response that is not valid JSON ({detail}; truncated?)"
        ) from None


def _refuse(constant: str) -> None:
    raise ValueError(f"{constant} is not a number")


def money(value: Any, what: str, host: str, *, paisa: bool = False) -> Decimal | None:
    """A published figure as an exact Decimal; ``None``, ``""`` and zero mean 'not published'.

    Accepts JSON numbers (read as Decimal, never float) and text with Indian or Western digit
    grouping (``3,06,800``) in ASCII or Devanagari digits. Anything else, negative numbers
    included, is a ParseError naming the source: a figure we cannot read must not be guessed.
    ``paisa``: two decimal places when that is exact (``4089.5`` → ``4089.50``), so the same
    figure reads the same from every gold source.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise ParseError(f"{host} sent {what} as {quote(value)}")
    if isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, Decimal):
        amount = value
    elif isinstance(value, float):
        amount = Decimal(repr(value))
    elif isinstance(value, str):
        text = value.strip().translate(TO_ASCII)
        if not text:
            return None
        if not _FIGURE.fullmatch(text):
            raise ParseError(f"{host} sent {what} as {quote(value)}")
        amount = Decimal(text.replace(",", ""))
    else:
        raise ParseError(f"{host} sent {what} as {quote(value)}")
    if not amount.is_finite() or amount < 0 or amount > MONEY_MAX:
        raise ParseError(f"{host} sent {what} as {quote(value)}")
    if not amount:
        return None
    return to_paisa(amount) if paisa else amount


def to_paisa(amount: Decimal) -> Decimal:
    """Two decimal places when that is exact (``4089.5`` → ``4089.50``); finer digits kept."""
    quantized = amount.quantize(CENT)
    return quantized if quantized == amount else amount


def iso_day(value: Any) -> Date | None:
    """``YYYY-MM-DD`` (ASCII digits, a real day) as a date; None for anything else, so the
    caller can say what it was in its own words."""
    if isinstance(value, str) and _ISO_DAY.fullmatch(value):
        try:
            return Date.fromisoformat(value)
        except ValueError:
            return None
    return None


def bs_date(day: Date) -> BSDate | None:
    """The BS date beside an AD date; None outside the BS table (the AD date stays)."""
    from npkit import dates

    try:
        return dates.ad_to_bs(day)
    except UsageError:
        return None
