"""Reading dates as people type them: numbers, month names, markers, Devanagari digits.

``parse_date`` answers plain ISO input (the bulk case) without touching the general parser,
whose regular expressions are compiled on its first use (``_patterns``), not at import: most
calls (``date today``, ISO dates) never need them.
"""

from __future__ import annotations

import unicodedata
from collections import namedtuple
from datetime import date
from functools import cache

from npkit.dates.convert import FIRST_BS_YEAR, ad_to_bs, bs_to_ad, last_bs_year, last_day
from npkit.dates.names import MONTHS_EN
from npkit.dates.records import BSDate
from npkit.dates.spellings import AD_MONTH_NAMES, BS_MONTH_NAMES, name_key
from npkit.digits import TO_ASCII, has_devanagari_digit
from npkit.errors import UsageError

TYPE_CHECKING = False  # typing is not imported at run time: `npkit date` starts faster
if TYPE_CHECKING:
    import re

HINT = "write YYYY-MM-DD (bs: for BS) or DAY MONTH YEAR like '11 Mangsir 2081'"
"""What to do about an unreadable date (docs/exit-codes.md promises it on every such error)."""
ORDERS = ("dmy", "mdy")
"""``order`` for numeric dates written day or month first: ``dmy`` (26/11/2024), ``mdy``."""
BS_ONLY_YEARS = (2045, 2100)
"""Numeric years that can only be BS in the supported range (AD ends in 2044): read as BS."""
RELATIVE_DAYS = {
    "today": 0, "yesterday": -1, "tomorrow": 1, "आज": 0, "हिजो": -1, "भोलि": 1, "भोली": 1,
}  # fmt: skip

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


def parse_date(
    text: str,
    assume: str | None = None,
    *,
    order: str | None = None,
    layout: str | None = None,
) -> ParsedDate:
    """Read a date as people type it; raises UsageError naming the input when it can't.

    Accepts ``2081-08-11``, ``2081/8/11``, ``2081.08.11``, Devanagari digits (``२०८१-०८-११``),
    month names in English or Nepali in any order (``11 Mangsir 2081``, ``मंसिर ११, २०८१``,
    ``Nov 26, 2024``), an explicit calendar as a prefix (``bs:2081-08-11``) or suffix
    (``2081-08-11 BS``, ``२०८१ मंसिर ११ वि.सं.``), ``today``/``yesterday``/``tomorrow``
    (in Nepal), and ISO 8601 timestamps (``2026-08-17T10:15:00+05:45``: the day in Nepal).
    The calendar comes from, in order: a marker, a month name (BS and AD month names differ),
    ``assume`` (the user's ``--from``), Devanagari digits (BS), a year only BS can have in the
    supported range (2045–2100, with a note), and otherwise AD. Numbers written day or month
    first are read when only one reading is a date (``26/11/2024``) or ``order`` (``dmy``,
    ``mdy``) says which; otherwise refused as ambiguous. ``layout`` is a fixed input layout
    (``%d/%m/%Y``; see ``parse_layout``).
    """
    if layout is not None:
        return parse_layout(text, layout, assume)
    if len(text) == 10 and text[4] == "-" and text[7] == "-" and text.isascii():
        # The commonest input, ISO YYYY-MM-DD, without loading the general parser.
        year, month, day = text[:4], text[5:7], text[8:]
        if year.isdigit() and month.isdigit() and day.isdigit():
            number = int(year)
            return ParsedDate(
                assume or _numeric_calendar(number, text), number, int(month), int(day)
            )
    return parse_text(text, assume, order=order)


_noted: set[str] = set()


def _numeric_calendar(year: int, original: str) -> str:
    """AD, unless the year is one only BS has in the supported range (a note says so once)."""
    if not BS_ONLY_YEARS[0] <= year <= BS_ONLY_YEARS[1]:
        return "ad"
    if "bs-year" not in _noted:
        _noted.add("bs-year")
        from npkit import logs
        from npkit.text import quote

        logs.note(
            __name__,
            f"date: read {quote(original)} as BS: AD dates end in 2044 "
            "(write ad:YYYY-MM-DD to insist)",
        )
    return "bs"


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


class _Patterns(
    namedtuple(
        "_Patterns", ["marker_prefix", "numeric_ymd", "numeric_day_first", "timestamp", "token"]
    )
):
    """The general parser's regular expressions."""

    __slots__ = ()
    marker_prefix: re.Pattern[str]
    numeric_ymd: re.Pattern[str]
    numeric_day_first: re.Pattern[str]
    timestamp: re.Pattern[str]
    token: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    """Compiled on the general parser's first use (a few ms a start-up saved elsewhere)."""
    import re

    return _Patterns(
        re.compile(r"^(ad|bs)\s*:\s*", re.IGNORECASE),
        re.compile(r"(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})", re.ASCII),
        re.compile(r"(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4})", re.ASCII),
        re.compile(
            r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?"
            r"\s*(Z|[+-]\d{2}:?\d{2})?",
            re.ASCII | re.IGNORECASE,
        ),
        re.compile(r"[^\s,\-/]+"),
    )


def _marker_key(word: str) -> str:
    return unicodedata.normalize("NFC", word).casefold().replace(" ", "")


def parse_text(text: str, assume: str | None = None, *, order: str | None = None) -> ParsedDate:
    """``npkit.dates.parse_date`` for everything but plain ISO input (rules documented there)."""
    original = text
    text = unicodedata.normalize("NFC", text).strip()
    if not text:
        raise UsageError("empty date")
    relative = RELATIVE_DAYS.get(text.casefold())
    if relative is not None:
        from datetime import timedelta

        from npkit.dates.convert import today_ad

        moved = today_ad() + timedelta(days=relative)
        return ParsedDate("ad", moved.year, moved.month, moved.day)
    patterns = _patterns()
    stamp = patterns.timestamp.fullmatch(text)
    if stamp:
        return _timestamp_day(original, stamp)
    had_devanagari = has_devanagari_digit(text)
    text = text.translate(TO_ASCII)
    calendar: str | None = None

    prefix = patterns.marker_prefix.match(text)
    if prefix:
        calendar = prefix.group(1).lower()
        text = text[prefix.end() :]
    else:
        head, _, last = text.rpartition(" ")
        if head and _marker_key(last) in _MARKERS:
            calendar = _MARKERS[_marker_key(last)]
            text = head.strip()

    numeric = patterns.numeric_ymd.fullmatch(text)
    if numeric:
        year, _, month, day = numeric.groups()
        return ParsedDate(
            calendar or _default_calendar(int(year), assume, had_devanagari, original),
            int(year),
            int(month),
            int(day),
        )
    day_first = patterns.numeric_day_first.fullmatch(text)
    if day_first:
        first, _, second, written_year = day_first.groups()
        number = int(written_year)
        chosen = calendar or _default_calendar(number, assume, had_devanagari, original)
        month_number, day_number = _month_and_day(original, int(first), int(second), order)
        return ParsedDate(chosen, number, month_number, day_number)
    return _parse_named(original, text, calendar, assume, had_devanagari)


def _default_calendar(year: int, assume: str | None, had_devanagari: bool, original: str) -> str:
    if assume:
        return assume
    return "bs" if had_devanagari else _numeric_calendar(year, original)


def _month_and_day(original: str, first: int, second: int, order: str | None) -> tuple[int, int]:
    """(month, day) of ``first/second/year``: by ``order``, else the only reading that can be a
    date (a number over 12 is the day), else a refusal."""
    if order not in (None, *ORDERS):
        raise UsageError(f"order must be one of {', '.join(ORDERS)}, not {order!r}")
    if order == "dmy":
        return second, first
    if order == "mdy":
        return first, second
    if first > 12 and second > 12:
        raise UsageError(f"{_quoted(original)} is not a date I can read: {HINT}")
    if first == second or first > 12:
        return second, first
    if second > 12:
        return first, second
    raise UsageError(
        f"{_quoted(original)} is ambiguous (day first or month first?): write YYYY-MM-DD, "
        "use a month name like '11 Mangsir 2081', or say --dayfirst or --monthfirst"
    )


def _timestamp_day(original: str, stamp: re.Match[str]) -> ParsedDate:
    """The day of an ISO 8601 timestamp: in Nepal when it has an offset, else as written."""
    from datetime import datetime, timedelta, timezone

    year, month, day, hour, minute, second, zone = stamp.groups()
    try:
        moment = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
    except ValueError as exc:
        raise UsageError(f"{_quoted(original)} is not a time that exists ({exc})") from None
    if zone:
        if zone.upper() == "Z":
            offset = timedelta(0)
        else:
            digits = zone[1:].replace(":", "")
            offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
            offset = -offset if zone[0] == "-" else offset
        if offset >= timedelta(hours=24):
            raise UsageError(f"{_quoted(original)} has an impossible UTC offset")
        from npkit.dates.convert import NEPAL_TZ

        moment = moment.replace(tzinfo=timezone(offset)).astimezone(NEPAL_TZ)
    return ParsedDate("ad", moment.year, moment.month, moment.day)


def _parse_named(
    original: str, text: str, calendar: str | None, assume: str | None, had_devanagari: bool
) -> ParsedDate:
    """Parse a date written with a month name: one name, one 4-digit year, one day."""
    numbers: list[str] = []
    month: int | None = None
    named_calendar: str | None = None
    for token in _patterns().token.findall(text):
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
            unexpected = f"unexpected {_quoted(token)}{_did_you_mean(key)}"
            if token == original.strip() and not _did_you_mean(key):
                raise UsageError(f"{_quoted(original)} is not a date I can read: {HINT}")
            raise UsageError(f"{_quoted(original)} is not a date I can read ({unexpected}): {HINT}")
    years = [n for n in numbers if len(n) == 4]
    days = [n for n in numbers if len(n) <= 2]
    if month is None or len(years) != 1 or len(days) != 1 or len(numbers) != 2:
        raise UsageError(f"{_quoted(original)} is not a date I can read: {HINT}")
    if calendar and named_calendar and calendar != named_calendar:
        raise UsageError(
            f"{_quoted(original)} names a {named_calendar.upper()} month but says {calendar}"
        )
    chosen = calendar or named_calendar or assume or ("bs" if had_devanagari else "ad")
    return ParsedDate(chosen, int(years[0]), month, int(days[0]))


def _did_you_mean(key: str) -> str:
    """``; did you mean 'Mangsir'?`` for a word close to a month spelling, else ''."""
    names = [*BS_MONTH_NAMES, *AD_MONTH_NAMES]
    if key.isdigit() or not 3 <= len(key) <= 2 * max(map(len, names)):
        return ""  # longer: its ratio to every name is under the cutoff (and difflib is slow)
    import difflib

    close = difflib.get_close_matches(key, names, n=1, cutoff=0.75)
    if not close:
        return ""
    match = close[0]
    if match in BS_MONTH_NAMES:
        shown = MONTHS_EN[BS_MONTH_NAMES[match] - 1] if match.isascii() else match
    else:
        shown = match.capitalize()
    return f"; did you mean {shown!r}?"


_LAYOUT_DIRECTIVES = {
    "Y": r"(?P<year>\d{4})",
    "m": r"(?P<month>\d{1,2})",
    "d": r"(?P<day>\d{1,2})",
    "B": r"(?P<name>[^\W\d_]+)",
    "b": r"(?P<name>[^\W\d_]+)",
    "%": "%",
}


def parse_layout(text: str, layout: str, assume: str | None = None) -> ParsedDate:
    """Read ``text`` in a fixed ``layout`` (``--input-format``): ``%Y`` year, ``%m`` month,
    ``%d`` day (one or two digits), ``%B``/``%b`` a month name (BS or AD, which decides the
    calendar), ``%%``; other characters as written (a space matches any run of spaces). Digits
    may be Devanagari. The calendar, when no name decides: ``assume``, else as for numbers."""
    pattern = _layout_pattern(layout)
    original = text
    had_devanagari = has_devanagari_digit(text)
    text = unicodedata.normalize("NFC", text).strip().translate(TO_ASCII)
    found = pattern.fullmatch(text)
    if found is None:
        raise UsageError(f"{_quoted(original)} does not match --input-format {layout!a}")
    parts = found.groupdict()
    year, day = int(parts["year"]), int(parts["day"])
    name = parts.get("name")
    if name is not None:
        key = name_key(name)
        if key in BS_MONTH_NAMES:
            return ParsedDate("bs", year, BS_MONTH_NAMES[key], day)
        if key in AD_MONTH_NAMES:
            return ParsedDate("ad", year, AD_MONTH_NAMES[key], day)
        raise UsageError(f"{_quoted(original)}: unknown month {_quoted(name)}{_did_you_mean(key)}")
    calendar = _default_calendar(year, assume, had_devanagari, original)
    return ParsedDate(calendar, year, int(parts["month"]), day)


_layouts: dict[str, re.Pattern[str]] = {}


def _layout_pattern(layout: str) -> re.Pattern[str]:
    compiled = _layouts.get(layout)
    if compiled is not None:
        return compiled
    import re

    pieces: list[str] = []
    index = 0
    while index < len(layout):
        char = layout[index]
        if char == "%":
            code = layout[index + 1 : index + 2]
            if code == "-":  # %-d, %-m: padding never matters when reading
                code = layout[index + 2 : index + 3]
                index += 1
            if code not in _LAYOUT_DIRECTIVES:
                raise UsageError(
                    f"unknown directive '%{ascii(code)[1:-1]}' in --input-format {layout!a} "
                    "(use %Y %m %d %B %b %%)"
                )
            pieces.append(_LAYOUT_DIRECTIVES[code])
            index += 2
            continue
        pieces.append(r"\s+" if char.isspace() else re.escape(char))
        index += 1

    source = "".join(pieces)
    needed = ("(?P<year>", "(?P<day>")
    if not all(group in source for group in needed) or (
        "(?P<month>" not in source and "(?P<name>" not in source
    ):
        raise UsageError(f"--input-format {layout!a} needs %Y, %d and %m (or %B)")
    try:
        compiled = re.compile(source, re.ASCII if "(?P<name>" not in source else 0)
    except re.error:
        raise UsageError(f"--input-format {layout!a} repeats a directive") from None
    _layouts[layout] = compiled
    return compiled


def _quoted(text: str, limit: int = 40) -> str:
    """``text`` for a one-line message: quoted, controls escaped, shortened past ``limit``."""
    from npkit.text import quote  # only for a message: its module compiles regular expressions

    return quote(text, limit)


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


def parse_day(
    text: str,
    assume: str | None = None,
    *,
    order: str | None = None,
    layout: str | None = None,
) -> tuple[date, BSDate]:
    """The (AD, BS) pair of ``parse_date(text, assume, …)``, range-checked; errors name the
    input."""
    if (
        assume != "bs" and layout is None and len(text) == 10 and text[4] == text[7] == "-"
    ) and text.isascii():
        try:  # ISO AD, the commonest input of all (a C-level parse); else the whole reader
            day = date.fromisoformat(text)
            return day, ad_to_bs(day)
        except (ValueError, UsageError):
            pass  # not a day, or out of range: parse_date below explains it
    parsed = parse_date(text, assume, order=order, layout=layout)
    try:
        day = parsed.to_ad()
        return day, ad_to_bs(day)
    except UsageError as exc:
        hint = ""
        if parsed.calendar == "ad" and parsed.year > last_day()[0].year:
            hint = " (a BS date? write bs:YYYY-MM-DD or use --from bs)"
        raise UsageError(f"{_quoted(text)}: {exc}{hint}") from None


def parse_to_ad(
    text: str, assume: str | None = None, *, order: str | None = None, layout: str | None = None
) -> date:
    """The AD date of ``parse_date(text, assume, …)``, range-checked; errors name the input."""
    return parse_day(text, assume, order=order, layout=layout)[0]


def parse_fiscal_label(text: str) -> int | None:
    """The BS year a fiscal year label starts in: ``2081/82``, ``2081/2082``, ``२०८१/८२``, or a
    bare year ``2081`` (FY 2081/82); None when ``text`` is not a label (a date, then)."""
    import re

    ascii_text = text.strip().translate(TO_ASCII).removeprefix("FY").removeprefix("fy").strip()
    found = re.fullmatch(r"(\d{4})(?:\s*[/-]\s*(\d{2}|\d{4}))?", ascii_text, re.ASCII)
    if found is None:
        return None
    start = int(found.group(1))
    if not FIRST_BS_YEAR <= start <= last_bs_year():
        raise UsageError(
            f"fiscal year {_quoted(text)} is outside BS {FIRST_BS_YEAR}–{last_bs_year()}"
        )
    end = found.group(2)
    following = f"{(start + 1) % 100:02d}"
    if end is not None and int(end) % 100 != int(following):
        raise UsageError(f"fiscal year {_quoted(text)} does not exist: write {start}/{following}")
    return start
