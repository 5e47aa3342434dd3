"""A real HTTP server on 127.0.0.1 for tests and benchmarks: recorded bodies and failure modes.

Requests go through real sockets (no mocks), so the whole client is exercised: timeouts,
retries, the size cap, the cache and conditional GET. Every request is recorded::

    with LocalServer() as server:
        server.route("/feed", Reply(body=b"<rss/>", etag=True))
        server.queue("/feed", Reply(status=503))       # the next request only, then the route
        server.url                                     # http://127.0.0.1:PORT
        server.requests                                # [Request(path='/feed', ...)]

``FakeNRB`` answers ``/api/forex/v1/rates`` like the real API, from the recorded fixtures in
tests/fixtures/nrb/: a recorded file verbatim when the query is the recorded one, otherwise an
envelope with the real field layout around real day items (re-dated for days not recorded).
"""

from __future__ import annotations

import hashlib
import json
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

NRB_FIXTURES = Path(__file__).parent.parent / "fixtures" / "nrb"
NRB_PATH = "/api/forex/v1/rates"
LAST_MODIFIED = "Mon, 17 Aug 2026 00:00:24 GMT"
MAX_DELAY = 10.0  # no handler ever sleeps longer than this (they wake up at shutdown anyway)

MODES = (
    "normal",  # status, headers, Content-Length, body
    "slow",  # wait `delay` seconds before answering at all (a hung server, bounded)
    "truncated",  # no Content-Length, half the body, close: the client sees cut JSON
    "short",  # Content-Length of the whole body, half of it sent, close
    "oversized",  # no Content-Length, `size` bytes streamed until the client hangs up
    "lying-length",  # Content-Length far beyond any cap, a small body
    "reset",  # close the connection without answering
)


@dataclass(frozen=True)
class Request:
    """What the server received."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]


@dataclass
class Reply:
    """What the server sends back (see MODES)."""

    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "application/json"
    mode: str = "normal"
    delay: float = 0.0
    size: int = 20 * 1024 * 1024
    etag: bool = False  # send ETag/Last-Modified and answer a matching conditional GET with 304

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"unknown mode {self.mode!r}")


Handler = Callable[[Request], Reply]


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that hangs up (size cap, timeout) is expected here


class LocalServer:
    """A ThreadingHTTPServer on 127.0.0.1:<free port> in a daemon thread; HTTPS when given a
    certificate and key (PEM files)."""

    def __init__(self, certfile: Path | None = None, keyfile: Path | None = None) -> None:
        self.routes: dict[str, Handler] = {}
        self.queued: dict[str, list[Reply]] = {}
        self.requests: list[Request] = []
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._httpd = _QuietServer(("127.0.0.1", 0), _make_handler(self))
        self.scheme = "http"
        if certfile is not None:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(certfile, keyfile)
            self._httpd.socket = context.wrap_socket(self._httpd.socket, server_side=True)
            self.scheme = "https"
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"{self.scheme}://{host}:{port}"

    def route(self, path: str, reply: Reply | Handler) -> None:
        """Answer every request for ``path`` with ``reply`` (or what the handler returns)."""
        self.routes[path] = reply if callable(reply) else (lambda _request, r=reply: r)

    def queue(self, path: str, *replies: Reply) -> None:
        """Answer the next requests for ``path`` with these replies, in order, then the route."""
        with self._lock:
            self.queued.setdefault(path, []).extend(replies)

    def requests_to(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path == path]

    def _reply_for(self, request: Request) -> Reply:
        with self._lock:
            self.requests.append(request)
            pending = self.queued.get(request.path)
            if pending:
                return pending.pop(0)
        handler = self.routes.get(request.path)
        if handler is None:
            return Reply(b"not found", status=404, content_type="text/plain")
        return handler(request)

    def start(self) -> LocalServer:
        self._thread.start()
        return self

    def close(self) -> None:
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> LocalServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()


def _make_handler(server: LocalServer) -> type[BaseHTTPRequestHandler]:
    class _Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # quiet test output
            pass

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            request = Request(
                "GET", parts.path, dict(parse_qsl(parts.query)), dict(self.headers.items())
            )
            reply = server._reply_for(request)
            try:
                _send(self, reply, request, server.stopping)
            except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
                self.close_connection = True

    return _Handler


def _send(
    handler: BaseHTTPRequestHandler, reply: Reply, request: Request, stopping: threading.Event
) -> None:
    if reply.mode == "reset":
        handler.close_connection = True
        return
    if reply.mode == "slow":
        stopping.wait(min(reply.delay, MAX_DELAY))
    body = reply.body
    headers = {"Content-Type": reply.content_type, **reply.headers}
    if reply.etag:
        tag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        headers.update({"ETag": tag, "Last-Modified": LAST_MODIFIED})
        if request.headers.get("If-None-Match") == tag or (
            request.headers.get("If-Modified-Since") == LAST_MODIFIED
        ):
            handler.send_response(304)
            for name, value in headers.items():
                if name != "Content-Type":
                    handler.send_header(name, value)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
    handler.send_response(reply.status)
    for name, value in headers.items():
        handler.send_header(name, value)
    if reply.mode in ("truncated", "oversized"):
        handler.send_header("Connection", "close")
        handler.close_connection = True
    elif reply.mode == "lying-length":
        handler.send_header("Content-Length", str(50 * 1024 * 1024))
        handler.close_connection = True
    else:
        handler.send_header("Content-Length", str(len(body)))
        if reply.mode == "short":
            handler.close_connection = True
    handler.end_headers()
    out = handler.wfile
    if reply.mode in ("truncated", "short", "lying-length"):
        out.write(body[: len(body) // 2])
    elif reply.mode == "oversized":
        piece = b" " * 65536
        for _ in range(reply.size // len(piece)):
            out.write(piece)
    else:
        out.write(body)
    out.flush()


# ---------------------------------------------------------------- a fake of the NRB API


def _load_recorded_days() -> dict[str, list[dict[str, Any]]]:
    """Payload items of every recorded response, by date (a date may have two copies)."""
    days: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(NRB_FIXTURES.glob("rates_*.json")):
        if path.name.endswith(".expected.json"):
            continue
        for item in json.loads(path.read_bytes())["data"]["payload"]:
            days.setdefault(item["date"], []).append(item)
    duplicate = json.loads((NRB_FIXTURES / "excerpt_duplicate_date_2026-08-06.items").read_bytes())
    days[duplicate[0]["date"]] = duplicate
    return days


def _recorded_files() -> dict[tuple[str, str], bytes]:
    """The recorded responses, by their (from, to) query."""
    files = {}
    for path in sorted(NRB_FIXTURES.glob("rates_*.json")):
        if not path.name.endswith(".expected.json"):
            params = json.loads(path.read_bytes())["params"]
            files[(params["from"], params["to"])] = path.read_bytes()
    return files


class FakeNRB:
    """``/api/forex/v1/rates`` as NRB answers it: parameter checks (the recorded 400 body),
    ``per_page``/``page`` pagination with ``links`` pointing at ``link_base`` (the upstream host
    in real replies: a decoy server in tests, so following it is detectable)."""

    def __init__(self, link_base: str = "https://www.nrb.org.np", duplicates: bool = True):
        self.link_base = link_base.rstrip("/")
        self.days = _load_recorded_days()
        if not duplicates:
            self.days = {d: items[-1:] for d, items in self.days.items()}
        self.template = self.days["2026-08-17"][0]
        self.recorded = _recorded_files()
        self.invalid = (NRB_FIXTURES / "validation_400.body").read_bytes()

    def items(self, start: date, end: date) -> list[dict[str, Any]]:
        """Oldest first, like the 2026 API; days not recorded repeat the template's rates."""
        result: list[dict[str, Any]] = []
        day = start
        while day <= end:
            text = day.isoformat()
            recorded = self.days.get(text)
            if recorded:
                result.extend(recorded)
            else:
                item = dict(self.template)
                item["date"] = text
                item["published_on"] = f"{text} 00:00:24"
                item["modified_on"] = f"{(day - timedelta(days=1)).isoformat()} 09:34:24"
                result.append(item)
            day += timedelta(days=1)
        return result

    def __call__(self, request: Request) -> Reply:
        query = request.query
        try:
            start = date.fromisoformat(query["from"])
            end = date.fromisoformat(query["to"])
            per_page, page = int(query["per_page"]), int(query["page"])
            if not 1 <= per_page <= 100 or page < 1:
                raise ValueError
        except (KeyError, ValueError):
            return Reply(self.invalid, status=400)
        recorded = self.recorded.get((query["from"], query["to"]))
        if recorded is not None and page == 1:
            return Reply(recorded, etag=True)
        items = self.items(start, end)
        pages = max(1, -(-len(items) // per_page))
        window = items[(page - 1) * per_page : page * per_page]

        def link(number: int) -> str | None:
            if not 1 <= number <= pages:
                return None
            return (
                f"{self.link_base}{NRB_PATH}?from={query['from']}&to={query['to']}"
                f"&per_page={per_page}&page={number}"
            )

        envelope = {
            "status": {"code": 200},
            "errors": {"validation": None},
            "params": {
                "date": None,
                "from": query["from"],
                "to": query["to"],
                "post_type": None,
                "per_page": str(per_page),
                "page": str(page),
                "slug": None,
                "q": None,
            },
            "data": {"payload": window},
            "pagination": {
                "page": page,
                "pages": pages,
                "per_page": per_page,
                "total": len(items),
                "links": {"prev": link(page - 1), "next": link(page + 1)},
            },
        }
        body = json.dumps(envelope, separators=(",", ":"), ensure_ascii=False)
        return Reply(body.replace("/", "\\/").encode(), etag=True)
