"""Answer the commonest calls without importing Click.

``npkit date convert DATE… [--from ad|bs] [--json | -f FORMAT] [--fields A,B]``, the same with
``-`` (stdin, in a line format), ``npkit date today [--json | -f FORMAT] [--fields A,B]
[--nepali | --english]`` (every field of npkit.days; a language flag under any of its names,
else the config file's ``[date] nepali``), a whole year in a data format, ``npkit date cal
YEAR [--json | -f FORMAT] [--fields A,B] [--nepali | --english]``, a warm ``npkit fx [rates]
[CODE]… [--json | -f FORMAT] [--fields A,B]`` and a warm ``npkit gold [prices] [--json | -f
FORMAT] [--fields A,B]`` are read here with one strict, small grammar and handed to the same
core functions the Click commands call. Anything outside that grammar (help, other options, a
repeated or malformed option, a cold cache) returns False and the Click app handles it, error
messages included. tests/test_cli_fast*.py check that both paths print the same bytes for the
same arguments.
"""

from __future__ import annotations

import os

from npkit.output import FORMATS
from npkit.output.formats import format_named

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

_COMMANDS = ("convert", "today")
_LANGUAGE = {"--nepali": True, "--ne": True, "--english": False, "--no-nepali": False}
"""``date today``'s language flags (cli.options.nepali_option) and what each says."""


def _is_currency_code(token: str) -> bool:
    return len(token) == 3 and token.isascii() and token.isalpha()


def _is_date_argument(token: str) -> bool:
    return token == "-" or not token.startswith("-")


def _options(
    rest: list[str],
    allowed: set[str],
    positional: Callable[[str], bool] = _is_date_argument,
    flags: Mapping[str, bool] | None = None,
) -> tuple[dict[str, str], list[str]] | None:
    """Split ``rest`` into {option: value} and positionals (tokens ``positional`` accepts);
    None when anything is unusual. ``--json`` is ``--format json`` unless ``allowed`` names it
    (then it is kept apart, for ``output_spec`` to judge with ``--format``); ``-f=X`` is refused
    as Click refuses it (its value would be ``=X``). A flag of ``flags`` (no value) is kept as
    ``{"flag": "1" or ""}``: at most one of them, else None (Click decides which wins)."""
    options: dict[str, str] = {}
    positionals: list[str] = []
    tokens = iter(rest)
    for token in tokens:
        if positional(token):
            positionals.append(token)
            continue
        if flags and token in flags:
            if "flag" in options:
                return None
            options["flag"] = "1" if flags[token] else ""
            continue
        if token == "--json":
            name, value = ("--json", "") if "--json" in allowed else ("--format", "json")
        else:
            typed, equals, value = token.partition("=")
            name = "--format" if typed == "-f" else typed
            if name not in allowed or (equals and (typed == "-f" or not value)):
                return None
            if not equals:
                value = next(tokens, "")
                if not value or value.startswith("-"):
                    return None
        if name in options:
            return None  # repeated or contradicting: let Click say so
        options[name] = value
    return options, positionals


def run(args: list[str]) -> bool:
    """Run ``args`` if they are a simple date or warm fx call; False means "not mine, use
    Click"."""
    if any(key.endswith("_COMPLETE") for key in os.environ if key.startswith("_NPKIT")):
        return False
    if args[:1] == ["fx"]:
        return run_fx(args)
    if args[:1] == ["gold"]:
        return run_gold(args)
    if args[:2] == ["date", "cal"]:
        return run_cal(args)
    if len(args) < 2 or args[0] != "date" or args[1] not in _COMMANDS:
        return False
    allowed = {"--format", "--fields"} | ({"--from"} if args[1] == "convert" else set())
    parsed = _options(args[2:], allowed, flags=_LANGUAGE if args[1] == "today" else None)
    if parsed is None:
        return False
    options, positionals = parsed
    if options.get("--format", "table") not in FORMATS or options.get("--from", "ad") not in (
        "ad",
        "bs",
    ):
        return False
    if (args[1] == "convert") != bool(positionals):
        return False  # convert without dates reads stdin; today takes none
    reads_stdin = "-" in positionals
    if reads_stdin and (
        positionals != ["-"] or format_named(options.get("--format", FORMATS[0])).for_people
    ):
        return False  # mixed, or a table of stdin: Click's path handles (and explains) those

    from npkit import dates, days
    from npkit.output import output_spec, render

    spec = output_spec(options.get("--format"), fields=options.get("--fields"))
    asked = spec.fields or ()
    if args[1] == "today":
        flag = options.get("flag")  # the config file's only without a flag, as in cli/options.py
        nepali = bool(flag) if flag is not None else days.prefers_nepali()
        day = dates.today_ad()
        dates.warn_unverified(dates.ad_to_bs(day).year)  # as cli/date.py says it
        spec.columns(days.FIELD_NAMES)  # a wrong field fails before any work, as in cli/date.py
        days.use_config_holidays()
        spec = spec._replace(nepali=nepali)
        render([days.Day(day, scopes=days.default_scopes())], spec, days.CalendarDay)
        return True
    spec.columns(days.FIELD_NAMES)
    if reads_stdin:
        from npkit.sheets import bulk

        scopes = _user_days(asked)
        bulk.convert_stdin(spec, options.get("--from"), keep_going=False, scopes=scopes)
        return True
    found = [dates.parse_day(text, options.get("--from")) for text in positionals]
    for _, bs in found:
        dates.warn_unverified(bs.year)  # as cli/date.py says it
    scopes = _user_days(asked)
    render((days.Day(ad, bs, scopes=scopes) for ad, bs in found), spec, days.ConvertedDay)
    return True


def run_cal(args: list[str]) -> bool:
    """``npkit date cal YEAR [--json | -f FORMAT] [--fields A,B] [--nepali | --english]`` in
    a data format (json, ndjson, csv, tsv, raw): a whole BS year's days, with the same core
    calls, checks and warnings, in the same order, as ``npkit.cli.date.cal``. A table (the
    grid), ics, a month, --from/--to, --scope, --category or anything else: False (Click)."""
    if args[:2] != ["date", "cal"]:
        return False
    parsed = _options(args[2:], {"--format", "--fields"}, flags=_LANGUAGE)
    if parsed is None:
        return False
    options, positionals = parsed
    name = options.get("--format")
    if name not in FORMATS or format_named(name).for_people or len(positionals) != 1:
        return False  # a grid, an unknown name (Click's choice explains it), a month, no year
    if positionals == ["-"]:
        return False  # not a year: Click's path says so

    from npkit import dates, days
    from npkit.output import output_spec, render

    if options.get("flag") is None:
        days.prefers_nepali()  # read (and a bad setting reported) as cli/options.py does
    spec = output_spec(name, fields=options.get("--fields"))
    today = dates.today_ad()  # a bad NPKIT_TODAY fails first, as in cli/date.py
    dates.ad_to_bs(today)
    year = dates.parse_number(positionals[0], "BS year")
    dates.days_in_month(year, 1)  # a year out of range fails before anything is printed
    dates.warn_unverified(year)
    spec.columns(days.FIELD_NAMES)
    days.use_config_holidays()
    scopes = days.default_scopes()
    import gc

    collecting = gc.isenabled()
    gc.disable()  # a year is ~100,000 new objects, none in a cycle: passes over them cost ~5 %
    try:
        render(days.year(year, scopes=scopes), spec, days.CalendarDay)
    finally:
        if collecting:
            gc.enable()
    return True


def _user_days(asked: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The config file's own days off and ``scope``, loaded when a patro field is asked for."""
    from npkit import days

    if days.needs_patro(asked):
        days.use_config_holidays()
        return days.default_scopes()
    return ()


def run_fx(args: list[str]) -> bool:
    """``npkit fx [rates] [CODE]... [--json | -f FORMAT] [--fields A,B]``, answered only when
    the latest rates are fresh in npkit's cache and already parsed
    (``npkit.fx.query.latest_is_warm``): then with the same core calls as
    ``npkit.cli.fx.rates``, without Click, the HTTP stack or NRB's parser."""
    if args[:1] != ["fx"]:
        return False
    rest = args[2:] if args[1:2] == ["rates"] else args[1:]
    parsed = _options(rest, {"--format", "--fields", "--json"}, _is_currency_code)
    if parsed is None or parsed[0].get("--format", FORMATS[0]) not in FORMATS:
        return False  # an unknown format name: Click's choice explains it
    options, codes = parsed

    from npkit.config import FetchOptions
    from npkit.errors import NpkitError
    from npkit.fx.query import latest_is_warm

    fetch = FetchOptions()
    try:
        if not latest_is_warm(fetch):
            return False
    except NpkitError:
        return False  # (a bad NPKIT_TODAY): Click's path reports it, in its own order

    from npkit import fx
    from npkit.output import output_spec, render

    spec = output_spec(options.get("--format"), "--json" in options, options.get("--fields"))
    spec.check(fx.Rate)  # a bad --fields fails before any work, as in cli/fx.py
    records = fx.rates(codes, options=fetch)
    if not records:
        return False  # (never for the latest day) Click's path warns about it
    render(records, spec, fx.Rate)
    return True


def _no_positional(token: str) -> bool:
    return False


def run_gold(args: list[str]) -> bool:
    """``npkit gold [prices] [--json | -f FORMAT] [--fields A,B]``, answered only when today's
    FENEGOSIDA rates are fresh in npkit's cache (``fenegosida.latest_is_fresh``): then with the
    same core call and warnings as ``npkit.cli.gold.prices``, without Click or the HTTP
    stack."""
    if args[:1] != ["gold"]:
        return False
    rest = args[2:] if args[1:2] == ["prices"] else args[1:]
    parsed = _options(rest, {"--format", "--fields", "--json"}, _no_positional)
    if parsed is None or parsed[0].get("--format", FORMATS[0]) not in FORMATS:
        return False
    options = parsed[0]

    from npkit.config import FetchOptions
    from npkit.errors import NpkitError
    from npkit.gold import fenegosida

    fetch = FetchOptions()
    try:
        if not fenegosida.latest_is_fresh(fetch):
            return False
    except NpkitError:
        return False  # (a bad NPKIT_TODAY or setting): Click's path reports it, in its order

    from npkit import console, dates, gold
    from npkit.gold.notes import age_note
    from npkit.output import output_spec, render

    spec = output_spec(options.get("--format"), "--json" in options, options.get("--fields"))
    spec.check(gold.MetalPrice)  # a bad --fields fails before any work, as in cli/gold.py
    records = gold.prices(options=fetch)
    if not records:
        console.warn("no gold or silver rates were published for these dates")
    elif note := age_note(records[-1], dates.today_ad()):
        console.warn(note)  # as cli/gold.py warns
    render(records, spec, gold.MetalPrice)
    return True
