"""Calendar files (issue 19): ``-f ics`` on date festivals, holidays, cal and next.

Every document is parsed with the ``icalendar`` package and the commonest are imported into a
real calendar client, ``khal`` (a temp config and vdir, ``khal import --batch``, then ``khal
list``), run as a subprocess. UIDs are checked across runs, years and commands.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from datetime import UTC, date, timedelta
from pathlib import Path
from typing import Any

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from npkit import dates
from npkit.days import entries
from npkit.output import ics
from tests.conftest import Npkit

TODAY = "2026-12-01"
KHAL = Path(sys.executable).with_name("khal")


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NPKIT_TODAY", TODAY)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def document(npkit: Npkit, *args: str) -> bytes:
    """The ics bytes of ``npkit date ARGS -f ics``, checked as iCalendar files must be."""
    result = npkit("date", *args, "-f", "ics")
    assert result.exit_code == 0, result.stderr
    raw = result.stdout_bytes
    assert raw.endswith(b"END:VCALENDAR\r\n")
    lines = raw.split(b"\r\n")[:-1]
    assert b"\n" not in b"".join(lines) and b"\r" not in b"".join(lines)  # CRLF only
    for line in lines:
        assert len(line) <= 75, line
        line.decode("utf-8")  # each physical line whole UTF-8: no character cut by a fold
    return raw


def events(raw: bytes) -> list[Any]:
    calendar = icalendar.Calendar.from_ical(raw)
    assert str(calendar["VERSION"]) == "2.0" and str(calendar["PRODID"]).startswith("-//npkit")
    assert str(calendar["X-WR-TIMEZONE"]) == "Asia/Kathmandu" and str(calendar["X-WR-CALNAME"])
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Kathmandu"]
    found = calendar.walk("VEVENT")
    for event in found:
        start, end = event["DTSTART"], event["DTEND"]
        assert start.params["VALUE"] == "DATE" and end.params["VALUE"] == "DATE"
        assert type(start.dt) is date and type(end.dt) is date and end.dt > start.dt
        assert str(event["UID"]).endswith("@npkit")
        assert event["DTSTAMP"].dt.utcoffset() == timedelta(0)
        assert int(event["SEQUENCE"]) >= 0 and str(event["SUMMARY"])
        assert "BS" in str(event["DESCRIPTION"]) or "वि.सं." in str(event["DESCRIPTION"])
        assert event["CATEGORIES"].cats or str(event["UID"]).startswith(("bs_date", "lunar"))
    assert len({str(e["UID"]) for e in found}) == len(found)
    return found


def by_uid(found: list[Any]) -> dict[str, Any]:
    return {str(event["UID"]): event for event in found}


# ------------------------------------------------------------------ the writer


@given(st.text(alphabet=st.sampled_from("कखगक्षिीुंँ्ा़ऽ\u200d,;\\\n abc:१२"), max_size=300))
def test_folded_lines_are_75_octets_whole_utf8_and_unfold_to_the_line(text: str) -> None:
    line = "DESCRIPTION:" + ics.escape(text)
    folded = ics.fold(line).encode("utf-8")
    parts = folded.split(b"\r\n")
    assert parts[-1] == b""
    assert all(len(part) <= 75 and part.decode("utf-8") for part in parts[:-1])
    assert b"".join(p[1:] if i else p for i, p in enumerate(parts[:-1])).decode() == line


def test_folds_fall_between_devanagari_letters() -> None:
    folded = ics.fold("SUMMARY:" + "श्री स्वस्थानी व्रत कथा आरम्भ " * 5).split("\r\n ")
    assert len(folded) > 2
    for part in folded[1:]:
        assert part[0] not in "ािीुूेैोौंँ्ः"  # never a vowel sign or virama opening a line
    assert all(not part.rstrip("\r\n").endswith("्") for part in folded[:-1])


def test_text_is_escaped_and_reads_back() -> None:
    tricky = "Back\\slash; semi, comma\nnew line"
    entry = entries.Entry("x-20260101", "x", date(2026, 1, 1), date(2026, 1, 1), tricky,
                          tricky, ("a,b", "c;d"), None)  # fmt: skip
    raw = ics.calendar_text([entry], "Name, with; all\\").encode()
    assert b"SUMMARY:Back\\\\slash\\; semi\\, comma\\nnew line\r\n" in raw
    event = icalendar.Calendar.from_ical(raw).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == tricky and str(event["DESCRIPTION"]) == tricky
    assert [str(c) for c in event["CATEGORIES"].cats] == ["a,b", "c;d"]
    assert b"X-WR-CALNAME:Name\\, with\\; all\\\\\r\n" in raw


def test_sequence_only_grows_and_a_confirmed_holiday_outranks_its_likely_day() -> None:
    likely = entries.holidays(date(2027, 4, 14), date(2028, 4, 12))  # BS 2084: no notice
    assert likely and all(e.status == "likely" for e in likely)
    entry = likely[0]
    assert ics.sequence(entry) == ics.sequence(entry._replace(summary="x"))  # no fingerprint
    for change in ("", ".", " (MoHA notice 2084)"):
        confirmed = entry._replace(status="confirmed", description=entry.description + change)
        assert ics.sequence(confirmed) == ics.sequence(entry) + 1
    # the next revision outranks both, so a release that changes days raises every SEQUENCE
    assert ics.sequence(entry._replace(status="confirmed")) < 2 * (ics.REVISION + 1)


DAYS_OF_REVISION = {1: "cfb4b355dc9fb8b105cfaa685ed552dd3c7fa1df90db98e093d5b3c2dbb56683"}
"""What the calendar events of BS 2082–2084 were at each REVISION (sha256, below)."""


def test_revision_is_raised_with_the_days() -> None:
    """A change to the patro's days (data or rules) fails here until ics.REVISION is raised
    and the new fingerprint recorded: calendar apps only take an update with a higher SEQUENCE."""
    first, last = dates.bs_to_ad((2082, 1, 1)), dates.bs_to_ad((2085, 1, 1))
    found = entries.observances(first, last, "all") + entries.holidays(first, last)
    text = "\n".join(
        "\x1f".join((e.uid, e.first.isoformat(), e.last.isoformat(), e.summary, e.description,
                     ",".join(e.categories), e.status or ""))
        for e in found
    )  # fmt: skip
    assert hashlib.sha256(text.encode()).hexdigest() == DAYS_OF_REVISION.get(ics.REVISION), (
        "the patro's days changed: raise npkit.output.ics.REVISION and record the fingerprint"
    )


def test_dtstamp_is_fixed_by_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert f"{ics.generated_at():%Y%m%dT%H%M%SZ}" == "20261130T181500Z"  # 00:00 in Nepal
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    assert f"{ics.generated_at():%Y-%m-%d %H:%M:%S}" == "2026-09-21 14:13:20"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    monkeypatch.delenv("NPKIT_TODAY")
    from datetime import datetime

    before = datetime.now(UTC).replace(microsecond=0)
    assert before <= ics.generated_at() <= datetime.now(UTC)


# ------------------------------------------------------------------ the commands


def test_festivals_one_event_per_day_and_spans_whole(npkit: Npkit) -> None:
    rows = npkit.json("date", "festivals", "2083", "--category", "all", "--json")
    found = by_uid(events(document(npkit, "festivals", "2083", "--category", "all")))
    spans = {r["id"] for r in rows if r["name"].endswith((" begins", " ends"))}
    assert {"sorha_shraddha", "swasthani"} <= spans
    for row in rows:
        if row["id"] in spans:
            continue
        event = found[f"{row['id']}-{row['ad'].replace('-', '')}@npkit"]
        assert event["DTSTART"].dt == date.fromisoformat(row["ad"])
        assert event["DTEND"].dt == date.fromisoformat(row["ad"]) + timedelta(days=1)
        assert str(event["SUMMARY"]) == row["name"]
        assert f"({row['bs']})" in str(event["DESCRIPTION"])
        assert "Tithi: " in str(event["DESCRIPTION"])
    for span in ("sorha_shraddha", "swasthani"):
        begins = next(r for r in rows if r["id"] == span and r["name"].endswith(" begins"))
        ends = next(r for r in rows if r["id"] == span and r["name"].endswith(" ends"))
        event = found[f"{span}-{begins['ad'].replace('-', '')}@npkit"]
        assert event["DTSTART"].dt == date.fromisoformat(begins["ad"])
        assert event["DTEND"].dt == date.fromisoformat(ends["ad"]) + timedelta(days=1)
        assert str(event["SUMMARY"]) == begins["name"].removesuffix(" begins")
        assert [u for u in found if u.startswith(span)] == [str(event["UID"])]


def test_category_filter_and_nepali_summaries(npkit: Npkit) -> None:
    rows = npkit.json("date", "festivals", "2083", "--category", "ekadashi", "--json")
    found = events(document(npkit, "festivals", "2083", "--category", "ekadashi"))
    assert len(found) == len(rows) > 20
    assert all([str(c) for c in e["CATEGORIES"].cats] == ["Ekadashi"] for e in found)
    english = by_uid(events(document(npkit, "cal", "2083", "9")))
    nepali = by_uid(events(document(npkit, "cal", "2083", "9", "--nepali")))
    assert english.keys() == nepali.keys()
    for uid, event in nepali.items():
        assert any("\u0900" <= ch <= "\u097f" for ch in str(event["SUMMARY"])), uid
        assert "तिथि: " in str(event["DESCRIPTION"])
        assert str(event["SUMMARY"]) != str(english[uid]["SUMMARY"])


@pytest.mark.parametrize(
    "args",
    [("festivals", "2083"), ("holidays", "2083"), ("next", "dashain", "--to", "2085")],
)
def test_nepali_summaries_on_every_calendar_command(npkit: Npkit, args: tuple[str, ...]) -> None:
    english = by_uid(events(document(npkit, *args)))
    nepali = by_uid(events(document(npkit, *args, "--nepali")))
    assert english.keys() == nepali.keys() and english  # the same events, in Nepali
    for uid, event in nepali.items():
        assert any("\u0900" <= ch <= "\u097f" for ch in str(event["SUMMARY"])), uid
        assert str(event["SUMMARY"]) != str(english[uid]["SUMMARY"])


def test_holidays_scope_status_and_ranges(npkit: Npkit) -> None:
    rows = npkit.json("date", "holidays", "2083", "--json")
    found = by_uid(events(document(npkit, "holidays", "2083")))
    covered = {
        (event["DTSTART"].dt + timedelta(days=n)).isoformat()
        for event in found.values()
        for n in range((event["DTEND"].dt - event["DTSTART"].dt).days)
    }
    assert covered == {row["ad"] for row in rows}
    assert any((e["DTEND"].dt - e["DTSTART"].dt).days > 3 for e in found.values())  # Dashain
    for event in found.values():
        assert (
            str(event["STATUS"]) == "CONFIRMED" and int(event["SEQUENCE"]) == 2 * ics.REVISION + 1
        )
        assert "Status: confirmed" in str(event["DESCRIPTION"])
    women = events(document(npkit, "holidays", "2083", "--scope", "women"))
    assert women and all("women" in [str(c) for c in e["CATEGORIES"].cats] for e in women)
    assert all("Public holiday for: women" in str(e["DESCRIPTION"]) for e in women)
    warned = npkit("date", "holidays", "2084", "-f", "ics")
    assert "no holiday notice for BS 2084" in warned.stderr
    assert warned.stdout.startswith("BEGIN:VCALENDAR") and "notice" not in warned.stdout[:400]
    likely = events(document(npkit, "holidays", "2084"))
    assert likely and all(str(e["STATUS"]) == "TENTATIVE" for e in likely)
    assert all(int(e["SEQUENCE"]) < 1_000_000 and "likely" in str(e["SUMMARY"]) for e in likely)


def test_uids_are_stable_across_runs_years_and_commands(npkit: Npkit) -> None:
    one = document(npkit, "festivals", "2083")
    assert document(npkit, "festivals", "2083") == one  # byte for byte (DTSTAMP fixed)
    alone = by_uid(events(one))
    several = by_uid(events(document(npkit, "festivals", "--from", "2082", "--to", "2084")))
    listed = by_uid(events(document(npkit, "festivals", "2084", "2083", "2082")))
    assert several.keys() == listed.keys() and alone.keys() < several.keys()
    for uid, event in alone.items():
        assert several[uid].to_ical() == event.to_ical()
    month = by_uid(events(document(npkit, "cal", "2083", "7")))
    for uid, event in month.items():
        if not uid.startswith("holiday-"):
            assert alone[uid].to_ical() == event.to_ical()
    holidays = by_uid(events(document(npkit, "holidays", "2083")))
    assert {u for u in month if u.startswith("holiday-")} <= holidays.keys()
    os.environ["SOURCE_DATE_EPOCH"] = "1800000000"
    try:
        later = by_uid(events(document(npkit, "festivals", "2083")))
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]
    assert later.keys() == alone.keys()
    assert all(later[u]["SEQUENCE"] == e["SEQUENCE"] for u, e in alone.items())
    assert all(later[u]["DTSTAMP"].dt > e["DTSTAMP"].dt for u, e in alone.items())


def test_next_gives_the_observances_own_events(npkit: Npkit) -> None:
    rows = npkit.json("date", "next", "dashain", "--to", "2086", "--json")
    assert [r["bs"][:4] for r in rows] == ["2084", "2085", "2086"]  # after 2083's (TODAY)
    found = events(document(npkit, "next", "dashain", "--to", "2086"))
    assert [str(e["UID"]) for e in found] == [
        f"vijaya_dashami-{r['ad'].replace('-', '')}@npkit" for r in rows
    ]
    span = events(document(npkit, "next", "swasthani"))
    year = by_uid(events(document(npkit, "festivals", "2083", "--category", "all")))
    assert len(span) == 1 and year[str(span[0]["UID"])].to_ical() == span[0].to_ical()
    assert (span[0]["DTEND"].dt - span[0]["DTSTART"].dt).days > 20
    holiday = events(document(npkit, "next", "holiday"))
    everyone = by_uid(events(document(npkit, "holidays", "2083")))
    assert str(holiday[0]["UID"]) in everyone


def test_several_years_in_every_format(npkit: Npkit) -> None:
    both = npkit.json("date", "festivals", "2083", "2084", "--json")
    assert both == npkit.json("date", "festivals", "2083", "--json") + npkit.json(
        "date", "festivals", "2084", "--json"
    )
    assert both == npkit.json("date", "festivals", "--from", "2083", "--to", "2084", "--json")
    days = npkit.json("date", "holidays", "--to", "2084", "--json")  # from this year (2083)
    assert {d["bs"][:4] for d in days} == {"2083", "2084"}
    rows = npkit("date", "cal", "--from", "2083", "--to", "2084", "-f", "csv", "--fields", "bs")
    assert rows.stdout.count("\n") == 1 + len(npkit.json("date", "cal", "2083", "--json")) + len(
        npkit.json("date", "cal", "2084", "--json")
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("festivals", "2083", "-f", "ics", "--fields", "id"), "--fields chooses columns"),
        (("festivals", "2083", "--from", "2083"), "not both"),
        (("holidays", "--from", "2085", "--to", "2083"), "--to 2083 is before --from 2085"),
        (("cal", "2083", "--to", "2084"), "not both"),
        (("festivals", "--to", "2101"), "2101"),
        (("today", "-f", "ics"), "'ics' is not one of"),
    ],
)
def test_refused(npkit: Npkit, args: tuple[str, ...], message: str) -> None:
    result = npkit("date", *args)
    assert result.exit_code == 2 and message in result.stderr and not result.stdout
    assert "Traceback" not in result.stderr


# ------------------------------------------------------------------ a real calendar client


def khal(home: Path, *args: str) -> str:
    result = subprocess.run(
        [str(KHAL), "-c", str(home / "khal.conf"), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "HOME": str(home), "TZ": "Asia/Kathmandu", "LC_ALL": "C.UTF-8"},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def khal_home(tmp_path: Path) -> Path:
    (tmp_path / "nepal").mkdir()
    (tmp_path / "khal.conf").write_text(
        f"""[calendars]
[[nepal]]
path = {tmp_path / "nepal"}
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = Asia/Kathmandu
default_timezone = Asia/Kathmandu
[sqlite]
path = {tmp_path / "khal.db"}
""",
        encoding="utf-8",
    )
    return tmp_path


def imported(home: Path) -> set[str]:
    return {p.name for p in (home / "nepal").iterdir() if p.suffix == ".ics"}


def test_khal_imports_and_lists_the_days(npkit: Npkit, khal_home: Path) -> None:
    raw = document(npkit, "festivals", "--from", "2083", "--to", "2084")
    (khal_home / "festivals.ics").write_bytes(raw)
    khal(khal_home, "import", "--batch", str(khal_home / "festivals.ics"))
    uids = set(by_uid(events(raw)))
    assert imported(khal_home) == {f"{uid}.ics" for uid in uids}
    rows = npkit.json("date", "festivals", "2083", "--json")
    dashami = next(r for r in rows if r["id"] == "vijaya_dashami")
    listed = khal(khal_home, "list", dashami["ad"], dashami["ad"], "--format", "{title}")
    assert "Vijaya Dashami" in listed.splitlines()
    swasthani = document(npkit, "next", "swasthani")  # a span: not a default category
    (khal_home / "swasthani.ics").write_bytes(swasthani)
    khal(khal_home, "import", "--batch", str(khal_home / "swasthani.ics"))
    span = events(swasthani)[0]
    uids.add(str(span["UID"]))
    middle = span["DTSTART"].dt + timedelta(days=10)
    shown = khal(khal_home, "list", middle.isoformat(), middle.isoformat(), "--format", "{title}")
    assert str(span["SUMMARY"]) in shown.splitlines()  # a span shows on its every day
    # Importing again, and a range overlapping it, adds nothing twice.
    khal(khal_home, "import", "--batch", str(khal_home / "festivals.ics"))
    more = document(npkit, "festivals", "2084", "2085")
    (khal_home / "more.ics").write_bytes(more)
    khal(khal_home, "import", "--batch", str(khal_home / "more.ics"))
    assert imported(khal_home) == {f"{uid}.ics" for uid in uids | set(by_uid(events(more)))}
    again = khal(khal_home, "list", dashami["ad"], dashami["ad"], "--format", "{title}")
    assert again == listed


def test_khal_shows_holidays_and_updates_them_in_nepali(npkit: Npkit, khal_home: Path) -> None:
    holidays = document(npkit, "holidays", "2083")
    (khal_home / "holidays.ics").write_bytes(holidays)
    khal(khal_home, "import", "--batch", str(khal_home / "holidays.ics"))
    rows = npkit.json("date", "holidays", "2083", "--json")
    dashain = [r["ad"] for r in rows if r["name"] == "Dashain holidays"]

    def listing() -> list[str]:
        text = khal(khal_home, "list", dashain[0], dashain[-1], "--format", "{title}",
                    "--day-format", "{date}")  # fmt: skip
        return text.splitlines()

    listed = listing()
    assert [line for line in listed if line[:4].isdigit()] == dashain  # every day, each once
    assert listed.count("Dashain holidays") == len(dashain)
    # The same days in Nepali (cal --nepali): the same UIDs, so the events are replaced.
    cal = document(npkit, "cal", "2083", "7", "--nepali")
    (khal_home / "cal.ics").write_bytes(cal)
    khal(khal_home, "import", "--batch", str(khal_home / "cal.ics"))
    shown = listing()
    assert shown.count("दशैं बिदा") == len(dashain) and "Dashain holidays" not in shown
    assert "विजया दशमी" in shown
    uids = set(by_uid(events(holidays))) | set(by_uid(events(cal)))
    assert imported(khal_home) == {f"{uid}.ics" for uid in uids}
