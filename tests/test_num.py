"""npkit.num: amounts in words (English lakh/crore, Nepali), grouping, compact, and parsing
back; the words → parse → same amount round trip is a property test."""

from __future__ import annotations

import contextlib
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from npkit import num
from npkit.errors import UsageError
from npkit.num.parse import WORDS, Kind, fold
from npkit.num.tables import NEPALI_0_99, NEPALI_VARIANTS

# Every Nepali word 1–99 as chosen (docs/num.md gives the sources and the disagreements).
# Written out here, not derived from the table under test.
NEPALI = {
    1: "एक", 2: "दुई", 3: "तीन", 4: "चार", 5: "पाँच", 6: "छ", 7: "सात", 8: "आठ", 9: "नौ",
    10: "दस", 11: "एघार", 12: "बाह्र", 13: "तेह्र", 14: "चौध", 15: "पन्ध्र", 16: "सोह्र",
    17: "सत्र", 18: "अठार", 19: "उन्नाइस", 20: "बीस", 21: "एक्काइस", 22: "बाइस", 23: "तेइस",
    24: "चौबीस", 25: "पच्चीस", 26: "छब्बीस", 27: "सत्ताइस", 28: "अठ्ठाइस", 29: "उनन्तीस",
    30: "तीस", 31: "एकतीस", 32: "बत्तीस", 33: "तेत्तीस", 34: "चौंतीस", 35: "पैंतीस",
    36: "छत्तीस", 37: "सैंतीस", 38: "अठतीस", 39: "उनन्चालीस", 40: "चालीस", 41: "एकचालीस",
    42: "बयालीस", 43: "त्रिचालीस", 44: "चवालीस", 45: "पैंतालीस", 46: "छयालीस", 47: "सतचालीस",
    48: "अठचालीस", 49: "उनन्चास", 50: "पचास", 51: "एकाउन्न", 52: "बाउन्न", 53: "त्रिपन्न",
    54: "चवन्न", 55: "पचपन्न", 56: "छपन्न", 57: "सन्ताउन्न", 58: "अन्ठाउन्न", 59: "उनन्साठी",
    60: "साठी", 61: "एकसट्ठी", 62: "बयसट्ठी", 63: "त्रिसट्ठी", 64: "चौंसट्ठी", 65: "पैंसट्ठी",
    66: "छयसट्ठी", 67: "सतसट्ठी", 68: "अठसट्ठी", 69: "उनन्सत्तरी", 70: "सत्तरी", 71: "एकहत्तर",
    72: "बहत्तर", 73: "त्रिहत्तर", 74: "चौहत्तर", 75: "पचहत्तर", 76: "छयहत्तर", 77: "सतहत्तर",
    78: "अठहत्तर", 79: "उनासी", 80: "असी", 81: "एकासी", 82: "बयासी", 83: "त्रियासी",
    84: "चौरासी", 85: "पचासी", 86: "छयासी", 87: "सतासी", 88: "अठासी", 89: "उनान्नब्बे",
    90: "नब्बे", 91: "एकानब्बे", 92: "बयानब्बे", 93: "त्रियानब्बे", 94: "चौरानब्बे",
    95: "पन्चानब्बे", 96: "छयानब्बे", 97: "सन्तानब्बे", 98: "अन्ठानब्बे", 99: "उनान्सय",
}  # fmt: skip


@pytest.mark.parametrize(("n", "word"), sorted(NEPALI.items()))
def test_every_nepali_word_1_to_99(n: int, word: str) -> None:
    assert num.integer_words(n, nepali=True) == word
    assert num.parse_amount(word) == n


def test_irregular_nineties_are_not_swapped() -> None:
    assert num.integer_words(99, nepali=True) == "उनान्सय"
    assert num.integer_words(98, nepali=True) == "अन्ठानब्बे"
    assert num.integer_words(89, nepali=True) == "उनान्नब्बे"


# The other spellings docs/num.md lists, each with its number (read, never written).
SEEN = {
    "दश": 10, "अठाह्र": 18, "अठारा": 18, "उन्नाईस": 19, "बिस": 20, "चौबिस": 24, "पच्चिस": 25,
    "छब्बिस": 26, "अट्ठाइस": 28, "उनन्तिस": 29, "तिस": 30, "एकतिस": 31, "एकत्तिस": 31,
    "चौँतिस": 34, "पैँतिस": 35, "सैँतिस": 37, "चउतीस": 34, "सरतीस": 37, "सट्तीस": 37,
    "अठतिस": 38, "अठ्तीस": 38, "अडतीस": 38, "उनन्चालिस": 39, "उन्नचालीस": 39, "चवालिस": 44,
    "चौवालीस": 44, "चौवालिस": 44, "सतचालिस": 47, "अठचालिस": 48, "सत्चालीस": 47,
    "अठ्चालीस": 48, "सरचालीस": 47, "अडचालीस": 48, "सच्चालिस": 47, "उनञ्चास": 49,
    "चउन्न": 54, "चौवन्न": 54, "ससन्ताउन्न": 57, "उनन्साठ्ठी": 59, "साठ्ठी": 60,
    "उन्नसाठ्ठी": 59, "चौसट्ठी": 64, "बासट्ठी": 62, "एकसाठी": 61, "बयसाठी": 62,
    "त्रिसाठी": 63, "चौंसठी": 64, "एकसठ्ठी": 61, "बैसठ्ठी": 62, "उनान्सत्तरी": 69,
    "छहत्तर": 76, "छयत्तर": 76, "सतत्तर": 77, "छ्याहत्तर": 76, "उनास्सी": 79, "अस्सी": 80,
    "तिरासी": 83, "त्र्यासी": 83, "त्रिरासी": 83, "एकान्नब्बे": 91, "अन्ठान्नब्बे": 98,
    "पंचानब्बे": 95, "पञ्चानब्बे": 95, "पंचान्नब्बे": 95, "पन्चान्नब्बे": 95, "उनन्सय": 99,
}  # fmt: skip


@pytest.mark.parametrize(("word", "n"), sorted(SEEN.items(), key=lambda item: item[1]))
def test_every_spelling_seen_reads(word: str, n: int) -> None:
    assert num.parse_amount(word) == n
    assert num.integer_words(n, nepali=True) != word  # read, not written


def test_every_spelling_folds_to_one_number() -> None:
    """No two numbers share a folded spelling (else a variant could read as the wrong one)."""
    folded: dict[str, int] = {}
    for word, value in [*((w, v) for v, w in enumerate(NEPALI_0_99)), *NEPALI_VARIANTS.items()]:
        assert folded.setdefault(fold(word), value) == value, word
    assert all(WORDS[fold(w)] == (Kind.NUMBER, Decimal(v)) for w, v in NEPALI_VARIANTS.items())


@pytest.mark.parametrize(
    ("amount", "options", "words"),
    [
        ("125000.50", {}, "One Lakh Twenty-Five Thousand Rupees and Fifty Paisa"),
        ("125000.50", {"cheque": True},
         "Rupees One Lakh Twenty-Five Thousand and Fifty Paisa Only"),
        ("125000.50", {"nepali": True, "cheque": True},
         "एक लाख पच्चीस हजार रुपैयाँ पचास पैसा मात्र"),
        ("125000.50", {"nepali": True}, "एक लाख पच्चीस हजार रुपैयाँ पचास पैसा"),
        ("0", {}, "Zero Rupees"),
        ("0", {"nepali": True, "cheque": True}, "शून्य रुपैयाँ मात्र"),
        ("1", {}, "One Rupee"),
        ("0.01", {}, "One Paisa"),
        ("-42.05", {}, "Minus Forty-Two Rupees and Five Paisa"),
        ("-42.05", {"nepali": True}, "ऋण बयालीस रुपैयाँ पाँच पैसा"),
        ("105", {"currency": "none"}, "One Hundred Five"),
        ("12.50", {"currency": "none"}, "Twelve Point Five Zero"),
        ("12.5", {"currency": "none", "nepali": True}, "बाह्र दशमलव पाँच"),
        ("1500.75", {"currency": "USD"},
         "One Thousand Five Hundred US Dollars and Seventy-Five Cents"),
        ("2000", {"currency": "jpy"}, "Two Thousand Yen"),
        ("1.005", {"currency": "KWD"}, "One Kuwaiti Dinar and Five Fils"),
        ("10.01", {"currency": "QAR"}, "Ten Qatari Riyals and One Dirham"),
        ("1", {"currency": "AED"}, "One UAE Dirham"),
        ("0.71", {"currency": "QAR"}, "Zero Qatari Riyals and Seventy-One Dirhams"),
        ("0.5", {"currency": "KWD"}, "Zero Kuwaiti Dinars and Five Hundred Fils"),
        ("0.5", {"currency": "AED"}, "Fifty Fils"),
        ("123456789012345678", {"currency": "none"},
         "One Shankha Twenty-Three Padma Forty-Five Neel Sixty-Seven Kharab Eighty-Nine Arab "
         "One Crore Twenty-Three Lakh Forty-Five Thousand Six Hundred Seventy-Eight"),
        ("100000000000000000", {"nepali": True, "currency": "none"}, "एक शंख"),
        ("9999999999999999999", {"currency": "none"},
         "Ninety-Nine Shankha Ninety-Nine Padma Ninety-Nine Neel Ninety-Nine Kharab "
         "Ninety-Nine Arab Ninety-Nine Crore Ninety-Nine Lakh Ninety-Nine Thousand "
         "Nine Hundred Ninety-Nine"),
    ],
)  # fmt: skip
def test_words(amount: str, options: dict[str, object], words: str) -> None:
    assert num.to_words(Decimal(amount), **options) == words  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("amount", "options", "message"),
    [
        ("1.555", {}, "more decimals than NPR"),
        ("1.5", {"currency": "JPY"}, "more decimals than JPY"),
        ("-5", {"cheque": True}, "cannot be negative"),
        ("5", {"cheque": True, "currency": "none"}, "a cheque needs a currency"),
        ("10000000000000000000", {}, "out of range"),
        ("5", {"currency": "XYZ"}, "no words for currency 'XYZ'"),
        ("NaN", {}, "cannot write"),
    ],
)
def test_words_refuses(amount: str, options: dict[str, object], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        num.to_words(Decimal(amount), **options)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("1.5 crore", "15000000"), ("२५ लाख", "2500000"), ("1,25,000", "125000"),
        ("सवा लाख", "125000"), ("साढे तीन लाख", "350000"), ("पौने दुई करोड", "17500000"),
        ("डेढ लाख", "150000"), ("अढाई हजार", "2500"), ("सवा दुई सय", "225"), ("25L", "2500000"),
        ("2.5k", "2500"), ("1.25cr", "12500000"), ("Rs. 1,25,000/-", "125000"),
        ("रु. १,२५,०००.५०", "125000.50"), ("one hundred and five", "105"),
        ("Twenty Five Lakhs", "2500000"), ("दश हजार", "10000"), ("अरब", "1000000000"),
        ("Rupees One Lakh Twenty-Five Thousand and Fifty Paisa Only", "125000.50"),
        ("एक लाख पच्चीस हजार रुपैयाँ पचास पैसा मात्र", "125000.50"),
        ("रुपैयाँ एक लाख तेइस हजार र पचास पैसा मात्र", "123000.50"),
        ("रुपैयाँ एक सय रुपैयाँ पाँच पैसा मात्र", "100.05"),
        ("एक पदम दुई खरव", "1000200000000000"),
        ("minus five", "-5"), ("-5", "-5"), ("point five", "0.5"), ("fifty paisa", "0.50"),
        ("1 million", "1000000"), ("उनान्सय", "99"), ("चौबिस", "24"), ("अस्सी", "80"),
    ],
)  # fmt: skip
def test_parse(text: str, amount: str) -> None:
    assert num.parse_amount(text) == Decimal(amount)


def test_parse_keeps_the_decimals_typed() -> None:
    assert str(num.parse_amount("125000.50")) == "125000.50"
    assert str(num.parse_amount("1.5 crore")) == "15000000"


@pytest.mark.parametrize(
    "text",
    ["", "abc", "five five", "lakh crore", "one hundred hundred", "fifty paisa fifty paisa",
     "five point", "point twelve", "two and minus three", "1,,2", "सवा सवा", "150 paisa"],
)  # fmt: skip
def test_parse_refuses(text: str) -> None:
    with pytest.raises(UsageError, match="cannot read"):
        num.parse_amount(text)


MONEY = st.decimals(
    min_value=Decimal("-9999999999999999999.99"),
    max_value=Decimal("9999999999999999999.99"),
    places=2,
    allow_nan=False,
    allow_infinity=False,
)


@given(MONEY, st.booleans(), st.booleans(), st.sampled_from([*num.CURRENCIES, "none"]))
def test_words_parse_round_trip(amount: Decimal, nepali: bool, cheque: bool, currency: str) -> None:
    if cheque and (amount < 0 or currency == "none"):
        return
    if currency != "none":
        amount = amount.quantize(Decimal(1).scaleb(-num.CURRENCIES[currency].places))
    if abs(amount) >= num.LIMIT:
        return
    words = num.to_words(amount, nepali=nepali, cheque=cheque, currency=currency)
    assert num.parse_amount(words) == amount, words


@given(st.integers(min_value=0, max_value=10**19 - 1))
def test_integer_round_trip(n: int) -> None:
    assert num.parse_amount(num.integer_words(n)) == n
    assert num.parse_amount(num.integer_words(n, nepali=True)) == n


@given(st.text(max_size=40))
def test_parse_junk_raises_only_usage_errors(text: str) -> None:
    with contextlib.suppress(UsageError):
        num.parse_amount(text)


@pytest.mark.parametrize(
    ("amount", "grouped", "devanagari", "compact", "compact_ne"),
    [
        ("12500000.50", "1,25,00,000.50", "१,२५,००,०००.५०", "1.25 crore", "१.२५ करोड"),
        ("125000", "1,25,000", "१,२५,०००", "1.25 lakh", "१.२५ लाख"),
        ("2500000", "25,00,000", "२५,००,०००", "25 lakh", "२५ लाख"),
        ("999", "999", "९९९", "999", "९९९"),
        ("-1234567", "-12,34,567", "-१२,३४,५६७", "-12.35 lakh", "-१२.३५ लाख"),
        ("9999999", "99,99,999", "९९,९९,९९९", "1 crore", "१ करोड"),
        ("15000", "15,000", "१५,०००", "15 thousand", "१५ हजार"),
        ("100000000000000000", "1,00,00,00,00,00,00,00,000", "१,००,००,००,००,००,००,००,०००",
         "1 shankha", "१ शंख"),
    ],
)  # fmt: skip
def test_format(amount: str, grouped: str, devanagari: str, compact: str, compact_ne: str) -> None:
    value = Decimal(amount)
    assert num.grouped(value) == grouped
    assert num.grouped(value, devanagari=True) == devanagari
    assert (num.compact(value), num.compact(value, nepali=True)) == (compact, compact_ne)


@given(st.integers(min_value=0, max_value=10**19))
def test_grouping_keeps_the_digits(n: int) -> None:
    text = num.grouped(Decimal(n))
    assert num.parse_amount(text) == n
    parts = text.split(",")
    assert len(parts[-1]) == 3 or len(parts) == 1
    assert all(len(p) == 2 for p in parts[1:-1]) and 1 <= len(parts[0]) <= (
        3 if len(parts) == 1 else 2
    )


@given(st.decimals(min_value=1000, max_value=Decimal("9e18"), places=2))
def test_compact_reads_back_within_its_rounding(amount: Decimal) -> None:
    back = num.parse_amount(num.compact(amount))
    scale = back / Decimal(num.compact(amount).split()[0])
    assert abs(back - amount) <= scale * Decimal("0.005")
    assert num.parse_amount(num.compact(amount, nepali=True)) == back


def test_large_amounts_are_exact_or_refused() -> None:
    assert num.parse_amount("99999999999999999999 shankha") == Decimal("9" * 20 + "0" * 17)
    assert num.parse_amount("9" * 40) == Decimal("9" * 40)
    with pytest.raises(UsageError, match="more than 40 digits"):
        num.parse_amount("9" * 41)
    with pytest.raises(UsageError, match="out of range"):
        num.to_words(Decimal("1e29"))
    assert num.compact(Decimal("9" * 39 + ".5")) == "10000000000000000000000 shankha"
    assert num.grouped(Decimal("9" * 39 + ".5")).endswith(",99,999.5")


def test_messages_escape_what_was_typed() -> None:
    with pytest.raises(UsageError) as caught:
        num.parse_amount("\x1b[31mred " + "x" * 200)
    message = str(caught.value)
    assert "\x1b" not in message and "\\x1b" in message and len(message) < 200


def test_every_currency_nrb_quotes_has_words() -> None:
    """``fx convert --words`` can name any result (NPR and every currency of NRB's table)."""
    from npkit.fx.records import KNOWN_CURRENCIES

    for code in ("NPR", *KNOWN_CURRENCIES):
        currency = num.currency_named(code)
        assert currency is not None and num.parse_amount(num.to_words(1, currency=code)) == 1
