"""The exceptions npkit raises on purpose, each tied to a documented exit code.

Anything else escaping to the CLI is a bug and exits 1 (see docs/exit-codes.md).
"""

from __future__ import annotations


class NpkitError(Exception):
    """Base class: a failure we expected and can explain in one line."""

    exit_code = 1


class UsageError(NpkitError):
    """Bad input from the user: invalid date, unknown currency, out of range (exit 2)."""

    exit_code = 2


class FetchError(NpkitError):
    """A remote source could not be reached and no usable cached copy exists (exit 3)."""

    exit_code = 3


class ParseError(NpkitError):
    """A response arrived but could not be read: the source changed its format (exit 4)."""

    exit_code = 4
