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


def set_verbosity(level: int) -> None:
    """Set by the CLI from ``-q``/``-v``."""
    global verbosity
    verbosity = level


def warn(message: str) -> None:
    """One warning line on stderr (silenced by ``-q``)."""
    if verbosity > QUIET:
        print(f"npkit: warning: {message}", file=sys.stderr, flush=True)


def note(message: str) -> None:
    """One informational line on stderr, only on a terminal or with ``-v``."""
    if verbosity >= VERBOSE or (verbosity == NORMAL and sys.stderr.isatty()):
        print(f"npkit: {message}", file=sys.stderr, flush=True)


def colour_enabled(stream: IO[str]) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
