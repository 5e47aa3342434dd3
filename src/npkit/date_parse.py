"""The general date parser behind ``npkit.dates.parse_date``: numbers, names, markers.

Kept apart so that plain ISO input (the bulk case) never loads ``re``-heavy tables.
"""

from __future__ import annotations

import re
import unicodedata

from npkit.dates import DEVANAGARI_DIGITS, ParsedDate
from npkit.errors import UsageError

_TO_ASCII = str.maketrans(DEVANAGARI_DIGITS, "0123456789")


def _names(*groups: tuple[int, str]) -> dict[str, int]:
    table: dict[str, int] = {}
    for month, spellings in groups:
        for spelling in spellings.split():
            table[name_key(spelling)] = month
    return table


def name_key(word: str) -> str:
    """Lookup key for a month name: NFC, casefolded, without ZWJ/ZWNJ, nukta or dots."""
    word = unicodedata.normalize("NFC", word).casefold()
    return word.translate({0x200C: None, 0x200D: None, 0x093C: None, ord("."): None})


BS_MONTH_NAMES = _names(
    (1, "baishakh baisakh baishak baisak vaisakh vaishakh vaishakha bai वैशाख बैशाख बैसाख"),
    (2, "jestha jeth jeshtha jyestha jyeshtha jesth jes जेठ जेष्ठ ज्येष्ठ जेठ"),
    (3, "asar ashar asadh ashadh ashadha aasar asad asa असार आषाढ असाढ अषाढ"),
    (4, "shrawan shravan srawan sawan saun saaun shr श्रावण साउन सावन"),
    (5, "bhadra bhadau bhado bhadrapad bha भदौ भाद्र भाद्रपद"),
    (6, "ashwin aswin asoj ashoj ashwin asauj aswin asw असोज आश्विन अश्विन असौज"),
    (7, "kartik kattik kartika kaattik kar कात्तिक कार्तिक"),
    (8, "mangsir mansir marga margashirsha mangshir mangsheer man मंसिर मङ्सिर मार्ग मार्गशीर्ष"),
    (9, "poush push paush pus pous pou पुस पौष पूस पूष"),
    (10, "magh magha maagh mag माघ"),
    (11, "falgun phalgun fagun phagun falgoon fal फागुन फाल्गुन फाल्गुण"),
    (12, "chaitra chait chaite cha चैत चैत्र"),
)
AD_MONTH_NAMES = _names(
    (1, "january jan जनवरी"),
    (2, "february feb फेब्रुअरी"),
    (3, "march mar मार्च"),
    (4, "april apr अप्रिल"),
    (5, "may मे"),
    (6, "june jun जुन"),
    (7, "july jul जुलाई"),
    (8, "august aug अगस्ट अगस्त"),
    (9, "september sep sept सेप्टेम्बर"),
    (10, "october oct अक्टोबर"),
    (11, "november nov नोभेम्बर"),
    (12, "december dec डिसेम्बर"),
)
# Words people write around a date that carry no date information.
_FILLER = {
    name_key(w)
    for w in "गते गत्ते day of the "
    "monday tuesday wednesday thursday friday saturday sunday "
    "mon tue tues wed thu thur thurs fri sat sun "
    "सोमबार मंगलबार बुधबार बुधवार बिहीबार बिहिबार शुक्रबार शनिबार आइतबार".split()
}
_MARKERS = {
    "ad": "ad", "a.d.": "ad", "ce": "ad", "ई.सं.": "ad", "ईस्वी": "ad",
    "bs": "bs", "b.s.": "bs", "vs": "bs", "वि.सं.": "bs", "बि.सं.": "bs", "विसं": "bs",
}  # fmt: skip
_MARKER_PREFIX = re.compile(r"^(ad|bs)\s*:\s*", re.IGNORECASE)
_NUMERIC_YMD = re.compile(r"(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})", re.ASCII)
_NUMERIC_DAY_FIRST = re.compile(r"\d{1,2}\s*([-/.])\s*\d{1,2}\s*\1\s*\d{4}", re.ASCII)
_TOKEN = re.compile(r"[^\s,\-/]+")


def _marker_key(word: str) -> str:
    return unicodedata.normalize("NFC", word).casefold().replace(" ", "")


def parse_text(text: str, assume: str | None = None) -> ParsedDate:
    """``npkit.dates.parse_date`` for everything but plain ISO input (rules documented there)."""
    original = text
    text = unicodedata.normalize("NFC", text).strip()
    if not text:
        raise UsageError("empty date")
    had_devanagari = any(ch in DEVANAGARI_DIGITS for ch in text)
    text = text.translate(_TO_ASCII)
    calendar: str | None = None

    prefix = _MARKER_PREFIX.match(text)
    if prefix:
        calendar = prefix.group(1).lower()
        text = text[prefix.end() :]
    else:
        head, _, last = text.rpartition(" ")
        if head and _marker_key(last) in _MARKERS:
            calendar = _MARKERS[_marker_key(last)]
            text = head.strip()

    numeric = _NUMERIC_YMD.fullmatch(text)
    if numeric:
        year, _, month, day = numeric.groups()
        default = assume or ("bs" if had_devanagari else "ad")
        return ParsedDate(calendar or default, int(year), int(month), int(day))
    if _NUMERIC_DAY_FIRST.fullmatch(text):
        raise UsageError(
            f"{original!r} is ambiguous (day first or month first?): write YYYY-MM-DD, "
            "or use a month name like '11 Mangsir 2081'"
        )
    return _parse_named(original, text, calendar, assume, had_devanagari)


def _parse_named(
    original: str, text: str, calendar: str | None, assume: str | None, had_devanagari: bool
) -> ParsedDate:
    """Parse a date written with a month name: one name, one 4-digit year, one day."""
    numbers: list[str] = []
    month: int | None = None
    named_calendar: str | None = None
    for token in _TOKEN.findall(text):
        key = name_key(token)
        if key.isascii() and key.isdigit():
            numbers.append(key)
        elif key in _FILLER:
            continue
        elif key in BS_MONTH_NAMES and month is None:
            month, named_calendar = BS_MONTH_NAMES[key], "bs"
        elif key in AD_MONTH_NAMES and month is None:
            month, named_calendar = AD_MONTH_NAMES[key], "ad"
        else:
            raise UsageError(f"{original!r} is not a date I can read (unexpected {token!r})")
    years = [n for n in numbers if len(n) == 4]
    days = [n for n in numbers if len(n) <= 2]
    if month is None or len(years) != 1 or len(days) != 1 or len(numbers) != 2:
        raise UsageError(
            f"{original!r} is not a date I can read: use YYYY-MM-DD or 'DAY MONTH YEAR'"
        )
    if calendar and named_calendar and calendar != named_calendar:
        raise UsageError(f"{original!r} names a {named_calendar.upper()} month but says {calendar}")
    chosen = calendar or named_calendar or assume or ("bs" if had_devanagari else "ad")
    return ParsedDate(chosen, int(years[0]), month, int(days[0]))
