"""The ``npkit`` command: the Click group, global options and error → exit-code mapping.

Subcommand modules are imported only when used (``npkit date`` never imports the HTTP stack).
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

import click

from npkit import __version__, console
from npkit.errors import NpkitError

# name -> (module, attribute, one-line help shown by `npkit --help` without importing it)
SUBCOMMANDS: dict[str, tuple[str, str, str]] = {
    "date": (
        "npkit.cli.date",
        "date",
        "Convert dates AD↔BS, today in Nepal, calendar, fiscal year.",
    ),
}

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
        return getattr(importlib.import_module(module_name), attribute)

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
    console.set_verbosity(
        console.QUIET if quiet else console.VERBOSE if verbose else console.NORMAL
    )
    ctx.meta["npkit.debug"] = debug


def _command_path(exc: click.ClickException) -> str:
    ctx = getattr(exc, "ctx", None)
    return f" ({ctx.command_path} --help)" if ctx is not None else ""


def _fail(message: str, code: int) -> None:
    print(f"npkit: {message}", file=sys.stderr, flush=True)
    sys.exit(code)


def _quiet_broken_pipe() -> None:
    """The reader went away (`npkit … | head -1`): stop quietly, as Unix tools do."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    sys.exit(0)


def _subcommand(args: list[str]) -> str:
    """The command group named in ``args`` ('date', 'fx', …), for prefixing error messages."""
    return next((a for a in args if a in SUBCOMMANDS), "")


def _use_utf8(stream: Any) -> None:
    """Nepali text must survive a C/POSIX or legacy-codepage locale: write UTF-8."""
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
    if encoding != "utf8" and hasattr(stream, "reconfigure"):
        stream.reconfigure(encoding="utf-8")


def main(argv: list[str] | None = None) -> Any:
    """Console-script entry point: run the group and map every failure to an exit code."""
    args = list(argv if argv is not None else sys.argv[1:])
    debug = "--debug" in args
    group = _subcommand(args)
    _use_utf8(sys.stdout)
    _use_utf8(sys.stderr)
    try:
        cli.main(args=args, prog_name="npkit", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.UsageError as exc:
        message = exc.format_message().replace("\n", " ")
        _fail(f"{message[:1].lower()}{message[1:]}{_command_path(exc)}", 2)
    except click.ClickException as exc:
        _fail(exc.format_message().replace("\n", " "), exc.exit_code or 1)
    except NpkitError as exc:
        _fail(f"{group}: {exc}" if group else str(exc), exc.exit_code)
    except (KeyboardInterrupt, click.Abort):
        _fail("interrupted", 130)
    except BrokenPipeError:
        _quiet_broken_pipe()
    except Exception as exc:  # the last line of defence: one line, exit 1
        if debug:
            raise
        _fail(f"internal error: {type(exc).__name__}: {exc} (re-run with --debug for details)", 1)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_broken_pipe()
    sys.exit(0)
