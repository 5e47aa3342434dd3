"""Remote feed text made plain and safe: tags stripped, entities decoded, noise cut.

Every string taken from a feed passes through here, then through ``npkit.text.clean``
(escape sequences and control characters removed, whitespace collapsed, NFC; ZWJ/ZWNJ kept: they
are part of Nepali spelling). The noise rules come from real feeds (SOURCES.md §3): datelines
(``२२ माघ, काठमाडौं ।``, ``KATHMANDU:``), WordPress's ``[…]``, read-more tails, descriptions that
repeat the title. Fragments are read by one linear pass of regular expressions: reading a feed
needs no HTML library.
"""

from __future__ import annotations

import re
import unicodedata
from html import unescape

from npkit.text import clean

SUMMARY_MAX = 400
"""Longest summary kept, in characters; longer ones are cut at a word and end with '…'."""
SUMMARY_INPUT_MAX = 64 * 1024
"""Characters of a description read to make a summary (a full-text ``content:encoded`` can be
megabytes; a summary is ``SUMMARY_MAX``): the rest is not parsed."""
TAIL_WINDOW = 600
"""How far from the end of a summary its read-more tails are looked for (longer than any)."""

_BLOCKS = frozenset(
    "address article blockquote br dd div dl dt figcaption footer h1 h2 h3 h4 h5 h6 header hr "
    "li main ol p pre section table td th tr ul".split()
)
_INVISIBLE = frozenset("script style noscript template svg iframe object head title".split())
_NOISE_CLASS = re.compile(r"ai[_-]?summary|share|related", re.IGNORECASE)
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_LEFTOVER_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

# Devanagari letters and signs, without digits (U+0966–096F) and dandas (U+0964/0965).
_DEV = r"[\u0900-\u0963\u0970-\u097F\u200c\u200d]+"
_DAY = r"[०-९0-9]{1,2}"
_PLACE_NE = rf"{_DEV}(?:\s{_DEV})?"  # काठमाडौँ, नयाँ दिल्ली
_DATE_NE = rf"(?:{_DEV}\s*{_DAY}|{_DAY}\s*{_DEV})(?:\s*गते)?"  # भदौ १० गते, १३ कार्तिक
_DASH = r"\s?(?:--|[-–—])\s"  # "काठमाडौँ- ", "झापा – ", "Kathmandu, Oct. 23 -- "
_NE_DATELINE = re.compile(
    rf"^(?:{_DAY}\s*{_DEV}\s*,\s*{_PLACE_NE}"  # २२ माघ, काठमाडौं
    rf"|{_PLACE_NE}\s*,\s*{_DATE_NE}"  # काठमाडौँ, भदौ १० गते / काठमाडौँ,१३ कार्तिक
    rf"|{_DEV})\s*[।|]\s*"  # काठमाडौं ।
    rf"|^{_PLACE_NE}(?:\s*,\s*{_DATE_NE})?{_DASH}\s*"  # काठमाडौँ- / झापा – (Khabarhub)
)
_MONTH_EN = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_EN = rf"(?:{_MONTH_EN}\s+[0-9]{{1,2}}|[0-9]{{1,2}}\s+{_MONTH_EN})(?:\s*,\s*[0-9]{{4}})?"
_EN_DATELINE = re.compile(
    # KATHMANDU: / KATHMANDU, Feb 5: (capitals: a dateline even without a date)
    r"^(?-i:[A-Z][A-Z.' ]{2,30}[A-Z])(?:\s*,\s*" + _DATE_EN + r")?\s*(?::|" + _DASH + r")\s*"
    # Kathmandu, Feb 5: / Rome, Feb. 5: / kathmandu, 5 february -- (any case, with a date)
    r"|^[A-Z][A-Z.'’-]{1,30}(?:\s[A-Z][A-Z.'’-]{1,30}){0,2}\s*,\s*"
    + _DATE_EN
    + r"\s*(?::|"
    + _DASH
    + r")\s*",
    re.ASCII | re.IGNORECASE,
)
_TAIL = re.compile(
    r"\s*(?:\[\s*(?:…|\.\.\.|&hellip;|&#8230;)\s*\]"  # WordPress excerpt end
    r"|(?:बाँकी अंश|थप पढ्नुहोस्|पूरा पढ्नुहोस्)\s*[»›>→]*"
    r"|(?<=[.!?।…\]])\s*(?:Read [Mm]ore|Continue [Rr]eading)(?:\s*(?:[»›>→]+|\.\.\.|…))?"
    r"|The post .{1,300}? appeared first on .{1,100}?\.?"
    r")\s*$"
)


# One linear pass of tokens (Python's HTMLParser rescans the rest of the text at each "<" that
# does not close, so 24 KB of "<a " took 70 s): comments, script and style bodies (to their end,
# or the text's when unclosed), declarations, and tags (to their ">", or the text's end).
_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<(script|style)\b[^>]*>.*?(?:</\1\s*>|\Z)"
    r"|<[!?/][^a-zA-Z>][^>]*>?|<![^>]*>?|<\?[^>]*>?"
    r"|<(/?)([a-zA-Z][^\s/>]*)([^>]*)>?",
    re.DOTALL | re.IGNORECASE,
)
_NAMES = re.compile(r"""(?:^|\s)(?:class|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)


class _TextExtractor:
    """Text of an HTML fragment: blocks become line breaks; scripts, styles and blocks of
    AI summaries, share bars and related links are skipped."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.skipping: list[str] = []  # tag names whose content is skipped, innermost last
        self.depth = 0  # open tags of the innermost skipped name, inside it

    def feed(self, markup: str) -> None:
        at = 0
        for token in _TOKEN.finditer(markup):
            if token.start() > at:
                self.data(unescape(markup[at : token.start()]))
            at = token.end()
            name = token[3]
            if name is None:
                continue  # a comment, a declaration, script or style
            name = name.lower()
            if token[2]:
                self.end(name)
            else:
                found = _NAMES.findall(token[4])
                self.start(name, " ".join(unescape("".join(v)) for v in found))
        if at < len(markup):
            self.data(unescape(markup[at:]))

    def start(self, tag: str, names: str) -> None:
        if tag in _VOID:
            if tag in _BLOCKS and not self.skipping:
                self.parts.append("\n")
            return
        if self.skipping:
            if tag == self.skipping[-1]:
                self.depth += 1
            return
        if tag in _INVISIBLE or (names and _NOISE_CLASS.search(names)):
            self.skipping.append(tag)
            self.depth = 0
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def end(self, tag: str) -> None:
        if self.skipping:
            if tag == self.skipping[-1]:
                if self.depth:
                    self.depth -= 1
                else:
                    self.skipping.pop()
            return
        if tag in _BLOCKS:
            self.parts.append("\n")

    def data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment, entities decoded, one line per block; linear in the
    fragment, however broken."""
    parser = _TextExtractor()
    parser.feed(markup)
    text = "".join(parser.parts)
    return "\n".join(line for line in (clean(line) for line in text.split("\n")) if line)


def unescape_leftovers(text: str) -> str:
    """Decode entities that survived one decoding: some feeds escape their text twice."""
    return unescape(text) if _LEFTOVER_ENTITY.search(text) else text


def plain(value: str, is_html: bool) -> str:
    """One line of clean text from a feed value (HTML or plain text)."""
    text = html_to_text(value) if is_html else value
    return clean(unescape_leftovers(text))


def summary(value: str, is_html: bool, title: str = "") -> str | None:
    """A feed description as a short plain-text summary; None when nothing useful is left.

    Only the first ``SUMMARY_INPUT_MAX`` characters are read; a summary of a longer value ends
    with '…' (its real end, with any read-more tail, was not read)."""
    read_all = len(value) <= SUMMARY_INPUT_MAX
    text = strip_dateline(plain(value if read_all else value[:SUMMARY_INPUT_MAX], is_html))
    text, cut = strip_tail(text) if read_all else (text, True)
    if not text or fold(text) == fold(title):
        return None
    if len(text) > SUMMARY_MAX:
        return shorten(text, SUMMARY_MAX)
    return text + "…" if cut and not text.endswith(("…", ".", "।", "?", "!")) else text


def strip_dateline(text: str) -> str:
    """A dateline at the start of a summary removed, by its shape: a place (one or two words),
    an optional date, a separator (``।``, ``:``, a dash): ``२२ माघ, काठमाडौं । Text``,
    ``काठमाडौँ, भदौ १० गते । Text``, ``झापा – Text``, ``KATHMANDU: Text``,
    ``Rome, Feb. 5: Text`` → ``Text``. A sentence with a comma and no date is kept."""
    for pattern in (_NE_DATELINE, _EN_DATELINE):
        match = pattern.match(text)
        if match and match.end() < len(text):
            return text[match.end() :]
    return text


def strip_tail(text: str) -> tuple[str, bool]:
    """Remove ``[…]``, read-more links and WordPress's "The post … appeared first on …";
    returns the text and whether a cut-off marker was removed."""
    removed = False
    while True:
        # Every tail is shorter than TAIL_WINDOW characters: searching only there keeps this
        # linear in the text (a search of the whole text tries each start position).
        offset = max(0, len(text) - TAIL_WINDOW)
        match = _TAIL.search(text, offset)
        if not match:
            return text, removed
        text = text[: match.start()].rstrip()
        removed = True


def shorten(text: str, limit: int) -> str:
    """At most ``limit`` characters, cut at a space, ending with '…'."""
    head = text[: limit - 1]
    space = head.rfind(" ")
    if space > limit // 2:
        head = head[:space]
    return head.rstrip(" ,;:–-") + "…"


def fold(text: str) -> str:
    """A comparison key: NFC, case-folded, without ZWJ/ZWNJ/zero-width space/soft hyphen,
    NBSP as space, whitespace collapsed (for de-duplication and ``-k``)."""
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_INVISIBLES).casefold()
    return unicodedata.normalize("NFC", " ".join(text.split()))


_INVISIBLES = {0x200B: None, 0x200C: None, 0x200D: None, 0x00AD: None, 0x2060: None, 0xFEFF: None,
               0x00A0: " "}  # fmt: skip


def detect_lang(*texts: str | None) -> str | None:
    """'ne' when Devanagari letters and signs are at least as many as Latin letters, 'en' when
    fewer, None without letters. Feeds' ``<language>`` tags are not trusted (OnlineKhabar's
    says en-US)."""
    devanagari = latin = 0
    for text in texts:
        for char in text or "":
            if "\u0900" <= char <= "\u0963" or "\u0971" <= char <= "\u097f":
                devanagari += 1  # letters and vowel signs (a syllable is several code points)
            elif char.isalpha() and (char.isascii() or "\u00c0" <= char <= "\u024f"):
                latin += 1
    if not devanagari and not latin:
        return None
    return "ne" if devanagari >= latin else "en"
