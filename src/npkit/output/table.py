"""Tables for people: npkit decides the cells, widths and truncation; the ``simple`` style is
drawn here as tabulate would draw it (``_draw_simple``), the other styles by tabulate.

What npkit does itself, because tabulate cannot know it: display width as terminals draw it
(npkit.output.width, which tabulate is made to use too), money in Nepali digit grouping
(``1,35,20,250.00``) with the decimals aligned per column, signed changes (``▲ 100.00``), and
fitting the terminal: the longest text column is shortened with ``…`` and low-priority columns
are dropped until the table fits. tabulate is imported only here, only when it draws (its
import costs ~60-100 ms).
"""

from __future__ import annotations

import re
from collections import namedtuple
from decimal import Decimal

from npkit.output.values import text_value
from npkit.output.width import cell_width

TYPE_CHECKING = False  # typing is not imported at run time: `npkit date` starts faster
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import IO, Any

ELLIPSIS = "…"
MIN_TEXT = 12
"""While a column can still be dropped, the text column being shortened keeps at least this
many cells, or half the terminal's width if more (a headline cut to 12 cells tells nothing)."""
MIN_CUT = 10
"""No column is cut below this many cells (a date cut to ``202…`` says nothing): a table whose
record type declares too few columns to drop may stay wider than the terminal."""
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


class Layout(namedtuple("Layout", "drop money signed", defaults=((), (), ()))):
    """How a record type's table is laid out, declared on the record type:

    ``TABLE_DROP``: columns a narrow terminal may drop, the least wanted first;
    ``TABLE_MONEY``: amounts of money (Nepali digit grouping); ``TABLE_SIGNED``: changes shown
    with ``▲``/``▼``. (``TABLE_COLUMNS`` and ``TABLE_SPARSE`` choose the columns: see render.)
    """

    __slots__ = ()
    drop: tuple[str, ...]
    money: tuple[str, ...]
    signed: tuple[str, ...]


def layout_of(record_type: type | None) -> Layout:
    """The Layout a record type declares (nothing declared: no drops, no money)."""
    if record_type is None:
        return Layout()
    return Layout(
        tuple(getattr(record_type, "TABLE_DROP", ())),
        tuple(getattr(record_type, "TABLE_MONEY", ())),
        tuple(getattr(record_type, "TABLE_SIGNED", ())),
    )


def shorten(text: str, cells: int) -> str:
    """``text`` cut to at most ``cells`` terminal cells, ending in ``…`` when cut.

    Widths are measured on the prefix as a whole (Devanagari conjuncts are not the sum of their
    characters), and the cut never leaves a vowel sign or a virama without its letter."""
    if cell_width(text) <= cells:
        return text
    import unicodedata

    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits beside the ellipsis
        middle = (low + high + 1) // 2
        if cell_width(text[:middle]) <= cells - 1:
            low = middle
        else:
            high = middle - 1
    while low > 0 and (
        unicodedata.category(text[low]).startswith("M") or text[low - 1] == "\u094d"
    ):
        low -= 1
    return text[:low].rstrip() + ELLIPSIS


def nepali_grouping(digits: str) -> str:
    """``13520250`` → ``1,35,20,250``: the last three digits, then groups of two."""
    if len(digits) <= 3:
        return digits
    head, tail = digits[:-3], digits[-3:]
    groups: list[str] = []
    while head:
        groups.insert(0, head[-2:])
        head = head[:-2]
    return ",".join([*groups, tail])


def money_text(value: Decimal, places: int) -> str:
    """A Decimal as money: Nepali grouping, ``places`` decimals."""
    text = format(abs(value).quantize(Decimal(1).scaleb(-places)) if places else abs(value), "f")
    whole, _, fraction = text.partition(".")
    sign = "-" if value < 0 else ""
    return sign + nepali_grouping(whole) + (f".{fraction}" if fraction else "")


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def _places(values: Sequence[Any]) -> int:
    """Decimals to show in a column: the most any of its Decimal values has."""
    exponents = [
        -int(v.as_tuple().exponent)
        for v in values
        if isinstance(v, Decimal) and v.is_finite() and isinstance(v.as_tuple().exponent, int)
    ]
    return max([0, *exponents])


def _column_texts(
    values: Sequence[Any], name: str, layout: Layout, colour: bool, nepali: bool = False
) -> tuple[list[str], bool]:
    """The cells of one column and whether it is right-aligned (numbers); ``nepali``: as
    npkit.output.nepali writes them."""
    from npkit.text import clean

    numeric = any(_is_number(v) for v in values) and all(
        _is_number(v) for v in values if v is not None and v != ""
    )
    if nepali:
        from npkit.output import nepali as ne

        if not numeric:
            return [clean(ne.cell(name, v)) for v in values], False
        texts, right = _column_texts(values, name, layout, colour)
        return [ne.digits(text) for text in texts], right
    if not numeric:
        return [clean(text_value(v)) for v in values], False
    places = _places(values)
    if name in layout.money or name in layout.signed:
        places = max(places, 2)
    texts = []
    for v in values:
        if v is None or v == "":
            texts.append("")
            continue
        if (isinstance(v, Decimal) and name in layout.money) or name in layout.signed:
            text = money_text(Decimal(v), places)
        elif isinstance(v, Decimal) and places:
            text = format(v.quantize(Decimal(1).scaleb(-places)), "f")
        else:
            text = text_value(v)
        if name in layout.signed:
            arrow = "▲ " if v > 0 else "▼ " if v < 0 else ""
            text = arrow + text.lstrip("-")
            if colour and arrow:
                text = ("\x1b[32m" if v > 0 else "\x1b[31m") + text + "\x1b[0m"
        texts.append(text)
    return texts, True


def _import_tabulate() -> Any:
    """tabulate, imported without importlib.metadata.

    tabulate's first statement reads its own version through ``importlib.metadata``, which
    imports the ``email`` package and costs ~100 ms: more than everything else ``npkit date
    today`` does. When nothing has loaded that module yet, a stand-in answers tabulate's one
    question ("not found": tabulate then calls itself version "unknown", which npkit never
    reads) and is removed at once, so any later ``import importlib.metadata`` gets the real
    one. benchmarks/bench_date.py measures the difference."""
    import sys

    if "tabulate" in sys.modules or "importlib.metadata" in sys.modules:
        import tabulate

        return tabulate
    import types

    class PackageNotFoundError(ModuleNotFoundError):
        pass

    def version(name: str) -> str:
        raise PackageNotFoundError(name)

    stand_in = types.ModuleType("importlib.metadata")
    stand_in.version = version  # type: ignore[attr-defined]
    stand_in.PackageNotFoundError = PackageNotFoundError  # type: ignore[attr-defined]
    sys.modules["importlib.metadata"] = stand_in
    try:
        import tabulate
    finally:
        if sys.modules.get("importlib.metadata") is stand_in:
            del sys.modules["importlib.metadata"]
    return tabulate


class _TERMINAL:
    """Stands in for the wcwidth module inside tabulate (its one use: ``wcswidth``)."""

    wcswidth = staticmethod(cell_width)


_NOT_SIMPLE = re.compile("[\n\r\x1b\x01]")
"""What tabulate draws in its own ways (a line break, a colour or link sequence, its separating
line marker): a cell or header holding one is left to tabulate."""


def _draw_simple(
    body: Sequence[Sequence[str]], headers: Sequence[str], right: Sequence[bool]
) -> list[str] | None:
    """The lines tabulate draws for the ``simple`` style as ``_draw`` sets it up (padding 0,
    whitespace stripped, widths by ``cell_width``), without importing tabulate and wcwidth
    (~60 ms, more than the rest of ``npkit date today``); None when a cell or header holds
    what tabulate treats otherwise. tests/test_table_simple.py compares both, byte for byte."""
    if not headers or not body or any(len(row) != len(headers) for row in body):
        return None
    if _NOT_SIMPLE.search("\t".join([*headers, *(cell for row in body for cell in row)])):
        return None
    columns = [[cell.strip() for cell in column] for column in zip(*body, strict=True)]
    widths = []
    padded_columns = []
    for header, column, is_right in zip(headers, columns, right, strict=True):
        cells = [cell_width(cell) for cell in column]
        width = max(cell_width(header), *cells)
        widths.append(width)
        pairs = zip(column, cells, strict=True)
        if is_right:
            padded_columns.append([" " * (width - w) + c for c, w in pairs])
        else:
            padded_columns.append([c + " " * (width - w) for c, w in pairs])
    head = [
        " " * (width - cell_width(h)) + h if is_right else h + " " * (width - cell_width(h))
        for h, width, is_right in zip(headers, widths, right, strict=True)
    ]
    lines = ["  ".join(head), "  ".join("-" * width for width in widths)]
    lines += ["  ".join(row) for row in zip(*padded_columns, strict=True)]
    return [line.rstrip() for line in lines]


def _draw(
    body: Sequence[Sequence[str]],
    columns: Sequence[str],
    right: Sequence[bool],
    style: str,
    label: Callable[[str], str] = str,
) -> list[str]:
    if style == "simple":
        drawn = _draw_simple(body, [label(name) for name in columns], right)
        if drawn is not None:
            return drawn
    return _draw_tabulate(body, columns, right, style, label)


def _draw_tabulate(
    body: Sequence[Sequence[str]],
    columns: Sequence[str],
    right: Sequence[bool],
    style: str,
    label: Callable[[str], str] = str,
) -> list[str]:
    tabulate = _import_tabulate()

    tabulate.wcwidth = _TERMINAL  # tabulate pads by our measure, not the wcwidth library's
    tabulate.WIDE_CHARS_MODE = True
    tabulate.PRESERVE_WHITESPACE = False
    tabulate.MIN_PADDING = 0  # columns as wide as their widest cell or header, no wider
    text = tabulate.tabulate(
        [list(row) for row in body],
        headers=[label(name) for name in columns],
        tablefmt=style,
        disable_numparse=True,
        colalign=["right" if r else "left" for r in right],
    )
    return [line.rstrip() for line in text.split("\n")]


DATE_COLUMNS = ("date", "ad")
"""The columns that say which day a row is: the last a narrow terminal drops."""


def drop_order(
    columns: Sequence[str], drop: Sequence[str], last: Sequence[str] = DATE_COLUMNS
) -> list[str]:
    """The order a narrow terminal drops ``columns`` in (see ``fit``); ``last``: the columns
    that say which day a row is (a Nepali table's is ``bs``)."""
    if drop:
        declared = [name for name in drop if name in columns and name not in last]
        days = [name for name in drop if name in columns and name in last]
        return [*declared, *days]
    rest = [name for name in reversed(columns[1:]) if name not in last]
    return [*rest, *[name for name in columns if name in last]]


def fit(
    body: list[list[str]],
    columns: list[str],
    right: list[bool],
    width: int,
    style: str,
    drop: Sequence[str],
    label: Callable[[str], str] = str,
    last: Sequence[str] = DATE_COLUMNS,
) -> list[str]:
    """Draw the table, shortening the widest text column and dropping ``drop`` columns (least
    wanted first) until no line is wider than ``width``; the best effort if it never fits.

    The one rule for every table: the columns its record type declares (TABLE_DROP), or, when
    it declares none, the columns from the right but the first; never the last two; a day's
    date (``date``, ``ad``) goes last of all, so a dated table on a phone still says which day
    each row is. What every row shares is said once, above it. ``label``: a column's header
    (its name, or its Nepali header); ``last``: the columns that say the day.
    """
    droppable = drop_order(columns, drop, last)[: max(len(columns) - 2, 0)]  # key, value stay
    above: list[str] = []
    lines = _draw(body, columns, right, style, label)
    if len(body) > 1 and max(cell_width(line) for line in lines) > width:
        # what every row shares (the day of `fx`, the currency of a history) is said once,
        # above the table, rather than dropped: a history at 40 columns keeps its days
        for name in list(columns):
            i = columns.index(name)
            values = {row[i] for row in body}
            if len(values) == 1 and len(columns) > 2 and next(iter(values)).strip():
                above.append(f"{label(name)}: {values.pop()}")
                for row in body:
                    del row[i]
                del columns[i], right[i]
                if name in droppable:
                    droppable.remove(name)
        if above:
            from npkit.output.width import wrap_words

            joined = ", ".join(item.replace(" ", "\u00a0") for item in above)  # kept whole
            above = [line.replace("\u00a0", " ") for line in wrap_words(joined, width, "  ")]
    return above + _fit(body, columns, right, width, style, droppable, label)


def _fit(
    body: list[list[str]],
    columns: list[str],
    right: list[bool],
    width: int,
    style: str,
    droppable: list[str],
    label: Callable[[str], str] = str,
) -> list[str]:
    for _ in range(4 * len(columns) + 4):  # each turn drops a column or shortens one
        lines = _draw(body, columns, right, style, label)
        excess = max(cell_width(line) for line in lines) - width
        if excess <= 0:
            return lines
        base = max(MIN_TEXT, width // 2) if droppable else MIN_CUT
        candidates = []
        for i, is_right in enumerate(right):
            floor = max(base, cell_width(label(columns[i])))
            longest = max(cell_width(row[i]) for row in body)
            if not is_right and longest > floor:
                candidates.append((longest, floor, i))
        if candidates:
            longest, floor, i = max(candidates)
            if longest - excess >= floor or not droppable:
                target = max(longest - excess, floor)
                for row in body:
                    row[i] = shorten(row[i], target)
                continue
        if not droppable:
            return lines
        index = columns.index(droppable.pop(0))
        for row in body:
            del row[index]
        del columns[index], right[index]
    return _draw(body, columns, right, style, label)


def render_table(
    rows: Sequence[Sequence[Any]],
    columns: Sequence[str],
    stream: IO[str],
    *,
    style: str = "simple",
    width: int | None = None,
    layout: Layout | None = None,
    colour: bool = False,
    nepali: bool = False,
) -> None:
    """A table for people: outside text cleaned, numbers right-aligned with their decimals
    aligned, money grouped; fitted to ``width`` cells when given (a terminal); ``nepali``:
    cells, headers and the day kept last as npkit.output.nepali says. Nothing is written for
    no rows."""
    if not rows:
        return
    layout = layout or Layout()
    names = list(columns)
    cells: list[list[str]] = [[] for _ in rows]
    right = []
    for index, name in enumerate(names):
        values = [row[index] for row in rows]
        texts, is_right = _column_texts(values, name, layout, colour, nepali)
        right.append(is_right)
        for line, text in zip(cells, texts, strict=True):
            line.append(text)
    label: Callable[[str], str] = str
    last: Sequence[str] = DATE_COLUMNS
    if nepali:
        from npkit.output import nepali as ne

        label, last = ne.header, ne.LAST
    if width is None:
        lines = _draw(cells, names, right, style, label)
    else:
        lines = fit(cells, names, right, width, style, layout.drop, label, last)
    stream.write("\n".join(lines) + "\n")
