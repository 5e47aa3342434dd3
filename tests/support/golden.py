"""Golden files: a recorded reply ``<case>.<ext>`` beside ``<case>.expected.json``, what npkit's
parser must make of it (tests/fixtures/<source>/, provenance in each folder's README)."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal
from pathlib import Path
from typing import Any


def cases(folder: Path, suffixes: tuple[str, ...] = (".json", ".html", ".xml")) -> list[Path]:
    """The recorded replies in ``folder`` that have an expected file."""
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix in suffixes
        and not p.name.endswith(".expected.json")
        and p.with_name(p.stem + ".expected.json").exists()
    )


def expected(case: Path) -> Any:
    """The parsed JSON of ``case``'s expected file."""
    return json.loads(case.with_name(case.stem + ".expected.json").read_bytes())


def plain(records: list[Any], decimal_as_text: bool = True) -> list[dict[str, Any]]:
    """Dataclass records as the dicts an expected file holds (Decimal as its exact text)."""
    return [
        {
            k: str(v) if decimal_as_text and isinstance(v, Decimal) else v
            for k, v in dataclasses.asdict(r).items()
        }
        for r in records
    ]
