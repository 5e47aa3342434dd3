"""``npkit num``: words, format, parse through the real entry point; stdin and CSV columns;
bad input is one line and exit 2; ``--words`` of ``fx convert``."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from tests.support.probes import modules_imported_by_commands


def one_line(text: str) -> str:
    assert text.count("\n") == 1, text
    return text


def test_words_json(npkit) -> None:
    records = npkit.json("num", "words", "125000.50", "99", "--json")
    assert records == [
        {"amount": 125000.50, "words": "One Lakh Twenty-Five Thousand Rupees and Fifty Paisa"},
        {"amount": 99, "words": "Ninety-Nine Rupees"},
    ]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--cheque"], "Rupees One Lakh Twenty-Five Thousand and Fifty Paisa Only"),
        (["--cheque", "--nepali"], "एक लाख पच्चीस हजार रुपैयाँ पचास पैसा मात्र"),
        (["--currency", "usd"], "One Lakh Twenty-Five Thousand US Dollars and Fifty Cents"),
        (["--currency", "none"], "One Lakh Twenty-Five Thousand Point Five Zero"),
    ],
)
def test_words_options(npkit, args: list[str], words: str) -> None:
    result = npkit("num", "words", "125000.50", *args, "-f", "raw", "--fields", "words")
    assert (result.exit_code, result.stdout, result.stderr) == (0, words + "\n", "")


def test_words_of_amounts_as_people_write_them(npkit) -> None:
    result = npkit("num", "words", "सवा लाख", "1.5 crore", "१,२५,०००", "-f", "csv")
    assert result.stdout.splitlines()[1:] == [
        "125000,One Lakh Twenty-Five Thousand Rupees",
        "15000000,One Crore Fifty Lakh Rupees",
        "125000,One Lakh Twenty-Five Thousand Rupees",
    ]


def test_negative_amount_after_double_dash(npkit) -> None:
    result = npkit("num", "words", "--nepali", "-f", "raw", "--fields", "words", "--", "-5")
    assert result.stdout == "ऋण पाँच रुपैयाँ\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["words", "abc"], "num: cannot read 'abc' as an amount: unknown word 'abc'"),
        (["words", "1.555"], "more decimals than NPR has (2, paisa): round it first"),
        (["words", "5", "--currency", "XYZ"], "no words for currency 'XYZ'"),
        (["words", "--cheque", "--", "-5"], "a cheque amount cannot be negative"),
        (["words", "1" + "0" * 19], "out of range"),
        (["words", "5", "--fields", "nope"], "unknown field 'nope'"),
        (["words", "5", "--keep-going"], "--keep-going is for stdin"),
        (["parse", "lakh crore"], "'crore' is out of order"),
        (["format", "x"], "cannot read 'x'"),
        (["words", "5", "--delimiter", ";"], "--delimiter only works with --column"),
    ],
)
def test_bad_input_is_one_line_exit_2(npkit, args: list[str], message: str) -> None:
    result = npkit("num", *args)
    assert result.exit_code == 2
    assert message in one_line(result.stderr)
    assert result.stdout == ""


def test_format(npkit) -> None:
    (record,) = npkit.json("num", "format", "12500000.50", "--json")
    assert record == {
        "amount": 12500000.50, "grouped": "1,25,00,000.50", "devanagari": "१,२५,००,०००.५०",
        "compact": "1.25 crore", "compact_ne": "१.२५ करोड",
    }  # fmt: skip


def test_parse(npkit) -> None:
    records = npkit.json("num", "parse", "1.5 crore", "२५ लाख", "1,25,000", "सवा लाख", "--json")
    assert [Decimal(str(r["amount"])) for r in records] == [15000000, 2500000, 125000, 125000]
    assert records[3] == {"text": "सवा लाख", "amount": 125000, "grouped": "1,25,000"}


def test_stdin_one_amount_per_line(npkit) -> None:
    result = npkit("num", "words", "-f", "ndjson", input="100\n\n1.5 lakh\n")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows == [
        {"amount": 100, "words": "One Hundred Rupees"},
        {"amount": 150000, "words": "One Lakh Fifty Thousand Rupees"},
    ]


def test_stdin_bad_line_is_named_and_kept_going(npkit) -> None:
    result = npkit("num", "parse", "-", "-f", "csv", input="5\nfive five\n7\n")
    assert result.exit_code == 2
    assert "line 2: cannot read 'five five'" in one_line(result.stderr)
    assert result.stdout.splitlines() == ["text,amount,grouped", "5,5,5"]
    kept = npkit("num", "parse", "-", "-f", "csv", "--keep-going", input="5\nfive five\n7\n")
    assert kept.exit_code == 0
    assert kept.stdout.splitlines() == ["text,amount,grouped", "5,5,5", ",,", "7,7,7"]
    assert "line 2" in one_line(kept.stderr)


VOUCHERS = 'no,amount,payee\r\n1,125000.50,Ram\r\n2,"1,500",Sita\r\n3,,Hari\r\n'


def test_csv_column_adds_words(npkit) -> None:
    result = npkit("num", "words", "--column", "amount", "--cheque", input=VOUCHERS)
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes.decode("utf-8") == (  # CRLF kept (Result.stdout makes it LF)
        "no,amount,payee,amount_words\r\n"
        "1,125000.50,Ram,Rupees One Lakh Twenty-Five Thousand and Fifty Paisa Only\r\n"
        '2,"1,500",Sita,Rupees One Thousand Five Hundred Only\r\n'
        "3,,Hari,\r\n"
    )


def test_csv_column_as_json_and_bad_rows(npkit, tmp_path) -> None:
    sheet = tmp_path / "v.csv"
    sheet.write_text("amount\n5\nabc\n1.555\n7\n", encoding="utf-8")
    stopped = npkit("num", "words", "--column", "amount", str(sheet))
    assert stopped.exit_code == 2
    assert f"{sheet}: line 3: cannot read 'abc'" in one_line(stopped.stderr)
    kept = npkit("num", "words", "--column", "amount", str(sheet), "--keep-going", "--json")
    assert kept.exit_code == 0
    assert [r["amount_words"] for r in json.loads(kept.stdout)] == [
        "Five Rupees",
        None,
        None,
        "Seven Rupees",
    ]
    assert "line 3" in kept.stderr and "line 4" in kept.stderr


def test_a_row_with_bytes_that_are_not_utf8_keeps_them(tmp_path) -> None:
    import subprocess
    import sys

    sheet = b"id,amount,note\n1,1500,ok\n2,2500,caf\xc3 \xff\xfe\n"
    run = [sys.executable, "-m", "npkit", "num", "words", "--column", "amount", "-"]
    kept = subprocess.run([*run, "--keep-going"], input=sheet, capture_output=True, timeout=60)
    assert kept.returncode == 0
    rows = kept.stdout.split(b"\n")
    assert rows[2] == b"2,2500,caf\xc3 \xff\xfe,"  # every byte it came with, words empty
    assert rows[1].endswith(b",One Thousand Five Hundred Rupees")
    assert b"line 3" in kept.stderr
    stopped = subprocess.run(run, input=sheet, capture_output=True, timeout=60)
    assert stopped.returncode == 2 and b"line 3" in stopped.stderr


def test_csv_column_missing_is_exit_2(npkit) -> None:
    result = npkit("num", "words", "--column", "total", input=VOUCHERS)
    assert result.exit_code == 2
    assert "no column 'total'" in one_line(result.stderr)


def test_num_is_loaded_only_when_used() -> None:
    """``npkit date`` start-up is unchanged: the num and land modules are not imported."""
    watch = {"npkit.num", "npkit.land", "npkit.cli.num", "npkit.cli.land"}
    assert modules_imported_by_commands([["date", "convert", "2024-11-26"]], watch) == set()
    assert modules_imported_by_commands([["num", "words", "5"]], watch) == {
        "npkit.num",
        "npkit.cli.num",
    }


def test_fx_convert_words(npkit, nrb) -> None:
    (record,) = npkit.json("fx", "convert", "100", "USD", "--date", "2026-08-12", "--json")
    result = npkit("fx", "convert", "100", "USD", "--date", "2026-08-12", "--words")
    assert result.exit_code == 0, result.stderr
    from npkit.num import parse_amount, to_words

    assert result.stdout == to_words(Decimal(str(record["result"]))) + "\n"
    assert parse_amount(result.stdout) == Decimal(str(record["result"]))


def test_fx_convert_words_refusals(npkit, nrb) -> None:
    both = npkit("fx", "convert", "100", "USD", "--words", "--json")
    assert both.exit_code == 2 and "--words prints one line" in one_line(both.stderr)
    assert nrb.server.requests == []


@pytest.mark.parametrize("columns", [40, 120])
def test_cards_on_a_terminal_fit_and_a_pipe_gets_the_table(columns: int) -> None:
    from tests.test_terminal import fits, in_a_pipe, on_terminal

    code, shown = on_terminal(["num", "words", "125000.50", "--cheque"], columns)
    assert code == 0 and fits(shown, columns)
    assert " ".join(shown.split()) == "Rupees One Lakh Twenty-Five Thousand and Fifty Paisa Only"
    code, shown = on_terminal(["num", "format", "12500000.50"], columns)
    assert code == 0 and fits(shown, columns)
    assert "1,25,00,000.50 = 1.25 crore" in " ".join(shown.split())
    code, shown = on_terminal(["land", "convert", "2-5-3-1", "ropani"], columns)
    assert code == 0 and fits(shown, columns)
    assert shown.startswith("2-5-3-1 ropani ≈ 0-3-11.01 bigha")
    piped = in_a_pipe(["num", "words", "125000.50"]).stdout.splitlines()
    assert piped[0].split() == ["amount", "words"]
