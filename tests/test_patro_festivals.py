"""Festival days against the published days of BS 2080 and the notices of 2081–2083."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from npkit import patro
from npkit.errors import UsageError
from npkit.patro import rules
from tests.conftest import Npkit

FIXTURES = Path(__file__).parent / "fixtures" / "calendar"
README_IDS = {
    "buddha_jayanti", "janai_purnima", "gai_jatra", "krishna_janmashtami", "teej",
    "indra_jatra", "ghatasthapana", "fulpati", "maha_ashtami", "maha_navami", "vijaya_dashami",
    "laxmi_puja", "bhai_tika", "chhath", "basanta_panchami", "shivaratri", "holi_hill",
    "holi_terai", "ghode_jatra", "ram_navami", "eid_fitr", "eid_adha", "sonam_lhosar",
    "gyalpo_lhosar", "tamu_lhosar", "ganatantra_diwas", "constitution_day", "maghe_sankranti",
    "nepali_new_year",
}  # fmt: skip
# festival id → the Nepali name the MoHA notices print (public_holidays_moha_notice CSV)
NOTICE_NAMES = {
    "buddha_jayanti": "बुद्ध जयंती", "janai_purnima": "रक्षाबन्धन", "gai_jatra": "गाईजात्रा",
    "krishna_janmashtami": "श्रीकृष्ण जन्माष्टमी", "ghatasthapana": "घटस्थापना",
    "chhath": "छठ पर्व", "basanta_panchami": "वसन्त पञ्चमी", "shivaratri": "महाशिवरात्री",
    "indra_jatra": "इन्द्रजात्रा", "ghode_jatra": "घोडेजात्रा", "ram_navami": "रामनवमी",
    "teej": "हरितालिका (तीज) व्रत", "laxmi_puja": "लक्ष्मी पूजा",
}  # fmt: skip


def _csv(name: str) -> list[dict[str, str]]:
    with open(FIXTURES / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_festival_of_2080_on_its_day() -> None:
    ours = {(f.id, f.ad.isoformat()) for f in patro.festivals(2080)}
    wrong = [row for row in _csv("festivals_2080.csv") if (row["id"], row["ad"]) not in ours]
    assert wrong == []


def test_festivals_on_the_days_the_notices_give() -> None:
    """Every lunar festival the 2081–2083 notices date (by their Nepali names) falls on the
    notice's day (with the per-year overrides the notices need)."""
    by_name = {ne: id_ for id_, ne in NOTICE_NAMES.items()}
    checked = 0
    for row in _csv("public_holidays_moha_notice_2080_2083.csv"):
        festival = by_name.get(row["name_ne"].strip())
        if festival is None or row["check"] != "weekday ok":
            continue
        days = {f.bs.isoformat() for f in patro.festivals(int(row["bs_year"])) if f.id == festival}
        assert row["bs_date"] in days, (festival, row["bs_date"], days)
        checked += 1
    assert checked >= 40


def test_overrides_name_their_source() -> None:
    janmashtami = [f for f in patro.festivals(2082) if f.id == "krishna_janmashtami"]
    assert [(f.bs.isoformat(), f.source) for f in janmashtami] == [
        ("2082-04-31", "MoHA notice 2082")
    ]
    assert all(f.source == "computed" for f in patro.festivals(2090) if f.id != "eid_fitr")


def test_every_readme_id_is_known_and_each_year_has_the_lunar_ones() -> None:
    ids = {info.id for info in patro.known()}
    assert ids >= README_IDS
    for year in (1976, 2000, 2050, 2099):
        found = {f.id for f in patro.festivals(year)}
        assert {"vijaya_dashami", "laxmi_puja", "shivaratri", "buddha_jayanti"} <= found, year


def test_each_festival_once_a_year_but_chaitra_and_eid() -> None:
    for year in range(2070, 2090):
        ids = [f.id for f in patro.festivals(year)]
        for id_ in set(ids) - {"ram_navami", "eid_fitr", "eid_adha"}:
            assert ids.count(id_) == 1, (year, id_)


def test_holi_in_the_terai_follows_the_hills() -> None:
    for year in range(2070, 2090):
        days = {f.id: f.ad for f in patro.festivals(year)}
        assert (days["holi_terai"] - days["holi_hill"]).days >= 1


def test_day_events_are_the_festivals() -> None:
    for festival in patro.festivals(2081):
        assert festival.id in {e.id for e in patro.day(festival.ad).events}


@pytest.mark.parametrize(
    ("name", "id_"),
    [("dashain", "vijaya_dashami"), ("Tihar", "laxmi_puja"), ("holi", "holi_hill"),
     ("Bhai Tika", "bhai_tika"), ("गाईजात्रा", "gai_jatra"), ("buddha_jayanti", "buddha_jayanti")],
)  # fmt: skip
def test_next_occurrence_takes_ids_names_and_aliases(name: str, id_: str) -> None:
    found = patro.next_occurrence(name, after=date(2024, 1, 1))
    assert found.id == id_  # type: ignore[union-attr]
    assert found.ad > date(2024, 1, 1)
    again = patro.next_occurrence(name, after=found.ad)
    assert 300 < (again.ad - found.ad).days < 400


def test_next_holiday_and_unknown_names() -> None:
    holiday = patro.next_occurrence("holiday", after=date(2023, 4, 14))
    assert holiday.scope == "everyone" and holiday.ad > date(2023, 4, 14)  # type: ignore[union-attr]
    with pytest.raises(UsageError, match="unknown festival"):
        patro.next_occurrence("no such day")


# ---------------------------------------------------------------- since


def test_observances_have_no_day_before_their_first_year() -> None:
    assert rules.festival_day("constitution_day", 2071) is None
    found = rules.festival_day("constitution day", 2072)
    assert found is not None and found.bs.isoformat() == "2072-06-03"
    assert rules.festival_day("republic day", 2064) is None
    assert rules.festival_day("prajatantra_diwas", 2006) is None
    with_since = {r.id: r.since for r in rules.rules().values() if r.since}
    assert with_since["ganatantra_diwas"] == 2065 and with_since["prajatantra_diwas"] == 2007
    for id_, since in with_since.items():
        assert rules.festival_day(id_, since - 1) is None, id_
        assert rules.festival_day(id_, since) is not None, id_
        assert id_ not in {f.id for f in patro.festivals(1990)}
        assert id_ in {e.id for d in patro.year(since) for e in d.events}


def test_holidays_of_2000_list_no_later_national_day(npkit: Npkit) -> None:
    rows = npkit.json("date", "holidays", "2000", "--json")
    names = {row["name"] for row in rows}
    assert "Vijaya Dashami" in names
    assert not {n for n in names if "Republic" in n or "Constitution" in n or "Democracy" in n}
    rows = npkit.json("date", "holidays", "2072", "--json")
    assert "Constitution Day" in {row["name"] for row in rows}
    assert patro.next_occurrence("constitution day", after=date(2000, 1, 1)).bs.year == 2072
