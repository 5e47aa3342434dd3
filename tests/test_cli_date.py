"""`npkit date …` end to end through the real entry point: stdout, stderr, exit codes."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from npkit import dates, days
from npkit.output.values import text_value
from tests.conftest import Npkit

TUESDAY = {
    "ad": "2024-11-26",
    "bs": "2081-08-11",
    "weekday": "Tuesday",
    "bs_en": "11 Mangsir 2081",
    "bs_ne": "११ मंसिर २०८१",
    "weekday_ne": "मंगलबार",
}


def converted(day: date) -> dict[str, str]:
    """``convert``'s default fields of a day as text, as the output layer writes them."""
    record = days.day(day)._asdict(days.CONVERT_FIELDS)
    return {name: text_value(value) for name, value in record.items()}


def test_convert_arguments_as_json(npkit: Npkit) -> None:
    assert npkit.json("date", "convert", "--json", "2024-11-26", "11 Mangsir 2081") == [TUESDAY] * 2


def test_convert_from_bs(npkit: Npkit) -> None:
    data = npkit.json("date", "convert", "--json", "--from", "bs", "2081-08-11", "--fields", "ad")
    assert data == [{"ad": "2024-11-26"}]


def test_convert_table_by_default(npkit: Npkit) -> None:
    result = npkit("date", "convert", "2024-11-26")
    assert result.exit_code == 0
    header, rule, row = result.stdout.splitlines()
    assert header.split() == list(TUESDAY)
    assert "११ मंसिर २०८१" in row and set(rule) <= {"-", " "}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ad:2081-02-33"], "npkit: date: 'ad:2081-02-33': AD 2081-02-33 does not exist"),
        (["--from", "bs", "2081-02-33"], "Jestha 2081 has 32 days"),
        (["2150-01-01"], "outside the supported range"),
        (["junk"], "'junk' is not a date I can read"),
        (["11/08/2081"], "ambiguous"),
        (["--fields", "ad,nope", "2024-11-26"], "unknown field 'nope'; valid fields: ad,bs,"),
        (["--format", "xml", "2024-11-26"], "invalid value for '-f' / '--format'"),
        (["--json", "-f", "csv", "2024-11-26"], "--json contradicts --format csv"),
        (["2024-11-26", "-"], "cannot be mixed"),
        (["--pattern", "%Y", "--json", "2024-11-26"], "--pattern prints text"),
    ],
)
def test_bad_input_exit_2_one_line_nothing_on_stdout(
    npkit: Npkit, args: list[str], message: str
) -> None:
    result = npkit("date", "convert", *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("npkit: ")


def test_pattern(npkit: Npkit) -> None:
    result = npkit("date", "convert", "-p", "%K %N %-D, %G", "2024-11-26", "2024-11-27")
    assert result.stdout == "२०८१ मंसिर ११, मंगलबार\n२०८१ मंसिर १२, बुधबार\n"


def test_stdin_lines_stream_in_input_order(npkit: Npkit) -> None:
    text = "2024-11-26\n\n१२ मंसिर २०८१\r\n2000-01-01\n2024-11-26"  # blank, CRLF, no final newline
    result = npkit("date", "convert", "-f", "ndjson", "--fields", "ad,bs", "-", input=text)
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["ad"] for row in rows] == ["2024-11-26", "2024-11-27", "2000-01-01", "2024-11-26"]
    assert rows[2]["bs"] == "2056-09-17"


def test_stdin_without_dash_when_piped(npkit: Npkit) -> None:
    result = npkit("date", "convert", "-f", "csv", "--fields", "ad,bs", input="2024-11-26\n")
    assert result.stdout == "ad,bs\n2024-11-26,2081-08-11\n"


def test_stdin_many_distinct_dates_match_single_conversions(npkit: Npkit) -> None:
    """Enough distinct dates to switch the bulk converter to its prefilled day table."""
    first = dates.first_day()[0]
    days = [first.fromordinal(first.toordinal() + 37 * i) for i in range(1200)]
    text = "".join(f"{day}\n" for day in days)
    result = npkit("date", "convert", "-f", "csv", "-", input=text)
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows == [converted(day) for day in days]
    assert "BS 2096 has 364 days" in result.stderr  # 1200 × 37 days crosses BS 2096


def test_stdin_bad_line_stops_with_its_number_and_json_stays_valid(npkit: Npkit) -> None:
    result = npkit("date", "convert", "--json", "-", input="2024-11-26\n2081-02-33\n2024-11-27\n")
    assert result.exit_code == 2
    assert "npkit: date: line 2: '2081-02-33'" in result.stderr
    assert [row["ad"] for row in json.loads(result.stdout)] == ["2024-11-26"]


def test_stdin_keep_going_leaves_an_empty_row(npkit: Npkit) -> None:
    result = npkit(
        "date", "convert", "--keep-going", "-f", "csv", "--fields", "ad,bs", "-",
        input="2024-11-26\nnot a date\n2024-11-27\n",
    )  # fmt: skip
    assert result.exit_code == 0
    assert result.stdout == "ad,bs\n2024-11-26,2081-08-11\n,\n2024-11-27,2081-08-12\n"
    assert "warning: date: line 2: 'not a date'" in result.stderr


def test_stdin_table_and_pattern(npkit: Npkit) -> None:
    result = npkit("date", "convert", "-p", "%Y/%m/%d", "-", input="2024-11-26\n2024-11-27\n")
    assert result.stdout == "2081/08/11\n2081/08/12\n"
    table = npkit("date", "convert", "-", input="2024-11-26\n")
    assert "11 Mangsir 2081" in table.stdout
    kept = npkit("date", "convert", "--keep-going", "-p", "%F", "-", input="x\n2081-08-11 BS\n")
    assert kept.exit_code == 0 and kept.stdout == "\n2024-11-26\n"
    stopped = npkit("date", "convert", "-p", "%F", "-", input="2024-11-26\nx\n")
    assert stopped.exit_code == 2 and "line 2: 'x'" in stopped.stderr


def test_csv_column_mode(npkit: Npkit) -> None:
    source = 'id,date,note\n1,2024-11-26,"a, quoted ""note"""\n2,,empty\n3,2024-11-27\n'
    result = npkit("date", "convert", "--column", "date", input=source)
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows == [
        ["id", "date", "note", "date_bs"],
        ["1", "2024-11-26", 'a, quoted "note"', "2081-08-11"],
        ["2", "", "empty", ""],
        ["3", "2024-11-27", "", "2081-08-12"],
    ]


def test_csv_column_mode_from_bs_with_fields_and_json(npkit: Npkit) -> None:
    source = "\ufeffmiti,x\n2081-08-11,1\n"  # with a UTF-8 BOM, as spreadsheets write
    data = npkit.json(
        "date", "convert", "--column", "miti", "--from", "bs", "--fields", "ad,weekday", "--json",
        input=source,
    )  # fmt: skip
    assert data == [{"miti": "2081-08-11", "x": "1", "miti_ad": "2024-11-26",
                     "miti_weekday": "Tuesday"}]  # fmt: skip


def test_csv_column_mode_errors(npkit: Npkit) -> None:
    missing = npkit("date", "convert", "--column", "when", input="date\n2024-11-26\n")
    assert missing.exit_code == 2 and "no column 'when'" in missing.stderr
    assert "columns: date" in missing.stderr
    bad = npkit("date", "convert", "--column", "d", input="d\n2024-11-26\nxx\n")
    assert bad.exit_code == 2 and "line 3: 'xx'" in bad.stderr
    extra = npkit("date", "convert", "--column", "d", input="d\n2024-11-26,oops\n")
    assert extra.exit_code == 2 and "line 2: 2 cells but the header has 1" in extra.stderr
    kept = npkit("date", "convert", "--column", "d", "--keep-going", input="d\nxx\n2024-11-26\n")
    assert kept.exit_code == 0 and kept.stdout == "d,d_bs\nxx,\n2024-11-26,2081-08-11\n"


def test_today_is_nepal_today(npkit: Npkit) -> None:
    data = npkit.json("date", "today", "--json")
    # The convert record's fields come first; the patro's follow (issue #9).
    conversion = converted(dates.today_ad())
    assert len(data) == 1 and list(data[0])[: len(conversion)] == list(conversion)
    assert {key: data[0][key] for key in conversion} == conversion


def test_cal_grid(npkit: Npkit) -> None:
    result = npkit("date", "cal", "2081", "8")
    lines = result.stdout.splitlines()
    assert "Mangsir 2081 · मंसिर २०८१" in lines[0]
    assert "Nov 16, 2024 – Dec 15, 2024" in lines[1]
    assert lines[2].split() == ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    assert lines[3].split() == ["1", "16"]  # Mangsir 1 2081 was a Saturday: last column
    # Issue #9: cells are 11 wide (BS day, AD day; the tithi on the next line).
    assert lines[3][: 6 * 11].strip() == "" and lines[3][6 * 11 :].split() == ["1", "16"]
    assert lines[4].split() == ["Pratipada"]  # Mangsir 1 2081: krishna Pratipada (tithi 16)
    last_week = [line for line in lines if line.startswith(" 30")]
    assert last_week[0].split() == ["30+", "15"]  # + : Yomari Punhi, a holiday for some
    assert "\x1b" not in result.stdout  # no colour when not a terminal


def test_cal_records_and_names(npkit: Npkit) -> None:
    assert len(npkit.json("date", "cal", "2081", "mangsir", "--json")) == 30
    assert len(npkit.json("date", "cal", "२०८१", "--json")) == sum(
        dates.days_in_month(2081, m) for m in range(1, 13)
    )
    bad = npkit("date", "cal", "2081", "13")
    assert bad.exit_code == 2 and "month 13 does not exist" in bad.stderr


def test_fy(npkit: Npkit) -> None:
    rows = npkit.json("date", "fy", "--json", "2081-08-11 BS")
    assert rows[0]["fiscal_year"] == "2081/82"
    assert [row["period"] for row in rows if row["current"]] == ["FY", "Q2", "C2"]


def test_diff_and_add(npkit: Npkit) -> None:
    diff = npkit.json("date", "diff", "--json", "2024-01-01", "11 Mangsir 2081")[0]
    assert (diff["days"], diff["bs_months"], diff["bs_days"]) == (330, 10, 25)
    back = npkit.json("date", "diff", "--json", "2024-11-26", "2024-01-01")[0]
    assert back["days"] == -330
    added = npkit.json("date", "add", "--json", "--from", "bs", "2081-02-32", "1", "month")[0]
    assert added["bs"] == "2081-03-31"
    minus = npkit.json("date", "add", "--json", "2024-11-26", "-3")[0]
    assert minus["ad"] == "2024-11-23"
    weeks = npkit.json("date", "add", "--json", "2024-11-26", "2", "weeks")[0]
    assert weeks["ad"] == "2024-12-10"
    bad = npkit("date", "add", "2024-11-26", "x")
    assert bad.exit_code == 2 and "N must be a whole number" in bad.stderr
    unit = npkit("date", "add", "2024-11-26", "1", "fortnight")
    assert unit.exit_code == 2 and "unknown unit 'fortnight'" in unit.stderr


def test_help_lists_every_command(npkit: Npkit) -> None:
    result = npkit("date", "--help")
    for name in ("convert", "today", "cal", "fy", "diff", "add"):
        assert name in result.stdout
    assert "date" in npkit("--help").stdout
    assert npkit("--version").stdout.startswith("npkit, version ")


def python_env(**extra: str) -> dict[str, str]:
    """The environment for running npkit in a child Python that sees this test's imports."""
    return {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), **extra}


def test_broken_pipe_exits_quietly() -> None:
    script = f"{sys.executable} -m npkit date convert -f csv - | head -1"
    lines = "".join(f"2024-01-{day:02d}\n" for day in range(1, 29)) * 5000
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", script],
        input=lines.encode(),
        capture_output=True,
        timeout=60,
        env=python_env(),
    )
    assert result.stdout == b"ad,bs,weekday,bs_en,bs_ne,weekday_ne\n"
    assert result.stderr == b""
    assert result.returncode == 0


def test_python_dash_m_writes_utf8_even_in_an_ascii_locale() -> None:
    command = [sys.executable, "-m", "npkit", "date", "convert", "-f", "csv", "--fields", "bs_ne"]
    result = subprocess.run(
        [*command, "2024-11-26"],
        env=python_env(LC_ALL="C", LANG="C", PYTHONIOENCODING="ascii"),
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8") == "bs_ne\n११ मंसिर २०८१\n"


def test_shell_completion_is_clicks_own() -> None:
    env = python_env(_NPKIT_COMPLETE="bash_complete", COMP_WORDS="npkit date con", COMP_CWORD="2")
    result = subprocess.run([sys.executable, "-m", "npkit"], env=env, capture_output=True,
                            text=True, timeout=60)  # fmt: skip
    assert result.stdout.split() == ["plain,convert"]
    source = subprocess.run([sys.executable, "-m", "npkit"], capture_output=True, text=True,
                            env=python_env(_NPKIT_COMPLETE="zsh_source"), timeout=60)  # fmt: skip
    assert "compdef _npkit_completion npkit" in source.stdout


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["convert", "fy", "add", "diff", "cal"]),
    st.lists(st.text(alphabet="0123456789०१२३ -/.:abBSmangsirमंसिरx%", max_size=14), max_size=3),
)
def test_any_arguments_end_in_data_or_a_usage_error(command: str, args: list[str]) -> None:
    result = Npkit()("date", command, "--json", *args)
    assert result.exit_code in (0, 2), result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    if result.exit_code == 0:
        json.loads(result.stdout)
    else:
        assert result.stdout in ("", "[]\n") and result.stderr.count("\n") == 1
