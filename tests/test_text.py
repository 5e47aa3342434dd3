"""Cleaning untrusted text for terminals."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from npkit.text import clean


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\x1b[2JPwned", "Pwned"),
        ("\x1b[31mred\x1b[0m text", "red text"),
        ("title\x1b]0;evil window title\x07 end", "title end"),
        ("link \x1b]8;;http://x\x1b\\here\x1b]8;;\x1b\\", "link here"),
        ("bell\x07 and\x00 nul\x7f del\x9b31m c1", "bell and nul del c1"),
        ("  many \t\n spaces  ", "many spaces"),
        ("lone \x1b escape", "lone escape"),
        ("क्\u200dष", "क्\u200dष"),  # ZWJ is Nepali spelling: kept
        ("न\u200cम", "न\u200cम"),  # ZWNJ too
    ],
)
def test_clean(raw: str, expected: str) -> None:
    assert clean(raw) == expected


@given(st.text())
def test_clean_leaves_no_control_characters(raw: str) -> None:
    cleaned = clean(raw)
    assert not any(ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F for ch in cleaned)
    assert clean(cleaned) == cleaned
