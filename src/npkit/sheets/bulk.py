"""Bulk date conversion: one date per line, streamed in constant memory (CSV columns:
``npkit.sheets.csv_dates``, built on the reading and keep-going rules here).

Input is read in chunks of whatever is available (``os.read``), so a slow producer still gets
each line converted as it arrives, and a fast one gets ~64 KiB per system call. Each distinct
input line is converted and encoded once; repeats are a dictionary lookup. The memo is bounded
(cleared past ``MEMO_LIMIT`` entries; bad lines are never memoised).
"""

from __future__ import annotations

import io
import os
from datetime import date
from itertools import islice, repeat

from npkit import dates, logs, progress
from npkit.dates import Reading
from npkit.days import CONVERT_FIELDS, FIELD_NAMES, field_functions
from npkit.errors import UsageError
from npkit.output import OutputSpec, RowWriter
from npkit.sheets import halves, isodays

TYPE_CHECKING = False  # typing, and dataclasses with inspect, cost a bulk run ~30 ms to import
if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from typing import IO, Any, BinaryIO

    from npkit.days.fields import Scopes

CHUNK_SIZE = 1 << 16
TABLE_ROWS = 10_000
"""A table of stdin is drawn from memory (its widths need every row); past this many rows the
rest is streamed as tsv instead, with a warning, so memory stays flat."""
MEMO_LIMIT = 1 << 17
PREFILL_AFTER = 512  # distinct ISO dates seen before filling the memo for every supported day
PROGRESS = "converting"
PROGRESS_AFTER = 10_000
"""Rows read before a bulk run reports its progress to ``npkit.progress`` (``converting:
120,000 rows``), once a chunk: a short input never shows a line, a long one costs nothing."""


def report_rows(rows: int) -> None:
    """Tell ``npkit.progress`` how many rows a bulk run has read (past ``PROGRESS_AFTER``)."""
    if rows >= PROGRESS_AFTER and progress.listening():
        progress.step(PROGRESS, rows, None, "rows", streaming=True)


class BulkResult:
    """What a bulk run saw: lines read, rows written, lines refused. (A plain class with a
    dataclass's manners: equality and repr by its three counts.)"""

    __slots__ = ("bad", "lines", "rows")

    def __init__(self, lines: int = 0, rows: int = 0, bad: int = 0) -> None:
        self.lines = lines
        self.rows = rows
        self.bad = bad

    def _values(self) -> tuple[int, int, int]:
        return self.lines, self.rows, self.bad

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    __hash__ = None  # type: ignore[assignment]  # mutable, as a dataclass with eq

    def __repr__(self) -> str:
        return f"BulkResult(lines={self.lines}, rows={self.rows}, bad={self.bad})"


def read_chunks(source: BinaryIO, limit: int | None = None) -> Iterator[bytes]:
    """Yield whatever bytes are available, without waiting for a full buffer (at most
    ``limit`` bytes when given: a file's first half, ``npkit.sheets.halves``)."""
    try:
        fd = source.fileno()
    except (AttributeError, OSError, io.UnsupportedOperation):
        fd = None
    if fd is not None and limit is not None:
        while limit > 0 and (chunk := os.read(fd, min(CHUNK_SIZE, limit))):
            limit -= len(chunk)
            yield chunk
        return
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


class BadInput:
    """The one rule for a bad line of bulk input: it stops the run with an error naming its
    line, or, with ``--keep-going``, is logged as a warning, counted, and left empty."""

    def __init__(self, keep_going: bool, topic: str = "date") -> None:
        self.keep_going = keep_going
        self.topic = topic
        self.count = 0

    def report(self, exc: UsageError, line_no: int, where: str = "") -> None:
        """Raise, or log a warning and count (the caller then writes an empty row). ``where``
        names the file (``sales.csv: ``) when there is one."""
        message = str(exc) if str(exc).startswith("line ") else f"line {line_no}: {exc}"
        message = where + message
        if not self.keep_going:
            raise UsageError(message) from None
        self.count += 1
        import sys

        sys.stdout.flush()  # the rows before it come first when both streams are one
        logs.warn(__name__, f"{self.topic}: {message} (left empty)")


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
            found = reading.day(text)
            dates.warn_unverified(found[1].year)
            yield found
        except UsageError as exc:
            bad.report(exc, line_no)
            yield None


def _raw_lines(source: BinaryIO) -> Iterator[bytes]:
    """The lines of ``source`` (without their ``\n``) as they arrive."""
    for block in _blocks(source):
        yield from _split_block(block)


_from_iso = date.fromisoformat
_ordinal = date.toordinal


def _iso_lines(block: bytes) -> list[str] | None:
    """The lines of ``block`` when every one is ``YYYY-MM-DD`` with digits around the dashes
    not yet checked (ASCII, ending in ``\n``); else None. Checked for the whole block at once
    (``isodays.count_lines``), so only that layout reaches ``date.fromisoformat``."""
    if not block.isascii() or not isodays.count_lines(block):
        return None
    lines = block.decode("ascii").split("\n")
    lines.pop()  # after the last newline
    return lines


class _Miss(Exception):
    """A line not in the memo yet (raised by ``_Memo`` to leave the fast path)."""


class _Memo(dict[bytes, str]):
    """Raw input line → encoded output row ('' for a blank line)."""

    def __missing__(self, key: bytes) -> str:
        raise _Miss


class _LineConverter:
    """Turns one raw input line into encoded output text ('' for a blank line)."""

    def __init__(
        self, writer: RowWriter, reading: Reading, keep_going: bool, scopes: Scopes = None
    ) -> None:
        self.writer = writer
        self.fields = field_functions(writer.columns, scopes)
        self.reading = reading
        self.assume = reading.assume
        self.bad = BadInput(keep_going)
        self.blank = self.writer.encode((None,) * len(writer.columns)) if keep_going else ""
        # The prefilled day table is keyed by ISO text read the plain way, and has only the
        # record's own fields: any other reading or field goes through convert().
        self.can_prefill = reading.layout is None and all(
            name in dates.DAY_COLUMNS for name in writer.columns
        )
        self.memo = _Memo()
        self.unverified = UnverifiedYearWarning()
        self.misses = 0
        self.prefilled = False
        # The day table (filled by prefill): each supported day's key text and encoded row,
        # in AD order; the rows also by slot when keys are AD (``grid``, for convert_block);
        # days of unverified years held back until the run's warning.
        self.day_keys: list[str] = []
        self.day_rows: list[str] = []
        self.grid: list[str | None] | None = None
        self.held: dict[int, int | None] = {}  # held day's index → its grid slot (AD keys)
        self.memo_filled = False

    def prefill(self) -> None:
        """Encode every supported day once, in the input calendar's ISO text.

        Input with many distinct dates (a long log, a random sample) then never takes the
        parsing path again: ~46,000 rows encoded in one pass are cheaper than parsing them.
        With AD keys the rows go into ``grid``, by slot (``convert_block``); the memo of raw
        lines gets them when a line needs it (``fill_memo``).
        """
        self.prefilled = True
        key_name = "bs" if self.assume == "bs" else "ad"
        names = self.writer.columns
        columns = dates.day_columns(sorted({key_name, *names}))
        self.day_keys = columns[key_name]
        self.day_rows = self.writer.encode_columns([columns[name] for name in names])
        held: list[int] = []
        if not self.unverified.warned:
            first = dates.first_day()[0].toordinal()
            for year in dates.UNVERIFIED_YEARS:
                ordinals = dates.year_ordinals(year)
                held += range(ordinals.start - first, ordinals.stop - first)
        if key_name == "ad":
            keys = "\n".join(self.day_keys).encode("ascii") + b"\n"
            day_slots: list[int] = isodays.slots(keys) or []
            grid: list[str | None] = [None] * isodays.SLOTS
            for slot, row in zip(day_slots, self.day_rows, strict=True):
                grid[slot] = row
            for index in held:
                grid[day_slots[index]] = None
            self.grid = grid
            self.held = {index: day_slots[index] for index in held}
        else:
            self.held = dict.fromkeys(held)

    def fill_memo(self) -> None:
        """Put the day table into the memo of raw lines (once, and only for a line that is not
        answered by ``grid``), but for the days still held."""
        self.memo_filled = True
        self.memo.update(zip(map(str.encode, self.day_keys), self.day_rows, strict=True))
        for index in self.held:
            del self.memo[self.day_keys[index].encode()]

    def release_held(self) -> None:
        """The run's warning about unverified years is given: their days join the tables."""
        for index, slot in self.held.items():
            if self.grid is not None and slot is not None:
                self.grid[slot] = self.day_rows[index]
            if self.memo_filled:
                self.memo[self.day_keys[index].encode()] = self.day_rows[index]
        self.held = {}

    def convert_block(self, block: bytes) -> tuple[list[str], int] | None:
        """The rows of ``block`` (whole lines, each ending in ``\n``), as pieces of about
        ``WRITE_CHARS`` joined by the format's separator, and their count, when every line is
        an ISO AD day (``2024-11-26``) of the day table; else None, and the block takes the
        memo.

        Random days spread over a century (~46,000 distinct keys) make a dictionary of raw
        lines miss the processor's caches on every line; here the block's days are read at
        C speed (``isodays.slots``) and each line costs one index into a list. The table is
        filled here, before any lookup, for a block of at least ``PREFILL_AFTER`` distinct
        days; a day of an unverified year gives the run's warning here, as convert() would.
        """
        if self.assume == "bs" or not self.can_prefill:
            return None
        day_slots = isodays.slots(block)
        if day_slots is None:
            return None
        if self.grid is None:
            if self.prefilled or len(set(day_slots)) < PREFILL_AFTER:
                return None
            self.prefill()
        pieces = self._pieces(day_slots)
        if pieces is None and self.held and not self.unverified.warned:
            found = set(day_slots)
            held = next((i for i, slot in self.held.items() if slot in found), None)
            if held is not None:
                bs = dates.parse_day(self.day_keys[held])[1]
                self.unverified.check(bs)  # the run's one warning, before the block's rows
                self.release_held()
                pieces = self._pieces(day_slots)
        if pieces is None:
            return None  # a day that does not exist (2024-02-30), or outside the table
        return pieces, len(day_slots)

    def _pieces(self, day_slots: list[int]) -> list[str] | None:
        """The rows of ``day_slots`` from the grid, joined a piece at a time; None when one
        has no row (joining None fails: no scan of the rows)."""
        grid: list[str | None] = self.grid  # type: ignore[assignment]
        rows = map(grid.__getitem__, day_slots)
        step = self.writer.rows_per_piece(self.day_rows[0])
        join = self.writer.kind.separator.join
        try:
            return [join(islice(rows, step)) for _ in range(0, len(day_slots), step)]  # type: ignore[arg-type]
        except TypeError:
            return None

    def convert(self, raw: bytes, line_no: int) -> str:
        """The encoded row of one raw line that the memo does not have (yet)."""
        self.misses += 1
        if not self.prefilled and self.misses >= PREFILL_AFTER and self.can_prefill:
            self.prefill()
        if self.prefilled and not self.memo_filled:
            self.fill_memo()
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
        if not self.unverified.warned and self.unverified.check(bs):
            self.release_held()
        encoded = self.writer.encode([field(day, bs) for field in self.fields])
        if len(self.memo) >= MEMO_LIMIT:
            self.memo.clear()
        self.memo[raw] = encoded
        return encoded


class UnverifiedYearWarning:
    """Warns once per run when a converted date falls in a BS year with known-bad data
    (``say`` False: only notes the ``year``, for a second process whose parent warns)."""

    def __init__(self, say: bool = True) -> None:
        self.warned = False
        self.say = say
        self.year = 0  # the first unverified year met

    def check(self, bs: dates.BSDate) -> bool:
        """Warn if ``bs`` is the run's first day of an unverified year; True when it warned."""
        return self.check_year(bs.year)

    def check_year(self, year: int) -> bool:
        """Warn if a day of BS ``year`` is the run's first of an unverified year."""
        if not self.warned and year in dates.UNVERIFIED_YEARS:
            self.warned = True
            self.year = year
            if self.say:
                dates.warn_unverified(year)  # the one rule (once per run)
            return True
        return False


def convert_lines(
    source: BinaryIO,
    spec: OutputSpec,
    columns: Sequence[str],
    *,
    reading: Reading | None = None,
    keep_going: bool = False,
    stream: IO[str] | None = None,
    scopes: Scopes = None,
    second_process: bool = False,
) -> BulkResult:
    """Convert one date per line of ``source`` to records in ``spec.format``, in input order
    (``scopes``: whose ``day_off``, default everyone; ``second_process``: a long regular file
    may be cut in two and its second half converted by a forked child, ``npkit.sheets.halves``:
    the same output, sooner; the CLI asks for it).

    Blank lines are skipped (with ``keep_going``: written as empty rows). A bad line stops the
    run with a UsageError naming its line number, unless ``keep_going``: then it is logged as
    a warning (logger ``npkit.sheets.bulk``) and written as an empty row, so output rows stay
    aligned with input lines. The output document is always closed (valid JSON).
    """
    writer = RowWriter(spec, columns, stream)
    converter = _LineConverter(writer, reading or Reading(), keep_going, scopes)
    result = BulkResult()
    second = halves.start(source, lambda: converter, writer.stream) if second_process else None
    try:
        for block in _blocks(source, second.limit if second else None):
            _write_block(block, result, converter)
            report_rows(result.lines)
        if second is not None:
            progress.end(PROGRESS)  # (a progress line ends before the second half's rows)
            second.finish(converter, result, source)
            for block in _blocks(source):  # what the child did not write
                _write_block(block, result, converter)
                report_rows(result.lines)
    finally:
        if second is not None:
            second.close()
        progress.end(PROGRESS)
        result.bad = converter.bad.count
        result.rows = writer.rows_written
        writer.close()
    return result


def day_columns(spec: OutputSpec) -> tuple[str, ...]:
    """The columns of a converted day: ``--fields`` (any day field), else ``convert``'s."""
    return spec.columns(FIELD_NAMES, CONVERT_FIELDS)


def convert_stdin(
    spec: OutputSpec,
    assume: str | None,
    keep_going: bool,
    reading: Reading | None = None,
    *,
    scopes: Scopes = None,
) -> BulkResult:
    """``npkit date convert -`` in a line format: stdin to stdout, with a closing count logged
    at INFO (the CLI shows it on a terminal or with -v)."""
    import sys

    reading = reading or Reading(assume)
    result = convert_lines(
        sys.stdin.buffer,
        spec,
        day_columns(spec),
        reading=reading,
        keep_going=keep_going,
        stream=sys.stdout,
        scopes=scopes,
        second_process=True,  # a long file: its second half on another core
    )
    logs.note(__name__, f"date: converted {result.rows} dates ({result.bad} bad lines)")
    return result


def _write_block(block: bytes, result: BulkResult, converter: _LineConverter) -> None:
    """Convert and write whole lines (``block`` ends in ``\n``, or is empty)."""
    converted = converter.convert_block(block)
    if converted is None:
        _write_lines(_split_block(block), result, converter)
    else:
        pieces, count = converted
        result.lines += count
        converter.writer.write_pieces(pieces, count)


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
    source: BinaryIO,
    spec: OutputSpec,
    reading: Reading,
    keep_going: bool,
    stream: IO[str],
    scopes: Scopes = None,
) -> BulkResult:
    """``npkit date convert -`` as a table: drawn once the input ends, if it has at most
    ``TABLE_ROWS`` rows; past that the rows are streamed as tsv (a warning says so), so a
    table of unbounded input never holds it all in memory. From the switch on, the rest of
    the input takes the line formats' path (``_LineConverter``: a lookup per line), so a long
    input costs what ``-f tsv`` costs."""
    from npkit.output import render_rows

    table = _TableRows(day_columns(spec), reading, keep_going, scopes)
    result = BulkResult()
    converter: _LineConverter | None = None

    # A long file's second half may go to a child (npkit.sheets.halves), in the tsv the
    # table turns into: it writes only if this process has turned to tsv by then.
    def tsv_converter() -> _LineConverter:
        tsv = RowWriter(OutputSpec("tsv", header=False), table.columns, io.StringIO())
        return _LineConverter(tsv, reading, keep_going, scopes)

    second = halves.start(source, tsv_converter, stream)

    def add(blocks: Iterator[bytes]) -> _LineConverter | None:
        converting = converter
        for block in blocks:
            if converting is not None:
                _write_block(block, result, converting)
                report_rows(result.lines)
                continue
            rest = table.add_block(block, result)
            if len(table.days) > TABLE_ROWS:
                converting = table.switch_to_tsv(stream)
                _write_block(rest, result, converting)
        return converting

    try:
        converter = add(_blocks(source, second.limit if second else None))
        if second is not None:
            progress.end(PROGRESS)  # (a progress line ends before the second half's rows)
            if converter is None:
                second.close()  # still a table: the child's tsv rows are not wanted
            else:
                second.finish(converter, result, source)
            converter = add(_blocks(source))  # what the child did not write
        if converter is None:
            result.rows = render_rows(table.rows(), spec, table.columns, stream)
    finally:
        if second is not None:
            second.close()
        progress.end(PROGRESS)
        if converter is not None:
            result.rows = converter.writer.rows_written
            converter.writer.close()
        result.bad = table.bad.count
    return result


def _blocks(source: BinaryIO, limit: int | None = None) -> Iterator[bytes]:
    """The bytes of ``source`` as they arrive (at most ``limit``), cut after the last newline
    of each read (the last block may lack its newline)."""
    pending = b""
    for chunk in read_chunks(source, limit):
        block = pending + chunk
        end = block.rfind(b"\n") + 1
        yield block[:end]
        pending = block[end:]
    if pending:
        yield pending


def _split_block(block: bytes) -> list[bytes]:
    """The lines of a block, without their newlines."""
    lines = block.split(b"\n")
    if lines[-1] == b"":
        lines.pop()
    return lines


class _TableRows:
    """The lines of a stdin table while it may still be drawn (at most ``TABLE_ROWS`` rows):
    each read (errors reported as it arrives) and kept as its day; the rows' fields are only
    computed to draw the table. Past the limit the lines kept are replayed through the line
    formats' converter, which has faster ways with many rows."""

    def __init__(
        self, columns: tuple[str, ...], reading: Reading, keep_going: bool, scopes: Scopes
    ) -> None:
        self.columns = columns
        self.reading = reading
        self.scopes = scopes
        self.bad = BadInput(keep_going)
        self.plain_iso = reading.layout is None and reading.assume != "bs"
        self.days: list[tuple[date, dates.BSDate | None] | None] = []  # None: an empty row
        self.kept: list[bytes] = []  # the rows' lines (b"\n" for a bad one kept going)

    def add_block(self, block: bytes, result: BulkResult) -> bytes:
        """Read the lines of ``block`` (as ``read_days`` reads them) and keep them, counted in
        ``result.lines``, until there are more than ``TABLE_ROWS`` rows; the lines not read
        (for the converter that follows). A block of ISO AD days in the supported range is
        read at once, by C-level parses (its BS days wait for the drawing)."""
        lines = _iso_lines(block) if self.plain_iso else None
        if lines:
            try:
                days = list(map(_from_iso, lines))
            except ValueError:
                days = []  # not a day (2024-02-30): read line by line, for its message
            ordinals = list(map(_ordinal, days))
            (first, _), (last, _) = dates.first_day(), dates.last_day()
            if days and first.toordinal() <= min(ordinals) and max(ordinals) <= last.toordinal():
                for year in dates.UNVERIFIED_YEARS:
                    if any(map(dates.year_ordinals(year).__contains__, ordinals)):
                        dates.warn_unverified(year)  # the one rule (once per run)
                self.days += zip(days, repeat(None))
                self.kept.append(block)
                result.lines += len(days)
                return b""
        raws = _split_block(block)
        for taken, raw in enumerate(raws, 1):
            self.add_line(raw, result)
            if len(self.days) > TABLE_ROWS:
                return b"".join(line + b"\n" for line in raws[taken:])
        return b""

    def add_line(self, raw: bytes, result: BulkResult) -> None:
        """Read and keep one line (a blank one only with ``--keep-going``: an empty row)."""
        result.lines += 1
        try:
            text = _line_text(raw, result.lines)
            if not text:
                if self.bad.keep_going:
                    self.days.append(None)
                    self.kept.append(raw + b"\n")
                return
            found = self.reading.day(text)
            dates.warn_unverified(found[1].year)  # the one rule (once per run)
            self.days.append(found)
            self.kept.append(raw + b"\n")
        except UsageError as exc:
            self.bad.report(exc, result.lines)
            self.days.append(None)
            self.kept.append(b"\n")  # replayed as an empty row, not reported again

    def rows(self) -> list[tuple[Any, ...]]:
        """The table's rows: each day's fields, or empty cells."""
        functions = field_functions(self.columns, self.scopes)
        empty = ("",) * len(self.columns)
        rows: list[tuple[Any, ...]] = []
        for day in self.days:
            if day is None:
                rows.append(empty)
            else:
                ad, bs = day[0], day[1] or dates.ad_to_bs(day[0])
                rows.append(tuple(f(ad, bs) for f in functions))
        return rows

    def switch_to_tsv(self, stream: IO[str]) -> _LineConverter:
        """Warn, write the rows so far as tsv, and give the converter for the rest."""
        logs.warn(
            __name__,
            f"date: more than {TABLE_ROWS:,} dates: writing tsv instead of a table "
            "(choose with -f csv|tsv|json|ndjson)",
        )
        writer = RowWriter(OutputSpec("tsv"), self.columns, stream)
        converter = _LineConverter(writer, self.reading, self.bad.keep_going, self.scopes)
        converter.bad = self.bad  # one count of bad lines for the whole run
        for block in self.kept:
            _write_block(block, BulkResult(), converter)
        self.days, self.kept = [], []
        return converter
