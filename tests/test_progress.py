"""The progress line: the library reports steps (``npkit.progress``) and never prints; the
command line draws one line on stderr, on a terminal only, updated in place and cleared when
the work ends or a message comes; nothing in a pipe (a note a page with -v) or with -q.

Long work is made long for real: a local NRB that waits before each page, stdin fed in two
batches with a pause between them (the line appears only after ``PROGRESS_DELAY`` of work).
"""

from __future__ import annotations

import fcntl
import io
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import threading
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from npkit import console, progress
from npkit.fx import nrb as nrb_api
from npkit.sheets import bulk
from tests.support.servers import NRB_PATH, FakeNRB, LocalServer, Reply, Request
from tests.test_cli_gold import sources  # noqa: F401  (fixture)

ERASE = "\r\x1b[K"
HISTORY = ["fx", "usd", "--from", "2026-01-01", "--to", "2026-08-17"]  # 229 days: 3 pages


def screen(shown: str) -> str:
    """What stays on the screen: each "\\r + erase line" wipes its line back to the start."""
    return "\n".join(line.split(ERASE)[-1] for line in shown.split("\n"))


@pytest.fixture
def slow_nrb(monkeypatch: pytest.MonkeyPatch):
    """A fake NRB that waits longer than ``PROGRESS_DELAY`` before every page."""
    fake = FakeNRB()

    def slow(request: Request) -> Reply:
        return replace(fake(request), mode="slow", delay=console.PROGRESS_DELAY + 0.2)

    with LocalServer() as server:
        server.route(NRB_PATH, slow)
        monkeypatch.setenv("NPKIT_NRB_URL", server.url)
        yield server


def run(
    args: list[str],
    *,
    columns: int = 40,
    stdout_file: Path | None = None,
    batches: tuple[str, ...] = (),
) -> tuple[int, str]:
    """``npkit args`` with stderr (and stdout, unless ``stdout_file``) on a pseudo-terminal;
    stdin, when ``batches`` are given, is a pipe fed batch after batch, each once the one
    before has been converted (seen in ``stdout_file``) and the delay has passed."""
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "COLUMNS": str(columns),
           "TERM": "xterm-256color", "NPKIT_TODAY": "2026-08-17"}  # fmt: skip
    out = open(stdout_file, "w") if stdout_file else None  # noqa: SIM115 - closed below
    process = subprocess.Popen(
        [sys.executable, "-m", "npkit", *args],
        stdin=subprocess.PIPE if batches else subprocess.DEVNULL,
        stdout=out or terminal,
        stderr=terminal,
        env=env,
    )
    os.close(terminal)
    if batches:
        threading.Thread(target=_feed, args=(process, batches, stdout_file), daemon=True).start()
    shown = b""
    while select.select([controller], [], [], 60)[0]:
        try:
            chunk = os.read(controller, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(controller)
    code = process.wait(timeout=60)
    if out:
        out.close()
    return code, shown.decode("utf-8").replace("\r\n", "\n")


def _feed(process: subprocess.Popen[bytes], batches: tuple[str, ...], seen: Path | None) -> None:
    import time

    assert process.stdin is not None
    lines = 0
    for number, batch in enumerate(batches):
        if number:
            # bytes: the file may end inside a Nepali character being written
            while seen and seen.read_bytes().count(b"\n") < lines - 2000 and process.poll() is None:
                time.sleep(0.05)  # the batch before is converted (less what is still buffered)
            time.sleep(console.PROGRESS_DELAY + 0.2)
        process.stdin.write(batch.encode())
        process.stdin.flush()
        lines += batch.count("\n")
    process.stdin.close()


DATES = "".join(f"{date.fromordinal(730000 + i % 9000).isoformat()}\n" for i in range(30_000))


# ---------------------------------------------------------------- the library's side


def test_the_library_reports_each_page_and_the_end(nrb) -> None:
    seen: list[tuple[str, int, int | None, bool]] = []
    stop = progress.listen(lambda s: seen.append((s.what, s.done, s.total, s.ended)))
    try:
        nrb_api.fetch_days(date(2026, 1, 1), date(2026, 8, 17))
    finally:
        stop()
    assert seen == [
        ("fetching NRB rates", 1, 1, False),  # the first reply says how many pages there are
        ("fetching NRB rates", 2, 3, False),
        ("fetching NRB rates", 3, 3, False),
        ("fetching NRB rates", 0, None, True),
    ]
    progress.step("fetching NRB rates", 4, 3)
    assert len(seen) == 4  # stopped: no longer told


def test_fenegosida_history_reports_each_month(npkit, sources) -> None:  # noqa: F811
    seen: list[tuple[str, int, int | None, bool]] = []
    stop = progress.listen(lambda s: seen.append((s.what, s.done, s.total, s.ended)))
    try:
        args = ["gold", "--source", "fenegosida", "--from", "2026-07-20", "--to", "2026-08-17"]
        result = npkit(*args, "--json")
    finally:
        stop()
    assert result.exit_code == 0, result.stderr
    assert seen == [
        ("fetching FENEGOSIDA rates", 1, 2, False),  # July
        ("fetching FENEGOSIDA rates", 2, 2, False),  # August
        ("fetching FENEGOSIDA rates", 0, None, True),
    ]
    assert "fetching" not in result.stderr  # CliRunner's stderr is no terminal


def test_a_failed_fetch_still_ends_its_progress(local_server, monkeypatch) -> None:
    local_server.route(NRB_PATH, Reply(b"{}", status=503))
    monkeypatch.setenv("NPKIT_NRB_URL", local_server.url)
    ended: list[bool] = []
    stop = progress.listen(lambda s: ended.append(s.ended))
    try:
        with pytest.raises(Exception):  # noqa: B017 - which one is fx's business
            nrb_api.fetch_days(date(2026, 1, 1), date(2026, 8, 17))
    finally:
        stop()
    assert ended[-1] is True


def test_steps_read_as_people_say_them() -> None:
    assert str(progress.Step("fetching NRB rates", 3, 17, "page")) == (
        "fetching NRB rates: page 3 of 17"
    )
    assert str(progress.Step("converting", 120_000, None, "rows")) == "converting: 120,000 rows"


def test_a_bulk_conversion_reports_rows_only_past_its_threshold() -> None:
    from npkit.output import OutputSpec

    counts: list[int] = []
    stop = progress.listen(lambda s: counts.append(s.done) if not s.ended else None)
    try:
        small = io.BytesIO(DATES[: 11 * 5000].encode())
        bulk.convert_lines(small, OutputSpec("tsv"), ["ad", "bs"], stream=io.StringIO())
        assert counts == []
        big = io.BytesIO(DATES.encode())
        bulk.convert_lines(big, OutputSpec("tsv"), ["ad", "bs"], stream=io.StringIO())
    finally:
        stop()
    assert counts and counts[0] >= bulk.PROGRESS_AFTER and counts[-1] <= 30_000
    assert counts == sorted(counts)


def test_a_csv_conversion_reports_its_lines_and_ends() -> None:
    from npkit import sheets
    from npkit.output import OutputSpec

    seen: list[tuple[int, bool]] = []
    stop = progress.listen(lambda s: seen.append((s.done, s.ended)))
    body = "id,d\n" + "".join(f"{n},{day}" for n, day in enumerate(DATES.splitlines(True)))
    try:
        sheets.convert_csv(
            [sheets.CsvSource(io.BytesIO(body.encode()))],
            ["d"], OutputSpec("csv"), ["bs"], stream=io.StringIO(),
        )  # fmt: skip
    finally:
        stop()
    counts = [done for done, ended in seen if not ended]
    assert counts and counts[0] >= bulk.PROGRESS_AFTER and counts == sorted(counts)
    assert counts[-1] <= 30_001 and seen[-1] == (0, True)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_message_clears_the_line_first(monkeypatch: pytest.MonkeyPatch) -> None:
    stderr = _Terminal()
    monkeypatch.setattr(sys, "stderr", stderr)
    monkeypatch.setattr(console, "PROGRESS_DELAY", 0.0)
    monkeypatch.setattr(console, "verbosity", console.NORMAL)
    console.show_progress(progress.Step("fetching NRB rates", 2, 17, "page"))
    console.warn("NRB answered 503; showing cached data")
    console.show_progress(progress.Step("fetching NRB rates", 0, None, "", ended=True))
    assert stderr.getvalue() == (
        f"{ERASE}npkit: fetching NRB rates: page 2 of 17"
        f"{ERASE}npkit: warning: NRB answered 503; showing cached data\n"
    )  # ended with no line on the screen: nothing more to erase


# ---------------------------------------------------------------- what a person sees


@pytest.mark.usefixtures("slow_nrb")
def test_a_long_fetch_shows_one_line_updated_in_place_then_cleared() -> None:
    code, shown = run(HISTORY, columns=40)
    assert code == 0, shown
    assert f"{ERASE}npkit: fetching NRB rates: page 2 of 3" in shown
    assert f"{ERASE}npkit: fetching NRB rates: page 3 of 3{ERASE}" in shown  # then cleared
    assert shown.count("\n") == len(screen(shown).splitlines())  # never a line of its own
    left = screen(shown)
    assert "fetching" not in left and left.splitlines()[0].startswith("currency: USD")


@pytest.mark.usefixtures("slow_nrb")
def test_no_progress_with_quiet() -> None:
    code, shown = run([*HISTORY, "-q"], columns=80)
    assert code == 0 and "fetching" not in shown and ERASE not in shown


@pytest.mark.usefixtures("slow_nrb")
def test_no_progress_in_a_pipe_and_a_note_a_page_with_verbose() -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "NPKIT_TODAY": "2026-08-17"}
    for flags, expected in (([], ""), (["-v"], "npkit: fetching NRB rates: page 2 of 3\n")):
        piped = subprocess.run(
            [sys.executable, "-m", "npkit", *HISTORY, *flags],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            stdin=subprocess.DEVNULL,
        )
        assert piped.returncode == 0
        assert piped.stderr.startswith(expected) and "\x1b" not in piped.stderr
        assert ("page 3 of 3" in piped.stderr) is bool(flags)


@pytest.mark.parametrize("args", [["-f", "tsv", "-"], ["-"]])  # line mode; a table of stdin
def test_a_long_conversion_counts_its_rows_when_its_output_goes_elsewhere(
    args: list[str], tmp_path: Path
) -> None:
    output = tmp_path / "out.tsv"
    half = len(DATES) // 2
    code, shown = run(
        ["date", "convert", *args], stdout_file=output, batches=(DATES[:half], DATES[half:])
    )
    assert code == 0, shown
    assert f"{ERASE}npkit: converting: " in shown and " rows" in shown
    assert "converting" not in screen(shown)
    assert output.read_text().count("\n") == 30_001  # the header and every row


def test_no_conversion_count_among_rows_on_the_terminal() -> None:
    half = len(DATES) // 2
    code, shown = run(["date", "convert", "-f", "tsv", "-"], batches=(DATES[:half], DATES[half:]))
    assert code == 0
    assert "converting" not in shown and ERASE not in shown
    assert shown.count("\n") >= 30_001
