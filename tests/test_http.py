"""npkit.http against a real local server: cache, conditional GET, retries, timeouts, size cap,
stale-if-error, offline, TLS. No mocks: every request crosses a socket to 127.0.0.1."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from npkit import console, http, transport
from npkit.config import FetchOptions
from npkit.errors import FetchError, ParseError
from tests.support.servers import LocalServer, Reply

BODY = json.dumps({"ok": True}).encode()
FAST = FetchOptions(timeout=0.5)
PATIENT = FetchOptions(timeout=5)  # room for the retries and their back-off


def must_be_json(content: bytes) -> None:
    if not content.lstrip().startswith(b"{"):
        raise ParseError("not JSON")


def test_fetch_sends_params_and_user_agent_then_answers_from_cache(
    local_server: LocalServer,
) -> None:
    local_server.route("/a", Reply(BODY))
    url = local_server.url + "/a"
    first = http.fetch(url, params={"from": "2026-08-10", "page": 1}, options=FAST)
    assert first.content == BODY and not first.from_cache and not first.stale
    assert first.url == url + "?from=2026-08-10&page=1"
    (request,) = local_server.requests
    assert request.query == {"from": "2026-08-10", "page": "1"}
    assert request.headers["User-Agent"] == "npkit/0.1.0 (+https://github.com/npkit/npkit)"
    assert request.headers["User-Agent"] == transport.USER_AGENT

    second = http.fetch(url, params={"from": "2026-08-10", "page": 1}, options=FAST)
    assert second.content == BODY and second.from_cache
    assert len(local_server.requests) == 1


def test_expired_copy_is_revalidated_with_a_conditional_get(
    local_server: LocalServer, expire_http_cache
) -> None:
    local_server.route("/a", Reply(BODY, etag=True))
    url = local_server.url + "/a"
    http.fetch(url, options=FAST)
    assert expire_http_cache() == 1
    again = http.fetch(url, options=FAST)
    assert again.content == BODY and again.from_cache and not again.stale
    revalidation = local_server.requests[1]
    assert revalidation.headers["If-None-Match"].startswith('"')
    assert "If-Modified-Since" in revalidation.headers
    assert len(local_server.requests) == 2
    http.fetch(url, options=FAST)  # fresh again after the 304
    assert len(local_server.requests) == 2


def test_503_is_retried_then_succeeds(local_server: LocalServer) -> None:
    local_server.route("/a", Reply(BODY))
    local_server.queue("/a", Reply(b"busy", status=503))
    assert http.fetch(local_server.url + "/a", options=FAST).content == BODY
    assert len(local_server.requests) == 2


def test_persistent_503_gives_up_after_the_retries(local_server: LocalServer) -> None:
    local_server.route("/a", Reply(b"busy", status=503, content_type="text/plain"))
    with pytest.raises(http.HTTPStatusError) as caught:
        http.fetch(local_server.url + "/a", options=PATIENT)
    assert str(caught.value) == f"{local_server.url[7:]} answered HTTP 503 Service Unavailable"
    assert caught.value.status == 503 and caught.value.content == b"busy"
    assert len(local_server.requests) == 1 + transport.RETRIES


def test_a_long_retry_after_is_respected_by_not_retrying(local_server: LocalServer) -> None:
    local_server.route("/a", Reply(b"later", status=429, headers={"Retry-After": "3600"}))
    with pytest.raises(http.HTTPStatusError, match="HTTP 429"):
        http.fetch(local_server.url + "/a", options=FAST)
    assert len(local_server.requests) == 1


def test_404_is_not_retried(local_server: LocalServer) -> None:
    with pytest.raises(http.HTTPStatusError, match="HTTP 404"):
        http.fetch(local_server.url + "/missing", options=FAST)
    assert len(local_server.requests) == 1


def test_a_dropped_connection_is_retried(local_server: LocalServer) -> None:
    local_server.route("/a", Reply(BODY))
    local_server.queue("/a", Reply(mode="reset"))
    assert http.fetch(local_server.url + "/a", options=FAST).content == BODY
    assert len(local_server.requests) == 2


def test_refused_connection_is_one_line_and_not_retried(local_server: LocalServer) -> None:
    with LocalServer() as gone:
        url = gone.url + "/a"
    with pytest.raises(FetchError) as caught:
        http.fetch(url, options=FAST)
    host = url[len("http://") : -len("/a")]
    assert str(caught.value) == f"{host} refused the connection (server down?; no cached copy)"


def test_slow_server_times_out_once_without_retry(local_server: LocalServer) -> None:
    local_server.route("/a", Reply(BODY, mode="slow", delay=5))
    with pytest.raises(FetchError) as caught:
        http.fetch(local_server.url + "/a", options=FetchOptions(timeout=0.3))
    assert str(caught.value) == f"{local_server.url[7:]} timed out after 0.3 s (no cached copy)"
    assert len(local_server.requests) == 1


@pytest.mark.parametrize(
    ("mode", "message"),
    [("oversized", "sent more than 10 MB: refused"), ("lying-length", "announced 50 MB")],
)
def test_oversized_bodies_are_refused(local_server: LocalServer, mode: str, message: str) -> None:
    local_server.route("/a", Reply(BODY, mode=mode))
    with pytest.raises(http.ResponseTooLarge, match=message):
        http.fetch(local_server.url + "/a", options=FAST)
    with pytest.raises(http.NotCached):  # nothing of it was cached
        http.fetch(local_server.url + "/a", options=FetchOptions(offline=True))


def test_body_shorter_than_its_length_is_a_fetch_error(local_server: LocalServer) -> None:
    local_server.route("/a", Reply(BODY * 50, mode="short"))
    with pytest.raises(FetchError, match="closed the connection before the whole response"):
        http.fetch(local_server.url + "/a", options=FAST)


def test_check_rejects_before_caching(local_server: LocalServer) -> None:
    local_server.route("/a", Reply(b"<html>challenge</html>", content_type="text/html"))
    with pytest.raises(ParseError, match="not JSON"):
        http.fetch(local_server.url + "/a", options=FAST, check=must_be_json)
    with pytest.raises(http.NotCached):
        http.fetch(local_server.url + "/a", options=FetchOptions(offline=True))


def test_stale_copy_is_served_when_the_server_fails(
    local_server: LocalServer, expire_http_cache, capsys: pytest.CaptureFixture[str]
) -> None:
    console.route_library_logging()  # the warning is a log record; the CLI shows it on stderr
    local_server.route("/a", Reply(BODY))
    url = local_server.url + "/a"
    http.fetch(url, options=FAST)
    expire_http_cache(hours=3)
    local_server.route("/a", Reply(b"busy", status=503))
    stale = http.fetch(url, options=FAST)
    assert stale.content == BODY and stale.stale and stale.from_cache
    assert stale.failure == f"{url[7:-2]} answered HTTP 503 Service Unavailable"
    http.report_stale([stale, stale])
    err = capsys.readouterr().err
    assert err.count("\n") == 1  # one line: no traceback from requests-cache's logger
    assert err.startswith(f"npkit: warning: {url[7:-2]} answered HTTP 503 Service Unavailable;")
    assert "showing cached data fetched 3 h ago (" in err and "NPT)" in err


def test_stale_copy_beats_an_html_challenge_and_is_kept(
    local_server: LocalServer, expire_http_cache
) -> None:
    local_server.route("/a", Reply(BODY))
    url = local_server.url + "/a"
    http.fetch(url, options=FAST, check=must_be_json)
    expire_http_cache()
    local_server.route("/a", Reply(b"<html>", content_type="text/html"))
    stale = http.fetch(url, options=FAST, check=must_be_json)
    assert stale.stale and stale.content == BODY and stale.failure == "not JSON"
    offline = http.fetch(url, options=FetchOptions(offline=True))
    assert offline.content == BODY  # the challenge page did not replace it


def test_offline_never_touches_the_network(local_server: LocalServer) -> None:
    local_server.route("/a", Reply(BODY))
    url = local_server.url + "/a"
    with pytest.raises(http.NotCached, match="--offline and no cached copy"):
        http.fetch(url, options=FetchOptions(offline=True))
    assert local_server.requests == []
    http.fetch(url, options=FAST)
    assert http.fetch(url, options=FetchOptions(offline=True)).content == BODY
    assert len(local_server.requests) == 1


def test_no_cache_neither_reads_nor_writes(local_server: LocalServer) -> None:
    local_server.route("/a", Reply(BODY))
    url = local_server.url + "/a"
    for _ in range(2):
        assert not http.fetch(url, options=FetchOptions(no_cache=True)).from_cache
    assert len(local_server.requests) == 2
    with pytest.raises(http.NotCached):
        http.fetch(url, options=FetchOptions(offline=True))


def test_cache_lives_in_npkit_cache_dir(local_server: LocalServer, tmp_path: Path) -> None:
    local_server.route("/a", Reply(BODY))
    http.fetch(local_server.url + "/a", options=FAST)
    assert (tmp_path / "cache" / transport.CACHE_FILE).is_file()


def test_unusable_cache_dir_falls_back_to_memory(
    local_server: LocalServer, tmp_path: Path, monkeypatch, capsys: pytest.CaptureFixture[str]
) -> None:
    console.route_library_logging()  # the warning is a log record; the CLI shows it on stderr
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("NPKIT_CACHE_DIR", str(blocker / "cache"))
    local_server.route("/a", Reply(BODY))
    assert http.fetch(local_server.url + "/a", options=FAST).content == BODY
    assert http.fetch(local_server.url + "/a", options=FAST).from_cache
    err = capsys.readouterr().err
    assert err.startswith("npkit: warning: the HTTP cache ") and "going on without it" in err


@pytest.fixture
def self_signed(tmp_path: Path) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
            *("-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


def test_tls_verification_is_on(self_signed: tuple[Path, Path]) -> None:
    with LocalServer(*self_signed) as server:
        server.route("/a", Reply(BODY))
        with pytest.raises(FetchError, match=r"TLS error: .*CERTIFICATE_VERIFY_FAILED"):
            http.fetch(server.url + "/a", options=FAST)


def test_describe_age() -> None:
    from datetime import UTC, datetime, timedelta

    now = datetime(2026, 8, 17, 6, 0, tzinfo=UTC)
    assert http.describe_age(now - timedelta(seconds=20), now).startswith("less than a minute")
    assert http.describe_age(now - timedelta(minutes=125), now) == (
        "2 h 5 min ago (2026-08-17 09:40 NPT)"
    )
    assert http.describe_age(now - timedelta(days=3), now).startswith("3 days ago")
