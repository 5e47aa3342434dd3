"""The line formats (json, ndjson, csv, tsv, raw): rows streamed and flushed one by one.

raw is for scripts: just the values, tab-separated, one record per line, no header
(``npkit fx convert 100 USD --fields result -f raw`` prints ``15240.00``).

JSON stays valid from the first byte to ``close`` (``[]`` when empty), so a run stopped
part-way by a bad row still leaves a readable document.
"""

from __future__ import annotations

import json
import re
import sys

from npkit.output.spec import OutputSpec
from npkit.output.values import json_value, text_value

TYPE_CHECKING = False  # typing is not imported at run time: `npkit date` starts faster
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import IO, Any


def _encode_json(columns: Sequence[str]) -> Callable[[Sequence[Any]], str]:
    keys = [json.dumps(name) + ": " for name in columns]
    return lambda values: (
        "{" + ", ".join(k + json_value(v) for k, v in zip(keys, values, strict=True)) + "}"
    )


_CSV_SPECIAL = re.compile(r'[",\r\n]').search
# Characters that csv, tsv or JSON would quote or escape (\x1e is encode_columns' separator).
_NEEDS_ESCAPE = re.compile(r'[",\\\x00-\x1d\x1f\x7f\u2028\u2029]').search


def _encode_csv(values: Sequence[Any]) -> str:
    texts = [text_value(v) for v in values]
    if not any(map(_CSV_SPECIAL, texts)):
        return ",".join(texts) + "\n"  # nothing to quote: skip the csv module (bulk speed)
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(texts)
    return buffer.getvalue()


def _encode_tsv(values: Sequence[Any]) -> str:
    # TSV has no quoting: tabs and newlines inside a value become spaces.
    return "\t".join(text_value(v).replace("\t", " ").replace("\n", " ") for v in values) + "\n"


class RowWriter:
    """Streams encoded rows to a text stream, keeping JSON valid from first byte to ``close``.

    ``encode(values)`` gives one row's text; ``write_encoded`` takes texts made by it, so a
    caller may memoise encodings (the bulk date converter does). ndjson, csv and tsv rows end in
    a newline; json items are joined into one array.
    """

    def __init__(self, spec: OutputSpec, columns: Sequence[str], stream: IO[str] | None = None):
        self.format = spec.format
        self.columns = tuple(columns)
        self.stream = stream if stream is not None else sys.stdout
        self.rows_written = 0
        self._closed = False
        if self.format == "json":
            self.encode: Callable[[Sequence[Any]], str] = _encode_json(self.columns)
        elif self.format == "ndjson":
            encode_object = _encode_json(self.columns)
            self.encode = lambda values: encode_object(values) + "\n"
        elif self.format == "csv":
            self.encode = _encode_csv
        elif self.format in ("tsv", "raw"):
            self.encode = _encode_tsv
        else:
            raise ValueError(f"RowWriter does not handle {self.format!r}")
        if self.format in ("csv", "tsv") and spec.header:
            self.stream.write(self.encode(self.columns))

    def encode_columns(self, columns: Sequence[Sequence[str]]) -> list[str]:
        """Encode many rows given column by column (all strings) at C speed.

        Used for the bulk day table. When no value needs quoting or escaping, one %-template
        per row does it; otherwise each row goes through ``encode``. Either way the result
        equals ``[self.encode(row) for row in zip(*columns)]``.
        """
        joined = ["\x1e".join(column) for column in columns]
        if any(_NEEDS_ESCAPE(text) or text.count("\x1e") >= max(len(columns[0]), 1)
               for text in joined):  # fmt: skip
            return [self.encode(row) for row in zip(*columns, strict=True)]
        if self.format in ("json", "ndjson"):
            template = "{" + ", ".join(f'"{name}": "%s"' for name in self.columns) + "}"
            template += "\n" if self.format == "ndjson" else ""
        else:
            template = ("," if self.format == "csv" else "\t").join(["%s"] * len(columns)) + "\n"
        return list(map(template.__mod__, zip(*columns, strict=True)))

    def write(self, values: Sequence[Any]) -> None:
        """Encode and write one row."""
        self.write_encoded([self.encode(values)])

    def write_encoded(self, texts: Sequence[str]) -> None:
        """Write rows already encoded with ``self.encode`` ('' = no row), then flush (so pipes
        stream)."""
        if self.format == "json" and "" in texts:
            texts = [text for text in texts if text]
        if not texts:
            return
        if self.format == "json":
            lead = "[\n  " if self.rows_written == 0 else ",\n  "
            self.stream.write(lead + ",\n  ".join(texts))
        else:
            self.stream.write("".join(texts))
        self.rows_written += len(texts) - texts.count("")
        self.stream.flush()

    def close(self) -> None:
        """Finish the document (closes the JSON array; ``[]`` when nothing was written)."""
        if self._closed:
            return
        self._closed = True
        if self.format == "json":
            self.stream.write("[]\n" if self.rows_written == 0 else "\n]\n")
        self.stream.flush()
