"""Reading an amount as people write it: digits (``1,25,000``, ``१,२५,०००``), a number and a
scale (``1.5 crore``, ``२५ लाख``, ``25L``), words in English or Nepali (``One Lakh
Twenty-Five Thousand Rupees and Fifty Paisa``, ``एक लाख पच्चीस हजार रुपैयाँ पचास पैसा मात्र``),
and the fractions said before a number (``सवा लाख`` = 1,25,000, ``साढे तीन`` = 3.5,
``पौने दुई`` = 1.75, ``डेढ`` = 1.5, ``अढाई`` = 2.5).

Every way ``npkit.num.to_words`` writes an amount reads back to the same amount (a property
test checks it). Anything else is a ``UsageError`` naming the word it could not place.
"""

from __future__ import annotations

import re
from decimal import Decimal, DecimalException, localcontext
from enum import Enum

from npkit.errors import UsageError
from npkit.num.amount import EXACT, is_number, read_number
from npkit.num.currencies import CURRENCIES
from npkit.num.tables import ENGLISH_0_19, ENGLISH_TENS, NEPALI_0_99, NEPALI_VARIANTS, SCALES
from npkit.text import quote


class Kind(Enum):
    NUMBER = "number"
    HUNDRED = "hundred"
    SCALE = "scale"
    MODIFIER = "modifier"
    POINT = "point"
    MINUS = "minus"
    MAJOR = "major"
    MINOR = "minor"
    AND = "and"
    FILLER = "filler"


_FOLD = str.maketrans({"ी": "ि", "ई": "इ", "ू": "ु", "ऊ": "उ", "ँ": "ं", "श": "स", "ञ": "न", "ङ": "न"})


def fold(word: str) -> str:
    """A word's spelling with the differences that sources disagree on removed (long/short
    vowels, chandrabindu/anusvara, श/स, the half letters), and English lower-cased."""
    return word.lower().translate(_FOLD).replace("्", "").replace("़", "")


def _words() -> dict[str, tuple[Kind, Decimal]]:
    table: dict[str, tuple[Kind, Decimal]] = {}

    def add(kind: Kind, value: Decimal | int | str, *names: str) -> None:
        for name in names:
            table[fold(name)] = (kind, Decimal(value))

    for value, word in enumerate(ENGLISH_0_19):
        add(Kind.NUMBER, value, word)
    for tens, word in enumerate(ENGLISH_TENS[2:], 2):
        add(Kind.NUMBER, tens * 10, word)
    add(Kind.NUMBER, 40, "fourty")
    add(Kind.NUMBER, 90, "ninty")
    for word, value in NEPALI_VARIANTS.items():
        add(Kind.NUMBER, value, word)
    for value, word in enumerate(NEPALI_0_99):
        add(Kind.NUMBER, value, word)
    add(Kind.NUMBER, "1.5", "डेढ", "dedh", "derh")
    add(Kind.NUMBER, "2.5", "अढाई", "अढाइ", "adhai", "arhai")
    add(Kind.MODIFIER, "0.25", "सवा", "sawa", "sava")
    add(Kind.MODIFIER, "0.5", "साढे", "साढ़े", "sadhe", "saadhe")
    add(Kind.MODIFIER, "-0.25", "पौने", "paune")
    add(Kind.HUNDRED, 100, "hundred", "hundreds", "सय", "say", "saya")
    for power, english, nepali in SCALES:
        add(Kind.SCALE, 10**power, english, english + "s", nepali)
    add(Kind.SCALE, 10**3, "k", "hajar", "hazar")
    add(Kind.SCALE, 10**5, "lac", "lacs", "l", "lkh")
    add(Kind.SCALE, 10**7, "cr", "crs", "karod", "karor", "करोड़")
    add(Kind.SCALE, 10**9, "अरब", "अरव", "arba")
    add(Kind.SCALE, 10**11, "खरब", "खरव", "kharba")
    add(Kind.SCALE, 10**15, "पदम")
    add(Kind.SCALE, 10**13, "nil", "neel")
    add(Kind.SCALE, 10**17, "shankh", "शङ्ख")
    add(Kind.SCALE, 10**6, "million", "millions")
    add(Kind.SCALE, 10**9, "billion", "billions")
    add(Kind.SCALE, 10**12, "trillion", "trillions")
    add(Kind.POINT, 0, "point", "दशमलव")
    add(Kind.MINUS, 0, "minus", "negative", "ऋण", "माइनस")
    add(Kind.AND, 0, "and", "&", "र")
    add(Kind.FILLER, 0, "only", "मात्र", "मात्रै", "/-")
    for currency in CURRENCIES.values():
        for name in (currency.one, currency.many, currency.nepali):
            for word in name.split():
                table.setdefault(fold(word), (Kind.MAJOR, Decimal(currency.places)))
    for currency in CURRENCIES.values():
        for name in (currency.minor_one, currency.minor_many, currency.minor_nepali):
            table.setdefault(fold(name), (Kind.MINOR, Decimal(0)))
    add(Kind.MAJOR, 2, "rs", "rs.", "npr", "nrs", "inr", "रु", "रू", "रु.", "रू.", "रुपैयां", "रूपैयाँ")
    add(Kind.MAJOR, 2, "rupiya", "rupaiya", "rupaiyan", "रुपियाँ")
    add(Kind.MINOR, 0, "paise", "p")
    return table


WORDS = _words()
AMBIGUOUS = frozenset(
    fold(name)
    for currency in CURRENCIES.values()
    for name in (currency.minor_one, currency.minor_many, currency.minor_nepali)
    if WORDS[fold(name)][0] is Kind.MAJOR
)
"""Names of one currency's unit and another's subunit (the dirham: UAE's, and a hundredth of
a Qatari riyal): the subunit when it follows a number after a currency was named."""
_GLUE = re.compile(r"(?<=[\d०-९])(?=[^\d०-९.,\s/-])|(?<=[A-Za-z]\.)(?=[\d०-९])")
_STRIP = ".,;:()[]{}'\"!?।"


def _tokens(text: str) -> list[str]:
    """The words of ``text``: '1.5cr' and 'Rs.125' come apart, 'Twenty-Five' is two words."""
    found: list[str] = []
    for chunk in _GLUE.sub(" ", text.replace("/-", " ")).split():
        if is_number(chunk.rstrip(".,")):
            found.append(chunk.rstrip(".,"))
            continue
        for piece in chunk.split("-"):
            word = piece if fold(piece) in WORDS else piece.strip(_STRIP)
            if word:
                found.append(word)
    return found


def _unreadable(text: str, why: str) -> UsageError:
    return UsageError(f"cannot read {quote(text, 60)} as an amount: {why}")


class _Reader:
    """Adds up one run of number words: 'One Lakh Twenty-Five Thousand', 'सवा लाख'."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.total = Decimal(0)
        self.group: Decimal | None = None
        self.last_scale: Decimal | None = None
        self.pending: Decimal | None = None
        self.open_tens = False
        self.after_hundred = False
        self.fraction: str | None = None

    def fail(self, why: str) -> UsageError:
        return _unreadable(self.text, why)

    def number(self, word: str, value: Decimal) -> None:
        if self.fraction is not None:
            if value != int(value) or not 0 <= value <= 9:
                raise self.fail(f"{quote(word, 30)} after the point is not one digit")
            self.fraction += str(int(value))
            return
        english_unit = word.isascii() and word.isalpha() and 1 <= value <= 9
        follows = self.group is not None and not self.after_hundred
        if follows and not (self.open_tens and english_unit):
            raise self.fail(f"{quote(word, 30)} cannot follow another number")
        if self.pending is not None:
            value, self.pending = value + self.pending, None
        self.group = (self.group or Decimal(0)) + value
        tens = 20 <= value <= 90 and value % 10 == 0
        self.open_tens = word.isascii() and word.isalpha() and tens
        self.after_hundred = False

    def _base(self) -> Decimal:
        if self.group is not None:
            return self.group
        base = Decimal(1) + (self.pending or 0)
        self.pending = None
        return base

    def hundred(self, word: str) -> None:
        base = self._base()
        if base >= 100 or self.after_hundred:
            raise self.fail(f"{quote(word, 30)} after {base}")
        self.group = base * 100
        self.after_hundred, self.open_tens = True, False

    def scale(self, word: str, value: Decimal) -> None:
        if self.last_scale is not None and value >= self.last_scale:
            raise self.fail(f"{quote(word, 30)} is out of order")
        self.total += self._base() * value
        self.group, self.last_scale = None, value
        self.after_hundred = self.open_tens = False

    def modifier(self, word: str, value: Decimal) -> None:
        if self.pending is not None or self.fraction is not None:
            raise self.fail(f"{quote(word, 30)} is out of place")
        if self.group is not None and not self.after_hundred:
            raise self.fail(f"{quote(word, 30)} cannot follow a number")
        self.pending = value

    def point(self, word: str) -> None:
        if self.fraction is not None or self.pending is not None:
            raise self.fail(f"{quote(word, 30)} is out of place")
        self.fraction = ""

    def result(self) -> Decimal:
        if self.pending is not None:
            self.group = self._base()
        if self.fraction is not None:
            if not self.fraction:
                raise self.fail("no digits after the point")
            self.group = (self.group or Decimal(0)) + Decimal("0." + self.fraction)
        return self.total + (self.group or Decimal(0))


def _value(words: list[tuple[str, Kind, Decimal]], text: str) -> Decimal:
    reader = _Reader(text)
    for word, kind, value in words:
        if kind is Kind.NUMBER:
            reader.number(word, value)
        elif kind is Kind.HUNDRED:
            reader.hundred(word)
        elif kind is Kind.SCALE:
            reader.scale(word, value)
        elif kind is Kind.MODIFIER:
            reader.modifier(word, value)
        elif kind is Kind.POINT:
            reader.point(word)
    return reader.result()


def _classify(word: str, text: str) -> tuple[str, Kind, Decimal]:
    if is_number(word):
        return word, Kind.NUMBER, read_number(word)
    found = WORDS.get(fold(word))
    if found is None:
        raise _unreadable(text, f"unknown word {quote(word, 30)}")
    return word, found[0], found[1]


def parse_amount(text: str) -> Decimal:
    """The amount ``text`` says, exactly: '1.5 crore' → 15000000, 'सवा लाख' → 125000,
    'Rupees One Lakh Twenty-Five Thousand and Fifty Paisa Only' → 125000.50. Paisa (cents …)
    are hundredths (thousandths after a three-place currency: fils of a Kuwaiti dinar)."""
    text = " ".join(text.split())
    if is_number(text):  # the common case, digits alone: no words to weigh
        return read_number(text)
    with localcontext(EXACT):
        try:
            return _parse(text)
        except DecimalException:
            raise _unreadable(text, "too large") from None


def _parse(text: str) -> Decimal:
    words = [_classify(word, text) for word in _tokens(text)]
    negative = False
    places = Decimal(2)
    named = False  # a currency was named (then a dirham after a number is a subunit)
    while words and words[0][1] in (Kind.MINUS, Kind.MAJOR, Kind.FILLER):
        negative = negative or words[0][1] is Kind.MINUS
        named = named or words[0][1] is Kind.MAJOR
        places = max(places, words[0][2]) if words[0][1] is Kind.MAJOR else places
        words.pop(0)
    runs: list[tuple[list[tuple[str, Kind, Decimal]], Kind | None]] = [([], None)]
    previous: Kind | None = None
    for word, kind, value in words:
        if kind is Kind.MAJOR and named and previous is not Kind.MAJOR:
            kind = Kind.MINOR if fold(word) in AMBIGUOUS else kind
        previous = kind
        if kind is Kind.MAJOR:
            places, named = max(places, value), True  # ओमानी (3) रियाल (2, as Saudi)
        if kind in (Kind.MAJOR, Kind.MINOR, Kind.AND):
            runs[-1] = (runs[-1][0], kind)
            runs.append(([], None))
        elif kind is Kind.MINUS:
            raise _unreadable(text, f"{quote(word, 30)} must come first")
        elif kind is not Kind.FILLER:
            runs[-1][0].append((word, kind, value))
    minor = [run for run, end in runs if end is Kind.MINOR and run]
    if len(minor) > 1 or any(end is Kind.MINOR and not run for run, end in runs):
        raise _unreadable(text, "where are the paisa?")
    major = [w for run, end in runs if end is not Kind.MINOR for w in run]
    if not major and not minor:
        raise _unreadable(text, "no number in it")
    amount = _value(major, text) if major else Decimal(0)
    if minor:
        small = _value(minor[0], text)
        limit = Decimal(10) ** int(places)
        if small != int(small) or not 0 <= small < limit:
            raise _unreadable(text, f"{small} paisa (cents …)")
        amount = (amount + small.scaleb(-int(places))).quantize(Decimal(1).scaleb(-int(places)))
    elif not (len(major) == 1 and is_number(major[0][0])):
        amount = tidy(amount)  # a number alone keeps the decimals typed: 125000.50
    return -amount if negative else amount


def tidy(amount: Decimal) -> Decimal:
    """``amount`` without the zeros arithmetic left behind (15000000.0 → 15000000), never in
    exponent form."""
    if amount == amount.to_integral_value():
        return amount.quantize(Decimal(1))
    return amount.normalize()
