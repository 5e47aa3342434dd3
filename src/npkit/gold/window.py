"""What a provider is asked for (``Window``) and what it answers (``Batch``). No network."""

from __future__ import annotations

from npkit.tuples import record

TYPE_CHECKING = False  # typing is not imported at run time: a warm ``npkit gold`` starts faster
if TYPE_CHECKING:
    from datetime import date as Date

    from npkit.gold.records import MetalPrice
    from npkit.http import Fetched


class Window(record("Window", "start end first latest", defaults=(False,))):
    """The AD days a question needs, ``start`` … ``end``, Nepal time.

    ``latest`` asks for the most recent published day (a provider may use a "today" endpoint).
    The window reaches some days before the first day asked for, so that a Saturday or holiday
    finds the nearest earlier trading day and the first day's change can be computed.
    """

    __slots__ = ()
    start: Date
    end: Date
    first: Date  # the first day asked for (``start`` is earlier by the look-back)
    latest: bool

    def holds(self, day: Date) -> bool:
        """Whether ``day`` falls in the window."""
        return self.start <= day <= self.end


class Batch(record("Batch", "source records responses gap", defaults=(None,))):
    """One provider's answer: its records, the HTTP responses behind them, and ``gap``, a
    reason to prefer the next source (e.g. months its history no longer holds)."""

    __slots__ = ()
    source: str
    records: list[MetalPrice]
    responses: tuple[Fetched, ...]
    gap: str | None

    @property
    def stale(self) -> bool:
        """Whether any response is an expired cached copy."""
        return any(response.stale for response in self.responses)

    @property
    def failure(self) -> str | None:
        """Why the network was not used for a stale copy (None when offline or fresh)."""
        return next((r.failure for r in self.responses if r.stale and r.failure), None)
