"""Rendering records: the only place output formats exist.

Every command hands an iterable of records (frozen dataclasses or namedtuples; field order =
column order) to ``render``. Line formats (json, ndjson, csv, tsv) stream row by row through
``RowWriter``; ``table`` collects the rows and aligns them by display width (Devanagari is
not ASCII width).
"""

from __future__ import annotations

import json
import re
import sys
from collections import namedtuple
from datetime import date
from decimal import Decimal

from npkit.errors import UsageError

TYPE_CHECKING = False  # typing is not imported at run time: `npkit date` starts faster
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence
    from typing import IO, Any, TypeVar

    F = TypeVar("F", bound=Callable[..., Any])

FORMATS = ("table", "json", "ndjson", "csv", "tsv")


class OutputSpec(namedtuple("OutputSpec", "format fields chosen", defaults=("table", None, False))):
    """What the user asked for: a format, optionally a subset of fields in order, and whether
    the format was chosen (``chosen``) or is the default."""

    __slots__ = ()
    format: str
    fields: tuple[str, ...] | None
    chosen: bool

    def columns(self, available: Sequence[str]) -> tuple[str, ...]:
        """The columns to print; an unknown field name is a usage error naming the valid ones."""
        if not self.fields:
            return tuple(available)
        unknown = [name for name in self.fields if name not in available]
        if unknown:
            names = ", ".join(map(repr, unknown))
            raise UsageError(f"unknown field {names}; valid fields: {','.join(available)}")
        return self.fields


def field_names(record_type: type) -> tuple[str, ...]:
    """The column names of a record type (dataclass or namedtuple), in declaration order."""
    dataclass_fields = getattr(record_type, "__dataclass_fields__", None)
    if dataclass_fields is not None:
        return tuple(dataclass_fields)
    return tuple(record_type._fields)  # type: ignore[attr-defined]


def output_spec(
    format_: str | None, as_json: bool = False, fields: str | None = None
) -> OutputSpec:
    """The OutputSpec for ``-f/--format``, ``--json`` and ``--fields`` as typed."""
    if as_json and format_ not in (None, "json"):
        raise UsageError(f"--json contradicts --format {format_}")
    chosen = "json" if as_json else (format_ or "table").lower()
    names = tuple(n.strip() for n in fields.split(",") if n.strip()) if fields else None
    return OutputSpec(chosen, names, chosen=bool(format_ or as_json))


def output_options(func: F) -> F:
    """Give a Click command ``-f/--format``, ``--json`` and ``--fields``, passed as ``output``."""
    import functools

    import click

    @click.option(
        "-f",
        "--format",
        "format_",
        type=click.Choice(FORMATS, case_sensitive=False),
        default=None,
        help="Output format (default: table).",
    )
    @click.option("--json", "as_json", is_flag=True, help="Same as --format json.")
    @click.option(
        "--fields",
        metavar="A,B,…",
        default=None,
        help="Only these fields, in this order (comma-separated).",
    )
    @functools.wraps(func)
    def wrapper(*args: Any, format_: str | None, as_json: bool, fields: str | None, **kw: Any):
        return func(*args, output=output_spec(format_, as_json, fields), **kw)

    return wrapper  # type: ignore[return-value]


# ---------------------------------------------------------------- values


def _json_value(value: Any) -> str:
    """JSON text of one value; Decimal becomes a JSON number with its exact digits."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return f'"{value.isoformat()}"'
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_json_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return (
            "{"
            + ", ".join(f"{json.dumps(str(k))}: {_json_value(v)}" for k, v in value.items())
            + "}"
        )
    return json.dumps(value, ensure_ascii=False)


def _text_value(value: Any) -> str:
    """Plain-text form of one value for csv, tsv and tables."""
    if type(value) is str:
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ";".join(_text_value(v) for v in value)
    return str(value)


def row_values(record: Any, columns: Sequence[str]) -> tuple[Any, ...]:
    """The values of ``columns`` taken from a record dataclass."""
    return tuple(getattr(record, name) for name in columns)


# ---------------------------------------------------------------- line formats


def _encode_json(columns: Sequence[str]) -> Callable[[Sequence[Any]], str]:
    keys = [json.dumps(name) + ": " for name in columns]
    return lambda values: (
        "{" + ", ".join(k + _json_value(v) for k, v in zip(keys, values, strict=True)) + "}"
    )


_CSV_SPECIAL = re.compile(r'[",\r\n]').search
# Characters that csv, tsv or JSON would quote or escape (\x1e is encode_columns' separator).
_NEEDS_ESCAPE = re.compile(r'[",\\\x00-\x1d\x1f\x7f\u2028\u2029]').search


def _encode_csv(values: Sequence[Any]) -> str:
    texts = [_text_value(v) for v in values]
    if not any(map(_CSV_SPECIAL, texts)):
        return ",".join(texts) + "\n"  # nothing to quote: skip the csv module (bulk speed)
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(texts)
    return buffer.getvalue()


def _encode_tsv(values: Sequence[Any]) -> str:
    # TSV has no quoting: tabs and newlines inside a value become spaces.
    return "\t".join(_text_value(v).replace("\t", " ").replace("\n", " ") for v in values) + "\n"


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
        elif self.format == "tsv":
            self.encode = _encode_tsv
        else:
            raise ValueError(f"RowWriter does not handle {self.format!r}")
        if self.format in ("csv", "tsv"):
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


# ---------------------------------------------------------------- table


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def render_table(rows: Sequence[Sequence[Any]], columns: Sequence[str], stream: IO[str]) -> None:
    """Aligned table for people: remote text cleaned, widths measured in terminal cells.

    Devanagari vowel signs take no cell of their own, so ``len()`` would misalign Nepali text:
    widths come from wcwidth. Numeric columns are right-aligned. Nothing is written for no rows.
    (Not tabulate: importing it costs ~130 ms here, through importlib.metadata, for every
    table; this is the one layout npkit needs.)
    """
    if not rows:
        return
    from wcwidth import wcswidth

    from npkit.text import clean

    def width(text: str) -> int:
        cells = wcswidth(text)
        return cells if cells >= 0 else len(text)

    body = [[clean(_text_value(value)) for value in row] for row in rows]
    right = [
        all(_is_number(row[i]) for row in rows if row[i] is not None) for i in range(len(columns))
    ]
    widths = [
        max(width(text) for text in (name, *(line[i] for line in body)))
        for i, name in enumerate(columns)
    ]

    def line(cells: Sequence[str]) -> str:
        padded = []
        for text, cells_wide, align_right in zip(cells, widths, right, strict=True):
            fill = " " * (cells_wide - width(text))
            padded.append(fill + text if align_right else text + fill)
        return "  ".join(padded).rstrip()

    out = [line(columns), "  ".join("-" * w for w in widths)]
    out.extend(line(cells) for cells in body)
    stream.write("\n".join(out) + "\n")


def render(
    records: Iterable[Any],
    spec: OutputSpec,
    record_type: type,
    stream: IO[str] | None = None,
) -> int:
    """Write record dataclasses in the requested format; returns how many rows were written."""
    columns = spec.columns(field_names(record_type))
    return render_rows((row_values(r, columns) for r in records), spec, columns, stream)


def render_rows(
    rows: Iterable[Sequence[Any]],
    spec: OutputSpec,
    columns: Sequence[str],
    stream: IO[str] | None = None,
) -> int:
    """Write rows of values under ``columns`` (already chosen: for layouts whose columns depend
    on the data, such as one column per currency). Returns how many rows were written."""
    stream = stream if stream is not None else sys.stdout
    if spec.format == "table":
        body = list(rows)
        render_table(body, columns, stream)
        stream.flush()
        return len(body)
    writer = RowWriter(spec, columns, stream)
    try:
        for values in rows:
            writer.write(values)
    finally:
        writer.close()
    return writer.rows_written
