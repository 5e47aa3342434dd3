"""The command line: Click only (parse options, call the core, render).

``main`` (the console script) is in ``npkit.cli.main``; see its docstring for the fast path.

Ctrl-C in the first milliseconds, before ``main`` has started, would print a
``KeyboardInterrupt`` traceback from inside an import; so when this package is imported to run
the ``npkit`` program (the console script or ``python -m npkit``, never a library import), the
first thing done is to install a SIGINT handler: outside ``main`` it prints the documented
line and exits 130 at once, inside it raises ``KeyboardInterrupt`` for ``main`` to report.
"""

from __future__ import annotations

from npkit.cli.interrupts import install_if_program

install_if_program()

from npkit.cli.main import main  # noqa: E402 - after the handler, on purpose

__all__ = ["main"]
