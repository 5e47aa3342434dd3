"""How one conversion reads on a terminal (``npkit fx convert 100 USD``): a card of
``npkit.output.card``, registered for ``Conversion`` in ``npkit.fx.records``."""

from __future__ import annotations

from npkit.output.card import Line, number

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

    from npkit.fx.records import Conversion


def conversion_card(records: Sequence[Conversion]) -> list[Line] | None:
    """``100 USD = 15,240.00 NPR`` and the rate used; None (a table) for several. The result
    shows the target currency's minor unit (it is rounded to it: ``1,042 JPY``)."""
    if len(records) != 1:
        return None
    r = records[0]
    side = f"NRB {r.rate_side} rate" if r.rate_side else "NRB rate"
    when = f" of {r.date}" if r.date else ""
    return [
        (f"{number(r.amount)} {r.from_} = {number(r.result)} {r.to}",),
        (f"1 {r.from_} = {format(r.rate, 'f')} {r.to}", f"({side}{when})"),
    ]
