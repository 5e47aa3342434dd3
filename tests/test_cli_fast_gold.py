"""The Click-free warm ``npkit gold`` (npkit.cli.fast.run_gold) answers exactly as the Click
command does, from the same warm cache, or leaves the call to it.

Real HTTP to the fake FENEGOSIDA server (tests/support/gold_market.py, the recorded replies)
warms the cache; the warm commands then run in-process, both paths with the same arguments:
same stdout, stderr and exit status."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from npkit import gold
from npkit.cli.fast import run_gold
from npkit.cli.main import _run_click
from tests.support.gold_market import AUG_17, Market, Sources
from tests.support.probes import NETWORK_STACK, probe_commands
from tests.support.servers import LocalServer
from tests.test_cli_fast_fx import SLOW_TO_IMPORT, outcome

SIMPLE_CALLS = [
    ["gold"],
    ["gold", "--json"],
    ["gold", "prices", "--json"],
    ["gold", "-f", "csv", "--fields", "metal,unit,price"],
    ["gold", "--format=ndjson"],
    ["gold", "--json", "--format", "json"],
]
LEFT_TO_CLICK = [
    ["gold", "--help"],
    ["gold", "value", "2", "tola"],
    ["gold", "--unit", "tola"],
    ["gold", "--offline"],
    ["gold", "--date", "2026-08-15"],
    ["gold", "prices", "prices"],
    ["gold", "USD"],
    ["gold", "-f", "xml"],
    ["gold", "-f=json"],
    ["gold", "--json", "--json"],
    ["gold", "--fields"],
]


@pytest.fixture
def warm(monkeypatch: pytest.MonkeyPatch) -> Iterator[Sources]:
    """The fake sources, and today's FENEGOSIDA rates fetched through them once (the cache
    is warm); today is the recordings' day."""
    monkeypatch.setenv("NPKIT_TODAY", AUG_17.isoformat())
    with LocalServer() as fen, LocalServer() as pat, LocalServer() as ham:
        sources = Sources(Market(AUG_17), fen, pat, ham)
        sources.restore()
        monkeypatch.setenv("NPKIT_FENEGOSIDA_URL", fen.url)
        monkeypatch.setenv("NPKIT_NEPALIPATRO_URL", pat.url)
        monkeypatch.setenv("NPKIT_HAMROPATRO_URL", ham.url)
        assert gold.prices()
        yield sources


def requests(sources: Sources) -> int:
    return sum(map(len, sources.requests().values()))


def handled(args: list[str]) -> None:
    assert run_gold(args) is True


@pytest.mark.parametrize("args", SIMPLE_CALLS, ids=" ".join)
def test_warm_fast_gold_prints_what_click_prints(args: list[str], warm: Sources, capsys) -> None:
    asked = requests(warm)
    fast = outcome(handled, args, capsys)
    assert fast == outcome(_run_click, args, capsys)
    assert fast[0] and fast[2] == 0
    assert requests(warm) == asked  # both answered from the cache


def test_an_old_latest_rate_is_warned_about_alike(
    warm: Sources, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setenv("NPKIT_TODAY", "2026-08-30")  # the cached reply is still fresh
    fast = outcome(handled, ["gold", "--json"], capsys)
    assert fast == outcome(_run_click, ["gold", "--json"], capsys)
    assert "days old" in fast[1]


def test_a_bad_field_fails_alike(warm: Sources, capsys) -> None:
    args = ["gold", "--json", "--fields", "price,nope"]
    fast = outcome(run_gold, args, capsys)
    assert fast == outcome(_run_click, args, capsys) and str(fast[2]).startswith("2: ")


@pytest.mark.parametrize("args", LEFT_TO_CLICK, ids=" ".join)
def test_anything_else_is_left_to_click(args: list[str], warm: Sources, capsys) -> None:
    assert run_gold(args) is False
    assert capsys.readouterr() == ("", "")


def test_a_stale_cache_is_left_to_click(warm: Sources, expire_http_cache) -> None:
    asked = requests(warm)
    expire_http_cache(hours=1)
    assert run_gold(["gold", "--json"]) is False
    assert requests(warm) == asked


def test_a_warm_gold_imports_neither_click_nor_the_network_stack(warm: Sources) -> None:
    watched = NETWORK_STACK | {"click", "npkit.cli.app"}
    probe = probe_commands([["gold"], ["gold", "--json"]], watched)
    assert probe.statuses == [0, 0] and probe.modules == set()
    probe = probe_commands([["gold", "--unit", "tola"]], watched)  # the Click path sees them
    assert probe.statuses == [0] and {"click", "npkit.cli.app"} <= probe.modules


def test_a_warm_gold_imports_none_of_the_slow_standard_modules(warm: Sources) -> None:
    probe = probe_commands([["gold"], ["gold", "--json"]], SLOW_TO_IMPORT)
    assert probe.statuses == [0, 0] and probe.modules == set()
    probe = probe_commands([["gold", "--unit", "tola"]], SLOW_TO_IMPORT)  # Click's path has them
    assert probe.statuses == [0] and "typing" in probe.modules


def test_prices_are_namedtuples_with_the_documented_fields(warm: Sources) -> None:
    (price, *_) = gold.prices()
    assert price._fields == gold.records.PRICE_FIELDS == (
        "date", "date_bs", "metal", "unit", "price", "change", "source", "requested",
        "fetched_at", "stale",
    )  # fmt: skip
    asked = price._replace(requested=AUG_17)
    assert asked.requested == AUG_17 and price.requested is None and asked != price
    assert gold.MetalPrice(**price._asdict()) == price


def test_a_cold_cache_is_left_to_click(capsys) -> None:
    assert run_gold(["gold", "--json"]) is False and capsys.readouterr() == ("", "")
