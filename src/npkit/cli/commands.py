"""The command groups of ``npkit``: where each lives and its one-line help.

Read by ``npkit --help`` and the entry point without importing any group's module.
"""

from __future__ import annotations

# name -> (module, attribute, one-line help shown by `npkit --help` without importing it)
SUBCOMMANDS: dict[str, tuple[str, str, str]] = {
    "date": (
        "npkit.cli.date",
        "date",
        "Convert dates AD↔BS, today in Nepal, calendar, fiscal year.",
    ),
    "fx": (
        "npkit.cli.fx",
        "fx",
        "Nepal Rastra Bank exchange rates: latest, by date, history, convert.",
    ),
    "news": (
        "npkit.cli.news",
        "news",
        "Headlines from Nepali news sites, merged and filtered; read an article.",
    ),
    "gold": (
        "npkit.cli.gold",
        "gold",
        "FENEGOSIDA gold and silver prices, history, value of a weight.",
    ),
}
