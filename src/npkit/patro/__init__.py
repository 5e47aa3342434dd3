"""The Nepali patro: tithi, lunar month, Nepal Sambat, sunrise, festivals and public holidays of
every day of BS 1975–2100. Pure and offline.

    >>> from datetime import date
    >>> from npkit import patro
    >>> patro.day(date(2023, 10, 24)).tithi_name          # Vijaya Dashami 2080
    'Dashami'

``day``/``days``/``month``/``year`` give the patro's own part of a day (a ``Panchang``: no
date fields); ``npkit.days`` joins it to the date (``days.day(d)``: every field of a day).
    >>> [f.id for f in patro.festivals(2080)][:2]
    ['nepali_new_year', 'eid_fitr']

How a day is computed, its measured accuracy and where the holidays come from: docs/patro.md.
"""

from __future__ import annotations

from datetime import date

from npkit.dates import WEEKDAYS_EN, ad_to_bs, as_date, bs_to_ad, days_in_month
from npkit.errors import UsageError
from npkit.patro import astro, engine
from npkit.patro import notices as _notices
from npkit.patro import rules as _rules
from npkit.patro.notices import SCOPES
from npkit.patro.records import (
    DayHoliday,
    Event,
    FestivalDay,
    FestivalInfo,
    Holiday,
    HolidayCheck,
    Panchang,
    Upcoming,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = [
    "SCOPES",
    "DayHoliday",
    "Event",
    "FestivalDay",
    "FestivalInfo",
    "Holiday",
    "HolidayCheck",
    "Panchang",
    "Upcoming",
    "day",
    "days",
    "festivals",
    "holiday_check",
    "holidays",
    "holidays_known",
    "holidays_or_likely",
    "is_holiday",
    "known",
    "likely_holidays",
    "month",
    "next_occurrence",
    "observances",
    "set_user_holidays",
    "upcoming",
    "upcoming_all",
    "year",
]


def day(when: object) -> Panchang:
    """The patro of one day (a ``date``, a ``datetime`` or text npkit.dates reads)."""
    ordinal = as_date(when).toordinal()
    return _build(ordinal, ordinal)[0]


def days(start: object, end: object) -> list[Panchang]:
    """The patro of every day from ``start`` to ``end`` inclusive."""
    first, last = as_date(start, "start").toordinal(), as_date(end, "end").toordinal()
    if first > last:
        raise UsageError(f"the range starts ({date.fromordinal(first)}) after it ends")
    return _build(first, last)


def month(bs_year: int, bs_month: int) -> list[Panchang]:
    """The patro of every day of a BS month."""
    first = bs_to_ad((bs_year, bs_month, 1)).toordinal()
    return _build(first, first + days_in_month(bs_year, bs_month) - 1)


def year(bs_year: int) -> list[Panchang]:
    """The patro of every day of a BS year."""
    return _build(*_year_span(bs_year))


def _year_span(bs_year: int) -> tuple[int, int]:
    """(first, last) ordinal of a BS year."""
    first = bs_to_ad((bs_year, 1, 1)).toordinal()
    return first, bs_to_ad((bs_year, 12, days_in_month(bs_year, 12))).toordinal()


def festivals(bs_year: int) -> list[FestivalDay]:
    """Every festival day of a BS year, by day: computed from the rules, or fixed for that year
    (``source`` names where)."""
    return _rules.festival_records(*_year_span(bs_year))


def holidays(bs_year: int, scope: str | None = None) -> list[Holiday]:
    """The public holidays of a BS year (ranges expanded to days), optionally of one ``scope``
    (see SCOPES), with the user's own days. Empty for a year whose notice is not shipped:
    check ``holidays_known``."""
    return _notices.holiday_days(*_year_span(bs_year), scope)


def holidays_known(bs_year: int) -> bool:
    """Whether the holiday notice of a BS year is shipped (else ``holidays`` has only the
    user's days, and a CLI should say so)."""
    return bs_year in _notices.known_years()


def is_holiday(when: object, scope: str = "everyone", saturday: bool = True) -> bool:
    """Whether a day is a day off for ``scope`` (holidays for everyone count for every scope;
    Saturdays count unless ``saturday`` is False)."""
    return _notices.is_holiday(as_date(when), scope, saturday)


def set_user_holidays(rows: Iterable[Mapping[str, object]]) -> None:
    """Add the user's own days (config ``[[holidays]]`` rows: ``date`` or ``start``/``end``,
    ``name``, optional ``name_ne``, ``scope``) to every later answer, with source "config"."""
    _notices.set_user_rows(rows)


def observances(bs_year: int, category: str | None = None) -> list[FestivalDay]:
    """Every observance of a BS year in the chosen categories, by day: ``category`` is
    ','-separated (festival, brata, ekadashi, jayanti, …; "main" the festivals ``festivals``
    gives), "all" for everything, None for the default (the main festivals with the festival,
    jatra and community categories). A span's first and last days are "… begins" / "… ends"."""
    return _rules.observance_records(*_year_span(bs_year), _rules.categories(category))


def known() -> list[FestivalInfo]:
    """The observances npkit knows: ids, names, rules and the aliases ``next_occurrence``
    takes."""
    found = []
    for rule in _rules.every_rule().values():
        words = _rules.rule_words(rule)
        found.append(FestivalInfo(rule.id, rule.name, rule.name_ne, words, rule.aliases))
    return found


def next_occurrence(name: str, after: object = None) -> FestivalDay | Holiday:
    """The next day (after ``after``, default today in Nepal) of an observance by id, name or
    alias ("dashain", "tihar", "holi"; the nearest for a shared word such as "lhosar"), of a
    BS day ("11 Mangsir"), of a lunar date ("Kartik krishna chaturdashi"), or of any holiday
    for everyone ("holiday")."""
    from npkit.dates import today_ad

    start = (as_date(after, "after") if after is not None else today_ad()).toordinal() + 1
    last = _last_supported()
    if name.strip().casefold() in ("holiday", "holidays", "bida"):
        for first in range(start, last + 1, 366):
            found = _notices.holiday_days(first, min(first + 365, last), "everyone")
            if found:
                return found[0]
        raise UsageError("no holiday for everyone is known after that day")
    nearest = _rules.next_days(name, start, last)[0]
    day = date.fromordinal(nearest.ordinal)
    return FestivalDay(nearest.id, nearest.name, nearest.name_ne, day, ad_to_bs(day),
                       nearest.source)  # fmt: skip


def upcoming(name: str, after: object = None) -> Upcoming:
    """``next_occurrence`` as a record with the days until it, counted from ``after`` (default
    today in Nepal): what ``npkit date next`` prints."""
    return upcoming_all(name, after)[0]


def upcoming_all(name: str, after: object = None) -> list[Upcoming]:
    """``upcoming`` for every observance a name gives, nearest first: one, or several for a
    word they share ("lhosar": each Lhosar's next day). Also takes a BS day ("11 Mangsir")
    and a lunar date ("Kartik krishna chaturdashi", "कार्तिक कृष्ण चतुर्दशी")."""
    from npkit.dates import today_ad

    start = as_date(after, "after") if after is not None else today_ad()
    if name.strip().casefold() in ("holiday", "holidays", "bida"):
        found = [next_occurrence(name, after=start)]
    else:
        found = []
        for next_day in _rules.next_days(name, start.toordinal() + 1, _last_supported()):
            day = date.fromordinal(next_day.ordinal)
            found.append(FestivalDay(next_day.id, next_day.name, next_day.name_ne, day,
                                     ad_to_bs(day), next_day.source))  # fmt: skip
    answers = []
    for record in found:
        id_ = record.id if isinstance(record, FestivalDay) else "holiday"
        weekday = WEEKDAYS_EN[record.ad.weekday()]
        answers.append(Upcoming(id_, record.name, record.name_ne, record.ad, record.bs, weekday,
                                (record.ad - start).days, record.source))  # fmt: skip
    return answers


def holiday_check(when: object, scope: str = "everyone", saturday: bool = True) -> HolidayCheck:
    """``is_holiday`` with its reason: the first holiday of the day for ``scope`` (holidays for
    everyone count for every scope), else "Saturday"; None on a working day."""
    ad = as_date(when)
    answer = is_holiday(ad, scope, saturday)
    reason = None
    if answer:
        marks = [h for h in _notices.on(ad.toordinal()) if h.scope in ("everyone", scope)]
        reason = marks[0].name if marks else "Saturday"
    return HolidayCheck(ad, ad_to_bs(ad), WEEKDAYS_EN[ad.weekday()], scope, answer, reason)


def likely_holidays(bs_year: int) -> list[Holiday]:
    """For a year without a holiday notice: its festivals that were holidays for everyone in
    the latest earlier year with one (else the first), on their computed days, as Holiday
    records whose source says they are not confirmed. Logs a warning saying so."""
    from npkit import logs

    shipped = sorted(_notices.known_years())
    earlier = [year for year in shipped if year < bs_year]
    basis = earlier[-1] if earlier else shipped[0]
    were = {
        rule.event.id
        for ordinal, rule, _source in _rules.festival_days(*_year_span(basis))
        if any(h.scope == "everyone" and h.source != "config" for h in _notices.on(ordinal))
    }
    yet = " yet" if bs_year > shipped[-1] else ""
    logs.warn(
        __name__,
        f"no holiday notice for BS {bs_year}{yet}: no confirmed holidays; listing the festivals"
        f" that were holidays in {basis}, on their computed days",
    )
    source = f"computed; not confirmed (no notice for {bs_year})"
    return [
        Holiday(f.ad, f.bs, WEEKDAYS_EN[f.ad.weekday()], f.name, f.name_ne, "everyone", source)
        for f in festivals(bs_year)
        if f.id in were
    ]


def holidays_or_likely(bs_year: int, scope: str | None = None) -> list[Holiday]:
    """``holidays``, and for a year without a notice the ``likely_holidays`` too, by day: what
    ``npkit date holidays`` lists."""
    found = holidays(bs_year, scope)
    if holidays_known(bs_year):
        return found
    return sorted(found + likely_holidays(bs_year), key=lambda h: (h.ad, h.name))


def _last_supported() -> int:
    from npkit.dates import last_day

    return last_day()[0].toordinal()


# ---------------------------------------------------------------- building days


def _build(first: int, last: int) -> list[Panchang]:
    """Panchang for every ordinal in [first, last]: one sunrise per day, shared with the day
    before; the month's new moons and the year's festivals computed once."""
    events: dict[int, list[Event]] = {}
    for ordinal, _rule, _source, event in _rules.observance_days(first, last):
        events.setdefault(ordinal, []).append(event)
    npt = engine.npt_minute
    sun = engine.sun
    rise = sun(first)[0]
    elongation = astro.elongation(rise)
    lunation = astro.lunation_of(rise)
    next_new = astro.new_moon(lunation + 1)
    found = []
    for ordinal in range(first, last + 1):
        set_ = sun(ordinal)[1]
        next_rise = sun(ordinal + 1)[0]
        next_elongation = astro.elongation(next_rise)
        tithi = int(elongation // 12.0) + 1
        end = None
        if int(next_elongation // 12.0) + 1 != tithi:
            end = npt(astro.when_elongation(12.0 * tithi, rise))
        while rise >= next_new:
            lunation += 1
            next_new = astro.new_moon(lunation + 1)
        month_index, adhik = engine.month_name_of_day(lunation, tithi)
        paksha, name, name_ne = engine.tithi_names(tithi)
        marks = _notices.on(ordinal)
        found.append(
            Panchang(
                tithi, paksha, name, name_ne, end, engine.LUNAR_MONTHS_EN[month_index],
                engine.LUNAR_MONTHS_NE[month_index], adhik,
                engine.ns_year(ordinal, date.fromordinal(ordinal).year), npt(rise), npt(set_),
                tuple(events.get(ordinal, ())), marks[0] if marks else None, marks,
            )
        )  # fmt: skip
        rise, elongation = next_rise, next_elongation
    return found
