"""The network half of ``npkit.http``: requests and requests-cache, imported only to fetch.

What it guarantees (``npkit.http.fetch`` is the way in; nothing else calls ``get``):

* a requests-cache SQLite cache under the user cache dir (``NPKIT_CACHE_DIR``) with expiry
  chosen per request, conditional GET when a cached copy has expired, and stale-if-error: an
  expired copy is served when the server fails (the caller reports it with ``report_stale``);
* timeouts (connect 5 s, read 15 s or ``--timeout``: the longest wait for the server's next
  bytes), retries with back-off only on 429/502/503/504 and dropped connections, TLS
  verification always on;
* a size cap enforced from ``Content-Length`` and while the body streams in, before the body is
  ever held whole in memory or cached;
* an optional ``check(content)`` run on a fresh 200 before it is cached, so an HTML challenge
  page never replaces good data (a ``ParseError`` from it falls back to the stale copy too).
"""

from __future__ import annotations

import http.client
import logging
import socket
import sqlite3
import ssl
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests
import requests_cache
from requests.adapters import HTTPAdapter
from requests.exceptions import ChunkedEncodingError
from requests_cache.backends.sqlite import SQLiteCache
from urllib3.exceptions import (
    ConnectTimeoutError,
    MaxRetryError,
    NameResolutionError,
    NewConnectionError,
    ReadTimeoutError,
    ResponseError,
)
from urllib3.exceptions import HTTPError as Urllib3HTTPError
from urllib3.exceptions import IncompleteRead as Urllib3IncompleteRead
from urllib3.util.retry import Retry

import npkit
from npkit import config, console
from npkit.config import FetchOptions
from npkit.errors import FetchError, HTTPStatusError, NotCached, NpkitError, ResponseTooLarge
from npkit.freshcache import Fetched

USER_AGENT = f"npkit/{npkit.__version__} (+{npkit.PROJECT_URL})"
MAX_BYTES = 10 * 1024 * 1024
"""Largest response body accepted (after decompression); bigger ones are refused mid-stream."""

RETRY_STATUSES = frozenset({429, 502, 503, 504})
RETRIES = 2
BACKOFF_FACTOR = 0.5  # urllib3: no wait before the first retry, then 1 s
RETRY_AFTER_MAX = 5.0
"""Wait at most this long when a server says Retry-After; asked to wait longer, we give up."""

CACHE_FILE = "http_cache.sqlite"


# ---------------------------------------------------------------- transport


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """``exc`` and everything it wraps (requests and urllib3 nest errors in args and .reason)."""
    stack: list[Any] = [exc]
    seen: set[int] = set()
    while stack:
        item = stack.pop()
        if not isinstance(item, BaseException) or id(item) in seen:
            continue
        seen.add(id(item))
        yield item
        stack.extend((item.__cause__, item.__context__, getattr(item, "reason", None)))
        stack.extend(item.args)


def _is_reset(exc: BaseException) -> bool:
    """A connection the server dropped (reset, aborted, closed without answer): worth a retry."""
    return any(isinstance(e, (ConnectionResetError, ConnectionAbortedError)) for e in _causes(exc))


class _Retry(Retry):
    """urllib3's retries narrowed to what is safe to repeat against a struggling server.

    Only 429/502/503/504 and dropped connections are retried; a timeout, a refused connection or
    a DNS failure is reported at once (retrying would only multiply the wait). A Retry-After
    longer than ``RETRY_AFTER_MAX`` is respected by not retrying at all.
    """

    def increment(  # type: ignore[override]
        self,
        method: str | None = None,
        url: str | None = None,
        response: Any = None,
        error: Exception | None = None,
        _pool: Any = None,
        _stacktrace: Any = None,
    ) -> Retry:
        if error is not None and not _is_reset(error):
            raise MaxRetryError(_pool, url or "", error) from error
        if response is not None:
            wait = self.get_retry_after(response)
            if wait is not None and wait > RETRY_AFTER_MAX:
                raise MaxRetryError(_pool, url or "", ResponseError(f"Retry-After {wait:g} s"))
        return super().increment(method, url, response, error, _pool, _stacktrace)


def _cap_body(raw: Any, max_bytes: int, host: str) -> None:
    """Make ``raw.stream`` (what requests reads the body through) refuse an oversized body,
    counting decompressed bytes as they arrive: nothing larger is ever held in memory."""
    original = raw.stream

    def stream(amt: int | None = 2**16, decode_content: bool | None = None) -> Iterator[bytes]:
        received = 0
        for chunk in original(amt, decode_content=decode_content):
            received += len(chunk)
            if received > max_bytes:
                raw.close()
                raise ResponseTooLarge(f"{host} sent more than {_size(max_bytes)}: refused")
            yield chunk

    raw.stream = stream


class _Adapter(HTTPAdapter):
    """The transport: bounded retries, the size cap, TLS verification never off."""

    def __init__(self) -> None:
        super().__init__(
            max_retries=_Retry(
                total=RETRIES,
                status_forcelist=RETRY_STATUSES,
                allowed_methods=frozenset({"GET", "HEAD"}),
                backoff_factor=BACKOFF_FACTOR,
                raise_on_status=False,
                respect_retry_after_header=True,
            )
        )

    def send(
        self,
        request: requests.PreparedRequest,
        stream: bool = False,
        timeout: Any = None,
        verify: bool | str = True,
        cert: Any = None,
        proxies: Any = None,
    ) -> requests.Response:
        verify = True if verify is False else verify  # a CA bundle path is fine; off is not
        response = super().send(request, stream, timeout, verify, cert, proxies)
        host = urlsplit(request.url or "").netloc
        declared = response.headers.get("Content-Length", "").strip()
        if declared.isdigit() and int(declared) > MAX_BYTES:
            response.close()
            raise ResponseTooLarge(
                f"{host} announced {_size(int(declared))}, more than {_size(MAX_BYTES)}: refused"
            )
        _cap_body(response.raw, MAX_BYTES, host)
        return response


# ---------------------------------------------------------------- session


class _FailureCatcher(logging.Handler):
    """Swallows requests-cache's log records (it logs a traceback when it serves a stale copy)
    and keeps the exception, so the one-line stale warning can say what went wrong."""

    def __init__(self) -> None:
        super().__init__()
        self.local = threading.local()

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info and record.exc_info[1] is not None:
            self.local.failure = record.exc_info[1]

    def take(self) -> BaseException | None:
        failure = getattr(self.local, "failure", None)
        self.local.failure = None
        return failure


_catcher = _FailureCatcher()
_library_log = logging.getLogger("requests_cache")
_library_log.addHandler(_catcher)
_library_log.propagate = False

_lock = threading.Lock()
_current: tuple[Path, requests_cache.CachedSession] | None = None


def session() -> requests_cache.CachedSession:
    """The process's one cached session (rebuilt if the cache directory setting changed)."""
    global _current
    directory = config.cache_dir()
    with _lock:
        if _current is not None and _current[0] == directory:
            return _current[1]
        if _current is not None:
            _current[1].close()  # type: ignore[no-untyped-call]
        new = _new_session(directory)
        _current = (directory, new)
        return new


def _new_session(directory: Path) -> requests_cache.CachedSession:
    try:
        directory.mkdir(parents=True, exist_ok=True)
        backend: Any = SQLiteCache(directory / CACHE_FILE)
    except (OSError, sqlite3.Error) as exc:
        console.warn(f"cannot use the cache dir {directory} ({exc}); caching in memory only")
        backend = "memory"
    new = requests_cache.CachedSession(
        backend=backend,
        expire_after=timedelta(minutes=30),
        allowable_codes=(200,),
        allowable_methods=("GET", "HEAD"),
        stale_if_error=True,
    )
    new.headers["User-Agent"] = USER_AGENT
    adapter = _Adapter()
    new.mount("https://", adapter)
    new.mount("http://", adapter)
    return new


# ---------------------------------------------------------------- fetch


def get(
    url: str,
    *,
    params: Mapping[str, str | int] | None,
    expire_after: int | float | timedelta,
    options: FetchOptions,
    check: Callable[[bytes], object] | None,
    headers: Mapping[str, str] | None,
) -> Fetched:
    """GET ``url`` through requests-cache; a 200 comes back as ``Fetched``, anything else raises
    (see ``npkit.http.fetch``, the one caller)."""
    read_timeout = config.timeout(options.timeout)
    timeouts = (config.connect_timeout(read_timeout), read_timeout)
    host = urlsplit(url).netloc
    client = session()
    kwargs: dict[str, Any] = {"params": params, "timeout": timeouts, "headers": dict(headers or {})}
    if check is not None:
        kwargs["hooks"] = {"response": [_checking_hook(check)]}
    _catcher.take()
    try:
        if options.offline:
            response = client.get(url, only_if_cached=True, **kwargs)
        elif options.no_cache:
            with _cache_disabled(client):
                response = client.get(url, **kwargs)
        else:
            response = client.get(url, expire_after=expire_after, **kwargs)
    except NpkitError:
        raise
    except sqlite3.Error as exc:
        raise FetchError(f"the HTTP cache in {config.cache_dir()} is unusable: {exc}") from None
    except (requests.RequestException, Urllib3HTTPError, http.client.HTTPException, OSError) as exc:
        suffix = " (--no-cache)" if options.no_cache else " (no cached copy)"
        raise FetchError(describe(exc, host, timeouts) + suffix) from None

    if options.offline and response.status_code != 200:
        raise NotCached(f"--offline and no cached copy of this data from {host}")
    if response.status_code != 200:
        reason = f" {response.reason}" if response.reason else ""
        raise HTTPStatusError(
            f"{host} answered HTTP {response.status_code}{reason}",
            response.status_code,
            response.content,
        )
    from_cache = bool(getattr(response, "from_cache", False))
    stale = from_cache and bool(getattr(response, "is_expired", False))
    failure = None
    if stale and not options.offline:
        cause = _catcher.take()
        failure = describe(cause, host, timeouts) if cause else f"{host}: the request failed"
    created = getattr(response, "created_at", None) if from_cache else None
    fetched_at = _as_utc(created) if created else datetime.now(UTC)
    if from_cache:
        expires = getattr(response, "expires", None)
        expires_at = _as_utc(expires) if expires else None
    else:
        expires_at = _expiry(fetched_at, expire_after)
    return Fetched(
        content=response.content,
        url=requests.Request("GET", url, params=params).prepare().url or url,
        from_cache=from_cache,
        fetched_at=fetched_at,
        expires_at=expires_at,
        stale=stale,
        failure=failure,
    )


def _expiry(fetched_at: datetime, expire_after: int | float | timedelta) -> datetime | None:
    """When a reply fetched at ``fetched_at`` expires, by requests-cache's reading of
    ``expire_after`` (seconds or a timedelta; ``NEVER_EXPIRE``, -1: never; 0: at once)."""
    if isinstance(expire_after, timedelta):
        return fetched_at + expire_after
    if expire_after == requests_cache.NEVER_EXPIRE:
        return None
    return fetched_at + timedelta(seconds=expire_after)


_disabled_lock = threading.Lock()
_disabled_users = 0


@contextmanager
def _cache_disabled(client: requests_cache.CachedSession) -> Iterator[None]:
    """``--no-cache`` for requests running in several threads at once (``npkit news``):
    requests-cache's own ``cache_disabled()`` is not thread-safe (the first thread to finish
    would switch the cache back on under the others), so the users are counted and the last one
    out switches it back on."""
    global _disabled_users
    with _disabled_lock:
        _disabled_users += 1
        client.settings.disabled = True
    try:
        yield
    finally:
        with _disabled_lock:
            _disabled_users -= 1
            if _disabled_users == 0:
                client.settings.disabled = False


def forget(url: str) -> None:
    """Drop requests-cache's copy of ``url`` (a ``Fetched.url``)."""
    session().cache.delete(urls=[url])


def _checking_hook(check: Callable[[bytes], object]) -> Callable[..., None]:
    """A requests response hook running ``check`` on a fresh 200 before requests-cache stores
    it; an exception here makes requests-cache fall back to a stale copy, or propagates."""

    def hook(response: requests.Response, *args: Any, **kwargs: Any) -> None:
        if response.status_code != 200 or getattr(response, "from_cache", False):
            return
        if getattr(response, "_npkit_checked", False):
            return
        check(response.content)
        response._npkit_checked = True  # type: ignore[attr-defined]

    return hook


def _as_utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


# ---------------------------------------------------------------- messages


def describe(exc: BaseException, host: str, timeouts: tuple[float, float]) -> str:
    """One line naming the host and what went wrong, from any exception requests can raise."""
    chain = list(_causes(exc))
    for error in chain:
        if isinstance(error, NpkitError):
            return str(error)
    if isinstance(exc, requests.HTTPError) and exc.response is not None:
        response = exc.response
        return f"{host} answered HTTP {response.status_code} {response.reason or ''}".rstrip()

    def has(*types: type[BaseException]) -> bool:
        return any(isinstance(e, types) for e in chain)

    connect_timeout, read_timeout = timeouts
    if has(NameResolutionError, socket.gaierror):
        return f"cannot resolve {urlsplit('//' + host).hostname} (offline, or a DNS failure)"
    if has(ConnectionRefusedError):
        return f"{host} refused the connection (server down?)"
    if has(requests.ConnectTimeout) or any(
        isinstance(e, ConnectTimeoutError) and not isinstance(e, NewConnectionError) for e in chain
    ):
        return f"{host}: no connection within {connect_timeout:g} s"
    if has(ReadTimeoutError, requests.ReadTimeout, TimeoutError):
        return f"{host} timed out after {read_timeout:g} s"
    if has(requests.exceptions.SSLError, ssl.SSLError):
        reason = next((e for e in chain if isinstance(e, ssl.SSLError)), exc)
        return f"{host}: TLS error: {_one_line(reason)}"
    if has(Urllib3IncompleteRead, http.client.IncompleteRead, ChunkedEncodingError):
        return f"{host} closed the connection before the whole response arrived"
    if _is_reset(exc):
        return f"{host} dropped the connection"
    if has(requests.TooManyRedirects):
        return f"{host}: too many redirects"
    if has(ResponseError):
        return f"{host}: {_one_line(next(e for e in chain if isinstance(e, ResponseError)))}"
    return f"{host}: {type(exc).__name__}: {_one_line(exc)}"


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


def _size(count: int) -> str:
    return f"{count / 1024 / 1024:g} MB" if count >= 1024 * 1024 else f"{count} bytes"
