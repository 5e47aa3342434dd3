"""Bikram Sambat (BS) ↔ Gregorian (AD) conversion: BSDate, the month table and the day table.

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

import os
import sys
from bisect import bisect_right
from collections import namedtuple
from datetime import UTC, date, datetime, timedelta, timezone
from functools import cache
from itertools import accumulate

from npkit.dates.names import MONTHS_EN
from npkit.errors import UsageError

TYPE_CHECKING = False  # typing is not imported at run time: `npkit date` starts faster
if TYPE_CHECKING:
    from typing import Self, overload

NEPAL_TZ = timezone(timedelta(hours=5, minutes=45), "+05:45")
"""Nepal Standard Time: UTC+05:45 all year, no daylight saving."""


# BS 1975-01-01 is AD 1918-04-13 (nepali_datetime.config.REFERENCE_DATE_AD; the independent
# table in tests agrees).
_EPOCH_AD = date(1918, 4, 13)
FIRST_BS_YEAR = 1975
"""The first BS year of the calendar data (BS 1975-01-01 is AD 1918-04-13)."""

UNVERIFIED_YEARS = frozenset({2096})
"""BS years whose data is known to be wrong somewhere: nepali-datetime gives BS 2096 364 days,
which no year has, and no independent source says which month lost the day."""


_WARNED: set[int] = set()  # unverified years warned about in this run


def warn_unverified(year: int) -> None:
    """The one rule for BS years whose data is known to be wrong (``UNVERIFIED_YEARS``):
    wherever a date in one is converted or shown, a warning (logger ``npkit.dates``; the
    CLI: stderr), said once per run (``reset_warnings`` starts a run)."""
    if year in UNVERIFIED_YEARS and year not in _WARNED:
        _WARNED.add(year)
        from npkit import logs

        logs.warn(
            "npkit.dates",
            f"date: BS {year} has 364 days in the calendar data (impossible): "
            "dates in it may be off by one day (see the accuracy section of the date docs)",
        )


def reset_warnings() -> None:
    """Start a run: ``warn_unverified`` may say each year's warning again (the CLI calls this
    once per command)."""
    _WARNED.clear()


# ---------------------------------------------------------------- a BS date


_YEARS_SEEN: set[int] = set()  # BS years inside the supported range, met by BSDate() before


class BSDate(namedtuple("BSDate", "year month day")):
    """A Bikram Sambat date (year, month, day); compares and sorts like a tuple.

    Construction checks the day exists: ``BSDate(2081, 2, 33)`` raises UsageError (a
    ValueError) naming the month's length, as does a year outside the supported range. Code
    that already knows a triple is valid (the day table) builds with ``BSDate._make``, which
    skips the check. Day arithmetic works like ``date``'s: ``bs + timedelta(days=3)``,
    ``bs - timedelta(days=3)``, ``bs2 - bs1`` (a timedelta)."""

    __slots__ = ()
    year: int
    month: int
    day: int

    def __new__(cls, year: int, month: int, day: int) -> Self:
        # Every BS month has at least 29 days: in a year already seen, that needs no table.
        if not (1 <= day <= 29 and 1 <= month <= 12 and year in _YEARS_SEEN):
            bs_to_ad((year, month, day))  # a UsageError for a day that does not exist
            _YEARS_SEEN.add(year)
        return tuple.__new__(cls, (year, month, day))

    def _replace(self, **changes: int) -> Self:
        """A copy with fields changed, checked like a new BSDate."""
        values = [changes.pop(name, value) for name, value in zip(self._fields, self, strict=True)]
        if changes:
            raise ValueError(f"BSDate has no field {next(iter(changes))!r}")
        return type(self)(*values)

    @classmethod
    def from_ad(cls, day: date) -> BSDate:
        """The BS date of an AD ``date`` (same as ``npkit.dates.ad_to_bs``)."""
        return ad_to_bs(day)

    @classmethod
    def today(cls) -> BSDate:
        """Today in Nepal (Asia/Kathmandu); ``NPKIT_TODAY`` pretends, as ``today_ad`` does."""
        return ad_to_bs(today_ad())

    @classmethod
    def fromisoformat(cls, text: str) -> BSDate:
        """``YYYY-MM-DD`` (ASCII digits) read as a BS date; anything else is a UsageError."""
        parts = text.split("-")
        if len(parts) != 3 or not all(part.isascii() and part.isdigit() for part in parts):
            raise UsageError(f"not a BS date in YYYY-MM-DD form: {text[:40]!r}")
        return cls(int(parts[0]), int(parts[1]), int(parts[2]))

    def to_ad(self) -> date:
        """The AD ``date`` of this day (same as ``npkit.dates.bs_to_ad``)."""
        return bs_to_ad(self)

    def weekday(self) -> int:
        """Day of the week, Monday 0 … Sunday 6, as ``date.weekday``."""
        return self.to_ad().weekday()

    def isoformat(self) -> str:
        """``YYYY-MM-DD`` with ASCII digits."""
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __str__(self) -> str:
        return self.isoformat()

    def __add__(self, other: object) -> BSDate:
        if isinstance(other, timedelta):
            try:
                return ad_to_bs(self.to_ad() + other)
            except OverflowError:
                raise UsageError(f"{other.days} days from BS {self} is out of range") from None
        return NotImplemented

    __radd__ = __add__

    if TYPE_CHECKING:

        @overload
        def __sub__(self, other: timedelta) -> BSDate: ...
        @overload
        def __sub__(self, other: BSDate) -> timedelta: ...

    def __sub__(self, other: object) -> BSDate | timedelta:
        if isinstance(other, timedelta):
            return self + (-other)
        if isinstance(other, BSDate):
            return self.to_ad() - other.to_ad()
        return NotImplemented


# ---------------------------------------------------------------- the month table


# lengths: index (year - FIRST_BS_YEAR) * 12 + month - 1; starts: AD ordinal of each month's
# day 1, plus one past the last day.
class _MonthTable(namedtuple("_MonthTable", "lengths starts")):
    __slots__ = ()
    lengths: list[int]
    starts: list[int]


def _read_nepali_datetime_table() -> list[list[int]]:
    """Rows of [year, 12 month lengths] from nepali-datetime's CSV, without importing it (nor
    the csv module, nor importlib's machinery where sys.path's folders hold it: plain numbers
    split on commas)."""
    path = _nepali_datetime_file(os.path.join("nepali_datetime", "data", "calendar_bs.csv"))
    with open(path, encoding="utf-8") as handle:
        lines = [line for line in handle.read().splitlines() if line[:1].isdigit()]
    cells = ",".join(lines).split(",")
    if len(cells) == 13 * len(lines):  # one C-level pass over every number (~4x faster)
        numbers = list(map(int, cells))
        return [numbers[start : start + 13] for start in range(0, len(numbers), 13)]
    return [[int(cell) for cell in line.split(",")[:13]] for line in lines]


def _nepali_datetime_file(relative: str) -> str:
    """The path of a file of the nepali_datetime package: looked for in sys.path's folders
    first, as the import system's path finder looks (~0.1 ms; importing that finder costs
    ~0.8), then by asking every finder (a zip, an unusual installer)."""
    for folder in sys.path:
        path = os.path.join(folder or ".", relative)
        if os.path.isfile(path) and os.path.isfile(
            os.path.join(folder or ".", "nepali_datetime", "__init__.py")
        ):
            return path
    import importlib.util

    spec = importlib.util.find_spec("nepali_datetime")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("nepali-datetime is not installed")
    folder = next(iter(spec.submodule_search_locations))
    return os.path.join(os.path.dirname(folder), relative)


@cache
def month_table() -> _MonthTable:
    """The month lengths and the AD ordinal of each month's first day (loaded once)."""
    rows = _read_nepali_datetime_table()
    if [row[0] for row in rows] != list(range(FIRST_BS_YEAR, FIRST_BS_YEAR + len(rows))):
        raise RuntimeError("nepali-datetime's calendar table is not one row per year")
    lengths = [days for row in rows for days in row[1:]]
    starts = list(accumulate(lengths, initial=_EPOCH_ORDINAL))
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
    table = month_table()
    years, month0 = divmod(index, 12)
    year, month = FIRST_BS_YEAR + years, month0 + 1
    first = table.starts[index] - _EPOCH_ORDINAL
    length = table.lengths[index]
    _DAYS[first : first + length] = [
        _new_bs(BSDate, (year, month, d)) for d in range(1, length + 1)
    ]


def last_bs_year() -> int:
    """The last BS year with data (2100)."""
    return FIRST_BS_YEAR + len(month_table().lengths) // 12 - 1


def year_ordinals(year: int) -> range:
    """The AD ordinals of BS ``year``'s days (empty outside the supported range)."""
    table = month_table()
    index = (year - FIRST_BS_YEAR) * 12
    if not 0 <= index < len(table.lengths):
        return range(0)
    return range(table.starts[index], table.starts[index + 12])


def first_day() -> tuple[date, BSDate]:
    """The first supported day, as (AD, BS)."""
    return _EPOCH_AD, BSDate(FIRST_BS_YEAR, 1, 1)


def last_day() -> tuple[date, BSDate]:
    """The last supported day, as (AD, BS)."""
    table = month_table()
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
    return month_table().lengths[(year - FIRST_BS_YEAR) * 12 + month - 1]


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
    starts = month_table().starts
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
    return date.fromordinal(month_table().starts[index] + day - 1)


def today_ad(now: datetime | None = None) -> date:
    """Today's AD date in Nepal (Asia/Kathmandu), whatever the machine's time zone.

    ``NPKIT_TODAY=YYYY-MM-DD`` pretends today is that day (scripts, tests and the examples in
    the docs give the same answers on any day)."""
    if now is None:
        pretend = os.environ.get("NPKIT_TODAY")
        if pretend:
            try:
                return date.fromisoformat(pretend.strip())
            except ValueError:
                raise UsageError(
                    f"NPKIT_TODAY must be a date like 2026-12-01, not {pretend[:40]!r}"
                ) from None
        now = datetime.now(UTC)
    return now.astimezone(NEPAL_TZ).date()
