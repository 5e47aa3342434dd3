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
from tests.conftest import Npkit

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


# ---------------------------------------------------------------- rules' kinds


def test_weekday_rules_fall_on_their_weekday_and_tithi() -> None:
    from npkit import patro

    for record in patro.observances(2083, "brata,aunsi"):
        if record.id in ("soma_pradosh", "sombare_aunsi"):
            assert record.ad.weekday() == 0, record
        if record.id in ("bhaumashtami", "mangala_chauthi"):
            assert record.ad.weekday() == 1, record
    found = {r.id for r in patro.observances(2083, "brata")}
    assert {"soma_pradosh", "shani_pradosh", "pradosh", "mangala_chauthi"} <= found


def test_every_month_rules_and_named_ekadashis() -> None:
    from npkit import patro

    ekadashis = patro.observances(2083, "ekadashi")
    assert 24 <= len(ekadashis) <= 27  # 2083 has adhik Jestha: Padmini and Parama too
    assert {"padmini_ekadashi", "parama_ekadashi"} <= {r.id for r in ekadashis}
    assert not {"padmini_ekadashi", "parama_ekadashi"} & {
        r.id for r in patro.observances(2082, "ekadashi")
    }
    for record in ekadashis:  # each on the day a tithi 11 or 26 holds at sunrise (or skipped)
        assert patro.day(record.ad).tithi in (10, 11, 12, 25, 26, 27), record
    sankrantis = patro.observances(2083, "sankranti")
    assert [r.bs.day for r in sankrantis if r.id.endswith("_sankranti")] == [1] * 11
    assert len(patro.observances(2083, "purnima")) >= 12


def test_spans_have_a_first_and_a_last_day() -> None:
    from npkit import patro

    swasthani = [r for r in patro.observances(2082, "span") if r.id == "swasthani"]
    assert [r.name for r in swasthani] == [
        "Shree Swasthani Brata begins",
        "Shree Swasthani Brata ends",
    ]
    days = (swasthani[1].ad - swasthani[0].ad).days
    assert 28 <= days <= 31  # Poush purnima to Magh purnima
    shraddha = [r for r in patro.observances(2083, "shraddha") if r.id == "sorha_shraddha"]
    assert 13 <= (shraddha[1].ad - shraddha[0].ad).days <= 16


def test_every_span_ends_within_its_months_in_every_year() -> None:
    # A span runs from its start month to the first end month after it: at most its months
    # and an adhik month between. Where the end month is lost (kshaya: Magh of BS 2039, early
    # 1983), it ends in the lunation in that month's place, not a year on.
    first, last = date(1918, 4, 13).toordinal(), date(2044, 4, 12).toordinal()
    periods = rules.span_periods(first, last)
    assert len(periods) > 1000
    for start, end, rule in periods:
        assert rule.end is not None
        months = 0 if rule.month < 0 else (rule.end[0] - rule.month) % 12
        longest = (months + 1) * 29.6 + rule.end[1] - rule.day + 2  # an adhik month too
        assert 0 < end - start <= longest, (rule.id, date.fromordinal(start))
    magh = [
        (s, e) for s, e, r in periods if r.id == "swasthani" and date.fromordinal(s).year == 1983
    ]
    assert [(date.fromordinal(s).month, e - s) for s, e in magh] == [(1, 30)]


def test_a_day_sees_the_spans_a_year_gives_it() -> None:
    # One day is looked up from a few lunations back (rules._span_reach): it must see every
    # span the whole-year lookup puts over it, in every kind of year; the last days of the
    # longest spans (Chaturmas with an adhik month inside) are the hardest.
    first, last = date(1960, 1, 1).toordinal(), date(2040, 12, 31).toordinal()
    periods = rules.span_periods(first - 400, last + 400)
    days = {day for start, end, _ in periods for day in (start, end) if first <= day <= last}
    assert len(days) > 1200
    for ordinal in sorted(days):
        covering = sorted((s, e, r.id) for s, e, r in periods if s <= ordinal <= e)
        alone = sorted((s, e, r.id) for s, e, r in rules.span_periods(ordinal, ordinal))
        assert alone == covering, date.fromordinal(ordinal)


def test_international_days_start_in_their_first_year() -> None:
    from npkit import patro

    assert "yoga_day" in {r.id for r in patro.observances(2072, "international_day")}
    assert "yoga_day" not in {r.id for r in patro.observances(2071, "international_day")}
    womens = [r for r in patro.observances(2083, "international_day") if r.id == "womens_day"]
    assert [(r.ad.month, r.ad.day) for r in womens] == [(3, 8)]


def test_categories_and_the_default_list() -> None:
    from npkit import patro
    from npkit.errors import UsageError

    default = patro.observances(2083)
    every = patro.observances(2083, "all")
    festivals = patro.festivals(2083)
    assert {f.id for f in festivals} <= {r.id for r in default}
    assert len(festivals) < len(default) < 130 and len(every) > 3 * len(default)
    assert {r.id for r in patro.observances(2083, "main")} == {f.id for f in festivals}
    with pytest.raises(UsageError, match="unknown category"):
        patro.observances(2083, "nope")


# ---------------------------------------------------------------- next X


def test_next_takes_every_name_form() -> None:
    from npkit import patro

    after = date(2026, 12, 1)
    assert patro.upcoming("दशैं", after).id == "vijaya_dashami"
    assert patro.upcoming("yomari punhi", after).bs == patro.upcoming("yomari", after).bs
    lhosars = patro.upcoming_all("lhosar", after)
    assert {u.id for u in lhosars} >= {"tamu_lhosar", "sonam_lhosar", "gyalpo_lhosar"}
    assert [u.days for u in lhosars] == sorted(u.days for u in lhosars)
    assert patro.upcoming("holi", after).id == "holi_hill"  # an alias of one wins


def test_next_bs_day_and_lunar_date() -> None:
    from npkit import patro

    birthday = patro.upcoming("11 Mangsir", date(2026, 12, 1))
    assert (birthday.bs.month, birthday.bs.day, birthday.bs.year) == (8, 11, 2084)
    assert patro.upcoming("Mangsir 11", date(2026, 11, 1)).bs.year == 2083
    assert patro.upcoming("११ मंसिर", date(2026, 11, 1)).bs.day == 11
    # Kartik krishna chaturdashi (patros' naming) is new-moon Ashwin 29: Narak Chaturdashi
    lunar = patro.upcoming("Kartik krishna chaturdashi", date(2026, 12, 1))
    narak = patro.upcoming("narak_chaturdashi", date(2026, 12, 1))
    assert lunar.ad == narak.ad and lunar.id == "lunar_date"
    assert patro.upcoming("कार्तिक कृष्ण चतुर्दशी", date(2026, 12, 1)).ad == lunar.ad
    purnima = patro.upcoming("Magh shukla purnima", date(2026, 12, 1))
    assert patro.day(purnima.ad).tithi in (14, 15)


def test_unknown_names_suggest_close_ones() -> None:
    from npkit import patro
    from npkit.errors import UsageError

    with pytest.raises(UsageError, match="did you mean Tamu Lhosar"):
        patro.upcoming("tamu lhosr")
    with pytest.raises(UsageError, match="unknown festival"):
        patro.upcoming("no such day at all")


def test_cli_festivals_category_and_next_list(npkit: Npkit) -> None:
    out = npkit("date", "festivals", "2083", "--category", "sankranti", "-f", "csv",
                "--fields", "id,bs")  # fmt: skip
    assert out.exit_code == 0 and "mesh_sankranti,2083-01-01" in out.stdout.splitlines()
    bad = npkit("date", "festivals", "2083", "--category", "nope")
    assert bad.exit_code == 2 and "unknown category nope" in bad.stderr
    lhosar = npkit("date", "next", "lhosar", "--after", "2026-12-01", "-f", "csv",
                   "--fields", "id")  # fmt: skip
    assert lhosar.stdout.splitlines()[1:3] == ["tamu_lhosar", "tol_lhosar"]
    grid = npkit("date", "cal", "2083", "4", "--category", "ekadashi").stdout.splitlines()
    assert " 9 Jul 25   Harishayani Ekadashi" in grid
    assert not any("Guru Purnima" in line for line in grid)
    assert any(
        "Guru Purnima" in line for line in npkit("date", "cal", "2083", "4").stdout.splitlines()
    )
