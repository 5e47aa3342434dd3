"""Dates as people type them (issue #10): today/yesterday/tomorrow, timestamps, BS-only years,
day-first and month-first numbers, fixed layouts, fiscal year labels, hints."""

from __future__ import annotations

import contextlib
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from npkit import dates
from npkit.dates.parse import parse_date, parse_day, parse_fiscal_label, parse_layout
from npkit.errors import UsageError

MANGSIR_11 = (2081, 8, 11)


@pytest.fixture(autouse=True)
def today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NPKIT_TODAY", "2026-12-01")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", date(2026, 12, 1)),
        ("Today", date(2026, 12, 1)),
        ("yesterday", date(2026, 11, 30)),
        ("tomorrow", date(2026, 12, 2)),
        ("आज", date(2026, 12, 1)),
        ("हिजो", date(2026, 11, 30)),
        ("भोलि", date(2026, 12, 2)),
    ],
)
def test_relative_days_follow_npkit_today(text: str, expected: date) -> None:
    assert dates.parse_to_ad(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-08-17T10:15:00+05:45", date(2026, 8, 17)),
        ("2026-08-17 00:00:24", date(2026, 8, 17)),  # naive: the day as written
        ("2026-08-16T20:00:00Z", date(2026, 8, 17)),  # 01:45 in Nepal
        ("2026-08-16T18:14:59+00:00", date(2026, 8, 16)),  # 23:59:59 in Nepal
        ("2026-08-17T04:55:40.199+00:00", date(2026, 8, 17)),  # FENEGOSIDA's todayDate
        ("2026-08-17T10:15", date(2026, 8, 17)),
    ],
)
def test_iso_timestamps_are_their_day_in_nepal(text: str, expected: date) -> None:
    assert dates.parse_to_ad(text) == expected


def test_commands_for_published_data_read_them_too() -> None:
    """``npkit gold --date yesterday``, ``npkit fx --date today``: through ``as_date``."""
    assert dates.as_date("yesterday") == date(2026, 11, 30)
    dates.check_not_future(dates.as_date("today"), dates.today_ad())


def test_npkit_reads_its_own_published_field() -> None:
    assert dates.parse_to_ad("2026-08-17T00:00:24+05:45") == date(2026, 8, 17)


@pytest.mark.parametrize("text", ["2081-08-11", "2081/8/11", "2081.08.11", "2081-8-11"])
def test_a_year_only_bs_has_is_bs(text: str) -> None:
    assert parse_date(text) == ("bs", *MANGSIR_11)


def test_bs_year_rule_edges() -> None:
    assert parse_date("2044-01-01").calendar == "ad"  # AD's last year
    assert parse_date("2045-01-01").calendar == "bs"
    assert parse_date("2100-01-01").calendar == "bs"
    assert parse_date("2101-01-01").calendar == "ad"  # out of range either way: stays AD
    assert parse_date("2030-01-01").calendar == "ad"  # 1975–2044 is strictly AD
    assert parse_date("2081-08-11", "ad").calendar == "ad"  # --from ad insists
    assert parse_date("ad:2081-08-11").calendar == "ad"
    with pytest.raises(UsageError, match="a BS date"):
        parse_day("ad:2081-08-11")


def test_bs_year_rule_notes_once(capsys: pytest.CaptureFixture[str]) -> None:
    from npkit import console
    from npkit.dates import parse

    parse._noted.clear()
    console.route_library_logging()  # the note is a log record; the CLI shows it on stderr
    console.set_verbosity(console.VERBOSE)
    try:
        parse_date("2081-08-11")
        parse_date("2082-01-01")
    finally:
        console.set_verbosity(console.NORMAL)
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "read '2081-08-11' as BS" in err


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("26/11/2024", None, date(2024, 11, 26)),
        ("11/26/2024", None, date(2024, 11, 26)),
        ("26-11-2024", None, date(2024, 11, 26)),
        ("26.11.2024", None, date(2024, 11, 26)),
        ("05/05/2024", None, date(2024, 5, 5)),  # both readings agree
        ("05/11/2024", "dmy", date(2024, 11, 5)),
        ("05/11/2024", "mdy", date(2024, 5, 11)),
        ("११/०८/२०८१", "dmy", date(2024, 11, 26)),  # Devanagari digits: BS
        ("11/08/2081", "dmy", date(2024, 11, 26)),  # 2081: BS
    ],
)
def test_day_first_and_month_first(text: str, order: str | None, expected: date) -> None:
    assert dates.parse_to_ad(text, order=order) == expected


def test_truly_ambiguous_is_still_refused_with_what_to_do() -> None:
    with pytest.raises(UsageError, match=r"ambiguous .*--dayfirst or --monthfirst"):
        parse_date("05/11/2024")
    with pytest.raises(UsageError, match="not a date I can read"):
        parse_date("26/26/2024")


@pytest.mark.parametrize(
    ("text", "layout", "assume", "expected"),
    [
        ("26/11/2024", "%d/%m/%Y", None, date(2024, 11, 26)),
        ("05/11/2024", "%d/%m/%Y", None, date(2024, 11, 5)),
        ("11.08.2081", "%d.%m.%Y", "bs", date(2024, 11, 26)),
        ("11 Mangsir 2081", "%d %B %Y", None, date(2024, 11, 26)),
        ("2024 Nov 26", "%Y %b %d", None, date(2024, 11, 26)),
        ("२०८१/८/११", "%Y/%-m/%-d", None, date(2024, 11, 26)),
    ],
)
def test_fixed_input_layout(text: str, layout: str, assume: str | None, expected: date) -> None:
    assert parse_layout(text, layout, assume).to_ad() == expected
    assert dates.parse_to_ad(text, assume, layout=layout) == expected


def test_fixed_layout_refusals() -> None:
    with pytest.raises(UsageError, match="does not match --input-format"):
        parse_layout("2024-11-26", "%d/%m/%Y")
    with pytest.raises(UsageError, match="unknown directive '%q'"):
        parse_layout("x", "%q")
    with pytest.raises(UsageError, match="needs %Y, %d and %m"):
        parse_layout("x", "%Y")
    with pytest.raises(UsageError, match="did you mean 'Mangsir'"):
        parse_layout("11 Mangsr 2081", "%d %B %Y")


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("11 Mangsr 2081", "Mangsir"),
        ("11 Baisakhh 2081", "Baishakh"),
        ("Novembr 26 2024", "November"),
    ],
)
def test_close_month_names_get_did_you_mean(text: str, suggestion: str) -> None:
    with pytest.raises(UsageError, match=f"did you mean '{suggestion}'"):
        parse_date(text)


@pytest.mark.parametrize("text", ["junk", "11 Mangsir", "2081", "11 Xyzzy 2081"])
def test_unreadable_dates_say_what_to_do(text: str) -> None:
    with pytest.raises(UsageError, match=r"write YYYY-MM-DD .* or DAY MONTH YEAR"):
        parse_date(text)


def test_a_huge_line_is_quoted_short() -> None:
    with pytest.raises(UsageError) as caught:
        parse_date("x" * 10_000_000)
    assert len(str(caught.value)) < 300 and "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("text", "start"),
    [("2081/82", 2081), ("2081", 2081), ("२०८१/८२", 2081), ("FY 2081/82", 2081),
     ("2081/2082", 2081), ("2099/00", 2099), ("2024-11-26", None), ("11 Mangsir 2081", None)],
)  # fmt: skip
def test_fiscal_year_labels(text: str, start: int | None) -> None:
    assert parse_fiscal_label(text) == start


def test_fiscal_year_label_refusals() -> None:
    with pytest.raises(UsageError, match="write 2081/82"):
        parse_fiscal_label("2081/83")
    with pytest.raises(UsageError, match="outside BS"):
        parse_fiscal_label("2200/01")


@given(
    st.text(alphabet="0123456789०१२३४५६७८९-/.:TZ+ ", max_size=30),
    st.sampled_from([None, "dmy", "mdy"]),
)
def test_number_junk_raises_only_usage_errors(text: str, order: str | None) -> None:
    with contextlib.suppress(UsageError):
        dates.parse_to_ad(text, order=order)


@given(st.dates(min_value=date(1975, 1, 1), max_value=dates.last_day()[0]))
def test_day_first_with_order_reads_back(day: date) -> None:
    assert dates.parse_to_ad(f"{day.day:02d}/{day.month:02d}/{day.year}", order="dmy") == day
    assert dates.parse_to_ad(f"{day.month}/{day.day}/{day.year}", order="mdy") == day
