"""Shared fixtures: every test runs with its own cache and config paths, and a UTF-8 CliRunner."""

from __future__ import annotations

import json
import os
import signal
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from npkit.cli import main

# A run started in the background (`cmd &`, nohup) inherits Ctrl-C ignored, and so would every
# npkit the tests start (an ignored signal stays ignored across exec): the Ctrl-C tests mean
# a terminal's Ctrl-C, so the tests' processes take it as Python does at a terminal.
if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

FIXTURES = Path(__file__).parent / "fixtures"


def _keep_bytecode() -> None:
    """With ``PYTHONDONTWRITEBYTECODE`` set (some sandboxes and CI machines set it), every
    ``npkit`` the tests start compiled npkit's modules from source again, and pytest rewrote
    every test module again in each worker: bytecode goes to a folder in the temp directory
    instead (``PYTHONPYCACHEPREFIX``), so the work tree stays clean and nothing is compiled
    twice. Python checks each cached file against its source, as always."""
    if not (sys.dont_write_bytecode or os.environ.get("PYTHONDONTWRITEBYTECODE")):
        return
    prefix = os.environ.get("PYTHONPYCACHEPREFIX") or str(
        Path(tempfile.gettempdir()) / f"npkit-tests-pycache-{getattr(os, 'getuid', int)()}"
    )
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = prefix
    sys.dont_write_bytecode = False
    sys.pycache_prefix = prefix


_keep_bytecode()


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """``-n auto`` (pyproject's addopts) is one process when ``NPKIT_DOCS_UPDATE`` rewrites
    the docs: every worker would rewrite the pages it ran examples of, over the others' edits.
    None: pytest-xdist's own count (one worker per CPU)."""
    return 0 if os.environ.get("NPKIT_DOCS_UPDATE") else None


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point cache and config at a temp dir and clear variables that would change behaviour."""
    monkeypatch.setenv("NPKIT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("NPKIT_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


class _EntryPoint:
    """Lets CliRunner call ``npkit.cli.main`` (the real entry point with its exit-code mapping)."""

    name = "npkit"

    def main(self, args: Any = (), prog_name: str | None = None, **_: Any) -> None:
        main(list(args))


class Npkit:
    """Runs ``npkit`` in-process, as the console script does, with stdout and stderr apart."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | bytes | None = None) -> Result:
        from npkit import console

        console.set_verbosity(console.NORMAL)
        return self.runner.invoke(_EntryPoint(), list(args), input=input, catch_exceptions=False)  # type: ignore[arg-type]

    def json(self, *args: str, input: str | bytes | None = None) -> Any:
        result = self(*args, input=input)
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)


@pytest.fixture
def npkit() -> Npkit:
    return Npkit()


# ------------------------------------------------ local HTTP servers (fx, gold, news)


@pytest.fixture
def local_server():
    """A real HTTP server on 127.0.0.1 (tests/support/servers.py); routes are added by the test."""
    from tests.support.servers import LocalServer

    with LocalServer() as server:
        yield server


@pytest.fixture
def nrb(monkeypatch: pytest.MonkeyPatch):
    """A fake NRB API on a local server, with NPKIT_NRB_URL pointing at it, and a decoy server
    that its ``links.next`` names (as real replies name www.nrb.org.np): ``nrb.server``,
    ``nrb.decoy``, ``nrb.fake``."""
    from types import SimpleNamespace

    from tests.support.servers import NRB_PATH, FakeNRB, LocalServer

    with LocalServer() as decoy, LocalServer() as server:
        fake = FakeNRB(link_base=decoy.url)
        server.route(NRB_PATH, fake)
        monkeypatch.setenv("NPKIT_NRB_URL", server.url)
        yield SimpleNamespace(server=server, decoy=decoy, fake=fake)


@pytest.fixture
def expire_http_cache():
    """A function that makes every cached response expired and ``hours`` old, through
    requests-cache's own API and npkit's fresh index (what 30 minutes, or days, of waiting
    would do). Returns how many responses requests-cache held."""
    from datetime import UTC, datetime, timedelta

    def expire(hours: float = 3) -> int:
        from npkit import freshcache, http

        cache = http.session().cache
        now = datetime.now(UTC)
        responses = list(cache.filter(expired=True))
        for response in responses:
            # older by ``hours`` than when it came. A fresh answer's fetched_at is npkit's
            # clock a few ms after requests-cache stamped its copy, and both are shown to the
            # second, so a test allows the two one second (CI once saw 10,799 s)
            response.created_at = response.created_at - timedelta(hours=hours)
            response.expires = now - timedelta(minutes=1)
            cache.responses[response.cache_key] = response
        for entry in list(freshcache.entries()):
            aged = entry.fetched_at - timedelta(hours=hours)
            freshcache.store(entry._replace(fetched_at=aged, expires_at=now - timedelta(minutes=1)))
        return len(responses)

    return expire


# ------------------------------------------------ news (tests/test_news_*.py)


@pytest.fixture
def news_config(isolated_settings: Path, monkeypatch: pytest.MonkeyPatch):
    """A function writing ``[news.sources.*]`` into the test's config file: the sources given
    (id → URL, or id → table) are set, every other built-in source is disabled, so no test can
    reach a real site. Any request to a host other than 127.0.0.1 goes to a dead proxy."""
    from npkit.news import registry

    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.setenv(name, "http://127.0.0.1:9")
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.setenv(name, "127.0.0.1,localhost")

    def write(sources: dict[str, Any], extra: str = "") -> Path:
        lines = [extra]
        for source in registry.builtin():
            if source.id not in sources:
                lines += [f'[news.sources."{source.id}"]', "enabled = false"]
        for key, value in sources.items():
            table = {"url": value} if isinstance(value, str) else value
            lines.append(f'[news.sources."{key}"]')
            lines += [
                f"{name} = {json.dumps(item, ensure_ascii=False)}" for name, item in table.items()
            ]
        path = isolated_settings / "config.toml"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    return write
