"""The BS calendar data checked day by day against an independent table and nepali-datetime.

tests/fixtures/calendar/bs_month_lengths_majority.csv was built from 13 other BS libraries
(see the README beside it); every month of npkit's range must match it in length and start.
"""

from __future__ import annotations

import csv
from datetime import date, timedelta

import nepali_datetime
import pytest

from npkit import dates, days
from npkit.output.values import text_value
from tests.conftest import FIXTURES

MAJORITY = FIXTURES / "calendar" / "bs_month_lengths_majority.csv"


def majority_rows() -> list[dict[str, str]]:
    with MAJORITY.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    first, last = dates.FIRST_BS_YEAR, dates.last_bs_year()
    return [row for row in rows if first <= int(row["bs_year"]) <= last]


def test_range_is_what_nepali_datetime_supports() -> None:
    (ad_first, bs_first), (ad_last, bs_last) = dates.first_day(), dates.last_day()
    assert (bs_first, bs_last) == (dates.BSDate(1975, 1, 1), dates.BSDate(2100, 12, 30))
    assert (ad_first, ad_last) == (date(1918, 4, 13), date(2044, 4, 12))
    assert dates.FIRST_BS_YEAR == nepali_datetime.MINYEAR
    assert dates.last_bs_year() == nepali_datetime.MAXYEAR


def test_every_month_matches_the_independent_table() -> None:
    rows = majority_rows()
    assert len(rows) == 126 * 12
    mismatches = []
    for row in rows:
        year, month = int(row["bs_year"]), int(row["month"])
        length = dates.days_in_month(year, month)
        start = dates.bs_to_ad((year, month, 1))
        if (length, start.isoformat()) != (int(row["days"]), row["ad_start"]):
            mismatches.append((year, month, length, start, row["days"], row["ad_start"]))
    assert mismatches == []


def test_every_day_matches_the_independent_table() -> None:
    """Expand the table to days and compare each one, both directions."""
    checked = 0
    for row in majority_rows():
        year, month = int(row["bs_year"]), int(row["month"])
        start = date.fromisoformat(row["ad_start"])
        for offset in range(int(row["days"])):
            ad = start + timedelta(days=offset)
            bs = dates.BSDate(year, month, offset + 1)
            assert dates.ad_to_bs(ad) == bs
            assert dates.bs_to_ad(bs) == ad
            checked += 1
    assert checked == (dates.last_day()[0] - dates.first_day()[0]).days + 1


def test_every_day_matches_nepali_datetime_itself() -> None:
    """npkit reads nepali-datetime's CSV directly: prove it reads it as the library does."""
    first, last = dates.first_day()[0], dates.last_day()[0]
    day = first
    while day <= last:
        theirs = nepali_datetime.date.from_datetime_date(day)
        assert dates.ad_to_bs(day) == (theirs.year, theirs.month, theirs.day), day
        day += timedelta(days=17)  # a stride co-prime with 7 and month lengths; all months hit
    assert nepali_datetime.date(2100, 12, 30).to_datetime_date() == last


def test_bs_2096_is_the_known_impossible_year() -> None:
    """nepali-datetime (and the table built from its family) gives BS 2096 364 days.

    No year has 364 days; which month lost a day is unknown, so npkit flags the year as
    unverified instead of guessing. If this starts failing, the upstream data changed:
    update UNVERIFIED_YEARS and docs/date.md#accuracy.
    """
    lengths = {
        year: sum(dates.days_in_month(year, m) for m in range(1, 13)) for year in range(1975, 2101)
    }
    assert {year for year, days in lengths.items() if days not in (365, 366)} == {2096}
    assert {2096} == dates.UNVERIFIED_YEARS


def test_every_day_round_trips_and_the_day_table_agrees() -> None:
    columns = dates.day_columns(["ad", "bs", "weekday", "bs_en", "bs_ne", "weekday_ne"])
    first = dates.first_day()[0]
    for offset, ad_text in enumerate(columns["ad"]):
        day = first + timedelta(days=offset)
        assert ad_text == day.isoformat()
        record = days.Day(day)
        written = tuple(text_value(getattr(record, name)) for name in dates.DAY_COLUMNS)
        assert written == tuple(columns[name][offset] for name in dates.DAY_COLUMNS)
        assert dates.parse_to_ad(record.bs.isoformat(), "bs") == day


@pytest.mark.parametrize(
    ("ad", "bs"),
    [
        ("1918-04-13", "1975-01-01"),
        ("1943-04-14", "2000-01-01"),
        ("2024-11-26", "2081-08-11"),
        ("2025-07-16", "2082-03-32"),  # a 32-day Asar
        ("2026-11-27", "2083-08-11"),
        ("2044-04-12", "2100-12-30"),
    ],
)
def test_known_dates(ad: str, bs: str) -> None:
    assert dates.ad_to_bs(date.fromisoformat(ad)).isoformat() == bs
    assert dates.bs_to_ad(tuple(map(int, bs.split("-")))).isoformat() == ad


def test_the_table_file_is_found_with_or_without_sys_path(monkeypatch: pytest.MonkeyPatch) -> None:
    # Found in sys.path's folders without importlib's machinery; where sys.path does not hold
    # it (a zip, another installer), every finder is asked.
    import importlib.util
    import os

    from npkit.dates import convert

    spec = importlib.util.find_spec("nepali_datetime")
    assert spec is not None and spec.origin is not None
    expected = os.path.join(os.path.dirname(spec.origin), "data", "calendar_bs.csv")
    relative = os.path.join("nepali_datetime", "data", "calendar_bs.csv")
    assert os.path.samefile(convert._nepali_datetime_file(relative), expected)
    monkeypatch.setattr("sys.path", [])  # nepali_datetime is imported above: its spec answers
    assert os.path.samefile(convert._nepali_datetime_file(relative), expected)
