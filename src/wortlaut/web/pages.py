"""The HTML pages (German UI text), rendered on the server from the same functions as the API.

Each page is a thin function: parameters → store → template. Markup that needs offsets (the
article body, charts, diffs) is built in :mod:`.markup`, :mod:`.svg` and :mod:`.diff`; templates
only place it and escape everything else (Jinja2 autoescape is on).
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote as urlquote

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ..errors import NotFoundError
from ..store.base import SearchQuery, TimelinePoint
from . import markup, svg
from .api import pool_of, quote_group, resolve_entity, store_of, timeline_series
from .params import MAX_SERIES, optional, search_query

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 20
ENTITY_PAGE = 30


def render(request: Request, name: str, **context: Any) -> HTMLResponse:
    templates = request.app.state.templates
    response: HTMLResponse = templates.TemplateResponse(request, name, context)
    return response


def page_url(request: Request, **changes: Any) -> str:
    """The current URL with some parameters changed (None removes one)."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k not in changes]
    params += [(k, str(v)) for k, v in changes.items() if v not in (None, "")]
    path = request.url.path
    if not params:
        return path
    return path + "?" + "&".join(f"{urlquote(k)}={urlquote(v, safe='')}" for k, v in params)


@router.get("/", response_class=HTMLResponse)
@router.get("/suche", response_class=HTMLResponse)
def search_page(
    request: Request,
    q: str = "",
    art: str = "all",
    von: str | None = None,
    bis: str | None = None,
    quelle: str | None = None,
    sprecher: str | None = None,
    entitaet: str | None = None,
    typ: str | None = None,
    seite: int = Query(1, ge=1, le=100_000),
) -> HTMLResponse:
    query = search_query(
        q, art, von, bis, quelle, sprecher, entitaet, typ, PAGE_SIZE, (seite - 1) * PAGE_SIZE
    )
    unfiltered = query == SearchQuery(kind=query.kind, limit=PAGE_SIZE, offset=query.offset)
    # "What is new" needs no facet counts over the whole archive (the costliest part of an
    # empty search); the archive's size is shown instead.
    query.facets = not unfiltered
    if unfiltered and query.kind == "all":
        # The start page lists the newest articles and, beside them, the newest quotes: two
        # cheap, date-ordered reads instead of one merged listing over everything.
        query.kind = "articles"
    store = store_of(request)
    found = store.search(query)
    pages = max(1, -(-found.total // PAGE_SIZE))
    # A query that names someone: offer their page and their quotes above the hits.
    named = store.entities(prefix=query.text, limit=4) if _plain_words(query.text) and seite == 1 else []
    return render(
        request,
        "search.html",
        nav="suche",
        query=query,
        results=found,
        named=named,
        form_kind=art,
        page=seite,
        pages=pages,
        stats=pool_of(request).stats() if unfiltered and seite == 1 else None,
        latest_quotes=store.quotes(limit=6) if unfiltered and seite == 1 else [],
        filters={
            "von": von,
            "bis": bis,
            "quelle": quelle,
            "sprecher": sprecher,
            "entitaet": entitaet,
            "typ": typ,
        },
        page_url=lambda **kw: page_url(request, **kw),
    )


def _plain_words(text: str) -> bool:
    """Whether a query is just a name-like run of words (no operators, phrases or prefixes)."""
    return len(text) >= 3 and not any(c in text for c in '"*()-') and " OR " not in text


@router.get("/artikel/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, version: int | None = Query(None, ge=1)) -> HTMLResponse:
    store = store_of(request)
    stored = store.get_article(article_id, version)
    if stored is None:
        raise NotFoundError(f"no article {article_id!r}" + (f" version {version}" if version else ""))
    links = stored.entity_links
    rows = store.quotes(article_id=stored.article.id, limit=10_000)
    row_by_span = {tuple(r.spans[0]) if r.spans else None: r for r in rows}
    ex = stored.extraction
    quotes = []
    who = markup.speakers(ex, links)
    if ex:
        for q in sorted(ex.quotes, key=lambda q: q.spans[0][0] if q.spans else 0):
            key, name, corpus_id = markup.speaker_of(q, links)
            row = row_by_span.get(tuple(q.spans[0]) if q.spans else None)
            quotes.append({"quote": q, "speaker": who.get(key), "row": row, "name": name})
    entities = sorted(ex.entities, key=lambda e: (-len(e.mentions), e.name)) if ex else []
    return render(
        request,
        "article.html",
        nav="",
        stored=stored,
        a=stored.article,
        body=markup.article_html(stored.article, ex, links),
        speakers=list(who.values()),
        quotes=quotes,
        entities=entities,
        links=links,
        amounts=ex.amounts if ex else [],
    )


@router.get("/entitaeten", response_class=HTMLResponse)
def entities_page(
    request: Request,
    label: str | None = None,
    prefix: str | None = None,
    seite: int = Query(1, ge=1, le=100_000),
) -> HTMLResponse:
    rows = store_of(request).entities(
        label=optional(label),
        prefix=optional(prefix),
        limit=PAGE_SIZE * 2 + 1,
        offset=(seite - 1) * PAGE_SIZE * 2,
    )
    return render(
        request,
        "entities.html",
        nav="entitaeten",
        rows=rows[: PAGE_SIZE * 2],
        more=len(rows) > PAGE_SIZE * 2,
        page=seite,
        label=label or "",
        prefix=prefix or "",
        page_url=lambda **kw: page_url(request, **kw),
    )


@router.get("/entitaet/{entity_id:path}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: str, seite: int = Query(1, ge=1, le=100_000)) -> Response:
    store = store_of(request)
    profile = store.entity_profile(entity_id)
    if profile is None or profile.summary.id != entity_id:
        # A name instead of an id: send the reader to the canonical address.
        return RedirectResponse(markup.entity_href(resolve_entity(store, entity_id)), status_code=303)
    # Quotes are paged by the store (a profile holds only the newest ones); the bars count all
    # quotes per month from the timeline.
    e = profile.summary
    quotes = store.quotes(speaker=e.id, limit=ENTITY_PAGE, offset=(seite - 1) * ENTITY_PAGE)
    pages = max(1, -(-e.quotes // ENTITY_PAGE))
    by_month: dict[str, int] = {}
    for point in store.timeline(entity=e.id, bucket="week"):
        if point.quotes:
            by_month[point.bucket[:7]] = by_month.get(point.bucket[:7], 0) + point.quotes
    return render(
        request,
        "entity.html",
        nav="entitaeten",
        p=profile,
        e=profile.summary,
        quotes=quotes,
        page=seite,
        pages=pages,
        months=sorted(by_month.items()),
        month_max=max(by_month.values(), default=1),
        page_url=lambda **kw: page_url(request, **kw),
    )


@router.get("/aufmerksamkeit", response_class=HTMLResponse)
def attention_page(
    request: Request,
    q: Annotated[list[str] | None, Query()] = None,
    entitaet: Annotated[list[str] | None, Query()] = None,
    raster: str = "week",
) -> HTMLResponse:
    q, entitaet = q or [], entitaet or []
    store = store_of(request)
    bucket = "day" if raster == "day" else "week"
    series = timeline_series(store, q[:MAX_SERIES], entitaet[:MAX_SERIES], bucket)
    chart_series = [
        svg.Series(s["label"], [TimelinePoint(p["bucket"], p["articles"], p["quotes"]) for p in s["points"]])
        for s in series
    ]
    slots = [t for t in q if t.strip()] + [""] * MAX_SERIES
    named = [e for e in entitaet if e.strip()]

    def without_entity(i: int) -> str:
        params = [("q", t) for t in q if t.strip()] + [("entitaet", e) for j, e in enumerate(named) if j != i]
        params.append(("raster", bucket))
        return "/aufmerksamkeit?" + "&".join(f"{k}={urlquote(v, safe='')}" for k, v in params)

    return render(
        request,
        "attention.html",
        nav="aufmerksamkeit",
        series=series,
        chart=svg.chart(chart_series, bucket),
        slots=slots[: max(MAX_SERIES - len(named), 1)],
        entities=named,
        without_entity=without_entity,
        raster=bucket,
    )


@router.get("/zitat/{quote_id}", response_class=HTMLResponse)
def quote_page(request: Request, quote_id: int, artikel: str | None = None) -> HTMLResponse:
    group = quote_group(store_of(request), quote_id, optional(artikel), 50)
    return render(request, "quote.html", nav="", ref=group["quote"], same=group["same"])


@router.get("/docs", response_class=HTMLResponse)
def docs_page(request: Request) -> HTMLResponse:
    """The API reference, rendered here from the OpenAPI schema (no CDN scripts)."""
    schema = request.app.openapi()
    endpoints = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            endpoints.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "parameters": [
                        {
                            "name": prm["name"],
                            "in": prm["in"],
                            "required": prm.get("required", False),
                            "description": prm.get("description", ""),
                            "type": _type_name(prm.get("schema", {})),
                            "default": prm.get("schema", {}).get("default"),
                        }
                        for prm in op.get("parameters", [])
                    ],
                }
            )
    return render(request, "docs.html", nav="docs", endpoints=endpoints, version=schema["info"]["version"])


def _type_name(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " | ".join(_type_name(s) for s in schema["anyOf"] if s.get("type") != "null")
    if schema.get("enum"):
        return " | ".join(map(str, schema["enum"]))
    if schema.get("type") == "array":
        return _type_name(schema.get("items", {})) + "[]"
    return str(schema.get("type", ""))
