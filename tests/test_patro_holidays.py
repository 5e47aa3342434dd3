"""The shipped public holidays: sourced, in the scope vocabulary, and agreeing with the OCR of
the MoHA notices wherever that OCR is right."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from npkit import patro
from npkit.errors import UsageError
from npkit.patro import notices

FIXTURES = Path(__file__).parent / "fixtures" / "calendar"
# OCR rows known to be wrong (tests/fixtures/calendar/README.md): (year, bs_date as read)
OCR_ERRORS = {(2082, "2082-04-02"), (2083, "2083-05-138"), (2080, "2080-06-02")}
SOURCES = ("MoHA notice ", "nepdate-patro 0.1.0b1")


def _ocr_rows() -> list[dict[str, str]]:
    with open(FIXTURES / "public_holidays_moha_notice_2080_2083.csv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_every_shipped_row_names_its_source_and_a_known_scope() -> None:
    rows = notices.shipped_rows()
    assert len(rows) > 120
    for row in rows:
        assert row.source.startswith(SOURCES), row
        assert row.scope in patro.SCOPES, row
        assert row.start <= row.end and row.start.year == row.bs_year


def test_rows_agree_with_the_ocr_where_it_is_right() -> None:
    """Every OCR row's day is a holiday in our table in that year, except the known errors;
    and every row we cite as the notice's OCR has an OCR row on one of its days."""
    ours = {(h.bs.year, h.bs.isoformat()) for y in range(2080, 2084) for h in patro.holidays(y)}
    wrong = [
        (row["bs_year"], row["bs_date"], row["name_ne"])
        for row in _ocr_rows()
        if (int(row["bs_year"]), row["bs_date"]) not in ours
        and (int(row["bs_year"]), row["bs_date"]) not in OCR_ERRORS
    ]
    assert wrong == []
    ocr_days = {row["bs_date"] for row in _ocr_rows()}
    for row in notices.shipped_rows():
        if row.source.startswith("MoHA notice") and "corrected" not in row.source:
            days = {h.bs.isoformat() for h in patro.holidays(row.bs_year) if h.name == row.name}
            assert days & ocr_days, row


def test_known_ocr_errors_are_corrected() -> None:
    gai_jatra = [h.bs.isoformat() for h in patro.holidays(2082) if h.name == "Gai Jatra"]
    assert gai_jatra == ["2082-04-25"]
    constitution = [h.bs.isoformat() for h in patro.holidays(2080) if h.name == "Constitution Day"]
    assert constitution == ["2080-06-03"]


def test_known_years_and_a_year_without_a_notice() -> None:
    for year in range(2080, 2084):
        assert patro.holidays_known(year)
        assert len({h.ad for h in patro.holidays(year, scope="everyone")}) >= 25
    assert not patro.holidays_known(2084)
    assert patro.holidays(2084) == []
    assert patro.festivals(2084)  # computed festivals are still there


def test_ranges_are_expanded_and_scopes_filter() -> None:
    dashain = [h for h in patro.holidays(2080) if h.name == "Dashain holidays"]
    assert [h.ad for h in dashain] == [date(2023, 10, d) for d in range(21, 27)]
    assert {h.scope for h in patro.holidays(2080, scope="women")} == {"women"}


def test_is_holiday() -> None:
    teej = date(2023, 9, 18)  # Monday
    assert not patro.is_holiday(teej)
    assert patro.is_holiday(teej, scope="women")
    assert patro.is_holiday(date(2023, 10, 24))  # Vijaya Dashami, for everyone
    assert patro.is_holiday(date(2023, 10, 24), scope="women")
    saturday = date(2023, 4, 15)
    assert patro.is_holiday(saturday) and not patro.is_holiday(saturday, saturday=False)
    assert patro.day(date(2023, 10, 24)).holiday is not None


def test_user_days_are_merged_with_source_config() -> None:
    try:
        patro.set_user_holidays(
            [{"date": "2023-09-18", "name": "Office picnic", "name_ne": "वनभोज"},
             {"start": "bs:2084-01-05", "end": "bs:2084-01-06", "name": "Leave", "scope": "me"}]
        )  # fmt: skip
        assert patro.is_holiday(date(2023, 9, 18))
        picnic = [h for h in patro.holidays(2080) if h.name == "Office picnic"]
        assert [(h.ad, h.source, h.name_ne) for h in picnic] == [
            (date(2023, 9, 18), "config", "वनभोज")
        ]
        assert [h.bs.day for h in patro.holidays(2084, scope="me")] == [5, 6]
        assert not patro.holidays_known(2084)
    finally:
        patro.set_user_holidays([])
    assert not patro.is_holiday(date(2023, 9, 18))


@pytest.mark.parametrize(
    "row", [{"name": "x"}, {"date": "2023-13-01", "name": "x"}, {"date": "2023-01-01"},
            {"date": "2023-01-02", "end": "2023-01-01", "name": "x"}],
)  # fmt: skip
def test_bad_user_rows_are_usage_errors(row: dict[str, str]) -> None:
    with pytest.raises(UsageError, match="holiday 1"):
        patro.set_user_holidays([row])
