"""``npkit news …``: Click wiring only; the work is in npkit.news, npkit.http and npkit.output."""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence

import click

from npkit import console
from npkit import news as core
from npkit.cli.groups import DefaultCommandGroup
from npkit.cli.options import FETCH_EPILOG, fetch_options, output_options
from npkit.config import FetchOptions
from npkit.errors import FetchError, ParseError, UsageError
from npkit.news.records import Failure
from npkit.news.registry import LANGS
from npkit.output import OutputSpec, field_names, render
from npkit.text import clean

DEFAULT_COMMAND = "headlines"
TABLE_LIMIT = 20
HEADLINE_TABLE_FIELDS = ("published", "source", "title")
SOURCE_TABLE_FIELDS = ("id", "name", "lang", "url")
CHECK_TABLE_FIELDS = ("id", "status", "items", "latency_ms", "error")
NEWS_EPILOG = """\b
Sources: `npkit news sources` lists them; add or override one in the config
file (NPKIT_CONFIG) with a [news.sources.ID] table: url, name, lang, or
enabled = false (docs/news.md).
"""


@click.group(
    cls=DefaultCommandGroup,
    default_command=DEFAULT_COMMAND,
    usages=("[headlines] [OPTIONS]", "sources [--check] [OPTIONS]", "read URL [OPTIONS]"),
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
      npkit news read URL                 an article as text
    """


@news.command(
    "headlines", short_help="Headlines, merged and filtered.", epilog=NEWS_EPILOG + FETCH_EPILOG
)
@click.option("-s", "--source", "source_ids", multiple=True, metavar="ID",
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
@output_options
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
    newest first: published (Nepal time), source, lang, title, url, summary."""
    if output.format == "table" and not output.fields:
        output = OutputSpec(output.format, HEADLINE_TABLE_FIELDS, output.chosen)
    output.columns(field_names(core.Article))  # a bad --fields fails before any request
    if limit is None:
        limit = TABLE_LIMIT if output.format == "table" else 0
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
    error = ParseError if result.exit_code == 4 else FetchError
    count = len(result.failures)
    if result.all_failed and count > 1 and _same_reason(result.failures):
        first = result.failures[0]  # no network: one line, not one per source
        if output.format == "json":
            render([], output, core.Article)
        raise error(f"every source failed the same way ({count} of {count}), e.g. "
                    f"{first.source}: {first.message}")  # fmt: skip
    for failure in result.failures:
        console.warn(f"{failure.source}: {failure.message}")
    if not result.all_failed or output.format == "json":  # JSON stays valid: []
        render(result.articles, output, core.Article)  # (no CSV header, no empty table)
    if result.all_failed:
        raise error(f"every source failed ({count} of {count}: reasons above)")
    if strict and result.failures:
        raise error(f"{count} of {result.sources} sources failed (--strict)")


_HOST = re.compile(r"\[[0-9a-f:.]+\](?::\d+)?|[\w.-]+\.[a-z]{2,}(?::\d+)?|[\d.]+:\d+", re.I)


def _same_reason(failures: Sequence[Failure]) -> bool:
    """Did every source fail for one reason, hosts aside (no network, a proxy down)?"""
    return len({(f.exit_code, _HOST.sub("HOST", f.message)) for f in failures}) == 1


@news.command("sources", short_help="The news sources; --check fetches each.", epilog=NEWS_EPILOG)
@click.option("--check", is_flag=True, help="Fetch every feed now: status, items, latency.")
@click.option("-s", "--source", "source_ids", multiple=True, metavar="ID",
              help="With --check: only this source (repeat, or a,b).")  # fmt: skip
@fetch_options
@output_options
def sources(
    check: bool, source_ids: tuple[str, ...], fetch: FetchOptions, output: OutputSpec
) -> None:
    """The news sources: built-in ones and those of the config file ([news.sources.ID]).
    With --check, each feed is fetched now (never from the cache) and the answer reported:
    status, item count, latency in milliseconds and, on failure, why."""
    if not check:
        if source_ids:
            raise UsageError("-s chooses the sources of --check")
        if output.format == "table" and not output.fields:
            output = OutputSpec(output.format, SOURCE_TABLE_FIELDS, output.chosen)
        render(core.sources(), output, core.Source)
        return
    if fetch.offline:
        raise UsageError("--check asks every server now; it cannot be --offline")
    if output.format == "table" and not output.fields:
        output = OutputSpec(output.format, CHECK_TABLE_FIELDS, output.chosen)
    output.columns(field_names(core.SourceCheck))
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


@news.command("read", short_help="An article as text.", epilog=FETCH_EPILOG)
@click.argument("url")
@fetch_options
@output_options
def read(url: str, fetch: FetchOptions, output: OutputSpec) -> None:
    """The article at URL as text: title, date (Nepal time), source, then the body without
    AI summaries, share bars or related links. --json gives title, url, published, source,
    text."""
    if output.format != "table" or output.fields:
        output.columns(field_names(core.ArticleText))
    article = core.read(url, fetch)
    if output.format != "table" or output.fields:
        render([article], output, core.ArticleText)
        return
    about = " · ".join(part for part in (article.published, article.source) if part)
    sys.stdout.write(f"{article.title}\n{about}\n{article.url}\n\n{article.text}\n")
    sys.stdout.flush()
