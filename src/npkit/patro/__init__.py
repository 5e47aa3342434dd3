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

from npkit.dates import WEEKDAYS_EN, WEEKDAYS_NE, ad_to_bs, as_date, bs_to_ad, days_in_month
from npkit.errors import NotKnownError, UsageError
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
    Slot,
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
    "Slot",
    "Upcoming",
    "add_workdays",
    "day",
    "days",
    "festivals",
    "holiday_check",
    "holiday_id",
    "holidays",
    "holidays_known",
    "holidays_or_likely",
    "is_holiday",
    "known",
    "likely_holidays",
    "likely_note",
    "month",
    "next_occurrence",
    "observances",
    "reason_ne",
    "set_user_holidays",
    "upcoming",
    "upcoming_all",
    "upcoming_until",
    "workdays_between",
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


def holidays(bs_year: int, scope: str | Iterable[str] | None = None) -> list[Holiday]:
    """The public holidays of a BS year (ranges expanded to days), optionally of some scopes
    (see SCOPES), with the user's own days. In a year without a notice (``holidays_known``
    False) its likely holidays, ``status`` "likely": the festivals that were holidays for
    everyone in the latest notice, on their computed days."""
    return _notices.holiday_days(*_year_span(bs_year), scope)


def holidays_known(bs_year: int) -> bool:
    """Whether the holiday notice of a BS year is shipped (else its holidays are likely ones,
    and a CLI should say so)."""
    return bs_year in _notices.known_years()


def is_holiday(
    when: object,
    scope: str | Iterable[str] = "everyone",
    saturday: bool = True,
    confirmed: bool = False,
) -> bool:
    """Whether a day is a day off for ``scope`` (one or several; holidays for everyone count
    for every scope): Saturdays count unless ``saturday`` is False, likely holidays (a year
    without a notice) unless ``confirmed``."""
    return _notices.is_holiday(as_date(when), scope, saturday, confirmed)


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
    for everyone ("holiday": likely ones in a year without a notice, Saturdays aside).
    NotKnownError when npkit knows no such day (Eid beyond the announced days, the end of the
    supported range)."""
    from npkit.dates import today_ad

    start = (as_date(after, "after") if after is not None else today_ad()).toordinal() + 1
    last = _last_supported()
    if name.strip().casefold() in ("holiday", "holidays", "bida"):
        for first in range(start, last + 1, 366):
            found = _notices.holiday_days(first, min(first + 365, last), "everyone")
            if found:
                return found[0]
        raise NotKnownError("no holiday for everyone is known after that day")
    nearest = _rules.next_days(name, start, last)[0]
    day = date.fromordinal(nearest.ordinal)
    return FestivalDay(nearest.id, nearest.name, nearest.name_ne, day, ad_to_bs(day),
                       nearest.source)  # fmt: skip


def holiday_id(name: str) -> str:
    """The id of a holiday: its festival's (``vijaya_dashami``) when its name is one, else its
    name as an id ("Dashain holidays" → ``dashain_holidays``)."""
    try:
        return _rules.festival_id(name)
    except UsageError:
        words = "".join(ch if ch.isalnum() else " " for ch in name.casefold()).split()
        return "_".join(words)


def upcoming(name: str, after: object = None) -> Upcoming:
    """``next_occurrence`` as a record with the days until it, counted from ``after`` (default
    today in Nepal): what ``npkit date next`` prints. A holiday's record has its own id and
    ``status``."""
    return upcoming_all(name, after)[0]


def upcoming_all(name: str, after: object = None) -> list[Upcoming]:
    """``upcoming`` for every observance a name gives, nearest first: one, or several for a
    word they share ("lhosar": each Lhosar's next day). Also takes a BS day ("11 Mangsir")
    and a lunar date ("Kartik krishna chaturdashi", "कार्तिक कृष्ण चतुर्दशी")."""
    from npkit.dates import today_ad

    start = as_date(after, "after") if after is not None else today_ad()
    if name.strip().casefold() in ("holiday", "holidays", "bida"):
        found: list[FestivalDay | Holiday] = [next_occurrence(name, after=start)]
    else:
        found = []
        for next_day in _rules.next_days(name, start.toordinal() + 1, _last_supported()):
            day = date.fromordinal(next_day.ordinal)
            found.append(FestivalDay(next_day.id, next_day.name, next_day.name_ne, day,
                                     ad_to_bs(day), next_day.source))  # fmt: skip
    answers = []
    for record in found:
        weekday = WEEKDAYS_EN[record.ad.weekday()]
        days_until = (record.ad - start).days
        if isinstance(record, FestivalDay):
            answers.append(Upcoming(record.id, record.name, record.name_ne, record.ad, record.bs,
                                    weekday, days_until, record.source, None))  # fmt: skip
        else:
            answers.append(Upcoming(holiday_id(record.name), record.name, record.name_ne,
                                    record.ad, record.bs, weekday, days_until, record.source,
                                    record.status))  # fmt: skip
    return answers


def upcoming_until(name: str, until: object, after: object = None) -> list[Upcoming]:
    """Every day of what ``name`` names (as ``upcoming_all`` reads it) after ``after`` (default
    today in Nepal) up to ``until`` inclusive, by day, ``days`` counted from ``after``: ``npkit
    date next NAME --to YEAR``. NotKnownError when there is none at all."""
    from npkit.dates import today_ad

    start = as_date(after, "after") if after is not None else today_ad()
    end = as_date(until, "until")
    found: dict[tuple[str, date], Upcoming] = {}
    cursor = start
    while cursor < end:
        try:
            batch = upcoming_all(name, after=cursor)
        except NotKnownError:
            if found:
                break
            raise
        for record in batch:
            if record.ad <= end:
                found.setdefault(
                    (record.id, record.ad), record._replace(days=(record.ad - start).days)
                )
        cursor = min(record.ad for record in batch)
    if not found:
        raise NotKnownError(f"no {name} is known from {start} to {end}")
    return sorted(found.values(), key=lambda record: record.ad)


def holiday_check(
    when: object,
    scope: str | Iterable[str] = "everyone",
    saturday: bool = True,
    confirmed: bool = False,
) -> HolidayCheck:
    """``is_holiday`` with its reason: the first holiday of the day for ``scope`` (holidays for
    everyone count for every scope; a confirmed one before a likely one), else "Saturday";
    None on a working day. ``status`` says whether the answer rests on a likely holiday."""
    ad = as_date(when)
    found = _notices.day_off(ad, scope, saturday, confirmed)
    reason, status = found if found else (None, None)
    return HolidayCheck(ad, ad_to_bs(ad), WEEKDAYS_EN[ad.weekday()], _scope_text(scope),
                        found is not None, reason, status)  # fmt: skip


def reason_ne(check: HolidayCheck) -> str | None:
    """The Nepali name of a HolidayCheck's reason (``--nepali``): the day's holiday of that
    name, शनिबार for a Saturday; None on a working day."""
    if check.reason is None:
        return None
    if check.reason == "Saturday" and check.ad.weekday() == 5:
        return WEEKDAYS_NE[5]
    marks = _notices.on(check.ad.toordinal())
    return next((m.name_ne for m in marks if m.name == check.reason), check.reason)


def _scope_text(scope: str | Iterable[str]) -> str:
    """The scopes asked as one value: "everyone", "women", "newar+women"."""
    if isinstance(scope, str):
        return scope
    named = sorted(set(scope) - {"everyone"})
    return "+".join(named) or "everyone"


def likely_holidays(bs_year: int) -> list[Holiday]:
    """For a year without a holiday notice: its festivals that were holidays for everyone in
    the latest earlier year with one (else the first), on their computed days (status
    "likely"). Logs a warning saying so; [] for a year with a notice."""
    from npkit import logs

    if holidays_known(bs_year):
        return []
    logs.warn(__name__, likely_note(bs_year))
    return [h for h in holidays(bs_year) if h.status == _notices.LIKELY]


def likely_note(bs_year: int) -> str:
    """The one line a command prints when an answer rests on a year without a notice."""
    yet = " yet" if bs_year > max(_notices.known_years()) else ""
    basis = _notices.likely_basis(bs_year)
    return (
        f"no holiday notice for BS {bs_year}{yet}: its holidays are likely ones (the festivals"
        f" that were holidays in {basis}, on their computed days), not confirmed"
    )


def holidays_or_likely(bs_year: int, scope: str | Iterable[str] | None = None) -> list[Holiday]:
    """``holidays``, logging a warning for a year without a notice (its holidays are likely
    ones): what ``npkit date holidays`` lists."""
    if not holidays_known(bs_year):
        from npkit import logs

        logs.warn(__name__, likely_note(bs_year))
    return holidays(bs_year, scope)


def workdays_between(
    start: object,
    end: object,
    scope: str | Iterable[str] = "everyone",
    confirmed: bool = False,
) -> int:
    """The working days from ``start`` to ``end``, both included, as HR and accounts count
    them (Excel's NETWORKDAYS): days that are neither a Saturday nor a holiday of ``scope``
    (one or several; likely holidays count unless ``confirmed``). Negative when ``end`` is
    earlier."""
    first, last = as_date(start, "start"), as_date(end, "end")
    sign = 1
    if last < first:
        first, last, sign = last, first, -1
    count = 0
    for ordinal in range(first.toordinal(), last.toordinal() + 1):
        day = date.fromordinal(ordinal)
        if _notices.day_off(day, scope, True, confirmed) is None:
            count += 1
    return sign * count


def add_workdays(
    start: object,
    count: int,
    scope: str | Iterable[str] = "everyone",
    confirmed: bool = False,
) -> date:
    """The ``count``-th working day after ``start`` (before it when negative; ``start``
    itself for 0), as Excel's WORKDAY counts: Saturdays and the holidays of ``scope`` are
    skipped (likely ones too unless ``confirmed``). A UsageError past the supported range."""
    from npkit.dates import first_day, last_day

    ordinal = as_date(start, "start").toordinal()
    step = 1 if count >= 0 else -1
    lowest, highest = first_day()[0].toordinal(), last_day()[0].toordinal()
    left = abs(count)
    while left:
        ordinal += step
        if not lowest <= ordinal <= highest:
            raise UsageError(f"{count} working days from {start} is outside the supported range")
        if _notices.day_off(date.fromordinal(ordinal), scope, True, confirmed) is None:
            left -= 1
    return date.fromordinal(ordinal)


def _last_supported() -> int:
    from npkit.dates import last_day

    return last_day()[0].toordinal()


# ---------------------------------------------------------------- building days


def _build(first: int, last: int) -> list[Panchang]:
    """Panchang for every ordinal in [first, last]: one sunrise per day, shared with the day
    before (its longitudes too); the month's new moons and the year's festivals computed once.
    An end time is solved for only when the next sunrise shows a change (a few secant steps)."""
    from npkit.patro import panchang as pc

    events: dict[int, list[Event]] = {}
    for ordinal, _rule, _source, event in _rules.observance_days(first, last):
        events.setdefault(ordinal, []).append(event)
    npt = engine.npt_minute
    sun = engine.sun
    rise = sun(first)[0]
    sun_l, moon_l = astro.longitudes(rise)
    lunation = astro.lunation_of(rise)
    next_new = astro.new_moon(lunation + 1)
    span = pc.NAKSHATRA_SPAN
    found = []
    for ordinal in range(first, last + 1):
        set_ = sun(ordinal)[1]
        next_rise = sun(ordinal + 1)[0]
        next_sun, next_moon = astro.longitudes(next_rise)
        elongation = (moon_l - sun_l) % 360.0
        tithi = int(elongation // 12.0) + 1
        end = None
        if int(((next_moon - next_sun) % 360.0) // 12.0) + 1 != tithi:
            end = npt(astro.when_elongation(12.0 * tithi, rise))
        while rise >= next_new:
            lunation += 1
            next_new = astro.new_moon(lunation + 1)
        month_index, adhik = engine.month_name_of_day(lunation, tithi)
        names = engine.tithi_names(tithi)
        marks = _notices.on(ordinal)
        ad = date.fromordinal(ordinal)
        # nakshatra, yoga and the Moon's sign at sunrise, each with its change before next sunrise
        nakshatra = int(moon_l // span)
        nakshatra_end = None
        if int(next_moon // span) != nakshatra:
            target = (nakshatra + 1) * span
            nakshatra_end = npt(astro.when_reaches(astro.moon_longitude, astro.MOON_RATE, target,
                                                   rise))  # fmt: skip
        yoga_l = (sun_l + moon_l) % 360.0
        yoga = int(yoga_l // span)
        yoga_end = None
        if int(((next_sun + next_moon) % 360.0) // span) != yoga:
            yoga_end = npt(astro.when_reaches(astro.yoga_longitude, astro.YOGA_RATE,
                                              (yoga + 1) * span, rise))  # fmt: skip
        karana = pc.karana(int(elongation // 6.0))
        moon_sign = int(moon_l // 30.0)
        moon_change = None
        if int(next_moon // 30.0) != moon_sign:
            moon_change = npt(astro.when_reaches(astro.moon_longitude, astro.MOON_RATE,
                                                 (moon_sign + 1) * 30.0, rise))  # fmt: skip
        sun_sign = ad_to_bs(ad).month - 1
        ayana = pc.ayana(sun_sign)
        ns_month = pc.ns_month(*engine.lunar_month(lunation))
        line = pc.tithi_line(month_index, adhik, tithi, names)
        weekday = ad.weekday()
        rahu, yamaganda, gulika = (
            Slot(*map(npt, pc.part(rise, set_, parts[weekday])))
            for parts in (pc.RAHU_PART, pc.YAMAGANDA_PART, pc.GULIKA_PART)
        )
        abhijit = Slot(*map(npt, pc.part(rise, set_, *pc.ABHIJIT)))
        found.append(
            Panchang(
                tithi, *names, end, engine.LUNAR_MONTHS_EN[month_index],
                engine.LUNAR_MONTHS_NE[month_index], adhik,
                engine.ns_year(ordinal, ad.year), npt(rise), npt(set_),
                tuple(events.get(ordinal, ())), marks[0] if marks else None, marks,
                nakshatra + 1, pc.NAKSHATRA_EN[nakshatra], pc.NAKSHATRA_NE[nakshatra],
                nakshatra_end, yoga + 1, pc.YOGA_EN[yoga], pc.YOGA_NE[yoga], yoga_end,
                pc.KARANA_EN[karana], pc.KARANA_NE[karana],
                moon_sign + 1, pc.SIGN_EN[moon_sign], pc.SIGN_NE[moon_sign], moon_change,
                sun_sign + 1, pc.SIGN_EN[sun_sign], pc.SIGN_NE[sun_sign],
                ayana, pc.AYANA[ayana], *ns_month, tithi, *line, rahu, yamaganda, gulika, abhijit,
            )
        )  # fmt: skip
        rise, sun_l, moon_l = next_rise, next_sun, next_moon
    return found
