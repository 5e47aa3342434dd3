"""How days are named: amanta months (new moon to new moon) for the arithmetic, the Nepali
patros' full-moon (purnimanta) naming for the dark half (docs/patro.md, "Naming a day")."""

from __future__ import annotations

import csv
import itertools
from datetime import date
from pathlib import Path

import pytest

from npkit import days, patro
from npkit.dates import bs_to_ad, days_in_month
from npkit.patro import astro, engine

FIXTURES = Path(__file__).parent / "fixtures" / "calendar"
MONTHS = engine.LUNAR_MONTHS_EN


def _festivals_2080() -> dict[str, date]:
    with open(FIXTURES / "festivals_2080.csv", encoding="utf-8", newline="") as handle:
        return {row["id"]: date.fromisoformat(row["ad"]) for row in csv.DictReader(handle)}


def _named(day: days.Day) -> str:
    return f"{day.lunar_month} {day.paksha} {day.tithi_name}"


def test_festival_days_of_2080_are_named_as_patros_name_them() -> None:
    days = {id_: patro.day(ad) for id_, ad in _festivals_2080().items()}
    # these keep a tithi at sunset / midnight: the sunrise tithi can be the one before
    assert _named(days["laxmi_puja"]).startswith("Kartik krishna ")
    assert _named(days["shivaratri"]).startswith("Falgun krishna ")
    assert _named(days["krishna_janmashtami"]).startswith("Bhadra krishna ")
    # Gai Jatra 2080 fell on Janai Purnima: its sunrise tithi is the Purnima (tithi_2080.csv),
    # the bright half's last day, which keeps the new-moon name
    assert _named(days["gai_jatra"]) == "Shrawan shukla Purnima"
    assert days["laxmi_puja"].lunar_month_ne == "कार्तिक" and not days["laxmi_puja"].adhik


@pytest.mark.parametrize(
    ("festival", "month", "month_ne"),
    [("laxmi_puja", "Kartik", "कार्तिक"), ("shivaratri", "Falgun", "फाल्गुन"),
     ("gai_jatra", "Bhadra", "भाद्र"), ("krishna_janmashtami", "Bhadra", "भाद्र")],
)  # fmt: skip
def test_dark_half_festivals_of_2083_take_the_next_months_name(
    festival: str, month: str, month_ne: str
) -> None:
    (found,) = [f for f in patro.festivals(2083) if f.id == festival]
    day = patro.day(found.ad)
    assert day.paksha == "krishna"
    assert (day.lunar_month, day.lunar_month_ne, day.adhik) == (month, month_ne, False)


def _lunation(day: date) -> int:
    return astro.lunation_of(engine.sun(day.toordinal())[0])


def test_the_adhik_month_of_2080_and_its_neighbours() -> None:
    """2080 adhik Shrawan runs 2080-04-02 (shukla 1) to 2080-04-31 (Aunsi), as patros print
    Malamas; the dark half before it is the normal Shrawan's first fortnight."""
    adhik = _lunation(date(2023, 7, 20))
    shrawan = MONTHS.index("Shrawan")
    assert engine.lunar_month(adhik) == (shrawan, True)
    assert engine.month_name_of_day(adhik - 1, 26) == (shrawan, False)  # Kamika Ekadashi
    assert engine.month_name_of_day(adhik, 5) == (shrawan, True)
    assert engine.month_name_of_day(adhik, 26) == (shrawan, True)  # Parama Ekadashi
    assert engine.month_name_of_day(adhik + 1, 11) == (shrawan, False)  # Putrada Ekadashi
    assert engine.month_name_of_day(adhik + 1, 26) == (MONTHS.index("Bhadra"), False)  # Aja
    named = {d.ad: (d.lunar_month, d.adhik) for d in days.between("2023-07-13", "2023-09-10")}
    assert named[date(2023, 7, 13)] == ("Shrawan", False)
    assert {named[date(2023, 7, 18)], named[date(2023, 8, 16)]} == {("Shrawan", True)}
    assert named[date(2023, 8, 17)] == ("Shrawan", False)
    assert named[date(2023, 9, 10)] == ("Bhadra", False)


def _days(first_year: int, last_year: int) -> list[days.Day]:
    first = bs_to_ad((first_year, 1, 1))
    last = bs_to_ad((last_year, 12, days_in_month(last_year, 12)))
    return days.between(first, last)


def test_every_day_of_bs_2000_to_2100_is_named_by_the_convention() -> None:
    """Shukla days keep their new-moon month; each krishna fortnight takes the month name of
    the shukla fortnight that follows it, and is adhik exactly when its own new-moon month is
    (an adhik month stays whole)."""
    every = _days(2000, 2100)
    krishna: list[days.Day] = []
    adhik_months: set[int] = set()
    for day, after in itertools.pairwise(every):
        amanta = engine.lunar_month(_lunation(day.ad))
        if day.paksha == "shukla":
            assert (MONTHS.index(day.lunar_month), day.adhik) == amanta, day
            if day.adhik:
                adhik_months.add(_lunation(day.ad))
        else:
            assert day.adhik == amanta[1], day
            krishna.append(day)
        if after.paksha == "shukla" and krishna:
            assert {d.lunar_month for d in krishna} == {after.lunar_month}, (krishna[0], after)
            krishna = []
        assert engine.LUNAR_MONTHS_NE[MONTHS.index(day.lunar_month)] == day.lunar_month_ne
    assert len(adhik_months) >= 30  # about one every 33 months
