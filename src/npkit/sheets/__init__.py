"""Spreadsheets and streams: dates one per line, date columns of CSV files, and ledgers valued
at NRB's rate of each row's date. The engines behind ``npkit date convert -``/``--column`` and
``npkit fx convert --column``, usable without the command line (as sqlite-utils lends its CSV
reader):

    >>> import io, sys
    >>> from npkit import sheets
    >>> from npkit.output import OutputSpec
    >>> source = io.BytesIO(b"2024-11-26\\n")
    >>> _ = sheets.convert_lines(source, OutputSpec("csv"), ["ad", "bs"], stream=sys.stdout)
    ad,bs
    2024-11-26,2081-08-11

The public API is what ``__all__`` lists: ``convert_lines`` (one date per line → records),
``convert_csv`` with ``CsvSource`` (add date columns to CSV), ``value_csv`` with
``LedgerColumns`` (value a ledger), and the ``BulkResult`` they return or count in. The
submodules ``bulk``, ``csv_dates`` and ``ledger`` are the engines' insides and may change.

Input is streamed in constant memory; output goes to the ``stream`` given (default: stdout).
A bad row stops the run with a ``UsageError`` naming its line, or, with ``keep_going``, is
logged as a warning on the ``npkit.sheets`` loggers, counted and written with empty added
cells, never dropped: nothing here prints a message by itself. Imports are lazy: reading dates
needs no HTTP library, valuing a ledger fetches NRB's rates.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing is not imported at run time: bulk conversion starts faster
if TYPE_CHECKING:
    from typing import Any

    from npkit.sheets.bulk import BulkResult, convert_lines
    from npkit.sheets.csv_dates import CsvSource, convert_csv
    from npkit.sheets.ledger import LedgerColumns, value_csv

__all__ = ["BulkResult", "CsvSource", "LedgerColumns", "convert_csv", "convert_lines", "value_csv"]

_HOMES = {
    "BulkResult": "bulk",
    "convert_lines": "bulk",
    "CsvSource": "csv_dates",
    "convert_csv": "csv_dates",
    "LedgerColumns": "ledger",
    "value_csv": "ledger",
}


def __getattr__(name: str) -> Any:
    """The public names, imported from their module when first used."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'npkit.sheets' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"npkit.sheets.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
