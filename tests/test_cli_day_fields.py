"""What users saw before the day vocabulary (issue 15): each day field accepted and written the
same in every day command. Written without npkit.days, so each test runs (and fails) on the
code from before it too."""

from __future__ import annotations

import io

import pytest

from npkit import patro
from npkit.output import OutputSpec, render
from tests.conftest import Npkit


def test_sunrise_is_hh_mm_in_convert_as_in_today(
    npkit: Npkit, monkeypatch: pytest.MonkeyPatch
) -> None:
    convert = npkit("date", "convert", "2024-11-26", "--fields", "sunrise", "-f", "csv")
    assert convert.stdout == "sunrise\n06:33\n"
    assert npkit.json("date", "convert", "2024-11-26", "--fields", "sunrise,sunset", "--json") == [
        {"sunrise": "06:33", "sunset": "17:09"}
    ]
    monkeypatch.setenv("NPKIT_TODAY", "2024-11-26")
    assert npkit("date", "today", "--fields", "sunrise", "-f", "raw").stdout == "06:33\n"


def test_today_takes_the_period_fields(npkit: Npkit, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NPKIT_TODAY", "2024-11-26")
    result = npkit("date", "today", "--fields", "fiscal_year,quarter,bs_month_name", "-f", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "fiscal_year,quarter,bs_month_name\n2081/82,Q2,Mangsir\n"


def test_convert_and_column_take_the_patro_fields_today_has(npkit: Npkit) -> None:
    fields = "holiday,events,tithi_end,lunar_month_ne"
    (record,) = npkit.json("date", "convert", "2024-10-12", "--fields", fields, "--json")
    assert record == {
        "holiday": {
            "name": "Dashain holidays",
            "name_ne": "दशैं बिदा",
            "scope": "everyone",
            "status": "confirmed",
            "source": "nepdate-patro",
            "provenance": "nepdate-patro 0.1.0b1 holiday flag",
        },
        "events": [
            {"id": "vijaya_dashami", "name": "Vijaya Dashami", "name_ne": "विजया दशमी"},
            {"id": "devi_visarjan", "name": "Devi Visarjan", "name_ne": "देवी विसर्जन"},
        ],
        "tithi_end": "2024-10-13T04:26:00+05:45",
        "lunar_month_ne": "आश्विन",
    }
    sheet = npkit("date", "convert", "--column", "d", "--add", fields, input="d\n2024-10-12\n")
    assert sheet.exit_code == 0, sheet.stderr
    assert sheet.stdout == (
        "d,d_holiday,d_events,d_tithi_end,d_lunar_month_ne\n"
        "2024-10-12,Dashain holidays,Vijaya Dashami;Devi Visarjan,2024-10-13T04:26:00+05:45,आश्विन\n"
    )


def test_a_bs_date_through_the_public_output_is_iso() -> None:
    """Patro records rendered by a library user: the BS date was written ``2081;8;11``."""
    (dashain,) = [f for f in patro.festivals(2081) if f.id == "vijaya_dashami"]
    for fmt, expected in (
        ("csv", "bs\n2081-06-26\n"),
        ("tsv", "bs\n2081-06-26\n"),
        ("raw", "2081-06-26\n"),
        ("json", '[\n  {"bs": "2081-06-26"}\n]\n'),
    ):
        stream = io.StringIO()
        render([dashain], OutputSpec(fmt, ("bs",)), patro.FestivalDay, stream)
        assert stream.getvalue() == expected, fmt
    stream = io.StringIO()
    render([dashain], OutputSpec("table", ("bs",), True), patro.FestivalDay, stream)
    assert "2081-06-26" in stream.getvalue()
