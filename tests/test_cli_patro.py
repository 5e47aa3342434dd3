"""The patro on the command line (issue #9): date cal, today, festivals, next, holidays,
is-holiday, the config file's own days; the grid on a real pseudo-terminal (issue #10: 40
columns)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from npkit import dates
from npkit.cli import fast
from npkit.cli.main import _run_click
from npkit.errors import ExitCode, UsageError
from npkit.output.values import json_value
from tests.conftest import Npkit
from tests.support.probes import modules_imported_by_commands

ISO_NPT = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+05:45$")
HH_MM = re.compile(r"^\d\d:\d\d$")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def write_config(home: Path, text: str) -> None:
    (home / "config.toml").write_text(text, encoding="utf-8")


# ---------------------------------------------------------------- records


def test_cal_json_has_one_patro_record_per_day(npkit: Npkit) -> None:
    rows = npkit.json("date", "cal", "2081", "asoj", "--json")
    assert len(rows) == dates.days_in_month(2081, 6)
    dashami = next(row for row in rows if row["ad"] == "2024-10-12")
    assert dashami["bs"] == "2081-06-26" and dashami["weekday"] == "Saturday"
    assert (dashami["tithi"], dashami["paksha"], dashami["tithi_name"]) == (10, "shukla", "Dashami")
    assert dashami["tithi_ne"] == "दशमी" and dashami["lunar_month"] == "Ashwin"
    assert dashami["adhik"] is False and dashami["ns_year"] == 1144
    assert {"id": "vijaya_dashami", "name": "Vijaya Dashami", "name_ne": "विजया दशमी"} in (
        dashami["events"]
    )
    assert dashami["holiday"]["scope"] == "everyone"
    assert set(dashami["holiday"]) >= {"name", "scope", "source"}
    for row in rows:
        assert isinstance(row["tithi"], int) and 1 <= row["tithi"] <= 30
        assert row["paksha"] in ("shukla", "krishna")
        assert row["tithi_end"] is None or ISO_NPT.match(row["tithi_end"])
        assert HH_MM.match(row["sunrise"]) and HH_MM.match(row["sunset"])
        assert isinstance(row["events"], list) and isinstance(row["ns_year"], int)
        assert all(set(event) == {"id", "name", "name_ne"} for event in row["events"])
    assert any(row["holiday"] is None for row in rows)


def test_cal_year_json_and_csv(npkit: Npkit) -> None:
    rows = npkit.json("date", "cal", "2080", "--json")
    assert len(rows) == sum(dates.days_in_month(2080, m) for m in range(1, 13))
    assert [row["bs"] for row in rows][:2] == ["2080-01-01", "2080-01-02"]
    assert any(row["adhik"] for row in rows)  # 2080 has adhik Shrawan
    csv = npkit("date", "cal", "2081", "6", "-f", "csv", "--fields", "ad,events,holiday")
    assert csv.exit_code == 0
    assert "2024-10-12,Vijaya Dashami;Devi Visarjan,Dashain holidays" in csv.stdout.splitlines()
    assert (
        "2024-09-25,Jitiya Festival;Ashtami Shraddha,Jitiya Parva (women)"
        in csv.stdout.splitlines()
    )
    bad = npkit("date", "cal", "2081", "6", "--json", "--fields", "tithi,nope")
    assert bad.exit_code == 2 and "valid fields: ad,bs" in bad.stderr and bad.stdout == ""


def test_json_of_nested_records_keeps_the_value_rules() -> None:
    from decimal import Decimal

    from npkit.patro import DayHoliday, Event

    assert json_value(Event("x", "X", "एक्स")) == '{"id": "x", "name": "X", "name_ne": "एक्स"}'
    assert json_value((DayHoliday("A", "ए", "women", "likely", None, None),)) == (
        '[{"name": "A", "name_ne": "ए", "scope": "women", "status": "likely", "source": null,'
        ' "provenance": null}]'
    )
    assert json_value(dates.BSDate(2081, 8, 11)) == '"2081-08-11"'
    assert json_value({"price": Decimal("1.10")}) == '{"price": 1.10}'
    assert json_value([None, date(2024, 1, 1)]) == '[null, "2024-01-01"]'


def test_today_has_the_patro_fields(npkit: Npkit, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NPKIT_TODAY", "2024-10-12")
    [row] = npkit.json("date", "today", "--json")
    assert row["ad"] == "2024-10-12" and row["bs_ne"] == "२६ असोज २०८१"
    assert row["tithi"] == 10 and row["events"][0]["id"] == "vijaya_dashami"
    table = npkit("date", "today", "--fields", "bs,tithi_name,holiday")
    assert table.stdout.splitlines()[2:] == [
        "bs          2081-06-26",
        "tithi_name  Dashami",
        "holiday     Dashain holidays",
    ]


@pytest.mark.parametrize(
    "args",
    [
        ["date", "today"],
        ["date", "today", "--fields", "tithi,events,holiday"],
        ["date", "today", "-f", "tsv"],
        ["date", "today", "--fields", "nope"],
    ],
)
def test_today_fast_path_prints_what_click_prints(
    args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NPKIT_TODAY", "2024-10-12")
    outputs = []
    for run in (fast.run, _run_click):
        try:
            handled = run(args)
        except UsageError as exc:  # a wrong field: the same error from both paths
            outputs.append(f"UsageError: {exc}")
            continue
        assert handled in (True, None)  # the fast path took it (Click's returns None)
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1] and outputs[0]


def test_today_pattern_refuses_a_format_like_convert(npkit: Npkit) -> None:
    for command in ("today", "convert"):
        args = ["date", command, "-p", "%Y", "-f", "json"] + (
            ["2024-11-26"] * (command == "convert")
        )
        result = npkit(*args)
        assert result.exit_code == 2 and result.stdout == ""
        assert "--pattern prints text" in result.stderr
    assert npkit("date", "today", "-p", "%Y").exit_code == 0


# ---------------------------------------------------------------- the grid


def test_cal_grid_marks_holidays_and_lists_the_festivals(npkit: Npkit) -> None:
    out = npkit("date", "cal", "2081", "6").stdout
    lines = out.splitlines()
    assert "26*    12" in out  # Vijaya Dashami: BS 26, AD 12, a holiday for everyone
    assert "26 Oct 12 * Vijaya Dashami, Devi Visarjan, Dashain holidays" in lines
    assert " 9 Sep 25 + Jitiya Festival, Jitiya Parva (women)" in lines
    assert "Dashami" in out and "\x1b" not in out
    assert max(len(line) for line in lines) <= 80


def test_cal_compact_and_nepali(npkit: Npkit) -> None:
    from npkit.output.width import cell_width

    compact = npkit("date", "cal", "2081", "6", "--width", "40").stdout.splitlines()
    assert compact[2].split() == ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    assert compact[3].split() == ["1+", "2", "3*", "4", "5"]  # BS days
    assert compact[4].split() == ["17", "18", "19", "20", "21"]  # AD days
    assert compact[5].split() == ["14", "Pu", "1", "3", "4"]  # tithis in the fortnight
    assert all(cell_width(line) <= 40 for line in compact)
    nepali = npkit("date", "cal", "2081", "6", "--ne", "-w", "40").stdout.splitlines()
    assert nepali[0].strip() == "असोज २०८१ · Ashwin 2081"
    assert nepali[2].split() == ["आइत", "सोम", "मंगल", "बुध", "बिही", "शुक्र", "शनि"]
    assert nepali[3].split() == ["१+", "२", "३*", "४", "५"]
    assert "२६ Oct 12 * विजया दशमी, देवी विसर्जन, दशैं…" in nepali
    assert all(cell_width(line) <= 40 for line in nepali)
    wide = npkit("date", "cal", "2081", "6", "--nepali").stdout
    assert "दशमी" in wide and "NS 1144" in wide


def _pty_run(args: list[str], env_extra: dict[str, str]) -> str:
    """Run npkit on a pseudo-terminal; what it printed, as the terminal got it."""
    import pty

    main_fd, child_fd = pty.openpty()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), **env_extra}
    env.pop("NO_COLOR", None) if "NO_COLOR" not in env_extra else None
    process = subprocess.Popen(
        [sys.executable, "-m", "npkit", *args],
        stdin=child_fd, stdout=child_fd, stderr=child_fd, env=env, close_fds=True,
    )  # fmt: skip
    os.close(child_fd)
    chunks = []
    while True:
        try:
            chunk = os.read(main_fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main_fd)
    assert process.wait(timeout=60) == 0
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_cal_on_a_40_column_terminal_fits_and_marks_holidays_without_colour() -> None:
    from npkit.output.width import cell_width

    out = _pty_run(
        ["date", "cal", "2081", "6"],
        {"COLUMNS": "40", "NO_COLOR": "1", "NPKIT_TODAY": "2024-10-12"},
    )
    lines = out.splitlines()
    assert "\x1b" not in out
    assert all(cell_width(line) <= 40 for line in lines), [x for x in lines if cell_width(x) > 40]
    assert "[26]*" in out  # today, bracketed, and a holiday for everyone
    assert any("3*" in line for line in lines[:6]) and "+ for some" in out
    year = _pty_run(["date", "cal", "2081", "--ne"], {"COLUMNS": "40", "NO_COLOR": "1"})
    assert all(cell_width(line) <= 40 for line in year.splitlines())


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_cal_on_a_wide_colour_terminal() -> None:
    out = _pty_run(["date", "cal", "2081", "6"], {"COLUMNS": "120", "NPKIT_TODAY": "2024-10-12"})
    assert "\x1b[7m" in out and "\x1b[31m" in out  # today reversed; holidays and Saturday red
    plain = ANSI.sub("", out).splitlines()
    assert max(len(line) for line in plain[:20]) > 40  # the wide layout
    assert any("Dashami" in line for line in plain) and "[26]" not in out


# ---------------------------------------------------------------- festivals and holidays


def test_festivals_of_a_year(npkit: Npkit) -> None:
    rows = npkit.json("date", "festivals", "2081", "--json")
    assert list(rows[0]) == ["id", "name", "name_ne", "ad", "bs", "source"]
    dashami = next(row for row in rows if row["id"] == "vijaya_dashami")
    assert (dashami["ad"], dashami["bs"], dashami["source"]) == (
        "2024-10-12",
        "2081-06-26",
        "computed",
    )
    assert [row["ad"] for row in rows] == sorted(row["ad"] for row in rows)
    assert npkit("date", "festivals", "2101").exit_code == 2


def test_next_festival_and_holiday(npkit: Npkit) -> None:
    [row] = npkit.json("date", "next", "dashain", "--after", "2024-01-01", "--json")
    assert (row["id"], row["ad"], row["days"]) == ("vijaya_dashami", "2024-10-12", 285)
    [holiday] = npkit.json("date", "next", "holiday", "--after", "2024-10-12", "--json")
    assert holiday["ad"] == "2024-10-13" and holiday["days"] == 1
    assert holiday["id"] == "dashain_holidays" and holiday["status"] == "confirmed"  # its own id
    bad = npkit("date", "next", "nosuchfestival")
    assert bad.exit_code == 2 and "unknown festival" in bad.stderr and "\n" not in bad.stderr[:-1]


def test_holidays_of_a_year_and_a_scope(npkit: Npkit) -> None:
    rows = npkit.json("date", "holidays", "2081", "--json")
    assert list(rows[0]) == [
        "ad", "bs", "weekday", "name", "name_ne", "scope", "status", "source", "provenance"
    ]  # fmt: skip
    assert rows[0]["source"] == "MoHA notice 2081" and rows[0]["provenance"].startswith(
        "MoHA notice 2081 (OCR)"
    )
    assert {row["scope"] for row in rows} >= {"everyone", "women"}
    women = npkit.json("date", "holidays", "2081", "--scope", "women", "--json")
    assert {row["scope"] for row in women} == {"women"}
    assert any(row["ad"] == "2024-09-06" and "Teej" in row["name"] for row in women)
    bad = npkit("date", "holidays", "2081", "--scope", "martians")
    assert bad.exit_code == 2 and "scopes: everyone, women" in bad.stderr


def test_a_year_without_a_notice_says_so_and_lists_computed_festivals(npkit: Npkit) -> None:
    result = npkit("date", "holidays", "2084", "--json")
    assert result.exit_code == 0
    assert result.stderr.count("\n") == 1 and "no holiday notice for BS 2084" in result.stderr
    rows = json.loads(result.stdout)
    assert rows and {(row["status"], row["source"]) for row in rows} == {("likely", "likely")}
    assert all(row["provenance"].startswith("computed from the festival rules") for row in rows)
    assert "Vijaya Dashami" in {row["name"] for row in rows}
    quiet = npkit("-q", "date", "holidays", "2084")
    assert quiet.stderr == "" and quiet.exit_code == 0
    assert npkit("date", "holidays", "2081").stderr == ""


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["2024-10-12"], ExitCode.OK),  # Vijaya Dashami (and a Saturday)
        (["2024-11-26"], ExitCode.NO),  # an ordinary Tuesday
        (["2024-11-23"], ExitCode.OK),  # a Saturday
        (["2024-11-23", "--no-saturday"], ExitCode.NO),
        (["2024-09-06"], ExitCode.NO),  # Teej: women only
        (["2024-09-06", "--scope", "women"], ExitCode.OK),
        (["--from", "bs", "2081-06-26"], ExitCode.OK),
        (["2024-13-01"], ExitCode.USAGE),
        (["2024-11-26", "--scope", "nobody"], ExitCode.USAGE),
    ],
)
def test_is_holiday_exit_status(npkit: Npkit, args: list[str], code: int) -> None:
    result = npkit("date", "is-holiday", *args)
    assert result.exit_code == code, result.stderr
    if code == ExitCode.USAGE:
        assert result.stdout == "" and result.stderr.count("\n") == 1
    else:
        assert result.stdout.startswith(("yes", "no"), result.stdout.index(": ") + 2)


def test_is_holiday_silent_json_and_today(npkit: Npkit, monkeypatch: pytest.MonkeyPatch) -> None:
    silent = npkit("date", "is-holiday", "-s", "2024-11-26")
    assert (silent.exit_code, silent.stdout) == (ExitCode.NO, "")
    [record] = npkit.json("date", "is-holiday", "--json", "2024-10-12")
    assert record == {
        "ad": "2024-10-12", "bs": "2081-06-26", "weekday": "Saturday",
        "scope": "everyone", "holiday": True, "reason": "Dashain holidays", "status": "confirmed",
    }  # fmt: skip
    monkeypatch.setenv("NPKIT_TODAY", "2024-10-12")
    assert npkit("date", "is-holiday", "-s").exit_code == ExitCode.OK


# ---------------------------------------------------------------- the user's own days


def test_config_holidays_count_everywhere(npkit: Npkit, isolated_settings: Path) -> None:
    write_config(
        isolated_settings,
        '[[holidays]]\ndate = "2024-11-26"\nname = "Office anniversary"\n'
        '[[holidays]]\nstart = "bs:2081-08-12"\nend = 2024-11-29\nname = "Trip"\nscope = "me"\n',
    )
    assert npkit("date", "is-holiday", "-s", "2024-11-26").exit_code == ExitCode.OK
    assert npkit("date", "is-holiday", "-s", "2024-11-28").exit_code == ExitCode.NO
    assert npkit("date", "is-holiday", "-s", "--scope", "me", "2024-11-28").exit_code == 0
    rows = npkit.json("date", "holidays", "2081", "--scope", "me", "--json")
    assert [(r["ad"], r["source"]) for r in rows] == [
        ("2024-11-27", "config"), ("2024-11-28", "config"), ("2024-11-29", "config")
    ]  # fmt: skip
    [day] = [r for r in npkit.json("date", "cal", "2081", "8", "--json") if r["ad"] == "2024-11-26"]
    assert day["holiday"] == {"name": "Office anniversary", "name_ne": "Office anniversary",
                              "scope": "everyone", "status": "confirmed", "source": "config",
                              "provenance": "config"}  # fmt: skip
    write_config(isolated_settings, "")
    assert npkit("date", "is-holiday", "-s", "2024-11-26").exit_code == ExitCode.NO  # not kept


@pytest.mark.parametrize(
    ("table", "says"),
    [
        ('holidays = "2024-01-01"', "must be an array of tables"),
        ('[[holidays]]\ndate = "2024-01-01"', "holidays row 1: no name"),
        ('[[holidays]]\ndate = "2024-01-01"\nname = "a"\n[[holidays]]\nname = "b"', "row 2"),
        ('[[holidays]]\ndate = "2024-01-01"\nname = "a"\nwhen = "x"', "unknown key 'when'"),
        ('[[holidays]]\ndate = "2024-31-01"\nname = "a"', "holiday 1"),
        ('[[holidays]]\ndate = 5\nname = "a"', "date must be text"),
    ],
)
def test_a_bad_config_row_is_one_line_exit_2(
    npkit: Npkit, isolated_settings: Path, table: str, says: str
) -> None:
    write_config(isolated_settings, table + "\n")
    for args in (["date", "is-holiday", "2024-01-02"], ["date", "today"], ["date", "cal"]):
        result = npkit(*args)
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr.count("\n") == 1 and says in result.stderr
        assert "config" in result.stderr


def test_config_existence_guess_agrees_with_the_config_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from npkit import config
    from npkit.days.user import _config_file_may_exist

    monkeypatch.delenv("NPKIT_CONFIG")
    for xdg in (str(tmp_path / "xdg"), ""):
        monkeypatch.setenv("XDG_CONFIG_HOME", xdg)
        monkeypatch.setenv("HOME", str(tmp_path / "home"))
        path = config.config_path()
        assert _config_file_may_exist() is False or sys.platform in ("darwin", "win32")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("", encoding="utf-8")
        assert _config_file_may_exist() is True


# ---------------------------------------------------------------- imports stay lazy


def test_patro_is_imported_only_by_the_commands_that_need_it() -> None:
    watch = {"npkit.patro", "npkit.config", "click"}
    assert modules_imported_by_commands([["date", "convert", "2024-11-26"]], watch) == set()
    assert modules_imported_by_commands([["date", "fy"]], {"npkit.patro"}) == set()
    # today: the patro, but neither Click nor the config module when there is no config file
    assert modules_imported_by_commands([["date", "today", "--json"]], watch) == {"npkit.patro"}


# ---------------------------------------------------------------- likely holidays (issue 16)


@pytest.mark.parametrize(
    ("day", "code", "reason"),
    [
        ("2027-04-14", ExitCode.OK, "Nepali New Year (likely)"),  # New Year 2084: no notice
        ("2027-10-10", ExitCode.OK, "Vijaya Dashami (likely)"),  # Dashain 2084
        ("2022-10-05", ExitCode.OK, "Vijaya Dashami (likely)"),  # Dashami 2079: before 2080
        ("2027-04-13", ExitCode.NO, None),  # Chaitra 30, 2083: a working Tuesday
    ],
)
def test_the_cron_line_on_likely_holidays(npkit: Npkit, day: str, code: int, reason: str) -> None:
    """README's `npkit date is-holiday -s || send-report`: the report is not sent on a likely
    holiday; one stderr line says the notice is not out; --confirmed keeps the strict answer."""
    silent = npkit("date", "is-holiday", "-s", day)
    assert silent.exit_code == code and silent.stdout == ""
    said = npkit("date", "is-holiday", day)
    assert said.exit_code == code
    if reason:
        assert said.stdout.strip().endswith(f"yes: {reason}")
        assert said.stderr.count("\n") == 1 and "no holiday notice for BS" in said.stderr
        assert npkit("date", "is-holiday", "-s", "--confirmed", day).exit_code == ExitCode.NO
    else:
        assert said.stderr == "" and "no: a working day" in said.stdout


def test_is_holiday_several_days_tomorrow_and_scopes(
    npkit: Npkit, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NPKIT_TODAY", "2027-04-13")
    both = npkit("date", "is-holiday", "today", "tomorrow")
    assert both.exit_code == ExitCode.NO and both.stdout.count("\n") == 2
    assert npkit("date", "is-holiday", "-s", "tomorrow").exit_code == ExitCode.OK
    teej = ["date", "is-holiday", "-s", "--no-saturday", "2026-09-14"]  # Teej 2083: women
    assert npkit(*teej).exit_code == ExitCode.NO
    assert npkit(*teej, "--scope", "newar", "--scope", "women").exit_code == ExitCode.OK
    wrong = npkit("date", "is-holiday", "--scope", "womn")
    assert wrong.exit_code == ExitCode.USAGE and "did you mean 'women'" in wrong.stderr


def test_next_never_fails_for_lack_of_a_notice(npkit: Npkit) -> None:
    for after in ("2027-03-09", "1920-01-01", "2043-06-01"):
        result = npkit("date", "next", "holiday", "--after", after, "--json")
        assert result.exit_code == 0, result.stderr
    [row] = npkit.json("date", "next", "holiday", "--after", "2027-03-09", "--json")
    assert (row["id"], row["ad"], row["status"]) == ("nepali_new_year", "2027-04-14", "likely")
    eid = npkit("date", "next", "eid", "--after", "2027-03-09")
    assert eid.exit_code == ExitCode.NO and eid.stderr.count("\n") == 1


def test_config_scope_is_the_default(npkit: Npkit, isolated_settings: Path) -> None:
    write_config(isolated_settings, 'scope = ["women", "kathmandu_valley"]\n')
    teej = ["date", "is-holiday", "-s", "--no-saturday", "2026-09-14"]
    assert npkit(*teej).exit_code == ExitCode.OK
    rows = npkit.json("config", "--json")
    assert {"setting": "scope", "value": "women,kathmandu_valley",
            "origin": "config file: scope"} in rows  # fmt: skip
    write_config(isolated_settings, 'scope = "womn"\n')
    wrong = npkit(*teej)
    assert wrong.exit_code == ExitCode.USAGE and "did you mean 'women'" in wrong.stderr


def test_workdays_on_the_command_line(npkit: Npkit) -> None:
    [moved] = npkit.json("date", "add", "2026-10-16", "5", "workdays", "--json")
    assert moved["ad"] == "2026-10-28"  # Dashain 2083 and a Saturday skipped (counted by hand)
    [span] = npkit.json(
        "date", "diff", "2026-10-16", "2026-10-28", "--fields", "days,workdays", "--json"
    )
    assert span == {"days": 12, "workdays": 6}
    plain = npkit.json("date", "diff", "2026-10-16", "2026-10-28", "--json")[0]
    assert "workdays" not in plain  # not a default column: plain diff never loads the patro
    assert npkit("date", "add", "2026-10-16", "5", "days", "--scope", "women").exit_code == 2


def test_an_attendance_sheet_gets_a_day_off_column(npkit: Npkit) -> None:
    sheet = "date\n2026-09-12\n2026-09-14\n2026-09-15\n"  # Saturday, Teej (women), Tuesday
    result = npkit("date", "convert", "--column", "date", "--add", "day_off,holidays", input=sheet)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "date,date_day_off,date_holidays",
        "2026-09-12,true,",
        "2026-09-14,false,Haritalika Teej (women)",
        "2026-09-15,false,",
    ]


def test_day_off_follows_the_scopes_asked_on_every_day_command(
    npkit: Npkit, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``day_off`` is for the scopes asked (``--scope``, default everyone) in convert (arguments,
    stdin, --column), today and cal alike: Teej 2083 is a day off for women only."""
    teej, plain = "2026-09-14", ["--fields", "ad,day_off", "-f", "csv", "--no-header"]
    for scope, off in (((), "false"), (("--scope", "women"), "true")):
        args = npkit("date", "convert", teej, *plain, *scope)
        stdin = npkit("date", "convert", "-", *plain, *scope, input=teej + "\n")
        sheet = npkit("date", "convert", "--column", "d", "--add", "day_off", *scope,
                      input=f"d\n{teej}\n")  # fmt: skip
        monkeypatch.setenv("NPKIT_TODAY", teej)
        today = npkit("date", "today", *plain, *scope)
        month = npkit.json("date", "cal", "2083", "5", "--json", *scope)
        assert args.stdout == stdin.stdout == today.stdout == f"{teej},{off}\n", scope
        assert sheet.stdout.splitlines()[1] == f"{teej},{off}"
        assert [d["day_off"] for d in month if d["ad"] == teej] == [off == "true"]
    wrong = npkit("date", "convert", teej, "--scope", "wemen")
    assert wrong.exit_code == 2 and "women" in wrong.stderr
