"""The patro's days as command-line records, without Click: ``npkit date today`` (fast path and
Click path alike), ``date cal --json`` and the user's own days from the config file.

A day's record is the ``convert`` record (so scripts reading ``ad``/``bs``/``bs_ne`` keep
working) followed by what a patro prints. In JSON, ``events`` is a list of objects and
``holiday`` an object or null; in csv, tsv and tables they are names (``;`` between events).
"""

from __future__ import annotations

import os
import sys
from collections import namedtuple

from npkit import dates
from npkit.errors import UsageError
from npkit.output import card

TYPE_CHECKING = False  # typing is not imported at run time: `npkit date today` starts faster
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from datetime import datetime

    from npkit.output import OutputSpec
    from npkit.patro import DayHoliday, Event, PatroDay


class DayRecord(
    namedtuple(
        "DayRecord",
        "ad bs weekday bs_en bs_ne weekday_ne tithi paksha tithi_name tithi_ne tithi_end"
        " lunar_month lunar_month_ne adhik ns_year sunrise sunset events holiday",
    )
):
    """One day of ``date today`` and ``date cal`` (field order = column order)."""

    __slots__ = ()
    ad: str
    bs: str
    weekday: str
    bs_en: str
    bs_ne: str
    weekday_ne: str
    tithi: int
    paksha: str
    tithi_name: str
    tithi_ne: str
    tithi_end: datetime | None
    lunar_month: str
    lunar_month_ne: str
    adhik: bool
    ns_year: int
    sunrise: str
    sunset: str
    events: tuple[Event, ...] | tuple[str, ...]
    holiday: DayHoliday | str | None


card.register(DayRecord, card._patro_day)  # until the day record sits below output


DAY_FIELDS: tuple[str, ...] = DayRecord._fields


def holiday_text(holiday: DayHoliday) -> str:
    """A holiday in one cell of text: its name, and who gets it unless everyone does."""
    return holiday.name if holiday.scope == "everyone" else f"{holiday.name} ({holiday.scope})"


def day_records(days: Iterable[PatroDay], as_text: bool = False) -> Iterator[DayRecord]:
    """The record of each day; ``as_text``: events and holiday as names (csv, tsv, tables)."""
    for day in days:
        events: tuple[Event, ...] | tuple[str, ...] = day.events
        holiday: DayHoliday | str | None = day.holiday
        if as_text:
            events = tuple(event.name for event in day.events)
            holiday = None if day.holiday is None else holiday_text(day.holiday)
        yield DayRecord(
            *dates.conversion(day.ad), day.tithi, day.paksha, day.tithi_name, day.tithi_ne,
            day.tithi_end, day.lunar_month, day.lunar_month_ne, day.adhik, day.ns_year,
            f"{day.sunrise:%H:%M}", f"{day.sunset:%H:%M}", events, holiday,
        )  # fmt: skip


def render_days(days: Iterable[PatroDay], spec: OutputSpec) -> None:
    """Days as records in a line format (json, ndjson, csv, tsv) or a table."""
    from npkit.output import render

    render(day_records(days, as_text=spec.format not in ("json", "ndjson")), spec, DayRecord)


def render_card(day: PatroDay, spec: OutputSpec) -> None:
    """One day for people (``date today``): on a terminal a short card; as a table one line
    per field (its 19 fields side by side would be ~250 columns). Other formats: the record."""
    from npkit.output import render_rows
    from npkit.output.render import is_terminal
    from npkit.output.values import text_value

    if spec.format != "table" or (not spec.chosen and not spec.fields and is_terminal(sys.stdout)):
        render_days([day], spec)  # on a terminal render() prints the DayRecord card
        return
    columns = spec.columns(DAY_FIELDS)
    record = next(day_records([day], as_text=True))
    values = record._asdict()
    render_rows([(name, text_value(values[name])) for name in columns], spec, ("field", "value"))


# ---------------------------------------------------------------- the user's own days


def _config_file_may_exist() -> bool:
    """False only when the config file surely does not exist, checked without importing
    npkit.config (dataclasses, tomllib and platformdirs cost ``date today`` ~35 ms): with
    NPKIT_CONFIG, that file; on Linux and the BSDs, platformdirs' XDG path. Elsewhere True
    (the config module decides). tests/test_cli_patro.py checks the guess against it."""
    explicit = os.environ.get("NPKIT_CONFIG")
    if explicit:
        return os.path.exists(os.path.expanduser(explicit))
    if sys.platform in ("win32", "darwin") or sys.platform.startswith(("cygwin", "msys")):
        return True
    base = os.environ.get("XDG_CONFIG_HOME", "").strip() or os.path.expanduser("~/.config")
    return os.path.exists(os.path.join(base, "npkit", "config.toml"))


def use_config_holidays() -> None:
    """Give npkit.patro the config file's ``[[holidays]]`` rows (or none: in-process callers,
    such as tests, must not keep an earlier run's days). A bad row is a UsageError naming it
    and the file."""
    from npkit import patro

    rows: list[dict[str, str]] = []
    if _config_file_may_exist():
        from npkit import config

        rows = config.holidays_table()
        try:
            patro.set_user_holidays(rows)
        except UsageError as exc:
            raise UsageError(f"config file {config.config_path()}: {exc}") from None
        return
    patro.set_user_holidays(rows)
