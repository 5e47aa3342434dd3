"""The ``npkit`` entry point: run a command and map every failure to one line and an exit code.

Kept free of Click: the commonest calls (``npkit date convert 2024-11-26``, ``npkit date
today``) are answered by ``npkit.cli.fast`` without importing it (Click's import alone costs
more than the whole conversion), and a warm ``npkit fx`` too. Everything
else goes to the Click app in ``npkit.cli.app``.
"""

from __future__ import annotations

import errno
import io
import os
import sys

from npkit import console
from npkit.cli.commands import SUBCOMMANDS
from npkit.errors import ExitCode, NpkitError

GLOBAL_FLAGS = ("-q", "--quiet", "-v", "--verbose", "--debug")
"""The global options without a value; with ``--color WHEN`` they work anywhere on the line."""

_WRITE_ERRORS = frozenset({errno.EBADF, errno.ENOSPC, errno.EIO, errno.EDQUOT, errno.EFBIG})
"""An ``OSError`` with one of these reaching ``main`` is stdout failing (closed, full): the
network and file errors npkit expects are ``NpkitError``s long before."""


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
    from npkit import console

    _interrupts(inside=False)
    console.say(message)
    sys.exit(int(code))


def _interrupts(*, inside: bool) -> None:
    """Tell the early SIGINT handler (``npkit.cli``) whether ``main`` is there to catch it."""
    from npkit.cli.interrupts import inside_main

    inside_main(inside)


class _ClosedStream(io.RawIOBase):
    """What stdout is when the shell closed it (``>&-``): every write fails as it would."""

    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        raise OSError(errno.EBADF, "stdout is closed")


def _usable_streams() -> None:
    """Closed standard streams (``<&-``, ``>&-``, ``2>&-``) are None in Python: stdin reads as
    empty, stderr loses its lines, stdout fails on the first write (exit 2, one line)."""
    if sys.stdin is None:
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 - for the process
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.stdout is None:
        sys.stdout = io.TextIOWrapper(io.BufferedWriter(_ClosedStream()), encoding="utf-8")


def _output_failed(exc: OSError) -> None:
    """stdout cannot be written (closed, a full disk): one line, exit 2, and no second error
    when the interpreter flushes stdout on the way out."""
    import contextlib

    with contextlib.suppress(OSError):
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    _fail(f"cannot write the output: {exc.strerror or exc}", ExitCode.USAGE)


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
    from npkit.cli.groups import NarrowHelpFormatter

    click.Context.formatter_class = NarrowHelpFormatter  # help as narrow as the terminal
    if os.environ.get("_NPKIT_COMPLETE"):
        cli.main(args=args, prog_name="npkit")
        return
    try:
        with cli.make_context("npkit", list(args)) as ctx:  # Click consumes the list
            cli.invoke(ctx)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.exceptions.NoArgsIsHelpError as exc:
        # `npkit` alone asks what npkit does: the help on stdout, exit 0 (as gh; `npkit | less`
        # shows it). `npkit date` alone: the help, as help reads, on stderr with exit 2.
        top = exc.ctx is not None and exc.ctx.parent is None
        print(
            exc.ctx.get_help() if exc.ctx is not None else exc.format_message(),
            file=sys.stdout if top else sys.stderr,
        )
        sys.exit(int(ExitCode.OK if top else ExitCode.USAGE))
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
    _usable_streams()
    _use_utf8(sys.stdout)
    _use_utf8(sys.stderr)
    found, rest = split_global_options(args)
    console.route_library_logging()
    convert = sys.modules.get("npkit.dates.convert")
    if convert is not None:
        convert.reset_warnings()  # a new run (tests run many in one process)
    try:
        _interrupts(inside=True)
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
        if isinstance(exc, OSError) and exc.errno in _WRITE_ERRORS:
            _output_failed(exc)  # stdout closed or full: exit 2, one line
        from npkit.text import quote

        text = quote(" ".join(str(exc).split()), limit=200)[1:-1]
        _fail(
            f"internal error: {type(exc).__name__}: {text} (re-run with --debug for details)",
            ExitCode.INTERNAL,
        )
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_broken_pipe()
    except OSError as exc:
        _output_failed(exc)
    except ValueError:  # stdout closed under us
        pass
    _interrupts(inside=False)
    sys.exit(int(ExitCode.OK))
