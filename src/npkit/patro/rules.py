"""Festival days from a rules table (data/festivals.tsv) and per-year fixed days
(data/festival_days.tsv).

The rules are data, not code, so a festival is added or corrected by editing one line. A lunar
rule is "tithi T of lunar month M, holding at sunrise / sunset / midnight"; fixed rules are a BS
or AD month and day; an "announced" festival (Eid) has only the days listed for it. Files are
tab-separated and read without the csv module (it imports ``re``); the rule files are read by
tools/build_rules_table.py into ``_rules_table`` (constants), which is what a run loads.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from itertools import repeat
from os.path import dirname, join

from npkit.dates import MONTHS_EN, BSDate, ad_to_bs, bs_to_ad, days_in_month
from npkit.errors import NotKnownError, UsageError
from npkit.patro import astro, engine
from npkit.patro.records import Event, FestivalDay
from npkit.tuples import record as namedtuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

KINDS = ("lunar", "bs", "ad", "announced", "sankranti", "span")
WHEN = ("sunrise", "afternoon", "sunset", "midnight")
COMPUTED = "computed"
EVERY = -1  # a lunar rule's month "*": every lunation, adhik ones too
ADHIK = -2  # a lunar rule's month "adhik": adhik lunations only
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
CATEGORIES = (
    "festival", "national_day", "jayanti", "jatra", "brata", "ekadashi", "purnima", "aunsi",
    "sankranti", "shraddha", "community", "international_day", "span",
)  # fmt: skip
DEFAULT_CATEGORIES = ("festival", "jatra", "community")
"""What ``date festivals`` and ``date cal`` list by default, with every festivals.tsv row (the
main festivals and national days): a readable list; ``--category all`` for everything."""


class Rule(
    namedtuple(
        "Rule",
        "id kind month day when after since name name_ne aliases category weekdays days end main",
    )
):
    """One line of festivals.tsv or observances.tsv; ``month`` is a 0-based month index
    (EVERY, ADHIK for lunar rules); ``since`` the first BS year the observance exists (0:
    always); ``days`` every tithi a lunar rule takes (Pradosh: 13 and 28); ``weekdays`` the
    weekdays (0 = Monday) its day must fall on (empty: any); ``end`` a span's last (month,
    tithi); ``main`` True for festivals.tsv rows (the festivals and national days)."""

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
    category: str
    weekdays: tuple[int, ...]
    days: tuple[int, ...]
    end: tuple[int, int] | None
    main: bool

    @property
    def event(self) -> Event:
        """The (id, name, name_ne) shown on a day."""
        return Event(self.id, self.name, self.name_ne)

    @property
    def end_event(self) -> Event:
        """A span's last day."""
        return Event(self.id, f"{self.name} ends", f"{self.name_ne} समाप्ति")

    @property
    def start_event(self) -> Event:
        """A span's first day."""
        return Event(self.id, f"{self.name} begins", f"{self.name_ne} आरम्भ")


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


_SPECIAL_MONTHS = {"*": EVERY, "adhik": ADHIK}
_WEEKDAY_INDEX = {name: index for index, name in enumerate(WEEKDAYS)}


def _lunar_month(text: str) -> int:
    return _SPECIAL_MONTHS.get(text) or MONTHS_EN.index(text)


def _read_rules(name: str, main: bool) -> Iterator[Rule]:
    """The rules of one file. Read on every ``npkit date today`` (a day needs them all), so
    written for speed: maps and filters rather than generator expressions."""
    kinds, when_values, categories_ = frozenset(KINDS), frozenset(WHEN), frozenset(CATEGORIES)
    for fields in _data_rows(name):
        id_, kind, month, day, when, after, since, name_en, name_ne, aliases = fields[:10]
        category, weekday, end = [*fields[10:], "", "", ""][:3]
        lunar = kind == "lunar" or kind == "span"
        if kind not in kinds or (lunar and when not in when_values) or category not in categories_:
            raise RuntimeError(f"{name}: bad rule for {id_}")
        if kind == "sankranti":
            kind, day = "bs", "1"  # the Sun enters the sign on the BS month's first day
        index = _lunar_month(month) if lunar else int(month or 0) - 1
        days = tuple(map(int, filter(None, day.split(";")))) if day else ()
        last = None
        if end:
            end_month, end_day = end.split()
            last = (_lunar_month(end_month), int(end_day))
        yield Rule(
            id_, kind, index, days[0] if days else 0, when, after, int(since or 0), name_en,
            name_ne, tuple(filter(None, aliases.split(";"))) if aliases else (), category,
            tuple(map(_WEEKDAY_INDEX.__getitem__, filter(None, weekday.split(";"))))
            if weekday else (),
            days, last, main,
        )  # fmt: skip


RULE_FILES = (("festivals.tsv", True), ("observances.tsv", False))


def read_rule_files() -> dict[str, Rule]:
    """Every rule of the two TSV files by id, read and checked (the source of truth: the
    table ``every_rule`` loads is built from this by tools/build_rules_table.py)."""
    table: dict[str, Rule] = {}
    for name, main in RULE_FILES:
        for rule in _read_rules(name, main):
            if rule.id in table:
                raise RuntimeError(f"{name}: id {rule.id} twice")
            table[rule.id] = rule
    return table


@cache
def every_rule() -> dict[str, Rule]:
    """Every observance rule by id: festivals.tsv (the main festivals and national days),
    then observances.tsv (bratas, ekadashis, jayantis, sankrantis, international days, …).

    Loaded from ``_rules_table`` (the files, read and checked once, as Python constants: its
    bytecode loads ~10x faster than the files parse, and every ``npkit date today`` needs
    every rule); tests/test_patro_rules_table.py holds it equal to ``read_rule_files()``."""
    from npkit.patro._rules_table import ROWS

    made = map(tuple.__new__, repeat(Rule), ROWS)
    return {rule.id: rule for rule in made}


@cache
def rules() -> dict[str, Rule]:
    """The festival rules (festivals.tsv) by id, in file order: what ``festival_days`` gives
    and holiday answers draw on."""
    return {id_: rule for id_, rule in every_rule().items() if rule.main}


def _month_words(index: int) -> str:
    return {EVERY: "every month's", ADHIK: "the adhik month's"}.get(index) or MONTHS_EN[index]


def rule_words(rule: Rule) -> str:
    """A rule in words ("lunar Ashwin tithi 10", "BS Magh 1", "AD March 8")."""
    at = "" if rule.when == "sunrise" else f" at {rule.when}"
    on = f" on {'/'.join(WEEKDAYS[w] for w in rule.weekdays)}" if rule.weekdays else ""
    if rule.kind == "lunar":
        tithis = " and ".join(map(str, rule.days))
        return f"lunar {_month_words(rule.month)} tithi {tithis}{at}{on}"
    if rule.kind == "span" and rule.end:
        return (f"lunar {_month_words(rule.month)} tithi {rule.day} to"
                f" {_month_words(rule.end[0])} tithi {rule.end[1]}{at}")  # fmt: skip
    if rule.kind == "bs":
        return f"BS {MONTHS_EN[rule.month]} {rule.day}"
    if rule.kind == "ad":
        first = " (the first " + WEEKDAYS[rule.weekdays[0]] + " from)" if rule.weekdays else ""
        return f"AD {date(2000, rule.month + 1, rule.day):%B} {rule.day}{first}"
    return "announced each year"


def category_of(id_: str) -> str:
    """The category of an observance id ("" for one not in the tables)."""
    rule = every_rule().get(id_)
    return rule.category if rule else ""


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
    return "".join(ch for ch in text.casefold() if ch.isalnum() or ch in _MARKS)


_MARKS = "".join(map(chr, (0x901, 0x902, 0x903, 0x93C, *range(0x93E, 0x945), 0x947, 0x948,
                            0x94B, 0x94C, 0x94D)))  # fmt: skip
"""Devanagari vowel signs and marks: not alphanumeric to Python, but part of a Nepali name."""


@cache
def _names() -> dict[str, list[str]]:
    """Every way to write an observance (id, names, aliases; then, for keys not taken so, the
    names without their parenthesis), as a key, to the ids it names: one, or several
    ("lhosar")."""
    keys: dict[str, list[str]] = {}
    table = every_rule().values()
    for pass_ in (0, 1):
        taken = set(keys)
        for rule in table:
            if pass_ == 0:
                texts: tuple[str, ...] = (rule.id, rule.name, rule.name_ne, *rule.aliases)
            else:
                texts = (rule.name.split(" (")[0], rule.name_ne.split(" (")[0])
            for text in texts:
                key = _name_key(text)
                if pass_ and key in taken:
                    continue
                ids = keys.setdefault(key, [])
                if rule.id not in ids:
                    ids.append(rule.id)
    keys.pop("", None)
    return keys


def observance_ids(name: str) -> list[str]:
    """The observance ids a name, id or alias (in either script) names: one id, or several
    for a word shared by several ("lhosar": Tamu, Sonam and Gyalpo Lhosar). A name we do not
    know is a UsageError with the closest names we know."""
    found = _names().get(_name_key(name))
    if found:
        return list(found)
    from difflib import get_close_matches

    close = get_close_matches(_name_key(name), list(_names()), n=3, cutoff=0.75)
    hint = f"; did you mean {', '.join(every_rule()[_names()[k][0]].name for k in close)}?"
    raise UsageError(
        f"unknown festival {name!r}{hint if close else ''} (give an id, a name or a common name"
        " such as dashain, tihar, holi or teej; 'npkit date festivals --category all' lists"
        " them)"
    )


def festival_id(name: str) -> str:
    """The observance id of an id, a name or an alias ("dashain" → vijaya_dashami); the first
    for a word several share; a name we do not know is a UsageError."""
    return observance_ids(name)[0]


# ---------------------------------------------------------------- days


@cache
def _lunar_rules(main_only: bool) -> dict[int, list[Rule]]:
    """The lunar rules by month index (EVERY, ADHIK included)."""
    table: dict[int, list[Rule]] = {}
    for rule in (rules() if main_only else every_rule()).values():
        if rule.kind == "lunar":
            table.setdefault(rule.month, []).append(rule)
    return table


def _lunar_days(first: int, last: int, main_only: bool = True) -> list[tuple[int, Rule]]:
    """(ordinal, rule) of the lunar observances in [first, last]: each lunation that can
    reach the span (from the one before the first day's to the one after the last day's)
    evaluates only its own month's rules and the every-month ones; a rule with weekdays keeps
    only the days that fall on one."""
    by_month = _lunar_rules(main_only)
    jd0 = first + astro.JD_OF_ORDINAL_0
    found = []
    every = by_month.get(EVERY, [])
    for lunation in range(
        astro.lunation_of(jd0) - 1, astro.lunation_of(last + 1 + jd0 - first) + 1
    ):
        month, adhik = engine.lunar_month(lunation)
        new = astro.new_moon(lunation)
        for rule in [*by_month.get(ADHIK if adhik else month, ()), *every]:
            for tithi in rule.days:
                # A tithi starts within ~0.6 day of its mean place; skip rules far from the span
                mean_start = new + (tithi - 1) * astro.SYNODIC_MONTH / 30
                if not jd0 - 3 <= mean_start <= last + astro.JD_OF_ORDINAL_0 + 3:
                    continue
                ordinal = engine.rule_day(lunation, tithi, rule.when)
                if rule.after:
                    before = every_rule()[rule.after]
                    ordinal = max(ordinal, engine.rule_day(lunation, before.day, before.when) + 1)
                if rule.weekdays and date.fromordinal(ordinal).weekday() not in rule.weekdays:
                    continue
                if first <= ordinal <= last:
                    found.append((ordinal, rule))
    return found


@cache
def _span_reach() -> int:
    """How many lunations before a day's a span that reaches it can start: the longest span's
    months (its end month counted from its start month, plus an adhik month between) and
    one more (the start's tithi may fall in the lunation before)."""
    reach = 1
    for rule in every_rule().values():
        if rule.kind == "span" and rule.end is not None:
            months = 0 if rule.month < 0 else (rule.end[0] - rule.month) % 12
            reach = max(reach, months + 2)
    return reach


def span_periods(first: int, last: int) -> list[tuple[int, int, Rule]]:
    """(first day, last day, rule) of every span that overlaps [first, last] (ordinals): the
    start is a lunar rule; the end the first month so named from the start's lunation on (the
    same lunation for an adhik month's span)."""
    spans = [rule for rule in every_rule().values() if rule.kind == "span"]
    jd0 = first + astro.JD_OF_ORDINAL_0
    found = []
    for lunation in range(
        astro.lunation_of(jd0) - _span_reach(), astro.lunation_of(last + 1 + jd0 - first) + 1
    ):
        month, adhik = engine.lunar_month(lunation)
        for rule in spans:
            if rule.month != (ADHIK if adhik else month) or rule.end is None:
                continue
            end_month, end_tithi = rule.end
            end_lunation = (
                lunation if end_month == ADHIK else _end_lunation(lunation, month, end_month)
            )
            # A rule's day lies within a day of its lunation's new moons: a span wholly
            # outside [first, last] is known without finding its days.
            if (
                engine.npt_ordinal(astro.new_moon(end_lunation + 1)) + 2 < first
                or engine.npt_ordinal(astro.new_moon(lunation)) - 2 > last
            ):
                continue
            start = engine.rule_day(lunation, rule.day, rule.when)
            end = engine.rule_day(end_lunation, end_tithi, rule.when)
            if start <= last and end >= first:
                found.append((start, end, rule))
    return found


def _end_lunation(lunation: int, month: int, end_month: int) -> int:
    """The lunation in which a span that starts in ``lunation`` (of month ``month``) ends: the
    first normal one named ``end_month``; where that month is lost (a kshaya month, as in
    1983, when no new moon falls in its sign), the one in its place, so a span never runs a
    year on to the next such month."""
    months = (end_month - month) % 12
    while True:
        found, adhik = engine.lunar_month(lunation)
        if (found == end_month and not adhik) or (found - month) % 12 > months:
            return lunation
        lunation += 1


def _span_days(first: int, last: int) -> list[tuple[int, Rule, Event]]:
    """(ordinal, rule, event) of the first and last days of the spans that start or end in
    [first, last]."""
    found = []
    for start, end, rule in span_periods(first, last):
        if first <= start <= last:
            found.append((start, rule, rule.start_event))
        if first <= end <= last:
            found.append((end, rule, rule.end_event))
    return found


def _computed(rule: Rule, first: int, last: int, years: _Years) -> list[int]:
    """The ordinals in [first, last] that a fixed-date rule gives (overrides not applied);
    ``years``: the BS and AD years [first, last] touches."""
    if rule.kind == "bs":
        days = []
        for year in years.bs:
            day = min(rule.day, days_in_month(year, rule.month + 1))
            days.append(bs_to_ad((year, rule.month + 1, day)).toordinal())
        return [o for o in days if first <= o <= last]
    if rule.kind == "ad":
        days = [date(year, rule.month + 1, rule.day).toordinal() for year in years.ad]
        if rule.weekdays:  # the first such weekday on or after the day (third Sunday of June)
            days = [o + (rule.weekdays[0] - date.fromordinal(o).weekday()) % 7 for o in days]
        return [o for o in days if first <= o <= last]
    return []


class _Years(namedtuple("_Years", "bs ad bs_months")):
    """The BS and the AD years a span of days touches (ranges), and the BS months (0-based:
    a day's query computes only its month's fixed BS rules)."""

    __slots__ = ()
    bs: range
    ad: range
    bs_months: range | set[int]

    @classmethod
    def of(cls, first: int, last: int) -> _Years:
        start, end = date.fromordinal(first), date.fromordinal(last)
        bs_first, bs_last = ad_to_bs(start), ad_to_bs(end)
        count = (bs_last.year - bs_first.year) * 12 + bs_last.month - bs_first.month + 1
        months = range(12) if count >= 12 else {(bs_first.month - 1 + k) % 12 for k in range(count)}
        return cls(range(bs_first.year, bs_last.year + 1), range(start.year, end.year + 1), months)


def _in_range(ordinal: int) -> BSDate | None:
    try:
        return ad_to_bs(date.fromordinal(ordinal))
    except UsageError:
        return None


def festival_days(first: int, last: int) -> list[tuple[int, Rule, str]]:
    """(ordinal, rule, source) of every festival day (festivals.tsv) in [first, last], sorted
    by day: computed days, except where festival_days.tsv fixes that festival's day in that BS
    year; none before a festival's ``since`` year (Constitution Day has no day before 2072), so
    every caller (festivals, likely holidays, next) is right about old years."""
    return [(o, rule, source) for o, rule, source, _event in _days(first, last, True)]


def observance_days(first: int, last: int) -> list[tuple[int, Rule, str, Event]]:
    """(ordinal, rule, source, event) of every observance in [first, last], by day and then
    table order: the festivals and every other rule (bratas, ekadashis, sankrantis, spans'
    first and last days, …), computed in one pass."""
    return _days(first, last, False)


def _rank(rule: Rule) -> int:
    return 0 if rule.main else 1 if rule.category in DEFAULT_CATEGORIES else 2


def categories(text: str | None) -> frozenset[str] | None:
    """The categories a ``--category`` value names (','-separated; "all": None, every
    observance; None or "": the default, DEFAULT_CATEGORIES with the main festivals)."""
    if text is not None and text.strip().casefold() == "all":
        return None
    if not text:
        return frozenset(("main", *DEFAULT_CATEGORIES))
    chosen = frozenset(word.strip().casefold() for word in text.split(",") if word.strip())
    unknown = sorted(chosen - set(CATEGORIES) - {"main"})
    if unknown:
        raise UsageError(
            f"unknown category {', '.join(unknown)}; categories: all, main, {', '.join(CATEGORIES)}"
        )
    return chosen


def shown(id_: str, chosen: frozenset[str] | None) -> bool:
    """Whether an observance is in the chosen categories ("main": the festivals.tsv rows)."""
    if chosen is None:
        return True
    rule = every_rule().get(id_)
    return rule is not None and (rule.category in chosen or ("main" in chosen and rule.main))


def _days(first: int, last: int, main_only: bool) -> list[tuple[int, Rule, str, Event]]:
    fixed = fixed_days()
    table = rules() if main_only else every_rule()
    computed = [(o, rule, rule.event) for o, rule in _lunar_days(first, last, main_only)]
    if not main_only:
        computed.extend(_span_days(first, last))
    years = _Years.of(first, last)
    for rule in table.values():
        if (rule.kind == "bs" and rule.month in years.bs_months) or rule.kind == "ad":
            computed.extend((o, rule, rule.event) for o in _computed(rule, first, last, years))
    found: list[tuple[int, Rule, str, Event]] = []
    for ordinal, rule, event in computed:
        bs = _in_range(ordinal)
        if bs is not None and (rule.id, bs.year) not in fixed and bs.year >= rule.since:
            found.append((ordinal, rule, COMPUTED, event))
    for (id_, _year), days in fixed.items():
        for day in days:
            ordinal = bs_to_ad(day.bs).toordinal()
            if id_ in table and first <= ordinal <= last and day.bs.year >= table[id_].since:
                found.append((ordinal, table[id_], day.source, table[id_].event))
    found.sort(key=lambda item: (item[0], _rank(item[1])))  # festivals first on a day
    return found


def festival_records(first: int, last: int) -> list[FestivalDay]:
    """``festival_days`` as records."""
    records = []
    for ordinal, rule, source in festival_days(first, last):
        day = date.fromordinal(ordinal)
        records.append(FestivalDay(rule.id, rule.name, rule.name_ne, day, ad_to_bs(day), source))
    return records


def observance_records(
    first: int, last: int, chosen: frozenset[str] | None = None
) -> list[FestivalDay]:
    """``observance_days`` in the chosen categories (None: all) as records; a span's first
    and last days are named "… begins" / "… ends"."""
    records = []
    for ordinal, rule, source, event in observance_days(first, last):
        if shown(rule.id, chosen):
            day = date.fromordinal(ordinal)
            records.append(
                FestivalDay(rule.id, event.name, event.name_ne, day, ad_to_bs(day), source)
            )
    return records


def festival_day(name: str, bs_year: int) -> FestivalDay | None:
    """The (first) day of an observance, by id, name or alias, in a BS year (a span's first
    day); None when it has no day that year (before its ``since`` year, or an announced day
    not listed)."""
    wanted = festival_id(name)
    first = bs_to_ad((bs_year, 1, 1)).toordinal()
    last = bs_to_ad((bs_year, 12, days_in_month(bs_year, 12))).toordinal()
    rule = every_rule()[wanted]
    days = observance_records(first, last)
    return next((f for f in days if f.id == wanted and f.name != rule.end_event.name), None)


# ---------------------------------------------------------------- next X

_PAKSHA = {"shukla": 0, "sukla": 0, "sudi": 0, "shukla paksha": 0, "शुक्ल": 0, "सुदी": 0,
           "krishna": 15, "krisna": 15, "krishn": 15, "badi": 15, "कृष्ण": 15, "बदी": 15}  # fmt: skip
_TITHI_WORDS = {"purnima": 15, "punhi": 15, "पूर्णिमा": 15, "पुर्णिमा": 15, "aunsi": 30,
                "amavasya": 30, "औंसी": 30, "अमावस्या": 30, "aushi": 30}  # fmt: skip


def _tithi_in_paksha(word: str) -> int | None:
    """1–15 from a tithi's name (either script) or number within its fortnight."""
    key = _name_key(word)
    for n in range(14):
        if key in (_name_key(engine.TITHI_EN[n]), _name_key(engine.TITHI_NE[n])):
            return n + 1
    for text, tithi in _TITHI_WORDS.items():
        if key == _name_key(text):
            return tithi
    try:
        from npkit.dates import parse_number

        number = parse_number(word, "tithi")
    except UsageError:
        return None
    return number if 1 <= number <= 15 else None


def lunar_date(text: str) -> tuple[int, int, str, str] | None:
    """(new-moon month index, tithi 1–30, English name, Nepali name) of a lunar date as patros
    write it ("Kartik krishna chaturdashi", "कार्तिक कृष्ण चतुर्दशी"): the dark half named by
    the full-moon convention, so Kartik krishna is the new-moon month before Kartik (Ashwin).
    None when the text is not one."""
    from npkit.dates import parse_bs_month

    words = text.split()
    if len(words) != 3 or _name_key(words[1]) not in {_name_key(k) for k in _PAKSHA}:
        return None
    try:
        month = parse_bs_month(words[0]) - 1
    except UsageError:
        return None
    offset = next(v for k, v in _PAKSHA.items() if _name_key(k) == _name_key(words[1]))
    tithi = _tithi_in_paksha(words[2])
    if tithi is None or (offset and tithi == 15) or (not offset and tithi == 30):
        return None
    tithi = tithi if tithi == 30 else tithi + offset
    amanta = month if tithi <= 15 else (month - 1) % 12
    paksha, name, name_ne = engine.tithi_names(tithi)
    english = f"{engine.LUNAR_MONTHS_EN[month]} {paksha} {name.split(' (')[0]}"
    nepali = f"{engine.LUNAR_MONTHS_NE[month]} {'शुक्ल' if paksha == 'shukla' else 'कृष्ण'} {name_ne}"
    return amanta, tithi, english, nepali


def bs_day(text: str) -> tuple[int, int] | None:
    """(BS month, day) of "11 Mangsir" / "Mangsir 11" / "११ मंसिर"; None when not one."""
    from npkit.dates import parse_bs_month, parse_number

    words = text.replace(",", " ").split()
    if len(words) != 2:
        return None
    for day_text, month_text in (words, words[::-1]):
        try:
            month, day = parse_bs_month(month_text), parse_number(day_text, "day")
        except UsageError:
            continue
        if 1 <= day <= 32 and not month_text.strip().isdigit():
            return month, day
    return None


class NextDay(namedtuple("NextDay", "ordinal id name name_ne source")):
    """The next day of something ``date next`` takes."""

    __slots__ = ()
    ordinal: int
    id: str
    name: str
    name_ne: str
    source: str


def next_days(text: str, start: int, last: int) -> list[NextDay]:
    """The next day on or after ``start`` (ordinal) of what ``text`` names: an observance by
    id, name or alias (several for a shared word such as "lhosar": each one's next day, nearest
    first), a BS day ("11 Mangsir": birthdays) or a lunar date ("Kartik krishna chaturdashi").
    A name we do not know is a UsageError (with the closest names); a known name with no day
    left in the supported range or the announced data is a NotKnownError."""
    from npkit.dates import MONTHS_EN as BS_MONTHS
    from npkit.dates import MONTHS_NE as BS_MONTHS_NE

    day = bs_day(text)
    if day is not None:
        month, number = day
        year = ad_to_bs(date.fromordinal(start)).year
        while True:
            try:
                if number <= days_in_month(year, month):
                    ordinal = bs_to_ad((year, month, number)).toordinal()
                    if ordinal >= start:
                        from npkit.dates.format import to_devanagari_digits

                        name = f"{number} {BS_MONTHS[month - 1]}"
                        ne = f"{to_devanagari_digits(number)} {BS_MONTHS_NE[month - 1]}"
                        return [NextDay(ordinal, "bs_date", name, ne, COMPUTED)]
            except UsageError:
                break
            year += 1
        raise NotKnownError(f"no {text} is known after that day")
    lunar = lunar_date(text)
    if lunar is not None:
        month, tithi, name, name_ne = lunar
        jd = start + astro.JD_OF_ORDINAL_0
        for lunation in engine.lunations_named(month, jd - 31, jd + 800):
            ordinal = engine.rule_day(lunation, tithi, "sunrise")
            if start <= ordinal <= last:
                return [NextDay(ordinal, "lunar_date", name, name_ne, COMPUTED)]
        raise NotKnownError(f"no {text} is known after that day")
    wanted = observance_ids(text)
    found: dict[str, NextDay] = {}
    first = start
    while first <= last and len(found) < len(wanted):
        for ordinal, rule, source, event in observance_days(first, min(first + 365, last)):
            if rule.id in wanted and rule.id not in found:
                found[rule.id] = NextDay(ordinal, rule.id, event.name, event.name_ne, source)
        if first > start and all(every_rule()[w].kind == "announced" for w in wanted):
            break  # announced days are listed only for a few years
        first += 366
    if not found:
        known = ", ".join(wanted)
        raise NotKnownError(
            f"no {known} is known after that day (npkit has no rule or data for it)"
        )
    return sorted(found.values(), key=lambda d: d.ordinal)
