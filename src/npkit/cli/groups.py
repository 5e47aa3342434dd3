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

from npkit.output import help_layout


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
    and keeps ``\\b`` blocks (examples) as written, so on a 40-column phone the terminal cut
    their lines mid-word. A text or an option table that does not fit is laid out by
    ``npkit.output.help_layout`` (words whole, examples on lines of their own); at Click's full
    width (78, a pipe) it is Click's own layout, byte for byte."""

    WIDE = 78

    def __init__(
        self, indent_increment: int = 2, width: int | None = None, max_width: int | None = None
    ) -> None:
        if width is None and click.formatting.FORCED_WIDTH is None:
            import shutil

            width = max(min(shutil.get_terminal_size().columns, max_width or 80) - 2, 20)
        super().__init__(indent_increment, width, max_width)

    def write_text(self, text: str) -> None:
        if self.width >= self.WIDE:
            super().write_text(help_layout.separate_blocks(text))
            return
        pad = " " * self.current_indent
        for line in help_layout.lay_out(text, self.width - self.current_indent):
            self.write(f"{pad}{line}\n" if line else "\n")

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if self.width >= self.WIDE:
            super().write_usage(prog, args, prefix)
            return
        start = f"{'Usage: ' if prefix is None else prefix:>{self.current_indent}}{prog} "
        self.write("\n".join(help_layout.usage_lines(start, args, self.width)) + "\n")

    def write_dl(
        self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        # A narrow screen gives the first column at most a third: a longer term has its
        # description on the next line rather than a column of ten-letter lines.
        rows = list(rows)
        if self.width >= 70:
            super().write_dl(rows, col_max, col_spacing)
            return
        from npkit.output.width import cell_width

        longest = max((cell_width(term) for term, _ in rows), default=0)
        first = min(longest, col_max, self.width // 3) + col_spacing
        pad = " " * self.current_indent
        under = " " * (self.current_indent + first)
        for term, description in rows:
            terms = help_layout.term_lines(term, self.width - self.current_indent)
            for line in terms[:-1]:
                self.write(f"{pad}{line}\n")
            self.write(f"{pad}{terms[-1]}")
            if not description:
                self.write("\n")
                continue
            if len(terms) == 1 and cell_width(terms[-1]) <= first - col_spacing:
                self.write(" " * (first - cell_width(terms[-1])))
            else:
                self.write(f"\n{under}")
            lines = help_layout.words(description, self.width - len(under))
            self.write("\n".join([lines[0], *(under + line for line in lines[1:])]) + "\n")
