"""The Click-free warm ``npkit fx`` (npkit.cli.fast) answers exactly as the Click command
does, from the same warm cache, or leaves the call to it; and the parsed NRB pages kept beside
the cached replies (npkit.fx.kept) read back exactly what the parser made.

Real HTTP to the fake NRB server (tests/support/servers.py, the recorded replies) warms the
cache; the warm commands then run in-process (both paths, same arguments: same stdout, stderr
and exit status) and in fresh interpreters (what they import)."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from npkit import freshcache, fx
from npkit.cli.fast import run_fx
from npkit.cli.main import _run_click
from npkit.errors import NpkitError
from npkit.fx import kept, nrb
from tests.support.probes import NETWORK_STACK, probe_commands

NRB = Path(__file__).parent / "fixtures" / "nrb"
RECORDED_TODAY = "2026-08-17"  # the last day of rates_2026-08-10_to_2026-08-17.json

SIMPLE_CALLS = [
    ["fx"],
    ["fx", "USD", "INR"],
    ["fx", "usd", "--json"],
    ["fx", "--json"],
    ["fx", "rates", "EUR", "jpy"],
    ["fx", "-f", "csv", "--fields", "currency,buy,sell"],
    ["fx", "--format=ndjson", "KRW"],
    ["fx", "--fields=currency,change", "-f", "tsv", "INR"],
    ["fx", "GBP", "--format", "raw", "--fields", "buy"],
    ["fx", "--json", "--format", "json", "CHF"],
]
ERRORS = [
    ["fx", "XYZ"],  # unknown: the valid codes are listed
    ["fx", "--fields", "nope"],
    ["fx", "USD", "--json", "--fields", "buy,nope"],
    ["fx", "--json", "-f", "csv"],
]
LEFT_TO_CLICK = [
    [],
    ["date", "today"],
    ["fx", "convert", "100", "USD"],
    ["fx", "--help"],
    ["fx", "rates", "--help"],
    ["fx", "usd,eur"],
    ["fx", "USDX"],
    ["fx", "rates", "rates"],
    ["fx", "--offline"],
    ["fx", "--date", "2026-08-12"],
    ["fx", "--from", "2026-08-12"],
    ["fx", "--wide"],
    ["fx", "-f", "JSON"],
    ["fx", "-f", "xml"],
    ["fx", "-f=json"],
    ["fx", "-fjson"],
    ["fx", "--json", "--json"],
    ["fx", "-f", "csv", "--format", "csv"],
    ["fx", "--fields"],
    ["fx", "--fields="],
    ["fx", "--fields", "--json"],
    ["fx", "--no-header", "-f", "csv"],
    ["fx", "--", "USD"],
    ["fx", "-", "USD"],
]


@pytest.fixture
def warm(nrb, monkeypatch: pytest.MonkeyPatch):
    """The fake NRB server, and the latest rates fetched through it once (the cache is warm);
    today is the recorded replies' last day."""
    monkeypatch.setenv("NPKIT_TODAY", RECORDED_TODAY)
    fx.rates()
    assert len(nrb.server.requests) == 1
    return nrb


Outcome = tuple[str, str, int | str]


def outcome(run: Callable[[list[str]], object], args: list[str], capsys) -> Outcome:
    """(stdout, stderr, exit status or the failure ``main`` would report) of ``run(args)``."""
    status: int | str = 0
    try:
        run(args)
    except NpkitError as exc:
        status = f"{int(exc.exit_code)}: {exc}"
    except SystemExit as exc:
        status = exc.code if isinstance(exc.code, int) else 0
    captured = capsys.readouterr()
    return captured.out, captured.err, status


def handled(args: list[str]) -> None:
    assert run_fx(args) is True


@pytest.mark.parametrize("args", SIMPLE_CALLS, ids=" ".join)
def test_warm_fast_path_prints_what_click_prints(args: list[str], warm, capsys) -> None:
    fast = outcome(handled, args, capsys)
    click = outcome(_run_click, args, capsys)
    assert fast == click
    assert fast[0] and fast[2] == 0
    assert len(warm.server.requests) == 1  # both answered from the cache


@pytest.mark.parametrize("args", ERRORS, ids=" ".join)
def test_warm_fast_path_errors_match_click(args: list[str], warm, capsys) -> None:
    fast = outcome(run_fx, args, capsys)
    assert fast == outcome(_run_click, args, capsys)
    assert str(fast[2]).startswith("2: ")


@pytest.mark.parametrize("args", LEFT_TO_CLICK, ids=" ".join)
def test_anything_else_is_left_to_click(args: list[str], warm, capsys) -> None:
    assert run_fx(args) is False
    assert capsys.readouterr() == ("", "")


def test_a_cold_cache_is_left_to_click_without_a_request(nrb, capsys) -> None:
    assert run_fx(["fx", "--json"]) is False
    assert nrb.server.requests == [] and capsys.readouterr() == ("", "")


def test_a_stale_cache_is_left_to_click(warm, expire_http_cache) -> None:
    expire_http_cache(hours=1)
    assert run_fx(["fx"]) is False
    assert len(warm.server.requests) == 1


def test_a_fresh_reply_without_its_parse_is_left_to_click_once(warm, capsys) -> None:
    """A cache written by an npkit without kept pages: Click's path parses and keeps it."""
    (value,) = (freshcache.config.cache_dir() / freshcache.DIRECTORY).glob("*.value")
    value.unlink()
    assert run_fx(["fx", "USD"]) is False
    click = outcome(_run_click, ["fx", "USD"], capsys)
    assert value.exists()
    assert outcome(handled, ["fx", "USD"], capsys) == click
    assert len(warm.server.requests) == 1


def test_a_warm_fx_imports_neither_click_nor_the_network_stack(warm) -> None:
    watched = NETWORK_STACK | {"click", "npkit.cli.app", "_strptime"}
    probe = probe_commands([["fx"], ["fx", "USD", "INR", "--json"]], watched)
    assert probe.statuses == [0, 0] and probe.modules == set()
    # the probe sees them when they are there: the Click path, on the same warm cache
    probe = probe_commands([["fx", "convert", "100", "USD"]], watched)
    assert probe.statuses == [0] and {"click", "npkit.cli.app"} <= probe.modules


SLOW_TO_IMPORT = frozenset({"dataclasses", "inspect", "typing", "pathlib", "tomllib"})
"""Standard modules a warm fetch answers without (each costs a start 3-20 ms; issue 20)."""


def test_a_warm_fx_imports_none_of_the_slow_standard_modules(warm) -> None:
    probe = probe_commands([["fx"], ["fx", "USD", "--json"], ["fx", "-f", "csv"]], SLOW_TO_IMPORT)
    assert probe.statuses == [0, 0, 0] and probe.modules == set()
    # the probe sees them when they are there: the Click path, on the same warm cache
    probe = probe_commands([["fx", "convert", "100", "USD"]], SLOW_TO_IMPORT)
    assert probe.statuses == [0] and "typing" in probe.modules


def test_rates_are_namedtuples_with_the_documented_fields_and_defaults() -> None:
    rate = fx.Rate(date(2026, 8, 17), None, "USD", "U.S. Dollar", 1, Decimal("1.5"), None)
    assert rate._fields == (
        "date", "date_bs", "currency", "name", "unit", "buy", "sell", "change",
        "published_on", "source", "fetched_at", "stale",
    )  # fmt: skip
    assert (rate.change, rate.published_on, rate.source, rate.fetched_at, rate.stale) == (
        None, None, "nrb", None, False,
    )  # fmt: skip
    changed = rate._replace(sell=Decimal("2"))
    assert changed.sell == Decimal("2") and rate.sell is None and changed != rate
    assert changed == fx.Rate(**{**rate._asdict(), "sell": Decimal("2")})
    with pytest.raises(AttributeError):
        rate.buy = Decimal(0)  # type: ignore[misc]
    assert fx.Conversion._fields[:3] == ("amount", "from_", "to")


def test_the_codec_tag_is_the_one_caches_were_written_under() -> None:
    """The records' fields (hence the tag) are what they were as dataclasses: a cache kept by
    an older npkit still answers warm."""
    assert kept.PAGE_CODEC.tag == (
        "nrb.page 2 day:date,published_on,rates rate:date,date_bs,currency,name,unit,buy,sell,"
        "change,published_on,source,fetched_at,stale"
    )


# ---------------------------------------------------------------- the kept pages


REPLIES = [p for p in sorted(NRB.glob("*.json")) if not p.name.endswith(".expected.json")]


@pytest.mark.parametrize("case", REPLIES, ids=lambda p: p.stem)
def test_a_kept_page_reads_back_what_the_parser_made(case: Path) -> None:
    page = nrb.parse_page(case.read_bytes(), "https://www.nrb.org.np/api/forex/v1/rates")
    again = kept.decode_page(kept.encode_page(page))
    assert repr(again) == repr(page)  # Decimal('0.00') stays '0.00'; None stays None
    assert again.days and all(day.rates for day in again.days)


def test_the_codec_tag_names_the_records_fields() -> None:
    assert "currency" in kept.PAGE_CODEC.tag and "published_on" in kept.PAGE_CODEC.tag


def _nested(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner),
)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200) | JSONISH.map(lambda value: json.dumps(value).encode()))
@example(_nested(100_000))
@example(b'{"page": 1, "pages": 1, "days": [[{"date": "2026-13-01"}, null, []]]}')
@example(b'{"page": 1, "pages": 1, "days": [[{"decimal": "x"}, null, []]]}')
@example(b'{"page": 1, "pages": 1, "days": [[null, null, [[1]]]]}')
@example(b'{"page": 1, "pages": 1, "days": [[null, null, [[{"a": 1, "b": 2}]]]]}')
def test_anything_else_kept_is_a_value_error(data: bytes) -> None:
    """A kept value that does not decode is a miss (``ValueError``), never a crash."""
    with contextlib.suppress(ValueError):
        kept.decode_page(data)


def test_a_broken_kept_page_is_parsed_again(warm, capsys) -> None:
    (value,) = (freshcache.config.cache_dir() / freshcache.DIRECTORY).glob("*.value")
    value.write_bytes(value.read_bytes().replace(b'"days"', b'"dais"'))
    assert run_fx(["fx", "--json"]) is True  # still warm: the tag and digest match
    assert json.loads(capsys.readouterr().out) and len(warm.server.requests) == 1
    (entry,) = freshcache.entries()
    renewed = freshcache.load_value(entry, kept.PAGE_CODEC.tag)
    assert renewed is not None and kept.decode_page(renewed).days  # kept anew
