"""What ``npkit fx`` and ``npkit gold`` share for a history seen whole: the ``--chart``,
``--stats`` and ``--wide`` flags, the rules between them and the output options (checked before
any request), and drawing the charts. Click wiring only; the numbers are npkit.stats'."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from npkit.errors import UsageError
from npkit.output import OutputSpec, render_rows

F = TypeVar("F", bound=Callable[..., Any])


def history_options(what: str) -> Callable[[F], F]:
    """``--chart`` and ``--stats`` for a command printing a history of ``what``."""

    def decorate(func: F) -> F:
        func = click.option(
            "--stats",
            is_flag=True,
            help=f"With --from: per {what}, first, last, low, high (with their days), mean "
            "and change, as records in any format.",
        )(func)
        return click.option(
            "--chart",
            is_flag=True,
            help=f"With --from: a line chart per {what} for the terminal (it is the output: "
            "no -f/--json/--fields).",
        )(func)

    return decorate


def check_history(
    output: OutputSpec, start: str | None, *, chart: bool, stats: bool, wide: bool
) -> None:
    """Refuse, before any request, what cannot be drawn or summarised: the views are one at a
    time, a chart or summary needs a range, and a chart is never mixed into a data format."""
    chosen = [name for name, on in (("--chart", chart), ("--stats", stats), ("--wide", wide)) if on]
    if len(chosen) > 1:
        raise UsageError(f"{chosen[0]} and {chosen[1]} are different views: choose one")
    if (chart or stats) and start is None:
        raise UsageError(f"{chosen[0]} summarises a history: give --from DATE [--to DATE]")
    if chart and (output.chosen or output.fields):
        raise UsageError(
            "--chart draws for people and takes no -f/--json/--fields/--style "
            "(the numbers as data: --stats -f json)"
        )


def draw(charts: Sequence[tuple[str, Sequence[Any]]]) -> None:
    """The charts on stdout (``npkit.output.chart``)."""
    from npkit.output.chart import render_charts

    render_charts(charts)


def render_columns(
    rows: Sequence[tuple[Any, ...]], columns: Sequence[str], output: OutputSpec
) -> None:
    """Render rows under data-dependent columns (``--wide``), honouring --fields."""
    chosen = output.columns(columns)
    index = [list(columns).index(name) for name in chosen]
    render_rows(([row[i] for i in index] for row in rows), output, chosen)
