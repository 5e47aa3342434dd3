"""``npkit fx`` end to end: the real entry point, real HTTP to a fake NRB API on 127.0.0.1
(tests/support/servers.py) serving the recorded fixtures; stdout JSON, stderr text, exit codes."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from npkit import dates
from tests.support.probes import modules_imported_by_code
from tests.support.servers import NRB_PATH, LocalServer, Reply

NRB = Path(__file__).parent / "fixtures" / "nrb"
RECORDED = json.loads((NRB / "rates_2026-08-10_to_2026-08-17.json").read_bytes())


def recorded(day: str, code: str) -> tuple[Decimal, Decimal, int]:
    """(buy, sell, unit) read straight from the recorded JSON, without npkit's parser."""
    (item,) = [i for i in RECORDED["data"]["payload"] if i["date"] == day]
    (rate,) = [r for r in item["rates"] if r["currency"]["iso3"] == code]
    return Decimal(rate["buy"]), Decimal(rate["sell"]), rate["currency"]["unit"]


def host(server: LocalServer) -> str:
    return server.url.removeprefix("http://")


def one_line(text: str) -> str:
    assert text.count("\n") == 1, text
    return text


# ---------------------------------------------------------------- rates


def test_latest_is_today_in_nepal(npkit, nrb) -> None:
    today = dates.today_ad()
    (usd,) = npkit.json("fx", "USD", "--json")
    buy, sell, unit = recorded("2026-08-17", "USD")  # the fake repeats this day's figures
    assert usd["date"] == today.isoformat()
    assert usd["date_bs"] == dates.ad_to_bs(today).isoformat()
    assert (Decimal(str(usd["buy"])), Decimal(str(usd["sell"])), usd["unit"]) == (buy, sell, unit)
    assert (usd["currency"], usd["name"], usd["source"]) == ("USD", "U.S. Dollar", "nrb")
    (request,) = nrb.server.requests
    assert request.path == NRB_PATH
    assert request.query == {
        "from": (today - timedelta(days=7)).isoformat(),
        "to": today.isoformat(),
        "per_page": "100",
        "page": "1",
    }
    assert request.headers["User-Agent"].startswith("npkit/")


def test_latest_skips_a_day_not_yet_published(npkit, nrb) -> None:
    today = dates.today_ad()
    null_copy = dict(nrb.fake.days["2026-08-06"][0], date=today.isoformat())
    nrb.fake.days[today.isoformat()] = [null_copy]
    records = npkit.json("fx", "--json")
    assert {r["date"] for r in records} == {(today - timedelta(days=1)).isoformat()}
    assert len(records) == 22


def test_all_currencies_as_a_table(npkit, nrb) -> None:
    result = npkit("fx")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == [
        "date", "date_bs", "currency", "name", "unit", "buy", "sell", "change",
    ]  # fmt: skip
    assert len(lines) == 2 + 22
    assert result.stderr == ""


def test_latest_change_is_against_the_previous_published_day(npkit, nrb) -> None:
    today = dates.today_ad()
    yesterday = (today - timedelta(days=1)).isoformat()
    # yesterday published 2026-08-12's figures; today repeats 2026-08-17's (see FakeNRB)
    nrb.fake.days[yesterday] = [dict(nrb.fake.days["2026-08-12"][-1], date=yesterday)]
    records = npkit.json("fx", "USD", "JPY", "--json")
    assert [r["date"] for r in records] == [today.isoformat()] * 2
    for record in records:
        now, then = (
            recorded("2026-08-17", record["currency"])[0],
            recorded("2026-08-12", record["currency"])[0],
        )
        assert now != then or record["currency"] == "JPY"  # JPY did not move
        assert Decimal(str(record["change"])) == now - then  # per unit as published (JPY: 10)
    table = npkit("fx", "USD")
    assert table.exit_code == 0, table.stderr
    (usd,) = [line for line in table.stdout.splitlines() if "USD" in line]
    change = recorded("2026-08-17", "USD")[0] - recorded("2026-08-12", "USD")[0]
    assert change < 0 and usd.endswith(f"▼ {-change}")  # signed, like gold's


def test_one_days_change_is_against_the_day_before_it(npkit, nrb) -> None:
    records = npkit.json("fx", "USD", "JPY", "--date", "2026-08-12", "--json")
    assert [(r["date"], r["currency"]) for r in records] == [
        ("2026-08-12", "USD"),
        ("2026-08-12", "JPY"),
    ]  # the earlier days read for the change are not returned
    for record in records:
        now = recorded("2026-08-12", record["currency"])[0]
        then = recorded("2026-08-11", record["currency"])[0]
        assert Decimal(str(record["change"])) == now - then
    first = npkit.json("fx", "USD", "--from", "2026-08-11", "--to", "2026-08-12", "--json")
    assert [r["date"] for r in first] == ["2026-08-11", "2026-08-12"]
    day_before = recorded("2026-08-11", "USD")[0] - recorded("2026-08-10", "USD")[0]
    assert Decimal(str(first[0]["change"])) == day_before  # the range's first day too


@pytest.mark.parametrize("when", ["2026-08-12", "bs:2083-04-27", "2083-04-27 BS", "२०८३-०४-२७"])
def test_one_day_by_ad_or_bs_date(npkit, nrb, when: str) -> None:
    records = npkit.json("fx", "usd", "Jpy", "--date", when, "--json")
    assert [(r["date"], r["currency"]) for r in records] == [
        ("2026-08-12", "USD"),
        ("2026-08-12", "JPY"),
    ]
    for record in records:
        buy, sell, unit = recorded("2026-08-12", record["currency"])
        assert (Decimal(str(record["buy"])), Decimal(str(record["sell"]))) == (buy, sell)
        assert record["unit"] == unit
    assert records[0]["date_bs"] == "2083-04-27"
    # one request: the day, and the week before it for the day's change
    assert [(r.query["from"], r.query["to"]) for r in nrb.server.requests] == [
        ("2026-08-05", "2026-08-12")
    ]


def test_old_newest_first_reply_is_sorted_with_buy_only_currencies(npkit, nrb) -> None:
    records = npkit.json("fx", "--from", "2016-06-13", "--to", "2016-06-19", "--json")
    assert [r["date"] for r in records] == sorted(r["date"] for r in records)
    assert len({r["date"] for r in records}) == 7
    kwd = [r for r in records if r["currency"] == "KWD"]
    assert len(kwd) == 7 and all(r["sell"] is None and r["buy"] for r in kwd)


def test_history_pages_through_the_configured_host_only(npkit, nrb) -> None:
    records = npkit.json("fx", "USD", "--from", "2026-06-01", "--to", "2026-10-05", "--json")
    days = [r["date"] for r in records]
    assert days == sorted(set(days))  # one record per day, in order
    assert len(days) == (date(2026, 10, 5) - date(2026, 6, 1)).days + 1
    assert [r.query["page"] for r in nrb.server.requests] == ["1", "2"]
    assert all(r.query["per_page"] == "100" for r in nrb.server.requests)
    assert nrb.decoy.requests == []  # links.next named it; it was not followed
    (duplicate,) = [r for r in records if r["date"] == "2026-08-06"]
    assert Decimal(str(duplicate["buy"])) == Decimal("151.90")  # the quoted copy won


def test_duplicate_day_split_across_pages_keeps_the_quoted_copy(npkit, nrb) -> None:
    start = date(2026, 8, 6) - timedelta(days=99)  # the null copy ends page 1, the real one
    records = npkit.json("fx", "EUR", "--from", start.isoformat(), "--to", "2026-08-06", "--json")
    assert [r.query["page"] for r in nrb.server.requests] == ["1", "2"]
    assert len(records) == 100
    assert records[-1]["date"] == "2026-08-06" and records[-1]["buy"] is not None


def test_long_history_csv_is_spreadsheet_ready(npkit, nrb) -> None:
    result = npkit("fx", "--from", "2026-06-01", "--to", "2026-10-05", "-f", "csv")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "date,date_bs,currency,name,unit,buy,sell,change,published_on,source,fetched_at,stale"
    )
    assert len(lines) == 1 + 127 * 22
    assert lines[1].startswith("2026-06-01,2083-02-18,INR,Indian Rupee,100,160.00,160.15,")
    assert [line[:10] for line in lines[1:]] == sorted(line[:10] for line in lines[1:])


def test_wide_layout_has_one_column_per_currency(npkit, nrb) -> None:
    result = npkit("fx", "--from", "2026-08-10", "--to", "2026-08-17", "--wide", "-f", "csv")
    lines = result.stdout.splitlines()
    assert lines[0].startswith("date,date_bs,INR,USD,EUR,")
    assert len(lines[0].split(",")) == 2 + 22
    assert len(lines) == 1 + 8
    buy, _, _ = recorded("2026-08-10", "USD")
    assert lines[1].split(",")[:4] == ["2026-08-10", "2083-04-25", "160.00", str(buy)]

    rows = npkit.json(
        "fx", "usd", "--from", "2026-08-10", "--to", "2026-08-11", "--wide", "--rate", "mid",
        "--fields", "date,USD", "--json",
    )  # fmt: skip
    buy, sell, _ = recorded("2026-08-10", "USD")
    assert rows[0] == {"date": "2026-08-10", "USD": float((buy + sell) / 2)}


def test_unknown_code_lists_the_valid_ones(npkit, nrb) -> None:
    result = npkit("fx", "XYZ", "USD")
    assert result.exit_code == 2 and result.stdout == ""
    message = one_line(result.stderr)
    assert message.startswith("npkit: fx: unknown currency 'XYZ'; valid codes: AED, AUD,")
    assert "USD" in message and "JPY" in message


def test_malformed_code_fails_before_any_request(npkit, nrb) -> None:
    result = npkit("fx", "US$")
    assert result.exit_code == 2
    assert "not a currency code" in one_line(result.stderr)
    assert nrb.server.requests == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "2099-01-01"], "is in the future"),
        (["--from", "2026-08-12", "--to", "2026-08-10"], "starts (2026-08-12) after it ends"),
        (["--to", "2026-08-10"], "a range needs a start date"),
        (["--date", "2026-08-12", "--from", "2026-08-10"], "not both"),
        (["--rate", "mid"], "--rate chooses the figure of --wide"),
        (["--offline", "--no-cache"], "contradict"),
        (["--date", "11/12/2026"], "ambiguous"),  # 31/12/2026 is now read (issue #10)
        (["--timeout", "0"], "--timeout"),
    ],
)
def test_bad_options_are_exit_2(npkit, nrb, args: list[str], message: str) -> None:
    result = npkit("fx", *args)
    assert result.exit_code == 2, result.stderr
    assert message in one_line(result.stderr)
    assert result.stdout == "" and nrb.server.requests == []


# ---------------------------------------------------------------- convert


def convert(npkit, *args: str) -> dict[str, Any]:
    (record,) = npkit.json("fx", "convert", *args, "--date", "2026-08-12", "--json")
    return record


def number(value: Any) -> Decimal:
    return Decimal(str(value))


def test_convert_foreign_to_npr_at_the_buy_rate(npkit, nrb) -> None:
    buy, sell, _ = recorded("2026-08-12", "USD")
    record = convert(npkit, "100", "usd")
    assert record["from"] == "USD" and record["to"] == "NPR"
    assert (number(record["rate"]), number(record["result"])) == (buy, buy * 100)
    assert record["rate_side"] == "buy" and record["date"] == "2026-08-12"
    assert number(convert(npkit, "100", "USD", "--rate", "sell")["result"]) == sell * 100
    mid = convert(npkit, "100", "USD", "NPR", "--rate", "mid")
    assert number(mid["result"]) == (buy + sell) * 50 and mid["rate_side"] == "mid"


@pytest.mark.parametrize("code", ["INR", "JPY"])
def test_convert_divides_by_the_unit(npkit, nrb, code: str) -> None:
    buy, _, unit = recorded("2026-08-12", code)
    assert unit in (100, 10)
    record = convert(npkit, "1,000", code)
    assert number(record["rate"]) == buy / unit
    assert number(record["result"]) == (1000 * buy / unit).quantize(Decimal("0.01"))


def test_convert_npr_to_foreign_at_the_sell_rate(npkit, nrb) -> None:
    _, sell, unit = recorded("2026-08-12", "INR")
    record = convert(npkit, "1000", "NPR", "INR")
    assert record["rate_side"] == "sell"
    assert number(record["result"]) == (1000 * unit / sell).quantize(Decimal("0.01"))
    assert number(record["result"]) == Decimal("624.41")


def test_cross_rate_goes_through_npr(npkit, nrb) -> None:
    usd_buy, _, _ = recorded("2026-08-12", "USD")
    _, jpy_sell, jpy_unit = recorded("2026-08-12", "JPY")
    record = convert(npkit, "100", "USD", "JPY")
    assert record["rate_side"] == "buy/sell"
    expected = (100 * usd_buy / (jpy_sell / jpy_unit)).quantize(Decimal("0.01"))
    assert number(record["result"]) == expected == Decimal("15875.00")


def test_convert_latest_and_bad_amount(npkit, nrb) -> None:
    (record,) = npkit.json("fx", "convert", "1", "EUR", "--json")
    assert record["date"] == dates.today_ad().isoformat()
    result = npkit("fx", "convert", "ten", "USD")
    assert result.exit_code == 2 and "amount must be a number" in one_line(result.stderr)
    result = npkit("fx", "convert", "10", "XYZ")
    assert result.exit_code == 2 and "unknown currency 'XYZ'" in one_line(result.stderr)


# ---------------------------------------------------------------- failures


def test_server_fails_then_stale_cache_is_shown_with_one_warning(
    npkit, nrb, expire_http_cache
) -> None:
    fresh = npkit.json("fx", "USD", "--json")
    assert expire_http_cache(hours=3) == 1
    nrb.server.route(NRB_PATH, Reply(b"busy", status=503, content_type="text/plain"))
    result = npkit("fx", "USD", "--json")
    assert result.exit_code == 0
    stale = json.loads(result.stdout)
    assert [r["stale"] for r in fresh] == [False] and [r["stale"] for r in stale] == [True]
    # the stale copy is the reply of 3 hours ago, and says so
    age = datetime.fromisoformat(fresh[0]["fetched_at"]) - datetime.fromisoformat(
        stale[0]["fetched_at"]
    )
    assert abs(age - timedelta(hours=3)) <= timedelta(seconds=1)  # see conftest
    assert stale[0]["fetched_at"].endswith("+05:45")
    without = ("fetched_at", "stale")
    assert [{k: v for k, v in r.items() if k not in without} for r in stale] == [
        {k: v for k, v in r.items() if k not in without} for r in fresh
    ]
    warning = one_line(result.stderr)
    assert warning.startswith(
        f"npkit: warning: {host(nrb.server)} answered HTTP 503 Service Unavailable; "
        "showing cached data fetched 3 h ago ("
    )
    quiet = npkit("-q", "fx", "USD", "--json")
    assert quiet.exit_code == 0 and quiet.stderr == ""


def test_server_down_and_no_cache_is_exit_3(npkit, nrb, monkeypatch) -> None:
    with LocalServer() as gone:
        url = gone.url
    monkeypatch.setenv("NPKIT_NRB_URL", url)
    result = npkit("fx", "USD", "--json")
    assert result.exit_code == 3
    assert result.stdout == ""
    assert one_line(result.stderr) == (
        f"npkit: fx: {url.removeprefix('http://')} refused the connection (server down?; "
        "no cached copy)\n"
    )


def test_503_without_cache_is_exit_3(npkit, nrb) -> None:
    nrb.server.route(NRB_PATH, Reply(b"busy", status=503))
    result = npkit("fx", "--date", "2026-08-12", "--json")
    assert result.exit_code == 3 and result.stdout == ""
    assert one_line(result.stderr) == (
        f"npkit: fx: {host(nrb.server)} answered HTTP 503 Service Unavailable\n"
    )
    assert len(nrb.server.requests) == 3  # one try and two retries


def test_timeout_is_exit_3(npkit, nrb) -> None:
    nrb.server.route(NRB_PATH, Reply(b"{}", mode="slow", delay=5))
    result = npkit("fx", "--timeout", "0.3", "--json")
    assert result.exit_code == 3 and result.stdout == ""
    assert one_line(result.stderr) == (
        f"npkit: fx: {host(nrb.server)} timed out after 0.3 s (no cached copy)\n"
    )


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        (
            Reply(b"<!DOCTYPE html><title>Just a moment...</title>", content_type="text/html"),
            "sent an HTML/XML page instead of the rates JSON",
        ),
        (
            Reply((NRB / "rates_2026-08-10_to_2026-08-17.json").read_bytes(), mode="truncated"),
            "is not valid JSON",
        ),
    ],
    ids=["html challenge", "truncated"],
)
def test_a_200_that_is_not_the_json_is_exit_4(npkit, nrb, reply: Reply, message: str) -> None:
    nrb.server.route(NRB_PATH, reply)
    result = npkit("fx", "USD", "--date", "2026-08-12", "--json")
    assert result.exit_code == 4 and result.stdout == ""
    assert message in one_line(result.stderr)
    nrb.server.route(NRB_PATH, nrb.fake)  # and the bad body was not cached:
    assert npkit("fx", "USD", "--date", "2026-08-12", "--json").exit_code == 0


def test_400_validation_body_gives_its_message(npkit, nrb) -> None:
    body = (NRB / "validation_400.body").read_bytes()
    nrb.server.route(NRB_PATH, Reply(body, status=400))
    result = npkit("fx", "--json")
    assert result.exit_code == 2 and result.stdout == ""
    assert one_line(result.stderr).startswith(
        f"npkit: fx: {host(nrb.server)} rejected the request: per_page: Per Page is required;"
    )


@pytest.mark.parametrize("mode", ["oversized", "lying-length"])
def test_oversized_reply_is_refused(npkit, nrb, mode: str) -> None:
    nrb.server.route(NRB_PATH, Reply(b"{}", mode=mode))
    result = npkit("fx", "--json")
    assert result.exit_code == 3 and result.stdout == ""
    assert "refused" in one_line(result.stderr)


def test_offline_miss_is_exit_3_without_a_request(npkit, nrb) -> None:
    result = npkit("fx", "USD", "--offline")
    assert result.exit_code == 3 and result.stdout == ""
    assert one_line(result.stderr) == (
        f"npkit: fx: --offline and no cached copy of this data from {host(nrb.server)}\n"
    )
    assert nrb.server.requests == []


def test_offline_and_warm_cache_need_no_network(npkit, nrb) -> None:
    first = npkit.json("fx", "--date", "2026-08-12", "--json")
    for args in (["--offline"], [], ["--timeout", "2"]):
        assert npkit.json("fx", "--date", "2026-08-12", *args, "--json") == first
    assert len(nrb.server.requests) == 1
    assert npkit.json("fx", "convert", "1", "USD", "--date", "2026-08-12", "--offline", "--json")
    assert len(nrb.server.requests) == 1


def test_an_empty_past_day_is_not_cached_for_good(npkit, nrb) -> None:
    empty = b'{"status":{"code":200},"errors":{"validation":null},"data":{"payload":[]}}'
    nrb.server.route(NRB_PATH, Reply(empty))
    result = npkit("fx", "--date", "2026-08-12", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    assert one_line(result.stderr) == "npkit: warning: NRB published no rates for these dates\n"
    assert npkit("fx", "--date", "2026-08-12", "--offline").exit_code == 3


def test_offline_latest_falls_back_to_an_earlier_cached_week(npkit, nrb) -> None:
    from npkit import fx
    from npkit.fx import query

    yesterday = dates.today_ad() - timedelta(days=1)
    fx.fetch_days(yesterday - timedelta(days=query.LATEST_WINDOW_DAYS), yesterday)
    requests_before = len(nrb.server.requests)
    (usd,) = npkit.json("fx", "USD", "--offline", "--json")
    assert usd["date"] == yesterday.isoformat()
    assert len(nrb.server.requests) == requests_before


def test_no_cache_always_asks(npkit, nrb) -> None:
    for _ in range(2):
        assert npkit("fx", "USD", "--no-cache", "--json").exit_code == 0
    assert len(nrb.server.requests) == 2


def test_past_days_are_cached_for_good_and_latest_for_half_an_hour(npkit, nrb) -> None:
    from npkit import http

    npkit.json("fx", "--date", "2026-08-12", "--json")
    npkit.json("fx", "USD", "--json")
    lifetimes = {
        r.url.split("from=")[1][:10]: r.expires and r.expires - r.created_at
        for r in http.session().cache.filter()
    }
    latest = (dates.today_ad() - timedelta(days=7)).isoformat()
    assert lifetimes["2026-08-05"] is None  # 2026-08-12 and its week before: never expires
    assert timedelta(minutes=29) < lifetimes[latest] <= timedelta(minutes=30)


# ---------------------------------------------------------------- shape of the command


def test_help_and_default_command(npkit) -> None:
    result = npkit("fx", "--help")
    assert result.exit_code == 0
    assert "convert AMOUNT FROM [TO]" in result.stdout and "bs:2081-08-11" in result.stdout
    assert "--offline" in npkit("fx", "USD", "--help").stdout
    assert "--rate [buy|sell|mid]" in npkit("fx", "convert", "--help").stdout


def test_library_api(nrb) -> None:
    from npkit import fx

    (usd,) = fx.rates("USD", date=date(2026, 8, 12))
    assert usd.buy == recorded("2026-08-12", "USD")[0]
    conversion = fx.convert("100", "usd", date="2026-08-12")
    assert conversion.result == usd.buy * 100 and conversion.from_ == "USD"


def test_fetch_modules_stay_out_of_cheap_paths() -> None:
    code = "import npkit.cli.fx, npkit.cli.options, npkit.fx, npkit.config"
    assert modules_imported_by_code(code) == set()
