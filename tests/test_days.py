"""npkit.days: one vocabulary of day fields, accepted and written the same by every day command."""

from __future__ import annotations

import ast
import csv
import io
import json
import re
import subprocess
import sys
from datetime import date, datetime, time
from pathlib import Path

import pytest

from npkit import dates, days, patro
from npkit.errors import UsageError
from npkit.output.values import json_value, text_value
from tests.conftest import Npkit

DOCS = Path(__file__).resolve().parents[1] / "docs"
ALL = ",".join(days.FIELD_NAMES)
MONTH = (2081, 6)  # Ashwin 2081: Dashain (events, holidays for everyone and for some)


@pytest.fixture(scope="module")
def month() -> list[days.Day]:
    return days.month(*MONTH)


# ---------------------------------------------------------------- the same everywhere


def _library_json(found: list[days.Day]) -> list[dict[str, object]]:
    return [
        {name: json.loads(json_value(getattr(day, name))) for name in days.FIELD_NAMES}
        for day in found
    ]


def _library_text(found: list[days.Day]) -> list[dict[str, str]]:
    return [{name: text_value(getattr(day, name)) for name in days.FIELD_NAMES} for day in found]


def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _column_rows(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """``--column d`` rows keyed ``d_<field>``, back to ``<field>`` (the input column dropped)."""
    return [{key[2:]: value for key, value in row.items() if key != "d"} for row in rows]


def _every_command(npkit: Npkit, found: list[days.Day], fmt: str) -> dict[str, list[str]]:
    """The stdout of each day command for every day of ``found``, all fields, in ``fmt``."""
    ads = [day.ad.isoformat() for day in found]
    stdin = "".join(f"{ad}\n" for ad in ads)
    runs = {
        "cal": npkit("date", "cal", *map(str, MONTH), "-f", fmt, "--fields", ALL),
        "convert": npkit("date", "convert", *ads, "-f", fmt, "--fields", ALL),
        "stdin": npkit("date", "convert", "-f", fmt, "--fields", ALL, "-", input=stdin),
        "column": npkit(
            "date", "convert", "--column", "d", "--fields", ALL, "-f", fmt, input="d\n" + stdin
        ),
    }
    out = {name: [result.stdout] for name, result in runs.items()}
    assert all(result.exit_code == 0 for result in runs.values()), out
    out["today"] = []
    for ad in ads:
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("NPKIT_TODAY", ad)
            result = npkit("date", "today", "-f", fmt, "--fields", ALL)
        assert result.exit_code == 0, result.stderr
        out["today"].append(result.stdout)
    return out


def test_every_day_command_prints_every_field_as_the_library_does_json(
    npkit: Npkit, month: list[days.Day]
) -> None:
    expected = _library_json(month)
    out = _every_command(npkit, month, "json")
    assert json.loads(out["cal"][0]) == expected
    assert json.loads(out["convert"][0]) == expected
    assert json.loads(out["stdin"][0]) == expected
    assert _column_rows(json.loads(out["column"][0])) == expected
    assert [json.loads(text)[0] for text in out["today"]] == expected
    # what the fields are: real holidays and events this month, times to the minute
    assert any(row["events"] for row in expected) and any(row["holiday"] for row in expected)
    assert all(re.fullmatch(r"\d\d:\d\d", str(row["sunrise"])) for row in expected)


def test_every_day_command_prints_every_field_as_the_library_does_csv(
    npkit: Npkit, month: list[days.Day]
) -> None:
    expected = _library_text(month)
    out = _every_command(npkit, month, "csv")
    assert _csv_rows(out["cal"][0]) == expected
    assert _csv_rows(out["convert"][0]) == expected
    assert _csv_rows(out["stdin"][0]) == expected
    assert _column_rows(_csv_rows(out["column"][0])) == expected  # type: ignore[arg-type]
    assert [_csv_rows(text)[0] for text in out["today"]] == expected
    assert any(";" in row["events"] for row in expected)  # several events, ; between
    assert any(row["holiday"] == "Jitiya Parva (women)" for row in expected)
    everyone = next(row for row in expected if row["holiday"] == "Dashain holidays")
    assert everyone["fiscal_year"] == "2081/82" and everyone["quarter"] == "Q1"


def test_the_same_wrong_field_message_everywhere(npkit: Npkit) -> None:
    valid = f"valid fields: {ALL}"
    calls = [
        ("date", "today", "--fields", "bs,nope"),
        ("date", "cal", "2081", "6", "--json", "--fields", "bs,nope"),
        ("date", "convert", "2024-11-26", "--fields", "bs,nope"),
        ("date", "convert", "--json", "--fields", "bs,nope", "-"),
    ]
    for args in calls:
        result = npkit(*args, input="2024-11-26\n")
        assert result.exit_code == 2 and valid in result.stderr, args
    sheet = npkit("date", "convert", "--column", "d", "--fields", "nope", input="d\n2024-11-26\n")
    assert sheet.exit_code == 2 and f"{valid},pattern" in sheet.stderr
    with pytest.raises(UsageError, match=re.escape(valid)):
        days.field_functions(["nope"])


def test_values_are_written_by_kind() -> None:
    holiday = patro.DayHoliday("Teej", "तीज", "women", "confirmed", "notice", "MoHA notice")
    event = patro.Event("teej", "Teej", "तीज")
    assert (
        text_value(holiday) == "Teej (women)"
        and text_value(holiday._replace(scope="everyone")) == "Teej"
    )
    assert text_value((event, event)) == "Teej;Teej"
    assert json.loads(json_value((event,))) == [{"id": "teej", "name": "Teej", "name_ne": "तीज"}]
    nepal = days.Day(date(2024, 11, 26)).sunrise.tzinfo
    moment = datetime(2024, 11, 27, 3, 42, tzinfo=nepal)
    assert text_value(moment) == "2024-11-27T03:42:00+05:45"
    assert text_value(time(6, 33, tzinfo=nepal)) == json.loads(json_value(time(6, 33))) == "06:33"


# ---------------------------------------------------------------- the table itself


def test_every_field_has_a_group_help_and_a_computation() -> None:
    assert len(days.TABLE) == len(days.FIELDS) == len(set(days.FIELD_NAMES))
    day = days.Day(date(2024, 10, 12))
    for field in days.TABLE:
        assert field.group in days.GROUPS and field.help.strip(), field.name
        extra = (day.scopes,) if field.scoped else ()
        assert field.compute(day.ad, day.bs, day.panchang, *extra) == getattr(day, field.name)
    assert days.CONVERT_FIELDS == dates.DAY_COLUMNS  # the C-speed columns build these
    assert set(days.CALENDAR_FIELDS) < set(days.FIELD_NAMES)
    assert tuple(n for n in days.FIELD_NAMES if n in days.CALENDAR_FIELDS) == days.CALENDAR_FIELDS


def test_the_day_record_declares_every_field_of_the_table() -> None:
    """Day's typed attributes are checked against the table (adding a field: one entry)."""
    source = Path(days.fields.__file__).read_text("utf-8")
    tree = ast.parse(source)
    day_class = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Day")
    declared = [
        n.target.id
        for n in day_class.body
        if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name) and n.value is None
    ]
    assert tuple(declared) == days.FIELD_NAMES


def test_the_docs_list_every_field_in_order_with_its_help() -> None:
    text = (DOCS / "date.md").read_text("utf-8")
    rows = re.findall(r"^\| `(\w+)` \| (\w+) \| .*\| (.+) \|$", text, re.MULTILINE)
    listed = [(name, group, help_) for name, group, help_ in rows if name in days.FIELDS]
    assert [row[0] for row in listed] == list(days.FIELD_NAMES)
    for name, group, help_ in listed:
        assert (group, help_) == (days.FIELDS[name].group, days.FIELDS[name].help), name


def test_rows_of_some_fields_load_the_patro_only_when_asked() -> None:
    code = (
        "import sys\nfrom datetime import date\nfrom npkit import days\n"
        "d = days.day(date(2024, 11, 26))\n"
        "row = [f(d.ad, d.bs) for f in days.field_functions(['bs', 'fiscal_year'])]\n"
        "print(d.bs_ne, row[1], 'npkit.patro' in sys.modules)\n"
        "print(d.tithi_name, 'npkit.patro' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "११ मंसिर २०८१ 2081/82 False\nEkadashi True\n"


def test_days_sits_between_the_calendar_and_the_output() -> None:
    from tests.test_layout import GRAPH

    used = {dep for name, deps in GRAPH.items() if name.startswith("npkit.days") for dep in deps}
    assert not any(dep.startswith(("npkit.output", "npkit.cli", "npkit.sheets")) for dep in used)
    assert {"npkit.dates", "npkit.patro"} <= {".".join(d.split(".")[:2]) for d in used}


def test_a_range_of_days_is_the_same_as_its_single_days(month: list[days.Day]) -> None:
    for day in month[:5]:
        single = days.day(day.ad)
        assert single == day and single.panchang == day.panchang
    assert [d.bs for d in month] == [dates.BSDate(*MONTH, i) for i in range(1, len(month) + 1)]
    assert days.between(month[0].ad, month[-1].ad) == month
