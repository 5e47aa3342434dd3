"""The output layer: every format, field selection, streaming, Devanagari tables."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from wcwidth import wcswidth

from npkit.errors import UsageError
from npkit.output import FORMATS, OutputSpec, RowWriter, field_names, render, render_rows


@dataclass(frozen=True)
class Sample:
    name: str
    price: Decimal | None
    unit: int
    open: bool


ROWS = [
    Sample("छापावाल सुन", Decimal("306800.00"), 1, True),
    Sample('Quote " and, comma', Decimal("0.1"), 100, False),
    Sample("\x1b[2Jwiped", None, 10, True),
]


def rendered(records: list[Sample], spec: OutputSpec) -> str:
    stream = io.StringIO()
    render(records, spec, Sample, stream)
    return stream.getvalue()


def test_json_is_exact_and_valid() -> None:
    data = json.loads(rendered(ROWS, OutputSpec("json")), parse_float=Decimal)
    assert data[0] == {"name": "छापावाल सुन", "price": Decimal("306800.00"), "unit": 1, "open": True}
    assert data[1]["price"] == Decimal("0.1") and data[1]["name"] == 'Quote " and, comma'
    assert data[2]["price"] is None and data[2]["name"] == "\x1b[2Jwiped"  # JSON escapes it


@pytest.mark.parametrize("fmt", ["json", "ndjson", "csv", "tsv", "table"])
def test_empty_output(fmt: str) -> None:
    text = rendered([], OutputSpec(fmt))
    expected = {"json": "[]\n", "ndjson": "", "csv": "name,price,unit,open\n",
                "tsv": "name\tprice\tunit\topen\n", "table": ""}  # fmt: skip
    assert text == expected[fmt]


def test_ndjson_one_object_per_line() -> None:
    lines = rendered(ROWS, OutputSpec("ndjson")).splitlines()
    assert [json.loads(line)["unit"] for line in lines] == [1, 100, 10]


def test_csv_quotes_what_needs_quoting() -> None:
    text = rendered(ROWS, OutputSpec("csv"))
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["name", "price", "unit", "open"]
    assert rows[2] == ['Quote " and, comma', "0.1", "100", "false"]
    assert rows[3][1] == ""  # None is an empty cell


def test_tsv_has_no_tabs_or_newlines_inside_values() -> None:
    record = Sample("a\tb\nc", Decimal(1), 1, True)
    assert rendered([record], OutputSpec("tsv")).splitlines()[1] == "a b c\t1\t1\ttrue"


def test_fields_choose_and_order_columns() -> None:
    data = json.loads(rendered(ROWS[:1], OutputSpec("json", ("unit", "name"))))
    assert list(data[0]) == ["unit", "name"]
    with pytest.raises(
        UsageError, match="unknown field 'nope'; valid fields: name,price,unit,open"
    ):
        rendered(ROWS, OutputSpec("json", ("name", "nope")))


def display_slice(line: str, start: int, end: int) -> str:
    """The characters of ``line`` between two display columns (terminal cells)."""
    return "".join(ch for i, ch in enumerate(line) if start <= wcswidth(line[:i]) < end)


def test_table_aligns_devanagari_and_strips_escapes() -> None:
    text = rendered(ROWS, OutputSpec("table"))
    assert "\x1b" not in text and "wiped" in text
    header, rule, *body = text.splitlines()
    starts = [i for i, ch in enumerate(rule) if ch == "-" and (i == 0 or rule[i - 1] == " ")]
    assert len(starts) == 4
    for line in [header, *body]:
        for start in starts[1:]:
            assert display_slice(line, start - 2, start) == "  ", (line, start)
    assert "छापावाल सुन" in body[0] and "306800.00" in body[0]
    # numbers are right-aligned: the price column ends where its rule ends
    price_end = starts[2] - 2
    assert display_slice(body[1], price_end - 4, price_end) == "0.10"  # decimals aligned


def test_json_stays_valid_when_rendering_fails_midway() -> None:
    def records():
        yield ROWS[0]
        raise UsageError("boom")

    stream = io.StringIO()
    with pytest.raises(UsageError):
        render(records(), OutputSpec("json"), Sample, stream)
    assert len(json.loads(stream.getvalue())) == 1


def test_row_writer_flushes_every_write() -> None:
    class Recording(io.StringIO):
        flushes = 0

        def flush(self) -> None:
            self.flushes += 1
            super().flush()

    stream = Recording()
    writer = RowWriter(OutputSpec("ndjson"), ["a"], stream)
    writer.write(["x"])
    assert stream.getvalue() == '{"a": "x"}\n' and stream.flushes == 1
    writer.write(["y"])
    assert stream.flushes == 2


values = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)


@pytest.mark.parametrize("fmt", ["json", "ndjson", "csv", "tsv"])
@given(rows=st.lists(st.tuples(values, values), max_size=6))
def test_encode_columns_equals_row_by_row_encoding(fmt: str, rows: list[tuple[str, str]]) -> None:
    writer = RowWriter(OutputSpec(fmt), ["a", "b"], io.StringIO())
    columns = [[row[0] for row in rows], [row[1] for row in rows]]
    assert writer.encode_columns(columns) == [writer.encode(row) for row in rows]


def test_render_rows_with_data_dependent_columns() -> None:
    stream = io.StringIO()
    count = render_rows(
        [("2024-11-26", Decimal("133.1"))], OutputSpec("csv"), ["date", "USD"], stream
    )
    assert count == 1 and stream.getvalue() == "date,USD\n2024-11-26,133.1\n"


def test_formats_and_field_names() -> None:
    assert FORMATS == ("table", "json", "ndjson", "csv", "tsv", "raw")
    assert field_names(Sample) == ("name", "price", "unit", "open")
