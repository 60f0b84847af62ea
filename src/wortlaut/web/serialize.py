"""Store rows as JSON: the API's data shapes, in one place so pages and docs agree.

Rows are the store's dataclasses; here they become plain dicts with stable keys. Snippets keep
their segments (``[[text, highlighted], …]``) so a client can render highlights its own way.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ..store.base import (
    EntityProfile,
    EntitySummary,
    QuoteRow,
    SearchHit,
    SearchQuery,
    SearchResults,
    Snippet,
    StoredArticle,
    StoreStats,
    TimelinePoint,
)


def plain(value: Any) -> Any:
    """Dataclasses, tuples and lists as JSON-ready values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def snippet(s: Snippet) -> dict[str, Any]:
    return {"text": s.plain(), "segments": [[t, bool(hit)] for t, hit in s.segments]}


def hit(h: SearchHit) -> dict[str, Any]:
    data = plain(h)
    data["snippet"] = snippet(h.snippet)
    return dict(data)


def query(q: SearchQuery) -> dict[str, Any]:
    return dict(plain(q))


def results(r: SearchResults) -> dict[str, Any]:
    return {
        "query": query(r.query),
        "total": r.total,
        "limit": r.query.limit,
        "offset": r.query.offset,
        "hits": [hit(h) for h in r.hits],
        "facets": {name: [{"value": v, "count": c} for v, c in values] for name, values in r.facets.items()},
        "facet_sample": dict(r.facet_sample),
    }


def quote(q: QuoteRow) -> dict[str, Any]:
    return dict(plain(q))


def entity(e: EntitySummary) -> dict[str, Any]:
    return dict(plain(e))


def article(sa: StoredArticle) -> dict[str, Any]:
    return {
        "id": sa.article.id,
        "version": sa.version,
        "versions": plain(sa.versions),
        "article": sa.article.to_dict(),
        "extraction": sa.extraction.to_dict() if sa.extraction else None,
        "entity_links": dict(sa.entity_links),
    }


def profile(p: EntityProfile, *, limit: int, offset: int) -> dict[str, Any]:
    """An entity profile with its long lists (quotes, articles) paged alike."""
    window = slice(offset, offset + limit)
    return {
        "entity": entity(p.summary),
        "aliases": [{"text": t, "count": c} for t, c in p.aliases],
        "roles": [{"title": t, "date": d, "article_id": a} for t, d, a in p.roles],
        "quotes": [quote(q) for q in p.quotes[window]],
        "quotes_total": len(p.quotes),
        "articles": [{"id": a, "date": d, "title": t} for a, d, t in p.articles[window]],
        "articles_total": p.summary.articles,  # the list itself holds the newest the store returns
        "about": [{"entity": entity(e), "count": c} for e, c in p.about],
        "geo": p.geo,
        "merges": list(p.merges),
        "limit": limit,
        "offset": offset,
    }


def timeline(points: list[TimelinePoint]) -> list[dict[str, Any]]:
    return [dict(plain(p)) for p in points]


def stats(s: StoreStats) -> dict[str, Any]:
    data = dict(plain(s))
    data["sources"] = [{"source": name, "articles": n} for name, n in s.sources]
    data.pop("path", None)  # the server's file layout is not the client's business
    return data
