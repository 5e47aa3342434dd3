"""Reading dates as people type them: numbers, month names, markers, Devanagari digits.

``parse_date`` answers plain ISO input (the bulk case) without touching the general parser.
"""

from __future__ import annotations

import re
import unicodedata
from collections import namedtuple
from datetime import date

from npkit.dates.convert import ad_to_bs, bs_to_ad, last_day
from npkit.dates.names import AD_MONTH_NAMES, BS_MONTH_NAMES, name_key
from npkit.dates.records import BSDate
from npkit.digits import TO_ASCII, has_devanagari_digit
from npkit.errors import UsageError

MAX_NUMBER_DIGITS = 9
"""Longer numbers are refused before ``int()``: no date needs them, and Python refuses
conversions of over 4,300 digits with a ValueError of its own."""


class ParsedDate(namedtuple("ParsedDate", "calendar year month day")):
    """A date as typed: its calendar ("ad" or "bs"), year, month and day (not yet validated)."""

    __slots__ = ()
    calendar: str
    year: int
    month: int
    day: int

    def to_ad(self) -> date:
        """The AD date (converting from BS when needed); invalid days are UsageErrors."""
        if self.calendar == "bs":
            return bs_to_ad((self.year, self.month, self.day))
        try:
            return date(self.year, self.month, self.day)
        except ValueError as exc:
            raise UsageError(
                f"AD {self.year:04d}-{self.month:02d}-{self.day:02d} does not exist ({exc})"
            ) from None


def parse_date(text: str, assume: str | None = None) -> ParsedDate:
    """Read a date as people type it; raises UsageError naming the input when it can't.

    Accepts ``2081-08-11``, ``2081/8/11``, ``2081.08.11``, Devanagari digits (``२०८१-०८-११``),
    month names in English or Nepali in any order (``11 Mangsir 2081``, ``मंसिर ११, २०८१``,
    ``Nov 26, 2024``), and an explicit calendar as a prefix (``bs:2081-08-11``) or suffix
    (``2081-08-11 BS``, ``२०८१ मंसिर ११ वि.सं.``). The calendar comes from, in order: a marker,
    a month name (BS and AD month names differ), ``assume`` (the user's ``--from``), Devanagari
    digits (BS), and otherwise AD. Day-first numeric forms (``11/08/2081``) are refused as
    ambiguous.
    """
    if len(text) == 10 and text[4] == "-" and text[7] == "-" and text.isascii():
        # The commonest input, ISO YYYY-MM-DD, without loading the general parser.
        year, month, day = text[:4], text[5:7], text[8:]
        if year.isdigit() and month.isdigit() and day.isdigit():
            return ParsedDate(assume or "ad", int(year), int(month), int(day))
    return parse_text(text, assume)


# Words people write around a date that carry no date information.
_FILLER = {
    name_key(w)
    for w in "गते गत्ते day of the "
    "monday tuesday wednesday thursday friday saturday sunday "
    "mon tue tues wed thu thur thurs fri sat sun "
    "सोमबार मंगलबार बुधबार बुधवार बिहीबार बिहिबार शुक्रबार शनिबार आइतबार".split()
}
_MARKERS = {
    "ad": "ad", "a.d.": "ad", "ce": "ad", "ई.सं.": "ad", "ईस्वी": "ad",
    "bs": "bs", "b.s.": "bs", "vs": "bs", "वि.सं.": "bs", "बि.सं.": "bs", "विसं": "bs",
}  # fmt: skip
_MARKER_PREFIX = re.compile(r"^(ad|bs)\s*:\s*", re.IGNORECASE)
_NUMERIC_YMD = re.compile(r"(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})", re.ASCII)
_NUMERIC_DAY_FIRST = re.compile(r"\d{1,2}\s*([-/.])\s*\d{1,2}\s*\1\s*\d{4}", re.ASCII)
_TOKEN = re.compile(r"[^\s,\-/]+")


def _marker_key(word: str) -> str:
    return unicodedata.normalize("NFC", word).casefold().replace(" ", "")


def parse_text(text: str, assume: str | None = None) -> ParsedDate:
    """``npkit.dates.parse_date`` for everything but plain ISO input (rules documented there)."""
    original = text
    text = unicodedata.normalize("NFC", text).strip()
    if not text:
        raise UsageError("empty date")
    had_devanagari = has_devanagari_digit(text)
    text = text.translate(TO_ASCII)
    calendar: str | None = None

    prefix = _MARKER_PREFIX.match(text)
    if prefix:
        calendar = prefix.group(1).lower()
        text = text[prefix.end() :]
    else:
        head, _, last = text.rpartition(" ")
        if head and _marker_key(last) in _MARKERS:
            calendar = _MARKERS[_marker_key(last)]
            text = head.strip()

    numeric = _NUMERIC_YMD.fullmatch(text)
    if numeric:
        year, _, month, day = numeric.groups()
        default = assume or ("bs" if had_devanagari else "ad")
        return ParsedDate(calendar or default, int(year), int(month), int(day))
    if _NUMERIC_DAY_FIRST.fullmatch(text):
        raise UsageError(
            f"{original!r} is ambiguous (day first or month first?): write YYYY-MM-DD, "
            "or use a month name like '11 Mangsir 2081'"
        )
    return _parse_named(original, text, calendar, assume, had_devanagari)


def _parse_named(
    original: str, text: str, calendar: str | None, assume: str | None, had_devanagari: bool
) -> ParsedDate:
    """Parse a date written with a month name: one name, one 4-digit year, one day."""
    numbers: list[str] = []
    month: int | None = None
    named_calendar: str | None = None
    for token in _TOKEN.findall(text):
        key = name_key(token)
        if key.isascii() and key.isdigit():
            numbers.append(key)
        elif key in _FILLER:
            continue
        elif key in BS_MONTH_NAMES and month is None:
            month, named_calendar = BS_MONTH_NAMES[key], "bs"
        elif key in AD_MONTH_NAMES and month is None:
            month, named_calendar = AD_MONTH_NAMES[key], "ad"
        else:
            raise UsageError(f"{original!r} is not a date I can read (unexpected {token!r})")
    years = [n for n in numbers if len(n) == 4]
    days = [n for n in numbers if len(n) <= 2]
    if month is None or len(years) != 1 or len(days) != 1 or len(numbers) != 2:
        raise UsageError(
            f"{original!r} is not a date I can read: use YYYY-MM-DD or 'DAY MONTH YEAR'"
        )
    if calendar and named_calendar and calendar != named_calendar:
        raise UsageError(f"{original!r} names a {named_calendar.upper()} month but says {calendar}")
    chosen = calendar or named_calendar or assume or ("bs" if had_devanagari else "ad")
    return ParsedDate(chosen, int(years[0]), month, int(days[0]))


def _quoted(text: str, limit: int = 40) -> str:
    """``text`` for a one-line message: escaped, and shortened past ``limit`` characters."""
    shown = text if len(text) <= limit else text[:limit] + "…"
    return repr(shown)


def parse_number(text: str, what: str) -> int:
    """A whole number in ASCII or Devanagari digits; anything else is a UsageError."""
    ascii_text = text.strip().translate(TO_ASCII)
    if not (ascii_text.isascii() and ascii_text.isdigit()):
        raise UsageError(f"{what} must be a number, not {_quoted(text)}")
    if len(ascii_text) > MAX_NUMBER_DIGITS:
        raise UsageError(f"{what} {_quoted(text)} is far too large")
    return int(ascii_text)


def parse_bs_month(text: str) -> int:
    """A BS month from its number (``8``, ``८``) or any common spelling (``Mangsir``, ``मंसिर``)."""
    month = BS_MONTH_NAMES.get(name_key(text.strip()))
    if month is None:
        month = parse_number(text, "BS month (1–12 or a name such as Mangsir)")
    if not 1 <= month <= 12:
        raise UsageError(f"month {month} does not exist (1–12)")
    return month


def parse_day(text: str, assume: str | None = None) -> tuple[date, BSDate]:
    """The (AD, BS) pair of ``parse_date(text, assume)``, range-checked; errors name the input."""
    parsed = parse_date(text, assume)
    try:
        day = parsed.to_ad()
        return day, ad_to_bs(day)
    except UsageError as exc:
        hint = ""
        if parsed.calendar == "ad" and parsed.year > last_day()[0].year:
            hint = " (a BS date? write bs:YYYY-MM-DD or use --from bs)"
        raise UsageError(f"{text!r}: {exc}{hint}") from None


def parse_to_ad(text: str, assume: str | None = None) -> date:
    """The AD date of ``parse_date(text, assume)``, range-checked; errors name the input."""
    return parse_day(text, assume)[0]
