"""The one registry of output formats: a new format is one class and one entry in ``REGISTRY``.

Callers outside ``npkit.output`` never test a format's name; they ask the format (through
``OutputSpec``): is it for people (a table) or a data stream, are values written as JSON or as
text, does it start with a header, what is its field delimiter. How a row is written is the
format's own: ``encoder`` gives one row's text, ``template`` a %-template for rows whose values
need no quoting (the bulk day table), ``opening``/``separator``/``closing``/``empty`` frame the
rows into one document (JSON's array).

raw is for scripts: just the values, tab-separated, one record per line, no header
(``npkit fx convert 100 USD --fields result -f raw`` prints ``15240.00``).
"""

from __future__ import annotations

import json
import re

from npkit.output.values import json_value, text_value

TYPE_CHECKING = False  # typing is not imported at run time: `npkit date` starts faster
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Any

    Encoder = Callable[[Sequence[Any]], str]


class Format:
    """What every format says about itself; the defaults are those of a line format (one row
    per line, flushed as written, so ``| head`` and ``| jq`` stream)."""

    name = ""
    for_people = False
    """A table drawn for a person (fitted to the terminal, cards), not a data stream."""
    streams = True
    """Rows are written and flushed one by one (``RowWriter``); False: drawn all at once."""
    json_values = False
    """Values are written as JSON (objects, lists, numbers, null), not as plain text."""
    delimiter: str | None = None
    """The field delimiter of a spreadsheet format (csv, tsv); None for the others."""
    has_header = False
    """Starts with a header line naming the columns (unless ``--no-header``)."""
    echoes_csv = False
    """A CSV file's rows written back are its own lines (delimiter, quoting and line ends kept)
    with the new cells added, rather than rows re-encoded (``--column``, the fx ledger)."""
    opening = ""
    """Written before the first row (``[`` for JSON); ``separator`` goes between rows."""
    separator = ""
    closing = ""
    """Written after the last row; ``empty`` instead when there was none (JSON's ``[]``)."""
    empty = ""
    calendar = False
    """Writes calendar entries (``npkit.output.ics``), not records: offered only by the commands
    that have entries (``npkit date festivals``, ``holidays``, ``cal``, ``next``)."""

    def encoder(self, columns: Sequence[str]) -> Encoder:
        """One row's text (a line format's ends in a newline)."""
        raise ValueError(f"RowWriter does not handle {self.name!r}")

    def template(self, columns: Sequence[str]) -> str:
        """A %-template of one row for values (strings) that need no quoting or escaping."""
        raise ValueError(f"RowWriter does not handle {self.name!r}")


class Table(Format):
    """Aligned columns for people (``npkit.output.table``; a card for one answer)."""

    name = "table"
    for_people = True
    streams = False


def _encode_json(columns: Sequence[str]) -> Encoder:
    keys = [json.dumps(name) + ": " for name in columns]
    return lambda values: (
        "{" + ", ".join(k + json_value(v) for k, v in zip(keys, values, strict=True)) + "}"
    )


def _json_template(columns: Sequence[str]) -> str:
    return "{" + ", ".join(f'"{name}": "%s"' for name in columns) + "}"


class Json(Format):
    """One JSON array of objects, valid from the first byte written to the last (``[]``)."""

    name = "json"
    json_values = True
    opening = "[\n  "
    separator = ",\n  "
    closing = "\n]\n"
    empty = "[]\n"

    def encoder(self, columns: Sequence[str]) -> Encoder:
        return _encode_json(columns)

    def template(self, columns: Sequence[str]) -> str:
        return _json_template(columns)


class Ndjson(Format):
    """One JSON object per line."""

    name = "ndjson"
    json_values = True

    def encoder(self, columns: Sequence[str]) -> Encoder:
        encode_object = _encode_json(columns)
        return lambda values: encode_object(values) + "\n"

    def template(self, columns: Sequence[str]) -> str:
        return _json_template(columns) + "\n"


_CSV_SPECIAL = re.compile(r'[",\r\n]').search


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


class Csv(Format):
    """Comma-separated values (RFC 4180 quoting), a header line first."""

    name = "csv"
    delimiter = ","
    has_header = True
    echoes_csv = True

    def encoder(self, columns: Sequence[str]) -> Encoder:
        return _encode_csv

    def template(self, columns: Sequence[str]) -> str:
        return ",".join(["%s"] * len(columns)) + "\n"


class Tsv(Format):
    """Tab-separated values without quoting, a header line first."""

    name = "tsv"
    delimiter = "\t"
    has_header = True

    def encoder(self, columns: Sequence[str]) -> Encoder:
        return _encode_tsv

    def template(self, columns: Sequence[str]) -> str:
        return "\t".join(["%s"] * len(columns)) + "\n"


class Raw(Format):
    """Only the values, tab-separated, one record per line, no header: for scripts."""

    name = "raw"

    def encoder(self, columns: Sequence[str]) -> Encoder:
        return _encode_tsv

    def template(self, columns: Sequence[str]) -> str:
        return "\t".join(["%s"] * len(columns)) + "\n"


class Ics(Format):
    """An iCalendar document (RFC 5545) of all-day events, for calendar apps: written whole by
    ``npkit.output.ics`` from calendar entries (``render_calendar``), never from rows."""

    name = "ics"
    streams = False
    calendar = True


REGISTRY: dict[str, Format] = {
    f.name: f for f in (Table(), Json(), Ndjson(), Csv(), Tsv(), Raw(), Ics())
}
"""Every format by name, in the order ``--format`` offers them (the first is the default)."""


def format_named(name: str) -> Format:
    """The format called ``name``; an unknown name is a usage error listing the known ones."""
    found = REGISTRY.get(name)
    if found is None:
        from npkit.errors import UsageError

        raise UsageError(f"unknown format {name!r}; formats: {', '.join(REGISTRY)}")
    return found
