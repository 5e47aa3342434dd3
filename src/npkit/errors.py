"""The exceptions npkit raises on purpose, each tied to a documented exit code.

Anything else escaping to the CLI is a bug and exits 1 (see docs/exit-codes.md). Exit codes
are named here once (``ExitCode``) and nowhere else as literals.
"""

from __future__ import annotations

from enum import IntEnum

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "ExitCode",
    "FetchError",
    "HTTPStatusError",
    "NotCached",
    "NpkitError",
    "NpkitWarning",
    "ParseError",
    "ResponseTooLarge",
    "UsageError",
]


class ExitCode(IntEnum):
    """Every exit status npkit documents (docs/exit-codes.md)."""

    OK = 0
    INTERNAL = 1  # a bug: one line, "re-run with --debug"
    USAGE = 2  # bad input or configuration
    FETCH = 3  # a source could not be reached and no usable cache exists
    PARSE = 4  # a reply arrived but could not be read (the source changed)
    NO = 5  # a yes/no check answered "no" (e.g. "is this a holiday?"); never an error
    INTERRUPTED = 130  # Ctrl-C


class NpkitError(Exception):
    """Base class: a failure we expected and can explain in one line."""

    exit_code: int = ExitCode.INTERNAL


class UsageError(NpkitError, ValueError):
    """Bad input from the user: invalid date, unknown currency, out of range (exit 2).

    Also a ``ValueError``, as ``date(2024, 2, 30)`` raises one: library callers can catch
    either."""

    exit_code = ExitCode.USAGE


class FetchError(NpkitError):
    """A remote source could not be reached and no usable cached copy exists (exit 3)."""

    exit_code = ExitCode.FETCH


class ParseError(NpkitError):
    """A response arrived but could not be read: the source changed its format (exit 4)."""

    exit_code = ExitCode.PARSE


class NpkitWarning(UserWarning):
    """A warning a library caller should act on (``warnings.warn``); the CLI shows it as one
    ``warning:`` line."""


def combined_exit_code(codes: Iterable[int]) -> ExitCode:
    """The one rule for several sources that failed (gold's fallbacks, news's feeds):
    bad configuration (2) wins, then an unreadable reply (4: the likeliest to need a fix),
    else a failed fetch (3); no failure at all is 0."""
    seen = {ExitCode(code) for code in codes}
    for code in (ExitCode.USAGE, ExitCode.PARSE, ExitCode.FETCH):
        if code in seen:
            return code
    return ExitCode.OK


class NotCached(FetchError):
    """``--offline`` and there is no cached copy."""


class ResponseTooLarge(FetchError):
    """The body is larger than the size cap (declared or while streaming)."""


class HTTPStatusError(FetchError):
    """The server answered with an error status; ``content`` keeps the (capped) body."""

    def __init__(self, message: str, status: int, content: bytes) -> None:
        super().__init__(message)
        self.status = status
        self.content = content
