"""Where a fetched record came from in time: ``fetched_at`` and ``stale`` for records. No I/O."""

from __future__ import annotations

from datetime import datetime

from npkit.dates import NEPAL_TZ
from npkit.freshcache import Fetched


def fetched_at(fetched: Fetched) -> datetime:
    """When the server sent the reply, in Nepal time to the second (written
    ``2026-08-17T10:15:00+05:45``)."""
    return fetched.fetched_at.astimezone(NEPAL_TZ).replace(microsecond=0)
