"""Which sources answer a question, in which order, and how one failure hands over to the next.

Order: FENEGOSIDA (the Federation's own API), Nepali Patro (its figures, long history), Hamro
Patro (a web page; latest rates only). ``auto`` asks FENEGOSIDA for history only when the first
day asked for is within its ``HISTORY_DAYS``, and Hamro Patro only for the latest rates.

A source that fails (network, HTTP error, unreadable reply) gets one warning line naming the
next source, which is then asked. A source that only has an expired cached copy, or lacks some
of the days (``Batch.gap``), is kept in reserve while the next ones are asked: fresh data from a
fallback beats old or partial data from the first choice; either beats nothing.
"""

from __future__ import annotations

from collections import namedtuple
from datetime import date as Date

from npkit import http, logs
from npkit.config import FetchOptions
from npkit.errors import FetchError, NpkitError, ParseError, UsageError, summarise_failures
from npkit.gold import fenegosida, hamropatro, nepalipatro
from npkit.gold.window import Batch
from npkit.text import quote

TYPE_CHECKING = False  # typing is not imported at run time (Provider is a typing.Protocol)
if TYPE_CHECKING:
    from npkit.gold.provider import Provider
    from npkit.gold.window import Window

Failed = namedtuple("Failed", "source message exit_code")

PROVIDERS: tuple[Provider, ...] = (fenegosida, nepalipatro, hamropatro)
"""Every source, in the order ``auto`` asks them."""
SOURCES = ("auto", *(p.NAME for p in PROVIDERS))
"""What ``source=`` accepts: ``auto`` (each provider in turn) or one provider's name."""
_BY_NAME = {p.NAME: p for p in PROVIDERS}


def plan(source: str, window: Window, today: Date) -> list[Provider]:
    """The providers to ask, in order; an explicit source that cannot answer is a UsageError."""
    if source not in SOURCES:
        raise UsageError(f"unknown source {quote(source)}; sources: {', '.join(SOURCES)}")
    if source == "auto":
        return [p for p in PROVIDERS if p.cannot_answer(window, today) is None]
    chosen = _BY_NAME[source]
    reason = chosen.cannot_answer(window, today)
    if reason is not None:
        raise UsageError(reason)
    return [chosen]


def run(providers: list[Provider], window: Window, options: FetchOptions) -> Batch:
    """Ask ``providers`` in order until one answers well; see the module docstring."""
    reserve: list[Batch] = []
    failures: list[tuple[str, NpkitError]] = []
    pending: list[str] = []
    for index, provider in enumerate(providers):
        following = providers[index + 1].NAME if index + 1 < len(providers) else None
        try:
            batch = provider.fetch(window, options)
        except (FetchError, ParseError) as exc:
            failures.append((provider.NAME, exc))
            fallback = following or (_best(reserve).source if reserve else None)
            if fallback:  # said only once an answer came (every source down is one line)
                pending.append(f"{provider.NAME} failed: {exc}; using {fallback}")
            continue
        for line in pending:
            logs.warn(__name__, line)
        pending.clear()
        weakness = _weakness(batch, window, options)
        if weakness and following:
            logs.warn(__name__, f"{provider.NAME}: {weakness}; using {following}")
            reserve.append(batch)
            continue
        http.report_stale(batch.responses)
        return batch
    if reserve:
        for line in pending:
            logs.warn(__name__, line)
        chosen = _best(reserve)
        http.report_stale(chosen.responses)
        return chosen
    raise _all_failed(failures)


def _best(reserve: list[Batch]) -> Batch:
    """The first answer kept in reserve that has any rates (else simply the first)."""
    return next((batch for batch in reserve if batch.records), reserve[0])


def _weakness(batch: Batch, window: Window, options: FetchOptions) -> str | None:
    """Why a later source might answer better, or None when this answer is good."""
    if batch.stale and not options.offline:
        return f"{batch.failure or 'the request failed'} (only an expired cached copy)"
    if batch.gap:
        return batch.gap
    if not batch.records:
        return f"no rates for {window.start}…{window.end}"
    return None


def _all_failed(failures: list[tuple[str, NpkitError]]) -> NpkitError:
    """The error for a question no source could answer: one source's own error, else
    ``npkit.errors``' one rule for several failures (``summarise_failures``: exit 4 when any
    source sent a reply it could not read, the likeliest to need a fix, else exit 3)."""
    if len(failures) == 1:
        return failures[0][1]
    warnings, error = summarise_failures(
        [Failed(name, str(exc), exc.exit_code) for name, exc in failures],
        warning="{source} failed: {message}",
        same_way="every source failed ({names}): {last.message}",
    )
    for line in warnings:
        logs.warn(__name__, line)
    return error
