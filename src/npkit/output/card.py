"""One answer as a short card or sentence, for a person at a terminal.

``npkit date today`` on a terminal prints ``Tuesday, 15 Mangsir 2083 (2083-08-15 BS =
2026-12-01 AD)`` rather than a one-row table; ``-f table`` still gives the table and the data
formats are unchanged. A card is a list of lines, each a tuple of pieces: a line wider than the
terminal continues on the next line at a piece boundary, so a 40-column phone screen reads as
well as a wide one. Neither Click nor tabulate is needed (the fast path prints cards too).

Cards are chosen by the record type's name, so this layer needs no import of the fx or gold
packages (they sit above it); the records are read by attribute only.
"""

from __future__ import annotations

from decimal import Decimal

from npkit.output.table import cell_width, money_text
from npkit.output.values import text_value

TYPE_CHECKING = False  # typing is not imported at run time: `npkit date` starts faster
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Any

Line = tuple[str, ...]


def _money(value: Any) -> str:
    return money_text(Decimal(value), 2)


def _number(value: Any) -> str:
    """An amount as typed (grouped, its own decimals)."""
    text = format(Decimal(value), "f")
    places = len(text.partition(".")[2])
    return money_text(Decimal(value), places)


def _date_conversion(records: Sequence[Any]) -> list[Line] | None:
    if len(records) != 1:
        return None
    r = records[0]
    bs, ad = text_value(r.bs), text_value(r.ad)
    return [
        (f"{r.weekday}, {r.bs_en}", f"({bs} BS = {ad} AD)"),
        (f"{r.weekday_ne}, {r.bs_ne}",),
    ]


def _patro_day(records: Sequence[Any]) -> list[Line] | None:
    """``date today``: the day in both calendars, then its patro (values written as in csv)."""
    if len(records) != 1:
        return None
    r = records[0]
    month = f"{r.lunar_month} (adhik)" if r.adhik else r.lunar_month
    lines = [
        *(_date_conversion(records) or []),
        (f"{r.tithi_name} ({r.tithi_ne}),", f"{r.paksha} paksha of {month},", f"NS {r.ns_year}"),
        (f"sunrise {text_value(r.sunrise)},", f"sunset {text_value(r.sunset)}"),
    ]
    holiday = text_value(r.holiday)
    if holiday:
        lines.append((f"Holiday: {holiday}",))
    events = [name for name in map(text_value, r.events) if name != holiday]
    if events:
        lines.append((f"{'; '.join(events)}",))
    return lines


def _conversion(records: Sequence[Any]) -> list[Line] | None:
    if len(records) != 1:
        return None
    r = records[0]
    side = f"NRB {r.rate_side} rate" if r.rate_side else "NRB rate"
    when = f" of {r.date}" if r.date else ""
    return [
        (f"{_number(r.amount)} {r.from_} = {_money(r.result)} {r.to}",),
        (f"1 {r.from_} = {format(r.rate, 'f')} {r.to}", f"({side}{when})"),
    ]


def _valuation(records: Sequence[Any]) -> list[Line] | None:
    if len(records) != 1:
        return None
    r = records[0]
    metal = str(r.metal).replace("_", " ")
    bs = f" ({r.date_bs} BS)" if r.date_bs else ""
    return [
        (f"{r.weight} of {metal} = NPR {_money(r.value)}",),
        (f"at NPR {_money(r.rate)} per {r.rate_unit},", f"{r.source} rate of {r.date}{bs}"),
    ]


def _difference(records: Sequence[Any]) -> list[Line] | None:
    if len(records) != 1:
        return None
    r = records[0]
    span = f"{r.bs_years} years {r.bs_months} months {r.bs_days} days"
    return [
        (f"{r.days} days ({r.weeks} weeks)", f"from {r.from_ad} to {r.to_ad}"),
        (f"BS: {span}", f"({r.from_bs} to {r.to_bs})"),
    ]


def _fiscal_year(records: Sequence[Any]) -> list[Line] | None:
    whole = next((r for r in records if r.period == "FY"), None)
    if whole is None:
        return None
    lines: list[Line] = [
        (
            f"Fiscal year {whole.fiscal_year}:",
            f"{whole.start_bs} to {whole.end_bs} BS",
            f"({whole.start_ad} to {whole.end_ad} AD, {whole.days} days)",
        )
    ]
    for r in records:
        if r.current and r.period != "FY":
            lines.append((f"{r.period} {r.name}:", f"{r.start_bs} to {r.end_bs} BS"))
    return lines


CARDS: dict[str, Callable[[Sequence[Any]], list[Line] | None]] = {
    "ConvertedDay": _date_conversion,
    "CalendarDay": _patro_day,
    "Conversion": _conversion,
    "Valuation": _valuation,
    "DateDifference": _difference,
    "FiscalPeriod": _fiscal_year,
}
"""Record type name → its card (None: these records read better as a table)."""


def has_card(record_type: type) -> bool:
    """Whether records of this type may be shown as a card."""
    return record_type.__name__ in CARDS


def _fits(text: str, width: int | None) -> bool:
    """Whether ``text`` fits ``width`` cells. A card's text has no wide (CJK) characters, so
    ``len()`` is never less than its width: only a line longer than that is measured (wcwidth
    costs ~40 ms to import, more than the rest of ``npkit date today``)."""
    return width is None or len(text) <= width or cell_width(text) <= width


def card_text(records: Sequence[Any], record_type: type, width: int | None) -> str | None:
    """The card for ``records`` fitted to ``width`` cells, or None when a table fits better."""
    lines = CARDS[record_type.__name__](records) if records else None
    if lines is None:
        return None
    out = []
    for pieces in lines:
        current = ""
        for piece in pieces:
            joined = f"{current} {piece}" if current else piece
            if not current or _fits(joined, width):
                current = joined
                continue
            out.append(current)
            bracketed = piece.startswith("(") and piece.endswith(")")
            current = piece[1:-1] if bracketed else piece  # a line of its own needs no brackets
        out.append(current)
    return "\n".join(out) + "\n"
