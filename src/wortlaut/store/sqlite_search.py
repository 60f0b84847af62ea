"""Searching the SQLite store: FTS5 over the analyzed copies, filters in SQL, snippets in Python.

Articles and quotes have their own FTS5 tables (``article_fts``, ``quote_fts``; rowids are the
rows they index). A search runs at most three small statements per kind: the ranked page, one
``GROUP BY`` that yields the total and a facet at once, and the speaker facet. Scores are BM25
negated, so that higher is better; the title counts four times as much as the body.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ..contract import QUOTE_TYPES
from ..errors import BadQueryError
from ..resolve import corpus
from .base import SearchHit, SearchQuery, SearchResults, TimelinePoint
from .german import analyzed_text
from .query import ParsedQuery, parse_query
from .snippets import snippet, span_snippet
from .sqlite_write import eid

_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_KINDS = ("all", "articles", "quotes", "amounts")
MAX_LIMIT = 1000
ARTICLE_RANK = "bm25(article_fts, 4.0, 1.0)"
QUOTE_RANK = "bm25(quote_fts)"
#: Newest first: walking the date index backwards stops after one page, where looking up every
#: match and sorting them would touch them all (the index is sorted by date, then row id).
BY_DATE = "articles a INDEXED BY articles_date"
#: Up to this many matches are always ordered by BM25 (see Searcher._ranked).
RANK_ALWAYS = 1000


@dataclass
class Where:
    """SQL conditions joined by AND, with their parameters in order."""

    sql: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, condition: str, *params: Any) -> None:
        self.sql.append(condition)
        self.params.extend(params)

    def clause(self) -> str:
        return " AND ".join(self.sql) if self.sql else "1"


def _placeholders(values: Sequence[Any]) -> str:
    return ",".join("?" * len(values))


def validate(query: SearchQuery) -> None:
    """Raise BadQueryError for filters that cannot mean anything."""
    if query.kind not in _KINDS:
        raise BadQueryError(f"unknown kind {query.kind!r}", hint="use one of " + ", ".join(_KINDS))
    for name in ("date_from", "date_to"):
        value = getattr(query, name)
        if value is not None and not _DATE.fullmatch(value):
            raise BadQueryError(f"{name} must be an ISO date such as 2022-03-16, not {value!r}")
    if query.quote_type is not None and query.quote_type not in QUOTE_TYPES:
        raise BadQueryError(
            f"unknown quote type {query.quote_type!r}", hint="use one of " + ", ".join(QUOTE_TYPES)
        )
    if not 1 <= query.limit <= MAX_LIMIT:
        raise BadQueryError(f"limit must be between 1 and {MAX_LIMIT}, not {query.limit}")
    if query.offset < 0:
        raise BadQueryError(f"offset must not be negative, not {query.offset}")
    if query.min_value is not None and query.max_value is not None and query.min_value > query.max_value:
        raise BadQueryError(f"min ({query.min_value}) is larger than max ({query.max_value})")


def resolve_entities(conn: sqlite3.Connection, name_or_id: str) -> list[int]:
    """Corpus entity row ids meant by an id (``e12``) or a name (canonical or indexed token)."""
    from .sqlite_write import parse_eid

    n = parse_eid(name_or_id.strip())
    if n is not None:
        return [n]
    folded = corpus.fold(name_or_id)
    rows = conn.execute("SELECT id FROM entities WHERE name_fold = ?", (folded,)).fetchall()
    if not rows:
        rows = conn.execute("SELECT DISTINCT entity FROM entity_index WHERE token = ?", (folded,)).fetchall()
    return [int(r[0]) for r in rows]


class Searcher:
    """One search over one connection (the store holds its lock while this runs)."""

    def __init__(self, conn: sqlite3.Connection, query: SearchQuery) -> None:
        validate(query)
        self.conn = conn
        self.q = query
        self.parsed: ParsedQuery | None = parse_query(query.text)
        self.speaker_ids = resolve_entities(conn, query.speaker) if query.speaker else []
        self.entity_ids = resolve_entities(conn, query.entity) if query.entity else []
        self._texts: dict[int, str] = {}

    # ---- conditions -------------------------------------------------------------------------
    def _article_where(self, w: Where) -> None:
        q = self.q
        if q.date_from:
            w.add("a.date >= ?", q.date_from)
        if q.date_to:
            w.add("a.date <= ?", q.date_to + "~")  # '~' sorts after digits: 2022-03 includes 2022-03-31
        if q.source:
            w.add("a.source = ?", q.source)
        if q.entity:
            w.add(
                f"a.id IN (SELECT article FROM article_entities WHERE entity IN ({_placeholders(self.entity_ids)}))",
                *self.entity_ids,
            )

    def _speaker_condition(self, w: Where, alias: str) -> None:
        if self.q.speaker:
            ids = self.speaker_ids
            w.add(
                f"({alias}.speaker_entity IN ({_placeholders(ids)}) OR {alias}.speaker_fold = ?)",
                *ids,
                corpus.fold(self.q.speaker),
            )
        if self.q.quote_type:
            w.add(f"{alias}.type = ?", self.q.quote_type)

    def article_where(self) -> Where:
        w = Where()
        self._article_where(w)
        if self.q.speaker or self.q.quote_type:
            inner = Where()
            self._speaker_condition(inner, "qq")
            w.add(f"a.id IN (SELECT qq.article FROM quotes qq WHERE {inner.clause()})", *inner.params)
        return w

    def quote_where(self) -> Where:
        w = Where()
        q = self.q
        if q.date_from:
            w.add("a.date >= ?", q.date_from)
        if q.date_to:
            w.add("a.date <= ?", q.date_to + "~")
        if q.source:
            w.add("a.source = ?", q.source)
        if q.entity:
            ids = self.entity_ids
            w.add(
                f"(q.speaker_entity IN ({_placeholders(ids)}) OR q.id IN "
                f"(SELECT quote FROM quote_entities WHERE entity IN ({_placeholders(ids)})))",
                *ids,
                *ids,
            )
        self._speaker_condition(w, "q")
        return w

    def amount_where(self) -> Where:
        w = self.article_where()
        q = self.q
        if q.counted:
            w.add("am.counted_key = ?", analyzed_text(q.counted))
        if q.min_value is not None:
            w.add("COALESCE(am.high, am.value) >= ?", q.min_value)
        if q.max_value is not None:
            w.add("COALESCE(am.low, am.value) <= ?", q.max_value)
        return w

    # ---- helpers ----------------------------------------------------------------------------
    def text_of(self, article_pk: int) -> str:
        if article_pk not in self._texts:
            row = self.conn.execute(
                "SELECT v.text FROM articles a JOIN article_versions v ON v.article = a.id "
                "AND v.version = a.latest_version WHERE a.id = ?",
                (article_pk,),
            ).fetchone()
            self._texts[article_pk] = row[0] if row else ""
        return self._texts[article_pk]

    def _ranked(self, fts: str, table: str) -> tuple[bool, int]:
        """Whether to order matches by BM25, and how many the text query matches (no filters).

        FTS5's BM25 gives a term found in more than half of the rows an IDF of (almost) zero.
        When a query of ANDed words matches more than half of all rows, each of its words does,
        so every score is about the same; those results are ordered newest first instead, which
        spares computing BM25 for most of the store. (An OR of rarer words can also match that
        many rows and then loses its ranking: a price paid for a bounded response time.)"""
        assert self.parsed is not None
        matches = int(
            self.conn.execute(
                f"SELECT count(*) FROM {fts} WHERE {fts} MATCH ?", (self.parsed.fts,)
            ).fetchone()[0]
        )
        rows = int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        return matches <= RANK_ALWAYS or matches * 2 <= rows, matches

    # ---- articles ---------------------------------------------------------------------------
    def articles(self, want: int, facets: dict[str, list[tuple[str, int]]]) -> tuple[int, list[SearchHit]]:
        w = self.article_where()
        matches = -1
        if self.parsed is None:
            frm, cond, params = "articles a", w.clause(), w.params
            page_frm, page_cond, order, score = BY_DATE, cond, "a.date DESC, a.id DESC", "0.0"
        else:
            by_rank, matches = self._ranked("article_fts", "articles")
            frm = "articles a"
            cond = "a.id IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?) AND " + w.clause()
            params = [self.parsed.fts, *w.params]
            if by_rank:
                page_frm = "article_fts CROSS JOIN articles a ON a.id = article_fts.rowid"
                page_cond = "article_fts MATCH ? AND " + w.clause()
                order, score = "score DESC", f"-{ARTICLE_RANK}"
            else:
                page_frm, page_cond, order, score = BY_DATE, cond, "a.date DESC, a.id DESC", "0.0"
        rows = self.conn.execute(
            f"SELECT a.id, a.article_id, a.title, a.date, a.source, {score} AS score FROM {page_frm} "
            f"WHERE {page_cond} ORDER BY {order} LIMIT ?",
            [*params, want],
        ).fetchall()
        if self.parsed is not None:  # counting: FTS first is cheaper than building an IN list
            frm = "article_fts CROSS JOIN articles a ON a.id = article_fts.rowid"
            cond = "article_fts MATCH ? AND " + w.clause()
        if self.q.facets:
            groups = self.conn.execute(
                f"SELECT a.source, count(*) FROM {frm} WHERE {cond} GROUP BY a.source ORDER BY 2 DESC, 1",
                params,
            ).fetchall()
            total = sum(int(n) for _, n in groups)
            facets["sources"] = [(s, int(n)) for s, n in groups if s is not None]
        elif matches >= 0 and not w.sql:
            total = matches
        else:
            total = int(self.conn.execute(f"SELECT count(*) FROM {frm} WHERE {cond}", params).fetchone()[0])
        hits = [
            SearchHit(
                kind="article",
                article_id=r[1],
                title=r[2],
                date=r[3],
                source=r[4],
                snippet=snippet(self.text_of(int(r[0])), self.parsed),
                score=float(r[5]),
            )
            for r in rows
        ]
        return total, hits

    # ---- quotes -----------------------------------------------------------------------------
    def quotes(self, want: int, facets: dict[str, list[tuple[str, int]]]) -> tuple[int, list[SearchHit]]:
        w = self.quote_where()
        frm = "quotes q JOIN articles a ON a.id = q.article"
        matches = -1
        if self.parsed is None:
            cond, params = w.clause(), w.params
            page_frm, page_cond, order, score = frm, cond, "a.date DESC, q.id DESC", "0.0"
        else:
            by_rank, matches = self._ranked("quote_fts", "quotes")
            cond = "q.id IN (SELECT rowid FROM quote_fts WHERE quote_fts MATCH ?) AND " + w.clause()
            params = [self.parsed.fts, *w.params]
            if by_rank:
                page_frm = "quote_fts CROSS JOIN quotes q ON q.id = quote_fts.rowid JOIN articles a ON a.id = q.article"
                page_cond = "quote_fts MATCH ? AND " + w.clause()
                order, score = "score DESC", f"-{QUOTE_RANK}"
            else:
                page_frm, page_cond, order, score = frm, cond, "a.date DESC, q.id DESC", "0.0"
            frm = (
                "quote_fts CROSS JOIN quotes q ON q.id = quote_fts.rowid JOIN articles a ON a.id = q.article"
            )
            cond = "quote_fts MATCH ? AND " + w.clause()
        rows = self.conn.execute(
            f"SELECT q.id, a.article_id, a.title, a.date, a.source, q.type, q.text, COALESCE(e.name, q.speaker_name), "
            f"q.speaker_entity, {score} AS score FROM {page_frm} LEFT JOIN entities e ON e.id = q.speaker_entity "
            f"WHERE {page_cond} ORDER BY {order} LIMIT ?",
            [*params, want],
        ).fetchall()
        if self.q.facets:
            groups = self.conn.execute(
                f"SELECT q.type, count(*) FROM {frm} WHERE {cond} GROUP BY q.type ORDER BY 2 DESC, 1", params
            ).fetchall()
            total = sum(int(n) for _, n in groups)
            facets["types"] = [(t, int(n)) for t, n in groups]
            speakers = self.conn.execute(
                f"SELECT COALESCE(e.name, q.speaker_name) AS s, count(*) FROM {frm} "
                f"LEFT JOIN entities e ON e.id = q.speaker_entity WHERE {cond} AND s IS NOT NULL "
                "GROUP BY s ORDER BY 2 DESC, 1 LIMIT 20",
                params,
            ).fetchall()
            facets["speakers"] = [(s, int(n)) for s, n in speakers]
            if self.q.kind == "quotes":
                sources = self.conn.execute(
                    f"SELECT a.source, count(*) FROM {frm} WHERE {cond} AND a.source IS NOT NULL "
                    "GROUP BY a.source ORDER BY 2 DESC, 1",
                    params,
                ).fetchall()
                facets["sources"] = [(s, int(n)) for s, n in sources]
        elif matches >= 0 and not w.sql:
            total = matches
        else:
            total = int(self.conn.execute(f"SELECT count(*) FROM {frm} WHERE {cond}", params).fetchone()[0])
        hits = [
            SearchHit(
                kind="quote",
                article_id=r[1],
                title=r[2],
                date=r[3],
                source=r[4],
                snippet=snippet(r[6], self.parsed, width=400),
                score=float(r[9]),
                quote_id=int(r[0]),
                quote_type=r[5],
                speaker_name=r[7],
                speaker_entity=eid(r[8]),
            )
            for r in rows
        ]
        return total, hits

    # ---- amounts ----------------------------------------------------------------------------
    def amounts(self, want: int, facets: dict[str, list[tuple[str, int]]]) -> tuple[int, list[SearchHit]]:
        w = self.amount_where()
        base = "amounts am JOIN articles a ON a.id = am.article"
        if self.parsed is not None:
            frm = "article_fts CROSS JOIN amounts am ON am.article = article_fts.rowid JOIN articles a ON a.id = am.article"
            cond = "article_fts MATCH ? AND " + w.clause()
            params = [self.parsed.fts, *w.params]
            order, score = "score DESC, am.idx", f"-{ARTICLE_RANK}"
        else:
            frm, cond, params = base, w.clause(), w.params
            order, score = "a.date DESC, a.id DESC, am.idx", "0.0"
        rows = self.conn.execute(
            f"SELECT a.id, a.article_id, a.title, a.date, a.source, am.start, am.end, am.text, am.value, am.low, "
            f"am.high, am.unit, am.counted, am.approximate, am.actor, am.origin, am.destination, am.location, "
            f"{score} AS score FROM {frm} WHERE {cond} ORDER BY {order} LIMIT ?",
            [*params, want],
        ).fetchall()
        total = int(self.conn.execute(f"SELECT count(*) FROM {frm} WHERE {cond}", params).fetchone()[0])
        if self.q.facets:
            counted = self.conn.execute(
                f"SELECT am.counted, count(*) FROM {frm} WHERE {cond} AND am.counted IS NOT NULL "
                "GROUP BY am.counted_key ORDER BY 2 DESC, 1 LIMIT 20",
                params,
            ).fetchall()
            facets["counted"] = [(c, int(n)) for c, n in counted]
        hits = []
        for r in rows:
            text = self.text_of(int(r[0]))
            amount = {
                "start": r[5],
                "end": r[6],
                "text": r[7],
                "value": r[8],
                "low": r[9],
                "high": r[10],
                "unit": r[11],
                "counted": r[12],
                "approximate": bool(r[13]),
                "actor": eid(r[14]),
                "origin": eid(r[15]),
                "destination": eid(r[16]),
                "location": eid(r[17]),
            }
            hits.append(
                SearchHit(
                    kind="amount",
                    article_id=r[1],
                    title=r[2],
                    date=r[3],
                    source=r[4],
                    snippet=span_snippet(text, int(r[5]), int(r[6])),
                    score=float(r[18]),
                    amount=amount,
                )
            )
        return total, hits

    # ---- all --------------------------------------------------------------------------------
    def run(self) -> SearchResults:
        q = self.q
        want = q.offset + q.limit
        facets: dict[str, list[tuple[str, int]]] = {}
        kind = q.kind
        if kind == "all" and (q.counted or q.min_value is not None or q.max_value is not None):
            kind = "amounts"  # amount filters only make sense for amounts
        if kind == "articles":
            total, hits = self.articles(want, facets)
        elif kind == "quotes":
            total, hits = self.quotes(want, facets)
        elif kind == "amounts":
            total, hits = self.amounts(want, facets)
        else:
            total_a, hits_a = self.articles(want, facets)
            total_q, hits_q = self.quotes(want, facets)
            total = total_a + total_q
            if self.parsed is not None:
                hits = sorted(hits_a + hits_q, key=lambda h: -h.score)
            else:
                hits = sorted(hits_a + hits_q, key=lambda h: h.date or "", reverse=True)
        if not q.facets:
            facets = {}
        return SearchResults(query=q, total=total, hits=hits[q.offset : want], facets=facets)


def search(conn: sqlite3.Connection, query: SearchQuery) -> SearchResults:
    try:
        return Searcher(conn, query).run()
    except sqlite3.OperationalError as exc:
        if "fts5" in str(exc).lower() or "match" in str(exc).lower():
            raise BadQueryError(f"the search index could not read {query.text!r}: {exc}") from exc
        raise


# ---- attention over time ----------------------------------------------------------------------
def _bucket_expr(bucket: str) -> str:
    if bucket == "week":
        return "date(a.date, '-' || ((CAST(strftime('%w', a.date) AS INTEGER) + 6) % 7) || ' days')"
    return "a.date"


def _fill(counts: dict[str, list[int]], bucket: str) -> list[TimelinePoint]:
    if not counts:
        return []
    keys = sorted(counts)
    step = timedelta(days=7 if bucket == "week" else 1)
    day, last = date.fromisoformat(keys[0]), date.fromisoformat(keys[-1])
    points = []
    while day <= last:
        a, q = counts.get(day.isoformat(), [0, 0])
        points.append(TimelinePoint(bucket=day.isoformat(), articles=a, quotes=q))
        day += step
    return points


def timeline(
    conn: sqlite3.Connection, text: str | None, entity: str | None, bucket: str
) -> list[TimelinePoint]:
    """Articles and quotes per day or week (Monday) for a text query, an entity, or both."""
    if bucket not in ("day", "week"):
        raise BadQueryError(f"bucket must be 'day' or 'week', not {bucket!r}")
    parsed = parse_query(text or "")
    ids = resolve_entities(conn, entity) if entity else []
    if entity and not ids:
        return []
    expr = _bucket_expr(bucket)
    counts: dict[str, list[int]] = {}
    dated = "a.date IS NOT NULL AND length(a.date) = 10"

    a_params: list[Any] = []
    q_params: list[Any] = []
    a_from, a_where = "articles a", [dated]
    q_from, q_where = "quotes q JOIN articles a ON a.id = q.article", [dated]
    if parsed is not None:
        a_from = "article_fts CROSS JOIN articles a ON a.id = article_fts.rowid"
        a_where.append("article_fts MATCH ?")
        a_params.append(parsed.fts)
        q_from = "quote_fts CROSS JOIN quotes q ON q.id = quote_fts.rowid JOIN articles a ON a.id = q.article"
        q_where.append("quote_fts MATCH ?")
        q_params.append(parsed.fts)
    if ids:
        a_where.append(
            f"a.id IN (SELECT article FROM article_entities WHERE entity IN ({_placeholders(ids)}))"
        )
        a_params.extend(ids)
        q_where.append(f"q.speaker_entity IN ({_placeholders(ids)})")
        q_params.extend(ids)
    for i, (frm, where, params) in enumerate(((a_from, a_where, a_params), (q_from, q_where, q_params))):
        rows = conn.execute(
            f"SELECT {expr} AS b, count(*) FROM {frm} WHERE {' AND '.join(where)} GROUP BY b", params
        ).fetchall()
        for b, n in rows:
            if b:
                counts.setdefault(b, [0, 0])[i] = int(n)
    return _fill(counts, bucket)
