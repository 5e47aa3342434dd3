"""``npkit land convert`` through the real entry point: answers, formats, bad input."""

from __future__ import annotations

import pytest


def one_line(text: str) -> str:
    assert text.count("\n") == 1, text
    return text


def test_ropani_to_sqft(npkit) -> None:
    (record,) = npkit.json("land", "convert", "2-5-3-1", "ropani", "--to", "sqft", "--json")
    assert record == {
        "area": "2-5-3-1 ropani", "result": "12,941.33 sq ft", "value": 12941.33,
        "unit": "sqft", "sqft": 12941.33, "m2": 1202.29, "exact": False, "places": 2,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("args", "result"),
    [
        (["1-2-5", "bigha"], "14-12-3-3.44 ropani"),
        (["2-5-3-1 ropani"], "0-3-11.01 bigha"),
        (["2", "ropani", "5", "aana", "--to", "m2"], "1,176.45 m²"),
        (["१-५-२-० रोपनी", "--to", "sqft", "--places", "3"], "7,358.375 sq ft"),
        (["1", "hectare", "--to", "ropani", "--decimal"], "19.66 ropani"),
        (["43560", "sqft", "--to", "acre", "--places", "0"], "1 acre"),
    ],
)
def test_convert_results(npkit, args: list[str], result: str) -> None:
    out = npkit("land", "convert", *args, "-f", "raw", "--fields", "result")
    assert (out.exit_code, out.stdout, out.stderr) == (0, result + "\n", "")


def test_table_and_csv(npkit) -> None:
    table = npkit("land", "convert", "1-2-5", "bigha")
    assert table.stdout.splitlines()[0].split() == ["area", "result", "sqft", "m2"]
    csv = npkit("land", "convert", "1-2-5", "bigha", "-f", "csv")
    assert csv.stdout.splitlines() == [
        "area,result,value,unit,sqft,m2,exact,places",
        "1-2-5 bigha,14-12-3-3.44 ropani,14.81,ropani,81101.25,7534.55,false,2",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["2-17", "ropani"], "17 aana is a whole ropani"),
        (["5"], "say the unit"),
        (["5", "furlongs"], "unknown unit 'furlongs'"),
        (["1", "ropani", "--to", "yard"], "unknown unit 'yard'"),
        (["1", "ropani", "--places", "11"], "--places"),
        (["1", "ropani", "--fields", "nope"], "unknown field 'nope'"),
    ],
)
def test_bad_input_is_one_line_exit_2(npkit, args: list[str], message: str) -> None:
    result = npkit("land", "convert", *args)
    assert result.exit_code == 2
    assert message in one_line(result.stderr)
    assert result.stdout == ""


def test_card_on_a_terminal() -> None:
    """One answer on a terminal is a card: the answer (≈ when rounded), then the sizes the
    answer is not already in."""
    from npkit.land import convert
    from npkit.land.records import LandArea
    from npkit.output.card import card_text

    text = card_text([convert("2-5-3-1 ropani")], LandArea, 80)
    assert text == "2-5-3-1 ropani ≈ 0-3-11.01 bigha\n= 12,941.33 sq ft = 1,202.29 m²\n"
    text = card_text([convert("5476 sqft", to="ropani")], LandArea, 80)
    assert text == "5476 sqft = 1-0-0-0 ropani\n= 5,476.00 sq ft = 508.74 m²\n"
    text = card_text([convert("2-5-3-1 ropani", to="sqft")], LandArea, 20)
    assert text == "2-5-3-1 ropani ≈\n12,941.33 sq ft\n= 1,202.29 m²\n"
