"""Golden files: a recorded reply ``<case>.<ext>`` beside ``<case>.expected.json``, what npkit's
parser must make of it (tests/fixtures/<source>/, provenance in each folder's README)."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from npkit.dates import BSDate


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
    """Records (dataclasses or namedtuples) as the dicts an expected file holds: Decimal as
    its exact text, dates, times and BS dates as the ISO text every output format writes."""
    return [{k: _plain(v, decimal_as_text) for k, v in _fields(r).items()} for r in records]


def _fields(record: Any) -> dict[str, Any]:
    if hasattr(record, "_asdict"):
        return dict(record._asdict())
    return dataclasses.asdict(record)


def _plain(value: Any, decimal_as_text: bool) -> Any:
    if decimal_as_text and isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (date, BSDate)):
        return value.isoformat()  # a datetime too, with its offset
    return value
