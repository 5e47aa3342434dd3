"""Tables for people: aligned by display width (Devanagari is not ASCII width)."""

from __future__ import annotations

from decimal import Decimal

from npkit.output.values import text_value

TYPE_CHECKING = False  # typing is not imported at run time: `npkit date` starts faster
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import IO, Any


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def render_table(rows: Sequence[Sequence[Any]], columns: Sequence[str], stream: IO[str]) -> None:
    """Aligned table for people: remote text cleaned, widths measured in terminal cells.

    Devanagari vowel signs take no cell of their own, so ``len()`` would misalign Nepali text:
    widths come from wcwidth. Numeric columns are right-aligned. Nothing is written for no rows.
    (Not tabulate: importing it costs ~130 ms here, through importlib.metadata, for every
    table; this is the one layout npkit needs.)
    """
    if not rows:
        return
    from wcwidth import wcswidth

    from npkit.text import clean

    def width(text: str) -> int:
        cells = wcswidth(text)
        return cells if cells >= 0 else len(text)

    body = [[clean(text_value(value)) for value in row] for row in rows]
    right = [
        all(_is_number(row[i]) for row in rows if row[i] is not None) for i in range(len(columns))
    ]
    widths = [
        max(width(text) for text in (name, *(line[i] for line in body)))
        for i, name in enumerate(columns)
    ]

    def line(cells: Sequence[str]) -> str:
        padded = []
        for text, cells_wide, align_right in zip(cells, widths, right, strict=True):
            fill = " " * (cells_wide - width(text))
            padded.append(fill + text if align_right else text + fill)
        return "  ".join(padded).rstrip()

    out = [line(columns), "  ".join("-" * w for w in widths)]
    out.extend(line(cells) for cells in body)
    stream.write("\n".join(out) + "\n")
