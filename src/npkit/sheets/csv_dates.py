"""CSV mode of ``npkit date convert --column``: columns of dates in CSV files or stdin, written
back with fields added after each row, every input byte kept (BOM, CRLF, quoting, blank lines).

The reading rules and the keep-going rule are the line mode's (``npkit.sheets.bulk``), the
fields the day vocabulary's (``npkit.days``); this module adds what CSV needs: sources,
delimiters, logical rows whose cells may hold line breaks, and a per-cell memo.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date
from typing import IO, TYPE_CHECKING, Any, BinaryIO

from npkit import dates, progress
from npkit.dates import Reading
from npkit.days import field_functions
from npkit.errors import UsageError
from npkit.output import OutputSpec, RowWriter
from npkit.sheets.bulk import (
    MEMO_LIMIT,
    PROGRESS,
    BadInput,
    BulkResult,
    UnverifiedYearWarning,
    read_chunks,
    report_rows,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from npkit.days.fields import Scopes
    from npkit.sheets.csv_records import RowShape


BOM = "\ufeff"
WRITE_BLOCKS = 4
"""Blocks of converted rows (~64 KiB each) held before they are written."""
WRITE_ROWS = 1024
"""Records (json, ndjson, tsv) held before they are written."""
CSV_FIELD_LIMIT = 1 << 26
"""Largest quoted CSV cell read (64 MiB; the csv module's own default is 128 KiB, which real
spreadsheets exceed with long notes). Unquoted cells have no limit but the line's."""


@dataclass(frozen=True)
class CsvSource:
    """One CSV input: its bytes and its name in messages ('' for stdin)."""

    stream: BinaryIO
    name: str = ""


def open_sources(names: Sequence[str], stack: ExitStack, stdin: BinaryIO) -> list[CsvSource]:
    """The CSV inputs named (``-`` is ``stdin``; none given: stdin), each file opened in
    ``stack``; a file that cannot be read is a UsageError naming it."""
    sources = []
    for name in names or ("-",):
        if name == "-":
            sources.append(CsvSource(stdin))
            continue
        try:
            handle = stack.enter_context(open(name, "rb"))  # noqa: SIM115 (the stack closes it)
        except OSError as exc:
            raise UsageError(f"cannot read {name!r}: {exc.strerror}") from None
        sources.append(CsvSource(handle, name))
    return sources


def added_fields(
    columns: Sequence[str], fields: Sequence[str], pattern: str | None, assume: str | None
) -> list[str]:
    """The fields added for each date column: ``fields`` (``--add``/``--fields``), else the
    pattern's text, else the other calendar's date. A column named twice, an unknown field or
    a pattern not asked for as the field ``pattern`` is a UsageError."""
    from npkit.days import FIELD_NAMES

    repeated = sorted({name for name in columns if columns.count(name) > 1})
    if repeated:
        raise UsageError(f"--column {repeated[0]!r} is given twice")
    names = list(fields) or (["pattern"] if pattern else ["ad" if assume == "bs" else "bs"])
    valid = (*FIELD_NAMES, "pattern")
    unknown = [name for name in names if name not in valid]
    if unknown:
        raise UsageError(f"unknown field {unknown[0]!r}; valid fields: {','.join(valid)}")
    if pattern is not None and "pattern" not in names:
        raise UsageError("-p in CSV mode is the added field 'pattern': add it to --fields")
    return names


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
        for chunk in read_chunks(source):
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

    def bad_since(self, first: int) -> bool:
        """Whether a line from ``first`` to the last handed out was not UTF-8 (a quoted cell
        may carry a row over several lines)."""
        return bool(self.undecodable) and any(
            number in self.undecodable for number in range(first, self.number + 1)
        )


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


class MemoCells:
    """What the CSV engine asks of a cell converter (dates here, amounts in
    ``npkit.sheets.amounts``): the added field names and the values added for a cell, with the
    memo and the bad-cell rule both kinds share. A subclass says how a cell's
    text becomes its added values (``convert_text``, a UsageError when it cannot), and sets
    ``names``, ``bad``, ``empty`` and ``failed``. Spreadsheets repeat their dates and amounts,
    so each text is converted once (up to ``MEMO_LIMIT`` kept)."""

    names: list[str]
    bad: BadInput
    empty: tuple[Any, ...]
    failed: tuple[Any, ...]
    memo: dict[str, tuple[Any, ...]]

    def convert_text(self, text: str) -> tuple[Any, ...]:
        raise NotImplementedError

    def _checked_values(self, cell: str) -> tuple[Any, ...]:
        """The added values of a cell (remembered); a bad one raises its UsageError."""
        found = self.memo.get(cell)
        if found is not None:
            return found
        text = cell.strip()
        if not text:
            return self.empty
        return self._remember(cell, self.convert_text(text))

    def quiet_values(self, cell: str) -> tuple[Any, ...] | None:
        """The added values of a cell, or None when it is bad (nothing reported)."""
        try:
            return self._checked_values(cell)
        except UsageError:
            return None

    def values(self, cell: str, where: str, line_no: int) -> tuple[Any, ...]:
        """The added values of a cell; a bad one is reported (its line) and ``failed``."""
        try:
            return self._checked_values(cell)
        except UsageError as exc:
            self.bad.report(exc, line_no, where)
            return self.failed

    def _remember(self, cell: str, values: tuple[Any, ...]) -> tuple[Any, ...]:
        if len(self.memo) >= MEMO_LIMIT:
            self.memo.clear()
        self.memo[cell] = values
        return values


class _CellConverter(MemoCells):
    """A date cell → the values added for it (memoised: spreadsheets repeat dates)."""

    def __init__(
        self,
        fields: Sequence[str],
        reading: Reading,
        pattern: str | None,
        bad: BadInput,
        scopes: Scopes = None,
    ) -> None:
        self.names = list(fields)
        functions = field_functions([n for n in fields if n != "pattern"], scopes)
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
        self.unverified = UnverifiedYearWarning()

    def convert_text(self, text: str) -> tuple[Any, ...]:
        day, bs = self.reading.day(text)
        self.unverified.check(bs)
        return tuple(function(day, bs) for function in self.functions)


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
    scopes: Scopes = None,
) -> BulkResult:
    """Read CSV and write every row back with ``<column>_<field>`` added for each column
    (``scopes``: whose ``day_off``, default everyone: an attendance sheet's "day off?").

    CSV output keeps every input line as it was (quoting, a UTF-8 BOM, CRLF line ends, blank
    lines) and appends the added cells; json, ndjson and tsv rows use the header as keys.
    Empty cells stay empty. A bad cell or an undecodable line stops the run naming its line,
    or with ``keep_going`` is reported and left empty: output rows stay aligned with input rows.
    Several sources must share the header (it is written once).
    """

    if not sources:
        raise UsageError("no CSV input")
    cells = _CellConverter(fields, reading or Reading(), pattern, BadInput(keep_going), scopes)
    return run_csv(sources, columns, spec, cells, delimiter, stream)


def run_csv(
    sources: Sequence[CsvSource],
    columns: Sequence[str],
    spec: OutputSpec,
    cells: MemoCells,
    delimiter: str,
    stream: IO[str] | None,
) -> BulkResult:
    """The CSV engine both kinds of cells share (dates here, amounts in ``sheets.amounts``):
    every source in turn, one header, the rows written as they are read, a bad row's bytes
    kept as they came."""
    import sys

    from npkit.sheets.csv_records import KeptBytes

    target = stream if stream is not None else sys.stdout
    out: Any = KeptBytes(target)  # a bad row's bytes go back as they came
    result = BulkResult()
    state: dict[str, Any] = {}
    csv.field_size_limit(max(csv.field_size_limit(), CSV_FIELD_LIMIT))
    try:
        for source in sources:
            _convert_csv_source(
                source, columns, spec, cells.names, cells, delimiter, out, state, result
            )
    finally:
        writer = state.get("writer")
        if writer is not None:
            result.rows = writer.rows_written
            writer.close()
        result.bad = cells.bad.count
        target.flush()
    return result


def _convert_csv_source(
    source: CsvSource,
    columns: Sequence[str],
    spec: OutputSpec,
    fields: Sequence[str],
    cells: MemoCells,
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
        if spec.kind.echoes_csv:
            body, end = _split_end(header_raw)
            suffix = "".join(delimiter + _csv_text(name, delimiter) for name in added)
            out.write((BOM if had_bom else "") + body + suffix + end)
            state["writer"] = None
        else:
            if had_bom and spec.kind.delimiter:
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


class _Unreadable(UsageError):
    """A row the csv module refused; ``raw`` is the text it read."""

    def __init__(self, message: str, raw: str) -> None:
        super().__init__(message)
        self.raw = raw


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
        raise _Unreadable(f"unreadable CSV ({exc})", "".join(consumed)[:-1]) from None
    if row and row[-1].endswith("\r"):
        row[-1] = row[-1][:-1]
    return "".join(consumed)[:-1], row


def _checked_row(
    line: str, lines: _Lines, delimiter: str, number: int, width: int
) -> tuple[str, list[str], UsageError | None]:
    """The raw text and cells of the row starting with ``line`` (line ``number``), and what
    makes it a bad row, if anything: bytes that are not UTF-8, more cells than the header,
    unreadable quoting (then its cells are its text split at the delimiter)."""
    try:
        raw, row = _logical_row(line, lines, delimiter)
    except _Unreadable as exc:
        return exc.raw, exc.raw.rstrip("\r").split(delimiter), exc
    if lines.bad_since(number):
        return raw, row, UsageError("not UTF-8 text")
    if len(row) > width:
        return raw, row, UsageError(f"{len(row)} cells but the header has {width}")
    return raw, row, None


class _CsvRows:
    """The data rows of one CSV source, converted and written in one of two shapes."""

    def __init__(
        self,
        lines: _Lines,
        header: list[str],
        columns: Sequence[str],
        cells: MemoCells,
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
        # line end (csv) or record kind (json, tsv) → cell → its added cells and the row's end
        self._ended: dict[str, dict[str, str]] = {}

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
                if len(pieces) >= WRITE_BLOCKS:  # written as it goes: memory stays flat
                    out.write("".join(pieces))
                    pieces.clear()
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
                report_rows(lines.number)
        except UsageError:
            out.write("".join(pieces))  # the rows before the bad one
            raise
        finally:
            progress.end(PROGRESS)
        if pieces and lines.ended:  # no line end after the last line: none added either
            last = pieces[-1]
            pieces[-1] = last[:-2] if last.endswith("\r\n") else last[:-1]
        out.write("".join(pieces))

    def _plain(self, text: str, block: list[str]) -> tuple[str, list[str], str, list[str]] | None:
        """A block whose rows are all plain (one date column, one kind of line end, no blank
        line, every row exactly as wide as the header) as its text and lines without CRs,
        its line end and its cells flattened in row order; None if it is not."""
        from itertools import repeat

        delimiter, width = self.delimiter, self.width
        if len(self.indexes) != 1 or (width == 1 and "" in block):
            return None
        end = "\n"
        if "\r" in text:
            text = text.replace("\r\n", "\n")
            if not text.endswith("\r") or "\r" in text[:-1]:
                return None  # mixed or lone CRs
            text, end = text[:-1], "\r\n"
            block = text.split("\n")
        if set(map(str.count, block, repeat(delimiter))) != {width - 1}:
            return None  # a short or long row: the general path pads or refuses it
        # Every line has `width` cells, so the block's cells, flattened, are in row order.
        flat = block if width == 1 else text.replace("\n", delimiter).split(delimiter)
        return text, block, end, flat

    def _fast_block(self, text: str, block: list[str], pieces: list[str]) -> bool:
        """The hot path, in C-level passes: a block of plain lines (no quotes, no bad bytes,
        no blank line, every row exactly as wide as the header, one kind of line end) whose
        dates all read. False: nothing written, take the general path."""
        plain = self._plain(text, block)
        if plain is None:
            return False
        text, block, end, flat = plain
        delimiter, width = self.delimiter, self.width
        added = self._added(
            flat[self.indexes[0] :: width],
            self._ended.setdefault(end, {}),
            lambda values: "".join(delimiter + _csv_text(v, delimiter) for v in values) + end,
        )
        if added is None:
            return False  # a bad date: the general path reports it on its line
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
        raw, row, problem = _checked_row(line, self.lines, self.delimiter, number, self.width)
        if not raw or raw == "\r":
            return raw + "\n"  # a blank line stays a blank line
        missing = max(self.width - len(row), 0)
        if problem is None:
            row += [""] * missing
            suffix = "".join(self._suffix(row[i], number) for i in self.indexes)
        else:  # the row as it came, byte for byte, its added cells empty
            self.cells.bad.report(problem, number, self.where)
            suffix = self.delimiter * (len(self.cells.names) * len(self.indexes))
        body, end = _split_end(raw)
        return body + self.delimiter * missing + suffix + end

    def write_records(self, writer: RowWriter) -> None:
        """CSV to json, ndjson, tsv or raw: one record per row, keyed by the header, written in
        batches; a blank line is skipped (kept going: an empty record, for alignment)."""
        from npkit.sheets.csv_records import RowShape

        lines = self.lines
        shape = RowShape(writer, self.width) if len(self.indexes) == 1 else None
        fast = shape is not None and shape.kind != ""
        batch: list[str] = []

        def flush() -> None:
            writer.write_encoded(batch)
            batch.clear()

        try:
            while not lines.at_end():
                if len(batch) >= WRITE_ROWS:
                    flush()
                found = lines.block() if fast else None
                if found is None:
                    line = lines.pull()
                    assert line is not None
                    self._record(line, lines.number, writer, batch, flush)
                    continue
                text, block = found
                assert shape is not None
                if not self._fast_records(shape, text, block, writer, batch):
                    before = lines.number - len(block)
                    for number, line in enumerate(block, before + 1):
                        self._record(line, number, writer, batch, flush)
                report_rows(lines.number)
        finally:
            flush()  # the rows before a bad one that stopped the run
            progress.end(PROGRESS)

    def _added(
        self, dated: list[str], memo: dict[str, str], text: Callable[[Any], str]
    ) -> list[str] | None:
        """What each dated cell adds to its row, from ``memo`` (cell → text, filled here with
        ``text(values)`` for the cells it lacks); None when a date does not read."""
        try:
            return list(map(memo.__getitem__, dated))
        except KeyError:
            pass
        if len(memo) >= MEMO_LIMIT:
            memo.clear()
        for cell in set(dated).difference(memo):
            values = self.cells.quiet_values(cell)
            if values is None:
                return None
            memo[cell] = text(values)
        return list(map(memo.__getitem__, dated))

    def _fast_records(
        self, shape: RowShape, text: str, block: list[str], writer: RowWriter, batch: list[str]
    ) -> bool:
        """``_fast_block`` for records: False (nothing written) unless every row is plain, no
        cell needs escaping and every date reads; True: the block is written (after
        ``batch``)."""
        plain = self._plain(text, block)
        if plain is None:
            return False
        text, block, _, flat = plain
        suffixes = self._added(
            flat[self.indexes[0] :: self.width],
            self._ended.setdefault(shape.kind, {}),
            shape.suffix,
        )
        if suffixes is None:
            return False  # a bad date: the general path reports it on its line
        rows = shape.rows(text, flat, suffixes, self.delimiter)
        if rows is None:
            return False
        writer.write_encoded(batch)
        batch.clear()
        writer.write_joined(rows, len(block))
        self.result.lines += len(block)
        return True

    def _record(
        self,
        line: str,
        number: int,
        writer: RowWriter,
        batch: list[str],
        flush: Callable[[], None],
    ) -> None:
        """One row by the general rules; a bad row keeps its cells, its added cells empty."""
        from npkit.sheets.csv_records import escape_undecoded

        self.result.lines += 1
        cells, width = self.cells, self.width
        raw, row, problem = _checked_row(line, self.lines, self.delimiter, number, width)
        added = len(cells.names) * len(self.indexes)
        if not raw.strip("\r"):
            if cells.bad.keep_going:
                batch.append(writer.encode((None,) * (width + added)))
            return
        row += [""] * (width - len(row))
        if problem is None:
            values: list[Any] = []
            for index in self.indexes:
                found = cells.memo.get(row[index])
                if found is None and cells.quiet_values(row[index]) is None:
                    flush()  # the rows before it come before its warning (or error)
                values.extend(found or cells.values(row[index], self.where, number))
            batch.append(writer.encode([*row, *values]))
            return
        flush()
        cells.bad.report(problem, number, self.where)
        if len(row) > width:  # the extra cells stay in the last column, delimiter and all
            row[width - 1 :] = [self.delimiter.join(row[width - 1 :])]
        empty = [None] * added
        encoded = writer.encode([*row, *empty])
        batch.append(escape_undecoded(encoded) if writer.kind.json_values else encoded)
