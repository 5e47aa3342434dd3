"""Settings: command-line flag > environment variable > config file > built-in default.

The config file is TOML (``$NPKIT_CONFIG``, else ``<user config dir>/npkit/config.toml``)::

    timeout = 10                 # seconds to wait for a server (NPKIT_TIMEOUT)
    cache_dir = "~/.cache/npkit" # where the HTTP cache lives (NPKIT_CACHE_DIR)

    [sources.nrb]                # one table per remote source
    url = "https://www.nrb.org.np"   # NPKIT_NRB_URL

Nothing here is cached between calls: the CLI reads the file once per command, and tests change
the environment between in-process runs. No HTTP library is imported (``npkit date`` uses none).
"""

from __future__ import annotations

import math
import os
import re

from npkit.errors import UsageError
from npkit.text import quote
from npkit.tuples import record

TYPE_CHECKING = False  # typing, dataclasses, pathlib and urllib are not imported at run time:
if TYPE_CHECKING:  # a warm fetch starts faster (paths are text until a caller wants a Path)
    from datetime import timedelta
    from pathlib import Path
    from typing import Any

DEFAULT_URLS: dict[str, str] = {
    "nrb": "https://www.nrb.org.np",
    "fenegosida": "https://api.fenegosida.org",
    "nepalipatro": "https://api.nepalipatro.com.np",
    "hamropatro": "https://www.hamropatro.com",
}
"""Base URL of every remote source; each is overridable by ``NPKIT_<NAME>_URL``."""

DEFAULT_TIMEOUT = 15.0
"""Seconds a whole request may take: connect, headers and body (and its retries)."""

CONNECT_TIMEOUT = 5.0
"""Seconds to wait for a TCP/TLS connection; never longer than the read timeout."""

MAX_TIMEOUT = 600.0

MAX_CONFIG_BYTES = 1024 * 1024
"""A config file larger than this is refused unread (a real one is a few hundred bytes)."""

MAX_KEY_PARTS = 64
"""Most parts a dotted key or table name may have (``a.b.c`` has 3): tomllib's work grows
faster than the square of the parts, so a 100,000-part key would hang the command."""

_KEY_PART = re.compile(r"^\s*\[*\s*([^=\"'#]*)")


class FetchOptions(
    record(
        "FetchOptions",
        "offline no_cache timeout max_age strict",
        defaults=(False, False, None, None, False),
    )
):
    """How a fetching command may use the network and the cache (the shared CLI flags).

    A namedtuple (``npkit.tuples.record``; ``_replace`` for a changed copy): importing
    ``dataclasses`` would cost a warm ``npkit fx`` more than its answer."""

    __slots__ = ()
    offline: bool  # cached data only; a miss is FetchError
    no_cache: bool  # always ask the server; neither read nor write the cache
    timeout: float | None  # seconds for a whole request; None = env, config file, default
    max_age: timedelta | None  # a cached copy older than this is never served
    strict: bool  # a stale copy (served after a failure) is a failure too


def config_path() -> Path:
    """The config file's path (it need not exist)."""
    from pathlib import Path

    return Path(config_file())


def config_file() -> str:
    """``config_path()`` as text, without importing pathlib."""
    explicit = os.environ.get("NPKIT_CONFIG")
    if explicit:
        return os.path.expanduser(explicit)
    import platformdirs

    return os.path.join(platformdirs.user_config_dir("npkit", appauthor=False), "config.toml")


def load_file() -> dict[str, Any]:
    """The parsed config file, or ``{}`` when there is none; a broken file is a UsageError."""
    try:
        with open(config_file(), "rb") as handle:
            data = handle.read(MAX_CONFIG_BYTES + 1)
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise UsageError(f"cannot read config file {_shown()}: {_reason(exc)}") from None
    shown = _shown()
    if len(data) > MAX_CONFIG_BYTES:
        raise UsageError(f"config file {shown} is larger than {MAX_CONFIG_BYTES // 1024} KiB")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"cannot read config file {shown}: not UTF-8 text") from None
    _check_key_depth(text, shown)
    import tomllib  # only when a config file exists: most runs have none

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"config file {shown} is not valid TOML: {_reason(exc)}") from None
    except RecursionError:
        raise UsageError(f"config file {shown} nests arrays or tables too deep") from None


def _shown() -> str:
    """The config file's path for a message (as text: no pathlib on a read of the file)."""
    return quote(config_file(), limit=200)


def _check_key_depth(text: str, shown: str) -> None:
    """Refuse a dotted key or table name of more than ``MAX_KEY_PARTS`` parts before tomllib
    sees it (a cheap, generous over-count: every dot before the first ``=`` or quote)."""
    for number, line in enumerate(text.splitlines(), 1):
        match = _KEY_PART.match(line)
        if match and match.group(1).count(".") >= MAX_KEY_PARTS:
            raise UsageError(
                f"config file {shown}, line {number}: a key of more than {MAX_KEY_PARTS} parts"
            )


def _reason(exc: BaseException) -> str:
    """An exception's text for a message: one line, controls escaped."""
    return quote(" ".join(str(exc).split()), limit=200)[1:-1]


def _file_value(data: dict[str, Any], *keys: str) -> tuple[Any, str] | None:
    """The value at ``keys`` in the config file and a label naming it, or None if absent."""
    node: Any = data
    for depth, key in enumerate(keys):
        if not isinstance(node, dict):
            table = ".".join(keys[:depth])
            raise UsageError(f"config file {_shown()}: {table} must be a table")
        if key not in node:
            return None
        node = node[key]
    return node, f"config file {_shown()}: {'.'.join(keys)}"


def _parse_timeout(value: Any, origin: str) -> float:
    try:
        seconds = float(value) if not isinstance(value, bool) else math.nan
    except (TypeError, ValueError):
        seconds = math.nan
    if not 0 < seconds <= MAX_TIMEOUT:  # also false for NaN
        raise UsageError(
            f"{origin}: timeout must be seconds in (0, {MAX_TIMEOUT:g}], not {quote(value)}"
        )
    return seconds


def timeout(flag: float | None = None) -> float:
    """The read timeout in seconds: ``--timeout`` > ``NPKIT_TIMEOUT`` > file > 15."""
    if flag is not None:
        return _parse_timeout(flag, "--timeout")
    env = os.environ.get("NPKIT_TIMEOUT")
    if env:
        return _parse_timeout(env, "NPKIT_TIMEOUT")
    found = _file_value(load_file(), "timeout")
    if found is not None:
        return _parse_timeout(*found)
    return DEFAULT_TIMEOUT


def connect_timeout(read_timeout: float) -> float:
    """Connecting never takes longer than the read timeout the user asked for."""
    return min(CONNECT_TIMEOUT, read_timeout)


def cache_dir() -> Path:
    """Where the HTTP cache lives: ``NPKIT_CACHE_DIR`` > ``cache_dir`` in the file > user cache."""
    from pathlib import Path

    return Path(cache_folder())


def cache_folder() -> str:
    """``cache_dir()`` as text, without importing pathlib (a warm fetch reads from here)."""
    env = os.environ.get("NPKIT_CACHE_DIR")
    if env:
        return os.path.expanduser(env)
    found = _file_value(load_file(), "cache_dir")
    if found is not None:
        value, origin = found
        if not isinstance(value, str) or not value.strip():
            raise UsageError(f"{origin}: cache_dir must be a path, not {quote(value)}")
        return os.path.expanduser(value)
    import platformdirs

    return platformdirs.user_cache_dir("npkit", appauthor=False)


def _check_url(value: Any, origin: str) -> str:
    """A base URL: http(s), a host, a valid port, no query; returned without a trailing slash."""
    if not check_url(value):
        raise UsageError(
            f"{origin}: expected a base URL like https://example.org, not {quote(value)}"
        )
    return str(value).rstrip("/")


def check_url(value: Any, *, query: bool = False) -> bool:
    """Is ``value`` an http(s) URL with a host, a port in range (if any), no spaces or
    controls, and (unless ``query``) no query? Bracketed hosts must be valid IPv6."""
    if not isinstance(value, str) or value != value.strip() or not value.isprintable():
        return False
    from urllib.parse import urlsplit  # (with ipaddress, ~6 ms): only for a configured URL

    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError when out of range or not a number
    except ValueError:
        return False
    if parts.scheme not in ("http", "https") or not parts.hostname or " " in value:
        return False
    return query or not parts.query


def base_url(source: str) -> str:
    """The base URL of ``source`` ('nrb', 'fenegosida', …): env > ``[sources.X] url`` > default."""
    env_name = f"NPKIT_{source.upper()}_URL"
    env = os.environ.get(env_name)
    if env:
        return _check_url(env, env_name)
    found = _file_value(load_file(), "sources", source, "url")
    if found is not None:
        return _check_url(*found)
    if source not in DEFAULT_URLS:
        raise UsageError(f"no URL configured for source {quote(source)}")
    return DEFAULT_URLS[source]


def scopes() -> tuple[str, ...]:
    """The file's ``scope``: whose days off the patro commands answer for when no ``--scope``
    is given (``scope = "women"`` or ``scope = ["women", "kathmandu_valley"]``), as names;
    () when absent. Only the shape is checked here (npkit.patro knows the names)."""
    found = _file_value(load_file(), "scope")
    if found is None:
        return ()
    value, origin = found
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
        raise UsageError(f"{origin} must be a scope name or a list of them, not {value!r}")
    return tuple(n.strip() for n in names)


def nepali() -> bool | None:
    """The file's ``[date] nepali``: whether the patro commands (``date today``, ``cal``,
    ``festivals``, ``holidays``, ``next``, ``is-holiday``) speak Nepali unless told
    ``--english``; None when absent."""
    found = _file_value(load_file(), "date", "nepali")
    if found is None:
        return None
    value, origin = found
    if not isinstance(value, bool):
        raise UsageError(f"{origin} must be true or false, not {quote(value)}")
    return value


_HOLIDAY_KEYS = ("date", "start", "end", "name", "name_ne", "scope")


def holidays_table() -> list[dict[str, str]]:
    """The user's own days off, the file's ``[[holidays]]`` rows (docs/patro.md), as text.

    Checks the shape only: each row a table with ``date`` or ``start`` and ``end``, a ``name``,
    optional ``name_ne`` and ``scope``, every value text (a TOML date such as ``2025-01-01``
    unquoted is taken as its ISO text). What the dates mean is npkit.patro's to check. A bad
    row is a UsageError naming its number and the file.
    """
    found = _file_value(load_file(), "holidays")
    if found is None:
        return []
    value, origin = found
    if not isinstance(value, list):
        raise UsageError(f"{origin} must be an array of tables ([[holidays]] rows)")
    rows = []
    for number, row in enumerate(value, 1):
        where = f"{origin} row {number}"
        if not isinstance(row, dict):
            raise UsageError(f"{where}: expected a table with date and name, not {row!r}")
        unknown = sorted(set(row) - set(_HOLIDAY_KEYS))
        if unknown:
            raise UsageError(
                f"{where}: unknown key {unknown[0]!r} (keys: {', '.join(_HOLIDAY_KEYS)})"
            )
        texts = {}
        for key, item in row.items():
            if hasattr(item, "isoformat") and not isinstance(item, str):
                item = item.isoformat()
            if not isinstance(item, str) or not item.strip():
                raise UsageError(f"{where}: {key} must be text, not {item!r}")
            texts[key] = item
        if "name" not in texts:
            raise UsageError(f"{where}: no name")
        if ("date" in texts) == ("start" in texts) or ("end" in texts) != ("start" in texts):
            raise UsageError(f"{where}: give either date, or start and end")
        rows.append(texts)
    return rows
