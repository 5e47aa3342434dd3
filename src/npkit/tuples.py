"""``record``: ``collections.namedtuple`` without its start-up cost.

``namedtuple`` builds each class's ``__new__`` by compiling source text (``eval``, ~0.2 ms a
class); ``npkit date today`` imports some twenty such classes. ``record`` builds the same kind
of class (a tuple subclass with ``_fields``, ``_field_defaults``, ``_make``, ``_replace``,
``_asdict``, the namedtuple ``repr``, pickling, ``__match_args__``) in a few microseconds, with
a generic ``__new__``: use it for records made a few hundred times a call, not per bulk row.
tests/test_tuples.py holds it to namedtuple's behaviour. To type checkers it *is* namedtuple.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections import namedtuple as record
else:
    from _collections import _tuplegetter

    def record(typename, field_names, *, defaults=None, module=None):
        """A namedtuple class (``field_names``: one string, space- or comma-separated)."""
        fields = tuple(field_names.replace(",", " ").split())
        count = len(fields)
        field_defaults = (
            dict(zip(fields[count - len(defaults) :], defaults, strict=True)) if defaults else {}
        )
        index = {name: i for i, name in enumerate(fields)}
        tail = tuple(defaults or ())
        required = count - len(tail)

        def __new__(cls, *args, **kwargs):
            if not kwargs and required <= len(args) <= count:
                return tuple.__new__(cls, args + tail[len(args) - required :])
            if len(args) > count:
                raise TypeError(
                    f"{typename}.__new__() takes {count + 1} positional arguments"
                    f" but {len(args) + 1} were given"
                )
            values = list(args) + [_MISSING] * (count - len(args))
            for name, value in kwargs.items():
                where = index.get(name)
                if where is None:
                    raise TypeError(
                        f"{typename}.__new__() got an unexpected keyword argument {name!r}"
                    )
                if values[where] is not _MISSING:
                    raise TypeError(
                        f"{typename}.__new__() got multiple values for argument {name!r}"
                    )
                values[where] = value
            for where, value in enumerate(values):
                if value is _MISSING:
                    if fields[where] not in field_defaults:
                        raise TypeError(
                            f"{typename}.__new__() missing required argument: {fields[where]!r}"
                        )
                    values[where] = field_defaults[fields[where]]
            return tuple.__new__(cls, values)

        @classmethod
        def _make(cls, iterable):
            made = tuple.__new__(cls, iterable)
            if len(made) != count:
                raise TypeError(f"Expected {count} arguments, got {len(made)}")
            return made

        def _replace(self, /, **kwargs):
            made = self._make(map(kwargs.pop, fields, self))
            if kwargs:
                raise ValueError(f"Got unexpected field names: {list(kwargs)!r}")
            return made

        def __repr__(self):
            inner = ", ".join(f"{name}={value!r}" for name, value in zip(fields, self, strict=True))
            return f"{self.__class__.__name__}({inner})"

        def _asdict(self):
            return dict(zip(self._fields, self, strict=True))

        def __getnewargs__(self):
            return tuple(self)

        __new__.__defaults__ = None
        namespace = {
            "__doc__": f"{typename}({', '.join(fields)})",
            "__slots__": (),
            "_fields": fields,
            "_field_defaults": field_defaults,
            "__new__": __new__,
            "_make": _make,
            "_replace": _replace,
            "__repr__": __repr__,
            "_asdict": _asdict,
            "__getnewargs__": __getnewargs__,
            "__match_args__": fields,
        }
        for where, name in enumerate(fields):
            namespace[name] = _tuplegetter(where, f"Alias for field number {where}")
        made = type(typename, (tuple,), namespace)
        made.__module__ = module or sys._getframe(1).f_globals.get("__name__", "__main__")
        return made


_MISSING = object()
__all__ = ["record"]
