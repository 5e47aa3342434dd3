"""Options shared by commands: output (``-f``, ``--json``, ``--fields``) on every command, and
fetching (``--offline``, ``--no-cache``, ``--timeout``) on fx, gold and news.

Imports neither requests nor the HTTP module: ``--help`` and ``npkit date`` stay cheap.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import click

from npkit.config import MAX_TIMEOUT, FetchOptions
from npkit.errors import UsageError
from npkit.output import FORMATS, output_spec

F = TypeVar("F", bound=Callable[..., Any])

FETCH_EPILOG = """\b
Cache: answers are kept in the user cache dir (NPKIT_CACHE_DIR); if the
server fails, an expired copy is shown with a warning giving its age.
Settings: flag > environment > config file (NPKIT_CONFIG) > default.
Environment: NPKIT_TIMEOUT, NPKIT_CACHE_DIR, NPKIT_CONFIG, and a base URL
per source: NPKIT_NRB_URL, NPKIT_FENEGOSIDA_URL, NPKIT_NEPALIPATRO_URL,
NPKIT_HAMROPATRO_URL (docs/configuration.md).
"""


def fetch_options(func: F) -> F:
    """Give a Click command ``--offline``, ``--no-cache`` and ``--timeout SECONDS``, passed to
    it as ``fetch: FetchOptions``."""

    @click.option(
        "--offline",
        is_flag=True,
        help="Use cached data only, never the network (no cached copy: exit 3).",
    )
    @click.option(
        "--no-cache",
        is_flag=True,
        help="Always ask the server; neither read nor write the cache.",
    )
    @click.option(
        "--timeout",
        type=click.FloatRange(0, MAX_TIMEOUT, min_open=True),
        default=None,
        metavar="SECONDS",
        help="Wait at most this long for the server (default 15; NPKIT_TIMEOUT).",
    )
    @functools.wraps(func)
    def wrapper(*args: Any, offline: bool, no_cache: bool, timeout: float | None, **kw: Any) -> Any:
        if offline and no_cache:
            raise UsageError("--offline and --no-cache contradict each other")
        return func(*args, fetch=FetchOptions(offline, no_cache, timeout), **kw)

    return wrapper  # type: ignore[return-value]


def output_options(func: F) -> F:
    """Give a Click command ``-f/--format``, ``--json`` and ``--fields``, passed as ``output``."""

    @click.option(
        "-f",
        "--format",
        "format_",
        type=click.Choice(FORMATS, case_sensitive=False),
        default=None,
        help="Output format (default: table).",
    )
    @click.option("--json", "as_json", is_flag=True, help="Same as --format json.")
    @click.option(
        "--fields",
        metavar="A,B,…",
        default=None,
        help="Only these fields, in this order (comma-separated).",
    )
    @functools.wraps(func)
    def wrapper(
        *args: Any, format_: str | None, as_json: bool, fields: str | None, **kw: Any
    ) -> Any:
        return func(*args, output=output_spec(format_, as_json, fields), **kw)

    return wrapper  # type: ignore[return-value]
