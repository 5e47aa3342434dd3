"""``--nepali`` on the patro commands (issue 18): Nepali names, Devanagari digits and Nepali
headers in tables, cards and sentences; the data formats unchanged; ``[date] nepali`` in the
config file makes it the default and ``--english``/``--no-nepali`` override it for one call."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from pathlib import Path

import pytest

from npkit import dates, patro
from npkit.digits import ASCII_DIGITS, DEVANAGARI_DIGITS
from npkit.errors import ExitCode
from npkit.output import nepali
from npkit.output.table import Layout
from npkit.patro.notices import SCOPES, SCOPES_NE
from tests.conftest import Npkit

COMMANDS = [
    ["date", "today", "-f", "table"],
    ["date", "festivals", "2083"],
    ["date", "holidays", "2083"],
    ["date", "next", "dashain", "--after", "2026-12-01"],
    ["date", "next", "holiday", "--after", "2026-12-01"],
    ["date", "is-holiday", "2026-10-20", "2026-12-01"],
    ["date", "cal", "2083", "8"],
]
"""Every command that speaks Nepali, in the form a table (or sentence, or grid) answers."""


def write_config(home: Path, text: str) -> None:
    (home / "config.toml").write_text(text, encoding="utf-8")


def header(table: str) -> list[str]:
    """A table's header cells (split on two spaces: a Nepali header may be two words)."""
    lines = table.splitlines()
    rule = next(i for i, line in enumerate(lines) if line.startswith("--"))
    return re.split(r"\s{2,}", lines[rule - 1].strip())


def has_ascii_digit(text: str) -> bool:
    return any(ch in ASCII_DIGITS for ch in text)


@pytest.fixture(autouse=True)
def today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NPKIT_TODAY", "2026-12-01")


# ---------------------------------------------------------------- tables


def test_festivals_in_nepali(npkit: Npkit) -> None:
    english = npkit("date", "festivals", "2083")
    shown = npkit("date", "festivals", "2083", "--nepali")
    assert shown.exit_code == 0, shown.stderr
    assert header(english.stdout) == ["id", "name", "name_ne", "ad", "bs", "source"]
    assert header(shown.stdout) == ["id", "नाम", "ईस्वी", "वि.सं.", "स्रोत"]  # name once
    rows = shown.stdout.splitlines()[2:]
    assert len(rows) == len(english.stdout.splitlines()[2:])
    first = rows[0].split()
    assert first[0] == "nepali_new_year"  # an id stays as typed: `date next` takes it
    assert "नयाँ वर्ष" in rows[0] and "New Year" not in shown.stdout
    assert "२०८३-०१-०१" in rows[0] and "२०२६-०४-१४" in rows[0] and rows[0].endswith("गणना")
    assert not has_ascii_digit(shown.stdout.replace("_", ""))  # ids hold no digits here


def test_holidays_in_nepali_say_whom_and_how_sure(npkit: Npkit) -> None:
    shown = npkit("date", "holidays", "2083", "--ne").stdout
    assert header(shown) == ["ईस्वी", "वि.सं.", "बार", "नाम", "कसलाई", "स्थिति", "स्रोत"]
    gai_jatra = next(line for line in shown.splitlines() if "गाईजात्रा" in line)
    assert "२०८३-०५-१३" in gai_jatra and "शनिबार" in gai_jatra
    assert "काठमाडौं उपत्यकामा" in gai_jatra and "निश्चित" in gai_jatra
    assert "गृह मन्त्रालयको सूचना २०८३" in gai_jatra
    likely = npkit("date", "holidays", "2085", "--nepali")
    assert likely.exit_code == 0 and "सम्भावित" in likely.stdout
    assert "no holiday notice for BS 2085" in likely.stderr  # messages stay one English line


def test_next_in_nepali_counts_the_days_in_devanagari(npkit: Npkit) -> None:
    shown = npkit("date", "next", "dashain", "--after", "2026-12-01", "--nepali").stdout
    assert header(shown) == ["id", "नाम", "ईस्वी", "वि.सं.", "बार", "बाँकी दिन", "स्रोत"]
    row = shown.splitlines()[2]
    assert "विजया दशमी" in row and "२०८४-०६-२४" in row and "आइतबार" in row
    assert re.search(r"\s३१३\s", row)  # right-aligned as a number


def test_is_holiday_answers_in_nepali_with_the_same_exit_status(npkit: Npkit) -> None:
    yes = npkit("date", "is-holiday", "2026-10-20", "--nepali")
    assert yes.exit_code == ExitCode.OK
    assert yes.stdout == "२०८३-०७-०३ (२०२६-१०-२०, मंगलबार): बिदा: दशैं बिदा\n"
    no = npkit("date", "is-holiday", "2026-12-01", "--scope", "women", "--ne")
    assert no.exit_code == ExitCode.NO
    assert no.stdout == "२०८३-०८-१५ (२०२६-१२-०१, मंगलबार): बिदा होइन: कामको दिन (महिलालाई)\n"
    saturday = npkit("date", "is-holiday", "2026-12-05", "--nepali")
    assert saturday.stdout.endswith("बिदा: शनिबार\n")
    likely = npkit("date", "is-holiday", "2027-04-14", "--nepali")
    assert likely.exit_code == ExitCode.OK and likely.stdout.endswith("नयाँ वर्ष (सम्भावित)\n")
    table = npkit("date", "is-holiday", "2026-10-20", "--ne", "--fields", "bs,reason,status")
    assert header(table.stdout) == ["वि.सं.", "कारण", "स्थिति"]
    assert table.stdout.splitlines()[2].split() == ["२०८३-०७-०३", "दशैं", "बिदा", "निश्चित"]
    assert npkit("date", "is-holiday", "-s", "--ne", "2026-12-01").stdout == ""


def test_today_table_in_nepali_one_field_a_line(npkit: Npkit) -> None:
    shown = npkit("date", "today", "-f", "table", "--nepali").stdout
    lines = shown.splitlines()
    assert lines[0].split() == ["विवरण", "मान"]
    cells = dict(
        re.split(r"\s{2,}", line.strip(), maxsplit=1) for line in lines[2:] if "  " in line
    )
    assert cells["वि.सं."] == "२०८३-०८-१५" and cells["बार"] == "मंगलबार"
    assert cells["मिति"] == "१५ मंसिर २०८३" and cells["तिथि"] == "अष्टमी"
    assert cells["पक्ष"] == "कृष्ण" and cells["तिथि सकिने"] == "२०२६-१२-०२ ०४:१६"
    assert cells["सूर्योदय"] == "०६:३७" and cells["बिदाको दिन"] == "होइन"
    assert cells["पर्व"] == "भौमाष्टमी व्रत;विश्व एड्स दिवस"
    assert "Tuesday" not in shown and "Ashtami" not in shown  # the twins: Nepali, once
    asked = npkit("date", "today", "--fields", "tithi_name,tithi_ne,sunrise", "--ne").stdout
    assert [line.split()[0] for line in asked.splitlines()[2:]] == ["तिथि", "सूर्योदय"]


# ---------------------------------------------------------------- data formats unchanged


@pytest.mark.parametrize("args", COMMANDS)
@pytest.mark.parametrize("form", [["--json"], ["-f", "csv"], ["-f", "ndjson"], ["-f", "tsv"]])
def test_data_formats_are_the_same_in_both_languages(
    npkit: Npkit, args: list[str], form: list[str]
) -> None:
    plain = [*[a for a in args if a not in ("-f", "table")], *form]
    english, nepali_ = npkit(*plain), npkit(*plain, "--nepali")
    assert english.exit_code == nepali_.exit_code and english.stdout
    assert english.stdout == nepali_.stdout  # keys and values: the *_ne fields carry Nepali


def test_raw_is_for_scripts_in_both_languages(npkit: Npkit) -> None:
    args = ["date", "today", "--fields", "bs,tithi_ne", "-f", "raw"]
    assert npkit(*args, "--nepali").stdout == npkit(*args).stdout == "2083-08-15\tअष्टमी\n"


# ---------------------------------------------------------------- the config default


def test_config_makes_nepali_the_default_and_english_overrides(
    npkit: Npkit, isolated_settings: Path
) -> None:
    english = {tuple(args): npkit(*args).stdout for args in COMMANDS}
    asked = {tuple(args): npkit(*args, "--nepali").stdout for args in COMMANDS}
    write_config(isolated_settings, "[date]\nnepali = true\n")
    for args in COMMANDS:
        assert english[tuple(args)] != asked[tuple(args)], args
        assert npkit(*args).stdout == asked[tuple(args)], args
        assert npkit(*args, "--english").stdout == english[tuple(args)], args
        assert npkit(*args, "--no-nepali").stdout == english[tuple(args)], args
    rows = npkit.json("config", "--json")
    assert {"setting": "date.nepali", "value": "true", "origin": "config file: date.nepali"} in (
        rows
    )
    write_config(isolated_settings, "[date]\nnepali = false\n")
    assert npkit("date", "festivals", "2083").stdout == english[("date", "festivals", "2083")]


def test_the_setting_is_off_without_a_config_file(npkit: Npkit) -> None:
    rows = npkit.json("config", "--json")
    assert {"setting": "date.nepali", "value": "false", "origin": "default"} in rows


@pytest.mark.parametrize("value", ['"yes"', "1", '"ne"'])
def test_a_bad_setting_is_one_line_exit_2(
    npkit: Npkit, isolated_settings: Path, value: str
) -> None:
    write_config(isolated_settings, f"[date]\nnepali = {value}\n")
    for args in (["date", "today"], ["date", "festivals"], ["date", "is-holiday"]):
        result = npkit(*args)
        assert result.exit_code == ExitCode.USAGE and result.stdout == ""
        assert result.stderr.count("\n") == 1
        assert "date.nepali must be true or false" in result.stderr


def test_other_commands_ignore_the_setting(npkit: Npkit, isolated_settings: Path) -> None:
    before = npkit("date", "convert", "2024-11-26").stdout
    write_config(isolated_settings, "[date]\nnepali = true\n")
    assert npkit("date", "convert", "2024-11-26").stdout == before


# ---------------------------------------------------------------- the vocabulary


def test_every_offered_scope_has_a_nepali_name() -> None:
    assert set(SCOPES_NE) == set(SCOPES)
    assert all(not has_ascii_digit(name) and name.isprintable() for name in SCOPES_NE.values())
    assert nepali.scope("newar+women") == "नेवार समुदायलाई, महिलालाई"
    assert nepali.scope("my_office") == "my_office"  # a user's own word, as written


@pytest.mark.parametrize(
    ("column", "value", "shown"),
    [
        ("ad", date(2026, 12, 1), "२०२६-१२-०१"),
        ("bs", dates.ad_to_bs(date(2026, 12, 1)), "२०८३-०८-१५"),
        ("sunrise", time(6, 37), "०६:३७"),
        ("tithi_end", datetime(2026, 12, 2, 4, 16), "२०२६-१२-०२ ०४:१६"),
        ("days", 313, "३१३"),
        ("weekday", "Sunday", "आइतबार"),
        ("paksha", "shukla", "शुक्ल"),
        ("status", "likely", "सम्भावित"),
        ("source", "MoHA notice 2083", "गृह मन्त्रालयको सूचना २०८३"),
        ("source", "computed", "गणना"),
        ("source", "nepdate-patro", "nepdate-patro"),
        ("source", "festivals_2080.csv (3 of 3 patros)", "festivals_2080.csv (3 of 3 patros)"),
        ("day_off", True, "हो"),
        ("adhik", False, "होइन"),
        ("id", "bs_date", "bs_date"),
        ("holiday", None, ""),
    ],
)
def test_cells_as_a_nepali_reader_reads_them(column: str, value: object, shown: str) -> None:
    assert nepali.cell(column, value) == shown


def test_a_days_holiday_and_events_in_nepali() -> None:
    day = patro.day(date(2026, 9, 14))  # Teej: for women
    teej = next(h for h in day.holidays if h.scope == "women")
    assert nepali.cell("holiday", teej) == f"{teej.name_ne} (महिलालाई)"
    events = nepali.cell("events", day.events)
    assert events.split(";") == [event.name_ne for event in day.events]


def test_the_nepali_view_shows_each_twin_once_and_keeps_the_bs_date_last() -> None:
    columns, layout = nepali.view(
        ("id", "name", "name_ne", "ad", "bs", "source"),
        ("id", "name", "name_ne", "ad", "bs", "source"),
        Layout(drop=("source", "id", "bs", "name_ne")),
    )
    assert columns == ("id", "name_ne", "ad", "bs", "source")
    assert layout.drop == ("source", "id", "ad", "name")  # the AD date goes, the BS stays
    # a record without a Nepali twin keeps its column (translated cell by cell)
    columns, _ = nepali.view(("ad", "weekday", "name"), ("ad", "weekday", "name"), Layout())
    assert columns == ("ad", "weekday", "name")


def test_every_day_field_has_a_nepali_header() -> None:
    from npkit.days import FIELD_NAMES

    missing = [name for name in FIELD_NAMES if name not in nepali.HEADERS]
    assert missing == []
    assert all(not set(nepali.HEADERS[name]) & set("abcdefghijklmnopqrstuvwxyz")
               for name in FIELD_NAMES)  # fmt: skip
    assert set(DEVANAGARI_DIGITS).isdisjoint("".join(nepali.HEADERS))
