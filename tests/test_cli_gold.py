"""``npkit gold`` end to end: the real entry point, real HTTP to three local servers answering
like FENEGOSIDA, Nepali Patro and Hamro Patro from the recorded fixtures (tests/fixtures/gold),
the fallback chain, the stale cache, and the exit codes.

Most tests fix "today in Nepal" at 2026-08-17, the day of the recordings: FENEGOSIDA's
recorded ``today`` bytes are served verbatim, Nepali Patro's recorded days re-serialised for
the ``from-date`` asked; a few tests run on the real clock. Days outside the recordings are
re-dated copies of the nearest recorded day (Saturdays have none), marked ``synthetic`` below.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from npkit import dates
from tests.support.gold_market import (
    AUG_17,
    RECORDED_DAYS,
    TODAY_PATH,
    Market,
    Sources,
)
from tests.support.probes import modules_imported_by_code
from tests.support.servers import LocalServer, Reply


def start_sources(monkeypatch: pytest.MonkeyPatch, today: date) -> Iterator[Sources]:
    with LocalServer() as fen, LocalServer() as pat, LocalServer() as ham:
        sources = Sources(Market(today), fen, pat, ham)
        sources.restore()
        monkeypatch.setenv("NPKIT_FENEGOSIDA_URL", fen.url)
        monkeypatch.setenv("NPKIT_NEPALIPATRO_URL", pat.url)
        monkeypatch.setenv("NPKIT_HAMROPATRO_URL", ham.url)
        yield sources


@pytest.fixture
def sources(monkeypatch: pytest.MonkeyPatch) -> Iterator[Sources]:
    """The three fakes, with today in Nepal fixed at 2026-08-17 (the recordings' day)."""
    monkeypatch.setattr(dates, "today_ad", lambda now=None: AUG_17)
    yield from start_sources(monkeypatch, AUG_17)


@pytest.fixture
def sources_now(monkeypatch: pytest.MonkeyPatch) -> Iterator[Sources]:
    """The three fakes on the real clock."""
    yield from start_sources(monkeypatch, dates.today_ad())


DOWN = Reply(b"origin down", status=521, content_type="text/plain")  # Cloudflare: not retried
BUSY = Reply(b"busy", status=503, headers={"Retry-After": "120"})  # too long a wait: no retry
JUNK = Reply(b"<!DOCTYPE html><title>Just a moment...</title>", content_type="text/html")


def lines(text: str) -> list[str]:
    return text.splitlines()


def prices(records: list[dict[str, Any]]) -> dict[tuple[str, str, str], tuple[Any, Any]]:
    return {(r["date"], r["metal"], r["unit"]): (r["price"], r["change"]) for r in records}


# ---------------------------------------------------------------- latest


def test_latest_both_metals_both_units_from_fenegosida(npkit, sources) -> None:
    records = npkit.json("gold", "--json")
    assert prices(records) == {
        ("2026-08-17", "fine_gold", "tola"): (306800.00, 1600.00),
        ("2026-08-17", "fine_gold", "10g"): (263030.00, 1370.00),
        ("2026-08-17", "silver", "tola"): (4770.00, 60.00),
        ("2026-08-17", "silver", "10g"): (4089.50, 51.50),
    }
    assert {(r["date_bs"], r["source"], r["requested"]) for r in records} == {
        ("2083-05-01", "fenegosida", None)
    }
    assert sources.requests() == {"fenegosida": [TODAY_PATH], "nepalipatro": [], "hamropatro": []}
    assert sources.fenegosida.requests[0].headers["User-Agent"].startswith("npkit/")


def test_latest_as_a_table_and_as_exact_json_numbers(npkit, sources) -> None:
    result = npkit("gold")
    assert result.exit_code == 0 and result.stderr == ""
    table = lines(result.stdout)
    assert table[0].split() == ["date", "date_bs", "metal", "unit", "price", "change", "source"]
    assert table[2].split() == [
        "2026-08-17",
        "2083-05-01",
        "fine_gold",
        "tola",
        "3,06,800.00",
        "▲",
        "1,600.00",
        "fenegosida",
    ]  # fmt: skip  (tables: Nepali digit grouping, signed change; JSON below stays plain)
    assert len(table) == 2 + 4
    raw = npkit("gold", "--unit", "10g", "--metal", "silver", "--json").stdout
    assert '"price": 4089.50, "change": 51.50' in raw  # Decimal digits, not a float's


@pytest.mark.parametrize(("unit", "count"), [("tola", 2), ("10g", 2), ("all", 4)])
def test_unit_filter_keeps_published_figures(npkit, sources, unit: str, count: int) -> None:
    records = npkit.json("gold", "--unit", unit, "--json")
    assert len(records) == count
    assert all(unit in ("all", r["unit"]) for r in records)


def test_latest_on_the_real_clock(npkit, sources_now) -> None:
    records = npkit.json("gold", "--json")
    assert len(records) == 4 and {r["source"] for r in records} == {"fenegosida"}
    newest = max(
        d for d, _ in sources_now.market.days(dates.today_ad() - timedelta(7), dates.today_ad())
    )
    assert {r["date"] for r in records} == {newest.isoformat()}
    assert {r["date_bs"] for r in records} == {dates.ad_to_bs(newest).isoformat()}


def test_a_latest_rate_weeks_old_is_warned_about(npkit, sources_now) -> None:
    result = npkit("gold", "--source", "hamropatro", "--json")  # its page says Bhadra 1 (08-17)
    assert result.exit_code == 0
    assert {r["date"] for r in json.loads(result.stdout)} == {"2026-08-17"}
    age = (dates.today_ad() - AUG_17).days
    assert lines(result.stderr) == (
        [f"npkit: warning: the latest rate from hamropatro is {age} days old (2026-08-17)"]
        if age > 7
        else []
    )


def test_tejabi_is_absent_and_said_so(npkit, sources) -> None:
    result = npkit("gold", "--metal", "tejabi", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    assert lines(result.stderr) == [
        "npkit: warning: no tejabi_gold rates: FENEGOSIDA no longer publishes tejabi gold"
    ]


# ---------------------------------------------------------------- fallbacks


@pytest.mark.parametrize("status", [503, 521])
def test_fenegosida_down_then_nepali_patro(npkit, sources, status: int) -> None:
    sources.fail("fenegosida", Reply(b"down", status=status, content_type="text/plain"))
    result = npkit("gold", "--json")
    assert result.exit_code == 0
    records = json.loads(result.stdout)
    assert {r["source"] for r in records} == {"nepalipatro"}
    assert prices(records) == prices(npkit_json_from_recording())
    (warning,) = lines(result.stderr)
    assert warning.startswith(
        f"npkit: warning: fenegosida failed: {sources.host('fenegosida')} answered HTTP {status}"
    )
    assert warning.endswith("; using nepalipatro")
    (query,) = [r.query for r in sources.nepalipatro.requests]
    assert query == {"from-date": "2026-08-02"}  # a fortnight back: never the whole history
    assert npkit("-q", "gold", "--json").stderr == ""


def npkit_json_from_recording() -> list[dict[str, Any]]:
    """2026-08-17 as FENEGOSIDA recorded it, in npkit's JSON shape."""
    return [
        {"date": "2026-08-17", "metal": metal, "unit": unit, "price": price, "change": change}
        for metal, unit, price, change in (
            ("fine_gold", "tola", 306800.00, 1600.00),
            ("fine_gold", "10g", 263030.00, 1370.00),
            ("silver", "tola", 4770.00, 60.00),
            ("silver", "10g", 4089.50, 51.50),
        )
    ]


def test_first_two_down_then_hamro_patro(npkit, sources) -> None:
    sources.fail("fenegosida", DOWN)
    sources.fail("nepalipatro", BUSY)
    result = npkit("gold", "--json")
    assert result.exit_code == 0
    records = json.loads(result.stdout)
    assert prices(records) == {
        ("2026-08-17", "fine_gold", "tola"): (306800.00, 1600.00),
        ("2026-08-17", "silver", "tola"): (4770.00, 60.00),
    }
    assert {r["source"] for r in records} == {"hamropatro"}
    assert [line.split(" failed: ")[0] for line in lines(result.stderr)] == [
        "npkit: warning: fenegosida",
        "npkit: warning: nepalipatro",
    ]
    assert lines(result.stderr)[1].endswith("; using hamropatro")


def test_all_down_is_exit_3_with_one_line_per_source(npkit, sources, monkeypatch) -> None:
    with LocalServer() as gone:
        closed = gone.url
    for name in ("FENEGOSIDA", "NEPALIPATRO", "HAMROPATRO"):
        monkeypatch.setenv(f"NPKIT_{name}_URL", closed)
    result = npkit("gold", "--json")
    assert result.exit_code == 3
    assert result.stdout == ""
    host = closed.removeprefix("http://")
    refused = f"{host} refused the connection (server down?; no cached copy)"
    assert lines(result.stderr) == [  # issue #10: one line, no loop, no doubled parentheses
        f"npkit: gold: every source failed (fenegosida, nepalipatro, hamropatro): {refused}",
    ]


def test_one_explicit_source_down_is_exit_3_in_one_line(npkit, sources) -> None:
    sources.fail("nepalipatro", BUSY)
    result = npkit("gold", "--source", "nepalipatro", "--json")
    assert result.exit_code == 3 and result.stdout == ""
    assert lines(result.stderr) == [
        f"npkit: gold: {sources.host('nepalipatro')} answered HTTP 503 Service Unavailable"
    ]
    assert sources.requests()["fenegosida"] == [] and sources.requests()["hamropatro"] == []


def test_unreadable_200_falls_back_and_is_not_cached(npkit, sources) -> None:
    sources.fail("fenegosida", JUNK)
    result = npkit("gold", "--json")
    assert result.exit_code == 0
    assert {r["source"] for r in json.loads(result.stdout)} == {"nepalipatro"}
    assert "sent an HTML page instead of the rates JSON" in result.stderr
    sources.restore()  # FENEGOSIDA is back; the junk was not cached in its place
    assert {r["source"] for r in npkit.json("gold", "--json")} == {"fenegosida"}


def test_unreadable_200_and_the_rest_down_is_exit_4(npkit, sources) -> None:
    sources.fail("fenegosida", Reply(b'{"error": "maintenance"}'))
    sources.fail("nepalipatro", DOWN)
    sources.fail(
        "hamropatro", Reply(b"<html>Forbidden</html>", status=403, content_type="text/html")
    )
    result = npkit("gold", "--json")
    assert result.exit_code == 4 and result.stdout == ""
    assert len(lines(result.stderr)) == 4
    assert lines(result.stderr)[0].endswith("JSON of an unexpected shape: not a list of rates")
    assert lines(result.stderr)[2] == (
        f"npkit: warning: hamropatro failed: {sources.host('hamropatro')} answered HTTP 403 "
        "Forbidden"
    )
    assert lines(result.stderr)[3] == "npkit: gold: every source failed (3 of 3: reasons above)"


def test_hamro_patro_page_that_changed_is_exit_4(npkit, sources) -> None:
    sources.fail(
        "hamropatro", Reply(b"<html><body>New design</body></html>", content_type="text/html")
    )
    result = npkit("gold", "--source", "hamropatro")
    assert result.exit_code == 4 and result.stdout == ""
    assert lines(result.stderr) == [
        f"npkit: gold: {sources.host('hamropatro')} sent a page without its 'Last updated' date"
    ]


# ---------------------------------------------------------------- cache


def test_stale_cache_is_data_with_a_warning(npkit, sources, expire_http_cache) -> None:
    fresh = npkit.json("gold", "--json")
    assert expire_http_cache(hours=3) == 1
    for name in ("fenegosida", "nepalipatro", "hamropatro"):
        sources.fail(name, DOWN)
    result = npkit("gold", "--json")
    assert result.exit_code == 0
    stale = json.loads(result.stdout)
    assert {r["stale"] for r in fresh} == {False} and {r["stale"] for r in stale} == {True}
    for old, new in zip(stale, fresh, strict=True):  # the copy of 3 hours ago, and says so
        age = datetime.fromisoformat(new["fetched_at"]) - datetime.fromisoformat(old["fetched_at"])
        assert abs(age - timedelta(hours=3)) <= timedelta(seconds=1)  # see conftest
        assert old["fetched_at"].endswith("+05:45")
    without = ("fetched_at", "stale")
    assert [{k: v for k, v in r.items() if k not in without} for r in stale] == [
        {k: v for k, v in r.items() if k not in without} for r in fresh
    ]
    stderr = lines(result.stderr)
    assert len(stderr) == 4
    assert stderr[0].startswith(
        f"npkit: warning: fenegosida: {sources.host('fenegosida')} answered HTTP 521"
    )
    assert "(only an expired cached copy); using nepalipatro" in stderr[0]
    assert stderr[2].endswith("answered HTTP 521; using fenegosida")  # its cached copy
    assert stderr[3].startswith(
        f"npkit: warning: {sources.host('fenegosida')} answered HTTP 521; "
        "showing cached data fetched 3 h ago ("
    )


def test_fresh_fallback_beats_a_stale_first_choice(npkit, sources, expire_http_cache) -> None:
    npkit.json("gold", "--json")
    expire_http_cache(hours=30)
    sources.fail("fenegosida", DOWN)
    result = npkit("gold", "--json")
    assert result.exit_code == 0
    assert {r["source"] for r in json.loads(result.stdout)} == {"nepalipatro"}
    (warning,) = lines(result.stderr)
    assert "(only an expired cached copy); using nepalipatro" in warning


def test_offline_and_warm_cache_need_no_network(npkit, sources) -> None:
    first = npkit.json("gold", "--json")
    for name in ("fenegosida", "nepalipatro", "hamropatro"):
        sources.fail(name, DOWN)
    before = sum(map(len, sources.requests().values()))
    assert npkit.json("gold", "--offline", "--json") == first
    assert npkit.json("gold", "--json") == first  # fresh for 30 minutes
    assert sum(map(len, sources.requests().values())) == before


def test_offline_without_cache_is_exit_3_without_requests(npkit, sources) -> None:
    result = npkit("gold", "--offline", "--source", "fenegosida")
    assert result.exit_code == 3 and result.stdout == ""
    assert lines(result.stderr) == [
        f"npkit: gold: --offline and no cached copy of this data from {sources.host('fenegosida')}"
    ]
    assert sources.requests() == {"fenegosida": [], "nepalipatro": [], "hamropatro": []}


# ---------------------------------------------------------------- dates and history


def test_saturday_gives_the_friday_before_flagged(npkit, sources) -> None:
    result = npkit("gold", "--date", "2026-08-15", "--unit", "tola", "--json")
    assert result.exit_code == 0
    records = json.loads(result.stdout)
    assert prices(records) == {
        ("2026-08-14", "fine_gold", "tola"): (301600.00, -4600.00),  # against Thursday's 306,200
        ("2026-08-14", "silver", "tola"): (4660.00, -90.00),
    }
    assert {(r["requested"], r["date_bs"]) for r in records} == {("2026-08-15", "2083-04-29")}
    assert lines(result.stderr) == [
        "npkit: warning: no rate for Saturday 2026-08-15 (BS 2083-04-30): showing 2026-08-14, "
        "the nearest earlier trading day"
    ]
    table = npkit("gold", "--date", "2026-08-15")
    assert lines(table.stdout)[0].split()[-1] == "requested"  # the flag shows in tables too


@pytest.mark.parametrize(
    "when", ["2026-08-12", "bs:2083-04-27", "2083-04-27 BS", "२०८३-०४-२७", "27 Shrawan 2083"]
)
def test_one_day_by_ad_or_bs_date(npkit, sources, when: str) -> None:
    records = npkit.json("gold", "--date", when, "--unit", "tola", "--metal", "gold", "--json")
    assert [(r["date"], r["date_bs"], r["price"], r["requested"]) for r in records] == [
        ("2026-08-12", "2083-04-27", 306700.00, None)
    ]
    assert records[0]["change"] == -1200.00  # 307,900 the day before


def test_recent_history_comes_from_fenegosida_month_by_month(npkit, sources) -> None:
    records = npkit.json("gold", "--from", "2026-08-06", "--to", "2026-08-17", "--json")
    assert {r["source"] for r in records} == {"fenegosida"}
    days = sorted({r["date"] for r in records})
    assert days == sorted(RECORDED_DAYS)  # the ten trading days; Saturdays absent
    assert [r["date"] for r in records] == sorted(r["date"] for r in records)
    by = prices(records)
    for day, figures in RECORDED_DAYS.items():
        assert by[(day, "fine_gold", "tola")][0] == figures["t_ha"]
        assert by[(day, "silver", "10g")][0] == figures["g_s"]
    assert by[("2026-08-09", "fine_gold", "tola")][1] == 4800.00  # Sunday vs Friday 08-07
    months = [r.query["date"] for r in sources.fenegosida.requests]
    assert months == ["2026-07-01", "2026-08-01"]  # the look-back reaches into July
    assert sources.requests()["nepalipatro"] == []


def test_history_beyond_fenegosida_retention_comes_from_nepali_patro(npkit, sources) -> None:
    records = npkit.json(
        "gold", "--from", "2026-05-03", "--to", "2026-05-09", "--unit", "tola", "--json"
    )
    assert {r["source"] for r in records} == {"nepalipatro"}
    assert sorted({r["date"] for r in records}) == [f"2026-05-0{d}" for d in (3, 4, 5, 6, 7, 8)]
    assert sources.requests()["fenegosida"] == []
    (request,) = sources.nepalipatro.requests
    assert request.query == {"from-date": "2026-04-18"}


def test_history_on_the_real_clock_uses_nepali_patro(npkit, sources_now) -> None:
    records = npkit.json("gold", "--from", "2026-08-06", "--to", "2026-08-17", "-f", "json")
    by = prices(records)
    assert {r["source"] for r in records} == {"nepalipatro"}
    assert sorted({r["date"] for r in records}) == sorted(RECORDED_DAYS)
    assert by[("2026-08-17", "fine_gold", "tola")] == (306800.00, 1600.00)


def test_fenegosida_month_out_of_retention_hands_over(npkit, sources) -> None:
    sources.market.retention_days = 10  # July answers 204
    result = npkit("gold", "--from", "2026-08-06", "--to", "2026-08-17", "--json")
    assert result.exit_code == 0
    assert {r["source"] for r in json.loads(result.stdout)} == {"nepalipatro"}
    assert lines(result.stderr) == [
        "npkit: warning: fenegosida: no rates for 2026-07 (its history API keeps about two "
        "months); using nepalipatro"
    ]


def test_history_as_csv(npkit, sources) -> None:
    result = npkit(
        "gold", "--from", "2026-08-13", "--to", "2026-08-14", "--unit", "tola", "-f", "csv"
    )
    rows = [line.rsplit(",", 2) for line in lines(result.stdout)]
    assert rows[0][1:] == ["fetched_at", "stale"]
    assert {(row[1][-6:], row[2]) for row in rows[1:]} == {("+05:45", "false")}
    assert [row[0] for row in rows] == [
        "date,date_bs,metal,unit,price,change,source,requested",
        "2026-08-13,2083-04-28,fine_gold,tola,306200.00,-500.00,fenegosida,",
        "2026-08-13,2083-04-28,silver,tola,4750.00,5.00,fenegosida,",
        "2026-08-14,2083-04-29,fine_gold,tola,301600.00,-4600.00,fenegosida,",
        "2026-08-14,2083-04-29,silver,tola,4660.00,-90.00,fenegosida,",
    ]


def test_a_range_without_trading_days_is_empty_with_a_warning(npkit, sources) -> None:
    result = npkit("gold", "--from", "2026-08-15", "--to", "2026-08-15", "--json")  # a Saturday
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    assert lines(result.stderr) == [
        "npkit: warning: no gold or silver rates were published for these dates"
    ]
    sources.market.closed = {AUG_17 - timedelta(days=d) for d in range(40)}  # a long closure
    result = npkit("gold", "--date", "2026-08-12", "--source", "nepalipatro", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "2026-09-01"], "2026-09-01 is in the future (today in Nepal is 2026-08-17)"),
        (
            ["--date", "ad:2083-05-01"],
            "a BS date? write bs:YYYY-MM-DD",
        ),  # 2083-05-01 alone is BS now
        (["--from", "2026-08-12", "--to", "2026-08-10"], "starts (2026-08-12) after it ends"),
        (["--to", "2026-08-10"], "a range needs a start date"),
        (["--date", "2026-08-12", "--from", "2026-08-10"], "not both"),
        (["--date", "11/12/2026"], "ambiguous"),  # 31/12/2026 is now read (issue #10)
        (["--date", "2026-02-30"], "does not exist"),
        (["--unit", "gram"], "'gram' is not one of 'tola', '10g', 'all'"),
        (["--metal", "platinum"], "unknown metal 'platinum'; metals: fine_gold, tejabi_gold,"),
        (["--source", "goldpriceapi"], "'goldpriceapi' is not one of"),
        (["--source", "hamropatro", "--date", "2026-08-12"], "hamropatro shows only the latest"),
        (
            ["--source", "fenegosida", "--from", "2026-01-01"],
            "fenegosida keeps only recent history",
        ),
        (["--offline", "--no-cache"], "contradict"),
    ],
)
def test_bad_input_is_exit_2_before_any_request(
    npkit, sources, args: list[str], message: str
) -> None:
    result = npkit("gold", *args)
    assert result.exit_code == 2, result.stderr
    (line,) = lines(result.stderr)
    assert message in line
    assert result.stdout == ""
    assert sources.requests() == {"fenegosida": [], "nepalipatro": [], "hamropatro": []}


# ---------------------------------------------------------------- value


def test_value_of_2_tola_5_aana(npkit, sources) -> None:
    (record,) = npkit.json("gold", "value", "2", "tola", "5", "aana", "--json")
    assert record.pop("stale") is False and record.pop("fetched_at").endswith("+05:45")
    assert record == {
        "weight": "2 tola 5 aana", "tola": 2.3125, "grams": 26.9725, "metal": "fine_gold",
        "rate": 306800.00, "rate_unit": "tola", "value": 709475.00, "date": "2026-08-17",
        "date_bs": "2083-05-01", "source": "fenegosida", "requested": None,
    }  # fmt: skip


def test_value_in_words(npkit, sources) -> None:
    """``--words``: the value for an invoice, in the words ``npkit num words`` writes."""
    result = npkit("gold", "value", "2", "tola", "5", "aana", "--words")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "Seven Lakh Nine Thousand Four Hundred Seventy-Five Rupees\n"
    refused = npkit("gold", "value", "1", "tola", "--words", "-f", "json")
    assert refused.exit_code == 2 and "--words prints one line" in refused.stderr


def test_value_of_grams_of_silver_uses_the_10g_rate(npkit, sources) -> None:
    result = npkit("gold", "value", "15.5g", "--metal", "silver")
    assert result.exit_code == 0 and result.stderr == ""
    header, _, row = lines(result.stdout)
    assert header.split() == [
        "weight", "tola", "grams", "metal", "rate", "rate_unit", "value", "date", "date_bs",
        "source",
    ]  # fmt: skip
    assert row.split() == [
        "15.5", "g", "1.328898", "15.5", "silver", "4,089.50", "10g", "6,338.73", "2026-08-17",
        "2083-05-01", "fenegosida",
    ]  # fmt: skip


def test_value_on_a_saturday_and_from_hamro_patro(npkit, sources) -> None:
    result = npkit("gold", "value", "1", "tola", "--date", "2026-08-15", "--json")
    (record,) = json.loads(result.stdout)
    assert (record["value"], record["date"], record["requested"]) == (
        301600.00,
        "2026-08-14",
        "2026-08-15",
    )
    assert "no rate for Saturday 2026-08-15" in result.stderr
    (record,) = npkit.json("gold", "value", "10", "g", "--source", "hamropatro", "--json")
    assert (record["rate"], record["rate_unit"], record["source"]) == (
        306800.00,
        "tola",
        "hamropatro",
    )
    assert record["value"] == 263035.97  # 10 / 11.6638038 × 306,800: no 10 g card on the page


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["2", "tola", "17", "aana"], "17 aana is a whole tola or more"),
        (["2", "oz"], "unknown weight unit 'oz'"),
        (["15.5g", "--metal", "platinum"], "unknown metal 'platinum'"),
        (["1", "tola", "--metal", "tejabi"], "no tejabi_gold rate"),
        ([], "missing argument 'WEIGHT [UNIT]...'"),
    ],
)
def test_value_bad_input_is_exit_2(npkit, sources, args: list[str], message: str) -> None:
    result = npkit("gold", "value", *args)
    assert result.exit_code == 2 and result.stdout == ""
    (line,) = lines(result.stderr)
    assert message in line


# ---------------------------------------------------------------- shape


def test_help_and_cheap_imports(npkit) -> None:
    result = npkit("gold", "--help")
    assert result.exit_code == 0
    assert "value WEIGHT [UNIT]..." in result.stdout and "nepalipatro" in result.stdout
    assert (
        "--source [auto|fenegosida|nepalipatro|hamropatro]"
        in npkit("gold", "prices", "--help").stdout
    )
    code = (
        "from npkit.cli import main\n"
        "try:\n    main(['gold', '--help'])\nexcept SystemExit:\n    pass\n"
        "import npkit.gold, npkit.gold.chain, npkit.cli.gold\n"
    )
    assert modules_imported_by_code(code) == set()


def test_library_api(sources) -> None:
    from npkit import gold

    records = gold.prices(date=date(2026, 8, 12), unit="tola", metal="gold")
    assert [(r.metal, r.price) for r in records] == [("fine_gold", Decimal("306700.00"))]
    assert isinstance(records[0].price, Decimal)
    valuation = gold.value("2 tola 5 aana")
    assert valuation.value == Decimal("709475.00") and valuation.date == date(2026, 8, 17)
    history = gold.prices(start="bs:2083-04-21", end=datetime(2026, 8, 7), source="nepalipatro")
    assert {r.date for r in history} == {date(2026, 8, 6), date(2026, 8, 7)}
