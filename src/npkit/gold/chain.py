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

import importlib
from datetime import date as Date
from types import ModuleType

from npkit import console
from npkit.config import FetchOptions
from npkit.errors import FetchError, ParseError, UsageError
from npkit.gold.window import Batch, Window

PROVIDERS = ("fenegosida", "nepalipatro", "hamropatro")
SOURCES = ("auto", *PROVIDERS)


def provider(name: str) -> ModuleType:
    """The module of source ``name`` (each has NAME, parse, fetch)."""
    return importlib.import_module(f"npkit.gold.{name}")


def plan(source: str, window: Window, today: Date) -> list[ModuleType]:
    """The providers to ask, in order; an explicit source that cannot answer is a UsageError."""
    if source not in SOURCES:
        raise UsageError(f"unknown source {source!r}; sources: {', '.join(SOURCES)}")
    fenegosida = provider("fenegosida")
    if source == "auto":
        names = [
            name
            for name in PROVIDERS
            if (name != "fenegosida" or fenegosida.covers(window, today))
            and (name != "hamropatro" or window.latest)
        ]
        return [provider(name) for name in names]
    if source == "hamropatro" and not window.latest:
        raise UsageError(
            "hamropatro shows only the latest rates; for past dates use --source nepalipatro"
        )
    if source == "fenegosida" and not fenegosida.covers(window, today):
        raise UsageError(
            f"fenegosida keeps only recent history (npkit asks it for the last "
            f"{fenegosida.HISTORY_DAYS} days); for {window.first} use --source nepalipatro"
        )
    return [provider(source)]


def run(providers: list[ModuleType], window: Window, options: FetchOptions) -> Batch:
    """Ask ``providers`` in order until one answers well; see the module docstring."""
    from npkit import http

    reserve: list[Batch] = []
    failures: list[tuple[str, Exception]] = []
    for index, module in enumerate(providers):
        following = providers[index + 1].NAME if index + 1 < len(providers) else None
        try:
            batch: Batch = module.fetch(window, options)
        except (FetchError, ParseError) as exc:
            failures.append((module.NAME, exc))
            fallback = following or (_best(reserve).source if reserve else None)
            if fallback:
                console.warn(f"{module.NAME} failed: {exc}; using {fallback}")
            continue
        weakness = _weakness(batch, window, options)
        if weakness and following:
            console.warn(f"{module.NAME}: {weakness}; using {following}")
            reserve.append(batch)
            continue
        http.report_stale(batch.responses)
        return batch
    if reserve:
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


def _all_failed(failures: list[tuple[str, Exception]]) -> Exception:
    """The error for a question no source could answer: exit 4 when any source sent a reply
    it could not read (the likeliest to need a fix), else exit 3."""
    name, last = failures[-1]
    if len(failures) == 1:
        return last
    message = f"{name} failed: {last}; every source failed"
    if any(isinstance(exc, ParseError) for _, exc in failures):
        return ParseError(message)
    return FetchError(message)
