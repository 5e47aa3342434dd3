"""One value written one way: json_value's way per type, HH:MM without strftime, and a day's
row (Day.values_of) the same as its fields read one by one."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from enum import IntEnum

import pytest

from npkit import days
from npkit.dates import BSDate
from npkit.output.values import hh_mm, json_value, text_value
from npkit.patro import DayHoliday, Event, Slot

NEPAL = timezone(timedelta(hours=5, minutes=45))


class Level(IntEnum):
    LOW = 1


class Name(str):
    """A str subclass: written as json.dumps writes it."""


EVENT = Event("teej", "Teej", "तीज")
HOLIDAY = DayHoliday("Teej", "तीज", "women", "confirmed", "MoHA notice 2083", "MoHA notice 2083")


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ('a "quoted" तीज\n', '"a \\"quoted\\" तीज\\n"'),
        (Name("x"), '"x"'),
        (None, "null"),
        (True, "true"),
        (False, "false"),
        (0, "0"),
        (-12, "-12"),
        (Level.LOW, "1"),
        (2.5, "2.5"),
        (Decimal("1.50"), "1.50"),
        (Decimal("1E+2"), "100"),
        (date(2026, 4, 14), '"2026-04-14"'),
        (datetime(2026, 4, 14, 21, 40, tzinfo=NEPAL), '"2026-04-14T21:40:00+05:45"'),
        (time(6, 3, tzinfo=NEPAL), '"06:03"'),
        (BSDate(2083, 1, 1), '"2083-01-01"'),
        (EVENT, '{"id": "teej", "name": "Teej", "name_ne": "तीज"}'),
        ((), "[]"),
        ((EVENT, EVENT), json.dumps([EVENT._asdict()] * 2, ensure_ascii=False)),
        ([1, "b", None], '[1, "b", null]'),
        ({"k": [HOLIDAY]}, json.dumps({"k": [HOLIDAY._asdict()]}, ensure_ascii=False)),
    ],
)
def test_json_value_writes_each_type_its_way(value: object, text: str) -> None:
    assert json_value(value) == text
    assert json_value(value) == text  # the second time through the way kept for its type


def test_hh_mm_is_strftime_for_every_minute() -> None:
    for minutes in range(24 * 60):
        moment = datetime(2026, 1, 1, tzinfo=NEPAL) + timedelta(minutes=minutes)
        assert hh_mm(moment) == f"{moment:%H:%M}"
        assert hh_mm(moment.timetz()) == text_value(moment.timetz()) == f"{moment:%H:%M}"
        assert str(Slot(moment, moment)) == f"{moment:%H:%M}–{moment:%H:%M}"


def test_a_days_row_is_its_fields_read_one_by_one() -> None:
    one, other = days.between("2026-10-20", "2026-10-21")
    by_name = tuple(getattr(one, name) for name in days.FIELD_NAMES)
    assert other.values_of(days.FIELD_NAMES[::-1]) == tuple(
        getattr(other, name) for name in days.FIELD_NAMES[::-1]
    )
    assert one.values_of(days.FIELD_NAMES) == by_name
    assert one.values_of(("bs", "tithi_name", "ad")) == (one.bs, one.tithi_name, one.ad)
    with pytest.raises(AttributeError):
        one.values_of(("bs", "nope"))
