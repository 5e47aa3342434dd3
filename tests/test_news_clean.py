"""Pure pieces of npkit.news: summary cleaning, language detection, keyword folding, canonical
URLs and de-duplication, --since, merging (filter, order, limit)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from npkit.errors import UsageError
from npkit.news import clean
from npkit.news.dedupe import canonical_url
from npkit.news.headlines import merge, parse_since
from npkit.news.records import Article


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("२२ माघ, काठमाडौं । जिम्बाबेका अनुभवी", "जिम्बाबेका अनुभवी"),
        ("२२ माघ , काठमाडौ । बुधबार अमेरिकी", "बुधबार अमेरिकी"),
        ("काठमाडौं । रिलिजको एकदिनअघि", "रिलिजको एकदिनअघि"),
        ("२८ भदौ, नयाँ दिल्ली । भारतमा", "भारतमा"),
        ("काठमाडौं, माघ २२ । सरकारले", "सरकारले"),
        ("KATHMANDU: The government", "The government"),
        ("KATHMANDU, Feb 5: The government", "The government"),
        ("NEW DELHI — India said", "India said"),
        # not datelines
        ("सरकारहरूले हलमा प्रतिबन्ध लगाउन त सक्लान् ।", "सरकारहरूले हलमा प्रतिबन्ध लगाउन त सक्लान् ।"),
        ("Thapa is an actor.", "Thapa is an actor."),
        ("US: a visit", "US: a visit"),
        ("काठमाडौं ।", "काठमाडौं ।"),  # nothing would be left
    ],
)
def test_datelines(text: str, expected: str) -> None:
    assert clean.strip_dateline(text) == expected


@pytest.mark.parametrize(
    ("text", "expected", "cut"),
    [
        ("३९ वर्षीय […]", "३९ वर्षीय", True),
        ("words [...]", "words", True),
        ("The end. Read more »", "The end.", True),
        ("The end… Continue reading →", "The end…", True),
        ("Text बाँकी अंश»", "Text", True),
        ("Text. The post Budget appeared first on Online Khabar English.", "Text.", True),
        ("You can read more here", "You can read more here", False),
    ],
)
def test_tails(text: str, expected: str, cut: bool) -> None:
    assert clean.strip_tail(text) == (expected, cut)


def test_summary_pipeline() -> None:
    html = "<p>२२ माघ, काठमाडौं । A &amp; B <b>bold</b></p><p>second</p> [&hellip;]"
    assert clean.summary(html, True) == "A & B bold second…"
    assert clean.summary("Same Title", False, title="same  title") is None
    assert clean.summary("<script>x()</script>", True) is None
    long = "शब्द " * 200
    short = clean.summary(long, False)
    assert len(short) <= clean.SUMMARY_MAX and short.endswith("शब्द…")


def test_html_skips_ai_summary_share_and_related_blocks() -> None:
    html = (
        '<div class="ai_summary_block"><div><h2>News Summary</h2></div><ul><li>AI</li></ul></div>'
        "<p>Body <em>text</em></p>"
        '<div class="share-bar"><a>Facebook</a></div><div class="related"><p>Other</p></div>'
        "<p>more<br>lines</p><img src=x><style>p{}</style>"
    )
    assert clean.html_to_text(html) == "Body text\nmore\nlines"


@pytest.mark.parametrize(
    ("texts", "lang"),
    [
        (("प्रतिबन्ध लगाइएका पाकिस्तान", None), "ne"),
        (("Nepse hits eight months high", "Index extends gains"), "en"),
        (("नेपाल Telecom को NTC सेवा",), "ne"),
        (("Everest summit route opened", "शिखर"), "en"),
        (("2025", None), None),
        (("", "—"), None),
    ],
)
def test_language_from_the_script(texts: tuple[str | None, ...], lang: str | None) -> None:
    assert clean.detect_lang(*texts) == lang


def test_fold_ignores_case_joiners_nbsp_and_normalisation() -> None:
    assert clean.fold("पुर्\u200dयाएको") == clean.fold("पुर्याएको")
    assert clean.fold("Nepal\u00a0 TIMES") == "nepal times"
    assert clean.fold("क\u093c") == clean.fold("\u0958")  # NFC: क़ composed or not


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://www.Example.org/a/b/?utm_source=x&id=2#top", "http://example.org/a/b?id=2"),
        ("https://e.org/%E0%A4%A8%E0%A5%87", "https://e.org/ने/"),
        ("https://e.org:443/x?fbclid=1&b=2&a=1", "https://e.org/x?a=1&b=2"),
    ],
)
def test_canonical_url_equal(a: str, b: str) -> None:
    assert canonical_url(a) == canonical_url(b)


def test_canonical_url_keeps_what_matters() -> None:
    assert canonical_url("https://e.org/x?id=1") != canonical_url("https://e.org/x?id=2")
    assert canonical_url("https://e.org:8080/x") != canonical_url("https://e.org/x")
    assert canonical_url("https://news.e.org/x") != canonical_url("https://e.org/x")


NOW = datetime(2026, 2, 5, 7, 0, tzinfo=UTC)  # 12:45 in Nepal


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6h", "2026-02-05T01:00:00+00:00"),
        ("90m", "2026-02-05T05:30:00+00:00"),
        ("2d", "2026-02-03T07:00:00+00:00"),
        ("1w", "2026-01-29T07:00:00+00:00"),
        ("६h", "2026-02-05T01:00:00+00:00"),
        ("today", "2026-02-05T00:00:00+05:45"),
        ("yesterday", "2026-02-04T00:00:00+05:45"),
        ("2026-02-01", "2026-02-01T00:00:00+05:45"),
        ("bs:2082-10-22", "2026-02-05T00:00:00+05:45"),
        ("२०८२ माघ २२", "2026-02-05T00:00:00+05:45"),
    ],
)
def test_since(text: str, expected: str) -> None:
    assert parse_since(text, NOW) == datetime.fromisoformat(expected)


@pytest.mark.parametrize("text", ["6x", "soon", "2026-13-01", "-2d", ""])
def test_bad_since_is_a_usage_error(text: str) -> None:
    with pytest.raises(UsageError, match="--since"):
        parse_since(text, NOW)


def article(url: str, published: str | None, title: str = "t", **kw: str | None) -> Article:
    """An Article published at the ISO time ``published`` (records hold datetimes)."""
    fields = {"source": "s", "lang": "en", "summary": None} | kw
    moment = datetime.fromisoformat(published) if published else None
    return Article(published=moment, title=title, url=url, **fields)  # type: ignore[arg-type]


def test_merge_dedupes_filters_sorts_and_limits() -> None:
    items = [
        article("https://a.org/1", "2026-02-05T10:00:00+05:45", "one", source="a"),
        article("https://www.a.org/1/?utm_campaign=x", "2026-02-05T11:00:00+05:45", source="b"),
        article("https://a.org/2", None, "undated"),
        article("https://a.org/3", "2026-02-05T04:15:00+00:00", "three"),  # 10:00 NPT
        article("https://a.org/4", "2026-02-05T12:00:00+05:45", "नेपाल समाचार", lang="ne"),
        article("https://a.org/5", "2026-02-04T12:00:00+05:45", "old", summary="पुर्\u200dयाएको"),
    ]
    merged = merge(items)
    assert [a.title for a in merged] == ["नेपाल समाचार", "one", "three", "old", "undated"]
    assert merged[1].source == "a"  # the first copy of a URL wins
    assert [a.title for a in merge(items, limit=2)] == ["नेपाल समाचार", "one"]
    assert [a.title for a in merge(items, lang="ne")] == ["नेपाल समाचार"]
    since = datetime.fromisoformat("2026-02-05T10:00:00+05:45")
    assert [a.title for a in merge(items, since=since)] == ["नेपाल समाचार", "one", "three"]
    assert [a.title for a in merge(items, keywords=["नेपाल", "ONE"])] == ["नेपाल समाचार", "one"]
    assert [a.title for a in merge(items, keywords=["पुर्याएको"])] == ["old"]  # ZWJ ignored
    assert merge(items, keywords=["  "]) == merged
