"""``npkit cache info|clear``: where the HTTP cache is, how big, and emptying it."""

from __future__ import annotations

import shutil
from collections import namedtuple
from pathlib import Path

import click

from npkit import config, console
from npkit.cli.commands import docs
from npkit.cli.groups import HelpGroup
from npkit.cli.options import output_options
from npkit.output import OutputSpec, render

NEWS_LISTING = "news-last.json"
"""The URLs of the last headline table (``npkit news read N``)."""


class CacheInfo(namedtuple("CacheInfo", "path files bytes")):
    """The cache directory, how many files it holds and their size."""

    __slots__ = ()
    path: str
    files: int
    bytes: int


def _files(directory: Path) -> list[Path]:
    return [p for p in directory.rglob("*") if p.is_file()] if directory.is_dir() else []


@click.group(
    "cache",
    cls=HelpGroup,
    epilog=f"Documentation: {docs('configuration')}",
)
def cache() -> None:
    """The HTTP cache: answers from NRB, FENEGOSIDA and the news sites are kept in the user
    cache dir (NPKIT_CACHE_DIR, or cache_dir in the config file) so repeated calls are fast
    and an outage still has an answer.

    \b
    Examples:
      npkit cache info           where it is, how many files, how big
      npkit cache clear          empty it (the next call asks the servers)
    """


@cache.command("info", short_help="Where the cache is, how many files, how big.")
@output_options(record=CacheInfo)
def info(output: OutputSpec) -> None:
    """The cache directory, the number of files in it and their total size in bytes.

    \b
    Examples:
      npkit cache info
      npkit cache info --fields path -f raw
    """
    directory = config.cache_dir()
    files = _files(directory)
    record = CacheInfo(str(directory), len(files), sum(p.stat().st_size for p in files))
    render([record], output, CacheInfo)


@cache.command("clear", short_help="Delete every cached answer.")
def clear() -> None:
    """Delete npkit's cached answers (the HTTP cache, the freshness index and the last news
    listing); the next command asks the servers again.

    \b
    Examples:
      npkit cache clear
    """
    from npkit import freshcache, transport

    directory = config.cache_dir()
    removed = 0
    for name in (transport.CACHE_FILE, f"{transport.CACHE_FILE}-wal", f"{transport.CACHE_FILE}-shm",
                 NEWS_LISTING):  # fmt: skip
        path = directory / name
        if path.exists():
            path.unlink()
            removed += 1
    fresh = directory / freshcache.DIRECTORY
    if fresh.is_dir():
        removed += len(_files(fresh))
        shutil.rmtree(fresh)
    console.tell(f"cache cleared: {removed} files removed from {directory}")
