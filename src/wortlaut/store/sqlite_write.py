"""Writing to the SQLite store: one article (and its extraction) inside the caller's transaction.

:meth:`SQLiteStore.ingest_batch` opens the transaction; the functions here only add rows. An
article's quotes, mentions, entity links, roles and amounts always belong to its latest version:
when a new version arrives they are deleted and written again from the new extraction.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import fields

from ..article import Article
from ..contract import Extraction
from ..errors import StoreError
from ..resolve import corpus
from .base import Outcome
from .german import analyzed_text

_ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_ARTICLE_FIELDS = frozenset(f.name for f in fields(Article))


def eid(n: int | None) -> str | None:
    """The public id of a corpus entity (``e42``) from its row id."""
    return None if n is None else f"e{n}"


def parse_eid(value: str | None) -> int | None:
    """The row id of a public entity id, or None when ``value`` is not one."""
    if value and re.fullmatch(r"e\d+", value):
        return int(value[1:])
    return None


def article_date(article: Article) -> str | None:
    """The ISO date the article is filed under: the first full ``YYYY-MM-DD`` of published,
    date and updated ("Stand"), else the most that is known (``2022-03``)."""
    found = [
        m.group()
        for v in (article.published, article.date, article.updated)
        if v and (m := _ISO_DATE.match(v.strip()))
    ]
    full = [d for d in found if len(d) == 10]
    best = full or found
    return best[0] if best else None


def article_metadata(article: Article) -> str:
    """Everything about the article except its text, as JSON (the text has its own column)."""
    data = article.to_dict()
    data.pop("text", None)
    return json.dumps(data, ensure_ascii=False)


def article_from_row(metadata: str, text: str) -> Article:
    data = {k: v for k, v in json.loads(metadata).items() if k in _ARTICLE_FIELDS}
    data["text"] = text
    return Article.from_dict(data)


def _lookup(conn: sqlite3.Connection) -> corpus.Lookup:
    def lookup(label: str, token: str) -> list[corpus.KnownEntity]:
        rows = conn.execute(
            "SELECT e.id, e.label, e.name, e.key FROM entity_index i JOIN entities e ON e.id = i.entity "
            "WHERE i.label = ? AND i.token = ? ORDER BY e.articles DESC, e.id",
            (label, token),
        ).fetchall()
        return [corpus.KnownEntity(f"e{r[0]}", r[1], r[2], r[3]) for r in rows]

    return lookup


def _index_entity(conn: sqlite3.Connection, entity_id: int, label: str, name: str) -> None:
    conn.executemany(
        "INSERT OR IGNORE INTO entity_index (label, token, entity) VALUES (?, ?, ?)",
        [(label, token, entity_id) for token in corpus.index_tokens(label, name) if token],
    )


def clear_extraction(conn: sqlite3.Connection, article_pk: int, touched: set[int]) -> None:
    """Remove what was extracted from an article's previous version."""
    touched.update(
        r[0] for r in conn.execute("SELECT entity FROM article_entities WHERE article = ?", (article_pk,))
    )
    conn.execute(
        "DELETE FROM quote_fts WHERE rowid IN (SELECT id FROM quotes WHERE article = ?)", (article_pk,)
    )
    for table in ("quotes", "mentions", "entity_roles", "amounts", "article_entities"):
        conn.execute(f"DELETE FROM {table} WHERE article = ?", (article_pk,))


def _in_spans(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def store_extraction(
    conn: sqlite3.Connection,
    article_pk: int,
    version: int,
    date: str | None,
    extraction: Extraction,
    now: str,
    touched: set[int],
) -> None:
    """Link the extraction's entities to corpus entities and write its rows."""
    lookup = _lookup(conn)
    local: dict[str, int] = {}
    names: dict[int, str] = {}
    for ent in extraction.entities:
        linked = corpus.link(ent, lookup)
        entity_id = parse_eid(linked.entity_id)
        if entity_id is None:
            cur = conn.execute(
                "INSERT INTO entities (label, name, key, name_fold, geo, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    ent.label,
                    linked.name,
                    linked.key,
                    corpus.fold(linked.name),
                    json.dumps(ent.geo, ensure_ascii=False) if ent.geo else None,
                    now,
                ),
            )
            entity_id = int(cur.lastrowid or 0)
            _index_entity(conn, entity_id, ent.label, linked.name)
        elif ent.geo:
            conn.execute(
                "UPDATE entities SET geo = ? WHERE id = ? AND geo IS NULL",
                (json.dumps(ent.geo, ensure_ascii=False), entity_id),
            )
        _index_entity(conn, entity_id, ent.label, ent.name)
        local[ent.id] = entity_id
        names[entity_id] = linked.name
        touched.add(entity_id)
        conn.execute(
            "INSERT OR REPLACE INTO article_entities (article, version, local_id, entity, name, reason) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (article_pk, version, ent.id, entity_id, ent.name, linked.reason),
        )
        conn.executemany(
            "INSERT INTO mentions (article, version, entity, local_id, start, end, text, kind) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(article_pk, version, entity_id, ent.id, m.start, m.end, m.text, m.kind) for m in ent.mentions],
        )
        conn.executemany(
            "INSERT INTO entity_roles (entity, article, version, title, date, start, end) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(entity_id, article_pk, version, r.title, date, r.start, r.end) for r in ent.roles],
        )
    mentions = [(m.start, m.end, local[e.id]) for e in extraction.entities for m in e.mentions]
    for idx, q in enumerate(extraction.quotes):
        speaker = q.speaker
        speaker_entity = local.get(speaker.entity) if speaker and speaker.entity else None
        speaker_name = speaker.name if speaker else None
        shown_name = names.get(speaker_entity) if speaker_entity else speaker_name
        cur = conn.execute(
            "INSERT INTO quotes (article, version, idx, type, medium, text, spans, speaker_text, speaker_name, "
            "speaker_fold, speaker_entity, cue, addressee, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article_pk,
                version,
                idx,
                q.type,
                q.medium,
                q.text,
                json.dumps([[s, e] for s, e in q.spans]),
                speaker.text if speaker else None,
                speaker_name,
                corpus.fold(shown_name) if shown_name else None,
                speaker_entity,
                q.cue.text if q.cue else None,
                q.addressee.text if q.addressee else None,
                q.confidence,
            ),
        )
        quote_id = int(cur.lastrowid or 0)
        conn.execute("INSERT INTO quote_fts (rowid, body) VALUES (?, ?)", (quote_id, analyzed_text(q.text)))
        about = {ent for s, e, ent in mentions if ent != speaker_entity and _in_spans(s, e, q.spans)}
        conn.executemany(
            "INSERT OR IGNORE INTO quote_entities (quote, entity) VALUES (?, ?)",
            [(quote_id, ent) for ent in about],
        )
    conn.executemany(
        "INSERT INTO amounts (article, version, idx, start, end, text, value, low, high, unit, counted, "
        "counted_key, approximate, actor, origin, destination, location) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                article_pk,
                version,
                idx,
                a.start,
                a.end,
                a.text,
                a.value,
                a.low,
                a.high,
                a.unit,
                a.counted,
                analyzed_text(a.counted) or None,
                int(bool(a.approximate)),
                local.get(a.actor) if a.actor else None,
                local.get(a.origin) if a.origin else None,
                local.get(a.destination) if a.destination else None,
                local.get(a.location) if a.location else None,
            )
            for idx, a in enumerate(extraction.amounts)
        ],
    )


def _index_article(conn: sqlite3.Connection, article_pk: int, title: str | None, text: str) -> None:
    conn.execute(
        "INSERT INTO article_fts (rowid, title, body) VALUES (?, ?, ?)",
        (article_pk, analyzed_text(title), analyzed_text(text)),
    )


def _insert_version(
    conn: sqlite3.Connection,
    article_pk: int,
    version: int,
    article: Article,
    content_hash: str,
    extraction: Extraction | None,
    now: str,
) -> None:
    conn.execute(
        "INSERT INTO article_versions (article, version, content_hash, text, metadata, extraction, updated, "
        "ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            article_pk,
            version,
            content_hash,
            article.text,
            article_metadata(article),
            json.dumps(extraction.to_dict(), ensure_ascii=False) if extraction else None,
            article.updated,
            now,
        ),
    )


def check_item(article: Article, extraction: Extraction | None) -> None:
    """Refuse an item whose extraction does not belong to its article (offsets would be wrong)."""
    where = f"article {article.id!r}"
    if not article.id:
        raise StoreError("the article has no id", where=where, hint="readers must give every article an id")
    if extraction is not None and extraction.text != article.text:
        raise StoreError(
            "the extraction was made from another text than the article's",
            where=where,
            hint="extract the article again before storing it",
        )


def ingest_one(
    conn: sqlite3.Connection, article: Article, extraction: Extraction | None, now: str, touched: set[int]
) -> Outcome:
    """Store one article inside the open transaction; returns added/updated/unchanged."""
    check_item(article, extraction)
    content_hash = article.content_hash()
    title = article.title or article.headline
    date = article_date(article)
    row = conn.execute(
        "SELECT id, latest_version FROM articles WHERE article_id = ?", (article.id,)
    ).fetchone()
    if row is None:
        cur = conn.execute(
            "INSERT INTO articles (article_id, source, url, title, date, latest_version, first_ingested, "
            "last_ingested) VALUES (?, ?, ?, ?, ?, 1, ?, ?)",
            (article.id, article.source, article.url, title, date, now, now),
        )
        article_pk = int(cur.lastrowid or 0)
        _insert_version(conn, article_pk, 1, article, content_hash, extraction, now)
        _index_article(conn, article_pk, title, article.text)
        if extraction is not None:
            store_extraction(conn, article_pk, 1, date, extraction, now, touched)
        return "added"
    article_pk, latest = int(row[0]), int(row[1])
    same = conn.execute(
        "SELECT version, extraction IS NULL FROM article_versions WHERE article = ? AND content_hash = ? "
        "ORDER BY version DESC LIMIT 1",
        (article_pk, content_hash),
    ).fetchone()
    if same is not None:
        version, missing = int(same[0]), bool(same[1])
        if missing and extraction is not None:
            # The text was stored without extraction before: attach it now, nothing else changes.
            conn.execute(
                "UPDATE article_versions SET extraction = ? WHERE article = ? AND version = ?",
                (json.dumps(extraction.to_dict(), ensure_ascii=False), article_pk, version),
            )
            if version == latest:
                clear_extraction(conn, article_pk, touched)
                store_extraction(conn, article_pk, version, date, extraction, now, touched)
        return "unchanged"
    version = latest + 1
    _insert_version(conn, article_pk, version, article, content_hash, extraction, now)
    conn.execute(
        "UPDATE articles SET source = ?, url = ?, title = ?, date = ?, latest_version = ?, last_ingested = ? "
        "WHERE id = ?",
        (article.source, article.url, title, date, version, now, article_pk),
    )
    conn.execute("DELETE FROM article_fts WHERE rowid = ?", (article_pk,))
    _index_article(conn, article_pk, title, article.text)
    clear_extraction(conn, article_pk, touched)
    if extraction is not None:
        store_extraction(conn, article_pk, version, date, extraction, now, touched)
    return "updated"


def recount(conn: sqlite3.Connection, touched: set[int]) -> None:
    """Refresh the article and quote counts of the entities a batch touched."""
    conn.executemany(
        "UPDATE entities SET "
        "articles = (SELECT count(DISTINCT article) FROM article_entities WHERE entity = entities.id), "
        "quotes = (SELECT count(*) FROM quotes WHERE speaker_entity = entities.id) WHERE id = ?",
        [(n,) for n in sorted(touched)],
    )
