"""Which modules a piece of npkit imports, measured in a fresh interpreter.

Start-up time is a feature (``npkit date`` must not import requests or bs4): these probes run
code, or whole ``npkit`` command lines, in a subprocess and report the watched modules that
ended up in ``sys.modules``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterable, Sequence

NETWORK_STACK = frozenset({"requests", "requests_cache", "urllib3", "bs4", "feedparser"})
"""What no offline command may import."""

_RUN_COMMANDS = """
import sys, json
from npkit.cli import main
for args in json.loads(sys.argv[1]):
    try:
        main(args)
    except SystemExit:
        pass
"""


def _probe(code: str, watch: Iterable[str], argv: Sequence[str] = ()) -> set[str]:
    report = (
        f"\nprint(json.dumps(sorted(set({sorted(watch)!r}) & set(sys.modules))), file=sys.stderr)"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    result = subprocess.run(
        [sys.executable, "-c", "import sys, json\n" + code + report, *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    last = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else ""
    assert last.startswith("["), f"probe failed: {result.stderr}"
    return set(json.loads(last))


def modules_imported_by_code(code: str, watch: Iterable[str] = NETWORK_STACK) -> set[str]:
    """The ``watch`` modules imported after running ``code``."""
    return _probe(code, watch)


def modules_imported_by_commands(
    commands: Sequence[Sequence[str]], watch: Iterable[str] = NETWORK_STACK
) -> set[str]:
    """The ``watch`` modules imported after running each ``npkit`` argument list in turn."""
    return _probe(_RUN_COMMANDS, watch, [json.dumps([list(c) for c in commands])])
