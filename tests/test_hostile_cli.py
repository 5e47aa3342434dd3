"""Issue #12, the user side: arguments, environment, config files and standard streams end in
exit 2, 3 or 4 with one line, never a traceback or exit 1. Real processes where the shell's
redirections matter (closed and full streams, Ctrl-C before ``main`` runs).

Each test names the class it guards; each failed on the main of 2026-12-01.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from npkit.errors import UsageError
from npkit.fx.conversion import convert_with
from npkit.fx.records import Rate

SRC = Path(__file__).parent.parent / "src"
HOSTILE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def one_failure(result, code: int) -> str:
    assert result.exit_code == code, (result.exit_code, result.stderr)
    assert "Traceback" not in result.stderr and not HOSTILE.search(result.stderr)
    assert result.stderr.count("\n") == 1, result.stderr
    return result.stderr


# ---------------------------------------------------------------- dates past Python's range


@pytest.mark.parametrize(
    "args",
    [
        ("gold", "--date", "0001-01-01"),
        ("gold", "--from", "0001-01-01", "--to", "0001-02-01"),
        ("gold", "value", "1", "--date", "0001-01-01"),
        ("news", "--since", "999999d"),
        ("news", "--since", "999999w"),
    ],
)
def test_dates_past_the_ends_of_pythons_range_are_no_crash(
    args: tuple[str, ...], npkit, news_config, monkeypatch: pytest.MonkeyPatch
) -> None:
    news_config({"dead": "http://127.0.0.1:9/feed"})
    for name in ("FENEGOSIDA", "NEPALIPATRO", "HAMROPATRO"):
        monkeypatch.setenv(f"NPKIT_{name}_URL", "http://127.0.0.1:9")
    result = npkit(*args, "--timeout", "2")
    assert result.exit_code in (0, 2, 3), result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr


# ---------------------------------------------------------------- extreme conversions


def rate(code: str, value: str) -> Rate:
    return Rate("2026-08-17", None, code, code, 1, Decimal(value), Decimal(value), None)


@pytest.mark.parametrize(
    ("first", "second"),
    [("9" * 30, "1e-30"), ("1e-30", "9" * 30), ("0", "5"), ("5", "0"), ("1e999999", "1")],
)
def test_an_extreme_cross_rate_is_an_answer_or_a_usage_error(first: str, second: str) -> None:
    try:
        convert_with(
            [rate("AAA", first), rate("BBB", second)],
            Decimal("99999999999999999999"),
            "AAA",
            "BBB",
        )
    except UsageError as exc:
        assert "\n" not in str(exc)


# ---------------------------------------------------------------- configuration


@pytest.mark.parametrize(
    "text",
    [
        "a = " + "[" * 5000 + "]" * 5000,
        "a = " + "{b = " * 3000 + "1" + "}" * 3000,
        "a" + ".a" * 100_000 + " = 1",
        "[" + ".".join(["t"] * 100_000) + "]",
        "x = 1\n" * 300_000,
    ],
    ids=["nested-arrays", "nested-tables", "dotted-key", "dotted-table", "huge"],
)
def test_a_hostile_config_file_is_a_usage_error_at_once(
    text: str, npkit, isolated_settings: Path
) -> None:
    (isolated_settings / "config.toml").write_text(text)
    stderr = one_failure(npkit("fx", "--offline"), 2)
    assert "config file" in stderr


@pytest.mark.parametrize(
    "url",
    ["http://[::1", "http://[zz]/", "http://127.0.0.1:99999/", "http://h:port/", "http://a b/"],
)
def test_a_bad_base_url_in_the_environment_is_a_usage_error(
    url: str, npkit, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NPKIT_NRB_URL", url)
    assert "NPKIT_NRB_URL" in one_failure(npkit("fx"), 2)


@pytest.mark.parametrize("url", ["http://[::1/feed", "http://127.0.0.1:99999/f", "http://[x]/"])
def test_a_bad_feed_url_is_a_usage_error(url: str, npkit, news_config) -> None:
    news_config({})
    assert "--feed" in one_failure(npkit("news", "--feed", url), 2)


def test_a_bad_url_in_the_config_file_is_a_usage_error_without_its_password(
    npkit, news_config
) -> None:
    news_config({"mine": "http://user:secret@[::1/feed"})
    stderr = one_failure(npkit("news"), 2)
    assert "secret" not in stderr


def test_escapes_in_a_config_source_name_never_reach_the_terminal(npkit, news_config) -> None:
    news_config({"mine": {"url": "http://127.0.0.1:9/f", "name": "a\x1b]0;x\x07b\u202ec\x9b2J"}})
    result = npkit("news", "sources", "-f", "csv")
    assert result.exit_code == 0
    assert not HOSTILE.search(result.stdout)


@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.binary(max_size=400))
def test_any_config_file_is_read_or_refused_in_one_line(data: bytes) -> None:
    import tempfile

    from npkit import config
    from npkit.errors import UsageError

    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "config.toml"
        path.write_bytes(data)
        old = os.environ.get("NPKIT_CONFIG")
        os.environ["NPKIT_CONFIG"] = str(path)
        try:
            for read in (config.load_file, config.timeout, config.cache_dir):
                try:
                    read()
                except UsageError as exc:
                    assert "\n" not in str(exc) and not HOSTILE.search(str(exc))
            try:
                config.base_url("nrb")
            except UsageError as exc:
                assert "\n" not in str(exc) and not HOSTILE.search(str(exc))
        finally:
            if old is not None:
                os.environ["NPKIT_CONFIG"] = old


# ---------------------------------------------------------------- standard streams (processes)


def run(shell: str, tmp_path: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(SRC), NPKIT_CACHE_DIR=str(tmp_path / "cache"))
    env.update(NPKIT_CONFIG=str(tmp_path / "none.toml"), NPKIT_TODAY="2026-08-17")
    env["NPKIT"] = f"{sys.executable} -m npkit"
    return subprocess.run(
        ["bash", "-c", shell], env=env, capture_output=True, text=True, timeout=timeout
    )


COMMANDS = ["date today", "date cal", "date convert 2024-11-26", "--version", "date --help"]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("redirect", [">&-", "> /dev/full"], ids=["closed", "full"])
def test_a_closed_or_full_stdout_is_one_line_and_exit_2(
    command: str, redirect: str, tmp_path: Path
) -> None:
    if redirect == "> /dev/full" and not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    done = run(f"$NPKIT {command} {redirect}", tmp_path)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("npkit: cannot write the output: ")
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


@pytest.mark.parametrize("command", [*COMMANDS, "fx --offline"])
@pytest.mark.parametrize("redirect", ["<&-", "2>&-", "2>/dev/full"])
def test_a_closed_stdin_or_a_dead_stderr_changes_no_exit_status(
    command: str, redirect: str, tmp_path: Path
) -> None:
    expected = run(f"$NPKIT {command} >/dev/null", tmp_path).returncode
    done = run(f"$NPKIT {command} {redirect} >/dev/null", tmp_path)
    assert done.returncode == expected in (0, 3), done.stderr
    assert "Traceback" not in done.stderr


def test_date_from_a_closed_stdin_is_no_crash(tmp_path: Path) -> None:
    done = run("$NPKIT date convert - <&-", tmp_path)
    assert done.returncode in (0, 2), done.stderr
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr


def test_ctrl_c_before_main_runs_is_the_documented_line_and_130(tmp_path: Path) -> None:
    """SIGINT while the program's modules are still importing (what a Ctrl-C in the first
    milliseconds hits): the handler npkit.cli installs first answers it, no traceback."""
    code = (
        "import sys; sys.argv[0] = 'npkit'; import npkit.cli, os, signal, time; "
        "os.kill(os.getpid(), signal.SIGINT); time.sleep(10)"
    )
    env = dict(os.environ, PYTHONPATH=str(SRC))
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 130
    assert done.stderr == "npkit: interrupted\n"


def test_a_library_import_keeps_pythons_own_ctrl_c(tmp_path: Path) -> None:
    code = (
        "import signal, npkit.cli; "
        "print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)"
    )
    env = dict(os.environ, PYTHONPATH=str(SRC))
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert done.stdout.strip() == "True"


def test_ctrl_c_while_fetching_is_one_line_and_130(tmp_path: Path) -> None:
    from tests.support.servers import LocalServer, Reply

    with LocalServer() as server:
        server.route("/api/forex/v1/rates", Reply(b"{}", mode="slow", delay=8))
        env = dict(os.environ, PYTHONPATH=str(SRC), NPKIT_CACHE_DIR=str(tmp_path / "c"))
        env.update(NPKIT_CONFIG=str(tmp_path / "none.toml"), NPKIT_NRB_URL=server.url)
        process = subprocess.Popen(
            [sys.executable, "-m", "npkit", "fx"], env=env, stderr=subprocess.PIPE, text=True
        )
        while not server.requests:
            if process.poll() is not None:
                break
            import time

            time.sleep(0.05)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130
    assert stderr == "npkit: interrupted\n"
