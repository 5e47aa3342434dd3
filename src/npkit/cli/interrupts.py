"""Ctrl-C before ``main`` is ready: the SIGINT handler ``npkit.cli`` installs first thing.

Imported by ``npkit.cli`` before anything else (and by ``npkit.cli.main``, which says when it
is there to catch ``KeyboardInterrupt``). Only modules the interpreter has loaded already (os, sys,
signal), so it is in place within the first milliseconds of the program.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    import signal
else:  # the C module: ``signal`` itself builds its enums (~1.3 ms) on import
    import _signal as signal


def _as_program() -> bool:
    """Is this process the ``npkit`` program (not a library user, not a test run)?"""
    name = os.path.basename(sys.argv[0] if sys.argv else "")
    return name in ("npkit", "npkit.exe") or (
        name == "__main__.py" and os.path.basename(os.path.dirname(sys.argv[0])) == "npkit"
    )


class _Interrupts:
    """Where Ctrl-C goes: ``KeyboardInterrupt`` while ``main`` handles it, else exit 130."""

    inside_main = False

    @classmethod
    def handler(cls, signum: int, frame: object) -> None:
        if cls.inside_main:
            raise KeyboardInterrupt
        try:  # noqa: SIM105 - contextlib would cost an import of collections, ~8 ms
            os.write(2, b"npkit: interrupted\n")
        except OSError:
            pass
        os._exit(130)


def install_if_program() -> None:
    """Install the handler when this process is the ``npkit`` program and SIGINT still has
    Python's default handler (a test runner or an embedding program keeps its own)."""
    if _as_program() and signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _Interrupts.handler)


def inside_main(inside: bool) -> None:
    """``main`` says whether it is there to report ``KeyboardInterrupt``."""
    _Interrupts.inside_main = inside
