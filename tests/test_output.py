"""The output layer: every format, field selection, streaming, Devanagari tables."""

from __future__ import annotations

import ast
import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import npkit
from npkit.errors import UsageError
from npkit.output import (
    FORMATS,
    OutputSpec,
    RowWriter,
    card,
    field_names,
    output_spec,
    render,
    render_rows,
)
from npkit.output.formats import REGISTRY, Format
from npkit.output.width import cell_width
from tests.support.probes import modules_imported_by_commands


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
    return "".join(ch for i, ch in enumerate(line) if start <= cell_width(line[:i]) < end)


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


class Psv(Format):
    """A format only this test knows: pipe-separated values with a header."""

    name = "psv"
    delimiter = "|"
    has_header = True

    def encoder(self, columns: Sequence[str]) -> Any:
        return lambda values: "|".join(str(v) for v in values) + "\n"

    def template(self, columns: Sequence[str]) -> str:
        return "|".join(["%s"] * len(columns)) + "\n"


def test_a_new_format_is_one_class_and_one_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(UsageError, match="unknown format 'psv'"):
        output_spec("psv")
    monkeypatch.setitem(REGISTRY, "psv", Psv())
    spec = output_spec("psv", fields="unit,name")
    assert not spec.for_people and spec.streams and not spec.json_values
    assert rendered(ROWS[:2], spec) == 'unit|name\n1|छापावाल सुन\n100|Quote " and, comma\n'
    assert rendered(ROWS[:1], output_spec("psv", header=False)).count("\n") == 1
    with pytest.raises(UsageError, match="--style draws tables; it does not apply to psv"):
        output_spec("psv", style="grid")
    writer = RowWriter(spec, ["a", "b"], io.StringIO())
    assert writer.encode_columns([["x", "y"], ["1", "2"]]) == ["x|1\n", "y|2\n"]


def test_what_formats_say_about_themselves() -> None:
    assert [name for name, f in REGISTRY.items() if f.for_people] == ["table"]
    assert [name for name, f in REGISTRY.items() if f.json_values] == ["json", "ndjson"]
    assert {name: f.delimiter for name, f in REGISTRY.items() if f.delimiter} == {
        "csv": ",",
        "tsv": "\t",
    }
    assert OutputSpec("tsv").unless_chosen("csv").format == "csv"
    assert output_spec("json").unless_chosen("csv").format == "json"
    with pytest.raises(UsageError, match="--no-header is for csv and tsv, not raw"):
        output_spec("raw", header=False)


# Nothing outside npkit.output tests which format was asked (DESIGN.md, issue 15).
def _is_format_name(node: ast.expr) -> bool:
    """A literal naming a format, or a tuple/list/set of such literals."""
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return any(_is_format_name(element) for element in node.elts)
    return isinstance(node, ast.Constant) and node.value in FORMATS


def format_tests(source: str) -> list[str]:
    """Comparisons that test a format: ``x.format`` compared with anything, or a format's name
    compared with something that mentions ``format`` (``out_format``, ``opts["--format"]``)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Compare):
            continue
        sides = [node.left, *node.comparators]
        by_attribute = any(isinstance(s, ast.Attribute) and s.attr == "format" for s in sides)
        by_name = any(map(_is_format_name, sides)) and any(
            "format" in ast.unparse(s) for s in sides if not _is_format_name(s)
        )
        if by_attribute or by_name:
            found.append(f"{node.lineno}: {ast.unparse(node)}")
    return found


def test_the_format_test_finder_finds_them() -> None:
    source = """
if output.format == "table": pass
if spec.format not in ("json", "ndjson"): pass
if out_format == "csv": pass
if options.get("--format", "table") == "table": pass
if spec.for_people or name == "csv" or width == 80: pass
"""
    assert [line.split(":")[0] for line in format_tests(source)] == ["2", "3", "4", "5"]


def test_no_format_names_are_tested_outside_output() -> None:
    package = Path(npkit.__file__).parent
    found = {}
    for path in sorted(package.rglob("*.py")):
        name = path.relative_to(package).as_posix()
        if name.startswith("output/"):
            continue
        found[name] = format_tests(path.read_text("utf-8"))
    assert {name: tests for name, tests in found.items() if tests} == {}


@dataclass(frozen=True)
class Reading:
    value: Decimal


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _reading_card(records: Sequence[Any]) -> list[tuple[str, ...]] | None:
    return [(f"the reading is {records[0].value}",)] if len(records) == 1 else None


def test_cards_are_found_by_type_not_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(card, "_CARDS", dict(card._CARDS))
    card.register(Reading, _reading_card)

    def shown(record_type: type, records: list[Any]) -> str:
        stream = Terminal()
        render(records, OutputSpec(), record_type, stream)
        return stream.getvalue()

    assert shown(Reading, [Reading(Decimal("1.5"))]) == "the reading is 1.5\n"
    assert "the reading" not in shown(Reading, [Reading(Decimal(1)), Reading(Decimal(2))])

    @dataclass(frozen=True)
    class Later(Reading):  # a subclass has its base's card
        pass

    assert shown(Later, [Later(Decimal(2))]) == "the reading is 2\n"
    Reading2 = dataclass(frozen=True)(type("Reading", (), {"__annotations__": {"value": Decimal}}))
    assert not card.has_card(Reading2)  # the same name is not the same type
    assert "the reading" not in shown(Reading2, [Reading2(Decimal(3))])


def test_cards_registered_above_are_not_imported_by_date_commands() -> None:
    """fx and gold register their cards where their records are defined: `npkit date` (which
    shows cards too) imports neither them nor npkit.dates.periods (its cards wait for it)."""
    watched = {"npkit.fx", "npkit.gold", "npkit.news", "npkit.dates.periods"}
    commands = [["date", "today"], ["date", "today", "--json"], ["date", "convert", "2024-11-26"]]
    assert modules_imported_by_commands(commands, watched) == set()
    assert modules_imported_by_commands([["date", "fy", "2081"]], watched) == {
        "npkit.dates.periods"  # (the probe can see it)
    }
