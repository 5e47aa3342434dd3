"""``npkit date …``: Click wiring only; the work is in npkit.dates, npkit.days (every field of a
day), npkit.sheets and npkit.output."""

from __future__ import annotations

import sys
from datetime import date as Date
from typing import Any

import click

from npkit import console, dates
from npkit.cli.commands import docs
from npkit.cli.groups import HelpGroup
from npkit.cli.options import (
    complete_months,
    nepali_option,
    once,
    output_options,
    reading_options,
)
from npkit.cli.patro import (
    CONFIRMED_OPTION,
    SCOPE_OPTION,
    bs_years,
    check_scopes,
    language_of,
    write_calendar,
    years_options,
)
from npkit.dates import periods
from npkit.days import (
    FIELD_NAMES,
    CalendarDay,
    ConvertedDay,
    Day,
    needs_patro,
    use_config_holidays,
)
from npkit.errors import UsageError
from npkit.output import OutputSpec, render


@click.group(cls=HelpGroup, epilog=f"Documentation: {docs('date')}")
def date() -> None:
    """Convert dates AD↔BS, today in Nepal, the patro (tithi, festivals, holidays), fiscal year.

    Dates are read as people type them: 2024-11-26 (AD), bs:2081-08-11 or '2081-08-11 BS',
    २०८१-०८-११ (Devanagari digits: BS), '11 Mangsir 2081', 'मंसिर ११, २०८१', 'Nov 26 2024'.
    Supported: BS 1975-01-01 to 2100-12-30 (AD 1918-04-13 to 2044-04-12).

    \b
    Examples:
      npkit date today                   today in Nepal
      npkit date today --nepali          the same in Nepali
      npkit date convert 2024-11-26      AD to BS
      npkit date cal                     this BS month as a grid
      npkit date fy                      this fiscal year and its quarters
      npkit date diff 2026-01-01 2026-12-01   days between
      npkit date add 2026-12-01 3 months
    """


def _formatted(day: Date, pattern: str) -> str:
    return dates.format_bs(dates.ad_to_bs(day), pattern, day.weekday())


def _print_pattern(days: list[Date], pattern: str) -> None:
    for day in days:
        click.echo(_formatted(day, pattern))


@date.command(short_help="Convert dates between AD and BS (or stdin, CSV).")
@click.argument("inputs", nargs=-1, metavar="[DATE]... | - | [CSV]...")
@click.option(
    "--column",
    "columns",
    metavar="NAME",
    multiple=True,
    help="CSV mode: read CSV (files given, else stdin), write it back with NAME converted into "
    "new columns NAME_<field>. Repeat for several columns.",
)
@click.option(
    "--add",
    metavar="FIELDS",
    multiple=True,
    callback=once,
    help="CSV mode: the fields to add per column (same as --fields): bs,weekday,fiscal_year,"
    "quarter,chaumasik,fy_month,bs_year,bs_month,bs_month_name,bs_month_ne,pattern,tithi,…",
)
@click.option(
    "--delimiter",
    metavar="CHAR",
    multiple=True,
    callback=once,
    help="CSV mode: the cell separator (default ','; ';' as European Excel writes, or tab).",
)
@reading_options
@click.option(
    "--keep-going",
    is_flag=True,
    help="Bulk input: report a bad line on stderr, leave its row empty and go on, keeping "
    "output rows aligned with input rows (default: stop at the first bad line with exit 2).",
)
@click.option(
    "-p",
    "--pattern",
    metavar="PATTERN",
    multiple=True,
    callback=once,
    help="Print each BS date in this strftime-style layout instead of records "
    "(%Y %m %d %B %b %A %a; Devanagari %K %n %D %N %G; %-d unpadded). "
    "In CSV mode: the added field 'pattern'.",
)
@SCOPE_OPTION
@output_options(record=ConvertedDay)
def convert(
    inputs: tuple[str, ...],
    columns: tuple[str, ...],
    add: str | None,
    delimiter: str | None,
    reading: dates.Reading,
    keep_going: bool,
    pattern: str | None,
    scopes: tuple[str, ...],
    output: OutputSpec,
) -> None:
    """Convert dates between AD and BS.

    Give dates as arguments, or '-' to read one date per line from stdin (streamed, output in
    input order, blank lines skipped). With --column, the input is CSV: files given as
    arguments, else stdin.

    \b
    Examples:
      npkit date convert 2024-11-26 today
      npkit date convert --from bs 2081-08-11 '11 Mangsir 2081'
      seq-of-dates | npkit date convert -f csv --fields ad,bs -
      npkit date convert --column date sales.csv > sales_bs.csv
      npkit date convert --column date --add bs,fiscal_year,quarter --dayfirst sales.csv
    """
    csv_only = [name for name, value in (("--add", add), ("--delimiter", delimiter)) if value]
    if csv_only and not columns:
        raise UsageError(f"{' and '.join(csv_only)} only work with --column (CSV mode)")
    if columns:
        _convert_csv(inputs, columns, add, delimiter, pattern, reading, keep_going, scopes, output)
        return
    if pattern is not None and output.chosen:
        raise UsageError("--pattern prints text: it does not combine with --format/--fields")
    output.columns(FIELD_NAMES)  # a wrong field fails before any input is read
    if inputs == ("-",) or (not inputs and not sys.stdin.isatty()):
        _convert_stdin(reading, keep_going, pattern, scopes, output)
        return
    if not inputs:
        raise UsageError("give one or more dates, or '-' to read them from stdin")
    if "-" in inputs:
        raise UsageError("'-' (stdin) cannot be mixed with dates given as arguments")
    found = [reading.day(text) for text in inputs]
    for _, bs in found:
        dates.warn_unverified(bs.year)
    if pattern is not None:
        for day, bs in found:
            click.echo(dates.format_bs(bs, pattern, day.weekday()))
        return
    asked = _user_days(output.fields or (), scopes)
    render((Day(day, bs, scopes=asked) for day, bs in found), output, ConvertedDay)


def _user_days(fields: tuple[str, ...] | list[str], given: tuple[str, ...]) -> tuple[str, ...]:
    """The scopes whose holidays make ``day_off`` (``--scope``, else the config file's) and
    the config file's own days off, loaded when a patro field (``holiday``, ``day_off``) is
    asked for; ``--scope`` is checked (did-you-mean) even when none is."""
    if needs_patro(fields) or given:
        use_config_holidays()
        return check_scopes(given)
    return ()


def _convert_stdin(
    reading: Any, keep_going: bool, pattern: str | None, given: tuple[str, ...], output: OutputSpec
) -> None:
    from npkit.sheets import bulk

    scopes = _user_days(output.fields or (), given)
    if pattern is not None:
        bulk.write_patterns(sys.stdin.buffer, pattern, reading, keep_going, sys.stdout)
    elif output.for_people:
        bulk.write_table(sys.stdin.buffer, output, reading, keep_going, sys.stdout, scopes)
    else:
        bulk.convert_stdin(output, reading.assume, keep_going, reading, scopes=scopes)


def _convert_csv(
    inputs: tuple[str, ...],
    columns: tuple[str, ...],
    add: str | None,
    delimiter: str | None,
    pattern: str | None,
    reading: Any,
    keep_going: bool,
    given: tuple[str, ...],
    output: OutputSpec,
) -> None:
    from contextlib import ExitStack

    from npkit.sheets import csv_dates

    if add is not None and output.fields:
        raise UsageError("--add and --fields say the same thing: give one")
    sheet = output.unless_chosen("csv")
    if sheet.for_people:
        raise UsageError("--column writes csv, tsv, json or ndjson, not a table")
    asked = [n.strip() for n in add.split(",") if n.strip()] if add else list(output.fields or ())
    names = csv_dates.added_fields(columns, asked, pattern, reading.assume)
    scopes = _user_days(names, given)
    separator = csv_dates.parse_delimiter(delimiter)
    with ExitStack() as stack:
        sources = csv_dates.open_sources(inputs, stack, sys.stdin.buffer)
        csv_dates.convert_csv(
            sources,
            columns,
            OutputSpec(sheet.format, header=output.header),
            names,
            reading=reading,
            pattern=pattern,
            delimiter=separator,
            keep_going=keep_going,
            stream=sys.stdout,
            scopes=scopes,
        )


@date.command(short_help="Today in Nepal, in BS and AD.")
@click.option("-p", "--pattern", metavar="PATTERN", help="Print in this layout (see convert).")
@SCOPE_OPTION
@output_options(record=CalendarDay)
@nepali_option
def today(pattern: str | None, scopes: tuple[str, ...], output: OutputSpec, nepali: bool) -> None:
    """Today in Nepal (Asia/Kathmandu, UTC+05:45), whatever this machine's time zone, with
    its patro: tithi, lunar month, Nepal Sambat, sunrise and sunset, festivals, holiday.

    On a terminal one line (weekday, BS date, both ISO dates) and the day's patro; -f table
    shows one field per line; --json and the other formats give one record (fields:
    the date documentation). NPKIT_TODAY=2026-12-01 pretends today is that day.

    \b
    Examples:
      npkit date today
      npkit date today --fields bs -f raw        2083-08-15
      npkit date today --fields tithi_name,holiday --json
      npkit date today -p '%A, %d %B %Y'
      npkit date today --nepali                   the card in Nepali
    """
    if pattern is not None and output.chosen:
        raise UsageError("--pattern prints text: it does not combine with --format/--fields")
    day = dates.today_ad()
    dates.warn_unverified(dates.ad_to_bs(day).year)  # as every command showing a day says it
    if pattern is not None:
        _print_pattern([day], pattern)
        return
    output.columns(FIELD_NAMES)  # a wrong field fails before any work
    use_config_holidays()
    spec = output._replace(nepali=nepali)
    render([Day(day, scopes=check_scopes(scopes))], spec, CalendarDay)


@date.command(short_help="A BS month (or year) as a calendar grid.")
@click.argument("year", required=False)
@click.argument("month", required=False, shell_complete=complete_months)
@nepali_option
@click.option(
    "-w",
    "--width",
    type=click.IntRange(20, 1000),
    default=None,
    metavar="COLUMNS",
    help="Lay the grid out for this many columns (default: the terminal's width, 80 when "
    "not a terminal); under 80 the compact layout. A year: 3 months across from 90 columns, "
    "2 from 59.",
)
@click.option(
    "--category",
    metavar="CATEGORIES",
    default=None,
    help="Which observances the grid lists below it: ','-separated categories (see 'date "
    "festivals --help') or all. Default: main, festival, jatra and community.",
)
@years_options
@SCOPE_OPTION
@output_options(calendar=True)
def cal(
    year: str | None,
    month: str | None,
    nepali: bool,
    width: int | None,
    category: str | None,
    from_year: str | None,
    to_year: str | None,
    scopes: tuple[str, ...],
    output: OutputSpec,
) -> None:
    """A BS month as a patro grid (Sunday–Saturday): BS day, AD day and tithi in each cell,
    holidays marked (* for everyone, + for some), the month's festivals and holidays below
    (--category all: every observance the patro prints).

    YEAR is a BS year (default: this year in Nepal); MONTH a number or name (default: this
    month; with only YEAR, the whole year, its months side by side as the width allows).
    The day an AD month begins shows its name (Nov, or 1 Nov); ᵃ marks the tithis of an adhik
    month. --json and the other formats give one record per day with its tithi, lunar month,
    sunrise, events and holiday.

    \b
    Examples:
      npkit date cal
      npkit date cal 2083 Mangsir --nepali
      npkit date cal 2083 8 --json
      npkit date cal --from 2083 --to 2084 -f ics > patro.ics
    """
    today = dates.today_ad()
    current = dates.ad_to_bs(today)
    if from_year is not None or to_year is not None:
        if year is not None:
            raise UsageError("give YEAR [MONTH] or --from/--to, not both")
        months = [(y, m) for y in bs_years((), from_year, to_year) for m in range(1, 13)]
    elif year is None:
        months = [(current.year, current.month)]
    else:
        year_number = dates.parse_number(year, "BS year")
        if month is None:
            months = [(year_number, m) for m in range(1, 13)]
        else:
            months = [(year_number, dates.parse_bs_month(month))]
    for y, m in months:
        dates.days_in_month(y, m)  # validate before printing anything
        dates.warn_unverified(y)
    from npkit.patro import rules

    chosen = rules.categories(category)
    if output.calendar:
        _cal_calendar(months, category, scopes, language_of(nepali), output)
        return
    from npkit.days import month as month_days
    from npkit.days import year as year_days

    if not output.for_people:
        output.columns(FIELD_NAMES)
    use_config_holidays()
    asked = check_scopes(scopes)
    if len(months) % 12 == 0:
        every = [d for y in dict.fromkeys(y for y, _ in months) for d in year_days(y, scopes=asked)]
        by_month = [[d for d in every if (d.bs.year, d.bs.month) == ym] for ym in months]
    else:
        by_month = [month_days(y, m, scopes=asked) for y, m in months]
    if output.for_people:
        from npkit.output.month_grid import render_month
        from npkit.output.render import terminal_width

        listed = [[_Listed(day, chosen) for day in days] for days in by_month]
        colour = console.colour_enabled(sys.stdout)
        terminal = sys.stdout.isatty()
        columns = width or terminal_width(sys.stdout) or 80
        if len(months) % 12 == 0:  # whole years: each one's months side by side
            from npkit.output.year_grid import render_year

            shown = today if terminal else None
            years = [listed[i : i + 12] for i in range(0, len(listed), 12)]
            text = "\n\n".join(
                render_year(one, shown, colour, columns, nepali)  # type: ignore[arg-type]
                for one in years
            )
            click.echo(text, color=colour)  # Click strips colour in a pipe unless told
            return
        grids = [
            render_month(days, today if terminal else None, colour, columns, nepali)  # type: ignore[arg-type]
            for days in listed
        ]
        click.echo("\n\n".join(grids), color=colour)
        return
    render((day for days in by_month for day in days), output, CalendarDay)


def _cal_calendar(
    months: list[tuple[int, int]],
    category: str | None,
    given: tuple[str, ...],
    language: str,
    output: OutputSpec,
) -> None:
    """``cal -f ics``: the observances (``--category``) and holidays (every one, or those of
    ``--scope`` and everyone's) of the months asked, as calendar events."""
    from npkit.days import entries

    use_config_holidays()
    asked = check_scopes(given)
    scope = ("everyone", *asked) if asked else None
    first = dates.bs_to_ad((*months[0], 1))
    last_year, last_month = months[-1]
    last = dates.bs_to_ad((last_year, last_month, dates.days_in_month(last_year, last_month)))
    found = entries.observances(first, last, category, language)
    found += entries.holidays(first, last, scope, language)
    found.sort(key=lambda entry: entry.first)
    write_calendar("cal", found, output, language)


class _Listed:
    """A day whose events are only the chosen categories' (what the grid lists)."""

    def __init__(self, day: Day, chosen: frozenset[str] | None) -> None:
        from npkit.patro import rules

        self._day = day
        self.events = tuple(e for e in day.events if rules.shown(e.id, chosen))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._day, name)


@date.command(short_help="The fiscal year of a date, its quarters and periods.")
@click.argument("day", required=False, metavar="[DATE | YEAR/YY]")
@reading_options
@output_options(record=periods.FiscalPeriod)
def fy(
    day: str | None,
    reading: dates.Reading,
    output: OutputSpec,
) -> None:
    """Nepal's fiscal year (Shrawan 1 – end of Asar) containing DATE (default: today), or the
    one a label names: 2081/82, or 2081 (the year that starts in Shrawan 2081).

    Prints the year (e.g. 2081/82), its quarters Q1–Q4 and its three four-month
    periods (chaumasik) C1–C3, each with start and end in BS and AD. On a terminal a
    short summary (the year, its current quarter and period); -f table gives the table.

    \b
    Examples:
      npkit date fy
      npkit date fy 2024-11-26 -f table
      npkit date fy --json
    """
    start_year = dates.parse_fiscal_label(day) if day and reading.layout is None else None
    if start_year is not None:
        rows = periods.fiscal_year(dates.bs_to_ad((start_year, 4, 1)), today=dates.today_ad())
    else:
        when = reading.to_ad(day) if day else dates.today_ad()
        rows = periods.fiscal_year(when)
    render(rows, output, periods.FiscalPeriod)


@date.command(
    short_help="Days (and BS years/months/days) between two dates.",
    context_settings={"ignore_unknown_options": True},
)
@click.argument("start", metavar="A")
@click.argument("end", metavar="[B]", required=False)
@SCOPE_OPTION
@CONFIRMED_OPTION
@reading_options
@output_options(record=periods.DateDifference)
def diff(
    start: str,
    end: str | None,
    scopes: tuple[str, ...],
    confirmed: bool,
    reading: dates.Reading,
    output: OutputSpec,
) -> None:
    """Days (and BS years/months/days) from date A to date B; negative when B is earlier.
    With one date, from today to it. --fields …,workdays adds the working days from A to B,
    both included (Saturdays and the holidays of --scope skipped, likely ones too unless
    --confirmed), as HR and accounts count them.

    \b
    Examples:
      npkit date diff 2026-01-01 2026-12-01
      npkit date diff bs:2083-06-24                days from today
      npkit date diff bs:2083-01-01 2026-12-01 --fields days -f raw
      npkit date diff 2026-10-01 2026-10-31 --fields days,workdays
    """
    if end is None:
        first, last = dates.today_ad(), reading.to_ad(start)
    else:
        first, last = reading.to_ad(start), reading.to_ad(end)
    record = periods.difference(first, last)
    if "workdays" in (output.fields or ()):
        from dataclasses import replace

        from npkit import patro

        scope = _workday_scopes(scopes)
        workdays = patro.workdays_between(first, last, scope, confirmed)
        record = replace(record, workdays=workdays)
    render([record], output, periods.DateDifference)


def _workday_scopes(scopes: tuple[str, ...]) -> tuple[str, ...]:
    """The scopes whose holidays are not working days: --scope, else the config's, else
    everyone (the user's own days loaded first)."""
    use_config_holidays()
    return check_scopes(scopes) or ("everyone",)


_UNITS = {
    "d": "days", "day": "days", "days": "days",
    "w": "weeks", "week": "weeks", "weeks": "weeks",
    "m": "months", "month": "months", "months": "months",
    "y": "years", "year": "years", "years": "years",
    "wd": "workdays", "workday": "workdays", "workdays": "workdays",
}  # fmt: skip


@date.command(
    short_help="A date moved by N days, weeks, BS months or years.",
    context_settings={"ignore_unknown_options": True},
)
@click.argument("start", metavar="DATE")
@click.argument("count", metavar="N")
@click.argument(
    "unit", required=False, default="days", metavar="[days|weeks|months|years|workdays]"
)
@SCOPE_OPTION
@CONFIRMED_OPTION
@reading_options
@output_options(record=ConvertedDay)
def add(
    start: str,
    count: str,
    unit: str,
    scopes: tuple[str, ...],
    confirmed: bool,
    reading: dates.Reading,
    output: OutputSpec,
) -> None:
    """DATE moved by N days, weeks, BS months, BS years or working days (N may be negative;
    DATE may be today, yesterday or tomorrow).

    Month and year steps follow the BS calendar and clamp the day to the target month's
    length (Jestha 32 + 1 month = Asar 31 when Asar has 31 days). N workdays is the Nth
    working day after DATE: Saturdays and the holidays of --scope (default: the config's,
    else everyone) skipped, likely ones too unless --confirmed.

    \b
    Examples:
      npkit date add 2026-12-01 30
      npkit date add '32 Jestha 2081' 1 month
      npkit date add 2026-12-01 -2 weeks
      npkit date add 2026-10-16 5 workdays
    """
    try:
        steps = int(count)
    except ValueError:
        raise UsageError(f"N must be a whole number, not {count!r}") from None
    kind = _UNITS.get(unit.lower())
    if kind is None:
        raise UsageError(f"unknown unit {unit!r}: use days, weeks, months, years or workdays")
    if (scopes or confirmed) and kind != "workdays":
        raise UsageError("--scope and --confirmed count only with workdays")
    day = reading.to_ad(start)
    if kind == "workdays":
        from npkit import patro

        result = patro.add_workdays(day, steps, _workday_scopes(scopes), confirmed)
    elif kind in ("days", "weeks"):
        result = periods.add_days(day, steps * (7 if kind == "weeks" else 1))
    else:
        months = steps * (12 if kind == "years" else 1)
        result = dates.bs_to_ad(periods.add_months(dates.ad_to_bs(day), months))
    for shown in (day, result):
        dates.warn_unverified(dates.ad_to_bs(shown).year)
    render([Day(result)], output, ConvertedDay)


from npkit.cli.patro import festivals, holidays, is_holiday, next_  # noqa: E402

for _command in (festivals, next_, holidays, is_holiday):
    date.add_command(_command)
