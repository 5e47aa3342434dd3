"""Rows streamed and flushed one by one, in any line format of ``npkit.output.formats``.

JSON stays valid from the first byte to ``close`` (``[]`` when empty), so a run stopped
part-way by a bad row still leaves a readable document.
"""

from __future__ import annotations

import re
import sys

from npkit.output.spec import OutputSpec

TYPE_CHECKING = False  # typing is not imported at run time: `npkit date` starts faster
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import IO, Any


WRITE_CHARS = 1 << 15
"""About how much text is joined into one string per write: ~32 KiB stays below glibc's
threshold for mapping a block of its own (a larger string costs a page fault per 4 KiB, which
made json, with its longer rows, 2x slower than csv), and short rows still go out in few
writes (256 rows a write cost a 1,000,000-row csv ~30 ms more)."""

_NEEDS_ESCAPE = r'[",\\\x00-\x1d\x1f\x7f\u2028\u2029]'
"""Characters that csv, tsv or JSON would quote or escape (\\x1e is encode_columns'
separator); compiled by the bulk converter's first block, not on every start (~1 ms)."""


class RowWriter:
    """Streams encoded rows to a text stream, keeping JSON valid from first byte to ``close``.

    ``encode(values)`` gives one row's text; ``write_encoded`` takes texts made by it, so a
    caller may memoise encodings (the bulk date converter does). ndjson, csv and tsv rows end in
    a newline; json items are joined into one array.
    """

    def __init__(self, spec: OutputSpec, columns: Sequence[str], stream: IO[str] | None = None):
        self.kind = spec.kind
        self.columns = tuple(columns)
        self.stream = stream if stream is not None else sys.stdout
        self.rows_written = 0
        self._closed = False
        self.encode: Callable[[Sequence[Any]], str] = self.kind.encoder(self.columns)
        if self.kind.has_header and spec.header:
            self.stream.write(self.encode(self.columns))

    def encode_columns(self, columns: Sequence[Sequence[str]]) -> list[str]:
        """Encode many rows given column by column (all strings) at C speed.

        Used for the bulk day table. When no value needs quoting or escaping, one %-template
        per row does it; otherwise each row goes through ``encode``. Either way the result
        equals ``[self.encode(row) for row in zip(*columns)]``.
        """
        joined = ["\x1e".join(column) for column in columns]
        needs_escape = re.compile(_NEEDS_ESCAPE).search  # re's own cache keeps it
        if any(needs_escape(text) or text.count("\x1e") >= max(len(columns[0]), 1)
               for text in joined):  # fmt: skip
            return [self.encode(row) for row in zip(*columns, strict=True)]
        template = self.kind.template(self.columns)
        return list(map(template.__mod__, zip(*columns, strict=True)))

    def write(self, values: Sequence[Any]) -> None:
        """Encode and write one row."""
        self.write_encoded([self.encode(values)])

    def write_encoded(self, texts: Sequence[str]) -> None:
        """Write rows already encoded with ``self.encode`` ('' = no row), then flush (so pipes
        stream)."""
        if "" in texts:
            texts = [text for text in texts if text]
        if not texts:
            return
        join = self.kind.separator.join
        step = self.rows_per_piece(texts[0])
        pieces = [join(texts[start : start + step]) for start in range(0, len(texts), step)]
        self.write_pieces(pieces, len(texts))

    def rows_per_piece(self, row: str) -> int:
        """How many rows like ``row`` make a piece of about ``WRITE_CHARS`` (small pieces: no
        big transient string)."""
        return max(1, WRITE_CHARS // (len(row) + len(self.kind.separator)))

    def write_joined(self, text: str, count: int) -> None:
        """Write ``count`` rows encoded with ``self.encode`` and joined with the format's
        separator (a block of a bulk converter, built in one join), then flush."""
        self.write_pieces([text], count)

    def write_pieces(self, pieces: Sequence[str], count: int) -> None:
        """Write ``count`` rows encoded with ``self.encode``, given as ``pieces`` of rows each
        joined with the format's separator, then flush (the one place rows are written)."""
        if count:
            separator = self.kind.separator
            write = self.stream.write
            write(self.lead())
            for index, piece in enumerate(pieces):
                if index:
                    write(separator)
                write(piece)
            self.rows_written += count
            self.stream.flush()

    def lead(self) -> str:
        """What comes before more rows: the document's opening, or the separator after the
        rows so far."""
        return self.kind.opening if self.rows_written == 0 else self.kind.separator

    def close(self) -> None:
        """Finish the document (closes the JSON array; ``[]`` when nothing was written)."""
        if self._closed:
            return
        self._closed = True
        self.stream.write(self.kind.empty if self.rows_written == 0 else self.kind.closing)
        self.stream.flush()
