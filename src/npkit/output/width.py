"""Text width in terminal cells, measured the way terminals draw it: the one measure for
tables, cards, the month grid and tabulate.

libc's ``wcswidth`` semantics (what tmux, xterm/VTE and Termux use to place the cursor): each
character on its own, a spacing combining mark (Unicode category Mc: the Devanagari vowel
signs ा ि ी ो) one cell, a nonspacing or enclosing mark (Mn, Me: ् virama, ं anusvara, ँ) and
a format character (Cf: zero-width joiners) none, an East Asian wide or fullwidth character
two. The wcwidth library gives Mc no cell, so Nepali rows measured by it overflowed the
terminal and the ``cal --nepali`` tithi rows drifted. Control characters never reach here
(text from outside is cleaned first); ANSI colour sequences take no cell.
"""

from __future__ import annotations

import re
from functools import lru_cache

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

_ANSI = re.compile(r"\x1b\[[0-9;]*m")


@lru_cache(maxsize=4096)
def char_width(char: str) -> int:
    """Cells one character takes: 0, 1 or 2."""
    from unicodedata import category, east_asian_width

    kind = category(char)
    if kind in ("Mn", "Me", "Cf", "Cc") or "\u1160" <= char <= "\u11ff":
        return 0  # marks drawn on the letter before, joiners, Hangul medial jamo
    return 2 if east_asian_width(char) in ("W", "F") else 1


def cell_width(text: str) -> int:
    """Terminal cells ``text`` takes (ANSI colour sequences take none)."""
    if text.isascii():
        return len(_ANSI.sub("", text)) if "\x1b" in text else len(text)
    return sum(map(char_width, _ANSI.sub("", text)))


def wrap_words(text: str, width: int, indent: str = "") -> list[str]:
    """``text`` in lines of at most ``width`` cells, broken only at spaces (never inside a
    word, a number or a path: a word wider than the line has a line of its own); lines after
    the first start with ``indent``."""
    return wrap_units(text.split(" "), width, indent)


def wrap_units(units: Iterable[str], width: int, indent: str = "", first: str = "") -> list[str]:
    """``units`` (words, or pieces that must stay whole) joined by spaces in lines of at most
    ``width`` cells, a unit wider than the line on a line of its own; the first line starts
    with ``first``, the others with ``indent`` (empty units are skipped)."""
    lines: list[str] = []
    current = ""
    for unit in units:
        if not unit:
            continue
        joined = f"{current} {unit}" if current else (indent if lines else first) + unit
        if current and cell_width(joined) > width:
            lines.append(current)
            current = indent + unit
        else:
            current = joined
    lines.append(current)
    return lines
