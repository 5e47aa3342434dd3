"""Bulk date conversion: one date per line, or one column of a CSV, streamed in constant memory.

Input is read in chunks of whatever is available (``os.read``), so a slow producer still gets
each line converted as it arrives, and a fast one gets ~64 KiB per system call. Each distinct
input line is converted and encoded once; repeats are a dictionary lookup. The memo is bounded
(cleared past ``MEMO_LIMIT`` entries; bad lines are never memoised).
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import IO, Any, BinaryIO

from npkit import console, dates
from npkit.errors import UsageError
from npkit.output import OutputSpec, RowWriter

CHUNK_SIZE = 1 << 16
MEMO_LIMIT = 1 << 17
PREFILL_AFTER = 512  # distinct ISO dates seen before filling the memo for every supported day


@dataclass
class BulkResult:
    """What a bulk run saw: lines read, rows written, lines refused."""

    lines: int = 0
    rows: int = 0
    bad: int = 0


def _chunks(source: BinaryIO) -> Iterator[bytes]:
    """Yield whatever bytes are available, without waiting for a full buffer."""
    try:
        fd = source.fileno()
    except (AttributeError, OSError, io.UnsupportedOperation):
        fd = None
    if fd is not None:
        while chunk := os.read(fd, CHUNK_SIZE):
            yield chunk
        return
    read = getattr(source, "read1", source.read)
    while chunk := read(CHUNK_SIZE):
        yield chunk


def _line_text(raw: bytes, line_no: int) -> str:
    try:
        return raw.decode("utf-8").strip().lstrip("\ufeff")
    except UnicodeDecodeError:
        raise UsageError(f"line {line_no}: not UTF-8 text") from None


class BadInput:
    """The one rule for a bad line of bulk input: it stops the run with an error naming its
    line, or, with ``--keep-going``, is reported on stderr, counted, and left empty."""

    def __init__(self, keep_going: bool) -> None:
        self.keep_going = keep_going
        self.count = 0

    def report(self, exc: UsageError, line_no: int) -> None:
        """Raise, or warn and count (the caller then writes an empty row)."""
        message = str(exc) if str(exc).startswith("line ") else f"line {line_no}: {exc}"
        if not self.keep_going:
            raise UsageError(message) from None
        self.count += 1
        console.warn(f"date: {message} (left empty)")


def read_days(
    lines: Iterable[str], assume: str | None, bad: BadInput
) -> Iterator[tuple[date, dates.BSDate] | None]:
    """The (AD, BS) day of each non-blank line, in order; None for a bad line kept going."""
    for line_no, line in enumerate(lines, 1):
        text = line.strip().lstrip("\ufeff")
        if not text:
            continue
        try:
            yield dates.parse_day(text, assume)
        except UsageError as exc:
            bad.report(exc, line_no)
            yield None


class _Miss(Exception):
    """A line not in the memo yet (raised by ``_Memo`` to leave the fast path)."""


class _Memo(dict[bytes, str]):
    """Raw input line → encoded output row ('' for a blank line)."""

    def __missing__(self, key: bytes) -> str:
        raise _Miss


class _LineConverter:
    """Turns one raw input line into encoded output text ('' for a blank line)."""

    def __init__(self, writer: RowWriter, assume: str | None, keep_going: bool) -> None:
        self.writer = writer
        self.fields = [dates.CONVERSION_FIELDS[name] for name in writer.columns]
        self.assume = assume
        self.bad = BadInput(keep_going)
        self.memo = _Memo()
        self.unverified = _UnverifiedYearWarning()
        self.misses = 0
        self.prefilled = False

    def prefill(self) -> None:
        """Encode every supported day once, keyed by its ISO text in the input calendar.

        Input with many distinct dates (a long log, a random sample) then never takes the
        parsing path again: ~46,000 rows encoded in one pass are cheaper than parsing them.
        """
        key_name = "bs" if self.assume == "bs" else "ad"
        names = self.writer.columns
        columns = dates.day_columns(sorted({key_name, "bs", *names}))
        rows = self.writer.encode_columns([columns[name] for name in names])
        keys = map(str.encode, columns[key_name])
        for key, bs, row in zip(keys, columns["bs"], rows, strict=True):
            if int(bs[:4]) not in dates.UNVERIFIED_YEARS:  # those go through convert(): it warns
                self.memo[key] = row

    def convert(self, raw: bytes, line_no: int) -> str:
        self.misses += 1
        if self.misses >= PREFILL_AFTER and not self.prefilled:
            self.prefilled = True
            self.prefill()
            if raw in self.memo:
                return self.memo[raw]
        try:
            text = _line_text(raw, line_no)
            if not text:
                self.memo[raw] = ""
                return ""
            day, bs = dates.parse_day(text, self.assume)
        except UsageError as exc:
            self.bad.report(exc, line_no)
            return self.writer.encode((None,) * len(self.writer.columns))
        self.unverified.check(bs)
        encoded = self.writer.encode([field(day, bs) for field in self.fields])
        if len(self.memo) >= MEMO_LIMIT:
            self.memo.clear()
        self.memo[raw] = encoded
        return encoded


class _UnverifiedYearWarning:
    """Warns once per run when a converted date falls in a BS year with known-bad data."""

    def __init__(self) -> None:
        self.warned = False

    def check(self, bs: dates.BSDate) -> None:
        if not self.warned and bs.year in dates.UNVERIFIED_YEARS:
            self.warned = True
            console.warn(
                f"date: BS {bs.year} has 364 days in the calendar data (impossible): "
                "dates in it may be off by one day (docs/date.md#accuracy)"
            )


def convert_lines(
    source: BinaryIO,
    spec: OutputSpec,
    columns: Sequence[str],
    *,
    assume: str | None = None,
    keep_going: bool = False,
    stream: IO[str] | None = None,
) -> BulkResult:
    """Convert one date per line of ``source`` to records in ``spec.format``, in input order.

    Blank lines are skipped. A bad line stops the run with a UsageError naming its line number,
    unless ``keep_going``: then it is reported on stderr and written as an empty row, so output
    rows stay aligned with input lines. The output document is always closed (valid JSON).
    """
    writer = RowWriter(spec, columns, stream)
    converter = _LineConverter(writer, assume, keep_going)
    result = BulkResult()
    pending = b""
    try:
        for chunk in _chunks(source):
            lines = (pending + chunk).split(b"\n")
            pending = lines.pop()
            _write_lines(lines, result, converter)
        if pending:
            _write_lines([pending], result, converter)
    finally:
        result.bad = converter.bad.count
        result.rows = writer.rows_written
        writer.close()
    return result


def convert_stdin(spec: OutputSpec, assume: str | None, keep_going: bool) -> BulkResult:
    """``npkit date convert -`` in a line format: stdin to stdout, with a closing note."""
    import sys

    columns = spec.columns(dates.DateConversion._fields)
    result = convert_lines(
        sys.stdin.buffer, spec, columns, assume=assume, keep_going=keep_going, stream=sys.stdout
    )
    console.note(f"date: converted {result.rows} dates ({result.bad} bad lines)")
    return result


def _write_lines(lines: list[bytes], result: BulkResult, converter: _LineConverter) -> None:
    memo = converter.memo
    try:
        encoded = list(map(memo.__getitem__, lines))  # the hot path: one C-level pass
    except _Miss:
        encoded = []
        for index, raw in enumerate(lines):
            text = memo.get(raw)
            if text is None:
                try:
                    text = converter.convert(raw, result.lines + index + 1)
                except UsageError:
                    converter.writer.write_encoded(encoded)  # the lines before the bad one
                    raise
            encoded.append(text)
    result.lines += len(lines)
    converter.writer.write_encoded(encoded)


def convert_csv_column(
    source: IO[str],
    column: str,
    spec: OutputSpec,
    added_fields: Sequence[str],
    *,
    assume: str | None = None,
    keep_going: bool = False,
    stream: IO[str] | None = None,
) -> BulkResult:
    """Read CSV, convert ``column`` and write every row back with ``<column>_<field>`` added.

    Empty cells stay empty. A bad cell stops with its line number unless ``keep_going``.
    """
    reader = csv.reader(source)
    header = next(reader, None)
    if header is None:
        raise UsageError("CSV input is empty (expected a header row)")
    if header and header[0].startswith("\ufeff"):
        header[0] = header[0][1:]
    if column not in header:
        raise UsageError(f"no column {column!r} in the CSV header; columns: {','.join(header)}")
    index = header.index(column)
    added = [f"{column}_{name}" for name in added_fields]
    writer = RowWriter(spec, [*header, *added], stream)
    cache: dict[str, tuple[Any, ...]] = {}
    bad = BadInput(keep_going)
    result = BulkResult()
    unverified = _UnverifiedYearWarning()
    try:
        for row in reader:
            result.lines += 1
            if len(row) > len(header):
                raise UsageError(
                    f"line {reader.line_num}: {len(row)} cells but the header has {len(header)}"
                )
            row = row + [""] * (len(header) - len(row))
            cell = row[index].strip()
            values = cache.get(cell)
            if values is None:
                values = _convert_cell(cell, reader.line_num, assume, bad, added_fields, unverified)
                if values is None:
                    values = (None,) * len(added_fields)
                elif len(cache) < MEMO_LIMIT:
                    cache[cell] = values
            writer.write([*row, *values])
    finally:
        result.bad = bad.count
        result.rows = writer.rows_written
        writer.close()
    return result


def _convert_cell(
    cell: str,
    line_no: int,
    assume: str | None,
    bad: BadInput,
    fields: Sequence[str],
    unverified: _UnverifiedYearWarning,
) -> tuple[Any, ...] | None:
    """The added values for one cell; None for a bad cell kept going."""
    if not cell:
        return ("",) * len(fields)
    try:
        day, bs = dates.parse_day(cell, assume)
    except UsageError as exc:
        bad.report(exc, line_no)
        return None
    unverified.check(bs)
    return tuple(dates.CONVERSION_FIELDS[name](day, bs) for name in fields)
