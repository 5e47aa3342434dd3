"""Currency names for amounts in words: NPR and the currencies Nepal Rastra Bank quotes.

``none`` writes the bare number (its decimals read digit by digit after "Point"/"दशमलव").
"""

from __future__ import annotations

from dataclasses import dataclass

from npkit.errors import UsageError
from npkit.text import quote


@dataclass(frozen=True)
class Currency:
    """How one currency's amounts are named; ``places``: digits of its minor unit."""

    code: str
    one: str
    many: str
    minor_one: str
    minor_many: str
    nepali: str
    minor_nepali: str
    places: int = 2


def _c(code: str, one: str, many: str, minor: str, nepali: str, minor_nepali: str) -> Currency:
    minor_one, _, minor_many = minor.partition("/")
    return Currency(code, one, many, minor_one, minor_many or minor_one, nepali, minor_nepali)


CURRENCIES: dict[str, Currency] = {
    c.code: c
    for c in (
        _c("NPR", "Rupee", "Rupees", "Paisa", "रुपैयाँ", "पैसा"),
        _c("INR", "Indian Rupee", "Indian Rupees", "Paisa", "भारतीय रुपैयाँ", "पैसा"),
        _c("USD", "US Dollar", "US Dollars", "Cent/Cents", "अमेरिकी डलर", "सेन्ट"),
        _c("EUR", "Euro", "Euros", "Cent/Cents", "युरो", "सेन्ट"),
        _c("GBP", "Pound Sterling", "Pounds Sterling", "Penny/Pence", "पाउन्ड", "पेनी"),
        _c("CHF", "Swiss Franc", "Swiss Francs", "Centime/Centimes", "स्विस फ्रैंक", "सेन्टिम"),
        _c("AUD", "Australian Dollar", "Australian Dollars", "Cent/Cents", "अस्ट्रेलियन डलर", "सेन्ट"),
        _c("CAD", "Canadian Dollar", "Canadian Dollars", "Cent/Cents", "क्यानेडियन डलर", "सेन्ट"),
        _c("SGD", "Singapore Dollar", "Singapore Dollars", "Cent/Cents", "सिंगापुर डलर", "सेन्ट"),
        _c("HKD", "Hong Kong Dollar", "Hong Kong Dollars", "Cent/Cents", "हङकङ डलर", "सेन्ट"),
        _c("CNY", "Yuan", "Yuan", "Fen", "युआन", "फेन"),
        _c("SAR", "Saudi Riyal", "Saudi Riyals", "Halala/Halalas", "साउदी रियाल", "हलाला"),
        _c("QAR", "Qatari Riyal", "Qatari Riyals", "Dirham/Dirhams", "कतारी रियाल", "दिरहम"),
        _c("AED", "UAE Dirham", "UAE Dirhams", "Fils", "यूएई दिरहम", "फिल्स"),
        _c("MYR", "Ringgit", "Ringgit", "Sen", "रिङ्गिट", "सेन"),
        _c("THB", "Baht", "Baht", "Satang", "भाट", "सताङ"),
        _c("SEK", "Swedish Krona", "Swedish Kronor", "Öre", "स्विडिस क्रोना", "ओरे"),
        _c("DKK", "Danish Krone", "Danish Kroner", "Øre", "डेनिस क्रोन", "ओरे"),
    )
}
"""Every currency with words, by ISO code (JPY, KRW, KWD, BHD, OMR added below: their minor
units are not hundredths)."""
for _code, _one, _many, _minor, _nepali, _minor_ne, _places in (
    ("JPY", "Yen", "Yen", "Sen", "जापानी येन", "सेन", 0),
    ("KRW", "Won", "Won", "Jeon", "कोरियन वन", "जन", 0),
    ("KWD", "Kuwaiti Dinar", "Kuwaiti Dinars", "Fils", "कुवेती दिनार", "फिल्स", 3),
    ("BHD", "Bahraini Dinar", "Bahraini Dinars", "Fils", "बहराइनी दिनार", "फिल्स", 3),
    ("OMR", "Omani Rial", "Omani Rials", "Baisa", "ओमानी रियाल", "बैसा", 3),
):
    CURRENCIES[_code] = Currency(_code, _one, _many, _minor, _minor, _nepali, _minor_ne, _places)
SHARED_NAMES = frozenset(
    name
    for c in CURRENCIES.values()
    for name in (c.minor_one, c.minor_many, c.minor_nepali)
    if any(
        name in (m.one.split()[-1], m.many.split()[-1], m.nepali.split()[-1])
        for m in CURRENCIES.values()
    )
)
"""Subunit names that are also a currency's name (the dirham: a hundredth of a Qatari riyal
and the UAE's unit): such a subunit is never written without its currency."""
NONE = "none"
"""``currency='none'``: the bare number."""


def currency_named(code: str | None) -> Currency | None:
    """The currency for a code (any case; None or 'none': no currency); an unknown code is a
    UsageError listing the known ones."""
    if code is None or code.lower() == NONE:
        return None
    found = CURRENCIES.get(code.strip().upper())
    if found is None:
        known = ", ".join([*CURRENCIES, NONE])
        raise UsageError(f"no words for currency {quote(code, 30)}; currencies: {known}")
    return found
