"""A Click group with a default subcommand: ``npkit fx USD`` means ``npkit fx rates USD``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import click


class DefaultCommandGroup(click.Group):
    """A group whose first argument, when it is not a subcommand or a help option (a currency
    code, an option, or nothing at all), goes to ``default_command``; ``usages`` are the usage
    lines its ``--help`` shows, the default command's first."""

    def __init__(self, *args: Any, default_command: str, usages: Sequence[str], **kw: Any):
        super().__init__(*args, **kw)
        self.default_command = default_command
        self.usages = tuple(usages)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ctx.help_option_names):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        for index, usage in enumerate(self.usages):
            formatter.write_usage(ctx.command_path, usage, prefix="   or: " if index else None)
