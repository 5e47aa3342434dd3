"""How one answer of ``npkit num`` reads on a terminal: cards of ``npkit.output.card``,
registered in ``npkit.num.records``."""

from __future__ import annotations

from npkit.output.card import Line

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

    from npkit.num.records import AmountWords, FormattedAmount, ParsedAmount


def words_card(records: Sequence[AmountWords]) -> list[Line] | None:
    """The words alone (what goes on the cheque); None (a table) for several amounts."""
    return [(records[0].words,)] if len(records) == 1 else None


def format_card(records: Sequence[FormattedAmount]) -> list[Line] | None:
    """``1,25,00,000.50 = 1.25 crore`` and the same in Devanagari."""
    if len(records) != 1:
        return None
    r = records[0]
    return [(r.grouped, f"= {r.compact}"), (r.devanagari, f"= {r.compact_ne}")]


def parse_card(records: Sequence[ParsedAmount]) -> list[Line] | None:
    """``सवा लाख = 1,25,000``."""
    if len(records) != 1:
        return None
    return [(f"{records[0].text} =", records[0].grouped)]
