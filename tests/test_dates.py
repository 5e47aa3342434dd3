"""npkit.dates: conversion edges, formatting, Nepal's 'today'."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from npkit import dates, days
from npkit.errors import UsageError

FIRST, LAST = dates.first_day()[0], dates.last_day()[0]
supported_days = st.dates(min_value=FIRST, max_value=LAST)


@given(supported_days)
def test_round_trip_ad_bs_ad(day: date) -> None:
    assert dates.bs_to_ad(dates.ad_to_bs(day)) == day


@given(supported_days)
def test_bs_order_follows_ad_order(day: date) -> None:
    if day < LAST:
        assert dates.ad_to_bs(day) < dates.ad_to_bs(day + timedelta(days=1))


@pytest.mark.parametrize("day", [FIRST - timedelta(days=1), LAST + timedelta(days=1), date.min])
def test_out_of_range_ad_is_a_usage_error(day: date) -> None:
    with pytest.raises(UsageError, match="outside the supported range AD 1918-04-13 … 2044-04-12"):
        dates.ad_to_bs(day)


@pytest.mark.parametrize(
    ("bs", "message"),
    [
        ((2081, 2, 33), "Jestha 2081 has 32 days"),
        ((2081, 8, 0), "Mangsir 2081 has 30 days"),
        ((2081, 13, 1), "month 13 does not exist"),
        ((1974, 12, 30), "BS year 1974 is outside the supported range"),
        ((2101, 1, 1), "BS year 2101 is outside the supported range"),
    ],
)
def test_impossible_bs_dates_are_usage_errors(bs: tuple[int, int, int], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        dates.bs_to_ad(bs)


def test_today_is_nepal_time_whatever_the_machine_zone() -> None:
    # Nepal is UTC+05:45: the day turns at 18:15 UTC.
    before = datetime(2026, 11, 27, 18, 14, 59, tzinfo=UTC)
    after = datetime(2026, 11, 27, 18, 15, 0, tzinfo=UTC)
    assert dates.today_ad(before) == date(2026, 11, 27)
    assert dates.today_ad(after) == date(2026, 11, 28)
    new_york = timezone(timedelta(hours=-5))
    assert dates.today_ad(after.astimezone(new_york)) == date(2026, 11, 28)


def test_conversion_record() -> None:
    record = days.day(date(2024, 11, 26))
    assert record._asdict(days.CONVERT_FIELDS) == {
        "ad": date(2024, 11, 26),
        "bs": dates.BSDate(2081, 8, 11),
        "weekday": "Tuesday",
        "bs_en": "11 Mangsir 2081",
        "bs_ne": "११ मंसिर २०८१",
        "weekday_ne": "मंगलबार",
    }


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("%Y-%m-%d", "2081-08-01"),
        ("%-d %B %Y, %A", "1 Mangsir 2081, Saturday"),
        ("%d %b %Y (%a)", "01 Man 2081 (Sat)"),
        ("%K %N %D गते, %G", "२०८१ मंसिर ०१ गते, शनिबार"),
        ("%K/%-n/%-D", "२०८१/८/१"),
        ("BS %Y = AD %F, 100%%", "BS 2081 = AD 2024-11-16, 100%"),
    ],
)
def test_format_bs(pattern: str, expected: str) -> None:
    assert dates.format_bs(dates.BSDate(2081, 8, 1), pattern) == expected


@pytest.mark.parametrize("pattern", ["%Q", "%", "%-%"])
def test_format_bs_unknown_directive(pattern: str) -> None:
    with pytest.raises(UsageError, match=r"unknown directive|pattern"):
        dates.format_bs(dates.BSDate(2081, 8, 1), pattern)


def test_devanagari_digits() -> None:
    assert dates.to_devanagari_digits(2081) == "२०८१"
    assert dates.to_devanagari_digits("09-8") == "०९-८"
