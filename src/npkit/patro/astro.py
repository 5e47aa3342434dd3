"""The astronomy of a Nepali patro: Surya Siddhanta longitudes, Kathmandu sunrise, tithi
boundaries and new moons.

Why Surya Siddhanta and not a modern ephemeris: Nepal's calendar committee requires it, and on
the published days of BS 2080–2082 its longitudes give the printed tithi on 99.35 % of days where
modern astronomy gives ~92 % (shared/data/calendar/README.md). The formulas are the published
ones (mean motions per mahayuga, one manda correction with a fixed epicycle), as the MIT
package ``panchanga`` 0.1.2 computes them; this is a compact re-implementation (no code copied)
so that a whole year costs milliseconds, cross-checked against ``panchanga`` in
tests/test_patro_engine.py. The day count (ahargana) is taken at the Ujjain meridian, which is
what matched the published days.

Times are Julian Days in UT (floats); sunrise uses the NOAA/Meeus solar formulas.
"""

from __future__ import annotations

from math import acos, asin, cos, degrees, floor, radians, sin, tan

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

# ---------------------------------------------------------------- Surya Siddhanta

_YUGA_DAYS = 1577917828  # civil days in a mahayuga
_SUN_RATE = 4320000 / _YUGA_DAYS  # revolutions per day
_MOON_RATE = 57753336 / _YUGA_DAYS
_APOGEE_RATE = 488203 / _YUGA_DAYS  # the Moon's apogee (mandocca)
_SUN_APOGEE = 77 + 17 / 60  # degrees; the Sun's apogee is fixed in Surya Siddhanta
_SUN_EPICYCLE = (13 + 50 / 60) / 360
_MOON_EPICYCLE = (31 + 50 / 60) / 360
_AHARGANA_AT_JD0 = 75.7683 / 360 - 588465.5  # days since Kali Yuga, Ujjain meridian
SYNODIC_MONTH = 1 / (_MOON_RATE - _SUN_RATE)  # mean new moon to new moon, days
_MEAN_ELONGATION_RATE = 360 / SYNODIC_MONTH  # degrees per day


def sun_longitude(jd: float) -> float:
    """The Sun's true sidereal longitude (degrees, 0–360) at ``jd``."""
    ahargana = jd + _AHARGANA_AT_JD0
    mean = 360.0 * ((_SUN_RATE * ahargana) % 1.0)
    return (mean - degrees(asin(_SUN_EPICYCLE * sin(radians(mean - _SUN_APOGEE))))) % 360.0


def longitudes(jd: float) -> tuple[float, float]:
    """(Sun, Moon) true sidereal longitudes (degrees, 0–360) at ``jd``: what the nakshatra,
    yoga and the Moon's sign are read from (docs/patro.md)."""
    return sun_longitude(jd), moon_longitude(jd)


def elongation(jd: float) -> float:
    """Moon minus Sun (true longitudes, degrees, 0–360) at ``jd``: tithi = elongation // 12."""
    return (moon_longitude(jd) - sun_longitude(jd)) % 360.0


def moon_longitude(jd: float) -> float:
    """The Moon's true sidereal longitude (degrees, 0–360): nakshatra = moon // 13°20′."""
    ahargana = jd + _AHARGANA_AT_JD0
    moon = 360.0 * ((_MOON_RATE * ahargana) % 1.0)
    apogee = 360.0 * ((_APOGEE_RATE * ahargana) % 1.0) + 90.0
    moon -= degrees(asin(_MOON_EPICYCLE * sin(radians(moon - apogee))))
    return moon % 360.0


def yoga_longitude(jd: float) -> float:
    """Sun plus Moon (degrees, 0–360): yoga = (sun + moon) // 13°20′."""
    return (sun_longitude(jd) + moon_longitude(jd)) % 360.0


def tithi_at(jd: float) -> int:
    """The tithi (1–30) current at ``jd``."""
    return int(elongation(jd) // 12.0) + 1


MOON_RATE = 360.0 * _MOON_RATE  # the Moon's mean motion, degrees per day
YOGA_RATE = 360.0 * (_MOON_RATE + _SUN_RATE)  # the mean motion of sun + moon


def when_elongation(target: float, after: float) -> float:
    """The first moment after ``after`` (within a month) when the elongation reaches ``target``
    degrees: the end of a tithi (target = 12 × tithi) or a new moon (target 0 or 360)."""
    return when_reaches(elongation, _MEAN_ELONGATION_RATE, target, after)


def when_reaches(
    angle: Callable[[float], float], rate: float, target: float, after: float
) -> float:
    """The first moment after ``after`` (within one turn) when ``angle`` (degrees, growing at
    about ``rate`` a day: the elongation, the Moon, sun + moon) reaches ``target`` degrees.

    Secant steps from the mean rate; converges to well under a second in 3–5 evaluations."""
    x0 = after
    f0 = (angle(x0) - target) % 360.0 - 360.0  # degrees still to go, negative
    x1 = x0 - f0 / rate
    for _ in range(12):
        f1 = (angle(x1) - target + 180.0) % 360.0 - 180.0
        if abs(f1) < 1e-7:
            break
        slope = (f1 - f0) / (x1 - x0) if x1 != x0 else rate
        if not 5.0 < slope < 20.0:  # each of these angles gains 10–17 degrees a day
            slope = rate
        x0, f0, x1 = x1, f1, x1 - f1 / slope
    return x1


# ---------------------------------------------------------------- new moons

_NEW_MOONS: dict[int, float] = {}


def new_moon(lunation: int) -> float:
    """The JD of new moon number ``lunation`` (counted from the Kali Yuga epoch, when Surya
    Siddhanta's mean Sun and Moon were together). Cached: a year reuses its 13 new moons."""
    found = _NEW_MOONS.get(lunation)
    if found is None:
        mean = lunation * SYNODIC_MONTH - _AHARGANA_AT_JD0
        found = _NEW_MOONS[lunation] = when_elongation(0.0, mean - 1.5)
    return found


def lunation_of(jd: float) -> int:
    """The number of the new moon that starts the lunar month containing ``jd``."""
    lunation = floor((jd + _AHARGANA_AT_JD0) / SYNODIC_MONTH)
    while new_moon(lunation) > jd:
        lunation -= 1
    while new_moon(lunation + 1) <= jd:
        lunation += 1
    return lunation


def solar_sign(jd: float) -> int:
    """The sidereal sign (0 = Mesha … 11 = Meena) the Sun is in at ``jd``."""
    return int(sun_longitude(jd) // 30.0)


# ---------------------------------------------------------------- sunrise and sunset

KATHMANDU_LATITUDE = 27.7172
KATHMANDU_LONGITUDE = 85.3240
_SIN_H0 = sin(radians(-0.8333))  # upper limb on the horizon, standard refraction
_COS_LAT = cos(radians(KATHMANDU_LATITUDE))
_SIN_LAT = sin(radians(KATHMANDU_LATITUDE))
JD_OF_ORDINAL_0 = 1721424.5  # JD at 0h UT of date.fromordinal(0 + n) is n + this


def _declination_and_eot(jd: float) -> tuple[float, float]:
    """The Sun's declination (radians) and the equation of time (minutes) at ``jd``
    (NOAA's implementation of Meeus's low-precision solar formulas)."""
    t = (jd - 2451545.0) / 36525.0
    l0 = radians((280.46646 + t * (36000.76983 + 0.0003032 * t)) % 360.0)
    m = radians(357.52911 + t * (35999.05029 - 0.0001537 * t))
    e = 0.016708634 - t * (0.000042037 + 0.0000001267 * t)
    sin_m, sin_2m = sin(m), sin(2 * m)  # each used twice or more below
    c = (
        sin_m * (1.914602 - t * (0.004817 + 0.000014 * t))
        + sin_2m * (0.019993 - 0.000101 * t)
        + sin(3 * m) * 0.000289
    )
    omega = radians(125.04 - 1934.136 * t)
    apparent = radians(degrees(l0) + c - 0.00569 - 0.00478 * sin(omega))
    seconds = 21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))
    obliquity = radians(23.0 + (26.0 + seconds / 60.0) / 60.0 + 0.00256 * cos(omega))
    declination = asin(sin(obliquity) * sin(apparent))
    y = tan(obliquity / 2) ** 2
    eot = 4.0 * degrees(
        y * sin(2 * l0)
        - 2 * e * sin_m
        + 4 * e * y * sin_m * cos(2 * l0)
        - 0.5 * y * y * sin(4 * l0)
        - 1.25 * e * e * sin_2m
    )
    return declination, eot


def _event(jd0: float, jd: float, rising: bool, sun: tuple[float, float] | None = None) -> float:
    """Refine a sunrise (or sunset) estimate ``jd`` on the UT day starting at ``jd0``
    (``sun``: ``_declination_and_eot(jd)`` when the caller has it)."""
    declination, eot = _declination_and_eot(jd) if sun is None else sun
    cos_ha = (_SIN_H0 - _SIN_LAT * sin(declination)) / (_COS_LAT * cos(declination))
    hour_angle = degrees(acos(cos_ha))  # Kathmandu (27.7° N) has a sunrise every day
    if rising:
        hour_angle = -hour_angle
    minutes = 720.0 - 4.0 * (KATHMANDU_LONGITUDE - hour_angle) - eot
    return jd0 + minutes / 1440.0


def sun_times(ordinal: int) -> tuple[float, float]:
    """(sunrise, sunset) in Kathmandu as JD (UT) on the local day ``date.fromordinal(ordinal)``.

    Kathmandu's sunrise is 00:15–01:15 UT and its sunset 11:00–13:00 UT, so both fall on the
    same UT date as the local date."""
    jd0 = ordinal + JD_OF_ORDINAL_0
    noon = jd0 + (720.0 - 4.0 * KATHMANDU_LONGITUDE) / 1440.0
    at_noon = _declination_and_eot(noon)  # both first estimates start from noon's Sun
    rise = _event(jd0, _event(jd0, noon, True, at_noon), True)
    set_ = _event(jd0, _event(jd0, noon, False, at_noon), False)
    return rise, set_
