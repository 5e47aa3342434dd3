"""Answer the commonest warm ``npkit fx`` calls without importing Click.

``npkit fx [rates] [CODE]... [--json | -f FORMAT] [--fields A,B]`` (CODEs of three letters) is
read here with a strict, small grammar, and answered only when the latest rates are fresh in
npkit's cache and already parsed (``npkit.fx.query.latest_is_warm``): then the same core calls
as ``npkit.cli.fx.rates`` (``output.check``, ``fx.rates``, ``render``) answer it without Click,
the HTTP stack or NRB's parser, in about the time of ``npkit date today``. Anything else (help,
another option, a comma list, a cold or stale cache) returns False before doing anything
visible, and the Click app answers, error messages included. tests/test_cli_fast_fx.py checks
that both paths print the same bytes for the same arguments.
"""

from __future__ import annotations

import os
import re

_CODE = re.compile(r"[A-Za-z]{3}", re.ASCII)
_VALUED = {"-f": "--format", "--format": "--format", "--fields": "--fields"}


def _options(rest: list[str]) -> tuple[dict[str, str], list[str]] | None:
    """Split ``rest`` into {option: value} and currency codes; None when anything is unusual."""
    options: dict[str, str] = {}
    codes: list[str] = []
    tokens = iter(rest)
    for token in tokens:
        if _CODE.fullmatch(token):
            codes.append(token)
            continue
        if token == "--json":
            name, value = token, ""
        else:
            typed, equals, value = token.partition("=")
            name = _VALUED.get(typed, "")
            if not name or (equals and (typed == "-f" or not value)):
                return None
            if not equals:
                value = next(tokens, "")
                if not value or value.startswith("-"):
                    return None
        if name in options:
            return None  # repeated or contradicting: let Click say so
        options[name] = value
    return options, codes


def run(args: list[str]) -> bool:
    """Run ``args`` if they are a simple warm ``fx`` call; False means "not mine, use Click"."""
    if args[:1] != ["fx"]:
        return False
    if any(key.endswith("_COMPLETE") for key in os.environ if key.startswith("_NPKIT")):
        return False
    parsed = _options(args[2:] if args[1:2] == ["rates"] else args[1:])
    if parsed is None:
        return False
    options, codes = parsed

    from npkit.output import FORMATS

    if options.get("--format", "table") not in FORMATS:
        return False  # another case or an unknown name: Click's choice handles (and explains)

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
