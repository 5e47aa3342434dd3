"""Options shared by commands: output (``-f``, ``--json``, ``--fields``) on every command,
fetching (``--offline``, ``--no-cache``, ``--timeout``, ``--max-age``, ``--strict``) on fx,
gold and news, and reading dates (``--from``, ``--dayfirst``, ``--monthfirst``,
``--input-format``) on every command that takes one.

Imports neither requests nor the HTTP module: ``--help`` and ``npkit date`` stay cheap.
"""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, TypeVar, overload

import click

from npkit.config import MAX_TIMEOUT, FetchOptions
from npkit.errors import UsageError
from npkit.output import CALENDAR_FORMATS, FORMATS, field_names, output_spec
from npkit.output.spec import STYLES
from npkit.text import quote

if TYPE_CHECKING:
    from npkit.dates import Reading

F = TypeVar("F", bound=Callable[..., Any])

FETCH_EPILOG = """\b
Cache: answers are kept in the user cache dir (NPKIT_CACHE_DIR); if the
server fails, an expired copy is shown with a warning giving its age.
Settings: flag > environment > config file (NPKIT_CONFIG) > default.
Environment: NPKIT_TIMEOUT, NPKIT_CACHE_DIR, NPKIT_CONFIG, and a base URL
per source: NPKIT_NRB_URL, NPKIT_FENEGOSIDA_URL, NPKIT_NEPALIPATRO_URL,
NPKIT_HAMROPATRO_URL. `npkit config` shows every setting in effect.
"""


_DURATION = re.compile(r"([0-9]{1,7})\s*(s|m|min|h|d|w)", re.ASCII)
_SECONDS = {"s": 1, "m": 60, "min": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


def parse_max_age(text: str | None) -> timedelta | None:
    """``--max-age``: ``90s``, ``30m``, ``6h``, ``2d``, ``1w``."""
    if text is None:
        return None
    match = _DURATION.fullmatch(text.strip().lower())
    if not match:
        raise UsageError(f"--max-age: expected a duration like 30m, 6h or 2d, not {quote(text)}")
    return timedelta(seconds=int(match.group(1)) * _SECONDS[match.group(2)])


def fetch_options(func: F) -> F:
    """Give a Click command ``--offline``, ``--no-cache``, ``--timeout SECONDS``,
    ``--max-age DURATION`` and ``--strict``, passed to it as ``fetch: FetchOptions`` (and
    ``strict`` too, to a command that takes it: news's partial results)."""
    takes_strict = "strict" in inspect.signature(func).parameters

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
        help="Give each request at most this long, connect + headers + body "
        "(default 15; NPKIT_TIMEOUT).",
    )
    @click.option(
        "--max-age",
        metavar="DURATION",
        default=None,
        help="Never show cached data older than this (30m, 6h, 2d): exit 3 instead.",
    )
    @click.option(
        "--strict",
        is_flag=True,
        help="Stale or partial data is a failure (exit 3, or 4): for cron jobs.",
    )
    @functools.wraps(func)
    def wrapper(
        *args: Any,
        offline: bool,
        no_cache: bool,
        timeout: float | None,
        max_age: str | None,
        strict: bool,
        **kw: Any,
    ) -> Any:
        if offline and no_cache:
            raise UsageError("--offline and --no-cache contradict each other")
        fetch = FetchOptions(offline, no_cache, timeout, parse_max_age(max_age), strict)
        if takes_strict:
            kw["strict"] = strict
        return func(*args, fetch=fetch, **kw)

    return wrapper  # type: ignore[return-value]


def once(ctx: click.Context, param: click.Parameter, values: tuple[Any, ...]) -> Any:
    """Callback of an option declared ``multiple=True`` that may be given once: a repeated
    option is an error, never silently the last one (issue #11). None when not given."""
    if len(values) > 1:
        shown = ", ".join(repr(v) for v in values)
        raise UsageError(f"{param.opts[-1]} is given {len(values)} times ({shown}): give it once")
    return values[0] if values else None


_CALENDAR_OPTION = click.option(
    "--from",
    "read_calendar",
    type=click.Choice(["ad", "bs"], case_sensitive=False),
    multiple=True,
    callback=once,
    help="Calendar of numeric input dates (default: ad; bs for Devanagari digits). "
    "Month names and markers (bs:2081-08-11, '2081-08-11 BS') decide for themselves.",
)
_ORDER_OPTIONS = (
    click.option(
        "--dayfirst",
        "read_dayfirst",
        is_flag=True,
        help="05/11/2024 is 5 November (dd/mm/yyyy).",
    ),
    click.option(
        "--monthfirst",
        "read_monthfirst",
        is_flag=True,
        help="05/11/2024 is May 11 (mm/dd/yyyy).",
    ),
    click.option(
        "--input-format",
        "read_layout",
        metavar="LAYOUT",
        multiple=True,
        callback=once,
        help="Dates in this fixed layout: %d.%m.%Y, '%d %B %Y' (%Y %m %d %B %b).",
    ),
)


@overload
def reading_options(func: F) -> F: ...
@overload
def reading_options(*, calendar: bool = True) -> Callable[[F], F]: ...
def reading_options(func: F | None = None, *, calendar: bool = True) -> Any:
    """Give a Click command the ways a date can be written, ``--from ad|bs``, ``--dayfirst``,
    ``--monthfirst`` and ``--input-format``, passed to it as one ``reading: Reading`` (made, and
    so checked, before the command runs: nothing is fetched for a contradiction). Commands
    whose ``--from`` starts a range (fx, gold) use ``@reading_options(calendar=False)``."""
    if func is None:
        return functools.partial(reading_options, calendar=calendar)

    @functools.wraps(func)
    def wrapper(
        *args: Any,
        read_dayfirst: bool,
        read_monthfirst: bool,
        read_layout: str | None,
        read_calendar: str | None = None,
        **kw: Any,
    ) -> Any:
        from npkit.dates import Reading

        reading = Reading(
            assume=read_calendar,
            dayfirst=read_dayfirst,
            monthfirst=read_monthfirst,
            layout=read_layout,
        )
        return func(*args, reading=reading, **kw)

    options = (_CALENDAR_OPTION, *_ORDER_OPTIONS) if calendar else _ORDER_OPTIONS
    decorated: Any = wrapper
    for option in reversed(options):
        decorated = option(decorated)
    return decorated


def read_day(text: str | None, reading: Reading) -> date | None:
    """A date option of a published-data command (fx, gold) read as ``reading`` says; None when
    not given. Not range-checked: the core refuses a future day with its own hint."""
    return None if text is None else reading.parse(text).to_ad()


def _complete_fields(record_type: type | None) -> Any:
    """Shell completion of ``--fields a,b,…``: the record's field names after the last comma."""

    def complete(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
        if record_type is None:
            return []
        done, _, last = incomplete.rpartition(",")
        prefix = done + "," if done else ""
        chosen = set(done.split(","))
        return [
            prefix + name
            for name in field_names(record_type)
            if name.startswith(last) and name not in chosen
        ]

    return complete


@overload
def output_options(func: F) -> F: ...
@overload
def output_options(*, record: type | None = None, calendar: bool = False) -> Callable[[F], F]: ...
def output_options(
    func: F | None = None, *, record: type | None = None, calendar: bool = False
) -> Any:
    """Give a Click command ``-f/--format``, ``--json``, ``--fields``, ``--no-header`` and
    ``--style``, passed as ``output``; ``record`` (the record type printed) lets the shell
    complete ``--fields``; ``calendar`` offers the calendar formats too (``-f ics``: the
    command has calendar entries). Use as ``@output_options`` or
    ``@output_options(record=Rate)``."""
    if func is None:
        return functools.partial(output_options, record=record, calendar=calendar)
    formats = CALENDAR_FORMATS if calendar else FORMATS
    calendar_help = " ics: an iCalendar file for calendar apps." if calendar else ""

    @click.option(
        "-f",
        "--format",
        "format_",
        type=click.Choice(formats, case_sensitive=False),
        default=None,
        help="Output format (default: table; a card for one answer on a terminal). "
        "raw: only the values, tab-separated, one record per line." + calendar_help,
    )
    @click.option("--json", "as_json", is_flag=True, help="Same as --format json.")
    @click.option(
        "--fields",
        metavar="A,B,…",
        default=None,
        shell_complete=_complete_fields(record),
        help="Only these fields, in this order (comma-separated).",
    )
    @click.option("--no-header", is_flag=True, help="csv/tsv: no header line.")
    @click.option(
        "--style",
        type=click.Choice(STYLES, case_sensitive=False),
        default=None,
        help="Table style (tabulate's): github/markdown to paste, grid, plain… (default: simple).",
    )
    @functools.wraps(func)
    def wrapper(
        *args: Any,
        format_: str | None,
        as_json: bool,
        fields: str | None,
        no_header: bool,
        style: str | None,
        **kw: Any,
    ) -> Any:
        spec = output_spec(format_, as_json, fields, header=not no_header, style=style)
        return func(*args, output=spec, **kw)

    return wrapper


# Shell completion of values (imports happen only when the shell asks).


def _matching(words: Any, incomplete: str, upper: bool = False) -> list[str]:
    typed = incomplete.upper() if upper else incomplete.lower()
    return [w for w in words if (w.upper() if upper else w.lower()).startswith(typed)]


def complete_currencies(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    """ISO codes NRB quotes (NPR too, for convert)."""
    from npkit.fx.records import KNOWN_CURRENCIES

    return _matching(("NPR", *KNOWN_CURRENCIES), incomplete, upper=True)


def complete_source_ids(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    """News source ids (built-in and from the config file)."""
    from npkit.news import registry

    try:
        ids = [source.id for source in registry.load()]
    except UsageError:
        ids = [source.id for source in registry.builtin()]
    done, _, last = incomplete.rpartition(",")
    prefix = done + "," if done else ""
    return [prefix + i for i in _matching(ids, last)]


def complete_months(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    """BS month names (Baishakh … Chaitra)."""
    from npkit.dates.names import MONTHS_EN

    return _matching(MONTHS_EN, incomplete)


def complete_words(*words: str) -> Callable[[click.Context, click.Parameter, str], list[str]]:
    """Completion from a fixed list of words (metals, units)."""

    def complete(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
        return _matching(words, incomplete)

    return complete


def nepali_option(func: F) -> F:
    """Give a Click command ``--nepali``/``--ne`` and ``--english``/``--no-nepali``, passed to it
    as ``nepali: bool``: the flag given, else the config file's ``[date] nepali``, else False.
    Tables and cards only: json, ndjson, csv, tsv and raw are the same in both languages."""

    @click.option(
        "--nepali/--english",
        "--ne/--no-nepali",
        "nepali",
        default=None,
        help="Nepali names, Devanagari digits and Nepali headers in tables, cards and the "
        "grid (default: the config file's [date] nepali, else English; json, csv … unchanged).",
    )
    @functools.wraps(func)
    def wrapper(*args: Any, nepali: bool | None, **kw: Any) -> Any:
        if nepali is None:
            from npkit.days import prefers_nepali

            nepali = prefers_nepali()
        return func(*args, nepali=nepali, **kw)

    return wrapper  # type: ignore[return-value]
