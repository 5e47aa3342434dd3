"""The ``npkit`` entry point: run a command and map every failure to one line and an exit code.

Kept free of Click: the commonest calls (``npkit date convert 2024-11-26``, ``npkit date
today``) are answered by ``npkit.cli.fast`` without importing it (Click's import alone costs
more than the whole conversion). Everything else goes to the Click app in ``npkit.cli.app``.
"""

from __future__ import annotations

import os
import sys

from npkit import console
from npkit.cli.commands import SUBCOMMANDS
from npkit.errors import ExitCode, NpkitError

GLOBAL_FLAGS = ("-q", "--quiet", "-v", "--verbose", "--debug")
"""The global options without a value; with ``--color WHEN`` they work anywhere on the line."""


def _subcommand(args: list[str]) -> str:
    """The command group named in ``args`` ('date', 'fx', …), for prefixing error messages."""
    return next((a for a in args if a in SUBCOMMANDS), "")


def split_global_options(args: list[str]) -> tuple[list[str], list[str]]:
    """``args`` split into the global options (wherever they were typed, up to a ``--``) and
    the rest: ``npkit fx usd -q`` is ``npkit -q fx usd``."""
    found: list[str] = []
    rest: list[str] = []
    tokens = iter(args)
    for token in tokens:
        if token == "--":
            rest += [token, *tokens]
        elif token in GLOBAL_FLAGS or token.startswith("--color="):
            found.append(token)
        elif token == "--color":
            found += [token, *[value for value in [next(tokens, None)] if value is not None]]
        else:
            rest.append(token)
    return found, rest


def _apply_global_options(found: list[str]) -> bool:
    """Set verbosity and colour from the global options; False if one is malformed (Click
    then says why)."""
    quiet = any(t in ("-q", "--quiet") for t in found)
    verbose = any(t in ("-v", "--verbose") for t in found)
    console.set_verbosity(
        console.QUIET if quiet else console.VERBOSE if verbose else console.NORMAL
    )
    modes = [t.partition("=")[2] for t in found if t.startswith("--color=")]
    modes += [found[i + 1] for i, t in enumerate(found[:-1]) if t == "--color"]
    if "--color" in found[-1:] or any(m not in console.COLOUR_MODES for m in modes):
        return False
    console.set_colour(modes[-1] if modes else "auto")
    return True


def _use_utf8(stream: object) -> None:
    """Nepali text must survive a C/POSIX or legacy-codepage locale: write UTF-8."""
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
    reconfigure = getattr(stream, "reconfigure", None)
    if encoding != "utf8" and reconfigure is not None:
        reconfigure(encoding="utf-8")


def _fail(message: str, code: int) -> None:
    print(f"npkit: {message}", file=sys.stderr, flush=True)
    sys.exit(int(code))


def _quiet_broken_pipe() -> None:
    """The reader went away (`npkit … | head -1`): stop quietly, as Unix tools do."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    sys.exit(int(ExitCode.OK))


def _run_click(args: list[str]) -> None:
    """Run the Click app, turning Click's own errors into one line and exit code 2.

    The app is invoked through ``make_context``/``invoke`` rather than ``cli.main``: Click's
    ``main`` would print a blank line on Ctrl-C and turn a broken pipe into exit 1 behind a
    stdout wrapper; here those reach ``main`` below, which has one rule for each. Shell
    completion (``_NPKIT_COMPLETE``) still goes through ``cli.main``, which answers it.
    """
    import click

    from npkit.cli.app import cli

    if os.environ.get("_NPKIT_COMPLETE"):
        cli.main(args=args, prog_name="npkit")
        return
    try:
        with cli.make_context("npkit", list(args)) as ctx:  # Click consumes the list
            cli.invoke(ctx)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.exceptions.NoArgsIsHelpError as exc:
        # `npkit` or `npkit date` alone: the help, as help reads (not one flattened error line).
        print(exc.ctx.get_help() if exc.ctx is not None else exc.format_message(), file=sys.stderr)
        sys.exit(int(ExitCode.USAGE))
    except click.UsageError as exc:
        message = exc.format_message().replace("\n", " ").rstrip(".")
        where = f" (see '{exc.ctx.command_path} --help')" if exc.ctx is not None else ""
        _fail(f"{message[:1].lower()}{message[1:]}{where}", ExitCode.USAGE)
    except click.ClickException as exc:
        _fail(exc.format_message().replace("\n", " "), exc.exit_code or ExitCode.INTERNAL)
    except click.Abort:
        raise KeyboardInterrupt from None


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point (``npkit``) and ``python -m npkit``."""
    args = list(argv if argv is not None else sys.argv[1:])
    group = _subcommand(args)
    _use_utf8(sys.stdout)
    _use_utf8(sys.stderr)
    found, rest = split_global_options(args)
    try:
        from npkit.cli import fast

        if not (_apply_global_options(found) and fast.run(rest)):
            _run_click([*found, *rest])
    except NpkitError as exc:
        _fail(f"{group}: {exc}" if group else str(exc), exc.exit_code)
    except KeyboardInterrupt:
        _fail("interrupted", ExitCode.INTERRUPTED)
    except BrokenPipeError:
        _quiet_broken_pipe()
    except Exception as exc:  # the last line of defence: one line, exit 1
        if "--debug" in args:
            raise
        _fail(
            f"internal error: {type(exc).__name__}: {exc} (re-run with --debug for details)",
            ExitCode.INTERNAL,
        )
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_broken_pipe()
    sys.exit(int(ExitCode.OK))
