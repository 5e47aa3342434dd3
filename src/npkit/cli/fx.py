"""``npkit fx …``: Click wiring only; the work is in npkit.fx, npkit.http and npkit.output."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from npkit import console
from npkit import fx as core
from npkit.cli.commands import docs
from npkit.cli.groups import DefaultCommandGroup
from npkit.cli.history import check_history, draw, history_options, render_columns
from npkit.cli.options import (
    FETCH_EPILOG,
    complete_currencies,
    fetch_options,
    once,
    output_options,
    read_day,
    reading_options,
)
from npkit.config import FetchOptions
from npkit.errors import UsageError
from npkit.output import OutputSpec, render

if TYPE_CHECKING:
    from npkit.dates import Reading

DEFAULT_COMMAND = "rates"
WORDS_OPTION = click.option(
    "--words",
    is_flag=True,
    help="Print the result in words, for an invoice ('Fifteen Thousand … Rupees and Fifty "
    "Paisa'; see npkit num words).",
)
DATE_HELP = """\b
Dates: AD 2024-11-26; BS bs:2081-08-11, '2081-08-11 BS', २०८१-०८-११
(Devanagari digits mean BS), or with a month name: '11 Mangsir 2081',
'Nov 26 2024'. Today is today in Nepal (UTC+05:45).
"""


@click.group(
    cls=DefaultCommandGroup,
    default_command=DEFAULT_COMMAND,
    usages=("[rates] [CODE]... [OPTIONS]", "convert AMOUNT FROM [TO] [OPTIONS]"),
    takes_words=True,
    epilog=DATE_HELP + FETCH_EPILOG + f"Documentation: {docs('fx')}\n",
)
def fx() -> None:
    """Nepal Rastra Bank exchange rates: latest, by date, history, convert.

    Rates are NPR per unit as NRB publishes them (INR per 100, JPY per 10, KRW per 100, the
    rest per 1); null when not quoted. Without a subcommand, 'rates' runs.

    \b
    Examples:
      npkit fx                         latest published day, every currency
      npkit fx usd eur --date bs:2081-08-11
      npkit fx USD --from 2024-01-01 -f csv > usd.csv
      npkit fx --from 2024-01-01 --wide -f csv   one column per currency
      npkit fx convert 100 USD         100 USD in NPR (bank's buy rate)
      npkit fx convert 5000 NPR INR    NPR to INR (bank's sell rate)
    """


@fx.command(
    "rates", short_help="Rates: latest, one day or a history.", epilog=DATE_HELP + FETCH_EPILOG
)
@click.argument("codes", nargs=-1, metavar="[CODE]...", shell_complete=complete_currencies)
@click.option("--date", "date_", metavar="DATE", help="One day (default: the latest published).")
@click.option("--from", "start", metavar="DATE", help="History from this day (paged politely).")
@click.option("--to", "end", metavar="DATE", help="History up to this day (default: today).")
@reading_options(calendar=False)
@click.option("--wide", is_flag=True, help="One row per date, one column per currency (charts).")
@click.option(
    "--rate",
    "side",
    type=click.Choice(core.SIDES, case_sensitive=False),
    default=None,
    help="The figure --wide, --chart and --stats use: buy (default), sell or mid.",
)
@history_options("currency")
@fetch_options
@output_options(record=core.Rate)
def rates(
    codes: tuple[str, ...],
    date_: str | None,
    start: str | None,
    end: str | None,
    reading: Reading,
    wide: bool,
    side: str | None,
    chart: bool,
    stats: bool,
    fetch: FetchOptions,
    output: OutputSpec,
) -> None:
    """Exchange rates for CODEs (ISO 4217, any case; default: all): the latest published day,
    one --date, or a history --from/--to (one record per day and currency, sorted by date).

    \b
    Examples:
      npkit fx                         the latest published day, every currency
      npkit fx usd eur --date 2026-08-12
      npkit fx USD --from 2026-08-01 -f csv > usd.csv
      npkit fx --from 2026-08-01 --wide --rate sell -f csv
      npkit fx USD --from 2026-06-01 --chart       a line chart of the buy rate
      npkit fx USD EUR --from 2026-06-01 --stats   low, high, mean, change
    """
    from npkit.fx import summary

    check_history(output, start, chart=chart, stats=stats, wide=wide)
    if side is not None and not (wide or chart or stats):
        raise UsageError(
            "--rate chooses the figure of --wide, --chart or --stats; without them both are shown"
        )
    if stats:
        output.check(summary.RateSummary)
    elif not wide:
        output.check(core.Rate)  # a bad --fields fails before any request
    records = core.rates(
        codes,
        date=read_day(date_, reading),
        start=read_day(start, reading),
        end=read_day(end, reading),
        options=fetch,
    )
    if not records:
        console.warn("NRB published no rates for these dates")
    figure = (side or "buy").lower()
    if chart:
        series = summary.series(records, figure)
        draw(
            [
                (f"{code} {figure}, NPR per {unit}", points)
                for (code, unit), points in series.items()
            ]
        )
        return
    if stats:
        render(summary.summaries(records, figure), output, summary.RateSummary)
        return
    if wide:
        currencies, rows = core.wide(records, figure)
        render_columns(rows, ("date", "date_bs", *currencies), output)
        return
    render(records, output, core.Rate)


@fx.command(
    "convert",
    short_help="Convert an amount, or a CSV ledger at each row's date.",
    epilog=DATE_HELP + FETCH_EPILOG,
)
@click.argument(
    "args",
    nargs=-1,
    metavar="AMOUNT FROM [TO] | --column NAME [CSV]...",
    shell_complete=complete_currencies,
)
@click.option(
    "--date",
    "date_",
    metavar="DATE",
    multiple=True,
    callback=once,
    help="Rates of this day (default: latest).",
)
@click.option(
    "--rate",
    "side",
    type=click.Choice(core.SIDES, case_sensitive=False),
    multiple=True,
    callback=once,
    help="NRB figure to use on every leg (default: what a customer gets: "
    "buy when selling foreign currency for NPR, sell when buying it with NPR).",
)
@click.option(
    "--column",
    "columns",
    metavar="NAME",
    multiple=True,
    help="Ledger mode: the CSV column of amounts; each row is valued at NRB's rate of its own "
    "date (--date-column), adding NAME_<to>, rate and rate_date.",
)
@click.option(
    "--date-column",
    metavar="NAME",
    multiple=True,
    callback=once,
    help="Ledger mode: the column of dates.",
)
@click.option(
    "--currency",
    metavar="CODE",
    multiple=True,
    callback=once,
    help="Ledger mode: every amount is in CODE.",
)
@click.option(
    "--currency-column",
    metavar="NAME",
    multiple=True,
    callback=once,
    help="Ledger mode: the column of currency codes.",
)
@click.option(
    "--to",
    "target",
    metavar="CODE",
    multiple=True,
    callback=once,
    help="Ledger mode: value in CODE (default NPR).",
)
@click.option(
    "--delimiter",
    metavar="CHAR",
    multiple=True,
    callback=once,
    help="Ledger mode: the cell separator (default ,).",
)
@click.option(
    "--decimal-comma",
    is_flag=True,
    help="Ledger mode: amounts are written 1.250,50 (comma decimal point, dot thousands).",
)
@reading_options(calendar=False)
@click.option(
    "--keep-going",
    is_flag=True,
    help="Ledger mode: a bad row is a warning and empty added cells (default: exit 2).",
)
@WORDS_OPTION
@fetch_options
@output_options(record=core.Conversion)
def convert(
    args: tuple[str, ...],
    date_: str | None,
    side: str | None,
    columns: tuple[str, ...],
    date_column: str | None,
    currency: str | None,
    currency_column: str | None,
    target: str | None,
    delimiter: str | None,
    decimal_comma: bool,
    reading: Reading,
    keep_going: bool,
    words: bool,
    fetch: FetchOptions,
    output: OutputSpec,
) -> None:
    """Convert AMOUNT of FROM into TO (default NPR) at NRB's rates; either side may be NPR, or
    neither (a cross rate through NPR). Rates are divided by their unit (INR per 100, …).
    On a terminal the answer is one sentence; -f table gives the table.

    \b
    Examples:
      npkit fx convert 100 USD                    100 US dollars in rupees
      npkit fx convert 5000 NPR INR --date 2026-08-12
      npkit fx convert 100 USD --fields result -f raw     just the number
      npkit fx convert 100 USD --words            the result in words

    \b
    Ledger mode: value every row of a CSV at the rate of its own date (one history fetch):
      npkit fx convert --column amount --currency USD --date-column date ledger.csv
      npkit fx convert --column amount --currency-column cur --date-column date --to EUR -
    """
    ledger_options = {
        "--date-column": date_column,
        "--currency": currency,
        "--currency-column": currency_column,
        "--to": target,
        "--delimiter": delimiter,
        "--decimal-comma": decimal_comma or None,
        "--keep-going": keep_going or None,
    }
    if words and (columns or output.chosen or output.fields):
        raise UsageError("--words prints one line of text: not with --column, -f or --fields")
    if columns:
        _convert_ledger(
            args, columns, side, date_, fetch, output, keep_going, ledger_options, reading
        )
        return
    given = [name for name, value in ledger_options.items() if value]
    if given:
        raise UsageError(f"{given[0]} works with --column (ledger mode) only")
    if not 2 <= len(args) <= 3:
        raise UsageError("give AMOUNT FROM [TO] (e.g. 100 USD), or --column NAME for a CSV")
    output.check(core.Conversion)  # a bad --fields fails before any request
    amount, from_, to = (*args, core.HOME) if len(args) == 2 else args
    if words:
        from npkit.num import currency_named

        currency_named(to)  # a currency without words fails before any request
    day = read_day(date_, reading)
    conversion = core.convert(
        amount, from_, to, date=day, side=side.lower() if side else None, options=fetch
    )
    if words:
        from npkit.cli.num import words_line

        click.echo(words_line(conversion.result, conversion.to))
        return
    render([conversion], output, core.Conversion)


def _convert_ledger(
    files: tuple[str, ...],
    columns: tuple[str, ...],
    side: str | None,
    date_: str | None,
    fetch: FetchOptions,
    output: OutputSpec,
    keep_going: bool,
    options: dict[str, Any],
    reading: Reading,
) -> None:
    from npkit.sheets import ledger

    if len(columns) > 1:
        raise UsageError(f"ledger mode values one --column, not {len(columns)}")
    if date_ is not None:
        raise UsageError("--date contradicts --column: each row is valued at its own date")
    if not options["--date-column"]:
        raise UsageError("ledger mode needs --date-column NAME (the column of dates)")
    currency, column = options["--currency"], options["--currency-column"]
    if bool(currency) == bool(column):
        raise UsageError("ledger mode needs one of --currency CODE or --currency-column NAME")
    codes = [_one(currency)] if currency else []
    sheet = output.unless_chosen("csv")
    if sheet.for_people or output.fields:
        raise UsageError("ledger mode writes the CSV back (or -f tsv|json|ndjson), all columns")
    spec = ledger.LedgerColumns(
        amount=columns[0],
        date=options["--date-column"],
        currency=codes[0] if codes else None,
        currency_column=column,
        target=_one(options["--to"] or core.HOME),
        side=side.lower() if side else None,
        decimal_comma=bool(options["--decimal-comma"]),
    )
    ledger.value_csv(
        files,
        spec,
        OutputSpec(sheet.format, header=output.header),
        reading=reading,
        delimiter=options["--delimiter"],
        keep_going=keep_going,
        fetch=fetch,
    )


def _one(text: str) -> str:
    codes = core.normalize_codes(text)
    if len(codes) != 1:
        raise UsageError(f"expected one currency code such as USD, not {text!r}")
    return codes[0]
