"""Which days a question about published data covers: one day, a range, or "the latest".

Shared by fx and gold (rates and prices are published per day, never for the future).
"""

from __future__ import annotations

from datetime import date, datetime

from npkit.errors import UsageError


def as_date(value: object, what: str = "date") -> date:
    """A library argument as a date: a ``date``, a ``datetime`` (its date), or text in any form
    ``parse_date`` reads. (``parse_date``, not ``parse_to_ad``: the latter's range hint speaks
    of ``--from bs``, which commands other than ``npkit date`` don't have.)"""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        from npkit.dates.parse import parse_date  # (the parser loads when text is given)

        return parse_date(value).to_ad()
    raise UsageError(f"{what} must be a date, not {value!r}")


def check_not_future(day: date, today: date) -> None:
    """Published data (rates, prices) has no future days: a UsageError, with a hint when the
    date looks like a BS date typed as AD."""
    if day > today:
        hint = "; a BS date? write bs:YYYY-MM-DD" if day.year > today.year + 20 else ""
        raise UsageError(f"{day} is in the future (today in Nepal is {today}{hint})")


def requested_days(
    day: object = None, start: object = None, end: object = None, *, today: date
) -> tuple[date, date] | None:
    """What a command for published data (rates, prices) was asked: ``(first, last)`` for one
    ``day`` or a range ``start`` … ``end`` (end defaults to ``today`` and is cut there), or None
    for "the latest". Contradictions, reversed ranges and future days are UsageErrors."""
    if day is not None and (start is not None or end is not None):
        raise UsageError("give a single date or a range (from/to), not both")
    if day is not None:
        first = as_date(day, "date")
        check_not_future(first, today)
        return first, first
    if start is None and end is None:
        return None
    if start is None:
        raise UsageError("a range needs a start date (--from)")
    first = as_date(start, "start")
    last = as_date(end, "end") if end is not None else today
    if first > last:
        raise UsageError(f"the range starts ({first}) after it ends ({last})")
    check_not_future(first, today)
    return first, min(last, today)
