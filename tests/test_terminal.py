"""Behaviour that depends on a terminal, tested on a real pseudo-terminal of a given width:
cards for one answer, tables fitted with ``…``, colour auto/always/never, NO_COLOR and
TERM=dumb, "no results" on stderr, news text wrapped and paged. The same commands in a pipe
print the plain tables and data they always did."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios

import pytest

from npkit.output.width import cell_width
from tests.test_cli_gold import sources  # noqa: F401  (fixture)
from tests.test_cli_news import OK_PAGE, configured, pages, sites  # noqa: F401  (fixtures)

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def on_terminal(
    args: list[str], columns: int = 80, code: str | None = None, **env: str
) -> tuple[int, str]:  # stdin too: a pager runs only when stdin and stdout are terminals
    """Run ``npkit args`` (or python ``code``) with stdout and stderr on a pseudo-terminal
    ``columns`` wide; returns the exit code and what the terminal showed (\\r\\n → \\n)."""
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    environment = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(sys.path),
        "COLUMNS": str(columns),
        "LINES": "24",
        "TERM": "xterm-256color",
        "NPKIT_TODAY": "2026-12-01",
        "PAGER": "cat",
        **env,
    }
    for name in [k for k, v in env.items() if v == ""]:
        environment.pop(name)
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "npkit", *args]
    feed = environment.pop("NPKIT_TEST_STDIN", None)  # stdin from a pipe, stdout a terminal
    process = subprocess.Popen(
        command,
        stdin=subprocess.PIPE if feed is not None else terminal,
        stdout=terminal,
        stderr=terminal,
        env=environment,
    )
    if feed is not None and process.stdin is not None:
        process.stdin.write(feed.encode())
        process.stdin.close()
    os.close(terminal)
    shown = b""
    while True:
        ready, _, _ = select.select([controller], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        shown += chunk
    os.close(controller)
    text = shown.decode("utf-8").replace("\r\n", "\n")
    # what stays on the screen: a progress line (a slow fetch) is wiped by "\r + erase line"
    return process.wait(timeout=60), "\n".join(
        line.split("\r\x1b[K")[-1] for line in text.split("\n")
    )


def in_a_pipe(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path),
                   "NPKIT_TODAY": "2026-12-01", "COLUMNS": "40", **env}  # fmt: skip
    return subprocess.run(
        [sys.executable, "-m", "npkit", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def fits(text: str, columns: int) -> bool:
    return all(cell_width(ANSI.sub("", line)) <= columns for line in text.splitlines())


# ---------------------------------------------------------------- cards


def test_date_today_is_one_line_on_a_wide_terminal_and_a_table_in_a_pipe() -> None:
    code, shown = on_terminal(["date", "today"], 120)
    assert code == 0
    assert shown.splitlines() == [  # the day in both calendars, then its patro (issue #9)
        "Tuesday, 15 Mangsir 2083 (2083-08-15 BS = 2026-12-01 AD)",
        "मंगलबार, १५ मंसिर २०८३",
        "Ashtami (अष्टमी) until 04:16, krishna paksha of Mangsir, NS 1147",
        "nakshatra Magha (मघा) until 14:54",
        "sunrise 06:37, sunset 17:08",
        "Bhaumashtami Brata; World AIDS Day",  # Ashtami on a Tuesday; 1 December
    ]
    piped = in_a_pipe(["date", "today"]).stdout.splitlines()  # one field a line: 19 of them
    assert piped[0].split() == ["field", "value"] and piped[2].split() == ["ad", "2026-12-01"]


def test_date_today_fits_40_columns() -> None:
    code, shown = on_terminal(["date", "today"], 40)
    assert code == 0 and fits(shown, 40)
    assert shown.splitlines() == [
        "Tuesday, 15 Mangsir 2083",
        "2083-08-15 BS = 2026-12-01 AD",
        "मंगलबार, १५ मंसिर २०८३",
        "Ashtami (अष्टमी) until 04:16,",
        "krishna paksha of Mangsir, NS 1147",
        "nakshatra Magha (मघा) until 14:54",
        "sunrise 06:37, sunset 17:08",
        "Bhaumashtami Brata; World AIDS Day",
    ]


def test_date_today_names_three_observances_and_counts_the_rest() -> None:
    code, shown = on_terminal(["date", "today"], 120, NPKIT_TODAY="2023-05-05")
    assert code == 0
    assert shown.splitlines()[-2:] == [  # Buddha Jayanti, a holiday, and seven more events
        "Holiday: Buddha Jayanti",
        "Ubhauli Festival; Chandeshwari Jatra; Chandi Purnima; +4 more (--json lists them)",
    ]


def test_format_table_still_gives_the_table_and_json_is_unchanged() -> None:
    _, table = on_terminal(["date", "convert", "2024-11-26", "-f", "table"], 120)
    assert table.splitlines()[0].split()[:3] == ["ad", "bs", "weekday"]
    _, as_json = on_terminal(["date", "convert", "2024-11-26", "--json"], 40)
    assert as_json == in_a_pipe(["date", "convert", "2024-11-26", "--json"]).stdout


@pytest.mark.parametrize("args", [["date", "today"], ["date", "convert", "2024-11-26"]])
@pytest.mark.parametrize("columns", [40, 120])
def test_the_fast_path_prints_the_same_card_as_click(args: list[str], columns: int) -> None:
    fast = f"from npkit.cli import fast; assert fast.run({args!r})"
    click = f"from npkit.cli.main import _run_click; _run_click({args!r})"
    shown = [on_terminal([], columns, code=code)[1] for code in (fast, click)]
    assert shown[0] == shown[1] and "BS =" in shown[0]


def test_date_diff_and_fy_are_cards() -> None:
    _, diff = on_terminal(["date", "diff", "2026-01-01", "2026-12-01"], 80)
    assert diff.splitlines()[0] == "334 days (47.71 weeks) from 2026-01-01 to 2026-12-01"
    _, fy = on_terminal(["date", "fy"], 40)
    assert fy.splitlines()[0] == "Fiscal year 2083/84:" and fits(fy, 40)
    assert any(line.startswith("Q2 Second quarter") for line in fy.splitlines())


def test_fx_convert_is_a_sentence(nrb) -> None:
    code, shown = on_terminal(["fx", "convert", "100", "USD", "--date", "2026-08-12"], 80)
    assert code == 0, shown
    first, second = shown.splitlines()
    assert re.fullmatch(r"100 USD = [\d,]+\.\d\d NPR", first)
    assert second.startswith("1 USD = ") and "(NRB buy rate of 2026-08-12)" in second
    # the result is rounded to the target's minor unit, and the card shows it so (whole yen)
    code, shown = on_terminal(["fx", "convert", "1000", "NPR", "JPY", "--date", "2026-08-12"], 80)
    assert code == 0, shown
    assert re.fullmatch(r"1,000 NPR = [\d,]+ JPY", shown.splitlines()[0]), shown


def test_gold_value_is_a_card(sources) -> None:  # noqa: F811
    code, shown = on_terminal(["gold", "value", "2", "tola", "5", "aana"], 80,
                              NPKIT_TODAY="2026-08-17")  # fmt: skip
    assert code == 0, shown
    assert shown.splitlines()[0] == "2 tola 5 aana of fine gold = NPR 7,09,475.00"
    assert "at NPR 3,06,800.00 per tola" in shown


# ---------------------------------------------------------------- tables fitted


@pytest.mark.parametrize("columns", [40, 80])
def test_date_fy_table_fits(columns: int) -> None:
    code, shown = on_terminal(["date", "fy", "-f", "table"], columns)
    assert code == 0 and fits(shown, columns), shown
    assert max(map(len, in_a_pipe(["date", "fy"]).stdout.splitlines())) > 110  # never in a pipe


@pytest.mark.parametrize("columns", [40, 120])
def test_news_titles_are_shortened_with_an_ellipsis(configured, columns: int) -> None:  # noqa: F811
    code, shown = on_terminal(["news"], columns)
    assert code == 0, shown
    lines = shown.splitlines()
    assert fits(shown, columns), shown
    assert lines[0].split()[0] == "#" and lines[2].split()[0] == "1"
    assert "…" in shown
    piped = in_a_pipe(["news"]).stdout
    assert "…" not in piped and max(cell_width(line) for line in piped.splitlines()) > 120


# ---------------------------------------------------------------- colour


GOLD = ["gold", "--unit", "tola"]


@pytest.mark.parametrize(
    ("flags", "env", "coloured"),
    [
        ([], {}, True),
        (["--color", "never"], {}, False),
        ([], {"NO_COLOR": "1"}, False),
        ([], {"TERM": "dumb"}, False),
        (["--color", "always"], {"NO_COLOR": "1"}, True),
    ],
)
@pytest.mark.usefixtures("sources")
def test_colour_on_a_terminal(
    flags: list[str],
    env: dict[str, str],
    coloured: bool,
) -> None:
    code, shown = on_terminal([*GOLD, *flags], 100, NPKIT_TODAY="2026-08-17", **env)
    assert code == 0, shown
    assert ("\x1b[" in shown) is coloured, shown
    assert "▲" in shown


def test_colour_in_a_pipe_only_when_asked(sources) -> None:  # noqa: F811
    plain = in_a_pipe(GOLD, NPKIT_TODAY="2026-08-17")
    assert plain.returncode == 0 and "\x1b[" not in plain.stdout
    forced = in_a_pipe([*GOLD, "--color", "always"], NPKIT_TODAY="2026-08-17")
    assert "\x1b[32m▲" in forced.stdout


def test_month_grid_honours_color_never() -> None:
    _, auto = on_terminal(["date", "cal"], 80)
    _, never = on_terminal(["date", "cal", "--color", "never"], 80)
    assert "\x1b[" in auto and "\x1b[" not in never


# ---------------------------------------------------------------- empty results, news read


def test_empty_results_say_so_on_a_terminal_only(configured) -> None:  # noqa: F811
    code, shown = on_terminal(["news", "-k", "zzzz"], 80)
    assert code == 0 and shown == "npkit: no results\n"
    piped = in_a_pipe(["news", "-k", "zzzz"])
    assert piped.returncode == 0 and piped.stdout == "" and piped.stderr == ""


def test_news_read_wraps_to_the_terminal_and_pages_when_long(pages) -> None:  # noqa: F811
    url = pages.url + OK_PAGE
    code, shown = on_terminal(["news", "read", url], 40, PAGER="sed s/^/paged:/")
    assert code == 0, shown
    lines = shown.splitlines()
    assert all(line.startswith("paged:") for line in lines if line)  # longer than 24 lines
    text = [line.removeprefix("paged:") for line in lines]
    assert url in text  # the URL stays whole (the terminal can open it)
    assert fits("\n".join(line for line in text if line != url), 40)
    piped = in_a_pipe(["news", "read", url])
    assert "paged:" not in piped.stdout and max(map(len, piped.stdout.splitlines())) > 40


def test_the_fast_path_card_needs_neither_click_nor_tabulate() -> None:
    probe = (
        "import sys\nfrom npkit.cli import fast\nassert fast.run(['date', 'today'])\n"
        "print(sorted(m for m in ('click', 'tabulate', 'wcwidth') if m in sys.modules))"
    )
    code, shown = on_terminal([], 40, code=probe)
    assert code == 0 and shown.splitlines()[-1] == "[]" and "BS =" in shown  # width: our own
    code, shown = on_terminal([], 80, code=probe)  # a line that fits needs no measuring
    assert code == 0 and shown.splitlines()[-1] == "[]" and "BS =" in shown


@pytest.mark.parametrize(
    ("args", "kept"),
    [
        (["gold"], ["metal", "unit", "price", "change"]),  # the day said above the table
        (["fx"], ["currency", "unit", "buy", "sell", "change"]),
        (["fx", "usd", "--from", "2026-08-10"], ["date", "buy", "sell", "change"]),
        (
            ["fx", "convert", "100", "USD", "-f", "table"],
            ["amount", "from", "to", "result", "date"],
        ),
        (["gold", "value", "2", "tola", "5", "aana", "-f", "table"], ["weight", "metal", "value"]),
    ],
)
@pytest.mark.usefixtures("sources", "nrb")
def test_40_columns_drop_whole_columns_rather_than_cut_short_ones(
    args: list[str],
    kept: list[str],
) -> None:
    code, shown = on_terminal(args, 40, NPKIT_TODAY="2026-08-17", NO_COLOR="1")
    assert code == 0, shown
    assert fits(shown, 40), shown
    lines = shown.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("--")) - 1
    assert lines[header].split() == kept
    above = " ".join(lines[:header])  # what every row shares, said once
    if "date" not in kept and len(lines) > header + 3:
        assert "date: 2026-08-17" in above
    if args[:2] == ["fx", "usd"]:
        assert "currency: USD" in above and "unit: 1" in lines[0] + lines[-1] + above
    assert "…" not in shown  # nothing here is long text: columns go, cells stay whole


def test_npkit_help_reads_at_40_columns() -> None:
    code, shown = on_terminal(["--help"], 40)  # Click never wraps below 50 on its own
    assert code == 0 and "Commands:" in shown
    long = [line for line in shown.splitlines() if len(line) > 40 and "://" not in line]
    assert long == []
    assert "    npkit date today" in shown.splitlines()  # examples: command, then what it does


# ---------------------------------------------------------------- width as terminals draw it


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("मंसिर", 4),  # म 1, ं (Mn) 0, स 1, ि (Mc) 1, र 1
        ("पूर्णिमा", 6),  # ू and ् (Mn) none; ि and ा (Mc) one each
        ("बिही", 4),
        ("दशैं", 2),  # ै and ं: nonspacing
        ("गते", 2),
        ("२०८३", 4),
        ("一月", 4),  # East Asian wide
        ("\x1b[31mred\x1b[0m", 3),  # colour takes no cell
        ("", 0),
    ],
)
def test_cell_width_counts_as_terminals_draw(text: str, expected: int) -> None:
    assert cell_width(text) == expected


def test_cell_width_agrees_with_libc_wcswidth_on_npkit_words() -> None:
    import ctypes
    import locale

    from npkit import dates

    try:
        previous = locale.setlocale(locale.LC_CTYPE)
        locale.setlocale(locale.LC_CTYPE, "C.UTF-8")
    except locale.Error:
        pytest.skip("no C.UTF-8 locale")
    try:
        libc = ctypes.CDLL(None)
        libc.wcswidth.argtypes = [ctypes.c_wchar_p, ctypes.c_size_t]
        words = [*dates.MONTHS_NE, "पूर्णिमा", "औंसी", "चतुर्दशी", "घटस्थापना", "शुक्र", "बिही"]
        assert [cell_width(w) for w in words] == [libc.wcswidth(w, len(w)) for w in words]
    finally:
        locale.setlocale(locale.LC_CTYPE, previous)


@pytest.mark.parametrize(("columns", "cell", "end"), [(40, 5, 3), (120, 11, 4)])
def test_the_nepali_month_grid_stays_in_its_columns(columns: int, cell: int, end: int) -> None:
    code, shown = on_terminal(["date", "cal", "--nepali", "--color", "never"], columns)
    assert code == 0 and fits(shown, columns)
    lines = shown.splitlines()
    header = lines[2]  # weekday names end over the day numbers, wider ones too (बिही)
    ends = [cell_width(header[: m.end()]) for m in re.finditer(r"\S+", header)]
    assert ends == [i * cell + end for i in range(7)]
    if columns >= 80:  # the tithi names start each at its column
        rows = [line for line in lines[3:20] if "पूर्णिमा" in line or "औंसी" in line]
        assert rows
        for row in rows:
            starts = [cell_width(row[: m.start()]) for m in re.finditer(r"\S+", row)]
            assert starts == [1 + i * cell for i in range(len(starts))]


# ---------------------------------------------------------------- every table fitted


def header_of(shown: str) -> list[str]:
    """A table's column names (the line above its rule; what every row shares is above)."""
    lines = shown.splitlines()
    return lines[next(i for i, line in enumerate(lines) if line.startswith("--")) - 1].split()


FITTED = [
    (["date", "festivals", "2083"], ["name", "ad"]),
    (["date", "holidays", "2083"], ["ad", "name"]),
    (["date", "next", "dashain"], ["name", "ad", "days"]),
    (["date", "diff", "2026-01-01", "2026-12-01", "-f", "table"], None),
    # `config` at 40 columns is no table but a stack (test_config_stacks_on_a_narrow_terminal)
    (["date", "convert", "-", "-f", "table"], None),
]


@pytest.mark.parametrize(("args", "kept"), FITTED)
@pytest.mark.parametrize("columns", [40, 120])
def test_every_table_fits_the_terminal(
    args: list[str], kept: list[str] | None, columns: int
) -> None:
    code, shown = on_terminal(
        args, columns, NO_COLOR="1", NPKIT_TEST_STDIN="2026-12-01\n2083-01-01 BS\n"
    )
    assert code == 0, shown
    assert fits(shown, columns), shown
    if columns == 40 and kept is not None:
        assert header_of(shown) == kept
    piped = in_a_pipe(args, COLUMNS=str(columns))  # a pipe is never fitted
    assert "…" not in piped.stdout


@pytest.mark.usefixtures("nrb")
@pytest.mark.parametrize("columns", [40, 120])
def test_fx_wide_fits_and_keeps_its_dates(columns: int) -> None:
    args = ["fx", "--from", "2026-08-10", "--to", "2026-08-17", "--wide"]
    code, shown = on_terminal(args, columns, NPKIT_TODAY="2026-08-17", NO_COLOR="1")
    assert code == 0, shown
    assert fits(shown, columns), shown
    header = header_of(shown)
    assert header[0] == "date" and len(header) >= 3
    assert "2026-08-1" in shown


# ---------------------------------------------------------------- wrapped at words


def test_gold_value_card_wraps_at_words_at_40_columns(sources) -> None:  # noqa: F811
    code, shown = on_terminal(["gold", "value", "2", "tola", "5", "aana"], 40,
                              NPKIT_TODAY="2026-08-17")  # fmt: skip
    assert code == 0 and fits(shown, 40), shown
    words = shown.split()
    assert "7,09,475.00" in words and "3,06,800.00" in words  # numbers whole, never cut


def test_the_today_card_wraps_holiday_names_at_words() -> None:
    code, shown = on_terminal(["date", "today"], 40, NPKIT_TODAY="2026-10-21")  # Dashain
    assert code == 0 and fits(shown, 40), shown
    _, wide = on_terminal(["date", "today"], 200, NPKIT_TODAY="2026-10-21")
    # the same words: none was cut in two by the narrow screen
    words = [word.strip("()") for word in shown.split()]  # a piece on its own line: no brackets
    assert words == [word.strip("()") for word in wide.split()]


def test_messages_wrap_at_words_on_a_terminal_and_stay_one_line_in_a_pipe() -> None:
    args = ["date", "is-holiday", "2083-06-01"]  # a note on stderr, then the answer
    code, shown = on_terminal(args, 40)
    assert code == 5 and fits(shown, 40), shown
    piped = in_a_pipe([*args, "-v"])  # notes reach a pipe with -v
    message = piped.stderr.splitlines()
    assert len(message) == 1 and len(message[0]) > 40  # cron logs: one line a message
    assert " ".join(shown.split()) == " ".join((piped.stderr + piped.stdout).split())


# ---------------------------------------------------------------- in Nepali (--nepali)


def test_date_today_in_nepali_at_40_and_120_columns() -> None:
    code, wide = on_terminal(["date", "today", "--nepali"], 120)
    assert code == 0 and fits(wide, 120)
    assert wide.splitlines() == [
        "मंगलबार, १५ मंसिर २०८३ (वि.सं. २०८३-०८-१५ = ई.सं. २०२६-१२-०१)",
        "मार्ग कृष्ण अष्टमी ०४:१६ सम्म, नेपाल संवत ११४७",
        "नक्षत्र मघा १४:५४ सम्म",
        "सूर्योदय ०६:३७, सूर्यास्त १७:०८",
        "भौमाष्टमी व्रत; विश्व एड्स दिवस",
    ]
    code, narrow = on_terminal(["date", "today", "--ne"], 40)
    assert code == 0 and fits(narrow, 40), narrow
    assert narrow.splitlines()[:2] == ["मंगलबार, १५ मंसिर २०८३", "वि.सं. २०८३-०८-१५ = ई.सं. २०२६-१२-०१"]
    assert narrow.split() == wide.replace("(", "").replace(")", "").split()  # no word cut


@pytest.mark.parametrize("day", ["2026-10-21", "2023-05-05", "2023-08-01"])  # Dashain, busy, adhik
@pytest.mark.parametrize("columns", [40, 120])
def test_the_nepali_today_card_names_the_holiday_and_fits(day: str, columns: int) -> None:
    code, shown = on_terminal(["date", "today", "--nepali"], columns, NPKIT_TODAY=day)
    assert code == 0 and fits(shown, columns), shown
    _, english = on_terminal(["date", "today"], columns, NPKIT_TODAY=day)
    assert ("बिदा: " in shown) is ("Holiday: " in english)
    assert ("थप (--json मा सबै)" in " ".join(shown.split())) is (
        "more (--json lists them)" in " ".join(english.split())
    )
    assert ("अधिक" in shown) is ("(adhik)" in english)
    assert not any(ch.isascii() and ch.isdigit() for ch in shown)


@pytest.mark.parametrize("columns", [40, 120])
def test_the_fast_path_prints_the_same_nepali_card_as_click(columns: int) -> None:
    args = ["date", "today", "--nepali"]
    fast = f"from npkit.cli import fast; assert fast.run({args!r})"
    click = f"from npkit.cli.main import _run_click; _run_click({args!r})"
    shown = [on_terminal([], columns, code=code)[1] for code in (fast, click)]
    assert shown[0] == shown[1] and "वि.सं." in shown[0]


FITTED_NEPALI = [
    (["date", "festivals", "2083", "--nepali"], ["नाम", "वि.सं."]),
    (["date", "festivals", "2083", "--category", "all", "--nepali"], ["नाम", "वि.सं."]),
    (["date", "holidays", "2083", "--nepali"], ["वि.सं.", "नाम"]),
    (["date", "holidays", "2085", "--nepali"], ["वि.सं.", "नाम"]),  # likely: a warning first
    (["date", "next", "dashain", "--nepali"], ["नाम", "वि.सं.", "बाँकी", "दिन"]),
    (["date", "next", "lhosar", "--nepali"], ["नाम", "वि.सं.", "बाँकी", "दिन"]),
    (["date", "next", "holiday", "--nepali"], ["नाम", "वि.सं.", "बाँकी", "दिन"]),
    (["date", "today", "--nepali", "-f", "table"], ["विवरण", "मान"]),
    (["date", "is-holiday", "2026-10-20", "--nepali", "--fields", "ad,bs,weekday,reason"], None),
]


@pytest.mark.parametrize(("args", "kept"), FITTED_NEPALI)
@pytest.mark.parametrize("columns", [40, 120])
def test_every_nepali_table_fits_the_terminal(
    args: list[str], kept: list[str] | None, columns: int
) -> None:
    code, shown = on_terminal(args, columns, NO_COLOR="1")
    assert code == 0, shown
    assert fits(shown, columns), shown
    if columns == 40 and kept is not None:
        assert header_of(shown) == kept  # the BS date is the day a Nepali table keeps
    lines = shown.splitlines()
    body = lines[next(i for i, line in enumerate(lines) if line.startswith("--")) :]
    assert not any(ch in "0123456789" for ch in "".join(body))  # Devanagari digits only
    piped = in_a_pipe(args, COLUMNS=str(columns))
    assert "…" not in piped.stdout and piped.stdout.strip()


@pytest.mark.parametrize("columns", [40, 120])
def test_nepali_sentences_wrap_at_words(columns: int) -> None:
    args = ["date", "is-holiday", "2026-12-01", "2026-10-20", "--nepali", "--scope", "women"]
    code, shown = on_terminal(args, columns)
    assert code == 5 and fits(shown, columns), shown
    piped = in_a_pipe(args).stdout
    assert " ".join(shown.split()) == " ".join(piped.split())  # the same words, none cut
    assert len(piped.splitlines()) == 2
    assert all("बिदा होइन" in line or "होइन" not in line for line in shown.splitlines())


# ---------------------------------------------------------------- stacked when a table won't do


@pytest.mark.parametrize("columns", [40, 120])
def test_config_stacks_on_a_narrow_terminal(columns: int) -> None:
    """At 40 columns each setting's name, then its value indented below, whole (the config
    file's path was cut to `/root/.co…` in a table); at 120 the table stays."""
    code, shown = on_terminal(["config"], columns, NO_COLOR="1")
    assert code == 0, shown
    names = in_a_pipe(["config", "--fields", "setting", "-f", "raw"]).stdout.splitlines()
    values = in_a_pipe(["config", "--fields", "value", "-f", "raw"]).stdout.splitlines()
    lines = shown.splitlines()
    if columns == 40:
        assert lines[0::2] == names and lines[1::2] == ["  " + value for value in values]
        # only a value wider than the screen itself is wider than the screen (never cut)
        assert [line for line in lines if cell_width(line) > 40] == [
            "  " + value for value in values if len(value) > 38
        ]
    else:
        assert header_of(shown)[:2] == ["setting", "value"] and "…" not in shown
        assert all(value in shown for value in values)
    piped = in_a_pipe(["config"], COLUMNS=str(columns)).stdout  # a pipe: the table, as ever
    assert piped.splitlines()[0].split() == ["setting", "value", "origin"]


# ---------------------------------------------------------------- help at 40 columns


def _help_commands() -> list[list[str]]:
    """``npkit``, every command group and every subcommand."""
    import importlib

    import click

    from npkit.cli.commands import SUBCOMMANDS

    found: list[list[str]] = [[]]
    for name, (module, attribute, _) in SUBCOMMANDS.items():
        command = getattr(importlib.import_module(module), attribute)
        found.append([name])
        if isinstance(command, click.Group):
            found += [[name, sub] for sub in sorted(command.commands)]
    return found


def _words(text: str) -> tuple[str, set[int]]:
    """The text without its layout, and where each of its words ends in it (a word ends at a
    space, a `|` between choices or a `,` in a list; a continued command's `\\` is layout)."""
    tokens = [t for t in re.split(r"[\s|,]+", text) if t and t != "\\"]
    ends, total = set(), 0
    for token in tokens:
        total += len(token)
        ends.add(total)
    return "".join(tokens), ends


@pytest.mark.parametrize("args", _help_commands(), ids=lambda a: " ".join(a) or "npkit")
def test_help_reads_at_40_columns_with_every_word_whole(args: list[str]) -> None:
    code, narrow = on_terminal([*args, "--help"], 40)
    assert code == 0, narrow
    # only a word wider than the screen by itself (a URL, a path) is wider than the screen
    long = [line for line in narrow.splitlines() if cell_width(line) > 40]
    assert all(len(line.split()) == 1 for line in long), long
    _, wide = on_terminal([*args, "--help"], 120)  # Click's own layout, 78 wide
    text, ends = _words(narrow)
    assert (text, ends - _words(wide)[1]) == (_words(wide)[0], set())  # no word cut in two
    examples = [line.strip() for line in wide.splitlines() if line.startswith("    npkit ")]
    for example in examples:  # each example starts a line of its own
        start = example[:12].strip()
        assert any(line.strip().startswith(start) for line in narrow.splitlines()), example


def test_help_in_a_pipe_has_no_control_characters() -> None:
    piped = in_a_pipe(["fx", "rates", "--help"], COLUMNS="80").stdout  # 3 blocks in one epilog
    assert "\b" not in piped and "Dates: AD" in piped and "Cache: answers" in piped
