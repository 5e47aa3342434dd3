"""Public holidays: data, not computation (data/holidays.tsv, one row per notice line).

The Ministry of Home Affairs fixes each BS year's holidays in a notice; nothing computed can
stand in for it (a cabinet decision adds days, Dashain's range varies). So a year without rows
here has no confirmed holidays (``known_years``), and users add their own days through
``user_rows`` (their config file's ``[[holidays]]`` tables).
"""

from __future__ import annotations

from datetime import date
from functools import cache

from npkit.dates import WEEKDAYS_EN, BSDate, ad_to_bs, as_date, bs_to_ad, days_in_month
from npkit.errors import UsageError
from npkit.patro.records import DayHoliday, Holiday
from npkit.patro.rules import _bs, _data_rows, festival_days, festival_id
from npkit.tuples import record as namedtuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

SCOPES = {
    "everyone": "every office, school and employer",
    "women": "women (Teej, Women's Day; Jitiya: women who keep it)",
    "civil_servants": "civil servants (Civil Service Day)",
    "schools": "educational institutions (Saraswati Puja)",
    "disabled_staff": "staff with disabilities",
    "kathmandu_valley": "Kathmandu, Lalitpur and Bhaktapur districts",
    "bagmati": "Bagmati Province",
    "sudurpashchim": "Sudurpashchim Province (Gaura)",
    "hill_districts": "hill and mountain districts (Holi on Purnima)",
    "terai_districts": "Terai districts (Holi the day after)",
    "newar": "the Newar community",
    "kirat": "the Kirat community",
    "sikh": "the Sikh community",
    "christian": "the Christian community",
}
"""Who a holiday is for: every scope here holds shipped rows (tests check it), so none is
offered that could never answer yes. The notices give Eid to everyone, so there is no
"muslim" scope. A user's config rows may use any word; shipped rows use only these."""

SCOPES_NE = {
    "everyone": "सबैलाई",
    "women": "महिलालाई",
    "civil_servants": "निजामती कर्मचारीलाई",
    "schools": "शैक्षिक संस्थालाई",
    "disabled_staff": "अपाङ्गता भएका कर्मचारीलाई",
    "kathmandu_valley": "काठमाडौं उपत्यकामा",
    "bagmati": "बागमती प्रदेशमा",
    "sudurpashchim": "सुदूरपश्चिम प्रदेशमा",
    "hill_districts": "पहाडी जिल्लामा",
    "terai_districts": "तराईका जिल्लामा",
    "newar": "नेवार समुदायलाई",
    "kirat": "किरात समुदायलाई",
    "sikh": "सिख समुदायलाई",
    "christian": "क्रिश्चियन समुदायलाई",
}
"""Who a holiday is for, as a Nepali notice says it (``--nepali``); a user's own scope word has
none and is shown as written."""

CONFIG_SOURCE = "config"


class HolidayRow(namedtuple("HolidayRow", "bs_year start end name name_ne scope source note")):
    """One row of holidays.tsv (or of a user's config): a day or an inclusive BS range."""

    __slots__ = ()
    bs_year: int
    start: BSDate
    end: BSDate
    name: str
    name_ne: str
    scope: str
    source: str
    note: str


@cache
def _fields_by_year() -> dict[int, list[list[str]]]:
    """The fields of each shipped row by BS year, not yet parsed: one day parses one year."""
    table: dict[int, list[list[str]]] = {}
    for fields in _data_rows("holidays.tsv"):
        table.setdefault(int(fields[0]), []).append(fields)
    return table


@cache
def rows_of_year(bs_year: int) -> tuple[HolidayRow, ...]:
    """The shipped holiday rows of one BS year (its notice), in file order."""
    rows = []
    for year, start, end, name, name_ne, scope, source, note in _fields_by_year().get(bs_year, ()):
        first = _bs(start)
        rows.append(
            HolidayRow(int(year), first, _bs(end) if end else first, name, name_ne, scope,
                       source, note)
        )  # fmt: skip
    return tuple(rows)


def shipped_rows() -> tuple[HolidayRow, ...]:
    """Every shipped holiday row, by year."""
    return tuple(row for year in sorted(known_years()) for row in rows_of_year(year))


def known_years() -> frozenset[int]:
    """The BS years whose notice is transcribed here (2080–2083 today)."""
    return frozenset(_fields_by_year())


_USER_ROWS: list[HolidayRow] = []


def user_rows(rows: Iterable[Mapping[str, object]]) -> list[HolidayRow]:
    """Read a user's own days (the config file's ``[[holidays]]``: ``date`` or ``start``/``end``
    in any form npkit.dates reads, AD or ``bs:``; ``name``; optional ``name_ne`` and ``scope``,
    default "everyone") into rows with source "config". A bad row is a UsageError naming it."""
    found = []
    for number, row in enumerate(rows, 1):
        try:
            name = row["name"]
            first = as_date(row.get("date", row.get("start")), "date")
            last = as_date(row["end"], "end") if "end" in row else first
        except (KeyError, UsageError) as exc:
            raise UsageError(f"holiday {number} of the config file: {exc}") from None
        if not isinstance(name, str) or not name or last < first:
            raise UsageError(f"holiday {number} of the config file needs a name and end >= start")
        start, end = ad_to_bs(first), ad_to_bs(last)
        found.append(
            HolidayRow(start.year, start, end, name, str(row.get("name_ne", name)),
                       str(row.get("scope", "everyone")), CONFIG_SOURCE, "")
        )  # fmt: skip
    return found


def set_user_rows(rows: Iterable[Mapping[str, object]]) -> None:
    """Merge a user's own days (see ``user_rows``) into every later holiday answer; calling it
    again replaces them. The CLI calls this once with the config file's rows."""
    _USER_ROWS[:] = user_rows(rows)


def user_scopes() -> frozenset[str]:
    """The scopes the user's own days use (any word: "me", "my_office")."""
    return frozenset(row.scope for row in _USER_ROWS)


LIKELY = "likely"
CONFIRMED = "confirmed"


def short_source(source: str) -> str:
    """A row's source as tables show it: "MoHA notice 2083" (whatever the OCR notes),
    "nepdate-patro", "config"; the full text stays in ``provenance``."""
    if source.startswith("MoHA notice "):
        return source[: len("MoHA notice 2083")]
    if source.startswith("nepdate-patro"):
        return "nepdate-patro"
    return source.split(" (")[0]


def _mark(row: HolidayRow) -> DayHoliday:
    return DayHoliday(row.name, row.name_ne, row.scope, CONFIRMED, short_source(row.source),
                      row.source)  # fmt: skip


def _year_span(bs_year: int) -> tuple[int, int]:
    first = bs_to_ad((bs_year, 1, 1)).toordinal()
    return first, bs_to_ad((bs_year, 12, days_in_month(bs_year, 12))).toordinal()


def _shipped_on(ordinal: int, bs: BSDate) -> list[DayHoliday]:
    """The shipped rows holding a day (a range may start in the year before)."""
    return [_mark(row) for row in _rows_reaching(bs.year) if row.start <= bs <= row.end]


@cache
def _rows_reaching(bs_year: int) -> tuple[HolidayRow, ...]:
    """The shipped rows that can hold a day of a BS year, in the order ``_shipped_on`` reads
    them: the year's own, then the rows of the year before that end in it (kept once per
    year, not gathered for each day)."""
    first = BSDate(bs_year, 1, 1)
    return (*rows_of_year(bs_year), *(r for r in rows_of_year(bs_year - 1) if r.end >= first))


def likely_basis(bs_year: int) -> int:
    """The notice a year without one is guessed from: the latest earlier year with a notice,
    else (years before the first notice) the first."""
    return _notice_years_by_closeness(bs_year)[0]


def _notice_years_by_closeness(bs_year: int) -> list[int]:
    """The years with a notice, latest earlier one first, then the later ones, earliest first."""
    shipped = sorted(known_years())
    return [y for y in reversed(shipped) if y < bs_year] + [y for y in shipped if y > bs_year]


@cache
def _festivals_in_notice(bs_year: int) -> dict[str, bool]:
    """{festival id: whether its day is a holiday for everyone} for the festivals that have a
    day in a year with a notice (shipped rows only: the user's days never change the guess)."""
    first, last = _year_span(bs_year)
    found: dict[str, bool] = {}
    for ordinal, rule, _source in festival_days(first, last):
        marks = _shipped_on(ordinal, ad_to_bs(date.fromordinal(ordinal)))
        ids = {_festival_of(m.name) for m in marks if m.scope == "everyone"}
        # A row counts for the festival it names, or for any festival in a row naming none
        # ("Dashain holidays"): Gai Jatra is not everyone's because Janai Purnima was.
        found[rule.id] = found.get(rule.id, False) or bool(ids & {rule.id, None})
    return found


def _festival_of(name: str) -> str | None:
    """The festival a holiday row names, or None ("Dashain holidays", "Labour Day")."""
    try:
        return festival_id(name)
    except UsageError:
        return None


@cache
def holiday_festivals(bs_year: int) -> frozenset[str]:
    """The festivals likely to be holidays for everyone in a year without a notice: each as
    the latest notice that has its day decided (``likely_basis`` first; a festival with no day
    in that year, such as Ram Navami, which 2083 skips between 2082-12-13 and 2084-01-02, is
    decided by the notice before)."""
    decided: dict[str, bool] = {}
    for year in _notice_years_by_closeness(bs_year):
        for id_, holiday in _festivals_in_notice(year).items():
            decided.setdefault(id_, holiday)
    return frozenset(id_ for id_, holiday in decided.items() if holiday)


@cache
def _likely_days(bs_year: int) -> dict[int, tuple[DayHoliday, ...]]:
    """The likely holidays of a year without a notice, by ordinal: the festivals that were
    holidays for everyone in the ``likely_basis`` year, on their days this year (the rules,
    each festival's first year included: no Constitution Day before 2072)."""
    basis = likely_basis(bs_year)
    were = holiday_festivals(bs_year)
    provenance = (
        f"computed from the festival rules; not confirmed (no MoHA notice for {bs_year};"
        f" the festivals that were holidays for everyone in {basis}, or in the notice before"
        " for a festival that year did not have)"
    )
    found: dict[int, tuple[DayHoliday, ...]] = {}
    for ordinal, rule, _source in festival_days(*_year_span(bs_year)):
        if rule.id in were:
            mark = DayHoliday(rule.name, rule.name_ne, "everyone", LIKELY, LIKELY, provenance)
            found[ordinal] = (*found.get(ordinal, ()), mark)
    return found


def offered_scopes() -> list[str]:
    """The scopes a caller may ask for: SCOPES, then the words the user's own days use."""
    return list(SCOPES) + sorted(user_scopes() - set(SCOPES))


def check_scopes(given: Iterable[str]) -> tuple[str, ...]:
    """``given`` (duplicates dropped) if every one is an offered scope; else a UsageError
    with a did-you-mean and the list."""
    known = offered_scopes()
    for scope in given:
        if scope not in known:
            import difflib

            close = difflib.get_close_matches(scope, known, n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise UsageError(f"unknown scope {scope!r}{hint} (scopes: {', '.join(known)})")
    return tuple(dict.fromkeys(given))


def on(ordinal: int) -> tuple[DayHoliday, ...]:
    """The holidays of a day, broadest first ("everyone" before a community or region:
    PatroDay.holiday is the first): the shipped rows and the user's, and in a year without a
    notice its likely holidays (status "likely"). A direct check of the year's ~40 rows:
    cheaper for one day than building a table, and still ~1 ms for a whole year."""
    bs = ad_to_bs(date.fromordinal(ordinal))
    marks = _shipped_on(ordinal, bs)
    marks += [_mark(row) for row in _USER_ROWS if row.start <= bs <= row.end]
    if bs.year not in _fields_by_year():  # (known_years, without a new set for each day)
        marks += _likely_days(bs.year).get(ordinal, ())
    marks.sort(key=lambda mark: mark.scope != "everyone")
    return tuple(marks)


def scope_set(scope: str | Iterable[str] | None) -> frozenset[str]:
    """The scopes asked (one name or several: a Newar woman in the Valley is ``("newar",
    "women", "kathmandu_valley")``), "everyone" always among them: holidays for everyone are
    every scope's."""
    if scope is None:
        return frozenset({"everyone"})
    names = {scope} if isinstance(scope, str) else set(scope)
    return frozenset(names | {"everyone"})


def day_off(
    day: date,
    scope: str | Iterable[str] | None = None,
    saturday: bool = True,
    confirmed: bool = False,
) -> tuple[str, str] | None:
    """(reason, status) when ``day`` is a day off for the scopes asked, else None: its first
    holiday for them (a confirmed one before a likely one; ``confirmed``: likely ones do not
    count), else "Saturday" (Nepal's weekly day off) unless ``saturday`` is False."""
    wanted = scope_set(scope)
    marks = [m for m in on(day.toordinal()) if m.scope in wanted]
    marks = [m for m in marks if not (confirmed and m.status == LIKELY)]
    marks.sort(key=lambda mark: mark.status == LIKELY)
    if marks and marks[0].status == CONFIRMED:
        return marks[0].name, CONFIRMED
    if saturday and day.weekday() == 5:
        return "Saturday", CONFIRMED
    return (marks[0].name, LIKELY) if marks else None


def holiday_days(first: int, last: int, scope: str | Iterable[str] | None = None) -> list[Holiday]:
    """Every holiday day in [first, last] (ranges expanded), optionally of some scopes only
    (exactly those named: "everyone" only when named)."""
    wanted = None if scope is None else ({scope} if isinstance(scope, str) else set(scope))
    found = []
    for ordinal in range(first, last + 1):
        for mark in on(ordinal):
            if wanted is None or mark.scope in wanted:
                day = date.fromordinal(ordinal)
                found.append(
                    Holiday(day, ad_to_bs(day), WEEKDAYS_EN[day.weekday()], mark.name,
                            mark.name_ne, mark.scope, mark.status, mark.source, mark.provenance)
                )  # fmt: skip
    return found


def is_holiday(
    day: date,
    scope: str | Iterable[str] = "everyone",
    saturday: bool = True,
    confirmed: bool = False,
) -> bool:
    """Whether ``day`` is a day off for ``scope`` ("everyone" holidays count for every scope);
    Saturday, Nepal's weekly holiday, counts unless ``saturday`` is False; likely holidays
    (a year without a notice) count unless ``confirmed``."""
    return day_off(day, scope, saturday, confirmed) is not None
