"""The month grid of ``npkit date cal``: a BS month with the AD day in each cell.

Weeks run Sunday to Saturday, as on Nepali wall calendars; Saturday (the weekly holiday) is
the last column and red on a colour terminal. Today is shown in reverse video with colour,
or in [brackets] without.
"""

from __future__ import annotations

from datetime import date, timedelta

from npkit import dates

_WEEK_HEADER = ("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat")
_CELL = 5  # "11 26": BS day, space, AD day
_RED, _REVERSE, _BOLD, _RESET = "\x1b[31m", "\x1b[7m", "\x1b[1m", "\x1b[0m"


def _sunday_index(day: date) -> int:
    """0 for Sunday … 6 for Saturday."""
    return (day.weekday() + 1) % 7


def render_month(year: int, month: int, today: date | None = None, colour: bool = False) -> str:
    """The grid for BS ``year``/``month`` as text lines (no trailing newline)."""
    first = dates.bs_to_ad((year, month, 1))
    length = dates.days_in_month(year, month)
    last = first + timedelta(days=length - 1)
    width = 7 * (_CELL + 2)
    title = f"{dates.MONTHS_EN[month - 1]} {year} · {dates.MONTHS_NE[month - 1]} "
    title += dates.to_devanagari_digits(year)
    span = f"{first:%b} {first.day}, {first.year} – {last:%b} {last.day}, {last.year}"
    lines = [_centre(title, width, _BOLD if colour else ""), _centre(span, width, "")]
    header = "".join(f" {name:>{_CELL}} " for name in _WEEK_HEADER)
    if colour:
        header = header[: 6 * (_CELL + 2)] + _RED + header[6 * (_CELL + 2) :] + _RESET
    lines.append(header.rstrip())
    cells = [" " * (_CELL + 2)] * _sunday_index(first)
    for offset in range(length):
        day = first + timedelta(days=offset)
        cells.append(_cell(offset + 1, day, day == today, colour))
    for week in range(0, len(cells), 7):
        lines.append("".join(cells[week : week + 7]).rstrip())
    return "\n".join(lines)


def _cell(bs_day: int, day: date, is_today: bool, colour: bool) -> str:
    text = f"{bs_day:>2} {day.day:>2}"
    saturday = _sunday_index(day) == 6
    if colour:
        if is_today:
            return f" {_REVERSE}{text}{_RESET} "
        return f" {_RED}{text}{_RESET} " if saturday else f" {text} "
    return f"[{text}]" if is_today else f" {text} "


def _centre(text: str, width: int, style: str) -> str:
    from wcwidth import wcswidth

    pad = max(0, (width - max(wcswidth(text), 0)) // 2)
    return " " * pad + (f"{style}{text}{_RESET}" if style else text)
