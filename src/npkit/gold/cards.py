"""How one valuation reads on a terminal (``npkit gold value 2tola``): a card of
``npkit.output.card``, registered for ``Valuation`` in ``npkit.gold.records``."""

from __future__ import annotations

from npkit.output.card import Line, money

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

    from npkit.gold.records import Valuation


def valuation_card(records: Sequence[Valuation]) -> list[Line] | None:
    """What the weight is worth and at which published rate; None (a table) for several."""
    if len(records) != 1:
        return None
    r = records[0]
    metal = str(r.metal).replace("_", " ")
    bs = f" ({r.date_bs} BS)" if r.date_bs else ""
    return [
        (f"{r.weight} of {metal} = NPR {money(r.value)}",),
        (f"at NPR {money(r.rate)} per {r.rate_unit},", f"{r.source} rate of {r.date}{bs}"),
    ]
