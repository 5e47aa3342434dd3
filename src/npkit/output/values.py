"""One value as JSON text or as plain text (csv, tsv, raw, tables): the rules in one place.

- a ``date`` is ISO ``YYYY-MM-DD``; a ``datetime`` ISO 8601 with its offset; a ``time`` is
  ``HH:MM`` (times are to the minute: sunrise ``06:33``), in JSON as in text;
- a date-like record (a namedtuple with ``isoformat``: ``BSDate``) is its ISO text;
- another nested record (a namedtuple: an event, a holiday) is a JSON object of its fields, and
  in text its ``str()`` (records define it: an event's name, a holiday's name and scope);
- a tuple or list is a JSON array, and in text its items ``;``-joined;
- Decimal is a JSON number with its exact digits; None is ``null`` or empty text.
"""

from __future__ import annotations

import json
import sys
from datetime import date, time
from json.encoder import encode_basestring as _encode_string
from json.encoder import encode_basestring_ascii as _encode_key

TYPE_CHECKING = False  # typing is not imported at run time: `npkit date` starts faster
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any


_JSON_CONSTANTS = {None: "null", True: "true", False: "false"}


def _is_decimal(value: object) -> bool:
    """``isinstance(value, Decimal)`` without importing ``decimal`` (~2.5 ms, on every
    ``npkit date`` call): until something has imported it, no value can be a Decimal."""
    decimal = sys.modules.get("decimal")
    return decimal is not None and isinstance(value, decimal.Decimal)


def json_value(value: Any) -> str:
    """JSON text of one value; Decimal becomes a JSON number with its exact digits."""
    kind = type(value)
    if kind is str:  # what json.dumps(value, ensure_ascii=False) gives, without a new encoder
        return _encode_string(value)
    if value is None or kind is bool:
        return _JSON_CONSTANTS[value]
    if kind is int:
        return int.__repr__(value)  # as json.dumps writes an int
    if _is_decimal(value):
        return format(value, "f")
    if isinstance(value, date):
        return f'"{value.isoformat()}"'  # a datetime too: ISO 8601 with its offset
    if isinstance(value, time):
        return f'"{value:%H:%M}"'
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        if hasattr(value, "isoformat"):  # a BSDate: "2081-08-11", as in every other format
            return f'"{value.isoformat()}"'
        # A nested record (a namedtuple: an event, a holiday) is an object, its fields in order.
        return _json_object(zip(value._fields, value, strict=True))
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(json_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return _json_object(value.items())
    return json.dumps(value, ensure_ascii=False)


def _json_object(items: Iterable[tuple[Any, Any]]) -> str:
    return "{" + ", ".join(f"{_encode_key(str(k))}: {json_value(v)}" for k, v in items) + "}"


def text_value(value: Any) -> str:
    """Plain-text form of one value for csv, tsv, raw and tables."""
    if type(value) is str:
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if _is_decimal(value):
        return format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return f"{value:%H:%M}"
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        # A BSDate is its ISO text; another record its own text (an event's name).
        return value.isoformat() if hasattr(value, "isoformat") else str(value)
    if isinstance(value, (list, tuple)):
        return ";".join(text_value(v) for v in value)
    return str(value)
