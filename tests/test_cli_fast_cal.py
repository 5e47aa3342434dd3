"""The Click-free ``npkit date cal YEAR`` in a data format (npkit.cli.fast.run_cal) prints
exactly what the Click command prints: same stdout, stderr and exit status, for every format
and flag it takes, the user's config included; anything else is left to Click."""

from __future__ import annotations

import gc
from collections.abc import Callable

import pytest

from npkit import console, dates
from npkit.cli import fast
from npkit.cli.fast import run_cal
from npkit.cli.main import _run_click
from tests.support.probes import NETWORK_STACK, modules_imported_by_commands
from tests.test_cli_fast_fx import Outcome, outcome

FIELDS = "ad,bs,tithi_end,nakshatra_end,yoga_end,moon_sign_change,rahu_kaal,abhijit,holidays"
SIMPLE_CALLS = [
    ["date", "cal", "2083", "--json"],
    ["date", "cal", "--json", "2081"],  # a year with a notice
    ["date", "cal", "2090", "-f", "ndjson"],  # no notice: likely holidays
    ["date", "cal", "2096", "-f", "csv"],  # the unverified year: its warning on stderr
    ["date", "cal", "1975", "--format=tsv"],  # the first supported year
    ["date", "cal", "2100", "-f", "raw", "--fields", "bs,tithi,events"],  # the last
    ["date", "cal", "2080", "-f", "csv", "--fields", FIELDS],
    ["date", "cal", "2083", "--fields=bs_ne,weekday_ne,holiday,day_off", "--json"],
    ["date", "cal", "२०८३", "-f", "tsv", "--fields", "bs,tithi_line_ne"],  # Devanagari digits
    ["date", "cal", "2083", "--json", "--nepali"],  # data formats: the same in either language
    ["date", "cal", "--english", "2083", "-f", "csv", "--fields", "bs,events"],
    ["date", "cal", "2083", "--ne", "-f", "ndjson", "--fields", "tithi_ne"],
]
ERRORS = [
    ["date", "cal", "2200", "--json"],  # outside the supported range
    ["date", "cal", "1974", "-f", "csv"],
    ["date", "cal", "twenty", "--json"],
    ["date", "cal", "2083", "--json", "--fields", "bs,nope"],
]
LEFT_TO_CLICK = [
    ["date", "cal"],  # this month's grid
    ["date", "cal", "2083"],  # the year's grid
    ["date", "cal", "2083", "-f", "table"],
    ["date", "cal", "2083", "5", "--json"],  # a month
    ["date", "cal", "2083", "Mangsir", "-f", "csv"],
    ["date", "cal", "--json"],  # no year: this month
    ["date", "cal", "2083", "-f", "ics"],
    ["date", "cal", "--from", "2082", "--to", "2083", "--json"],
    ["date", "cal", "2083", "--json", "--scope", "women"],
    ["date", "cal", "2083", "--json", "--category", "all"],
    ["date", "cal", "2083", "--json", "-w", "100"],
    ["date", "cal", "2083", "-f", "csv", "--no-header"],
    ["date", "cal", "2083", "--json", "--json"],
    ["date", "cal", "2083", "--json", "-f", "csv"],
    ["date", "cal", "2083", "-f", "JSON"],  # Click's choice is case-insensitive
    ["date", "cal", "2083", "-f", "xml"],
    ["date", "cal", "2083", "-f=json"],
    ["date", "cal", "2083", "--fields"],
    ["date", "cal", "2083", "--nepali", "--english", "--json"],
    ["date", "cal", "-", "--json"],
    ["date", "cal", "--help"],
    ["date", "cal", "2083", "--json", "--debug"],
]


def as_run(run: Callable[[list[str]], object]) -> Callable[[list[str]], object]:
    """``run`` as ``npkit.cli.main`` starts a run: library warnings to stderr, each said
    again."""

    def start(args: list[str]) -> object:
        console.route_library_logging()
        dates.reset_warnings()
        return run(args)

    return start


def handled(args: list[str]) -> None:
    assert run_cal(args) is True


def both(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[Outcome, Outcome]:
    return outcome(as_run(handled), args, capsys), outcome(as_run(_run_click), args, capsys)


@pytest.mark.parametrize("args", SIMPLE_CALLS, ids=" ".join)
def test_fast_cal_prints_what_click_prints(args: list[str], capsys) -> None:
    fast_answer, click_answer = both(args, capsys)
    assert fast_answer == click_answer
    assert fast_answer[2] == 0
    assert fast_answer[0].count("\n") >= 365  # a whole year, one line a day or more
    assert ("364 days" in fast_answer[1]) is ("2096" in args)
    assert gc.isenabled()  # collection paused for the year's days only


@pytest.mark.parametrize("args", ERRORS, ids=" ".join)
def test_fast_cal_errors_match_click(args: list[str], capsys) -> None:
    fast_answer = outcome(as_run(run_cal), args, capsys)
    assert fast_answer == outcome(as_run(_run_click), args, capsys)
    assert str(fast_answer[2]).startswith("2: ") and not fast_answer[0]


@pytest.mark.parametrize("args", LEFT_TO_CLICK, ids=" ".join)
def test_anything_else_is_left_to_click(args: list[str]) -> None:
    assert run_cal(args) is False
    assert fast.run(args) is False


def test_a_bad_today_fails_the_same_on_both_paths(capsys, monkeypatch) -> None:
    monkeypatch.setenv("NPKIT_TODAY", "not a day")
    args = ["date", "cal", "2083", "--json"]
    fast_answer = outcome(as_run(run_cal), args, capsys)
    assert fast_answer == outcome(as_run(_run_click), args, capsys)
    assert "NPKIT_TODAY" in str(fast_answer[2])


CONFIG = """\
scope = ["women", "my_office"]

[date]
nepali = true

[[holidays]]
date = "2026-05-01"
name = "Office picnic"
scope = "my_office"

[[holidays]]
start = "bs:2083-06-10"
end = "bs:2083-06-12"
name = "Family visit"
"""


def test_the_config_file_counts_the_same_on_both_paths(capsys, isolated_settings) -> None:
    """The user's own days (events and day_off), scope and language, read on both paths."""
    (isolated_settings / "config.toml").write_text(CONFIG, encoding="utf-8")
    args = ["date", "cal", "2083", "-f", "csv", "--fields", "bs,holidays,day_off"]
    fast_answer, click_answer = both(args, capsys)
    assert fast_answer == click_answer
    assert "Office picnic (my_office)" in fast_answer[0]
    assert "2083-06-11,Family visit,true" in fast_answer[0]


@pytest.mark.parametrize(
    "config",
    ['[date]\nnepali = "yes"\n', 'scope = "nobody"\n', '[[holidays]]\nname = "no day"\n'],
)
def test_a_bad_config_fails_the_same_on_both_paths(config: str, capsys, isolated_settings):
    (isolated_settings / "config.toml").write_text(config, encoding="utf-8")
    args = ["date", "cal", "2083", "--json"]
    fast_answer = outcome(as_run(run_cal), args, capsys)
    assert fast_answer == outcome(as_run(_run_click), args, capsys)
    assert str(fast_answer[2]).startswith("2: ") and "config" in str(fast_answer[2])


def test_fast_cal_imports_neither_click_nor_the_network_stack() -> None:
    heavy = NETWORK_STACK | {"click", "tabulate", "socket"}
    assert modules_imported_by_commands([["date", "cal", "2083", "--json"]], heavy) == set()
