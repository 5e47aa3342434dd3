"""CSV rows as records (json, ndjson, tsv, raw) at bulk speed, and a stream that writes back the
bytes of a bad row as they came.

``RowShape`` encodes a block of plain rows in C-level passes (slice assignments and one join
per block) and memoised added cells, giving exactly the text ``RowWriter.encode``
gives row by row: it checks this on a probe row first and declines (None) for any other format.
"""

from __future__ import annotations

import json
import re
from typing import IO, Any

from npkit.output import RowWriter
from npkit.output.values import json_value, text_value

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

_JSON_ESCAPED = re.compile(r'["\\\x00-\x09\x0b-\x1f]').search
"""Characters json.dumps escapes (with ensure_ascii=False), but the line ends between a block's
rows: a block holding one goes row by row."""
_UNDECODED = re.compile("[\udc80-\udcff]")
"""Bytes that were not UTF-8, as surrogateescape decodes them."""


class RowShape:
    """How rows of ``width`` plain text cells plus added values are encoded for ``writer``."""

    def __init__(self, writer: RowWriter, width: int) -> None:
        columns = writer.columns
        probe = ["a"] * len(columns)
        found = writer.encode(probe)
        keys = [json.dumps(name) + ": " for name in columns]
        end = "\n" if found.endswith("\n") else ""
        self.kind = ""
        self.width = width
        if found == "{" + ", ".join(key + '"a"' for key in keys) + "}" + end:
            self.kind = "json"
            self.opens = ["{" + keys[0] + '"', *('", ' + key + '"' for key in keys[1:width])]
            self.added_keys = keys[width:]
            self.end = "}" + end
            self.separator = writer.kind.separator
        elif found == "\t".join(probe) + "\n":
            self.kind = "tsv"

    def suffix(self, values: Sequence[Any]) -> str:
        """The added cells' text and the row's end (in JSON, from the closing quote of the
        row's last own cell)."""
        if self.kind == "json":
            pairs = zip(self.added_keys, values, strict=True)
            return '"' + "".join(", " + key + json_value(v) for key, v in pairs) + self.end
        cleaned = (text_value(v).replace("\t", " ").replace("\n", " ") for v in values)
        return "".join("\t" + text for text in cleaned) + "\n"

    def rows(self, text: str, flat: list[str], suffixes: list[str], delimiter: str) -> str | None:
        """A block's rows encoded and joined with the format's separator, from its ``text``
        (lines joined by ``\n``, no ``\r``), its cells ``flat`` in row order and each row's
        ``suffix``; None if a cell would need escaping. One join of slices: no per-row call."""
        count = len(suffixes)
        if self.kind == "json":
            if _JSON_ESCAPED(text):
                return None
            width, step = self.width, 2 * self.width + 1
            parts = [""] * (count * step)
            parts[0] = self.opens[0]
            parts[step::step] = [self.separator + self.opens[0]] * (count - 1)
            for i in range(width):
                if i:
                    parts[2 * i :: step] = [self.opens[i]] * count
                parts[2 * i + 1 :: step] = flat[i::width]
            parts[2 * width :: step] = suffixes
            return "".join(parts)
        if self.kind == "tsv":
            if delimiter != "\t":
                if "\t" in text:
                    return None
                text = text.replace(delimiter, "\t")
            lines = text.split("\n")
            parts = [""] * (2 * count)
            parts[::2] = lines
            parts[1::2] = suffixes
            return "".join(parts)
        return None


def escape_undecoded(text: str) -> str:
    """JSON text with each byte that was not UTF-8 as its ``\\udcXX`` escape (Python's
    surrogateescape: ``json.loads(t).encode('utf-8', 'surrogateescape')`` gives the bytes back,
    and the document stays valid UTF-8)."""
    return _UNDECODED.sub(lambda found: f"\\u{ord(found[0]):04x}", text)


class KeptBytes:
    """A text stream that writes bytes which were not UTF-8 (surrogateescape) back as the same
    bytes, whatever the stream's own error handler: a bad row comes out as it came in."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        try:
            return self.stream.write(text)
        except UnicodeEncodeError:
            buffer = getattr(self.stream, "buffer", None)
            if buffer is None:
                raise
            self.stream.flush()
            encoding = getattr(self.stream, "encoding", None) or "utf-8"
            buffer.write(text.encode(encoding, "surrogateescape"))
            return len(text)

    def flush(self) -> None:
        self.stream.flush()
