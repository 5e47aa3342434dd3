"""Where a fetched record came from in time: ``fetched_at`` and ``stale`` for records. No I/O."""

from __future__ import annotations

from npkit.dates import NEPAL_TZ
from npkit.freshcache import Fetched


def fetched_at(fetched: Fetched) -> str:
    """When the server sent the reply, ISO 8601 in Nepal time (``2026-08-17T10:15:00+05:45``)."""
    return fetched.fetched_at.astimezone(NEPAL_TZ).isoformat(timespec="seconds")
