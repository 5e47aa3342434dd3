"""``npkit date convert --column``: spreadsheets in and out (issue #11), the bulk-input rules
of issue #12, and the patro fields of issue #9."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import Npkit

SALES = "id,date,amount\n1,2024-11-26,500\n2,2025-04-14,75\n"


def rows(text: str, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


# ---------------------------------------------------------------- columns, files, delimiters


def test_several_columns_in_one_run(npkit: Npkit) -> None:
    source = "id,ordered,shipped\n1,2024-11-26,2024-11-27\n2,,2025-04-14\n"
    result = npkit("date", "convert", "--column", "ordered", "--column", "shipped", input=source)
    assert result.exit_code == 0, result.stderr
    assert rows(result.stdout) == [
        ["id", "ordered", "shipped", "ordered_bs", "shipped_bs"],
        ["1", "2024-11-26", "2024-11-27", "2081-08-11", "2081-08-12"],
        ["2", "", "2025-04-14", "", "2082-01-01"],
    ]


def test_a_repeated_column_is_an_error_not_ignored(npkit: Npkit) -> None:
    result = npkit("date", "convert", "--column", "d", "--column", "d", input="d\n2024-11-26\n")
    assert result.exit_code == 2 and "--column 'd' is given twice" in result.stderr


def test_files_as_arguments(npkit: Npkit, tmp_path: Path) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text(SALES, encoding="utf-8")
    second.write_text("id,date,amount\n3,2024-11-27,1\n", encoding="utf-8")
    result = npkit("date", "convert", "--column", "date", str(first), str(second))
    assert result.exit_code == 0, result.stderr
    assert [r[-1] for r in rows(result.stdout)] == ["date_bs", "2081-08-11", "2082-01-01",
                                                     "2081-08-12"]  # fmt: skip
    second.write_text("id,when\n3,2024-11-27\n", encoding="utf-8")
    differs = npkit("date", "convert", "--column", "date", str(first), str(second))
    assert differs.exit_code == 2 and "the header differs" in differs.stderr
    missing = npkit("date", "convert", "--column", "date", str(tmp_path / "nope.csv"))
    assert missing.exit_code == 2 and "cannot read" in missing.stderr


def test_bad_cell_in_a_file_names_the_file_and_line(npkit: Npkit, tmp_path: Path) -> None:
    path = tmp_path / "sales.csv"
    path.write_text("d\n2024-11-26\nxx\n", encoding="utf-8")
    result = npkit("date", "convert", "--column", "d", str(path))
    assert result.exit_code == 2
    assert f"npkit: date: {path}: line 3: 'xx' is not a date I can read" in result.stderr
    assert result.stdout == "d,d_bs\n2024-11-26,2081-08-11\n"  # the rows before it


def test_delimiter_and_the_hint_when_it_is_wrong(npkit: Npkit) -> None:
    source = "id;date;amount\n1;2024-11-26;1,5\n"
    wrong = npkit("date", "convert", "--column", "date", input=source)
    assert wrong.exit_code == 2 and wrong.stdout == ""
    assert "no column 'date' in the CSV header 'id;date;amount'" in wrong.stderr
    assert "use --delimiter ';'" in wrong.stderr
    right = npkit("date", "convert", "--column", "date", "--delimiter", ";", input=source)
    assert right.stdout == "id;date;amount;date_bs\n1;2024-11-26;1,5;2081-08-11\n"
    tabs = npkit("date", "convert", "--column", "date", "--delimiter", "tab",
                 input="id\tdate\n1\t2024-11-26\n")  # fmt: skip
    assert tabs.stdout == "id\tdate\tdate_bs\n1\t2024-11-26\t2081-08-11\n"
    bad = npkit("date", "convert", "--column", "date", "--delimiter", ";;", input=source)
    assert bad.exit_code == 2 and "--delimiter must be one character" in bad.stderr


def test_bom_and_crlf_come_out_as_they_went_in(npkit: Npkit) -> None:
    source = "\ufeffid,date\r\n1,2024-11-26\r\n2,2025-04-14\r\n".encode()
    result = npkit("date", "convert", "--column", "date", input=source)
    assert (
        result.stdout_bytes
        == (
            "\ufeffid,date,date_bs\r\n1,2024-11-26,2081-08-11\r\n2,2025-04-14,2082-01-01\r\n"
        ).encode()
    )


CELL = st.sampled_from(["2024-11-26", "26/11/2024", "", "x", "a,b", 'say "hi"', "मंसिर ११, २०८१"])


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    table=st.lists(st.tuples(CELL, CELL), min_size=0, max_size=8),
    crlf=st.booleans(),
    bom=st.booleans(),
)
def test_round_trip_keeps_every_input_byte(
    npkit: Npkit, table: list[tuple[str, str]], crlf: bool, bom: bool
) -> None:
    """Whatever the cells, line ends and BOM, each output line is its input line plus the
    added cells (a bad date kept going: an empty one)."""
    end = "\r\n" if crlf else "\n"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=end).writerows([("note", "date"), *table])
    source = ("\ufeff" if bom else "") + buffer.getvalue()
    result = npkit("-q", "date", "convert", "--column", "date", "--keep-going",
                   input=source.encode())  # fmt: skip
    assert result.exit_code == 0, result.stderr
    out = result.stdout_bytes.decode()
    assert out.startswith("\ufeff") == bom
    in_lines = source.removeprefix("\ufeff").split(end)
    out_lines = out.removeprefix("\ufeff").split(end)
    assert len(in_lines) == len(out_lines)
    for before, after in zip(in_lines, out_lines, strict=True):
        assert after.startswith(before)
        assert "\r" not in after.removeprefix(before)


# ---------------------------------------------------------------- fields and reading


def test_period_and_bs_fields_named_column_field(npkit: Npkit) -> None:
    fields = "fiscal_year,quarter,chaumasik,fy_month,bs_year,bs_month,bs_month_name,bs_month_ne"
    data = npkit.json("date", "convert", "--column", "date", "--fields", fields, "--json",
                      input="date\n2024-11-26\n2025-07-20\n")  # fmt: skip
    assert data[0] == {
        "date": "2024-11-26", "date_fiscal_year": "2081/82", "date_quarter": "Q2",
        "date_chaumasik": "C2", "date_fy_month": 5, "date_bs_year": 2081, "date_bs_month": 8,
        "date_bs_month_name": "Mangsir", "date_bs_month_ne": "मंसिर",
    }  # fmt: skip
    assert (data[1]["date_fiscal_year"], data[1]["date_quarter"]) == ("2082/83", "Q1")
    assert (data[1]["date_chaumasik"], data[1]["date_fy_month"]) == ("C1", 1)  # 4 Shrawan 2082


def test_pattern_field_ascii_and_devanagari(npkit: Npkit) -> None:
    result = npkit("date", "convert", "--column", "date", "--add", "bs,pattern",
                   "-p", "%K/%n/%D", input="date\n2024-11-26\n")  # fmt: skip
    assert result.stdout == "date,date_bs,date_pattern\n2024-11-26,2081-08-11,२०८१/०८/११\n"
    plain = npkit(
        "date", "convert", "--column", "date", "-p", "%Y/%m/%d", input="date\n2024-11-26\n"
    )
    assert plain.stdout == "date,date_pattern\n2024-11-26,2081/08/11\n"
    needs = npkit("date", "convert", "--column", "date", "--add", "pattern", input="date\n")
    assert needs.exit_code == 2 and "needs -p/--pattern" in needs.stderr
    both = npkit("date", "convert", "--column", "d", "--add", "bs", "--fields", "bs", input="d\n")
    assert both.exit_code == 2 and "give one" in both.stderr
    unknown = npkit("date", "convert", "--column", "d", "--add", "nope", input="d\n")
    assert unknown.exit_code == 2 and "unknown field 'nope'; valid fields: ad," in unknown.stderr


@pytest.mark.parametrize(
    ("cells", "options"),
    [
        (["26/11/2024", "11 Mangsir 2081", "2024-11-26T10:00:00+05:45", "२०८१-०८-११"], []),
        (["05/11/2024"], ["--dayfirst"]),
        (["11/05/2024"], ["--monthfirst"]),
        (["05.11.2024"], ["--input-format", "%d.%m.%Y"]),
        (["2081-08-11"], []),  # a year only BS has
    ],
)
def test_cells_are_read_as_people_type_them(
    npkit: Npkit, cells: list[str], options: list[str]
) -> None:
    expected = {"2024-11-26", "2024-11-05", "2081-08-11"}
    source = "d\n" + "".join(f'"{c}"\n' for c in cells)
    data = npkit.json("date", "convert", "--column", "d", "--add", "ad", "--json", *options,
                      input=source)  # fmt: skip
    assert {row["d_ad"] for row in data} <= expected and len(data) == len(cells)


def test_dayfirst_and_monthfirst_contradict(npkit: Npkit) -> None:
    result = npkit("date", "convert", "--dayfirst", "--monthfirst", "05/11/2024")
    assert result.exit_code == 2 and "--dayfirst contradicts --monthfirst" in result.stderr


def test_line_mode_takes_the_same_input_options(npkit: Npkit) -> None:
    result = npkit("date", "convert", "--dayfirst", "-f", "csv", "--fields", "ad", "-",
                   input="05/11/2024\n26/11/2024\n")  # fmt: skip
    assert result.stdout == "ad\n2024-11-05\n2024-11-26\n"
    layout = npkit("date", "convert", "--input-format", "%d %B %Y", "-p", "%F", "-",
                   input="11 Mangsir 2081\n")  # fmt: skip
    assert layout.stdout == "2024-11-26\n"


# ---------------------------------------------------------------- --keep-going keeps alignment

LINE = st.sampled_from(["2024-11-26", "", "   ", "xx", "2081-02-33", "26/11/2024", "\r"])


@settings(max_examples=50, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(LINE, max_size=12))
def test_keep_going_output_rows_equal_input_lines(npkit: Npkit, lines: list[str]) -> None:
    source = "".join(line + "\n" for line in lines)
    result = npkit("-q", "date", "convert", "--keep-going", "-f", "csv", "--fields", "ad", "-",
                   input=source)  # fmt: skip
    assert result.exit_code == 0
    assert result.stdout.split("\n")[1:-1] == [
        "2024-11-26" if line in ("2024-11-26", "26/11/2024") else "" for line in lines
    ]
    data = npkit.json("-q", "date", "convert", "--keep-going", "--json", "-", input=source)
    assert len(data) == len(lines)
    pattern = npkit("-q", "date", "convert", "--keep-going", "-p", "%F", "-", input=source)
    assert pattern.stdout.count("\n") == len(lines)


@settings(max_examples=50, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(LINE, max_size=12))
def test_keep_going_csv_rows_equal_input_rows(npkit: Npkit, lines: list[str]) -> None:
    source = "id,d\n" + "".join(f"{i},{line}\n" if line.strip() else "\n"
                                for i, line in enumerate(lines))  # fmt: skip
    result = npkit("-q", "date", "convert", "--column", "d", "--keep-going", input=source)
    assert result.exit_code == 0
    assert result.stdout.count("\n") == source.count("\n")
    data = npkit.json("-q", "date", "convert", "--column", "d", "--keep-going", "--json",
                      input=source)  # fmt: skip
    assert len(data) == len(lines)


def test_blank_line_in_table_mode_keeps_its_row_with_keep_going(npkit: Npkit) -> None:
    result = npkit("date", "convert", "--keep-going", "-", input="2024-11-26\n\n2024-11-27\n")
    body = result.stdout.splitlines()[2:]
    assert len(body) == 3 and body[1].strip() == ""


# ---------------------------------------------------------------- input the locale cannot decode


BAD_UTF8 = b"2024-11-26\n\xff\xfe2024\n2024-11-27\n"


@pytest.mark.parametrize(
    "args",
    [
        ["-f", "csv", "-"],
        ["-"],  # table
        ["-p", "%F", "-"],
    ],
)
def test_invalid_utf8_is_that_lines_error(npkit: Npkit, args: list[str]) -> None:
    stopped = npkit("date", "convert", *args, input=BAD_UTF8)
    assert stopped.exit_code == 2
    assert "line 2: not UTF-8 text" in stopped.stderr and stopped.stderr.count("\n") == 1
    kept = npkit("date", "convert", "--keep-going", *args, input=BAD_UTF8)
    assert kept.exit_code == 0 and "warning: date: line 2: not UTF-8 text" in kept.stderr
    assert "2024-11-27" in kept.stdout


def test_invalid_utf8_in_a_csv_column(npkit: Npkit) -> None:
    source = b"n,d\n1,2024-11-26\n\xff,2024-11-27\n3,2025-04-14\n"
    stopped = npkit("date", "convert", "--column", "d", input=source)
    assert stopped.exit_code == 2 and "line 3: not UTF-8 text" in stopped.stderr
    assert stopped.stdout == "n,d,d_bs\n1,2024-11-26,2081-08-11\n"
    kept = npkit("date", "convert", "--column", "d", "--keep-going", input=source)
    # the bad row keeps its bytes, its added cell empty (issue 21)
    expected = b"n,d,d_bs\n1,2024-11-26,2081-08-11\n\xff,2024-11-27,\n3,2025-04-14,2082-01-01\n"
    assert kept.stdout_bytes == expected


def test_a_cell_over_128_kib_passes_through(npkit: Npkit) -> None:
    note = "x" * 200_000
    source = f'note,d\n"{note}",2024-11-26\n{note},2024-11-27\n'
    result = npkit("date", "convert", "--column", "d", input=source)
    assert result.exit_code == 0, result.stderr[:200]
    assert rows(result.stdout)[1:] == [[note, "2024-11-26", "2081-08-11"],
                                       [note, "2024-11-27", "2081-08-12"]]  # fmt: skip


def test_an_unterminated_10_mb_line_is_quoted_short(npkit: Npkit) -> None:
    result = npkit("date", "convert", "-f", "csv", "-", input=b"1" * 10_000_000)
    assert result.exit_code == 2 and len(result.stderr) < 300
    assert result.stderr.count("\n") == 1


def test_a_newline_in_a_pattern_keeps_the_message_on_one_line(npkit: Npkit) -> None:
    result = npkit("date", "convert", "-p", "%\n", "2024-11-26")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1


def test_quoted_cells_with_line_ends_are_kept(npkit: Npkit) -> None:
    source = 'note,d\n"two\nlines",2024-11-26\n"a ""q""",\n'
    result = npkit("date", "convert", "--column", "d", input=source)
    assert result.stdout == 'note,d,d_bs\n"two\nlines",2024-11-26,2081-08-11\n"a ""q""",,\n'


def test_table_of_long_stdin_switches_to_tsv(npkit: Npkit, monkeypatch: pytest.MonkeyPatch) -> None:
    from npkit.sheets import bulk

    monkeypatch.setattr(bulk, "TABLE_ROWS", 3)
    result = npkit("date", "convert", "--fields", "ad,bs", "-", input="2024-11-26\n" * 5)
    assert result.stdout == "ad\tbs\n" + "2024-11-26\t2081-08-11\n" * 5
    assert "more than 3 dates: writing tsv instead of a table" in result.stderr
    short = npkit("date", "convert", "--fields", "ad,bs", "-", input="2024-11-26\n" * 3)
    assert short.stdout.splitlines()[1].startswith("-----")


@pytest.mark.parametrize("fields", [None, "ad,bs,tithi,day_off"])
def test_a_long_table_streams_the_same_rows_as_tsv(
    npkit: Npkit, monkeypatch: pytest.MonkeyPatch, fields: str | None
) -> None:
    """Past TABLE_ROWS the table's stdin takes the line formats' path (a memo, a lookup per
    line): its rows, bad and blank lines kept going, are `-f tsv --keep-going`'s, the warnings
    too; and without --keep-going a bad line after the switch stops it at the same row."""
    from npkit.sheets import bulk

    monkeypatch.setattr(bulk, "TABLE_ROWS", 4)
    monkeypatch.setattr(bulk, "PREFILL_AFTER", 3)  # the prefilled day table is used too
    days = [f"20{y:02d}-0{m}-1{d}" for y in range(10, 40, 7) for m in (1, 5) for d in (2, 8)]
    lines = [*days[:3], "", *days[3:9], "nonsense", "", *days, "2024-13-45", *days[:5]]
    source = "\n".join(lines) + "\n"
    options = ["--keep-going", *(["--fields", fields] if fields else []), "-"]
    table = npkit("date", "convert", *options, input=source)
    tsv = npkit("date", "convert", "-f", "tsv", *options, input=source)
    assert table.exit_code == tsv.exit_code == 0
    assert table.stdout == tsv.stdout and table.stdout.count("\n") == len(lines) + 1
    assert table.stderr.count("left empty") == tsv.stderr.count("left empty") == 2
    strict = npkit("date", "convert", *options[1:], input=source)
    strict_tsv = npkit("date", "convert", "-f", "tsv", *options[1:], input=source)
    assert strict.exit_code == strict_tsv.exit_code == 2 and "line 11:" in strict.stderr
    assert strict.stdout == strict_tsv.stdout and strict.stdout.count("\n") == 1 + 9


def _random_days(count: int, seed: int) -> list[str]:
    """``count`` random ISO days over the whole supported range (BS 2096 included)."""
    import random

    from npkit import dates

    first, last = (day.toordinal() for day, _ in (dates.first_day(), dates.last_day()))
    pick = random.Random(seed).randint
    return [dates.first_day()[0].fromordinal(pick(first, last)).isoformat() for _ in range(count)]


@pytest.mark.parametrize("form", [["-f", "csv"], []])  # the line path, and the table's switch
def test_random_days_in_small_blocks_match_single_conversions(
    npkit: Npkit, monkeypatch: pytest.MonkeyPatch, form: list[str]
) -> None:
    """Random days read 100 lines a block take the day table by AD ordinal (convert_block)
    once it is filled; blocks it cannot take (a blank line, a bad day, CRLF, a BS-looking
    year, a day out of range) go line by line. Every row is the day's own conversion, in
    input order, and the BS 2096 warning is given once."""
    from npkit import dates
    from npkit.sheets import bulk

    monkeypatch.setattr(bulk, "CHUNK_SIZE", 1100)
    monkeypatch.setattr(bulk, "PREFILL_AFTER", 3)
    monkeypatch.setattr(bulk, "TABLE_ROWS", 150)
    days = _random_days(3000, 2083)
    odd = {700: "", 1210: "2024-02-30", 1650: "2081-08-11", 2100: "1900-01-01", 2500: "x"}
    lines = [odd.get(number, day) for number, day in enumerate(days)]
    lines[2800] += "\r"
    source = "\n".join(lines) + "\n"
    result = npkit("date", "convert", *form, "--fields", "ad,bs", "--keep-going", "-", input=source)
    assert result.exit_code == 0, result.stderr
    got = result.stdout.splitlines()[1:]
    expected = []
    for line in lines:
        try:
            ad, bs = dates.parse_day(line.strip())
            expected.append(f"{ad},{bs}")
        except Exception:
            expected.append(",")
    separator = "," if form else "\t"
    assert got == [row.replace(",", separator) for row in expected]
    assert result.stderr.count("BS 2096 has 364 days") == 1
    assert result.stderr.count("left empty") == 3  # 2024-02-30, 1900-01-01, x (blank: no warning)


def test_the_day_table_takes_only_whole_iso_blocks(caplog: pytest.LogCaptureFixture) -> None:
    """convert_block answers a block of ISO AD lines from the day table, exactly as the memo
    would, and declines (None) anything else; a day of BS 2096 gives the run's warning first."""
    import io

    from npkit import dates
    from npkit.dates import Reading
    from npkit.output import RowWriter, output_spec
    from npkit.sheets import bulk

    columns = ("ad", "bs", "weekday")
    writer = RowWriter(output_spec("csv", fields=",".join(columns)), columns, io.StringIO())
    converter = bulk._LineConverter(writer, Reading(), keep_going=True)
    assert converter.convert_block(b"2024-11-26\n" * 600) is None  # few distinct: the memo's
    assert not converter.prefilled
    days = _random_days(700, 20)
    outside = [day for day in days if dates.ad_to_bs(date.fromisoformat(day)).year != 2096]
    block = "".join(f"{day}\n" for day in outside).encode()
    converted = converter.convert_block(block)  # many distinct days: the table is filled first
    assert converted is not None
    pieces, count = converted
    assert converter.prefilled and not converter.memo_filled  # the memo is filled on demand
    expected = []
    for day in outside:
        ad = date.fromisoformat(day)
        expected.append(f"{day},{dates.ad_to_bs(ad)},{ad.strftime('%A')}\n")
    assert "".join(pieces) == "".join(expected) and count == len(expected)
    from npkit.output.lines import WRITE_CHARS

    wide = converter.convert_block(block * 4)  # in pieces of about WRITE_CHARS, not one string
    assert wide is not None and len(wide[0]) > 1 and max(map(len, wide[0])) <= WRITE_CHARS
    assert "".join(wide[0]) == "".join(expected) * 4
    refused = [b"2024-11-26\r\n", b"2024-11-26\n\n", b"2024-02-30\n", b"1918-04-12\n",
               b"2044-04-13\n", b"2081-08-11\n", b"2024-11-2\n6\n", b"2024/11/26\n",
               "२०२४-११-२६\n".encode(), b"2024-11-26", b"1899-12-31\n", b"2100-01-01\n",
               b"2024-13-01\n", b"2024-00-10\n", b"2024-11-00\n", b"2024-11-40\n",
               b"2024-20-01\n", b"1024-11-26\n", b"2924-11-26\n", b"2024-1a-26\n",
               b"2024-11-26 \n"]  # fmt: skip
    for text in refused:
        assert converter.convert_block(block + text) is None, text
    in_2096 = next(day for day in days if dates.ad_to_bs(date.fromisoformat(day)).year == 2096)
    dates.reset_warnings()
    with caplog.at_level("WARNING"):
        got = converter.convert_block(f"{in_2096}\n{in_2096}\n".encode())  # warns, once
    ad = date.fromisoformat(in_2096)
    assert got == ([f"{in_2096},{dates.ad_to_bs(ad)},{ad.strftime('%A')}\n" * 2], 2)
    assert [r.getMessage() for r in caplog.records].count(
        "date: BS 2096 has 364 days in the calendar data (impossible): dates in it may be off "
        "by one day (see the accuracy section of the date docs)"
    ) == 1
    assert converter.unverified.warned and not converter.held
    assert converter.convert_block(b"") is None


@pytest.mark.skipif(
    not Path("/proc/self/clear_refs").exists(), reason="measures peak memory per run (Linux)"
)
def test_table_mode_memory_stays_flat(tmp_path: Path) -> None:
    """The default table of stdin holds at most TABLE_ROWS rows (the rest is streamed as tsv):
    peak memory does not grow with the input. One process runs `npkit -q date convert -` over
    50 dates (a drawn table: everything imported), then 1,000, then 12,000, with TABLE_ROWS at
    100: the code path of 10 MB at the real limit, in a fraction of the time. Each run's own
    peak (VmHWM, reset before it) must barely grow from 1,000 to 12,000 dates; holding the
    rows instead costs ~1.6 KB each: ~19 MB more here (it was 1.2 GB for 1,000,000 dates)."""
    names = []
    for count in (50, 1_000, 12_000):
        path = tmp_path / f"{count}.txt"
        path.write_bytes(b"2024-11-26\n" * count)
        names.append(str(path))
    script = (
        "import sys\n"
        "from npkit.sheets import bulk\n"
        "bulk.TABLE_ROWS = 100\n"
        "from npkit.cli import main\n"
        "def peak():\n"
        "    with open('/proc/self/status') as f:\n"
        "        return next(int(l.split()[1]) for l in f if l.startswith('VmHWM'))\n"
        "peaks = []\n"
        f"for name in {names!r}:\n"
        "    with open('/proc/self/clear_refs', 'w') as f:\n        f.write('5')\n"
        "    sys.stdin = open(name, encoding='utf-8')\n"
        "    try:\n        main(['-q','date','convert','-'])\n"
        "    except SystemExit:\n        pass\n"
        "    peaks.append(peak())\n"
        "print(peaks[2] - peaks[1], file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert result.stdout.count(b"\n") == 52 + 1_001 + 12_001  # a table, then tsv: every date
    growth_kib = int(result.stderr.decode().strip().splitlines()[-1])
    assert growth_kib < 4 * 1024, growth_kib  # < 4 MB more for 11,000 more dates


# ---------------------------------------------------------------- patro fields (issue #9)


def test_patro_fields_in_argument_stdin_and_csv_modes(npkit: Npkit) -> None:
    from npkit import patro

    day = patro.day("2024-11-26")
    (record,) = npkit.json("date", "convert", "--json", "--fields",
                           "ad,tithi,paksha,tithi_name,tithi_ne,adhik", "2024-11-26")  # fmt: skip
    names = ("tithi", "paksha", "tithi_name", "tithi_ne", "adhik")
    expected = {"ad": "2024-11-26", **{name: getattr(day, name) for name in names}}
    assert record == expected
    stdin = npkit("date", "convert", "-f", "csv", "--fields", "bs,tithi_name,ns_year", "-",
                  input="2024-11-26\n")  # fmt: skip
    assert stdin.stdout == f"bs,tithi_name,ns_year\n2081-08-11,{day.tithi_name},{day.ns_year}\n"
    sheet = npkit("date", "convert", "--column", "d", "--add", "lunar_month,sunrise",
                  input="d\n2024-11-26\n")  # fmt: skip
    assert sheet.stdout == (
        f"d,d_lunar_month,d_sunrise\n2024-11-26,{day.lunar_month},{day.sunrise:%H:%M}\n"
    )


def test_patro_is_imported_only_when_asked_for() -> None:
    code = (
        "import sys; from npkit.cli import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "print('PATRO' if 'npkit.patro' in sys.modules else 'NONE', file=sys.stderr)\n"
    )
    cases = ((["--json", "2024-11-26"], "NONE"),
             (["--json", "--fields", "ad,tithi", "2024-11-26"], "PATRO"))  # fmt: skip
    for args, expected in cases:
        result = subprocess.run([sys.executable, "-c", code, "date", "convert", *args],
                                capture_output=True, text=True)  # fmt: skip
        assert result.stderr.strip().endswith(expected), result.stderr


# ---------------------------------------------------------------- fy, diff, add (issue #10)


def test_fy_by_label(npkit: Npkit, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NPKIT_TODAY", "2026-12-01")
    for label in ("2081/82", "2081", "२०८१/८२"):
        data = npkit.json("date", "fy", label, "--json")
        assert data[0]["fiscal_year"] == "2081/82" and data[0]["start_bs"] == "2081-04-01"
        assert not any(row["current"] for row in data)
    now = npkit.json("date", "fy", "2083/84", "--json")
    assert [r["period"] for r in now if r["current"]] == ["FY", "Q2", "C2"]
    wrong = npkit("date", "fy", "2081/83")
    assert wrong.exit_code == 2 and "write 2081/82" in wrong.stderr


def test_diff_with_one_date_counts_from_today(npkit: Npkit, monkeypatch) -> None:
    monkeypatch.setenv("NPKIT_TODAY", "2026-12-01")
    (record,) = npkit.json("date", "diff", "2026-12-25", "--json")
    assert (record["from_ad"], record["days"]) == ("2026-12-01", 24)
    (back,) = npkit.json("date", "diff", "yesterday", "tomorrow", "--json")
    assert back["days"] == 2


def test_add_today(npkit: Npkit, monkeypatch) -> None:
    monkeypatch.setenv("NPKIT_TODAY", "2026-12-01")
    (record,) = npkit.json("date", "add", "today", "30", "--json")
    assert record["ad"] == "2026-12-31"


def test_convert_reads_its_own_published_timestamps(npkit: Npkit) -> None:
    (record,) = npkit.json("date", "convert", "--json", "2026-08-17T00:00:24+05:45")
    assert record["bs"] == "2083-05-01"


def test_json_of_csv_has_header_keys(npkit: Npkit) -> None:
    data = json.loads(
        npkit("date", "convert", "--column", "date", "-f", "json", input=SALES).stdout
    )
    assert data[0] == {"id": "1", "date": "2024-11-26", "amount": "500", "date_bs": "2081-08-11"}


@pytest.mark.parametrize(
    "args",
    [
        ["date", "convert", "--from", "ad", "--from", "bs", "2024-11-26"],
        ["date", "convert", "--column", "d", "--delimiter", ";", "--delimiter", ","],
        ["date", "convert", "-p", "%Y", "-p", "%m", "2024-11-26"],
        ["date", "convert", "--input-format", "%Y", "--input-format", "%d", "x"],
        ["date", "fy", "--from", "bs", "--from", "ad", "2081-01-01"],
        ["fx", "convert", "--column", "a", "--currency", "USD", "--currency", "EUR"],
        ["fx", "convert", "100", "USD", "--date", "2026-08-12", "--date", "2026-08-13"],
    ],
)
def test_a_repeated_option_is_never_silently_ignored(npkit: Npkit, args: list[str]) -> None:
    result = npkit(*args, input="d\n")
    assert result.exit_code == 2 and "times" in result.stderr and "give it once" in result.stderr


# ---------------------------------------------------------------- the library API (issue #15)


def test_the_sheets_api_streams_and_logs_instead_of_printing(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    import logging

    from npkit import logs, sheets
    from npkit.output import OutputSpec

    # No CLI route here, neither installed nor waiting for the first message (a CLI test
    # earlier in this process may have asked for one).
    logs.logger("npkit")
    monkeypatch.setattr(logging.getLogger("npkit"), "handlers", [])
    out = io.StringIO()
    source = io.BytesIO(b"2024-11-26\nsoon\n2025-04-14\n")
    with caplog.at_level(logging.INFO, logger="npkit"):
        result = sheets.convert_lines(
            source, OutputSpec("csv"), ["ad", "bs"], keep_going=True, stream=out
        )
    assert out.getvalue() == "ad,bs\n2024-11-26,2081-08-11\n,\n2025-04-14,2082-01-01\n"
    assert (result.lines, result.rows, result.bad) == (3, 3, 1)
    (record,) = caplog.records
    assert record.name == "npkit.sheets.bulk" and record.levelno == logging.WARNING
    assert record.getMessage().startswith("date: line 2: 'soon' is not a date")
    assert capsys.readouterr().err == ""  # the library said nothing itself
    added = io.StringIO()
    sheets.convert_csv(
        [sheets.CsvSource(io.BytesIO(b"id,d\r\n1,26/11/2024\r\n"))],
        ["d"], OutputSpec("csv"), ["bs", "fiscal_year"], stream=added,
    )  # fmt: skip
    assert added.getvalue() == "id,d,d_bs,d_fiscal_year\r\n1,26/11/2024,2081-08-11,2081/82\r\n"
    assert set(sheets.__all__) <= set(dir(sheets))


def test_importing_sheets_fetches_nothing_and_the_cli_routes_its_log() -> None:
    """`import npkit.sheets` imports no fx or HTTP code until a ledger is valued; the CLI shows
    the library's warnings (logging imported late: the route waits for it) and -v its notes,
    and `npkit date today` never imports logging at all."""
    script = (
        "import sys\n"
        "from npkit import sheets\n"
        "sheets.convert_lines\n"
        "assert not {'npkit.fx', 'requests'} & set(sys.modules)\n"
        "sheets.LedgerColumns\n"
        "assert 'npkit.fx' in sys.modules and 'requests' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)
    today = "from npkit.cli import main\nimport sys\ntry:\n    main(['date', 'today'])\n"
    today += "except SystemExit:\n    assert 'logging' not in sys.modules\n"
    subprocess.run([sys.executable, "-c", today], check=True, capture_output=True)
    npkit = [sys.executable, "-m", "npkit"]
    data = b"2024-11-26\nsoon\n"
    for flags, expected in [
        ([], b"npkit: warning: date: line 2: 'soon' is not a date I can read: "),
        (["-q"], b""),
        (["-v"], b"npkit: warning: date: line 2: 'soon' is not a date I can read: "),
    ]:
        run = [*npkit, *flags, "date", "convert", "-", "-f", "csv", "--keep-going"]
        result = subprocess.run(run, input=data, capture_output=True)
        assert result.returncode == 0 and result.stderr.startswith(expected), result.stderr
        closing = b"npkit: date: converted 2 dates (1 bad lines)\n"
        assert result.stderr.endswith(closing) == (flags == ["-v"]), result.stderr
