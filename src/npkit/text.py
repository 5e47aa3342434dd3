"""Cleaning text for terminals and comparison: one place for the rules.

Remote text (titles, labels, page snippets) may carry ANSI/OSC escape sequences or other
control characters that would repaint or hijack a terminal; ``clean`` removes them while
keeping what Nepali spelling needs (ZWJ U+200D and ZWNJ U+200C stay).
"""

from __future__ import annotations

import re
import unicodedata

# ESC-introduced sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), and the
# two-character escapes (ESC followed by one byte in @-_ or a charset designator).
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC, terminated by BEL or ST (or cut off)
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b[()*+][0-~]"  # charset designation
    r"|\x1b[@-_0-~]?"  # other two-character escapes, or a lone ESC
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
# C0 and C1 controls and DEL.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_WHITESPACE = re.compile(r"\s+")


def clean(text: str) -> str:
    """Remove escape sequences and control characters; collapse whitespace; NFC-normalise."""
    text = _ESCAPE_SEQUENCE.sub("", text)
    # Control characters that separate words (tab, newline, …) become spaces; the rest go.
    text = _CONTROL.sub(lambda match: " " if match.group().isspace() else "", text)
    text = _WHITESPACE.sub(" ", text)
    return unicodedata.normalize("NFC", text).strip()
