"""The token-guarded ingest endpoint's work: JSON records → articles → extraction → store.

Records have the JSONL reader's shape (``id``, ``text``, optional ``title``, ``published``,
``url``, ``source``, ``authors``). A bad record is reported by its position and id and the rest
of the batch goes on; the good ones are stored in one transaction.
"""

from __future__ import annotations

import hmac
from typing import Any

from ..article import Article
from ..errors import AuthError, InputError, WortlautError
from ..readers.base import ReadOptions
from ..readers.jsonl import article_from_record
from ..store.base import Store

MAX_RECORDS = 1000


def check_token(configured: str, authorization: str | None, header_token: str | None) -> None:
    """Accept ``Authorization: Bearer <token>`` or ``X-Wortlaut-Token``, compared in constant time."""
    given = header_token or ""
    if authorization and authorization.lower().startswith("bearer "):
        given = authorization[7:].strip()
    if not given or not hmac.compare_digest(given.encode("utf-8"), configured.encode("utf-8")):
        raise AuthError("missing or wrong ingest token", hint="send it as 'Authorization: Bearer <token>'")


def records_of(body: Any) -> list[Any]:
    """The records of a body: a list of objects, one object, or ``{"articles": [...]}``."""
    if isinstance(body, dict) and isinstance(body.get("articles"), list):
        body = body["articles"]
    if isinstance(body, dict):
        body = [body]
    if not isinstance(body, list) or not body:
        raise InputError("the body holds no articles", hint='send [{"id": "…", "text": "…"}, …]')
    if len(body) > MAX_RECORDS:
        raise InputError(
            f"{len(body)} articles in one request", hint=f"send at most {MAX_RECORDS} per request"
        )
    return body


def article_of(record: Any, position: int) -> Article:
    """One record as an :class:`Article`, validated exactly as the JSONL reader does."""
    return article_from_record(record, f"request body, article #{position}", ReadOptions(), "api")


def ingest(store: Store, body: Any) -> dict[str, Any]:
    """Extract and store the body's articles; one result per record, in order."""
    from ..extract import extract

    records = records_of(body)
    results: list[dict[str, Any]] = []
    batch = []
    for i, record in enumerate(records):
        try:
            article = article_of(record, i)
            batch.append((article, extract(article)))
            results.append({"id": article.id, "outcome": None})
        except WortlautError as exc:
            rid = record.get("id") if isinstance(record, dict) else None
            results.append({"id": rid, "error": {"code": exc.code, "message": str(exc)}})
    outcomes = iter(store.ingest_batch(batch) if batch else [])
    for r in results:
        if "outcome" in r:
            r["outcome"] = next(outcomes)
    summary = {"read": len(records), "failed": sum(1 for r in results if "error" in r)}
    for outcome in ("added", "updated", "unchanged"):
        summary[outcome] = sum(1 for r in results if r.get("outcome") == outcome)
    return {"summary": summary, "results": results}
