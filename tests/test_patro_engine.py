"""The patro's day computation against published patros (tests/fixtures/calendar)."""

from __future__ import annotations

import csv
import itertools
from datetime import date, timedelta
from pathlib import Path

import pytest

from npkit import days, patro
from npkit.patro import astro

FIXTURES = Path(__file__).parent / "fixtures" / "calendar"
MISS_WITHIN_MINUTES = 10  # a miss is only allowed where the tithi changes this near sunrise


def _rows() -> list[dict[str, str]]:
    with open(FIXTURES / "tithi_2080.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _minutes_from_boundary_to_sunrise(day: date) -> float:
    """Minutes between sunrise and the nearest tithi boundary."""
    rise = astro.sun_times(day.toordinal())[0]
    before = astro.when_elongation(12.0 * (astro.tithi_at(rise) - 1), rise - 1.2)
    after = astro.when_elongation(12.0 * astro.tithi_at(rise), rise)
    return min(rise - before, after - rise) * 1440


def test_unanimous_days_are_right_but_for_boundaries_at_sunrise() -> None:
    unanimous = [row for row in _rows() if row["status"] == "unanimous"]
    misses = []
    for row in unanimous:
        day = days.day(date.fromisoformat(row["ad"]))
        if day.tithi != int(row["tithi"]):
            misses.append((row["ad"], day, _minutes_from_boundary_to_sunrise(day.ad)))
    right = len(unanimous) - len(misses)
    assert right / len(unanimous) >= 0.99, f"{right}/{len(unanimous)}"
    for ad, day, minutes in misses:
        # the published tithi is the one just before or after ours: the boundary is at sunrise
        assert minutes <= MISS_WITHIN_MINUTES, (ad, day.tithi, minutes)


def test_names_and_paksha_match_the_published_spellings() -> None:
    for row in _rows():
        day = days.day(date.fromisoformat(row["ad"]))
        if day.tithi == int(row["tithi"]):
            assert (day.paksha, day.tithi_name, day.tithi_ne) == (
                row["paksha"], row["tithi_en"], row["tithi_ne"],
            )  # fmt: skip
        assert day.weekday == row["weekday"]
        assert day.bs.isoformat() == row["bs"]


def test_adhik_months_of_the_readme() -> None:
    """2080 had an adhik Shrawan and 2083 an adhik Jestha; no other year of 2080–2083 has one."""
    adhik = {(d.bs.year, d.lunar_month) for y in range(2080, 2084) for d in days.year(y) if d.adhik}
    assert adhik == {(2080, "Shrawan"), (2083, "Jestha")}


def test_nepal_sambat_changes_on_mha_puja() -> None:
    """Nepal Sambat changes once around Tihar, on the Kartik shukla 1 sunrise (Mha Puja)."""
    laxmi = next(f.ad for f in patro.festivals(2080) if f.id == "laxmi_puja")
    around = days.between(laxmi - timedelta(days=3), laxmi + timedelta(days=5))
    changes = [d for d, e in itertools.pairwise(around) if e.ns_year != d.ns_year]
    assert len(changes) == 1
    new_year = around[around.index(changes[0]) + 1]
    assert new_year.ns_year == new_year.ad.year - 879
    assert (new_year.lunar_month, new_year.tithi) == ("Kartik", 1)


def test_sunrise_and_times_are_nepal_time_to_the_minute() -> None:
    day = patro.day(date(2024, 6, 21))
    for moment in (day.sunrise, day.sunset, day.tithi_end):
        if moment is not None:
            assert moment.utcoffset() == timedelta(hours=5, minutes=45)
            assert moment.second == 0 and moment.microsecond == 0
    # Kathmandu's longest day: sunrise a little after 05:00, sunset a little after 19:00
    assert 5 * 60 <= day.sunrise.hour * 60 + day.sunrise.minute <= 5 * 60 + 20
    assert 19 * 60 <= day.sunset.hour * 60 + day.sunset.minute <= 19 * 60 + 20


def test_one_day_equals_the_same_day_of_a_range() -> None:
    first = date(2024, 10, 1)
    for day in days.between(first, first + timedelta(days=40)):
        assert patro.day(day.ad) == day.panchang


def test_outside_the_supported_range_is_a_usage_error() -> None:
    from npkit.errors import UsageError

    with pytest.raises(UsageError):
        patro.day(date(1900, 1, 1))


def test_longitudes_match_panchanga() -> None:
    """The compact formulas give panchanga 0.1.2's Surya Siddhanta longitudes (when installed:
    `pip install panchanga==0.1.2`; not a dependency)."""
    panchanga = pytest.importorskip("panchanga")
    for ordinal in range(date(1918, 5, 1).toordinal(), date(2044, 4, 1).toordinal(), 97):
        rise = astro.sun_times(ordinal)[0]
        ahargana = rise + 75.7683 / 360 - 588465.5
        moon = panchanga.get_true_lunar_longitude(ahargana)
        sun = panchanga.get_true_solar_longitude(ahargana)
        assert abs((moon - sun) % 360 - astro.elongation(rise)) < 1e-6
        assert abs(sun - astro.sun_longitude(rise)) < 1e-6
