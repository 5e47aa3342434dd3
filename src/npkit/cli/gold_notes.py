"""The warnings ``npkit gold`` adds to its prices, without Click: the Click command
(``npkit.cli.gold``) and the warm fast path (``npkit.cli.fast``) give the same lines."""

from __future__ import annotations

from npkit import console, dates
from npkit.gold.records import MetalPrice, Valuation, bs_date

OLD_AFTER_DAYS = 7
"""A "latest" rate older than this many days is worth a warning (a source that stopped
updating; the longest festival closures are shorter)."""


def substitute_note(record: MetalPrice | Valuation) -> str:
    """The warning for a day without a rate, naming the day shown instead."""
    asked = record.requested or record.date
    weekday = dates.WEEKDAYS_EN[asked.weekday()]
    return (
        f"no rate for {weekday} {asked} (BS {bs_date(asked)}): showing {record.date}, "
        "the nearest earlier trading day"
    )


def warn_if_old(record: MetalPrice | Valuation) -> None:
    """Say so when the latest rate a source offers is more than a week old."""
    age = (dates.today_ad() - record.date).days
    if age > OLD_AFTER_DAYS:
        console.warn(f"the latest rate from {record.source} is {age} days old ({record.date})")
