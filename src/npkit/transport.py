"""The network half of ``npkit.http``: requests and requests-cache, imported only to fetch.

What it guarantees (``npkit.http.fetch`` is the way in; nothing else calls ``get``):

* a requests-cache SQLite cache under the user cache dir (``NPKIT_CACHE_DIR``) with expiry
  chosen per request, conditional GET when a cached copy has expired, and stale-if-error: an
  expired copy is served when the server fails (the caller reports it with ``report_stale``);
* timeouts: ``--timeout`` (15 s) bounds the whole request, connect + headers + body, retries
  included (a server trickling a byte a second is cut off when it runs out: a watchdog shuts
  the request's sockets down); connecting waits at most 5 s; retries with back-off only on
  429/502/503/504 and dropped connections; TLS verification always on;
* a cache database that is locked by another process is waited for briefly, then the command
  goes on without the cache (one warning); one SQLite can open but npkit cannot use (another
  schema, a symlink to /dev/null) is moved aside with one warning and replaced;
* a size cap enforced from ``Content-Length`` and while the body streams in, before the body is
  ever held whole in memory or cached;
* an optional ``check(content)`` run on a fresh 200 before it is cached, so an HTML challenge
  page never replaces good data (a ``ParseError`` from it falls back to the stale copy too).
"""

from __future__ import annotations

import http.client
import logging
import re
import socket
import sqlite3
import ssl
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests
import requests_cache
from requests.adapters import HTTPAdapter
from requests.exceptions import ChunkedEncodingError
from requests_cache.backends.base import BaseCache
from requests_cache.backends.sqlite import SQLiteCache, SQLiteDict
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import (
    ConnectTimeoutError,
    InvalidHeader,
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
from npkit import config, logs
from npkit.config import FetchOptions
from npkit.errors import FetchError, HTTPStatusError, NotCached, NpkitError, ResponseTooLarge
from npkit.freshcache import Fetched
from npkit.text import clean, quote, url_host

USER_AGENT = f"npkit/{npkit.__version__} (+{npkit.PROJECT_URL})"
MAX_BYTES = 10 * 1024 * 1024
"""Largest response body accepted (after decompression); bigger ones are refused mid-stream."""

RETRY_STATUSES = frozenset({429, 502, 503, 504})
RETRIES = 2
BACKOFF_FACTOR = 0.5  # urllib3: no wait before the first retry, then 1 s
RETRY_AFTER_MAX = 5.0
"""Wait at most this long when a server says Retry-After; asked to wait longer, we give up."""

CACHE_FILE = "http_cache.sqlite"
LOCK_WAIT = 2.0
"""Seconds to wait for a cache database another process has locked before going on without."""


# ---------------------------------------------------------------- the deadline


class _Deadline:
    """``--timeout`` for a whole request: when it runs out, every socket the request uses is
    shut down (a blocked read returns at once) and ``expired`` is set for the messages.

    Per-read timeouts alone never end a server that trickles a byte a second; this bounds
    connect + headers + body + retries. One per request, kept per thread (``npkit news``
    fetches in threads); the sockets are registered by ``_Connection``."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self.cut = False  # a socket was still open when it ran out: a read was cut off
        self.ends = time.monotonic() + seconds
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        _local.deadline = self
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()
        _local.deadline = None
        with self._lock:
            self._sockets.clear()

    def attach(self, sock: socket.socket | None) -> None:
        if sock is None:
            return
        with self._lock:
            if self.expired:
                _shut(sock)
            else:
                self._sockets.append(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                if sock.fileno() != -1:  # not closed already (a reset before a back-off)
                    self.cut = True
                _shut(sock)


_local = threading.local()


def _deadline() -> _Deadline | None:
    return getattr(_local, "deadline", None)


def _expired() -> bool:
    current = _deadline()
    return current is not None and current.expired


def _shut(sock: socket.socket) -> None:
    with suppress(OSError, TypeError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


class _OnTheDeadline:
    """Registers a connection's socket with the request's deadline (plain and TLS alike)."""

    sock: socket.socket

    def connect(self) -> None:
        super().connect()  # type: ignore[misc]
        self._attach()

    def getresponse(self) -> Any:
        self._attach()  # a kept-alive connection, connected by an earlier request
        return super().getresponse()  # type: ignore[misc]

    def _attach(self) -> None:
        current = _deadline()
        if current is not None:
            current.attach(self.sock)


class _Connection(_OnTheDeadline, HTTPConnection):
    """urllib3's connection, on the request's deadline."""


class _TLSConnection(_OnTheDeadline, HTTPSConnection):
    """urllib3's TLS connection, on the request's deadline."""


class _Pool(HTTPConnectionPool):
    ConnectionCls = _Connection


class _TLSPool(HTTPSConnectionPool):
    ConnectionCls = _TLSConnection


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
    longer than ``RETRY_AFTER_MAX`` is respected by not retrying at all; so is a wait that
    would end past the request's deadline (``--timeout`` bounds the retries too).
    """

    def get_retry_after(self, response: Any) -> float | None:
        """A Retry-After that is neither seconds nor a date is ignored (urllib3 would raise,
        with the header's text in the message, and leave the connection open)."""
        try:
            return super().get_retry_after(response)
        except (InvalidHeader, ValueError, OverflowError):
            return None

    def increment(  # type: ignore[override]
        self,
        method: str | None = None,
        url: str | None = None,
        response: Any = None,
        error: Exception | None = None,
        _pool: Any = None,
        _stacktrace: Any = None,
    ) -> Retry:
        if _expired() or (error is not None and not _is_reset(error)):
            raise MaxRetryError(_pool, url or "", error) from error
        if response is not None:
            wait = self.get_retry_after(response)
            if wait is not None and wait > RETRY_AFTER_MAX:
                raise MaxRetryError(
                    _pool, url or "", ResponseError(f"asked to wait {wait:g} s (Retry-After)")
                )
        retry = super().increment(method, url, response, error, _pool, _stacktrace)
        current = _deadline()
        if current is not None:  # no retry whose wait would outlast the deadline
            wait = self.get_retry_after(response) if response is not None else None
            if time.monotonic() + (wait or retry.get_backoff_time()) >= current.ends:
                cause = error or ResponseError("no time left for a retry")
                raise MaxRetryError(_pool, url or "", cause)
        return retry


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

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _Pool, "https": _TLSPool}

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
        host = url_host(request.url or "", "the server")
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


class _BoundedSQLiteDict(SQLiteDict):
    """requests-cache's SQLite table, but waiting at most ``LOCK_WAIT`` for the write lock
    (the library retries forever while another process holds it)."""

    @contextmanager
    def _acquire_sqlite_lock(self) -> Iterator[None]:
        with self._lock:
            give_up = time.monotonic() + LOCK_WAIT
            while True:
                try:
                    self._connection.execute("BEGIN IMMEDIATE")  # type: ignore[union-attr]
                    self._active_transaction = True
                    break
                except sqlite3.OperationalError:
                    if time.monotonic() > give_up:
                        raise
                    time.sleep(0.01)
            try:
                yield
                self._connection.commit()  # type: ignore[union-attr]
            except sqlite3.OperationalError:
                self._connection.rollback()  # type: ignore[union-attr]
            finally:
                self._active_transaction = False


class _Cache(SQLiteCache):
    """``SQLiteCache`` with ``_BoundedSQLiteDict`` tables."""

    def __init__(self, db_path: Path) -> None:
        BaseCache.__init__(self, cache_name=str(db_path))
        options: dict[str, Any] = {"timeout": LOCK_WAIT / 2}
        self.responses = _BoundedSQLiteDict(db_path, table_name="responses", **options)
        self.redirects = _BoundedSQLiteDict(
            db_path, table_name="redirects", lock=self.responses._lock, serializer=None, **options
        )


def _new_session(directory: Path, *, memory: bool = False) -> requests_cache.CachedSession:
    backend: Any = "memory"
    if not memory:
        try:
            directory.mkdir(parents=True, exist_ok=True)
            backend = _open_cache(directory / CACHE_FILE)
        except (OSError, sqlite3.Error) as exc:
            shown = quote(str(directory / CACHE_FILE), limit=200)
            why = "is locked by another process" if _is_locked(exc) else f"({_one_line(exc)})"
            logs.warn(__name__, f"the HTTP cache {shown} {why}: going on without it")
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


def _open_cache(path: Path) -> _Cache:
    """The cache database at ``path``; one SQLite cannot use as a cache is moved aside (one
    warning) and a new one started. A locked one raises (the caller goes on without)."""
    try:
        return _Cache(path)
    except sqlite3.Error as exc:
        if _is_locked(exc):
            raise
        _move_aside(path, exc)
        return _Cache(path)


def _is_locked(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc).lower()


def _move_aside(path: Path, exc: BaseException) -> None:
    """Rename an unusable cache file (or symlink) to ``<name>.unusable``, with one warning."""
    aside = path.with_name(path.name + ".unusable")
    try:
        path.replace(aside)
    except OSError as error:
        raise sqlite3.DatabaseError(f"{_one_line(exc)}; cannot move it aside: {error}") from None
    for suffix in ("-journal", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    logs.warn(
        __name__,
        f"the HTTP cache {quote(str(path), limit=200)} was unusable ({_one_line(exc)}): "
        f"moved aside to {aside.name}, starting a new one",
    )


def _without_cache(exc: sqlite3.Error) -> requests_cache.CachedSession:
    """The session to retry with after the cache database failed: a fresh database when the
    old one was unusable, else (locked, or cannot be replaced) memory only. One warning."""
    global _current
    directory = config.cache_dir()
    path = directory / CACHE_FILE
    with _lock:
        if _current is not None:
            _current[1].close()  # type: ignore[no-untyped-call]
        new: requests_cache.CachedSession | None = None
        if not _is_locked(exc):
            try:
                _move_aside(path, exc)
                new = _new_session(directory)
            except (OSError, sqlite3.Error):
                new = None
        if new is None:
            reason = "is locked by another process" if _is_locked(exc) else "is unusable"
            logs.warn(
                __name__,
                f"the HTTP cache {quote(str(path), limit=200)} {reason}: going on without it",
            )
            new = _new_session(directory, memory=True)
        _current = (directory, new)
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
    host = url_host(url, "the server")
    kwargs: dict[str, Any] = {"params": params, "timeout": timeouts, "headers": dict(headers or {})}
    kwargs["hooks"] = {"response": [_checking_hook(check, host, read_timeout)]}
    try:
        response, deadline = _send(session(), url, expire_after, options, kwargs)
    except sqlite3.Error as exc:  # the cache database: go on with a new one, or without
        response, deadline = _send(_without_cache(exc), url, expire_after, options, kwargs)

    if options.offline and response.status_code != 200:
        raise NotCached(f"--offline and no cached copy of this data from {host}")
    if response.status_code != 200:
        raise HTTPStatusError(
            f"{host} answered HTTP {response.status_code}{_reason(response)}",
            response.status_code,
            response.content,
        )
    from_cache = bool(getattr(response, "from_cache", False))
    stale = from_cache and bool(getattr(response, "is_expired", False))
    failure = None
    if stale and not options.offline:
        cause = _catcher.take()
        if deadline.cut:
            failure = f"{host} timed out after {read_timeout:g} s"
        else:
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


def _send(
    client: requests_cache.CachedSession,
    url: str,
    expire_after: int | float | timedelta,
    options: FetchOptions,
    kwargs: dict[str, Any],
) -> tuple[requests.Response, _Deadline]:
    """One GET within the deadline; failures other than the cache database's are one-line
    ``FetchError``s (``sqlite3.Error`` is the caller's)."""
    timeouts = kwargs["timeout"]
    host = url_host(url, "the server")
    _catcher.take()
    with _Deadline(timeouts[1]) as deadline:
        try:
            if options.offline:
                response = client.get(url, only_if_cached=True, **kwargs)
            elif options.no_cache:
                with _cache_disabled(client):
                    response = client.get(url, **kwargs)
            else:
                response = client.get(url, expire_after=expire_after, **kwargs)
            if not getattr(response, "from_cache", False) and deadline.cut:
                raise _timed_out(host, timeouts[1])  # a body cut off by the deadline
            return response, deadline
        except NpkitError:
            raise
        except sqlite3.Error:
            raise
        except (
            requests.RequestException, Urllib3HTTPError, http.client.HTTPException, OSError,
            ValueError,  # a redirect to a Location that is not UTF-8, or not a URL
        ) as exc:  # fmt: skip
            note = "--no-cache" if options.no_cache else "no cached copy"
            if deadline.cut:
                message = f"{host} timed out after {timeouts[1]:g} s"
            else:
                message = describe(exc, host, timeouts)
            raise FetchError(_noted(message, note)) from None


def _noted(message: str, note: str) -> str:
    """``message (note)``, or ``message (…; note)`` when it ends in parentheses already."""
    if message.endswith(")") and "(" in message:
        return f"{message[:-1]}; {note})"
    return f"{message} ({note})"


def _timed_out(host: str, seconds: float) -> FetchError:
    return FetchError(f"{host} timed out after {seconds:g} s")


def _reason(response: requests.Response) -> str:
    """The reason phrase after the status (' Forbidden'), cleaned; quoted when the server sent
    controls or escapes in it, so the reader sees what came."""
    reason = response.reason if isinstance(response.reason, str) else ""
    shown = clean(reason)
    if not shown:
        return ""
    return f" {shown[:80]}" if shown == reason else f" {quote(reason)}"


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


def _checking_hook(
    check: Callable[[bytes], object] | None, host: str, seconds: float
) -> Callable[..., None]:
    """A requests response hook running ``check`` on a fresh 200 before requests-cache stores
    it; an exception here makes requests-cache fall back to a stale copy, or propagates. A body
    the deadline cut off (it may look complete) is refused here too, so it is never cached."""

    def hook(response: requests.Response, *args: Any, **kwargs: Any) -> None:
        if response.status_code != 200 or getattr(response, "from_cache", False):
            return
        if getattr(response, "_npkit_checked", False):
            return
        response.content  # noqa: B018 - read the body within the deadline
        current = _deadline()
        if current is not None and current.cut:
            raise _timed_out(host, seconds)
        if check is not None:
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
        return f"{host} answered HTTP {exc.response.status_code}{_reason(exc.response)}"

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
    if has(UnicodeError, requests.exceptions.InvalidURL, ValueError):
        return f"{host} sent a redirect or URL npkit cannot follow: {_one_line(exc)}"
    if has(ResponseError):
        return f"{host}: {_one_line(next(e for e in chain if isinstance(e, ResponseError)))}"
    return f"{host}: {type(exc).__name__}: {_one_line(exc)}"


_USERINFO_IN_TEXT = re.compile(r"(?<=//)[^/\s?#@'\"]*@")


def _one_line(exc: BaseException) -> str:
    """An exception's text for a message: one line, any ``user:password@`` of a URL in it
    dropped, controls and escapes shown escaped, at most 200 characters."""
    text = _USERINFO_IN_TEXT.sub("", " ".join(str(exc).split()))
    return quote(text, limit=200)[1:-1]


def _size(count: int) -> str:
    return f"{count / 1024 / 1024:g} MB" if count >= 1024 * 1024 else f"{count} bytes"
