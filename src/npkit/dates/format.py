"""Dates as text: BS dates in words and patterns; ``day_columns`` builds whole columns of the
day table as text at C speed for the bulk path (the fields themselves: ``npkit.days``).
"""

from __future__ import annotations

from datetime import date
from itertools import cycle, islice, repeat

from npkit.dates.convert import FIRST_BS_YEAR, bs_to_ad, first_day, month_table
from npkit.dates.names import MONTHS_EN, MONTHS_NE, MONTHS_SHORT, WEEKDAYS_EN, WEEKDAYS_NE
from npkit.dates.records import BSDate
from npkit.digits import TO_DEVANAGARI
from npkit.errors import UsageError

TYPE_CHECKING = False  # typing is not imported at run time: `npkit date` starts faster
if TYPE_CHECKING:
    from collections.abc import Sequence
    from re import Match


def to_devanagari_digits(text: str | int) -> str:
    """``2081`` → ``२०८१`` (other characters unchanged)."""
    return str(text).translate(TO_DEVANAGARI)


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

    def directive(match: Match[str]) -> str:
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
                return MONTHS_SHORT[bs.month - 1]
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
        shown = ascii(f"%{flag}{code}")[1:-1]
        raise UsageError(f"unknown directive '{shown}' in pattern {pattern!a}")

    return re.sub(r"%(-?)(.?)", directive, pattern, flags=re.DOTALL)


DAY_COLUMNS = ("ad", "bs", "weekday", "bs_en", "bs_ne", "weekday_ne")
"""The day fields ``day_columns`` builds (npkit.days checks they match its conversion fields)."""


def day_columns(names: Sequence[str]) -> dict[str, list[str]]:
    """The day table by column: for every supported day in order, the text of each named
    field of ``DAY_COLUMNS`` (``ad``, ``bs``, ``weekday``, …), as the output layer writes
    it. Built a month at a time with C-level maps: the whole table (~46,000 days) costs a few
    milliseconds, not one parse per day (the bulk converter pays it before its lookups)."""
    table = month_table()
    first = table.starts[0]
    count = table.starts[-1] - first
    epoch_weekday = first_day()[0].weekday()
    columns: dict[str, list[str]] = {}
    for name in names:
        if name == "ad":
            columns[name] = _ad_column(first, count)
        elif name in ("weekday", "weekday_ne"):
            names_by_day = WEEKDAYS_EN if name == "weekday" else WEEKDAYS_NE
            week = names_by_day[epoch_weekday:] + names_by_day[:epoch_weekday]
            columns[name] = list(islice(cycle(week), count))
        else:
            columns[name] = _bs_column(name, table.lengths)
    return columns


_DAY_TEXTS = [f"{day:02d}" for day in range(1, 33)]


def _ad_column(first: int, count: int) -> list[str]:
    """The ISO text of ``count`` AD days from ordinal ``first``: each month's prefix
    (``2024-11-``) added to its day numbers."""
    column: list[str] = []
    start = date.fromordinal(first)
    year, month, skip = start.year, start.month, start.day - 1
    while len(column) < skip + count:
        following = date(year + month // 12, month % 12 + 1, 1)
        length = (following - date(year, month, 1)).days
        column += map(f"{year:04d}-{month:02d}-".__add__, _DAY_TEXTS[:length])
        year, month = following.year, following.month
    return column[skip : skip + count]


def _bs_column(name: str, lengths: list[int]) -> list[str]:
    """One BS text field for every day: each month's text around its day numbers."""
    if name == "bs":
        day_texts = _DAY_TEXTS
    elif name == "bs_en":
        day_texts = [str(d) for d in range(1, 33)]
    else:
        day_texts = [to_devanagari_digits(d) for d in range(1, 33)]
    column: list[str] = []
    for index, length in enumerate(lengths):
        years, month0 = divmod(index, 12)
        year, month = FIRST_BS_YEAR + years, month0 + 1
        if name == "bs":
            column += map(f"{year:04d}-{month:02d}-".__add__, day_texts[:length])
            continue
        if name == "bs_en":
            after = f" {MONTHS_EN[month - 1]} {year}"
        else:
            after = f" {MONTHS_NE[month - 1]} {to_devanagari_digits(year)}"
        column += map(str.__add__, day_texts[:length], repeat(after))
    return column
