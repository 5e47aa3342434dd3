"""The exceptions npkit raises on purpose, each tied to a documented exit code.

Anything else escaping to the CLI is a bug and exits 1 (see docs/exit-codes.md). Exit codes
are named here once (``ExitCode``) and nowhere else as literals.
"""

from __future__ import annotations

from enum import IntEnum

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from typing import Protocol

    class SourceFailure(Protocol):
        """One source that failed: its name, the one-line reason and its exit code."""

        @property
        def source(self) -> str: ...
        @property
        def message(self) -> str: ...
        @property
        def exit_code(self) -> int: ...


__all__ = [
    "ExitCode",
    "FetchError",
    "HTTPStatusError",
    "NotCached",
    "NotKnownError",
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


class NotKnownError(NpkitError, LookupError):
    """A fair question with no answer in npkit's data: no day of that festival (or no
    holiday) is known after the day asked (Eid beyond the announced days, the end of the
    supported range). Not bad input: exit 5, the "no" of a check (docs/exit-codes.md). Also a
    ``LookupError`` for library callers."""

    exit_code = ExitCode.NO


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


_HOST = r"\[[0-9a-f:.]+\](?::\d+)?|[\w.-]+\.[a-z]{2,}(?::\d+)?|[\d.]+:\d+"
"""A host (name, IPv4 or IPv6, with a port) in a message: set aside when comparing reasons."""


def summarise_failures(
    failures: Sequence[SourceFailure],
    *,
    warning: str = "{source}: {message}",
    same_way: str = "every source failed the same way ({count} of {count}), e.g. "
    "{first.source}: {first.message}",
) -> tuple[list[str], NpkitError]:
    """The one rule for saying that every source failed (gold's fallbacks, news's feeds): the
    warnings to print first and the error to raise, its class by ``combined_exit_code``.

    When several sources failed for one reason, hosts aside (no network, a proxy down), that is
    one line (``same_way``; fields ``count``, ``names``, ``first``, ``last``), not one per
    source; otherwise one ``warning`` per source (fields ``source``, ``message``) and
    ``every source failed (N of N: reasons above)``."""
    import re

    count = len(failures)
    error = _BY_CODE.get(combined_exit_code(f.exit_code for f in failures), FetchError)
    host = re.compile(_HOST, re.I)
    if count > 1 and len({(f.exit_code, host.sub("HOST", f.message)) for f in failures}) == 1:
        names = ", ".join(f.source for f in failures)
        line = same_way.format(count=count, names=names, first=failures[0], last=failures[-1])
        return [], error(line)
    warnings = [warning.format(source=f.source, message=f.message) for f in failures]
    return warnings, error(f"every source failed ({count} of {count}: reasons above)")


_BY_CODE: dict[int, type[NpkitError]] = {
    ExitCode.USAGE: UsageError,
    ExitCode.PARSE: ParseError,
    ExitCode.FETCH: FetchError,
}


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
