"""A price history as a line chart for a terminal (``npkit fx|gold --from … --chart``).

One chart per series, each: a title; the high marked above the plot with its date; the plot,
prices on the left axis in Nepali digit grouping (``3,07,900``); dates along the bottom; the
low marked below with its date; a footer of first/last, high/low, average and change, the
numbers of ``npkit.stats`` (the same ``--stats`` prints). Sized to the terminal: as wide as it
is (40 columns work), up to ``MAX_ROWS`` rows high when it has the lines.

The line is drawn in braille dots (2 × 4 per cell) with box-drawing axes when the output can
carry UTF-8 (``unicode_output``), in ``- / \\ |`` and ``+`` otherwise. npkit's own renderer
rather than a library: plotext takes ~0.3 s to import, asciichartpy ~2 ms but draws neither
dates, braille nor an ASCII fallback, so the date axis and markers would be ours anyway.
"""

from __future__ import annotations

import os
import sys
from collections import namedtuple
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from npkit.output.table import money_text
from npkit.output.width import wrap_words
from npkit.stats import places, summarize
from npkit.text import clean

TYPE_CHECKING = False  # typing is not imported at run time
if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from datetime import date as Date
    from typing import IO

    from npkit.stats import Stats

    Points = Sequence[tuple[Date, Decimal]]

MAX_ROWS = 12
"""The plot's height when the terminal has the lines (a chart plus its footer fit 24 lines)."""
MIN_ROWS = 4
MIN_WIDTH = 24
"""Narrower terminals get a chart this wide (it wraps) rather than no chart."""
GAP = "   "
"""Between the two items of a footer line when the terminal is wide enough for both."""


class Glyphs(namedtuple("Glyphs", "label axis corner rule tick high low unicode")):
    """The characters of a chart: the y axis at a labelled row and elsewhere, the corner, the
    x axis and its ticks, the markers of the high and the low; ``unicode``: braille line."""

    __slots__ = ()
    label: str
    axis: str
    corner: str
    rule: str
    tick: str
    high: str
    low: str
    unicode: bool


UNICODE = Glyphs("┤", "│", "└", "─", "┬", "▼", "▲", True)
ASCII = Glyphs("|", "|", "+", "-", "+", "v", "^", False)

_BRAILLE = 0x2800
_DOTS = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))
"""The bit of each braille dot: ``_DOTS[row from the top][column]``."""
_UTF8 = ("utf-8", "utf8")


def unicode_output(stream: IO[str]) -> bool:
    """Whether ``stream`` can show braille and box lines: its encoding can write them and the
    locale (``_locale``) names UTF-8 (``LC_ALL=C`` or ``LANG=C`` give ASCII even though
    Python then writes UTF-8). ``PYTHONIOENCODING`` set to UTF-8 wins over the locale; with no
    locale set (Windows) the encoding decides."""
    encoding = getattr(stream, "encoding", None) or "ascii"
    try:
        "⣿┤└▲".encode(encoding)
    except (UnicodeError, LookupError):
        return False
    declared = os.environ.get("PYTHONIOENCODING", "").lower()
    if declared.startswith(_UTF8):
        return True
    chosen = _locale()
    return chosen is None or any(word in chosen.lower() for word in _UTF8)


def _locale() -> str | None:
    """The locale the user set for characters: ``LC_ALL``, else ``LC_CTYPE``, else ``LANG``.

    Under ``LANG=C`` Python sets ``LC_CTYPE=C.UTF-8`` in its own environment at start-up (PEP
    538, so that it can write UTF-8 itself); that value says nothing of the terminal, and the
    user's ``C`` is read instead."""
    every = os.environ.get("LC_ALL")
    if every:
        return every
    ctype, lang = os.environ.get("LC_CTYPE"), os.environ.get("LANG")
    coerced = ctype is not None and ctype.lower() in ("c.utf-8", "c.utf8", "utf-8")
    if coerced and lang is not None and lang.upper() in ("C", "POSIX"):
        return lang
    return ctype or lang


def render_charts(
    charts: Sequence[tuple[str, Points]],
    stream: IO[str] | None = None,
    *,
    width: int | None = None,
    lines: int | None = None,
    unicode: bool | None = None,
) -> int:
    """Write one chart per (title, points), a blank line between them; returns how many were
    drawn (a series without points draws none). ``width`` and ``lines`` default to the
    terminal's (``COLUMNS``/``LINES`` win; 80 × 24 in a pipe), ``unicode`` to
    ``unicode_output``."""
    import shutil

    stream = stream if stream is not None else sys.stdout
    size = shutil.get_terminal_size()
    glyphs = UNICODE if (unicode_output(stream) if unicode is None else unicode) else ASCII
    drawn = [
        chart_lines(title, points, width=width or size.columns, lines=lines or size.lines,
                    glyphs=glyphs)
        for title, points in charts
    ]  # fmt: skip
    text = "\n\n".join("\n".join(chart) for chart in drawn if chart)
    if text:
        stream.write(text + "\n")
        stream.flush()
    return sum(1 for chart in drawn if chart)


def chart_lines(
    title: str, points: Points, *, width: int = 80, lines: int = 24, glyphs: Glyphs = UNICODE
) -> list[str]:
    """The lines of one chart ``width`` cells wide, its plot as high as fits in ``lines``
    (between MIN_ROWS and MAX_ROWS); no lines for no points."""
    points = sorted(points, key=lambda point: point[0])
    stats = summarize(points)
    if stats is None:
        return []
    width = max(width, MIN_WIDTH)
    head = wrap_words(clean(title), width)  # a currency code comes from outside
    foot = footer(stats, width, places(v for _, v in points))
    fixed = len(head) + 1 + 2 + 1 + len(foot)  # title, high, x axis and dates, low, footer
    rows = max(MIN_ROWS, min(MAX_ROWS, lines - fixed - 1))  # - 1: the prompt after it
    axis = Axis(stats, rows)
    margin = axis.label_width + 2
    plot = max(width - margin, 10)
    xs = Dates(stats, plot, 2 if glyphs.unicode else 1)
    canvas = _plot(points, axis, xs, glyphs)
    body = [
        f"{axis.label(row):>{axis.label_width}} {glyphs.label if axis.label(row) else glyphs.axis}"
        f"{canvas[rows - 1 - row]}".rstrip()
        for row in reversed(range(rows))
    ]
    high = f"high {stats.max_date}"
    low = f"low {stats.min_date}"
    return [
        *head,
        " " * margin + _marker(xs.cell(stats.max_date), plot, glyphs.high, high),
        *body,
        " " * (margin - 1) + glyphs.corner + _rule(xs, plot, glyphs),
        " " * margin + _date_labels(xs, plot),
        " " * margin + _marker(xs.cell(stats.min_date), plot, glyphs.low, low),
        *foot,
    ]


class Axis:
    """The price axis: which plot row a price falls in, and the labelled rows' prices (the top
    row's is the high, the bottom row's the low, exactly)."""

    def __init__(self, stats: Stats, rows: int) -> None:
        self.low, self.span, self.rows = stats.min, stats.max - stats.min, rows
        whole = self.span >= 10 or (self.span == 0 and stats.max >= 1000)
        self.places = 0 if whole else places([stats.min, stats.max])
        if self.span == 0:
            self.labels = {rows // 2: self._text(stats.max)}
        else:
            count = min(rows, max(2, rows // 3 + 1))
            at = sorted({round(i * (rows - 1) / (count - 1)) for i in range(count)})
            self.labels = {row: self._text(self.price(row)) for row in at}
        self.label_width = max(len(text) for text in self.labels.values())

    def price(self, row: int) -> Decimal:
        """The price a labelled row stands for (row 0 is the bottom)."""
        return self.low + self.span * row / (self.rows - 1) if self.rows > 1 else self.low

    def label(self, row: int) -> str:
        return self.labels.get(row, "")

    def _text(self, value: Decimal) -> str:
        step = Decimal(1).scaleb(-self.places)
        return money_text(value.quantize(step, ROUND_HALF_UP), self.places)

    def dot(self, value: Decimal, per_cell: int) -> int:
        """The dot row (0 at the bottom) of ``value`` on a plot ``per_cell`` dots a row."""
        top = self.rows * per_cell - 1
        if self.span == 0:
            return (self.rows // 2) * per_cell + per_cell // 2
        return round((value - self.low) / self.span * top)


class Dates:
    """The date axis: the first day at the left edge, the last at the right."""

    def __init__(self, stats: Stats, cells: int, per_cell: int) -> None:
        self.first, self.cells, self.per_cell = stats.first_date, cells, per_cell
        self.days = (stats.last_date - stats.first_date).days

    def dot(self, day: Date) -> int:
        if not self.days:
            return 0
        return round((day - self.first).days / self.days * (self.cells * self.per_cell - 1))

    def cell(self, day: Date) -> int:
        return self.dot(day) // self.per_cell

    def ticks(self, label_width: int) -> list[Date]:
        """Days to label, a whole number of days apart from the first (as many as fit with three
        cells between labels), and the last day."""
        most = max(2, (self.cells - 1) // (label_width + 3) + 1)
        if not self.days:
            return [self.first]
        step = -(-self.days // (most - 1))  # ceiling division
        days = [self.first + timedelta(days=n) for n in range(0, self.days, step)]
        return [*days, self.first + timedelta(days=self.days)]

    @property
    def layout(self) -> str:
        """Month-day within about half a year, year-month beyond (the title has the years)."""
        return "%m-%d" if self.days <= 200 else "%Y-%m"


def _plot(points: Points, axis: Axis, xs: Dates, glyphs: Glyphs) -> list[str]:
    """The plot's rows, top first: the points joined by straight lines."""
    per_row = 4 if glyphs.unicode else 1
    path = [(xs.dot(day), axis.dot(value, per_row)) for day, value in points]
    dots = list(_path(path))
    if glyphs.unicode:
        masks = [[0] * xs.cells for _ in range(axis.rows)]
        for x, y in dots:
            row, col = axis.rows - 1 - y // 4, x // 2
            masks[row][col] |= _DOTS[3 - y % 4][x % 2]
        return ["".join(chr(_BRAILLE + m) if m else " " for m in line) for line in masks]
    cells = [[" "] * xs.cells for _ in range(axis.rows)]
    for index, (x, y) in enumerate(dots):
        before = dots[index - 1] if index else None
        after = dots[index + 1] if index + 1 < len(dots) else None
        cells[axis.rows - 1 - y][x] = _stroke(before, (x, y), after)
    return ["".join(line) for line in cells]


def _stroke(
    before: tuple[int, int] | None, at: tuple[int, int], after: tuple[int, int] | None
) -> str:
    """The ASCII character of one cell of the line, by the step that reaches it."""
    if before is None:
        if after is None:
            return "*"
        before, at = at, after
    dx, dy = at[0] - before[0], at[1] - before[1]
    if dx == 0:
        return "|"
    if dy == 0:
        return "-"
    return "/" if (dx > 0) == (dy > 0) else "\\"


def _path(points: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Every dot of the straight lines between consecutive points (Bresenham), each once in a
    row."""
    last: tuple[int, int] | None = None
    for (x0, y0), (x1, y1) in zip(points, [*points[1:], points[-1]], strict=True):
        for dot in _line(x0, y0, x1, y1):
            if dot != last:
                yield dot
                last = dot


def _line(x0: int, y0: int, x1: int, y1: int) -> Iterator[tuple[int, int]]:
    dx, dy = abs(x1 - x0), -abs(y1 - y0)
    sx, sy = (1 if x0 < x1 else -1), (1 if y0 < y1 else -1)
    error = dx + dy
    while True:
        yield x0, y0
        if x0 == x1 and y0 == y1:
            return
        double = 2 * error
        if double >= dy:
            error += dy
            x0 += sx
        if double <= dx:
            error += dx
            y0 += sy


def _marker(cell: int, cells: int, mark: str, text: str) -> str:
    """``mark`` at ``cell`` with ``text`` after it, or before it when it does not fit."""
    after = f"{mark} {text}"
    if cell + len(after) <= cells:
        return " " * cell + after
    before = f"{text} {mark}"
    return " " * max(cell - len(before) + 1, 0) + before


def _labelled(xs: Dates, cells: int) -> list[tuple[Date, int]]:
    """The days labelled under the x axis and where each label starts: centred on its tick,
    the first and last kept inside the plot, a label that would touch the one before it left
    out (the first and the last day are always labelled)."""
    width = len(xs.first.strftime(xs.layout))
    kept: list[tuple[Date, int]] = []
    ticks = xs.ticks(width)
    for day in ticks:
        start = min(max(xs.cell(day) - width // 2, 0), cells - width)
        while kept and kept[-1][1] + width >= start and day == ticks[-1] and len(kept) > 1:
            kept.pop()  # the last day is always labelled: the one before it gives way
        if not kept or kept[-1][1] + width < start:
            kept.append((day, start))
    return kept


def _rule(xs: Dates, cells: int, glyphs: Glyphs) -> str:
    """The x axis, a tick at each labelled day."""
    line = [glyphs.rule] * cells
    for day, _ in _labelled(xs, cells):
        line[xs.cell(day)] = glyphs.tick
    return "".join(line)


def _date_labels(xs: Dates, cells: int) -> str:
    line = [" "] * cells
    for day, start in _labelled(xs, cells):
        text = day.strftime(xs.layout)
        line[start : start + len(text)] = text
    return "".join(line).rstrip()


def footer(stats: Stats, width: int, decimals: int) -> list[str]:
    """first/last, high/low, average/change: two to a line when the width allows, else one."""
    amounts = [stats.first, stats.last, stats.max, stats.min, stats.mean]
    size = max(len(money_text(v, decimals)) for v in amounts)

    def amount(value: Decimal) -> str:
        return f"{money_text(value, decimals):>{size}}"

    sign = "+" if stats.change > 0 else "-" if stats.change < 0 else ""
    change = f"{sign}{money_text(abs(stats.change), decimals)}"
    if stats.change_pct is not None:
        change += f" ({sign}{abs(stats.change_pct)}%)"
    pairs = [
        (f"first   {amount(stats.first)} on {stats.first_date}",
         f"last    {amount(stats.last)} on {stats.last_date}"),
        (f"high    {amount(stats.max)} on {stats.max_date}",
         f"low     {amount(stats.min)} on {stats.min_date}"),
        (f"average {amount(stats.mean)}", f"change  {change:>{size}}"),
    ]  # fmt: skip
    left = max(len(a) for a, _ in pairs)
    if all(left + len(GAP) + len(b) <= width for _, b in pairs):
        return [f"{a:<{left}}{GAP}{b}".rstrip() for a, b in pairs]
    return [line for pair in pairs for line in pair]
