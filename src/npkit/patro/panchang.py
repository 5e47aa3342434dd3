"""The rest of a day's panchang beside the tithi: nakshatra, yoga, karana, the Moon's and the
Sun's sign, ayana, the Nepal Sambat month, the tithi line as patros print it, and the day's
slots (Rahu kaal, Yamaganda, Gulika kaal, Abhijit). Names and small rules only: the longitudes
come from astro, the per-day pass is patro._build (docs/patro.md says how each is decided).
"""

from __future__ import annotations

NAKSHATRA_EN = (
    "Ashwini", "Bharani", "Krittika", "Rohini", "Mrigashira", "Ardra", "Punarvasu", "Pushya",
    "Ashlesha", "Magha", "Purva Phalguni", "Uttara Phalguni", "Hasta", "Chitra", "Swati",
    "Vishakha", "Anuradha", "Jyeshtha", "Mula", "Purva Ashadha", "Uttara Ashadha", "Shravana",
    "Dhanishtha", "Shatabhisha", "Purva Bhadrapada", "Uttara Bhadrapada", "Revati",
)  # fmt: skip
NAKSHATRA_NE = (
    "अश्विनी", "भरणी", "कृत्तिका", "रोहिणी", "मृगशिरा", "आर्द्रा", "पुनर्वसु", "पुष्य", "आश्लेषा",
    "मघा", "पूर्वाफाल्गुनी", "उत्तराफाल्गुनी", "हस्त", "चित्रा", "स्वाती", "विशाखा", "अनुराधा",
    "ज्येष्ठा", "मूल", "पूर्वाषाढा", "उत्तराषाढा", "श्रवण", "धनिष्ठा", "शतभिषा", "पूर्वभाद्रपद",
    "उत्तरभाद्रपद", "रेवती",
)  # fmt: skip
YOGA_EN = (
    "Vishkambha", "Priti", "Ayushman", "Saubhagya", "Shobhana", "Atiganda", "Sukarma", "Dhriti",
    "Shula", "Ganda", "Vriddhi", "Dhruva", "Vyaghata", "Harshana", "Vajra", "Siddhi",
    "Vyatipata", "Variyan", "Parigha", "Shiva", "Siddha", "Sadhya", "Shubha", "Shukla",
    "Brahma", "Indra", "Vaidhriti",
)  # fmt: skip
YOGA_NE = (
    "विष्कम्भ", "प्रीति", "आयुष्मान", "सौभाग्य", "शोभन", "अतिगण्ड", "सुकर्मा", "धृति", "शूल",
    "गण्ड", "वृद्धि", "ध्रुव", "व्याघात", "हर्षण", "वज्र", "सिद्धि", "व्यतीपात", "वरीयान",
    "परिघ", "शिव", "सिद्ध", "साध्य", "शुभ", "शुक्ल", "ब्रह्म", "इन्द्र", "वैधृति",
)  # fmt: skip
KARANA_EN = (
    "Kimstughna", "Bava", "Balava", "Kaulava", "Taitila", "Gara", "Vanija", "Vishti",
    "Shakuni", "Chatushpada", "Naga",
)  # fmt: skip
KARANA_NE = (
    "किंस्तुघ्न", "बव", "बालव", "कौलव", "तैतिल", "गर", "वणिज", "विष्टि", "शकुनि", "चतुष्पद", "नाग",
)  # fmt: skip
SIGN_EN = (
    "Mesh", "Vrish", "Mithun", "Karkat", "Simha", "Kanya", "Tula", "Vrishchik", "Dhanu",
    "Makar", "Kumbha", "Meen",
)  # fmt: skip
SIGN_NE = (
    "मेष", "वृष", "मिथुन", "कर्कट", "सिंह", "कन्या", "तुला", "वृश्चिक", "धनु", "मकर", "कुम्भ", "मीन",
)  # fmt: skip
AYANA = {"uttarayana": "उत्तरायण", "dakshinayana": "दक्षिणायन"}
NS_MONTH_EN = (
    "Kachhala", "Thinla", "Pohela", "Sila", "Chilla", "Chaula", "Bachhala", "Tachhala",
    "Dilla", "Gunla", "Yanla", "Kaula",
)  # fmt: skip
NS_MONTH_NE = (
    "कछला", "थिंला", "पोहेला", "सिल्ला", "चिल्ला", "चौला", "बछला", "तछला", "दिल्ला", "गुंला",
    "ञला", "कौला",
)  # fmt: skip
NS_ADHIK = ("Anala", "अनला")  # the intercalary month of Nepal Sambat (docs/patro.md)

NAKSHATRA_SPAN = 360.0 / 27  # 13°20′
_KARTIK = 6  # Kachhala is the lunar (amanta) Kartik: Nepal Sambat's year begins on Mha Puja

# Which eighth of the day (1–8, from sunrise) each slot is, Monday first (date.weekday()).
RAHU_PART = (2, 7, 5, 6, 4, 3, 8)
YAMAGANDA_PART = (4, 3, 2, 1, 7, 6, 5)
GULIKA_PART = (6, 5, 4, 3, 2, 1, 7)
ABHIJIT = (8, 15)  # the 8th of 15 equal parts of the day


def karana(half: int) -> int:
    """The karana (0 = Kimstughna … 10 = Naga) of half-tithi ``half`` (0–59, elongation // 6°):
    Kimstughna, then Bava … Vishti eight times, then Shakuni, Chatushpada, Naga."""
    if half == 0:
        return 0
    if half >= 57:
        return half - 57 + 8
    return (half - 1) % 7 + 1


def ayana(sun_sign: int) -> str:
    """uttarayana from Makara sankranti to Karkata sankranti (the Sun's sidereal longitude from
    270° to 90°), else dakshinayana; by the Sun's sign as patros print it (0 = Mesh: the BS
    month, which begins with the sankranti), so it turns on Magh 1 and Shrawan 1 as patros
    print it, not a day later when the sankranti falls after sunrise."""
    return "dakshinayana" if 3 <= sun_sign < 9 else "uttarayana"


def ns_month(month: int, adhik: bool) -> tuple[str, str]:
    """(English, Nepal Bhasa) name of the Nepal Sambat month of an amanta lunar month
    (0 = Baishakh): Kartik is Kachhala; an adhik month is Anala."""
    if adhik:
        return NS_ADHIK
    index = (month - _KARTIK) % 12
    return NS_MONTH_EN[index], NS_MONTH_NE[index]


def tithi_line(month: int, adhik: bool, tithi: int, names: tuple[str, str, str]) -> tuple[str, str]:
    """("Mangsir krishna Chaturdashi", "मार्ग कृष्ण चतुर्दशी"): the day's lunar month as patros
    name it (``month``: engine.month_name_of_day), paksha and tithi (``names``:
    engine.tithi_names)."""
    from npkit.patro.engine import LUNAR_MONTHS_EN, LUNAR_MONTHS_NE

    paksha, name, name_ne = names
    if tithi == 30:
        name = "Aunsi"
    english = f"{LUNAR_MONTHS_EN[month]} {paksha} {name}"
    nepali = f"{LUNAR_MONTHS_NE[month]} {'शुक्ल' if paksha == 'shukla' else 'कृष्ण'} {name_ne}"
    if adhik:
        return f"Adhik {english}", f"अधिक {nepali}"
    return english, nepali


def part(rise: float, set_: float, index: int, parts: int = 8) -> tuple[float, float]:
    """(start, end) of part ``index`` (1-based) of ``parts`` equal parts of sunrise–sunset."""
    length = (set_ - rise) / parts
    return rise + (index - 1) * length, rise + index * length
