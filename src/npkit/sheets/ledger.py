"""``npkit fx convert --column AMOUNT …``: a CSV ledger valued at the rates of each row's date.

Two passes over the input: the first reads every row's date to learn the span (stdin is
spooled to a temporary file, so memory stays flat), then ``fx.ledger.RateBook`` fetches that
span once, in aligned windows, and the second pass writes each row with its value. The CSV
comes back as it went in (delimiter, a UTF-8 BOM, CRLF line ends) with three cells added:
``<amount>_<target>`` (e.g. ``amount_npr``), ``rate`` and ``rate_date``.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import IO, Any, BinaryIO

from npkit.config import FetchOptions
from npkit.dates import Reading
from npkit.errors import UsageError
from npkit.fx.amount import CommaAmountError, parse_amount
from npkit.fx.ledger import RateBook
from npkit.fx.query import normalize_codes
from npkit.fx.records import HOME
from npkit.output import OutputSpec, RowWriter
from npkit.sheets.bulk import BadInput
from npkit.sheets.csv_dates import CSV_FIELD_LIMIT, parse_delimiter

BOM = "\ufeff"


@dataclass(frozen=True)
class LedgerColumns:
    """Which cells hold what: the ``amount`` and ``date`` columns, and the currency, either
    ``currency`` (one code for every row) or ``currency_column``; the ``target`` currency (NPR
    usually), the NRB figure ``side`` (None: what a customer gets) and whether amounts are
    written with a ``decimal_comma`` (``1.250,50``)."""

    amount: str
    date: str
    currency: str | None = None
    currency_column: str | None = None
    target: str = HOME
    side: str | None = None
    decimal_comma: bool = False


_UNDECODED = re.compile("[\udc80-\udcff]")  # bytes that were not UTF-8 (surrogateescape)


def _bad_bytes(row: Sequence[str]) -> bool:
    return _UNDECODED.search("".join(row)) is not None


def _signed_amount(text: str, decimal_comma: bool = False) -> Decimal:
    """An amount cell, read by the one amount reader (``npkit.fx.parse_amount``), negative
    amounts (refunds) included; the refusal of a decimal comma says how to read one here."""
    try:
        return parse_amount(text, signed=True, decimal_comma=decimal_comma)
    except CommaAmountError as exc:
        raise UsageError(f"{exc}, or say --decimal-comma if commas are decimal points") from None


class _Input:
    """The CSV sources as seekable binary files (stdin spooled), read as text rows twice."""

    def __init__(self, names: Sequence[str], stack: ExitStack) -> None:
        self.files: list[tuple[str, BinaryIO]] = []
        for name in names or ("-",):
            if name == "-":
                spool = stack.enter_context(tempfile.TemporaryFile())  # noqa: SIM115
                shutil.copyfileobj(sys.stdin.buffer, spool, 1 << 20)
                self.files.append(("", spool))
                continue
            try:
                self.files.append((name, stack.enter_context(open(name, "rb"))))  # noqa: SIM115
            except OSError as exc:
                raise UsageError(f"cannot read {name!r}: {exc.strerror}") from None

    def rows(self, delimiter: str) -> Iterator[tuple[str, int, list[str], bool]]:
        """(file label, line number, cells, is_header) for every row of every file."""
        for name, handle in self.files:
            handle.seek(0)
            text = io.TextIOWrapper(handle, "utf-8", errors="surrogateescape", newline="")
            reader = csv.reader(text, delimiter=delimiter)
            where = f"{name}: " if name else ""
            header = True
            try:
                for row in reader:
                    yield where, reader.line_num, row, header
                    header = False
            except csv.Error as exc:
                raise UsageError(f"{where}line {reader.line_num}: unreadable CSV ({exc})") from None
            finally:
                text.detach()

    def layout(self) -> tuple[bool, str]:
        """Whether the first file starts with a UTF-8 BOM, and its line end (CRLF or LF)."""
        handle = self.files[0][1]
        handle.seek(0)
        head = handle.read(1 << 16)
        line_end = "\r\n" if b"\r\n" in head.split(b"\n", 1)[0] + b"\n" else "\n"
        return head.startswith(BOM.encode()), line_end


def value_csv(
    names: Sequence[str],
    columns: LedgerColumns,
    spec: OutputSpec,
    *,
    reading: Reading | None = None,
    delimiter: str | None = None,
    keep_going: bool = False,
    fetch: FetchOptions | None = None,
    stream: IO[str] | None = None,
) -> int:
    """Value every row of the CSV files ``names`` ('-' or none: stdin) at NRB's rate of its own
    date, written back to ``stream`` (default stdout) with three cells added (see the module);
    returns the rows written. ``spec.format`` is csv (the input's own layout), tsv, json or
    ndjson; ``reading`` says how date cells are read (default: as npkit reads dates). A bad
    row is a ``UsageError`` naming its line, or with ``keep_going`` a logged warning and empty
    added cells. The rates are fetched once for the whole span (``fetch``: offline, timeout)."""
    if (columns.currency is None) == (columns.currency_column is None):
        raise UsageError("a ledger needs one of currency (a code) or currency_column (a name)")
    reading = reading or Reading()
    out = stream if stream is not None else sys.stdout
    separator = parse_delimiter(delimiter)
    csv.field_size_limit(max(csv.field_size_limit(), CSV_FIELD_LIMIT))
    with ExitStack() as stack:
        source = _Input(names, stack)
        had_bom, line_end = source.layout()
        days: dict[str, date | UsageError] = {}
        header: list[str] | None = None
        for where, _line, row, is_header in source.rows(separator):
            if is_header:
                header = _check_header(row, header, columns, separator, where)
                continue
            if not row or _bad_bytes(row) or len(row) != len(header or ()):
                continue  # reported in the second pass
            cell = row[header.index(columns.date)].strip() if header else ""
            if cell and cell not in days:
                try:
                    days[cell] = reading.day(cell)[0]
                except UsageError as exc:
                    days[cell] = exc
        if header is None:
            raise UsageError("CSV input is empty (expected a header row)")
        good = [day for day in days.values() if isinstance(day, date)]
        book = RateBook.load(min(good), max(good), fetch) if good else RateBook([])
        return _write(source, header, columns, spec, separator, had_bom, line_end, days, book,
                      keep_going, out)  # fmt: skip


def _check_header(
    row: list[str],
    first: list[str] | None,
    columns: LedgerColumns,
    delimiter: str,
    where: str,
) -> list[str]:
    from npkit.sheets.csv_dates import _missing_column

    if row and row[0].startswith(BOM):
        row = [row[0][1:], *row[1:]]
    if first is not None:
        if row != first:
            raise UsageError(f"{where}the header differs from the first file's: {row!r}")
        return first
    wanted = [columns.amount, columns.date]
    if columns.currency_column:
        wanted.append(columns.currency_column)
    for name in wanted:
        if name not in row:
            raise _missing_column(name, row, delimiter, where)
    return row


def _write(
    source: _Input,
    header: list[str],
    columns: LedgerColumns,
    spec: OutputSpec,
    delimiter: str,
    had_bom: bool,
    line_end: str,
    days: dict[str, date | UsageError],
    book: RateBook,
    keep_going: bool,
    out: IO[str],
) -> int:
    added = [f"{columns.amount}_{columns.target.lower()}", "rate", "rate_date"]
    amount_at = header.index(columns.amount)
    date_at = header.index(columns.date)
    currency_at = header.index(columns.currency_column) if columns.currency_column else None
    bad = BadInput(keep_going, topic="fx")
    width = len(header)
    writer: RowWriter | None = None
    if spec.kind.echoes_csv:
        if had_bom:
            out.write(BOM)
        table = csv.writer(out, delimiter=delimiter, lineterminator=line_end)
        table.writerow([*header, *added])
    else:
        if had_bom and spec.kind.delimiter:
            out.write(BOM)
        writer = RowWriter(spec, [*header, *added], out)
    written = 0
    try:
        for where, line, row, is_header in source.rows(delimiter):
            if is_header:
                continue
            values: list[Any]
            if not row:
                if writer is None:
                    out.write(line_end)  # a blank line stays a blank line
                elif keep_going:
                    writer.write([None] * (width + 3))
                continue
            try:
                if _bad_bytes(row):
                    raise UsageError("not UTF-8 text")
                if len(row) > width:
                    raise UsageError(f"{len(row)} cells but the header has {width}")
                row = row + [""] * (width - len(row))
                values = _value_row(row, amount_at, date_at, currency_at, columns, days, book)
            except UsageError as exc:
                bad.report(exc, line, where)
                if _bad_bytes(row):
                    row = [""] * width
                values = [None, None, None]
            if writer is None:
                table.writerow([*row, *("" if v is None else _text(v) for v in values)])
            else:
                writer.write([*row, *values])
            written += 1
    finally:
        if writer is not None:
            writer.close()
        out.flush()
    return written


def _text(value: Any) -> str:
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _value_row(
    row: list[str],
    amount_at: int,
    date_at: int,
    currency_at: int | None,
    columns: LedgerColumns,
    days: dict[str, date | UsageError],
    book: RateBook,
) -> list[Any]:
    amount_text = row[amount_at].strip()
    if not amount_text:
        return [None, None, None]  # nothing to value: the cells stay empty
    amount = _signed_amount(amount_text, columns.decimal_comma)
    date_text = row[date_at].strip()
    if not date_text:
        raise UsageError(f"an amount ({amount_text}) without a date in {columns.date!r}")
    day = days[date_text]
    if isinstance(day, UsageError):
        raise day
    if currency_at is not None:
        codes = normalize_codes(row[currency_at]) if row[currency_at].strip() else []
        if len(codes) != 1:
            raise UsageError(f"the currency cell {row[currency_at]!r} is not one code like USD")
        code = codes[0]
    else:
        assert columns.currency is not None
        code = columns.currency
    valued = book.value(amount, code, columns.target, day, columns.side)
    return [valued.result, valued.rate, valued.rate_date]
