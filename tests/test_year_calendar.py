"""``npkit date cal YEAR`` (issue 18): the months side by side as the width allows, each month's
AD month change and adhik tithis marked, ``--color always`` honoured in a pipe; on a real
pseudo-terminal at 40 and 120 columns, English and ``--nepali``."""

from __future__ import annotations

import re
import sys
from datetime import date

import pytest

from npkit import dates
from npkit.output.month_grid import ADHIK_MARK
from npkit.output.width import cell_width
from npkit.output.year_grid import across
from tests.conftest import Npkit
from tests.test_terminal import ANSI, fits, in_a_pipe, on_terminal

YEAR = 2083  # has an adhik month (Jestha, 2026)


def titles(line: str) -> list[str]:
    """The month titles on a line: ``Kartik 2083 · Oct/Nov 2026`` or ``कात्तिक २०८३ · …``."""
    names = "|".join(re.escape(name) for name in (*dates.MONTHS_EN, *dates.MONTHS_NE))
    return re.findall(rf"(?:{names}) \S+ · \S+ \S+", line)


def title_rows(text: str) -> list[list[str]]:
    return [found for line in text.splitlines() if (found := titles(line))]


def month_ends(year: int) -> list[tuple[date, date]]:
    """Each BS month's first and last AD day, from the calendar (not from the grid)."""
    return [
        (dates.bs_to_ad((year, m, 1)), dates.bs_to_ad((year, m, dates.days_in_month(year, m))))
        for m in range(1, 13)
    ]


# ---------------------------------------------------------------- how many across


@pytest.mark.parametrize(
    ("width", "count"), [(20, 1), (40, 1), (58, 1), (59, 2), (80, 2), (89, 2), (90, 3),
                         (100, 3), (120, 3), (200, 3)],
)  # fmt: skip
def test_months_across_by_width(width: int, count: int) -> None:
    assert across(width) == count


@pytest.mark.parametrize(("width", "count"), [(40, 1), (80, 2), (100, 3), (160, 3)])
def test_year_lays_out_the_months_side_by_side(npkit: Npkit, width: int, count: int) -> None:
    out = npkit("date", "cal", str(YEAR), "--width", str(width)).stdout
    rows = title_rows(out)
    assert [len(row) for row in rows] == [count] * (12 // count)
    names = [title.split()[0] for row in rows for title in row]
    assert names == list(dates.MONTHS_EN)  # in order, each with its own title
    assert all(cell_width(line) <= max(width, 37) for line in out.splitlines())


def test_several_years_are_each_laid_out_as_a_year(npkit: Npkit) -> None:
    both = npkit("date", "cal", "--from", str(YEAR), "--to", str(YEAR + 1), "-w", "120")
    one = [npkit("date", "cal", str(y), "-w", "120").stdout for y in (YEAR, YEAR + 1)]
    assert both.exit_code == 0 and both.stdout == "\n".join(one)
    assert [len(row) for row in title_rows(both.stdout)] == [3] * 8


def test_a_pipe_gets_the_80_column_year_whatever_columns_says() -> None:
    wide = in_a_pipe(["date", "cal", str(YEAR)], COLUMNS="200")
    narrow = in_a_pipe(["date", "cal", str(YEAR)], COLUMNS="40")
    assert wide.returncode == 0 and wide.stdout == narrow.stdout  # deterministic
    assert [len(row) for row in title_rows(wide.stdout)] == [2] * 6
    assert all(cell_width(line) <= 80 for line in wide.stdout.splitlines())


def test_month_titles_name_their_ad_months(npkit: Npkit) -> None:
    out = npkit("date", "cal", str(YEAR), "-w", "100").stdout
    found = [title for row in title_rows(out) for title in row]
    for title, (first, last) in zip(found, month_ends(YEAR), strict=True):
        ad = title.split(" · ")[1]
        assert f"{first:%b}/{last:%b}" in ad and str(first.year) in ad
        if first.year != last.year:  # Poush: Dec/Jan 2026/27
            assert ad.endswith(f"{first.year}/{last.year % 100:02}")


# ---------------------------------------------------------------- the AD month change


def ends(line: str) -> dict[str, set[int]]:
    """{token: cells from the line's start to its end} for the tokens of a grid line, holiday
    marks left off."""
    found: dict[str, set[int]] = {}
    for match in re.finditer(r"[^\s*+~]+", line):
        found.setdefault(match.group(), set()).add(cell_width(line[: match.end()]))
    return found


def ad_firsts(year: int, month: int | None = None) -> list[date]:
    """The AD 1sts inside BS ``year`` (or one of its months), from the calendar."""
    first, last = dates.bs_to_ad((year, 1, 1)), dates.bs_to_ad((year + 1, 1, 1))
    days = [date(y, m, 1) for y in (first.year, last.year) for m in range(1, 13)]
    inside = [day for day in days if first <= day < last]
    return [day for day in inside if month is None or dates.ad_to_bs(day).month == month]


@pytest.mark.parametrize("args", [["-w", "40"], ["-w", "100"], ["8", "-w", "40"]])
def test_the_day_an_ad_month_begins_shows_its_name(npkit: Npkit, args: list[str]) -> None:
    """Under the BS day of each AD 1st, the AD row shows the month's name (its last letter in
    the mark column, one cell after the BS day's digits)."""
    out = npkit("date", "cal", str(YEAR), *args).stdout
    lines = out.splitlines()
    firsts = ad_firsts(YEAR, 8 if args[0] == "8" else None)
    assert len(firsts) == (1 if args[0] == "8" else 12)
    for day in firsts:
        bs_day = str(dates.ad_to_bs(day).day)
        below = [
            ends(lines[n + 1]).get(f"{day:%b}", set()) & {e + 1 for e in ends(line).get(bs_day, ())}
            for n, line in enumerate(lines[:-1])
        ]
        assert any(below), f"{day:%b} 1 is not under BS {bs_day}"
    assert f"{firsts[0]:%b} = 1 {firsts[0]:%b}" in out  # the key explains it


def test_the_wide_grid_says_1_nov(npkit: Npkit) -> None:
    first = dates.bs_to_ad((YEAR, 7, 1))
    nov1 = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    bs = dates.ad_to_bs(nov1)
    out = npkit("date", "cal", str(bs.year), str(bs.month)).stdout
    assert re.search(rf" {bs.day}[*+~ ] 1 {nov1:%b} ", out)
    assert not re.search(r"\d[*+~ ]     1 ", out)


# ---------------------------------------------------------------- adhik


def adhik_days(npkit: Npkit, *args: str) -> list[dict[str, object]]:
    return [row for row in npkit.json("date", "cal", *args, "--json") if row["adhik"]]


@pytest.mark.parametrize("width", ["40", "80", "120"])
def test_every_adhik_tithi_is_marked_and_keyed(npkit: Npkit, width: str) -> None:
    adhik = adhik_days(npkit, str(YEAR))
    assert adhik  # BS 2083 has one
    out = npkit("date", "cal", str(YEAR), "-w", width).stdout
    key = re.findall(rf"{ADHIK_MARK} adhik .*", out)
    assert out.count(ADHIK_MARK) - len(key) == len(adhik)
    a, z = date.fromisoformat(str(adhik[0]["ad"])), date.fromisoformat(str(adhik[-1]["ad"]))
    name = adhik[0]["lunar_month"]
    assert key == [f"{ADHIK_MARK} adhik {name}, {a:%b} {a.day} – {z:%b} {z.day}"]


@pytest.mark.parametrize("width", ["40", "80"])
def test_a_month_with_adhik_days_marks_them(npkit: Npkit, width: str) -> None:
    for month in range(1, 13):
        adhik = adhik_days(npkit, str(YEAR), str(month))
        out = npkit("date", "cal", str(YEAR), str(month), "-w", width).stdout
        marked = out.count(ADHIK_MARK)
        assert marked == (len(adhik) + 1 if adhik else 0), month  # + the key line


def test_a_year_without_adhik_has_no_mark(npkit: Npkit) -> None:
    assert not adhik_days(npkit, "2081")
    assert ADHIK_MARK not in npkit("date", "cal", "2081", "-w", "100").stdout


# ---------------------------------------------------------------- colour


@pytest.mark.parametrize("month", [[], ["8"]])
def test_color_always_colours_the_grid_in_a_pipe(month: list[str]) -> None:
    args = ["date", "cal", str(YEAR), *month]
    forced = in_a_pipe([*args, "--color", "always"])
    assert forced.returncode == 0 and "\x1b[31m" in forced.stdout  # Saturdays, holidays
    assert ANSI.sub("", forced.stdout) == in_a_pipe(args).stdout  # the same grid, coloured
    assert "\x1b[" not in in_a_pipe(args).stdout
    assert "\x1b[" not in in_a_pipe([*args, "--color", "never"]).stdout
    assert "\x1b[" not in in_a_pipe(args, NO_COLOR="1").stdout


# ---------------------------------------------------------------- on a terminal


pty_only = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")


@pty_only
@pytest.mark.parametrize("nepali", [[], ["--nepali"]])
@pytest.mark.parametrize(("columns", "count"), [(40, 1), (120, 3)])
def test_year_on_a_terminal_fits(columns: int, count: int, nepali: list[str]) -> None:
    code, shown = on_terminal(["date", "cal", str(YEAR), *nepali], columns)
    assert code == 0 and fits(shown, columns)
    plain = ANSI.sub("", shown)
    assert [len(row) for row in title_rows(plain)] == [count] * (12 // count)
    assert "\x1b[7m" in shown  # today (NPKIT_TODAY 2026-12-01) in reverse video


@pty_only
@pytest.mark.parametrize("nepali", [[], ["--nepali"]])
def test_year_columns_line_up_on_a_terminal(nepali: list[str]) -> None:
    """At 120 columns, every BS day and tithi of every month ends on its column: block start +
    4 × weekday + 3 cells (Devanagari digits and tithis too), marks after it."""
    _, shown = on_terminal(["date", "cal", str(YEAR), *nepali, "--color", "never"], 120)
    lines = shown.splitlines()
    starts = [0, 31, 62]
    ends = {start + 4 * day + 3 for start in starts for day in range(7)}
    week = "आइत" if nepali else "Sun"
    checked = 0
    for number, line in enumerate(lines):
        if not line.startswith(week):
            continue
        header = [cell_width(line[: m.end()]) for m in re.finditer(r"\S+", line)]
        assert {header[0], header[7], header[14]} == {3, 34, 65}
        row = number + 1
        while row < len(lines) and lines[row].strip() and not titles(lines[row]):
            if (row - number) % 3 != 2:  # BS days and tithis (AD rows hold month names)
                text = lines[row].replace(ADHIK_MARK, " ")
                for m in re.finditer(r"[^\s*+~\[\]]+", text):
                    assert cell_width(text[: m.end()]) in ends, (lines[row], m.group())
                    checked += 1
            row += 1
    assert checked > 12 * 30


@pty_only
def test_today_in_a_year_without_colour_is_bracketed() -> None:
    _, shown = on_terminal(["date", "cal", str(YEAR)], 120, NO_COLOR="1")
    today = dates.ad_to_bs(date(2026, 12, 1))  # on_terminal's NPKIT_TODAY
    assert "\x1b" not in shown and f"[{today.day}]" in shown
    assert shown.count("[") == 1
