"""Issue 21: bad bytes in CSV cells are that row's error, kept byte for byte; --column streams;
records are the same bytes on the fast path and the general one; the BS 2096 warning is said
once wherever such a date is converted or shown; article pages are read under caps that say
so. Small inputs only: sizes, memory and time are measured in benchmarks/bench_size.py."""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from npkit.news import article
from npkit.output import OutputSpec
from npkit.sheets import csv_dates
from npkit.sheets.csv_dates import CsvSource, convert_csv
from tests.conftest import Npkit

ISSUE_INPUT = b"id,date,note\n1,2024-11-26,ok\n2,2024-11-27,caf\xc3 \xff\xfe\n"


def run(*args: str, input: bytes) -> subprocess.CompletedProcess[bytes]:
    """A real process whose stdout refuses what is not UTF-8 (as in a UTF-8 locale)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path),
           "PYTHONIOENCODING": "utf-8:strict"}  # fmt: skip
    return subprocess.run([sys.executable, "-m", "npkit", *args], input=input,
                          capture_output=True, env=env, timeout=60, check=False)  # fmt: skip


# ---------------------------------------------------------------- bad bytes


def test_the_issues_input_keeps_the_bad_row_byte_for_byte() -> None:
    done = run("date", "convert", "--column", "date", "--keep-going", "-", input=ISSUE_INPUT)
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        b"id,date,note,date_bs\n1,2024-11-26,ok,2081-08-11\n2,2024-11-27,caf\xc3 \xff\xfe,\n"
    )
    assert done.stderr.decode() == "npkit: warning: date: line 3: not UTF-8 text (left empty)\n"


def test_a_bad_byte_in_a_quoted_multiline_cell_is_no_internal_error() -> None:
    source = b'id,date,note\n1,2024-11-26,"ok\nx\xff"\n2,2024-11-27,z\n'
    done = run("date", "convert", "--column", "date", "--keep-going", "-", input=source)
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        b'id,date,note,date_bs\n1,2024-11-26,"ok\nx\xff",\n2,2024-11-27,z,2081-08-12\n'
    )
    assert b"line 2: not UTF-8 text" in done.stderr and b"internal error" not in done.stderr


def test_without_keep_going_a_bad_byte_stops_the_run_after_the_rows_before() -> None:
    for args in ([], ["-f", "json"], ["-f", "tsv"]):
        done = run("date", "convert", "--column", "date", *args, "-", input=ISSUE_INPUT)
        assert done.returncode == 2 and b"line 3: not UTF-8 text" in done.stderr
        assert b"2081-08-11" in done.stdout and b"caf" not in done.stdout


@pytest.mark.parametrize("fmt", ["csv", "tsv", "raw"])
def test_text_formats_write_the_bad_bytes_back(fmt: str) -> None:
    source = b"id,date,note\n1,2024-11-26,ok\n\xff2,2024-11-27,caf\xc3\n3,x,y\n4,2024-11-28,a,b\n"
    done = run("date", "convert", "--column", "date", "--keep-going", "-f", fmt, "-", input=source)
    assert done.returncode == 0 and b"internal error" not in done.stderr
    rows = done.stdout.splitlines()[-4:]
    sep = b"," if fmt == "csv" else b"\t"
    assert rows[0] == sep.join([b"1", b"2024-11-26", b"ok", b"2081-08-11"])
    assert rows[1] == sep.join([b"\xff2", b"2024-11-27", b"caf\xc3", b""])  # every cell kept
    assert rows[2] == sep.join([b"3", b"x", b"y", b""])  # a bad date: its cells kept too
    assert rows[3].startswith(b"4") and rows[3].endswith(sep)  # too many cells: all kept
    assert b"a" in rows[3] and b"b" in rows[3]
    for line in (3, 4, 5):
        assert f"line {line}: ".encode() in done.stderr


@pytest.mark.parametrize("fmt", ["json", "ndjson"])
def test_json_keeps_bad_bytes_as_surrogate_escapes(fmt: str) -> None:
    done = run("date", "convert", "--column", "date", "--keep-going", "-f", fmt, "-",
               input=ISSUE_INPUT)  # fmt: skip
    assert done.returncode == 0
    done.stdout.decode("utf-8")  # the document stays UTF-8
    text = done.stdout.decode()
    records = json.loads(text) if fmt == "json" else [json.loads(r) for r in text.splitlines()]
    assert records[0] == {"id": "1", "date": "2024-11-26", "note": "ok", "date_bs": "2081-08-11"}
    assert records[1]["date"] == "2024-11-27" and records[1]["date_bs"] is None
    assert records[1]["note"].encode("utf-8", "surrogateescape") == b"caf\xc3 \xff\xfe"


# ---------------------------------------------------------------- records: two paths, one text


@pytest.mark.parametrize("fmt", ["json", "ndjson", "tsv", "raw"])
@pytest.mark.parametrize("end", ["\n", "\r\n"])
def test_records_are_the_same_on_the_fast_and_the_general_path(
    npkit: Npkit, monkeypatch: pytest.MonkeyPatch, fmt: str, end: str
) -> None:
    first = date(2024, 1, 1).toordinal()
    rows = [(str(n), date.fromordinal(first + n % 900).isoformat(), f"note {n}: 50% ü")
            for n in range(4000)]  # fmt: skip
    plain = end.join(["id,date,note", *(",".join(r) for r in rows)]) + end
    quoted = end.join(["id,date,note", *(f'{a},{b},"{c}"' for a, b, c in rows)]) + end
    fast_blocks = []
    original = csv_dates._CsvRows._fast_records

    def counted(self: Any, *args: Any) -> bool:
        fast_blocks.append(original(self, *args))
        return fast_blocks[-1]

    monkeypatch.setattr(csv_dates._CsvRows, "_fast_records", counted)
    fast = npkit("date", "convert", "--column", "date", "-f", fmt, input=plain.encode())
    assert any(fast_blocks)  # (64 KiB reads: the blocks after the first)
    fast_blocks.clear()
    general = npkit("date", "convert", "--column", "date", "-f", fmt, input=quoted.encode())
    assert not any(fast_blocks)
    assert fast.exit_code == general.exit_code == 0
    assert fast.stdout == general.stdout and "2081-08-11" in fast.stdout
    assert fast.stdout.count("2080-09-16") == general.stdout.count("2080-09-16") > 0


class SlowSource(io.RawIOBase):
    """CSV rows in many small reads; checks, once most are read, that output came already."""

    def __init__(self, blocks: int, out: io.StringIO) -> None:
        self.parts: Iterator[bytes] = iter(
            [b"id,date\n", *(b"".join(b"%d,2024-11-26\n" % n for n in range(5000))
                              for _ in range(blocks))]
        )  # fmt: skip
        self.out, self.read_count, self.blocks = out, 0, blocks
        self.written_early = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        self.read_count += 1
        if self.read_count == self.blocks:
            self.written_early = len(self.out.getvalue()) > 0
        part = next(self.parts, b"")
        buffer[: len(part)] = part
        return len(part)


@pytest.mark.parametrize("fmt", ["csv", "json", "tsv"])
def test_column_output_is_written_while_input_still_arrives(fmt: str) -> None:
    out = io.StringIO()
    source = SlowSource(40, out)
    result = convert_csv([CsvSource(source)], ["date"], OutputSpec(fmt), ["bs"], stream=out)
    assert result.lines == 40 * 5000 and source.written_early


# ---------------------------------------------------------------- the BS 2096 warning

WARNING = "BS 2096 has 364 days in the calendar data"


@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        (["date", "convert", "bs:2096-05-10"], None),  # the fast path
        (["date", "convert", "bs:2096-05-10", "bs:2096-05-11", "--scope", "everyone"], None),
        (["date", "convert", "-f", "json", "--from", "bs", "2096-05-10"], None),
        (["date", "cal", "2096", "5"], None),
        (["date", "cal", "2096", "-f", "csv"], None),
        (["date", "add", "bs:2096-05-10", "3", "days"], None),
        (["date", "add", "bs:2095-12-20", "20", "days"], None),  # the answer is in 2096
        (["date", "convert", "-"], b"2039-08-26\n2039-08-27\n"),  # table of stdin
        (["date", "convert", "-f", "tsv", "-"], b"2039-08-26\n2039-08-27\n"),
        (["date", "convert", "-p", "%Y", "-"], b"2039-08-26\n"),
        (["date", "convert", "--column", "d"], b"d\n2039-08-26\n2039-08-27\n"),
        (["date", "convert", "--column", "d", "-f", "json"], b"d\n2039-08-26\n"),
    ],
)
def test_the_2096_warning_is_said_once(npkit: Npkit, args: list[str], stdin: bytes | None) -> None:
    result = npkit(*args, input=stdin)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count(WARNING) == 1 and WARNING not in result.stdout


TODAY_CALLS = [["date", "today"], ["date", "today", "--json"], ["date", "today", "-p", "%Y"],
               ["date", "today", "-v"]]  # fmt: skip


@pytest.mark.parametrize("args", TODAY_CALLS)
def test_today_in_2096_warns_once_on_both_paths(args: list[str]) -> None:
    from tests.test_terminal import in_a_pipe

    fast = in_a_pipe(args, NPKIT_TODAY="2039-08-26")  # a subprocess: the Click-free path
    assert fast.returncode == 0 and fast.stderr.count(WARNING) == 1, fast.stderr
    fine = in_a_pipe(args, NPKIT_TODAY="2026-12-01")
    assert fine.returncode == 0 and WARNING not in fine.stderr


def test_the_2096_warning_is_said_again_in_the_next_run(npkit: Npkit) -> None:
    for _ in range(2):
        assert npkit("date", "convert", "bs:2096-05-10").stderr.count(WARNING) == 1
    assert WARNING not in npkit("date", "convert", "bs:2095-05-10").stderr


# ---------------------------------------------------------------- article caps


def page(body: str) -> bytes:
    return f"<html><head><title>T</title></head><body><article>{body}</article></body>".encode()


def test_a_page_past_max_tags_is_cut_with_a_warning(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(article, "MAX_TAGS", 60)
    body = "".join(f"<p>paragraph {n} with enough words to be read as text</p>" for n in range(50))
    with caplog.at_level(logging.WARNING, logger="npkit"):
        parsed = article.parse_article(page(body), "https://e.org/a")
    assert "paragraph 0 " in parsed.text and "paragraph 49" not in parsed.text
    assert any("MAX_TAGS" in r.getMessage() for r in caplog.records)


def test_nesting_past_max_nesting_is_cut_with_a_warning(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(article, "MAX_NESTING", 30)
    body = "<p>" + "the first paragraph, read " * 5 + "</p>" + "<div>" * 40 + "<p>deep</p>"
    with caplog.at_level(logging.WARNING, logger="npkit"):
        parsed = article.parse_article(page(body), "https://e.org/a")
    assert "the first paragraph" in parsed.text and "deep" not in parsed.text
    assert any("MAX_NESTING" in r.getMessage() for r in caplog.records)


def test_balanced_or_self_closing_markup_is_not_nesting(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(article, "MAX_NESTING", 30)
    body = ("<div><span>x</span></div><p>unclosed<li>item<br><img src=a>"
            "<script>if (a<b && c<d) {}</script><!-- <div><div> -->") * 40  # fmt: skip
    with caplog.at_level(logging.WARNING, logger="npkit"):
        article.parse_article(page(body + "<p>" + "last words " * 20), "https://e.org/a")
    assert not caplog.records


def test_paragraphs_past_max_blocks_are_not_read_and_a_warning_says_so(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(article, "MAX_BLOCKS", 5)
    body = "".join(f"<p>paragraph {n} of a long list of short paragraphs</p>" for n in range(9))
    with caplog.at_level(logging.WARNING, logger="npkit"):
        parsed = article.parse_article(page(body), "https://e.org/a")
    assert parsed.text.count("\n\n") == 4 and "paragraph 4 " in parsed.text
    (record,) = caplog.records
    assert "9 paragraphs" in record.getMessage() and "MAX_BLOCKS" in record.getMessage()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('<meta charset="windows-1252"><p>caf\xe9</p>'.encode("cp1252"), "café"),
        ("<p>काठमाडौं</p>".encode(), "काठमाडौं"),
        (b"\xef\xbb\xbf<p>x</p>", "<p>x</p>"),
        (b"<p>caf\xe9 \x80</p>", "café €"),  # not UTF-8: windows-1252, as browsers read it
    ],
)
def test_pages_are_decoded_as_browsers_decode_them(content: bytes, expected: str) -> None:
    assert expected in article.decode_page(content)


# ---------------------------------------------------------------- feed fragments


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<p>kept</p><a href='x' " + "<b " * 1000, "kept"),  # a tag never closed: to the end
        ("<p>before</p><!-- never closed <p>hidden</p>", "before"),
        ("<p>before</p><script>if (a<b) {x = '<p>'}", "before"),  # unclosed script: to the end
        (
            "<p>a &amp; b</p><div class='share-bar'><div>x</div>y</div><p>after</p>",
            "a & b\nafter",
        ),
        ("1 < 2 and <3 <br/>next<? pi ?><!DOCTYPE html>", "1 < 2 and <3\nnext"),
    ],
)
def test_broken_fragments_read_in_one_pass(markup: str, expected: str) -> None:
    from npkit.news.clean import html_to_text

    assert html_to_text(markup) == expected
