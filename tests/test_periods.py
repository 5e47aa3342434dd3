"""BS month arithmetic, spans and Nepal's fiscal year."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from npkit import dates, periods
from npkit.dates import BSDate
from npkit.errors import UsageError

supported_days = st.dates(
    min_value=date(1919, 7, 20), max_value=date(2043, 7, 1)
)  # whole fiscal years on both sides


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (BSDate(2081, 2, 32), 1, BSDate(2081, 3, 31)),  # clamped: Asar 2081 has 31 days
        (BSDate(2081, 3, 31), -1, BSDate(2081, 2, 31)),
        (BSDate(2081, 12, 15), 1, BSDate(2082, 1, 15)),
        (BSDate(2081, 1, 1), -1, BSDate(2080, 12, 1)),
        (BSDate(2081, 8, 11), 24, BSDate(2083, 8, 11)),
    ],
)
def test_add_months_clamps_the_day(start: BSDate, months: int, expected: BSDate) -> None:
    assert periods.add_months(start, months) == expected


def test_add_outside_the_range_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        periods.add_months(BSDate(2100, 12, 1), 1)
    with pytest.raises(UsageError):
        periods.add_days(date(2044, 4, 12), 1)
    with pytest.raises(UsageError):
        periods.add_days(date(2024, 1, 1), 10**9)


def test_span_in_bs_units() -> None:
    span = periods.bs_span(date(2024, 1, 1), date(2024, 11, 26))  # 2080-09-16 → 2081-08-11
    assert (span.years, span.months, span.days) == (0, 10, 25)
    back = periods.bs_span(date(2024, 11, 26), date(2024, 1, 1))
    assert (back.years, back.months, back.days) == (0, -10, -25)


@given(supported_days, supported_days)
def test_span_adds_back_up(a: date, b: date) -> None:
    start, end = min(a, b), max(a, b)
    span = periods.bs_span(start, end)
    anchor = periods.add_months(dates.ad_to_bs(start), span.years * 12 + span.months)
    assert periods.add_days(dates.bs_to_ad(anchor), span.days) == end
    assert span.days >= 0 and 0 <= span.months < 12


def test_fiscal_year_2081_82() -> None:
    rows = {row.period: row for row in periods.fiscal_year(date(2024, 11, 26))}
    year = rows["FY"]
    assert (year.fiscal_year, year.start_bs, year.end_bs) == (
        "2081/82",
        (2081, 4, 1),
        (2082, 3, 32),
    )
    assert (year.start_ad, year.end_ad, year.days) == (date(2024, 7, 16), date(2025, 7, 16), 366)
    assert (rows["Q2"].start_bs, rows["Q2"].end_bs) == ((2081, 7, 1), (2081, 9, 29))
    assert (rows["C3"].start_bs, rows["C3"].end_bs) == ((2081, 12, 1), (2082, 3, 32))
    assert [p for p, row in rows.items() if row.current] == ["FY", "Q2", "C2"]


@given(supported_days)
def test_fiscal_periods_tile_the_year(day: date) -> None:
    rows = periods.fiscal_year(day)
    year = rows[0]
    quarters, chaumasik = rows[1:5], rows[5:8]
    for family in (quarters, chaumasik):
        assert sum(row.days for row in family) == year.days
        assert family[0].start_ad == year.start_ad and family[-1].end_ad == year.end_ad
        assert sum(row.current for row in family) == 1
        for before, after in pairwise(family):
            assert before.end_ad.toordinal() + 1 == after.start_ad.toordinal()
            assert before.end_bs + timedelta(days=1) == after.start_bs
    assert year.current and (year.start_bs.month, year.start_bs.day) == (4, 1)


def test_month_days_lists_every_day() -> None:
    days = periods.month_days(2081, 8)
    assert len(days) == 30
    assert (days[0].isoformat(), days[-1].isoformat()) == ("2024-11-16", "2024-12-15")
