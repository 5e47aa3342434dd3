"""The one vocabulary of a day: every field a day can have (its dates, fiscal periods and patro),
computed one way for every command and the library, and written one way by npkit.output.

    >>> from datetime import date
    >>> from npkit import days
    >>> d = days.day(date(2024, 11, 26))
    >>> d.bs_ne, d.fiscal_year, d.tithi_name
    ('११ मंसिर २०८१', '2081/82', 'Ekadashi')

``FIELDS`` is the table (name, group, help, compute) in column order; ``Day`` the record
(fields computed on first read, the patro only when a patro field is read);
``field_functions`` rows of only some fields, for streams. Above npkit.dates and npkit.patro
(it uses both), below npkit.output and the command line.
"""

from __future__ import annotations

from npkit.days.fields import (
    CALENDAR_FIELDS,
    CONVERT_FIELDS,
    FIELD_NAMES,
    FIELDS,
    GROUPS,
    TABLE,
    CalendarDay,
    ConvertedDay,
    Day,
    Field,
    check_fields,
    field_functions,
    needs_patro,
)
from npkit.days.ranges import between, day, month, year
from npkit.days.user import default_scopes, prefers_nepali, use_config_holidays

__all__ = [
    "CALENDAR_FIELDS",
    "CONVERT_FIELDS",
    "FIELDS",
    "FIELD_NAMES",
    "GROUPS",
    "TABLE",
    "CalendarDay",
    "ConvertedDay",
    "Day",
    "Field",
    "between",
    "check_fields",
    "day",
    "default_scopes",
    "field_functions",
    "month",
    "needs_patro",
    "prefers_nepali",
    "use_config_holidays",
    "year",
]
