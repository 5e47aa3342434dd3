"""How a patro decides each day: tithi at sunrise, lunar month, the day a tithi rule picks, and
Nepal Sambat. Built on astro's longitudes; everything here is cached per ordinal or lunation so
a year reuses its sunrises and new moons.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from math import floor

from npkit.dates import MONTHS_EN, NEPAL_TZ
from npkit.patro import astro

TITHI_EN = (
    "Pratipada", "Dwitiya", "Tritiya", "Chaturthi", "Panchami", "Shashthi", "Saptami",
    "Ashtami", "Navami", "Dashami", "Ekadashi", "Dwadashi", "Trayodashi", "Chaturdashi",
)  # fmt: skip
TITHI_NE = (
    "प्रतिपदा", "द्वितीया", "तृतीया", "चतुर्थी", "पञ्चमी", "षष्ठी", "सप्तमी",
    "अष्टमी", "नवमी", "दशमी", "एकादशी", "द्वादशी", "त्रयोदशी", "चतुर्दशी",
)  # fmt: skip


def tithi_names(tithi: int) -> tuple[str, str, str]:
    """(paksha, English name, Nepali name) of a tithi 1–30, spelled as published patros do."""
    if tithi == 15:
        return "shukla", "Purnima", "पूर्णिमा"
    if tithi == 30:
        return "krishna", "Aunsi (Amavasya)", "औंसी"
    paksha = "shukla" if tithi < 15 else "krishna"
    index = (tithi - 1) % 15
    return paksha, TITHI_EN[index], TITHI_NE[index]


LUNAR_MONTHS_EN = MONTHS_EN  # the lunar months carry the solar months' names (Mesha → Baishakh)
LUNAR_MONTHS_NE = (
    "वैशाख", "ज्येष्ठ", "आषाढ", "श्रावण", "भाद्र", "आश्विन",
    "कार्तिक", "मार्ग", "पौष", "माघ", "फाल्गुन", "चैत्र",
)  # fmt: skip
"""The lunar months in Nepali as patros print a tithi (``कार्तिक कृष्ण औंसी``, ``मार्ग कृष्ण
चतुर्दशी``): the Sanskrit forms, not the solar months' spoken names (कात्तिक, मंसिर)."""
_NPT_DAYS = 5.75 / 24  # Nepal time minus UT, in days


# ---------------------------------------------------------------- sun times per day

_SUN: dict[int, tuple[float, float]] = {}


def sun(ordinal: int) -> tuple[float, float]:
    """(sunrise, sunset) JD of a day by its ordinal, cached."""
    found = _SUN.get(ordinal)
    if found is None:
        found = _SUN[ordinal] = astro.sun_times(ordinal)
    return found


def moment(ordinal: int, when: str) -> float:
    """The instant of a day at which a festival's tithi must hold: sunrise, afternoon (the
    middle of aparahna, the fourth fifth of the daylight, when shraddha is done), sunset, or
    midnight (the middle of the night that follows the day, nishita)."""
    rise, set_ = sun(ordinal)
    if when == "sunrise":
        return rise
    if when == "afternoon":
        return rise + 0.7 * (set_ - rise)
    if when == "sunset":
        return set_
    return (set_ + sun(ordinal + 1)[0]) / 2


def npt_ordinal(jd: float) -> int:
    """The ordinal of the Nepal date at ``jd``."""
    return floor(jd + _NPT_DAYS - astro.JD_OF_ORDINAL_0)


_UT_2000 = datetime(2000, 1, 1, tzinfo=UTC)
_JD_2000 = 2451544.5  # JD at _UT_2000


_NPT_2000 = _UT_2000.astimezone(NEPAL_TZ)  # the same instant, in Nepal time


def npt_minute(jd: float) -> datetime:
    """``jd`` as a Nepal-time datetime rounded to the minute (how patros print times): added
    to the instant in Nepal time (a fixed offset), without converting each from UT."""
    seconds = 60 * round((jd - _JD_2000) * 1440.0)
    return _NPT_2000 + timedelta(0, seconds)  # (positional: twice as fast as minutes=)


# ---------------------------------------------------------------- lunar months

_MONTHS: dict[int, tuple[int, bool]] = {}


def lunar_month(lunation: int) -> tuple[int, bool]:
    """(month index 0 = Baishakh … 11 = Chaitra, adhik) of a lunation: named from the sidereal
    sign of the Sun at the new moon that starts it; adhik when the next new moon is in the same
    sign (no sankranti inside the month)."""
    found = _MONTHS.get(lunation)
    if found is None:
        sign = astro.solar_sign(astro.new_moon(lunation))
        adhik = sign == astro.solar_sign(astro.new_moon(lunation + 1))
        found = _MONTHS[lunation] = (sign, adhik)
    return found


def month_name_of_day(lunation: int, tithi: int) -> tuple[int, bool]:
    """(month index, adhik) by which a patro NAMES a day of ``lunation`` whose tithi is
    ``tithi`` (1–30): the months are reckoned new moon to new moon (``lunar_month``), but Nepali
    patros name the dark half by the full-moon (purnimanta) convention: the krishna paksha takes
    the name of the month that follows (Laxmi Puja, amanta Ashwin 30, is "कार्तिक कृष्ण औंसी";
    Shivaratri, Magh 29, "फाल्गुन कृष्ण चतुर्दशी"). The bright half (1–15, Purnima included)
    keeps its lunation's name.

    Adhik: an adhik month stays whole, shukla 1 to Aunsi (patros print Malamas from its
    Pratipada to its Aunsi: 2080-04-02 to 2080-04-31), so its dark half is the adhik month's
    (same name, adhik). The dark half before it takes the name that follows (the adhik
    month's, which is also the normal month's) as the normal month's first fortnight, not
    adhik: in 2080 the Kamika Ekadashi of 2080-03-28 is "Shrawan krishna" of the normal
    Shrawan. So in 2080: Ashadh shukla; Shrawan krishna; adhik Shrawan shukla and krishna;
    Shrawan shukla; Bhadra krishna. Festival rules keep the new-moon names (``lunar_month``).
    """
    if tithi <= 15:
        return lunar_month(lunation)
    return lunar_month(lunation + 1)[0], lunar_month(lunation)[1]


def lunations_named(month: int, first_jd: float, last_jd: float) -> list[int]:
    """The normal (not adhik) lunations named ``month`` that start between about a month before
    ``first_jd`` and ``last_jd``: the months whose days can fall in that span."""
    start, stop = astro.lunation_of(first_jd) - 1, astro.lunation_of(last_jd)
    return [k for k in range(start, stop + 1) if lunar_month(k) == (month, False)]


# ---------------------------------------------------------------- tithi rules

_RULE_DAYS: dict[tuple[int, int, str], int] = {}
_TITHI_SPANS: dict[tuple[int, int], tuple[float, float]] = {}


def tithi_span(lunation: int, tithi: int) -> tuple[float, float]:
    """(start, end) JD of a tithi (1–30) of a lunation. Cached: rules at other moments of the
    day (a purnima at sunrise and at midnight) share it."""
    found = _TITHI_SPANS.get((lunation, tithi))
    if found is None:
        new = astro.new_moon(lunation)
        start = new if tithi == 1 else astro.when_elongation(12.0 * (tithi - 1), new)
        end = (
            astro.new_moon(lunation + 1)
            if tithi == 30
            else astro.when_elongation(12.0 * tithi, start)
        )
        found = _TITHI_SPANS[lunation, tithi] = start, end
    return found


def rule_day(lunation: int, tithi: int, when: str) -> int:
    """The ordinal of the day a festival "tithi T of this month, holding at sunrise / sunset /
    midnight" falls on: the first day whose moment lies inside the tithi; if the tithi holds at
    no such moment (it is skipped), the day before the next tithi."""
    key = (lunation, tithi, when)
    found = _RULE_DAYS.get(key)
    if found is None:
        start, end = tithi_span(lunation, tithi)
        ordinal = npt_ordinal(start) - 1
        while moment(ordinal, when) < start:
            ordinal += 1
        found = _RULE_DAYS[key] = ordinal if moment(ordinal, when) < end else ordinal - 1
    return found


# ---------------------------------------------------------------- Nepal Sambat

_KARTIK = 6
_MHA_PUJA: dict[int, int] = {}


def mha_puja(ad_year: int) -> int:
    """The ordinal of Mha Puja (Kartik shukla 1 at sunrise) in an AD year: the day Nepal
    Sambat's year begins."""
    found = _MHA_PUJA.get(ad_year)
    if found is None:
        first = date(ad_year, 10, 1).toordinal() + astro.JD_OF_ORDINAL_0
        (lunation,) = lunations_named(_KARTIK, first, first + 60)
        found = _MHA_PUJA[ad_year] = rule_day(lunation, 1, "sunrise")
    return found


def ns_year(ordinal: int, ad_year: int) -> int:
    """Nepal Sambat year of a day: AD − 879 from Mha Puja to 31 December, else AD − 880."""
    return ad_year - (879 if ordinal >= mha_puja(ad_year) else 880)
