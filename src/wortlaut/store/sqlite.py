"""The default store: one SQLite file (WAL) with FTS5 full-text indexes over analyzed text.

All access goes through :class:`SQLiteStore`. Writes happen only in :meth:`ingest_batch`, one
transaction per batch, so a process killed at any moment leaves the store as it was after the
last whole batch (SQLite's journal guarantees it). The schema and its migrations live in
:mod:`.migrations`, writing in :mod:`.sqlite_write`, searching in :mod:`.sqlite_search`; the
analyzer that makes German searchable in :mod:`.german`. See ``docs/store.md``.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from ..article import Article
from ..contract import Extraction
from ..errors import NotFoundError, SchemaVersionError, StoreError, WortlautError
from ..resolve import corpus
from . import migrations
from .base import (
    EXPORT_COLUMNS,
    EXPORT_TABLES,
    ArticleVersion,
    EntityProfile,
    EntitySummary,
    Outcome,
    QuoteRow,
    SearchQuery,
    SearchResults,
    StoredArticle,
    StoreStats,
    TimelinePoint,
)
from .codec import extraction_from_dict
from .german import analyze
from .query import any_of
from .sqlite_search import resolve_entities, search, timeline
from .sqlite_write import article_from_row, eid, ingest_one, parse_eid, recount

#: Quotes whose analyzed-word pairs overlap this much (Jaccard) are the same quotation …
SAME_QUOTE_JACCARD = 0.5
#: … or when the shorter one is this much contained in the longer (a quote cut shorter).
SAME_QUOTE_CONTAINED = 0.8
#: Candidates must share one of this many of the quote's rarest words.
SAME_QUOTE_LOOKUP_TERMS = 8

_QUOTE_SELECT = (
    "SELECT q.id, a.article_id, a.date, a.title, q.type, q.text, q.speaker_text, "
    "COALESCE(e.name, q.speaker_name), q.speaker_entity, q.cue, q.spans, a.source "
    "FROM quotes q JOIN articles a ON a.id = q.article LEFT JOIN entities e ON e.id = q.speaker_entity"
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _quote_row(r: Sequence[Any]) -> QuoteRow:
    return QuoteRow(
        id=int(r[0]),
        article_id=r[1],
        date=r[2],
        title=r[3],
        type=r[4],
        text=r[5],
        speaker_text=r[6],
        speaker_name=r[7],
        speaker_entity=eid(r[8]),
        cue=r[9],
        spans=[(int(s), int(e)) for s, e in json.loads(r[10] or "[]")],
        source=r[11],
    )


def _shingles(terms: list[str]) -> set[tuple[str, ...]]:
    """Word pairs of a quote's analyzed terms (single words for one-word quotes)."""
    if len(terms) < 2:
        return {(t,) for t in terms}
    return {(terms[i], terms[i + 1]) for i in range(len(terms) - 1)}


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    where = str(path)
    if read_only:
        if not path.exists():
            raise NotFoundError(
                "no store here",
                where=where,
                hint="ingest articles first (wortlaut ingest …) or choose one with --db",
            )
        uri = f"{path.resolve().as_uri()}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False, timeout=10.0)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=10.0)
    try:
        conn.execute("PRAGMA busy_timeout = 10000")
        if not read_only:
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA cache_size = -32000")
        conn.execute("PRAGMA temp_store = MEMORY")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(
            f"not a Wortlaut store: {exc}", where=where, hint="choose another file with --db"
        ) from exc
    return conn


class SQLiteStore:
    """The :class:`~wortlaut.store.base.Store` on one SQLite file.

    Safe to share between threads: every call holds the store's lock (one connection).
    :meth:`export_rows` streams over a connection of its own so a long export blocks nobody.
    """

    def __init__(self, path: Path, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        self._lock = threading.RLock()
        self._conn = _connect(Path(path), read_only)
        try:
            if read_only:
                version = migrations.current_version(self._conn)
                migrations.check_version(version, self.path)
                if version < migrations.LATEST:
                    raise SchemaVersionError(
                        f"the store has schema version {version}, this Wortlaut needs {migrations.LATEST}",
                        where=self.path,
                        hint="open it once for writing (e.g. wortlaut stats) to migrate it",
                    )
                self.schema_version = version
            else:
                self.schema_version = migrations.migrate(self._conn, self.path)
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise StoreError(
                f"not a Wortlaut store: {exc}", where=self.path, hint="choose another file with --db"
            ) from exc
        except BaseException:
            self._conn.close()
            raise

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # ---- writing ----------------------------------------------------------------------------
    def ingest_batch(self, items: Sequence[tuple[Article, Extraction | None]]) -> list[Outcome]:
        """Store articles in one transaction (see :class:`~wortlaut.store.base.Store`).

        If any item cannot be stored, nothing of the batch is kept and a :class:`StoreError`
        names the article; callers retry the others one by one."""
        if self.read_only:
            raise StoreError("the store is open read-only", where=self.path)
        now = _now()
        outcomes: list[Outcome] = []
        touched: set[int] = set()
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                for article, extraction in items:
                    try:
                        outcomes.append(ingest_one(self._conn, article, extraction, now, touched))
                    except (WortlautError, sqlite3.OperationalError):
                        raise
                    except Exception as exc:
                        raise StoreError(
                            f"could not store it: {type(exc).__name__}: {exc}",
                            where=f"article {article.id!r}",
                        ) from exc
                recount(self._conn, touched)
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
        return outcomes

    def known(self, article_id: str, content_hash: str) -> bool:
        with self._lock:
            row = self._conn.execute(
                "SELECT 1 FROM articles a JOIN article_versions v ON v.article = a.id "
                "WHERE a.article_id = ? AND v.content_hash = ? LIMIT 1",
                (article_id, content_hash),
            ).fetchone()
        return row is not None

    # ---- articles ---------------------------------------------------------------------------
    def get_article(self, article_id: str, version: int | None = None) -> StoredArticle | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT id, latest_version FROM articles WHERE article_id = ?", (article_id,)
            ).fetchone()
            if row is None:
                return None
            pk, latest = int(row[0]), int(row[1])
            wanted = latest if version is None else version
            v = self._conn.execute(
                "SELECT text, metadata, extraction FROM article_versions WHERE article = ? AND version = ?",
                (pk, wanted),
            ).fetchone()
            if v is None:
                return None
            versions = [
                ArticleVersion(version=int(r[0]), content_hash=r[1], updated=r[2], ingested_at=r[3])
                for r in self._conn.execute(
                    "SELECT version, content_hash, updated, ingested_at FROM article_versions "
                    "WHERE article = ? ORDER BY version",
                    (pk,),
                )
            ]
            extraction = extraction_from_dict(json.loads(v[2])) if v[2] else None
            if wanted == latest:
                links = {
                    r[0]: f"e{r[1]}"
                    for r in self._conn.execute(
                        "SELECT local_id, entity FROM article_entities WHERE article = ?", (pk,)
                    )
                }
            else:
                links = self._links_by_key(extraction)
        return StoredArticle(
            article=article_from_row(v[1], v[0]),
            extraction=extraction,
            version=wanted,
            versions=versions,
            entity_links=links,
        )

    def _links_by_key(self, extraction: Extraction | None) -> dict[str, str]:
        """Entity links of an older version: its rows were replaced, so match entities by key."""
        links: dict[str, str] = {}
        for ent in extraction.entities if extraction else []:
            key = ent.key or corpus.entity_key(ent.label, ent.name)
            row = self._conn.execute(
                "SELECT id FROM entities WHERE key = ? ORDER BY articles DESC LIMIT 1", (key,)
            ).fetchone()
            if row:
                links[ent.id] = f"e{row[0]}"
        return links

    # ---- search -----------------------------------------------------------------------------
    def search(self, query: SearchQuery) -> SearchResults:
        with self._lock:
            return search(self._conn, query)

    def timeline(
        self, *, text: str | None = None, entity: str | None = None, bucket: Literal["day", "week"] = "day"
    ) -> list[TimelinePoint]:
        with self._lock:
            return timeline(self._conn, text, entity, bucket)

    # ---- quotes -----------------------------------------------------------------------------
    def quotes(
        self, *, speaker: str | None = None, article_id: str | None = None, limit: int = 50, offset: int = 0
    ) -> list[QuoteRow]:
        where, params = ["1"], []
        with self._lock:
            if speaker:
                ids = resolve_entities(self._conn, speaker)
                where.append(f"(q.speaker_entity IN ({','.join('?' * len(ids))}) OR q.speaker_fold = ?)")
                params.extend([*ids, corpus.fold(speaker)])
            if article_id:
                where.append("a.article_id = ?")
                params.append(article_id)
            order = "q.idx" if article_id else "a.date DESC, a.id DESC, q.idx"
            rows = self._conn.execute(
                f"{_QUOTE_SELECT} WHERE {' AND '.join(where)} ORDER BY {order} LIMIT ? OFFSET ?",
                [*params, max(0, limit), max(0, offset)],
            ).fetchall()
        return [_quote_row(r) for r in rows]

    def _rarest_quote_terms(self, terms: list[str], n: int) -> list[str]:
        """The ``n`` terms found in the fewest quotes (longer first among equals)."""
        counts: dict[str, int] = {}
        for i in range(0, len(terms), 200):
            chunk = terms[i : i + 200]
            counts.update(
                self._conn.execute(
                    f"SELECT term, doc FROM quote_vocab WHERE term IN ({','.join('?' * len(chunk))})", chunk
                ).fetchall()
            )
        return sorted(terms, key=lambda t: (counts.get(t, 0), -len(t)))[:n]

    def same_quote(self, quote_id: int, limit: int = 20) -> list[QuoteRow]:
        """The quote itself first (similarity 1.0), then the same quotation in other articles.

        Candidates come from the quote index (any of the quote's rarest words, best BM25 first); a
        candidate is the same quotation when its analyzed word pairs overlap enough (Jaccard),
        or when the shorter quote is almost wholly contained in the longer one."""
        with self._lock:
            ref = self._conn.execute(f"{_QUOTE_SELECT} WHERE q.id = ?", (quote_id,)).fetchone()
            if ref is None:
                return []
            ref_article = self._conn.execute(
                "SELECT article FROM quotes WHERE id = ?", (quote_id,)
            ).fetchone()[0]
            terms = analyze(ref[5])
            ref_shingles = _shingles(terms)
            distinct = list(dict.fromkeys(terms))
            if not distinct:
                return [_quote_row(ref)]
            rare = self._rarest_quote_terms(distinct, SAME_QUOTE_LOOKUP_TERMS)
            candidates = self._conn.execute(
                "SELECT q.id, q.text FROM quote_fts JOIN quotes q ON q.id = quote_fts.rowid "
                "WHERE quote_fts MATCH ? AND q.article != ? ORDER BY bm25(quote_fts) LIMIT 300",
                (any_of(rare), ref_article),
            ).fetchall()
            scored: list[tuple[float, int]] = []
            for cid, text in candidates:
                other = _shingles(analyze(text))
                if not other:
                    continue
                common = len(ref_shingles & other)
                jaccard = common / len(ref_shingles | other)
                contained = common / min(len(ref_shingles), len(other))
                if jaccard >= SAME_QUOTE_JACCARD or (
                    contained >= SAME_QUOTE_CONTAINED and min(len(ref_shingles), len(other)) >= 3
                ):
                    scored.append((jaccard, int(cid)))
            scored.sort(key=lambda s: (-s[0], s[1]))
            scored = scored[: max(0, limit - 1)]
            rows = {
                int(r[0]): r
                for r in self._conn.execute(
                    f"{_QUOTE_SELECT} WHERE q.id IN ({','.join('?' * len(scored))})", [c for _, c in scored]
                )
            }
        out = [_quote_row(ref)]
        out[0].similarity = 1.0
        for sim, cid in scored:
            row = _quote_row(rows[cid])
            row.similarity = round(sim, 3)
            out.append(row)
        return out

    # ---- entities ---------------------------------------------------------------------------
    def _summary(self, n: int) -> EntitySummary | None:
        r = self._conn.execute(
            "SELECT id, label, name, articles, quotes FROM entities WHERE id = ?", (n,)
        ).fetchone()
        if r is None:
            return None
        return EntitySummary(id=f"e{r[0]}", label=r[1], name=r[2], articles=int(r[3]), quotes=int(r[4]))

    def entities(
        self, *, label: str | None = None, prefix: str | None = None, limit: int = 50, offset: int = 0
    ) -> list[EntitySummary]:
        where, params = ["(articles > 0 OR quotes > 0)"], []
        if label:
            where.append("label = ?")
            params.append(label)
        if prefix:
            p = corpus.fold(prefix)
            where.append(
                "(name_fold >= ? AND name_fold < ? OR id IN (SELECT entity FROM entity_index WHERE token >= ? AND token < ?))"
            )
            params.extend([p, p + "\U0010ffff", p, p + "\U0010ffff"])
        with self._lock:
            rows = self._conn.execute(
                f"SELECT id, label, name, articles, quotes FROM entities WHERE {' AND '.join(where)} "
                "ORDER BY articles DESC, quotes DESC, name LIMIT ? OFFSET ?",
                [*params, max(0, limit), max(0, offset)],
            ).fetchall()
        return [
            EntitySummary(id=f"e{r[0]}", label=r[1], name=r[2], articles=int(r[3]), quotes=int(r[4]))
            for r in rows
        ]

    def find_entity(self, name_or_id: str) -> EntitySummary | None:
        """An entity by id (``e12``), canonical name, or last name; the most reported one wins."""
        with self._lock:
            ids = resolve_entities(self._conn, name_or_id)
            found = [s for s in (self._summary(n) for n in ids) if s is not None]
        if not found:
            return None
        return max(found, key=lambda s: (s.articles, s.quotes, -int(s.id[1:])))

    def entity_profile(self, entity_id: str) -> EntityProfile | None:
        """One entity with aliases, roles, quotes (newest 200), articles (newest 200), what its
        quotes are about, and why its mentions were merged."""
        n = parse_eid(entity_id)
        if n is None:
            found = self.find_entity(entity_id)
            n = parse_eid(found.id) if found else None
        if n is None:
            return None
        with self._lock:
            summary = self._summary(n)
            if summary is None:
                return None
            c = self._conn
            aliases = [
                (t, int(k))
                for t, k in c.execute(
                    "SELECT text, count(*) FROM mentions WHERE entity = ? GROUP BY text ORDER BY 2 DESC, 1 LIMIT 50",
                    (n,),
                )
            ]
            roles = [
                (r[0], r[1], r[2])
                for r in c.execute(
                    "SELECT r.title, r.date, a.article_id FROM entity_roles r JOIN articles a ON a.id = r.article "
                    "WHERE r.entity = ? ORDER BY r.date DESC, r.id LIMIT 200",
                    (n,),
                )
            ]
            quotes = [
                _quote_row(r)
                for r in c.execute(
                    f"{_QUOTE_SELECT} WHERE q.speaker_entity = ? ORDER BY a.date DESC, a.id DESC, q.idx LIMIT 200",
                    (n,),
                )
            ]
            articles = [
                (r[0], r[1], r[2])
                for r in c.execute(
                    "SELECT a.article_id, a.date, a.title FROM articles a WHERE a.id IN "
                    "(SELECT article FROM article_entities WHERE entity = ?) ORDER BY a.date DESC, a.id DESC LIMIT 200",
                    (n,),
                )
            ]
            about: list[tuple[EntitySummary, int]] = []
            for other, k in c.execute(
                "SELECT qe.entity, count(*) FROM quote_entities qe JOIN quotes q ON q.id = qe.quote "
                "WHERE q.speaker_entity = ? GROUP BY qe.entity ORDER BY 2 DESC LIMIT 30",
                (n,),
            ).fetchall():
                s = self._summary(int(other))
                if s is not None:
                    about.append((s, int(k)))
            merges = [
                f"{reason}: {k} article{'s' if k != 1 else ''} (e.g. {first})"
                for reason, k, first in c.execute(
                    "SELECT ae.reason, count(DISTINCT ae.article), min(a.article_id) FROM article_entities ae "
                    "JOIN articles a ON a.id = ae.article WHERE ae.entity = ? GROUP BY ae.reason ORDER BY 2 DESC, 1",
                    (n,),
                )
            ]
            geo_row = c.execute("SELECT geo FROM entities WHERE id = ?", (n,)).fetchone()
        return EntityProfile(
            summary=summary,
            aliases=aliases,
            roles=roles,
            quotes=quotes,
            articles=articles,
            about=about,
            geo=json.loads(geo_row[0]) if geo_row and geo_row[0] else None,
            merges=merges,
        )

    # ---- overview ---------------------------------------------------------------------------
    def stats(self) -> StoreStats:
        with self._lock:
            c = self._conn

            def count(table: str) -> int:
                return int(c.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

            first, last = c.execute("SELECT min(date), max(date) FROM articles").fetchone()
            return StoreStats(
                path=str(Path(self.path).resolve()),
                schema_version=migrations.current_version(c),
                articles=count("articles"),
                versions=count("article_versions"),
                quotes=count("quotes"),
                entities=int(c.execute("SELECT count(*) FROM entities WHERE articles > 0").fetchone()[0]),
                mentions=count("mentions"),
                amounts=count("amounts"),
                sources=[
                    (s, int(k))
                    for s, k in c.execute(
                        "SELECT COALESCE(source, '(none)'), count(*) FROM articles GROUP BY source ORDER BY 2 DESC, 1"
                    )
                ],
                first_date=first,
                last_date=last,
                quotes_by_type={
                    t: int(k) for t, k in c.execute("SELECT type, count(*) FROM quotes GROUP BY type")
                },
            )

    def export_rows(self, table: str) -> Iterator[dict[str, Any]]:
        """Rows of one export table over a connection of its own, so streaming holds no lock."""
        if table not in EXPORT_TABLES:
            raise StoreError(f"unknown table {table!r}", hint="use one of " + ", ".join(EXPORT_TABLES))
        return _export(Path(self.path), table)


# ---- exports ---------------------------------------------------------------------------------
_EXPORT_SQL = {
    "articles": (
        "SELECT a.article_id, v.version, a.source, a.url, a.title, v.metadata, a.date, v.content_hash, "
        "v.ingested_at, (SELECT count(*) FROM quotes q WHERE q.article = a.id), v.text "
        "FROM articles a JOIN article_versions v ON v.article = a.id AND v.version = a.latest_version ORDER BY a.id"
    ),
    "quotes": (
        "SELECT q.id, a.article_id, q.version, a.date, a.source, q.type, q.medium, q.text, q.speaker_text, "
        "COALESCE(e.name, q.speaker_name), q.speaker_entity, q.cue, q.addressee, q.spans, q.confidence "
        "FROM quotes q JOIN articles a ON a.id = q.article LEFT JOIN entities e ON e.id = q.speaker_entity "
        "ORDER BY q.id"
    ),
    "entities": "SELECT id, label, name, key, articles, quotes, geo FROM entities WHERE articles > 0 ORDER BY id",
    "mentions": (
        "SELECT a.article_id, m.version, m.entity, e.name, e.label, m.local_id, m.start, m.end, m.text, m.kind "
        "FROM mentions m JOIN articles a ON a.id = m.article JOIN entities e ON e.id = m.entity ORDER BY m.id"
    ),
    "amounts": (
        "SELECT a.article_id, am.version, a.date, am.start, am.end, am.text, am.value, am.low, am.high, am.unit, "
        "am.counted, am.approximate, am.actor, am.origin, am.destination, am.location "
        "FROM amounts am JOIN articles a ON a.id = am.article ORDER BY am.id"
    ),
}


def _coordinate(geo: dict[str, Any], *names: str) -> float | None:
    for name in names:
        value = geo.get(name)
        if isinstance(value, int | float | str):
            try:
                return float(value)
            except ValueError:
                return None
    return None


def _export_row(table: str, r: Sequence[Any]) -> list[Any]:
    if table == "articles":
        meta = json.loads(r[5])
        return [
            r[0], r[1], r[2], r[3], r[4], meta.get("topline"), meta.get("headline"), r[6], meta.get("published"),
            meta.get("updated"), "; ".join(meta.get("authors") or []) or None, meta.get("bureau"), r[7], r[8],
            int(r[9]), r[10],
        ]  # fmt: skip
    if table == "quotes":
        return [*r[:10], eid(r[10]), *r[11:]]
    if table == "entities":
        geo = json.loads(r[6]) if r[6] else {}
        return [
            eid(r[0]), r[1], r[2], r[3], r[4], r[5],
            _coordinate(geo, "latitude", "lat"), _coordinate(geo, "longitude", "lon", "lng"),
            r[6],
        ]  # fmt: skip
    if table == "mentions":
        return [r[0], r[1], eid(r[2]), *r[3:]]
    # amounts
    return [*r[:11], bool(r[11]), eid(r[12]), eid(r[13]), eid(r[14]), eid(r[15])]


def _export(path: Path, table: str) -> Iterator[dict[str, Any]]:
    names = [name for name, _ in EXPORT_COLUMNS[table]]
    conn = _connect(path, read_only=True)
    try:
        for r in conn.execute(_EXPORT_SQL[table]):
            yield dict(zip(names, _export_row(table, r), strict=True))
    finally:
        conn.close()
