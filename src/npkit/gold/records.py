"""The records of ``npkit gold`` and the small rules every provider shares. No network.

Figures are read with ``npkit.scrape.money(…, paisa=True)``, the one money parser.

A ``MetalPrice`` is one published figure: one metal, one unit, one trading day, one source.
Figures are kept exactly as published (``Decimal``); the 10 g price is never derived from the
tola price or the other way round, because FENEGOSIDA fixes both and they do not agree to the
rupee (306,800 per tola is 263,036.3 per 10 g; the published 10 g figure is 263,030).

The records are namedtuples (``npkit.tuples.record``: ``_replace`` makes a changed copy,
``_asdict`` a dict), not dataclasses: importing ``dataclasses`` (it imports ``inspect``) cost a
warm ``npkit gold`` more than reading its answer.
"""

from __future__ import annotations

from npkit.errors import ParseError
from npkit.gold.cards import valuation_card
from npkit.output import card
from npkit.provenance import fetched_at
from npkit.scrape import CENT, bs_date, to_paisa
from npkit.tuples import record as namedtuple

TYPE_CHECKING = False  # typing is not imported at run time: a warm ``npkit gold`` starts faster
if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date as Date
    from datetime import datetime
    from decimal import Decimal

    from npkit.dates import BSDate
    from npkit.freshcache import Fetched

__all__ = [
    "CENT",
    "METALS",
    "PRICE_FIELDS",
    "UNITS",
    "MetalPrice",
    "Valuation",
    "bs_date",
    "fill_changes",
    "require_rates",
    "sort_key",
    "stamped",
    "to_paisa",
]

METALS = ("fine_gold", "tejabi_gold", "silver")
"""Canonical metal names, in display order. Tejabi appears only where a source publishes a
non-zero figure (FENEGOSIDA stopped quoting it); it is never estimated."""

UNITS = ("tola", "10g")
"""Price units as published: per 1 tola (11.6638038 g) and per 10 grams."""


class MetalPrice(
    namedtuple(
        "MetalPrice",
        "date date_bs metal unit price change source requested fetched_at stale",
        defaults=(None, None, False),
    )
):
    """One published price: NPR for one ``unit`` of ``metal`` on trading day ``date``.

    ``change`` is the difference from the previous trading day's figure (same metal and unit)
    when the source gives that figure, else None. ``requested`` is set only when the day asked
    for had no rate (a Saturday, a holiday, before the day's fixing) and this is the nearest
    earlier trading day's figure instead.
    """

    __slots__ = ()
    date: Date
    date_bs: BSDate | None
    metal: str
    unit: str
    price: Decimal
    change: Decimal | None
    source: str
    requested: Date | None
    fetched_at: datetime | None  # when the reply was sent, Nepal time (+05:45)
    stale: bool  # from an expired cached copy (the server failed, or --offline)

    # How a table shows these records (npkit.output.render, npkit.output.table).
    TABLE_COLUMNS = ("date", "date_bs", "metal", "unit", "price", "change", "source", "requested")
    TABLE_SPARSE = ("requested",)
    TABLE_DROP = ("source", "date_bs", "requested", "change", "date")  # the day stays longest
    TABLE_MONEY = ("price",)
    TABLE_SIGNED = ("change",)


class Valuation(
    namedtuple(
        "Valuation",
        "weight tola grams metal rate rate_unit value date date_bs source requested fetched_at"
        " stale",
        defaults=(None, None, False),
    )
):
    """What ``weight`` of ``metal`` is worth at one published rate (see ``npkit.gold.value``)."""

    __slots__ = ()
    weight: str
    tola: Decimal
    grams: Decimal
    metal: str
    rate: Decimal
    rate_unit: str
    value: Decimal
    date: Date
    date_bs: BSDate | None
    source: str
    requested: Date | None
    fetched_at: datetime | None  # of the price used (see MetalPrice)
    stale: bool

    # How a table shows these records (npkit.output.render, npkit.output.table).
    TABLE_COLUMNS = (
        "weight", "tola", "grams", "metal", "rate", "rate_unit", "value", "date", "date_bs",
        "source", "requested",
    )  # fmt: skip
    TABLE_SPARSE = ("requested",)
    TABLE_DROP = ("source", "date_bs", "grams", "rate_unit", "tola", "requested", "date", "rate")
    TABLE_MONEY = ("rate", "value")


card.register(Valuation, valuation_card)
PRICE_FIELDS: tuple[str, ...] = MetalPrice._fields


def sort_key(record: MetalPrice) -> tuple[Date, int, int]:
    """Date, then fine gold, tejabi, silver, then tola before 10 g."""
    return (record.date, METALS.index(record.metal), UNITS.index(record.unit))


def fill_changes(records: Iterable[MetalPrice]) -> list[MetalPrice]:
    """Sorted records whose missing ``change`` is filled from the previous trading day of the
    same series in ``records`` (the source's own previous figure); a series' first day keeps
    None. Only use on records of one source with every trading day present."""
    result: list[MetalPrice] = []
    previous: dict[tuple[str, str], MetalPrice] = {}
    for record in sorted(records, key=sort_key):
        before = previous.get((record.metal, record.unit))
        if record.change is None and before is not None and before.date < record.date:
            record = record._replace(change=to_paisa(record.price - before.price))
        previous[(record.metal, record.unit)] = record
        result.append(record)
    return result


def stamped(records: Iterable[MetalPrice], fetched: Fetched) -> list[MetalPrice]:
    """``records`` with ``fetched_at`` and ``stale`` taken from the reply they came from."""
    at = fetched_at(fetched)
    return [r._replace(fetched_at=at, stale=fetched.stale) for r in records]


def require_rates(records: list[MetalPrice], host: str) -> list[MetalPrice]:
    """``records`` when there is at least one; a reply that should hold today's rates but
    holds none is unreadable (exit 4), and is not cached."""
    if not records:
        raise ParseError(f"{host} sent no gold or silver rates")
    return records
