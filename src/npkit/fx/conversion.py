"""Converting an amount between NPR and foreign currencies with one day's NRB rates.

``convert_with`` is the pure maths; ``convert`` (``npkit.fx.convert``) fetches the day's rates
first. (Not ``convert.py``: a submodule named like the function it holds would shadow it on
the package.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal, DivisionByZero, InvalidOperation, Overflow, localcontext
from typing import Any

from npkit import dates
from npkit.config import FetchOptions
from npkit.digits import TO_ASCII
from npkit.errors import UsageError
from npkit.fx.query import normalize_codes, rates
from npkit.fx.records import HOME, SIDES, Conversion, Rate
from npkit.text import quote

_AMOUNT = re.compile(r"\d{1,20}(\.\d{1,12})?", re.ASCII)
_CENT = Decimal("0.01")
_RATE_PLACES = Decimal("1e-8")


def parse_amount(value: Any) -> Decimal:
    """An amount as people type it: ``1500``, ``1,500.50``, ``१५००``; never a float."""
    if isinstance(value, Decimal):
        amount = value
    elif isinstance(value, int) and not isinstance(value, bool):
        amount = Decimal(value)
    elif isinstance(value, (str, float)):
        text = str(value).strip().translate(TO_ASCII)
        text = text.replace(",", "").replace("_", "").replace(" ", "")
        if not _AMOUNT.fullmatch(text):
            raise UsageError(f"amount must be a number like 1500 or 1,500.50, not {quote(value)}")
        amount = Decimal(text)
    else:
        raise UsageError(f"amount must be a number, not {quote(value)}")
    if not amount.is_finite() or amount < 0:
        raise UsageError(f"amount must be zero or more, not {quote(value)}")
    return amount


def _check_side(side: str | None) -> None:
    if side is not None and side not in SIDES:
        raise UsageError(f"rate side must be one of {', '.join(SIDES)}, not {quote(side)}")


def _npr_per_one(by_code: dict[str, Rate], code: str, side: str) -> Decimal:
    rate = by_code.get(code)
    if rate is None:
        raise UsageError(f"no {code} rate among the rates given")
    value = rate.value(side)
    if value is None:
        other = "buy" if side != "buy" else "sell"
        raise UsageError(
            f"NRB quoted no {side} rate for {rate.currency} on {rate.date} (try --rate {other})"
        )
    return value / rate.unit


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
    (buy, sell, mid) applies to every leg. The result is rounded half-up to 0.01 from the exact
    rate; the rate is shown exactly, or rounded to 8 decimals when it has more.
    """
    _check_side(side)
    by_code = {r.currency: r for r in day_rates}
    used = by_code.get(source) or by_code.get(target)
    label: str | None
    with localcontext() as context:
        context.prec = 40
        try:
            if source == target:
                rate, label = Decimal(1), None
            elif target == HOME:
                label = side or "buy"
                rate = _npr_per_one(by_code, source, label)
            elif source == HOME:
                label = side or "sell"
                rate = 1 / _npr_per_one(by_code, target, label)
            else:
                first, second = side or "buy", side or "sell"
                rate = _npr_per_one(by_code, source, first) / _npr_per_one(by_code, target, second)
                label = first if first == second else f"{first}/{second}"
            result = (amount * rate).quantize(_CENT, rounding=ROUND_HALF_UP)
            exponent = rate.as_tuple().exponent
            exact = isinstance(exponent, int) and exponent >= -8
            if not exact:
                rate = rate.quantize(_RATE_PLACES, rounding=ROUND_HALF_UP).normalize()
        except (InvalidOperation, ZeroDivisionError, DivisionByZero, Overflow):
            raise UsageError(
                f"{amount} {source} in {target} is beyond what can be computed exactly "
                "(the amount, or a rate NRB published, is extreme)"
            ) from None
    return Conversion(
        amount=amount,
        from_=source,
        to=target,
        rate=rate,
        result=result,
        rate_side=label,
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
    _check_side(side)
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
