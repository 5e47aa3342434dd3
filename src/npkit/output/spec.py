"""What the user asked the output to be: a format and, optionally, fields in order."""

from __future__ import annotations

from collections import namedtuple

from npkit.errors import UsageError

TYPE_CHECKING = False  # typing is not imported at run time: `npkit date` starts faster
if TYPE_CHECKING:
    from collections.abc import Sequence

FORMATS = ("table", "json", "ndjson", "csv", "tsv")


class OutputSpec(namedtuple("OutputSpec", "format fields chosen", defaults=("table", None, False))):
    """What the user asked for: a format, optionally a subset of fields in order, and whether
    the format was chosen (``chosen``) or is the default."""

    __slots__ = ()
    format: str
    fields: tuple[str, ...] | None
    chosen: bool

    def columns(self, available: Sequence[str]) -> tuple[str, ...]:
        """The columns to print; an unknown field name is a usage error naming the valid ones."""
        if not self.fields:
            return tuple(available)
        unknown = [name for name in self.fields if name not in available]
        if unknown:
            names = ", ".join(map(repr, unknown))
            raise UsageError(f"unknown field {names}; valid fields: {','.join(available)}")
        return self.fields


def field_names(record_type: type) -> tuple[str, ...]:
    """The column names of a record type (dataclass or namedtuple), in declaration order."""
    dataclass_fields = getattr(record_type, "__dataclass_fields__", None)
    if dataclass_fields is not None:
        return tuple(dataclass_fields)
    return tuple(record_type._fields)  # type: ignore[attr-defined]


def output_spec(
    format_: str | None, as_json: bool = False, fields: str | None = None
) -> OutputSpec:
    """The OutputSpec for ``-f/--format``, ``--json`` and ``--fields`` as typed."""
    if as_json and format_ not in (None, "json"):
        raise UsageError(f"--json contradicts --format {format_}")
    chosen = "json" if as_json else (format_ or "table").lower()
    names = tuple(n.strip() for n in fields.split(",") if n.strip()) if fields else None
    return OutputSpec(chosen, names, chosen=bool(format_ or as_json))
