"""Fake gold sources on local servers (FENEGOSIDA, Nepali Patro, Hamro Patro), answering from
the recorded replies in tests/fixtures/gold/ and re-dated copies of them for other days.

Used by the gold CLI tests and by the docs examples (tests/support/world.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from npkit import dates
from tests.support.servers import LocalServer, Reply, Request

GOLD = Path(__file__).parents[1] / "fixtures" / "gold"
TODAY_PATH = "/api/website/v1/Dashboard/today"
MONTH_PATH = "/api/website/v1/Dashboard/monthwisehistory"
BULLIONS_PATH = "/v3/bullions"
HAMRO_PATH = "/en/gold"
RECORDED_TODAY = {
    "2026-08-17": (GOLD / "fenegosida_today_2026-08-17.json").read_bytes(),
    "2026-08-16": (GOLD / "fenegosida_today_2026-08-16.json").read_bytes(),
}
BULLIONS = (GOLD / "nepalipatro_bullions_2026-08-06_to_2026-08-17.json").read_bytes()
RECORDED_DAYS: dict[str, dict[str, Any]] = json.loads(BULLIONS)["data"]
HAMRO = (GOLD / "hamropatro_gold_excerpt_2026-08-17.html").read_bytes()
AUG_17 = date(2026, 8, 17)
LABELS = {  # FENEGOSIDA's labels (from the recorded reply) → Nepali Patro's keys
    row["rateType"]: key
    for row, key in zip(
        json.loads(RECORDED_TODAY["2026-08-17"]), ("t_s", "g_s", "t_ha", "g_ha"), strict=True
    )
}


# ---------------------------------------------------------------- the fake sources


@dataclass
class Market:
    """The trading days the fakes know: recorded ones, and synthetic copies for the rest."""

    today: date
    retention_days: int = 60  # FENEGOSIDA's history API: 204 before this
    closed: set[date] = field(default_factory=set)  # extra holidays

    def day(self, day: date) -> dict[str, Any] | None:
        if day.weekday() == 5 or day > self.today or day in self.closed:
            return None
        key = day.isoformat()
        if key in RECORDED_DAYS:
            return RECORDED_DAYS[key]
        nearest = min(RECORDED_DAYS, key=lambda k: abs(date.fromisoformat(k) - day))
        bs = dates.ad_to_bs(day)  # synthetic: a re-dated copy
        return {**RECORDED_DAYS[nearest], "bs": f"{bs.day:02d}.{bs.month:02d}.{bs.year}"}

    def days(self, start: date, end: date) -> Iterator[tuple[date, dict[str, Any]]]:
        """Trading days from ``end`` back to ``start`` (newest first, like Nepali Patro)."""
        day = end
        while day >= start:
            figures = self.day(day)
            if figures is not None:
                yield day, figures
            day -= timedelta(days=1)

    def bullions(self, request: Request) -> Reply:
        start = request.query.get("from-date")
        if start is None:
            return Reply(b"whole history: never asked for", status=418)
        data = {d.isoformat(): f for d, f in self.days(date.fromisoformat(start), self.today)}
        return Reply(json.dumps({"source": "Fenegosida", "data": data}).encode())

    def fenegosida_today(self, request: Request) -> Reply:
        if self.today.isoformat() in RECORDED_TODAY:
            return Reply(RECORDED_TODAY[self.today.isoformat()])
        (latest, figures), (previous, before) = list(
            self.days(self.today - timedelta(15), self.today)
        )[:2]
        rows = [
            {"todayDate": f"{latest}T04:50:00.000+00:00",
             "yestardayDate": f"{previous}T04:50:00.000+00:00",
             "rateType": label, "todayBaseRatePerGram": figures[key],
             "yestardayBaseRatePerGram": before[key]}
            for label, key in LABELS.items()
        ]  # fmt: skip
        return Reply(json.dumps(rows, ensure_ascii=False).encode())

    def fenegosida_month(self, request: Request) -> Reply:
        first = date.fromisoformat(request.query["date"]).replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        if last < self.today - timedelta(days=self.retention_days):
            return Reply(b"", status=204)
        rows = [
            {"todayDate": f"{day}T04:45:00.000+00:00", "rateType": label,
             "baseRatePerGram": figures[key]}
            for day, figures in self.days(first, min(last, self.today))
            for label, key in LABELS.items()
        ]  # fmt: skip
        return Reply(json.dumps(rows, ensure_ascii=False).encode())


@dataclass
class Sources:
    market: Market
    fenegosida: LocalServer
    nepalipatro: LocalServer
    hamropatro: LocalServer

    def host(self, name: str) -> str:
        return getattr(self, name).url.removeprefix("http://")

    def requests(self) -> dict[str, list[str]]:
        return {
            name: [r.path for r in getattr(self, name).requests]
            for name in ("fenegosida", "nepalipatro", "hamropatro")
        }

    def restore(self) -> None:
        self.fenegosida.route(TODAY_PATH, self.market.fenegosida_today)
        self.fenegosida.route(MONTH_PATH, self.market.fenegosida_month)
        self.nepalipatro.route(BULLIONS_PATH, self.market.bullions)
        self.hamropatro.route(HAMRO_PATH, Reply(HAMRO, content_type="text/html"))

    def fail(self, name: str, reply: Reply) -> None:
        server = getattr(self, name)
        for path in list(server.routes):
            server.route(path, reply)
