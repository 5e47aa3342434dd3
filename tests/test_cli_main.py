"""The entry point's promises (docs/exit-codes.md), in real processes: an internal error is one
line and exit 1 (a traceback only with --debug), Ctrl-C is exit 130 with one line, and a reader
that goes away (``| head -1``) ends the run quietly with exit 0."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time

import pytest

ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "PYTHONWARNINGS": "error"}

# An npkit run in which one core function has a bug (raises something npkit never raises).
BUGGY = """
import sys
from npkit.dates import periods
def broken(day):
    raise RuntimeError("boom")
periods.fiscal_year = broken
from npkit.cli import main
main(sys.argv[1:])
"""


def run_buggy(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", BUGGY, *args], capture_output=True, text=True, env=ENV, timeout=60
    )


def test_internal_error_is_one_line_and_exit_1() -> None:
    result = run_buggy("date", "fy")
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == (
        "npkit: internal error: RuntimeError: boom (re-run with --debug for details)\n"
    )


def test_debug_shows_the_traceback() -> None:
    result = run_buggy("--debug", "date", "fy")
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith("Traceback (most recent call last):")
    assert result.stderr.rstrip().endswith("RuntimeError: boom")


@pytest.mark.parametrize(
    "args",
    [
        ["date", "convert", "-f", "csv", "-"],  # the Click-free fast path
        ["date", "convert", "-"],  # a table: the Click path, reading until end of input
    ],
)
def test_ctrl_c_is_exit_130_with_one_line(args: list[str]) -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "npkit", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=ENV,
    ) as process:
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write(b"2024-11-26\n")
        process.stdin.flush()
        if "csv" in args:
            process.stdout.readline()  # the header: npkit runs and waits for more input
        else:
            time.sleep(1.5)  # no output before the end of input: give it time to start
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130
    assert stderr == b"npkit: interrupted\n"


@pytest.mark.parametrize(
    "args",
    [
        ["date", "cal", "2081", "-f", "ndjson"],  # Click path
        ["date", "convert", "-f", "ndjson", "-"],  # fast path, streaming stdin
    ],
)
def test_a_reader_that_goes_away_ends_the_run_quietly(args: list[str]) -> None:
    days = "".join(f"2024-{m:02d}-{d:02d}\n" for m in range(1, 13) for d in range(1, 29)) * 50
    with subprocess.Popen(
        [sys.executable, "-m", "npkit", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=ENV,
    ) as process:
        assert process.stdin is not None and process.stdout is not None
        assert process.stderr is not None

        def feed() -> None:  # in a thread: npkit's output fills its pipe while input flows
            with contextlib.suppress(BrokenPipeError), process.stdin as stdin:  # type: ignore[union-attr]
                stdin.write(days.encode())

        feeder = threading.Thread(target=feed)
        feeder.start()
        first = process.stdout.readline()
        process.stdout.close()  # what `| head -1` does
        stderr = process.stderr.read()
        feeder.join(timeout=30)
        assert process.wait(timeout=30) == 0
    assert first.startswith(b"{")
    assert stderr == b""
