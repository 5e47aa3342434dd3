"""One answer as a short card or sentence, for a person at a terminal.

``npkit date today`` on a terminal prints ``Tuesday, 15 Mangsir 2083 (2083-08-15 BS =
2026-12-01 AD)`` rather than a one-row table; ``-f table`` still gives the table and the data
formats are unchanged. A card is a list of lines, each a tuple of pieces: a line wider than the
terminal continues on the next line at a piece boundary, so a 40-column phone screen reads as
well as a wide one. Neither Click nor tabulate is needed (the fast path prints cards too).

Cards are found by the record's type (``register``): a package above this layer (fx, gold)
registers its records' cards where the records are defined; the cards of the record types below
it (npkit.dates), which may not import this layer, are registered here. The records are read by
attribute only. Importing this module is cheap (tables are imported only to measure or group).
"""

from __future__ import annotations

import sys
from decimal import Decimal

from npkit.output.values import text_value

TYPE_CHECKING = False  # typing is not imported at run time: `npkit date` starts faster
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Any

    Card = Callable[[Sequence[Any]], "list[Line] | None"]
    """The lines of a card for records of one type, or None when a table reads better."""

Line = tuple[str, ...]


def money(value: Any) -> str:
    """An amount of money in a card: Nepali digit grouping, two decimals."""
    from npkit.output.table import money_text

    return money_text(Decimal(value), 2)


def number(value: Any) -> str:
    """An amount as typed (grouped, its own decimals)."""
    from npkit.output.table import money_text

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
        (*_until(f"{r.tithi_name} ({r.tithi_ne})", r.tithi_end, ","),
         f"{r.paksha} paksha of {month},", f"NS {r.ns_year}"),
        _until(f"nakshatra {r.nakshatra_name} ({r.nakshatra_ne})", r.nakshatra_end),
        (f"sunrise {text_value(r.sunrise)},", f"sunset {text_value(r.sunset)}"),
    ]  # fmt: skip
    holiday = text_value(r.holiday)
    if holiday:
        lines.append((f"Holiday: {holiday}",))
    events = [name for name in map(text_value, r.events) if name != holiday]
    if events:  # festivals come first; a busy day names three and counts the rest
        more = f"; +{len(events) - 3} more (--json lists them)" if len(events) > 3 else ""
        lines.append((f"{'; '.join(events[:3])}{more}",))
    return lines


def _until(what: str, end: Any, after: str = "") -> tuple[str, ...]:
    """``what`` and, when it ends before the next sunrise, "until HH:MM"; ``after`` ends the
    last piece (a tithi or nakshatra that ends later rules the whole day: no "until")."""
    return (what, f"until {end:%H:%M}{after}") if end is not None else (f"{what}{after}",)


def _patro_day_ne(records: Sequence[Any]) -> list[Line] | None:
    """``date today --nepali``: the day as a Nepali patro says it (npkit.output.nepali)."""
    if len(records) != 1:
        return None
    from npkit.output import nepali as ne

    r = records[0]
    bs, ad = ne.cell("bs", r.bs), ne.cell("ad", r.ad)
    lines = [
        (f"{r.weekday_ne}, {r.bs_ne}", f"(वि.सं. {bs} = ई.सं. {ad})"),
        (*_until_ne(r.tithi_line_ne, r.tithi_end, ","), f"नेपाल संवत {ne.digits(str(r.ns_year))}"),
        _until_ne(f"नक्षत्र {r.nakshatra_ne}", r.nakshatra_end),
        (f"सूर्योदय {ne.cell('sunrise', r.sunrise)},", f"सूर्यास्त {ne.cell('sunset', r.sunset)}"),
    ]  # fmt: skip
    holiday = ne.holiday(r.holiday) if r.holiday is not None else ""
    if holiday:
        lines.append((f"बिदा: {holiday}",))
    events = [name for name in (e.name_ne for e in r.events) if name != holiday]
    if events:  # as in English: three, and a count of the rest
        more = f"; +{ne.digits(str(len(events) - 3))} थप (--json मा सबै)" if len(events) > 3 else ""
        lines.append((f"{'; '.join(events[:3])}{more}",))
    return lines


def _until_ne(what: str, end: Any, after: str = "") -> tuple[str, ...]:
    """``_until`` in Nepali: "HH:MM सम्म" (Devanagari digits) after ``what``."""
    if end is None:
        return (f"{what}{after}",)
    from npkit.output.nepali import digits

    return (what, digits(f"{end:%H:%M} सम्म{after}"))


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


_CARDS: dict[type, Card] = {}
_CARDS_NE: dict[type, Card] = {}


def register(record_type: type, card: Card, nepali: bool = False) -> None:
    """Show one record of ``record_type`` (or a subclass) as ``card`` on a terminal (``nepali``:
    the card ``--nepali`` shows; a type without one is a Nepali table)."""
    (_CARDS_NE if nepali else _CARDS)[record_type] = card


def _register_below() -> None:
    """Register the cards of npkit.dates' records (a layer that may not import this one). A
    module not yet imported is skipped, not imported: no record of its types exists yet, and
    importing npkit.dates.periods (dataclasses) would cost `npkit date today` ~15 ms."""
    if "npkit.days.fields" in sys.modules:
        from npkit.days.fields import CalendarDay, ConvertedDay

        _CARDS.setdefault(ConvertedDay, _date_conversion)
        _CARDS.setdefault(CalendarDay, _patro_day)
        _CARDS_NE.setdefault(CalendarDay, _patro_day_ne)
    if "npkit.dates.periods" in sys.modules:
        from npkit.dates.periods import DateDifference, FiscalPeriod

        _CARDS.setdefault(DateDifference, _difference)
        _CARDS.setdefault(FiscalPeriod, _fiscal_year)


def card_for(record_type: type, nepali: bool = False) -> Card | None:
    """The card registered for ``record_type`` or its nearest base class (``nepali``: its
    Nepali card); None: a table."""
    _register_below()
    cards = _CARDS_NE if nepali else _CARDS
    return next((cards[kind] for kind in record_type.__mro__ if kind in cards), None)


def has_card(record_type: type) -> bool:
    """Whether records of this type may be shown as a card."""
    return card_for(record_type) is not None


def _fits(text: str, width: int | None) -> bool:
    """Whether ``text`` fits ``width`` cells. A card's text has no wide (CJK) characters, so
    ``len()`` is never less than its width: only a line longer than that is measured."""
    if width is None or len(text) <= width:
        return True
    from npkit.output.width import cell_width

    return cell_width(text) <= width


def card_text(
    records: Sequence[Any], record_type: type, width: int | None, nepali: bool = False
) -> str | None:
    """The card for ``records`` fitted to ``width`` cells (``nepali``: the Nepali card), or
    None when a table fits better."""
    card = card_for(record_type, nepali)
    lines = card(records) if records and card is not None else None
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
    if width is not None and not all(_fits(line, width) for line in out):
        from npkit.output.width import wrap_words

        # a piece wider than the screen: broken at its spaces, never inside a word or number
        out = [part for line in out for part in wrap_words(line, width)]
    return "\n".join(out) + "\n"
