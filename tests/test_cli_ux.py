"""The first minute and everyday use (issue #10): help, typos, completion, global options
anywhere, input checked before the network, bare values for scripts, config, cache, numbered
headlines. Terminal-only behaviour (cards, fitting, colour, pager) is in test_terminal.py."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from urllib.parse import urlsplit

import pytest

from npkit.cli.commands import SUBCOMMANDS
from tests.support.servers import LocalServer, Reply
from tests.test_cli_gold import sources  # noqa: F401  (fixture)
from tests.test_cli_news import configured, sites  # noqa: F401  (fixtures)

pytestmark = pytest.mark.usefixtures("isolated_settings")


# ---------------------------------------------------------------- the first minute: help


def test_npkit_alone_prints_its_help_on_stdout_and_succeeds(npkit) -> None:
    result = npkit()  # `npkit | less` shows the help (clig.dev, gh)
    assert result.exit_code == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Usage: npkit") and "Commands:" in lines


@pytest.mark.parametrize("args", [["date"], ["cache"]])
def test_a_group_alone_prints_the_help_as_help(npkit, args: list[str]) -> None:
    result = npkit(*args)
    assert result.exit_code == 2 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0].startswith("Usage: npkit") and len(lines) > 8
    assert "Commands:" in lines


@pytest.mark.parametrize(
    ("group", "commands", "options"),
    [
        ("fx", ["convert", "rates"], ["--date DATE", "--wide", "--offline", "--fields"]),
        ("gold", ["prices", "value"], ["--unit", "--metal", "--source", "--offline"]),
        ("news", ["headlines", "read", "sources"], ["--since", "-k, --keyword", "--strict"]),
    ],
)
def test_default_groups_list_subcommands_and_the_defaults_options(
    npkit, group: str, commands: list[str], options: list[str]
) -> None:
    result = npkit(group, "--help")
    assert result.exit_code == 0
    listed = result.stdout.split("Commands:")[1].split("Options")[0]
    assert [line.split()[0] for line in listed.strip().splitlines()] == commands
    assert "(default)" in listed
    assert "the default)" in result.stdout
    for option in options:
        assert option in result.stdout, option


@pytest.mark.parametrize(
    ("args", "suggestion"),
    [
        (["fx", "conver", "100", "USD"], "did you mean 'convert'?"),
        (["gold", "valu", "1", "tola"], "did you mean 'value'?"),
        (["news", "sorces"], "did you mean 'sources'?"),
        (["dat", "today"], "did you mean 'date'?"),
    ],
)
def test_a_word_close_to_a_subcommand_gets_a_suggestion(
    npkit, args: list[str], suggestion: str
) -> None:
    result = npkit(*args)
    assert result.exit_code == 2 and result.stdout == ""
    assert suggestion in result.stderr and result.stderr.count("\n") == 1


def test_currency_codes_are_not_typos(npkit, nrb) -> None:
    assert npkit("fx", "usd", "eur", "--json").exit_code == 0  # 3 letters: a code, not 'rates'


def help_of(npkit, *args: str) -> str:
    result = npkit(*args, "--help")
    assert result.exit_code == 0, result.stderr
    return result.stdout


EVERY_COMMAND = [
    ["date", "convert"], ["date", "festivals"], ["date", "next"], ["date", "holidays"],
    ["date", "is-holiday"], ["date", "today"], ["date", "cal"], ["date", "fy"], ["date", "diff"],
    ["date", "add"], ["fx", "rates"], ["fx", "convert"], ["gold", "prices"], ["gold", "value"],
    ["news", "headlines"], ["news", "sources"], ["news", "read"], ["config"], ["cache", "info"],
    ["cache", "clear"], ["completion"], ["date"], ["fx"], ["gold"], ["news"], ["cache"], [],
]  # fmt: skip


@pytest.mark.parametrize("command", EVERY_COMMAND, ids=" ".join)
def test_every_help_has_examples_and_points_to_documentation_a_user_has(
    npkit, command: list[str]
) -> None:
    text = help_of(npkit, *command)
    assert "Examples:" in text
    assert not re.search(r"(?<![/\w])docs/", text), "a source checkout's path"


def test_summaries_are_not_cut(npkit) -> None:
    for group in ([], ["date"], ["fx"], ["gold"], ["news"], ["cache"]):
        listed = help_of(npkit, *group).split("Commands:")[1]
        assert "..." not in listed, group
    assert "A date moved by N days, weeks, BS months or years." in help_of(npkit, "date")
    assert "Documentation: https://" in help_of(npkit, "date")


# ---------------------------------------------------------------- completion


def complete(line: str) -> list[str]:
    """What bash completion offers for ``line`` (the word after the last space)."""
    words = line.split()
    cword = len(words) if line.endswith(" ") else len(words) - 1
    env = {
        **os.environ,
        "_NPKIT_COMPLETE": "bash_complete",
        "COMP_WORDS": line,
        "COMP_CWORD": str(cword),
        "PYTHONPATH": os.pathsep.join(sys.path),
    }
    result = subprocess.run(
        [sys.executable, "-m", "npkit"], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return [item.partition(",")[2] for item in result.stdout.splitlines()]


@pytest.mark.parametrize(
    ("line", "expected", "absent"),
    [
        ("npkit fx ", {"convert", "rates", "USD", "INR"}, set()),
        ("npkit fx c", {"convert", "CNY", "CAD"}, {"rates", "USD"}),
        ("npkit fx convert 100 u", {"USD"}, {"INR"}),
        ("npkit gold ", {"prices", "value"}, set()),
        ("npkit gold --metal s", {"silver"}, {"fine_gold"}),
        ("npkit gold value 2 ", {"tola", "aana", "lal", "g"}, set()),
        ("npkit news -s online", {"onlinekhabar", "onlinekhabar-en"}, {"setopati"}),
        ("npkit news ", {"headlines", "read", "sources"}, set()),
        ("npkit date cal 2083 Ma", {"Mangsir", "Magh"}, {"Baishakh"}),
        ("npkit fx --fields date,cu", {"date,currency"}, set()),
        ("npkit date today --fields b", {"bs", "bs_en", "bs_ne"}, {"ad"}),
        ("npkit fx --", {"--date", "--wide", "--help"}, set()),
        ("npkit ", {"date", "fx", "gold", "news", "config", "cache", "completion"}, set()),
    ],
)
def test_completion_offers_subcommands_and_values(
    line: str, expected: set[str], absent: set[str]
) -> None:
    offered = complete(line)
    assert expected <= set(offered), offered
    assert not absent & set(offered)
    assert len(offered) == len(set(offered))  # no duplicates (a group's and its default's -h)


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_prints_a_static_script(npkit, shell: str) -> None:
    result = npkit("completion", shell)
    assert result.exit_code == 0
    assert "_NPKIT_COMPLETE" in result.stdout and f"{shell}_complete" in result.stdout
    assert "_source" not in result.stdout  # nothing evaluated at every shell start


def test_top_level_help_names_the_completion_command(npkit) -> None:
    text = help_of(npkit)
    assert "npkit completion bash|zsh|fish" in text and "eval" not in text
    assert list(SUBCOMMANDS)[:4] == ["date", "fx", "gold", "news"]


# ---------------------------------------------------------------- global options anywhere


def test_global_options_work_anywhere(npkit, nrb) -> None:
    result = npkit("fx", "usd", "-q", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)[0]["currency"] == "USD"
    assert npkit("date", "convert", "2024-11-26", "--color", "never", "-q", "--json").exit_code == 0
    result = npkit("date", "today", "--color", "sometimes")
    assert result.exit_code == 2 and "'sometimes' is not one of" in result.stderr


def test_quiet_after_the_command_silences_warnings(npkit, sources) -> None:  # noqa: F811
    # a Saturday has no rate: a warning names the day shown instead; -q at the end silences it
    loud = npkit("gold", "--date", "2026-08-15", "--json")
    quiet = npkit("gold", "--date", "2026-08-15", "--json", "-q")
    assert "no rate for Saturday" in loud.stderr
    assert quiet.exit_code == 0 and quiet.stderr == "" and quiet.stdout == loud.stdout


# ---------------------------------------------------------------- input before the network


@pytest.mark.parametrize(
    "args",
    [
        ["fx", "--fields", "bogus"],
        ["fx", "convert", "100", "USD", "--fields", "bogus"],
        ["gold", "--fields", "bogus"],
        ["gold", "value", "1", "tola", "--fields", "bogus"],
        ["news", "--fields", "bogus"],
    ],
)
def test_a_bad_field_is_reported_before_any_request(
    npkit, args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with LocalServer() as hung:
        hung.route("/", Reply(mode="slow", delay=15))
        for name in ("NRB", "FENEGOSIDA", "NEPALIPATRO", "HAMROPATRO"):
            monkeypatch.setenv(f"NPKIT_{name}_URL", hung.url)
        started = time.monotonic()
        result = npkit(*args)
        assert result.exit_code == 2 and "unknown field 'bogus'" in result.stderr
        assert time.monotonic() - started < 5 and hung.requests == []


# ---------------------------------------------------------------- data for programs


def test_raw_prints_only_the_values(npkit, nrb) -> None:
    result = npkit("fx", "convert", "100", "USD", "--date", "2026-08-12", "--fields", "result",
                   "-f", "raw")  # fmt: skip
    assert result.exit_code == 0 and re.fullmatch(r"\d+\.\d\d\n", result.stdout)
    result = npkit("date", "convert", "2024-11-26", "--fields", "bs,weekday", "-f", "raw")
    assert result.stdout == "2081-08-11\tTuesday\n"


def test_no_header_for_csv_and_tsv(npkit) -> None:
    args = ("date", "convert", "2024-11-26", "--fields", "ad,bs", "--no-header")
    assert npkit(*args, "-f", "csv").stdout == "2024-11-26,2081-08-11\n"
    assert npkit(*args, "-f", "tsv").stdout == "2024-11-26\t2081-08-11\n"
    result = npkit(*args, "--json")
    assert result.exit_code == 2 and "--no-header is for csv and tsv" in result.stderr


def test_fx_convert_columns_and_json_keep_from(npkit, nrb) -> None:
    (record,) = npkit.json("fx", "convert", "100", "USD", "--date", "2026-08-12", "--json")
    assert list(record)[:3] == ["amount", "from", "to"]
    table = npkit("fx", "convert", "100", "USD", "--date", "2026-08-12").stdout
    assert table.split("\n")[0].split() == [
        "amount", "from", "to", "rate", "result", "rate_side", "date"
    ]  # fmt: skip
    csv = npkit("fx", "convert", "100", "USD", "--date", "2026-08-12", "-f", "csv").stdout
    assert csv.startswith("amount,from,to,rate,result,")


@pytest.mark.parametrize("style", ["github", "markdown"])
def test_style_markdown_for_pasting(npkit, style: str) -> None:
    text = npkit("date", "convert", "2024-11-26", "--fields", "ad,bs", "--style", style).stdout
    assert text.splitlines()[:2] == ["| ad         | bs         |", "|------------|------------|"]


# ---------------------------------------------------------------- config and cache


def test_config_shows_every_setting_and_its_origin(npkit, isolated_settings, monkeypatch) -> None:
    (isolated_settings / "config.toml").write_text(
        'timeout = 7\n[sources.nrb]\nurl = "https://mirror.example.org"\n'
        "[news.sources.setopati]\nenabled = false\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("NPKIT_FENEGOSIDA_URL", "http://127.0.0.1:1")
    records = {r["setting"]: r for r in npkit.json("config", "--json")}
    assert records["config_file"]["value"] == str(isolated_settings / "config.toml")
    assert records["config_file"]["origin"] == "environment NPKIT_CONFIG"
    assert (records["timeout"]["value"], records["timeout"]["origin"]) == (
        "7", "config file: timeout"
    )  # fmt: skip
    assert records["sources.nrb.url"]["value"] == "https://mirror.example.org"
    assert records["sources.fenegosida.url"]["origin"] == "environment NPKIT_FENEGOSIDA_URL"
    assert records["sources.hamropatro.url"]["origin"] == "default"
    assert records["news.sources.setopati"]["value"] == "disabled"
    assert records["news.sources.bbcnepali"]["origin"] == "built-in"
    assert records["cache_dir"]["origin"] == "environment NPKIT_CACHE_DIR"


def test_cache_info_and_clear(npkit, nrb, isolated_settings) -> None:
    assert npkit.json("cache", "info", "--json")[0]["files"] == 0
    assert npkit("fx", "--json").exit_code == 0
    (info,) = npkit.json("cache", "info", "--json")
    assert info["path"] == str(isolated_settings / "cache") and info["files"] >= 1
    assert info["bytes"] > 0
    result = npkit("cache", "clear")
    assert result.exit_code == 0 and "cache cleared" in result.stderr and result.stdout == ""
    assert npkit.json("cache", "info", "--json")[0]["files"] == 0


# ---------------------------------------------------------------- news: numbers, read N


def test_headlines_are_numbered_and_read_n_reads_the_nth(npkit, configured) -> None:  # noqa: F811
    table = npkit("news", "-n", "3").stdout.splitlines()
    assert table[0].split()[:2] == ["#", "published"]
    assert [line.split()[0] for line in table[2:]] == ["1", "2", "3"]
    listed = npkit.json("news", "-n", "3", "--json")  # JSON: no numbers, listing unchanged
    assert "#" not in listed[0]
    result = npkit("news", "read", "4")
    assert result.exit_code == 2 and "no headline 4 in the last listing (3 headlines)" in (
        result.stderr
    )
    result = npkit("news", "read", "2", "--offline")
    # the recorded feeds' article pages are not served: the 2nd headline's site is asked
    assert result.exit_code == 3
    assert f"from {urlsplit(listed[1]['url']).netloc}" in result.stderr
