"""Every spelling people type for a month, BS or AD: a normalised word (``name_key``) to a
month number, for the parser and its "did you mean" hints. (Apart from ``names``: building
the tables costs ~0.5 ms, which only a parse of text needs.)
"""

from __future__ import annotations

import unicodedata


def name_key(word: str) -> str:
    """Lookup key for a month name: NFC, casefolded, without ZWJ/ZWNJ, nukta or dots."""
    word = unicodedata.normalize("NFC", word).casefold()
    return word.translate({0x200C: None, 0x200D: None, 0x093C: None, ord("."): None})


def _names(*groups: tuple[int, str]) -> dict[str, int]:
    table: dict[str, int] = {}
    for month, spellings in groups:
        for spelling in spellings.split():
            table[name_key(spelling)] = month
    return table


BS_MONTH_NAMES = _names(
    (1, "baishakh baisakh baishak baisak vaisakh vaishakh vaishakha bai वैशाख बैशाख बैसाख"),
    (2, "jestha jeth jeshtha jyestha jyeshtha jesth jes जेठ जेष्ठ ज्येष्ठ जेठ"),
    (3, "asar ashar asadh ashadh ashadha aasar asad asa असार आषाढ असाढ अषाढ"),
    (4, "shrawan shravan srawan sawan saun saaun shr श्रावण साउन सावन"),
    (5, "bhadra bhadau bhado bhadrapad bha भदौ भाद्र भाद्रपद"),
    (6, "ashwin aswin asoj ashoj asauj asw असोज आश्विन अश्विन असौज"),
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
