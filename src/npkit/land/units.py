"""The units of land in Nepal and their exact size in square feet.

Hills: 1 ropani = 16 aana = 64 paisa = 256 daam = 74 ft × 74 ft = 5,476 sq ft. Terai: 1 bigha
= 20 kattha = 400 dhur = 72,900 sq ft (a kattha 3,645, a dhur 182.25). The Department of Land
Management and Archive's land offices publish these (e.g. Malpot Office Panchthar, "जग्गा
मापक इकाई"); docs/land.md lists the sources. Metric by the international foot (0.3048 m
exactly, so 1 sq ft = 0.09290304 m²), 1 acre = 43,560 sq ft, 1 hectare = 10,000 m². Sizes are
``Fraction``s: nothing is rounded until the answer is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from npkit.errors import UsageError
from npkit.text import quote

SQ_FT_M2 = Fraction("0.09290304")
"""Square metres in one square foot (0.3048²), exact."""


@dataclass(frozen=True)
class Unit:
    """One unit: its name, the name people write, its size in sq ft and its system."""

    name: str
    label: str
    sqft: Fraction
    system: str = ""  # "ropani" or "bigha" for the traditional units


UNITS: dict[str, Unit] = {
    u.name: u
    for u in (
        Unit("ropani", "ropani", Fraction(5476), "ropani"),
        Unit("aana", "aana", Fraction(5476, 16), "ropani"),
        Unit("paisa", "paisa", Fraction(5476, 64), "ropani"),
        Unit("daam", "daam", Fraction(5476, 256), "ropani"),
        Unit("bigha", "bigha", Fraction(72900), "bigha"),
        Unit("kattha", "kattha", Fraction(72900, 20), "bigha"),
        Unit("dhur", "dhur", Fraction(72900, 400), "bigha"),
        Unit("sqft", "sq ft", Fraction(1)),
        Unit("m2", "m²", 1 / SQ_FT_M2),
        Unit("acre", "acre", Fraction(43560)),
        Unit("hectare", "hectare", 10000 / SQ_FT_M2),
    )
}
"""Every unit by its name, with its exact size in square feet."""
SYSTEMS: dict[str, tuple[str, ...]] = {
    "ropani": ("ropani", "aana", "paisa", "daam"),
    "bigha": ("bigha", "kattha", "dhur"),
}
"""The places of each system as people write them, largest first: 2-5-3-1 ropani."""

ALIASES: dict[str, str] = {
    "ropani": "ropani", "ropanis": "ropani", "रोपनी": "ropani", "रोपनि": "ropani",
    "aana": "aana", "ana": "aana", "anna": "aana", "aanas": "aana", "आना": "aana",
    "paisa": "paisa", "paisas": "paisa", "पैसा": "paisa",
    "daam": "daam", "dam": "daam", "daams": "daam", "दाम": "daam",
    "bigha": "bigha", "bighas": "bigha", "bigaha": "bigha", "बिघा": "bigha", "बिगाहा": "bigha",
    "kattha": "kattha", "katha": "kattha", "kathha": "kattha", "katthas": "kattha",
    "कट्ठा": "kattha", "कठ्ठा": "kattha",
    "dhur": "dhur", "dhurs": "dhur", "धुर": "dhur",
    "sqft": "sqft", "ft2": "sqft", "ft²": "sqft", "sq.ft": "sqft", "sq.ft.": "sqft",
    "sf": "sqft", "वर्गफिट": "sqft",
    "m2": "m2", "m²": "m2", "sqm": "m2", "sq.m": "m2", "sq.m.": "m2", "वर्गमिटर": "m2",
    "acre": "acre", "acres": "acre", "ac": "acre", "एकड": "acre",
    "hectare": "hectare", "hectares": "hectare", "ha": "hectare", "हेक्टर": "hectare",
}  # fmt: skip
PHRASES = (
    ("square feet", "sqft"), ("square foot", "sqft"), ("sq ft", "sqft"), ("sq. ft.", "sqft"),
    ("sq. ft", "sqft"), ("square metres", "m2"), ("square meters", "m2"),
    ("square metre", "m2"), ("square meter", "m2"), ("sq m", "m2"), ("sq. m.", "m2"),
    ("वर्ग फिट", "sqft"), ("वर्ग मिटर", "m2"),
)  # fmt: skip
"""Names of more than one word, made one before the text is split."""


def unit_named(name: str) -> Unit:
    """The unit called ``name`` (any alias, any case); else a UsageError listing them."""
    found = ALIASES.get(name.strip().lower())
    if found is None:
        raise UsageError(f"unknown unit {quote(name, 30)}; units: {', '.join(UNITS)}")
    return UNITS[found]
