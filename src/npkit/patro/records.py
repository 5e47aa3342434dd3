"""The records of the patro: a day's panchang, one festival day, one holiday.

Namedtuples, not dataclasses, for the reason npkit.dates gives: importing ``dataclasses`` (and
with it ``inspect``) would cost ``npkit date today`` more than computing the day. Field order is
column order in every output format.
"""

from __future__ import annotations

from npkit.tuples import record as namedtuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date, datetime

    from npkit.dates import BSDate


class Event(namedtuple("Event", "id name name_ne")):
    """A festival on a day: its id (``vijaya_dashami``), English and Nepali names."""

    __slots__ = ()
    id: str
    name: str
    name_ne: str

    def __str__(self) -> str:
        """Its name: how csv, tsv and tables write an event (JSON writes the object)."""
        return self.name


class DayHoliday(namedtuple("DayHoliday", "name name_ne scope status source provenance")):
    """A public holiday on a day, and who gets it (``scope``: see notices.SCOPES).

    ``status`` is "confirmed" (the year's notice, or the user's own day) or "likely" (a year
    without a notice: a festival that was a holiday in the latest notice, on its computed day);
    ``source`` is short, for people ("MoHA notice 2083", "nepdate-patro", "likely", "config");
    ``provenance`` the full origin of the row (what JSON readers audit)."""

    __slots__ = ()
    name: str
    name_ne: str
    scope: str
    status: str
    source: str
    provenance: str

    def __str__(self) -> str:
        """Its name, who gets it unless everyone does, and "(likely)" unless confirmed: how
        csv, tsv, tables and cards write it."""
        name = self.name if self.scope == "everyone" else f"{self.name} ({self.scope})"
        return name if self.status != "likely" else f"{name} (likely)"


class Slot(namedtuple("Slot", "start end")):
    """A timed part of the day (Rahu kaal, Yamaganda, Gulika kaal, Abhijit muhurta): Nepal-time
    datetimes to the minute. Day fields write it as ``HH:MM–HH:MM`` (``str``)."""

    __slots__ = ()
    start: datetime
    end: datetime

    def __str__(self) -> str:
        start, end = self.start, self.end  # (not strftime's %H:%M: twice as slow)
        return f"{start.hour:02d}:{start.minute:02d}–{end.hour:02d}:{end.minute:02d}"


class Panchang(
    namedtuple(
        "Panchang",
        "tithi paksha tithi_name tithi_ne tithi_end lunar_month lunar_month_ne"
        " adhik ns_year sunrise sunset events holiday holidays"
        " nakshatra nakshatra_name nakshatra_ne nakshatra_end yoga yoga_name yoga_ne yoga_end"
        " karana karana_ne moon_sign moon_sign_name moon_sign_ne moon_sign_change"
        " sun_sign sun_sign_name sun_sign_ne ayana ayana_ne ns_month ns_month_ne ns_day"
        " tithi_line tithi_line_ne rahu_kaal yamaganda gulika_kaal abhijit",
    )
):
    """What the patro computes for one day, beyond its date (``npkit.days.Day`` joins the two).

    ``tithi`` (1–30) is the tithi current at Kathmandu sunrise; ``tithi_end`` is when it ends if
    that is before the next sunrise (else None: the tithi also rules the next day).
    ``lunar_month`` is amanta (new moon to new moon). ``holiday`` is the broadest holiday of the
    day (scope "everyone" first) or None; ``holidays`` lists them all.

    The rest of the panchang (docs/patro.md): ``nakshatra`` (1–27, Ashwini = 1) and ``yoga``
    (1–27, Vishkambha = 1) at sunrise, each with its end if before the next sunrise; ``karana``
    at sunrise (its name); ``moon_sign`` (1–12, Mesh = 1) and ``moon_sign_change`` (when the
    Moon enters the next sign before the next sunrise, else None); ``sun_sign``, the sign of
    the BS month as patros print it; ``ayana``; the Nepal Sambat month (amanta) and day (the
    tithi, 1–30); the tithi line as patros write it; the day's slots.
    """

    __slots__ = ()
    tithi: int
    paksha: str
    tithi_name: str
    tithi_ne: str
    tithi_end: datetime | None
    lunar_month: str
    lunar_month_ne: str
    adhik: bool
    ns_year: int
    sunrise: datetime
    sunset: datetime
    events: tuple[Event, ...]
    holiday: DayHoliday | None
    holidays: tuple[DayHoliday, ...]
    nakshatra: int
    nakshatra_name: str
    nakshatra_ne: str
    nakshatra_end: datetime | None
    yoga: int
    yoga_name: str
    yoga_ne: str
    yoga_end: datetime | None
    karana: str
    karana_ne: str
    moon_sign: int
    moon_sign_name: str
    moon_sign_ne: str
    moon_sign_change: datetime | None
    sun_sign: int
    sun_sign_name: str
    sun_sign_ne: str
    ayana: str
    ayana_ne: str
    ns_month: str
    ns_month_ne: str
    ns_day: int
    tithi_line: str
    tithi_line_ne: str
    rahu_kaal: Slot
    yamaganda: Slot
    gulika_kaal: Slot
    abhijit: Slot


class FestivalDay(namedtuple("FestivalDay", "id name name_ne ad bs source")):
    """The day of a festival in a year; ``source`` is "computed" (from the rules table) or where
    a per-year override came from (the year's holiday notice, an announcement)."""

    __slots__ = ()
    id: str
    name: str
    name_ne: str
    ad: date
    bs: BSDate
    source: str

    TABLE_DROP = ("source", "id", "bs", "name_ne")  # on a phone: the name and its day


class Holiday(namedtuple("Holiday", "ad bs weekday name name_ne scope status source provenance")):
    """One public holiday day (a notice's range is expanded to its days); ``status``,
    ``source`` and ``provenance`` as in DayHoliday. Tables leave ``provenance`` out (JSON and
    csv keep it)."""

    __slots__ = ()
    ad: date
    bs: BSDate
    weekday: str
    name: str
    name_ne: str
    scope: str
    status: str
    source: str
    provenance: str
    TABLE_COLUMNS = ("ad", "bs", "weekday", "name", "name_ne", "scope", "status", "source")
    TABLE_DROP = ("source", "status", "weekday", "bs", "scope", "name_ne")


class FestivalInfo(namedtuple("FestivalInfo", "id name name_ne rule aliases")):
    """A festival npkit knows: its id, names, its rule in words, and other names it answers to."""

    __slots__ = ()
    id: str
    name: str
    name_ne: str
    rule: str
    aliases: tuple[str, ...]


class Upcoming(namedtuple("Upcoming", "id name name_ne ad bs weekday days source status")):
    """The next day of a festival (or of any holiday: the holiday's own id): ``days`` from the
    day looked after (``patro.upcoming``). ``status`` is the holiday's ("confirmed" or
    "likely"), None for a festival (tables show the column only when filled)."""

    __slots__ = ()
    id: str
    name: str
    name_ne: str
    ad: date
    bs: BSDate
    weekday: str
    days: int
    source: str
    status: str | None
    TABLE_SPARSE = ("status",)
    TABLE_DROP = ("source", "status", "id", "weekday", "bs", "name_ne")


class HolidayCheck(namedtuple("HolidayCheck", "ad bs weekday scope holiday reason status")):
    """Whether a day is a day off for ``scope`` (``patro.holiday_check``): ``reason`` is the
    holiday's name, "Saturday", or None on a working day; ``status`` "confirmed" (a notice's
    holiday, a Saturday, the user's own day), "likely" (only a likely holiday makes it a day
    off: the year's notice is not out) or None on a working day."""

    __slots__ = ()
    ad: date
    bs: BSDate
    weekday: str
    scope: str
    holiday: bool
    reason: str | None
    status: str | None
