"""``npkit news …``: Click wiring only; the work is in npkit.news, npkit.http and npkit.output."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from npkit import console
from npkit import news as core
from npkit.cli.commands import docs
from npkit.cli.groups import DefaultCommandGroup
from npkit.cli.options import FETCH_EPILOG, complete_source_ids, fetch_options, output_options
from npkit.config import FetchOptions
from npkit.errors import FetchError, ParseError, UsageError, summarise_failures
from npkit.news.registry import LANGS
from npkit.output import OutputSpec, render, render_rows, row_values
from npkit.text import clean

DEFAULT_COMMAND = "headlines"
TABLE_LIMIT = 20
NEWS_EPILOG = f"""\b
Sources: `npkit news sources` lists them; add or override one in the config
file (NPKIT_CONFIG) with a [news.sources.ID] table: url, name, lang, or
enabled = false.
Documentation: {docs("news")}
"""


@click.group(
    cls=DefaultCommandGroup,
    default_command=DEFAULT_COMMAND,
    usages=("[headlines] [OPTIONS]", "sources [--check] [OPTIONS]", "read URL|N [OPTIONS]"),
    epilog=NEWS_EPILOG + FETCH_EPILOG,
)
def news() -> None:
    """Headlines from Nepali news sites (English and Nepali), merged, newest first.

    Every source is fetched at once (one request at a time per site); a source that fails
    gets one warning line on stderr and the others still print. Without a subcommand,
    'headlines' runs.

    \b
    Examples:
      npkit news                          the latest 20 headlines, every source
      npkit news --lang ne --since 6h     Nepali headlines of the last 6 hours
      npkit news -s onlinekhabar -s bbcnepali -k निर्वाचन -k election
      npkit news --json -n 0 | jq -r '.[].url'
      npkit news --feed https://example.org/feed.xml
      npkit news sources --check          is every feed answering?
      npkit news read 3                   the 3rd headline of the last table
      npkit news read URL                 an article as text
    """


@news.command(
    "headlines", short_help="Headlines, merged and filtered.", epilog=NEWS_EPILOG + FETCH_EPILOG
)
@click.option("-s", "--source", "source_ids", multiple=True, metavar="ID",
              shell_complete=complete_source_ids,
              help="Only this source (repeat, or a,b); default: every source.")  # fmt: skip
@click.option("--lang", type=click.Choice(LANGS), default=None,
              help="Only headlines in this language (detected from the script).")  # fmt: skip
@click.option("-n", "--limit", type=click.IntRange(min=0), default=None, metavar="N",
              help=f"At most N headlines (default: {TABLE_LIMIT} in a table, all in other "
              "formats; 0: all).")  # fmt: skip
@click.option("--since", metavar="6h|2d|DATE",
              help="Only headlines published since then (m/h/d/w back from now, today, "
              "yesterday, or a date: AD or BS, from 00:00 Nepal time).")  # fmt: skip
@click.option("-k", "--keyword", "keywords", multiple=True, metavar="WORD",
              help="Only headlines whose title or summary contains WORD (any of them; "
              "case-insensitive; Devanagari works).")  # fmt: skip
@click.option("--feed", "feed_urls", multiple=True, metavar="URL",
              help="Also read this RSS/Atom feed; with --feed only the named feeds and -s "
              "sources are read.")  # fmt: skip
@fetch_options
@output_options(record=core.Article)
def headlines(
    source_ids: tuple[str, ...],
    lang: str | None,
    limit: int | None,
    since: str | None,
    keywords: tuple[str, ...],
    feed_urls: tuple[str, ...],
    strict: bool,
    fetch: FetchOptions,
    output: OutputSpec,
) -> None:
    """Headlines of every source (or the -s sources and --feed URLs), de-duplicated by URL,
    newest first: published (Nepal time), source, lang, title, url, summary. A table numbers
    them: `npkit news read N` reads the Nth.

    \b
    Examples:
      npkit news -n 5                     five headlines, then `npkit news read 2`
      npkit news --lang en --since today
      npkit news -k budget --fields url -f raw
    """
    output.check(core.Article)  # a bad --fields fails before any request
    if limit is None:
        limit = TABLE_LIMIT if output.for_people else 0
    result = core.headlines(
        source_ids,
        feeds=feed_urls,
        lang=lang,
        since=since,
        keywords=keywords,
        limit=limit or None,
        options=fetch,
    )
    if not result.sources:
        console.warn("no news source to read (every source disabled in the config file?)")
    if result.all_failed:  # npkit.errors' one rule: no network is one line, not one per source
        warnings, error = summarise_failures(result.failures)
    else:
        warnings = [f"{failure.source}: {failure.message}" for failure in result.failures]
    for line in warnings:
        console.warn(line)
    if output.for_people and not result.all_failed:  # (no empty table)
        _remember(result.articles)
        _render_numbered(result.articles, output)
    elif not result.all_failed or output.json_values:  # JSON stays valid: []
        render(result.articles, output, core.Article)  # (no CSV header)
    if result.all_failed:
        raise error
    if strict and result.failures:
        strict_error = ParseError if result.exit_code == 4 else FetchError
        raise strict_error(f"{len(result.failures)} of {result.sources} sources failed (--strict)")


def _render_numbered(articles: list[core.Article], output: OutputSpec) -> None:
    """The headline table with a row number first (what `npkit news read N` takes)."""
    from npkit.output.render import table_columns
    from npkit.output.table import layout_of

    columns = table_columns(output, core.Article, articles)
    rows = [(n, *row_values(a, columns)) for n, a in enumerate(articles, 1)]
    render_rows(rows, output, ("#", *columns), layout=layout_of(core.Article))


def _listing_path() -> Path:
    from npkit import config
    from npkit.cli.cache import NEWS_LISTING

    return config.cache_dir() / NEWS_LISTING


def _remember(articles: list[core.Article]) -> None:
    """Keep the URLs of the table just printed, for `npkit news read N` (best effort)."""
    import json

    try:
        path = _listing_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps([a.url for a in articles]), encoding="utf-8")
    except OSError:
        pass


def _listed_url(number: int) -> str:
    """The URL of headline ``number`` of the last table."""
    import json

    try:
        urls = json.loads(_listing_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        urls = []
    if not 1 <= number <= len(urls):
        raise UsageError(
            f"no headline {number} in the last listing ({len(urls)} headlines); "
            "run `npkit news` to list them"
        )
    return str(urls[number - 1])


@news.command("sources", short_help="The news sources; --check fetches each.", epilog=NEWS_EPILOG)
@click.option("--check", is_flag=True, help="Fetch every feed now: status, items, latency.")
@click.option("-s", "--source", "source_ids", multiple=True, metavar="ID",
              shell_complete=complete_source_ids,
              help="With --check: only this source (repeat, or a,b).")  # fmt: skip
@fetch_options
@output_options(record=core.SourceCheck)
def sources(
    check: bool, source_ids: tuple[str, ...], fetch: FetchOptions, output: OutputSpec
) -> None:
    """The news sources: built-in ones and those of the config file ([news.sources.ID]).
    With --check, each feed is fetched now (never from the cache) and the answer reported:
    status, item count, latency in milliseconds and, on failure, why.

    \b
    Examples:
      npkit news sources
      npkit news sources --check -s onlinekhabar
    """
    if not check:
        if source_ids:
            raise UsageError("-s chooses the sources of --check")
        render(core.sources(), output, core.Source)
        return
    if fetch.offline:
        raise UsageError("--check asks every server now; it cannot be --offline")
    output.check(core.SourceCheck)
    outcomes = core.check(source_ids, FetchOptions(no_cache=True, timeout=fetch.timeout))
    render(
        (
            core.SourceCheck(
                id=o.source.id,
                name=o.source.name,
                status="failed" if o.error else "ok",
                items=None if o.error else len(o.articles),
                latency_ms=round(o.seconds * 1000),
                error=clean(str(o.error)) if o.error else None,
                url=o.source.url,
            )
            for o in outcomes
        ),
        output,
        core.SourceCheck,
    )


@news.command("read", short_help="An article as text (URL, or N of the last table).",
              epilog=FETCH_EPILOG)  # fmt: skip
@click.argument("url", metavar="URL|N")
@fetch_options
@output_options(record=core.ArticleText)
def read(url: str, fetch: FetchOptions, output: OutputSpec) -> None:
    """The article at URL, or the Nth headline of the last `npkit news` table, as text:
    title, date (Nepal time), source, then the body without AI summaries, share bars or
    related links. On a terminal the text is wrapped to its width, and a long article opens
    in a pager ($PAGER). --json gives title, url, published, source, text, fetched_at,
    stale.

    \b
    Examples:
      npkit news read 1
      npkit news read https://kathmandupost.com/national/2026/12/01/example
      npkit news read 2 --fields text -f raw | wc -w
    """
    as_text = output.for_people and not output.fields  # else the record, in its format
    if not as_text:
        output.check(core.ArticleText)
    if url.isdigit():
        url = _listed_url(int(url))
    article = core.read(url, fetch)
    if not as_text:
        render([article], output, core.ArticleText)
        return
    published = article.published.isoformat() if article.published else None
    about = " · ".join(part for part in (published, article.source) if part)
    if not sys.stdout.isatty():
        sys.stdout.write(f"{article.title}\n{about}\n{article.url}\n\n{article.text}\n")
        sys.stdout.flush()
        return
    import shutil
    import textwrap

    size = shutil.get_terminal_size()
    width = min(size.columns, 100)

    def wrap(text: str) -> str:  # len() ≥ display width for Devanagari: lines never overflow
        return "\n".join(
            textwrap.fill(p, width, break_on_hyphens=False) if p else p for p in text.split("\n")
        )

    # the URL stays whole, so the terminal can open it
    shown = f"{wrap(article.title)}\n{wrap(about)}\n{article.url}\n\n{wrap(article.text)}\n"
    if shown.count("\n") >= size.lines - 1:
        click.echo_via_pager(shown)
    else:
        sys.stdout.write(shown)
        sys.stdout.flush()
