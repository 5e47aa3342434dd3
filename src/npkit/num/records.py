"""The records ``npkit num`` writes (field order = column order) and their cards."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from npkit.num.cards import format_card, parse_card, words_card
from npkit.output import card


@dataclass(frozen=True)
class AmountWords:
    """An amount and its words (``npkit num words``; ``--column`` adds ``<column>_words``)."""

    amount: Decimal
    words: str


@dataclass(frozen=True)
class FormattedAmount:
    """An amount written for people: grouped in lakh/crore, in Devanagari, compact."""

    amount: Decimal
    grouped: str
    devanagari: str
    compact: str
    compact_ne: str


@dataclass(frozen=True)
class ParsedAmount:
    """Text as typed and the amount it says (``npkit num parse``)."""

    text: str
    amount: Decimal
    grouped: str


card.register(AmountWords, words_card)
card.register(FormattedAmount, format_card)
card.register(ParsedAmount, parse_card)
