"""The records of ``npkit fx``: NRB's rates as published, a day's table, a conversion. No I/O.

Rates are NPR per ``unit`` units of a currency (INR per 100, JPY per 10, KRW per 100, the rest
per 1) and kept that way in ``Rate``; conversion always divides by ``unit``. Money is
``Decimal`` from end to end.

The records are namedtuples (``npkit.tuples.record``: ``_replace`` makes a changed copy,
``_asdict`` a dict), not dataclasses: importing ``dataclasses`` (it imports ``inspect``) and
building the classes cost a warm ``npkit fx`` more than reading its answer.
"""

from __future__ import annotations

from npkit.fx.cards import conversion_card
from npkit.output import card
from npkit.output.spec import field_names
from npkit.tuples import record

TYPE_CHECKING = False  # typing is not imported at run time: a warm ``npkit fx`` starts faster
if TYPE_CHECKING:
    from datetime import date as Date
    from datetime import datetime
    from decimal import Decimal
    from typing import Any

    from npkit.dates import BSDate

SOURCE = "nrb"
"""The ``source`` of every fx record: Nepal Rastra Bank."""
SIDES = ("buy", "sell", "mid")
"""The rate sides a conversion can use; ``mid`` is the mean of buy and sell."""
HOME = "NPR"
"""The currency every NRB rate is quoted in."""
KNOWN_CURRENCIES = (
    "INR", "USD", "EUR", "GBP", "CHF", "AUD", "CAD", "SGD", "JPY", "CNY", "SAR",
    "QAR", "THB", "AED", "MYR", "KRW", "SEK", "DKK", "HKD", "KWD", "BHD", "OMR",
)  # fmt: skip
"""The currencies NRB quoted in 2026; only used to answer a bad code when there is no data."""


class Rate(
    record(
        "Rate",
        "date date_bs currency name unit buy sell change published_on source fetched_at stale",
        defaults=(None, None, SOURCE, None, False),
    )
):
    """One currency on one day, as published: NPR per ``unit`` units; None = not quoted."""

    __slots__ = ()
    date: Date
    date_bs: BSDate | None
    currency: str
    name: str
    unit: int
    buy: Decimal | None
    sell: Decimal | None
    change: Decimal | None  # buy minus the previous published day's buy; None: unknown
    published_on: datetime | None  # Nepal time (+05:45)
    source: str
    fetched_at: datetime | None  # when the reply was sent, Nepal time (+05:45)
    stale: bool  # from an expired cached copy (the server failed, or --offline)

    # How a table shows these records (npkit.output.render, npkit.output.table).
    TABLE_COLUMNS = ("date", "date_bs", "currency", "name", "unit", "buy", "sell", "change")
    TABLE_DROP = ("date_bs", "name", "change", "date")  # a rate without its unit is wrong
    TABLE_MONEY = ("buy", "sell")
    TABLE_SIGNED = ("change",)

    def value(self, side: str) -> Decimal | None:
        """The buy, sell or mid (their mean) figure per ``unit``; None when not quoted."""
        if side == "mid":
            if self.buy is None or self.sell is None:
                return None
            return (self.buy + self.sell) / 2
        return self.buy if side == "buy" else self.sell


class Conversion(
    record(
        "Conversion",
        "amount from_ to rate result rate_side date date_bs source fetched_at stale",
        defaults=(SOURCE, None, False),
    )
):
    """``amount`` of ``from_`` makes ``result`` of ``to``; ``rate``: ``to`` per 1 ``from_``.

    ``from`` is a Python keyword, so the field is ``from_`` (PEP 8's spelling) and users see
    the column ``from`` (``npkit.output.field_names`` drops the trailing ``_``)."""

    __slots__ = ()
    amount: Decimal
    from_: str
    to: str
    rate: Decimal
    result: Decimal
    rate_side: str | None  # buy, sell, mid, or buy/sell for a cross rate through NPR
    date: Date | None
    date_bs: BSDate | None
    source: str
    fetched_at: datetime | None  # of the rates used (see Rate)
    stale: bool
    # How a table shows these records (npkit.output.render, npkit.output.table).
    TABLE_COLUMNS = ("amount", "from", "to", "rate", "result", "rate_side", "date")
    TABLE_DROP = ("rate_side", "date", "rate")
    TABLE_MONEY = ("result",)

    def as_record(self) -> dict[str, Any]:
        """Column name → value, in column order."""
        return dict(zip(CONVERSION_COLUMNS, self, strict=True))


card.register(Conversion, conversion_card)
CONVERSION_COLUMNS = field_names(Conversion)
"""The columns users see (``from``, not ``from_``), in field order (``output.field_names``)."""


class Day(record("Day", "date published_on rates")):
    """One payload item: a day's table (a date may come twice; see ``nrb.resolve``)."""

    __slots__ = ()
    date: Date
    published_on: datetime | None
    rates: tuple[Rate, ...]

    @property
    def quoted(self) -> int:
        """How many currencies have a buy or sell figure."""
        return sum(1 for r in self.rates if r.buy is not None or r.sell is not None)


class Page(record("Page", "days page pages")):
    """One response of ``/rates``: its days and where it sits in the pagination."""

    __slots__ = ()
    days: tuple[Day, ...]
    page: int
    pages: int
