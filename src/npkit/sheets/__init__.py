"""Spreadsheets and streams: dates one per line (``bulk``), date columns of CSV files
(``csv_dates``) and ledgers valued at each row's date (``ledger``).

The engines behind ``npkit date convert -``/``--column`` and ``npkit fx convert --column``,
usable without the command line. Input is streamed in constant memory; a bad row is reported
with its number (or, keeping going, counted and left empty), never dropped.
"""
