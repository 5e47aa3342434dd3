"""One value as JSON text or as plain text (csv, tsv, tables): the rules in one place."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

TYPE_CHECKING = False  # typing is not imported at run time: `npkit date` starts faster
if TYPE_CHECKING:
    from typing import Any


def json_value(value: Any) -> str:
    """JSON text of one value; Decimal becomes a JSON number with its exact digits."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return f'"{value.isoformat()}"'
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(json_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return (
            "{"
            + ", ".join(f"{json.dumps(str(k))}: {json_value(v)}" for k, v in value.items())
            + "}"
        )
    return json.dumps(value, ensure_ascii=False)


def text_value(value: Any) -> str:
    """Plain-text form of one value for csv, tsv and tables."""
    if type(value) is str:
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ";".join(text_value(v) for v in value)
    return str(value)
