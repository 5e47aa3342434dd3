"""``npkit date festivals|next|holidays|is-holiday``: the patro's festivals and public holidays.

Click wiring only: the days come from npkit.patro (imported only by these commands), the user's
own days from the config file's ``[[holidays]]`` (npkit.days).
"""

from __future__ import annotations

import sys
from datetime import date as Date

import click

from npkit import dates
from npkit.cli.options import nepali_option, output_options, reading_options
from npkit.days import use_config_holidays
from npkit.errors import ExitCode, UsageError
from npkit.output import OutputSpec, render

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import Any, TypeVar

    from npkit.dates import Reading
    from npkit.days.entries import Entry
    from npkit.patro import HolidayCheck

    F = TypeVar("F", bound=Callable[..., Any])


def _bs_year(year: str | None) -> int:
    if year is None:
        return dates.ad_to_bs(dates.today_ad()).year
    number = dates.parse_number(year, "BS year")
    dates.days_in_month(number, 1)  # in the supported range, or a usage error
    return number


def bs_years(given: tuple[str, ...], first: str | None, last: str | None) -> list[int]:
    """The BS years a command covers: YEAR arguments (a list), or ``--from YEAR`` to ``--to
    YEAR`` (``--from`` alone: up to this year; ``--to`` alone: from this year), else this
    year. Each in the supported range, or a usage error."""
    if given and (first or last):
        raise UsageError("give YEAR arguments or --from/--to, not both")
    if given:
        return list(dict.fromkeys(_bs_year(year) for year in given))
    if first is None and last is None:
        return [_bs_year(None)]
    now = _bs_year(None)
    start = _bs_year(first) if first is not None else now
    end = _bs_year(last) if last is not None else max(start, now)
    if end < start:
        raise UsageError(f"--to {end} is before --from {start}")
    return list(range(start, end + 1))


def years_options(func: F) -> F:
    """``--from YEAR`` and ``--to YEAR``: several BS years (``bs_years``)."""
    func = click.option(
        "--to",
        "to_year",
        metavar="YEAR",
        default=None,
        help="The last BS year (with --from: every year between; alone: from this year).",
    )(func)
    return click.option(
        "--from",
        "from_year",
        metavar="YEAR",
        default=None,
        help="The first BS year (alone: up to this year).",
    )(func)


def language_of(nepali: bool) -> str:
    """The language of calendar entries: Nepali with ``--nepali``."""
    return "ne" if nepali else "en"


def write_calendar(
    command: str, entries: Iterable[Entry], output: OutputSpec, language: str = "en"
) -> None:
    """Calendar entries as the calendar document asked for (``-f ics``)."""
    from npkit.days import entries as calendar_entries
    from npkit.output import render_calendar

    render_calendar(entries, output, calendar_entries.calendar_name(command, language))


def check_scopes(given: tuple[str, ...]) -> tuple[str, ...]:
    """The scopes asked (``--scope``, repeatable; patro.SCOPES or the user's own words, else a
    usage error with a did-you-mean); none given: the config file's ``scope``, else ()."""
    from npkit.days import default_scopes
    from npkit.patro import notices

    return notices.check_scopes(given) if given else default_scopes()


SCOPE_OPTION = click.option(
    "--scope",
    "scopes",
    metavar="SCOPE",
    multiple=True,
    help="Who gets the day off: everyone, women, civil_servants, kathmandu_valley, newar, … "
    "Repeat for several (a Newar woman in the Valley: --scope newar --scope women --scope "
    "kathmandu_valley); default: the config file's scope, else everyone. Your config's own "
    "scopes work too.",
)


CONFIRMED_OPTION = click.option(
    "--confirmed",
    is_flag=True,
    help="Only confirmed holidays count: in a year without a notice, likely holidays do not.",
)


CATEGORY_OPTION = click.option(
    "--category",
    metavar="CATEGORIES",
    default=None,
    help="Which observances: ','-separated categories (festival, jatra, community, "
    "national_day, jayanti, brata, ekadashi, purnima, aunsi, sankranti, shraddha, span, "
    "international_day; main: the main festivals and national days), or all. Default: main, "
    "festival, jatra and community.",
)


@click.command()
@click.argument("years", nargs=-1, metavar="[YEAR]...")
@years_options
@CATEGORY_OPTION
@output_options(calendar=True)
@nepali_option
def festivals(
    years: tuple[str, ...],
    from_year: str | None,
    to_year: str | None,
    category: str | None,
    output: OutputSpec,
    nepali: bool,
) -> None:
    """The observances of a BS year (default: this one; several: YEAR… or --from/--to), by
    day: by default the festivals, jatras and community festivals; --category chooses (all:
    every one the patro prints). -f ics: a calendar file (a span is one event).

    source is "computed" (from the rules) or the notice or announcement that fixed the day for
    that year. Observances are computed for every supported year, with or without a holiday
    notice.

    \b
    Examples:
      npkit date festivals                     this BS year
      npkit date festivals 2083 --json
      npkit date festivals 2083 --category ekadashi,sankranti
      npkit date festivals --from 2083 --to 2085 -f ics > nepal.ics
      npkit date festivals --nepali            names, dates and headers in Nepali
    """
    from npkit import patro

    chosen = bs_years(years, from_year, to_year)
    if output.calendar:
        from npkit.days import entries

        language = language_of(nepali)
        found = entries.in_years(
            chosen, lambda first, last: entries.observances(first, last, category, language)
        )
        write_calendar("festivals", found, output, language)
        return
    records = (record for year in chosen for record in patro.observances(year, category))
    render(list(records), output._replace(nepali=nepali), patro.FestivalDay)


@click.command("next")
@click.argument("name", metavar="FESTIVAL|DAY|holiday")
@click.option(
    "--after",
    metavar="DATE",
    default=None,
    help="Look after this day (default: today in Nepal).",
)
@click.option(
    "--to",
    "to_year",
    metavar="YEAR",
    default=None,
    help="Every day of it up to the end of this BS year, not only the next.",
)
@reading_options
@output_options(calendar=True)
@nepali_option
def next_(
    name: str,
    after: str | None,
    to_year: str | None,
    reading: Reading,
    output: OutputSpec,
    nepali: bool,
) -> None:
    """The next day of an observance and the days until it (--to YEAR: every day of it until
    that BS year ends; -f ics: as calendar events).

    FESTIVAL is an id (vijaya_dashami), a name or a common name in either script (dashain,
    दशैं, tihar, ekadashi names, …: 'npkit date festivals --category all' lists them); a word
    several share (lhosar) gives each one's next day, nearest first. DAY is a BS day and month
    ('11 Mangsir': birthdays) or a lunar date as patros write it ('Kartik krishna
    chaturdashi', 'कार्तिक कृष्ण चतुर्दशी': a yearly shraddha). 'holiday' is the next public
    holiday for everyone (Saturdays aside).

    \b
    Examples:
      npkit date next dashain
      npkit date next holiday --fields name,ad,days
      npkit date next tihar --after 2026-12-01 --json
      npkit date next '11 Mangsir'
      npkit date next dashain --to 2090 -f ics
      npkit date next दशैं --nepali
    """
    from npkit import patro

    use_config_holidays()
    start = reading.to_ad(after) if after else dates.today_ad()
    if to_year is None:
        found = patro.upcoming_all(name, after=start)
    else:
        found = patro.upcoming_until(name, entries_end(to_year), after=start)
    if output.calendar:
        from npkit.days import entries

        write_calendar(
            "next", entries.upcoming(found, language_of(nepali)), output, language_of(nepali)
        )
        return
    render(found, output._replace(nepali=nepali), patro.Upcoming)


def entries_end(year: str) -> Date:
    """The last AD day of a BS year (``--to YEAR``)."""
    number = _bs_year(year)
    return dates.bs_to_ad((number, 12, dates.days_in_month(number, 12)))


@click.command()
@click.argument("years", nargs=-1, metavar="[YEAR]...")
@years_options
@SCOPE_OPTION
@output_options(calendar=True)
@nepali_option
def holidays(
    years: tuple[str, ...],
    from_year: str | None,
    to_year: str | None,
    scopes: tuple[str, ...],
    output: OutputSpec,
    nepali: bool,
) -> None:
    """The public holidays of a BS year (default: this one; several: YEAR… or --from/--to),
    one record per day; -f ics: a calendar file, one event per holiday (a range as one).

    From the Ministry of Home Affairs notice of that year (status confirmed; source names the
    row's origin, JSON's provenance in full), with your own days from the config file
    ([[holidays]] tables: see the patro documentation). A year with no notice (yet) has
    likely holidays: a warning says so, and the festivals that were holidays for everyone in
    the last year with a notice are listed on their computed days, status likely.

    \b
    Examples:
      npkit date holidays                      this BS year, every scope
      npkit date holidays 2083 --scope women -f csv
      npkit date holidays --from 2083 --to 2085 -f ics > holidays.ics
      npkit date holidays --nepali
    """
    from npkit import patro

    chosen_years = bs_years(years, from_year, to_year)
    use_config_holidays()
    from npkit.patro import notices

    chosen = notices.check_scopes(scopes) or None  # none given: every scope (a list, not a check)
    if output.calendar:
        from npkit import console
        from npkit.days import entries

        for year in chosen_years:
            if not patro.holidays_known(year):
                console.warn(patro.likely_note(year))
        language = language_of(nepali)
        found = entries.in_years(
            chosen_years, lambda first, last: entries.holidays(first, last, chosen, language)
        )
        write_calendar("holidays", found, output, language)
        return
    records = [r for year in chosen_years for r in patro.holidays_or_likely(year, chosen)]
    render(records, output._replace(nepali=nepali), patro.Holiday)


@click.command("is-holiday")
@click.argument("days", nargs=-1, metavar="[DATE]...")
@SCOPE_OPTION
@click.option(
    "--no-saturday",
    is_flag=True,
    help="Saturday (the weekly holiday) does not count; only public holidays do.",
)
@CONFIRMED_OPTION
@reading_options
@click.option("-s", "--silent", is_flag=True, help="Print nothing: only the exit status.")
@output_options
@nepali_option
def is_holiday(
    days: tuple[str, ...],
    scopes: tuple[str, ...],
    no_saturday: bool,
    confirmed: bool,
    reading: Reading,
    silent: bool,
    output: OutputSpec,
    nepali: bool,
) -> None:
    """Is DATE (default: today in Nepal) a day off? Exit 0 yes, 5 no (2: bad input).

    For cron: 'npkit date is-holiday -s || run-the-report'. Holidays for everyone count for
    every --scope (default everyone); Saturday counts unless --no-saturday. In a year without
    a holiday notice, its likely holidays count (one warning line says the notice is not out)
    unless --confirmed. Several dates (tomorrow too): one line each, exit 0 only if every one
    is a day off. Prints one line per date (or, with --json, records) unless -s.

    \b
    Examples:
      npkit date is-holiday                    today, for everyone
      npkit date is-holiday tomorrow
      npkit date is-holiday 2026-10-20 --scope women --no-saturday
      npkit date is-holiday -s || run-the-report
      npkit date is-holiday --nepali           the answer in Nepali
    """
    from npkit import console, patro

    whens = [reading.to_ad(day) for day in days] or [dates.today_ad()]
    use_config_holidays()
    chosen = check_scopes(scopes) or ("everyone",)
    scope: str | tuple[str, ...] = chosen[0] if len(chosen) == 1 else chosen
    records = [
        patro.holiday_check(when, scope=scope, saturday=not no_saturday, confirmed=confirmed)
        for when in whens
    ]
    for year in dict.fromkeys(r.bs.year for r in records if r.status == "likely"):
        console.warn(patro.likely_note(year))
    if not silent:
        if nepali and output.for_people:  # the reason's Nepali name (tables and sentences)
            records = [r._replace(reason=patro.reason_ne(r)) for r in records]
        if output.for_people and not output.fields:
            for record in records:
                line = _answer_ne(record) if nepali else _answer(record)
                click.echo("\n".join(_at_words(line)))
        else:
            render(records, output._replace(nepali=nepali), patro.HolidayCheck)
    if not all(record.holiday for record in records):
        sys.stdout.flush()
        sys.exit(int(ExitCode.NO))


def _answer(record: HolidayCheck) -> str:
    """``2026-10-20 (2083-07-03 BS, Tuesday): yes: Dashain holidays``."""
    who = "" if record.scope == "everyone" else f" for {record.scope}"
    likely = " (likely)" if record.status == "likely" else ""
    said = f"yes: {record.reason}{likely}" if record.holiday else "no: a working day"
    return f"{record.ad} ({record.bs} BS, {record.weekday}): {said}{who}"


def _answer_ne(record: HolidayCheck) -> str:
    """The answer in Nepali: ``२०८३-०७-०३ (२०२६-१०-२०, मंगलबार): बिदा: दशैं बिदा``
    (the BS date first, as a Nepali reader dates a day; reason already in Nepali)."""
    from npkit.output import nepali as ne

    who = "" if record.scope == "everyone" else f" ({ne.scope(record.scope)})"
    likely = f" ({ne.LIKELY})" if record.status == "likely" else ""
    said = f"बिदा: {record.reason}{likely}" if record.holiday else "बिदा\u00a0होइन: कामको दिन"
    weekday = ne.cell("weekday", record.weekday)
    return f"{ne.cell('bs', record.bs)} ({ne.cell('ad', record.ad)}, {weekday}): {said}{who}"


def _at_words(line: str) -> list[str]:
    """A sentence wrapped at words on a terminal narrower than it; one line in a pipe. Words
    joined by a no-break space stay on one line (बिदा होइन)."""
    from npkit.output.render import terminal_width
    from npkit.output.width import wrap_words

    width = terminal_width(sys.stdout)
    lines = [line] if width is None else wrap_words(line, width, indent="  ")
    return [text.replace("\u00a0", " ") for text in lines]  # a no-break space kept words together
