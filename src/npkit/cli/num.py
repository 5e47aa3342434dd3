"""``npkit num …``: Click wiring only; the work is in npkit.num, npkit.sheets and npkit.output."""

from __future__ import annotations

import sys
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import click

from npkit import num as core
from npkit.cli.commands import docs
from npkit.cli.groups import HelpGroup
from npkit.cli.options import complete_words, once, output_options
from npkit.errors import UsageError
from npkit.num.records import AmountWords, FormattedAmount, ParsedAmount
from npkit.output import OutputSpec, render, render_rows, row_values
from npkit.output.spec import default_fields, field_names


@click.group(cls=HelpGroup, epilog=f"Documentation: {docs('num')}")
def num() -> None:
    """Amounts for cheques and vouchers: in words (English in lakh and crore, or Nepali),
    grouped 1,25,00,000, in Devanagari digits, compact (1.25 crore), and read back.

    Amounts are read as people write them: 125000, 1,25,000.50, १,२५,०००, '1.5 crore',
    '२५ लाख', 'सवा लाख', or in words. A negative amount follows '--' (npkit num words -- -500).

    \b
    Examples:
      npkit num words 125000.50 --cheque
      npkit num words 125000.50 --nepali --cheque
      npkit num format 12500000.50
      npkit num parse 'सवा लाख'
      npkit num words --column amount vouchers.csv > vouchers_words.csv
    """


def _records(
    inputs: tuple[str, ...],
    make: Callable[[str], Any],
    record_type: type,
    keep_going: bool,
    output: OutputSpec,
) -> None:
    """Records for the amounts given, or for each line of stdin (``-``, or a pipe)."""
    output.check(record_type)  # a bad --fields fails before any input is read
    if inputs == ("-",) or (not inputs and not sys.stdin.isatty()):
        from npkit.sheets.amounts import read_lines

        columns = output.columns(field_names(record_type), default_fields(record_type))
        found = read_lines(sys.stdin.buffer, make, keep_going)
        blank = (None,) * len(columns)
        rows = (blank if r is None else row_values(r, columns) for r in found)
        render_rows(rows, output, columns)
        return
    if not inputs:
        raise UsageError("give one or more amounts, or '-' to read them from stdin")
    if "-" in inputs:
        raise UsageError("'-' (stdin) cannot be mixed with amounts given as arguments")
    if keep_going:
        raise UsageError("--keep-going is for stdin and --column (bulk input)")
    render([make(text) for text in inputs], output, record_type)


KEEP_GOING = click.option(
    "--keep-going",
    is_flag=True,
    help="Bulk input: report a bad line on stderr, leave its row empty and go on "
    "(default: stop at the first bad line with exit 2).",
)


@num.command(short_help="An amount in words, English or Nepali, for a cheque (or stdin, CSV).")
@click.argument("inputs", nargs=-1, metavar="[AMOUNT]... | - | [CSV]...")
@click.option("--nepali", is_flag=True, help="In Nepali: एक लाख पच्चीस हजार रुपैयाँ.")
@click.option("--cheque", is_flag=True, help="As on a cheque: 'Rupees … Only' / '… रुपैयाँ … मात्र'.")
@click.option(
    "--currency",
    metavar="CODE|none",
    multiple=True,
    callback=once,
    shell_complete=complete_words("NPR", "INR", "USD", "EUR", "GBP", "none", *core.CURRENCIES),
    help="The currency named (default NPR: rupees and paisa); 'none': the number alone.",
)
@click.option(
    "--column",
    "columns",
    metavar="NAME",
    multiple=True,
    help="CSV mode: read CSV (files given, else stdin) and write it back with NAME_words added.",
)
@click.option(
    "--delimiter",
    metavar="CHAR",
    multiple=True,
    callback=once,
    help="CSV mode: the cell separator (default ','; ';' or tab).",
)
@KEEP_GOING
@output_options(record=AmountWords)
def words(
    inputs: tuple[str, ...],
    nepali: bool,
    cheque: bool,
    currency: str | None,
    columns: tuple[str, ...],
    delimiter: str | None,
    keep_going: bool,
    output: OutputSpec,
) -> None:
    """AMOUNT in words, in the Indian/Nepali system (thousand, lakh, crore, arab, kharab, neel,
    padma, shankha: up to 10^19 - 1), with paisa. More decimals than the currency has (paisa:
    2) is an error: round first.

    \b
    Examples:
      npkit num words 125000.50            One Lakh … Rupees and Fifty Paisa
      npkit num words 125000.50 --cheque   Rupees One Lakh … and Fifty Paisa Only
      npkit num words -- -500              Minus Five Hundred Rupees
      npkit num words 99 --nepali          उनान्सय रुपैयाँ
      npkit num words 1500 --currency USD -f raw --fields words
      npkit num words --column amount vouchers.csv
    """
    chosen = "NPR" if currency is None else currency
    core.currency_named(chosen)  # an unknown currency fails before any input is read

    def make(text: str) -> AmountWords:
        amount = core.parse_amount(text)
        return AmountWords(
            amount, core.to_words(amount, nepali=nepali, cheque=cheque, currency=chosen)
        )

    if delimiter is not None and not columns:
        raise UsageError("--delimiter only works with --column (CSV mode)")
    if columns:
        _words_csv(inputs, columns, delimiter, keep_going, output, make)
        return
    _records(inputs, make, AmountWords, keep_going, output)


def _words_csv(
    inputs: tuple[str, ...],
    columns: tuple[str, ...],
    delimiter: str | None,
    keep_going: bool,
    output: OutputSpec,
    make: Callable[[str], AmountWords],
) -> None:
    from contextlib import ExitStack

    from npkit.sheets import amounts, csv_dates

    sheet = output.unless_chosen("csv")
    if sheet.for_people or output.fields:
        raise UsageError("--column writes the CSV back (or -f tsv|json|ndjson), all columns")
    separator = csv_dates.parse_delimiter(delimiter)
    with ExitStack() as stack:
        sources = csv_dates.open_sources(inputs, stack, sys.stdin.buffer)
        amounts.amounts_csv(
            sources,
            columns,
            OutputSpec(sheet.format, header=output.header),
            ["words"],
            lambda text: (make(text).words,),
            delimiter=separator,
            keep_going=keep_going,
            stream=sys.stdout,
        )


def _formatted(text: str) -> FormattedAmount:
    amount = core.parse_amount(text)
    return FormattedAmount(
        amount,
        core.grouped(amount),
        core.grouped(amount, devanagari=True),
        core.compact(amount),
        core.compact(amount, nepali=True),
    )


@num.command("format", short_help="An amount grouped 1,25,00,000, in Devanagari, compact.")
@click.argument("inputs", nargs=-1, metavar="[AMOUNT]... | -")
@KEEP_GOING
@output_options(record=FormattedAmount)
def format_(inputs: tuple[str, ...], keep_going: bool, output: OutputSpec) -> None:
    """AMOUNT grouped in lakh and crore (1,25,00,000.50, its decimals as given), in Devanagari
    digits (१,२५,००,०००.५०) and compact (1.25 crore, १.२५ करोड: two decimals at most,
    rounded half-up).

    \b
    Examples:
      npkit num format 12500000.50
      npkit num format 2500000 --fields compact_ne -f raw      २५ लाख
    """
    _records(inputs, _formatted, FormattedAmount, keep_going, output)


def _parsed(text: str) -> ParsedAmount:
    amount = core.parse_amount(text)
    return ParsedAmount(text, amount, core.grouped(amount))


@num.command(short_help="Text to the amount it says: '1.5 crore', 'सवा लाख', words.")
@click.argument("inputs", nargs=-1, metavar="[TEXT]... | -")
@KEEP_GOING
@output_options(record=ParsedAmount)
def parse(inputs: tuple[str, ...], keep_going: bool, output: OutputSpec) -> None:
    """The amount TEXT says: digits (1,25,000; १,२५,०००), a number and a scale ('1.5 crore',
    '२५ लाख', 25L), fractions before a number (सवा 1¼, साढे +½, पौने -¼, डेढ 1½, अढाई 2½)
    or words in English or Nepali (as 'num words' writes them).

    \b
    Examples:
      npkit num parse '1.5 crore' 'सवा लाख'
      npkit num parse 'Rupees Five Lakh Only' -f raw --fields amount
    """
    _records(inputs, _parsed, ParsedAmount, keep_going, output)


def words_line(amount: Decimal, currency: str) -> str:
    """``--words`` of fx convert and gold value: the result in English words."""
    return core.to_words(amount, currency=currency)
