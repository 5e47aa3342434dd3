"""The date records: a BS date, and one day in both calendars (the rows of ``npkit date``).

Built on ``namedtuple`` rather than dataclasses: importing ``dataclasses`` (it imports
``inspect``) would cost ``npkit date convert`` more time than the conversion itself.
"""

from __future__ import annotations

from collections import namedtuple
from datetime import date, timedelta

from npkit.errors import UsageError

TYPE_CHECKING = False  # typing is not imported at run time (see above)
if TYPE_CHECKING:
    from typing import Self, overload

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
            from npkit.dates.convert import bs_to_ad

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
        from npkit.dates.convert import ad_to_bs

        return ad_to_bs(day)

    @classmethod
    def today(cls) -> BSDate:
        """Today in Nepal (Asia/Kathmandu); ``NPKIT_TODAY`` pretends, as ``today_ad`` does."""
        from npkit.dates.convert import ad_to_bs, today_ad

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
        from npkit.dates.convert import bs_to_ad

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
            from npkit.dates.periods import add_days

            return BSDate.from_ad(add_days(self.to_ad(), other.days))
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


class DateConversion(namedtuple("DateConversion", "ad bs weekday bs_en bs_ne weekday_ne")):
    """One day in both calendars; field order is the column order of every output format."""

    __slots__ = ()
    ad: str
    bs: str
    weekday: str
    bs_en: str
    bs_ne: str
    weekday_ne: str

    # How a table shows these records (npkit.output.render, npkit.output.table).
    TABLE_DROP = ("weekday_ne", "bs_ne", "bs_en", "weekday")
