"""``npkit date festivals|next|holidays|is-holiday``: the patro's festivals and public holidays.

Click wiring only: the days come from npkit.patro (imported only by these commands), the user's
own days from the config file's ``[[holidays]]`` (npkit.days).
"""

from __future__ import annotations

import sys

import click

from npkit import dates
from npkit.cli.options import output_options, reading_options
from npkit.days import use_config_holidays
from npkit.errors import ExitCode, UsageError
from npkit.output import OutputSpec, render

TYPE_CHECKING = False
if TYPE_CHECKING:
    from npkit.dates import Reading


def _bs_year(year: str | None) -> int:
    if year is None:
        return dates.ad_to_bs(dates.today_ad()).year
    number = dates.parse_number(year, "BS year")
    dates.days_in_month(number, 1)  # in the supported range, or a usage error
    return number


def _check_scope(scope: str | None) -> str | None:
    """A scope from patro.SCOPES or one the user's own days use; else a usage error."""
    if scope is None:
        return None
    from npkit import patro
    from npkit.patro import notices

    known = list(patro.SCOPES) + sorted(notices.user_scopes() - set(patro.SCOPES))
    if scope not in known:
        raise UsageError(f"unknown scope {scope!r}; scopes: {', '.join(known)}")
    return scope


SCOPE_OPTION = click.option(
    "--scope",
    metavar="SCOPE",
    default=None,
    help="Who gets the day off: everyone, women, civil_servants, kathmandu_valley, newar, … "
    "(the patro documentation lists them; your config's own scopes work too).",
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
@click.argument("year", required=False)
@CATEGORY_OPTION
@output_options
def festivals(year: str | None, category: str | None, output: OutputSpec) -> None:
    """The observances of a BS year (default: this one), by day: by default the festivals,
    jatras and community festivals; --category chooses (all: every one the patro prints).

    source is "computed" (from the rules) or the notice or announcement that fixed the day for
    that year. Observances are computed for every supported year, with or without a holiday
    notice.

    \b
    Examples:
      npkit date festivals                     this BS year
      npkit date festivals 2083 --json
      npkit date festivals 2083 --category ekadashi,sankranti
    """
    from npkit import patro

    bs_year = _bs_year(year)
    render(patro.observances(bs_year, category), output, patro.FestivalDay)


@click.command("next")
@click.argument("name", metavar="FESTIVAL|DAY|holiday")
@click.option(
    "--after",
    metavar="DATE",
    default=None,
    help="Look after this day (default: today in Nepal).",
)
@reading_options
@output_options
def next_(name: str, after: str | None, reading: Reading, output: OutputSpec) -> None:
    """The next day of an observance and the days until it.

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
    """
    from npkit import patro

    use_config_holidays()
    start = reading.to_ad(after) if after else dates.today_ad()
    render(patro.upcoming_all(name, after=start), output, patro.Upcoming)


@click.command()
@click.argument("year", required=False)
@SCOPE_OPTION
@output_options
def holidays(year: str | None, scope: str | None, output: OutputSpec) -> None:
    """The public holidays of a BS year (default: this one), one record per day.

    From the Ministry of Home Affairs notice of that year (source names the row's origin), with
    your own days from the config file ([[holidays]] tables: see the patro documentation). A
    year with no notice yet has no confirmed holidays: a warning says so, and the festivals
    that were holidays for everyone in the last year with a notice are listed with their
    computed days instead.

    \b
    Examples:
      npkit date holidays                      this BS year, every scope
      npkit date holidays 2083 --scope women -f csv
    """
    from npkit import patro

    bs_year = _bs_year(year)
    use_config_holidays()
    chosen = _check_scope(scope)
    render(patro.holidays_or_likely(bs_year, chosen), output, patro.Holiday)


@click.command("is-holiday")
@click.argument("day", required=False, metavar="[DATE]")
@SCOPE_OPTION
@click.option(
    "--no-saturday",
    is_flag=True,
    help="Saturday (the weekly holiday) does not count; only public holidays do.",
)
@reading_options
@click.option("-s", "--silent", is_flag=True, help="Print nothing: only the exit status.")
@output_options
def is_holiday(
    day: str | None,
    scope: str | None,
    no_saturday: bool,
    reading: Reading,
    silent: bool,
    output: OutputSpec,
) -> None:
    """Is DATE (default: today in Nepal) a day off? Exit 0 yes, 5 no (2: bad input).

    For cron: 'npkit date is-holiday -s || run-the-report'. Holidays for everyone count for
    every --scope (default everyone); Saturday counts unless --no-saturday. Prints one line
    (or, with --json, a record) unless -s.

    \b
    Examples:
      npkit date is-holiday                    today, for everyone
      npkit date is-holiday 2026-10-20 --scope women --no-saturday
      npkit date is-holiday -s || run-the-report
    """
    from npkit import patro

    when = reading.to_ad(day) if day else dates.today_ad()
    use_config_holidays()
    chosen = _check_scope(scope) or "everyone"
    record = patro.holiday_check(when, scope=chosen, saturday=not no_saturday)
    if not silent:
        if output.for_people and not output.fields:
            who = "" if chosen == "everyone" else f" for {chosen}"
            said = f"yes: {record.reason}" if record.holiday else "no: a working day"
            click.echo(f"{record.ad} ({record.bs} BS, {record.weekday}): {said}{who}")
        else:
            render([record], output, patro.HolidayCheck)
    if not record.holiday:
        sys.stdout.flush()
        sys.exit(int(ExitCode.NO))
