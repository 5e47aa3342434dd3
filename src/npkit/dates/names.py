"""Names of BS months and weekdays as npkit writes them (plain tuples); every spelling people
type for a month is in ``npkit.dates.spellings``, which only the parser loads."""

from __future__ import annotations

MONTHS_EN = (
    "Baishakh", "Jestha", "Asar", "Shrawan", "Bhadra", "Ashwin",
    "Kartik", "Mangsir", "Poush", "Magh", "Falgun", "Chaitra",
)  # fmt: skip
"""BS month names in English, Baishakh first (the spelling every output uses)."""
MONTHS_NE = (
    "बैशाख", "जेठ", "असार", "साउन", "भदौ", "असोज",
    "कात्तिक", "मंसिर", "पुस", "माघ", "फागुन", "चैत",
)  # fmt: skip
"""BS month names in Nepali, बैशाख first."""
MONTHS_SHORT = ("Bai", "Jes", "Asa", "Shr", "Bha", "Asw", "Kar", "Man", "Pou", "Mag", "Fal", "Cha")
"""``%b``: three letters each, all different, each read back by the parser (``Asw`` is
Ashwin: ``Ash`` would be ambiguous with Asar/Ashar)."""
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
"""Weekday names, Monday first (index = ``date.weekday()``)."""
WEEKDAYS_NE = ("सोमबार", "मंगलबार", "बुधबार", "बिहीबार", "शुक्रबार", "शनिबार", "आइतबार")
"""Weekday names in Nepali, सोमबार (Monday) first."""
