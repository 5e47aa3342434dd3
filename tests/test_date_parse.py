"""Reading dates as people type them, and refusing what is ambiguous."""

from __future__ import annotations

import contextlib
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from npkit import dates, days
from npkit.errors import UsageError

MANGSIR_11 = dates.ParsedDate("bs", 2081, 8, 11)


@pytest.mark.parametrize(
    "text",
    [
        "bs:2081-08-11",
        "BS: 2081/8/11",
        "2081-08-11 BS",
        "2081.08.11 B.S.",
        "२०८१-०८-११",  # Devanagari digits mean BS
        "२०८१/८/११",
        "11 Mangsir 2081",
        "Mangsir 11, 2081",
        "2081 Mansir 11",
        "11 marga 2081",
        "मंसिर ११, २०८१",
        "२०८१ मंसिर ११ गते",
        "२०८१ मङ्सिर ११",
        "मंगलबार, ११ मंसिर २०८१",
        "२०८१ मंसिर ११ वि.सं.",
        "  11   MANGSIR   2081  ",
    ],
)
def test_bs_spellings(text: str) -> None:
    assert dates.parse_date(text) == MANGSIR_11


@pytest.mark.parametrize(
    "text",
    ["2024-11-26", "2024/11/26", "ad:2024-11-26", "Nov 26, 2024", "26 November 2024",
     "Tuesday, 26 Nov 2024", "२०२४ नोभेम्बर २६", "2024-11-26 AD"],
)  # fmt: skip
def test_ad_spellings(text: str) -> None:
    assert dates.parse_to_ad(text) == date(2024, 11, 26)


@pytest.mark.parametrize(
    ("month", "spellings"),
    [
        (1, "Baishakh Baisakh वैशाख बैशाख"),
        (2, "Jestha Jeth जेठ जेष्ठ"),
        (3, "Asar Ashadh असार आषाढ"),
        (4, "Shrawan Saun साउन श्रावण"),
        (5, "Bhadra Bhadau भदौ भाद्र"),
        (6, "Ashwin Asoj असोज आश्विन"),
        (7, "Kartik Kattik कात्तिक कार्तिक"),
        (8, "Mangsir Mansir Marga मंसिर मङ्सिर"),
        (9, "Poush Push Paush पुस पौष"),
        (10, "Magh माघ"),
        (11, "Falgun Phagun फागुन फाल्गुन फाल्गुण"),
        (12, "Chaitra Chait चैत चैत्र"),
    ],
)
def test_month_spellings(month: int, spellings: str) -> None:
    for spelling in spellings.split():
        assert dates.parse_date(f"1 {spelling} 2081") == ("bs", 2081, month, 1), spelling
        assert dates.parse_bs_month(spelling) == month


def test_assume_decides_numeric_input_only() -> None:
    assert dates.parse_date("2081-08-11", "bs") == MANGSIR_11
    assert dates.parse_date("2024-11-26").calendar == "ad"
    assert dates.parse_date("11 Mangsir 2081", "ad") == MANGSIR_11  # the name decides
    assert dates.parse_date("२०८१-०८-११", "ad").calendar == "ad"  # an explicit --from wins


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("11/08/2081", "ambiguous"),
        ("08-11-2081", "ambiguous"),
        ("", "empty date"),
        ("   ", "empty date"),
        ("junk", "not a date I can read"),
        ("2081", "not a date I can read"),
        ("11 Mangsir", "not a date I can read"),
        ("11 Mangsir Poush 2081", "not a date I can read"),
        ("ad:11 Mangsir 2081", "names a BS month but says ad"),
        ("bs:Nov 26 2024", "names a AD month but says bs"),
        ("2081-02-33 BS", "Jestha 2081 has 32 days"),
        ("2081-02-33", "Jestha 2081 has 32 days"),  # 2081 can only be BS (issue #10)
        ("ad:2081-02-33", "a BS date\\? write bs:YYYY-MM-DD"),
        ("2150-01-01", "outside the supported range AD"),
        ("bs:2150-01-01", "outside the supported range BS"),
        ("2024-02-30", "AD 2024-02-30 does not exist"),
    ],
)
def test_refusals_name_the_input(text: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        dates.parse_to_ad(text)


@given(st.text(max_size=40))
def test_parsing_junk_raises_only_usage_errors(text: str) -> None:
    with contextlib.suppress(UsageError):
        dates.parse_to_ad(text)


@given(
    st.text(alphabet="0123456789०१२३४५६७८९-/., :abdsADBSMangsirमंसिरगते", max_size=25),
    st.sampled_from([None, "ad", "bs"]),
)
def test_parsing_date_like_junk_raises_only_usage_errors(text: str, assume: str | None) -> None:
    with contextlib.suppress(UsageError):
        dates.parse_to_ad(text, assume)


@given(st.dates(min_value=dates.first_day()[0], max_value=dates.last_day()[0]))
def test_every_written_form_reads_back(day: date) -> None:
    record = days.Day(day)
    for text in (
        record.ad.isoformat(),
        f"bs:{record.bs.isoformat()}",
        record.bs_en,
        record.bs_ne,
        dates.to_devanagari_digits(record.bs),
        f"{record.weekday}, {record.bs_en}",
    ):
        assert dates.parse_to_ad(text) == day, text  # fmt: skip


def test_iso_days_read_alike_by_the_quick_path_and_the_whole_reader() -> None:
    """parse_day reads ``YYYY-MM-DD`` with a C-level parse first; every day of the range
    (each 7th, and both ends) and days just outside it read exactly as parse_date reads them,
    in every order and calendar that applies; outside the range the whole reader's error
    (or its BS reading of a year past AD 2044) stands."""
    from datetime import timedelta

    first, last = dates.first_day()[0], dates.last_day()[0]
    edges = [first + timedelta(days=k) for k in range(-3, 4)]
    edges += [last + timedelta(days=k) for k in range(-3, 4)]
    every_7th = [first + timedelta(days=k) for k in range(0, (last - first).days, 7)]
    for day in [*edges, *every_7th]:
        text = day.isoformat()
        for assume in (None, "ad"):
            for order in (None, "dmy", "mdy"):
                whole = dates.parse_date(text, assume, order=order)
                try:
                    expected: object = (whole.to_ad(), dates.ad_to_bs(whole.to_ad()))
                except UsageError as exc:
                    expected = str(exc)
                try:
                    got: object = dates.parse_day(text, assume, order=order)
                except UsageError as exc:
                    got = str(exc)
                assert got == expected or (isinstance(got, str) and str(expected) in got)
    assert dates.parse_day("2081-08-11")[0] == date(2024, 11, 26)  # BS: past AD's range
    with pytest.raises(UsageError, match="does not exist"):
        dates.parse_day("2024-02-30")
    assert dates.parse_day("२०८१-०८-११")[0] == date(2024, 11, 26)  # Devanagari digits: BS
