"""The day vocabulary: every field a day can have, in column order, and how each is computed.

One entry per field (name, group, one line of help, compute). Every day command (``date today``,
``cal``, ``convert`` with arguments, stdin or ``--column``) and the library draw from this
table, so the same ``--fields`` are accepted everywhere; the output layer writes each value one
way (npkit.output.values). Adding a field is one entry here, its attribute on ``Day`` (checked
against this table by tests/test_days.py) and a line in docs/date.md.

``compute(ad, bs, panchang)`` gets the AD date, the BS date and, for the ``patro`` group only,
the patro's computation of the day (``npkit.patro.Panchang``; None for the other groups): the
patro is imported and computed only when one of its fields is asked for.
"""

from __future__ import annotations

from collections import namedtuple

from npkit.dates import MONTHS_EN, MONTHS_NE, WEEKDAYS_EN, WEEKDAYS_NE, bs_text_en, bs_text_ne
from npkit.errors import UsageError

TYPE_CHECKING = False  # typing is not imported at run time: `npkit date` starts faster
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from datetime import date
    from typing import Any

    from npkit.dates import BSDate
    from npkit.patro import Panchang

    Compute = Callable[[date, BSDate, Panchang | None], Any]

GROUPS = ("conversion", "period", "patro")


class Field(namedtuple("Field", "name group help compute")):
    """One field of a day: its name (the column), its group, one line of help, how it is made."""

    __slots__ = ()
    name: str
    group: str
    help: str
    compute: Compute


def _fy_month(bs: BSDate) -> int:
    """1 for Shrawan … 12 for Asar: the month of Nepal's fiscal year."""
    return (bs.month - 4) % 12 + 1


def _fiscal_label(bs: BSDate) -> str:
    start = bs.year if bs.month >= 4 else bs.year - 1
    return f"{start}/{(start + 1) % 100:02d}"


def _time(moment: Any) -> Any:
    return moment.timetz()  # to the minute, with the +05:45 zone


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
    Field("lunar_month", "patro", "lunar month (new moon to new moon)",
          lambda ad, bs, p: p.lunar_month),
    Field("lunar_month_ne", "patro", "lunar month in Nepali", lambda ad, bs, p: p.lunar_month_ne),
    Field("adhik", "patro", "whether the lunar month is intercalary (adhik)",
          lambda ad, bs, p: p.adhik),
    Field("ns_year", "patro", "Nepal Sambat year", lambda ad, bs, p: p.ns_year),
    Field("sunrise", "patro", "sunrise in Kathmandu, HH:MM Nepal time",
          lambda ad, bs, p: _time(p.sunrise)),
    Field("sunset", "patro", "sunset in Kathmandu, HH:MM Nepal time",
          lambda ad, bs, p: _time(p.sunset)),
    Field("events", "patro",
          "the day's festivals (JSON: objects with id, name, name_ne; text: names, ; between)",
          lambda ad, bs, p: p.events),
    Field("holiday", "patro",
          "the broadest public holiday of the day (JSON: an object with name, name_ne, scope,"
          " source, or null; text: its name, with (scope) unless it is for everyone)",
          lambda ad, bs, p: p.holiday),
    Field("holidays", "patro", "every public holiday of the day, for anyone (each as holiday)",
          lambda ad, bs, p: p.holidays),
)
# fmt: on
FIELDS: dict[str, Field] = {field.name: field for field in TABLE}
FIELD_NAMES: tuple[str, ...] = tuple(FIELDS)
"""Every field a day can have, in column order: what every day command's ``--fields`` takes."""
CONVERT_FIELDS: tuple[str, ...] = tuple(f.name for f in TABLE if f.group == "conversion")
"""``npkit date convert``'s (and ``add``'s) columns when no ``--fields`` is given."""
CALENDAR_FIELDS: tuple[str, ...] = (
    *CONVERT_FIELDS, "tithi", "paksha", "tithi_name", "tithi_ne", "tithi_end", "lunar_month",
    "lunar_month_ne", "adhik", "ns_year", "sunrise", "sunset", "events", "holiday",
)  # fmt: skip
"""``npkit date today``'s and ``cal``'s columns when no ``--fields`` is given."""


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


def field_functions(names: Sequence[str]) -> list[Callable[[date, BSDate], Any]]:
    """``f(ad, bs)`` for each named field, for rows of only the fields asked for (the bulk
    paths); the patro is imported, and each day's panchang computed once, only when one of its
    fields is asked for."""
    check_fields(names)
    panchang: Callable[[date], Panchang] | None = None
    if needs_patro(names):
        from functools import lru_cache

        from npkit import patro

        panchang = lru_cache(maxsize=4096)(patro.day)
    return [_function(FIELDS[name], panchang) for name in names]


def _function(
    field: Field, panchang: Callable[[date], Panchang] | None
) -> Callable[[date, BSDate], Any]:
    compute = field.compute
    if field.group == "patro" and panchang is not None:
        return lambda ad, bs: compute(ad, bs, panchang(ad))
    return lambda ad, bs: compute(ad, bs, None)
