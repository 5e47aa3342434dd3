"""Records to stdout in the requested format: the one entry point every command uses."""

from __future__ import annotations

import sys

from npkit.output.lines import RowWriter
from npkit.output.spec import OutputSpec, field_names
from npkit.output.table import render_table

TYPE_CHECKING = False  # typing is not imported at run time: `npkit date` starts faster
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from typing import IO, Any


def row_values(record: Any, columns: Sequence[str]) -> tuple[Any, ...]:
    """The values of ``columns`` taken from a record dataclass."""
    return tuple(getattr(record, name) for name in columns)


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
