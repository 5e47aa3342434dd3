"""Weights as Nepal's jewellers write them: tola, aana, lal, and grams. Pure, exact.

1 tola = 16 aana = 100 lal = 11.6638038 g. A weight is one metric amount (``15.5g``,
``15.5 gram``, ``0.2 kg``) or a traditional one, largest unit first, each unit once
(``2 tola 5 aana``, ``1 tola 3 lal``, ``२ तोला ५ आना``). In a compound weight a smaller part
must stay below one of the unit before it (``2 tola 17 aana`` is refused: write ``3 tola 1
aana``); alone, any size goes (``17 aana``). A bare number is tola.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext
from itertools import pairwise

from npkit.digits import TO_ASCII
from npkit.errors import UsageError
from npkit.text import quote

GRAMS_PER_TOLA = Decimal("11.6638038")
TRADITIONAL: dict[str, Decimal] = {"tola": Decimal(1), "aana": Decimal(16), "lal": Decimal(100)}
"""Traditional unit → how many make one tola, largest first."""
METRIC: dict[str, Decimal] = {"kg": Decimal(1000), "g": Decimal(1), "mg": Decimal("0.001")}
"""Metric unit → grams."""

ALIASES: dict[str, str] = {
    **dict.fromkeys(("tola", "tolas", "tolā", "तोला", "तोल"), "tola"),
    **dict.fromkeys(("aana", "aanas", "ana", "anas", "anna", "annas", "आना"), "aana"),
    **dict.fromkeys(("lal", "lals", "laal", "laals", "लाल"), "lal"),
    **dict.fromkeys(("g", "gm", "gms", "gr", "gram", "grams", "gramme", "grammes", "ग्राम"), "g"),
    **dict.fromkeys(("kg", "kgs", "kilo", "kilos", "kilogram", "kilograms", "केजी"), "kg"),
    **dict.fromkeys(("mg", "milligram", "milligrams"), "mg"),
}  # fmt: skip
UNIT_NAMES = "tola, aana, lal, g, kg, mg"

GRAM_PLACES = Decimal("0.0001")
TOLA_PLACES = Decimal("0.000001")

_PART = re.compile(r"\s*(\d{1,9}(?:\.\d{1,6})?|\.\d{1,6})\s*([^\d\s.,]*)\s*,?", re.ASCII)


@dataclass(frozen=True, slots=True)
class Weight:
    """A parsed weight: its parts as typed (amount, unit), and which rate it calls for.

    ``tola`` and ``grams`` are exact for the system typed (traditional → tola, metric →
    grams); the other is converted through 11.6638038 g and may carry many digits.
    """

    parts: tuple[tuple[Decimal, str], ...]
    metric: bool

    @property
    def tola(self) -> Decimal:
        if not self.metric:
            return sum((amount / TRADITIONAL[unit] for amount, unit in self.parts), Decimal(0))
        with localcontext() as context:
            context.prec = 40
            return self.grams / GRAMS_PER_TOLA

    @property
    def grams(self) -> Decimal:
        if self.metric:
            return sum((amount * METRIC[unit] for amount, unit in self.parts), Decimal(0))
        with localcontext() as context:
            context.prec = 40
            return self.tola * GRAMS_PER_TOLA

    def text(self) -> str:
        """``2 tola 5 aana``, ``15.5 g``: the weight in canonical words."""
        return " ".join(f"{_plain(amount)} {unit}" for amount, unit in self.parts)


def _plain(amount: Decimal) -> str:
    text = format(amount, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def parse_weight(*words: str) -> Weight:
    """Read ``2 tola 5 aana``, ``15.5g``, ``२ तोला``, ``3`` (tola) from one or more words."""
    text = " ".join(words).strip()
    if not text:
        raise UsageError("give a weight, e.g. '2 tola 5 aana' or '15.5g'")
    ascii_text = text.translate(TO_ASCII)
    parts: list[tuple[Decimal, str]] = []
    position = 0
    while position < len(ascii_text):
        match = _PART.match(ascii_text, position)
        if match is None or match.end() == position:
            raise UsageError(
                f"cannot read the weight {quote(text)}: write an amount and a unit, e.g. "
                "'2 tola 5 aana' or '15.5g'"
            )
        amount, word = Decimal(match.group(1)), match.group(2).casefold().rstrip(".")
        unit = ALIASES.get(word) if word else "tola"
        if unit is None:
            raise UsageError(f"unknown weight unit {quote(match.group(2))}; units: {UNIT_NAMES}")
        parts.append((amount, unit))
        position = match.end()
    return _checked(parts, text)


def _checked(parts: list[tuple[Decimal, str]], text: str) -> Weight:
    units = [unit for _, unit in parts]
    metric = [unit in METRIC for unit in units]
    if any(metric) and not all(metric):
        raise UsageError(f"{quote(text)} mixes grams with tola/aana/lal: use one system")
    if len(set(units)) != len(units):
        raise UsageError(f"{quote(text)} names a unit twice")
    order = list(METRIC if metric[0] else TRADITIONAL)
    if [order.index(u) for u in units] != sorted(order.index(u) for u in units):
        raise UsageError(f"{quote(text)}: write the largest unit first (e.g. '2 tola 5 aana')")
    if not metric[0]:
        for (_, bigger), (amount, smaller) in pairwise(parts):
            per = TRADITIONAL[smaller] / TRADITIONAL[bigger]  # aana per tola: 16; lal per aana
            if amount >= per:
                raise UsageError(
                    f"{quote(text)}: {_plain(amount)} {smaller} is a whole {bigger} or more "
                    f"(1 {bigger} = {_plain(per)} {smaller}); write it as more {bigger}"
                )
    weight = Weight(tuple(parts), metric=metric[0])
    if weight.tola <= 0:
        raise UsageError(f"the weight {quote(text)} must be more than zero")
    return weight


def round_grams(grams: Decimal) -> Decimal:
    """Grams shown to 0.1 mg (the value itself is computed from the exact weight)."""
    return _round(grams, GRAM_PLACES)


def round_tola(tola: Decimal) -> Decimal:
    """Tola shown to a millionth (about 0.01 mg)."""
    return _round(tola, TOLA_PLACES)


def _round(amount: Decimal, places: Decimal) -> Decimal:
    """Rounded half-up to ``places``, without trailing zeros (``2.312500`` → ``2.3125``)."""
    return Decimal(_plain(amount.quantize(places, rounding=ROUND_HALF_UP)))
