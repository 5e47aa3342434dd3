"""npkit's own index of fresh replies, so a warm command answers without the HTTP stack.

Importing requests, requests-cache and urllib3 costs about 0.2 s, several times what a warm
``npkit fx`` needs otherwise. Every reply that ``npkit.http`` accepted (status 200, read by its
parser) is also written here with the moment it stops being fresh, by the same expiry rule
requests-cache was given; a fresh entry is served without importing any of them. Expired
entries are only read by ``--offline``; everything else (conditional GET, stale-if-error) stays
with requests-cache. An unreadable reply never gets here, and a broken or unwritable index is
simply a miss: this is a shortcut, never the only copy.

One file per key under ``<cache dir>/fresh/``: a short text header (format, key, URL, fetched
and expiry times in POSIX seconds) and the body. Beside it, optionally, the body already parsed
(``store_value``/``load_value``): the source's own encoding of what its parser made of these
exact bytes, under a version tag, so a warm command need not import the parser's library. It
shares the entry's expiry (it is only read with its entry) and is a miss when the tag or the
body's digest differ. Standard library only.
"""

from __future__ import annotations

import contextlib
import os
from datetime import UTC, datetime

from npkit import config
from npkit.tuples import record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from hashlib import sha256
else:
    try:  # Python's own SHA-256: hashlib would load OpenSSL (~4.5 ms a start) for the same digest
        from _sha2 import sha256  # Python 3.12+
    except ImportError:
        try:
            from _sha256 import sha256  # Python 3.11
        except ImportError:
            from hashlib import sha256

DIRECTORY = "fresh"
_MAGIC = b"npkit-fresh 1"
_VALUE_MAGIC = b"npkit-value 1"
_NEVER = b"never"
_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~")
"""The characters ``urllib.parse.quote_plus`` never changes (its ``_ALWAYS_SAFE``)."""


class Fetched(
    record(
        "Fetched",
        "content url from_cache fetched_at expires_at stale failure key",
        defaults=(None, False, None, ""),
    )
):
    """A successful (status 200) reply, from the network, requests-cache or this index (a
    namedtuple: ``_replace`` makes a changed copy; no ``dataclasses`` on a warm start)."""

    __slots__ = ()
    content: bytes
    url: str  # the URL requested, with its query: resolve links against this, not a redirect
    from_cache: bool
    fetched_at: datetime  # UTC, when the server sent these bytes
    expires_at: datetime | None  # when this copy stops being fresh; None: never
    stale: bool  # an expired cached copy, served because the server failed or --offline
    failure: str | None  # why the network was not used for a stale copy (None: offline)
    key: str  # the index key (``cache_key``) of the request


def cache_key(url: str, params: Mapping[str, str | int] | None = None) -> str:
    """Method, URL and sorted parameters: equal for requests that must get equal answers."""
    query = encode_query(sorted((str(k), str(v)) for k, v in (params or {}).items()))
    return f"GET {url}?{query}" if query else f"GET {url}"


def encode_query(pairs: list[tuple[str, str]]) -> str:
    """``urllib.parse.urlencode(pairs)``, without importing urllib (and ipaddress, ~6 ms a
    start) when no character needs quoting, as with dates and page numbers."""
    if all(_SAFE.issuperset(k + v) for k, v in pairs):
        return "&".join(f"{k}={v}" for k, v in pairs)
    from urllib.parse import urlencode

    return urlencode(pairs)


def _path(key: str, suffix: str = ".entry") -> str:
    """The file of ``key`` (text, not a ``Path``: pathlib costs a warm start ~3-8 ms)."""
    name = sha256(key.encode("utf-8")).hexdigest()[:40]
    return os.path.join(config.cache_folder(), DIRECTORY, f"{name}{suffix}")


def _read_bytes(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def _digest(content: bytes) -> bytes:
    return sha256(content).hexdigest().encode("ascii")


def _moment(seconds: bytes) -> datetime:
    return datetime.fromtimestamp(float(seconds), UTC)


def _read(path: str) -> Fetched | None:
    try:
        data = _read_bytes(path)
        magic, key, url, fetched, expires, content = data.split(b"\n", 5)
        if magic != _MAGIC:
            return None
        expires_at = None if expires == _NEVER else _moment(expires)
        return Fetched(
            content=content,
            url=url.decode("utf-8"),
            from_cache=True,
            fetched_at=_moment(fetched),
            expires_at=expires_at,
            stale=expires_at is not None and expires_at <= datetime.now(UTC),
            key=key.decode("utf-8"),
        )
    except (OSError, ValueError):
        return None


def lookup(key: str) -> Fetched | None:
    """The entry of ``key`` (``stale`` when it has expired), or None."""
    found = _read(_path(key))
    return found if found is not None and found.key == key else None


def store(fetched: Fetched) -> None:
    """Write ``fetched`` under its key (atomically: a reader sees the old entry or the new)."""
    if not fetched.key or "\n" in fetched.key + fetched.url:
        return
    expires = b"%r" % fetched.expires_at.timestamp() if fetched.expires_at else _NEVER
    header = [_MAGIC, fetched.key.encode(), fetched.url.encode()]
    header += [b"%r" % fetched.fetched_at.timestamp(), expires]
    _write(_path(fetched.key), b"\n".join([*header, fetched.content]))


def _write(path: str, data: bytes) -> None:
    """``data`` into ``path`` atomically; a failure leaves the old file (or none)."""
    import tempfile  # only when writing: a warm answer never does (tempfile imports shutil, …)

    try:
        folder = os.path.dirname(path)
        os.makedirs(folder, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def store_value(fetched: Fetched, tag: str, value: bytes) -> None:
    """Keep ``value``, the parse of ``fetched.content`` encoded under version ``tag``, beside
    the entry of ``fetched.key`` (replacing any older one)."""
    if not fetched.key or "\n" in fetched.key + tag:
        return
    header = [_VALUE_MAGIC, fetched.key.encode(), tag.encode(), _digest(fetched.content)]
    _write(_path(fetched.key, ".value"), b"\n".join([*header, value]))


def load_value(fetched: Fetched, tag: str) -> bytes | None:
    """The value kept for ``fetched`` (an entry of this index) under ``tag``: None unless it
    was made from these very bytes, under this tag."""
    if not fetched.key:
        return None
    try:
        data = _read_bytes(_path(fetched.key, ".value"))
        magic, key, kept_tag, digest, value = data.split(b"\n", 4)
        if magic != _VALUE_MAGIC or key.decode("utf-8") != fetched.key:
            return None
        if kept_tag.decode("utf-8") != tag or digest != _digest(fetched.content):
            return None
    except (OSError, ValueError):
        return None
    return value


def drop(key: str) -> None:
    """Forget the entry of ``key`` and its value (there may be none)."""
    for suffix in (".entry", ".value"):
        try:
            os.unlink(_path(key, suffix))
        except OSError:
            continue


def entries() -> Iterator[Fetched]:
    """Every readable entry (for tests and maintenance)."""
    folder = os.path.join(config.cache_folder(), DIRECTORY)
    try:
        names = sorted(name for name in os.listdir(folder) if name.endswith(".entry"))
    except OSError:  # no index yet
        return
    for name in names:
        found = _read(os.path.join(folder, name))
        if found is not None:
            yield found
