"""Amounts one per line and CSV columns of amounts (``npkit num words --column amount``): the
date engines' streaming, line numbers and keep-going rule, with an amount function in place of
a date reading. A CSV gets ``<column>_<field>`` added after each row, every input byte kept."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import IO, Any, BinaryIO

from npkit.errors import UsageError
from npkit.output import OutputSpec
from npkit.sheets.bulk import BadInput, BulkResult, _line_text, _raw_lines
from npkit.sheets.csv_dates import CsvSource, MemoCells, run_csv

Convert = Callable[[str], tuple[Any, ...]]
"""Text of one amount → the values added for it (a UsageError when it is bad)."""


def read_lines(
    source: BinaryIO, convert: Callable[[str], Any], keep_going: bool, topic: str = "num"
) -> Iterator[Any]:
    """``convert`` of each line of ``source`` as lines arrive; None for a bad line kept going
    (and, with ``keep_going``, for a blank line, so rows stay aligned; else blanks are
    skipped). A bad line stops with a UsageError naming it, or is a warning."""
    bad = BadInput(keep_going, topic)
    for line_no, raw in enumerate(_raw_lines(source), 1):
        try:
            text = _line_text(raw, line_no)
            if not text:
                if keep_going:
                    yield None
                continue
            yield convert(text)
        except UsageError as exc:
            bad.report(exc, line_no)
            yield None


class AmountCells(MemoCells):
    """A cell of amounts → its added values (memoised: vouchers repeat amounts)."""

    def __init__(self, names: Sequence[str], convert: Convert, bad: BadInput) -> None:
        self.names = list(names)
        self.convert = convert
        self.bad = bad
        self.empty: tuple[Any, ...] = ("",) * len(self.names)
        self.failed: tuple[Any, ...] = (None,) * len(self.names)
        self.memo: dict[str, tuple[Any, ...]] = {}

    def convert_text(self, text: str) -> tuple[Any, ...]:
        return self.convert(text)


def amounts_csv(
    sources: Sequence[CsvSource],
    columns: Sequence[str],
    spec: OutputSpec,
    names: Sequence[str],
    convert: Convert,
    *,
    delimiter: str = ",",
    keep_going: bool = False,
    stream: IO[str] | None = None,
) -> BulkResult:
    """Read CSV and write every row back with ``<column>_<name>`` added for each column of
    amounts (``convert`` gives the values). The rules are ``npkit.sheets.convert_csv``'s: CSV
    output keeps every input line as it was; a bad cell stops the run naming its line, or with
    ``keep_going`` is reported and left empty."""
    if not sources:
        raise UsageError("no CSV input")
    repeated = sorted({name for name in columns if columns.count(name) > 1})
    if repeated:
        raise UsageError(f"--column {repeated[0]!r} is given twice")
    cells = AmountCells(names, convert, BadInput(keep_going, "num"))
    return run_csv(sources, columns, spec, cells, delimiter, stream)
