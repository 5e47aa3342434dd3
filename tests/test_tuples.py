"""``npkit.tuples.record`` behaves as ``collections.namedtuple`` does, where npkit uses it."""

from __future__ import annotations

import pickle
from collections import namedtuple

import pytest

from npkit.patro.records import Event
from npkit.tuples import record

Ours = record("Point", "x y z", defaults=(0,))
Theirs = namedtuple("Point", "x y z", defaults=(0,))


@pytest.mark.parametrize(
    ("args", "kwargs"), [((1, 2, 3), {}), ((1, 2), {}), ((1,), {"y": 5}), ((), {"x": 1, "y": 2})]
)
def test_made_alike(args: tuple[int, ...], kwargs: dict[str, int]) -> None:
    ours, theirs = Ours(*args, **kwargs), Theirs(*args, **kwargs)
    assert tuple(ours) == tuple(theirs)
    assert repr(ours) == repr(theirs)
    assert ours._asdict() == theirs._asdict()
    assert (ours.x, ours.y, ours.z) == (theirs.x, theirs.y, theirs.z)
    assert tuple(ours._replace(y=9)) == tuple(theirs._replace(y=9))
    assert tuple(Ours._make([7, 8, 9])) == tuple(Theirs._make([7, 8, 9]))
    assert Ours._fields == Theirs._fields and Ours._field_defaults == Theirs._field_defaults
    assert Ours.__match_args__ == Theirs.__match_args__


@pytest.mark.parametrize(
    ("args", "kwargs"), [((), {}), ((1, 2, 3, 4), {}), ((1,), {"x": 2}), ((1, 2), {"w": 1})]
)
def test_refused_alike(args: tuple[int, ...], kwargs: dict[str, int]) -> None:
    with pytest.raises(TypeError):
        Theirs(*args, **kwargs)
    with pytest.raises(TypeError):
        Ours(*args, **kwargs)


def test_replace_and_make_check_their_fields() -> None:
    with pytest.raises(ValueError, match="unexpected field names"):
        Ours(1, 2)._replace(w=1)
    with pytest.raises(TypeError):
        Ours._make([1, 2])


def test_a_subclass_keeps_its_type_and_pickles() -> None:
    event = Event("dashain", "Dashain", "दशैं")
    assert type(event._replace(name="x")) is Event
    assert pickle.loads(pickle.dumps(event)) == event
    assert str(event) == "Dashain" and Event.__module__ == "npkit.patro.records"
    with pytest.raises(AttributeError):
        event.other = 1  # type: ignore[attr-defined]
