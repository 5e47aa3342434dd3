"""The ``npkit`` entry point: run a command and map every failure to one line and an exit code.

Kept free of Click: the commonest calls (``npkit date convert 2024-11-26``, ``npkit date
today``) are answered by ``npkit.cli.fast`` without importing it (Click's import alone costs
more than the whole conversion). Everything else goes to the Click app in ``npkit.cli.app``.
"""

from __future__ import annotations

import os
import sys

from npkit.errors import NpkitError

# name -> (module, attribute, one-line help shown by `npkit --help` without importing it)
SUBCOMMANDS: dict[str, tuple[str, str, str]] = {
    "date": (
        "npkit.cli.date",
        "date",
        "Convert dates AD↔BS, today in Nepal, calendar, fiscal year.",
    ),
    "fx": (
        "npkit.cli.fx",
        "fx",
        "Nepal Rastra Bank exchange rates: latest, by date, history, convert.",
    ),
    "news": (
        "npkit.cli.news",
        "news",
        "Headlines from Nepali news sites, merged and filtered; read an article.",
    ),
    "gold": (
        "npkit.cli.gold",
        "gold",
        "FENEGOSIDA gold and silver prices, history, value of a weight.",
    ),
}


def _subcommand(args: list[str]) -> str:
    """The command group named in ``args`` ('date', 'fx', …), for prefixing error messages."""
    return next((a for a in args if a in SUBCOMMANDS), "")


def _use_utf8(stream: object) -> None:
    """Nepali text must survive a C/POSIX or legacy-codepage locale: write UTF-8."""
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
    reconfigure = getattr(stream, "reconfigure", None)
    if encoding != "utf8" and reconfigure is not None:
        reconfigure(encoding="utf-8")


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


def _run_click(args: list[str]) -> None:
    """Run the Click app, turning Click's own errors into one line and exit code 2."""
    import click

    from npkit.cli.app import cli

    try:
        cli.main(args=args, prog_name="npkit", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except SystemExit:
        # Click turns a broken pipe into exit 1 after wrapping stdout; npkit stops quietly (0).
        if isinstance(sys.stdout, click.utils.PacifyFlushWrapper):
            _quiet_broken_pipe()
        raise
    except click.UsageError as exc:
        message = exc.format_message().replace("\n", " ").rstrip(".")
        ctx = exc.ctx
        where = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
        _fail(f"{message[:1].lower()}{message[1:]}{where}", 2)
    except click.ClickException as exc:
        _fail(exc.format_message().replace("\n", " "), exc.exit_code or 1)
    except click.Abort:
        raise KeyboardInterrupt from None


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point (``npkit``) and ``python -m npkit``."""
    args = list(argv if argv is not None else sys.argv[1:])
    group = _subcommand(args)
    _use_utf8(sys.stdout)
    _use_utf8(sys.stderr)
    try:
        from npkit.cli import fast

        if not fast.run(args):
            _run_click(args)
    except NpkitError as exc:
        _fail(f"{group}: {exc}" if group else str(exc), exc.exit_code)
    except KeyboardInterrupt:
        _fail("interrupted", 130)
    except BrokenPipeError:
        _quiet_broken_pipe()
    except Exception as exc:  # the last line of defence: one line, exit 1
        if "--debug" in args:
            raise
        _fail(f"internal error: {type(exc).__name__}: {exc} (re-run with --debug for details)", 1)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_broken_pipe()
    sys.exit(0)
