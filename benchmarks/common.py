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


BARE_CONVERT = """\
import sys, json, datetime, nepali_datetime
day = datetime.date.fromisoformat(sys.argv[1])
print(json.dumps([{"ad": sys.argv[1],
                   "bs": nepali_datetime.date.from_datetime_date(day).isoformat()}]))
"""
"""One conversion the plain way: what a user would script with nepali-datetime alone."""

BARE_LOOP = """\
import sys, datetime, nepali_datetime
write = sys.stdout.write
write("ad,bs\\n")
for line in sys.stdin:
    text = line.strip()
    if text:
        day = datetime.date.fromisoformat(text)
        write(f"{text},{nepali_datetime.date.from_datetime_date(day).isoformat()}\\n")
"""
"""A plain nepali-datetime loop over stdin, writing ``ad,bs`` csv as npkit does."""
