"""The date records: a BS date, and one day in both calendars (the rows of ``npkit date``).

Built on ``namedtuple`` rather than dataclasses: importing ``dataclasses`` (it imports
``inspect``) would cost ``npkit date convert`` more time than the conversion itself.
"""

from __future__ import annotations

from collections import namedtuple


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
