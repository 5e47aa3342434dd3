"""One record per story: the same article reached through two feeds (or twice in one) has one
canonical URL."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

from npkit.news.records import Article

_TRACKING = frozenset({"fbclid", "gclid", "dclid", "msclkid", "igshid", "mc_cid", "mc_eid"})
_DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(url: str) -> str:
    """A key equal for the same page: no scheme, host lower-case without ``www.``, default port
    dropped, path percent-decoded (NFC) without a trailing slash, ``utm_*``/``fbclid``/… and
    the fragment dropped, the remaining query sorted."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    try:
        port = parts.port
    except ValueError:
        port = None
    if port is not None and port != _DEFAULT_PORTS.get(parts.scheme.lower()):
        host = f"{host}:{port}"
    path = unicodedata.normalize("NFC", unquote(parts.path)).rstrip("/") or "/"
    query = sorted(
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not key.lower().startswith("utm_") and key.lower() not in _TRACKING
    )
    return host + path + (f"?{urlencode(query)}" if query else "")


def dedupe(articles: Iterable[Article]) -> Iterator[Article]:
    """The first article of each canonical URL, in the order given."""
    seen: set[str] = set()
    for article in articles:
        key = canonical_url(article.url)
        if key not in seen:
            seen.add(key)
            yield article
