"""Tables and cards in Nepali (``--nepali``, or ``[date] nepali = true`` in the config file):
the words, digits and headers a Nepali reader expects, in one place.

Only what is drawn for people changes: json, ndjson, csv, tsv and raw keep their English keys
and their values (the ``*_ne`` fields carry the Nepali names there). In a table:

- a column with a Nepali twin among the record's fields (``name`` and ``name_ne``, ``weekday``
  and ``weekday_ne``, ``tithi_name`` and ``tithi_ne`` …) shows the twin, once, where the
  English column stood;
- other words are translated by the tables below (weekdays, paksha, status, scope, source), the
  rest shown as written (an id stays ASCII: it is what ``date next`` takes);
- digits are Devanagari (npkit.digits), dates ISO-style (``२०८३-०८-१५``), times ``०६:३७``;
- headers are Nepali (``HEADERS``), and the BS date, not the AD one, is the column a narrow
  terminal keeps to the last (``LAST``).
"""

from __future__ import annotations

from datetime import date, datetime, time

from npkit.dates.names import WEEKDAYS_EN, WEEKDAYS_NE
from npkit.digits import TO_DEVANAGARI
from npkit.output.values import text_value

TYPE_CHECKING = False  # typing is not imported at run time: `npkit date` starts faster
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

    from npkit.output.table import Layout

HEADERS = {
    "ad": "ईस्वी", "bs": "वि.सं.", "weekday": "बार", "weekday_ne": "बार", "bs_en": "मिति",
    "bs_ne": "मिति", "id": "id", "name": "नाम", "name_ne": "नाम", "source": "स्रोत",
    "scope": "कसलाई", "status": "स्थिति", "days": "बाँकी दिन", "holiday": "बिदा",
    "reason": "कारण", "field": "विवरण", "value": "मान", "fiscal_year": "आर्थिक वर्ष",
    "quarter": "त्रैमास", "chaumasik": "चौमासिक", "fy_month": "आ.व. महिना", "bs_year": "वर्ष",
    "bs_month": "महिना अङ्क", "bs_month_name": "महिना", "bs_month_ne": "महिना",
    "tithi": "तिथि अङ्क", "paksha": "पक्ष", "tithi_name": "तिथि", "tithi_ne": "तिथि",
    "tithi_end": "तिथि सकिने", "lunar_month": "चान्द्र मास", "lunar_month_ne": "चान्द्र मास",
    "adhik": "अधिक मास", "ns_year": "नेपाल संवत", "sunrise": "सूर्योदय", "sunset": "सूर्यास्त",
    "nakshatra": "नक्षत्र अङ्क", "nakshatra_name": "नक्षत्र", "nakshatra_ne": "नक्षत्र",
    "nakshatra_end": "नक्षत्र सकिने", "yoga": "योग अङ्क", "yoga_name": "योग", "yoga_ne": "योग",
    "yoga_end": "योग सकिने", "karana": "करण", "karana_ne": "करण",
    "moon_sign": "चन्द्र राशि अङ्क", "moon_sign_name": "चन्द्र राशि",
    "moon_sign_ne": "चन्द्र राशि", "moon_sign_change": "चन्द्र राशि फेरिने",
    "sun_sign": "सूर्य राशि अङ्क", "sun_sign_name": "सूर्य राशि", "sun_sign_ne": "सूर्य राशि",
    "ayana": "अयन", "ayana_ne": "अयन", "ns_month": "नेपाल संवत महिना",
    "ns_month_ne": "नेपाल संवत महिना", "ns_day": "नेपाल संवत तिथि", "tithi_line": "तिथि विवरण",
    "tithi_line_ne": "तिथि विवरण", "rahu_kaal": "राहु काल", "yamaganda": "यमगण्ड",
    "gulika_kaal": "गुलिक काल", "abhijit": "अभिजित मुहूर्त", "events": "पर्व",
    "holidays": "बिदाहरू", "day_off": "बिदाको दिन",
}  # fmt: skip
"""Each column's Nepali header; a column not here keeps its name."""

TWINS = {
    "name": "name_ne", "weekday": "weekday_ne", "bs_en": "bs_ne", "bs_month_name": "bs_month_ne",
    "tithi_name": "tithi_ne", "lunar_month": "lunar_month_ne", "nakshatra_name": "nakshatra_ne",
    "yoga_name": "yoga_ne", "karana": "karana_ne", "moon_sign_name": "moon_sign_ne",
    "sun_sign_name": "sun_sign_ne", "ayana": "ayana_ne", "ns_month": "ns_month_ne",
    "tithi_line": "tithi_line_ne",
}  # fmt: skip
"""An English column → its Nepali twin, shown in its place when the record has both."""

WORDS = {
    "weekday": dict(zip(WEEKDAYS_EN, WEEKDAYS_NE, strict=True)),
    "reason": {"Saturday": WEEKDAYS_NE[5]},
    "paksha": {"shukla": "शुक्ल", "krishna": "कृष्ण"},
    "status": {"confirmed": "निश्चित", "likely": "सम्भावित"},
    "source": {"computed": "गणना", "likely": "सम्भावित", "config": "config फाइल"},
}
"""Words of a column as a Nepali reader says them; any other value is shown as written."""

NOTICE = ("MoHA notice ", "गृह मन्त्रालयको सूचना ")
"""A source naming the year's holiday notice, and how it reads in Nepali."""

ASCII = frozenset({"id"})
"""Columns kept as typed (an id is what ``date next`` and scripts take)."""

LAST = ("date", "bs")
"""The columns that say which day a row is, in a Nepali table: the last a narrow terminal drops
(the BS date: the AD one goes before it)."""

YES, NO = "हो", "होइन"
LIKELY = "सम्भावित"


def digits(text: str) -> str:
    """``text`` with Devanagari digits."""
    return text.translate(TO_DEVANAGARI)


def header(name: str) -> str:
    """A column's Nepali header."""
    return HEADERS.get(name, name)


def scope(name: str) -> str:
    """Who a holiday is for, in Nepali: ``women`` → महिलालाई; several (``newar+women``) joined;
    a user's own word as written."""
    from npkit.patro.notices import SCOPES_NE

    return ", ".join(SCOPES_NE.get(part, part) for part in name.split("+"))


def holiday(value: Any) -> str:
    """A day's holiday (``DayHoliday``) in Nepali: its Nepali name, whom it is for unless
    everyone, and सम्भावित unless confirmed (the English text's parts, in the same order)."""
    text = value.name_ne if value.scope == "everyone" else f"{value.name_ne} ({scope(value.scope)})"
    return text if value.status != "likely" else f"{text} ({LIKELY})"


def source(text: str) -> str:
    """A record's short source in Nepali ("MoHA notice 2083" → गृह मन्त्रालयको सूचना २०८३);
    another source (a file, a package and its version) as written."""
    english, nepali = NOTICE
    if text.startswith(english):
        return digits(nepali + text[len(english) :])
    return WORDS["source"].get(text, text)


def cell(name: str, value: Any) -> str:
    """One value of column ``name`` as a Nepali table shows it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES if value else NO
    if name in ASCII:
        return text_value(value)
    if name == "source" and isinstance(value, str):
        return source(value)
    if name == "scope" and isinstance(value, str):
        return scope(value)
    if isinstance(value, str):
        return digits(WORDS.get(name, {}).get(value, value))
    if isinstance(value, datetime):
        return digits(f"{value:%Y-%m-%d %H:%M}")
    if isinstance(value, (date, time)):
        return digits(text_value(value))
    if isinstance(value, tuple) and hasattr(value, "name_ne"):
        return holiday(value) if hasattr(value, "scope") else str(value.name_ne)
    if isinstance(value, (list, tuple)) and not hasattr(value, "_fields"):
        return ";".join(cell(name, item) for item in value)
    return digits(text_value(value))


def view(
    columns: Sequence[str], available: Sequence[str], layout: Layout
) -> tuple[tuple[str, ...], Layout]:
    """A table's columns and layout in Nepali: each English column with a Nepali twin among
    ``available`` becomes the twin (once, in the English column's place), and the columns a
    narrow terminal drops follow (the English twin's turn is the Nepali one's; the AD date goes
    where the BS date went)."""
    swap: dict[str, str] = {"bs": "ad", "ad": "bs"}
    shown: list[str] = []
    for name in columns:
        twin = TWINS.get(name)
        if twin is not None and twin in available:
            swap[name], swap[twin] = twin, name
            name = twin
        if name not in shown:
            shown.append(name)
    drop = tuple(swap.get(name, name) for name in layout.drop)
    return tuple(shown), layout._replace(drop=drop)
