"""What the user asked the output to be: a format and, optionally, fields in order."""

from __future__ import annotations

from npkit.errors import UsageError
from npkit.output.formats import REGISTRY, Format, format_named
from npkit.tuples import record as namedtuple

TYPE_CHECKING = False  # typing is not imported at run time: `npkit date` starts faster
if TYPE_CHECKING:
    from collections.abc import Sequence

FORMATS = tuple(name for name, kind in REGISTRY.items() if not kind.calendar)
"""The format names ``--format`` offers (Click's choices, shell completion, the fast path)."""
CALENDAR_FORMATS = tuple(REGISTRY)
"""What ``--format`` offers on the commands that also write calendars (``ics``)."""
STYLES = ("simple", "plain", "github", "markdown", "grid", "rounded_grid", "psql", "rst", "pipe")
"""Table styles offered by ``--style`` (tabulate's names; ``markdown`` is ``github``)."""


class OutputSpec(
    namedtuple(
        "OutputSpec",
        "format fields chosen header style nepali",
        defaults=("table", None, False, True, "simple", False),
    )
):
    """What the user asked for: a format, optionally a subset of fields in order, whether the
    format was chosen (``chosen``) or is the default, whether csv/tsv start with a header line,
    the table style (tabulate's ``tablefmt``) and whether tables and cards are in Nepali
    (``nepali``: npkit.output.nepali; the data formats never change with it)."""

    __slots__ = ()
    format: str
    fields: tuple[str, ...] | None
    chosen: bool
    header: bool
    style: str
    nepali: bool

    def columns(
        self, available: Sequence[str], default: Sequence[str] | None = None
    ) -> tuple[str, ...]:
        """The columns to print (``default``, else every one, when no fields were asked for);
        an unknown field name is a usage error naming the valid ones."""
        if not self.fields:
            return tuple(available if default is None else default)
        unknown = [name for name in self.fields if name not in available]
        if unknown:
            names = ", ".join(map(repr, unknown))
            raise UsageError(f"unknown field {names}; valid fields: {','.join(available)}")
        return self.fields

    @property
    def kind(self) -> Format:
        """The format asked for (``npkit.output.formats``): ask it, never test its name."""
        return format_named(self.format)

    @property
    def for_people(self) -> bool:
        """A table (or card) for a person rather than a data stream."""
        return self.kind.for_people

    @property
    def streams(self) -> bool:
        """Rows are written and flushed one by one (json, ndjson, csv, tsv, raw)."""
        return self.kind.streams

    @property
    def calendar(self) -> bool:
        """A calendar document (ics) of entries rather than records: see ``render_calendar``."""
        return self.kind.calendar

    @property
    def json_values(self) -> bool:
        """Values are written as JSON (json, ndjson), not as text (tables, csv, tsv, raw)."""
        return self.kind.json_values

    def unless_chosen(self, name: str) -> OutputSpec:
        """This spec, or the same in format ``name`` when the user chose none (``--column`` and
        the fx ledger write csv unless told)."""
        return self if self.chosen else self._replace(format=name)

    def check(self, record_type: type) -> None:
        """Fail now (before any network call) if ``--fields`` names a field the record lacks."""
        self.columns(field_names(record_type))


def attribute_names(record_type: type) -> tuple[str, ...]:
    """The attribute names of a record type (dataclass or namedtuple), in declaration order."""
    dataclass_fields = getattr(record_type, "__dataclass_fields__", None)
    if dataclass_fields is not None:
        return tuple(dataclass_fields)
    return tuple(record_type._fields)  # type: ignore[attr-defined]


def field_names(record_type: type) -> tuple[str, ...]:
    """The column names of a record type, in declaration order. An attribute named with a
    trailing ``_`` because its name is a Python keyword (``from_``) is the column ``from``."""
    return tuple(name.removesuffix("_") for name in attribute_names(record_type))


def default_fields(record_type: type) -> tuple[str, ...]:
    """The columns written when no ``--fields`` is given: the record type's ``DEFAULT_FIELDS``
    (a day has many fields; a command shows some), else every field."""
    return tuple(getattr(record_type, "DEFAULT_FIELDS", None) or field_names(record_type))


def output_spec(
    format_: str | None,
    as_json: bool = False,
    fields: str | None = None,
    *,
    header: bool = True,
    style: str | None = None,
    nepali: bool = False,
) -> OutputSpec:
    """The OutputSpec for ``-f/--format``, ``--json``, ``--fields``, ``--no-header`` and
    ``--style`` as typed (``nepali``: ``--nepali``, for tables and cards)."""
    if as_json and format_ not in (None, "json"):
        raise UsageError(f"--json contradicts --format {format_}")
    chosen = "json" if as_json else (format_ or FORMATS[0]).lower()
    kind = format_named(chosen)
    names = tuple(n.strip() for n in fields.split(",") if n.strip()) if fields else None
    if not header and not kind.has_header:
        headed = " and ".join(f.name for f in REGISTRY.values() if f.has_header)
        raise UsageError(f"--no-header is for {headed}, not {chosen}")
    if style is not None and not kind.for_people:
        raise UsageError(f"--style draws tables; it does not apply to {chosen}")
    table_style = "github" if style == "markdown" else (style or "simple").lower()
    chosen_ = bool(format_ or as_json or style)
    return OutputSpec(chosen, names, chosen_, header, table_style, nepali)
