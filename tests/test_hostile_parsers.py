"""Hostile input for the source parsers (issue #12): work that grows with the square of the
input, dates past Python's range, twin price cards, the HTML parser's own warnings, cut-off
feeds, and the shapes of real feeds (bare ``&``, datelines, WordPress metadata lines).

Growth is tested by counting work, never by timing: ``benchmarks/bench_parsers.py`` times."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import warnings
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from npkit.errors import ParseError
from npkit.gold import fenegosida, hamropatro
from npkit.news import article, clean, feeds

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = date(2026, 8, 17)
CARD = "<div><div><h3>Gold (Hallmark)</h3><span>Per Tola</span><span>Rs 3,06,800</span></div></div>"
UPDATED = "<p>Last updated: Bhadra 1 | 4:03 pm</p>"


def rss(*items: str, close: bool = True) -> bytes:
    head = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>'
    return (head + "".join(items) + ("</channel></rss>" if close else "")).encode()


def item(n: int, title: str = "") -> str:
    return f"<item><title>{title or f'Story {n}'}</title><link>https://e.org/{n}</link></item>"


# ---------------------------------------------------------------- work that grows


class CountingGetText:
    """Counts the characters bs4's get_text returns: the work of reading text."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from bs4 import Tag

        self.chars = 0
        original = Tag.get_text

        def counted(tag: Tag, *args: object, **kwargs: object) -> str:
            text = original(tag, *args, **kwargs)  # type: ignore[arg-type]
            self.chars += len(text)
            return text

        monkeypatch.setattr(Tag, "get_text", counted)


@pytest.mark.parametrize("nesting", ["<p>word word word ", "<div>"])
def test_article_text_read_grows_linearly_with_nesting(
    monkeypatch: pytest.MonkeyPatch, nesting: str
) -> None:
    counted = [0]
    original = article._text

    def text(node: object) -> str:
        found = original(node)
        counted[0] += len(found)
        return found

    monkeypatch.setattr(article, "_text", text)
    work = []
    for n in (50, 500) if nesting == "<div>" else (500, 5000):  # MAX_NESTING: 512 open elements
        page = f"<html><body><article>{nesting * n}<p>{'body text ' * 20}</p></article></body>"
        counted[0] = 0
        parsed = article.parse_article(page.encode(), "https://e.org/a")
        assert "body text" in parsed.text
        work.append(counted[0])
    assert work[1] < 20 * work[0]  # 10× the page: about 10× the reading (100× if quadratic)


def test_hamropatro_card_search_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    counter = CountingGetText(monkeypatch)
    work = []
    for n in (50, 800):
        page = f"<html><body>{UPDATED}{CARD * n}</body></html>".encode()
        counter.chars = 0
        records = hamropatro.parse(page, "https://h.example/en/gold", today=TODAY)
        assert [(r.metal, r.unit) for r in records] == [("fine_gold", "tola")]
        work.append(counter.chars)
    assert work[1] < 32 * work[0]  # 16× the cards: at most linear (256× if quadratic)


def test_hamropatro_says_when_it_read_only_some_cards(caplog: pytest.LogCaptureFixture) -> None:
    page = f"<html><body>{UPDATED}{CARD * (hamropatro.MAX_TITLES + 1)}</body></html>".encode()
    with caplog.at_level("WARNING", logger="npkit"):
        hamropatro.parse(page, "https://h.example/en/gold", today=TODAY)
    (record,) = caplog.records  # a warning for the application to show (the CLI: stderr)
    assert f"only the first {hamropatro.MAX_TITLES}" in record.getMessage()


def test_feed_items_are_capped_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    body = rss(*(item(n) for n in range(feeds.MAX_ITEMS + 7)))
    with caplog.at_level("WARNING", logger="npkit"):
        articles = feeds.parse(body, "https://e.org/feed")
    assert len(articles) == feeds.MAX_ITEMS
    (record,) = caplog.records
    assert record.levelname == "WARNING" and f"only the first {feeds.MAX_ITEMS}" in (
        record.getMessage()
    )


def test_a_long_description_is_read_only_up_to_its_cap() -> None:
    value = "<p>" + "शब्द " * 200_000 + "</p>"  # 1 MB of one paragraph
    text = clean.summary(value, True)
    assert text is not None and len(text) <= clean.SUMMARY_MAX and text.endswith("…")


# ---------------------------------------------------------------- dates past Python's range


@pytest.mark.parametrize("stamp", ["9999-12-31T23:59:59+00:00", "0001-01-01T00:00:00+05:45",
                                   "9999-12-31T23:00:00Z"])  # fmt: skip
def test_fenegosida_dates_at_the_ends_of_pythons_range(stamp: str) -> None:
    row = {"todayDate": stamp, "rateType": "छापावाल सुन (१ तोला)", "todayBaseRatePerGram": 1}
    with pytest.raises(ParseError):
        fenegosida.parse(json.dumps([row]).encode(), "https://api.fenegosida.org/x")


@pytest.mark.parametrize("stamp", ["9999-12-31T23:59:59-05:00", "0001-01-01T00:00:00+14:00"])
def test_article_dates_at_the_ends_of_pythons_range_are_skipped(stamp: str) -> None:
    page = (f'<html><head><meta property="article:published_time" content="{stamp}"></head>'
            f"<body><article><p>{'text ' * 30}</p></article></body></html>")  # fmt: skip
    parsed = article.parse_article(page.encode(), "https://e.org/2026/05/13/story")
    assert (
        parsed.published.isoformat() == "2026-05-13T00:00:00+05:45"
    )  # the next candidate: the URL's


# ---------------------------------------------------------------- twin cards


def test_hamropatro_reads_a_page_showing_the_same_card_twice() -> None:
    page = f"<html><body>{UPDATED}{CARD}{CARD}</body></html>".encode()
    (record,) = hamropatro.parse(page, "https://h.example/en/gold", today=TODAY)
    assert record.price == 306800 and record.metal == "fine_gold"


# ---------------------------------------------------------------- the HTML parser's warnings

WARNING_BODIES = [
    b'<?xml version="1.0"?><html><body><p>x</p></body></html>',  # XMLParsedAsHTMLWarning
    b"\xff\xfe\x00\xd8 <p>\x81\x8d\x8f\x90</p>" * 20,  # characters that cannot be decoded
    b"https://example.org/a/page.html",  # MarkupResemblesLocatorWarning
]


@pytest.mark.parametrize("body", WARNING_BODIES)
def test_bs4_warnings_never_escape_the_parsers(body: bytes) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for call in (
            lambda: article.parse_article(body, "https://e.org/a"),
            lambda: hamropatro.parse(body, "https://h.example/en/gold", today=TODAY),
        ):
            with contextlib.suppress(ParseError):
                call()


def test_bs4_warnings_do_not_reach_stderr_under_w_error() -> None:
    code = (
        "from npkit.news import article\n"
        "from npkit.errors import ParseError\n"
        f"for body in {WARNING_BODIES!r}:\n"
        "    try: article.parse_article(body, 'https://e.org/a')\n"
        "    except ParseError: pass\n"
    )
    done = subprocess.run([sys.executable, "-W", "error", "-c", code], capture_output=True,
                          timeout=120, check=False)  # fmt: skip
    assert done.returncode == 0 and done.stderr == b""


# ---------------------------------------------------------------- truncated feeds


def test_a_feed_that_ends_mid_document_is_a_parse_error() -> None:
    whole = rss(*(item(n) for n in range(12)))
    with pytest.raises(ParseError, match="ends before"):
        feeds.parse(whole[: len(whole) // 2], "https://e.org/feed")
    with pytest.raises(ParseError, match="ends before"):
        feeds.parse(rss(item(1), close=False), "https://e.org/feed")


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=400))
def test_every_cut_of_a_feed_is_refused(cut: int) -> None:
    whole = rss(*(item(n) for n in range(6)))
    with pytest.raises(ParseError):
        feeds.parse(whole[: len(whole) - cut], "https://e.org/feed")


def test_comments_after_the_root_are_not_truncation() -> None:
    body = rss(item(1)) + b"\n<!-- cached 0.2 s -->\n"
    assert len(feeds.parse(body, "https://e.org/feed")) == 1


def test_recorded_feeds_still_end_properly() -> None:
    for path in sorted((FIXTURES / "news").glob("*.xml")):
        feeds.parse(path.read_bytes(), "https://e.org/feed")


# ---------------------------------------------------------------- real feeds


@pytest.mark.parametrize("title", ["Q&A: Nepal's budget", "R&D spending", "AT&T in Nepal",
                                   "Fish & chips &amp; more", "A&#8217;s & B"])  # fmt: skip
def test_bare_ampersands_read_as_published(title: str) -> None:
    expected = title.replace("&amp;", "&").replace("&#8217;", "\u2019")
    body = rss(item(1, title), "<item><title>x</title><link>https://e.org/2?a=1&b=2</link></item>")
    first, second = feeds.parse(body, "https://kathmandupost.com/rss")
    assert first.title == expected
    assert second.url == "https://e.org/2?a=1&b=2"


def test_ampersands_inside_cdata_are_left_alone() -> None:
    body = rss("<item><title><![CDATA[Q&A &amp; more]]></title><link>https://e.org/1</link></item>")
    (only,) = feeds.parse(body, "https://e.org/feed")
    assert only.title == "Q&A &amp; more" or only.title == "Q&A & more"


DATELINES = json.loads((FIXTURES / "news" / "datelines_recorded.json").read_text("utf-8"))


@pytest.mark.parametrize("case", DATELINES["cases"], ids=lambda case: case["text"][:20])
def test_recorded_datelines_are_removed(case: dict[str, str | None]) -> None:
    text = case["text"]
    assert text is not None
    assert clean.strip_dateline(text) == (case["rest"] or text)


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("काठमाडौँ, भदौ १० गते । सरकारले बजेट ल्यायो", "सरकारले बजेट ल्यायो"),  # Gorkhapatra
        ("Kathmandu, Feb 5: The government said", "The government said"),  # Rising Nepal
        ("Rome, Feb. 5: Pope Leo said", "Pope Leo said"),
        ("KATHMANDU, FEB 5: Capitals", "Capitals"),
        ("kathmandu, 5 february -- lower case", "lower case"),
        ("झापा – जिल्लामा", "जिल्लामा"),  # Khabarhub
        ("काठमाडौँ- उपत्यकामा", "उपत्यकामा"),
    ],
)
def test_datelines_by_shape(text: str, rest: str) -> None:
    assert clean.strip_dateline(text) == rest


@pytest.mark.parametrize(
    "text",
    [
        "तर, सरकारले निर्णय गर्‍यो ।",
        "However, the party seems quite unified ahead of polls.",
        "Note: the office is closed.",
        "नेपाल-भारत सम्बन्ध राम्रो छ ।",
        "Kathmandu, November 21 Commentators say factionalism is innate.",
        "In Kathmandu, prices rose: 5 per cent.",
    ],
)
def test_real_text_is_never_taken_for_a_dateline(text: str) -> None:
    assert clean.strip_dateline(text) == text


def test_wordpress_published_date_line_is_not_body_text() -> None:
    body = "".join(f"<p>अनुच्छेद {n} {'शब्द ' * 20}</p>" for n in range(3))
    page = (f"<html><body><div class='entry-content'>{body}"
            "<p>प्रकाशित मिति : शुक्रबार, भदौ १, २०८३  १०:३२</p></div></body></html>")  # fmt: skip
    parsed = article.parse_article(page.encode(), "https://e.org/a")
    assert "प्रकाशित मिति" not in parsed.text and parsed.text.count("अनुच्छेद") == 3


# ---------------------------------------------------------------- junk in, ParseError out


@settings(max_examples=80, deadline=None)
@given(st.binary(max_size=2000))
def test_junk_gives_parse_errors_only(junk: bytes) -> None:
    for parse in (
        lambda: feeds.parse(b"<rss><channel>" + junk, "https://e.org/feed"),
        lambda: article.parse_article(junk, "https://e.org/a"),
        lambda: hamropatro.parse(junk, "https://h.example/en/gold", today=TODAY),
        lambda: fenegosida.parse(junk, "https://api.fenegosida.org/x"),
    ):
        with contextlib.suppress(ParseError):
            parse()
