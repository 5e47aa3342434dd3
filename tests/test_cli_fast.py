"""The Click-free fast path answers exactly as the Click commands do, or leaves it to them."""

from __future__ import annotations

import io
import sys

import pytest

from npkit.cli import fast
from npkit.cli.main import _run_click
from npkit.errors import UsageError
from tests.support.probes import NETWORK_STACK, modules_imported_by_commands

SIMPLE_CALLS = [
    ["date", "convert", "2024-11-26"],
    ["date", "convert", "--json", "2024-11-26", "11 Mangsir 2081", "२०८१-०८-१२"],
    ["date", "convert", "-f", "csv", "--fields", "bs,ad", "2024-11-26"],
    ["date", "convert", "--format=ndjson", "--from=bs", "2081-08-11"],
    ["date", "convert", "--from", "bs", "-f", "tsv", "2081-08-11", "2081-08-12"],
    ["date", "convert", "--fields=bs_ne", "2024-11-26"],
    ["date", "today", "--json"],
    ["date", "today", "-f", "csv", "--fields", "bs"],
    ["date", "today", "-f", "csv", "--fields", "fiscal_year,sunrise,holidays"],
    ["date", "convert", "--json", "--fields", "ad,sunrise,events,holiday,tithi_end", "2024-10-12"],
    ["date", "convert", "-f", "tsv", "--fields", "quarter,lunar_month_ne", "2024-11-26"],
    # --nepali (issue 18): the table in Nepali; the data formats the same in both languages
    ["date", "today", "--nepali"],
    ["date", "today", "--ne", "-f", "table", "--fields", "bs,weekday,tithi_name,holiday"],
    ["date", "today", "--english"],
    ["date", "today", "--no-nepali", "--json"],
    ["date", "today", "--json", "--nepali"],
    ["date", "today", "-f", "csv", "--ne", "--fields", "bs_ne,tithi_ne,events"],
]


def captured(run, args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    try:
        run(args)
    except UsageError as exc:
        return "", f"UsageError: {exc}"
    except SystemExit as exc:
        assert exc.code in (0, None)
    return capsys.readouterr().out, ""


@pytest.mark.parametrize("args", SIMPLE_CALLS)
def test_fast_path_prints_what_click_prints(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    fast_out = captured(lambda a: assert_handled(fast.run(a)), args, capsys)
    click_out = captured(_run_click, args, capsys)
    assert fast_out == click_out
    assert fast_out[0]


def assert_handled(handled: bool) -> None:
    assert handled is True


STDIN = "2024-11-26\n\nमंसिर १२, २०८१\r\n2000-01-01\n"


@pytest.mark.parametrize(
    "args",
    [
        ["date", "convert", "-f", "csv", "-"],
        ["date", "convert", "--json", "--fields", "bs", "-"],
        ["date", "convert", "-", "--from", "bs", "-f", "ndjson"],
        ["date", "convert", "-f", "csv", "--fields", "bs,sunrise,holiday,fiscal_year", "-"],
    ],
)
def test_fast_path_stdin_prints_what_click_prints(
    args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    outputs = []
    for run in (lambda a: assert_handled(fast.run(a)), _run_click):
        stdin = STDIN.replace("2024-11-26", "2081-08-11") if "--from" in args else STDIN
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode())))
        outputs.append(captured(run, args, capsys))
    assert outputs[0] == outputs[1]
    assert outputs[0][0].count("\n") >= 3


@pytest.mark.parametrize(
    "args",
    [
        ["date", "convert", "2081-02-33"],
        ["date", "convert", "--fields", "ad,nope", "2024-11-26"],
    ],
)
def test_fast_path_errors_match_click(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert captured(fast.run, args, capsys) == captured(_run_click, args, capsys)


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["date"],
        ["date", "convert"],  # stdin
        ["date", "convert", "-"],  # a table of stdin
        ["date", "convert", "--json", "-", "2024-11-26"],
        ["date", "convert", "--json", "--keep-going", "-"],
        ["date", "convert", "--help"],
        ["date", "convert", "--json", "--json", "2024-11-26"],
        ["date", "convert", "--json", "-f", "csv", "2024-11-26"],
        ["date", "convert", "-f", "xml", "2024-11-26"],
        ["date", "convert", "-f", "JSON", "2024-11-26"],
        ["date", "convert", "--from", "xx", "2024-11-26"],
        ["date", "convert", "--fields", "2024-11-26"],
        ["date", "convert", "--fields="],
        ["date", "convert", "--pattern", "%Y", "2024-11-26"],
        ["date", "convert", "--column", "d"],
        ["date", "today", "2024-11-26"],
        ["date", "today", "--from", "bs"],
        ["date", "today", "--nepali", "--english"],  # which wins is Click's to say
        ["date", "today", "--ne", "--ne"],
        ["date", "today", "--nepali=yes"],
        ["date", "convert", "--nepali", "2024-11-26"],  # convert has no language
        ["date", "cal"],
        ["-q", "date", "convert", "2024-11-26"],
        ["fx", "USD"],
    ],
)
def test_anything_else_is_left_to_click(args: list[str]) -> None:
    assert fast.run(args) is False


@pytest.mark.parametrize("setting", ["true", "false", '"yes"'])
@pytest.mark.parametrize(
    "args", [["date", "today"], ["date", "today", "--english"], ["date", "today", "--ne"]]
)
def test_the_config_language_is_read_the_same_on_both_paths(
    args: list[str], setting: str, capsys: pytest.CaptureFixture[str], isolated_settings
) -> None:
    (isolated_settings / "config.toml").write_text(f"[date]\nnepali = {setting}\n")
    fast_out = captured(lambda a: assert_handled(fast.run(a)), args, capsys)
    assert fast_out == captured(_run_click, args, capsys)
    nepali = "--ne" in args or (setting == "true" and "--english" not in args)
    if setting == '"yes"' and len(args) == 2:  # read only without a flag: the same error
        assert "date.nepali must be true or false" in fast_out[1]
    else:
        assert ("विवरण" in fast_out[0]) is nepali and ("field" in fast_out[0]) is not nepali


def test_simple_calls_do_not_import_click_or_the_network_stack() -> None:
    heavy = NETWORK_STACK | {"click", "tabulate", "socket"}
    for args in (["date", "convert", "--json", "2024-11-26"], ["date", "today", "-f", "csv"]):
        assert modules_imported_by_commands([args], heavy) == set(), args


def test_every_date_command_avoids_the_network_stack() -> None:
    commands = [
        ["date", "cal", "2081"],
        ["date", "fy"],
        ["date", "add", "2024-01-01", "1"],
        ["date", "convert", "--pattern", "%Y", "2024-01-01"],
    ]
    # (not "socket": tabulate, which draws the `date fy` table, imports importlib.metadata and
    # so email.utils, which imports socket; no connection is made)
    assert modules_imported_by_commands(commands, NETWORK_STACK | {"ssl"}) == set()
