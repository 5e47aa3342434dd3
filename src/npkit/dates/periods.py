"""Periods on the BS calendar: month arithmetic, spans, fiscal years, month listings.

Built on the conversion tables; pure and offline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from npkit.dates.convert import ad_to_bs, bs_to_ad, days_in_month
from npkit.dates.records import BSDate
from npkit.errors import UsageError


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


def month_days(year: int, month: int) -> list[date]:
    """Every (AD) day of a BS month (``npkit.days.month`` gives them with all their fields)."""
    first = bs_to_ad((year, month, 1))
    return [first + timedelta(days=i) for i in range(days_in_month(year, month))]


@dataclass(frozen=True, slots=True)
class FiscalPeriod:
    """Nepal's fiscal year (Shrawan 1 – Asar end) or one of its quarters or chaumasik periods."""

    fiscal_year: str
    period: str
    name: str
    start_bs: BSDate
    end_bs: BSDate
    start_ad: date
    end_ad: date
    days: int
    current: bool

    # How a table shows these records (npkit.output.render, npkit.output.table).
    TABLE_DROP = ("fiscal_year", "current", "days", "start_ad", "end_ad", "end_bs")


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


def fiscal_year(day: date, *, today: date | None = None) -> list[FiscalPeriod]:
    """The fiscal year containing ``day`` and its quarters and chaumasik, as records.

    ``current`` marks the periods containing ``day``, or ``today`` when given (a year asked
    for by its label: the periods running now, none for another year)."""
    mark = today if today is not None else day
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
                start_bs=first,
                end_bs=last,
                start_ad=start_ad,
                end_ad=end_ad,
                days=(end_ad - start_ad).days + 1,
                current=start_ad <= mark <= end_ad,
            )
        )
    return periods


@dataclass(frozen=True, slots=True)
class DateDifference:
    """From one day to another: days, weeks and the span in BS years/months/days.

    ``workdays`` (the working days from one to the other, both included) needs the patro,
    which sits above npkit.dates: it is None here, and filled in by whoever has the patro
    (``npkit date diff --fields …,workdays``: npkit.patro.workdays_between). It is not among
    the default columns, so a plain ``diff`` never loads the patro."""

    from_ad: date
    from_bs: BSDate
    to_ad: date
    to_bs: BSDate
    days: int
    weeks: float
    bs_years: int
    bs_months: int
    bs_days: int
    workdays: int | None = None

    # How a table shows these records (npkit.output.render, npkit.output.table).
    TABLE_DROP = ("weeks", "from_bs", "to_bs", "from_ad", "to_ad")  # keep the answer
    DEFAULT_FIELDS = (
        "from_ad", "from_bs", "to_ad", "to_bs", "days", "weeks", "bs_years", "bs_months",
        "bs_days",
    )  # fmt: skip


def difference(start: date, end: date) -> DateDifference:
    """The record of ``end - start``."""
    span = bs_span(start, end)
    days = (end - start).days
    return DateDifference(
        from_ad=start,
        from_bs=ad_to_bs(start),
        to_ad=end,
        to_bs=ad_to_bs(end),
        days=days,
        weeks=round(days / 7, 2),
        bs_years=span.years,
        bs_months=span.months,
        bs_days=span.days,
    )
