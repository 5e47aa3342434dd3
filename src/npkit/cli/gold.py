"""``npkit gold …``: Click wiring only; the work is in npkit.gold, npkit.http and npkit.output."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from npkit import console, dates
from npkit import gold as core
from npkit.cli.commands import docs
from npkit.cli.groups import DefaultCommandGroup
from npkit.cli.history import check_history, draw, history_options, render_columns
from npkit.cli.options import (
    FETCH_EPILOG,
    complete_words,
    fetch_options,
    output_options,
    read_day,
    reading_options,
)
from npkit.config import FetchOptions
from npkit.gold.notes import age_note, substitute_note
from npkit.gold.records import MetalPrice, Valuation
from npkit.output import OutputSpec, render

if TYPE_CHECKING:
    from npkit.dates import Reading

DEFAULT_COMMAND = "prices"
UNIT_WORDS = {"tola": "tola", "10g": "10 g"}
DATE_HELP = """\b
Dates: AD 2026-08-17; BS bs:2083-05-01, '2083-05-01 BS', २०८३-०५-०१
(Devanagari digits mean BS), or with a month name: '1 Bhadra 2083',
'Aug 17 2026'. Today is today in Nepal (UTC+05:45).
"""
SOURCE_HELP = """\b
Sources (--source auto asks them in this order; a failure is one warning):
  fenegosida   api.fenegosida.org, the Federation's own rates (history: ~45 days)
  nepalipatro  api.nepalipatro.com.np, the same figures with long history
  hamropatro   www.hamropatro.com/en/gold, a web page (latest rates only)
"""
SOURCE_OPTION = click.option(
    "--source",
    type=click.Choice(core.SOURCES, case_sensitive=False),
    default="auto",
    show_default=True,
    help="Where the rates come from (auto: the first that answers).",
)


@click.group(
    cls=DefaultCommandGroup,
    default_command=DEFAULT_COMMAND,
    usages=("[prices] [OPTIONS]", "value WEIGHT [UNIT]... [OPTIONS]"),
    epilog=DATE_HELP + SOURCE_HELP + FETCH_EPILOG + f"Documentation: {docs('gold')}\n",
)
def gold() -> None:
    """FENEGOSIDA gold and silver prices: latest, by date, history, value of a weight.

    Prices are NPR per tola (11.6638038 g) and per 10 g, both as the Federation of Nepal Gold
    and Silver Dealers' Association publishes them each trading day (none on Saturdays and some
    holidays). Without a subcommand, 'prices' runs.

    \b
    Examples:
      npkit gold                         latest day: fine gold and silver, both units
      npkit gold --unit tola --json
      npkit gold --date 2026-08-15       a Saturday: the Friday before, flagged
      npkit gold --from 2026-08-06 --to 2026-08-17 -f csv
      npkit gold value 2 tola 5 aana     worth of a weight of fine gold today
      npkit gold value 15.5g --metal silver
    """


@gold.command(
    "prices",
    short_help="Prices: latest, one day or a history.",
    epilog=DATE_HELP + SOURCE_HELP + FETCH_EPILOG,
)
@click.option("--date", "date_", metavar="DATE", help="One day (default: the latest published).")
@click.option("--from", "start", metavar="DATE", help="History from this day.")
@click.option("--to", "end", metavar="DATE", help="History up to this day (default: today).")
@reading_options(calendar=False)
@click.option(
    "--unit",
    type=click.Choice(("tola", "10g", "all"), case_sensitive=False),
    default="all",
    show_default=True,
    help="Price unit, as published (never converted).",
)
@click.option(
    "--metal",
    default="all",
    show_default=True,
    metavar="fine_gold|silver|tejabi_gold|all",
    shell_complete=complete_words("fine_gold", "silver", "tejabi_gold", "all", "gold"),
    help="Which metal ('gold' means fine_gold; tejabi only where a source still publishes it).",
)
@click.option(
    "--wide",
    is_flag=True,
    help="One row per date, one column per metal and unit (fine_gold_tola…).",
)
@history_options("metal and unit")
@SOURCE_OPTION
@fetch_options
@output_options(record=MetalPrice)
def prices(
    date_: str | None,
    start: str | None,
    end: str | None,
    reading: Reading,
    unit: str,
    metal: str,
    wide: bool,
    chart: bool,
    stats: bool,
    source: str,
    fetch: FetchOptions,
    output: OutputSpec,
) -> None:
    """Gold and silver prices: the latest published day, one --date, or a history --from/--to
    (one record per trading day, metal and unit, sorted by date).

    \b
    Examples:
      npkit gold                               the latest day
      npkit gold --metal silver --unit tola
      npkit gold --from 2026-08-06 --to 2026-08-17 -f csv
      npkit gold --from 2026-08-06 --wide -f csv      a column per metal and unit
      npkit gold --from 2026-06-01 --unit tola --chart
      npkit gold --from 2026-06-01 --stats            low, high, mean, change
    """
    from npkit.gold import summary

    check_history(output, start, chart=chart, stats=stats, wide=wide)
    if stats:
        output.check(summary.PriceSummary)
    elif not wide:
        output.check(MetalPrice)  # a bad --fields fails before any request
    records = core.prices(
        date=read_day(date_, reading),
        start=read_day(start, reading),
        end=read_day(end, reading),
        unit=unit,
        metal=metal,
        source=source,
        options=fetch,
    )
    if not records and core.normalize_metal(metal, allow_all=True) == "tejabi_gold":
        console.warn("no tejabi_gold rates: FENEGOSIDA no longer publishes tejabi gold")
    elif not records:
        console.warn("no gold or silver rates were published for these dates")
    elif records[0].requested:
        console.warn(substitute_note(records[0]))
    elif date_ is None and start is None and end is None:
        _warn_if_old(records[-1])
    if chart:
        series = summary.series(records)
        draw(
            [
                (f"{metal}, NPR per {UNIT_WORDS[unit]}", points)
                for (metal, unit), points in series.items()
            ]
        )
    elif stats:
        render(summary.summaries(records), output, summary.PriceSummary)
    elif wide:
        columns, rows = summary.wide(records)
        render_columns(rows, ("date", "date_bs", *columns), output)
    else:
        render(records, output, MetalPrice)


@gold.command(
    "value",
    short_help="What a weight of gold or silver is worth.",
    epilog=DATE_HELP + SOURCE_HELP + FETCH_EPILOG,
)
@click.argument(
    "weight",
    nargs=-1,
    required=True,
    metavar="WEIGHT [UNIT]...",
    shell_complete=complete_words("tola", "aana", "lal", "g", "gram", "kg", "mg"),
)
@click.option(
    "--metal",
    default="fine_gold",
    show_default=True,
    metavar="fine_gold|silver",
    shell_complete=complete_words("fine_gold", "silver", "gold", "hallmark", "chandi"),
    help="The metal ('gold' and 'hallmark' mean fine_gold; 'chandi' silver).",
)
@click.option("--date", "date_", metavar="DATE", help="Rates of this day (default: latest).")
@reading_options(calendar=False)
@SOURCE_OPTION
@click.option(
    "--words",
    is_flag=True,
    help="Print the value in words, for an invoice ('One Lakh … Rupees'; see npkit num words).",
)
@fetch_options
@output_options(record=Valuation)
def value(
    weight: tuple[str, ...],
    metal: str,
    date_: str | None,
    reading: Reading,
    source: str,
    words: bool,
    fetch: FetchOptions,
    output: OutputSpec,
) -> None:
    """What WEIGHT is worth: '2 tola 5 aana', '1 tola 3 lal', '15.5g', '0.5 kg', or a bare
    number of tola. 1 tola = 16 aana = 100 lal = 11.6638038 g.

    Tola/aana/lal are priced at the published per-tola rate, grams at the per-10 g rate; the
    value is rounded half-up to the paisa. The rate used and its date are shown; on a
    terminal as two lines, with -f table as a table.

    \b
    Examples:
      npkit gold value 2 tola 5 aana
      npkit gold value 15.5g --metal silver
      npkit gold value 1 tola --fields value -f raw
      npkit gold value 1 tola --words
    """
    if words and (output.chosen or output.fields):
        from npkit.errors import UsageError

        raise UsageError("--words prints one line of text: not with -f or --fields")
    parsed = core.parse_weight(*weight)
    output.check(Valuation)  # a bad --fields fails before any request
    day = read_day(date_, reading)
    valuation = core.value(parsed, metal=metal, date=day, source=source, options=fetch)
    if valuation.requested:
        console.warn(substitute_note(valuation))
    elif date_ is None:
        _warn_if_old(valuation)
    if words:
        from npkit.cli.num import words_line

        click.echo(words_line(valuation.value, "NPR"))
        return
    render([valuation], output, Valuation)


def _warn_if_old(record: MetalPrice | Valuation) -> None:
    """Warn when the latest rate a source offers is more than a week old."""
    note = age_note(record, dates.today_ad())
    if note:
        console.warn(note)
