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
from datetime import date, datetime, time
from json.encoder import encode_basestring as _encode_string
from json.encoder import encode_basestring_ascii as _encode_key

TYPE_CHECKING = False  # typing is not imported at run time: `npkit date` starts faster
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import Any


_JSON_CONSTANTS = {None: "null", True: "true", False: "false"}


def _is_decimal(value: object) -> bool:
    """``isinstance(value, Decimal)`` without importing ``decimal`` (~2.5 ms, on every
    ``npkit date`` call)."""
    return _is_decimal_type(type(value))


def _is_decimal_type(kind: type) -> bool:
    """``issubclass(kind, Decimal)``, without importing ``decimal``: until something has
    imported it, no value can be a Decimal."""
    decimal = sys.modules.get("decimal")
    return decimal is not None and issubclass(kind, decimal.Decimal)


def json_value(value: Any) -> str:
    """JSON text of one value; Decimal becomes a JSON number with its exact digits. Each type's
    way is found once (``_json_way``) and kept: a year of days is ~7,000 values of a dozen
    types."""
    kind = type(value)
    way = _JSON_WAYS.get(kind)
    if way is None:
        way = _JSON_WAYS[kind] = _json_way(kind)
    return way(value)


def _json_way(kind: type) -> Callable[[Any], str]:
    """How ``json_value`` writes a value of type ``kind`` (the rules above, decided by type:
    a record's ``_fields`` and ``isoformat`` are its class's)."""
    if kind is str:  # what json.dumps(value, ensure_ascii=False) gives, without a new encoder
        return _encode_string
    if kind is type(None) or kind is bool:
        return _JSON_CONSTANTS.__getitem__
    if kind is int:
        return int.__repr__  # as json.dumps writes an int
    if _is_decimal_type(kind):
        return _decimal_json
    if issubclass(kind, date):
        return _iso_json  # a datetime too: ISO 8601 with its offset
    if issubclass(kind, time):
        return _time_json
    if issubclass(kind, tuple) and hasattr(kind, "_fields"):
        if hasattr(kind, "isoformat"):  # a BSDate: "2081-08-11", as in every other format
            return _iso_json
        # A nested record (a namedtuple: an event, a holiday) is an object, its fields in order.
        keys = tuple(f"{_encode_key(str(name))}: " for name in kind._fields)
        return lambda value: _json_fields(keys, value)
    if issubclass(kind, (list, tuple)):
        return _json_array
    if issubclass(kind, dict):
        return lambda value: _json_object(value.items())
    return _json_dumps


def _json_fields(keys: tuple[str, ...], value: tuple[Any, ...]) -> str:
    if len(keys) != len(value):  # (as zip(strict=True) would say)
        raise ValueError(f"a record of {len(value)} values for {len(keys)} fields")
    return "{" + ", ".join(map(str.__add__, keys, map(json_value, value))) + "}"


def _json_array(value: list[Any] | tuple[Any, ...]) -> str:
    return "[" + ", ".join(map(json_value, value)) + "]"


def _decimal_json(value: Any) -> str:
    return format(value, "f")


def _iso_json(value: Any) -> str:
    return f'"{value.isoformat()}"'


def _time_json(value: time) -> str:
    return f'"{hh_mm(value)}"'


def hh_mm(value: time | datetime) -> str:
    """``f"{value:%H:%M}"`` (sunrise ``06:33``) in half the time: no strftime."""
    return f"{value.hour:02d}:{value.minute:02d}"


def _json_dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


_JSON_WAYS: dict[type, Callable[[Any], str]] = {}


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
        return hh_mm(value)
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        # A BSDate is its ISO text; another record its own text (an event's name).
        return value.isoformat() if hasattr(value, "isoformat") else str(value)
    if isinstance(value, (list, tuple)):
        return ";".join(text_value(v) for v in value)
    return str(value)
