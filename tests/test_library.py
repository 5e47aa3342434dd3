"""The library on its own: BSDate, errors a caller can catch, the public API, logging."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest

from npkit import dates
from npkit.dates import BSDate
from npkit.errors import NpkitError, UsageError

# ---------------------------------------------------------------- BSDate


def test_bsdate_refuses_a_day_the_month_does_not_have() -> None:
    with pytest.raises(ValueError, match="Jestha 2081 has 32 days"):
        BSDate(2081, 2, 33)
    with pytest.raises(UsageError, match="month 13 does not exist"):
        BSDate(2081, 13, 1)
    with pytest.raises(UsageError, match="does not exist"):
        BSDate(2081, 1, 0)


@pytest.mark.parametrize("year", [dates.FIRST_BS_YEAR - 1, dates.last_bs_year() + 1])
def test_bsdate_refuses_years_outside_the_table(year: int) -> None:
    with pytest.raises(UsageError, match="outside the supported range"):
        BSDate(year, 1, 1)


def test_bsdate_accepts_every_day_of_a_month_and_its_last() -> None:
    length = dates.days_in_month(2081, 2)
    assert [BSDate(2081, 2, d).day for d in range(1, length + 1)] == list(range(1, length + 1))
    with pytest.raises(UsageError):
        BSDate(2081, 2, 1)._replace(day=length + 1)
    assert BSDate(2081, 2, 1)._replace(day=length) == (2081, 2, length)


def test_bsdate_converts_both_ways() -> None:
    assert BSDate.from_ad(date(2024, 11, 26)) == BSDate(2081, 8, 11)
    assert BSDate(2081, 8, 11).to_ad() == date(2024, 11, 26)
    for ordinal in range(date(2024, 1, 1).toordinal(), date(2025, 1, 1).toordinal()):
        day = date.fromordinal(ordinal)
        bs = BSDate.from_ad(day)
        assert bs.to_ad() == day and bs.weekday() == day.weekday()


def test_bsdate_today_is_nepal_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NPKIT_TODAY", "2024-11-26")
    assert BSDate.today() == BSDate(2081, 8, 11)


def test_bsdate_fromisoformat() -> None:
    assert BSDate.fromisoformat("2081-08-11") == BSDate(2081, 8, 11)
    assert BSDate.fromisoformat(BSDate(2081, 3, 31).isoformat()) == BSDate(2081, 3, 31)
    for bad in ("2081-08", "2081/08/11", "२०८१-०८-११", "2081-08-1x", "2081-02-33"):
        with pytest.raises(ValueError):
            BSDate.fromisoformat(bad)


def test_bsdate_day_arithmetic_matches_ad_arithmetic() -> None:
    start = BSDate(2081, 12, 25)
    for n in (-400, -1, 0, 1, 5, 40, 400):
        moved = start + timedelta(days=n)
        assert moved.to_ad() == start.to_ad() + timedelta(days=n)
        assert timedelta(days=n) + start == moved
        assert moved - timedelta(days=n) == start
        assert moved - start == timedelta(days=n)
    assert BSDate(2081, 12, 31) + timedelta(days=1) == BSDate(2082, 1, 1)
    with pytest.raises(UsageError, match="outside the supported range"):
        dates.last_day()[1] + timedelta(days=1)
    with pytest.raises(TypeError):
        BSDate(2081, 1, 1) + (1, 2)  # noqa: RUF005 - not tuple concatenation


def test_bsdate_still_compares_and_prints_like_before() -> None:
    assert BSDate(2081, 8, 11) < BSDate(2081, 9, 1) < BSDate(2082, 1, 1)
    assert str(BSDate(2081, 8, 1)) == "2081-08-01" == BSDate(2081, 8, 1).isoformat()
    assert BSDate._make((2081, 8, 11)) == BSDate(2081, 8, 11)  # the unchecked bulk constructor


# ---------------------------------------------------------------- errors


def test_usage_error_is_a_value_error() -> None:
    assert issubclass(UsageError, ValueError) and issubclass(UsageError, NpkitError)
    with pytest.raises(ValueError):
        dates.bs_to_ad((2081, 2, 33))
    with pytest.raises(ValueError):
        dates.parse_to_ad("not a date at all")


# ---------------------------------------------------------------- logging, never stderr

_OVERFULL_FEED = (
    "from npkit.news import feeds\n"
    "items = ''.join(f'<item><title>T {i}</title><link>https://e.org/{i}</link></item>'"
    " for i in range(feeds.MAX_ITEMS + 1))\n"
    "body = f'<rss><channel>{items}</channel></rss>'.encode()\n"
    "print(len(feeds.parse(body, 'https://e.org/feed')))\n"
)


def test_a_library_warning_writes_nothing_to_stderr_by_itself() -> None:
    """In a fresh interpreter with logging left unconfigured (a plain library user), the
    warning about an over-long feed is a log record only: stderr stays empty."""
    import subprocess
    import sys

    run = subprocess.run(
        [sys.executable, "-c", _OVERFULL_FEED], capture_output=True, text=True, check=True
    )
    assert run.stdout.strip() == "5000" and run.stderr == ""
    configured = "import logging; logging.basicConfig(format='%(name)s %(levelname)s')\n"
    run = subprocess.run(
        [sys.executable, "-c", configured + _OVERFULL_FEED],
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stderr == "npkit.news.feeds WARNING\n"  # there when the application asks


@pytest.fixture
def library_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """Take away the console route an earlier CLI test in this process may have installed."""
    import logging

    from npkit import logs

    logger = logs.logger("npkit")  # set up first: a route waiting for the first message lands
    kept = [h for h in logger.handlers if isinstance(h, logging.NullHandler)]
    monkeypatch.setattr(logger, "handlers", kept)


@pytest.mark.usefixtures("library_alone")
def test_a_library_note_is_an_info_record(
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from npkit.dates import parse

    monkeypatch.setattr(parse, "_noted", set())
    with caplog.at_level("INFO", logger="npkit"):
        assert dates.parse_to_ad("2081-08-11") == date(2024, 11, 26)
    (record,) = caplog.records
    assert (record.name, record.levelname) == ("npkit.dates.parse", "INFO")
    assert record.getMessage().startswith("date: read '2081-08-11' as BS")
    assert capsys.readouterr().err == ""


def test_the_cli_routes_library_messages_to_its_console(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import warnings

    from npkit import console, logs
    from npkit.errors import NpkitWarning

    monkeypatch.setattr(console, "verbosity", console.NORMAL)
    with warnings.catch_warnings():  # what pytest's own capture put there comes back after
        console.route_library_logging()
        console.route_library_logging()  # twice is once: one line per message
        logs.warn("npkit.example", "the sky is falling")
        logs.note("npkit.example", "a note for terminals")  # stderr is no terminal here
        logs.note("npkit.example", "no results", tell=True)
        warnings.simplefilter("always")
        warnings.warn("act on this", NpkitWarning, stacklevel=1)
    assert capsys.readouterr().err == (
        "npkit: warning: the sky is falling\nnpkit: no results\nnpkit: warning: act on this\n"
    )
    monkeypatch.setattr(console, "verbosity", console.VERBOSE)
    logs.note("npkit.example", "a note for terminals")
    monkeypatch.setattr(console, "verbosity", console.QUIET)
    logs.warn("npkit.example", "silenced by -q")
    assert capsys.readouterr().err == "npkit: a note for terminals\n"


# ---------------------------------------------------------------- the public API

PUBLIC = ["npkit", "npkit.dates", "npkit.patro", "npkit.fx", "npkit.gold", "npkit.news"]
PUBLIC += ["npkit.output", "npkit.errors"]
PUBLIC += ["npkit.num", "npkit.land"]


def _documented_constants() -> set[str]:
    """Names assigned at module level with a docstring right after (PEP 257 attribute docs)."""
    import ast
    from pathlib import Path

    import npkit

    found: set[str] = set()
    for path in Path(npkit.__file__).parent.rglob("*.py"):
        body = ast.parse(path.read_text("utf-8")).body
        for node, following in pairwise(body):
            documented = isinstance(following, ast.Expr) and isinstance(
                getattr(following, "value", None), ast.Constant
            )
            if documented and isinstance(node, ast.Assign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                found |= {t.id for t in targets if isinstance(t, ast.Name)}
    return found


@pytest.mark.parametrize("module_name", PUBLIC)
def test_every_public_name_exists_and_is_documented(module_name: str) -> None:
    import importlib
    import inspect

    module = importlib.import_module(module_name)
    names = module.__all__
    assert len(names) == len(set(names)) and all(
        not n.startswith("_") or n == "__version__" for n in names
    )
    constants = _documented_constants()
    undocumented = []
    for name in names:
        value = getattr(module, name)  # an AttributeError names a missing one
        if inspect.isclass(value):
            documented = bool(vars(value).get("__doc__"))
        elif inspect.ismodule(value) or callable(value):
            documented = bool(value.__doc__)
        else:
            documented = name in constants
        if not documented:
            undocumented.append(name)
    assert undocumented == []


@pytest.mark.parametrize("format_", ["csv", "tsv", "json", "ndjson", "table"])
def test_records_with_real_values_render_as_iso_text(format_: str) -> None:
    """A BSDate, a date and a +05:45 datetime are written as ISO text in every format (a BS
    date through the public npkit.output was `2081;1;1` in csv)."""
    import io
    from datetime import datetime

    from npkit import patro
    from npkit.output import output_spec, render

    festival = patro.festivals(2081)[0]
    assert isinstance(festival.bs, BSDate)
    stream = io.StringIO()
    render([festival], output_spec(format_, fields="ad,bs"), patro.FestivalDay, stream)
    text = stream.getvalue()
    assert festival.bs.isoformat() in text and festival.ad.isoformat() in text
    assert ";" not in text
    from npkit.output.values import json_value, text_value

    moment = datetime(2026, 8, 17, 10, 15, tzinfo=dates.NEPAL_TZ)
    assert text_value(moment) == "2026-08-17T10:15:00+05:45" == json_value(moment)[1:-1]
