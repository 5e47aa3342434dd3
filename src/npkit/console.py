"""Messages for people on stderr: warnings, notes, colour decisions.

stdout carries data only. Warnings (stale data, skipped input lines, a fallback source) go to
stderr unless ``-q``; notes and progress only on a terminal or with ``-v``.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # typing is not imported at run time: `npkit date` starts faster
if TYPE_CHECKING:
    from typing import IO, TextIO

    from npkit.progress import Step

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

    clear_progress()  # a message never shares its line with a progress line
    import contextlib  # not at the top: ~1 ms on every start

    with contextlib.suppress(OSError, ValueError, AttributeError):
        line = f"npkit: {clean(message)}"
        print(_wrapped(line, sys.stderr), file=sys.stderr, flush=True)


def _wrapped(line: str, stream: TextIO) -> str:
    """On a terminal narrower than the line: wrapped at words (never inside a word, a number
    or a path), the rest indented under the message; in a pipe or a log, one line as ever."""
    if len(line) <= 40 or not _isatty(stream):
        return line
    import shutil

    columns = shutil.get_terminal_size().columns
    import contextlib  # not at the top: ~1 ms on every start

    with contextlib.suppress(OSError, ValueError):
        columns = int(os.environ.get("COLUMNS") or os.get_terminal_size(stream.fileno()).columns)
    if len(line) <= columns:
        return line
    import textwrap

    return "\n".join(
        textwrap.wrap(
            line,
            max(columns, 20),
            subsequent_indent="  ",
            break_long_words=False,
            break_on_hyphens=False,
        )
    )


_routed = False


def route_library_logging() -> None:
    """Show the library's messages on this console: its log records (WARNING and above as
    ``warn``, INFO as ``note``) and its ``NpkitWarning`` warnings (as ``warn``). Called once by
    the CLI; the log handler is installed with the library's first message (``npkit.logs``)."""
    global _routed
    import warnings

    from npkit import logs, progress
    from npkit.errors import NpkitWarning

    if not _routed:
        _routed = True
        logs.on_first_message(_route_log_records)
        progress.listen(show_progress)
    elif logs.started():
        _route_log_records()  # again: a caller may have reset the logger's handlers since
    shown = warnings.showwarning
    if getattr(shown, "npkit_route", False):
        return  # (``warnings.catch_warnings`` puts the one before back: then it is set again)

    def showwarning(
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        file: TextIO | None = None,
        line: str | None = None,
    ) -> None:
        if issubclass(category, NpkitWarning):
            warn(str(message))
        else:
            shown(message, category, filename, lineno, file, line)

    showwarning.npkit_route = True  # type: ignore[attr-defined]
    warnings.showwarning = showwarning


def _route_log_records() -> None:
    import logging

    class ToConsole(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            message = record.getMessage()
            if record.levelno >= logging.WARNING:
                warn(message)
            elif getattr(record, "npkit_tell", False):
                tell(message)
            else:
                note(message)

    library = logging.getLogger("npkit")
    if not any(getattr(handler, "npkit_console", False) for handler in library.handlers):
        handler = ToConsole()
        handler.npkit_console = True  # type: ignore[attr-defined]
        library.addHandler(handler)
    library.setLevel(logging.INFO)


# ---------------------------------------------------------------- the progress line

PROGRESS_DELAY = 0.5
"""Seconds a piece of work runs before its progress line appears (quick work never flickers)."""
PROGRESS_INTERVAL = 0.1
"""Seconds between two redraws of the line, at least (a conversion reports every chunk)."""
_ERASE = "\r\x1b[K"  # back to the line's start, erase to its end
_progress_shown = False
_progress_started: dict[str, float] = {}
_progress_drawn_at = 0.0


def show_progress(step: Step) -> None:
    """Draw the library's progress (``npkit.progress``) as one line on stderr, updated in
    place, on a terminal only and never with -q; cleared when the work ends and before any
    message. A stream that writes its output as it goes (a conversion) is drawn only when its
    output goes elsewhere than the terminal. In a pipe, with -v, a counted step (``page 2 of
    17``) is a note line, as a log wants it; otherwise nothing."""
    global _progress_shown, _progress_drawn_at
    if step.ended:
        _progress_started.pop(step.what, None)
        clear_progress()
        return
    if verbosity <= QUIET:
        return
    if not _isatty(sys.stderr) or os.environ.get("TERM") == "dumb":
        if verbosity >= VERBOSE and step.total is not None and step.total > 1:
            say(str(step))
        return
    if step.streaming and _isatty(sys.stdout):
        return
    import time

    now = time.monotonic()
    started = _progress_started.setdefault(step.what, now)
    if now - started < PROGRESS_DELAY or now - _progress_drawn_at < PROGRESS_INTERVAL:
        return
    from npkit.text import clean

    line = f"npkit: {clean(str(step))}"[: max(_columns(sys.stderr) - 1, 1)]
    import contextlib  # not at the top: ~1 ms on every start

    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stderr.write(_ERASE + line)
        sys.stderr.flush()
        _progress_shown, _progress_drawn_at = True, now


def clear_progress() -> None:
    """Erase the progress line, if one is on the screen."""
    global _progress_shown
    if _progress_shown:
        _progress_shown = False
        import contextlib  # not at the top: ~1 ms on every start

        with contextlib.suppress(OSError, ValueError, AttributeError):
            sys.stderr.write(_ERASE)
            sys.stderr.flush()


def _columns(stream: TextIO) -> int:
    """The terminal's width (``COLUMNS`` wins), for a line that must never wrap."""
    import contextlib  # not at the top: ~1 ms on every start

    with contextlib.suppress(OSError, ValueError, AttributeError):
        return int(os.environ.get("COLUMNS") or os.get_terminal_size(stream.fileno()).columns)
    return 80


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
