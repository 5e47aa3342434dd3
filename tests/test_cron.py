"""Issue #12, what a cron job needs: stale data is never taken for new when asked.

``--strict`` refuses a stale cached copy (served because the server failed) and ``--max-age``
one older than a duration, on fx, gold and news alike: exit 3 with one line, nothing on stdout
for a single source. Without them, the stale copy is shown with one warning (exit 0).
"""

from __future__ import annotations

import pytest

from npkit.cli.options import parse_max_age
from npkit.errors import UsageError
from tests.support.servers import NRB_PATH, Reply


@pytest.fixture
def stale_fx(npkit, nrb, expire_http_cache, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("NPKIT_TODAY", "2026-08-17")
    assert npkit("fx", "USD", "--json").exit_code == 0
    expire_http_cache(hours=3)
    nrb.server.route(NRB_PATH, Reply(b"busy", status=503, content_type="text/plain"))
    return nrb


def test_without_strict_a_stale_copy_is_shown_with_a_warning(npkit, stale_fx) -> None:
    result = npkit("fx", "USD", "--json")
    assert result.exit_code == 0 and result.stdout
    assert "showing cached data fetched 3 h ago" in result.stderr


def test_strict_refuses_a_stale_copy(npkit, stale_fx) -> None:
    result = npkit("fx", "USD", "--json", "--strict")
    assert result.exit_code == 3, result.stderr
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "--strict" in result.stderr
    assert "HTTP 503" in result.stderr


@pytest.mark.parametrize(("age", "code"), [("1h", 3), ("90m", 3), ("1d", 0), ("4h", 0)])
def test_max_age_refuses_only_older_copies(npkit, stale_fx, age: str, code: int) -> None:
    result = npkit("fx", "USD", "--json", "--max-age", age)
    assert result.exit_code == code, result.stderr
    if code:
        assert result.stdout == "" and "--max-age" in result.stderr


def test_offline_with_max_age_refuses_an_old_copy(npkit, stale_fx) -> None:
    assert npkit("fx", "USD", "--offline", "--max-age", "1h").exit_code == 3
    assert npkit("fx", "USD", "--offline", "--max-age", "1d").exit_code == 0


@pytest.mark.parametrize("text", ["", "6", "h", "-1h", "1y", "1e3s", "\x1b[31m"])
def test_a_bad_max_age_is_a_usage_error(text: str, npkit) -> None:
    with pytest.raises(UsageError):
        parse_max_age(text)
    result = npkit("fx", "--max-age", text)
    assert result.exit_code == 2 and "\x1b" not in result.stderr


def test_news_strict_counts_a_stale_source_as_failed(
    npkit, news_config, local_server, expire_http_cache
) -> None:
    from tests.support.servers import NRB_FIXTURES  # noqa: F401 - the server module loads

    feed = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        b"<item><title>One</title><link>http://127.0.0.1/a</link>"
        b"<pubDate>Mon, 17 Aug 2026 06:00:00 +0000</pubDate></item></channel></rss>"
    )
    local_server.route("/feed", Reply(feed, content_type="application/rss+xml"))
    news_config({"mine": local_server.url + "/feed"})
    assert npkit("news", "--json").exit_code == 0
    expire_http_cache(hours=3)
    local_server.route("/feed", Reply(b"no", status=500, content_type="text/plain"))
    assert npkit("news", "--json").exit_code == 0
    strict = npkit("news", "--json", "--strict")
    assert strict.exit_code == 3, strict.stderr
