"""The three gold parsers on real recorded bytes (golden files) and on hostile variants.

Golden cases: tests/fixtures/gold/<case>.json|.html beside <case>.expected.json (provenance in
tests/fixtures/gold/README.md). Facts read by hand from the recorded bytes are asserted
separately, so a wrong expected file cannot hide a wrong parser.
"""

from __future__ import annotations

import contextlib
import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from npkit import dates
from npkit.errors import ParseError
from npkit.gold import fenegosida, hamropatro, nepalipatro
from npkit.gold.records import MetalPrice, fill_changes
from tests.support import golden

GOLD = Path(__file__).parent / "fixtures" / "gold"
FEN_URL = "https://api.fenegosida.org/api/website/v1/Dashboard/today"
NP_URL = "https://api.nepalipatro.com.np/v3/bullions?from-date=2026-08-06"
HP_URL = "https://www.hamropatro.com/en/gold"
TODAY_17 = (GOLD / "fenegosida_today_2026-08-17.json").read_bytes()
TODAY_16 = (GOLD / "fenegosida_today_2026-08-16.json").read_bytes()
BULLIONS = (GOLD / "nepalipatro_bullions_2026-08-06_to_2026-08-17.json").read_bytes()
HAMRO = (GOLD / "hamropatro_gold_excerpt_2026-08-17.html").read_bytes()
AUG_17 = date(2026, 8, 17)


def parse_case(case: Path) -> list[MetalPrice]:
    content = case.read_bytes()
    if case.name.startswith("fenegosida"):
        return fenegosida.parse(content, FEN_URL)
    if case.name.startswith("nepalipatro"):
        return nepalipatro.parse(content, NP_URL)
    return hamropatro.parse(content, HP_URL, today=AUG_17)


CASES = golden.cases(GOLD, (".json", ".html"))


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_golden(case: Path) -> None:
    assert golden.plain(parse_case(case)) == golden.expected(case)


def figures(records: list[MetalPrice]) -> dict[tuple[str, str, str], tuple[Decimal, Decimal]]:
    return {(r.date.isoformat(), r.metal, r.unit): (r.price, r.change) for r in records}


# ---------------------------------------------------------------- FENEGOSIDA


def test_fenegosida_today_facts() -> None:
    records = fenegosida.parse(TODAY_17, FEN_URL)
    assert figures(records) == {
        ("2026-08-17", "fine_gold", "tola"): (Decimal("306800"), Decimal("1600")),
        ("2026-08-17", "fine_gold", "10g"): (Decimal("263030"), Decimal("1370")),
        ("2026-08-17", "silver", "tola"): (Decimal("4770"), Decimal("60")),
        ("2026-08-17", "silver", "10g"): (Decimal("4089.50"), Decimal("51.50")),
    }
    assert {r.date_bs for r in records} == {dates.BSDate(2083, 5, 1)}
    assert {r.source for r in records} == {"fenegosida"}
    assert str(records[-1].price) == "4089.50"  # published digits, never a float
    assert [(r.metal, r.unit) for r in records] == [
        ("fine_gold", "tola"), ("fine_gold", "10g"), ("silver", "tola"), ("silver", "10g"),
    ]  # fmt: skip


def test_fenegosida_previous_day_change_spans_the_saturday() -> None:
    (gold_tola,) = [r for r in fenegosida.parse(TODAY_16, FEN_URL) if r.unit == "tola"][:1]
    assert (gold_tola.date, gold_tola.price, gold_tola.change) == (
        date(2026, 8, 16),
        Decimal("305200"),
        Decimal("3600"),  # against Friday 08-14's 301,600 (Saturday 08-15 had no rate)
    )


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("छापावाल सुन (१ तोला)", ("fine_gold", "tola")),
        ("छापावाल सुन (१० ग्राम)", ("fine_gold", "10g")),
        ("असली चाँदी दर (१ तोला)", ("silver", "tola")),
        ("असली चाँदी दर (१० ग्राम)", ("silver", "10g")),
        ("तेजाबी सुन (१ तोला)", ("tejabi_gold", "tola")),
        ("FINE GOLD (9999) per 10 grm", None),  # "grm" is not a unit we read
        ("Fine gold per 10 gram", ("fine_gold", "10g")),
        ("छापावाल सुन (१ ग्राम)", None),  # per gram is not a 10 g price
        ("छापावाल सुन (१ किलो)", None),
        ("प्लाटिनम (१ तोला)", None),
    ],
)
def test_fenegosida_labels(label: str, kind: tuple[str, str] | None) -> None:
    assert fenegosida.classify(label) == kind


def rows(*items: dict[str, object]) -> bytes:
    return json.dumps(list(items), ensure_ascii=False).encode()


def row(label: str, price: object, when: str = "2026-08-17T04:55:40.199+00:00", **extra) -> dict:
    return {"todayDate": when, "rateType": label, "todayBaseRatePerGram": price, **extra}


def test_fenegosida_hostile_but_readable_variants() -> None:
    content = rows(
        row("छापावाल सुन (१ तोला)", "३०६८००"),  # Devanagari digits in a string
        row("तेजाबी सुन (१ तोला)", 0),  # zero: not published
        row("तेजाबी सुन (१० ग्राम)", None),
        row("प्लाटिनम (१ तोला)", 9999),  # unknown label: skipped
        row("असली चाँदी दर (१० ग्राम)", 4089.5, yestardayBaseRatePerGram=0),  # no yesterday
    )
    records = fenegosida.parse(content, FEN_URL)
    assert figures(records) == {
        ("2026-08-17", "fine_gold", "tola"): (Decimal("306800"), None),
        ("2026-08-17", "silver", "10g"): (Decimal("4089.50"), None),
    }
    assert fenegosida.parse(b"[]", FEN_URL) == []
    assert fenegosida.parse(b"  ", FEN_URL) == []  # what an out-of-retention month may send


def test_fenegosida_trading_day_is_the_date_in_nepal() -> None:
    late = rows(row("छापावाल सुन (१ तोला)", 306800, when="2026-08-16T18:20:00+00:00"))
    (record,) = fenegosida.parse(late, FEN_URL)
    assert record.date == date(2026, 8, 17)  # 00:05 on the 17th in Kathmandu


def test_fenegosida_revised_rate_later_row_wins() -> None:
    content = rows(
        row("छापावाल सुन (१ तोला)", 306800, when="2026-08-17T04:55:40+00:00"),
        row("छापावाल सुन (१ तोला)", 307500, when="2026-08-17T09:10:00+00:00"),
        row("छापावाल सुन (१ तोला)", 306900, when="2026-08-17T05:00:00+00:00"),
    )
    (record,) = fenegosida.parse(content, FEN_URL)
    assert record.price == Decimal("307500")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<!DOCTYPE html><title>Just a moment...</title>", "HTML page instead"),
        (TODAY_17[: len(TODAY_17) // 2], "not valid JSON"),
        (b'{"message": "error"}', "not a list"),
        (rows(row("प्लाटिनम (१ तोला)", 1), row("Gold bar", 2)), "no rate this version knows"),
        (rows(row("छापावाल सुन (१ तोला)", -5)), "rate as -5"),
        (rows(row("छापावाल सुन (१ तोला)", "3O6800")), "rate as '3O6800'"),
        (rows(row("छापावाल सुन (१ तोला)", True)), "rate as True"),
        (
            b'[{"todayDate": "x", "rateType": "\\u091b\\u093e", "todayBaseRatePerGram": NaN}]',
            "JSON",
        ),
        (rows(row("छापावाल सुन (१ तोला)", 306800, when="yesterday")), "dated 'yesterday'"),
        (rows({"rateType": "छापावाल सुन (१ तोला)", "todayBaseRatePerGram": 1}), "dated None"),
        (rows({"todayDate": "2026-08-17T04:55:40+00:00"}), "without a 'rateType'"),
        (b"[1, 2]", "not an object"),
    ],
)
def test_fenegosida_unreadable_is_parse_error(content: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=re.escape(message)) as caught:
        fenegosida.parse(content, FEN_URL)
    assert str(caught.value).startswith("api.fenegosida.org")


# ---------------------------------------------------------------- Nepali Patro


def test_nepalipatro_facts() -> None:
    records = nepalipatro.parse(BULLIONS, NP_URL)
    recorded = json.loads(BULLIONS)["data"]
    assert sorted({r.date.isoformat() for r in records}) == sorted(recorded)
    assert "2026-08-08" not in recorded and "2026-08-15" not in recorded  # Saturdays
    assert len(records) == 10 * 4 and not [r for r in records if r.metal == "tejabi_gold"]
    by = figures(records)
    assert by[("2026-08-17", "fine_gold", "tola")] == (Decimal("306800"), Decimal("1600"))
    assert by[("2026-08-17", "silver", "10g")] == (Decimal("4089.5"), Decimal("51.5"))
    assert by[("2026-08-09", "fine_gold", "tola")] == (Decimal("301700"), Decimal("4800"))
    assert by[("2026-08-06", "fine_gold", "tola")] == (Decimal("296000"), None)  # first day
    assert [r.date for r in records] == sorted(r.date for r in records)


def test_nepalipatro_bs_dates_agree_with_the_calendar() -> None:
    """The source's own BS dates (DD.MM.YYYY) against npkit's calendar, day by day."""
    records = nepalipatro.parse(BULLIONS, NP_URL)
    for day, figures_of_day in json.loads(BULLIONS)["data"].items():
        dd, mm, yyyy = figures_of_day["bs"].split(".")
        expected = f"{yyyy}-{mm}-{dd}"
        assert {str(r.date_bs) for r in records if r.date.isoformat() == day} == {expected}
        assert dates.ad_to_bs(date.fromisoformat(day)).isoformat() == expected


def test_sources_agree_on_2026_08_17() -> None:
    fen = figures(fenegosida.parse(TODAY_17, FEN_URL))
    pat = figures([r for r in nepalipatro.parse(BULLIONS, NP_URL) if r.date == date(2026, 8, 17)])
    ham = figures(hamropatro.parse(HAMRO, HP_URL, today=AUG_17))
    assert fen == pat
    assert ham == {key: fen[key] for key in ham} and len(ham) == 2


def bullions(data: object) -> bytes:
    return json.dumps({"source": "Fenegosida", "data": data}, ensure_ascii=False).encode()


def test_nepalipatro_hostile_but_readable_variants() -> None:
    content = bullions(
        {
            "2026-08-17": {"bs": "01.05.2083", "t_ha": "३,०६,८००", "t_te": 301000, "g_ha": None},
            "2026-08-16": {"bs": "31.04.2083", "t_ha": 305200, "t_te": 0, "t_pl": 5, "g_s": ""},
        }
    )
    assert figures(nepalipatro.parse(content, NP_URL)) == {
        ("2026-08-16", "fine_gold", "tola"): (Decimal("305200"), None),
        ("2026-08-17", "fine_gold", "tola"): (Decimal("306800"), Decimal("1600")),
        ("2026-08-17", "tejabi_gold", "tola"): (Decimal("301000"), None),  # published: kept
    }
    assert nepalipatro.parse(bullions([]), NP_URL) == []  # no trading day (PHP's empty list)
    assert nepalipatro.parse(bullions({}), NP_URL) == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<html><body>403 Forbidden</body></html>", "HTML page instead"),
        (BULLIONS[:300], "not valid JSON"),
        (b"", "is empty"),
        (b'{"source": "Fenegosida"}', "no 'data' object"),
        (b"[]", "no 'data' object"),
        (bullions("none"), "'data' is not an object"),
        (bullions({"17-08-2026": {"t_ha": 1}}), "a day named '17-08-2026'"),
        (bullions({"2026-W33-1": {"t_ha": 1}}), "a day named"),
        (bullions({"2026-08-17": [306800]}), "as list"),
        (bullions({"2026-08-17": {"t_ha": 0, "g_ha": 0, "t_s": 0}}), "without any gold"),
        (bullions({"2026-08-17": {"t_ha": "Rs 306800"}}), "t_ha of 2026-08-17 as"),
    ],
)
def test_nepalipatro_unreadable_is_parse_error(content: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=re.escape(message)) as caught:
        nepalipatro.parse(content, NP_URL)
    assert str(caught.value).startswith("api.nepalipatro.com.np")


# ---------------------------------------------------------------- Hamro Patro


def test_hamropatro_facts() -> None:
    records = hamropatro.parse(HAMRO, HP_URL, today=AUG_17)
    assert [(r.metal, r.unit, r.price, r.change) for r in records] == [
        (
            "fine_gold",
            "tola",
            Decimal("306800"),
            Decimal("1600"),
        ),  # "Rs 3,06,800", "Increase Rs 1,600"
        ("silver", "tola", Decimal("4770"), Decimal("60")),
    ]
    assert {(r.date, r.date_bs, r.source) for r in records} == {
        (date(2026, 8, 17), dates.BSDate(2083, 5, 1), "hamropatro")  # "Last updated: Bhadra 1"
    }


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 8, 17), "2026-08-17"),  # Bhadra 1, 2083 is today
        (date(2026, 11, 28), "2026-08-17"),  # later in BS 2083
        (date(2026, 8, 16), "2025-08-17"),  # Shrawan 31, 2083: Bhadra 1 must be 2082's
    ],
)
def test_hamropatro_year_is_the_latest_not_after_today(today: date, expected: str) -> None:
    assert {r.date.isoformat() for r in hamropatro.parse(HAMRO, HP_URL, today=today)} == {expected}


def card(title: str, unit: str, price: str, move: str = "") -> str:
    """A card like the recorded ones, with different generated class names."""
    return (
        f'<li class="x1"><div class="q9"><div><span><span class="z">{title}</span>'
        f'<span class="k">{unit}</span></span></div><p class="y7">Rs<!-- --> <!-- -->{price}</p>'
        f'<p class="w">{move}</p></div></li>'
    )


def page(
    *cards: str, updated: str = "Last updated<!-- -->: <!-- -->Bhadra<!-- --> 1 | 4:03 pm"
) -> bytes:
    body = f"<html><body><nav><a>Gold</a> <a>Silver</a></nav><span>{updated}</span>"
    return (body + "<ul>" + "".join(cards) + "</ul></body></html>").encode()


def test_hamropatro_hostile_but_readable_variants() -> None:
    content = page(
        card("Gold (Hallmark)", "Per 10 gm", "2,63,030", "Decrease Rs 1,370"),
        card("Gold (Tejabi)", "Per Tola", "0"),  # tejabi at zero: not published
        card("Platinum", "Per Tola", "1,00,000"),  # unknown title: not a card of ours
        card("Silver", "Per Tola", "४,७७०", "No change"),
        card("Gold (Hallmark)", "Per Tola", "3,06,800"),
    )
    assert figures(hamropatro.parse(content, HP_URL, today=AUG_17)) == {
        ("2026-08-17", "fine_gold", "tola"): (Decimal("306800"), None),
        ("2026-08-17", "fine_gold", "10g"): (Decimal("263030"), Decimal("-1370")),
        ("2026-08-17", "silver", "tola"): (Decimal("4770"), Decimal("0")),
    }


def test_hamropatro_does_not_depend_on_class_names() -> None:
    stripped = re.sub(rb'\sclass="[^"]*"', b"", HAMRO)
    assert stripped.count(b"class=") == 0
    assert hamropatro.parse(stripped, HP_URL, today=AUG_17) == hamropatro.parse(
        HAMRO, HP_URL, today=AUG_17
    )


def test_hamropatro_tejabi_with_a_real_figure_is_kept() -> None:
    content = page(card("Gold (Tejabi)", "Per Tola", "3,01,000", "Increase Rs 100"))
    (record,) = hamropatro.parse(content, HP_URL, today=AUG_17)
    assert (record.metal, record.price, record.change) == ("tejabi_gold", 301000, 100)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (page(card("Silver", "Per Tola", "4,770"), updated=""), "without its 'Last updated'"),
        (page(card("Silver", "Per Tola", "4,770"), updated="Last updated: Bhadra 33"), "33"),
        (page(card("Silver", "Per Tola", "4,770"), updated="Last updated: Octember 3"), "Octember"),
        (page(card("Platinum", "Per Tola", "4,770")), "without gold or silver prices"),
        (page(card("Silver", "Per Tola", "0")), "without gold or silver prices"),
        (page(card("Silver", "Per ounce", "4,770")), "without gold or silver prices"),
        (b"<html><body>Access denied</body></html>", "'Last updated'"),
        (b"", "'Last updated'"),
    ],
)
def test_hamropatro_unreadable_is_parse_error(content: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=re.escape(message)):
        hamropatro.parse(content, HP_URL, today=AUG_17)


# ---------------------------------------------------------------- shared rules


def test_fill_changes_uses_the_previous_trading_day_of_the_same_series() -> None:
    def price(day: str, unit: str, amount: int) -> MetalPrice:
        return MetalPrice(
            date.fromisoformat(day), None, "fine_gold", unit, Decimal(amount), None, "x"
        )

    filled = fill_changes([price("2026-08-14", "tola", 100), price("2026-08-16", "tola", 90),
                           price("2026-08-16", "10g", 80)])  # fmt: skip
    assert [(r.date.isoformat(), r.unit, r.change) for r in filled] == [
        ("2026-08-14", "tola", None),
        ("2026-08-16", "tola", Decimal("-10")),
        ("2026-08-16", "10g", None),
    ]


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=200).map(str.encode))
def test_junk_raises_only_parse_error(content: bytes) -> None:
    for parse in (
        lambda c: fenegosida.parse(c, FEN_URL),
        lambda c: nepalipatro.parse(c, NP_URL),
        lambda c: hamropatro.parse(c, HP_URL, today=AUG_17),
    ):
        with contextlib.suppress(ParseError):
            parse(content)


@settings(max_examples=100, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
        ),
        max_leaves=12,
    )
)
def test_json_of_any_shape_raises_only_parse_error(document: object) -> None:
    content = json.dumps(document).encode()
    for parse in (fenegosida.parse, nepalipatro.parse):
        with contextlib.suppress(ParseError):
            parse(content, "https://example.org/x")
