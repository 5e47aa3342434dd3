"""The day vocabulary: every field a day can have, in column order, how each is computed, and
``Day``, the record with every field.

One entry per field (name, group, one line of help, compute). Every day command (``date today``,
``cal``, ``convert`` with arguments, stdin or ``--column``) and the library draw from this
table, so the same ``--fields`` are accepted everywhere; the output layer writes each value one
way (npkit.output.values). Adding a field is one entry in ``TABLE``, its typed attribute on
``Day`` below (tests/test_days.py checks the two agree) and a row in docs/date.md.

A ``Day`` holds its AD and BS dates; every other field is computed on first access and kept,
and the patro's part (``panchang``) only when a patro field is read, so ``date convert`` never
loads the patro and ``date cal`` computes a month's panchang in one pass.

``compute(ad, bs, panchang)`` gets the AD date, the BS date and, for the ``patro`` group only,
the patro's computation of the day (``npkit.patro.Panchang``; None for the other groups): the
patro is imported and computed only when one of its fields is asked for. A field whose value
depends on whose days off are asked (``day_off``) is ``scoped``: its compute takes a fourth
argument, the scopes asked (a frozenset, "everyone" always in it), which ``Day(...,
scopes=...)`` and ``field_functions(names, scopes=...)`` pass: the one way scopes reach a field.
"""

from __future__ import annotations

from npkit.dates import (
    MONTHS_EN,
    MONTHS_NE,
    WEEKDAYS_EN,
    WEEKDAYS_NE,
    ad_to_bs,
    bs_text_en,
    bs_text_ne,
)
from npkit.errors import UsageError
from npkit.tuples import record as namedtuple

TYPE_CHECKING = False  # typing is not imported at run time: `npkit date` starts faster
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence
    from datetime import date, datetime, time
    from typing import Any

    from npkit.dates import BSDate
    from npkit.patro import DayHoliday, Event, Panchang

    Compute = Callable[..., Any]  # (ad, bs, panchang) or, scoped, (ad, bs, panchang, scopes)
    Scopes = str | Iterable[str] | None  # whose days off: one scope, several, or everyone

GROUPS = ("conversion", "period", "patro")


class Field(namedtuple("Field", "name group help compute scoped", defaults=(False,))):
    """One field of a day: its name (the column), its group, one line of help, how it is made,
    and whether it depends on the scopes asked (then ``compute`` takes them too)."""

    __slots__ = ()
    name: str
    group: str
    help: str
    compute: Compute
    scoped: bool


def _fy_month(bs: BSDate) -> int:
    """1 for Shrawan … 12 for Asar: the month of Nepal's fiscal year."""
    return (bs.month - 4) % 12 + 1


def _fiscal_label(bs: BSDate) -> str:
    start = bs.year if bs.month >= 4 else bs.year - 1
    return f"{start}/{(start + 1) % 100:02d}"


def _time(moment: Any) -> Any:
    return moment.timetz()  # to the minute, with the +05:45 zone


def _day_off(ad: date, p: Panchang, scopes: frozenset[str]) -> bool:
    """Saturday (Nepal's weekly day off), or a holiday (confirmed or likely) of a scope asked."""
    return ad.weekday() == 5 or any(h.scope in scopes for h in p.holidays)


EVERYONE = frozenset({"everyone"})


def scope_set(scopes: Scopes) -> frozenset[str]:
    """The scopes asked, "everyone" always among them (everyone's holidays are every scope's)."""
    if scopes is None:
        return EVERYONE
    return frozenset({scopes} if isinstance(scopes, str) else scopes) | EVERYONE


# fmt: off
TABLE: tuple[Field, ...] = (
    Field("ad", "conversion", "AD date", lambda ad, bs, p: ad),
    Field("bs", "conversion", "BS date (ISO-style, ASCII digits)", lambda ad, bs, p: bs),
    Field("weekday", "conversion", "English weekday",
          lambda ad, bs, p: WEEKDAYS_EN[ad.weekday()]),
    Field("bs_en", "conversion", "BS date written out in English",
          lambda ad, bs, p: bs_text_en(bs)),
    Field("bs_ne", "conversion", "BS date in Nepali (Devanagari digits and month name)",
          lambda ad, bs, p: bs_text_ne(bs)),
    Field("weekday_ne", "conversion", "Nepali weekday",
          lambda ad, bs, p: WEEKDAYS_NE[ad.weekday()]),
    Field("fiscal_year", "period", "Nepal's fiscal year (Shrawan to Asar)",
          lambda ad, bs, p: _fiscal_label(bs)),
    Field("quarter", "period", "quarter of the fiscal year (Q1 = Shrawan–Ashwin)",
          lambda ad, bs, p: f"Q{(_fy_month(bs) - 1) // 3 + 1}"),
    Field("chaumasik", "period", "four-month period of the fiscal year (C1 = Shrawan–Kartik)",
          lambda ad, bs, p: f"C{(_fy_month(bs) - 1) // 4 + 1}"),
    Field("fy_month", "period", "month of the fiscal year (1 = Shrawan … 12 = Asar)",
          lambda ad, bs, p: _fy_month(bs)),
    Field("bs_year", "period", "BS year", lambda ad, bs, p: bs.year),
    Field("bs_month", "period", "BS month number (1 = Baishakh)", lambda ad, bs, p: bs.month),
    Field("bs_month_name", "period", "BS month in English",
          lambda ad, bs, p: MONTHS_EN[bs.month - 1]),
    Field("bs_month_ne", "period", "BS month in Nepali",
          lambda ad, bs, p: MONTHS_NE[bs.month - 1]),
    Field("tithi", "patro", "lunar day at Kathmandu sunrise, 1–30 (15 Purnima, 30 Aunsi)",
          lambda ad, bs, p: p.tithi),
    Field("paksha", "patro", "shukla (bright half) or krishna (dark half)",
          lambda ad, bs, p: p.paksha),
    Field("tithi_name", "patro", "the tithi's name", lambda ad, bs, p: p.tithi_name),
    Field("tithi_ne", "patro", "the tithi's name in Nepali", lambda ad, bs, p: p.tithi_ne),
    Field("tithi_end", "patro",
          "when the tithi ends if before the next sunrise (ISO 8601, Nepal time), else empty",
          lambda ad, bs, p: p.tithi_end),
    Field("lunar_month", "patro", "lunar month as patros name it (dark half: the next month's)",
          lambda ad, bs, p: p.lunar_month),
    Field("lunar_month_ne", "patro", "lunar month in Nepali", lambda ad, bs, p: p.lunar_month_ne),
    Field("adhik", "patro", "whether the day is in an intercalary (adhik) month",
          lambda ad, bs, p: p.adhik),
    Field("ns_year", "patro", "Nepal Sambat year", lambda ad, bs, p: p.ns_year),
    Field("sunrise", "patro", "sunrise in Kathmandu, HH:MM Nepal time",
          lambda ad, bs, p: _time(p.sunrise)),
    Field("sunset", "patro", "sunset in Kathmandu, HH:MM Nepal time",
          lambda ad, bs, p: _time(p.sunset)),
    Field("nakshatra", "patro", "nakshatra (lunar mansion) at sunrise, 1–27 (1 Ashwini)",
          lambda ad, bs, p: p.nakshatra),
    Field("nakshatra_name", "patro", "the nakshatra's name", lambda ad, bs, p: p.nakshatra_name),
    Field("nakshatra_ne", "patro", "the nakshatra's name in Nepali",
          lambda ad, bs, p: p.nakshatra_ne),
    Field("nakshatra_end", "patro",
          "when the nakshatra ends if before the next sunrise (as tithi_end), else empty",
          lambda ad, bs, p: p.nakshatra_end),
    Field("yoga", "patro", "yoga at sunrise, 1–27 (1 Vishkambha)", lambda ad, bs, p: p.yoga),
    Field("yoga_name", "patro", "the yoga's name", lambda ad, bs, p: p.yoga_name),
    Field("yoga_ne", "patro", "the yoga's name in Nepali", lambda ad, bs, p: p.yoga_ne),
    Field("yoga_end", "patro",
          "when the yoga ends if before the next sunrise (as tithi_end), else empty",
          lambda ad, bs, p: p.yoga_end),
    Field("karana", "patro", "karana (half-tithi) at sunrise", lambda ad, bs, p: p.karana),
    Field("karana_ne", "patro", "the karana in Nepali", lambda ad, bs, p: p.karana_ne),
    Field("moon_sign", "patro", "the Moon's sign at sunrise, 1–12 (1 Mesh)",
          lambda ad, bs, p: p.moon_sign),
    Field("moon_sign_name", "patro", "the Moon's sign", lambda ad, bs, p: p.moon_sign_name),
    Field("moon_sign_ne", "patro", "the Moon's sign in Nepali", lambda ad, bs, p: p.moon_sign_ne),
    Field("moon_sign_change", "patro",
          "when the Moon enters the next sign if before the next sunrise (as tithi_end), else"
          " empty", lambda ad, bs, p: p.moon_sign_change),
    Field("sun_sign", "patro", "the Sun's sign as patros print it: the BS month's, 1–12 (1 Mesh)",
          lambda ad, bs, p: p.sun_sign),
    Field("sun_sign_name", "patro", "the Sun's sign", lambda ad, bs, p: p.sun_sign_name),
    Field("sun_sign_ne", "patro", "the Sun's sign in Nepali", lambda ad, bs, p: p.sun_sign_ne),
    Field("ayana", "patro", "uttarayana (Sun from Makar to Karkat) or dakshinayana",
          lambda ad, bs, p: p.ayana),
    Field("ayana_ne", "patro", "the ayana in Nepali", lambda ad, bs, p: p.ayana_ne),
    Field("ns_month", "patro", "Nepal Sambat lunar month (Kachhala … Kaula; Anala if adhik)",
          lambda ad, bs, p: p.ns_month),
    Field("ns_month_ne", "patro", "Nepal Sambat month in Nepal Bhasa (Devanagari)",
          lambda ad, bs, p: p.ns_month_ne),
    Field("ns_day", "patro", "Nepal Sambat day: the tithi of the NS month, 1–30",
          lambda ad, bs, p: p.ns_day),
    Field("tithi_line", "patro", "month, paksha and tithi as patros write them",
          lambda ad, bs, p: p.tithi_line),
    Field("tithi_line_ne", "patro", "the tithi line in Nepali", lambda ad, bs, p: p.tithi_line_ne),
    Field("rahu_kaal", "patro", "Rahu kaal, HH:MM–HH:MM Nepal time (an eighth of the day)",
          lambda ad, bs, p: str(p.rahu_kaal)),
    Field("yamaganda", "patro", "Yamaganda, HH:MM–HH:MM (an eighth of the day)",
          lambda ad, bs, p: str(p.yamaganda)),
    Field("gulika_kaal", "patro", "Gulika kaal, HH:MM–HH:MM (an eighth of the day)",
          lambda ad, bs, p: str(p.gulika_kaal)),
    Field("abhijit", "patro", "Abhijit muhurta, HH:MM–HH:MM (the 8th of 15 parts of the day)",
          lambda ad, bs, p: str(p.abhijit)),
    Field("events", "patro",
          "the day's festivals (JSON: objects with id, name, name_ne; text: names, ; between)",
          lambda ad, bs, p: p.events),
    Field("holiday", "patro",
          "the broadest public holiday of the day (JSON: an object with name, name_ne, scope,"
          " status, source, provenance, or null; text: its name, with (scope) unless it is for"
          " everyone, and (likely) unless confirmed)",
          lambda ad, bs, p: p.holiday),
    Field("holidays", "patro",
          "every public holiday of the day, for anyone (each as holiday; status confirmed or"
          " likely: a year without a notice)", lambda ad, bs, p: p.holidays),
    Field("day_off", "patro",
          "whether the day is a day off for the scopes asked (default everyone): a Saturday, or"
          " a holiday of theirs, likely ones included", lambda ad, bs, p, s: _day_off(ad, p, s),
          True),
)
# fmt: on
FIELDS: dict[str, Field] = {field.name: field for field in TABLE}
FIELD_NAMES: tuple[str, ...] = tuple(FIELDS)
"""Every field a day can have, in column order: what every day command's ``--fields`` takes."""
CONVERT_FIELDS: tuple[str, ...] = tuple(f.name for f in TABLE if f.group == "conversion")
"""``npkit date convert``'s (and ``add``'s) columns when no ``--fields`` is given."""
CALENDAR_FIELDS: tuple[str, ...] = (
    *CONVERT_FIELDS, "tithi", "paksha", "tithi_name", "tithi_ne", "tithi_end", "lunar_month",
    "lunar_month_ne", "adhik", "ns_year", "sunrise", "sunset", "events", "holiday", "day_off",
)  # fmt: skip
"""``npkit date today``'s and ``cal``'s columns when no ``--fields`` is given."""


class Day:
    """One day: ``Day(date(2024, 11, 26)).bs_ne`` → ``'११ मंसिर २०८१'``. Values are real
    (``date``, ``BSDate``, ``datetime``, ``time`` in +05:45, ``Event``/``DayHoliday`` records);
    npkit.output writes them. ``_fields``: every field in column order (as a namedtuple);
    ``DEFAULT_FIELDS``: the columns written when no ``--fields`` is asked for."""

    __slots__ = ("_panchang", "_values", "ad", "bs", "scopes")
    _fields: tuple[str, ...] = FIELD_NAMES
    DEFAULT_FIELDS: tuple[str, ...] = FIELD_NAMES

    ad: date
    bs: BSDate
    weekday: str
    bs_en: str
    bs_ne: str
    weekday_ne: str
    fiscal_year: str
    quarter: str
    chaumasik: str
    fy_month: int
    bs_year: int
    bs_month: int
    bs_month_name: str
    bs_month_ne: str
    tithi: int
    paksha: str
    tithi_name: str
    tithi_ne: str
    tithi_end: datetime | None
    lunar_month: str
    lunar_month_ne: str
    adhik: bool
    ns_year: int
    sunrise: time
    sunset: time
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
    rahu_kaal: str
    yamaganda: str
    gulika_kaal: str
    abhijit: str
    events: tuple[Event, ...]
    holiday: DayHoliday | None
    holidays: tuple[DayHoliday, ...]
    day_off: bool

    def __init__(
        self,
        ad: date,
        bs: BSDate | None = None,
        panchang: Panchang | None = None,
        scopes: Scopes = None,
    ):
        """``bs`` and ``panchang`` when the caller has them already (else computed on use);
        ``scopes``: whose days off ``day_off`` answers for (default everyone)."""
        self.ad = ad
        self.bs = ad_to_bs(ad) if bs is None else bs
        self._panchang = panchang
        self._values: dict[str, Any] = {}
        self.scopes = scope_set(scopes)

    @property
    def panchang(self) -> Panchang:
        """The patro's computation of this day (computed on first use)."""
        if self._panchang is None:
            from npkit import patro

            self._panchang = patro.day(self.ad)
        return self._panchang

    def __getattr__(self, name: str) -> Any:
        field = FIELDS.get(name)
        if field is None:
            raise AttributeError(f"'Day' has no field {name!r}")
        values = self._values
        if name not in values:
            panchang = self.panchang if field.group == "patro" else None
            if field.scoped:
                values[name] = field.compute(self.ad, self.bs, panchang, self.scopes)
            else:
                values[name] = field.compute(self.ad, self.bs, panchang)
        return values[name]

    def values_of(self, names: Iterable[str]) -> tuple[Any, ...]:
        """The values of the fields ``names``, in order: a row as npkit.output writes it.
        Each through ``__getattr__`` directly: ``getattr`` would first fail the ordinary
        lookup (an exception) for every computed field, a third of ``date cal``'s writing."""
        return tuple(map(self.__getattr__, names))

    def _asdict(self, names: Iterable[str] | None = None) -> dict[str, Any]:
        """{field: value} of ``names`` (default: every field), as a namedtuple gives it."""
        return {name: getattr(self, name) for name in (names or self._fields)}

    def __eq__(self, other: object) -> bool:
        """The same day (its fields follow from its dates) is equal, whichever view made it."""
        return isinstance(other, Day) and (self.ad, self.bs) == (other.ad, other.bs)

    def __hash__(self) -> int:
        return hash(self.ad)

    def __repr__(self) -> str:
        return f"Day(ad={self.ad!r}, bs={self.bs!r})"


class ConvertedDay(Day):
    """Days as ``date convert`` and ``date add`` show them: any field, the conversion fields
    by default; a narrow terminal's table drops the words columns first; one answer on a
    terminal is a card (npkit.output.card)."""

    __slots__ = ()
    DEFAULT_FIELDS = CONVERT_FIELDS
    TABLE_DROP = ("weekday_ne", "bs_ne", "bs_en", "weekday")


class CalendarDay(Day):
    """Days as ``date today`` and ``date cal`` show them: any field, the conversion and patro
    fields by default; one day as a table is one line per field (its 19 fields side by side
    would be ~250 columns); one answer on a terminal is a card."""

    __slots__ = ()
    DEFAULT_FIELDS = CALENDAR_FIELDS
    TABLE_VERTICAL = True


def check_fields(names: Sequence[str]) -> tuple[str, ...]:
    """``names`` if every one is a day field; else a UsageError listing the valid ones (the
    message npkit.output gives for any record's ``--fields``)."""
    unknown = [name for name in names if name not in FIELDS]
    if unknown:
        shown = ", ".join(map(repr, unknown))
        raise UsageError(f"unknown field {shown}; valid fields: {','.join(FIELD_NAMES)}")
    return tuple(names)


def needs_patro(names: Sequence[str]) -> bool:
    """Whether any of ``names`` is a patro field (a caller may then load the user's days)."""
    return any(FIELDS[name].group == "patro" for name in names if name in FIELDS)


def field_functions(
    names: Sequence[str], scopes: Scopes = None
) -> list[Callable[[date, BSDate], Any]]:
    """``f(ad, bs)`` for each named field, for rows of only the fields asked for (the bulk
    paths); the patro is imported, and each day's panchang computed once, only when one of its
    fields is asked for. ``scopes``: whose days off ``day_off`` answers for (default
    everyone)."""
    check_fields(names)
    panchang: Callable[[date], Panchang] | None = None
    if needs_patro(names):
        from functools import lru_cache

        from npkit import patro

        panchang = lru_cache(maxsize=4096)(patro.day)
    asked = scope_set(scopes)
    return [_function(FIELDS[name], panchang, asked) for name in names]


def _function(
    field: Field, panchang: Callable[[date], Panchang] | None, scopes: frozenset[str]
) -> Callable[[date, BSDate], Any]:
    compute = field.compute
    if field.scoped and panchang is not None:
        return lambda ad, bs: compute(ad, bs, panchang(ad), scopes)
    if field.group == "patro" and panchang is not None:
        return lambda ad, bs: compute(ad, bs, panchang(ad))
    return lambda ad, bs: compute(ad, bs, None)
