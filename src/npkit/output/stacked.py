"""Records stacked for a narrow terminal: each record's first column on a line of its own and
its other columns indented below it, so a long value (a path, a URL) stays whole instead of
being cut short in a table column (``npkit config`` on a 40-column phone).

A record type asks for it with ``TABLE_STACKED = True``. It is used only where a table would
be fitted (a terminal, no format chosen) and only when the table, without the columns a narrow
terminal may drop (``TABLE_DROP``), would be wider than the terminal; those columns are left
out here too. A value wider than the screen is still written whole, on its own line (the
terminal wraps it; a hard break would stop it being copied as one).
"""

from __future__ import annotations

from npkit.output.values import text_value
from npkit.output.width import cell_width, wrap_words

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

INDENT = "  "
GAP = 2
"""Cells between two table columns (tabulate's ``simple`` style)."""


def table_width(rows: Sequence[Sequence[str]], columns: Sequence[str]) -> int:
    """How wide the table of ``rows`` would be with every cell whole."""
    widths = [
        max([cell_width(name), *(cell_width(row[index]) for row in rows)])
        for index, name in enumerate(columns)
    ]
    return sum(widths) + GAP * (len(widths) - 1)


def stacked_text(
    rows: Sequence[Sequence[Any]], columns: Sequence[str], drop: Sequence[str], width: int
) -> str | None:
    """The stacked layout of ``rows`` under ``columns`` for a terminal ``width`` cells wide,
    without the ``drop`` columns; None when their table fits (then the table reads better)."""
    kept = [index for index, name in enumerate(columns) if index == 0 or name not in drop]
    texts = [[text_value(row[index]) for index in kept] for row in rows]
    if not texts or table_width(texts, [columns[index] for index in kept]) <= width:
        return None
    lines: list[str] = []
    for first, *others in texts:
        lines.append(first)
        for value in filter(None, others):
            lines.extend(INDENT + part for part in wrap_words(value, width - len(INDENT)))
    return "\n".join(lines) + "\n"
