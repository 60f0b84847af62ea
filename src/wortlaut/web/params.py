"""Turning request parameters into store queries, with messages a user can act on.

The API and the pages share these functions, so a filter means the same in both and a bad
value is rejected the same way (a 400 with the one error shape, never a 500).
"""

from __future__ import annotations

from datetime import date
from typing import Literal, cast

from ..errors import NotFoundError, RequestError
from ..store.base import QuoteRow, SearchQuery, Store

KINDS = ("all", "articles", "quotes", "amounts")
MAX_LIMIT = 200
MAX_SERIES = 5


def iso_date(value: str | None, name: str) -> str | None:
    """An ISO date (``2022-03-16``), a month (``2022-03``) widened to its first day, or None."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    try:
        if len(value) == 7:
            return date.fromisoformat(value + "-01").isoformat()
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise RequestError(
            f"{name}={value!r} is not a date", hint="write it as YYYY-MM-DD, e.g. 2022-03-16"
        ) from None


def bounded(value: int, name: str, low: int, high: int) -> int:
    if not low <= value <= high:
        raise RequestError(f"{name}={value} is out of range", hint=f"use {low} to {high}")
    return value


def optional(value: str | None) -> str | None:
    value = value.strip() if value else None
    return value or None


def search_query(
    text: str = "",
    kind: str = "all",
    date_from: str | None = None,
    date_to: str | None = None,
    source: str | None = None,
    speaker: str | None = None,
    entity: str | None = None,
    quote_type: str | None = None,
    limit: int = 20,
    offset: int = 0,
    counted: str | None = None,
    min_value: float | None = None,
    max_value: float | None = None,
) -> SearchQuery:
    if kind not in KINDS:
        raise RequestError(f"kind={kind!r} is unknown", hint="use one of " + ", ".join(KINDS))
    start, end = iso_date(date_from, "date_from"), iso_date(date_to, "date_to")
    if start and end and start > end:
        raise RequestError(f"date_from {start} is after date_to {end}", hint="swap the two dates")
    return SearchQuery(
        text=(text or "").strip(),
        kind=cast(Literal["all", "articles", "quotes", "amounts"], kind),
        date_from=start,
        date_to=end,
        source=optional(source),
        speaker=optional(speaker),
        entity=optional(entity),
        quote_type=optional(quote_type),
        counted=optional(counted),
        min_value=min_value,
        max_value=max_value,
        limit=bounded(limit, "limit", 1, MAX_LIMIT),
        offset=bounded(offset, "offset", 0, 10_000_000),
    )


def find_quote(store: Store, quote_id: int, article_id: str | None) -> QuoteRow:
    """One quote by its id. The store lists quotes per article, so the article id (which every
    link in the UI carries) finds it directly; without it, the quote's own group is searched."""
    if article_id:
        for row in store.quotes(article_id=article_id, limit=100_000):
            if row.id == quote_id:
                return row
    else:
        for row in store.same_quote(quote_id, limit=1000):
            if row.id == quote_id:
                return row
    raise NotFoundError(
        f"no quote {quote_id}" + (f" in article {article_id!r}" if article_id else ""),
        hint="follow a quote link from an article or search page",
    )
