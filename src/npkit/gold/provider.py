"""What a gold price source is: the ``Provider`` protocol every source module satisfies.

A provider is a module (``fenegosida``, ``nepalipatro``, ``hamropatro``) with a name, a pure
parser of its replies, a thin fetch, and one rule saying which questions it cannot answer; the
chain (``npkit.gold.chain``) holds them in a tuple, in the order they are asked. mypy checks
each module against this protocol where the tuple is built.
"""

from __future__ import annotations

from datetime import date as Date
from typing import Protocol

from npkit.config import FetchOptions
from npkit.gold.records import MetalPrice
from npkit.gold.window import Batch, Window


class Provider(Protocol):
    """One source of gold and silver prices."""

    NAME: str
    """The id users choose with ``--source`` and every record's ``source``."""

    def cannot_answer(self, window: Window, today: Date) -> str | None:
        """Why this source cannot answer ``window`` (a UsageError for an explicit
        ``--source``; ``auto`` skips it), or None when it can."""
        ...

    def parse(self, content: bytes, url: str = "") -> list[MetalPrice]:
        """Every price in one reply; ``ParseError`` (only) for a reply it cannot read."""
        ...

    def fetch(self, window: Window, options: FetchOptions) -> Batch:
        """The prices of ``window`` and the replies behind them; FetchError/ParseError."""
        ...
