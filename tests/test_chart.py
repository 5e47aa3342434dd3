"""``--chart``: the renderer on the recorded NRB and Nepali Patro histories (golden files in
tests/fixtures/charts/, and facts each chart must show whatever the golden file says), the
choice of braille or ASCII, the usage rules, ``gold --wide``, and the chart on a real
pseudo-terminal at 40 and 120 columns.

``NPKIT_GOLDEN_UPDATE=1`` rewrites the golden files (review the diff: the facts tests still
run)."""

from __future__ import annotations

import io
import os
import re
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from npkit.fx import nrb
from npkit.fx import summary as fx_summary
from npkit.gold import nepalipatro
from npkit.gold import summary as gold_summary
from npkit.output.chart import (
    ASCII,
    MAX_ROWS,
    UNICODE,
    Glyphs,
    chart_lines,
    render_charts,
    unicode_output,
)
from npkit.output.table import money_text
from npkit.output.width import cell_width
from npkit.stats import summarize
from tests.test_cli_gold import sources  # noqa: F401  (fixture)
from tests.test_terminal import fits, on_terminal

FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN = FIXTURES / "charts"
BULLIONS = FIXTURES / "gold" / "nepalipatro_bullions_2026-08-06_to_2026-08-17.json"
NRB_WEEK = FIXTURES / "nrb" / "rates_2026-08-10_to_2026-08-17.json"
BRAILLE = re.compile("[\u2801-\u28ff]")

PATRO = gold_summary.series(
    nepalipatro.parse(BULLIONS.read_bytes(), "https://api.nepalipatro.com.np")
)
NRB = fx_summary.series(nrb.parse(NRB_WEEK.read_bytes(), "https://www.nrb.org.np"), "buy")
CASES = {  # golden file → (title, points, width, glyphs)
    "gold_fine_tola_40": ("fine_gold, NPR per tola", PATRO[("fine_gold", "tola")], 40, UNICODE),
    "gold_fine_tola_40_ascii": (
        "fine_gold, NPR per tola", PATRO[("fine_gold", "tola")], 40, ASCII),
    "gold_silver_10g_120": ("silver, NPR per 10 g", PATRO[("silver", "10g")], 120, UNICODE),
    "nrb_usd_buy_80": ("USD buy, NPR per 1", NRB[("USD", 1)], 80, UNICODE),
    "nrb_jpy_buy_60_ascii": ("JPY buy, NPR per 10", NRB[("JPY", 10)], 60, ASCII),
    "nrb_inr_flat_40": ("INR buy, NPR per 100", NRB[("INR", 100)], 40, UNICODE),
}  # fmt: skip


def draw(case: str) -> list[str]:
    title, points, width, glyphs = CASES[case]
    return chart_lines(title, points, width=width, lines=24, glyphs=glyphs)


@pytest.mark.parametrize("case", sorted(CASES))
def test_golden_charts_of_recorded_histories(case: str) -> None:
    lines = draw(case)
    path = GOLDEN / f"{case}.txt"
    if os.environ.get("NPKIT_GOLDEN_UPDATE"):
        path.parent.mkdir(exist_ok=True)
        path.write_text("\n".join(lines) + "\n", "utf-8")
    assert lines == path.read_text("utf-8").splitlines()


# ---------------------------------------------------------------- what every chart shows


def parts(lines: list[str], glyphs: Glyphs, high_date: date) -> tuple[int, int, int]:
    """Indexes of the high marker line, the first plot row and the x axis."""
    axis = next(i for i, line in enumerate(lines) if line.lstrip().startswith(glyphs.corner))
    high = next(i for i, line in enumerate(lines) if f"high {high_date}" in line)
    return high, high + 1, axis


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_chart_shows_its_facts(case: str) -> None:
    title, points, width, glyphs = CASES[case]
    lines = draw(case)
    stats = summarize(points)
    assert stats is not None
    assert lines[0] == title
    assert all(cell_width(line) <= width for line in lines)
    assert len(lines) <= 24  # one chart fits a 24-line terminal
    if glyphs is ASCII:
        assert all(line.isascii() for line in lines)
    else:
        assert any(BRAILLE.search(line) for line in lines)
    high, top, axis = parts(lines, glyphs, stats.max_date)
    plot = lines[top:axis]
    assert 4 <= len(plot) <= MAX_ROWS
    margin = lines[axis].index(glyphs.corner) + 1
    # the high and the low are marked with their dates, right over/under their column...
    assert f"high {stats.max_date}" in lines[high]
    assert f"low {stats.min_date}" in lines[axis + 2]
    if stats.max != stats.min:
        high_at = lines[high].index(glyphs.high)
        low_at = lines[axis + 2].index(glyphs.low)
        assert plot[0][high_at : high_at + 1].strip(), "the high marker points at no line"
        assert plot[-1][low_at : low_at + 1].strip(), "the low marker points at no line"
        # ...and the price axis runs from the low to the high, in Nepali grouping
        places = 0 if stats.max - stats.min >= 10 else 2
        assert plot[0][: margin - 2].strip() == money_text(
            stats.max.quantize(Decimal(1).scaleb(-places)), places)  # fmt: skip
        assert plot[-1][: margin - 2].strip() == money_text(
            stats.min.quantize(Decimal(1).scaleb(-places)), places)  # fmt: skip
    dates = lines[axis + 1].split()
    assert dates[0] == f"{stats.first_date:%m-%d}" and dates[-1] == f"{stats.last_date:%m-%d}"
    footer = " ".join(" ".join(lines[axis + 3 :]).split())  # spacing aside
    for label, value, day in [
        ("first", stats.first, stats.first_date), ("last", stats.last, stats.last_date),
        ("high", stats.max, stats.max_date), ("low", stats.min, stats.min_date),
    ]:  # fmt: skip
        assert f"{label} {money_text(value, 2)} on {day}" in footer
    assert f"average {money_text(stats.mean, 2)}" in footer
    sign = "+" if stats.change > 0 else "-" if stats.change < 0 else ""
    change = f"change {sign}{money_text(abs(stats.change), 2)} ({sign}{abs(stats.change_pct)}%)"
    assert change in footer


def test_the_recorded_gold_chart_reads_as_published() -> None:
    """Read by hand from the Nepali Patro reply: low 2,96,000 on 6 August, high 3,07,900 on
    the 11th, last 3,06,800; +10,800 (+3.65%)."""
    text = "\n".join(draw("gold_fine_tola_40"))
    assert "3,07,900 ┤" in text and "2,96,000 ┤" in text
    assert "▼ high 2026-08-11" in text and "▲ low 2026-08-06" in text
    assert "change  +10,800.00 (+3.65%)" in text


def test_a_wide_terminal_pairs_the_footer_and_a_narrow_one_stacks_it() -> None:
    points = PATRO[("fine_gold", "tola")]
    wide = chart_lines("t", points, width=120)
    narrow = chart_lines("t", points, width=40)
    assert any("first" in line and "last" in line for line in wide)
    assert not any("first" in line and "last" in line for line in narrow)
    assert len(wide) < len(narrow)


def test_height_follows_the_terminal_lines() -> None:
    points = PATRO[("silver", "tola")]
    tall = chart_lines("t", points, width=80, lines=60)
    short = chart_lines("t", points, width=80, lines=13)  # 8 lines besides the plot
    assert len(tall) - len(short) == MAX_ROWS - 4  # between MIN_ROWS (4) and MAX_ROWS


def test_a_long_history_is_labelled_by_month_and_still_fits() -> None:
    start = date(2025, 1, 1)
    points = [(start + timedelta(d), Decimal(150 + (d % 37) - d / 50).quantize(Decimal("0.01")))
              for d in range(400)]  # fmt: skip
    for width in (40, 120):
        lines = chart_lines("USD buy", points, width=width)
        assert all(cell_width(line) <= width for line in lines)
        axis = next(i for i, line in enumerate(lines) if "└" in line)
        labels = lines[axis + 1].split()
        assert labels[0] == "2025-01" and labels[-1] == "2026-02"
        assert all(re.fullmatch(r"\d{4}-\d\d", label) for label in labels)


def test_one_point_and_no_points() -> None:
    lines = chart_lines("t", [(date(2026, 8, 17), Decimal("306800"))], width=40, glyphs=ASCII)
    assert sum(line.count("*") for line in lines) == 1
    assert "3,06,800" in "\n".join(lines) and all(cell_width(line) <= 40 for line in lines)
    assert chart_lines("t", [], width=40) == []
    stream = io.StringIO()
    assert render_charts([("t", [])], stream, width=40, unicode=True) == 0
    assert stream.getvalue() == ""


def test_a_title_from_outside_reaches_the_terminal_clean() -> None:
    lines = chart_lines("X\x1b]0;owned\x07Y buy", NRB[("USD", 1)], width=40)
    assert lines[0] == "XY buy" and not any("\x1b" in line for line in lines)


def test_several_series_are_one_chart_each() -> None:
    stream = io.StringIO()
    charts = [(f"{m} {u}", points) for (m, u), points in PATRO.items()]
    assert render_charts(charts, stream, width=40, lines=24, unicode=False) == 4
    text = stream.getvalue()
    assert [line for line in text.splitlines() if line in dict(charts)] == list(dict(charts))
    assert text.count("\n\n") == 3 and text.isascii()


# ---------------------------------------------------------------- braille or ASCII


def stream_in(encoding: str) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding=encoding)


@pytest.mark.parametrize(
    ("encoding", "env", "expected"),
    [
        ("utf-8", {"LC_ALL": "C.UTF-8"}, True),
        ("utf-8", {"LANG": "en_US.utf8"}, True),
        ("utf-8", {"LC_ALL": "C"}, False),  # Python writes UTF-8 under C: the terminal may not
        ("utf-8", {"LANG": "C", "LC_CTYPE": "C.UTF-8"}, False),  # Python's own LC_CTYPE (PEP 538)
        ("utf-8", {"LANG": "en_US.UTF-8", "LC_CTYPE": "C.UTF-8"}, True),
        ("utf-8", {"LC_ALL": "", "LC_CTYPE": "POSIX", "LANG": "en_US.UTF-8"}, False),
        ("utf-8", {"LC_ALL": "C", "PYTHONIOENCODING": "utf-8"}, True),
        ("utf-8", {}, True),  # no locale at all (Windows): the encoding decides
        ("ascii", {"LC_ALL": "C.UTF-8"}, False),
        ("latin-1", {"LANG": "de_DE.UTF-8"}, False),
        ("cp1252", {}, False),
    ],
)
def test_unicode_only_where_the_output_carries_it(
    monkeypatch: pytest.MonkeyPatch, encoding: str, env: dict[str, str], expected: bool
) -> None:
    for name in ("LC_ALL", "LC_CTYPE", "LANG", "PYTHONIOENCODING"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert unicode_output(stream_in(encoding)) is expected


# ---------------------------------------------------------------- the command line

GOLD = ("gold", "--from", "2026-08-06", "--to", "2026-08-17")


@pytest.mark.parametrize(
    "extra",
    [["--json"], ["-f", "json"], ["-f", "csv"], ["-f", "ndjson"], ["-f", "tsv"], ["-f", "raw"],
     ["-f", "table"], ["--fields", "price"], ["--style", "grid"]],
)  # fmt: skip
def test_a_chart_is_never_mixed_into_a_format(npkit, sources, extra: list[str]) -> None:  # noqa: F811
    result = npkit(*GOLD, "--chart", *extra)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "--chart draws for people" in result.stderr
    assert sources.requests() == {"fenegosida": [], "nepalipatro": [], "hamropatro": []}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["gold", "--chart"], "--chart summarises a history: give --from"),
        (["gold", "--date", "2026-08-12", "--stats"], "--stats summarises a history"),
        ([*GOLD, "--chart", "--stats"], "--chart and --stats are different views"),
        ([*GOLD, "--stats", "--wide"], "--stats and --wide are different views"),
        (["fx", "--from", "2026-08-10", "--chart", "--wide"], "--chart and --wide"),
        (["fx", "--from", "2026-08-10", "--rate", "sell"], "--rate chooses the figure of"),
    ],
)
def test_views_and_their_options_are_checked_first(npkit, sources, nrb, args, message) -> None:  # noqa: F811
    result = npkit(*args)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert nrb.server.requests == [] and sources.requests()["fenegosida"] == []


def test_fx_chart_in_a_pipe_is_the_output(npkit, nrb, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    args = ("fx", "usd", "eur", "--from", "2026-08-10", "--to", "2026-08-17", "--chart")
    result = npkit(*args, "--rate", "sell")
    assert result.exit_code == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == "USD sell, NPR per 1" and "EUR sell, NPR per 1" in lines
    assert all(cell_width(line) <= 60 for line in lines) and BRAILLE.search(result.stdout)
    monkeypatch.setenv("LC_ALL", "C")
    assert npkit(*args).stdout.isascii()


def test_gold_wide_has_a_column_per_metal_and_unit(npkit, sources) -> None:  # noqa: F811
    lines = npkit(*GOLD, "--wide", "-f", "csv").stdout.splitlines()
    assert lines[0] == "date,date_bs,fine_gold_tola,fine_gold_10g,silver_tola,silver_10g"
    assert lines[1] == "2026-08-06,2083-04-21,296000.00,253770.00,4570.00,3918.00"
    assert len(lines) == 1 + 10  # the trading days: Saturdays 8 and 15 August have none
    rows = npkit.json(*GOLD, "--wide", "--unit", "tola", "--fields", "date,silver_tola", "--json")
    assert rows[4] == {"date": "2026-08-11", "silver_tola": 4780.00}
    bad = npkit(*GOLD, "--wide", "--fields", "gold")
    assert bad.exit_code == 2 and "valid fields: date,date_bs,fine_gold_tola" in bad.stderr


# ---------------------------------------------------------------- on a real terminal

TERMINAL = {"NPKIT_TODAY": "2026-08-17", "LC_ALL": "C.UTF-8"}


@pytest.mark.parametrize("columns", [40, 120])
def test_the_chart_fits_the_terminal_and_marks_high_and_low(sources, columns: int) -> None:  # noqa: F811
    code, shown = on_terminal([*GOLD, "--unit", "tola", "--chart"], columns, **TERMINAL)
    assert code == 0, shown
    assert fits(shown, columns)
    assert shown.count("▼ high 2026-08-11") == 2  # fine gold and silver both peaked on the 11th
    assert shown.count("▲ low 2026-08-06") == 2
    assert "3,07,900 ┤" in shown and "4,780 ┤" in shown and BRAILLE.search(shown)
    first_chart = shown.split("\n\n")[0].splitlines()
    assert len(first_chart) <= 24 and first_chart[0] == "fine_gold, NPR per tola"


@pytest.mark.parametrize("locale", [{"LC_ALL": "C"}, {"LC_ALL": "", "LC_CTYPE": "", "LANG": "C"}])
def test_the_chart_is_ascii_where_the_locale_is_not_utf8(sources, locale) -> None:  # noqa: F811
    code, shown = on_terminal([*GOLD, "--metal", "gold", "--chart"], 40,
                              **{**TERMINAL, **locale})  # fmt: skip
    assert code == 0 and shown.isascii() and fits(shown, 40)
    assert "v high 2026-08-11" in shown and "^ low 2026-08-06" in shown
    assert "3,07,900 |" in shown and "2,96,000 |" in shown
