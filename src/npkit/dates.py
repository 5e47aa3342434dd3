"""Bikram Sambat (BS) ↔ Gregorian (AD) dates: conversion, parsing, formatting.

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

from bisect import bisect_right
from collections import namedtuple
from datetime import UTC, date, datetime, timedelta, timezone
from functools import cache
from itertools import cycle, islice

from npkit.errors import UsageError

TYPE_CHECKING = False  # typing is not imported at run time: `npkit date` starts faster
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

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


class BSDate(namedtuple("BSDate", "year month day")):
    """A Bikram Sambat date (year, month, day); compares and sorts like a tuple."""

    __slots__ = ()
    year: int
    month: int
    day: int

    def isoformat(self) -> str:
        """``YYYY-MM-DD`` with ASCII digits."""
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __str__(self) -> str:
        return self.isoformat()


# ---------------------------------------------------------------- the month table


# lengths: index (year - FIRST_BS_YEAR) * 12 + month - 1; starts: AD ordinal of each month's
# day 1, plus one past the last day.
_MonthTable = namedtuple("_MonthTable", "lengths starts")


def _read_nepali_datetime_table() -> list[list[int]]:
    """Rows of [year, 12 month lengths] from nepali-datetime's CSV, without importing it."""
    import csv
    import importlib.util
    import os.path

    spec = importlib.util.find_spec("nepali_datetime")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("nepali-datetime is not installed")
    folder = next(iter(spec.submodule_search_locations))
    path = os.path.join(folder, "data", "calendar_bs.csv")
    with open(path, encoding="utf-8", newline="") as handle:
        return [[int(cell) for cell in row[:13]] for row in csv.reader(handle) if row[0].isdigit()]


@cache
def _table() -> _MonthTable:
    rows = _read_nepali_datetime_table()
    if [row[0] for row in rows] != list(range(FIRST_BS_YEAR, FIRST_BS_YEAR + len(rows))):
        raise RuntimeError("nepali-datetime's calendar table is not one row per year")
    lengths = [days for row in rows for days in row[1:]]
    starts = [_EPOCH_ORDINAL]
    for days in lengths:
        starts.append(starts[-1] + days)
    _DAYS.extend([None] * (starts[-1] - _EPOCH_ORDINAL))
    return _MonthTable(lengths, starts)


# The day table: the BS date of every supported day, indexed by AD ordinal − _EPOCH_ORDINAL.
# Sized when the month table loads and filled a month at a time on first use, so one
# conversion costs one month of work and a million cost one index each.
_EPOCH_ORDINAL = _EPOCH_AD.toordinal()
_DAYS: list[BSDate | None] = []
_new_bs = tuple.__new__  # BSDate without namedtuple's Python-level __new__


def _fill_month(index: int) -> None:
    """Put the BS dates of month ``index`` (of the month table) into the day table."""
    table = _table()
    years, month0 = divmod(index, 12)
    year, month = FIRST_BS_YEAR + years, month0 + 1
    first = table.starts[index] - _EPOCH_ORDINAL
    length = table.lengths[index]
    _DAYS[first : first + length] = [
        _new_bs(BSDate, (year, month, d)) for d in range(1, length + 1)
    ]


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


def day_columns(names: Sequence[str]) -> dict[str, list[str]]:
    """The day table by column: for every supported day in order, the text of each named
    DateConversion field (``ad``, ``bs``, ``weekday``, …). Built with C-level loops: the
    whole table (~46,000 days) costs tens of milliseconds, not one parse per day."""
    table = _table()
    first = table.starts[0]
    count = table.starts[-1] - first
    columns: dict[str, list[str]] = {}
    for name in names:
        if name == "ad":
            days = map(date.fromordinal, range(first, first + count))
            columns[name] = list(map(date.isoformat, days))
        elif name in ("weekday", "weekday_ne"):
            names_by_day = WEEKDAYS_EN if name == "weekday" else WEEKDAYS_NE
            week = names_by_day[_EPOCH_AD.weekday() :] + names_by_day[: _EPOCH_AD.weekday()]
            columns[name] = list(islice(cycle(week), count))
        else:
            columns[name] = list(_bs_column(name, table.lengths))
    return columns


def _bs_column(name: str, lengths: list[int]) -> Iterator[str]:
    """One BS text field for every day, each built as before + day text + after."""
    if name == "bs":
        day_texts = [f"{d:02d}" for d in range(1, 33)]
    elif name == "bs_en":
        day_texts = [str(d) for d in range(1, 33)]
    else:
        day_texts = [to_devanagari_digits(d) for d in range(1, 33)]
    for index, length in enumerate(lengths):
        years, month0 = divmod(index, 12)
        year, month = FIRST_BS_YEAR + years, month0 + 1
        if name == "bs":
            before, after = f"{year:04d}-{month:02d}-", ""
        elif name == "bs_en":
            before, after = "", f" {MONTHS_EN[month - 1]} {year}"
        else:
            before, after = "", f" {MONTHS_NE[month - 1]} {to_devanagari_digits(year)}"
        for day_text in day_texts[:length]:
            yield before + day_text + after


def days_in_year(year: int) -> int:
    """Length of a BS year in days."""
    return sum(days_in_month(year, month) for month in range(1, 13))


# ---------------------------------------------------------------- conversion


def ad_to_bs(day: date) -> BSDate:
    """The BS date of an AD date; outside the supported range is a UsageError."""
    offset = day.toordinal() - _EPOCH_ORDINAL
    if 0 <= offset < len(_DAYS):
        bs = _DAYS[offset]
        if bs is not None:
            return bs
    return _ad_to_bs_first_time(day, offset)


def _ad_to_bs_first_time(day: date, offset: int) -> BSDate:
    """Load the tables, check the range, fill the day's month; then answer from the table."""
    starts = _table().starts
    if not 0 <= offset < len(_DAYS):
        raise UsageError(f"AD {day.isoformat()} is outside the supported range {_range_text('ad')}")
    _fill_month(bisect_right(starts, offset + _EPOCH_ORDINAL) - 1)
    return _DAYS[offset]  # type: ignore[return-value]


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


def format_bs(bs: BSDate, pattern: str, weekday: int | None = None) -> str:
    """Format a BS date with strftime-style directives (see docs/date.md).

    ASCII: %Y %m %d %B (Mangsir) %b (Man) %A (Tuesday) %a (Tue); Devanagari: %K (२०८१)
    %n (०८) %D (११) %N (मंसिर) %G (मंगलबार); AD: %F (2024-11-26); ``%-d`` drops zero padding;
    ``%%`` is a percent sign. An unknown directive is a UsageError.
    """
    import re

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

    return re.sub(r"%(-?)(.?)", directive, pattern, flags=re.DOTALL)


# ---------------------------------------------------------------- parsing


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
    from npkit.date_parse import parse_text

    return parse_text(text, assume)


def as_date(value: object, what: str = "date") -> date:
    """A library argument as a date: a ``date``, a ``datetime`` (its date), or text in any form
    ``parse_date`` reads. (``parse_date``, not ``parse_to_ad``: the latter's range hint speaks
    of ``--from bs``, which commands other than ``npkit date`` don't have.)"""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return parse_date(value).to_ad()
    raise UsageError(f"{what} must be a date, not {value!r}")


def check_not_future(day: date, today: date) -> None:
    """Published data (rates, prices) has no future days: a UsageError, with a hint when the
    date looks like a BS date typed as AD."""
    if day > today:
        hint = "; a BS date? write bs:YYYY-MM-DD" if day.year > today.year + 20 else ""
        raise UsageError(f"{day} is in the future (today in Nepal is {today}{hint})")


def requested_days(
    day: object = None, start: object = None, end: object = None, *, today: date
) -> tuple[date, date] | None:
    """What a command for published data (rates, prices) was asked: ``(first, last)`` for one
    ``day`` or a range ``start`` … ``end`` (end defaults to ``today`` and is cut there), or None
    for "the latest". Contradictions, reversed ranges and future days are UsageErrors."""
    if day is not None and (start is not None or end is not None):
        raise UsageError("give a single date or a range (from/to), not both")
    if day is not None:
        first = as_date(day, "date")
        check_not_future(first, today)
        return first, first
    if start is None and end is None:
        return None
    if start is None:
        raise UsageError("a range needs a start date (--from)")
    first = as_date(start, "start")
    last = as_date(end, "end") if end is not None else today
    if first > last:
        raise UsageError(f"the range starts ({first}) after it ends ({last})")
    check_not_future(first, today)
    return first, min(last, today)


def parse_number(text: str, what: str) -> int:
    """A whole number in ASCII or Devanagari digits; anything else is a UsageError."""
    ascii_text = text.strip().translate(_TO_ASCII)
    if not (ascii_text.isascii() and ascii_text.isdigit()):
        raise UsageError(f"{what} must be a number, not {text!r}")
    return int(ascii_text)


def parse_bs_month(text: str) -> int:
    """A BS month from its number (``8``, ``८``) or any common spelling (``Mangsir``, ``मंसिर``)."""
    from npkit.date_parse import BS_MONTH_NAMES, name_key

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


# ---------------------------------------------------------------- records


class DateConversion(namedtuple("DateConversion", "ad bs weekday bs_en bs_ne weekday_ne")):
    """One day in both calendars; field order is the column order of every output format.

    An immutable record like the other npkit records, built on ``namedtuple`` rather than a
    dataclass because importing ``dataclasses`` (it imports ``inspect``) would cost ``npkit
    date convert`` more time than the conversion itself.
    """

    __slots__ = ()
    ad: str
    bs: str
    weekday: str
    bs_en: str
    bs_ne: str
    weekday_ne: str


# How each DateConversion field is computed from (AD date, BS date); bulk conversion computes
# only the fields asked for.
CONVERSION_FIELDS: dict[str, Callable[[date, BSDate], str]] = {
    "ad": lambda day, bs: day.isoformat(),
    "bs": lambda day, bs: bs.isoformat(),
    "weekday": lambda day, bs: WEEKDAYS_EN[day.weekday()],
    "bs_en": lambda day, bs: bs_text_en(bs),
    "bs_ne": lambda day, bs: bs_text_ne(bs),
    "weekday_ne": lambda day, bs: WEEKDAYS_NE[day.weekday()],
}


def conversion(day: date) -> DateConversion:
    """The record for an AD day (range-checked)."""
    bs = ad_to_bs(day)
    return DateConversion(*(field(day, bs) for field in CONVERSION_FIELDS.values()))
