"""Rendering records: the only place output formats exist.

Every command hands an iterable of records (frozen dataclasses or namedtuples; field order =
column order) to ``render``. The modules: ``spec`` (what was asked: format, fields),
``values`` (one value as text), ``lines`` (json, ndjson, csv, tsv streamed row by row),
``table`` (aligned tables for people), ``render`` (the entry point), ``month_grid``
(``npkit date cal``).
"""

from __future__ import annotations

from npkit.output.lines import RowWriter
from npkit.output.render import render, render_calendar, render_rows, row_values
from npkit.output.spec import CALENDAR_FORMATS, FORMATS, OutputSpec, field_names, output_spec

__all__ = [
    "CALENDAR_FORMATS",
    "FORMATS",
    "OutputSpec",
    "RowWriter",
    "field_names",
    "output_spec",
    "render",
    "render_calendar",
    "render_rows",
    "row_values",
]
