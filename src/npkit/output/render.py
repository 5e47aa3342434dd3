"""Records to stdout in the requested format: the one entry point every command uses.

A record type may declare ``DEFAULT_FIELDS``, the columns written when no ``--fields`` is
given (else every field; ``--fields`` may name any field), and how its table looks (class
attributes, read only for tables): ``TABLE_COLUMNS`` the default columns of a table,
``TABLE_SPARSE`` columns shown only when some row has a value, ``TABLE_VERTICAL`` one record
drawn as one line per field, ``TABLE_STACKED`` records stacked on a terminal too narrow for
their table (``npkit.output.stacked``), and the Layout attributes of ``npkit.output.table``
(``TABLE_DROP``, ``TABLE_MONEY``, ``TABLE_SIGNED``). JSON, ndjson, csv, tsv and raw carry the
default fields (or the ``--fields`` asked for).
"""

from __future__ import annotations

import sys

from npkit import console, logs
from npkit.errors import UsageError
from npkit.output.lines import RowWriter
from npkit.output.spec import OutputSpec, default_fields, field_names

TYPE_CHECKING = False  # typing is not imported at run time: `npkit date` starts faster
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from typing import IO, Any

    from npkit.output.table import Layout


def row_values(record: Any, columns: Sequence[str]) -> tuple[Any, ...]:
    """The values of ``columns`` taken from a record (the column ``from`` is attribute
    ``from_``); a record whose fields are computed on first read (npkit.days.Day) gives
    them itself, with its ``values_of``."""
    values_of = getattr(type(record), "values_of", None)
    if values_of is not None:
        return values_of(record, columns)  # type: ignore[no-any-return]
    return tuple(
        getattr(record, name) if hasattr(record, name) else getattr(record, name + "_")
        for name in columns
    )


def is_terminal(stream: IO[str]) -> bool:
    """Whether ``stream`` is a terminal (tables are fitted and cards shown only there)."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def terminal_width(stream: IO[str]) -> int | None:
    """The width to fit tables to: the terminal's (``COLUMNS`` wins), None when not a terminal."""
    if not is_terminal(stream):
        return None
    import shutil

    return max(shutil.get_terminal_size().columns, 20)


def table_columns(spec: OutputSpec, record_type: type, records: Sequence[Any]) -> tuple[str, ...]:
    """A table's columns: ``--fields``, else the record type's TABLE_COLUMNS less the sparse
    columns no row fills."""
    available = field_names(record_type)
    if spec.fields:
        return spec.columns(available)
    columns = tuple(getattr(record_type, "TABLE_COLUMNS", default_fields(record_type)))
    sparse = set(getattr(record_type, "TABLE_SPARSE", ()))
    filled = {name for name in sparse if any(row_values(r, (name,))[0] for r in records)}
    return tuple(c for c in columns if c not in sparse or c in filled)


def render(
    records: Iterable[Any],
    spec: OutputSpec,
    record_type: type,
    stream: IO[str] | None = None,
) -> int:
    """Write records in the requested format; returns how many records were written.

    On a terminal, with no format chosen, one answer (a record type with a card in
    ``npkit.output.card``) is printed as a short card instead of a table."""
    stream = stream if stream is not None else sys.stdout
    if spec.calendar:
        raise UsageError(
            f"{spec.format} writes calendars: only date festivals, holidays, cal and next"
        )
    if not spec.for_people:
        columns = spec.columns(field_names(record_type), default_fields(record_type))
        return render_rows((row_values(r, columns) for r in records), spec, columns, stream)
    body = list(records)
    if not spec.chosen and not spec.fields and is_terminal(stream):
        from npkit.output import card

        if card.has_card(record_type):
            text = card.card_text(body, record_type, terminal_width(stream), spec.nepali)
            if text is not None:
                stream.write(text)
                stream.flush()
                return len(body)
    from npkit.output.table import layout_of

    columns = table_columns(spec, record_type, body)
    layout = layout_of(record_type)
    if spec.nepali:
        from npkit.output import nepali

        columns, layout = nepali.view(columns, field_names(record_type), layout)
    if len(body) == 1 and getattr(record_type, "TABLE_VERTICAL", False):
        values = row_values(body[0], columns)
        render_rows(_vertical(columns, values, spec.nepali), spec, ("field", "value"), stream)
        return 1
    rows = [row_values(r, columns) for r in body]
    width = terminal_width(stream)
    stackable = getattr(record_type, "TABLE_STACKED", False) and not spec.chosen and not spec.fields
    if stackable and width is not None:
        from npkit.output.stacked import stacked_text

        text = stacked_text(rows, columns, layout.drop, width)
        if text is not None:
            stream.write(text)
            stream.flush()
            return len(body)
    return render_rows(rows, spec, columns, stream, layout=layout)


def _vertical(columns: Sequence[str], values: Sequence[Any], nepali: bool) -> list[tuple[str, str]]:
    """The rows of a one-record table: each field's name and value as text, or (``nepali``)
    its Nepali header and value as a Nepali table writes them."""
    if nepali:
        from npkit.output import nepali as ne

        return [(ne.header(n), ne.cell(n, v)) for n, v in zip(columns, values, strict=True)]
    from npkit.output.values import text_value

    return list(zip(columns, map(text_value, values), strict=True))


def render_rows(
    rows: Iterable[Sequence[Any]],
    spec: OutputSpec,
    columns: Sequence[str],
    stream: IO[str] | None = None,
    layout: Layout | None = None,
) -> int:
    """Write rows of values under ``columns`` (already chosen: for layouts whose columns depend
    on the data, such as one column per currency). Returns how many rows were written."""
    stream = stream if stream is not None else sys.stdout
    if spec.for_people:
        from npkit.output.table import render_table

        body = list(rows)
        if not body:
            if is_terminal(stream):
                logs.note(__name__, "no results", tell=True)
            return 0
        render_table(
            body,
            columns,
            stream,
            style=spec.style,
            width=terminal_width(stream),
            layout=layout,
            colour=console.colour_enabled(stream),
            nepali=spec.nepali,
        )
        stream.flush()
        return len(body)
    writer = RowWriter(spec, columns, stream)
    try:
        for values in rows:
            writer.write(values)
    finally:
        writer.close()
    return writer.rows_written


def render_calendar(
    entries: Iterable[Any],
    spec: OutputSpec,
    name: str,
    description: str = "",
    stream: IO[str] | None = None,
) -> None:
    """Write calendar entries (``npkit.days.entries``) as the calendar document ``spec`` asks
    for (ics), in UTF-8 with CRLF line ends whatever the platform and locale: to the byte
    stream under ``stream`` when there is one."""
    from npkit.output.ics import calendar_text

    if spec.fields:
        raise UsageError(f"--fields chooses columns; {spec.format} writes whole calendar events")
    text = calendar_text(entries, name, description)
    stream = stream if stream is not None else sys.stdout
    raw = getattr(stream, "buffer", None)
    if raw is None:
        stream.write(text)
    else:
        stream.flush()
        raw.write(text.encode("utf-8"))
        raw.flush()
