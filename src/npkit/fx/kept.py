"""NRB's parsed replies kept beside the cached bytes (``PAGE_CODEC``, an ``npkit.http.Codec``).

Reading a cached ``/rates`` reply again costs more than the rest of a warm ``npkit fx``: the
JSON, a ``strptime`` per day (whose first call imports and sets up ``_strptime``) and the BS date
of every day (the calendar table). So the ``Page`` that ``nrb.parse_page`` made of a reply is
kept as compact JSON and read back with ``fromisoformat`` and ``Decimal``, nothing else.

The encoding follows the records' own fields (``_fields``), each value tagged with
its type, so it reads back exactly what was parsed (``repr`` for ``repr``) whatever the fields
hold; the tag names the fields, so a changed record is a miss, never a wrong value.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from npkit.dates import NEPAL_TZ, BSDate
from npkit.fx.records import Day, Page, Rate
from npkit.http import Codec

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

FORMAT = 2
"""Bump when ``nrb.parse_page`` changes what a reply's bytes give (the fields are in the tag)."""

_RATE_FIELDS: tuple[str, ...] = Rate._fields
_DAY_FIELDS: tuple[str, ...] = Day._fields
_DAY_VALUES = tuple(name for name in _DAY_FIELDS if name != "rates")  # the rates come last


def encode_value(value: Any) -> Any:
    """One field's value as JSON: text, numbers, booleans and None as themselves; Decimal,
    dates, datetimes and BS dates as ``{"decimal" | "date" | "datetime" | "bs": ISO text}``."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, BSDate):
        return {"bs": value.isoformat()}
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    if isinstance(value, datetime):  # before date: a datetime is a date
        return {"datetime": value.isoformat()}
    if isinstance(value, date):
        return {"date": value.isoformat()}
    raise TypeError(f"cannot keep a {type(value).__name__}")


def decode_value(value: Any) -> Any:
    """The value ``encode_value`` wrote; ``ValueError`` for anything else."""
    if not isinstance(value, dict):
        if value is None or isinstance(value, (str, bool, int)):
            return value
        raise ValueError(f"not a kept value: {type(value).__name__}")
    if len(value) != 1:
        raise ValueError("not a kept value")
    ((kind, text),) = value.items()
    if not isinstance(text, str):
        raise ValueError(f"bad {kind}")
    return _decoded(kind, text)


@lru_cache(maxsize=4096)
def _decoded(kind: str, text: str) -> Any:
    """One tagged value; remembered, as a page repeats a day's dates and stamp on each of its
    ~22 rates (the values are immutable, so sharing one object is safe)."""
    if kind == "decimal":
        try:
            return Decimal(text)
        except InvalidOperation:
            raise ValueError(f"bad decimal {text!r}") from None
    if kind == "date":
        return date.fromisoformat(text)
    if kind == "bs":  # written from a checked BSDate: read back unchecked (no calendar table)
        year, month, day = (int(part) for part in text.split("-"))  # ValueError if not 3 ints
        return BSDate._make((year, month, day))
    if kind == "datetime":
        moment = datetime.fromisoformat(text)
        if moment.utcoffset() == NEPAL_TZ.utcoffset(None):
            moment = moment.replace(tzinfo=NEPAL_TZ)  # the parser's own zone, not a copy
        return moment
    raise ValueError(f"unknown kind {kind!r}")


def encode_page(page: Page) -> bytes:
    days = [
        [
            *(encode_value(getattr(day, name)) for name in _DAY_VALUES),
            [[encode_value(getattr(rate, name)) for name in _RATE_FIELDS] for rate in day.rates],
        ]
        for day in page.days
    ]
    document = {"page": page.page, "pages": page.pages, "days": days}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def decode_page(data: bytes) -> Page:
    """The ``Page`` of ``encode_page``; ``ValueError`` for anything else."""
    try:
        document = json.loads(data)  # a UnicodeDecodeError or JSONDecodeError is a ValueError
    except RecursionError:
        raise ValueError("nested too deeply") from None
    if not isinstance(document, dict) or sorted(document) != ["days", "page", "pages"]:
        raise ValueError("not a kept page")
    page, pages, rows = document["page"], document["pages"], document["days"]
    if not (isinstance(page, int) and isinstance(pages, int) and isinstance(rows, list)):
        raise ValueError("not a kept page")
    try:
        days = tuple(_day(row) for row in rows)
    except TypeError as exc:  # a field missing or of the wrong shape
        raise ValueError(f"not a kept day: {exc}") from None
    return Page(days, page, pages)


def _day(row: Any) -> Day:
    if not isinstance(row, list) or len(row) != len(_DAY_FIELDS):
        raise ValueError("not a kept day")
    *values, rates = row
    if not isinstance(rates, list):
        raise ValueError("not a kept day")
    return Day._make([*map(decode_value, values), tuple(_rate(rate) for rate in rates)])


def _rate(row: Any) -> Rate:
    if not isinstance(row, list) or len(row) != len(_RATE_FIELDS):
        raise ValueError("not a kept rate")
    return Rate._make(map(decode_value, row))


PAGE_CODEC: Codec[Page] = Codec(
    f"nrb.page {FORMAT} day:{','.join(_DAY_FIELDS)} rate:{','.join(_RATE_FIELDS)}",
    encode_page,
    decode_page,
)
"""How ``nrb.fetch_days`` keeps each parsed page beside its cached reply."""
