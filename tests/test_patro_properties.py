"""Properties of every day of BS 1975–2100 (hypothesis picks the days)."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from npkit import days, patro
from npkit.dates import bs_to_ad, first_day, last_day

FIRST, LAST = first_day()[0], last_day()[0] - timedelta(days=40)
days_in_range = st.dates(min_value=FIRST, max_value=LAST)


@settings(max_examples=60, deadline=None)
@given(days_in_range)
def test_a_month_of_days_is_consistent(start: date) -> None:
    days = patro.days(start, start + timedelta(days=35))
    for day, after in itertools.pairwise(days):
        assert 1 <= day.tithi <= 30
        assert day.paksha == ("shukla" if day.tithi <= 15 else "krishna")
        assert day.sunrise < day.sunset < after.sunrise
        assert (after.tithi - day.tithi) % 30 in (0, 1, 2)
        if day.tithi_end is not None:
            # to the minute: a tithi may end within 30 s of sunrise
            assert day.sunrise <= day.tithi_end <= after.sunrise
            assert after.tithi != day.tithi
        else:
            assert after.tithi == day.tithi
        if after.lunar_month != day.lunar_month or after.adhik != day.adhik:
            # a day's month name changes with the new moon, or (the dark half taking the
            # next month's name) with the full moon
            assert after.tithi in (1, 2, 16, 17)


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=1976, max_value=2099))
def test_adhik_months_lie_between_normal_ones_of_the_same_name(bs_year: int) -> None:
    months: list[tuple[str, bool]] = []
    first = bs_to_ad((bs_year, 1, 1))
    for day in patro.days(first - timedelta(days=45), first + timedelta(days=410)):
        if not months or months[-1] != (day.lunar_month, day.adhik):
            months.append((day.lunar_month, day.adhik))
    for index, (name, adhik) in enumerate(months):
        if adhik and 0 < index < len(months) - 1:  # the range cuts the first and last
            assert not months[index - 1][1] and months[index + 1] == (name, False)


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=FIRST.year + 1, max_value=LAST.year - 1))
def test_nepal_sambat_changes_once_a_year_near_kartik(ad_year: int) -> None:
    year = days.between(date(ad_year, 1, 1), date(ad_year, 12, 31))
    assert year[0].ns_year == ad_year - 880 and year[-1].ns_year == ad_year - 879
    changes = [after for day, after in itertools.pairwise(year)
               if after.ns_year != day.ns_year]  # fmt: skip
    assert len(changes) == 1
    assert changes[0].lunar_month == "Kartik" and date(ad_year, 10, 10) < changes[0].ad
    assert changes[0].ad < date(ad_year, 11, 20)
