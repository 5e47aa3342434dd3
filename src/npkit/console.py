"""Messages for people on stderr: warnings, notes, colour decisions.

stdout carries data only. Warnings (stale data, skipped input lines, a fallback source) go to
stderr unless ``-q``; notes and progress only on a terminal or with ``-v``.
"""

from __future__ import annotations

import contextlib
import os
import sys

TYPE_CHECKING = False  # typing is not imported at run time: `npkit date` starts faster
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import IO, Any

QUIET, NORMAL, VERBOSE = -1, 0, 1
verbosity = NORMAL
COLOUR_MODES = ("auto", "always", "never")
colour_mode = "auto"


def set_verbosity(level: int) -> None:
    """Set by the CLI from ``-q``/``-v``."""
    global verbosity
    verbosity = level


def set_colour(mode: str) -> None:
    """Set by the CLI from ``--color auto|always|never``."""
    global colour_mode
    colour_mode = mode


def tell(message: str) -> None:
    """One line for the person at the terminal on stderr (``no results``); silenced by -q."""
    if verbosity > QUIET:
        say(message)


def warn(message: str) -> None:
    """One warning line on stderr (silenced by ``-q``)."""
    if verbosity > QUIET:
        say(f"warning: {message}")


def note(message: str) -> None:
    """One informational line on stderr, only on a terminal or with ``-v``."""
    if verbosity >= VERBOSE or (verbosity == NORMAL and _isatty(sys.stderr)):
        say(message)


def say(message: str) -> None:
    """``npkit: message`` on stderr, the last line of defence for every message: one line,
    escape, control and bidi characters removed (text from outside should already be quoted,
    which shows them escaped). A closed or full stderr loses the line, never the command."""
    from npkit.text import clean

    with contextlib.suppress(OSError, ValueError, AttributeError):
        print(f"npkit: {clean(message)}", file=sys.stderr, flush=True)


def _isatty(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (OSError, ValueError):
        return False


def colour_enabled(stream: IO[str]) -> bool:
    """``--color always``: colour. ``never``: none. ``auto`` (default): colour only on a
    terminal, and never when NO_COLOR is set (https://no-color.org) or TERM is dumb."""
    if colour_mode != "auto":
        return colour_mode == "always"
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return _isatty(stream)


# ---------------------------------------------------------------- the library's log records

LIBRARY_LOGGER = "npkit"
"""The library reports through ``logging.getLogger(__name__)`` (``npkit.sheets.bulk`` …); the
CLI shows what reaches this logger."""


def route_library_logging() -> None:
    """Show the library's log records as the CLI's own lines: WARNING and above as
    ``console.warn`` (silenced by ``-q``), INFO as ``console.note`` (a terminal or ``-v``).

    Called once by the CLI's entry; calling it again changes nothing. ``logging`` costs
    milliseconds to import and most commands never log, so it is not imported here: the handler
    is added now if ``logging`` is loaded, else as soon as anything imports it."""
    logging = sys.modules.get("logging")
    if logging is not None:
        _add_handler(logging)
    elif not any(isinstance(finder, _WhenImported) for finder in sys.meta_path):
        sys.meta_path.insert(0, _WhenImported("logging", _add_handler))


def _add_handler(logging: Any) -> None:
    class ConsoleHandler(logging.Handler):  # type: ignore[misc]
        """npkit's log records as console lines (the console cleans and silences them)."""

        def emit(self, record: Any) -> None:
            try:
                message = record.getMessage()
            except Exception:  # a malformed record loses its line, never the command
                return
            if record.levelno >= logging.WARNING:
                warn(message)
            elif record.levelno >= logging.INFO:
                note(message)

    logger = logging.getLogger(LIBRARY_LOGGER)
    if not any(type(h).__name__ == "ConsoleHandler" for h in logger.handlers):
        logger.addHandler(ConsoleHandler())
    logger.setLevel(logging.INFO)


class _WhenImported:
    """A meta-path finder that runs ``then(module)`` right after ``name`` is first imported,
    and then leaves ``sys.meta_path``: the import itself is the normal one."""

    def __init__(self, name: str, then: Callable[[Any], None]) -> None:
        self.name = name
        self.then = then

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> Any:
        if fullname != self.name:
            return None
        sys.meta_path.remove(self)
        from importlib.util import find_spec

        spec = find_spec(fullname)
        if spec is not None and spec.loader is not None:
            spec.loader = _ThenLoader(spec.loader, self.then)  # type: ignore[assignment]
        return spec


class _ThenLoader:
    """The module's own loader, calling ``then(module)`` once the module has run."""

    def __init__(self, loader: Any, then: Callable[[Any], None]) -> None:
        self.loader = loader
        self.then = then

    def create_module(self, spec: Any) -> Any:
        return self.loader.create_module(spec)

    def exec_module(self, module: Any) -> None:
        self.loader.exec_module(module)
        self.then(module)

    def __getattr__(self, name: str) -> Any:  # get_source etc., for tracebacks
        return getattr(self.loader, name)
