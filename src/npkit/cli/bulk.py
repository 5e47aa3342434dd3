"""Bulk date conversion: one date per line, or columns of a CSV, streamed in constant memory.

Input is read in chunks of whatever is available (``os.read``), so a slow producer still gets
each line converted as it arrives, and a fast one gets ~64 KiB per system call. Each distinct
input line is converted and encoded once; repeats are a dictionary lookup. The memo is bounded
(cleared past ``MEMO_LIMIT`` entries; bad lines are never memoised).
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import IO, TYPE_CHECKING, Any, BinaryIO

from npkit import console, dates
from npkit.errors import UsageError
from npkit.output import OutputSpec, RowWriter

if TYPE_CHECKING:
    from collections.abc import Callable

CHUNK_SIZE = 1 << 16
TABLE_ROWS = 10_000
"""A table of stdin is drawn from memory (its widths need every row); past this many rows the
rest is streamed as tsv instead, with a warning, so memory stays flat."""
PATRO_FIELDS = (
    "tithi", "paksha", "tithi_name", "tithi_ne", "lunar_month", "adhik", "ns_year", "sunrise",
    "sunset",
)  # fmt: skip
"""Fields of ``npkit.patro.day(d)`` that ``--fields`` may add (patro is imported only then)."""
DAY_FIELDS = (*dates.CONVERSION_FIELDS, *dates.PERIOD_FIELDS, *PATRO_FIELDS)
"""Every field ``npkit date convert --fields`` accepts, in the order they are listed."""
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
    except UnicodeDecodeError as exc:
        raise UsageError(f"line {line_no}: not UTF-8 text (byte {exc.start + 1})") from None


def _patro_field(name: str) -> Callable[[date, dates.BSDate], Any]:
    from functools import lru_cache

    from npkit import patro

    @lru_cache(maxsize=4096)
    def of(day: date) -> Any:
        return patro.day(day)

    return lambda day, bs: getattr(of(day), name)


def field_functions(names: Sequence[str]) -> list[Callable[[date, dates.BSDate], Any]]:
    """How to make each named field of a day; patro is imported only when one is asked for."""
    functions: list[Callable[[date, dates.BSDate], Any]] = []
    for name in names:
        if name in dates.CONVERSION_FIELDS:
            functions.append(dates.CONVERSION_FIELDS[name])
        elif name in dates.PERIOD_FIELDS:
            functions.append(dates.PERIOD_FIELDS[name])
        elif name in PATRO_FIELDS:
            functions.append(_patro_field(name))
        else:
            raise UsageError(f"unknown field {name!r}; valid fields: {','.join(DAY_FIELDS)}")
    return functions


@dataclass(frozen=True)
class Reading:
    """How input dates are read: ``--from``, ``--dayfirst``/``--monthfirst``, ``--input-format``."""

    assume: str | None = None
    order: str | None = None
    layout: str | None = None

    def day(self, text: str) -> tuple[date, dates.BSDate]:
        return dates.parse_day(text, self.assume, order=self.order, layout=self.layout)


class BadInput:
    """The one rule for a bad line of bulk input: it stops the run with an error naming its
    line, or, with ``--keep-going``, is reported on stderr, counted, and left empty."""

    def __init__(self, keep_going: bool, topic: str = "date") -> None:
        self.keep_going = keep_going
        self.topic = topic
        self.count = 0

    def report(self, exc: UsageError, line_no: int, where: str = "") -> None:
        """Raise, or warn and count (the caller then writes an empty row). ``where`` names the
        file (``sales.csv: ``) when there is one."""
        message = str(exc) if str(exc).startswith("line ") else f"line {line_no}: {exc}"
        message = where + message
        if not self.keep_going:
            raise UsageError(message) from None
        self.count += 1
        import sys

        sys.stdout.flush()  # the rows before it come first when both streams are one
        console.warn(f"{self.topic}: {message} (left empty)")


def read_days(
    source: BinaryIO, reading: Reading, bad: BadInput
) -> Iterator[tuple[date, dates.BSDate] | None]:
    """The (AD, BS) day of each line of ``source``, in order, as lines arrive; None for a bad
    line kept going (and, with ``--keep-going``, for a blank line: rows stay aligned). Blank
    lines are skipped otherwise. Undecodable bytes are that line's error."""
    line_no = 0
    for raw in _raw_lines(source):
        line_no += 1
        try:
            text = _line_text(raw, line_no)
            if not text:
                if bad.keep_going:
                    yield None
                continue
            yield reading.day(text)
        except UsageError as exc:
            bad.report(exc, line_no)
            yield None


def _raw_lines(source: BinaryIO) -> Iterator[bytes]:
    """The lines of ``source`` (without their ``\n``) as they arrive."""
    pending = b""
    for chunk in _chunks(source):
        lines = (pending + chunk).split(b"\n")
        pending = lines.pop()
        yield from lines
    if pending:
        yield pending


class _Miss(Exception):
    """A line not in the memo yet (raised by ``_Memo`` to leave the fast path)."""


class _Memo(dict[bytes, str]):
    """Raw input line → encoded output row ('' for a blank line)."""

    def __missing__(self, key: bytes) -> str:
        raise _Miss


class _LineConverter:
    """Turns one raw input line into encoded output text ('' for a blank line)."""

    def __init__(self, writer: RowWriter, reading: Reading, keep_going: bool) -> None:
        self.writer = writer
        self.fields = field_functions(writer.columns)
        self.reading = reading
        self.assume = reading.assume
        self.bad = BadInput(keep_going)
        self.blank = self.writer.encode((None,) * len(writer.columns)) if keep_going else ""
        # The prefilled day table is keyed by ISO text read the plain way, and has only the
        # record's own fields: any other reading or field goes through convert().
        self.can_prefill = reading.layout is None and all(
            name in dates.CONVERSION_FIELDS for name in writer.columns
        )
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
        if self.misses >= PREFILL_AFTER and not self.prefilled and self.can_prefill:
            self.prefilled = True
            self.prefill()
            if raw in self.memo:
                return self.memo[raw]
        try:
            text = _line_text(raw, line_no)
            if not text:
                self.memo[raw] = self.blank
                return self.blank
            day, bs = self.reading.day(text)
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
                "dates in it may be off by one day (see the accuracy section of the date docs)"
            )


def convert_lines(
    source: BinaryIO,
    spec: OutputSpec,
    columns: Sequence[str],
    *,
    reading: Reading | None = None,
    keep_going: bool = False,
    stream: IO[str] | None = None,
) -> BulkResult:
    """Convert one date per line of ``source`` to records in ``spec.format``, in input order.

    Blank lines are skipped (with ``keep_going``: written as empty rows). A bad line stops the
    run with a UsageError naming its line number, unless ``keep_going``: then it is reported
    on stderr and written as an empty row, so output rows stay aligned with input lines. The
    output document is always closed (valid JSON).
    """
    writer = RowWriter(spec, columns, stream)
    converter = _LineConverter(writer, reading or Reading(), keep_going)
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


def day_columns(spec: OutputSpec) -> tuple[str, ...]:
    """The columns of a date record: ``--fields`` (any of DAY_FIELDS), else the record's own."""
    if not spec.fields:
        return dates.DateConversion._fields
    return spec.columns(DAY_FIELDS)


def convert_stdin(
    spec: OutputSpec, assume: str | None, keep_going: bool, reading: Reading | None = None
) -> BulkResult:
    """``npkit date convert -`` in a line format: stdin to stdout, with a closing note."""
    import sys

    reading = reading or Reading(assume)
    result = convert_lines(
        sys.stdin.buffer,
        spec,
        day_columns(spec),
        reading=reading,
        keep_going=keep_going,
        stream=sys.stdout,
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


# ---------------------------------------------------------------- CSV: columns of dates

BOM = "\ufeff"
CSV_FIELD_LIMIT = 1 << 26
"""Largest quoted CSV cell read (64 MiB; the csv module's own default is 128 KiB, which real
spreadsheets exceed with long notes). Unquoted cells have no limit but the line's."""


@dataclass(frozen=True)
class CsvSource:
    """One CSV input: its bytes and its name in messages ('' for stdin)."""

    stream: BinaryIO
    name: str = ""


class _Lines:
    """The physical lines of a CSV source as text, each without its ``\n`` (a ``\r`` before it
    stays, so CRLF comes out as it went in), in blocks of what one read brought.

    ``block()`` hands out a whole block (the fast path: no quote and nothing undecodable in it)
    or None; ``pull()`` one line at a time (the general path, which may read on into the next
    block for a quoted cell holding line ends). ``number`` is the last line handed out. A line
    that is not UTF-8 is decoded with escapes and its number kept in ``undecodable``: it is that
    line's error, the others are read."""

    def __init__(self, source: BinaryIO) -> None:
        self.number = 0
        self.undecodable: set[int] = set()
        self.ended = False  # the last line had no line end
        self._blocks = self._generate(source)
        self._current: list[str] = []
        self._text: str | None = None  # the block's text when it is plain
        self._pos = 0

    def _generate(self, source: BinaryIO) -> Iterator[tuple[str | None, list[str]]]:
        pending = b""
        for chunk in _chunks(source):
            data = pending + chunk
            cut = data.rfind(b"\n") + 1
            pending = data[cut:]
            if cut:
                yield self._decode(data[: cut - 1])
        if pending:
            self.ended = True
            yield self._decode(pending)

    def _decode(self, block: bytes) -> tuple[str | None, list[str]]:
        try:
            text = block.decode("utf-8")
            return (None if '"' in text else text), text.split("\n")
        except UnicodeDecodeError:
            pass
        lines: list[str] = []
        first = self.number + len(self._current) - self._pos  # lines not handed out yet
        for raw in block.split(b"\n"):
            try:
                lines.append(raw.decode("utf-8"))
            except UnicodeDecodeError:
                self.undecodable.add(first + len(lines) + 1)
                lines.append(raw.decode("utf-8", "surrogateescape"))
        return None, lines

    def _refill(self) -> bool:
        if self._pos < len(self._current):
            return True
        found = next(self._blocks, None)
        if found is None:
            return False
        self._text, self._current = found
        self._pos = 0
        return True

    def block(self) -> tuple[str, list[str]] | None:
        """The next whole block, as text and lines, if it is plain (else None: ``pull`` its
        lines)."""
        if self._refill() and self._text is not None and self._pos == 0:
            self._pos = len(self._current)
            self.number += self._pos
            return self._text, self._current
        return None

    def pull(self) -> str | None:
        """The next line, or None at the end."""
        if not self._refill():
            return None
        line = self._current[self._pos]
        self._pos += 1
        self.number += 1
        return line

    def more(self) -> Iterator[str]:
        """The following lines, for the csv module reading a quoted cell on."""
        while (line := self.pull()) is not None:
            yield line

    def at_end(self) -> bool:
        return not self._refill()


def _csv_text(value: Any, delimiter: str) -> str:
    """One added cell as CSV text (quoted only when it must be)."""
    from npkit.output.values import text_value

    text = text_value(value)
    if delimiter in text or '"' in text or "\n" in text or "\r" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def _pattern_field(pattern: str) -> Callable[[date, dates.BSDate], str]:
    def formatted(day: date, bs: dates.BSDate) -> str:
        return dates.format_bs(bs, pattern, day.weekday())

    return formatted


class _CellConverter:
    """A date cell → the values added for it (memoised: spreadsheets repeat dates)."""

    def __init__(
        self, fields: Sequence[str], reading: Reading, pattern: str | None, bad: BadInput
    ) -> None:
        self.names = list(fields)
        functions = field_functions([n for n in fields if n != "pattern"])
        self.functions: list[Callable[[date, dates.BSDate], Any]] = []
        for name in fields:
            if name == "pattern":
                if pattern is None:
                    raise UsageError("the field 'pattern' needs -p/--pattern PATTERN")
                self.functions.append(_pattern_field(pattern))
            else:
                self.functions.append(functions.pop(0))
        if pattern is not None:
            dates.format_bs(dates.BSDate(2081, 8, 11), pattern, 1)  # a bad pattern fails first
        self.reading = reading
        self.bad = bad
        self.empty: tuple[Any, ...] = ("",) * len(fields)
        self.failed: tuple[Any, ...] = (None,) * len(fields)
        self.memo: dict[str, tuple[Any, ...]] = {"": self.empty}
        self.unverified = _UnverifiedYearWarning()

    def quiet_values(self, cell: str) -> tuple[Any, ...] | None:
        """The added values of a cell, or None when its date is bad (nothing reported)."""
        text = cell.strip()
        if not text:
            return self.empty
        try:
            day, bs = self.reading.day(text)
        except UsageError:
            return None
        self.unverified.check(bs)
        return tuple(function(day, bs) for function in self.functions)

    def values(self, cell: str, where: str, line_no: int) -> tuple[Any, ...]:
        found = self.memo.get(cell)
        if found is not None:
            return found
        text = cell.strip()
        if not text:
            return self.empty
        try:
            day, bs = self.reading.day(text)
            self.unverified.check(bs)
            values = tuple(function(day, bs) for function in self.functions)
        except UsageError as exc:
            self.bad.report(exc, line_no, where)
            return self.failed
        if len(self.memo) >= MEMO_LIMIT:
            self.memo.clear()
        self.memo[cell] = values
        return values


def parse_delimiter(text: str | None) -> str:
    """``--delimiter``: one character; ``tab`` or ``\\t`` for a tab."""
    if text is None:
        return ","
    if text.lower() in ("tab", "\\t"):
        return "\t"
    if len(text) != 1 or text in ('"', "\r", "\n"):
        raise UsageError(f"--delimiter must be one character such as , ; or tab, not {text!r}")
    return text


def _missing_column(column: str, header: list[str], delimiter: str, where: str) -> UsageError:
    from npkit.text import quote

    joined = delimiter.join(header)
    message = f"{where}no column {column!r} in the CSV header {quote(joined)}"
    if len(header) == 1:
        guesses = [d for d in (";", "\t", "|", ",") if d != delimiter and d in header[0]]
        if guesses:
            shown = "tab" if guesses[0] == "\t" else guesses[0]
            return UsageError(
                f"{message}: it has one column when read with delimiter {delimiter!r}; "
                f"is the file {shown!r}-separated? use --delimiter '{shown}'"
            )
    return UsageError(f"{message}; columns: {','.join(header)}")


def convert_csv(
    sources: Sequence[CsvSource],
    columns: Sequence[str],
    spec: OutputSpec,
    fields: Sequence[str],
    *,
    reading: Reading | None = None,
    pattern: str | None = None,
    delimiter: str = ",",
    keep_going: bool = False,
    stream: IO[str] | None = None,
) -> BulkResult:
    """Read CSV and write every row back with ``<column>_<field>`` added for each column.

    CSV output keeps every input line as it was (quoting, a UTF-8 BOM, CRLF line ends, blank
    lines) and appends the added cells; json, ndjson and tsv rows use the header as keys.
    Empty cells stay empty. A bad cell or an undecodable line stops the run naming its line,
    or with ``keep_going`` is reported and left empty: output rows stay aligned with input rows.
    Several sources must share the header (it is written once).
    """
    import sys

    if not sources:
        raise UsageError("no CSV input")
    out = stream if stream is not None else sys.stdout
    bad = BadInput(keep_going)
    cells = _CellConverter(fields, reading or Reading(), pattern, bad)
    result = BulkResult()
    state: dict[str, Any] = {}
    csv.field_size_limit(max(csv.field_size_limit(), CSV_FIELD_LIMIT))
    try:
        for source in sources:
            _convert_csv_source(source, columns, spec, fields, cells, delimiter, out, state, result)
    finally:
        writer = state.get("writer")
        if writer is not None:
            result.rows = writer.rows_written
            writer.close()
        result.bad = bad.count
        out.flush()
    return result


def _convert_csv_source(
    source: CsvSource,
    columns: Sequence[str],
    spec: OutputSpec,
    fields: Sequence[str],
    cells: _CellConverter,
    delimiter: str,
    out: IO[str],
    state: dict[str, Any],
    result: BulkResult,
) -> None:
    where = f"{source.name}: " if source.name else ""
    lines = _Lines(source.stream)
    first = lines.pull()
    if first is None or not first.strip(BOM + "\r"):
        raise UsageError(f"{where}CSV input is empty (expected a header row)")
    had_bom = first.startswith(BOM)
    header_raw, header = _logical_row(first.removeprefix(BOM), lines, delimiter)
    if 1 in lines.undecodable:
        raise UsageError(f"{where}line 1 (the header): not UTF-8 text")
    if "header" in state:
        if header != state["header"]:
            raise UsageError(f"{where}the header differs from the first file's: {header!r}")
    else:
        for column in columns:
            if column not in header:
                raise _missing_column(column, header, delimiter, where)
        state["header"] = header
        added = [f"{column}_{name}" for column in columns for name in fields]
        if spec.format == "csv":
            body, end = _split_end(header_raw)
            suffix = "".join(delimiter + _csv_text(name, delimiter) for name in added)
            out.write((BOM if had_bom else "") + body + suffix + end)
            state["writer"] = None
        else:
            if had_bom and spec.format == "tsv":
                out.write(BOM)
            state["writer"] = RowWriter(spec, [*header, *added], out)
    rows = _CsvRows(lines, state["header"], columns, cells, delimiter, where, result)
    if state["writer"] is None:
        rows.write_csv(out)
    else:
        rows.write_records(state["writer"])


def _split_end(raw: str) -> tuple[str, str]:
    """A row's text and its line end (CRLF, LF; none is written as LF)."""
    if raw.endswith("\r"):
        return raw[:-1], "\r\n"
    return raw, "\n"


def _logical_row(line: str, lines: _Lines, delimiter: str) -> tuple[str, list[str]]:
    """The raw text (without its last ``\n``) and cells of the row starting with ``line``; a
    quoted cell may hold line ends: the csv module then reads on into the next lines."""
    if '"' not in line:
        return line, line.rstrip("\r").split(delimiter)
    consumed = [line + "\n"]

    def feed() -> Iterator[str]:
        yield consumed[0]
        for following in lines.more():
            consumed.append(following + "\n")
            yield following + "\n"

    try:
        row = next(csv.reader(feed(), delimiter=delimiter), [])
    except csv.Error as exc:
        raise UsageError(f"unreadable CSV ({exc})") from None
    if row and row[-1].endswith("\r"):
        row[-1] = row[-1][:-1]
    return "".join(consumed)[:-1], row


class _CsvRows:
    """The data rows of one CSV source, converted and written in one of two shapes."""

    def __init__(
        self,
        lines: _Lines,
        header: list[str],
        columns: Sequence[str],
        cells: _CellConverter,
        delimiter: str,
        where: str,
        result: BulkResult,
    ) -> None:
        self.lines = lines
        self.width = len(header)
        self.indexes = [header.index(column) for column in columns]
        self.cells = cells
        self.delimiter = delimiter
        self.where = where
        self.result = result
        self.suffixes: dict[str, str] = {}  # cell text → its added cells as CSV text
        self.empty_row = delimiter * (self.width - 1 + len(cells.names) * len(self.indexes))
        self._ended: dict[str, dict[str, str]] = {}  # line end → cell → added cells + end

    def _suffix(self, cell: str, line_no: int) -> str:
        found = self.suffixes.get(cell)
        if found is None:
            values = self.cells.values(cell, self.where, line_no)
            found = "".join(self.delimiter + _csv_text(v, self.delimiter) for v in values)
            if values is not self.cells.failed:
                if len(self.suffixes) >= MEMO_LIMIT:
                    self.suffixes.clear()
                self.suffixes[cell] = found
        return found

    def write_csv(self, out: IO[str]) -> None:
        """CSV to CSV: every line written as it was read, the added cells appended (before a
        CRLF); blank lines stay blank, a bad line kept going becomes an empty row."""
        lines = self.lines
        pieces: list[str] = []
        try:
            while not lines.at_end():
                found = lines.block()
                if found is None:
                    line = lines.pull()
                    assert line is not None
                    out.write("".join(pieces))  # in order with a warning about this line
                    pieces.clear()
                    out.write(self._csv_line(line))
                    continue
                text, block = found
                if not self._fast_block(text, block, pieces):
                    before = lines.number - len(block)
                    self.result.lines += len(block)
                    for number, line in enumerate(block, before + 1):
                        out.write("".join(pieces))
                        pieces.clear()
                        out.write(self._csv_line(line, number, counted=True))
                if len(pieces) >= 4096:
                    out.write("".join(pieces))
                    pieces.clear()
        except UsageError:
            out.write("".join(pieces))  # the rows before the bad one
            raise
        if pieces and lines.ended:  # no line end after the last line: none added either
            last = pieces[-1]
            pieces[-1] = last[:-2] if last.endswith("\r\n") else last[:-1]
        out.write("".join(pieces))

    def _fast_block(self, text: str, block: list[str], pieces: list[str]) -> bool:
        """The hot path, in C-level passes: a block of plain lines (no quotes, no bad bytes,
        no blank line, every row exactly as wide as the header, one kind of line end) whose
        dates all read. False: nothing written, take the general path."""
        from itertools import repeat

        delimiter, width = self.delimiter, self.width
        if len(self.indexes) != 1 or (width == 1 and "" in block):
            return False
        end = "\n"
        if "\r" in text:
            text = text.replace("\r\n", "\n")
            if not text.endswith("\r") or "\r" in text[:-1]:
                return False  # mixed or lone CRs
            text, end = text[:-1], "\r\n"
            block = text.split("\n")
        if set(map(str.count, block, repeat(delimiter))) != {width - 1}:
            return False  # a short or long row: the general path pads or refuses it
        # Every line has `width` cells, so the block's cells, flattened, are in row order.
        if width == 1:
            dated = block
        else:
            flat = text.replace("\n", delimiter).split(delimiter)
            dated = flat[self.indexes[0] :: width]
        ended = self._ended.setdefault(end, {})
        try:
            added = list(map(ended.__getitem__, dated))
        except KeyError:
            if len(ended) >= MEMO_LIMIT:
                ended.clear()
            for cell in set(dated).difference(ended):
                values = self.cells.quiet_values(cell)
                if values is None:
                    return False  # a bad date: the general path reports it on its line
                ended[cell] = "".join(delimiter + _csv_text(v, delimiter) for v in values) + end
            added = list(map(ended.__getitem__, dated))
        parts: list[str] = [""] * (2 * len(block))
        parts[::2] = block
        parts[1::2] = added
        pieces.append("".join(parts))
        self.result.lines += len(block)
        return True

    def _csv_line(self, line: str, line_no: int | None = None, counted: bool = False) -> str:
        """One row by the general rules (``line`` starts it; a quoted cell may read on)."""
        if not counted:
            self.result.lines += 1
        number = self.lines.number if line_no is None else line_no
        try:
            raw, row = _logical_row(line, self.lines, self.delimiter)
            if not raw or raw == "\r":
                return raw + "\n"  # a blank line stays a blank line
            if number in self.lines.undecodable:
                raise UsageError("not UTF-8 text")
            if len(row) > self.width:
                raise UsageError(f"{len(row)} cells but the header has {self.width}")
        except UsageError as exc:
            self.cells.bad.report(exc, number, self.where)
            return self.empty_row + "\n"
        missing = self.width - len(row)
        row += [""] * missing
        suffix = "".join(self._suffix(row[i], number) for i in self.indexes)
        body, end = _split_end(raw)
        return body + self.delimiter * missing + suffix + end

    def write_records(self, writer: RowWriter) -> None:
        """CSV to json, ndjson or tsv: one record per row, keyed by the header; a blank line
        is skipped (kept going: an empty record, for alignment)."""
        blank = (None,) * (self.width + len(self.cells.names) * len(self.indexes))
        lines, cells = self.lines, self.cells
        while (line := lines.pull()) is not None:
            self.result.lines += 1
            number = lines.number
            try:
                raw, row = _logical_row(line, lines, self.delimiter)
                if not raw.strip("\r"):
                    if cells.bad.keep_going:
                        writer.write(blank)
                    continue
                if number in lines.undecodable:
                    raise UsageError("not UTF-8 text")
                if len(row) > self.width:
                    raise UsageError(f"{len(row)} cells but the header has {self.width}")
            except UsageError as exc:
                cells.bad.report(exc, number, self.where)
                writer.write(blank)
                continue
            row += [""] * (self.width - len(row))
            values = [v for i in self.indexes for v in cells.values(row[i], self.where, number)]
            writer.write([*row, *values])


# ---------------------------------------------------------------- stdin for people: -p, table


def write_patterns(
    source: BinaryIO, pattern: str, reading: Reading, keep_going: bool, stream: IO[str]
) -> BulkResult:
    """``npkit date convert -p PATTERN -``: one line of text per input line, as lines arrive
    (an empty line for a bad one kept going)."""
    dates.format_bs(dates.BSDate(2081, 8, 11), pattern, 1)  # a bad pattern fails before input
    bad = BadInput(keep_going)
    result = BulkResult()
    memo: dict[tuple[date, dates.BSDate], str] = {}
    try:
        for found in read_days(source, reading, bad):
            if found is None:
                stream.write("\n")
            else:
                text = memo.get(found)
                if text is None:
                    text = dates.format_bs(found[1], pattern, found[0].weekday())
                    if len(memo) < MEMO_LIMIT:
                        memo[found] = text
                stream.write(text + "\n")
            result.rows += 1
            stream.flush()  # a line per date as it arrives (people watch, pipes stream)
    finally:
        result.bad = bad.count
        stream.flush()
    return result


def write_table(
    source: BinaryIO, spec: OutputSpec, reading: Reading, keep_going: bool, stream: IO[str]
) -> BulkResult:
    """``npkit date convert -`` as a table: drawn once the input ends, if it has at most
    ``TABLE_ROWS`` rows; past that the rows are streamed as tsv (a warning says so), so a
    table of unbounded input never holds it all in memory."""
    from npkit.output import render_rows

    columns = day_columns(spec)
    functions = field_functions(columns)
    bad = BadInput(keep_going)
    empty = ("",) * len(columns)
    rows: list[tuple[Any, ...]] = []
    writer: RowWriter | None = None
    result = BulkResult()
    try:
        for found in read_days(source, reading, bad):
            row = empty if found is None else tuple(f(found[0], found[1]) for f in functions)
            if writer is not None:
                writer.write(row)
                continue
            rows.append(row)
            if len(rows) > TABLE_ROWS:
                console.warn(
                    f"date: more than {TABLE_ROWS:,} dates: writing tsv instead of a table "
                    "(choose with -f csv|tsv|json|ndjson)"
                )
                writer = RowWriter(OutputSpec("tsv"), columns, stream)
                writer.write_encoded([writer.encode(r) for r in rows])
                rows = []
        if writer is None:
            result.rows = render_rows(rows, spec, columns, stream)
    finally:
        if writer is not None:
            result.rows = writer.rows_written
            writer.close()
        result.bad = bad.count
    return result
