"""Which news sources exist: the built-in table (``sources.toml``, data) merged with the user's
``[news.sources.<id>]`` tables from the config file. No network, no HTTP imports.

A config table with the id of a built-in source overrides the keys it gives (``url`` to use a
mirror or a local test server); a new id adds a source (``url`` required); ``enabled = false``
drops one.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from npkit import config
from npkit.errors import UsageError
from npkit.text import clean, quote, redact_url, url_host

LANGS = ("en", "ne")
KINDS = ("feed",)
_ID = re.compile(r"[a-z0-9][a-z0-9._-]{0,39}", re.ASCII)
_KEYS = frozenset({"name", "lang", "url", "site", "kind", "notes", "enabled"})


@dataclass(frozen=True, slots=True)
class Source:
    """One news source: a feed and what we know about it."""

    id: str
    name: str
    lang: str | None  # what the site publishes (en/ne); None: unknown (a --feed URL)
    url: str  # the feed
    kind: str = "feed"
    site: str | None = None  # the site's home page: maps article URLs to this source
    notes: str = ""

    # How a table shows these records (npkit.output.render, npkit.output.table).
    TABLE_COLUMNS = ("id", "name", "lang", "url")
    TABLE_DROP = ("name", "lang")

    @property
    def host(self) -> str:
        """``host[:port]`` of the feed, lower-case: requests to one host are never concurrent."""
        return url_host(self.url, self.id).lower()


def check_url(value: Any, origin: str) -> str:
    """An absolute http(s) URL with a host (and a port in range), or a UsageError naming where
    it came from (the value quoted, any ``user:password@`` left out)."""
    text = value.strip() if isinstance(value, str) else None
    if text is None or not config.check_url(text, query=True):
        shown = quote(redact_url(value)) if isinstance(value, str) else quote(value)
        raise UsageError(f"{origin}: expected an http(s) URL with a host, not {shown}")
    return text


def builtin() -> list[Source]:
    """The built-in sources, in the order of ``sources.toml``."""
    # beside this module, as npkit.patro reads its data (importlib.resources costs a warm
    # `npkit news` ~5 ms of zipfile imports)
    data = tomllib.loads((Path(__file__).parent / "sources.toml").read_text("utf-8"))
    return [Source(id=key, **value) for key, value in data.items()]


def load() -> list[Source]:
    """Built-in sources with the config file's ``[news.sources.<id>]`` applied."""
    sources = {source.id: source for source in builtin()}
    table = config.load_file().get("news", {})
    origin = f"config file {quote(str(config.config_path()), limit=200)}"
    if not isinstance(table, dict):
        raise UsageError(f"{origin}: news must be a table")
    entries = table.get("sources", {})
    if not isinstance(entries, dict):
        raise UsageError(f"{origin}: news.sources must be a table")
    for key, entry in entries.items():
        where = f"{origin}: news.sources.{quote(key)[1:-1]}"
        if not isinstance(entry, dict):
            raise UsageError(f"{where} must be a table")
        if not _ID.fullmatch(key):
            raise UsageError(f"{where}: ids are lower-case letters, digits, '-', '.' or '_'")
        unknown = sorted(set(entry) - _KEYS)
        if unknown:
            raise UsageError(
                f"{where}: unknown key {quote(unknown[0])} (valid: {', '.join(sorted(_KEYS))})"
            )
        if entry.get("enabled", True) is False:
            sources.pop(key, None)
            continue
        sources[key] = _apply(sources.get(key), key, entry, where)
    return list(sources.values())


def _apply(base: Source | None, key: str, entry: dict[str, Any], where: str) -> Source:
    if base is None and "url" not in entry:
        raise UsageError(f"{where}: a new source needs a url")
    changes: dict[str, Any] = {}
    if "url" in entry:
        changes["url"] = check_url(entry["url"], f"{where}.url")
    if "site" in entry:
        changes["site"] = check_url(entry["site"], f"{where}.site")
    for name in ("name", "notes"):
        if name in entry:
            if not isinstance(entry[name], str):
                raise UsageError(f"{where}.{name} must be a string")
            changes[name] = clean(entry[name])
    if "lang" in entry:
        if entry["lang"] not in LANGS:
            raise UsageError(
                f"{where}.lang must be one of {', '.join(LANGS)}, not {quote(entry['lang'])}"
            )
        changes["lang"] = entry["lang"]
    if "kind" in entry and entry["kind"] not in KINDS:
        raise UsageError(
            f"{where}.kind must be one of {', '.join(KINDS)}, not {quote(entry['kind'])}"
        )
    if "enabled" in entry and not isinstance(entry["enabled"], bool):
        raise UsageError(f"{where}.enabled must be true or false")
    if base is None:
        base = Source(id=key, name=key, lang=None, url=changes["url"])
    return replace(base, **changes)


def feed_source(url: str) -> Source:
    """A source for a ``--feed URL``: named after its host."""
    url = check_url(url, "--feed")
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return Source(id=host, name=host, lang=None, url=url, notes="--feed")


def choose(
    sources: Sequence[Source],
    ids: Iterable[str] = (),
    feeds: Iterable[str] = (),
    lang: str | None = None,
) -> list[Source]:
    """The sources to read: the ``ids`` asked for (commas allowed) plus ``feeds``; with neither,
    every source whose language is ``lang`` (all when None). An unknown id is a UsageError."""
    wanted = [part.strip().lower() for item in ids for part in item.split(",") if part.strip()]
    by_id = {source.id: source for source in sources}
    unknown = [name for name in wanted if name not in by_id]
    if unknown:
        names = ", ".join(quote(name) for name in unknown)
        raise UsageError(f"unknown news source {names}; valid ids: {', '.join(by_id)}")
    extra = [feed_source(url) for url in feeds]
    if wanted or extra:
        return [by_id[name] for name in dict.fromkeys(wanted)] + extra
    return [s for s in sources if lang is None or s.lang in (lang, None)]


def source_for(url: str, sources: Sequence[Source]) -> str:
    """The id of the source whose site (or feed host) holds ``url``; else the URL's host."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    for source in sources:
        home = urlsplit(source.site or source.url)
        if (home.hostname or "").lower().removeprefix("www.") != host:
            continue
        if source.site is None or parts.path.startswith(home.path.rstrip("/")):
            return source.id
    return host
