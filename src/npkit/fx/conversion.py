"""Converting an amount between NPR and foreign currencies with one day's NRB rates.

``convert_with`` is the pure maths; ``convert`` (``npkit.fx.convert``) fetches the day's rates
first. (Not ``convert.py``: a submodule named like the function it holds would shadow it on
the package.)
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal, DivisionByZero, InvalidOperation, Overflow

from npkit import dates
from npkit.config import FetchOptions
from npkit.errors import UsageError
from npkit.fx.amount import parse_amount
from npkit.fx.query import normalize_codes, rates
from npkit.fx.records import HOME, SIDES, Conversion, Rate
from npkit.text import quote

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

MINOR_UNITS = {"JPY": 0, "KRW": 0, "BHD": 3, "KWD": 3, "OMR": 3}
"""Decimal places of a currency's minor unit where it is not 2, from ISO 4217's list (NRB's
tables give none): yen and won have no subunit in use, the Gulf dinars and rial have 1/1000.
NPR has 2 (paisa), so an NPR result is rounded to 0.01 like USD's or EUR's."""
_MINOR = {code: Decimal(1).scaleb(-places) for code, places in MINOR_UNITS.items()}
_CENT = Decimal("0.01")
_RATE_PLACES = Decimal("1e-8")
_CONTEXT = Context(prec=40)
"""Enough digits that no product of an amount and a rate is ever rounded before the end."""
ARITHMETIC_ERRORS = (InvalidOperation, ZeroDivisionError, DivisionByZero, Overflow)


def minor_unit(code: str) -> Decimal:
    """``Decimal('0.01')`` for most currencies (NPR, USD), ``1`` for JPY, ``0.001`` for KWD."""
    return _MINOR.get(code, _CENT)


def check_side(side: str | None) -> None:
    """A ``UsageError`` unless ``side`` is None (the customer's figure) or one of SIDES."""
    if side is not None and side not in SIDES:
        raise UsageError(f"rate side must be one of {', '.join(SIDES)}, not {quote(side)}")


def leg_sides(source: str, target: str, side: str | None = None) -> tuple[str | None, str | None]:
    """NRB's figure used for each currency: what a customer gets by default (the bank buys
    ``source`` and sells ``target``), or ``side`` on every leg. None for NPR, which needs no
    rate, and for both legs of a currency converted into itself."""
    check_side(side)
    if source == target:
        return None, None
    return (
        None if source == HOME else side or "buy",
        None if target == HOME else side or "sell",
    )


def side_label(legs: tuple[str | None, str | None]) -> str | None:
    """``buy``, ``sell``, ``mid``, ``buy/sell`` (a cross rate), or None (no rate needed)."""
    used = list(dict.fromkeys(leg for leg in legs if leg))
    return "/".join(used) or None


def npr_per_one(rate: Rate, side: str) -> Decimal | None:
    """NPR for one unit of ``rate``'s currency (NRB's figure divided by its unit: INR per 100,
    JPY per 10); None when NRB quoted no such figure."""
    value = rate.value(side)
    return None if value is None else _CONTEXT.divide(value, Decimal(rate.unit))


def cross_rate(npr_per_source: Decimal, npr_per_target: Decimal) -> Decimal:
    """Units of the target for one unit of the source, exact (to 40 digits), through NPR."""
    return _CONTEXT.divide(npr_per_source, npr_per_target)


def shown_rate(rate: Decimal) -> Decimal:
    """The rate as reported: exact when it has at most 8 decimals, else rounded to 8."""
    exponent = rate.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= -8:
        return rate
    return rate.quantize(_RATE_PLACES, rounding=ROUND_HALF_UP, context=_CONTEXT).normalize(_CONTEXT)


def converted(amount: Decimal, rate: Decimal, target: str) -> Decimal:
    """``amount × rate`` from the exact rate, rounded once, half-up, to ``target``'s minor unit
    (the one rounding rule of ``fx convert`` and the ledger)."""
    return _CONTEXT.multiply(amount, rate).quantize(
        minor_unit(target), rounding=ROUND_HALF_UP, context=_CONTEXT
    )


def beyond_exact(amount: Decimal, source: str, target: str) -> UsageError:
    """The error for arithmetic that Decimal cannot finish (absurd amounts or rates)."""
    return UsageError(
        f"{amount} {source} in {target} is beyond what can be computed exactly "
        "(the amount, or a rate NRB published, is extreme)"
    )


def _npr_per_one(by_code: dict[str, Rate], code: str | None, side: str | None) -> Decimal:
    if code is None or side is None:
        return Decimal(1)  # NPR itself
    rate = by_code.get(code)
    if rate is None:
        raise UsageError(f"no {code} rate among the rates given")
    value = npr_per_one(rate, side)
    if value is None:
        other = "buy" if side != "buy" else "sell"
        raise UsageError(
            f"NRB quoted no {side} rate for {rate.currency} on {rate.date} (try --rate {other})"
        )
    return value


def convert_with(
    day_rates: Iterable[Rate],
    amount: Decimal,
    source: str,
    target: str,
    side: str | None = None,
) -> Conversion:
    """Pure conversion maths with one day's rates.

    Default sides are what a customer gets: foreign → NPR at the bank's buy rate, NPR → foreign
    at its sell rate, foreign → foreign through NPR (buy, then sell). An explicit ``side``
    (buy, sell, mid) applies to every leg. The result is rounded half-up to the target's minor
    unit (``minor_unit``) from the exact rate; the rate is shown exactly, or rounded to 8
    decimals when it has more. The CSV ledger (``fx.ledger.RateBook``) uses the same rule.
    """
    legs = leg_sides(source, target, side)
    by_code = {r.currency: r for r in day_rates}
    used = by_code.get(source) or by_code.get(target)
    try:
        rate = cross_rate(
            _npr_per_one(by_code, source, legs[0]), _npr_per_one(by_code, target, legs[1])
        )
        result = converted(amount, rate, target)
        rate = shown_rate(rate)
    except ARITHMETIC_ERRORS:
        raise beyond_exact(amount, source, target) from None
    return Conversion(
        amount=amount,
        from_=source,
        to=target,
        rate=rate,
        result=result,
        rate_side=side_label(legs),
        date=used.date if used else None,
        date_bs=used.date_bs if used else None,
        fetched_at=used.fetched_at if used else None,
        stale=any(r.stale for r in by_code.values() if r.currency in (source, target)),
    )


def _one_code(text: str) -> str:
    codes = normalize_codes(text)
    if len(codes) != 1:
        raise UsageError(f"expected one currency code such as USD, not {quote(text)}")
    return codes[0]


def convert(
    amount: Any,
    from_: str,
    to: str = HOME,
    *,
    date: Any = None,
    side: str | None = None,
    options: FetchOptions | None = None,
) -> Conversion:
    """Convert ``amount`` of ``from_`` into ``to`` (default NPR) with NRB's rates of ``date``
    (default: the latest published day). See ``convert_with`` for the rate sides."""
    value = parse_amount(amount)
    source_code, target_code = _one_code(from_), _one_code(to)
    check_side(side)
    foreign = [c for c in dict.fromkeys((source_code, target_code)) if c != HOME]
    if not foreign:
        return convert_with([], value, source_code, target_code, side)
    records = rates(foreign, date=date, options=options)
    if not records:
        when = f"for {dates.as_date(date, 'date')}" if date is not None else "recently"
        raise UsageError(f"NRB published no rates {when}")
    present = {r.currency for r in records}
    missing = [c for c in foreign if c not in present]
    if missing:
        raise UsageError(f"NRB quoted no {', '.join(missing)} rate on {records[0].date}")
    return convert_with(records, value, source_code, target_code, side)
