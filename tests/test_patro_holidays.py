"""The shipped public holidays: sourced, in the scope vocabulary, and agreeing with the OCR of
the MoHA notices wherever that OCR is right."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from npkit import dates, patro
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


# ---------------------------------------------------------------- the answers the commands print


def test_holiday_check_gives_the_reason() -> None:
    teej = date(2023, 9, 18)  # Monday, Haritalika Teej: a holiday for women only
    check = patro.holiday_check(teej)
    assert (check.holiday, check.reason, check.scope) == (False, None, "everyone")
    women = patro.holiday_check(teej, scope="women")
    assert women.holiday and women.reason == patro.holidays(2080, scope="women")[0].name
    assert women.bs == dates.ad_to_bs(teej) and women.weekday == "Monday"
    dashami = patro.holiday_check(date(2023, 10, 24), scope="women")  # everyone's counts too
    assert dashami.reason == patro.day(date(2023, 10, 24)).holiday.name
    saturday = date(2023, 4, 15)
    assert patro.holiday_check(saturday).reason == "Saturday"
    assert patro.holiday_check(saturday, saturday=False) == (
        saturday,
        dates.ad_to_bs(saturday),
        "Saturday",
        "everyone",
        False,
        None,
    )
    for day in (teej, date(2023, 10, 24), saturday, date(2023, 4, 17)):
        assert patro.holiday_check(day).holiday == patro.is_holiday(day)


def test_upcoming_counts_the_days_from_the_day_looked_after() -> None:
    after = date(2023, 10, 1)
    found = patro.upcoming("dashain", after=after)
    assert (found.id, found.ad, found.days) == ("vijaya_dashami", date(2023, 10, 24), 23)
    assert found.bs == dates.ad_to_bs(found.ad) and found.weekday == "Tuesday"
    holiday = patro.upcoming("holiday", after=after)
    first = patro.next_occurrence("holiday", after=after)
    assert (holiday.id, holiday.name, holiday.ad) == ("holiday", first.name, first.ad)
    assert holiday.days == (first.ad - after).days > 0
    assert patro.upcoming("dashain", after="2023-10-01") == found


def _likely_by_the_whole_patro(bs_year: int, basis: int) -> set[str]:
    """What the CLI computed before the move: festivals on a day of ``basis`` whose holidays
    include one for everyone (not the user's), from the full PatroDay records."""
    return {
        event.id
        for day in patro.year(basis)
        if any(h.scope == "everyone" and h.source != "config" for h in day.holidays)
        for event in day.events
    }


def test_likely_holidays_for_a_year_without_a_notice(caplog: pytest.LogCaptureFixture) -> None:
    latest = max(notices.known_years())
    with caplog.at_level("WARNING", logger="npkit"):
        likely = patro.likely_holidays(latest + 1)
    (record,) = caplog.records
    assert record.name == "npkit.patro" and f"no holiday notice for BS {latest + 1} yet" in (
        record.getMessage()
    )
    assert likely and {h.scope for h in likely} == {"everyone"}
    assert {h.source for h in likely} == {f"computed; not confirmed (no notice for {latest + 1})"}
    expected = _likely_by_the_whole_patro(latest + 1, latest)
    assert sorted((h.ad, h.name) for h in likely) == sorted(
        (f.ad, f.name) for f in patro.festivals(latest + 1) if f.id in expected
    )
    assert patro.holidays_or_likely(latest + 1) == sorted(likely, key=lambda h: (h.ad, h.name))
    assert patro.holidays_or_likely(latest) == patro.holidays(latest)  # a notice: no guessing
