"""Devanagari ↔ ASCII digits: the one table every module uses.

A leaf module (no imports), so the fast date path and every parser can share it for free.
"""

from __future__ import annotations

DEVANAGARI_DIGITS = "०१२३४५६७८९"
"""The Devanagari digits ० … ९, in order (index = value)."""
ASCII_DIGITS = "0123456789"

TO_ASCII = str.maketrans(DEVANAGARI_DIGITS, ASCII_DIGITS)
"""``text.translate(TO_ASCII)``: Devanagari digits become ASCII; everything else is kept."""

TO_DEVANAGARI = str.maketrans(ASCII_DIGITS, DEVANAGARI_DIGITS)
"""``text.translate(TO_DEVANAGARI)``: ASCII digits become Devanagari; everything else is kept."""


def has_devanagari_digit(text: str) -> bool:
    """Whether ``text`` holds any Devanagari digit (they say "this is a BS date")."""
    return any(ch in DEVANAGARI_DIGITS for ch in text)
