"""Reading a remote JSON body: exact numbers, and one-line ParseErrors naming the host.

Every JSON source (NRB, FENEGOSIDA, Nepali Patro) reads its bytes through ``load``: floats
become ``Decimal`` (money is never rounded through a float), ``NaN``/``Infinity`` are refused,
and an empty, cut-off or non-JSON body is a ``ParseError`` (exit 4), never a traceback.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from npkit.errors import ParseError


def looks_like_markup(content: bytes) -> bool:
    """True for an HTML/XML page (a bot challenge, an outage notice) where JSON was expected."""
    return content[:512].lstrip().startswith(b"<")


def load(content: bytes, host: str) -> Any:
    """The decoded JSON document of ``content``, or a ParseError saying what was wrong."""
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
