"""The command line: Click only (parse options, call the core, render).

``main`` (the console script) is in ``npkit.cli.main``; see its docstring for the fast path.
"""

from __future__ import annotations

from npkit.cli.main import main

__all__ = ["main"]
