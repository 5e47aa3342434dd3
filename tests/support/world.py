"""A small offline world for the documentation's examples: every remote source npkit reads,
on local servers, answering from the recorded replies in tests/fixtures/.

- NRB: ``FakeNRB`` (recorded days; other days re-dated copies).
- Gold: FENEGOSIDA, Nepali Patro and Hamro Patro fakes with today at 2026-08-17, the day the
  replies were recorded (``NPKIT_TODAY`` is set to it too).
- News: Kathmandu Post, Nepali Times and OnlineKhabar answer with their recorded feeds,
  Ratopati refuses (403), every other built-in source is disabled; article pages recorded
  from real sites are served under their own host names.

The examples in the docs name real URLs (``https://www.onlinekhabar.com/…``); ``rewrite``
points them at the world's web server and ``unrewrite`` turns the world's URLs back into the
real ones in what npkit printed, so the docs show what a user would see.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import TracebackType

from tests.support.gold_market import AUG_17, Market, Sources
from tests.support.servers import NRB_PATH, FakeNRB, LocalServer, Reply

FIXTURES = Path(__file__).parents[1] / "fixtures"
NEWS = FIXTURES / "news"
RSS = "application/rss+xml; charset=UTF-8"
FEEDS = {
    "kathmandupost": "prospect_kathmandupost_2026-05-13.xml",
    "nepalitimes": "prospect_nepalitimes_2026-02-15.xml",
    "onlinekhabar": "prospect_onlinekhabar_2026-02-05.xml",
}
PAGES = {  # real URL path (under its host) → recorded page
    "www.onlinekhabar.com/2026/07/1973775/these-are-the-four-greats-who-reached-the-semi-finals"
    "-of-the-fifa-world-cup": "onlinekhabar_article_2026-07-12.trimmed.html",
    "www.bbc.com/nepali/articles/c4g0l1yq2p9o": "bbc_nepali_article.trimmed.html",
}
TODAY = AUG_17


HOSTS = {  # the real host each local server stands for
    "nrb": "www.nrb.org.np",
    "fenegosida": "api.fenegosida.org",
    "nepalipatro": "api.nepalipatro.com.np",
    "hamropatro": "www.hamropatro.com",
    "kathmandupost": "kathmandupost.com",
    "nepalitimes": "nepalitimes.com",
    "onlinekhabar": "www.onlinekhabar.com",
    "ratopati": "ratopati.com",
    "bbc": "www.bbc.com",
    "example": "example.com",
}


class World:
    """Start with ``with World(tmp_path) as world:``; ``world.env`` holds the variables."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.servers: dict[str, LocalServer] = {}
        self.env: dict[str, str] = {}
        self.gold: Sources | None = None

    def __enter__(self) -> World:
        self.servers = {name: LocalServer().start() for name in HOSTS}
        self.reset()
        self.env = {
            "NPKIT_NRB_URL": self.servers["nrb"].url,
            "NPKIT_FENEGOSIDA_URL": self.servers["fenegosida"].url,
            "NPKIT_NEPALIPATRO_URL": self.servers["nepalipatro"].url,
            "NPKIT_HAMROPATRO_URL": self.servers["hamropatro"].url,
            "NPKIT_CONFIG": str(self._write_config()),
            "NPKIT_CACHE_DIR": str(self.home / "cache"),
            "NPKIT_TODAY": TODAY.isoformat(),
            # Nothing may leave the machine: any other host goes to a dead proxy.
            "HTTP_PROXY": "http://127.0.0.1:9",
            "HTTPS_PROXY": "http://127.0.0.1:9",
            "NO_PROXY": "127.0.0.1,localhost",
        }
        return self

    def reset(self) -> None:
        """Every server answers as recorded (after ``down``)."""
        for server in self.servers.values():
            server.routes.clear()
        self.servers["nrb"].route(NRB_PATH, FakeNRB())
        s = self.servers
        self.gold = Sources(Market(TODAY), s["fenegosida"], s["nepalipatro"], s["hamropatro"])
        self.gold.restore()
        for name, feed in FEEDS.items():
            body = (NEWS / feed).read_bytes()
            s[name].route("/feed", Reply(body, content_type=RSS, etag=True))
        s["ratopati"].route("/feed", Reply(b"no", status=403, content_type="text/plain"))
        for path, page in PAGES.items():
            host, _, rest = path.partition("/")
            name = next(n for n, h in HOSTS.items() if h == host)
            s[name].route(f"/{rest}", Reply((NEWS / page).read_bytes(), content_type="text/html"))
        body = (NEWS / FEEDS["nepalitimes"]).read_bytes()
        s["example"].route("/feed.xml", Reply(body, content_type=RSS))

    def down(self, host: str, status: int) -> None:
        """The server standing for ``host`` answers every request with ``status``."""
        name = next(n for n, h in HOSTS.items() if h == host)
        server = self.servers[name]
        for path in list(server.routes) or ["/"]:
            server.route(path, Reply(b"down", status=status, content_type="text/plain"))

    def _write_config(self) -> Path:
        from npkit.news import registry

        lines = []
        for source in registry.builtin():
            table = f'[news.sources."{source.id}"]'
            if source.id in FEEDS or source.id == "ratopati":
                url = self.servers[source.id].url
                lines += [table, f"url = {json.dumps(url + '/feed')}"]
                if source.id == "onlinekhabar":
                    lines.append(f"site = {json.dumps(url)}")
            else:
                lines += [table, "enabled = false"]
        path = self.home / "config.toml"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    def rewrite(self, text: str) -> str:
        """Real URLs of the examples → the world's servers."""
        for name, host in HOSTS.items():
            text = text.replace(f"https://{host}", self.servers[name].url)
        return text

    def unrewrite(self, text: str) -> str:
        """The world's URLs and hosts in npkit's output → the real ones."""
        for name, host in HOSTS.items():
            url = self.servers[name].url
            text = text.replace(url, f"https://{host}").replace(url.removeprefix("http://"), host)
        return text

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        for server in self.servers.values():
            server.close()
