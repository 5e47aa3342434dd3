"""Days by the day, the range, the BS month and year: ``Day`` records, each range's patro
computed in one pass."""

from __future__ import annotations

from npkit.dates import as_date
from npkit.days.fields import Day

TYPE_CHECKING = False  # typing is not imported at run time: `npkit date` starts faster
if TYPE_CHECKING:
    from datetime import date

    from npkit.patro import Panchang


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
