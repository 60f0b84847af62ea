"""The JSON API: every page's data, paginated, plus streamed exports.

Routes live under ``/api``. Lists take ``limit``/``offset`` and answer with ``total`` where the
store knows it. Exports stream every row of a table as CSV or JSONL with no cap: a dedicated
thread reads the store (an SQLite connection stays on its thread) and hands chunks to the
response through a small queue, so memory stays flat however large the table.
"""

from __future__ import annotations

import csv
import io
import json
import queue
import threading
from collections.abc import AsyncIterator, Iterator
from typing import Annotated, Any, Literal

import anyio
from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import StreamingResponse

from ..errors import NotFoundError, RequestError
from ..store.base import EXPORT_TABLES, Store
from . import serialize
from .diff import similarity, word_diff
from .params import MAX_LIMIT, MAX_SERIES, bounded, find_quote, optional, search_query
from .stores import StorePool

router = APIRouter(prefix="/api")

Limit = Query(20, ge=1, le=MAX_LIMIT, description="page size")
Offset = Query(0, ge=0, description="rows to skip")


def pool_of(request: Request) -> StorePool:
    pool: StorePool = request.app.state.pool
    return pool


def store_of(request: Request) -> Store:
    return pool_of(request).get()


def _next(request: Request, offset: int, limit: int, total: int | None, got: int) -> str | None:
    """URL of the next page, or None on the last one."""
    more = offset + limit < total if total is not None else got == limit
    if not more:
        return None
    return str(request.url.include_query_params(offset=offset + limit, limit=limit))


@router.get("/search", summary="Search articles and quotes")
def api_search(
    request: Request,
    q: str = Query(
        "", description='German full-text query: words, "phrases", prefix*; empty lists what is new'
    ),
    kind: str = Query("all", description="all, articles, quotes or amounts"),
    date_from: str | None = Query(None, description="first day, YYYY-MM-DD"),
    date_to: str | None = Query(None, description="last day, YYYY-MM-DD"),
    source: str | None = None,
    speaker: str | None = Query(None, description="entity id or name of the speaker"),
    entity: str | None = Query(None, description="entity id or name mentioned"),
    quote_type: str | None = Query(None, description="direct, indirect, free_indirect, …"),
    counted: str | None = Query(None, description="amounts: what is counted (e.g. Soldaten)"),
    min_value: float | None = Query(None, description="amounts: at least this value"),
    max_value: float | None = Query(None, description="amounts: at most this value"),
    limit: int = Limit,
    offset: int = Offset,
) -> dict[str, Any]:
    query = search_query(
        q,
        kind,
        date_from,
        date_to,
        source,
        speaker,
        entity,
        quote_type,
        limit,
        offset,
        counted,
        min_value,
        max_value,
    )
    found = store_of(request).search(query)
    data = serialize.results(found)
    data["next"] = _next(request, offset, limit, found.total, len(found.hits))
    return data


@router.get("/articles/{article_id:path}", summary="One article with its extraction and versions")
def api_article(request: Request, article_id: str, version: int | None = Query(None, ge=1)) -> dict[str, Any]:
    stored = store_of(request).get_article(article_id, version)
    if stored is None:
        raise NotFoundError(f"no article {article_id!r}" + (f" version {version}" if version else ""))
    return serialize.article(stored)


@router.get("/quotes", summary="Quotes, by speaker or article")
def api_quotes(
    request: Request,
    speaker: str | None = Query(None, description="entity id or name"),
    article: str | None = Query(None, description="article id"),
    limit: int = Limit,
    offset: int = Offset,
) -> dict[str, Any]:
    rows = store_of(request).quotes(
        speaker=optional(speaker), article_id=optional(article), limit=limit, offset=offset
    )
    return {
        "quotes": [serialize.quote(r) for r in rows],
        "limit": limit,
        "offset": offset,
        "next": _next(request, offset, limit, None, len(rows)),
    }


def quote_group(store: Store, quote_id: int, article_id: str | None, limit: int) -> dict[str, Any]:
    """A quote and the same quotation elsewhere, each with its word diff against the first."""
    ref = find_quote(store, quote_id, article_id)
    others = [r for r in store.same_quote(quote_id, limit=limit + 1) if r.id != ref.id][:limit]
    return {
        "quote": serialize.quote(ref),
        "same": [
            {
                **serialize.quote(r),
                "word_similarity": round(similarity(ref.text, r.text), 3),
                "diff": [{"op": op, "text": t} for op, t in word_diff(ref.text, r.text)],
            }
            for r in others
        ],
    }


@router.get("/quotes/{quote_id}", summary="A quote and the same quote in other articles, with word diffs")
def api_quote(
    request: Request,
    quote_id: int,
    article: str | None = Query(None, description="the quote's article id (finds it faster)"),
    limit: int = Limit,
) -> dict[str, Any]:
    return quote_group(store_of(request), quote_id, optional(article), limit)


@router.get("/entities", summary="Entities (people, organisations, places), most quoted first")
def api_entities(
    request: Request,
    label: str | None = Query(None, description="PER, ORG, LOC or MISC"),
    prefix: str | None = Query(None, description="name starts with"),
    limit: int = Limit,
    offset: int = Offset,
) -> dict[str, Any]:
    rows = store_of(request).entities(
        label=optional(label), prefix=optional(prefix), limit=limit, offset=offset
    )
    return {
        "entities": [serialize.entity(e) for e in rows],
        "limit": limit,
        "offset": offset,
        "next": _next(request, offset, limit, None, len(rows)),
    }


def resolve_entity(store: Store, name_or_id: str) -> str:
    """The corpus id of an entity given by id or by name."""
    found = store.find_entity(name_or_id)
    if found is None:
        raise NotFoundError(f"no entity {name_or_id!r}", hint="search for the name, or list /api/entities")
    return found.id


@router.get("/entities/{entity_id:path}", summary="One entity: quotes over time, roles, articles, places")
def api_entity(request: Request, entity_id: str, limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
    store = store_of(request)
    profile = store.entity_profile(entity_id) or store.entity_profile(resolve_entity(store, entity_id))
    if profile is None:
        raise NotFoundError(f"no entity {entity_id!r}")
    data = serialize.profile(profile, limit=limit, offset=offset)
    # The profile holds only the newest quotes; page through all of them with the store.
    rows = store.quotes(speaker=profile.summary.id, limit=limit, offset=offset)
    data["quotes"] = [serialize.quote(r) for r in rows]
    data["quotes_total"] = profile.summary.quotes
    data["next"] = _next(
        request, offset, limit, max(profile.summary.quotes, len(profile.articles)), len(rows)
    )
    return data


@router.get("/timeline", summary="Articles and quotes per day or week, for up to five queries or entities")
def api_timeline(
    request: Request,
    q: Annotated[list[str] | None, Query(description="full-text queries (repeat for several)")] = None,
    entity: Annotated[list[str] | None, Query(description="entity ids or names (repeat for several)")] = None,
    bucket: Literal["day", "week"] = "day",
) -> dict[str, Any]:
    store = store_of(request)
    return {"bucket": bucket, "series": timeline_series(store, q or [], entity or [], bucket)}


def timeline_series(store: Store, texts: list[str], entities: list[str], bucket: str) -> list[dict[str, Any]]:
    texts = [t.strip() for t in texts if t.strip()]
    entities = [e.strip() for e in entities if e.strip()]
    if len(texts) + len(entities) > MAX_SERIES:
        raise RequestError(
            f"{len(texts) + len(entities)} series asked for", hint=f"compare at most {MAX_SERIES}"
        )
    b: Literal["day", "week"] = "week" if bucket == "week" else "day"
    series = [
        {"label": t, "query": t, "points": serialize.timeline(store.timeline(text=t, bucket=b))}
        for t in texts
    ]
    for e in entities:
        eid = resolve_entity(store, e)
        summary = store.find_entity(eid)
        series.append(
            {
                "label": summary.name if summary else e,
                "entity": eid,
                "points": serialize.timeline(store.timeline(entity=eid, bucket=b)),
            }
        )
    if not series:
        series.append({"label": "alle Artikel", "points": serialize.timeline(store.timeline(bucket=b))})
    return series


@router.get("/stats", summary="What the store holds")
def api_stats(request: Request) -> dict[str, Any]:
    return serialize.stats(store_of(request).stats())


def _cell(value: Any) -> Any:
    if isinstance(value, dict | list | tuple):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def csv_chunks(rows: Iterator[dict[str, Any]], chunk: int = 500) -> Iterator[str]:
    """CSV text in chunks: a header from the first row, then every row (no cap)."""
    buf = io.StringIO()
    writer: Any = None
    for n, row in enumerate(rows, start=1):
        if writer is None:
            writer = csv.DictWriter(buf, fieldnames=list(row), extrasaction="ignore")
            writer.writeheader()
        writer.writerow({k: _cell(v) for k, v in row.items()})
        if n % chunk == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    if buf.tell():
        yield buf.getvalue()


def jsonl_chunks(rows: Iterator[dict[str, Any]], chunk: int = 500) -> Iterator[str]:
    lines = []
    for row in rows:
        lines.append(json.dumps(row, ensure_ascii=False, default=str))
        if len(lines) == chunk:
            yield "\n".join(lines) + "\n"
            lines = []
    if lines:
        yield "\n".join(lines) + "\n"


_DONE = object()


def stream_export(pool: StorePool, table: str, fmt: str) -> AsyncIterator[bytes]:
    """Chunks produced on one thread that owns its own store, consumed by the response."""
    chunks: queue.Queue[Any] = queue.Queue(maxsize=8)
    stop = threading.Event()

    def put(item: Any) -> bool:
        while not stop.is_set():
            try:
                chunks.put(item, timeout=0.5)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            with pool.fresh() as store:
                rows = store.export_rows(table)
                for text in csv_chunks(rows) if fmt == "csv" else jsonl_chunks(rows):
                    if not put(text.encode("utf-8")):
                        return
        except Exception as exc:  # noqa: BLE001 - handed to the consumer, which ends the stream
            put(exc)
            return
        put(_DONE)

    async def consume() -> AsyncIterator[bytes]:
        worker = threading.Thread(target=produce, name=f"export-{table}", daemon=True)
        worker.start()
        try:
            while True:
                item = await anyio.to_thread.run_sync(chunks.get)
                if item is _DONE:
                    return
                if isinstance(item, Exception):
                    raise item
                yield item
        finally:
            stop.set()

    return consume()


@router.get("/export/{table}", summary="Stream every row of a table as CSV or JSONL (no row cap)")
def api_export(
    request: Request,
    table: str,
    format: Literal["csv", "jsonl"] = Query("jsonl", description="csv or jsonl"),
) -> StreamingResponse:
    if table not in EXPORT_TABLES:
        raise NotFoundError(f"no table {table!r} to export", hint="use one of " + ", ".join(EXPORT_TABLES))
    media = "text/csv; charset=utf-8" if format == "csv" else "application/x-ndjson; charset=utf-8"
    return StreamingResponse(
        stream_export(pool_of(request), table, format),
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="wortlaut-{table}.{format}"'},
    )


MAX_INGEST_BYTES = 64 * 1024 * 1024


#: The write endpoint; :func:`~.app.create_app` includes it only when a token is configured.
ingest_api = APIRouter(prefix="/api")


def authorised(
    request: Request,
    authorization: Annotated[str | None, Header(description="Bearer <token>")] = None,
    x_wortlaut_token: Annotated[str | None, Header()] = None,
) -> None:
    from .ingest import check_token

    check_token(request.app.state.ingest_token, authorization, x_wortlaut_token)


async def json_body(request: Request, _: Annotated[None, Depends(authorised)]) -> Any:
    """The request body as JSON, read only after the token was accepted."""
    size = int(request.headers.get("content-length") or 0)
    if size > MAX_INGEST_BYTES:
        raise RequestError(f"body of {size} bytes is too large", hint="send at most 64 MiB per request")
    raw = await request.body()
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise RequestError(f"body is not JSON: {exc}", hint='send [{"id": "…", "text": "…"}, …]') from None


@ingest_api.post("/ingest", summary="Add articles (JSONL shape), extracting quotes, names and amounts")
def api_ingest(request: Request, body: Annotated[Any, Depends(json_body)]) -> dict[str, Any]:
    from .ingest import ingest

    pool = pool_of(request)
    with pool.write_lock, pool.fresh(read_only=False) as store:
        result = ingest(store, body)
    pool.forget_stats()
    return result


__all__ = ["bounded", "ingest_api", "quote_group", "resolve_entity", "router", "timeline_series"]
