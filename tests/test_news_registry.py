"""The news source registry: the built-in table against SOURCES.md §3, the config file's
``[news.sources.<id>]`` tables, choosing sources, mapping article URLs to sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from npkit.errors import UsageError
from npkit.news import registry

# Copied by hand from ../shared/SOURCES.md §3 (id, language, feed URL).
SOURCES_MD = [
    ("kathmandupost", "en", "https://kathmandupost.com/rss"),
    ("himalayan", "en", "https://thehimalayantimes.com/rssFeed/15"),
    ("republica", "en", "https://myrepublica.nagariknetwork.com/feeds"),
    ("onlinekhabar-en", "en", "https://english.onlinekhabar.com/feed"),
    ("risingnepal", "en", "https://risingnepaldaily.com/rss"),
    ("nepalitimes", "en", "https://www.nepalitimes.com/feed/"),
    ("onlinekhabar", "ne", "https://www.onlinekhabar.com/feed"),
    ("setopati", "ne", "https://www.setopati.com/feed"),
    ("ratopati", "ne", "https://ratopati.com/feed"),
    ("nagarik", "ne", "https://nagariknews.nagariknetwork.com/feed"),
    ("annapurnapost", "ne", "https://annapurnapost.com/rss"),
    ("gorkhapatra", "ne", "https://gorkhapatraonline.com/rss"),
    ("bbcnepali", "ne", "https://feeds.bbci.co.uk/nepali/rss.xml"),
    ("nepalpress", "ne", "https://nepalpress.com/feed/"),
    ("khabarhub", "ne", "https://khabarhub.com/feed/"),
]


def write_config(tmp_path: Path, text: str) -> None:
    (tmp_path / "config.toml").write_text(text, encoding="utf-8")


def test_builtin_sources_are_the_documented_feeds() -> None:
    sources = registry.builtin()
    assert [(s.id, s.lang, s.url) for s in sources] == SOURCES_MD
    for source in sources:
        assert source.name and source.kind == "feed"
        assert source.site and source.site.startswith("https://")
    assert len({s.host for s in sources}) == len(sources)  # one feed per host
    docs = (Path(__file__).parents[1] / "docs" / "news.md").read_text("utf-8")
    for source in sources:  # docs/news.md lists every built-in source
        assert f"`{source.id}`" in docs and source.url in docs, source.id


def test_config_overrides_adds_and_disables(tmp_path: Path) -> None:
    write_config(
        tmp_path,
        """
        [news.sources.onlinekhabar]
        url = "http://127.0.0.1:8000/feed"

        [news.sources.ekantipur-sports]
        url = "https://ekantipur.example/sports/feed"
        name = "कान्तिपुर खेलकुद"
        lang = "ne"

        [news.sources.khabarhub]
        enabled = false
        """,
    )
    sources = {s.id: s for s in registry.load()}
    assert sources["onlinekhabar"].url == "http://127.0.0.1:8000/feed"
    assert sources["onlinekhabar"].name == "अनलाइनखबर"  # the rest is kept
    assert sources["ekantipur-sports"].lang == "ne"
    assert sources["ekantipur-sports"].name == "कान्तिपुर खेलकुद"
    assert "khabarhub" not in sources
    assert list(sources)[-1] == "ekantipur-sports"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[news.sources.x]\nname = "X"', "news.sources.x: a new source needs a url"),
        ('[news.sources.x]\nurl = "ftp://e.org/feed"', "news.sources.x.url: expected an http(s)"),
        ('[news.sources.x]\nurl = "https://e.org"\nlang = "hi"', "news.sources.x.lang"),
        ('[news.sources.x]\nurl = "https://e.org"\nlink = "y"', "unknown key 'link'"),
        ('[news.sources.onlinekhabar]\nenabled = "no"', "enabled must be true or false"),
        ('[news.sources."Bad Id"]\nurl = "https://e.org"', "ids are lower-case"),
        ("[news]\nsources = 3", "news.sources must be a table"),
    ],
)
def test_bad_config_is_a_usage_error_naming_the_key(
    tmp_path: Path, text: str, message: str
) -> None:
    write_config(tmp_path, text)
    with pytest.raises(UsageError, match=r"config file .*config\.toml") as error:
        registry.load()
    assert message in str(error.value)


def test_choose() -> None:
    sources = registry.builtin()
    assert [s.id for s in registry.choose(sources, ["bbcnepali,setopati", "bbcnepali"])] == [
        "bbcnepali",
        "setopati",
    ]
    assert {s.lang for s in registry.choose(sources, lang="en")} == {"en"}
    assert len(registry.choose(sources)) == 15
    feed = registry.choose(sources, feeds=["https://www.example.org/feed.xml"])
    assert [(s.id, s.url, s.lang) for s in feed] == [
        ("example.org", "https://www.example.org/feed.xml", None)
    ]
    with pytest.raises(UsageError, match=r"unknown news source 'nope'; valid ids: kathmandupost,"):
        registry.choose(sources, ["nope"])
    with pytest.raises(UsageError, match="--feed: expected an http"):
        registry.choose(sources, feeds=["example.org/feed"])


@pytest.mark.parametrize(
    ("url", "source"),
    [
        ("https://www.bbc.com/nepali/articles/c74yk22xx1do", "bbcnepali"),
        ("https://www.bbc.com/news/world", "bbc.com"),
        ("https://www.onlinekhabar.com/2026/07/1973775/x", "onlinekhabar"),
        ("https://english.onlinekhabar.com/a", "onlinekhabar-en"),
        ("https://kathmandupost.com/national/2026/05/13/x", "kathmandupost"),
        ("http://127.0.0.1:9/x", "127.0.0.1"),
    ],
)
def test_source_for(url: str, source: str) -> None:
    assert registry.source_for(url, registry.builtin()) == source
