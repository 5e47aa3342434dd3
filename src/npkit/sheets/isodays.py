"""Whole blocks of ``YYYY-MM-DD`` lines read at C speed, for bulk conversion.

A block of fixed-width lines is checked column by column (strided slices, ``bytes.translate``)
and each line's day becomes a small number, its *slot* in a grid of years × 20 months × 40
days, by arithmetic on whole columns at once: every digit column, spread four bytes apart, is
read as one big integer, weighted and summed; the sum's bytes, read back as 32-bit numbers,
are the slots. No Python code runs per line, so a million lines cost tens of milliseconds;
``date.fromisoformat`` with ``toordinal`` cost a few hundred.

A slot names a day only if the day exists: the checks admit any month 00–19 and day 00–39
of 1900–2099, and the grid (``SLOTS`` entries) holds nothing where no day is.
"""

from __future__ import annotations

import sys
from array import array

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date

WIDTH = 11  # "YYYY-MM-DD\n"
_FOUR_BYTES = array("I").itemsize == 4  # (everywhere Python runs; else every block says None)
SLOTS = 200 * 20 * 40
"""Slots of 1900-00-00 … 2099-19-39: every layout the checks admit."""

_DIGITS = bytes.maketrans(b"0123456789", bytes(range(10)))
_CENTURY = bytes.maketrans(b"12", b"\x00\x01")  # the first digit: 19xx → 0, 20xx → 1
_CENTURY_PAIR = bytes.maketrans(b"90", b"\x00\x01")  # the second, which must agree
_ANY = b"0123456789"
_COLUMNS = ((2, 8000, _ANY), (3, 800, _ANY), (5, 400, b"01"), (6, 40, _ANY), (8, 10, b"0123"),
            (9, 1, _ANY))  # fmt: skip
"""(offset in the line, weight, the characters allowed) of each digit after the century: a
slot is ((century × 100 + year in it) × 20 + month) × 40 + day."""


def slot(day: date) -> int:
    """The slot of one day (1900–2099)."""
    return ((day.year - 1900) * 20 + day.month) * 40 + day.day


def count_lines(block: bytes) -> int:
    """How many lines ``block`` holds when each is 10 bytes and a newline, with dashes where
    ``YYYY-MM-DD`` has them (the digits are not checked); 0 otherwise."""
    count, rest = divmod(len(block), WIDTH)
    if (
        rest
        or block[10::WIDTH] != b"\n" * count
        or block[4::WIDTH] != b"-" * count
        or block[7::WIDTH] != b"-" * count
    ):
        return 0
    return count


def slots(block: bytes) -> list[int] | None:
    """The slot of each line of ``block`` when every line is ``YYYY-MM-DD`` + ``\\n`` with a
    year of 19xx or 20xx, a month 00–19 and a day 00–39; else None."""
    count = count_lines(block)
    if not count or not _FOUR_BYTES:
        return None
    first, second = block[0::WIDTH], block[1::WIDTH]
    century = first.translate(_CENTURY)
    if (
        first.translate(None, b"12")
        or second.translate(None, b"90")
        or century != second.translate(_CENTURY_PAIR)
    ):
        return None
    spread = bytearray(4 * count)
    spread[0::4] = century
    total = int.from_bytes(spread, "little") * 80_000
    for offset, weight, allowed in _COLUMNS:
        column = block[offset::WIDTH]
        if column.translate(None, allowed):
            return None
        spread[0::4] = column.translate(_DIGITS)
        total += int.from_bytes(spread, "little") * weight
    numbers = array("I")
    numbers.frombytes(total.to_bytes(4 * count, "little"))
    if sys.byteorder == "big":
        numbers.byteswap()
    return numbers.tolist()
