"""How every source fetches: ``fetch_parsed``, one fetch-and-parse with one set of rules.

``fetch_parsed(url, parse, params=…, expire_after=…, options=…)`` GETs ``url`` and hands the
bytes to the source's pure ``parse(content, url)``; it returns what ``parse`` returned and the
``Fetched`` reply behind it (for the stale warning). The rules, written once here:

* a reply is read by ``parse`` *before* it is cached: an unreadable one (an HTML challenge
  page, cut-off JSON) is a ``ParseError`` and is never cached, by requests-cache or by the
  fresh index, so it can never replace good data (an expired good copy is served instead);
* a fresh reply is answered from ``npkit.freshcache`` without importing requests,
  requests-cache or urllib3 (a warm command starts in a fraction of the time); everything that
  needs the network (conditional GET, stale-if-error, retries, the size cap) is
  ``npkit.transport``, imported on the first real fetch;
* ``--offline``: cached data only, whatever its age (``report_stale`` says how old);
  ``--no-cache``: the server is asked and nothing is read from or written to any cache;
* a stale copy (served because the server failed, or ``--offline``) is refused with
  ``--strict``, and when older than ``--max-age``: a ``FetchError`` (exit 3), so a cron job
  never takes old data for new (and gold's chain goes on to the next source).

A source may pass a ``Codec`` (an encoding of what its ``parse`` returns, with a version tag):
the parsed value is then kept beside the fresh index's entry, written only after a successful
parse (never with ``--no-cache``), and a cached reply is decoded from it instead of parsed
again, so a warm command need not import the parser's library (feedparser costs more than
the rest of a warm ``npkit news``). A kept value from another tag or other bytes, or one that
does not decode, is a miss: the bytes are parsed as before.

Failures are ``NpkitError``s with one-line messages naming the host: ``FetchError`` (and its
``NotCached``, ``HTTPStatusError``, ``ResponseTooLarge``) or the ``ParseError`` of ``parse``.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from npkit import freshcache, logs
from npkit.config import FetchOptions
from npkit.errors import FetchError, HTTPStatusError, NotCached, ResponseTooLarge
from npkit.freshcache import Fetched
from npkit.text import url_host
from npkit.tuples import record

TYPE_CHECKING = False  # typing is not imported at run time: a warm fetch starts faster
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping
    from typing import Generic, NamedTuple, TypeVar

    import requests_cache

    T = TypeVar("T")

__all__ = [
    "DEFAULT_TTL",
    "NEVER_EXPIRE",
    "Codec",
    "Fetched",
    "HTTPStatusError",
    "NotCached",
    "ResponseTooLarge",
    "describe_age",
    "fetch",
    "fetch_parsed",
    "forget",
    "has_kept_value",
    "report_stale",
    "session",
]

NEVER_EXPIRE = -1
"""``expire_after`` for data that cannot change (a past day's exchange rates); requests-cache's
own value, so it means the same to both caches."""

DEFAULT_TTL = timedelta(minutes=30)

Expiry = int | float | timedelta

if TYPE_CHECKING:

    class Codec(NamedTuple, Generic[T]):
        """How a source's parsed value is kept beside its cached reply.

        ``tag`` names the format and everything the value depends on besides the bytes (bump
        it when the parser or the records change); ``decode`` raises ``ValueError`` on
        anything it cannot read (that is a miss, never an error).
        """

        tag: str
        encode: Callable[[T], bytes]
        decode: Callable[[bytes], T]

else:  # the same namedtuple without importing typing (a generic NamedTuple needs it)
    Codec = record("Codec", "tag encode decode")


def fetch_parsed(
    url: str,
    parse: Callable[[bytes, str], T],
    *,
    params: Mapping[str, str | int] | None = None,
    expire_after: Expiry = DEFAULT_TTL,
    options: FetchOptions | None = None,
    headers: Mapping[str, str] | None = None,
    codec: Codec[T] | None = None,
) -> tuple[T, Fetched]:
    """``parse(content, url_with_query)`` of the reply to GET ``url``, and the reply.

    A reply from the network is parsed once, before it is cached (a ``ParseError`` then means
    nothing was cached); a cached one is parsed when it is read, or, with a ``codec``, decoded
    from the value kept when it was last parsed.
    """
    requested = _with_query(url, params)
    parsed: list[T] = []

    def check(content: bytes) -> None:
        parsed.append(parse(content, requested))

    fetched = fetch(
        url, params=params, expire_after=expire_after, options=options, check=check,
        headers=headers,
    )  # fmt: skip
    if parsed and not fetched.from_cache:
        value = parsed[-1]
    else:
        if codec is not None and not (options and options.no_cache):
            kept = freshcache.load_value(fetched, codec.tag)
            if kept is not None:
                try:
                    return codec.decode(kept), fetched
                except ValueError:
                    pass  # unreadable: parse the bytes again, and keep the new value
        value = parse(fetched.content, fetched.url)
    if codec is not None and not (options and options.no_cache):
        freshcache.store_value(fetched, codec.tag, codec.encode(value))
    return value, fetched


def has_kept_value(
    url: str,
    codec: Codec[T],
    *,
    params: Mapping[str, str | int] | None = None,
    options: FetchOptions | None = None,
) -> bool:
    """Whether ``fetch_parsed(url, …, codec=codec)`` would be answered from the fresh index
    with a kept value (so without calling ``parse``): for a caller that would otherwise import
    the parser's library up front."""
    options = options or FetchOptions()
    if options.no_cache:
        return False
    entry = freshcache.lookup(freshcache.cache_key(url, params))
    if entry is None or (entry.stale and not options.offline):
        return False
    return freshcache.load_value(entry, codec.tag) is not None


def fetch(
    url: str,
    *,
    params: Mapping[str, str | int] | None = None,
    expire_after: Expiry = DEFAULT_TTL,
    options: FetchOptions | None = None,
    check: Callable[[bytes], object] | None = None,
    headers: Mapping[str, str] | None = None,
) -> Fetched:
    """GET ``url``; a 200 comes back as ``Fetched``, anything else raises.

    ``expire_after``: seconds or a timedelta the copy stays fresh, ``NEVER_EXPIRE`` for data
    that cannot change. ``check(content)`` validates a reply from the network before it is
    cached; it should raise ``ParseError``. Sources call ``fetch_parsed``, not this.
    """
    options = options or FetchOptions()
    key = freshcache.cache_key(url, params)
    if not options.no_cache:
        entry = freshcache.lookup(key)
        if entry is not None and (options.offline or not entry.stale):
            return _usable(entry, url, options)
    from npkit import transport

    fetched = transport.get(
        url, params=params, expire_after=expire_after, options=options, check=check,
        headers=headers,
    )  # fmt: skip
    fetched = fetched._replace(key=key)
    if not options.no_cache and not fetched.stale:
        freshcache.store(fetched)
    return _usable(fetched, url, options)


def _usable(fetched: Fetched, url: str, options: FetchOptions) -> Fetched:
    """``fetched``, unless it is a stale copy that ``--strict`` or ``--max-age`` refuses (a
    ``FetchError`` then says why the server was not used and how old the copy is)."""
    if not fetched.stale:
        return fetched
    age = describe_age(fetched.fetched_at)
    why = fetched.failure or f"--offline: {url_host(url, 'the server')}"
    if options.strict:
        raise FetchError(f"{why}; the cached copy is stale (fetched {age}; --strict)")
    if options.max_age is not None and datetime.now(UTC) - fetched.fetched_at > options.max_age:
        raise FetchError(f"{why}; the cached copy is older than --max-age (fetched {age})")
    return fetched


def _with_query(url: str, params: Mapping[str, str | int] | None) -> str:
    """``url`` with ``params`` as requests appends them (what ``Fetched.url`` will be)."""
    if not params:
        return url
    query = freshcache.encode_query([(str(k), str(v)) for k, v in params.items()])
    return f"{url}{'&' if '?' in url else '?'}{query}"


def forget(fetched: Fetched) -> None:
    """Drop every cached copy of ``fetched``: for an answer cached for good that turns out not
    to deserve it (an empty past day, which should have data)."""
    from npkit import transport

    freshcache.drop(fetched.key)
    transport.forget(fetched.url)


def session() -> requests_cache.CachedSession:
    """The process's requests-cache session (imports the HTTP stack)."""
    from npkit import transport

    return transport.session()


# ---------------------------------------------------------------- messages


def describe_age(moment: datetime, now: datetime | None = None) -> str:
    """'2 h 5 min ago (2026-08-17 09:15 NPT)': how old cached data is, for people."""
    from npkit.dates import NEPAL_TZ

    now = now or datetime.now(UTC)
    minutes = max(0, int((now - moment).total_seconds() // 60))
    if minutes < 1:
        ago = "less than a minute ago"
    elif minutes < 60:
        ago = f"{minutes} min ago"
    elif minutes < 48 * 60:
        hours, rest = divmod(minutes, 60)
        ago = f"{hours} h {rest} min ago" if rest else f"{hours} h ago"
    else:
        ago = f"{minutes // (24 * 60)} days ago"
    return f"{ago} ({moment.astimezone(NEPAL_TZ):%Y-%m-%d %H:%M} NPT)"


def report_stale(responses: Iterable[Fetched]) -> None:
    """One log record for a command that used stale cached copies: the oldest one's age.

    A server failure is a warning (silenced by -q); ``--offline`` with old data is a note.
    """
    stale = [r for r in responses if r.stale]
    if not stale:
        return
    oldest = min(stale, key=lambda r: r.fetched_at)
    failure = next((r.failure for r in stale if r.failure), None)
    if failure:
        logs.warn(
            __name__, f"{failure}; showing cached data fetched {describe_age(oldest.fetched_at)}"
        )
    else:
        logs.note(
            __name__, f"offline: showing cached data fetched {describe_age(oldest.fetched_at)}"
        )
