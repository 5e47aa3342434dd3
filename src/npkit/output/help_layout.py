"""Help text laid out for a narrow terminal (a 40-column phone), without cutting a word.

Click keeps a ``\\b`` block (examples, sources, environment) exactly as written, so on a screen
narrower than its lines the terminal cut them mid-word. Here a block that does not fit is laid
out again: its prose lines wrap at words; each example stays on lines of its own, the command
first (continued with `` \\`` where it must break, never inside a quoted word, so it can still
be pasted) and what it does below it, indented. A word wider than the screen (a URL) keeps a
line of its own, whole. Option tables (``write_dl`` rows) wrap their descriptions at words and
break a long ``[a|b|c]`` choice after a ``|``.
"""

from __future__ import annotations

import re

from npkit.output.width import cell_width, wrap_units, wrap_words

BREAK = "\b"
DESCRIPTION_INDENT = 4
"""Cells an example's description is indented under its command."""
CONTINUATION_INDENT = 2
"""Cells a command's continued line is indented (after a `` \\``)."""

_SHELL_WORD = re.compile(r"(?:'[^']*'|[^\s'])+|'[^']*$")
_LABEL = re.compile(r"[A-Z][\w ()-]*: ")


def separate_blocks(text: str) -> str:
    """``text`` with each ``\\b`` that follows a line directly made the start of a block of its
    own (Click would print it, a backspace on a line by itself, inside the block before)."""
    return re.sub(r"(?<=[^\n])\n\x08(?=\n)", "\n\n\x08", text)


def paragraphs(text: str) -> list[tuple[bool, int, list[str]]]:
    """Click's paragraphs of ``text`` (blank lines between them): (kept as written, indent of
    the first line, lines). A block starts with a ``\\b`` line (not among its lines)."""
    found: list[tuple[bool, int, list[str]]] = []
    for chunk in re.split(r"\n\s*\n", separate_blocks(text.expandtabs())):
        lines = chunk.splitlines()
        if not lines:
            continue
        indent = len(lines[0]) - len(lines[0].lstrip())
        if lines[0].strip() == BREAK:
            found.append((True, indent, lines[1:]))
        else:
            found.append((False, indent, [line.strip() for line in lines]))
    return found


def lay_out(text: str, width: int) -> list[str]:
    """The lines of ``text`` for a screen ``width`` cells wide (paragraphs apart by a blank
    line): a block as written where it fits, else laid out again; prose wrapped at words."""
    out: list[str] = []
    for kept, indent, lines in paragraphs(text):
        if out:
            out.append("")
        pad = " " * indent
        if kept and all(cell_width(line) + indent <= width for line in lines):
            out.extend(pad + line for line in lines)
        elif kept:
            out.extend(pad + line for line in _block(lines, width - indent))
        else:
            out.extend(pad + line for line in words(" ".join(lines), width - indent))
    return out


def words(text: str, width: int) -> list[str]:
    """``text`` wrapped at spaces only: never inside a word, a number, a path or a URL; a
    comma-separated list wider than the line (field names) breaks after a comma."""
    out: list[str] = []
    for line in wrap_words(" ".join(text.split()), max(width, 1)):  # widths in cells
        if cell_width(line) <= width or "," not in line:
            out.append(line)
            continue
        for item in re.findall(r"[^,]+,?", line):
            if out and out[-1].endswith(",") and cell_width(out[-1] + item) <= width:
                out[-1] += item
            else:
                out.append(item.lstrip())
    return out


def _block(lines: list[str], width: int) -> list[str]:
    """A ``\\b`` block too wide for the screen: prose at the block's own indent wraps at
    words (a ``Label: `` starts a new paragraph); a more indented line is an example (or a
    term): its command on lines of its own, its description under it."""
    base = min(len(line) - len(line.lstrip()) for line in lines if line.strip())
    out: list[str] = []
    prose: list[str] = []

    def flush() -> None:
        for paragraph in _joined(prose):
            out.extend(words(paragraph, width))
        prose.clear()

    for line in lines:
        if not line.strip():
            continue
        depth = len(line) - len(line.lstrip()) - base
        if depth <= 0:
            prose.append(line.strip())
            continue
        flush()
        command, *rest = re.split(r"\s{2,}", line.strip(), maxsplit=1)
        description = rest[0] if rest else ""
        out.extend(" " * depth + part for part in command_lines(command, width - depth))
        if description:
            pad = " " * (depth + DESCRIPTION_INDENT)
            out.extend(pad + part for part in words(description, width - len(pad)))
    flush()
    return out


def _joined(lines: list[str]) -> list[str]:
    """Lines joined into paragraphs; one that ends with ':' (a heading) stands alone, and one
    that starts with a label (``Environment: ``) starts a new one."""
    found: list[str] = []
    for line in lines:
        if not found or _LABEL.match(line) or found[-1].endswith(":"):
            found.append(line)
        else:
            found[-1] += " " + line
    return found


def command_lines(command: str, width: int) -> list[str]:
    """A shell command in lines of at most ``width`` cells, broken between words with `` \\``
    (a quoted word stays whole, an option stays with its value: the lines still paste as one
    command and read as it)."""
    if cell_width(command) <= width:
        return [command]
    pad = " " * CONTINUATION_INDENT
    lines: list[str] = []
    current = ""
    for word in _units(_SHELL_WORD.findall(command), width - len(pad) - 2):
        joined = f"{current} {word}" if current else word
        limit = width - (len(pad) if lines else 0) - 2  # room for " \"
        if current and cell_width(joined) > limit:
            lines.append(current)
            current = word
        else:
            current = joined
    lines.append(current)
    return [
        (pad if index else "") + line + (" \\" if index < len(lines) - 1 else "")
        for index, line in enumerate(lines)
    ]


def _units(shell_words: list[str], width: int) -> list[str]:
    """``--metal silver`` as one unit: an option and the value after it are not parted (when
    the two fit a line)."""
    units: list[str] = []
    for word in shell_words:
        option = units and units[-1].startswith("-") and " " not in units[-1]
        fits = units and cell_width(f"{units[-1]} {word}") <= width
        if option and fits and len(units[-1]) > 1 and not word.startswith("-") and word not in "|>":
            units[-1] += " " + word
        else:
            units.append(word)
    return units


def usage_lines(prefix: str, args: str, width: int) -> list[str]:
    """``Usage: npkit date add [OPTIONS] DATE N …`` in lines of at most ``width`` cells, the
    arguments under the first (as Click does), never broken inside one: a choice list wider
    than the line breaks after a ``|``."""
    indent = " " * cell_width(prefix)
    own_line = width - len(indent) < 20  # a long command: its arguments on lines of their own
    if own_line:
        indent = " " * 4
    room = width - len(indent)
    pieces = [part.strip() for word in args.split() for part in term_lines(word, room)]
    if own_line:
        return [prefix.rstrip(), *wrap_units(pieces, width, indent, first=indent)]
    return wrap_units([prefix.rstrip(), *pieces], width, indent)


def term_lines(term: str, width: int) -> list[str]:
    """An option's term (``--style [simple|plain|…]``) in lines of at most ``width`` cells:
    broken at spaces, and a choice list too long for a line after a ``|``; the lines after
    the first indented a little, as a continued command is."""
    if cell_width(term) <= width:
        return [term]
    pieces: list[str] = []
    for word in term.split(" "):
        if cell_width(word) <= width - CONTINUATION_INDENT:
            pieces.append(word)
            continue
        part = ""
        for choice in re.findall(r"[^|]+\|?", word):
            if part and cell_width(part + choice) > width - CONTINUATION_INDENT:
                pieces.append(part)
                part = ""
            part += choice
        pieces.append(part)
    lines: list[str] = []
    pad = " " * CONTINUATION_INDENT
    for piece in pieces:
        joined = f"{lines[-1]} {piece}" if lines else piece
        if lines and cell_width(joined) <= width and not lines[-1].endswith("|"):
            lines[-1] = joined
        else:
            lines.append(pad + piece if lines else piece)
    return lines
