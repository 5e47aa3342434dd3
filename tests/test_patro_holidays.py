"""The shipped public holidays: sourced, in the scope vocabulary, and agreeing with the OCR of
the MoHA notices wherever that OCR is right."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from npkit import dates, patro
from npkit.dates import WEEKDAYS_EN, ad_to_bs, bs_to_ad, days_in_month
from npkit.errors import UsageError
from npkit.patro import astro, engine, notices

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
    likely = patro.holidays(2084)  # a year without a notice: its likely holidays
    assert likely and {(h.status, h.source, h.scope) for h in likely} == {
        ("likely", "likely", "everyone")
    }
    assert {h.status for y in range(2080, 2084) for h in patro.holidays(y)} == {"confirmed"}
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


# ---------------------------------------------------------------- the table's own checks

# What decides the day of each holiday name in holidays.tsv: a festival of festivals.tsv (its
# computed day, per-year overrides applied), a tithi of a new-moon lunar month at sunrise, a
# fixed AD or BS date, a range that must hold festivals, or nothing computable (the reason).
DECIDED_BY: dict[str, tuple[object, ...]] = {
    "Nepali New Year": ("festival", "nepali_new_year"),
    "Buddha Jayanti": ("festival", "buddha_jayanti"),
    "Ganatantra Diwas (Republic Day)": ("festival", "ganatantra_diwas"),
    "Janai Purnima (Raksha Bandhan)": ("festival", "janai_purnima"),
    "Gai Jatra": ("festival", "gai_jatra"),
    "Shree Krishna Janmashtami": ("festival", "krishna_janmashtami"),
    "Haritalika Teej": ("festival", "teej"),
    "Constitution Day": ("festival", "constitution_day"),
    "Indra Jatra": ("festival", "indra_jatra"),
    "Ghatasthapana": ("festival", "ghatasthapana"),
    "Chhath Parva": ("festival", "chhath"),
    "Tamu Lhosar": ("festival", "tamu_lhosar"),
    "Prithvi Jayanti (National Unity Day)": ("festival", "prithvi_jayanti"),
    "Maghe Sankranti": ("festival", "maghe_sankranti"),
    "Martyrs' Day": ("festival", "shahid_diwas"),
    "Sonam Lhosar": ("festival", "sonam_lhosar"),
    "Basanta Panchami (Saraswati Puja)": ("festival", "basanta_panchami"),
    "Prajatantra Diwas (Democracy Day)": ("festival", "prajatantra_diwas"),
    "Maha Shivaratri": ("festival", "shivaratri"),
    "Gyalpo Lhosar": ("festival", "gyalpo_lhosar"),
    "Holi (Fagu Purnima, hill districts)": ("festival", "holi_hill"),
    "Holi (Fagu Purnima, Terai districts)": ("festival", "holi_terai"),
    "Ghode Jatra": ("festival", "ghode_jatra"),
    "Ram Navami": ("festival", "ram_navami"),
    "Christmas": ("festival", "christmas"),
    "Eid al-Fitr": ("festival", "eid_fitr"),
    "Eid al-Adha (Bakar Eid)": ("festival", "eid_adha"),
    "Udhauli Parva": ("lunar", "Mangsir", 15),  # Mangsir Purnima
    "Yomari Punhi (Jyapu Diwas)": ("lunar", "Mangsir", 15),
    "Ubhauli Parva": ("lunar", "Baishakh", 15),  # Baishakh Purnima
    "Guru Nanak Jayanti": ("lunar", "Kartik", 15),  # Kartik Purnima
    "Jitiya Parva": ("lunar", "Bhadra", 23),  # Ashwin krishna Ashtami as patros name it
    "International Labour Day": ("ad", 5, 1),
    "International Women's Day": ("ad", 3, 8),
    "International Day of Persons with Disabilities": ("ad", 12, 3),
    "Civil Service Day": ("bs", 5, 22),
    "Mahaguru Falgunanda Jayanti": ("bs", 7, 25),
    "Jana Yuddha Diwas (People's War Day)": ("bs", 11, 1),
    "Gen Z Martyrs' Day": ("bs", 5, 23),
    "Dashain holidays": ("range", "fulpati", "maha_ashtami", "maha_navami", "vijaya_dashami"),
    "Tihar holidays": ("range", "laxmi_puja", "bhai_tika"),
    # the notices put Gaura on Bhadra shukla 8 (2080, 2082) and on Janmashtami (2081, 2083)
    "Gaura Parva": ("none", "no single tithi rule in the notices"),
    "Bhoto Jatra": ("none", "set each year with Rato Machhindranath's chariot"),
    "Provincial Official Language Day": ("none", "a provincial decision"),
    "Gen Z movement mourning holiday": ("none", "a cabinet decision"),
    "House of Representatives election holidays": ("none", "a cabinet decision"),
}
OVERRIDE = "not the rule's day:"  # a note starting so documents a row off its computed day


def _lunar_days(bs_year: int, month: str, tithi: int) -> set[str]:
    """The BS days of a tithi (at sunrise) of the normal new-moon month ``month`` in a year."""
    first, last = patro_dates(bs_year)
    jd0 = astro.JD_OF_ORDINAL_0
    index = engine.LUNAR_MONTHS_EN.index(month)
    days = set()
    for lunation in engine.lunations_named(index, first + jd0, last + jd0):
        ordinal = engine.rule_day(lunation, tithi, "sunrise")
        if first <= ordinal <= last:
            days.add(ad_to_bs(date.fromordinal(ordinal)).isoformat())
    return days


def patro_dates(bs_year: int) -> tuple[int, int]:
    first = bs_to_ad((bs_year, 1, 1)).toordinal()
    return first, bs_to_ad((bs_year, 12, days_in_month(bs_year, 12))).toordinal()


def _expected_days(row: notices.HolidayRow) -> set[str] | None:
    kind, *what = DECIDED_BY[row.name]
    if kind == "festival":
        return {f.bs.isoformat() for f in patro.festivals(row.bs_year) if f.id == what[0]}
    if kind == "lunar":
        return _lunar_days(row.bs_year, str(what[0]), int(str(what[1])))
    if kind == "ad":
        ad = bs_to_ad(row.start)
        return {ad_to_bs(date(ad.year, int(str(what[0])), int(str(what[1])))).isoformat()}
    if kind == "bs":
        return {f"{row.bs_year}-{what[0]:02}-{what[1]:02}"}
    return None


def test_every_row_is_on_its_rules_day() -> None:
    """A holiday whose day follows a rule is on that rule's day in that year (the mistake of
    Udhauli 2083, which had 2082's BS date), unless its note documents why not."""
    wrong = []
    for row in notices.shipped_rows():
        assert row.name in DECIDED_BY, f"classify {row.name!r} in DECIDED_BY"
        kind, *what = DECIDED_BY[row.name]
        if kind == "range":
            days = {h.bs.isoformat() for h in patro.holidays(row.bs_year) if h.name == row.name}
            for festival in what:
                (found,) = [f for f in patro.festivals(row.bs_year) if f.id == festival]
                if found.bs.isoformat() not in days:
                    wrong.append((row.start.isoformat(), row.name, festival))
            continue
        expected = _expected_days(row)
        off_rule = expected is not None and row.start.isoformat() not in expected
        if off_rule and not row.note.startswith(OVERRIDE):
            wrong.append((row.start.isoformat(), row.name, sorted(expected or ())))
    assert wrong == []


def test_udhauli_is_with_yomari_punhi_on_mangsir_purnima() -> None:
    for year in range(2080, 2084):
        udhauli = {h.bs for h in patro.holidays(year) if h.name == "Udhauli Parva"}
        yomari = {h.bs for h in patro.holidays(year) if h.name.startswith("Yomari")}
        if yomari:
            assert udhauli == yomari, year
    assert [h.bs.isoformat() for h in patro.holidays(2083) if h.name == "Udhauli Parva"] == [
        "2083-09-09"
    ]


def test_every_row_has_the_weekday_the_notice_prints() -> None:
    printed = {
        (row["bs_date"], row["weekday"]) for row in _ocr_rows() if row["check"] == "weekday ok"
    }
    dates_printed = {bs for bs, _weekday in printed}
    checked = 0
    for row in notices.shipped_rows():
        bs = row.start.isoformat()
        if bs in dates_printed:
            weekday = WEEKDAYS_EN[bs_to_ad(row.start).weekday()]
            assert (bs, weekday) in printed, row
            checked += 1
    assert checked >= 80
    mismatches = {(int(r["bs_year"]), r["bs_date"]) for r in _ocr_rows()
                  if r["check"].startswith("weekday mismatch")}  # fmt: skip
    assert mismatches <= OCR_ERRORS


def test_no_row_is_duplicated_and_rows_are_in_order() -> None:
    rows = notices.shipped_rows()
    keys = [(row.start, row.name) for row in rows]
    assert len(keys) == len(set(keys))
    for year in notices.known_years():
        starts = [row.start for row in notices.rows_of_year(year)]
        assert starts == sorted(starts), year
        assert all(row.start <= row.end for row in notices.rows_of_year(year))
        assert all(row.end.year == year for row in notices.rows_of_year(year))


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
    assert (holiday.name, holiday.ad, holiday.status) == (first.name, first.ad, "confirmed")
    assert holiday.id == "ghatasthapana"  # the holiday's own id, not "holiday"
    assert holiday.days == (first.ad - after).days > 0
    assert patro.upcoming("dashain", after="2023-10-01") == found


def test_likely_holidays_for_a_year_without_a_notice(caplog: pytest.LogCaptureFixture) -> None:
    latest = max(notices.known_years())
    with caplog.at_level("WARNING", logger="npkit"):
        likely = patro.likely_holidays(latest + 1)
    (record,) = caplog.records
    assert record.name == "npkit.patro" and f"no holiday notice for BS {latest + 1} yet" in (
        record.getMessage()
    )
    assert likely and {h.scope for h in likely} == {"everyone"}
    assert {(h.status, h.source) for h in likely} == {("likely", "likely")}
    (provenance,) = {h.provenance for h in likely}
    assert provenance.startswith("computed from the festival rules; not confirmed") and (
        f"no MoHA notice for {latest + 1}; the festivals that were holidays for everyone in"
        f" {latest}" in provenance
    )
    ids = {patro.holiday_id(h.name) for h in likely}
    assert {"nepali_new_year", "vijaya_dashami", "fulpati", "laxmi_puja", "bhai_tika"} <= ids
    assert "ram_navami" in ids  # 2083 has no Ram Navami: the 2082 notice decides (a holiday)
    assert not ids & {"teej", "indra_jatra", "gai_jatra", "ghode_jatra"}  # not for everyone
    by_day = {(f.ad, f.name) for f in patro.festivals(latest + 1)}
    assert {(h.ad, h.name) for h in likely} <= by_day  # on their computed days
    assert patro.holidays_or_likely(latest + 1) == likely == patro.holidays(latest + 1)
    assert patro.holidays_or_likely(latest) == patro.holidays(latest)  # a notice: no guessing
    assert patro.likely_holidays(latest) == []


def test_likely_rule_takes_the_festival_a_row_names() -> None:
    """Gai Jatra 2080 fell on Janai Purnima (a holiday for everyone): that row names Janai
    Purnima, so Gai Jatra (the Valley's) does not become everyone's in 2079."""
    ids = notices.holiday_festivals(2079)
    assert "janai_purnima" in ids and "gai_jatra" not in ids
    assert notices.likely_basis(2079) == min(notices.known_years())
    assert notices.likely_basis(2090) == max(notices.known_years())


@pytest.mark.parametrize(
    ("day", "reason"),
    [(date(2027, 4, 14), "Nepali New Year"), (date(2022, 10, 5), "Vijaya Dashami")],
)
def test_likely_holidays_answer_is_holiday(day: date, reason: str) -> None:
    check = patro.holiday_check(day)
    assert (check.holiday, check.reason, check.status) == (True, reason, "likely")
    assert patro.is_holiday(day) and not patro.is_holiday(day, confirmed=True)
    assert patro.holiday_check(day, confirmed=True).holiday is False
    assert patro.day(day).holiday.status == "likely"


def test_year_boundary_chaitra_to_baishakh() -> None:
    last = date(2027, 4, 13)  # 2083-12-30, a Tuesday: the last day of a year with a notice
    assert dates.ad_to_bs(last) == (2083, 12, 30) and not patro.is_holiday(last)
    assert patro.holiday_check(last + (date(2027, 4, 14) - last)).status == "likely"


def test_next_holiday_is_found_in_every_supported_year() -> None:
    """Never a UsageError for lack of a notice: from the first day of every BS year
    1975-2100, the next holiday for everyone is in that year or the next."""
    for year in range(1975, 2101):
        start = bs_to_ad((year, 1, 1))
        found = patro.upcoming("holiday", after=start)
        assert found.bs.year in (year, year + 1) and found.status in ("confirmed", "likely")
        assert found.id and found.days > 0


def test_none_known_is_not_known_error() -> None:
    from npkit.errors import ExitCode, NotKnownError

    with pytest.raises(NotKnownError) as caught:
        patro.upcoming("eid", after=date(2027, 3, 9))
    assert caught.value.exit_code == ExitCode.NO and isinstance(caught.value, LookupError)


def test_every_scope_offered_holds_rows() -> None:
    held = {row.scope for row in notices.shipped_rows()}
    assert set(patro.SCOPES) == held  # none offered that could never answer yes
    assert notices.short_source("MoHA notice 2080 (OCR, corrected)") == "MoHA notice 2080"
    assert notices.short_source("nepdate-patro 0.1.0b1 holiday flag") == "nepdate-patro"
