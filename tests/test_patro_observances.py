"""Observances by rule (patro/data/festivals.tsv + observances.tsv): measured against what a
published patro printed for BS 2080 (the reference year shipped in the shared data folder), and
the same recurring observances in years past any published data."""

from __future__ import annotations

import csv
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from npkit.dates import bs_to_ad
from npkit.patro import rules

EVENTS_2080 = (
    Path(__file__).resolve().parents[2] / "shared" / "data" / "calendar" / "events_2080.csv"
)
if not EVENTS_2080.exists():
    EVENTS_2080 = Path("/work/shared/data/calendar/events_2080.csv")

# Printed events no rule can give (not recurring, or not by tithi, sign or date):
NO_RULE = {
    "partial lunar eclipse": "eclipses are astronomical events, not observances by rule",
    "ramadan start": "the month begins on moon sighting (announced)",
    "dashain holiday": "a holiday of the year's notice, not an observance",
    "tihar holiday": "a holiday of the year's notice, not an observance",
    "bhoto jatra": "held when the Rato Machhindranath chariot reaches Jawalakhel: no fixed day",
    "magha shraddha": "the day the Moon is in Magha nakshatra during the shraddha fortnight",
    "pashupatinath shadow darshan": "announced by the Pashupati trust",
    "surya puja": "printed once, no rule known",
    "bhumi puja": "printed once, no rule known",
}


def _key(text: str) -> str:
    """A printed or rule name compared: no parenthesis, year numbers or 'brata', either
    script, the start / end of a span as one word."""
    text = text.split(" (")[0].split("(")[0].casefold()
    for word, same in (("begins", "start"), ("ends", "end"), ("आरम्भ", "start"),
                       ("प्रारम्भ", "start"), ("शुरू", "start"), ("समाप्ति", "end"),
                       ("समाप्ती", "end"), ("व्रत", ""), ("brata", "")):  # fmt: skip
        text = text.replace(word, same)
    return "".join(ch for ch in text if ch.isalpha() or ch in rules._MARKS)


def _rule_keys(rule: rules.Rule, name: str) -> set[str]:
    texts = {rule.name, rule.name_ne, *rule.aliases, name}
    suffix = name[len(rule.name) :] if name.startswith(rule.name) else ""
    return {_key(t + suffix) for t in texts}


def _printed(path: Path = EVENTS_2080) -> dict[date, list[str]]:
    with path.open(encoding="utf-8") as handle:
        return {
            date.fromisoformat(row["ad"]): row["events_en"].split(" / ")
            for row in csv.DictReader(handle)
        }


def _ours(bs_year: int) -> dict[date, list[tuple[rules.Rule, str]]]:
    first = bs_to_ad((bs_year, 1, 1)).toordinal()
    last = bs_to_ad((bs_year + 1, 1, 1)).toordinal() - 1
    found: dict[date, list[tuple[rules.Rule, str]]] = {}
    for ordinal, rule, _source, event in rules.observance_days(first, last):
        found.setdefault(date.fromordinal(ordinal), []).append((rule, event.name))
    return found


def coverage_2080() -> tuple[int, int, int, int, list[str]]:
    """(recurring printed, of them matched on their day, printed in all, ours, misses)."""
    printed, ours = _printed(), _ours(2080)
    recurring = matched = total = 0
    misses = []
    for day, names in printed.items():
        keys = set().union(*(_rule_keys(r, n) for r, n in ours.get(day, [])))
        for name in names:
            total += 1
            if _key(name) in {_key(k) for k in NO_RULE} or name.startswith("SEE "):
                continue
            recurring += 1
            if _key(name) in keys:
                matched += 1
            else:
                misses.append(f"{day} {name}")
    return recurring, matched, total, sum(map(len, ours.values())), misses


@pytest.mark.skipif(not EVENTS_2080.exists(), reason="the shared calendar data is not here")
def test_2080_coverage_of_the_published_patro() -> None:
    recurring, matched, total, ours, misses = coverage_2080()
    assert matched / recurring >= 0.90, (matched, recurring, misses)
    assert ours <= 1.5 * total, (ours, total)


def _every_year(id_: str) -> bool:
    rule = rules.every_rule()[id_]
    return rule.kind != "announced" and rule.month != rules.ADHIK and not rule.weekdays


def test_years_past_published_data_have_the_same_recurring_observances() -> None:
    """Each recurring rule yields its day every year (lunar rules may give a tithi twice in a
    BS year, or none when the month's day falls in the next BS year; adhik-month rules only in
    adhik years; Eid only where announced; a tithi-on-a-weekday rule (Budhashtami,
    Bhaumashtami) can miss a year: its tithi need not fall on that weekday)."""
    reference = Counter(rule.id for day in _ours(2080).values() for rule, _ in day)
    for year in range(2086, 2091):
        counts = Counter(rule.id for day in _ours(year).values() for rule, _ in day)
        missing = {id_ for id_ in reference if id_ not in counts and _every_year(id_)}
        assert not missing, (year, sorted(missing))
        assert len(counts) >= len(reference) - 6, (year, len(counts), len(reference))
