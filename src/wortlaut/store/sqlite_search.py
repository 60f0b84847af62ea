"""Searching the SQLite store: FTS5 over the analyzed copies, filters in SQL, snippets in Python.

Articles and quotes have their own FTS5 tables (``article_fts``, ``quote_fts``; rowids are the
rows they index). A search runs a few small statements per kind: FTS5's own count of the
matches, one pass that yields the facets (and, with filters, the total), and the ranked page.
Scores are BM25 negated, so that higher is better; the title counts four times as much as the
body. The cost of BM25 and of facets grows with the number of matches, so a text matching more
than :data:`WINDOW` rows is ranked and faceted over its ``WINDOW`` most recently added matches
only (its total stays exact; ``SearchResults.facet_sample`` says which facets were counted that
way). Snippets, the costliest Python work, are made for the returned page only. See the
"Bounded work per query" section of ``docs/store.md``.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial
from typing import Any

from ..contract import QUOTE_TYPES
from ..errors import BadQueryError
from ..resolve import corpus
from .base import SearchHit, SearchQuery, SearchResults, Snippet, TimelinePoint
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
#: A text query with more matches is ranked, and its facets counted, over this many of them:
#: the most recently added (see Searcher._scope). It bounds the work of a broad query.
WINDOW = 3000


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


@dataclass
class Scope:
    """The matches of one kind: ``FROM`` and ``WHERE`` over all of them (``key`` orders them by
    when they were added), and, once known, the lowest key of the window that ranking and
    facets are limited to."""

    fts: str  # the FTS5 table, "" for a listing without text
    key: str
    frm: str
    cond: str
    params: list[Any]
    cutoff: int | None = None

    @property
    def bare(self) -> bool:
        """Whether the text alone decides (no filter narrows its matches)."""
        return bool(self.fts) and self.cond == f"{self.fts} MATCH ? AND 1"

    @property
    def window_cond(self) -> str:
        return self.cond if self.cutoff is None else f"{self.cond} AND {self.key} >= ?"

    @property
    def window_params(self) -> list[Any]:
        return self.params if self.cutoff is None else [*self.params, self.cutoff]


def _text_snippet(text: str, query: ParsedQuery | None) -> Snippet:
    return snippet(text, query)


def _quote_snippet(quote: str, query: ParsedQuery | None, _text: str) -> Snippet:
    return snippet(quote, query, width=400)


def _amount_snippet(text: str, start: int, end: int) -> Snippet:
    return span_snippet(text, start, end)


def _facet(values: list[Any], limit: int | None = None) -> list[tuple[str, int]]:
    """Counts of the values that are not None, most frequent first, then alphabetical."""
    counts = Counter(v for v in values if v is not None)
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return ordered[:limit] if limit is not None else ordered


@dataclass
class Pending:
    """A hit whose snippet is made only if it lands on the returned page; ``make_snippet`` gets
    the text of article ``article_pk`` (or "" when it needs none)."""

    hit: SearchHit
    article_pk: int | None
    make_snippet: Callable[[str], Snippet]


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
        #: facet name -> how many matches it counted, for facets limited to the window
        self.facet_sample: dict[str, int] = {}
        self.want = query.offset + query.limit

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
    def prefetch_texts(self, article_pks: Sequence[int]) -> None:
        """Read the latest texts of these articles in one statement (the shown page's snippets)."""
        wanted = sorted({pk for pk in article_pks if pk not in self._texts})
        if not wanted:
            return
        for pk, text in self.conn.execute(
            "SELECT a.id, v.text FROM articles a JOIN article_versions v ON v.article = a.id "
            f"AND v.version = a.latest_version WHERE a.id IN ({_placeholders(wanted)})",
            wanted,
        ).fetchall():
            self._texts[int(pk)] = text
        for pk in wanted:
            self._texts.setdefault(pk, "")

    def text_of(self, article_pk: int) -> str:
        if article_pk not in self._texts:
            self.prefetch_texts([article_pk])
        return self._texts[article_pk]

    def _ranked(self, fts: str, table: str) -> tuple[bool, int]:
        """Whether to order matches by BM25, and how many the text query matches (no filters).

        FTS5's BM25 gives a term found in more than half of the rows an IDF of (almost) zero.
        When a query of ANDed words matches more than half of all rows, each of its words does,
        so every score is about the same; those results are ordered newest first instead, which
        spares computing BM25 for most of the store. (An OR of rarer words can also match that
        many rows and then loses its ranking: a price paid for a bounded response time.)
        The ``count(*)`` of a bare MATCH is answered from FTS5's doclists, without row lookups."""
        assert self.parsed is not None
        matches = int(
            self.conn.execute(
                f"SELECT count(*) FROM {fts} WHERE {fts} MATCH ?", (self.parsed.fts,)
            ).fetchone()[0]
        )
        rows = int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        return matches <= RANK_ALWAYS or matches * 2 <= rows, matches

    def _scan(self, scope: Scope, columns: str) -> list[Any]:
        """``columns`` of the newest-added matches that pass the filters, in one pass: all of
        them, or, when there are more than :data:`WINDOW`, the ``WINDOW`` most recent (and
        ``scope.cutoff`` is set). Facets are counted from these rows, and their number is the
        total when the window is not full. Deep paging (past ``WINDOW``) reads everything."""
        limit = WINDOW + 1 if self.want <= WINDOW else -1
        rows = self.conn.execute(
            f"SELECT {scope.key}, {columns} FROM {scope.frm} WHERE {scope.cond} ORDER BY {scope.key} DESC LIMIT ?",
            [*scope.params, limit],
        ).fetchall()
        if limit > 0 and len(rows) > WINDOW:
            scope.cutoff = int(rows[WINDOW - 1][0])
            return rows[:WINDOW]
        return rows

    def _window(self, scope: Scope, matches: int) -> None:
        """Set ``scope.cutoff`` for a text without filters from FTS5 alone: it walks its
        doclists backwards by row id without a row lookup for each match."""
        if not scope.bare or matches <= WINDOW or self.want > WINDOW:
            return
        row = self.conn.execute(
            f"SELECT rowid FROM {scope.fts} WHERE {scope.fts} MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
            [*scope.params, WINDOW - 1],
        ).fetchone()
        if row is not None:
            scope.cutoff = int(row[0])

    def _total(self, scope: Scope, scanned: list[Any] | None, matches: int) -> int:
        if scope.bare:
            return matches
        if scanned is not None and scope.cutoff is None:
            return len(scanned)
        return int(
            self.conn.execute(
                f"SELECT count(*) FROM {scope.frm} WHERE {scope.cond}", scope.params
            ).fetchone()[0]
        )

    def _best(
        self, scope: Scope, rank: str, columns: str, rows_from: str, key: str, want: int, join: str = ""
    ) -> list[Any]:
        """The ``want`` best-scoring matches: ``columns`` and the negated BM25 score.

        With filters, BM25 is computed only for rows that pass them (one joined statement).
        Without, FTS5 ranks its own rows (no row lookup for each match) and only the winners
        are read from ``rows_from``, keyed by ``key``. ``join`` adds tables the columns need."""
        if not scope.bare:
            return self.conn.execute(
                f"SELECT {columns}, -{rank} AS score FROM {scope.frm} {join} "
                f"WHERE {scope.window_cond} ORDER BY score DESC LIMIT ?",
                [*scope.window_params, want],
            ).fetchall()
        top = self.conn.execute(
            f"SELECT {scope.fts}.rowid, -{rank} AS score FROM {scope.fts} WHERE {scope.window_cond} "
            "ORDER BY score DESC LIMIT ?",
            [*scope.window_params, want],
        ).fetchall()
        if not top:
            return []
        ids = [int(r[0]) for r in top]
        found = {
            int(r[0]): r
            for r in self.conn.execute(
                f"SELECT {columns} FROM {rows_from} WHERE {key} IN ({_placeholders(ids)})", ids
            ).fetchall()
        }
        return [(*found[i], score) for i, score in top if i in found]

    def _newest(
        self, scope: Scope, columns: str, rows_from: str, key: str, fts: str, where: str, want: int
    ) -> list[Any]:
        """The ``want`` newest rows (score 0). Without a text query: the scope's condition; with
        one: walk the date order backwards, checking rows against the full-text matches."""
        if self.parsed is None:
            cond = scope.cond
        else:
            cond = f"{key} IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ?) AND {where}"
        return self.conn.execute(
            f"SELECT {columns}, 0.0 FROM {rows_from} WHERE {cond} ORDER BY a.date DESC, {key} DESC LIMIT ?",
            [*scope.params, want],
        ).fetchall()

    def _note_sample(self, scope: Scope, *names: str) -> None:
        if scope.cutoff is not None:
            for name in names:
                self.facet_sample[name] = WINDOW

    # ---- articles ---------------------------------------------------------------------------
    def articles(self, want: int, facets: dict[str, list[tuple[str, int]]]) -> tuple[int, list[Pending]]:
        w = self.article_where()
        columns = "a.id, a.article_id, a.title, a.date, a.source"
        matches = -1
        by_rank = False
        if self.parsed is None:
            scope = Scope("", "a.id", "articles a", w.clause(), w.params)
        else:
            by_rank, matches = self._ranked("article_fts", "articles")
            scope = Scope(
                "article_fts",
                "article_fts.rowid",
                "article_fts CROSS JOIN articles a ON a.id = article_fts.rowid",
                "article_fts MATCH ? AND " + w.clause(),
                [self.parsed.fts, *w.params],
            )
        scanned, known = None, None
        if scope.fts and not scope.bare:  # filters: one pass finds the window, facets and total
            scanned = self._scan(scope, "a.source")
            if self.q.facets:
                facets["sources"] = _facet([r[1] for r in scanned])
        else:  # FTS5 alone finds the window; a listing needs none (indexes serve its counts)
            self._window(scope, matches)
            if self.q.facets:  # one GROUP BY beats reading the rows into Python here
                groups = self.conn.execute(
                    f"SELECT a.source, count(*) FROM {scope.frm} WHERE {scope.window_cond} "
                    "GROUP BY a.source ORDER BY 2 DESC, 1",
                    scope.window_params,
                ).fetchall()
                facets["sources"] = [(src, int(n)) for src, n in groups if src is not None]
                known = sum(int(n) for _, n in groups) if scope.cutoff is None else None
        if self.q.facets:
            self._note_sample(scope, "sources")
        if by_rank:
            rows = self._best(scope, ARTICLE_RANK, columns, "articles a", "a.id", want)
        else:
            rows = self._newest(scope, columns, BY_DATE, "a.id", "article_fts", w.clause(), want)
        total = known if known is not None else self._total(scope, scanned, matches)
        parsed = self.parsed
        pending = [
            Pending(
                SearchHit(
                    kind="article",
                    article_id=r[1],
                    title=r[2],
                    date=r[3],
                    source=r[4],
                    snippet=Snippet([]),
                    score=float(r[5]),
                ),
                int(r[0]),
                partial(_text_snippet, query=parsed),
            )
            for r in rows
        ]
        return total, pending

    # ---- quotes -----------------------------------------------------------------------------
    def quotes(self, want: int, facets: dict[str, list[tuple[str, int]]]) -> tuple[int, list[Pending]]:
        w = self.quote_where()
        joined = "quotes q JOIN articles a ON a.id = q.article"
        columns = (
            "q.id, a.article_id, a.title, a.date, a.source, q.type, q.text, "
            "COALESCE(e.name, q.speaker_name), q.speaker_entity"
        )
        speaker_join = "LEFT JOIN entities e ON e.id = q.speaker_entity"
        matches = -1
        by_rank = False
        if self.parsed is None:
            scope = Scope("", "q.id", joined, w.clause(), w.params)
        else:
            by_rank, matches = self._ranked("quote_fts", "quotes")
            scope = Scope(
                "quote_fts",
                "quote_fts.rowid",
                "quote_fts CROSS JOIN quotes q ON q.id = quote_fts.rowid JOIN articles a ON a.id = q.article",
                "quote_fts MATCH ? AND " + w.clause(),
                [self.parsed.fts, *w.params],
            )
        scanned, known = None, None
        if scope.fts and (self.q.facets or not scope.bare):  # one pass: window, facets, total
            facet_scope = Scope(scope.fts, scope.key, f"{scope.frm} {speaker_join}", scope.cond, scope.params)
            scanned = self._scan(facet_scope, "q.type, COALESCE(e.name, q.speaker_name), a.source")
            scope.cutoff = facet_scope.cutoff
            if self.q.facets:
                facets["types"] = _facet([r[1] for r in scanned])
                facets["speakers"] = _facet([r[2] for r in scanned], limit=20)
                if self.q.kind == "quotes":
                    facets["sources"] = _facet([r[3] for r in scanned])
        else:
            self._window(scope, matches)
            if self.q.facets:  # a listing: GROUP BYs over all its rows, which indexes serve
                groups = self.conn.execute(
                    f"SELECT q.type, count(*) FROM {scope.frm} WHERE {scope.cond} GROUP BY q.type ORDER BY 2 DESC, 1",
                    scope.params,
                ).fetchall()
                facets["types"] = [(t, int(n)) for t, n in groups]
                known = sum(int(n) for _, n in groups)
                speakers = self.conn.execute(
                    f"SELECT COALESCE(e.name, q.speaker_name) AS s, count(*) FROM {scope.frm} {speaker_join} "
                    f"WHERE {scope.cond} AND s IS NOT NULL GROUP BY s ORDER BY 2 DESC, 1 LIMIT 20",
                    scope.params,
                ).fetchall()
                facets["speakers"] = [(name, int(n)) for name, n in speakers]
                if self.q.kind == "quotes":
                    sources = self.conn.execute(
                        f"SELECT a.source, count(*) FROM {scope.frm} WHERE {scope.cond} "
                        "AND a.source IS NOT NULL GROUP BY a.source ORDER BY 2 DESC, 1",
                        scope.params,
                    ).fetchall()
                    facets["sources"] = [(src, int(n)) for src, n in sources]
        if self.q.facets:
            self._note_sample(scope, "types", "speakers", *(["sources"] if self.q.kind == "quotes" else []))
        if by_rank:
            rows = self._best(
                scope, QUOTE_RANK, columns, f"{joined} {speaker_join}", "q.id", want, speaker_join
            )
        else:
            rows = self._newest(
                scope, columns, f"{joined} {speaker_join}", "q.id", "quote_fts", w.clause(), want
            )
        total = known if known is not None else self._total(scope, scanned, matches)
        parsed = self.parsed
        pending = [
            Pending(
                SearchHit(
                    kind="quote",
                    article_id=r[1],
                    title=r[2],
                    date=r[3],
                    source=r[4],
                    snippet=Snippet([]),
                    score=float(r[9]),
                    quote_id=int(r[0]),
                    quote_type=r[5],
                    speaker_name=r[7],
                    speaker_entity=eid(r[8]),
                ),
                None,
                partial(_quote_snippet, r[6], parsed),
            )
            for r in rows
        ]
        return total, pending

    # ---- amounts ----------------------------------------------------------------------------
    def amounts(self, want: int, facets: dict[str, list[tuple[str, int]]]) -> tuple[int, list[Pending]]:
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
        pending = []
        for r in rows:
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
            hit = SearchHit(
                kind="amount",
                article_id=r[1],
                title=r[2],
                date=r[3],
                source=r[4],
                snippet=Snippet([]),
                score=float(r[18]),
                amount=amount,
            )
            pending.append(Pending(hit, int(r[0]), partial(_amount_snippet, start=int(r[5]), end=int(r[6]))))
        return total, pending

    # ---- all --------------------------------------------------------------------------------
    def run(self) -> SearchResults:
        q = self.q
        want = q.offset + q.limit
        facets: dict[str, list[tuple[str, int]]] = {}
        kind = q.kind
        if kind == "all" and (q.counted or q.min_value is not None or q.max_value is not None):
            kind = "amounts"  # amount filters only make sense for amounts
        if kind == "articles":
            total, found = self.articles(want, facets)
        elif kind == "quotes":
            total, found = self.quotes(want, facets)
        elif kind == "amounts":
            total, found = self.amounts(want, facets)
        else:
            total_a, found_a = self.articles(want, facets)
            total_q, found_q = self.quotes(want, facets)
            total = total_a + total_q
            if self.parsed is not None:
                found = sorted(found_a + found_q, key=lambda p: -p.hit.score)
            else:
                found = sorted(found_a + found_q, key=lambda p: p.hit.date or "", reverse=True)
        page = found[q.offset : want]
        # Snippets are the costliest Python work of a search: make them for the shown page only.
        self.prefetch_texts([p.article_pk for p in page if p.article_pk is not None])
        for p in page:
            p.hit.snippet = p.make_snippet(self.text_of(p.article_pk) if p.article_pk is not None else "")
        if not q.facets:
            facets = {}
        sample = {name: n for name, n in self.facet_sample.items() if name in facets}
        return SearchResults(
            query=q, total=total, hits=[p.hit for p in page], facets=facets, facet_sample=sample
        )


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
