"""``npkit date …``: Click wiring only; the work is in npkit.dates, npkit.bulk, npkit.output."""

from __future__ import annotations

import sys
from datetime import date as Date

import click

from npkit import console, dates
from npkit.cli.options import output_options
from npkit.cli.patro_days import DAY_FIELDS
from npkit.dates import periods
from npkit.errors import UsageError
from npkit.output import OutputSpec, field_names, render

FROM_OPTION = click.option(
    "--from",
    "from_",
    type=click.Choice(["ad", "bs"], case_sensitive=False),
    default=None,
    help="Calendar of numeric input dates (default: ad; bs for Devanagari digits). "
    "Month names and markers (bs:2081-08-11, '2081-08-11 BS') decide for themselves.",
)
CONVERSION_COLUMNS = field_names(dates.DateConversion)


@click.group()
def date() -> None:
    """Convert dates AD↔BS, today in Nepal, the patro (tithi, festivals, holidays), fiscal year.

    Dates are read as people type them: 2024-11-26 (AD), bs:2081-08-11 or '2081-08-11 BS',
    २०८१-०८-११ (Devanagari digits: BS), '11 Mangsir 2081', 'मंसिर ११, २०८१', 'Nov 26 2024'.
    Supported: BS 1975-01-01 to 2100-12-30 (AD 1918-04-13 to 2044-04-12). See docs/date.md.
    """


def _parse(text: str, from_: str | None) -> Date:
    return dates.parse_to_ad(text, from_.lower() if from_ else None)


def _formatted(day: Date, pattern: str) -> str:
    return dates.format_bs(dates.ad_to_bs(day), pattern, day.weekday())


def _print_pattern(days: list[Date], pattern: str) -> None:
    for day in days:
        click.echo(_formatted(day, pattern))


@date.command()
@click.argument("inputs", nargs=-1, metavar="[DATE]... | -")
@FROM_OPTION
@click.option(
    "--column",
    metavar="NAME",
    help="CSV mode: read CSV on stdin, write it back with NAME converted into new columns.",
)
@click.option(
    "--keep-going",
    is_flag=True,
    help="Bulk input: report a bad line on stderr, leave its row empty and go on "
    "(default: stop at the first bad line with exit 2).",
)
@click.option(
    "-p",
    "--pattern",
    metavar="PATTERN",
    help="Print each BS date in this strftime-style layout instead of records "
    "(%Y %m %d %B %b %A %a; Devanagari %K %n %D %N %G; %-d unpadded).",
)
@output_options
def convert(
    inputs: tuple[str, ...],
    from_: str | None,
    column: str | None,
    keep_going: bool,
    pattern: str | None,
    output: OutputSpec,
) -> None:
    """Convert dates between AD and BS.

    Give dates as arguments, or '-' to read one date per line from stdin (streamed, output in
    input order, blank lines skipped). With --column, stdin is CSV.

    \b
    Examples:
      npkit date convert 2024-11-26
      npkit date convert --from bs 2081-08-11 '11 Mangsir 2081'
      seq-of-dates | npkit date convert -f csv --fields ad,bs -
      npkit date convert --column date < sales.csv > sales_bs.csv
    """
    assume = from_.lower() if from_ else None
    if pattern is not None and (output.chosen or column):
        raise UsageError(
            "--pattern prints text: it does not combine with --format/--fields/--column"
        )
    if column is not None:
        if inputs not in ((), ("-",)):
            raise UsageError("--column reads CSV from stdin: give no DATE arguments")
        _convert_csv(column, assume, keep_going, output)
        return
    if inputs == ("-",) or (not inputs and not sys.stdin.isatty()):
        _convert_stdin(assume, keep_going, pattern, output)
        return
    if not inputs:
        raise UsageError("give one or more dates, or '-' to read them from stdin")
    if "-" in inputs:
        raise UsageError("'-' (stdin) cannot be mixed with dates given as arguments")
    days = [_parse(text, from_) for text in inputs]
    if pattern is not None:
        _print_pattern(days, pattern)
        return
    render((dates.conversion(day) for day in days), output, dates.DateConversion)


def _convert_stdin(
    assume: str | None, keep_going: bool, pattern: str | None, output: OutputSpec
) -> None:
    from npkit.cli import bulk

    if pattern is not None or output.format == "table":
        # People's formats: a pattern line per date, or a table (which needs every row's width).
        days = list(bulk.read_days(sys.stdin, assume, bulk.BadInput(keep_going)))
        if pattern is not None:
            for found in days:
                click.echo("" if found is None else dates.format_bs(found[1], pattern))
            return
        empty = dates.DateConversion(*[""] * len(CONVERSION_COLUMNS))
        records = (empty if found is None else dates.conversion(found[0]) for found in days)
        render(records, output, dates.DateConversion)
        return
    bulk.convert_stdin(output, assume, keep_going)


def _convert_csv(column: str, assume: str | None, keep_going: bool, output: OutputSpec) -> None:
    import io

    from npkit.cli import bulk

    out_format = output.format if output.chosen else "csv"
    if out_format == "table":
        raise UsageError("--column writes csv, tsv, json or ndjson, not a table")
    default_field = "ad" if assume == "bs" else "bs"
    added = output.columns(CONVERSION_COLUMNS) if output.fields else (default_field,)
    source = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", newline="")
    bulk.convert_csv_column(
        source,
        column,
        OutputSpec(out_format),
        added,
        assume=assume,
        keep_going=keep_going,
        stream=sys.stdout,
    )


@date.command()
@click.option("-p", "--pattern", metavar="PATTERN", help="Print in this layout (see convert).")
@output_options
def today(pattern: str | None, output: OutputSpec) -> None:
    """Today in Nepal (Asia/Kathmandu, UTC+05:45), whatever this machine's time zone, with
    its patro: tithi, lunar month, Nepal Sambat, sunrise and sunset, festivals, holiday.

    A table shows one field per line; --json and the other formats give one record
    (fields: docs/date.md). NPKIT_TODAY=2026-12-01 pretends today is that day.
    """
    if pattern is not None and output.chosen:
        raise UsageError("--pattern prints text: it does not combine with --format/--fields")
    day = dates.today_ad()
    if pattern is not None:
        _print_pattern([day], pattern)
        return
    from npkit import patro
    from npkit.cli.patro_days import render_card, use_config_holidays

    output.columns(DAY_FIELDS)  # a wrong field fails before any work
    use_config_holidays()
    render_card(patro.day(day), output)


@date.command()
@click.argument("year", required=False)
@click.argument("month", required=False)
@click.option(
    "--ne",
    "--nepali",
    "nepali",
    is_flag=True,
    help="Devanagari grid: digits, weekday, month, tithi and festival names.",
)
@click.option(
    "-w",
    "--width",
    type=click.IntRange(20, 1000),
    default=None,
    metavar="COLUMNS",
    help="Lay the grid out for this many columns (default: the terminal's width, 80 when "
    "not a terminal); under 80 the compact layout.",
)
@output_options
def cal(
    year: str | None, month: str | None, nepali: bool, width: int | None, output: OutputSpec
) -> None:
    """A BS month as a patro grid (Sunday–Saturday): BS day, AD day and tithi in each cell,
    holidays marked (* for everyone, + for some), the month's festivals and holidays below.

    YEAR is a BS year (default: this year in Nepal); MONTH a number or name (default: this
    month; with only YEAR, the whole year). --json and the other formats give one record per
    day with its tithi, lunar month, sunrise, events and holiday (docs/date.md).
    """
    today = dates.today_ad()
    current = dates.ad_to_bs(today)
    if year is None:
        months = [(current.year, current.month)]
    else:
        year_number = dates.parse_number(year, "BS year")
        if month is None:
            months = [(year_number, m) for m in range(1, 13)]
        else:
            months = [(year_number, dates.parse_bs_month(month))]
    for y, m in months:
        dates.days_in_month(y, m)  # validate before printing anything
    from npkit import patro
    from npkit.cli.patro_days import render_days, use_config_holidays

    if output.format != "table":
        output.columns(DAY_FIELDS)
    use_config_holidays()
    if len(months) == 12:
        every = patro.year(months[0][0])
        by_month = [[d for d in every if d.bs.month == m] for _, m in months]
    else:
        by_month = [patro.month(y, m) for y, m in months]
    if output.format == "table":
        from npkit.output.month_grid import render_month

        colour = console.colour_enabled(sys.stdout)
        terminal = sys.stdout.isatty()
        columns = width or (_terminal_width() if terminal else 80)
        grids = [
            render_month(days, today if terminal else None, colour, columns, nepali)
            for days in by_month
        ]
        click.echo("\n\n".join(grids))
        return
    render_days((day for days in by_month for day in days), output)


def _terminal_width() -> int:
    """The terminal's columns (COLUMNS wins, as shutil reads it)."""
    import shutil

    return shutil.get_terminal_size((80, 24)).columns


@date.command()
@click.argument("day", required=False, metavar="[DATE]")
@FROM_OPTION
@output_options
def fy(day: str | None, from_: str | None, output: OutputSpec) -> None:
    """Nepal's fiscal year (Shrawan 1 – end of Asar) containing DATE (default: today).

    Prints the year (e.g. 2081/82), its quarters Q1–Q4 and its three four-month
    periods (chaumasik) C1–C3, each with start and end in BS and AD.
    """
    when = _parse(day, from_) if day else dates.today_ad()
    render(periods.fiscal_year(when), output, periods.FiscalPeriod)


@date.command(context_settings={"ignore_unknown_options": True})
@click.argument("start", metavar="A")
@click.argument("end", metavar="B")
@FROM_OPTION
@output_options
def diff(start: str, end: str, from_: str | None, output: OutputSpec) -> None:
    """Days (and BS years/months/days) from date A to date B; negative when B is earlier."""
    record = periods.difference(_parse(start, from_), _parse(end, from_))
    render([record], output, periods.DateDifference)


_UNITS = {
    "d": "days", "day": "days", "days": "days",
    "w": "weeks", "week": "weeks", "weeks": "weeks",
    "m": "months", "month": "months", "months": "months",
    "y": "years", "year": "years", "years": "years",
}  # fmt: skip


@date.command(context_settings={"ignore_unknown_options": True})
@click.argument("start", metavar="DATE")
@click.argument("count", metavar="N")
@click.argument("unit", required=False, default="days", metavar="[days|weeks|months|years]")
@FROM_OPTION
@output_options
def add(start: str, count: str, unit: str, from_: str | None, output: OutputSpec) -> None:
    """DATE moved by N days, weeks, BS months or BS years (N may be negative).

    Month and year steps follow the BS calendar and clamp the day to the target month's
    length (Jestha 32 + 1 month = Asar 31 when Asar has 31 days).
    """
    try:
        steps = int(count)
    except ValueError:
        raise UsageError(f"N must be a whole number, not {count!r}") from None
    kind = _UNITS.get(unit.lower())
    if kind is None:
        raise UsageError(f"unknown unit {unit!r}: use days, weeks, months or years")
    day = _parse(start, from_)
    if kind in ("days", "weeks"):
        result = periods.add_days(day, steps * (7 if kind == "weeks" else 1))
    else:
        months = steps * (12 if kind == "years" else 1)
        result = dates.bs_to_ad(periods.add_months(dates.ad_to_bs(day), months))
    render([dates.conversion(result)], output, dates.DateConversion)


from npkit.cli.patro import festivals, holidays, is_holiday, next_  # noqa: E402

for _command in (festivals, next_, holidays, is_holiday):
    date.add_command(_command)
