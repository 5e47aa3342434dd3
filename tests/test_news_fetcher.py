"""Concurrency of ``npkit.news.fetcher``, through real HTTP to several local servers (each
server is a different host): hosts are fetched at the same time, one host never sees two
requests at once, and the pool is bounded. No timed assertions: the servers count the requests
in flight."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator

import pytest

from npkit.config import FetchOptions
from npkit.news import fetcher
from npkit.news.registry import Source
from tests.support.servers import LocalServer, Reply, Request

HOSTS = 4
FEEDS_PER_HOST = 2


def feed(title: str) -> bytes:
    return (
        f'<rss version="2.0"><channel><title>{title}</title><item><title>{title}</title>'
        f"<link>https://e.org/{title}</link></item></channel></rss>"
    ).encode()


class InFlight:
    """Counts requests being answered, overall and per server. Each request is held until
    ``target`` requests are in flight (or ``patience`` seconds pass), then a little longer, so
    that requests which could overlap do."""

    def __init__(self, target: int, patience: float) -> None:
        self.target, self.patience = target, patience
        self.condition = threading.Condition()
        self.now: Counter[str] = Counter()
        self.most: Counter[str] = Counter()

    def handler(self, host: str, body: bytes) -> Callable[[Request], Reply]:
        def answer(_request: Request) -> Reply:
            with self.condition:
                self.now[host] += 1
                self.now["*"] += 1
                for key in (host, "*"):
                    self.most[key] = max(self.most[key], self.now[key])
                self.condition.notify_all()
                self.condition.wait_for(lambda: self.now["*"] >= self.target, self.patience)
            time.sleep(0.05)
            with self.condition:
                self.now[host] -= 1
                self.now["*"] -= 1
            return Reply(body, content_type="application/rss+xml")

        return answer


@pytest.fixture
def servers() -> Iterator[list[LocalServer]]:
    started = [LocalServer().start() for _ in range(HOSTS)]
    yield started
    for server in started:
        server.close()


def sources_on(servers: list[LocalServer], counter: InFlight) -> list[Source]:
    sources = []
    for n, server in enumerate(servers):
        for k in range(FEEDS_PER_HOST):
            path, name = f"/feed{k}", f"h{n}f{k}"
            server.route(path, counter.handler(server.url, feed(name)))
            sources.append(Source(id=name, name=name, lang="en", url=server.url + path))
    return sources


def test_hosts_in_parallel_one_request_at_a_time_per_host(servers: list[LocalServer]) -> None:
    counter = InFlight(target=HOSTS, patience=2.0)
    sources = sources_on(servers, counter)
    outcomes = fetcher.fetch_all(sources, FetchOptions(timeout=5))
    assert [o.source.id for o in outcomes] == [s.id for s in sources]  # order kept
    assert [o.articles[0].title for o in outcomes] == [s.id for s in sources]
    assert all(o.error is None for o in outcomes)
    assert counter.most["*"] == HOSTS  # every host at once ...
    assert all(counter.most[server.url] == 1 for server in servers)  # ... one request each
    assert all(len(server.requests) == FEEDS_PER_HOST for server in servers)


def test_the_pool_is_bounded(servers: list[LocalServer]) -> None:
    counter = InFlight(target=HOSTS, patience=0.3)
    sources = sources_on(servers, counter)
    outcomes = fetcher.fetch_all(sources, FetchOptions(timeout=5), pool_size=2)
    assert all(o.error is None for o in outcomes)
    assert counter.most["*"] == 2


def test_one_failing_source_does_not_stop_its_host_or_the_others(
    servers: list[LocalServer],
) -> None:
    counter = InFlight(target=1, patience=0)
    sources = sources_on(servers, counter)
    servers[0].route("/feed0", Reply(b"<html>Forbidden</html>", status=403))
    outcomes = fetcher.fetch_all(sources, FetchOptions(timeout=5))
    assert "answered HTTP 403" in str(outcomes[0].error)
    assert [bool(o.articles) for o in outcomes] == [False] + [True] * (len(sources) - 1)


def test_default_pool_takes_every_builtin_source_at_once() -> None:
    from npkit.news import registry

    assert max(8, len(registry.builtin())) <= fetcher.POOL_SIZE
