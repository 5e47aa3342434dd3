"""Festival days from a rules table (data/festivals.tsv) and per-year fixed days
(data/festival_days.tsv).

The rules are data, not code, so a festival is added or corrected by editing one line. A lunar
rule is "tithi T of lunar month M, holding at sunrise / sunset / midnight"; fixed rules are a BS
or AD month and day; an "announced" festival (Eid) has only the days listed for it. Files are
tab-separated and read without the csv module (it imports ``re``), so loading both costs well
under a millisecond.
"""

from __future__ import annotations

from collections import namedtuple
from datetime import date
from functools import cache
from os.path import dirname, join

from npkit.dates import MONTHS_EN, BSDate, ad_to_bs, bs_to_ad, days_in_month
from npkit.errors import UsageError
from npkit.patro import astro, engine
from npkit.patro.records import Event, FestivalDay

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

KINDS = ("lunar", "bs", "ad", "announced")
WHEN = ("sunrise", "sunset", "midnight")
COMPUTED = "computed"


class Rule(namedtuple("Rule", "id kind month day when after since name name_ne aliases")):
    """One line of festivals.tsv; ``month`` is a 0-based month index; ``since`` the first BS
    year the observance exists (0: always)."""

    __slots__ = ()
    id: str
    kind: str
    month: int
    day: int
    when: str
    after: str
    since: int
    name: str
    name_ne: str
    aliases: tuple[str, ...]

    @property
    def event(self) -> Event:
        """The (id, name, name_ne) shown on a day."""
        return Event(self.id, self.name, self.name_ne)


class FixedDay(namedtuple("FixedDay", "id bs source note")):
    """One line of festival_days.tsv."""

    __slots__ = ()
    id: str
    bs: BSDate
    source: str
    note: str


def _data_rows(name: str) -> Iterator[list[str]]:
    """The rows of a shipped TSV file after its header, comments skipped."""
    with open(join(dirname(__file__), "data", name), encoding="utf-8") as handle:
        lines = (line.rstrip("\r\n") for line in handle if line.strip() and line[0] != "#")
        next(lines)  # the header
        for line in lines:
            yield line.split("\t")


def _bs(text: str) -> BSDate:
    year, month, day = text.split("-")
    return BSDate(int(year), int(month), int(day))


@cache
def rules() -> dict[str, Rule]:
    """The rules table by id, in file order."""
    table: dict[str, Rule] = {}
    for fields in _data_rows("festivals.tsv"):
        id_, kind, month, day, when, after, since, name, name_ne, aliases = fields
        if kind not in KINDS or (kind == "lunar" and when not in WHEN):
            raise RuntimeError(f"festivals.tsv: bad rule for {id_}")
        index = MONTHS_EN.index(month) if kind == "lunar" else int(month or 0) - 1
        table[id_] = Rule(
            id_, kind, index, int(day or 0), when, after, int(since or 0), name, name_ne,
            tuple(a for a in aliases.split(";") if a),
        )  # fmt: skip
    return table


@cache
def fixed_days() -> dict[tuple[str, int], list[FixedDay]]:
    """Per-year fixed festival days by (id, BS year); a year can hold two (Eid al-Fitr
    moves 11 days a year)."""
    table: dict[tuple[str, int], list[FixedDay]] = {}
    for id_, bs, source, note in _data_rows("festival_days.tsv"):
        day = _bs(bs)
        table.setdefault((id_, day.year), []).append(FixedDay(id_, day, source, note))
    return table


def _name_key(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


@cache
def _names() -> dict[str, str]:
    keys: dict[str, str] = {}
    for rule in rules().values():
        for text in (rule.id, rule.name, rule.name_ne, *rule.aliases):
            keys.setdefault(_name_key(text), rule.id)
        keys.setdefault(_name_key(rule.name.split(" (")[0]), rule.id)
    return keys


def festival_id(name: str) -> str:
    """The festival id of an id, a name or an alias ("dashain" → vijaya_dashami); a name we do
    not know is a UsageError listing where to look."""
    found = _names().get(_name_key(name))
    if found is None:
        raise UsageError(
            f"unknown festival {name!r}: give an id or a common name such as dashain, tihar,"
            " holi or teej (ids: 'npkit date festivals', npkit.patro.known())"
        )
    return found


# ---------------------------------------------------------------- days


@cache
def _lunar_rules() -> dict[int, list[Rule]]:
    """The lunar rules by month index."""
    table: dict[int, list[Rule]] = {}
    for rule in rules().values():
        if rule.kind == "lunar":
            table.setdefault(rule.month, []).append(rule)
    return table


def _lunar_days(first: int, last: int) -> list[tuple[int, Rule]]:
    """(ordinal, rule) of the lunar festivals in [first, last]: each normal lunation that can
    reach the span (from the one before the first day's to the one after the last day's)
    evaluates only its own month's rules."""
    by_month = _lunar_rules()
    jd0 = first + astro.JD_OF_ORDINAL_0
    found = []
    for lunation in range(
        astro.lunation_of(jd0) - 1, astro.lunation_of(last + 1 + jd0 - first) + 1
    ):
        month, adhik = engine.lunar_month(lunation)
        new = astro.new_moon(lunation)
        for rule in () if adhik else by_month.get(month, ()):
            # A tithi starts within ~0.6 day of its mean place; skip rules far from the span
            mean_start = new + (rule.day - 1) * astro.SYNODIC_MONTH / 30
            if not jd0 - 3 <= mean_start <= last + astro.JD_OF_ORDINAL_0 + 3:
                continue
            ordinal = engine.rule_day(lunation, rule.day, rule.when)
            if rule.after:
                before = rules()[rule.after]
                ordinal = max(ordinal, engine.rule_day(lunation, before.day, before.when) + 1)
            if first <= ordinal <= last:
                found.append((ordinal, rule))
    return found


def _computed(rule: Rule, first: int, last: int) -> list[int]:
    """The ordinals in [first, last] that a fixed-date rule gives (overrides not applied)."""
    if rule.kind == "bs":
        first_year, last_year = (
            ad_to_bs(date.fromordinal(first)).year,
            ad_to_bs(date.fromordinal(last)).year,
        )
        days = []
        for year in range(first_year, last_year + 1):
            day = min(rule.day, days_in_month(year, rule.month + 1))
            days.append(bs_to_ad((year, rule.month + 1, day)).toordinal())
        return [o for o in days if first <= o <= last]
    if rule.kind == "ad":
        years = range(date.fromordinal(first).year, date.fromordinal(last).year + 1)
        days = [date(year, rule.month + 1, rule.day).toordinal() for year in years]
        return [o for o in days if first <= o <= last]
    return []


def _in_range(ordinal: int) -> BSDate | None:
    try:
        return ad_to_bs(date.fromordinal(ordinal))
    except UsageError:
        return None


def festival_days(first: int, last: int) -> list[tuple[int, Rule, str]]:
    """(ordinal, rule, source) of every festival day in [first, last], sorted by day: computed
    days, except where festival_days.tsv fixes that festival's day in that BS year; none
    before a festival's ``since`` year (Constitution Day has no day before 2072), so every
    caller (festivals, days' events, likely holidays, next) is right about old years."""
    fixed = fixed_days()
    computed = _lunar_days(first, last)
    for rule in rules().values():
        computed.extend((ordinal, rule) for ordinal in _computed(rule, first, last))
    found: list[tuple[int, Rule, str]] = []
    for ordinal, rule in computed:
        bs = _in_range(ordinal)
        if bs is not None and (rule.id, bs.year) not in fixed and bs.year >= rule.since:
            found.append((ordinal, rule, COMPUTED))
    table = rules()
    for (id_, _year), days in fixed.items():
        for day in days:
            ordinal = bs_to_ad(day.bs).toordinal()
            if first <= ordinal <= last and day.bs.year >= table[id_].since:
                found.append((ordinal, table[id_], day.source))
    found.sort(key=lambda item: item[0])
    return found


def festival_records(first: int, last: int) -> list[FestivalDay]:
    """``festival_days`` as records."""
    records = []
    for ordinal, rule, source in festival_days(first, last):
        day = date.fromordinal(ordinal)
        records.append(FestivalDay(rule.id, rule.name, rule.name_ne, day, ad_to_bs(day), source))
    return records


def festival_day(name: str, bs_year: int) -> FestivalDay | None:
    """The (first) day of a festival, by id, name or alias, in a BS year; None when it has no
    day that year (before its ``since`` year, or an announced day not listed)."""
    wanted = festival_id(name)
    first = bs_to_ad((bs_year, 1, 1)).toordinal()
    last = bs_to_ad((bs_year, 12, days_in_month(bs_year, 12))).toordinal()
    return next((f for f in festival_records(first, last) if f.id == wanted), None)
