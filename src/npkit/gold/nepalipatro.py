"""Nepali Patro's bullion API (api.nepalipatro.com.np): FENEGOSIDA's figures, long history.

``GET /v3/bullions?from-date=YYYY-MM-DD`` answers every trading day from that date to today::

    {"source": "Fenegosida", "data": {"2026-08-17": {"bs": "01.05.2083", "g_ha": 263030,
     "g_te": 0, "g_s": 4089.5, "t_ha": 306800, "t_te": 0, "t_s": 4770}, …}}

``t_`` is per tola, ``g_`` per 10 g; ``ha`` fine (hallmark) gold, ``te`` tejabi, ``s`` silver;
``0`` or ``null`` means not published. Keys are AD dates; non-trading days are absent. Without
``from-date`` it sends its whole history (4,000+ days): npkit always sends one.
"""

from __future__ import annotations

from datetime import date as Date
from datetime import timedelta

from npkit import config, http
from npkit.config import FetchOptions
from npkit.errors import ParseError
from npkit.gold.records import MetalPrice, fill_changes, require_rates, stamped
from npkit.gold.window import Batch, Window
from npkit.scrape import bs_date, iso_day, load_json, money
from npkit.text import quote, url_host

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

NAME = "nepalipatro"
PATH = "/v3/bullions"
TTL = timedelta(minutes=30)
"""Every reply runs to today, so it changes with each trading day whatever the range."""

FIELDS: dict[str, tuple[str, str]] = {
    "t_ha": ("fine_gold", "tola"),
    "g_ha": ("fine_gold", "10g"),
    "t_te": ("tejabi_gold", "tola"),
    "g_te": ("tejabi_gold", "10g"),
    "t_s": ("silver", "tola"),
    "g_s": ("silver", "10g"),
}
"""The figures of one day: key → (metal, unit). Other keys (``bs``, new ones) are ignored."""


def parse(content: bytes, url: str = "") -> list[MetalPrice]:
    """Every non-zero figure of a ``/v3/bullions`` reply, sorted by date, metal and unit, with
    ``change`` from the previous day in the reply (its first day has none)."""
    host = url_host(url, "Nepali Patro")
    data = _data(content, host)
    records = []
    for key, figures in data.items():
        day = _day(key, host)
        if not isinstance(figures, dict):
            raise ParseError(f"{host} sent the rates of {key} as {type(figures).__name__}")
        for field, (metal, unit) in FIELDS.items():
            price = money(figures.get(field), f"{field} of {key}", host, paisa=True)
            if price is not None:
                records.append(MetalPrice(day, bs_date(day), metal, unit, price, None, NAME))
    if data and not records:
        raise ParseError(f"{host} sent days without any gold or silver figure")
    return fill_changes(records)


def _data(content: bytes, host: str) -> dict[str, Any]:
    document = load_json(content, host, "the bullion JSON")
    if not isinstance(document, dict) or "data" not in document:
        raise ParseError(f"{host} sent JSON of an unexpected shape: no 'data' object")
    data = document["data"]
    if data is None or data == []:  # no trading day in the range (PHP sends an empty list)
        return {}
    if not isinstance(data, dict):
        raise ParseError(f"{host} sent JSON of an unexpected shape: 'data' is not an object")
    return data


def _day(key: Any, host: str) -> Date:
    day = iso_day(key)
    if day is None:
        raise ParseError(f"{host} sent rates for a day named {quote(key)}")
    return day


def cannot_answer(window: Window, today: Date) -> str | None:
    """Nepali Patro's history is long: it can answer any window."""
    return None


def fetch(window: Window, options: FetchOptions) -> Batch:
    """Every trading day from ``window.start`` to today, kept to the window's days."""
    from urllib.parse import urlsplit

    url = config.base_url(NAME) + PATH
    host = urlsplit(url).netloc
    parsed, fetched = http.fetch_parsed(
        url,
        parse,
        params={"from-date": window.start.isoformat()},
        expire_after=TTL,
        options=options,
        headers={"Accept": "application/json"},
    )
    records = [r for r in parsed if window.holds(r.date)]
    if window.latest:
        require_rates(records, host)
    return Batch(NAME, stamped(records, fetched), (fetched,))
