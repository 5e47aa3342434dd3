"""The library's messages: notes and warnings go to ``logging``, never straight to stderr.

Each message goes to the logger of the module that sends it (``npkit.http``,
``npkit.gold.chain``, …). The ``npkit`` logger has a ``NullHandler``, so nothing is printed
unless the application configures logging; the CLI shows them on its console
(``npkit.console.route_library_logging``). ``logging`` is imported with the first message,
so a command that says nothing (``npkit date convert``) does not pay for importing it.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    import logging
    from collections.abc import Callable

_first_message: list[Callable[[], None]] = []
_started = False


def on_first_message(callback: Callable[[], None]) -> None:
    """Run ``callback`` just before the library's first message (now, if one was sent)."""
    if _started:
        callback()
    else:
        _first_message.append(callback)


def started() -> bool:
    """Whether the library has sent a message yet (and so imported ``logging``)."""
    return _started


def logger(name: str) -> logging.Logger:
    """The logger ``name`` (a module's ``__name__``), set up on first use."""
    global _started
    import logging

    if not _started:
        _started = True
        logging.getLogger("npkit").addHandler(logging.NullHandler())
        for callback in _first_message:
            callback()
    return logging.getLogger(name)


def warn(name: str, message: str) -> None:
    """A WARNING from module ``name``: something the user should know (the CLI: stderr, -q
    silences it)."""
    logger(name).warning(message)


def note(name: str, message: str, *, tell: bool = False) -> None:
    """An INFO note from module ``name`` (the CLI: shown on a terminal or with -v). ``tell``:
    a line for the person at the terminal that the CLI shows unless -q (``no results``)."""
    logger(name).info(message, extra={"npkit_tell": tell})
