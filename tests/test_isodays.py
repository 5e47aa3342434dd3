"""``npkit.sheets.isodays``: whole blocks of ISO days read at C speed (bulk conversion)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from npkit.sheets import isodays

LAYOUT = re.compile(rb"(19|20)\d\d-[01]\d-[0-3]\d")


def test_every_day_of_two_centuries_has_its_own_slot() -> None:
    first, last = date(1900, 1, 1), date(2099, 12, 31)
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    found = isodays.slots("".join(f"{day}\n" for day in days).encode())
    assert found == [isodays.slot(day) for day in days]
    assert len(set(found)) == len(days) and max(found) < isodays.SLOTS


ISO_LIKE = st.from_regex(r"(19|20)[0-9]{2}-[01][0-9]-[0-3][0-9]", fullmatch=True)
ANY_TEN = st.text(alphabet="0123456789-\n/ a१", min_size=10, max_size=10)


@given(st.lists(st.one_of(ISO_LIKE, ISO_LIKE, ANY_TEN), min_size=1))
def test_a_block_is_read_only_when_every_line_has_the_layout(texts: list[str]) -> None:
    """Any block: None unless every line is (19|20)DD-[01]D-[0-3]D; then each line's slot
    is its own year, month and day (months 00–19 and days 00–39 included: the grid, not the
    reader, knows which days exist)."""
    block = "".join(text + "\n" for text in texts).encode()
    lines = block.split(b"\n")[:-1]
    found = isodays.slots(block)
    if len(block) != 11 * len(texts) or not all(LAYOUT.fullmatch(line) for line in lines):
        assert found is None
        return
    expected = [
        ((int(line[:4]) - 1900) * 20 + int(line[5:7])) * 40 + int(line[8:]) for line in lines
    ]
    assert found == expected


def test_blocks_that_are_not_whole_lines() -> None:
    assert isodays.slots(b"") is None
    assert isodays.slots(b"2024-11-26") is None  # no newline
    assert isodays.slots(b"2024-11-26\n2024-11-2") is None
    assert isodays.slots(b"2024-11-26\r\n") is None
    assert isodays.slots(b"2024-11-26\n") == [isodays.slot(date(2024, 11, 26))]
