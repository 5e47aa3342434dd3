"""``npkit date festivals|next|holidays|is-holiday``: the patro's festivals and public holidays.

Click wiring only: the days come from npkit.patro (imported only by these commands), the user's
own days from the config file's ``[[holidays]]`` (npkit.days).
"""

from __future__ import annotations

import sys
from collections import namedtuple

import click

from npkit import console, dates
from npkit.cli.options import output_options
from npkit.days import use_config_holidays
from npkit.errors import ExitCode, UsageError
from npkit.output import OutputSpec, render

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date as Date
    from typing import Any


class Upcoming(namedtuple("Upcoming", "id name name_ne ad bs weekday days source")):
    """The next day of a festival (or of any holiday): ``days`` from today (or --after)."""

    __slots__ = ()
    id: str
    name: str
    name_ne: str
    ad: Date
    bs: str
    weekday: str
    days: int
    source: str


class HolidayCheck(namedtuple("HolidayCheck", "ad bs weekday scope holiday reason")):
    """The answer of ``is-holiday``: ``holiday`` true or false, ``reason`` the holiday's name,
    "Saturday", or null."""

    __slots__ = ()
    ad: Date
    bs: str
    weekday: str
    scope: str
    holiday: bool
    reason: str | None


def _bs_year(year: str | None) -> int:
    if year is None:
        return dates.ad_to_bs(dates.today_ad()).year
    number = dates.parse_number(year, "BS year")
    dates.days_in_month(number, 1)  # in the supported range, or a usage error
    return number


def _with_bs_text(records: Iterable[Any]) -> list[Any]:
    """Records whose ``bs`` (a BSDate) is written ``2081-08-11`` in every format."""
    return [record._replace(bs=record.bs.isoformat()) for record in records]


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


@click.command()
@click.argument("year", required=False)
@output_options
def festivals(year: str | None, output: OutputSpec) -> None:
    """The festivals of a BS year (default: this one), by day.

    source is "computed" (from the festival rules) or the notice or announcement that fixed
    the day for that year. Festivals are computed for every supported year, with or without a
    holiday notice.

    \b
    Examples:
      npkit date festivals                     this BS year
      npkit date festivals 2083 --json
    """
    from npkit import patro

    bs_year = _bs_year(year)
    render(_with_bs_text(patro.festivals(bs_year)), output, patro.FestivalDay)


@click.command("next")
@click.argument("name", metavar="FESTIVAL|holiday")
@click.option(
    "--after",
    metavar="DATE",
    default=None,
    help="Look after this day (default: today in Nepal).",
)
@output_options
def next_(name: str, after: str | None, output: OutputSpec) -> None:
    """The next day of a festival and the days until it.

    FESTIVAL is an id (vijaya_dashami), a name or a common name (dashain, tihar, holi,
    teej, …: 'npkit date festivals' lists them); 'holiday' is the next public holiday for
    everyone (Saturdays aside).

    \b
    Examples:
      npkit date next dashain
      npkit date next holiday --fields name,ad,days
      npkit date next tihar --after 2026-12-01 --json
    """
    from npkit import patro

    use_config_holidays()
    start = dates.parse_to_ad(after) if after else dates.today_ad()
    found = patro.next_occurrence(name, after=start)
    if isinstance(found, patro.Holiday):
        record = Upcoming(
            "holiday", found.name, found.name_ne, found.ad, found.bs.isoformat(), found.weekday,
            (found.ad - start).days, found.source,
        )  # fmt: skip
    else:
        record = Upcoming(
            found.id, found.name, found.name_ne, found.ad, found.bs.isoformat(),
            dates.WEEKDAYS_EN[found.ad.weekday()], (found.ad - start).days, found.source,
        )  # fmt: skip
    render([record], output, Upcoming)


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
    found = patro.holidays(bs_year, scope=chosen)
    if not patro.holidays_known(bs_year):
        found = sorted(found + _likely_holidays(bs_year), key=lambda h: (h.ad, h.name))
    render(_with_bs_text(found), output, patro.Holiday)


def _likely_holidays(bs_year: int) -> list[Any]:
    """For a year without a notice: its festivals that were holidays for everyone in the
    latest year with one, as Holiday records whose source says they are not confirmed."""
    from npkit import patro
    from npkit.patro import notices

    shipped = sorted(notices.known_years())
    earlier = [year for year in shipped if year < bs_year]
    basis = earlier[-1] if earlier else shipped[0]
    were = {
        event.id
        for day in patro.year(basis)
        if any(h.scope == "everyone" and h.source != "config" for h in day.holidays)
        for event in day.events
    }
    yet = " yet" if bs_year > shipped[-1] else ""
    console.warn(
        f"no holiday notice for BS {bs_year}{yet}: no confirmed holidays; listing the festivals"
        f" that were holidays in {basis}, on their computed days"
    )
    source = f"computed; not confirmed (no notice for {bs_year})"
    return [
        patro.Holiday(f.ad, f.bs, dates.WEEKDAYS_EN[f.ad.weekday()], f.name, f.name_ne,
                      "everyone", source)
        for f in patro.festivals(bs_year)
        if f.id in were
    ]  # fmt: skip


@click.command("is-holiday")
@click.argument("day", required=False, metavar="[DATE]")
@SCOPE_OPTION
@click.option(
    "--no-saturday",
    is_flag=True,
    help="Saturday (the weekly holiday) does not count; only public holidays do.",
)
@click.option(
    "--from",
    "from_",
    type=click.Choice(["ad", "bs"], case_sensitive=False),
    default=None,
    help="Calendar of a numeric DATE (default: ad).",
)
@click.option("-s", "--silent", is_flag=True, help="Print nothing: only the exit status.")
@output_options
def is_holiday(
    day: str | None,
    scope: str | None,
    no_saturday: bool,
    from_: str | None,
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

    when = dates.parse_to_ad(day, from_.lower() if from_ else None) if day else dates.today_ad()
    use_config_holidays()
    chosen = _check_scope(scope) or "everyone"
    answer = patro.is_holiday(when, scope=chosen, saturday=not no_saturday)
    reason = None
    if answer:
        marks = [h for h in patro.day(when).holidays if h.scope in ("everyone", chosen)]
        reason = marks[0].name if marks else "Saturday"
    weekday = dates.WEEKDAYS_EN[when.weekday()]
    record = HolidayCheck(when, dates.ad_to_bs(when).isoformat(), weekday, chosen, answer, reason)
    if not silent:
        if output.format == "table" and not output.fields:
            who = "" if chosen == "everyone" else f" for {chosen}"
            said = f"yes: {reason}" if answer else "no: a working day"
            click.echo(f"{record.ad} ({record.bs} BS, {weekday}): {said}{who}")
        else:
            render([record], output, HolidayCheck)
    if not answer:
        sys.stdout.flush()
        sys.exit(int(ExitCode.NO))
