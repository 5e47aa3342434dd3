"""The date record: a BS date (one day in both calendars, with every field: ``npkit.days``).

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
