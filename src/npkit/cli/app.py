"""The Click application: the ``npkit`` group, its global options and lazy subcommands.

Subcommand modules are imported only when used (``npkit date`` never imports the HTTP stack).
"""

from __future__ import annotations

import importlib

import click

from npkit import __version__, console
from npkit.cli.commands import SUBCOMMANDS

EPILOG = """\b
Exit codes: 0 ok, 1 internal error, 2 bad input, 3 fetch failed,
4 could not parse a response, 130 interrupted (docs/exit-codes.md).
\b
Environment: NO_COLOR disables colour. Shell completion:
  eval "$(_NPKIT_COMPLETE=bash_source npkit)"   (zsh_source, fish_source)
"""


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(SUBCOMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in SUBCOMMANDS:
            return None
        module_name, attribute, _ = SUBCOMMANDS[cmd_name]
        command: click.Command = getattr(importlib.import_module(module_name), attribute)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, SUBCOMMANDS[name][2]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="npkit")
@click.option("-v", "--verbose", is_flag=True, help="Show notes and progress on stderr.")
@click.option("-q", "--quiet", is_flag=True, help="Silence warnings on stderr.")
@click.option("--debug", is_flag=True, help="Show a full traceback on internal errors.")
@click.pass_context
def cli(ctx: click.Context, verbose: bool, quiet: bool, debug: bool) -> None:
    """Everyday Nepal data: dates, exchange rates, gold prices, news."""
    # --debug is read by the entry point (npkit.cli.main) before Click runs.
    console.set_verbosity(
        console.QUIET if quiet else console.VERBOSE if verbose else console.NORMAL
    )
