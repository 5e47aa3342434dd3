"""The date records: a BS date, and one day in both calendars (the rows of ``npkit date``).

Built on ``namedtuple`` rather than dataclasses: importing ``dataclasses`` (it imports
``inspect``) would cost ``npkit date convert`` more time than the conversion itself.
``BSDate`` lives beside the month table it checks against (``npkit.dates.convert``).
"""

from __future__ import annotations

from collections import namedtuple

from npkit.dates.convert import BSDate

__all__ = ["BSDate", "DateConversion"]


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
