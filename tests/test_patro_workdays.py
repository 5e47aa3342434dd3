"""Working days and days off (issue 16): Saturdays, holidays of the scopes asked (their
union), likely holidays in a year without a notice; cases small enough to count by hand."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from npkit import days, patro
from npkit.errors import UsageError

# Dashain 2083 (MoHA notice 2083: 2083-06-31 to 2083-07-05 for everyone) is Sat 17 to Thu
# 22 October 2026; Fri 16 and Fri 23 are working days, Sat 24 the weekly day off.
FRI_16, FRI_23, WED_28 = date(2026, 10, 16), date(2026, 10, 23), date(2026, 10, 28)


def test_workdays_between_counts_by_hand() -> None:
    assert patro.workdays_between(FRI_16, FRI_16) == 1  # both ends included
    assert patro.workdays_between(FRI_16, FRI_23) == 2  # Fri 16, Fri 23: Dashain between
    assert patro.workdays_between(FRI_16, WED_28) == 6  # + Sun 25 … Wed 28 (Sat 24 off)
    assert patro.workdays_between(WED_28, FRI_16) == -6
    assert patro.workdays_between(date(2026, 10, 17), date(2026, 10, 22)) == 0


def test_add_workdays_skips_saturdays_and_holidays() -> None:
    assert patro.add_workdays(FRI_16, 1) == FRI_23
    assert patro.add_workdays(FRI_16, 5) == WED_28  # 23, 25, 26, 27, 28
    assert patro.add_workdays(FRI_23, -1) == FRI_16
    assert patro.add_workdays(FRI_16, 0) == FRI_16
    for n in range(1, 30):  # the two agree: n working days on, n + 1 counted with the start
        assert patro.workdays_between(FRI_16, patro.add_workdays(FRI_16, n)) == n + 1
    with pytest.raises(UsageError):
        patro.add_workdays(date(2044, 4, 10), 10)


def test_scopes_are_a_union_and_likely_days_count_unless_confirmed() -> None:
    teej = date(2026, 9, 14)  # Monday, Haritalika Teej 2083: women only
    week = (teej - timedelta(days=1), teej + timedelta(days=1))  # Sun 13 … Tue 15
    assert patro.workdays_between(*week) == 3
    assert patro.workdays_between(*week, scope="women") == 2
    assert patro.workdays_between(*week, scope=["newar", "women"]) == 2
    assert patro.is_holiday(teej, ["kirat", "women"]) and not patro.is_holiday(teej, ["kirat"])
    new_year = date(2027, 4, 14)  # Wednesday, 2084-01-01: no notice, a likely holiday
    assert patro.workdays_between(new_year, new_year) == 0
    assert patro.workdays_between(new_year, new_year, confirmed=True) == 1


def test_day_off_is_one_field_for_the_scopes_asked() -> None:
    teej, saturday = date(2026, 9, 14), date(2026, 9, 12)
    assert days.Day(saturday).day_off and days.Day(saturday).holidays == ()
    assert patro.holiday_check(saturday).reason == "Saturday"
    assert not days.Day(teej).day_off and days.Day(teej, scopes=["women"]).day_off
    [holiday] = days.Day(teej).holidays  # every holiday of the day, whoever gets it
    assert (holiday.scope, holiday.status, holiday.source) == (
        "women", "confirmed", "MoHA notice 2083"
    )  # fmt: skip
    functions = days.field_functions(["day_off"], scopes="women")
    assert functions[0](teej, days.Day(teej).bs) is True
    for day in (date(2026, 10, 1) + timedelta(days=i) for i in range(62)):
        assert days.Day(day).day_off == patro.is_holiday(day), day
    assert days.Day(date(2027, 4, 14)).day_off  # a likely holiday is a day off
