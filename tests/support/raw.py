"""A raw TCP server on 127.0.0.1 for replies no HTTP server library would send: a byte a second,
control characters in the status line, a Location that is not UTF-8 or not a URL.

    with RawServer(trickle(b"HTTP/1.1 200 OK\\r\\n...", every=1.0)) as server:
        server.url                      # http://127.0.0.1:PORT

Each connection is answered by ``reply(conn)`` in its own thread after the request head is
read; every wait ends at shutdown, so a test never outlives the server by more than a moment.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable

Reply = Callable[[socket.socket, threading.Event], None]


class RawServer:
    def __init__(self, reply: Reply) -> None:
        self.reply = reply
        self.stopping = threading.Event()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.2)
        self.port = self.listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.connections = 0
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> RawServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self._thread.join(5)
        self.listener.close()

    def _serve(self) -> None:
        while not self.stopping.is_set():
            try:
                conn, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            head = b""
            try:
                while b"\r\n\r\n" not in head:
                    chunk = conn.recv(4096)
                    if not chunk:
                        return
                    head += chunk
                self.reply(conn, self.stopping)
            except OSError:
                return


def send(data: bytes) -> Reply:
    """Send ``data`` at once and close."""

    def reply(conn: socket.socket, stopping: threading.Event) -> None:
        conn.sendall(data)

    return reply


def trickle(data: bytes, every: float = 1.0, start: int = 0) -> Reply:
    """Send ``data[:start]`` at once, then one byte every ``every`` seconds (until shutdown)."""

    def reply(conn: socket.socket, stopping: threading.Event) -> None:
        conn.sendall(data[:start])
        for index in range(start, len(data)):
            if stopping.wait(every):
                return
            conn.sendall(data[index : index + 1])

    return reply


def response(
    body: bytes,
    status: bytes = b"200 OK",
    headers: dict[bytes, bytes] | None = None,
    length: bool = True,
) -> bytes:
    """The bytes of an HTTP/1.1 response (``Connection: close``)."""
    lines = [b"HTTP/1.1 " + status, b"Content-Type: application/json", b"Connection: close"]
    lines += [name + b": " + value for name, value in (headers or {}).items()]
    if length:
        lines.append(b"Content-Length: " + str(len(body)).encode())
    return b"\r\n".join(lines) + b"\r\n\r\n" + body
