"""npkit's own ``simple`` table writer draws what tabulate draws, byte for byte.

``npkit.output.table._draw_simple`` spares the commonest tables (``npkit date today`` in a pipe)
tabulate's import; these tests draw the same cells both ways and compare the lines."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from npkit.output.table import _draw, _draw_simple, _draw_tabulate

CELL = st.lists(
    st.sampled_from([*"ab 1.,-x\u00a0", "मंसिर", "२०८३", "क्ष", "ि", "्", "日", "…"]), max_size=6
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_simple_matches_tabulate(data: st.DataObject) -> None:
    count = data.draw(st.integers(1, 4))
    headers = data.draw(st.lists(CELL, min_size=count, max_size=count))
    right = data.draw(st.lists(st.booleans(), min_size=count, max_size=count))
    body = data.draw(st.lists(st.lists(CELL, min_size=count, max_size=count), min_size=1))
    assert _draw_simple(body, headers, right) == _draw_tabulate(body, headers, right, "simple")


@pytest.mark.parametrize(
    ("body", "headers", "right"),
    [
        (
            [["ad", "2026-12-08"], ["holiday", ""], ["bs_ne", "२२ मंसिर २०८३"]],
            ["field", "value"],
            [0, 0],
        ),
        ([["  padded  ", "1,35,20,250.00"], ["x", "▲ 100.00"]], ["name", "amount"], [0, 1]),
        ([["True", "False"], ["", "True"]], ["a", "a very long header"], [1, 0]),
        ([["", ""]], ["", ""], [0, 0]),
    ],
)
def test_shapes_npkit_draws(body: list[list[str]], headers: list[str], right: list[int]) -> None:
    aligned = [bool(r) for r in right]
    drawn = _draw_simple(body, headers, aligned)
    assert drawn is not None
    assert drawn == _draw_tabulate(body, headers, aligned, "simple")


@pytest.mark.parametrize("odd", ["two\nlines", "\x1b[32mgreen\x1b[0m", "\x01", "cr\r"])
def test_what_tabulate_draws_its_own_way_is_left_to_it(odd: str) -> None:
    body = [["plain", odd]]
    assert _draw_simple(body, ["a", "b"], [False, False]) is None
    assert _draw(body, ["a", "b"], [False, False], "simple") == _draw_tabulate(
        body, ["a", "b"], [False, False], "simple"
    )
