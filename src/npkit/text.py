"""Cleaning text for terminals and comparison: one place for the rules.

Remote text (titles, labels, page snippets, error bodies, headers, config values) may carry
ANSI/OSC escape sequences, other control characters or bidirectional overrides that would
repaint or hijack a terminal, or make a line read differently from the bytes it holds:

* ``clean`` is for text shown as data: escapes, controls and bidi controls removed, whitespace
  collapsed to one line, NFC. It keeps what Nepali spelling needs: ZWJ U+200D and ZWNJ U+200C.
* ``quote`` is for outside text put inside a message: one line, quoted, every control shown
  escaped (``'\\x1b]0;…'``) so the reader sees what was sent, and shortened past a limit (an
  unterminated 10 MB line is not echoed whole).
* ``redact_url`` drops the ``user:password@`` of a URL before it is shown anywhere.

Bidi controls removed by ``clean`` (escaped by ``quote``): the embeddings and overrides
U+202A–202E, the isolates U+2066–2069, and the marks U+200E/U+200F/U+061C. Nepali and English
never need them; an override makes ``evil‮txt.exe`` read backwards. ZWJ/ZWNJ are kept.
"""

from __future__ import annotations

import re
import unicodedata

# ESC-introduced sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), and the
# two-character escapes (ESC followed by one byte in @-_ or a charset designator); and their
# 8-bit C1 forms (CSI U+009B, OSC U+009D, DCS U+0090, SOS U+0098, PM U+009E, APC U+009F).
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC, ended by BEL or ST (or cut off)
    r"|\x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)?"  # DCS, SOS, PM, APC strings
    r"|\x1b[()*+][0-~]"  # charset designation
    r"|\x1b[@-_0-~]?"  # other two-character escapes, or a lone ESC
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|\x9d[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # 8-bit OSC
    r"|[\x90\x98\x9e\x9f][^\x1b\x9c]*(?:\x1b\\|\x9c)?"  # 8-bit DCS, SOS, PM, APC
)
# C0 and C1 controls and DEL; line and paragraph separators (they break a line too).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
BIDI_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
)
"""Bidirectional formatting characters: removed by ``clean``, escaped by ``quote``."""
_BIDI = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "]")
_WHITESPACE = re.compile(r"\s+")
_KEPT_FORMAT = frozenset("\u200c\u200d")  # ZWNJ, ZWJ: Nepali spelling
_USERINFO = re.compile(r"^((?:[A-Za-z][A-Za-z0-9+.-]*:)?//)[^/?#]*@")

QUOTE_LIMIT = 80
"""Longest quoted text in a message, in characters of the quoted form (quotes excluded)."""


def clean(text: str) -> str:
    """Remove escape sequences, control and bidi characters; collapse whitespace; NFC."""
    if text.isprintable() and "  " not in text:
        # no escape, control, bidi or format character, no whitespace but single spaces
        # (``isprintable`` is False for every Unicode category C and Z but the ASCII space):
        # what the substitutions below would leave as it is
        return unicodedata.normalize("NFC", text).strip()
    text = _ESCAPE_SEQUENCE.sub("", text)
    # Control characters that separate words (tab, newline, …) become spaces; the rest go.
    text = _CONTROL.sub(lambda match: " " if match.group().isspace() else "", text)
    text = _BIDI.sub("", text)
    text = _WHITESPACE.sub(" ", text)
    return unicodedata.normalize("NFC", text).strip()


def quote(value: object, limit: int = QUOTE_LIMIT) -> str:
    """``value`` (outside text; any other value: its shortened ``repr``) quoted for a message.

    Like ``repr`` for a string, but Devanagari, ZWJ and ZWNJ stay readable; every control,
    bidi, other format or separator character and lone surrogate is written as an escape
    (``\\x1b``, ``\\u202e``); past ``limit`` characters it is cut and ends with ``…``. Only
    the part shown is examined, so quoting a 10 MB line costs no more than a short one.
    """
    if not isinstance(value, str):  # repr escapes the strings inside: only shorten it
        shown = repr(value)
        return shown if len(shown) <= limit else shown[:limit] + "…"
    text = value
    parts: list[str] = []
    length = 0
    for char in text:
        piece = _escape(char)
        if length + len(piece) > limit:
            parts.append("…")
            break
        parts.append(piece)
        length += len(piece)
    return "'" + "".join(parts) + "'"


def _escape(char: str) -> str:
    if char in ("\\", "'"):
        return "\\" + char
    if char in _KEPT_FORMAT:
        return char
    category = unicodedata.category(char)
    if category[0] in "CZ" and char != " ":  # controls, format, surrogates, unassigned, spaces
        code = ord(char)
        if code < 0x100:
            return f"\\x{code:02x}"
        return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
    return char


def redact_url(url: str) -> str:
    """``url`` without the ``user:password@`` of its authority (everything else kept)."""
    return _USERINFO.sub(r"\1", url.strip(), count=1)


def url_host(url: str, default: str) -> str:
    """The host (and port) of ``url`` for a message: no userinfo, cleaned; else ``default``."""
    from urllib.parse import urlsplit  # here: its import costs ~5 ms, on every `npkit date`

    try:
        netloc = urlsplit(redact_url(url)).netloc
    except ValueError:
        netloc = ""
    return clean(netloc) or default
