"""``npkit.stats`` and the summaries of ``--stats``, checked against an independent computation
(exact fractions from the recorded replies' own text, rounding written out by hand), then end
to end in every format through the local servers."""

from __future__ import annotations

import csv
import io
import json
import math
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from npkit.fx import nrb
from npkit.fx import summary as fx_summary
from npkit.gold import nepalipatro
from npkit.gold import summary as gold_summary
from npkit.stats import STAT_FIELDS, summarize
from tests.test_cli_gold import sources  # noqa: F401  (fixture)

FIXTURES = Path(__file__).parent / "fixtures"
BULLIONS = FIXTURES / "gold" / "nepalipatro_bullions_2026-08-06_to_2026-08-17.json"
NRB_WEEK = FIXTURES / "nrb" / "rates_2026-08-10_to_2026-08-17.json"
PATRO_KEYS = {  # Nepali Patro's keys (see the recorded reply) → (metal, unit)
    "t_ha": ("fine_gold", "tola"),
    "g_ha": ("fine_gold", "10g"),
    "t_s": ("silver", "tola"),
    "g_s": ("silver", "10g"),
}


# ---------------------------------------------------------------- the independent model


def half_up(value: Fraction, places: int) -> Fraction:
    """``value`` rounded to ``places`` decimals, ties away from zero (as a bank rounds)."""
    scale = 10**places
    magnitude = math.floor(abs(value) * scale + Fraction(1, 2))
    return Fraction(magnitude if value >= 0 else -magnitude, scale)


def decimals(value: Fraction) -> int:
    """The fewest decimals that write ``value`` exactly (prices are whole paisa or finer)."""
    places = 0
    while (value * 10**places).denominator != 1:
        places += 1
    return places


def model(points: list[tuple[date, Fraction]]) -> dict[str, Any]:
    """The summary as written in npkit.stats' docstring, computed another way: the mean has
    as many decimals as the figures need, at least two."""
    ordered = sorted(points)
    values = [v for _, v in ordered]
    places = max(2, *map(decimals, values))
    low, high = min(values), max(values)
    first, last = values[0], values[-1]
    return {
        "days": len(values),
        "first": first, "first_date": ordered[0][0],
        "last": last, "last_date": ordered[-1][0],
        "min": low, "min_date": next(d for d, v in ordered if v == low),
        "max": high, "max_date": next(d for d, v in ordered if v == high),
        "mean": half_up(Fraction(sum(values), len(values)), places),
        "change": last - first,
        "change_pct": None if first == 0 else half_up((last - first) * 100 / first, 2),
    }  # fmt: skip


def as_fractions(stats: Any) -> dict[str, Any]:
    return {
        name: Fraction(value) if isinstance(value, Decimal) else value
        for name, value in ((n, getattr(stats, n)) for n in STAT_FIELDS)
    }


def patro_points() -> dict[tuple[str, str], list[tuple[date, Fraction]]]:
    """The recorded Nepali Patro reply read with nothing of npkit: exact fractions of the
    JSON number text."""
    data = json.loads(BULLIONS.read_bytes(), parse_float=Fraction, parse_int=Fraction)["data"]
    return {
        series: [(date.fromisoformat(day), figures[key]) for day, figures in data.items()]
        for key, series in PATRO_KEYS.items()
    }


def nrb_points(side: str) -> dict[str, list[tuple[date, Fraction]]]:
    """The recorded NRB week read with nothing of npkit (buy, sell or their mean)."""
    found: dict[str, list[tuple[date, Fraction]]] = {}
    for day in json.loads(NRB_WEEK.read_bytes())["data"]["payload"]:
        for rate in day["rates"]:
            buy, sell = Fraction(rate["buy"]), Fraction(rate["sell"])
            figure = {"buy": buy, "sell": sell, "mid": (buy + sell) / 2}[side]
            code = rate["currency"]["iso3"]
            found.setdefault(code, []).append((date.fromisoformat(day["date"]), figure))
    return found


# ---------------------------------------------------------------- recorded histories


def test_gold_summaries_of_the_recorded_patro_history_match_the_model() -> None:
    records = nepalipatro.parse(BULLIONS.read_bytes(), "https://api.nepalipatro.com.np")
    summaries = gold_summary.summaries(records)
    expected = patro_points()
    assert [(s.metal, s.unit) for s in summaries] == list(expected)  # gold first, tola first
    for found in summaries:
        assert as_fractions(found) == model(expected[(found.metal, found.unit)])
        assert found.source == "nepalipatro"
    fine = summaries[0]  # facts read by hand from the recorded bytes
    assert (fine.max, fine.max_date) == (Decimal(307900), date(2026, 8, 11))
    assert (fine.min, fine.min_date, fine.days) == (Decimal(296000), date(2026, 8, 6), 10)


@pytest.mark.parametrize("side", ["buy", "sell", "mid"])
def test_fx_summaries_of_the_recorded_nrb_week_match_the_model(side: str) -> None:
    records = nrb.parse(NRB_WEEK.read_bytes(), "https://www.nrb.org.np/api/forex/v1/rates")
    summaries = fx_summary.summaries(records, side)
    expected = nrb_points(side)
    assert [s.currency for s in summaries] == list(expected)  # NRB's order
    for found in summaries:
        assert as_fractions(found) == model(expected[found.currency])
        assert (found.side, found.source) == (side, "nrb")
    usd = next(s for s in summaries if s.currency == "USD")
    inr = summaries[0]  # 160.00 and 160.15: a mid of 160.075 needs a third decimal
    assert side != "mid" or str(inr.mean) == "160.075"
    if side == "buy":  # read by hand: 152.04 on the 10th, 152.41 on the 14th, 152.39 last
        assert (usd.min, usd.max, usd.last) == (
            Decimal("152.04"),
            Decimal("152.41"),
            Decimal("152.39"),
        )
        assert usd.max_date == date(2026, 8, 14) and usd.change_pct == Decimal("0.23")


# ---------------------------------------------------------------- the rules


def test_a_flat_history_keeps_the_first_day_for_low_and_high() -> None:
    days = [date(2026, 8, d) for d in (10, 11, 12)]
    stats = summarize([(d, Decimal("160.00")) for d in reversed(days)])  # any order in
    assert stats is not None
    assert (stats.min_date, stats.max_date, stats.first_date) == (days[0],) * 3
    assert (stats.change, stats.change_pct) == (Decimal("0.00"), Decimal("0.00"))


def test_the_mean_rounds_half_up_to_the_figures_decimals() -> None:
    day = date(2026, 8, 10)
    stats = summarize([(day, Decimal("1.00")), (day + timedelta(1), Decimal("1.01"))])
    assert stats is not None and stats.mean == Decimal("1.01")  # 1.005: half-even says 1.00
    stats = summarize([(day, Decimal("151.125")), (day + timedelta(1), Decimal("151.12"))])
    assert stats is not None and str(stats.mean) == "151.123"  # 151.1225, three decimals
    stats = summarize([(day, Decimal(296000)), (day + timedelta(1), Decimal(296901))])
    assert stats is not None and str(stats.mean) == "296450.50"  # whole rupees: paisa still


def test_no_points_and_a_zero_start() -> None:
    assert summarize([]) is None
    stats = summarize([(date(2026, 1, 1), Decimal(0)), (date(2026, 1, 2), Decimal(5))])
    assert stats is not None and stats.change == 5 and stats.change_pct is None


prices = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999999"), places=2)


@given(st.lists(st.tuples(st.integers(0, 3650), prices), min_size=1, max_size=60))
def test_any_history_matches_the_model(raw: list[tuple[int, Decimal]]) -> None:
    unique = {date(2016, 1, 1) + timedelta(days=offset): value for offset, value in raw}
    stats = summarize(unique.items())
    assert stats is not None
    assert as_fractions(stats) == model([(d, Fraction(v)) for d, v in unique.items()])
    assert stats.min <= stats.mean <= stats.max


# ---------------------------------------------------------------- --stats in every format


def _json(npkit: Any, *args: str) -> Any:
    result = npkit(*args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


GOLD_RANGE = ("gold", "--from", "2026-08-06", "--to", "2026-08-17", "--stats")


def test_gold_stats_json_and_ndjson_carry_exact_numbers(npkit, sources) -> None:  # noqa: F811
    rows = json.loads(_json(npkit, *GOLD_RANGE, "--json"), parse_float=Decimal)
    lines = [json.loads(line, parse_float=Decimal) for line in _json(
        npkit, *GOLD_RANGE, "-f", "ndjson").splitlines()]  # fmt: skip
    assert rows == lines
    expected = patro_points()
    assert [(r["metal"], r["unit"]) for r in rows] == list(expected)
    for row in rows:
        want = model(expected[(row["metal"], row["unit"])])
        for name in STAT_FIELDS:
            value = want[name]
            shown = row[name]
            if isinstance(value, date):
                assert shown == value.isoformat(), name
            else:
                assert Fraction(shown) == value, name
    assert rows[0]["source"] == "fenegosida"  # the last 45 days: FENEGOSIDA's own history
    raw = _json(npkit, *GOLD_RANGE, "--unit", "tola", "--metal", "gold", "--json")
    assert '"mean": 303050.00' in raw and '"change_pct": 3.65' in raw  # Decimal digits


@pytest.mark.parametrize(("fmt", "delimiter"), [("csv", ","), ("tsv", "\t")])
def test_gold_stats_as_a_spreadsheet(npkit, sources, fmt: str, delimiter: str) -> None:  # noqa: F811
    text = _json(npkit, *GOLD_RANGE, "-f", fmt)
    rows = list(csv.DictReader(io.StringIO(text), delimiter=delimiter))
    assert list(rows[0]) == ["metal", "unit", *STAT_FIELDS, "source"]
    assert rows[0]["max"] == "307900.00" and rows[0]["max_date"] == "2026-08-11"
    assert rows[3]["metal"] == "silver" and rows[3]["mean"] == "4019.25"


def test_gold_stats_table_groups_money_and_fields_choose(npkit, sources) -> None:  # noqa: F811
    table = _json(npkit, *GOLD_RANGE, "--unit", "tola").splitlines()
    assert table[0].split()[:4] == ["metal", "unit", "days", "first"]
    assert table[2].split()[:5] == ["fine_gold", "tola", "10", "2,96,000.00", "3,06,800.00"]
    assert "▲ 10,800.00" in table[2]
    picked = _json(npkit, *GOLD_RANGE, "--fields", "metal,unit,max_date", "-f", "csv")
    assert picked.splitlines()[:2] == ["metal,unit,max_date", "fine_gold,tola,2026-08-11"]


def test_fx_stats_records_in_json_and_table(npkit, nrb) -> None:
    args = ("fx", "usd", "jpy", "--from", "2026-08-10", "--to", "2026-08-17", "--stats")
    rows = json.loads(_json(npkit, *args, "--rate", "sell", "--json"), parse_float=Decimal)
    expected = nrb_points("sell")
    assert [r["currency"] for r in rows] == ["USD", "JPY"]
    for row in rows:
        assert row["side"] == "sell"
        assert Fraction(row["mean"]) == model(expected[row["currency"]])["mean"]
    assert rows[1]["unit"] == 10  # JPY per 10, as published
    table = _json(npkit, *args).splitlines()
    assert table[0].split()[:3] == ["currency", "unit", "side"] and "USD" in table[2]


def test_bad_stats_fields_fail_before_any_request(npkit, nrb) -> None:
    result = npkit("fx", "--from", "2026-08-10", "--stats", "--fields", "buy")
    assert result.exit_code == 2 and "valid fields: currency,unit,side,days" in result.stderr
    assert nrb.server.requests == []
