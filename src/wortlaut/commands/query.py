"""CLI commands: ``search``, ``show``, ``stats`` and ``export`` (thin wrappers over the store
and :mod:`wortlaut.export`). Every command has ``--json`` or a file format for scripts; the
terminal view marks hits in bold and quotes in colour, and never needs HTML."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

import click

from ..errors import NotFoundError
from ..export import FORMATS, export
from ..store.base import EXPORT_TABLES, SearchHit, SearchResults, Snippet, StoredArticle, StoreStats

KINDS = ("all", "articles", "quotes", "amounts")
QUOTE_COLOURS = ("cyan", "green", "magenta", "yellow", "blue", "red")


def number(value: Any) -> str:
    """1e5 as 100000, 3.5 as 3.5: numbers as people write them."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def styled(snippet: Snippet) -> str:
    """A snippet with its hits in bold (click drops the styling when output is not a terminal)."""
    return "".join(click.style(t, bold=True) if hit else t for t, hit in snippet.segments)


def render_hit(hit: SearchHit) -> str:
    head = f"{hit.kind:<7} {hit.article_id}  {hit.date or '????-??-??'}  {hit.source or '-'}"
    lines = [head, f"        {hit.title or '(no title)'}"]
    if hit.kind == "quote":
        who = hit.speaker_name or "(speaker unknown)"
        ref = f" [{hit.speaker_entity}]" if hit.speaker_entity else ""
        lines.append(f"        {hit.quote_type} quote #{hit.quote_id} by {who}{ref}")
    if hit.kind == "amount" and hit.amount:
        a = hit.amount
        value = number(a.get("value"))
        if a.get("value") is None:
            value = (
                f"{number(a.get('low'))}–{number(a.get('high'))}" if a.get("low") or a.get("high") else "?"
            )
        approx = "~" if a.get("approximate") else ""
        what = " ".join(str(x) for x in (f"{approx}{value}", a.get("unit"), a.get("counted")) if x)
        lines.append(f"        amount: {what}")
    lines.append("        " + styled(hit.snippet).replace("\n", " "))
    return "\n".join(lines)


def render_results(results: SearchResults) -> str:
    q = results.query
    first = q.offset + 1 if results.hits else 0
    out = [render_hit(h) + "\n" for h in results.hits]
    out.append(f"{first}–{q.offset + len(results.hits)} of {results.total}")
    if q.offset + len(results.hits) < results.total:
        out[-1] += f" (next: --offset {q.offset + q.limit})"
    return "\n".join(out)


def _mark_quotes(stored: StoredArticle) -> str:
    """The article text with each quote coloured and numbered: «…»[Q1]."""
    text = stored.article.text
    if not stored.extraction or not stored.extraction.quotes:
        return text
    marks: list[tuple[int, int, int]] = sorted(
        (s, e, i) for i, q in enumerate(stored.extraction.quotes, 1) for s, e in q.spans
    )
    out, pos = [], 0
    for s, e, i in marks:
        if s < pos:  # overlapping quote spans: keep the first
            continue
        out.append(text[pos:s])
        colour = QUOTE_COLOURS[(i - 1) % len(QUOTE_COLOURS)]
        out.append(click.style("«" + text[s:e] + "»", fg=colour) + click.style(f"[Q{i}]", bold=True))
        pos = e
    out.append(text[pos:])
    return "".join(out)


def render_article(stored: StoredArticle) -> str:
    a = stored.article
    versions = ", ".join(f"v{v.version} ({v.ingested_at})" for v in stored.versions)
    meta = [
        ("id", a.id),
        ("version", f"{stored.version} of {len(stored.versions)}: {versions}"),
        ("source", a.source),
        ("url", a.url),
        ("title", a.title),
        ("topline", a.topline),
        ("headline", a.headline),
        ("date", a.date or a.published),
        ("Stand", a.updated),
        ("authors", ", ".join(a.authors) or None),
        ("bureau", a.bureau),
    ]
    lines = [f"{k:>9}: {v}" for k, v in meta if v]
    lines += ["", _mark_quotes(stored), ""]
    ex = stored.extraction
    if ex is None:
        lines.append("(not extracted: run wortlaut ingest without --no-extract)")
        return "\n".join(lines)
    names = {e.id: e.name for e in ex.entities}
    lines.append(click.style(f"Quotes ({len(ex.quotes)})", bold=True))
    for i, q in enumerate(ex.quotes, 1):
        sp = q.speaker
        who = (sp.name or names.get(sp.entity or "") or sp.text) if sp else "(speaker unknown)"
        link = stored.entity_links.get(sp.entity or "") if sp else None
        cue = f", cue '{q.cue.text}'" if q.cue else ""
        lines.append(f"  Q{i} {q.type}: {who}{f' [{link}]' if link else ''}{cue}")
        lines.append(f"      {q.text}")
    lines.append(click.style(f"Entities ({len(ex.entities)})", bold=True))
    for e in ex.entities:
        link = stored.entity_links.get(e.id)
        forms = sorted({m.text for m in e.mentions})
        lines.append(f"  {e.id} {e.label} {e.name}{f' [{link}]' if link else ''}: {', '.join(forms)}")
    lines.append(click.style(f"Amounts ({len(ex.amounts)})", bold=True))
    for am in ex.amounts:
        value = (
            number(am.value)
            if am.value is not None
            else (f"{number(am.low)}–{number(am.high)}" if am.low or am.high else "?")
        )
        approx = "~" if am.approximate else ""
        what = " ".join(str(x) for x in (f"{approx}{value}", am.unit, am.counted) if x)
        lines.append(f"  {am.text!r}: {what}")
    return "\n".join(lines)


def render_stats(stats: StoreStats) -> str:
    lines = [
        f"store:     {stats.path}",
        f"schema:    version {stats.schema_version}",
        f"articles:  {stats.articles} ({stats.versions} versions)",
        f"dates:     {stats.first_date or '-'} … {stats.last_date or '-'}",
        f"quotes:    {stats.quotes}"
        + (
            f" ({', '.join(f'{t} {n}' for t, n in sorted(stats.quotes_by_type.items()))})"
            if stats.quotes_by_type
            else ""
        ),
        f"entities:  {stats.entities} ({stats.mentions} mentions)",
        f"amounts:   {stats.amounts}",
    ]
    if stats.sources:
        lines.append("sources:")
        lines += [f"  {n:>7}  {s}" for s, n in stats.sources[:20]]
        if len(stats.sources) > 20:
            lines.append(f"  … and {len(stats.sources) - 20} more")
    return "\n".join(lines)


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


def _article_json(stored: StoredArticle) -> dict[str, Any]:
    return {
        "article": stored.article.to_dict(),
        "version": stored.version,
        "versions": [dataclasses.asdict(v) for v in stored.versions],
        "extraction": stored.extraction.to_dict() if stored.extraction else None,
        "entity_links": stored.entity_links,
    }


def register(main: click.Group) -> None:
    from ..cli import _db, clean_errors

    @main.command()
    @click.argument("query", required=False, default="")
    @click.option(
        "--from", "date_from", metavar="DATE", help="Only articles dated on or after DATE (YYYY-MM-DD)."
    )
    @click.option("--to", "date_to", metavar="DATE", help="Only articles dated on or before DATE.")
    @click.option("--source", help="Only this source.")
    @click.option(
        "--speaker", metavar="NAME", help="Only quotes by (or articles quoting) this person or entity id."
    )
    @click.option("--entity", metavar="NAME", help="Only what names this entity (name or id such as e12).")
    @click.option("--type", "quote_type", help="Only quotes of this type (direct, indirect, …).")
    @click.option("--kind", type=click.Choice(KINDS), default="all", show_default=True, help="What to list.")
    @click.option(
        "--counted", metavar="NOUN", help="Amounts: what is counted (e.g. Soldaten); implies --kind amounts."
    )
    @click.option("--min", "min_value", type=float, help="Amounts: at least this value.")
    @click.option("--max", "max_value", type=float, help="Amounts: at most this value.")
    @click.option("--limit", type=click.IntRange(1, 1000), default=10, show_default=True)
    @click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True)
    @click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
    @click.pass_context
    @clean_errors
    def search(
        ctx: click.Context,
        query: str,
        date_from: str | None,
        date_to: str | None,
        source: str | None,
        speaker: str | None,
        entity: str | None,
        quote_type: str | None,
        kind: str,
        counted: str | None,
        min_value: float | None,
        max_value: float | None,
        limit: int,
        offset: int,
        as_json: bool,
    ) -> None:
        """Search articles, quotes and amounts. QUERY: words (all must occur; German forms are
        matched: Flugverbotszonen finds Flugverbotszone), "a phrase", prefix*, a OR b, -excluded.
        Without QUERY, lists what is newest."""
        from ..store import open_store
        from ..store.base import SearchQuery

        q = SearchQuery(
            text=query,
            kind=kind,  # type: ignore[arg-type]
            date_from=date_from,
            date_to=date_to,
            source=source,
            speaker=speaker,
            entity=entity,
            quote_type=quote_type,
            counted=counted,
            min_value=min_value,
            max_value=max_value,
            limit=limit,
            offset=offset,
            facets=as_json,
        )
        store = open_store(_db(ctx), read_only=True)
        try:
            results = store.search(q)
        finally:
            store.close()
        if as_json:
            click.echo(_json(dataclasses.asdict(results)))
        elif not results.hits:
            click.echo(f"nothing found ({results.total} results)")
        else:
            click.echo(render_results(results))

    @main.command()
    @click.argument("article_id")
    @click.option("--version", type=click.IntRange(min=1), help="Show this version (default: the latest).")
    @click.option("--json", "as_json", is_flag=True, help="Print the article and its extraction as JSON.")
    @click.pass_context
    @clean_errors
    def show(ctx: click.Context, article_id: str, version: int | None, as_json: bool) -> None:
        """Show one stored article: metadata, text with quotes marked, quotes, entities, amounts."""
        from ..store import open_store

        store = open_store(_db(ctx), read_only=True)
        try:
            stored = store.get_article(article_id, version)
        finally:
            store.close()
        if stored is None:
            what = f"version {version} of article {article_id!r}" if version else f"article {article_id!r}"
            raise NotFoundError(f"no {what} in the store", hint="find ids with wortlaut search")
        click.echo(_json(_article_json(stored)) if as_json else render_article(stored))

    @main.command()
    @click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
    @click.pass_context
    @clean_errors
    def stats(ctx: click.Context, as_json: bool) -> None:
        """What the store holds, and where it is."""
        from ..store import open_store

        store = open_store(_db(ctx))
        try:
            figures = store.stats()
        finally:
            store.close()
        click.echo(_json(dataclasses.asdict(figures)) if as_json else render_stats(figures))

    @main.command("export")
    @click.option("--format", "fmt", type=click.Choice(FORMATS), default="parquet", show_default=True)
    @click.option("--table", type=click.Choice(EXPORT_TABLES), default="quotes", show_default=True)
    @click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        required=True,
        help="The file to write ('-' for standard output with csv and jsonl).",
    )
    @click.pass_context
    @clean_errors
    def export_cmd(ctx: click.Context, fmt: str, table: str, output: Path) -> None:
        """Export a table (quotes, articles, entities, mentions, amounts) for pandas, R, …"""
        from ..store import open_store

        store = open_store(_db(ctx), read_only=True)
        try:
            if str(output) == "-":
                count = export(store, table, fmt, None, sys.stdout)
            else:
                count = export(store, table, fmt, output)
        finally:
            store.close()
        if str(output) != "-":
            click.echo(f"{count} {table} rows written to {output}", err=True)
