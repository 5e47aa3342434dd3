"""Bikram Sambat (BS) ↔ Gregorian (AD) dates: the public face of the package.

Pure and offline. The modules behind it, each with one job: ``names`` (month and weekday
names, spellings), ``records`` (BSDate), ``convert`` (the month and day
tables), ``format`` (text and patterns), ``parse`` (what people type), ``reading`` (a
``Reading``: how the user writes dates, said once), ``ranges`` (a day or a range of published
data), ``periods`` (month arithmetic, fiscal years; imported on its own as ``npkit.periods``
or ``npkit.dates.periods``)::

    >>> from datetime import date
    >>> from npkit import dates
    >>> dates.ad_to_bs(date(2024, 11, 26))
    BSDate(year=2081, month=8, day=11)
"""

from __future__ import annotations

from npkit import lazy_names
from npkit.dates.convert import (
    FIRST_BS_YEAR,
    NEPAL_TZ,
    UNVERIFIED_YEARS,
    ad_to_bs,
    bs_to_ad,
    days_in_month,
    first_day,
    last_bs_year,
    last_day,
    reset_warnings,
    today_ad,
    warn_unverified,
    year_ordinals,
)
from npkit.dates.format import (
    DAY_COLUMNS,
    bs_text_en,
    bs_text_ne,
    day_columns,
    format_bs,
    to_devanagari_digits,
)
from npkit.dates.names import MONTHS_EN, MONTHS_NE, MONTHS_SHORT, WEEKDAYS_EN, WEEKDAYS_NE
from npkit.dates.ranges import as_date, check_not_future, requested_days
from npkit.dates.records import BSDate
from npkit.digits import DEVANAGARI_DIGITS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from npkit.dates.parse import (
        ParsedDate,
        parse_bs_month,
        parse_date,
        parse_day,
        parse_fiscal_label,
        parse_number,
        parse_to_ad,
    )
    from npkit.dates.reading import Reading

_PARSER = "npkit.dates.parse"
__getattr__ = lazy_names(
    __name__,
    {
        "ParsedDate": _PARSER,
        "parse_bs_month": _PARSER,
        "parse_date": _PARSER,
        "parse_day": _PARSER,
        "parse_fiscal_label": _PARSER,
        "parse_number": _PARSER,
        "parse_to_ad": _PARSER,
        "Reading": "npkit.dates.reading",
    },
)
"""Names whose modules load on first use: the parser of what people type (its tables and
patterns) is not needed by ``npkit date today``, a patro or a conversion of ``date`` objects."""


__all__ = [
    "DAY_COLUMNS",
    "DEVANAGARI_DIGITS",
    "FIRST_BS_YEAR",
    "MONTHS_EN",
    "MONTHS_NE",
    "MONTHS_SHORT",
    "NEPAL_TZ",
    "UNVERIFIED_YEARS",
    "WEEKDAYS_EN",
    "WEEKDAYS_NE",
    "BSDate",
    "ParsedDate",
    "Reading",
    "ad_to_bs",
    "as_date",
    "bs_text_en",
    "bs_text_ne",
    "bs_to_ad",
    "check_not_future",
    "day_columns",
    "days_in_month",
    "first_day",
    "format_bs",
    "last_bs_year",
    "last_day",
    "parse_bs_month",
    "parse_date",
    "parse_day",
    "parse_fiscal_label",
    "parse_number",
    "parse_to_ad",
    "requested_days",
    "reset_warnings",
    "to_devanagari_digits",
    "today_ad",
    "warn_unverified",
    "year_ordinals",
]
