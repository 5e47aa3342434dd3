"""Click groups with help that reads well: subcommand summaries never cut mid-sentence, and a
group with a default subcommand (``npkit fx USD`` means ``npkit fx rates USD``) that still
lists its subcommands and the default's options, suggests the subcommand a typo was close to,
and lets the shell complete both."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from typing import Any

import click
from click.shell_completion import CompletionItem


class HelpGroup(click.Group):
    """A group whose ``--help`` lists each subcommand's ``short_help`` whole."""

    default_command: str | None = None

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is None or command.hidden:
                continue
            summary = command.short_help or command.get_short_help_str(limit=200)
            if name == self.default_command:
                summary += " (default)"
            rows.append((name, summary))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if self.epilog:
            write_epilog(self.epilog, formatter)


class DefaultCommandGroup(HelpGroup):
    """A group whose first argument, when it is not a subcommand or a help option (a currency
    code, an option, or nothing at all), goes to ``default_command``; ``usages`` are the usage
    lines its ``--help`` shows, the default command's first. ``takes_words``: the default
    command takes words (fx currency codes), so only a word longer than a code that is close
    to a subcommand's name is taken for a typo; otherwise any word that is not a subcommand
    is one."""

    def __init__(
        self,
        *args: Any,
        default_command: str,
        usages: Sequence[str],
        takes_words: bool = False,
        **kw: Any,
    ):
        super().__init__(*args, **kw)
        self.default_command = default_command
        self.usages = tuple(usages)
        self.takes_words = takes_words

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args and ctx.resilient_parsing:
            return super().parse_args(ctx, args)  # completing `npkit fx `: offer subcommands
        if not args or (args[0] not in self.commands and args[0] not in ctx.help_option_names):
            if args and not args[0].startswith("-"):
                self._refuse_typo(ctx, args[0])
            args = [str(self.default_command), *args]
        return super().parse_args(ctx, args)

    def _refuse_typo(self, ctx: click.Context, word: str) -> None:
        close = difflib.get_close_matches(word.lower(), list(self.commands), n=1, cutoff=0.6)
        if close and (not self.takes_words or len(word) > 3):
            raise click.UsageError(f"no such command {word!r}; did you mean {close[0]!r}?", ctx)
        if not self.takes_words and not ctx.resilient_parsing:
            names = ", ".join(self.list_commands(ctx))
            raise click.UsageError(f"no such command {word!r} (commands: {names})", ctx)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        for index, usage in enumerate(self.usages):
            formatter.write_usage(ctx.command_path, usage, prefix="   or: " if index else None)

    def _default(self, ctx: click.Context) -> tuple[click.Command, click.Context]:
        command = self.commands[str(self.default_command)]
        return command, click.Context(command, info_name=self.default_command, parent=ctx)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Subcommands first, then the default subcommand's options (they work here too)."""
        self.format_commands(ctx, formatter)
        command, sub_ctx = self._default(ctx)
        rows = [
            record
            for param in command.get_params(sub_ctx)
            if isinstance(param, click.Option)
            and (record := param.get_help_record(sub_ctx)) is not None
        ]
        with formatter.section(f"Options (of '{self.default_command}', the default)"):
            formatter.write_dl(rows)

    def shell_complete(self, ctx: click.Context, incomplete: str) -> list[CompletionItem]:
        """Subcommand names, and what the default subcommand would complete here."""
        items = super().shell_complete(ctx, incomplete)
        command, sub_ctx = self._default(ctx)
        if incomplete.startswith("-"):
            items += command.shell_complete(sub_ctx, incomplete)
        else:
            for param in command.get_params(sub_ctx):
                if isinstance(param, click.Argument):
                    items += param.shell_complete(sub_ctx, incomplete)
                    break
        unique: dict[Any, CompletionItem] = {}
        for item in items:
            unique.setdefault(item.value, item)
        return list(unique.values())


class NarrowHelpFormatter(click.HelpFormatter):
    """Click's formatter, but as narrow as the terminal: Click never wraps below 50 columns,
    so on a 40-column phone the terminal cut its lines mid-word. At 52 columns and more (and in
    a pipe, where the width is 80) it is Click's own layout, byte for byte."""

    def __init__(
        self, indent_increment: int = 2, width: int | None = None, max_width: int | None = None
    ) -> None:
        if width is None and click.formatting.FORCED_WIDTH is None:
            import shutil

            width = max(min(shutil.get_terminal_size().columns, max_width or 80) - 2, 20)
        super().__init__(indent_increment, width, max_width)

    def write_dl(
        self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        # A narrow screen gives the first column at most a third: a longer term has its
        # description on the next line rather than a column of ten-letter lines.
        narrow = self.width < 70
        super().write_dl(rows, min(col_max, self.width // 3) if narrow else col_max, col_spacing)


def _wide_blocks_fit(epilog: str, formatter: click.HelpFormatter) -> bool:
    """At Click's full width (80 columns, a pipe) the epilog is printed as written."""
    return formatter.width >= 78 or all(
        len(line) + formatter.current_indent + formatter.indent_increment <= formatter.width
        for line in epilog.splitlines()
    )


def write_epilog(epilog: str, formatter: click.HelpFormatter) -> None:
    """An epilog's ``\\b`` blocks (examples, exit codes) as written when they fit; on a
    narrower screen examples become a definition list and other lines wrap at words."""
    import inspect
    import re

    text = inspect.cleandoc(epilog)
    formatter.write_paragraph()
    with formatter.indentation():
        if _wide_blocks_fit(text, formatter):
            formatter.write_text(text)
            return
        for block in text.split("\b"):
            lines = [line for line in block.strip("\n").splitlines() if line.strip()]
            if not lines:
                continue
            pairs = [re.split(r"\s{2,}", line.strip(), maxsplit=1) for line in lines[1:]]
            if lines[0].endswith(":") and pairs and all(len(p) == 2 for p in pairs):
                formatter.write_text(lines[0])
                with formatter.indentation():
                    formatter.write_dl([(p[0], p[1]) for p in pairs])
            else:
                for paragraph in _paragraphs(lines):
                    _write_words(paragraph, formatter)
            formatter.write_paragraph()


def _paragraphs(lines: list[str]) -> list[str]:
    """Lines joined into paragraphs; a line that starts with a label (``Environment:``)
    starts a new one."""
    import re

    paragraphs: list[str] = []
    for line in lines:
        if not paragraphs or re.match(r"[A-Z][\w ]*: ", line.strip()):
            paragraphs.append(line.strip())
        else:
            paragraphs[-1] += " " + line.strip()
    return paragraphs


def _write_words(text: str, formatter: click.HelpFormatter) -> None:
    """Wrapped at words, never inside one: a URL longer than the line stays whole."""
    import textwrap

    width = max(formatter.width - formatter.current_indent, 11)
    for line in textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False):
        formatter.write(f"{'':>{formatter.current_indent}}{line}\n")
