"""A whole BS year as ``npkit date cal YEAR`` prints it: the twelve months side by side, as
many across as the width allows, like a wall calendar's year page.

Three across from 90 columns (so at 100 and more), two from 59 (a pipe's 80), else one (a
phone's 40). Side by side, a month's cells are 4 wide (a block 28 wide, 3 apart); one across,
5 wide (35), as in the compact month. Each block keeps its own title (``Kartik 2083 ·
Oct/Nov 2026``), weekdays, weeks and festival list (cut to the block); in a row of blocks the
lists start on one line, under the tallest grid, and one key for the whole year comes last.
Widths are measured by npkit.output.width, so ``--nepali`` blocks stay in their columns.
"""

from __future__ import annotations

from npkit import dates
from npkit.output.month_grid import cells, fit, month_block, year_key

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date

    from npkit.days import Day as PatroDay

GAP = 3
"""Spaces between two month blocks."""
MOST_ACROSS = 3
_SIDE_CELL = 4
"""Cell width of months side by side (a month 28 wide); one across, the compact month's 5."""
_BOLD, _RESET = "\x1b[1m", "\x1b[0m"


def across(width: int) -> int:
    """How many months fit side by side in ``width`` columns (1 to MOST_ACROSS)."""
    for count in range(MOST_ACROSS, 1, -1):
        if count * 7 * _SIDE_CELL + (count - 1) * GAP <= width:
            return count
    return 1


def render_year(
    months: Sequence[Sequence[PatroDay]],
    today: date | None = None,
    colour: bool = False,
    width: int = 80,
    nepali: bool = False,
) -> str:
    """The months of a year (``months``: each month's PatroDays in order) laid out for a
    terminal ``width`` columns wide, as text lines (no trailing newline)."""
    count = across(width)
    cell = _SIDE_CELL if count > 1 else 5
    block_width = 7 * cell
    total = count * block_width + (count - 1) * GAP
    room = total if count > 1 else max(width, block_width)  # for the key
    listed = block_width if count > 1 else room  # for each month's festivals
    blocks = [month_block(days, today, colour, nepali, cell, listed) for days in months]
    lines = [_title(months, nepali, total, width, colour)]
    for start in range(0, len(blocks), count):
        grids = [grid for grid, _ in blocks[start : start + count]]
        lists = [listed for _, listed in blocks[start : start + count]]
        lines.append("")
        lines.extend(_side_by_side(grids, block_width))
        if any(lists):  # the festival lists start on one line, under the tallest grid
            lines.append("")
            lines.extend(_side_by_side(lists, block_width))
    lines.append("")
    lines.extend(year_key([day for days in months for day in days], nepali, room))
    return "\n".join(lines)


def _side_by_side(parts: Sequence[Sequence[str]], width: int) -> list[str]:
    """The lines of ``parts`` next to each other, each padded to ``width`` cells."""
    lines = []
    for index in range(max(map(len, parts))):
        texts = [part[index] if index < len(part) else "" for part in parts]
        padded = [text + " " * (width - cells(text)) for text in texts]
        lines.append((" " * GAP).join(padded).rstrip())
    return lines


def _title(
    months: Sequence[Sequence[PatroDay]], nepali: bool, total: int, width: int, colour: bool
) -> str:
    """``2083 BS · Apr 14, 2026 – Apr 13, 2027``, centred over the blocks."""
    first, last = months[0][0], months[-1][-1]
    a, z = first.ad, last.ad
    year = first.bs.year
    name = f"वि.सं. {dates.to_devanagari_digits(year)}" if nepali else f"{year} BS"
    text = fit(f"{name} · {a:%b} {a.day}, {a.year} – {z:%b} {z.day}, {z.year}", max(total, width))
    pad = " " * max(0, (total - cells(text)) // 2)
    return pad + (f"{_BOLD}{text}{_RESET}" if colour else text)
