"""A long regular file on stdin is converted in two processes (``npkit.sheets.halves``): the
output is byte for byte what one process writes (``NPKIT_JOBS=1``), in every line format,
whatever the second half holds; no process is left behind."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import uuid
from datetime import date
from pathlib import Path

import pytest

from npkit import dates
from npkit.sheets import halves

LINES = 200_000  # 2.2 MB: over halves.MIN_BYTES
TWO = "converted by a second process"
DECLINED = "the second half is converted here"


def random_days(count: int, seed: int, *, years: tuple[int, int] = (1918, 2044)) -> list[str]:
    first, last = date(years[0], 4, 14).toordinal(), date(years[1], 4, 12).toordinal()
    rng = random.Random(seed)
    return [date.fromordinal(rng.randint(first, last)).isoformat() for _ in range(count)]


def environment(mark: str = "", *, jobs: bool = True) -> dict[str, str]:
    """This checkout's npkit for a child process, ``NPKIT_JOBS`` as asked, and ``mark`` in
    the environment (to find the run's processes afterwards)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "NPKIT_TEST_MARK": mark}
    env.pop("NPKIT_JOBS", None)
    if not jobs:
        env["NPKIT_JOBS"] = "1"
    return env


def run(
    tmp_path: Path, source: bytes, *args: str, jobs: bool = True
) -> tuple[int, bytes, str, bool]:
    """(exit code, stdout, stderr, whether a process of the run outlived it): stdin and stdout
    are regular files, as with ``npkit date convert - < days.txt > out``."""
    mark = uuid.uuid4().hex
    env = environment(mark, jobs=jobs)
    (tmp_path / "in.txt").write_bytes(source)
    with (tmp_path / "in.txt").open("rb") as stdin, (tmp_path / "out").open("wb") as stdout:
        done = subprocess.run(
            [sys.executable, "-m", "npkit", "-v", "date", "convert", *args, "-"],
            stdin=stdin, stdout=stdout, stderr=subprocess.PIPE, env=env, timeout=120,
        )  # fmt: skip
    return done.returncode, (tmp_path / "out").read_bytes(), done.stderr.decode(), left(mark)


def left(mark: str) -> bool:
    """Whether a process carrying ``mark`` in its environment still runs (Linux: /proc)."""
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if f"NPKIT_TEST_MARK={mark}".encode() in (entry / "environ").read_bytes():
                return True
        except OSError:
            continue
    return False


def same_as_one_process(tmp_path: Path, source: bytes, *args: str, two: bool) -> str:
    """Run with and without the second process; the same exit, stdout and stderr (but -v's
    note); returns the stderr of the run with it."""
    code, out, err, stayed = run(tmp_path, source, *args)
    one_code, one_out, one_err, _ = run(tmp_path, source, *args, jobs=False)
    assert (code, out) == (one_code, one_out)
    mine = [line for line in err.splitlines() if TWO not in line and DECLINED not in line]
    assert mine == one_err.splitlines()
    assert (TWO in err) is two, err
    assert TWO not in one_err and DECLINED not in one_err
    assert not stayed
    return err


pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork") or not Path("/proc/self/environ").exists(), reason="POSIX, /proc"
)


@pytest.mark.parametrize(
    "args",
    [
        ("-f", "csv", "--fields", "ad,bs"),
        ("-f", "json",),
        ("-f", "ndjson", "--fields", "bs_ne,weekday,bs_en"),
        ("-f", "tsv", "--no-header"),
    ],
)  # fmt: skip
def test_a_long_file_is_converted_in_two_processes_byte_for_byte(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    source = ("\n".join(random_days(LINES, 7)) + "\n").encode()
    assert len(source) >= halves.MIN_BYTES
    err = same_as_one_process(tmp_path, source, *args, two=True)
    assert err.count("BS 2096 has 364 days") == 1  # (random days: in both halves)
    rows = (tmp_path / "out").read_bytes()
    assert rows.count(b"\n") >= LINES


def test_a_day_of_bs_2096_only_in_the_second_half_warns_once(tmp_path: Path) -> None:
    days = random_days(LINES, 8, years=(1950, 2020))  # no day of BS 2096 (AD 2039-40)
    assert all(dates.ad_to_bs(date.fromisoformat(d)).year != 2096 for d in days)
    days[-5] = "2039-06-01"  # BS 2096
    err = same_as_one_process(tmp_path, ("\n".join(days) + "\n").encode(), "-f", "csv", two=True)
    assert err.count("BS 2096 has 364 days") == 1


@pytest.mark.parametrize(
    ("bad", "args", "code"),
    [
        ("2024-02-30", (), 2),  # not a day: the error names its line
        ("2024-02-30", ("--keep-going",), 0),  # left empty, with its line number
        ("", ("--keep-going",), 0),  # a blank line kept as an empty row
        ("", (), 0),  # a blank line skipped
        ("2024-11-26\r", (), 0),  # Windows line end
        ("26 Mangsir 2081", (), 0),  # another spelling
        ("1900-01-01", ("--keep-going",), 0),  # out of the range
    ],
)
def test_the_second_process_declines_what_the_day_table_cannot_answer(
    tmp_path: Path, bad: str, args: tuple[str, ...], code: int
) -> None:
    days = random_days(LINES, 9)
    days[LINES - 1000] = bad
    source = ("\n".join(days) + "\n").encode()
    err = same_as_one_process(tmp_path, source, "-f", "csv", *args, two=False)
    assert DECLINED in err
    done = run(tmp_path, source, "-f", "csv", *args)
    assert done[0] == code
    if code:
        assert f"line {LINES - 1000 + 1}:" in done[2]


def test_a_last_line_without_its_newline(tmp_path: Path) -> None:
    source = "\n".join(random_days(LINES, 10)).encode()
    err = same_as_one_process(tmp_path, source, "-f", "json", two=False)
    assert DECLINED in err


def test_an_error_in_the_first_half_stops_both(tmp_path: Path) -> None:
    days = random_days(LINES, 11)
    days[100] = "not a date"
    code, out, err, stayed = run(tmp_path, ("\n".join(days) + "\n").encode(), "-f", "csv")
    assert code == 2 and "line 101:" in err and not stayed
    assert out.count(b"\n") == 101  # the header and the 100 rows before it


def test_short_files_and_pipes_take_one_process(tmp_path: Path) -> None:
    short = ("\n".join(random_days(1000, 12)) + "\n").encode()
    assert same_as_one_process(tmp_path, short, "-f", "csv", two=False).count(DECLINED) == 0
    source = ("\n".join(random_days(LINES, 13)) + "\n").encode()
    env = environment()
    done = subprocess.run(
        [sys.executable, "-m", "npkit", "-v", "date", "convert", "-f", "csv", "-"],
        input=source, capture_output=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0 and TWO not in done.stderr.decode()
    assert done.stdout == run(tmp_path, source, "-f", "csv", jobs=False)[1]


def test_a_reader_that_goes_away_ends_the_run_quietly(tmp_path: Path) -> None:
    (tmp_path / "in.txt").write_bytes(("\n".join(random_days(LINES, 14)) + "\n").encode())
    mark = uuid.uuid4().hex
    env = environment(mark)
    command = f"{sys.executable} -m npkit date convert -f csv - < in.txt | head -c 100000"
    done = subprocess.run(
        command, shell=True, cwd=tmp_path, capture_output=True, env=env, timeout=120, check=False
    )
    assert done.returncode == 0 and len(done.stdout) == 100_000
    assert done.stderr.decode().count("\n") <= 1  # at most the BS 2096 warning
    assert "Traceback" not in done.stderr.decode() and not left(mark)


def test_the_reading_stops_at_the_half(tmp_path: Path) -> None:
    # The first process reads exactly its half from a file (not from its start: a shell may
    # hand over a file already read in part), the second from there on.
    days = random_days(LINES, 15)
    head = "\n".join(days[:10]) + "\n"
    (tmp_path / "in.txt").write_text(head + "\n".join(days) + "\n")
    env = environment()
    read_ten = "; ".join(["read line"] * 10)
    command = f"{{ {read_ten}; {sys.executable} -m npkit -v date convert -f csv --fields ad -; }}"
    done = subprocess.run(
        f"{command} < in.txt", shell=True, cwd=tmp_path, capture_output=True, env=env,
        timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().split("\n")[1:-1] == days
    assert TWO in done.stderr.decode()


def test_fields_the_day_table_does_not_hold_take_one_process(tmp_path: Path) -> None:
    source = ("\n".join(random_days(LINES, 16)) + "\n").encode()
    err = same_as_one_process(
        tmp_path, source, "-f", "csv", "--fields", "bs,fiscal_year", two=False
    )
    assert DECLINED not in err  # (not even tried: the fiscal year is not in the day table)


def test_the_library_counts_both_halves(tmp_path: Path) -> None:
    # convert_lines (asked for a second process) counts its lines and rows too.
    (tmp_path / "in.txt").write_bytes(("\n".join(random_days(LINES, 17)) + "\n").encode())
    script = (
        "import sys\n"
        "from npkit.output import OutputSpec\n"
        "from npkit.sheets import bulk\n"
        "with open('in.txt', 'rb') as src, open('out', 'w', encoding='utf-8') as out:\n"
        "    result = bulk.convert_lines(\n"
        "        src, OutputSpec('csv'), ['ad', 'bs'], stream=out, second_process=True\n"
        "    )\n"
        "print(repr(result))\n"
    )
    env = environment()
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, env=env,
        timeout=120, check=False,
    )  # fmt: skip
    assert done.stdout.strip() == f"BulkResult(lines={LINES}, rows={LINES}, bad=0)", done.stderr
    assert (tmp_path / "out").read_bytes().count(b"\n") == LINES + 1


def test_a_long_file_as_a_table_turns_to_tsv_in_two_processes(tmp_path: Path) -> None:
    # The default format: a table that turns to tsv past 10,000 rows; the second half's rows
    # are that tsv.
    source = ("\n".join(random_days(LINES, 18)) + "\n").encode()
    err = same_as_one_process(tmp_path, source, two=True)
    assert "writing tsv instead of a table" in err
    assert (tmp_path / "out").read_bytes().startswith(b"ad\tbs\tweekday\t")


def test_a_table_not_yet_turned_at_the_cut_takes_no_rows_from_the_child(tmp_path: Path) -> None:
    # Long lines first: the first process has fewer than 10,000 rows at the cut, so it is
    # still a table there; the child's tsv rows are not wanted, the rest is read here.
    padded = [" " * 240 + day for day in random_days(9000, 19)]
    source = ("\n".join(padded + random_days(100_000, 20)) + "\n").encode()
    assert len(source) * halves.CUT < len("\n".join(padded))  # the cut: among long lines
    same_as_one_process(tmp_path, source, two=False)
    assert (tmp_path / "out").read_bytes().count(b"\n") == 109_001


def test_lines_added_to_the_file_after_the_cut_are_read_too(tmp_path: Path) -> None:
    # A log still being written: the child converts the file as it was when cut; what is
    # added later is read on by the first process, as one process would read it.
    days = random_days(LINES, 21)
    added = random_days(500, 22)
    (tmp_path / "in.txt").write_bytes(("\n".join(days) + "\n").encode())
    (tmp_path / "more.txt").write_bytes(("\n".join(added) + "\n").encode())
    script = (
        "from npkit.output import OutputSpec\n"
        "from npkit.sheets import bulk\n"
        "class Growing:\n"  # stdout that appends to the input at its first rows
        "    def __init__(self, out):\n"
        "        self.out, self.grown = out, False\n"
        "        self.encoding, self.errors = out.encoding, out.errors\n"
        "    def fileno(self):\n"
        "        return self.out.fileno()\n"
        "    def flush(self):\n"
        "        self.out.flush()\n"
        "    def write(self, text):\n"
        "        if text.startswith('1') or text.startswith('2'):\n"
        "            if not self.grown:\n"
        "                with open('in.txt', 'ab') as log, open('more.txt', 'rb') as more:\n"
        "                    log.write(more.read())\n"
        "                self.grown = True\n"
        "        return self.out.write(text)\n"
        "with open('in.txt', 'rb') as src, open('out', 'w', encoding='utf-8') as out:\n"
        "    result = bulk.convert_lines(\n"
        "        src, OutputSpec('csv'), ['ad'], stream=Growing(out), second_process=True\n"
        "    )\n"
        "print(repr(result))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True,
        env=environment(), timeout=120, check=False,
    )  # fmt: skip
    count = LINES + len(added)
    assert done.stdout.strip() == f"BulkResult(lines={count}, rows={count}, bad=0)", done.stderr
    assert (tmp_path / "out").read_text().split("\n")[1:-1] == days + added
