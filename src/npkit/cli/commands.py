"""The commands of ``npkit``: where each lives and its one-line help.

Read by ``npkit --help`` and the entry point without importing any command's module.
"""

from __future__ import annotations

PROJECT_URL = "https://github.com/npkit/npkit"
DOCS_URL = "https://github.com/npkit/npkit/tree/main/docs"
DOCS_PAGE = "https://github.com/npkit/npkit/blob/main/docs/{page}.md"
"""Where the documentation is (help texts point here, not to a source checkout's paths)."""


def docs(page: str) -> str:
    """The URL of one documentation page (``docs('date')``)."""
    return DOCS_PAGE.format(page=page)


# name -> (module, attribute, one-line help shown by `npkit --help` without importing it);
# in the order `npkit --help` lists them
SUBCOMMANDS: dict[str, tuple[str, str, str]] = {
    "date": (
        "npkit.cli.date",
        "date",
        "Dates AD↔BS, today in Nepal, calendar, fiscal year.",
    ),
    "fx": (
        "npkit.cli.fx",
        "fx",
        "NRB exchange rates: latest, by date, history, convert.",
    ),
    "gold": (
        "npkit.cli.gold",
        "gold",
        "Gold and silver prices, history, value of a weight.",
    ),
    "news": (
        "npkit.cli.news",
        "news",
        "Headlines from Nepali news sites; read an article.",
    ),
    "num": (
        "npkit.cli.num",
        "num",
        "Amounts in words (cheques), lakh/crore, Nepali numbers.",
    ),
    "land": (
        "npkit.cli.land",
        "land",
        "Land areas: ropani, bigha, sq ft, m², acre, hectare.",
    ),
    "config": (
        "npkit.cli.settings",
        "config_command",
        "The config file and every setting in effect.",
    ),
    "cache": (
        "npkit.cli.cache",
        "cache",
        "The HTTP cache: where, how big (info); clear it.",
    ),
    "completion": (
        "npkit.cli.completion",
        "completion",
        "A shell completion script for bash, zsh or fish.",
    ),
}
