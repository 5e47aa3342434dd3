"""Answer the commonest date calls without importing Click.

``npkit date convert DATE… [--from ad|bs] [--json | -f FORMAT] [--fields A,B]``, the same with
``-`` (stdin, in a line format) and ``npkit date today [--json | -f FORMAT] [--fields A,B]``
(every field of npkit.days) are read here with a strict, small
grammar and handed to the same core functions the Click commands call. Anything outside that
grammar (help, stdin, other options, a repeated or malformed option) returns False and the
Click app handles it, error messages included. tests/test_cli_fast.py checks that both paths
print the same bytes for the same arguments.
"""

from __future__ import annotations

import os

from npkit.output import FORMATS
from npkit.output.formats import format_named

_COMMANDS = ("convert", "today")


def _options(rest: list[str], allowed: set[str]) -> tuple[dict[str, str], list[str]] | None:
    """Split ``rest`` into {option: value} and positionals; None when anything is unusual."""
    options: dict[str, str] = {}
    positionals: list[str] = []
    tokens = iter(rest)
    for token in tokens:
        if token == "-" or not token.startswith("-"):
            positionals.append(token)
            continue
        if token == "--json":
            name, value = "--format", "json"
        else:
            name, equals, value = token.partition("=")
            name = "--format" if name == "-f" else name
            if name not in allowed or (equals and not value):
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
    """Run ``args`` if they are a simple date call; False means "not mine, use Click"."""
    if len(args) < 2 or args[0] != "date" or args[1] not in _COMMANDS:
        return False
    if any(key.endswith("_COMPLETE") for key in os.environ if key.startswith("_NPKIT")):
        return False
    allowed = {"--format", "--fields"} | ({"--from"} if args[1] == "convert" else set())
    parsed = _options(args[2:], allowed)
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
        day = dates.today_ad()
        spec.columns(days.FIELD_NAMES)  # a wrong field fails before any work, as in cli/date.py
        days.use_config_holidays()
        render([days.Day(day, scopes=days.default_scopes())], spec, days.CalendarDay)
        return True
    spec.columns(days.FIELD_NAMES)
    if reads_stdin:
        from npkit.sheets import bulk

        scopes = _user_days(asked)
        bulk.convert_stdin(spec, options.get("--from"), keep_going=False, scopes=scopes)
        return True
    found = [dates.parse_day(text, options.get("--from")) for text in positionals]
    scopes = _user_days(asked)
    render((days.Day(ad, bs, scopes=scopes) for ad, bs in found), spec, days.ConvertedDay)
    return True


def _user_days(asked: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The config file's own days off and ``scope``, loaded when a patro field is asked for."""
    from npkit import days

    if days.needs_patro(asked):
        days.use_config_holidays()
        return days.default_scopes()
    return ()
