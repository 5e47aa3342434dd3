"""The summary of a price history: first and last, low and high with their days, average and
change. Pure ``Decimal`` arithmetic, no I/O: the numbers ``--stats`` prints and the footer of a
``--chart`` are the same numbers.

Rules, so that a spreadsheet can check them: the low and the high are the first day the
figure was reached (a later equal figure does not move the day); ``mean`` is the plain average
of the figures (one per published day, not weighted by calendar time), rounded half-up to as
many decimals as the figures have (at least two: paisa); ``change`` is last minus first,
exact; ``change_pct`` is that change in percent of the first figure, rounded half-up to 0.01
(None when the first figure is zero).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date as Date
from decimal import ROUND_HALF_UP, Decimal, localcontext

PERCENT_PLACES = Decimal("0.01")


@dataclass(frozen=True)
class Stats:
    """The summary of one series (one currency, one metal in one unit). A summary record
    (``fx.summary.RateSummary``, ``gold.summary.PriceSummary``) is its key's fields, then
    these: it derives from this class and its key's."""

    days: int  # how many days had a figure
    first: Decimal
    first_date: Date
    last: Decimal
    last_date: Date
    min: Decimal
    min_date: Date
    max: Decimal
    max_date: Date
    mean: Decimal
    change: Decimal
    change_pct: Decimal | None

    # How a table shows a summary record (npkit.output.table).
    TABLE_MONEY = ("first", "last", "min", "max", "mean")
    TABLE_SIGNED = ("change",)


STAT_FIELDS = tuple(Stats.__dataclass_fields__)
"""The summary's fields in order: the columns a summary record has after its own key."""


def places(values: Iterable[Decimal]) -> int:
    """Decimals the figures are written with: the most any has, at least two (paisa)."""
    found = [-int(v.as_tuple().exponent) for v in values if v.is_finite()]
    return max([2, *found])


def summarize(points: Iterable[tuple[Date, Decimal]]) -> Stats | None:
    """The summary of ``(day, figure)`` points (sorted here by day); None when there are none."""
    series = sorted(points, key=lambda point: point[0])
    if not series:
        return None
    (first_date, first), (last_date, last) = series[0], series[-1]
    low_date, low = min(series, key=lambda point: point[1])  # min/max keep the first reached
    high_date, high = max(series, key=lambda point: point[1])
    with localcontext() as context:
        context.prec = 40  # a decade of daily gold prices sums to ~10 significant digits
        total = sum((figure for _, figure in series), Decimal(0))
        step = Decimal(1).scaleb(-places(figure for _, figure in series))
        mean = (total / len(series)).quantize(step, ROUND_HALF_UP)
        change = last - first
        percent = (
            None if first == 0 else (change * 100 / first).quantize(PERCENT_PLACES, ROUND_HALF_UP)
        )
    return Stats(
        days=len(series),
        first=first,
        first_date=first_date,
        last=last,
        last_date=last_date,
        min=low,
        min_date=low_date,
        max=high,
        max_date=high_date,
        mean=mean,
        change=change,
        change_pct=percent,
    )
