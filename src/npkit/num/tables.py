"""The words of numbers: English and Nepali 0–99, and the scales of the Indian/Nepali system.

A table of data, not a chain of ifs. The Nepali words for 1–99 are irregular and each is
spelled as the majority of the independent sources checked (docs/num.md lists them and where
they disagree); ``NEPALI_VARIANTS`` are the other spellings seen in those sources, read by
``npkit.num.parse`` but never written.
"""

from __future__ import annotations

ENGLISH_0_19 = (
    "Zero One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen "
    "Fifteen Sixteen Seventeen Eighteen Nineteen"
).split()
ENGLISH_TENS = "_ _ Twenty Thirty Forty Fifty Sixty Seventy Eighty Ninety".split()

NEPALI_0_99 = (
    "शून्य एक दुई तीन चार पाँच छ सात आठ नौ "
    "दस एघार बाह्र तेह्र चौध पन्ध्र सोह्र सत्र अठार उन्नाइस "
    "बीस एक्काइस बाइस तेइस चौबीस पच्चीस छब्बीस सत्ताइस अठ्ठाइस उनन्तीस "
    "तीस एकतीस बत्तीस तेत्तीस चौंतीस पैंतीस छत्तीस सैंतीस अठतीस उनन्चालीस "
    "चालीस एकचालीस बयालीस त्रिचालीस चवालीस पैंतालीस छयालीस सतचालीस अठचालीस उनन्चास "
    "पचास एकाउन्न बाउन्न त्रिपन्न चवन्न पचपन्न छपन्न सन्ताउन्न अन्ठाउन्न उनन्साठी "
    "साठी एकसट्ठी बयसट्ठी त्रिसट्ठी चौंसट्ठी पैंसट्ठी छयसट्ठी सतसट्ठी अठसट्ठी उनन्सत्तरी "
    "सत्तरी एकहत्तर बहत्तर त्रिहत्तर चौहत्तर पचहत्तर छयहत्तर सतहत्तर अठहत्तर उनासी "
    "असी एकासी बयासी त्रियासी चौरासी पचासी छयासी सतासी अठासी उनान्नब्बे "
    "नब्बे एकानब्बे बयानब्बे त्रियानब्बे चौरानब्बे पन्चानब्बे छयानब्बे सन्तानब्बे अन्ठानब्बे "
    "उनान्सय"
).split()
"""Nepali words for 0–99 (index = value)."""

NEPALI_VARIANTS: dict[str, int] = {
    "शुन्य": 0, "सुन्ना": 0, "दश": 10, "अठाह्र": 18, "अठारा": 18, "अट्ठाइस": 28,
    "एकत्तिस": 31, "चउतीस": 34, "सरतीस": 37, "सट्तीस": 37, "अठ्तीस": 38, "अडतीस": 38,
    "उन्नचालीस": 39, "चौवालीस": 44, "सत्चालीस": 47, "सरचालीस": 47, "सच्चालीस": 47,
    "अठ्चालीस": 48, "अडचालीस": 48, "उनञ्चास": 49, "चउन्न": 54, "चौवन्न": 54,
    "ससन्ताउन्न": 57, "उन्नसाठ्ठी": 59, "उनन्साठ्ठी": 59, "साठ्ठी": 60, "एकसाठी": 61,
    "एकसठ्ठी": 61, "बयसाठी": 62, "बासट्ठी": 62, "बैसठ्ठी": 62, "त्रिसाठी": 63, "त्रिसठ्ठी": 63,
    "चौंसठी": 64, "चौसठ्ठी": 64, "पैंसठी": 65, "पैँसठ्ठी": 65, "छयसठी": 66, "छैसठ्ठी": 66,
    "सतसठी": 67, "सत्सठ्ठी": 67, "अठसठी": 68, "अठसठ्ठी": 68, "उनान्सत्तरी": 69, "सतरी": 70,
    "छहत्तर": 76, "छयत्तर": 76, "सतत्तर": 77, "अठ्हत्तर": 78, "उनास्सी": 79, "अस्सी": 80,
    "तिरासी": 83, "त्रीयासी": 83, "एकान्नब्बे": 91, "बयान्नब्बे": 92, "त्रियान्नब्बे": 93,
    "चौरान्नब्बे": 94, "पंचान्नब्बे": 95, "पञ्चानब्बे": 95, "छयान्नब्बे": 96,
    "सन्तान्नब्बे": 97, "अन्ठान्नब्बे": 98, "त्र्यासी": 83, "त्रिरासी": 83, "चौसट्ठी": 64,
    "उनन्सय": 99, "पंचानब्बे": 95, "पन्चान्नब्बे": 95, "छ्याहत्तर": 76,
}  # fmt: skip

SCALES: tuple[tuple[int, str, str], ...] = (
    (17, "Shankha", "शंख"),
    (15, "Padma", "पद्म"),
    (13, "Neel", "नील"),
    (11, "Kharab", "खर्ब"),
    (9, "Arab", "अर्ब"),
    (7, "Crore", "करोड"),
    (5, "Lakh", "लाख"),
    (3, "Thousand", "हजार"),
)
"""(power of ten, English, Nepali), largest first: every two digits above a thousand."""
HUNDRED = ("Hundred", "सय")
LIMIT_DIGITS = 19
"""Amounts below 10^19 (99 shankha …) are written; the next name has no settled spelling."""
