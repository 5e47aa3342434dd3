"""The NRB parser on real recorded bytes (golden files) and on hostile input.

Golden cases: tests/fixtures/nrb/<case>.json beside <case>.expected.json (provenance in
tests/fixtures/nrb/README.md). Facts checked by hand against the recorded bytes are asserted
separately, so a wrong expected file cannot hide a wrong parser.
"""

from __future__ import annotations

import contextlib
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from npkit import dates, fx
from npkit.errors import ParseError
from npkit.fx import nrb
from tests.support import golden

NRB = Path(__file__).parent / "fixtures" / "nrb"
URL = "https://www.nrb.org.np/api/forex/v1/rates"
CASES = golden.cases(NRB, (".json",))


def by(records: list[fx.Rate], day: str, code: str) -> fx.Rate:
    (match,) = [r for r in records if r.date.isoformat() == day and r.currency == code]
    return match


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_golden(case: Path) -> None:
    assert golden.plain(fx.parse(case.read_bytes(), URL)) == golden.expected(case)


def test_recent_shape_oldest_first_22_currencies() -> None:
    records = fx.parse((NRB / "rates_2026-08-10_to_2026-08-17.json").read_bytes(), URL)
    days = sorted({r.date.isoformat() for r in records})
    assert days == [f"2026-08-{d}" for d in range(10, 18)]  # weekend included
    assert len(records) == 8 * 22
    usd = by(records, "2026-08-10", "USD")
    assert (usd.buy, usd.sell, usd.unit, usd.name) == (
        Decimal("152.04"),
        Decimal("152.64"),
        1,
        "U.S. Dollar",
    )
    assert usd.published_on.isoformat() == "2026-08-10T00:00:24+05:45"
    assert usd.date_bs == dates.BSDate(2083, 4, 25)
    assert (by(records, "2026-08-10", "INR").unit, by(records, "2026-08-10", "JPY").unit) == (
        100,
        10,
    )
    assert by(records, "2026-08-10", "KRW").unit == 100
    assert [r.currency for r in records[:3]] == ["INR", "USD", "EUR"]  # NRB's own order kept


def test_old_shape_newest_first_is_sorted_and_zero_sell_is_not_quoted() -> None:
    content = (NRB / "rates_2016-06-13_to_2016-06-19_newest_first_sell0.json").read_bytes()
    recorded = [item["date"] for item in json.loads(content)["data"]["payload"]]
    assert recorded[0] == "2016-06-19" and recorded[-1] == "2016-06-13"  # newest first
    records = fx.parse(content, URL)
    assert [r.date for r in records] == sorted(r.date for r in records)
    assert records[0].date == date(2016, 6, 13)
    assert len({r.currency for r in records}) == 21
    kwd = by(records, "2016-06-13", "KWD")  # the last item of the recorded body
    assert (kwd.buy, kwd.sell) == (Decimal("353.25"), None)  # "0.00" upstream
    assert by(records, "2016-06-19", "USD").buy == Decimal("107.16")  # the first item


def test_duplicate_date_keeps_the_quoted_copy() -> None:
    content = (NRB / "history_page1_spliced_duplicate_2026-08-06.json").read_bytes()
    page = nrb.parse_page(content, URL)
    assert [d.date for d in page.days] == [date(2026, 8, 6)] * 2
    assert [d.quoted for d in page.days] == [0, 22]
    assert (page.page, page.pages) == (1, 2)
    records = fx.parse(content, URL)
    assert len(records) == 22
    usd = by(records, "2026-08-06", "USD")
    assert (usd.buy, usd.sell) == (Decimal("151.90"), Decimal("152.50"))
    assert usd.published_on.isoformat() == "2026-08-06T00:00:24+05:45"


def test_resolve_tie_goes_to_the_latest_publication() -> None:
    early = fx.Day(date(2026, 8, 6), None, ())
    item = json.loads((NRB / "excerpt_duplicate_date_2026-08-06.items").read_bytes())[1]
    later_text = json.dumps({"data": {"payload": [item]}}).encode()
    later = nrb.parse_page(later_text, URL).days[0]
    republished = later._replace(
        published_on=later.published_on.replace(hour=9), rates=later.rates[:22]
    )
    assert nrb.resolve([republished, later, early]) == [republished]
    assert nrb.resolve([later, republished]) == [republished]


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, None), ("", None), ("0.00", None), ("0", None), ("160.15", Decimal("160.15"))],
)
def test_not_quoted_spellings(value: object, expected: Decimal | None) -> None:
    body = {
        "data": {
            "payload": [
                {
                    "date": "2026-08-10",
                    "rates": [
                        {"currency": {"iso3": "inr", "name": "Indian Rupee", "unit": 100}}
                        | {"buy": value, "sell": value}
                    ],
                }
            ]
        }
    }
    (rate,) = fx.parse(json.dumps(body).encode(), URL)
    assert (rate.currency, rate.buy, rate.sell) == ("INR", expected, expected)


def test_validation_body_is_read_and_refused() -> None:
    content = (NRB / "validation_400.body").read_bytes()
    message = nrb.validation_message(content)
    assert message is not None
    assert message.startswith("per_page: Per Page is required; page: Page is required")
    with pytest.raises(ParseError, match="reported an error: per_page"):
        fx.parse(content, URL)
    assert nrb.validation_message(b"<html>") is None


def test_empty_range_is_no_records() -> None:
    body = b'{"status":{"code":200},"errors":{"validation":null},"data":{"payload":[]}}'
    assert fx.parse(body, URL) == []


REAL = (NRB / "rates_2026-08-10_to_2026-08-17.json").read_bytes()
HOSTILE = {
    "html challenge": b"<!DOCTYPE html><html><head><title>Just a moment...</title></head></html>",
    "html with spaces": b"\n\n  <html><body>Service Unavailable</body></html>",
    "truncated": REAL[: len(REAL) // 2],
    "empty": b"",
    "not utf-8": b"\xff\xfe\x00{",
    "a list": b"[]",
    "a string": b'"rates"',
    "no data": b'{"status":{"code":200}}',
    "payload object": b'{"data":{"payload":{"date":"2026-08-10"}}}',
    "item not object": b'{"data":{"payload":[1]}}',
    "bad date": b'{"data":{"payload":[{"date":"2026-02-30","rates":[]}]}}',
    "rates not list": b'{"data":{"payload":[{"date":"2026-02-03","rates":{}}]}}',
    "no currency": b'{"data":{"payload":[{"date":"2026-02-03","rates":[{"buy":"1"}]}]}}',
    "bad code": b'{"data":{"payload":[{"date":"2026-02-03","rates":[{"currency":{"iso3":"U$D",'
    b'"unit":1}}]}]}}',
    "zero unit": b'{"data":{"payload":[{"date":"2026-02-03","rates":[{"currency":{"iso3":"USD",'
    b'"unit":0}}]}]}}',
    "huge exponent": b'{"data":{"payload":[{"date":"2026-02-03","rates":[{"currency":{"iso3":"USD",'
    b'"unit":1},"buy":"1e999999999"}]}]}}',
    "negative rate": b'{"data":{"payload":[{"date":"2026-02-03","rates":[{"currency":{"iso3":"USD",'
    b'"unit":1},"buy":"-1.00"}]}]}}',
    "deep nesting": b"[" * 100_000 + b"]" * 100_000,
    "bad pagination": b'{"data":{"payload":[]},"pagination":{"pages":"two"}}',
}


@pytest.mark.parametrize("content", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_input_is_a_parse_error(content: bytes) -> None:
    with pytest.raises(ParseError) as caught:
        fx.parse(content, URL)
    message = str(caught.value)
    assert "www.nrb.org.np" in message and "\n" not in message


def test_html_message_says_what_it_got() -> None:
    with pytest.raises(ParseError, match="HTML"):
        fx.parse(HOSTILE["html challenge"], URL)
    with pytest.raises(ParseError, match="truncated"):
        fx.parse(HOSTILE["truncated"], URL)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_junk_bytes_only_raise_parse_error(content: bytes) -> None:
    with contextlib.suppress(ParseError):
        fx.parse(content, URL)


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["data", "payload", "date", "rates", "currency", "iso3", "unit", "buy"])
            | st.text(max_size=6),
            inner,
            max_size=4,
        )
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(JSONISH)
def test_junk_json_only_raises_parse_error(document: object) -> None:
    with contextlib.suppress(ParseError):
        fx.parse(json.dumps(document).encode(), URL)


LEAF = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12)
NEAR_VALID = st.fixed_dictionaries(
    {
        "data": st.fixed_dictionaries(
            {
                "payload": st.lists(
                    st.fixed_dictionaries(
                        {
                            "date": st.dates().map(str) | LEAF,
                            "published_on": st.datetimes().map(str) | LEAF,
                            "rates": st.lists(
                                st.fixed_dictionaries(
                                    {
                                        "currency": st.fixed_dictionaries(
                                            {
                                                "iso3": st.sampled_from(["USD", "inr", "XX"])
                                                | LEAF,
                                                "name": LEAF,
                                                "unit": st.sampled_from([1, 10, 100]) | LEAF,
                                            }
                                        ),
                                        "buy": st.decimals(allow_nan=True).map(str) | LEAF,
                                        "sell": st.sampled_from(["0.00", "", "152.64"]) | LEAF,
                                    }
                                ),
                                max_size=3,
                            ),
                        }
                    ),
                    max_size=3,
                )
            }
        ),
        "pagination": st.fixed_dictionaries({"page": LEAF, "pages": st.integers() | LEAF}),
    }
)


@settings(max_examples=300, deadline=None)
@given(NEAR_VALID)
def test_near_valid_documents_parse_or_raise_parse_error(document: object) -> None:
    try:
        records = fx.parse(json.dumps(document).encode(), URL)
    except ParseError:
        return
    for record in records:
        assert len(record.currency) == 3 and record.currency.isupper()
        assert record.unit >= 1
        assert all(v is None or v > 0 for v in (record.buy, record.sell))
