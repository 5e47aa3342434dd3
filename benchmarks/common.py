"""Helpers shared by the benchmark scripts."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path


def npkit_command() -> list[str]:
    """How to run the installed `npkit`: the venv's script beside this Python, else PATH's,
    else `python -m npkit` (which adds runpy's start-up to every timing)."""
    script = Path(sys.executable).with_name("npkit")
    if script.exists():
        return [str(script)]
    found = shutil.which("npkit")
    return [found] if found else [sys.executable, "-m", "npkit"]
