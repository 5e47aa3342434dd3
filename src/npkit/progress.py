"""How far long library work has got, for whoever shows it: the library never prints.

A paged fetch (``fetching NRB rates: page 3 of 17``) or a bulk conversion (``converting:
120,000 rows``) calls ``step`` as it goes and ``end`` when it stops, however it stops. Nothing
happens unless someone listens (``listen``): the command line draws one line on a terminal
(``npkit.console``); a program using the library may drive a progress bar of its own. A step
costs the caller one list check when nobody listens.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing is not imported at run time: every command imports this module
if TYPE_CHECKING:
    from collections.abc import Callable


class Step:
    """One report: ``what`` is being done, ``done`` of ``total`` (None: a stream, no end
    known) counted in ``unit`` ("page", "month", "rows"); ``ended``: the work has stopped.
    ``streaming``: the work writes its output while it goes (a conversion to stdout), so a
    progress line may share the screen with that output only when it goes elsewhere."""

    __slots__ = ("done", "ended", "streaming", "total", "unit", "what")

    def __init__(
        self,
        what: str,
        done: int,
        total: int | None,
        unit: str,
        *,
        ended: bool = False,
        streaming: bool = False,
    ) -> None:
        self.what = what
        self.done = done
        self.total = total
        self.unit = unit
        self.ended = ended
        self.streaming = streaming

    def __str__(self) -> str:
        """``fetching NRB rates: page 3 of 17``; ``converting: 120,000 rows``."""
        if self.total is None:
            return f"{self.what}: {self.done:,} {self.unit}"
        return f"{self.what}: {self.unit} {self.done} of {self.total}"


_listeners: list[Callable[[Step], None]] = []


def listen(listener: Callable[[Step], None]) -> Callable[[], None]:
    """Call ``listener`` with every ``Step`` from now on; returns the function that stops it."""
    _listeners.append(listener)

    def stop() -> None:
        if listener in _listeners:
            _listeners.remove(listener)

    return stop


def listening() -> bool:
    """Whether anyone listens (a caller counting rows can skip building its report)."""
    return bool(_listeners)


def step(
    what: str, done: int, total: int | None = None, unit: str = "page", *, streaming: bool = False
) -> None:
    """Report that ``done`` of ``total`` ``unit`` of ``what`` are done or under way."""
    if _listeners:
        report = Step(what, done, total, unit, streaming=streaming)
        for listener in list(_listeners):
            listener(report)


def end(what: str) -> None:
    """Report that ``what`` has stopped (finished, failed or interrupted): call it in a
    ``finally``, so a progress line never outlives its work."""
    if _listeners:
        report = Step(what, 0, None, "", ended=True)
        for listener in list(_listeners):
            listener(report)
