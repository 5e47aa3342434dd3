"""The warm path (issue #8): npkit's fresh index answers fresh replies without the HTTP stack,
never holds an unreadable reply, and hands expired ones back to requests-cache (conditional
GET). Real HTTP against local servers; the warm commands run in fresh interpreters so that
``sys.modules`` shows what they imported."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from npkit import freshcache, http
from npkit.config import FetchOptions
from npkit.dates import NEPAL_TZ
from npkit.errors import ParseError
from npkit.gold import PROVIDERS, Provider, chain, fenegosida, hamropatro, nepalipatro
from tests.support.probes import probe_commands
from tests.support.servers import LocalServer, Reply

FIXTURES = Path(__file__).parent / "fixtures"
BODY = json.dumps({"ok": True}).encode()
FAST = FetchOptions(timeout=0.5)
HEAVY = ("requests", "requests_cache", "urllib3")


def parse_json(content: bytes, url: str) -> object:
    if not content.lstrip().startswith(b"{"):
        raise ParseError(f"{url}: not JSON")
    return json.loads(content)


def imported_by(argv: list[str]) -> tuple[int, set[str]]:
    """Exit code of ``npkit *argv`` in a new interpreter, and which of HEAVY it imported."""
    probe = probe_commands([argv], HEAVY)
    return probe.statuses[0], probe.modules


# ---------------------------------------------------------------- the index and fetch_parsed


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=12), st.text(max_size=12) | st.integers())))
@example([("from", "2026-08-10"), ("to", "2026-08-17"), ("per_page", 100), ("page", 1)])
@example([("date", "2026-08-01"), ("q", "a b&c=d/é~")])
def test_the_query_text_is_what_urlencode_writes(pairs: list[tuple[str, str | int]]) -> None:
    """Without urllib on a warm start, the index keys and URLs stay what they were."""
    texts = [(key, str(value)) for key, value in pairs]
    assert freshcache.encode_query(texts) == urlencode(pairs)
    params = dict(pairs)
    query = urlencode(sorted((k, str(v)) for k, v in params.items()))
    url = "https://www.nrb.org.np/api/forex/v1/rates"
    assert freshcache.cache_key(url, params) == (f"GET {url}?{query}" if query else f"GET {url}")


def test_a_fresh_reply_is_served_from_the_index(local_server: LocalServer) -> None:
    local_server.route("/a", Reply(BODY))
    url = local_server.url + "/a"
    value, first = http.fetch_parsed(url, parse_json, params={"b": 2, "a": 1}, options=FAST)
    assert value == {"ok": True} and not first.from_cache
    (entry,) = freshcache.entries()
    assert entry.key == freshcache.cache_key(url, {"a": 1, "b": 2}) == f"GET {url}?a=1&b=2"
    assert entry.url == url + "?b=2&a=1" == first.url
    assert entry.content == BODY and not entry.stale and entry.expires_at is not None
    again, second = http.fetch_parsed(url, parse_json, params={"a": 1, "b": 2}, options=FAST)
    assert again == value and second.from_cache and len(local_server.requests) == 1


def test_an_unreadable_reply_is_never_cached(local_server: LocalServer) -> None:
    local_server.route("/a", Reply(b"<html>challenge</html>", content_type="text/html"))
    url = local_server.url + "/a"
    with pytest.raises(ParseError, match="not JSON"):
        http.fetch_parsed(url, parse_json, options=FAST)
    assert list(freshcache.entries()) == []
    with pytest.raises(http.NotCached):
        http.fetch_parsed(url, parse_json, options=FetchOptions(offline=True))
    local_server.route("/a", Reply(BODY))
    assert http.fetch_parsed(url, parse_json, options=FAST)[0] == {"ok": True}
    assert len(list(freshcache.entries())) == 1


def test_an_expired_entry_goes_to_the_server_with_a_conditional_get(
    local_server: LocalServer, expire_http_cache
) -> None:
    local_server.route("/a", Reply(BODY, etag=True))
    url = local_server.url + "/a"
    http.fetch_parsed(url, parse_json, options=FAST)
    expire_http_cache(hours=3)
    (expired,) = freshcache.entries()
    assert expired.stale
    value, again = http.fetch_parsed(url, parse_json, options=FAST)
    assert value == {"ok": True} and not again.stale
    assert "If-None-Match" in local_server.requests[-1].headers
    assert len(local_server.requests) == 2
    (renewed,) = freshcache.entries()
    assert not renewed.stale  # the 304 made it fresh again, in both caches
    http.fetch_parsed(url, parse_json, options=FAST)
    assert len(local_server.requests) == 2


def test_offline_reads_an_expired_entry_with_its_age(
    local_server: LocalServer, expire_http_cache
) -> None:
    local_server.route("/a", Reply(BODY))
    url = local_server.url + "/a"
    http.fetch_parsed(url, parse_json, options=FAST)
    expire_http_cache(hours=3)
    value, offline = http.fetch_parsed(url, parse_json, options=FetchOptions(offline=True))
    assert value == {"ok": True} and offline.stale and offline.failure is None
    assert http.describe_age(offline.fetched_at).startswith("3 h ago")
    assert len(local_server.requests) == 1


def test_no_cache_skips_the_index(local_server: LocalServer) -> None:
    local_server.route("/a", Reply(BODY))
    url = local_server.url + "/a"
    http.fetch_parsed(url, parse_json, options=FAST)
    _, fetched = http.fetch_parsed(url, parse_json, options=FetchOptions(no_cache=True))
    assert not fetched.from_cache and len(local_server.requests) == 2


def test_a_broken_entry_is_a_miss(local_server: LocalServer) -> None:
    local_server.route("/a", Reply(BODY))
    url = local_server.url + "/a"
    http.fetch_parsed(url, parse_json, options=FAST)
    (path,) = (freshcache.config.cache_dir() / freshcache.DIRECTORY).glob("*.entry")
    path.write_bytes(b"garbage")
    assert freshcache.lookup(freshcache.cache_key(url)) is None
    assert http.fetch_parsed(url, parse_json, options=FAST)[0] == {"ok": True}


# ---------------------------------------------------------------- kept values (a codec)


class Counting:
    """``parse_json`` that counts its calls, and a codec for its values."""

    def __init__(self, tag: str = "json 1") -> None:
        self.calls = 0
        self.codec: http.Codec[object] = http.Codec(tag, self.encode, json.loads)

    def __call__(self, content: bytes, url: str) -> object:
        self.calls += 1
        return parse_json(content, url)

    @staticmethod
    def encode(value: object) -> bytes:
        return json.dumps(value).encode()


def value_files() -> list[Path]:
    return sorted((freshcache.config.cache_dir() / freshcache.DIRECTORY).glob("*.value"))


def test_a_kept_value_answers_a_fresh_hit_without_parsing(local_server: LocalServer) -> None:
    local_server.route("/a", Reply(BODY))
    url = local_server.url + "/a"
    parse = Counting()
    first, _ = http.fetch_parsed(url, parse, options=FAST, codec=parse.codec)
    assert parse.calls == 1 and len(value_files()) == 1
    assert http.has_kept_value(url, parse.codec, options=FAST)
    for options in (FAST, FetchOptions(offline=True)):
        again, fetched = http.fetch_parsed(url, parse, options=options, codec=parse.codec)
        assert again == first == {"ok": True} and fetched.from_cache
    assert parse.calls == 1 and len(local_server.requests) == 1


def test_a_value_kept_under_another_tag_is_ignored(local_server: LocalServer) -> None:
    local_server.route("/a", Reply(BODY))
    url = local_server.url + "/a"
    old, new = Counting("json 1"), Counting("json 2")
    http.fetch_parsed(url, old, options=FAST, codec=old.codec)
    assert not http.has_kept_value(url, new.codec, options=FAST)
    assert http.fetch_parsed(url, new, options=FAST, codec=new.codec)[0] == {"ok": True}
    assert new.calls == 1  # parsed again, and kept under the new tag
    http.fetch_parsed(url, new, options=FAST, codec=new.codec)
    assert new.calls == 1 and len(local_server.requests) == 1


@pytest.mark.parametrize("garbage", [b"garbage", b"npkit-value 1\nGET x\njson 1\n00\n{", b""])
def test_a_corrupt_kept_value_is_a_miss(local_server: LocalServer, garbage: bytes) -> None:
    local_server.route("/a", Reply(BODY))
    url = local_server.url + "/a"
    parse = Counting()
    http.fetch_parsed(url, parse, options=FAST, codec=parse.codec)
    (path,) = value_files()
    path.write_bytes(garbage)
    assert http.fetch_parsed(url, parse, options=FAST, codec=parse.codec)[0] == {"ok": True}
    assert parse.calls == 2  # parsed from the cached bytes, and kept again


def test_an_undecodable_kept_value_is_a_miss(local_server: LocalServer) -> None:
    local_server.route("/a", Reply(BODY))
    url = local_server.url + "/a"
    parse = Counting()
    broken: http.Codec[object] = http.Codec("json 1", lambda _v: b"{cut", json.loads)
    http.fetch_parsed(url, parse, options=FAST, codec=broken)
    assert http.fetch_parsed(url, parse, options=FAST, codec=broken)[0] == {"ok": True}
    assert parse.calls == 2 and len(local_server.requests) == 1


def test_an_expired_entry_with_a_kept_value_still_asks_the_server(
    local_server: LocalServer, expire_http_cache
) -> None:
    local_server.route("/a", Reply(BODY, etag=True))
    url = local_server.url + "/a"
    parse = Counting()
    http.fetch_parsed(url, parse, options=FAST, codec=parse.codec)
    expire_http_cache(hours=3)
    assert not http.has_kept_value(url, parse.codec, options=FAST)
    assert http.has_kept_value(url, parse.codec, options=FetchOptions(offline=True))
    value, again = http.fetch_parsed(url, parse, options=FAST, codec=parse.codec)
    assert value == {"ok": True} and not again.stale and len(local_server.requests) == 2
    assert "If-None-Match" in local_server.requests[-1].headers  # a 304: the same bytes
    changed = json.dumps({"ok": "changed"}).encode()
    local_server.route("/a", Reply(changed))  # a new body: 200
    expire_http_cache(hours=3)
    value, again = http.fetch_parsed(url, parse, options=FAST, codec=parse.codec)
    assert value == {"ok": "changed"} and len(local_server.requests) == 3
    calls = parse.calls
    value, again = http.fetch_parsed(url, parse, options=FAST, codec=parse.codec)
    assert value == {"ok": "changed"} and again.from_cache and parse.calls == calls
    assert len(local_server.requests) == 3  # the kept value was refreshed with the entry


def test_no_cache_and_unreadable_replies_keep_no_value(local_server: LocalServer) -> None:
    local_server.route("/a", Reply(BODY))
    local_server.route("/bad", Reply(b"<html>challenge</html>", content_type="text/html"))
    parse = Counting()
    options = FetchOptions(no_cache=True)
    http.fetch_parsed(local_server.url + "/a", parse, options=options, codec=parse.codec)
    with pytest.raises(ParseError):
        http.fetch_parsed(local_server.url + "/bad", parse, options=FAST, codec=parse.codec)
    assert value_files() == []
    assert not http.has_kept_value(local_server.url + "/a", parse.codec, options=options)


def test_the_news_codec_round_trips_and_refuses_junk() -> None:
    from npkit.news import Article, fetcher

    articles = [
        Article(
            datetime(2026, 2, 5, 12, 50, 7, tzinfo=NEPAL_TZ),
            "ok",
            "ne",
            "शीर्षक",
            "https://a.np/1",
            None,
        ),
        Article(None, "ok", None, "Title \u200d", "https://a.np/2", "Sum\nmary"),
    ]
    encoded = fetcher.encode_articles(articles)
    assert fetcher.decode_articles(encoded) == articles
    # what ARTICLES_FORMAT 1 stored before records held datetimes still loads, to the same value
    kept = (
        '[{"published":"2026-02-05T12:50:07+05:45","source":"ok","lang":"ne",'
        '"title":"शीर्षक","url":"https://a.np/1","summary":null}'
    ).encode()
    assert encoded.startswith(kept) and fetcher.decode_articles(kept + b"]") == articles[:1]
    for junk in (
        b"{}",
        b"[1]",
        b'[{"title": "x"}]',
        b"\xff",
        b"[",
        b'[{"published": 1, '
        b'"source": "s", "lang": null, "title": "t", "url": "u", "summary": null}]',
        b'[{"published": "yesterday", '
        b'"source": "s", "lang": null, "title": "t", "url": "u", "summary": null}]',
    ):
        with pytest.raises(ValueError):
            fetcher.decode_articles(junk)


# ---------------------------------------------------------------- warm commands


def test_warm_fx_imports_no_http_library(npkit, nrb) -> None:
    assert npkit("fx", "--json").exit_code == 0
    requests_before = len(nrb.server.requests)
    for argv in (["fx"], ["fx", "USD", "--json"], ["fx", "--offline"]):
        assert imported_by(argv) == (0, set()), argv
    assert len(nrb.server.requests) == requests_before


def test_warm_gold_imports_no_http_library(npkit, monkeypatch: pytest.MonkeyPatch) -> None:
    body = (FIXTURES / "gold" / "fenegosida_today_2026-08-17.json").read_bytes()
    with LocalServer() as server:
        server.route(fenegosida.TODAY_PATH, Reply(body))
        monkeypatch.setenv("NPKIT_FENEGOSIDA_URL", server.url)
        assert npkit("gold", "--json").exit_code == 0
        for argv in (["gold"], ["gold", "--offline"]):
            assert imported_by(argv) == (0, set()), argv
        assert len(server.requests) == 1


def test_warm_news_imports_no_http_library(npkit, news_config) -> None:
    body = (FIXTURES / "news" / "prospect_onlinekhabar_2026-02-05.xml").read_bytes()
    with LocalServer() as server:
        server.route("/feed", Reply(body, content_type="application/rss+xml"))
        news_config({"onlinekhabar": server.url + "/feed"})
        assert npkit("news", "--json").exit_code == 0
        for argv in (["news"], ["news", "--offline"]):
            assert imported_by(argv) == (0, set()), argv
        assert len(server.requests) == 1


PARSERS = ("feedparser", "bs4", "selectolax", "npkit.news.article", "npkit.news.feeds")


def test_warm_news_parses_nothing_and_answers_as_a_cold_run(npkit, news_config) -> None:
    body = (FIXTURES / "news" / "prospect_onlinekhabar_2026-02-05.xml").read_bytes()
    with LocalServer() as server:
        server.route("/feed", Reply(body, content_type="application/rss+xml"))
        news_config({"onlinekhabar": server.url + "/feed"})
        cold = npkit("news", "--json", "--limit", "100")
        assert cold.exit_code == 0 and len(value_files()) == 1
        for argv in (["news"], ["news", "--offline"], ["news", "--json"]):
            probe = probe_commands([argv], HEAVY + PARSERS)
            assert (probe.statuses, probe.modules) == ([0], set()), argv
        warm = npkit("news", "--json", "--limit", "100")
        offline = npkit("news", "--json", "--limit", "100", "--offline")
        assert warm.output == offline.output == cold.output and json.loads(cold.output)
        fresh = npkit("news", "--json", "--limit", "100", "--no-cache")

        def without_fetch_time(output: str) -> list[dict[str, object]]:
            return [{k: v for k, v in r.items() if k != "fetched_at"} for r in json.loads(output)]

        # a new fetch: the same records, fetched at a later time
        assert without_fetch_time(fresh.output) == without_fetch_time(cold.output)
        assert len(server.requests) == 2


def test_a_cold_command_does_import_the_http_stack(nrb) -> None:
    """The check above can fail: without a cached answer the stack is imported."""
    status, heavy = imported_by(["fx", "--json"])
    assert status == 0 and heavy == set(HEAVY)


# ---------------------------------------------------------------- gold providers


def test_every_gold_source_is_a_provider_in_the_chain() -> None:
    assert (fenegosida, nepalipatro, hamropatro) == PROVIDERS
    assert chain.SOURCES == ("auto", "fenegosida", "nepalipatro", "hamropatro")
    for provider in PROVIDERS:
        assert isinstance(provider.NAME, str)
        for member in ("cannot_answer", "parse", "fetch"):
            assert callable(getattr(provider, member)), (provider.NAME, member)
    as_protocol: Provider = hamropatro  # mypy checks the module against the protocol
    assert as_protocol.NAME == "hamropatro"
