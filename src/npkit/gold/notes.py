"""The notes a gold answer comes with, as text (the library never prints): the command line
(``npkit.cli.gold``) and its warm fast path (``npkit.cli.fast``) warn with the same lines."""

from __future__ import annotations

from datetime import date

from npkit import dates
from npkit.gold.records import MetalPrice, Valuation, bs_date

OLD_AFTER_DAYS = 7
"""A "latest" rate older than this many days is worth a warning (a source that stopped
updating; the longest festival closures are shorter)."""


def substitute_note(record: MetalPrice | Valuation) -> str:
    """The note for a day without a rate, naming the day shown instead."""
    asked = record.requested or record.date
    weekday = dates.WEEKDAYS_EN[asked.weekday()]
    return (
        f"no rate for {weekday} {asked} (BS {bs_date(asked)}): showing {record.date}, "
        "the nearest earlier trading day"
    )


def age_note(record: MetalPrice | Valuation, today: date) -> str | None:
    """The note for a "latest" rate more than a week old on ``today``, else None."""
    age = (today - record.date).days
    if age > OLD_AFTER_DAYS:
        return f"the latest rate from {record.source} is {age} days old ({record.date})"
    return None
