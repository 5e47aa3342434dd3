"""One way to read a date argument: a ``Reading`` says how date text is written, once, for every
command and library call that reads dates (``--from``, ``--dayfirst``/``--monthfirst``,
``--input-format`` on the command line).
"""

from __future__ import annotations

from datetime import date

from npkit.dates.parse import ParsedDate, _layout_pattern, parse_date, parse_day
from npkit.dates.records import BSDate
from npkit.errors import UsageError

CALENDARS = ("ad", "bs")


class Reading:
    """How date text is read: ``assume`` the calendar of numeric dates (``"ad"``, ``"bs"``;
    None: AD, BS for Devanagari digits), ``dayfirst``/``monthfirst`` the order of numbers like
    ``05/11/2024`` (neither: only dates one order can read), ``layout`` a fixed layout
    (``"%d.%m.%Y"``) instead of the usual guessing.

    Checked when made, so a contradiction fails before any date (or any fetch) is read::

        >>> Reading(dayfirst=True).to_ad("05/11/2024")
        datetime.date(2024, 11, 5)
    """

    # A plain class with the manners of a frozen dataclass (equality, hash, repr, no
    # assignment): importing ``dataclasses`` (and ``inspect`` with it) costs every
    # ``npkit date`` call that reads stdin ~15 ms.
    __slots__ = ("assume", "dayfirst", "layout", "monthfirst")
    assume: str | None
    dayfirst: bool
    monthfirst: bool
    layout: str | None

    def __init__(
        self,
        assume: str | None = None,
        dayfirst: bool = False,
        monthfirst: bool = False,
        layout: str | None = None,
    ) -> None:
        if assume is not None:
            calendar = str(assume).lower()
            if calendar not in CALENDARS:
                raise UsageError(f"calendar must be ad or bs, not {assume!r}")
            assume = calendar
        if dayfirst and monthfirst:
            raise UsageError("--dayfirst contradicts --monthfirst: give one")
        if layout is not None:
            _layout_pattern(layout)  # a bad layout is refused now, not on every line
        set_field = object.__setattr__
        set_field(self, "assume", assume)
        set_field(self, "dayfirst", dayfirst)
        set_field(self, "monthfirst", monthfirst)
        set_field(self, "layout", layout)

    def _values(self) -> tuple[str | None, bool, bool, str | None]:
        return self.assume, self.dayfirst, self.monthfirst, self.layout

    def __setattr__(self, name: str, value: object) -> None:
        from dataclasses import FrozenInstanceError  # as a frozen dataclass raises (rare)

        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        assume, dayfirst, monthfirst, layout = self._values()
        return (
            f"Reading(assume={assume!r}, dayfirst={dayfirst!r}, monthfirst={monthfirst!r}, "
            f"layout={layout!r})"
        )

    @property
    def order(self) -> str | None:
        """``"dmy"``, ``"mdy"`` or None: what ``npkit.dates.parse_date`` calls ``order``."""
        return "dmy" if self.dayfirst else "mdy" if self.monthfirst else None

    def parse(self, text: str) -> ParsedDate:
        """``text`` as written (calendar, year, month, day), not yet checked against the
        calendar: ``.to_ad()`` gives a day of any AD year (published data checks the future
        itself)."""
        return parse_date(text, self.assume, order=self.order, layout=self.layout)

    def day(self, text: str) -> tuple[date, BSDate]:
        """The (AD, BS) day ``text`` names, in the supported range; errors name the input."""
        return parse_day(text, self.assume, order=self.order, layout=self.layout)

    def to_ad(self, text: str) -> date:
        """The AD day ``text`` names, in the supported range; errors name the input."""
        return self.day(text)[0]
