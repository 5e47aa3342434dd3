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
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from npkit.errors import UsageError

DEFAULT_URLS: dict[str, str] = {
    "nrb": "https://www.nrb.org.np",
    "fenegosida": "https://api.fenegosida.org",
    "nepalipatro": "https://api.nepalipatro.com.np",
    "hamropatro": "https://www.hamropatro.com",
}
"""Base URL of every remote source; each is overridable by ``NPKIT_<NAME>_URL``."""

DEFAULT_TIMEOUT = 15.0
"""Seconds to wait for a server to send the next bytes (the read timeout)."""

CONNECT_TIMEOUT = 5.0
"""Seconds to wait for a TCP/TLS connection; never longer than the read timeout."""

MAX_TIMEOUT = 600.0


@dataclass(frozen=True)
class FetchOptions:
    """How a fetching command may use the network and the cache (the shared CLI flags)."""

    offline: bool = False  # cached data only; a miss is FetchError
    no_cache: bool = False  # always ask the server; neither read nor write the cache
    timeout: float | None = None  # read timeout in seconds; None = env, config file, default


def config_path() -> Path:
    """The config file's path (it need not exist)."""
    explicit = os.environ.get("NPKIT_CONFIG")
    if explicit:
        return Path(explicit).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("npkit", appauthor=False)) / "config.toml"


def load_file() -> dict[str, Any]:
    """The parsed config file, or ``{}`` when there is none; a broken file is a UsageError."""
    path = config_path()
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        return {}
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"config file {path} is not valid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read config file {path}: {exc}") from None


def _file_value(data: dict[str, Any], *keys: str) -> tuple[Any, str] | None:
    """The value at ``keys`` in the config file and a label naming it, or None if absent."""
    node: Any = data
    for depth, key in enumerate(keys):
        if not isinstance(node, dict):
            table = ".".join(keys[:depth])
            raise UsageError(f"config file {config_path()}: {table} must be a table")
        if key not in node:
            return None
        node = node[key]
    return node, f"config file {config_path()}: {'.'.join(keys)}"


def _parse_timeout(value: Any, origin: str) -> float:
    try:
        seconds = float(value) if not isinstance(value, bool) else math.nan
    except (TypeError, ValueError):
        seconds = math.nan
    if not 0 < seconds <= MAX_TIMEOUT:  # also false for NaN
        raise UsageError(
            f"{origin}: timeout must be seconds in (0, {MAX_TIMEOUT:g}], not {value!r}"
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
    env = os.environ.get("NPKIT_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    found = _file_value(load_file(), "cache_dir")
    if found is not None:
        value, origin = found
        if not isinstance(value, str) or not value.strip():
            raise UsageError(f"{origin}: cache_dir must be a path, not {value!r}")
        return Path(value).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("npkit", appauthor=False))


def _check_url(value: Any, origin: str) -> str:
    """A base URL: http(s), a host, no query; returned without a trailing slash."""
    parts = urlsplit(value) if isinstance(value, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc or parts.query:
        raise UsageError(f"{origin}: expected a base URL like https://example.org, not {value!r}")
    return str(value).rstrip("/")


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
        raise UsageError(f"no URL configured for source {source!r}")
    return DEFAULT_URLS[source]


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
