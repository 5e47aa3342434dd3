"""The commands of ``npkit``: where each lives and its one-line help.

Read by ``npkit --help`` and the entry point without importing any command's module.
"""

from __future__ import annotations

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
        "Convert dates AD↔BS, today in Nepal, calendar, fiscal year.",
    ),
    "fx": (
        "npkit.cli.fx",
        "fx",
        "Nepal Rastra Bank exchange rates: latest, by date, history, convert.",
    ),
    "gold": (
        "npkit.cli.gold",
        "gold",
        "FENEGOSIDA gold and silver prices, history, value of a weight.",
    ),
    "news": (
        "npkit.cli.news",
        "news",
        "Headlines from Nepali news sites, merged and filtered; read an article.",
    ),
    "config": (
        "npkit.cli.settings",
        "config_command",
        "The config file's path and every setting in effect, with its origin.",
    ),
    "cache": (
        "npkit.cli.cache",
        "cache",
        "The HTTP cache: where it is and how big (info), or empty it (clear).",
    ),
    "completion": (
        "npkit.cli.completion",
        "completion",
        "Print a shell completion script for bash, zsh or fish.",
    ),
}
