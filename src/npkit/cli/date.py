"""``npkit date …``: Click wiring only; the work is in npkit.dates, npkit.bulk, npkit.output."""

from __future__ import annotations

import sys
from datetime import date as Date

import click

from npkit import console, dates
from npkit.cli.commands import docs
from npkit.cli.groups import HelpGroup
from npkit.cli.options import complete_months, output_options
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


@click.group(cls=HelpGroup, epilog=f"Documentation: {docs('date')}")
def date() -> None:
    """Convert dates AD↔BS, today in Nepal, calendar, fiscal year.

    Dates are read as people type them: 2024-11-26 (AD), bs:2081-08-11 or '2081-08-11 BS',
    २०८१-०८-११ (Devanagari digits: BS), '11 Mangsir 2081', 'मंसिर ११, २०८१', 'Nov 26 2024'.
    Supported: BS 1975-01-01 to 2100-12-30 (AD 1918-04-13 to 2044-04-12).

    \b
    Examples:
      npkit date today                   today in Nepal
      npkit date convert 2024-11-26      AD to BS
      npkit date cal                     this BS month as a grid
      npkit date fy                      this fiscal year and its quarters
      npkit date diff 2026-01-01 2026-12-01   days between
      npkit date add 2026-12-01 3 months
    """


def _parse(text: str, from_: str | None) -> Date:
    return dates.parse_to_ad(text, from_.lower() if from_ else None)


def _formatted(day: Date, pattern: str) -> str:
    return dates.format_bs(dates.ad_to_bs(day), pattern, day.weekday())


def _print_pattern(days: list[Date], pattern: str) -> None:
    for day in days:
        click.echo(_formatted(day, pattern))


@date.command(short_help="Convert dates between AD and BS (or stdin, CSV).")
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
@output_options(record=dates.DateConversion)
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


@date.command(short_help="Today in Nepal, in BS and AD.")
@click.option("-p", "--pattern", metavar="PATTERN", help="Print in this layout (see convert).")
@output_options(record=dates.DateConversion)
def today(pattern: str | None, output: OutputSpec) -> None:
    """Today in Nepal (Asia/Kathmandu, UTC+05:45), whatever this machine's time zone. On a
    terminal one line (weekday, BS date, both ISO dates); -f table gives the table.

    \b
    Examples:
      npkit date today
      npkit date today --fields bs -f raw        2083-08-15
      npkit date today -p '%A, %d %B %Y'
    """
    day = dates.today_ad()
    if pattern is not None:
        _print_pattern([day], pattern)
        return
    render([dates.conversion(day)], output, dates.DateConversion)


@date.command(short_help="A BS month (or year) as a calendar grid.")
@click.argument("year", required=False)
@click.argument("month", required=False, shell_complete=complete_months)
@output_options(record=dates.DateConversion)
def cal(year: str | None, month: str | None, output: OutputSpec) -> None:
    """A BS month as a grid (Sunday–Saturday) with the AD day in each cell.

    YEAR is a BS year (default: this year in Nepal); MONTH a number or name (default: this
    month; with only YEAR, the whole year). --json and the other formats give the days as
    records.

    \b
    Examples:
      npkit date cal
      npkit date cal 2083 Mangsir
      npkit date cal 2083 8 --json
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
    if output.format == "table":
        from npkit.output.month_grid import render_month

        colour = console.colour_enabled(sys.stdout)
        grids = [
            render_month(y, m, today if sys.stdout.isatty() else None, colour) for y, m in months
        ]
        click.echo("\n\n".join(grids))
        return
    records = (record for y, m in months for record in periods.month_days(y, m))
    render(records, output, dates.DateConversion)


@date.command(short_help="The fiscal year of a date, its quarters and periods.")
@click.argument("day", required=False, metavar="[DATE]")
@FROM_OPTION
@output_options(record=periods.FiscalPeriod)
def fy(day: str | None, from_: str | None, output: OutputSpec) -> None:
    """Nepal's fiscal year (Shrawan 1 – end of Asar) containing DATE (default: today).

    Prints the year (e.g. 2081/82), its quarters Q1–Q4 and its three four-month
    periods (chaumasik) C1–C3, each with start and end in BS and AD. On a terminal a
    short summary (the year, its current quarter and period); -f table gives the table.

    \b
    Examples:
      npkit date fy
      npkit date fy 2024-11-26 -f table
      npkit date fy --json
    """
    when = _parse(day, from_) if day else dates.today_ad()
    render(periods.fiscal_year(when), output, periods.FiscalPeriod)


@date.command(
    short_help="Days (and BS years/months/days) between two dates.",
    context_settings={"ignore_unknown_options": True},
)
@click.argument("start", metavar="A")
@click.argument("end", metavar="B")
@FROM_OPTION
@output_options(record=periods.DateDifference)
def diff(start: str, end: str, from_: str | None, output: OutputSpec) -> None:
    """Days (and BS years/months/days) from date A to date B; negative when B is earlier.

    \b
    Examples:
      npkit date diff 2026-01-01 2026-12-01
      npkit date diff bs:2083-01-01 2026-12-01 --fields days -f raw
    """
    record = periods.difference(_parse(start, from_), _parse(end, from_))
    render([record], output, periods.DateDifference)


_UNITS = {
    "d": "days", "day": "days", "days": "days",
    "w": "weeks", "week": "weeks", "weeks": "weeks",
    "m": "months", "month": "months", "months": "months",
    "y": "years", "year": "years", "years": "years",
}  # fmt: skip


@date.command(
    short_help="A date moved by N days, weeks, BS months or years.",
    context_settings={"ignore_unknown_options": True},
)
@click.argument("start", metavar="DATE")
@click.argument("count", metavar="N")
@click.argument("unit", required=False, default="days", metavar="[days|weeks|months|years]")
@FROM_OPTION
@output_options(record=dates.DateConversion)
def add(start: str, count: str, unit: str, from_: str | None, output: OutputSpec) -> None:
    """DATE moved by N days, weeks, BS months or BS years (N may be negative).

    Month and year steps follow the BS calendar and clamp the day to the target month's
    length (Jestha 32 + 1 month = Asar 31 when Asar has 31 days).

    \b
    Examples:
      npkit date add 2026-12-01 30
      npkit date add '32 Jestha 2081' 1 month
      npkit date add 2026-12-01 -2 weeks
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
