"""One way to read a date argument: a ``Reading`` says how date text is written, once, for every
command and library call that reads dates (``--from``, ``--dayfirst``/``--monthfirst``,
``--input-format`` on the command line).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from npkit.dates.parse import ParsedDate, _layout_pattern, parse_date, parse_day
from npkit.dates.records import BSDate
from npkit.errors import UsageError

CALENDARS = ("ad", "bs")


@dataclass(frozen=True)
class Reading:
    """How date text is read: ``assume`` the calendar of numeric dates (``"ad"``, ``"bs"``;
    None: AD, BS for Devanagari digits), ``dayfirst``/``monthfirst`` the order of numbers like
    ``05/11/2024`` (neither: only dates one order can read), ``layout`` a fixed layout
    (``"%d.%m.%Y"``) instead of the usual guessing.

    Checked when made, so a contradiction fails before any date (or any fetch) is read::

        >>> Reading(dayfirst=True).to_ad("05/11/2024")
        datetime.date(2024, 11, 5)
    """

    assume: str | None = None
    dayfirst: bool = False
    monthfirst: bool = False
    layout: str | None = None

    def __post_init__(self) -> None:
        if self.assume is not None:
            calendar = str(self.assume).lower()
            if calendar not in CALENDARS:
                raise UsageError(f"calendar must be ad or bs, not {self.assume!r}")
            object.__setattr__(self, "assume", calendar)
        if self.dayfirst and self.monthfirst:
            raise UsageError("--dayfirst contradicts --monthfirst: give one")
        if self.layout is not None:
            _layout_pattern(self.layout)  # a bad layout is refused now, not on every line

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
