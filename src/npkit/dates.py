"""Bikram Sambat (BS) ↔ Gregorian (AD) dates: conversion, parsing, formatting, periods.

Pure and offline. The month lengths come from nepali-datetime's calendar table (BS 1975–2100),
read once into two flat lists, so a conversion is one ``bisect`` or one index: no per-date
object arithmetic. tests/test_calendar_data.py checks every day against an independent table.

    >>> from datetime import date
    >>> ad_to_bs(date(2024, 11, 26))
    BSDate(year=2081, month=8, day=11)
    >>> bs_to_ad(BSDate(2081, 8, 11))
    datetime.date(2024, 11, 26)
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from functools import cache
from typing import NamedTuple

from npkit.errors import UsageError

NEPAL_TZ = timezone(timedelta(hours=5, minutes=45), "+05:45")
"""Nepal Standard Time: UTC+05:45 all year, no daylight saving."""

MONTHS_EN = (
    "Baishakh", "Jestha", "Asar", "Shrawan", "Bhadra", "Ashwin",
    "Kartik", "Mangsir", "Poush", "Magh", "Falgun", "Chaitra",
)  # fmt: skip
MONTHS_NE = (
    "बैशाख", "जेठ", "असार", "साउन", "भदौ", "असोज",
    "कात्तिक", "मंसिर", "पुस", "माघ", "फागुन", "चैत",
)  # fmt: skip
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAYS_NE = ("सोमबार", "मंगलबार", "बुधबार", "बिहीबार", "शुक्रबार", "शनिबार", "आइतबार")
DEVANAGARI_DIGITS = "०१२३४५६७८९"

# BS 1975-01-01 is AD 1918-04-13 (nepali_datetime.config.REFERENCE_DATE_AD; the independent
# table in tests agrees).
_EPOCH_AD = date(1918, 4, 13)
FIRST_BS_YEAR = 1975

UNVERIFIED_YEARS = frozenset({2096})
"""BS years whose data is known to be wrong somewhere: nepali-datetime gives BS 2096 364 days,
which no year has, and no independent source says which month lost the day."""

PROJECTED_FROM_YEAR = 2084
"""From BS 2084 on, every library's table is a projection, not a published calendar."""


class BSDate(NamedTuple):
    """A Bikram Sambat date; compares and sorts like a tuple."""

    year: int
    month: int
    day: int

    def isoformat(self) -> str:
        """``YYYY-MM-DD`` with ASCII digits."""
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __str__(self) -> str:
        return self.isoformat()


# ---------------------------------------------------------------- the month table


class _MonthTable(NamedTuple):
    lengths: list[int]  # index (year - FIRST_BS_YEAR) * 12 + month - 1
    starts: list[int]  # AD ordinal of each month's day 1, plus one past the last day


def _read_nepali_datetime_table() -> list[list[int]]:
    """Rows of [year, 12 month lengths] from nepali-datetime's CSV, without importing it."""
    import csv
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("nepali_datetime")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("nepali-datetime is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "calendar_bs.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return [[int(cell) for cell in row[:13]] for row in csv.reader(handle) if row[0].isdigit()]


@cache
def _table() -> _MonthTable:
    rows = _read_nepali_datetime_table()
    if [row[0] for row in rows] != list(range(FIRST_BS_YEAR, FIRST_BS_YEAR + len(rows))):
        raise RuntimeError("nepali-datetime's calendar table is not one row per year")
    lengths = [days for row in rows for days in row[1:]]
    starts = [_EPOCH_AD.toordinal()]
    for days in lengths:
        starts.append(starts[-1] + days)
    return _MonthTable(lengths, starts)


def last_bs_year() -> int:
    """The last BS year with data (2100)."""
    return FIRST_BS_YEAR + len(_table().lengths) // 12 - 1


def first_day() -> tuple[date, BSDate]:
    """The first supported day, as (AD, BS)."""
    return _EPOCH_AD, BSDate(FIRST_BS_YEAR, 1, 1)


def last_day() -> tuple[date, BSDate]:
    """The last supported day, as (AD, BS)."""
    table = _table()
    return date.fromordinal(table.starts[-1] - 1), BSDate(last_bs_year(), 12, table.lengths[-1])


def _range_text(calendar: str) -> str:
    (ad_first, bs_first), (ad_last, bs_last) = first_day(), last_day()
    if calendar == "bs":
        return f"BS {bs_first} … {bs_last}"
    return f"AD {ad_first} … {ad_last}"


def days_in_month(year: int, month: int) -> int:
    """Length of a BS month; a year outside the table or a month outside 1–12 is a UsageError."""
    if not 1 <= month <= 12:
        raise UsageError(f"month {month} does not exist (1–12)")
    if not FIRST_BS_YEAR <= year <= last_bs_year():
        raise UsageError(f"BS year {year} is outside the supported range {_range_text('bs')}")
    return _table().lengths[(year - FIRST_BS_YEAR) * 12 + month - 1]


def days_in_year(year: int) -> int:
    """Length of a BS year in days."""
    return sum(days_in_month(year, month) for month in range(1, 13))


# ---------------------------------------------------------------- conversion


def ad_to_bs(day: date) -> BSDate:
    """The BS date of an AD date; outside the supported range is a UsageError."""
    ordinal = day.toordinal()
    starts = _table().starts
    if not starts[0] <= ordinal < starts[-1]:
        raise UsageError(f"AD {day.isoformat()} is outside the supported range {_range_text('ad')}")
    index = bisect_right(starts, ordinal) - 1
    years, month0 = divmod(index, 12)
    return BSDate(FIRST_BS_YEAR + years, month0 + 1, ordinal - starts[index] + 1)


def bs_to_ad(bs: BSDate | tuple[int, int, int]) -> date:
    """The AD date of a BS date; an impossible day or a date out of range is a UsageError."""
    year, month, day = bs
    length = days_in_month(year, month)
    if not 1 <= day <= length:
        raise UsageError(
            f"BS {year:04d}-{month:02d}-{day:02d} does not exist: "
            f"{MONTHS_EN[month - 1]} {year} has {length} days"
        )
    index = (year - FIRST_BS_YEAR) * 12 + month - 1
    return date.fromordinal(_table().starts[index] + day - 1)


def today_ad(now: datetime | None = None) -> date:
    """Today's AD date in Nepal (Asia/Kathmandu), whatever the machine's time zone."""
    moment = now if now is not None else datetime.now(UTC)
    return moment.astimezone(NEPAL_TZ).date()


# ---------------------------------------------------------------- arithmetic


def add_days(day: date, count: int) -> date:
    """``day`` moved by ``count`` days, kept inside the supported range."""
    try:
        result = day + timedelta(days=count)
    except OverflowError:
        raise UsageError(f"{count} days from {day} is outside the supported range") from None
    ad_to_bs(result)  # range check
    return result


def add_months(bs: BSDate, count: int) -> BSDate:
    """``bs`` moved by ``count`` BS months; the day is clamped to the target month's length."""
    index = bs.year * 12 + bs.month - 1 + count
    year, month0 = divmod(index, 12)
    length = days_in_month(year, month0 + 1)
    return BSDate(year, month0 + 1, min(bs.day, length))


@dataclass(frozen=True)
class BSSpan:
    """A difference in whole BS years, months and days (all with the same sign)."""

    years: int
    months: int
    days: int


def bs_span(start: date, end: date) -> BSSpan:
    """The BS years/months/days from ``start`` to ``end`` (negative when ``end`` is earlier)."""
    sign = 1
    if end < start:
        start, end, sign = end, start, -1
    a, b = ad_to_bs(start), ad_to_bs(end)
    months = (b.year - a.year) * 12 + (b.month - a.month)
    anchor = add_months(a, months)
    if anchor > b:
        months -= 1
        anchor = add_months(a, months)
    days = (end - bs_to_ad(anchor)).days
    return BSSpan(sign * (months // 12), sign * (months % 12), sign * days)


# ---------------------------------------------------------------- text


def to_devanagari_digits(text: str | int) -> str:
    """``2081`` → ``२०८१`` (other characters unchanged)."""
    return str(text).translate(_TO_DEVANAGARI)


_TO_DEVANAGARI = str.maketrans("0123456789", DEVANAGARI_DIGITS)
_TO_ASCII = str.maketrans(DEVANAGARI_DIGITS, "0123456789")


def bs_text_en(bs: BSDate) -> str:
    """``11 Mangsir 2081``."""
    return f"{bs.day} {MONTHS_EN[bs.month - 1]} {bs.year}"


def bs_text_ne(bs: BSDate) -> str:
    """``११ मंसिर २०८१``."""
    return to_devanagari_digits(f"{bs.day} {MONTHS_NE[bs.month - 1]} {bs.year}")


def _pad(value: int, width: int, flag: str) -> str:
    return str(value) if flag == "-" else f"{value:0{width}d}"


_DIRECTIVE = re.compile(r"%(-?)(.)", re.DOTALL)


def format_bs(bs: BSDate, pattern: str, weekday: int | None = None) -> str:
    """Format a BS date with strftime-style directives (see docs/date.md).

    ASCII: %Y %m %d %B (Mangsir) %b (Man) %A (Tuesday) %a (Tue); Devanagari: %K (२०८१)
    %n (०८) %D (११) %N (मंसिर) %G (मंगलबार); AD: %F (2024-11-26); ``%-d`` drops zero padding;
    ``%%`` is a percent sign. An unknown directive is a UsageError.
    """
    if weekday is None:
        weekday = bs_to_ad(bs).weekday()

    def directive(match: re.Match[str]) -> str:
        flag, code = match.groups()
        match code:
            case "Y":
                return str(bs.year)
            case "m":
                return _pad(bs.month, 2, flag)
            case "d":
                return _pad(bs.day, 2, flag)
            case "K":
                return to_devanagari_digits(bs.year)
            case "n":
                return to_devanagari_digits(_pad(bs.month, 2, flag))
            case "D":
                return to_devanagari_digits(_pad(bs.day, 2, flag))
            case "B":
                return MONTHS_EN[bs.month - 1]
            case "b":
                return MONTHS_EN[bs.month - 1][:3]
            case "N":
                return MONTHS_NE[bs.month - 1]
            case "A":
                return WEEKDAYS_EN[weekday]
            case "a":
                return WEEKDAYS_EN[weekday][:3]
            case "G":
                return WEEKDAYS_NE[weekday]
            case "F":
                return bs_to_ad(bs).isoformat()
            case "%" if not flag:
                return "%"
        raise UsageError(f"unknown directive '%{flag}{code}' in pattern {pattern!r}")

    return _DIRECTIVE.sub(directive, pattern)


# ---------------------------------------------------------------- parsing


class ParsedDate(NamedTuple):
    """A date as typed: which calendar it is in, and its year, month and day."""

    calendar: str  # "ad" or "bs"
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


def _names(*groups: tuple[int, str]) -> dict[str, int]:
    table: dict[str, int] = {}
    for month, spellings in groups:
        for spelling in spellings.split():
            table[_name_key(spelling)] = month
    return table


def _name_key(word: str) -> str:
    """Lookup key for a month name: NFC, casefolded, without ZWJ/ZWNJ, nukta or dots."""
    word = unicodedata.normalize("NFC", word).casefold()
    return word.translate({0x200C: None, 0x200D: None, 0x093C: None, ord("."): None})


BS_MONTH_NAMES = _names(
    (1, "baishakh baisakh baishak baisak vaisakh vaishakh vaishakha bai वैशाख बैशाख बैसाख"),
    (2, "jestha jeth jeshtha jyestha jyeshtha jesth jes जेठ जेष्ठ ज्येष्ठ जेठ"),
    (3, "asar ashar asadh ashadh ashadha aasar asad asa असार आषाढ असाढ अषाढ"),
    (4, "shrawan shravan srawan sawan saun saaun shr श्रावण साउन सावन"),
    (5, "bhadra bhadau bhado bhadrapad bha भदौ भाद्र भाद्रपद"),
    (6, "ashwin aswin asoj ashoj ashwin asauj aswin asw असोज आश्विन अश्विन असौज"),
    (7, "kartik kattik kartika kaattik kar कात्तिक कार्तिक"),
    (8, "mangsir mansir marga margashirsha mangshir mangsheer man मंसिर मङ्सिर मार्ग मार्गशीर्ष"),
    (9, "poush push paush pus pous pou पुस पौष पूस पूष"),
    (10, "magh magha maagh mag माघ"),
    (11, "falgun phalgun fagun phagun falgoon fal फागुन फाल्गुन फाल्गुण"),
    (12, "chaitra chait chaite cha चैत चैत्र"),
)
AD_MONTH_NAMES = _names(
    (1, "january jan जनवरी"),
    (2, "february feb फेब्रुअरी"),
    (3, "march mar मार्च"),
    (4, "april apr अप्रिल"),
    (5, "may मे"),
    (6, "june jun जुन"),
    (7, "july jul जुलाई"),
    (8, "august aug अगस्ट अगस्त"),
    (9, "september sep sept सेप्टेम्बर"),
    (10, "october oct अक्टोबर"),
    (11, "november nov नोभेम्बर"),
    (12, "december dec डिसेम्बर"),
)
# Words people write around a date that carry no date information.
_FILLER = {
    _name_key(w)
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
    original = text
    text = unicodedata.normalize("NFC", text).strip()
    if not text:
        raise UsageError("empty date")
    had_devanagari = any(ch in DEVANAGARI_DIGITS for ch in text)
    text = text.translate(_TO_ASCII)
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
        key = _name_key(token)
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


def parse_number(text: str, what: str) -> int:
    """A whole number in ASCII or Devanagari digits; anything else is a UsageError."""
    ascii_text = text.strip().translate(_TO_ASCII)
    if not (ascii_text.isascii() and ascii_text.isdigit()):
        raise UsageError(f"{what} must be a number, not {text!r}")
    return int(ascii_text)


def parse_bs_month(text: str) -> int:
    """A BS month from its number (``8``, ``८``) or any common spelling (``Mangsir``, ``मंसिर``)."""
    month = BS_MONTH_NAMES.get(_name_key(text.strip()))
    if month is None:
        month = parse_number(text, "BS month (1–12 or a name such as Mangsir)")
    if not 1 <= month <= 12:
        raise UsageError(f"month {month} does not exist (1–12)")
    return month


def parse_to_ad(text: str, assume: str | None = None) -> date:
    """The AD date of ``parse_date(text, assume)``, range-checked; errors name the input."""
    parsed = parse_date(text, assume)
    try:
        day = parsed.to_ad()
        ad_to_bs(day)  # range check
    except UsageError as exc:
        hint = ""
        if parsed.calendar == "ad" and parsed.year > last_day()[0].year:
            hint = " (a BS date? write bs:YYYY-MM-DD or use --from bs)"
        raise UsageError(f"{text!r}: {exc}{hint}") from None
    return day


# ---------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class DateConversion:
    """One day in both calendars; field order is the column order of every output format."""

    ad: str
    bs: str
    weekday: str
    bs_en: str
    bs_ne: str
    weekday_ne: str


def conversion(day: date) -> DateConversion:
    """The record for an AD day (range-checked)."""
    bs = ad_to_bs(day)
    weekday = day.weekday()
    return DateConversion(
        ad=day.isoformat(),
        bs=bs.isoformat(),
        weekday=WEEKDAYS_EN[weekday],
        bs_en=bs_text_en(bs),
        bs_ne=bs_text_ne(bs),
        weekday_ne=WEEKDAYS_NE[weekday],
    )


def month_days(year: int, month: int) -> list[DateConversion]:
    """Every day of a BS month as records."""
    first = bs_to_ad((year, month, 1))
    return [conversion(first + timedelta(days=i)) for i in range(days_in_month(year, month))]


@dataclass(frozen=True, slots=True)
class FiscalPeriod:
    """Nepal's fiscal year (Shrawan 1 – Asar end) or one of its quarters or chaumasik periods."""

    fiscal_year: str
    period: str
    name: str
    start_bs: str
    end_bs: str
    start_ad: str
    end_ad: str
    days: int
    current: bool


# (period id, name, first month, month count) with months counted from Shrawan (month 4).
_FISCAL_PERIODS = (
    ("FY", "Fiscal year", 0, 12),
    ("Q1", "First quarter (Shrawan–Asoj)", 0, 3),
    ("Q2", "Second quarter (Kartik–Poush)", 3, 3),
    ("Q3", "Third quarter (Magh–Chaitra)", 6, 3),
    ("Q4", "Fourth quarter (Baishakh–Asar)", 9, 3),
    ("C1", "First chaumasik (Shrawan–Kartik)", 0, 4),
    ("C2", "Second chaumasik (Mangsir–Falgun)", 4, 4),
    ("C3", "Third chaumasik (Chaitra–Asar)", 8, 4),
)


def fiscal_year_start(day: date) -> int:
    """The BS year in which the fiscal year containing ``day`` began (Shrawan = month 4)."""
    bs = ad_to_bs(day)
    return bs.year if bs.month >= 4 else bs.year - 1


def fiscal_year(day: date) -> list[FiscalPeriod]:
    """The fiscal year containing ``day`` and its quarters and chaumasik, as records."""
    start_year = fiscal_year_start(day)
    label = f"{start_year}/{(start_year + 1) % 100:02d}"
    shrawan_1 = BSDate(start_year, 4, 1)
    periods = []
    for period, name, offset, count in _FISCAL_PERIODS:
        first = add_months(shrawan_1, offset)
        last_month = add_months(first, count - 1)
        last = last_month._replace(day=days_in_month(last_month.year, last_month.month))
        start_ad, end_ad = bs_to_ad(first), bs_to_ad(last)
        periods.append(
            FiscalPeriod(
                fiscal_year=label,
                period=period,
                name=name,
                start_bs=first.isoformat(),
                end_bs=last.isoformat(),
                start_ad=start_ad.isoformat(),
                end_ad=end_ad.isoformat(),
                days=(end_ad - start_ad).days + 1,
                current=start_ad <= day <= end_ad,
            )
        )
    return periods


@dataclass(frozen=True, slots=True)
class DateDifference:
    """From one day to another: days, weeks and the span in BS years/months/days."""

    from_ad: str
    from_bs: str
    to_ad: str
    to_bs: str
    days: int
    weeks: float
    bs_years: int
    bs_months: int
    bs_days: int


def difference(start: date, end: date) -> DateDifference:
    """The record of ``end - start``."""
    span = bs_span(start, end)
    days = (end - start).days
    return DateDifference(
        from_ad=start.isoformat(),
        from_bs=ad_to_bs(start).isoformat(),
        to_ad=end.isoformat(),
        to_bs=ad_to_bs(end).isoformat(),
        days=days,
        weeks=round(days / 7, 2),
        bs_years=span.years,
        bs_months=span.months,
        bs_days=span.days,
    )
