"""Days by the day, the range, the BS month and year: ``Day`` records, each range's patro
computed in one pass."""

from __future__ import annotations

from npkit.dates import as_date
from npkit.days.fields import Day

TYPE_CHECKING = False  # typing is not imported at run time: `npkit date` starts faster
if TYPE_CHECKING:
    from datetime import date

    from npkit.days.fields import Scopes
    from npkit.patro import Panchang


def day(when: object, scopes: Scopes = None) -> Day:
    """Every field of one day (a ``date``, a ``datetime`` or text npkit.dates reads);
    ``scopes``: whose ``day_off`` (default everyone)."""
    return Day(as_date(when), scopes=scopes)


def between(start: object, end: object, scopes: Scopes = None) -> list[Day]:
    """Every day from ``start`` to ``end`` inclusive, their patro computed in one pass."""
    from npkit import patro

    first = as_date(start, "start")
    return _joined(first, patro.days(first, end), scopes)


def month(bs_year: int, bs_month: int, scopes: Scopes = None) -> list[Day]:
    """Every day of a BS month."""
    from npkit import patro
    from npkit.dates import bs_to_ad

    return _joined(bs_to_ad((bs_year, bs_month, 1)), patro.month(bs_year, bs_month), scopes)


def year(bs_year: int, scopes: Scopes = None) -> list[Day]:
    """Every day of a BS year."""
    from npkit import patro
    from npkit.dates import bs_to_ad

    return _joined(bs_to_ad((bs_year, 1, 1)), patro.year(bs_year), scopes)


def _joined(first: date, panchangs: list[Panchang], scopes: Scopes) -> list[Day]:
    from datetime import timedelta

    return [Day(first + timedelta(days=i), None, p, scopes) for i, p in enumerate(panchangs)]
