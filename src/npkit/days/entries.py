"""Calendar entries: the observances and public holidays of some days, each as one dated entry a
calendar app can show (``-f ics``, through ``npkit.output.ics``).

One entry per observance day, one per span (Swasthani, Sorha Shraddha: first to last day, not
"begins" and "ends"), one per holiday range (consecutive days of one holiday row). Whatever
the days asked (a month, a year, several years, the next day of something), an entry is built
from its whole year, so the same observance or holiday is the same entry everywhere: same
``uid``, same days, same text. ``language`` "ne" writes summaries and descriptions in Nepali.
"""

from __future__ import annotations

from collections import namedtuple
from datetime import date

from npkit.dates import ad_to_bs, bs_text_en, bs_text_ne, bs_to_ad, days_in_month
from npkit.errors import UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from npkit.patro import Panchang, Upcoming

LANGUAGES = ("en", "ne")


class Entry(namedtuple("Entry", "uid id first last summary description categories status")):
    """One all-day entry: ``uid`` (``id-YYYYMMDD`` of its first day; a holiday's also names
    its scope), the observance's or holiday's ``id``, ``first`` and ``last`` day (inclusive),
    ``summary`` (its name), ``description`` (BS dates, tithi, scope, status, source, one per
    line), ``categories``, and a holiday's ``status`` ("confirmed" or "likely"; None for an
    observance)."""

    __slots__ = ()
    uid: str
    id: str
    first: date
    last: date
    summary: str
    description: str
    categories: tuple[str, ...]
    status: str | None


_WORDS = {
    "en": {
        "bs": "BS", "tithi": "Tithi", "category": "Category", "source": "Source",
        "holiday": "holiday", "likely": "likely holiday", "for": "for",
        "public": "Public holiday for", "status": "Status", "confirmed": "confirmed",
        "likely_status": "likely (no holiday notice for this year yet: it was a holiday in"
        " the latest notice)", "computed": "computed from the patro's rules",
    },
    "ne": {
        "bs": "वि.सं.", "tithi": "तिथि", "category": "प्रकार", "source": "स्रोत",
        "holiday": "बिदा", "likely": "सम्भावित बिदा", "for": "का लागि",
        "public": "सार्वजनिक बिदा", "status": "स्थिति", "confirmed": "पक्का",
        "likely_status": "सम्भावित (यस वर्षको बिदा सूचना आएको छैन: पछिल्लो सूचनामा बिदा थियो)",
        "computed": "पात्रोका नियमबाट गणना",
    },
}  # fmt: skip
SCOPES_NE = {
    "everyone": "सबै", "women": "महिला", "civil_servants": "निजामती कर्मचारी",
    "schools": "शैक्षिक संस्था", "disabled_staff": "अपाङ्गता भएका कर्मचारी",
    "kathmandu_valley": "काठमाडौं उपत्यका", "bagmati": "बागमती प्रदेश",
    "sudurpashchim": "सुदूरपश्चिम प्रदेश", "hill_districts": "पहाडी जिल्ला",
    "terai_districts": "तराई जिल्ला", "newar": "नेवार समुदाय", "kirat": "किरात समुदाय",
    "sikh": "सिख समुदाय", "christian": "इसाई समुदाय",
}  # fmt: skip
"""Who a holiday is for, in Nepali (a user's own scope words are written as they are)."""
CALENDAR_NAMES = {
    "festivals": ("Nepal festivals (npkit)", "नेपालका चाडपर्व (npkit)"),
    "holidays": ("Nepal public holidays (npkit)", "नेपालका सार्वजनिक बिदा (npkit)"),
    "cal": ("Nepali patro (npkit)", "नेपाली पात्रो (npkit)"),
    "next": ("Nepal: next days (npkit)", "नेपाल: आउँदा दिन (npkit)"),
}
"""The name a calendar app shows for each command's calendar, in English and Nepali."""


def calendar_name(command: str, language: str = "en") -> str:
    """The calendar's name (X-WR-CALNAME) for a command's entries."""
    return CALENDAR_NAMES[command][_language(language) == "ne"]


def _language(language: str) -> str:
    if language not in LANGUAGES:
        raise UsageError(f"unknown language {language!r}; languages: {', '.join(LANGUAGES)}")
    return language


def in_years(years: Iterable[int], entries: Callable[[date, date], list[Entry]]) -> list[Entry]:
    """``entries(first, last)`` of each BS year (its first and last AD day), in the order
    given, a repeated year once: what ``festivals``/``holidays`` YEAR… write."""
    return [
        entry
        for y in dict.fromkeys(years)
        for entry in entries(bs_to_ad((y, 1, 1)), bs_to_ad((y, 12, days_in_month(y, 12))))
    ]


def _slug(text: str) -> str:
    words = "".join(ch if ch.isalnum() else " " for ch in text.casefold()).split()
    return "_".join(words)


def _whole_years(first: date, last: date) -> tuple[int, int]:
    """The ordinals of the BS years holding ``first`` and ``last``: entries are built from
    whole years so a range cut inside one is the same entry as in the year's list."""
    start = bs_to_ad((ad_to_bs(first).year, 1, 1))
    last_year = ad_to_bs(last).year
    end = bs_to_ad((last_year, 12, days_in_month(last_year, 12)))
    return start.toordinal(), end.toordinal()


def observances(
    first: date, last: date, category: str | None = None, language: str = "en"
) -> list[Entry]:
    """The observances (``--category`` as ``patro.observances`` reads it) on any day from
    ``first`` to ``last``: one entry a day, a span as one entry from its first to its last
    day; by first day."""
    from npkit.patro import rules

    language = _language(language)
    chosen = rules.categories(category)
    low, high = _whole_years(first, last)
    found: list[tuple[int, int, rules.Rule, str, str, str]] = []
    for ordinal, rule, source, event in rules.observance_days(low, high):
        if rule.kind != "span" and rules.shown(rule.id, chosen):
            found.append((ordinal, ordinal, rule, source, event.name, event.name_ne))
    for start, end, rule in rules.span_periods(low, high):
        if rules.shown(rule.id, chosen) and _exists(start, rule.since):
            found.append((start, end, rule, rules.COMPUTED, rule.name, rule.name_ne))
    found = [f for f in found if f[0] <= last.toordinal() and f[1] >= first.toordinal()]
    found.sort(key=lambda f: f[0])
    days = _panchang([(f[0], f[1]) for f in found])
    words = _WORDS[language]
    entries = []
    for start, end, rule, source, name, name_ne in found:
        lines = _date_lines(start, end, days, language)
        lines.append(f"{words['category']}: {rule.category.replace('_', ' ')}")
        lines.append(
            f"{words['source']}: {words['computed'] if source == rules.COMPUTED else source}"
        )
        entries.append(
            Entry(
                f"{rule.id}-{date.fromordinal(start):%Y%m%d}",
                rule.id,
                date.fromordinal(start),
                date.fromordinal(end),
                name_ne if language == "ne" else name,
                "\n".join(lines),
                (rule.category.replace("_", " ").capitalize(),),
                None,
            )
        )
    return entries


def _exists(ordinal: int, since: int) -> bool:
    """Whether a span starting on ``ordinal`` is in the supported range and its rule's years."""
    try:
        return ad_to_bs(date.fromordinal(ordinal)).year >= since
    except UsageError:
        return False


def holidays(
    first: date,
    last: date,
    scope: str | Iterable[str] | None = None,
    language: str = "en",
) -> list[Entry]:
    """The public holidays (of ``scope``, exactly those named; None: every one) on any day from
    ``first`` to ``last``, likely ones in a year without a notice: one entry per holiday range
    (consecutive days of one name, scope and status), by first day."""
    from npkit.patro import holiday_id, notices

    language = _language(language)
    low, high = _whole_years(first, last)
    runs: list[tuple[int, int, tuple[str, ...]]] = []
    latest: dict[tuple[str, ...], int] = {}  # a holiday's last run, by index in runs
    for day in notices.holiday_days(low, high, scope):
        key = (day.name, day.name_ne, day.scope, day.status, day.source, day.provenance)
        ordinal = day.ad.toordinal()
        index = latest.get(key)
        if index is not None and runs[index][1] == ordinal - 1:
            runs[index] = (runs[index][0], ordinal, key)
        else:
            latest[key] = len(runs)
            runs.append((ordinal, ordinal, key))
    found = [r for r in runs if r[0] <= last.toordinal() and r[1] >= first.toordinal()]
    days = _panchang([(start, end) for start, end, _key in found])
    words = _WORDS[language]
    entries = []
    for start, end, row in found:
        name, name_ne, who, status, source, provenance = row
        lines = _date_lines(start, end, days, language)
        lines.append(f"{words['public']}: {_scope(who, language)}")
        said = words["confirmed"] if status == notices.CONFIRMED else words["likely_status"]
        lines.append(f"{words['status']}: {said}")
        lines.append(f"{words['source']}: {provenance or source}")
        first_day = date.fromordinal(start)
        id_ = holiday_id(name)
        entries.append(
            Entry(
                f"holiday-{id_}-{_slug(who)}-{first_day:%Y%m%d}",
                id_,
                first_day,
                date.fromordinal(end),
                _holiday_summary(name_ne if language == "ne" else name, who, status, language),
                "\n".join(lines),
                ("Public holiday",) if who == "everyone" else ("Public holiday", who),
                status,
            )
        )
    return entries


def _scope(scope: str, language: str) -> str:
    return SCOPES_NE.get(scope, scope) if language == "ne" else scope.replace("_", " ")


def _holiday_summary(name: str, scope: str, status: str, language: str) -> str:
    """ "Vijaya Dashami (holiday)", "Haritalika Teej (holiday for women)", "… (likely holiday)";
    in Nepali "… (महिलाका लागि बिदा)"."""
    words = _WORDS[language]
    kind = words["likely"] if status == "likely" else words["holiday"]
    if (
        scope == "everyone"
        and status != "likely"
        and ("holiday" in name.casefold() or "बिदा" in name)
    ):
        return name  # "Dashain holidays", not "Dashain holidays (holiday)"
    if scope == "everyone":
        return f"{name} ({kind})"
    if language == "ne":
        return f"{name} ({_scope(scope, language)}{words['for']} {kind})"
    return f"{name} ({kind} for {_scope(scope, language)})"


def upcoming(records: Iterable[Upcoming], language: str = "en") -> list[Entry]:
    """The entries of ``patro.upcoming_all`` answers (``npkit date next``): an observance's
    or holiday's own entry (a span whole, a holiday range whole), a BS day or lunar date as a
    one-day entry."""
    language = _language(language)
    entries = []
    for record in records:
        if record.status is not None:
            found = holidays(record.ad, record.ad, "everyone", language)
        else:
            found = observances(record.ad, record.ad, "all", language)
        match = [e for e in found if e.id == record.id and e.first <= record.ad <= e.last]
        if match:
            entries.append(match[0])
            continue
        name = record.name_ne if language == "ne" else record.name
        lines = _date_lines(record.ad.toordinal(), record.ad.toordinal(), None, language)
        entries.append(
            Entry(
                f"{record.id}-{_slug(record.name)}-{record.ad:%Y%m%d}",
                record.id,
                record.ad,
                record.ad,
                name,
                "\n".join(lines),
                (),
                None,
            )
        )
    return entries


def _panchang(spans: list[tuple[int, int]]) -> dict[int, Panchang]:
    """The patro of every day the entries cover (ordinals), computed in one pass."""
    from npkit import patro

    if not spans:
        return {}
    low, high = min(s[0] for s in spans), max(s[1] for s in spans)
    found = patro.days(date.fromordinal(low), date.fromordinal(high))
    return dict(zip(range(low, high + 1), found, strict=True))


def _date_lines(start: int, end: int, days: dict[int, Panchang] | None, language: str) -> list[str]:
    """ "BS: 4 Kartik 2083 (2083-07-04)" (or "from – to" for several days) and the tithi."""
    words = _WORDS[language]
    text = bs_text_ne if language == "ne" else bs_text_en
    first_bs, last_bs = ad_to_bs(date.fromordinal(start)), ad_to_bs(date.fromordinal(end))
    if start == end:
        lines = [f"{words['bs']}: {text(first_bs)} ({first_bs.isoformat()})"]
    else:
        lines = [f"{words['bs']}: {text(first_bs)} – {text(last_bs)}"]
    if days is None:
        from npkit import patro

        days = {start: patro.day(date.fromordinal(start))}
    if start in days:
        tithis = [days[start]] + ([days[end]] if end != start and end in days else [])
        line = " – ".join(p.tithi_line_ne if language == "ne" else p.tithi_line for p in tithis)
        lines.append(f"{words['tithi']}: {line}")
    return lines
