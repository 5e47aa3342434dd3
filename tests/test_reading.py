"""One way to read a date argument: ``npkit.dates.Reading`` in the library, and the same
``--from``/``--dayfirst``/``--monthfirst``/``--input-format`` on every command that takes a
date (fetching commands run against the local servers of tests/support/world.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import FrozenInstanceError
from datetime import date
from typing import Any

import pytest

from npkit.dates import Reading, ad_to_bs, bs_to_ad, to_devanagari_digits
from npkit.errors import UsageError
from tests.support.world import World

# ---------------------------------------------------------------- the library


def test_the_same_text_read_three_ways() -> None:
    assert Reading(dayfirst=True).to_ad("05/11/2024") == date(2024, 11, 5)
    assert Reading(monthfirst=True).to_ad("05/11/2024") == date(2024, 5, 11)
    assert Reading(layout="%m.%d.%Y").to_ad("05.11.2024") == date(2024, 5, 11)
    with pytest.raises(UsageError, match="ambiguous"):
        Reading().to_ad("05/11/2024")


def test_dayfirst_with_monthfirst_is_refused_when_made() -> None:
    with pytest.raises(UsageError) as refused:
        Reading(dayfirst=True, monthfirst=True)
    assert str(refused.value) == "--dayfirst contradicts --monthfirst: give one"


@pytest.mark.parametrize(
    "made",
    [
        lambda: Reading(assume="julian"),
        lambda: Reading(layout="%Y-%Q"),
        lambda: Reading(layout="%d/%m"),
    ],
    ids=["calendar", "directive", "no-year"],
)
def test_a_bad_reading_is_refused_when_made(made: Callable[[], Reading]) -> None:
    with pytest.raises(UsageError):
        made()


@pytest.mark.parametrize("text", ["not a date", "2024-02-30", "ad:2081-08-11", "", "32/13/2024"])
def test_a_bad_date_is_a_usage_error_naming_it(text: str) -> None:
    with pytest.raises(UsageError) as refused:
        Reading().day(text)
    assert "date" in str(refused.value) or repr(text) in str(refused.value)


def test_devanagari_digits_mean_bs_unless_the_calendar_is_given() -> None:
    assert Reading().to_ad("२०८३-०४-२७") == date(2026, 8, 12)
    assert Reading(assume="ad").to_ad("२०२६-०८-१२") == date(2026, 8, 12)


def test_from_bs_reads_numbers_as_bs() -> None:
    assert Reading().to_ad("2040-05-10") == date(2040, 5, 10)
    assert Reading(assume="BS").to_ad("2040-05-10") == bs_to_ad((2040, 5, 10))
    assert Reading(assume="BS").assume == "bs"
    assert Reading(assume="bs").day("2040-05-10")[1] == ad_to_bs(bs_to_ad((2040, 5, 10)))


def test_parse_is_not_range_checked_but_day_is() -> None:
    """Published-data commands read a day of any year and refuse the future themselves."""
    assert Reading().parse("ad:2050-01-01").to_ad() == date(2050, 1, 1)
    with pytest.raises(UsageError, match="outside the supported range"):
        Reading().to_ad("ad:2050-01-01")


def test_a_reading_is_a_frozen_value() -> None:
    reading = Reading(dayfirst=True)
    with pytest.raises(FrozenInstanceError):
        reading.dayfirst = False  # type: ignore[misc]
    assert reading == Reading(dayfirst=True) and reading.order == "dmy"
    assert hash(reading) == hash(Reading(dayfirst=True))


def test_the_sheets_engines_read_with_the_same_reading() -> None:
    from npkit.sheets import bulk, csv_dates, ledger

    assert bulk.Reading is csv_dates.Reading is ledger.Reading is Reading


# ---------------------------------------------------------------- every command alike

DAY = date(2026, 8, 12)  # NRB and the gold sources have it in the world (today: 2026-08-17)
LATER, END = date(2026, 8, 14), date(2026, 12, 1)
CSV = "date,amount\n{},100\n"
Write = Callable[[date], str]
Case = Callable[[Write], tuple[list[str], str | None]]
COMMANDS: dict[str, Case] = {
    "date convert": lambda w: (["date", "convert", w(DAY)], None),
    "date convert -": lambda w: (["date", "convert", "-f", "csv", "-"], w(DAY) + "\n"),
    "date convert --column": lambda w: (
        ["date", "convert", "--column", "date", "--add", "bs,weekday"],
        CSV.format(w(DAY)),
    ),
    "date fy": lambda w: (["date", "fy", w(DAY)], None),
    "date diff": lambda w: (["date", "diff", w(DAY), w(END)], None),
    "date add": lambda w: (["date", "add", w(DAY), "1", "month"], None),
    "date next --after": lambda w: (["date", "next", "dashain", "--after", w(DAY)], None),
    "date is-holiday": lambda w: (["date", "is-holiday", w(DAY)], None),
    "fx --date": lambda w: (["fx", "USD", "--date", w(DAY)], None),
    "fx rates --from": lambda w: (["fx", "rates", "USD", "--from", w(DAY), "--to", w(LATER)], None),
    "fx convert --date": lambda w: (["fx", "convert", "100", "USD", "--date", w(DAY)], None),
    "fx convert --date-column": lambda w: (
        ["fx", "convert", "--column", "amount", "--currency", "USD", "--date-column", "date"],
        CSV.format(w(DAY)),
    ),
    "gold --date": lambda w: (["gold", "--date", w(DAY)], None),
    "gold --from": lambda w: (["gold", "--from", w(DAY), "--to", w(LATER)], None),
    "gold value --date": lambda w: (["gold", "value", "1", "tola", "--date", w(DAY)], None),
}
CALENDAR_COMMANDS = [name for name in COMMANDS if name.startswith("date ")]
STREAMS = {"date convert -", "date convert --column", "fx convert --date-column"}
"""They write a header (or the rows before) ahead of a bad date."""


def iso(day: date) -> str:
    return day.isoformat()


def bs_iso(day: date) -> str:
    return ad_to_bs(day).isoformat()


def devanagari_iso(day: date) -> str:
    return to_devanagari_digits(day.isoformat())


WRITTEN: dict[str, tuple[Write, list[str]]] = {  # a way to write dates → the options saying so
    "dayfirst": (lambda d: f"{d:%d/%m/%Y}", ["--dayfirst"]),
    "monthfirst": (lambda d: f"{d:%m/%d/%Y}", ["--monthfirst"]),
    "input-format": (lambda d: f"{d:%d.%m.%Y}", ["--input-format", "%d.%m.%Y"]),
}


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    with World(tmp_path_factory.mktemp("world")) as running:
        yield running


class Run:
    """Runs a command of COMMANDS with its dates written by ``write``; the CSV cell that echoes
    the input (a row's first) is put back as ISO, so outputs compare across ways of writing."""

    def __init__(self, npkit: Any) -> None:
        self.npkit = npkit

    def __call__(self, name: str, write: Write, *options: str) -> Any:
        args, stdin = COMMANDS[name](write)
        result = self.npkit(*args, *options, input=stdin)
        self.stdout = result.stdout.replace(f"\n{write(DAY)},", f"\n{iso(DAY)},")
        return result


@pytest.fixture
def run(world: World, npkit: Any, monkeypatch: pytest.MonkeyPatch) -> Run:
    """Commands run against the world's servers (the cache stays the test's own)."""
    for name, value in world.env.items():
        if name not in ("NPKIT_CACHE_DIR", "NPKIT_CONFIG"):
            monkeypatch.setenv(name, value)
    return Run(npkit)


def requests(world: World) -> int:
    return sum(len(server.requests) for server in world.servers.values())


@pytest.mark.parametrize("how", sorted(WRITTEN))
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_date_command_reads_the_same_options(run: Run, name: str, how: str) -> None:
    write, options = WRITTEN[how]
    expected = run(name, iso)
    assert expected.exit_code in (0, 5), expected.stderr  # 5: is-holiday's "no"
    wanted = run.stdout
    result = run(name, write, *options)
    assert (result.exit_code, run.stdout) == (expected.exit_code, wanted), result.stderr


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_an_ambiguous_date_is_refused_alike(run: Run, world: World, name: str) -> None:
    before = requests(world)
    result = run(name, WRITTEN["monthfirst"][0])
    assert result.exit_code == 2
    assert "'08/12/2026' is ambiguous" in result.stderr
    assert "say --dayfirst or --monthfirst" in result.stderr
    assert requests(world) == before
    assert name in STREAMS or result.stdout == ""


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_dayfirst_with_monthfirst_is_refused_alike(run: Run, world: World, name: str) -> None:
    before = requests(world)
    result = run(name, WRITTEN["dayfirst"][0], "--dayfirst", "--monthfirst")
    group = name.split()[0]
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"npkit: {group}: --dayfirst contradicts --monthfirst: give one\n"
    assert requests(world) == before  # refused before anything is fetched


@pytest.mark.parametrize("name", CALENDAR_COMMANDS)
def test_from_says_the_calendar_of_numbers(run: Run, name: str) -> None:
    expected = run(name, iso)
    wanted = run.stdout
    run(name, devanagari_iso)  # BS 2026-08-12 when nothing says otherwise
    assert run.stdout != wanted
    as_ad = run(name, devanagari_iso, "--from", "ad")
    assert (as_ad.exit_code, run.stdout) == (expected.exit_code, wanted)
    as_bs = run(name, bs_iso, "--from", "bs")
    assert (as_bs.exit_code, run.stdout) == (expected.exit_code, wanted)


@pytest.mark.parametrize("name", CALENDAR_COMMANDS)
def test_from_is_given_once(run: Run, name: str) -> None:
    result = run(name, iso, "--from", "ad", "--from", "bs")
    assert (result.exit_code, result.stdout) == (2, "")
    assert "--from is given 2 times ('ad', 'bs'): give it once" in result.stderr


def test_a_bad_layout_is_refused_before_any_line(npkit: Any) -> None:
    """Not a warning per line left empty with --keep-going (and exit 0), as before."""
    args = ("date", "convert", "--input-format", "%Q", "--keep-going", "-f", "csv", "-")
    result = npkit(*args, input="2024-01-01\n2024-01-02\n")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "npkit: date: unknown directive '%Q' in --input-format '%Q' (use %Y %m %d %B %b %%)\n"
    )


HELP = {
    "date convert": True, "date fy": True, "date diff": True, "date add": True,
    "date next": True, "date is-holiday": True, "fx rates": False, "fx convert": False,
    "gold prices": False, "gold value": False,
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(HELP))
def test_help_lists_the_reading_options(npkit: Any, name: str) -> None:
    result = npkit(*name.split(), "--help")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    for option in (
        "--dayfirst 05/11/2024 is 5 November",
        "--monthfirst 05/11/2024 is May 11",
        "--input-format LAYOUT",
    ):
        assert option in text
    calendar = "--from [ad|bs] Calendar of numeric input dates"
    assert (calendar in text) is HELP[name]  # fx and gold: --from DATE starts a range
