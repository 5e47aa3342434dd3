"""Weights (tola, aana, lal, grams) and the value of a weight at one day's published rates."""

from __future__ import annotations

import re
from decimal import Decimal, localcontext

import pytest

from npkit.errors import UsageError
from npkit.gold import MetalPrice, parse_weight, value_with
from npkit.gold.units import GRAMS_PER_TOLA

DAY = "2026-08-17"


def price(metal: str, unit: str, amount: str, source: str = "fenegosida") -> MetalPrice:
    return MetalPrice(DAY, "2083-05-01", metal, unit, Decimal(amount), None, source)


RECORDED_17 = [  # api.fenegosida.org Dashboard/today, 2026-08-17 (tests/fixtures/gold)
    price("fine_gold", "tola", "306800.00"),
    price("fine_gold", "10g", "263030.00"),
    price("silver", "tola", "4770.00"),
    price("silver", "10g", "4089.50"),
]


@pytest.mark.parametrize(
    ("words", "text", "tola", "grams", "metric"),
    [
        (["2", "tola", "5", "aana"], "2 tola 5 aana", "2.3125", "26.97254628750", False),
        (["2 tola 5 aana"], "2 tola 5 aana", "2.3125", "26.97254628750", False),
        (["15.5g"], "15.5 g", None, "15.5", True),
        (["15.5", "gram"], "15.5 g", None, "15.5", True),
        (["0.2", "kg"], "0.2 kg", None, "200.0", True),
        (["3"], "3 tola", "3", "34.9914114", False),  # a bare number is tola
        (["1", "tola", "3", "lal"], "1 tola 3 lal", "1.03", None, False),
        (["1", "aana", "6", "lal"], "1 aana 6 lal", "0.1225", None, False),  # 6 < 6.25 lal
        (["17", "aana"], "17 aana", "1.0625", None, False),  # alone, any size
        (["२", "तोला", "५", "आना"], "2 tola 5 aana", "2.3125", None, False),
        (["2", "Tolas", "5", "Anna"], "2 tola 5 aana", "2.3125", None, False),
        ([".5", "tola"], "0.5 tola", "0.5", None, False),
    ],
)
def test_weights_people_write(
    words: list[str], text: str, tola: str | None, grams: str | None, metric: bool
) -> None:
    weight = parse_weight(*words)
    assert (weight.text(), weight.metric) == (text, metric)
    if tola is not None:
        assert weight.tola == Decimal(tola)
    if grams is not None:
        assert weight.grams == Decimal(grams)


def test_one_tola_is_16_aana_and_100_lal_and_the_standard_grams() -> None:
    assert parse_weight("16 aana").tola == parse_weight("100 lal").tola == 1
    assert parse_weight("1 tola").grams == GRAMS_PER_TOLA == Decimal("11.6638038")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2 tola 17 aana", "17 aana is a whole tola or more (1 tola = 16 aana)"),
        ("2 tola 16 aana", "16 aana is a whole tola"),
        ("1 aana 7 lal", "7 lal is a whole aana or more (1 aana = 6.25 lal)"),
        ("1 tola 100 lal", "100 lal is a whole tola"),
        ("5 aana 2 tola", "largest unit first"),
        ("2 tola 3g", "mixes grams with tola/aana/lal"),
        ("2 tola 2 tola", "names a unit twice"),
        ("2 oz", "unknown weight unit 'oz'; units: tola, aana, lal, g, kg, mg"),
        ("0 tola", "must be more than zero"),
        ("0 tola 0 aana", "must be more than zero"),
        ("-2 tola", "cannot read the weight"),
        ("two tola", "cannot read the weight"),
        ("tola", "cannot read the weight"),
        ("2..5 tola", "cannot read the weight"),
        ("1e3 g", "unknown weight unit 'e'"),
        ("", "give a weight"),
    ],
)
def test_bad_weights_are_usage_errors(text: str, message: str) -> None:
    with pytest.raises(UsageError, match=re.escape(message)):
        parse_weight(text)


def test_traditional_weight_uses_the_tola_rate() -> None:
    valuation = value_with(parse_weight("2 tola 5 aana"), RECORDED_17, "fine_gold")
    assert valuation.value == Decimal("709475.00")  # 2.3125 × 306,800
    assert (valuation.rate, valuation.rate_unit) == (Decimal("306800.00"), "tola")
    assert (valuation.tola, valuation.grams) == (Decimal("2.3125"), Decimal("26.9725"))
    assert (valuation.date, valuation.date_bs, valuation.source) == (
        DAY,
        "2083-05-01",
        "fenegosida",
    )


def test_grams_use_the_10g_rate_rounded_half_up_to_the_paisa() -> None:
    valuation = value_with(parse_weight("15.5g"), RECORDED_17, "silver")
    assert (valuation.rate, valuation.rate_unit) == (Decimal("4089.50"), "10g")
    assert valuation.value == Decimal("6338.73")  # 15.5 × 408.95 = 6338.725: half-up
    assert valuation.tola == Decimal("1.328898")  # 15.5 / 11.6638038, shown to 6 places
    assert valuation.grams == Decimal("15.5")


def test_missing_unit_falls_back_through_the_standard_tola() -> None:
    tola_only = [r for r in RECORDED_17 if r.unit == "tola"]  # what Hamro Patro shows
    valuation = value_with(parse_weight("15.5g"), tola_only, "silver")
    with localcontext() as context:
        context.prec = 40
        exact = Decimal("15.5") / GRAMS_PER_TOLA * Decimal(4770)
    assert valuation.rate_unit == "tola"
    assert valuation.value == exact.quantize(Decimal("0.01")) == Decimal("6338.84")

    ten_grams_only = [r for r in RECORDED_17 if r.unit == "10g"]
    one_tola = value_with(parse_weight("1 tola"), ten_grams_only, "fine_gold")
    assert one_tola.rate_unit == "10g"
    assert one_tola.value == Decimal("306793.03")  # 11.6638038 × 26,303.0 = 306,793.0313…


def test_a_lal_of_gold() -> None:
    assert value_with(parse_weight("1 lal"), RECORDED_17, "fine_gold").value == Decimal("3068.00")


def test_no_rate_for_the_metal_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match=r"no tejabi_gold rate .*no longer publishes tejabi"):
        value_with(parse_weight("1 tola"), RECORDED_17, "tejabi_gold")
    with pytest.raises(UsageError, match="no silver rate"):
        value_with(parse_weight("1 tola"), RECORDED_17[:2], "silver")
