"""Messages for people on stderr: warnings, notes, colour decisions.

stdout carries data only. Warnings (stale data, skipped input lines, a fallback source) go to
stderr unless ``-q``; notes and progress only on a terminal or with ``-v``.
"""

from __future__ import annotations

import os
import sys
from typing import IO

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


def say(message: str) -> None:
    """One line for the person at the terminal on stderr (``no results``); silenced by -q."""
    if verbosity > QUIET:
        print(f"npkit: {message}", file=sys.stderr, flush=True)


def warn(message: str) -> None:
    """One warning line on stderr (silenced by ``-q``)."""
    if verbosity > QUIET:
        print(f"npkit: warning: {message}", file=sys.stderr, flush=True)


def note(message: str) -> None:
    """One informational line on stderr, only on a terminal or with ``-v``."""
    if verbosity >= VERBOSE or (verbosity == NORMAL and sys.stderr.isatty()):
        print(f"npkit: {message}", file=sys.stderr, flush=True)


def colour_enabled(stream: IO[str]) -> bool:
    """``--color always``: colour. ``never``: none. ``auto`` (default): colour only on a
    terminal, and never when NO_COLOR is set (https://no-color.org) or TERM is dumb."""
    if colour_mode != "auto":
        return colour_mode == "always"
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
