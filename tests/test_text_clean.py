"""Outside text on its way to a terminal: bidi controls, quoting in messages, URLs with
passwords (issue #12, class 1)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from npkit import fx
from npkit.errors import ParseError
from npkit.fx import nrb
from npkit.text import BIDI_CONTROLS, clean, quote, redact_url, url_host

DANGEROUS = "\x1b]0;pwned\x07\x1b[2J\x9b31m\u202eevil\u2066x\u2069\x00\x85\u2028"


@pytest.mark.parametrize("char", sorted(BIDI_CONTROLS))
def test_clean_removes_bidi_controls(char: str) -> None:
    assert clean(f"abc{char}def") == "abcdef"


def test_clean_removes_8bit_osc_and_keeps_nepali_joiners() -> None:
    assert clean("a\x9d0;title\x07b क्\u200dष न\u200cम") == "ab क्\u200dष न\u200cम"


@given(st.text())
def test_clean_leaves_nothing_that_moves_a_terminal(raw: str) -> None:
    cleaned = clean(raw)
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in cleaned)
    assert not BIDI_CONTROLS & set(cleaned)
    assert "\u2028" not in cleaned and "\u2029" not in cleaned


@given(st.text(), st.integers(min_value=1, max_value=200))
def test_quote_is_one_short_safe_line(raw: str, limit: int) -> None:
    quoted = quote(raw, limit)
    inner = quoted[1:-1]
    assert quoted.startswith("'") and quoted.endswith("'")
    assert len(inner) <= limit + 1  # + the ellipsis
    assert all(c.isprintable() or c in "\u200c\u200d" for c in quoted)
    assert not BIDI_CONTROLS & set(quoted)


def test_quote_shows_escapes_and_keeps_devanagari() -> None:
    assert quote("\x1b]0;evil\x07 क्\u200dष") == "'\\x1b]0;evil\\x07 क्\u200dष'"
    assert quote("\u202etxt") == "'\\u202etxt'"


def test_quote_shortens_an_unterminated_10_mb_line() -> None:
    quoted = quote("x" * 10_000_000)
    assert len(quoted) <= 90 and quoted.endswith("…'")


def test_quote_of_other_values_is_their_short_repr() -> None:
    assert quote(None) == "None" and quote(5) == "5"
    assert len(quote(list(range(10_000)))) <= 81


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://user:pw@example.org/feed", "https://example.org/feed"),
        ("https://u:p@ss@example.org:8443/x?q=a@b", "https://example.org:8443/x?q=a@b"),
        ("//token@host/p", "//host/p"),
        ("https://example.org/a@b", "https://example.org/a@b"),
    ],
)
def test_redact_url_drops_userinfo(url: str, expected: str) -> None:
    assert redact_url(url) == expected


def test_url_host_has_no_password_and_no_escapes() -> None:
    assert url_host("https://me:secret@ex\u202eample.org\x07/", "x") == "example.org"
    assert url_host("http://[::1/", "fallback") == "fallback"


def _nrb(body: object) -> bytes:
    return json.dumps(body).encode()


def test_nrb_validation_message_is_one_clean_line() -> None:
    body = _nrb({"status": {"code": 400}, "errors": {"validation": {"from": [DANGEROUS + "\n2"]}}})
    with pytest.raises(ParseError) as caught:
        fx.parse(body, "https://user:pw@www.nrb.org.np/api/forex/v1/rates")
    message = str(caught.value)
    assert message.isprintable() and "pw@" not in message and "user" not in message
    assert not BIDI_CONTROLS & set(message)
    assert nrb.validation_message(body) == clean(f"from: {DANGEROUS} 2")


def test_nrb_currency_name_is_cleaned() -> None:
    rate = {"currency": {"iso3": "USD", "name": "U.S.\u202e Dollar\x1b]0;x\x07", "unit": 1},
            "buy": "151.44", "sell": "152.04"}  # fmt: skip
    body = _nrb({"errors": {"validation": None},
                 "data": {"payload": [{"date": "2026-04-01", "rates": [rate]}]}})  # fmt: skip
    (parsed,) = fx.parse(body, "https://www.nrb.org.np/x")
    assert parsed.name == "U.S. Dollar"


def test_nrb_shape_errors_quote_what_was_sent() -> None:
    body = _nrb({"data": {"payload": [{"date": DANGEROUS + "y" * 100_000, "rates": []}]}})
    with pytest.raises(ParseError) as caught:
        fx.parse(body, "https://www.nrb.org.np/x")
    assert str(caught.value).isprintable() and len(str(caught.value)) < 200


def _clean_by_the_rules(text: str) -> str:
    """``clean`` spelled out step by step, without its shortcut for plain printable text."""
    from npkit import text as module

    text = module._ESCAPE_SEQUENCE.sub("", text)
    text = module._CONTROL.sub(lambda match: " " if match.group().isspace() else "", text)
    text = module._BIDI.sub("", text)
    text = module._WHITESPACE.sub(" ", text)
    import unicodedata

    return unicodedata.normalize("NFC", text).strip()


@given(
    st.lists(
        st.sampled_from([*"ab \t\n\xa0\x1b[]0;m\x9b\u200d\u202e", "मंसिर", "e\u0301", "  "]),
        max_size=12,
    ).map("".join)
    | st.text(max_size=20)
)
def test_clean_shortcut_for_printable_text_changes_nothing(raw: str) -> None:
    assert clean(raw) == _clean_by_the_rules(raw)
