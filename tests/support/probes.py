"""Which modules a piece of npkit imports, measured in a fresh interpreter.

Start-up time is a feature (``npkit date`` must not import requests or bs4): these probes run
code, or whole ``npkit`` command lines, in a subprocess and report the watched modules that
ended up in ``sys.modules`` (and each command's exit status).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterable, Sequence
from typing import NamedTuple

NETWORK_STACK = frozenset({"requests", "requests_cache", "urllib3", "bs4", "feedparser"})
"""What no offline command may import."""

_RUN_COMMANDS = """
from npkit.cli import main
statuses = []
for args in json.loads(sys.argv[1]):
    try:
        main(args)
    except SystemExit as exit:
        statuses.append(exit.code or 0)
"""


class Probe(NamedTuple):
    modules: set[str]  # the watched modules imported
    statuses: list[int]  # exit status of each command run (commands only)


def _probe(code: str, watch: Iterable[str], argv: Sequence[str] = ()) -> Probe:
    watched = sorted(watch)
    report = (
        f"\nprint('PROBE', json.dumps([sorted(set({watched!r}) & set(sys.modules)),"
        " globals().get('statuses', [])]), file=sys.stderr)"
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
    assert last.startswith("PROBE "), f"probe failed: {result.stderr}"
    modules, statuses = json.loads(last.removeprefix("PROBE "))
    return Probe(set(modules), [int(s) for s in statuses])


def modules_imported_by_code(code: str, watch: Iterable[str] = NETWORK_STACK) -> set[str]:
    """The ``watch`` modules imported after running ``code``."""
    return _probe(code, watch).modules


def probe_commands(
    commands: Sequence[Sequence[str]], watch: Iterable[str] = NETWORK_STACK
) -> Probe:
    """Run each ``npkit`` argument list in turn in one fresh interpreter."""
    return _probe(_RUN_COMMANDS, watch, [json.dumps([list(c) for c in commands])])


def modules_imported_by_commands(
    commands: Sequence[Sequence[str]], watch: Iterable[str] = NETWORK_STACK
) -> set[str]:
    """The ``watch`` modules imported after running each ``npkit`` argument list in turn."""
    return probe_commands(commands, watch).modules
