"""npkit.land: exact areas (ropani-aana-paisa-daam, bigha-kattha-dhur, sq ft, m², acre,
hectare), rounding once at the end, and there-and-back round trips."""

from __future__ import annotations

import contextlib
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from npkit import land
from npkit.errors import UsageError

# The definitions, written out (not read from the module under test).
SQFT = {
    "ropani": Fraction(5476), "aana": Fraction(5476, 16), "paisa": Fraction(5476, 64),
    "daam": Fraction(5476, 256), "bigha": Fraction(72900), "kattha": Fraction(3645),
    "dhur": Fraction(72900, 400), "sqft": Fraction(1), "acre": Fraction(43560),
    "m2": 1 / Fraction("0.3048") ** 2, "hectare": 10000 / Fraction("0.3048") ** 2,
}  # fmt: skip


def test_unit_sizes_are_the_definitions() -> None:
    assert {name: unit.sqft for name, unit in land.UNITS.items()} == SQFT


@pytest.mark.parametrize(
    ("text", "sqft"),
    [
        ("2-5-3-1 ropani", 2 * 5476 + 5 * Fraction(5476, 16) + 3 * Fraction(5476, 64)
         + Fraction(5476, 256)),
        ("1-2-5 bigha", 72900 + 2 * 3645 + 5 * Fraction(729, 4)),
        ("2 ropani 5 aana", 2 * 5476 + 5 * Fraction(5476, 16)),
        ("१-५-२-० रोपनी", 5476 + 5 * Fraction(5476, 16) + 2 * Fraction(5476, 64)),
        ("5476 sq ft", 5476), ("5476sqft", 5476), ("1 acre", 43560),
        ("508.737 m2", Fraction("508.737") / Fraction("0.09290304")),
        ("2-5 ropani", 2 * 5476 + 5 * Fraction(5476, 16)),
        ("3 kattha 10 dhur", 3 * 3645 + 10 * Fraction(729, 4)),
        ("0.5 ha", 5000 / Fraction("0.09290304")),
    ],
)  # fmt: skip
def test_read_area(text: str, sqft: Fraction) -> None:
    assert land.read_area(text) == sqft


@pytest.mark.parametrize(
    ("text", "to", "result", "exact"),
    [
        ("2-5-3-1 ropani", "sqft", "12,941.33 sq ft", False),
        ("2-5-3-1 ropani", None, "0-3-11.01 bigha", False),
        ("1-2-5 bigha", None, "14-12-3-3.44 ropani", False),
        ("1 ropani", "m2", "508.74 m²", False),
        ("1 ropani", "sqft", "5,476.00 sq ft", True),
        ("1 bigha", "kattha", "20.00 kattha", True),
        ("13 ropani", "bigha", "0-19-10.61 bigha", False),
        ("1 hectare", "m2", "10,000.00 m²", True),
        ("5476 sqft", None, "1-0-0-0 ropani", True),
        ("0 ropani", None, "0-0-0 bigha", True),
    ],
)  # fmt: skip
def test_convert(text: str, to: str | None, result: str, exact: bool) -> None:
    record = land.convert(text, to=to)
    assert (record.result, record.exact) == (result, exact)


def test_rounding_happens_once_and_carries() -> None:
    # 19.999 dhur rounds to 20 dhur: written as a whole kattha, not 0-0-20
    sqft = Fraction(72900, 400) * Fraction("19.999")
    assert land.mixed(sqft, "bigha")[0] == "0-1-0 bigha"
    assert land.convert("1 ropani", to="m2", places=4).result == "508.7370 m²"
    assert land.convert("1 ropani", to="ropani", decimal=True).result == "1.00 ropani"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2-17 ropani", "17 aana is a whole ropani"),
        ("1-2-3-4-5 ropani", "not 5 places"),
        ("5", "say the unit"),
        ("ropani", "no number before it"),
        ("-5 sqft", "cannot be negative"),
        ("2 furlongs", "unknown unit 'furlongs'"),
        ("5-2 sqft", "has no places"),
        ("1-25 bigha", "25 kattha is a whole bigha"),
        ("", "give an area"),
        ("1.2.3 ropani", "not a number"),
    ],
)
def test_bad_areas(text: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        land.convert(text)


AREAS = st.fractions(min_value=0, max_value=10**7, max_denominator=10**6)


@given(AREAS, st.sampled_from(sorted(land.UNITS)))
def test_there_and_back_is_exact(sqft: Fraction, unit: str) -> None:
    assert land.in_unit(sqft, unit) * land.UNITS[unit].sqft == sqft


@given(AREAS, st.sampled_from(["ropani", "bigha"]), st.integers(min_value=0, max_value=4))
def test_mixed_reads_back_within_half_a_last_place(
    sqft: Fraction, system: str, places: int
) -> None:
    text, _ = land.mixed(sqft, system, places)
    back = land.read_area(text)
    smallest = land.UNITS[land.SYSTEMS[system][-1]].sqft
    assert abs(back - sqft) <= smallest * Fraction(1, 2 * 10**places)


@given(
    st.integers(0, 50), st.integers(0, 15), st.integers(0, 3), st.integers(0, 3),
    st.sampled_from(["sqft", "m2", "bigha", "hectare", "acre"]),
)  # fmt: skip
def test_ropani_there_and_back_through_any_unit(r: int, a: int, p: int, d: int, via: str) -> None:
    """R-A-P-D → another unit at 10 decimals → back to R-A-P-D gives the same places."""
    start = f"{r}-{a}-{p}-{d} ropani"
    there = land.convert(start, to=via, places=10, decimal=True)
    back = land.convert(f"{format(there.value, 'f')} {via}", to="ropani", places=2)
    assert back.result == f"{r}-{a}-{p}-{d} ropani"


@given(st.text(max_size=30))
def test_junk_raises_only_usage_errors(text: str) -> None:
    with contextlib.suppress(UsageError):
        land.convert(text)


def test_metric_is_by_the_exact_foot() -> None:
    assert land.to_metric(Fraction(1)) == Fraction("0.09290304")
    assert land.convert("1 ropani", to="m2", places=6).value == Decimal("508.737047")


def test_huge_areas_stay_exact() -> None:
    record = land.convert("99999999999999999999999999999999 ropani", to="sqft")
    assert record.value == 5476 * (10**32 - 1) and record.exact
    text, _ = land.mixed(Fraction(72900 * 10**40 + 3645), "bigha")
    assert text == "1" + "0" * 40 + "-1-0 bigha"
