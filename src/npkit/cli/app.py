"""The Click application: the ``npkit`` group, its global options and lazy subcommands.

Subcommand modules are imported only when used (``npkit date`` never imports the HTTP stack).
The global options (``-q``, ``-v``, ``--debug``, ``--color``) may be typed anywhere on the line:
the entry point (``npkit.cli.main``) moves them here first.
"""

from __future__ import annotations

import importlib

import click

from npkit import __version__, console
from npkit.cli.commands import DOCS_URL, SUBCOMMANDS
from npkit.cli.groups import HelpGroup

EPILOG = f"""\b
Examples:
  npkit date today                  today in Nepal, BS and AD
  npkit date convert 2024-11-26     AD to BS (bs:2081-08-11 for BS to AD)
  npkit fx convert 100 USD          100 US dollars in rupees
  npkit gold                        today's gold and silver prices
  npkit news -n 5                   five headlines; `npkit news read 1` reads one
  npkit num words 125000.50 --cheque  the amount in words for a cheque
  npkit land convert 2-5-3-1 ropani --to sqft   a hill plot in square feet
\b
Exit codes: 0 ok, 1 internal error, 2 bad input, 3 fetch failed,
4 could not parse a response, 5 "no" from a yes/no check
(date is-holiday), 130 interrupted.
\b
Environment: NO_COLOR (no colour), NPKIT_CONFIG, NPKIT_CACHE_DIR,
NPKIT_TIMEOUT, NPKIT_TODAY; `npkit config` shows every setting.
Shell completion: `npkit completion bash|zsh|fish` (see its --help).
Documentation: {DOCS_URL}
"""


class LazyGroup(HelpGroup):
    """A group whose subcommands are imported on first use (their summaries are not)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(SUBCOMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in SUBCOMMANDS:
            return None
        module_name, attribute, _ = SUBCOMMANDS[cmd_name]
        command: click.Command = getattr(importlib.import_module(module_name), attribute)
        return command

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0] if args else ""
        if name and name not in SUBCOMMANDS and not name.startswith("-"):
            import difflib

            close = difflib.get_close_matches(name, list(SUBCOMMANDS), n=1, cutoff=0.6)
            if close and not ctx.resilient_parsing:
                raise click.UsageError(f"no such command {name!r}; did you mean {close[0]!r}?", ctx)
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, SUBCOMMANDS[name][2]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="npkit")
@click.option("-v", "--verbose", is_flag=True, help="Show notes and progress on stderr.")
@click.option("-q", "--quiet", is_flag=True, help="Silence warnings on stderr.")
@click.option(
    "--color",
    type=click.Choice(console.COLOUR_MODES),
    default="auto",
    help="Colour: auto (a terminal, unless NO_COLOR or TERM=dumb), always or never.",
)
@click.option("--debug", is_flag=True, help="Show a full traceback on internal errors.")
@click.pass_context
def cli(ctx: click.Context, verbose: bool, quiet: bool, color: str, debug: bool) -> None:
    """Everyday Nepal data: dates, exchange rates, gold prices, news, numbers, land.

    Global options (-q, -v, --color, --debug) work anywhere on the line.
    """
    # --debug is read by the entry point (npkit.cli.main) before Click runs.
    console.set_verbosity(
        console.QUIET if quiet else console.VERBOSE if verbose else console.NORMAL
    )
    console.set_colour(color)
