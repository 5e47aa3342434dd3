"""Tables for people: tabulate draws, npkit decides cells, widths, truncation and drops.

What the record types declare (TABLE_COLUMNS, TABLE_SPARSE, TABLE_DROP, TABLE_MONEY,
TABLE_SIGNED) is what ``output.render`` uses; the field ``from_`` is the column ``from``.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import Decimal

import pytest

from npkit import dates, days
from npkit.dates import periods
from npkit.errors import UsageError
from npkit.fx.records import Conversion
from npkit.gold.records import MetalPrice
from npkit.output import OutputSpec, field_names, output_spec, render, row_values
from npkit.output.table import money_text, nepali_grouping, render_table, shorten
from npkit.output.width import cell_width
from tests.support.probes import modules_imported_by_code


class Terminal(io.StringIO):
    """A stream that says it is a terminal (width comes from COLUMNS)."""

    def isatty(self) -> bool:
        return True


def drawn(records: list, record_type: type, spec: OutputSpec | None = None, tty: bool = False):
    stream = Terminal() if tty else io.StringIO()
    render(records, spec or OutputSpec("table", chosen=True), record_type, stream)
    return stream.getvalue()


@dataclass(frozen=True)
class Headline:
    n: int
    title: str
    source: str
    lang: str

    TABLE_DROP = ("lang", "source")


LONG = "Kathmandu valley municipalities announce a new waste plan " * 3
NEPALI = "काठमाडौं उपत्यकाका नगरपालिकाहरूले फोहोर व्यवस्थापनको नयाँ योजना सार्वजनिक गरे " * 2


def test_nepali_digit_grouping() -> None:
    assert nepali_grouping("13520250") == "1,35,20,250"
    assert nepali_grouping("100") == "100" and nepali_grouping("1000") == "1,000"
    assert money_text(Decimal("13520250"), 2) == "1,35,20,250.00"
    assert money_text(Decimal("-4089.5"), 2) == "-4,089.50"


def test_money_grouped_signed_and_decimals_aligned_in_tables_only() -> None:
    records = [
        MetalPrice("2026-08-17", "2083-05-01", "fine_gold", "tola", Decimal("13520250"),
                   Decimal("100"), "fenegosida"),
        MetalPrice("2026-08-17", "2083-05-01", "silver", "tola", Decimal("4770.5"),
                   Decimal("-60.25"), "fenegosida"),
        MetalPrice("2026-08-17", "2083-05-01", "silver", "10g", Decimal("4089"), Decimal("0"),
                   "fenegosida"),
    ]  # fmt: skip
    header, _, *rows = drawn(records, MetalPrice).splitlines()
    assert "requested" not in header  # sparse: no row has one
    assert "1,35,20,250.00" in rows[0] and "▲ 100.00" in rows[0]
    assert "4,770.50" in rows[1] and "▼ 60.25" in rows[1]
    ends = {line.index(price) + len(price) for line, price in
            zip(rows, ["1,35,20,250.00", "4,770.50", "4,089.00"], strict=True)}  # fmt: skip
    assert len(ends) == 1  # right-aligned with the same decimals: the points line up
    csv = drawn(records, MetalPrice, OutputSpec("csv"))
    assert "13520250,100,fenegosida" in csv and "▲" not in csv and "requested" in csv
    fields = vars_of(records[1])
    fields[field_names(MetalPrice).index("requested")] = "2026-08-16"
    with_requested = [*records[:1], MetalPrice(*fields)]
    assert "requested" in drawn(with_requested, MetalPrice).splitlines()[0]


def vars_of(record: MetalPrice) -> list:
    return list(row_values(record, field_names(MetalPrice)))


def test_from_underscore_is_the_column_from_everywhere() -> None:
    conversion = Conversion(Decimal(100), "USD", "NPR", Decimal("152.40"), Decimal("15240.00"),
                            "buy", "2026-08-12", "2083-04-27")  # fmt: skip
    assert "from" in field_names(Conversion) and "from_" not in field_names(Conversion)
    assert row_values(conversion, ("from", "to")) == ("USD", "NPR")
    assert drawn([conversion], Conversion, OutputSpec("json")).count('"from": "USD"') == 1
    header = drawn([conversion], Conversion).splitlines()[0].split()
    assert header == ["amount", "from", "to", "rate", "result", "rate_side", "date"]
    assert "15,240.00" in drawn([conversion], Conversion)
    fields = output_spec("raw", fields="from,result")
    assert drawn([conversion], Conversion, fields) == "USD\t15240.00\n"


def test_not_a_terminal_is_never_fitted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    text = drawn([Headline(1, LONG, "kathmandupost", "en")], Headline)
    assert LONG.strip() in text and "…" not in text


@pytest.mark.parametrize("columns", [40, 60, 120])
@pytest.mark.parametrize("title", [LONG, NEPALI])
def test_terminal_tables_fit_by_shortening_and_dropping(
    columns: int, title: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    rows = [Headline(n, title[: 40 + n * 7], "kathmandupost", "en") for n in range(1, 12)]
    text = drawn(rows, Headline, tty=True)
    lines = text.splitlines()
    assert max(cell_width(line) for line in lines) <= columns, text
    assert "…" in text or columns == 120  # at 120 the titles may fit whole
    rule = next(i for i, line in enumerate(lines) if line.startswith("--"))
    header, above = lines[rule - 1].split(), " ".join(lines[: rule - 1])
    assert header[:2] == ["n", "title"]
    # what every row shares is said once above the table rather than dropped
    assert "source: kathmandupost" in above and "lang: en" in above
    assert "source" not in header and "lang" not in header


def test_date_fy_fits_80_and_40_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    records = periods.fiscal_year(dates.parse_to_ad("2026-12-01", None))
    assert max(map(len, drawn(records, periods.FiscalPeriod).splitlines())) > 110  # a pipe
    for columns in (80, 40):
        monkeypatch.setenv("COLUMNS", str(columns))
        text = drawn(records, periods.FiscalPeriod, tty=True)
        assert max(cell_width(line) for line in text.splitlines()) <= columns, text
        lines = text.splitlines()
        header = lines[next(i for i, line in enumerate(lines) if line.startswith("--")) - 1]
        assert "period" in header and "start_bs" in header


def test_shorten_counts_terminal_cells() -> None:
    assert shorten("abcdef", 4) == "abc…"
    assert shorten("abc", 4) == "abc"
    cut = shorten(NEPALI, 20)
    assert cut.endswith("…") and cell_width(cut) <= 20


@pytest.mark.parametrize(
    ("style", "marker"),
    [("github", "|---"), ("grid", "+==="), ("plain", None), ("simple", "---")],
)
def test_styles_are_tabulates(style: str, marker: str | None) -> None:
    stream = io.StringIO()
    render_table([("2024-11-26", 3)], ["ad", "n"], stream, style=style)
    text = stream.getvalue()
    if marker is None:
        assert "-" not in text.replace("2024-11-26", "") and text.startswith("ad")
    else:
        assert marker in text.replace(":", "-")


def test_markdown_is_github_and_style_is_for_tables() -> None:
    assert output_spec(None, style="markdown").style == "github"
    assert output_spec(None, style="grid").chosen  # a style asks for a table, not a card
    with pytest.raises(UsageError, match="--style draws tables"):
        output_spec("json", style="grid")
    with pytest.raises(UsageError, match="--no-header is for csv and tsv"):
        output_spec("json", header=False)


def test_no_header_and_raw() -> None:
    day = days.day("2024-11-26")
    spec = output_spec("csv", fields="ad,bs", header=False)
    assert drawn([day], days.ConvertedDay, spec) == "2024-11-26,2081-08-11\n"
    assert drawn([day], days.ConvertedDay, output_spec("raw", fields="bs")) == "2081-08-11\n"
    assert drawn([], days.ConvertedDay, output_spec("raw")) == ""


def test_tabulate_is_imported_only_to_draw_a_table_it_draws() -> None:
    """The ``simple`` style is drawn by npkit itself (tests/test_table_simple.py); other
    styles by tabulate."""
    setup = (
        "import io\nfrom npkit import days\nfrom npkit.output import OutputSpec, render\n"
        "day = days.day('2024-11-26')\n"
    )
    json_only = setup + "render([day], OutputSpec('json'), days.ConvertedDay, io.StringIO())"
    table = setup + "render([day], OutputSpec('table'), days.ConvertedDay, io.StringIO())"
    grid = setup + (
        "render([day], OutputSpec('table', style='grid'), days.ConvertedDay, io.StringIO())"
    )
    assert modules_imported_by_code(json_only, {"tabulate"}) == set()
    assert modules_imported_by_code(table, {"tabulate"}) == set()
    assert modules_imported_by_code(grid, {"tabulate"}) == {"tabulate"}
