"""``npkit fx convert --column``: a ledger valued at NRB's rate of each row's own date (issue
#11), through real HTTP to the fake NRB (tests/support/servers.py)."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from npkit import fx
from npkit.fx import ledger
from npkit.fx import nrb as nrb_source
from tests.conftest import Npkit

LEDGER = (
    "date,item,amount\n2026-08-12,Hosting,100\n2026-08-15,Domain,15.99\n2026-08-16,Refund,-20\n"
)


@pytest.fixture(autouse=True)
def today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NPKIT_TODAY", "2026-12-01")


@pytest.fixture(autouse=True)
def pauses(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The pauses the ledger asked for between window requests, recorded, not slept."""
    asked: list[float] = []
    monkeypatch.setattr(ledger, "sleep", asked.append)
    return asked


def table(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def value(npkit: Npkit, *args: str, input: str | bytes = LEDGER):
    return npkit("fx", "convert", "--column", "amount", "--date-column", "date", *args,
                 input=input)  # fmt: skip


def test_each_row_at_the_rate_of_its_own_date(npkit: Npkit, nrb) -> None:
    result = value(npkit, "--currency", "USD")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == "date,item,amount,amount_npr,rate,rate_date"
    got = [(r["amount_npr"], r["rate"], r["rate_date"]) for r in table(result.stdout)]
    assert got == [
        ("15240.00", "152.40", "2026-08-12"),  # the recorded buy rate of that day
        ("2436.72", "152.39", "2026-08-15"),  # 15.99 × 152.39 = 2436.7161
        ("-3047.80", "152.39", "2026-08-16"),
    ]


def test_a_day_nrb_did_not_publish_takes_the_nearest_earlier_one(npkit: Npkit, nrb) -> None:
    null_copy = dict(nrb.fake.days["2026-08-06"][0], date="2026-08-15")  # every rate null
    nrb.fake.days["2026-08-15"] = [null_copy]
    result = value(npkit, "--currency", "USD")
    rows = table(result.stdout)
    assert (rows[1]["rate"], rows[1]["rate_date"]) == ("152.41", "2026-08-14")
    assert rows[1]["amount_npr"] == "2437.04"  # 15.99 × 152.41 = 2437.0359


def test_currency_column_units_and_the_targets_minor_unit(npkit: Npkit, nrb) -> None:
    source = "date,cur,amount\n2026-08-12,INR,1000\n2026-08-12,JPY,1000\n2026-08-12,NPR,1000\n"
    rows = table(value(npkit, "--currency-column", "cur", input=source).stdout)
    assert [r["amount_npr"] for r in rows] == ["1600.00", "957.00", "1000.00"]
    assert [r["rate"] for r in rows] == ["1.60", "0.957", "1"]
    to_jpy = table(value(npkit, "--currency-column", "cur", "--to", "JPY", input=source).stdout)
    # INR → JPY: buy 1.60 NPR per INR, sell 0.96 NPR per JPY: 1000 × 1.6 / 0.96 = 1666.67 → 1667
    assert [r["amount_jpy"] for r in to_jpy] == ["1667", "1000", "1042"]


def test_amounts_keep_their_exact_decimals(npkit: Npkit, nrb) -> None:
    source = 'date,amount\n2026-08-12,0.1\n2026-08-12,"1,234,567.891"\n2026-08-12,१००\n'
    rows = table(value(npkit, "--currency", "USD", "--rate", "mid", input=source).stdout)
    mid = (Decimal("152.40") + Decimal("153.00")) / 2
    assert [r["amount_npr"] for r in rows] == [
        str((Decimal("0.1") * mid).quantize(Decimal("0.01"))),
        str((Decimal("1234567.891") * mid).quantize(Decimal("0.01"))),
        "15270.00",
    ]
    assert rows[1]["amount"] == "1,234,567.891"  # the input cell is untouched


def test_requests_are_history_windows_not_rows(
    npkit: Npkit, nrb, tmp_path: Path, pauses: list[float]
) -> None:
    first, days = date(2025, 6, 1), 450  # 3,000 rows over 15 months
    lines = ["date,amount"] + [f"{first + timedelta(days=i % days)},{i}.25" for i in range(3000)]
    path = tmp_path / "ledger.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    cold = npkit("fx", "convert", "--column", "amount", "--date-column", "date",
                 "--currency", "EUR", str(path))  # fmt: skip
    assert cold.exit_code == 0, cold.stderr
    last = first + timedelta(days=days - 1)
    windows = ledger.windows(first - timedelta(days=ledger.LOOKBACK_DAYS), last)
    assert len(nrb.server.requests) == len(windows) == 7  # 3,000 rows, 7 requests
    assert all(r.query["page"] == "1" for r in nrb.server.requests)
    assert cold.stdout.count("\n") == 3001
    assert pauses == [nrb_source.PAGE_PAUSE] * (len(windows) - 1)  # between requests, politely
    warm = npkit("fx", "convert", "--column", "amount", "--date-column", "date",
                 "--currency", "EUR", str(path))  # fmt: skip
    assert warm.stdout == cold.stdout
    assert len(nrb.server.requests) == len(windows)  # past windows are never fetched again
    assert len(pauses) == len(windows) - 1  # and answers from the cache wait for nothing


def test_windows_are_aligned_whatever_the_span() -> None:
    a = ledger.windows(date(2024, 1, 5), date(2024, 6, 1))
    b = ledger.windows(date(2024, 2, 20), date(2024, 6, 1))
    assert set(b) <= set(a)  # another ledger over part of the span reuses the same requests
    assert all((end - start).days == ledger.WINDOW_DAYS - 1 for start, end in a[:-1])


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("2026-08-12,XYZ,5", "unknown currency 'XYZ'"),
        ("2026-08-12,USD,five", "amount must be a number"),
        ("2026-08-12,US,5", "is not a currency code"),
        ("xx,USD,5", "'xx' is not a date I can read"),
        (",USD,5", "without a date"),
    ],
)
def test_a_bad_row_names_its_line(npkit: Npkit, nrb, row: str, message: str) -> None:
    source = f"date,cur,amount\n2026-08-12,USD,1\n{row}\n2026-08-13,USD,1\n"
    stopped = value(npkit, "--currency-column", "cur", input=source)
    assert stopped.exit_code == 2
    assert stopped.stderr.startswith("npkit: fx: line 3: ") and message in stopped.stderr
    assert stopped.stderr.count("\n") == 1
    kept = value(npkit, "--currency-column", "cur", "--keep-going", input=source)
    assert kept.exit_code == 0 and "warning: fx: line 3:" in kept.stderr
    rows = table(kept.stdout)
    assert len(rows) == 3 and rows[1]["amount_npr"] == "" and rows[2]["amount_npr"] == "152.24"


def test_dates_before_nrbs_data_begin(npkit: Npkit, nrb) -> None:
    original = nrb.fake.items  # NRB's data "begins" on 2026-06-01: a span of a few windows
    nrb.fake.items = lambda start, end: [
        item for item in original(start, end) if item["date"] >= "2026-06-01"
    ]
    source = "date,amount\n2026-03-01,5\n2026-08-12,1\n"
    kept = value(npkit, "--currency", "USD", "--keep-going", input=source)
    assert "line 2: NRB has no rates on or before 2026-03-01" in kept.stderr
    assert [r["amount_npr"] for r in table(kept.stdout)] == ["", "152.40"]


def test_future_dates_and_option_mistakes(npkit: Npkit, nrb) -> None:
    future = value(npkit, "--currency", "USD", input="date,amount\n2027-01-01,1\n")
    assert future.exit_code == 2 and "is in the future" in future.stderr
    for args, message in [
        (["--currency", "USD", "--currency-column", "c"], "one of --currency"),
        ([], "one of --currency"),
        (["--currency", "USD", "--date", "2026-08-12"], "--date contradicts --column"),
        (["--currency", "USD", "--column", "x"], "one --column"),
    ]:
        result = value(npkit, *args)
        assert result.exit_code == 2 and message in result.stderr, (args, result.stderr)
    lost = npkit("fx", "convert", "--column", "amount", "--currency", "USD", input=LEDGER)
    assert lost.exit_code == 2 and "--date-column" in lost.stderr
    alone = npkit("fx", "convert", "100", "USD", "--currency", "EUR")
    assert alone.exit_code == 2 and "--currency works with --column" in alone.stderr
    assert nrb.server.requests == []


def test_bom_crlf_and_delimiter_come_back(npkit: Npkit, nrb) -> None:
    source = "\ufeffdate;amount\r\n12/08/2026;100\r\n".encode()
    result = value(npkit, "--currency", "USD", "--delimiter", ";", "--dayfirst", input=source)
    assert (
        result.stdout_bytes
        == (
            "\ufeffdate;amount;amount_npr;rate;rate_date\r\n12/08/2026;100;15240.00;152.40;2026-08-12\r\n"
        ).encode()
    )


def test_json_output_has_numbers(npkit: Npkit, nrb) -> None:
    import json

    result = value(npkit, "--currency", "USD", "--json")
    first = json.loads(result.stdout)[0]
    assert first["amount_npr"] == 15240.00 and first["rate_date"] == "2026-08-12"


def test_ratebook_is_pure() -> None:
    from npkit.fx import nrb as source

    path = Path(__file__).parent / "fixtures" / "nrb" / "rates_2026-08-10_to_2026-08-17.json"
    book = ledger.RateBook(list(source.parse_page(path.read_bytes(), "http://x/").days))
    eur = book.value(Decimal("10"), "EUR", "USD", date(2026, 8, 12))
    assert eur.rate_side == "buy/sell" and eur.rate_date == date(2026, 8, 12)
    assert eur.result == (Decimal("10") * Decimal("175.79") / Decimal("153.00")).quantize(
        Decimal("0.01")
    )
    assert book.value(Decimal(3), "NPR", "KWD", date(2026, 8, 20)).rate_date == date(2026, 8, 17)
    assert fx.minor_unit("KWD") == Decimal("0.001") and fx.minor_unit("JPY") == 1


def test_a_decimal_comma_is_refused_unless_said(npkit: Npkit, nrb) -> None:
    source = "date;amount\n2026-08-12;120,00\n2026-08-12;1.250,50\n2026-08-12;12,50,000\n"
    refused = value(npkit, "--currency", "USD", "--delimiter", ";", input=source)
    assert refused.exit_code == 2 and "--decimal-comma" in refused.stderr
    said = value(npkit, "--currency", "USD", "--delimiter", ";", "--decimal-comma",
                 input=source.replace("12,50,000", "7"))  # fmt: skip
    assert [r.split(";")[2] for r in said.stdout.splitlines()[1:]] == ["18288.00", "190576.20",
                                                                       "1066.80"]  # fmt: skip
    nepali = value(npkit, "--currency", "USD", input='date,amount\n2026-08-12,"12,50,000"\n')
    assert nepali.stdout.splitlines()[1].split(",")[-3] == "190500000.00"


# ---------------------------------------------------------------- one conversion rule (#15)


@pytest.mark.parametrize(
    ("amount", "source", "target"),
    [
        ("1000", "NPR", "JPY"),  # was 1041.67 from `fx convert`, 1042 from the ledger
        ("1,20,000", "NPR", "USD"),
        ("१५००", "INR", "JPY"),
        ("1,234.5", "EUR", "KWD"),
        ("999.99", "USD", "NPR"),
        ("15.99", "USD", "INR"),
    ],
)
def test_fx_convert_and_the_ledger_give_the_same_figure(
    npkit: Npkit, nrb, amount: str, source: str, target: str
) -> None:
    (one,) = npkit.json("fx", "convert", amount, source, target, "--date", "2026-08-12", "--json")
    sheet = f'date,cur,amount\n2026-08-12,{source},"{amount}"\n'
    (row,) = table(value(npkit, "--currency-column", "cur", "--to", target, input=sheet).stdout)
    assert row[f"amount_{target.lower()}"] == format(Decimal(str(one["result"])), "f")
    assert Decimal(row["rate"]) == Decimal(str(one["rate"])) and row["rate_date"] == one["date"]
    places = fx.minor_unit(target).as_tuple().exponent
    assert Decimal(row[f"amount_{target.lower()}"]).as_tuple().exponent == places


def test_npr_to_yen_is_rounded_to_whole_yen(npkit: Npkit, nrb) -> None:
    result = npkit("fx", "convert", "1000", "NPR", "JPY", "--date", "2026-08-12", "-f", "csv")
    assert result.stdout.splitlines()[1].split(",")[:5] == ["1000", "NPR", "JPY", "1.04166667",
                                                            "1042"]  # fmt: skip


@pytest.mark.parametrize("amount", ["120,00", "1,5,0,0", "1,0000"])
def test_a_decimal_comma_is_refused_by_fx_convert_too(npkit: Npkit, nrb, amount: str) -> None:
    result = npkit("fx", "convert", amount, "EUR")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"npkit: fx: amount '{amount}' has a comma that is not a")
    assert nrb.server.requests == []  # refused before any request


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,000", "1000"),
        ("1,20,000", "120000"),
        ("12,50,000.50", "1250000.50"),
        ("१,२०,०००", "120000"),
        (" 1 500 ", "1500"),
        ("0.1", "0.1"),
    ],
)
def test_the_one_amount_reader(text: str, expected: str) -> None:
    assert fx.parse_amount(text) == Decimal(expected)
    assert fx.parse_amount("-" + text.strip(), signed=True) == -Decimal(expected)


def test_the_amount_reader_refuses() -> None:
    from npkit.errors import UsageError

    for text in ("120,00", "-1,5", "1e5", "ten", "1.2.3", "", "-"):
        with pytest.raises(UsageError):
            fx.parse_amount(text)
    with pytest.raises(UsageError, match="zero or more"):
        fx.parse_amount("-5")
    assert fx.parse_amount("1.250,50", decimal_comma=True) == Decimal("1250.50")
