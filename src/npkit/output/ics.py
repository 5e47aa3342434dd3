"""iCalendar (RFC 5545) documents of all-day entries: what ``-f ics`` writes.

Our own ~150 lines rather than the ``icalendar`` package: importing it costs ~140 ms (it pulls
in dateutil and the zone database), this writer ~1 ms, and an all-day entry needs only the
rules below (the tests parse every document with ``icalendar`` and import it into ``khal``).

What calendar apps rely on, and how it is done here:
- all-day events: ``DTSTART;VALUE=DATE`` and ``DTEND`` the day after the last day (exclusive);
- ``UID`` from the content's identity (``vijaya_dashami-20261021@npkit``), so importing or
  subscribing again replaces an event rather than adding a second one;
- ``SEQUENCE`` from the content: the same text, dates and status always give the same number;
  any change gives another; a confirmed holiday always has a higher one than its likely
  version (the change an app must take as an update);
- ``DTSTAMP`` on every event, in UTC: when the document was written (``generated_at``);
- lines of at most 75 octets, folded between UTF-8 characters (never inside a Devanagari
  letter's bytes), CRLF line ends, TEXT escaped (``\\`` ``;`` ``,`` newlines).
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta, timezone

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date
    from typing import Protocol

    class Entry(Protocol):
        """An all-day calendar entry (``npkit.days.entries.Entry`` is one)."""

        @property
        def uid(self) -> str: ...
        @property
        def first(self) -> date: ...
        @property
        def last(self) -> date: ...
        @property
        def summary(self) -> str: ...
        @property
        def description(self) -> str: ...
        @property
        def categories(self) -> tuple[str, ...]: ...
        @property
        def status(self) -> str | None: ...


PRODID = "-//npkit//npkit patro//EN"
DOMAIN = "npkit"
"""The right-hand side of every UID (``id-YYYYMMDD@npkit``)."""
TIMEZONE = "Asia/Kathmandu"
LINE_OCTETS = 75
REFRESH = "P1D"
"""How often a subscribed copy is worth fetching again (RFC 7986 REFRESH-INTERVAL; Outlook
reads X-PUBLISHED-TTL): the data changes a few times a year. Apps may ignore it."""
STATUS = {"confirmed": "CONFIRMED", "likely": "TENTATIVE"}
"""A holiday's status as iCalendar's STATUS; entries without one (observances) have none."""
_LEVEL = {"confirmed": 1}
"""How settled an entry is: a confirmed holiday is one SEQUENCE above its likely version."""

REVISION = 1
"""The revision of the patro's days (its data and rules), raised in the release that changes
them. SEQUENCE must only grow (RFC 5545 3.8.7.4: an app keeps the copy with the higher number),
and a file written without memory of earlier ones can only know that from this number; a test
keeps it in step with the data."""

# Nepal's zone: +05:30 until 1986, +05:45 since (no daylight saving). Unused by all-day
# events, given so apps that read the calendar's zone from a VTIMEZONE find it.
_VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TIMEZONE}",
    "BEGIN:STANDARD",
    "DTSTART:19860101T000000",
    "TZOFFSETFROM:+0530",
    "TZOFFSETTO:+0545",
    "TZNAME:+0545",
    "END:STANDARD",
    "END:VTIMEZONE",
)


def escape(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines escaped."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def _joins(before: str, char: str) -> bool:
    """Whether ``char`` belongs to the letter before it: a vowel sign or other combining mark
    (ि, ं), a joiner, or the consonant after a virama (्): a line is not folded there, so an
    app that shows a folded line before unfolding it still shows whole letters."""
    from unicodedata import category

    return category(char)[0] == "M" or char in "\u200c\u200d" or before == "\u094d"


def fold(line: str) -> str:
    """One content line folded to at most 75 octets a line (CRLF, then a space, between
    parts), cut only between characters (a UTF-8 sequence is never split) and, where the line
    allows, between whole Devanagari letters (never before a vowel sign, after a virama)."""
    if len(line.encode("utf-8")) <= LINE_OCTETS:
        return line + "\r\n"
    parts: list[str] = []
    start, size, limit, cut = 0, 0, LINE_OCTETS, 0  # cut: the last index a part may end at
    for index, char in enumerate(line):
        width = len(char.encode("utf-8"))
        if index > start and not _joins(line[index - 1], char):
            cut = index
        if size + width > limit:
            end = cut if cut > start else index  # no whole letter fits: cut between characters
            parts.append(line[start:end])
            start, limit = end, LINE_OCTETS - 1  # continuation lines start with " "
            size = len(line[start:index].encode("utf-8"))
        size += width
    parts.append(line[start:])
    return "\r\n ".join(parts) + "\r\n"


def generated_at() -> datetime:
    """When the document is written, for ``DTSTAMP`` (UTC, to the second).

    ``SOURCE_DATE_EPOCH`` (the reproducible-builds convention) fixes it, else ``NPKIT_TODAY``
    (the start of that day in Nepal: tests and scripts get the same bytes every run), else
    now. A subscription file is best written with the real time (apps see a new revision)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        from npkit.errors import UsageError

        try:
            return datetime.fromtimestamp(int(epoch), UTC)
        except (ValueError, OverflowError, OSError):
            raise UsageError(
                f"SOURCE_DATE_EPOCH must be seconds since 1970, not {epoch!r}"
            ) from None
    if os.environ.get("NPKIT_TODAY", "").strip():
        from npkit.dates import today_ad

        midnight = datetime(
            *today_ad().timetuple()[:3], tzinfo=timezone(timedelta(hours=5, minutes=45))
        )
        return midnight.astimezone(UTC)
    return datetime.now(UTC).replace(microsecond=0)


def sequence(entry: Entry) -> int:
    """SEQUENCE: twice the data's REVISION, plus one for a confirmed holiday, so every release
    that changes a day raises it and a notice's day outranks the likely day it replaces."""
    return 2 * REVISION + _LEVEL.get(entry.status or "", 0)


def event_lines(entry: Entry, stamp: str) -> list[str]:
    """The unfolded lines of one VEVENT."""
    lines = [
        "BEGIN:VEVENT",
        f"UID:{entry.uid}@{DOMAIN}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{entry.first:%Y%m%d}",
        f"DTEND;VALUE=DATE:{entry.last + timedelta(days=1):%Y%m%d}",
        f"SEQUENCE:{sequence(entry)}",
        f"SUMMARY:{escape(entry.summary)}",
    ]
    if entry.description:
        lines.append(f"DESCRIPTION:{escape(entry.description)}")
    if entry.categories:
        lines.append(f"CATEGORIES:{','.join(map(escape, entry.categories))}")
    if entry.status in STATUS:
        lines.append(f"STATUS:{STATUS[entry.status]}")
    lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]  # a festival does not make anyone busy
    return lines


def calendar_text(
    entries: Iterable[Entry],
    name: str,
    description: str = "",
    stamp: datetime | None = None,
) -> str:
    """One VCALENDAR of ``entries`` (each once, by UID, in the order given). ``name`` is the
    calendar's name apps show (X-WR-CALNAME); ``stamp`` the DTSTAMP (``generated_at()``)."""
    when = (stamp or generated_at()).astimezone(UTC)
    stamp_text = f"{when:%Y%m%dT%H%M%SZ}"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(name)}",
        f"X-WR-TIMEZONE:{TIMEZONE}",
        f"REFRESH-INTERVAL;VALUE=DURATION:{REFRESH}",
        f"X-PUBLISHED-TTL:{REFRESH}",
    ]
    if description:
        lines.append(f"X-WR-CALDESC:{escape(description)}")
    lines.extend(_VTIMEZONE)
    seen: set[str] = set()
    for entry in entries:
        if entry.uid not in seen:
            seen.add(entry.uid)
            lines.extend(event_lines(entry, stamp_text))
    lines.append("END:VCALENDAR")
    return "".join(map(fold, lines))
