"""``npkit news`` end to end: the real entry point, real HTTP to local servers serving the
recorded feeds and pages (tests/fixtures/news/), sources pointed at them through the config
file (``news_config`` disables every other source and sends any other host to a dead proxy).
Failure modes: a 403, an HTML page served as a feed, a hanging server, a 5 MB junk body,
a title carrying ``\\x1b[2J``, all sources failing, --strict."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.support.probes import probe_commands
from tests.support.servers import LocalServer, Reply

NEWS = Path(__file__).parent / "fixtures" / "news"
RSS = "application/rss+xml; charset=UTF-8"
FEEDS = {  # registry id: recorded feed
    "onlinekhabar": "prospect_onlinekhabar_2026-02-05.xml",
    "kathmandupost": "prospect_kathmandupost_2026-05-13.xml",
    "nepalitimes": "prospect_nepalitimes_2026-02-15.xml",
}
COUNTS = {"onlinekhabar": 10, "kathmandupost": 15, "nepalitimes": 10}
ORDER = ["kathmandupost", "nepalitimes", "onlinekhabar"]  # the registry's order
OK_PAGE = (
    "/2026/07/1973775/these-are-the-four-greats-who-reached-the-semi-finals-of-the-fifa-world-cup"
)
JUNK = bytes(range(256)) * (5 * 1024 * 4)  # 5 MB


def recorded(name: str) -> bytes:
    return (NEWS / name).read_bytes()


def rss(*items: str) -> bytes:
    return (
        '<rss version="2.0"><channel><title>t</title>' + "".join(items) + "</channel></rss>"
    ).encode()


def one_line(text: str) -> str:
    assert text.count("\n") == 1, text
    return text


@pytest.fixture
def sites() -> Iterator[dict[str, LocalServer]]:
    """One local server per recorded feed (three hosts), each serving it at /feed."""
    servers = {name: LocalServer().start() for name in FEEDS}
    for name, server in servers.items():
        server.route("/feed", Reply(recorded(FEEDS[name]), content_type=RSS, etag=True))
    yield servers
    for server in servers.values():
        server.close()


@pytest.fixture
def configured(sites: dict[str, LocalServer], news_config) -> dict[str, LocalServer]:
    news_config({name: server.url + "/feed" for name, server in sites.items()})
    return sites


def host(server: LocalServer) -> str:
    return server.url.removeprefix("http://")


# ---------------------------------------------------------------- headlines


def test_sources_merged_newest_first_as_json(npkit, configured) -> None:
    records = npkit.json("news", "--json")  # JSON: no default limit
    assert len(records) == sum(COUNTS.values())
    assert list(records[0]) == [
        "published", "source", "lang", "title", "url", "summary", "fetched_at", "stale",
    ]  # fmt: skip
    assert {(r["fetched_at"][-6:], r["stale"]) for r in records} == {("+05:45", False)}
    stamps = [r["published"] for r in records]
    assert all(s.endswith("+05:45") for s in stamps)
    assert stamps == sorted(stamps, reverse=True)
    assert records[0]["source"] == "kathmandupost" and records[-1]["source"] == "onlinekhabar"
    by_source = {name: [r for r in records if r["source"] == name] for name in FEEDS}
    assert {name: len(items) for name, items in by_source.items()} == COUNTS
    assert {r["lang"] for r in by_source["onlinekhabar"]} == {"ne"}  # <language>en</language>
    assert {r["lang"] for r in by_source["kathmandupost"]} == {"en"}
    assert all(r["url"].startswith("https://") for r in records)
    for server in configured.values():
        (request,) = server.requests
        assert request.headers["User-Agent"].startswith("npkit/")
        assert "application/rss+xml" in request.headers["Accept"]


def test_table_shows_twenty_by_default(npkit, configured) -> None:
    result = npkit("news")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["#", "published", "source", "title"]  # numbered: `news read N`
    assert len(lines) == 2 + 20
    assert lines[-1].split()[0] == "20"
    assert "Laligurans Municipality declares public holiday" in result.stdout
    assert "निर्धक्क भएर" not in result.stdout  # OnlineKhabar's items are the oldest
    assert result.stderr == ""
    assert len(npkit("news", "-n", "0").stdout.splitlines()) == 2 + 35
    assert len(npkit("news", "-n", "3", "--offline").stdout.splitlines()) == 2 + 3


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["-n", "4"], 4),
        (["--lang", "ne"], 10),
        (["--lang", "en"], 25),
        (["-s", "nepalitimes"], 10),
        (["-s", "nepalitimes,onlinekhabar"], 20),
        (["--since", "2026-05-01"], 5),
        (["--since", "2026-02-13"], 15 + 7),
        (["--since", "bs:2082-11-01"], 15 + 7),  # = 2026-02-13, from 00:00 Nepal time
        (["--since", "2d"], 0),
        (["-k", "निर्वाचन"], 1),
        (["-k", "NEPSE", "-k", "monkeys"], 2),
        (["-k", "नेपाल", "--lang", "en"], 0),
    ],
)
def test_filters(npkit, configured, args: list[str], expected: int) -> None:
    records = npkit.json("news", "--json", *args)
    assert len(records) == expected


def test_since_and_keyword_read_by_hand(npkit, configured) -> None:
    (record,) = npkit.json("news", "-k", "निर्वाचन", "--json")
    assert record["title"] == "निर्धक्क भएर निर्वाचनमा खटिन अर्थमन्त्रीको आग्रह"
    assert record["published"] == "2026-02-05T12:53:44+05:45"  # 07:08:44 +0000
    records = npkit.json("news", "--since", "2026-05-01", "--json")
    assert {r["url"].split("/2026/")[1][:5] for r in records} == {"05/13"}


def test_only_named_sources_are_fetched(npkit, configured) -> None:
    npkit.json("news", "-s", "kathmandupost", "--json")
    assert [len(s.requests) for s in configured.values()] == [0, 1, 0]  # FEEDS order


def test_feed_option_reads_only_the_named_feeds(npkit, configured) -> None:
    other = configured["nepalitimes"]
    other.route("/custom.xml", Reply(rss(
        "<item><title>Relative</title><link>/2026/11/27/relative</link></item>"
    ), content_type=RSS))  # fmt: skip
    records = npkit.json("news", "--feed", other.url + "/custom.xml", "--json")
    assert records == [
        {
            "published": "2026-11-27T00:00:00+05:45",  # from the URL: the item has no pubDate
            "source": "127.0.0.1",
            "lang": "en",
            "title": "Relative",
            "url": other.url + "/2026/11/27/relative",
            "summary": None,
            "fetched_at": records[0]["fetched_at"],
            "stale": False,
        }
    ]
    assert records[0]["fetched_at"].endswith("+05:45")
    assert [len(s.requests) for s in configured.values()] == [0, 0, 1]
    both = npkit.json("news", "--feed", other.url + "/custom.xml", "-s", "onlinekhabar", "--json")
    assert len(both) == 11


def test_duplicates_across_sources_are_printed_once(npkit, sites, news_config) -> None:
    mirror = LocalServer().start()
    try:
        copy = rss(
            "<item><title>Same story</title><pubDate>Wed, 13 May 2026 06:01:01 +0000</pubDate>"
            "<link>https://www.kathmandupost.com/money/2026/05/13/"
            "everest-summit-route-opened-as-rope-fixing-team-reaches-top/?utm_source=rss</link>"
            "</item>"
        )
        mirror.route("/feed", Reply(copy, content_type=RSS))
        news_config({"kathmandupost": sites["kathmandupost"].url + "/feed",
                     "mirror": {"url": mirror.url + "/feed", "lang": "en"}})  # fmt: skip
        records = npkit.json("news", "--json")
    finally:
        mirror.close()
    assert len(records) == 15
    everest = [r for r in records if "everest" in r["url"]]
    assert [r["source"] for r in everest] == ["kathmandupost"]


def test_remote_text_is_cleaned_where_it_enters(npkit, sites, news_config) -> None:
    hostile = rss(
        "<item><title>Breaking\x1b[2J\x1b]0;pwned\x07 &amp;amp; more</title>"
        "<link>https://e.org/1</link><pubDate>Fri, 27 Nov 2026 01:00:00 +0000</pubDate>"
        "<description>&lt;p&gt;२२ माघ, काठमाडौं । Text\x1b[31m red&lt;/p&gt;</description></item>",
        "<item><title><![CDATA[पुर्&#x200d;याएको  सडक]]></title><link>https://e.org/2</link></item>",
    )
    sites["onlinekhabar"].route("/feed", Reply(hostile, content_type=RSS))
    news_config({"onlinekhabar": sites["onlinekhabar"].url + "/feed"})
    table = npkit("news")
    assert table.exit_code == 0 and "\x1b" not in table.stdout and "\x07" not in table.stdout
    assert "Breaking & more" in table.stdout
    records = npkit.json("news", "--json")
    assert [r["title"] for r in records] == ["Breaking & more", "पुर्\u200dयाएको सडक"]
    assert records[0]["summary"] == "Text red" and records[0]["lang"] == "en"
    assert records[1]["lang"] == "ne" and records[1]["published"] is None


# ---------------------------------------------------------------- failures


FAILURES = {
    "403": (
        Reply(b"<html>Forbidden</html>", status=403, content_type="text/html"),
        "answered HTTP 403 Forbidden",
    ),
    "html page": (
        Reply(recorded("hamrakura_frontpage_2018-03-18.prefix.html"), content_type=RSS),
        "sent an HTML page, not a feed",
    ),
    "hanging": (Reply(b"", mode="slow", delay=5), "timed out after 0.5 s"),
    "5 MB junk": (Reply(JUNK, content_type=RSS), "not a feed"),
    "reset": (Reply(mode="reset"), "dropped the connection"),
}


@pytest.mark.parametrize("case", sorted(FAILURES))
def test_one_failing_source_gets_one_line_and_the_others_print(
    npkit, configured, case: str
) -> None:
    reply, reason = FAILURES[case]
    broken = configured["onlinekhabar"]
    broken.route("/feed", reply)
    result = npkit("news", "--json", "--timeout", "0.5")
    assert result.exit_code == 0
    records = json.loads(result.stdout)
    assert len(records) == 25 and "onlinekhabar" not in {r["source"] for r in records}
    line = one_line(result.stderr)
    assert line.startswith(f"npkit: warning: onlinekhabar: {host(broken)}")
    assert reason in line
    strict = npkit("news", "--json", "--timeout", "0.5", "--strict")
    assert strict.exit_code == (4 if case in ("html page", "5 MB junk") else 3)
    assert len(json.loads(strict.stdout)) == 25  # still printed, still valid JSON
    assert strict.stderr.splitlines()[-1] == "npkit: news: 1 of 3 sources failed (--strict)"


def test_all_sources_failing_is_exit_3_with_valid_json(npkit, configured) -> None:
    # Every source refused (a fetch failure each); one unreadable reply among them would make
    # it exit 4 (errors.combined_exit_code, the next test).
    for server in configured.values():
        server.route("/feed", Reply(b"no", status=403, content_type="text/plain"))
    configured["nepalitimes"].route("/feed", Reply(b"no", status=500, content_type="text/plain"))
    result = npkit("news", "--json")
    assert result.exit_code == 3
    assert json.loads(result.stdout) == []
    lines = result.stderr.splitlines()
    assert len(lines) == 4
    assert lines[-1] == "npkit: news: every source failed (3 of 3: reasons above)"
    assert [line.split(":")[2].strip() for line in lines[:3]] == ORDER
    table = npkit("-q", "news")
    assert table.exit_code == 3 and table.stdout == ""
    assert table.stderr == "npkit: news: every source failed (3 of 3: reasons above)\n"


def test_all_sources_failing_the_same_way_is_one_line(npkit, configured) -> None:
    """Issue #10: no network is one line, not a warning per source and a summary; and with
    every source failed, csv prints no header row (issue #12)."""
    for server in configured.values():
        server.route("/feed", Reply(b"no", status=403, content_type="text/plain"))
    for args in (("--json",), ("-f", "csv"), ()):
        result = npkit("news", *args)
        assert result.exit_code == 3
        assert result.stdout == ("[]\n" if args == ("--json",) else "")
        assert result.stderr.count("\n") == 1
        assert result.stderr.startswith("npkit: news: every source failed the same way (3 of 3)")


def test_all_failing_with_one_unreadable_reply_is_exit_4(npkit, configured) -> None:
    """The one rule of npkit.errors.combined_exit_code, as gold applies it: any unreadable
    reply among the failures makes it exit 4 (the likeliest to need a fix)."""
    for server in configured.values():
        server.route("/feed", Reply(b"no", status=403, content_type="text/plain"))
    configured["nepalitimes"].route("/feed", Reply(b"<!DOCTYPE html><p>x", content_type=RSS))
    result = npkit("news", "--json")
    assert result.exit_code == 4
    assert json.loads(result.stdout) == []
    lines = result.stderr.splitlines()
    assert len(lines) == 4
    assert lines[-1] == "npkit: news: every source failed (3 of 3: reasons above)"
    only_fetch = npkit("-q", "news", "-s", "onlinekhabar", "-s", "kathmandupost")
    assert only_fetch.exit_code == 3 and only_fetch.stdout == ""


def test_unreadable_replies_only_is_exit_4(npkit, configured) -> None:
    for server in configured.values():
        server.route("/feed", Reply(b"<!DOCTYPE html><p>challenge", content_type=RSS))
    result = npkit("news", "-f", "ndjson")
    assert result.exit_code == 4 and result.stdout == ""


def test_a_challenge_page_is_not_cached(npkit, configured) -> None:
    site = configured["onlinekhabar"]
    site.route("/feed", Reply(b"<!DOCTYPE html><title>Just a moment</title>", content_type=RSS))
    assert npkit("news", "-s", "onlinekhabar", "--json").exit_code == 4
    assert npkit("news", "-s", "onlinekhabar", "--offline").exit_code == 3


def test_stale_copy_when_a_source_fails_later(npkit, configured, expire_http_cache) -> None:
    first = npkit.json("news", "--json")
    assert expire_http_cache(hours=3) == 3
    configured["kathmandupost"].route("/feed", Reply(b"busy", status=404))
    result = npkit("news", "--json")
    assert result.exit_code == 0
    later = json.loads(result.stdout)
    # only the failed source's headlines are the stale copy of 3 hours ago, and say so
    assert {r["source"] for r in later if r["stale"]} == {"kathmandupost"}
    assert not any(r["stale"] for r in first)
    for old, new in zip(first, later, strict=True):
        if new["source"] == "kathmandupost":
            age = datetime.fromisoformat(old["fetched_at"]) - datetime.fromisoformat(
                new["fetched_at"]
            )
            assert abs(age - timedelta(hours=3)) <= timedelta(seconds=1)  # see conftest
    without = ("fetched_at", "stale")
    assert [{k: v for k, v in r.items() if k not in without} for r in later] == [
        {k: v for k, v in r.items() if k not in without} for r in first
    ]
    assert one_line(result.stderr).startswith(
        f"npkit: warning: {host(configured['kathmandupost'])} answered HTTP 404 Not Found; "
        "showing cached data fetched 3 h ago"
    )
    # the others were revalidated with conditional GETs (ETag), not downloaded again
    assert "If-None-Match" in configured["onlinekhabar"].requests[-1].headers


def test_no_cache_with_concurrent_sources_neither_reads_nor_writes(npkit, configured) -> None:
    for _ in range(2):
        assert len(npkit.json("news", "--json", "--no-cache")) == 35
    assert [len(s.requests) for s in configured.values()] == [2, 2, 2]
    result = npkit("news", "--json", "--offline")
    assert result.exit_code == 3 and json.loads(result.stdout) == []
    assert "--offline and no cached copy" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "soon"], "--since: expected a duration like 6h or 2d, or a date"),
        (
            ["-s", "nope"],
            "unknown news source 'nope'; valid ids: kathmandupost, nepalitimes, onlinekhabar",
        ),
        (["--feed", "example.org/feed"], "--feed: expected an http(s) URL"),
        (["--fields", "title,nope"], "unknown field 'nope'"),
        (["--lang", "hi"], "'hi' is not one of 'en', 'ne'"),
        (["-n", "-1"], "-1 is not in the range x>=0"),
        (["--offline", "--no-cache"], "contradict"),
        (["read", "not a url"], "URL: expected an http(s) URL"),
        (["read", "file:///etc/passwd"], "URL: expected an http(s) URL"),
        (["sources", "--check", "--offline"], "cannot be --offline"),
        (["sources", "-s", "onlinekhabar"], "-s chooses the sources of --check"),
    ],
)
def test_bad_input_is_exit_2_before_any_request(
    npkit, configured, args: list[str], message: str
) -> None:
    result = npkit("news", *args)
    assert result.exit_code == 2, result.stderr
    assert result.stdout == ""
    assert message in one_line(result.stderr)
    assert result.stderr.startswith("npkit: ")
    assert all(not server.requests for server in configured.values())


def test_a_bad_setting_is_exit_2_not_a_failure_of_every_source(npkit, sites, news_config) -> None:
    news_config({name: server.url + "/feed" for name, server in sites.items()}, 'timeout = "x"')
    result = npkit("news", "--json")
    assert result.exit_code == 2 and result.stdout == ""
    assert "timeout must be seconds" in one_line(result.stderr)


def test_no_source_left_is_an_empty_answer_with_a_warning(npkit, news_config) -> None:
    news_config({})
    result = npkit("news", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    assert "no news source to read" in one_line(result.stderr)


def test_a_broken_config_is_exit_2(npkit, news_config) -> None:
    news_config({"onlinekhabar": {"url": "http://127.0.0.1:1/feed", "lang": "hindi"}})
    result = npkit("news")
    assert result.exit_code == 2 and "news.sources.onlinekhabar.lang" in one_line(result.stderr)


def test_head_ends_quietly(configured, tmp_path: Path) -> None:
    many = rss(*(
        f"<item><title>Story {n}</title><link>https://e.org/{n}</link></item>"
        for n in range(3000)
    ))  # fmt: skip
    configured["onlinekhabar"].route("/feed", Reply(many, content_type=RSS))
    env = dict(os.environ)
    process = subprocess.Popen(
        [sys.executable, "-m", "npkit", "news", "-s", "onlinekhabar", "-f", "ndjson"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()  # what `| head -1` does
    stderr = process.stderr.read()
    process.stderr.close()
    assert process.wait(timeout=30) == 0
    assert json.loads(first)["source"] == "onlinekhabar"
    assert stderr == b""


# ---------------------------------------------------------------- sources


def test_sources_lists_builtin_and_configured(npkit, news_config) -> None:
    assert len(npkit.json("news", "sources", "--json")) == 15
    news_config({"onlinekhabar": "http://127.0.0.1:1/feed", "local": "http://127.0.0.1:2/x"})
    records = npkit.json("news", "sources", "--json")
    assert [r["id"] for r in records] == ["onlinekhabar", "local"]
    assert list(records[0]) == ["id", "name", "lang", "url", "kind", "site", "notes"]
    table = npkit("news", "sources")
    assert table.stdout.splitlines()[0].split() == ["id", "name", "lang", "url"]
    assert "अनलाइनखबर" in table.stdout


def test_sources_check_reports_status_items_and_latency(npkit, configured) -> None:
    configured["nepalitimes"].route("/feed", Reply(b"gone", status=410))
    records = npkit.json("news", "sources", "--check", "--json")
    by_id = {r["id"]: r for r in records}
    assert by_id["onlinekhabar"]["status"] == "ok" and by_id["onlinekhabar"]["items"] == 10
    assert by_id["kathmandupost"]["items"] == 15 and by_id["kathmandupost"]["error"] is None
    assert by_id["nepalitimes"]["status"] == "failed" and by_id["nepalitimes"]["items"] is None
    assert "answered HTTP 410" in by_id["nepalitimes"]["error"]
    assert all(isinstance(r["latency_ms"], int) and r["latency_ms"] >= 0 for r in records)
    npkit.json("news", "sources", "--check", "-s", "onlinekhabar", "--json")
    assert len(configured["onlinekhabar"].requests) == 2  # never from the cache
    table = npkit("news", "sources", "--check")
    assert table.stdout.splitlines()[0].split() == ["id", "status", "items", "latency_ms", "error"]


# ---------------------------------------------------------------- read


@pytest.fixture
def pages(news_config) -> Iterator[LocalServer]:
    with LocalServer() as server:
        server.route(OK_PAGE, Reply(recorded("onlinekhabar_article_2026-07-12.trimmed.html"),
                                    content_type="text/html"))  # fmt: skip
        server.route(
            "/bbc", Reply(recorded("bbc_nepali_article.trimmed.html"), content_type="text/html")
        )  # no charset: the page decoded by its <meta> or as UTF-8
        news_config({"onlinekhabar": {"url": server.url + "/feed", "site": server.url + "/2026"}})
        yield server


def test_read_as_text(npkit, pages) -> None:
    result = npkit("news", "read", pages.url + OK_PAGE)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.split("\n")
    assert lines[0] == "यस्ता छन् फिफा विश्वकपको सेमिफाइनल पुगेका चार महारथी"
    assert lines[1] == "2026-07-12T22:25:00+05:45 · onlinekhabar"
    assert lines[2] == pages.url + OK_PAGE and lines[3] == ""
    assert lines[4].startswith("२८ असार, काठमाडौं । ४८ टोलीबाट")
    assert "Generated by OK AI" not in result.stdout and result.stderr == ""


def test_read_as_json(npkit, pages) -> None:
    (record,) = npkit.json("news", "read", pages.url + "/bbc", "--json")
    assert list(record) == ["title", "url", "published", "source", "text", "fetched_at", "stale"]
    assert record["fetched_at"].endswith("+05:45") and record["stale"] is False
    assert record["published"] == "2026-07-13T07:10:44+05:45"
    assert record["source"] == "127.0.0.1"
    assert record["text"].startswith("धान रोपाइँ हुने मुख्य यामका बेला")
    assert npkit.json("news", "read", pages.url + "/bbc", "--json", "--offline") == [record]


@pytest.mark.parametrize(
    ("reply", "code", "message"),
    [
        (Reply(b"missing", status=404, content_type="text/html"), 3, "answered HTTP 404"),
        (Reply(b"<!DOCTYPE html><title>Just a moment</title>", content_type="text/html"), 4,
         "sent a page without article text"),
    ],
)  # fmt: skip
def test_read_failures(npkit, pages, reply: Reply, code: int, message: str) -> None:
    pages.route("/gone", reply)
    result = npkit("news", "read", pages.url + "/gone")
    assert result.exit_code == code and result.stdout == ""
    assert one_line(result.stderr).startswith("npkit: news: ")
    assert message in result.stderr
    assert npkit("news", "read", pages.url + "/gone", "--offline").exit_code == 3  # not cached


# ---------------------------------------------------------------- shape


def test_library_api(configured) -> None:
    from npkit import news

    configured["nepalitimes"].route("/feed", Reply(b"x", status=403))
    result = news.headlines(["onlinekhabar", "nepalitimes"], keywords=["खोप"])
    assert [a.title for a in result.articles] == ["पर्वतका ९५० किशोरीलाई एचपीभी खोप लगाइँदै"]
    assert isinstance(result.articles[0], news.Article)
    (failure,) = result.failures
    assert failure.source == "nepalitimes" and failure.exit_code == 3
    assert not result.all_failed and result.exit_code == 3
    assert [s.id for s in news.sources()] == ORDER


def test_help_and_cheap_paths_import_no_http_or_parsers() -> None:
    for argv in (["news", "--help"], ["news", "sources", "--help"], ["date", "today"]):
        probe = probe_commands([argv])
        assert probe.statuses == [0] and probe.modules == set(), argv


def test_help_texts(npkit) -> None:
    result = npkit("news", "--help")
    assert result.exit_code == 0
    for text in ("sources [--check]", "read URL", "[news.sources.ID]", "NPKIT_CONFIG"):
        assert text in result.stdout
    options = npkit("news", "headlines", "--help").stdout
    for flag in ("--source", "--lang", "--limit", "--since", "--keyword", "--feed", "--strict",
                 "--offline", "--no-cache", "--timeout", "--json", "--fields"):  # fmt: skip
        assert flag in options, flag
    assert "Headlines from Nepali news sites" in npkit("--help").stdout
