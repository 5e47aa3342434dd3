"""The month grid of ``npkit date cal``: a BS month as a patro prints it.

Weeks run Sunday to Saturday, as on Nepali wall calendars. Each cell has the BS day, the AD day
and the tithi; under the grid, the month's festivals and holidays by day. Two layouts, chosen
by the width available (the terminal's, or ``--width``):

- **compact** (under 80 columns; 35 wide, for a phone's 40): cells 5 wide, three lines a week:
  BS day, AD day, tithi as its number in the fortnight (``Pu`` Purnima, ``Au`` Aunsi).
- **wide** (80 and more; 77 wide): cells 11 wide: BS and AD day on one line, the tithi's name
  on the next, and in weeks with festivals a third line with the day's first event.

Holidays carry a mark that needs no colour: ``*`` a public holiday for everyone (or one of the
user's own days), ``~`` a likely holiday for everyone (a year whose notice is not out: a
festival that was a holiday in the latest notice), ``+`` a holiday for some (women, a region, a
community); with colour the first two are red too, like Saturday (the weekly holiday). Today is
in reverse video, or ``[bracketed]`` without colour. The day an AD month begins shows that
month's name instead of its number (``Nov`` in the compact cells, ``1 Nov`` in the wide
ones), and a tithi in an adhik (intercalary) lunar month carries ``ᵃ``; the key under the grid
says so. Whole years are laid out by npkit.output.year_grid from ``month_block``. Widths are
measured in terminal cells as terminals draw them (npkit.output.width), so Devanagari
(``nepali``: digits, weekday, month and tithi names) lines up, and the lines under the grid are
cut with ``…`` rather than wrapped.
"""

from __future__ import annotations

from npkit import dates

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from datetime import date

    from npkit.days import Day as PatroDay

WIDE_FROM = 80
"""Terminal columns from which the wide layout is used."""

_WEEK_EN = ("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat")
_WEEK_NE = ("आइत", "सोम", "मंगल", "बुध", "बिही", "शुक्र", "शनि")
_TITHI_SHORT_EN = {15: "Pu", 30: "Au"}
_TITHI_SHORT_NE = {15: "पू", 30: "औं"}
# Tithi names cut to fit a wide cell (10 cells): only these two are longer.
_TITHI_WIDE_EN = {"Chaturdashi": "Chaturdasi", "Aunsi (Amavasya)": "Aunsi"}
_KEY_EN = ("BS day / AD day / tithi", "Pu purnima  Au aunsi", "* holiday", "+ for some",
           "~ likely holiday (no notice yet)")  # fmt: skip
_KEY_NE = ("गते / AD / तिथि", "पू पूर्णिमा  औं औंसी", "* बिदा", "+ केहीलाई बिदा",
           "~ सम्भावित बिदा (सूचना आएको छैन)")  # fmt: skip
_RED, _REVERSE, _BOLD, _DIM, _RESET = "\x1b[31m", "\x1b[7m", "\x1b[1m", "\x1b[2m", "\x1b[0m"
_CYAN = "\x1b[36m"
ADHIK_MARK = "ᵃ"
"""After the tithi of a day in an adhik month: a superscript letter, one cell, apart from the
holiday marks (* ~ +) and from the tithi's own letters."""


def cells(text: str) -> int:
    """The display width of ``text`` in terminal cells, as terminals draw it."""
    from npkit.output.width import cell_width

    return cell_width(text)


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells, ending in ``…`` when cut. Measured on the whole kept
    prefix (one pass: a year's lists cut hundreds of names), and never cut before a combining
    mark (it belongs to the letter before it)."""
    if cells(text) <= width:
        return text
    from unicodedata import category, combining

    from npkit.output.width import char_width

    end = used = 0
    for index, char in enumerate(text):
        used += char_width(char)
        following = text[index + 1] if index + 1 < len(text) else ""
        if following and (combining(following) or category(following) == "Mc"):
            continue  # keep a letter and its marks together
        if used > width - 1:
            break
        end = index + 1
    return text[:end].rstrip() + "…"


def _pad(text: str, width: int, right: bool = True) -> str:
    fill = " " * max(0, width - cells(text))
    return fill + text if right else text + fill


def _mark(day: PatroDay) -> str:
    everyone = {h.status for h in day.holidays if h.scope == "everyone"}
    if everyone:
        return "*" if everyone != {"likely"} else "~"
    return "+" if day.holidays else " "


def _sunday_index(day: date) -> int:
    """0 for Sunday … 6 for Saturday."""
    return (day.weekday() + 1) % 7


class _Style:
    """ANSI styling, or none."""

    def __init__(self, colour: bool) -> None:
        self.colour = colour

    def __call__(self, text: str, *codes: str) -> str:
        codes = tuple(code for code in codes if code)
        if not self.colour or not codes or not text.strip():
            return text
        core = text.rstrip()  # trailing spaces outside, so a line's end can be trimmed
        return "".join(codes) + core + _RESET + text[len(core) :]


def render_month(
    days: Sequence[PatroDay],
    today: date | None = None,
    colour: bool = False,
    width: int = WIDE_FROM,
    nepali: bool = False,
) -> str:
    """The grid of one BS month (``days``: its PatroDays in order) and its festivals and
    holidays, as text lines for a terminal ``width`` columns wide (no trailing newline)."""
    wide = width >= WIDE_FROM
    cell = 11 if wide else 5
    style = _Style(colour)
    first, last = days[0], days[-1]
    year, month = first.bs.year, first.bs.month
    digits = dates.to_devanagari_digits if nepali else str
    grid_width = 7 * cell
    english = f"{dates.MONTHS_EN[month - 1]} {year}"
    nepali_title = f"{dates.MONTHS_NE[month - 1]} {dates.to_devanagari_digits(year)}"
    title = f"{nepali_title} · {english}" if nepali else f"{english} · {nepali_title}"
    a, z = first.ad, last.ad
    span = f"{a:%b} {a.day}, {a.year} – {z:%b} {z.day}, {z.year}"
    if wide:
        span += f" · NS {first.ns_year}" + (
            f"–{last.ns_year}" if last.ns_year != first.ns_year else ""
        )
    lines = [_centre(title, grid_width, style, _BOLD), _centre(span, grid_width, style, "")]
    names = _WEEK_NE if nepali else _WEEK_EN
    lines.append(_header(names, cell, 4 if wide else 3, style))
    lead = _sunday_index(first.ad)
    slots: list[PatroDay | None] = [None] * lead + list(days)
    for week_start in range(0, len(slots), 7):
        week = slots[week_start : week_start + 7]
        rows = (
            _week_wide(week, today, style, nepali)
            if wide
            else _week_compact(week, today, style, nepali)
        )
        lines.extend(row.rstrip() for row in rows)
    listed = _day_list(days, width if not wide else max(width, grid_width), nepali, digits)
    if listed:
        lines.append("")
        lines.extend(listed)
    words = _KEY_NE if nepali else _KEY_EN
    if not wide:  # the key of the three lines, on a line of its own
        lines.append(words[0])
    pieces = [] if wide else [words[1], *month_start_key(days, nepali)]
    pieces += key_pieces(days, nepali)
    lines.extend(_wrap(pieces, max(width, grid_width)))
    return "\n".join(lines)


def key_pieces(days: Sequence[PatroDay], nepali: bool) -> list[str]:
    """The key of the marks ``days`` use: holidays (* + ~) and the adhik month (with its
    lunar month and AD days: ``ᵃ adhik Jestha, May 17 – Jun 15``)."""
    marks = {_mark(day) for day in days}
    words = _KEY_NE if nepali else _KEY_EN
    pieces = [words[2]] if "*" in marks else []
    pieces += [words[3]] if "+" in marks else []
    pieces += [words[4]] if "~" in marks else []
    adhik = [day for day in days if day.adhik]
    if adhik:
        a, z = adhik[0].ad, adhik[-1].ad
        name = adhik[0].lunar_month_ne if nepali else adhik[0].lunar_month
        word = "अधिक" if nepali else "adhik"
        span = f"{a:%b} {a.day}" + (f" – {z:%b} {z.day}" if z != a else "")
        pieces.append(f"{ADHIK_MARK} {word} {name}, {span}")
    return pieces


def year_key(days: Sequence[PatroDay], nepali: bool, width: int) -> list[str]:
    """The one key under a year of month blocks (``days``: the whole year), in lines of at
    most ``width`` cells."""
    words = _KEY_NE if nepali else _KEY_EN
    pieces = [words[1], *month_start_key(days, nepali), *key_pieces(days, nepali)]
    return [fit(words[0], width), *_wrap(pieces, width)]


def month_start_key(days: Sequence[PatroDay], nepali: bool) -> list[str]:
    """The key of the compact cells' AD month names, by the first in ``days``:
    ``Nov = 1 Nov``."""
    digits = dates.to_devanagari_digits if nepali else str
    for day in days:
        if day.ad.day == 1:
            return [f"{day.ad:%b} = {digits(1)} {day.ad:%b}"]
    return []


def month_block(
    days: Sequence[PatroDay],
    today: date | None,
    colour: bool,
    nepali: bool,
    cell: int,
    width: int,
) -> tuple[list[str], list[str]]:
    """One month of a year (npkit.output.year_grid), as two parts the year lines up side by
    side: the grid (a title naming the BS month and its AD months, ``Kartik 2083 · Oct/Nov
    2026``, the weekdays, the compact weeks in cells ``cell``, 4 or 5, wide) and the month's
    festivals cut to ``width``. No key (the year has one); lines are not padded."""
    style = _Style(colour)
    first, last = days[0], days[-1]
    month_name = (dates.MONTHS_NE if nepali else dates.MONTHS_EN)[first.bs.month - 1]
    digits = dates.to_devanagari_digits if nepali else str
    a, z = first.ad, last.ad
    if a.year != z.year:
        span = f"{a:%b}/{z:%b} {a.year}/{z.year % 100:02}"
    else:
        span = f"{a:%b}/{z:%b} {a.year}" if a.month != z.month else f"{a:%b} {a.year}"
    lines = [_centre(f"{month_name} {digits(first.bs.year)} · {span}", 7 * cell, style, _BOLD)]
    lines.append(_header(_WEEK_NE if nepali else _WEEK_EN, cell, 3, style))
    slots: list[PatroDay | None] = [None] * _sunday_index(first.ad) + list(days)
    for week_start in range(0, len(slots), 7):
        week = slots[week_start : week_start + 7]
        rows = _week_compact(week, today, style, nepali, cell)
        lines.extend(row.rstrip() for row in rows)
    return lines, _day_list(days, width, nepali, digits, least=width)


def _header(names: Sequence[str], cell: int, end: int, style: _Style) -> str:
    """The weekday names, each ending ``end`` cells into its column, above the day numbers; a
    name wider than that (बिही: 4 cells) takes room from the space before it, so the names
    after it stay over their columns."""
    header, used = "", 0
    for i, name in enumerate(names):
        start = max(i * cell + end - cells(name), used + 1 if i else 0)
        header += " " * (start - used) + style(name, _RED if i == 6 else "")
        used = start + cells(name)
    return header


def _wrap(pieces: Sequence[str], width: int) -> list[str]:
    """Short texts joined by two spaces into lines of at most ``width`` cells."""
    lines: list[str] = []
    for piece in pieces:
        if lines and cells(lines[-1]) + 2 + cells(piece) <= width:
            lines[-1] += "  " + piece
        else:
            lines.append(fit(piece, width))
    return lines


def _bs_text(day: PatroDay, today: date | None, digits: Callable[[int], str]) -> tuple[str, bool]:
    """The BS day with its mark: ' 15* ' or, today without colour, '[15]*'."""
    number = _pad(digits(day.bs.day), 2)
    mark = _mark(day)
    if day.ad == today:
        return f"[{number}]{mark}", True
    return f" {number}{mark} ", False


def _cell_style(day: PatroDay, is_today: bool) -> tuple[str, ...]:
    # Red as on a wall calendar: Saturday and holidays for everyone (not a group's days).
    red = _RED if _mark(day) in "*~" or _sunday_index(day.ad) == 6 else ""
    return (_REVERSE if is_today else "", red)


def _today_text(text: str, is_today: bool, style: _Style) -> str:
    """With colour, today is reverse video: the brackets become spaces."""
    if is_today and style.colour:
        return " " + text[1:3] + " " + text[4:]
    return text


def _week_compact(
    week: Sequence[PatroDay | None],
    today: date | None,
    style: _Style,
    nepali: bool,
    cell: int = 5,
) -> list[str]:
    """Three lines a week in cells ``cell`` wide: 5 (a month), or 4 (a year's months side by
    side; today is ``[15]`` there without colour, its holiday mark left to the list below)."""
    digits = dates.to_devanagari_digits if nepali else str
    short = _TITHI_SHORT_NE if nepali else _TITHI_SHORT_EN
    rest = " " * (cell - 4)
    rows = ["", "", ""]
    for day in week:
        if day is None:
            rows = [row + " " * cell for row in rows]
            continue
        bs, is_today = _bs_text(day, today, digits)
        if cell == 4:
            text = bs[:4] if is_today and not style.colour else f" {bs[1:3]}{_mark(day)}"
            rows[0] += style(text, *_cell_style(day, is_today))
        else:
            bs = _today_text(bs, is_today, style)
            rows[0] += style(bs[:4], *_cell_style(day, is_today)) + bs[4:]
        if day.ad.day == 1:  # an AD month begins: its name instead of the 1
            rows[1] += " " + style(f"{day.ad:%b}", _BOLD) + rest
        else:
            rows[1] += style(" " + _pad(digits(day.ad.day), 2), _DIM) + " " + rest
        tithi = short.get(day.tithi) or digits((day.tithi - 1) % 15 + 1)
        adhik = style(ADHIK_MARK, _CYAN) if day.adhik else " "
        rows[2] += " " + _pad(tithi, 2) + adhik + rest
    return rows


def _week_wide(
    week: Sequence[PatroDay | None], today: date | None, style: _Style, nepali: bool
) -> list[str]:
    digits = dates.to_devanagari_digits if nepali else str
    rows = ["", "", ""]
    has_events = any(day is not None and (day.events or day.holidays) for day in week)
    for day in week:
        if day is None:
            rows = [row + " " * 11 for row in rows]
            continue
        bs, is_today = _bs_text(day, today, digits)
        bs = _today_text(bs, is_today, style)
        rows[0] += style(bs[:4], *_cell_style(day, is_today)) + bs[4]
        if day.ad.day == 1:  # an AD month begins: "1 Nov"
            rows[0] += style(f"{digits(1)} {day.ad:%b}", _BOLD) + " "
        else:
            rows[0] += style(_pad(digits(day.ad.day), 5), _DIM) + " "
        tithi = day.tithi_ne if nepali else _TITHI_WIDE_EN.get(day.tithi_name, day.tithi_name)
        if day.adhik:
            adhik = fit(tithi, 9) + style(ADHIK_MARK, _CYAN)
            rows[1] += " " + _pad(adhik, 10, right=False)
        else:
            rows[1] += " " + _pad(fit(tithi, 10), 10, right=False)
        event = _names(day, nepali)[:1]
        text = fit(event[0], 10) if event else ""
        red = _RED if _mark(day) in "*~" else ""
        rows[2] += " " + style(_pad(text, 10, right=False), red)
    return rows if has_events else rows[:2]


def _names(day: PatroDay, nepali: bool) -> list[str]:
    """The day's festivals, then its holidays not already named (with who gets them)."""
    names = [event.name_ne if nepali else event.name for event in day.events]
    seen = {event.name.casefold() for event in day.events}
    for holiday in day.holidays:
        if holiday.name.casefold() in seen:
            continue
        seen.add(holiday.name.casefold())
        name = holiday.name_ne if nepali else holiday.name
        names.append(name if holiday.scope == "everyone" else f"{name} ({holiday.scope})")
    return names


def _day_list(
    days: Sequence[PatroDay],
    width: int,
    nepali: bool,
    digits: Callable[[int], str],
    least: int = 35,
) -> list[str]:
    """One line per day with festivals or holidays: BS day, AD date, mark, names."""
    found = []
    for day in days:
        names = _names(day, nepali)
        if not names:
            continue
        bs = _pad(digits(day.bs.day), 2)
        text = f"{bs} {day.ad:%b} {day.ad.day:>2} {_mark(day)} {', '.join(names)}"
        found.append(fit(text, max(width, least)))
    return found


def _centre(text: str, width: int, style: _Style, code: str) -> str:
    text = fit(text, width)
    pad = max(0, (width - cells(text)) // 2)
    return " " * pad + style(text, code)
