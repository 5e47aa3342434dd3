"""``Day``: one day with every field of the vocabulary, computed when first read.

A ``Day`` holds its AD and BS dates; every other field (``FIELDS``) is computed on first
access and kept, and the patro's part (``panchang``) only when a patro field is read, so
``date convert`` never loads the patro and ``date cal`` computes a month's panchang in one
pass. The attributes below are checked against the table by tests/test_days.py.
"""

from __future__ import annotations

from npkit.dates import ad_to_bs, as_date
from npkit.days.fields import CALENDAR_FIELDS, CONVERT_FIELDS, FIELD_NAMES, FIELDS

TYPE_CHECKING = False  # typing is not imported at run time: `npkit date` starts faster
if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date, datetime, time
    from typing import Any

    from npkit.dates import BSDate
    from npkit.patro import DayHoliday, Event, Panchang


class Day:
    """One day: ``Day(date(2024, 11, 26)).bs_ne`` → ``'११ मंसिर २०८१'``. Values are real
    (``date``, ``BSDate``, ``datetime``, ``time`` in +05:45, ``Event``/``DayHoliday`` records);
    npkit.output writes them. ``_fields``: every field in column order (as a namedtuple);
    ``DEFAULT_FIELDS``: the columns written when no ``--fields`` is asked for."""

    __slots__ = ("_panchang", "_values", "ad", "bs")
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
    events: tuple[Event, ...]
    holiday: DayHoliday | None
    holidays: tuple[DayHoliday, ...]

    def __init__(self, ad: date, bs: BSDate | None = None, panchang: Panchang | None = None):
        """``bs`` and ``panchang`` when the caller has them already (else computed on use)."""
        self.ad = ad
        self.bs = ad_to_bs(ad) if bs is None else bs
        self._panchang = panchang
        self._values: dict[str, Any] = {}

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
            values[name] = field.compute(self.ad, self.bs, panchang)
        return values[name]

    def _asdict(self, names: Iterable[str] | None = None) -> dict[str, Any]:
        """{field: value} of ``names`` (default: every field), as a namedtuple gives it."""
        return {name: getattr(self, name) for name in (names or self._fields)}

    def __eq__(self, other: object) -> bool:
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


def day(when: object) -> Day:
    """Every field of one day (a ``date``, a ``datetime`` or text npkit.dates reads)."""
    return Day(as_date(when))


def between(start: object, end: object) -> list[Day]:
    """Every day from ``start`` to ``end`` inclusive, their patro computed in one pass."""
    from npkit import patro

    first = as_date(start, "start")
    return _joined(first, patro.days(first, end))


def month(bs_year: int, bs_month: int) -> list[Day]:
    """Every day of a BS month."""
    from npkit import patro
    from npkit.dates import bs_to_ad

    return _joined(bs_to_ad((bs_year, bs_month, 1)), patro.month(bs_year, bs_month))


def year(bs_year: int) -> list[Day]:
    """Every day of a BS year."""
    from npkit import patro
    from npkit.dates import bs_to_ad

    return _joined(bs_to_ad((bs_year, 1, 1)), patro.year(bs_year))


def _joined(first: date, panchangs: list[Panchang]) -> list[Day]:
    from datetime import timedelta

    return [Day(first + timedelta(days=i), None, p) for i, p in enumerate(panchangs)]
