"""Numbered schema migrations for the SQLite store.

Each migration runs in its own transaction together with the row that records it in
``schema_migrations``, so a store is always at a whole version: a crash mid-migration leaves it
at the previous one. Migrations are only ever appended; a shipped one is never edited. A store
whose recorded version is newer than :data:`LATEST` was written by a newer Wortlaut and is
refused (W201) rather than misread.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from ..errors import SchemaVersionError
from .german import FTS_TOKENIZE


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[sqlite3.Connection], None]


def _statements(*sql: str) -> Callable[[sqlite3.Connection], None]:
    def run(conn: sqlite3.Connection) -> None:
        for statement in sql:
            conn.execute(statement)

    return run


_INITIAL = _statements(
    """CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL UNIQUE,
        source TEXT,
        url TEXT,
        title TEXT,
        date TEXT,
        latest_version INTEGER NOT NULL,
        first_ingested TEXT NOT NULL,
        last_ingested TEXT NOT NULL
    )""",
    "CREATE INDEX articles_date ON articles(date)",
    "CREATE INDEX articles_source_date ON articles(source, date)",
    """CREATE TABLE article_versions (
        id INTEGER PRIMARY KEY,
        article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        text TEXT NOT NULL,
        metadata TEXT NOT NULL,
        extraction TEXT,
        updated TEXT,
        ingested_at TEXT NOT NULL,
        UNIQUE (article, version)
    )""",
    "CREATE INDEX article_versions_hash ON article_versions(article, content_hash)",
    """CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        label TEXT NOT NULL,
        name TEXT NOT NULL,
        key TEXT NOT NULL,
        name_fold TEXT NOT NULL,
        geo TEXT,
        articles INTEGER NOT NULL DEFAULT 0,
        quotes INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX entities_key ON entities(key)",
    "CREATE INDEX entities_name ON entities(name_fold)",
    "CREATE INDEX entities_label_articles ON entities(label, articles)",
    """CREATE TABLE entity_index (
        label TEXT NOT NULL,
        token TEXT NOT NULL,
        entity INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        PRIMARY KEY (label, token, entity)
    ) WITHOUT ROWID""",
    "CREATE INDEX entity_index_token ON entity_index(token)",
    """CREATE TABLE article_entities (
        article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        local_id TEXT NOT NULL,
        entity INTEGER NOT NULL REFERENCES entities(id),
        name TEXT NOT NULL,
        reason TEXT NOT NULL,
        PRIMARY KEY (article, local_id)
    )""",
    "CREATE INDEX article_entities_entity ON article_entities(entity)",
    """CREATE TABLE mentions (
        id INTEGER PRIMARY KEY,
        article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        entity INTEGER NOT NULL REFERENCES entities(id),
        local_id TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        kind TEXT NOT NULL
    )""",
    "CREATE INDEX mentions_article ON mentions(article)",
    "CREATE INDEX mentions_entity ON mentions(entity, article)",
    """CREATE TABLE entity_roles (
        id INTEGER PRIMARY KEY,
        entity INTEGER NOT NULL REFERENCES entities(id),
        article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        title TEXT NOT NULL,
        date TEXT,
        start INTEGER,
        end INTEGER
    )""",
    "CREATE INDEX entity_roles_entity ON entity_roles(entity)",
    "CREATE INDEX entity_roles_article ON entity_roles(article)",
    """CREATE TABLE quotes (
        id INTEGER PRIMARY KEY,
        article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        idx INTEGER NOT NULL,
        type TEXT NOT NULL,
        medium TEXT,
        text TEXT NOT NULL,
        spans TEXT NOT NULL,
        speaker_text TEXT,
        speaker_name TEXT,
        speaker_fold TEXT,
        speaker_entity INTEGER REFERENCES entities(id),
        cue TEXT,
        addressee TEXT,
        confidence REAL
    )""",
    "CREATE INDEX quotes_article ON quotes(article)",
    "CREATE INDEX quotes_speaker ON quotes(speaker_entity)",
    "CREATE INDEX quotes_speaker_fold ON quotes(speaker_fold)",
    "CREATE INDEX quotes_type ON quotes(type)",
    """CREATE TABLE quote_entities (
        quote INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
        entity INTEGER NOT NULL REFERENCES entities(id),
        PRIMARY KEY (quote, entity)
    ) WITHOUT ROWID""",
    "CREATE INDEX quote_entities_entity ON quote_entities(entity)",
    """CREATE TABLE amounts (
        id INTEGER PRIMARY KEY,
        article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        value REAL,
        low REAL,
        high REAL,
        unit TEXT,
        counted TEXT,
        counted_key TEXT,
        approximate INTEGER NOT NULL,
        actor INTEGER REFERENCES entities(id),
        origin INTEGER REFERENCES entities(id),
        destination INTEGER REFERENCES entities(id),
        location INTEGER REFERENCES entities(id)
    )""",
    "CREATE INDEX amounts_article ON amounts(article)",
    "CREATE INDEX amounts_counted ON amounts(counted_key)",
    # Full-text indexes over the analyzed copies (see german.py); rowid = articles.id / quotes.id.
    f'CREATE VIRTUAL TABLE article_fts USING fts5(title, body, tokenize = "{FTS_TOKENIZE}")',
    f'CREATE VIRTUAL TABLE quote_fts USING fts5(body, tokenize = "{FTS_TOKENIZE}")',
)

#: Term statistics of the quote index, so that finding the same quotation elsewhere can look up
#: candidates by the quote's rarest words instead of all of them.
_QUOTE_VOCAB = _statements("CREATE VIRTUAL TABLE quote_vocab USING fts5vocab(quote_fts, row)")

#: FTS5 prefix indexes: a prefix query of exactly 2, 3 or 4 characters (``ab*``, ``ange*``) reads
#: one prepared doclist instead of merging those of every term that starts with it, which is the
#: costliest part of broad prefix searches. Longer prefixes match fewer terms and need none.
FTS_PREFIX = "2 3 4"


def _rebuild_fts(table: str, columns: str) -> Callable[[sqlite3.Connection], None]:
    """Copy an FTS5 table into a new one with prefix indexes (its content is the analyzed text,
    so nothing is analyzed again), then take over its name."""

    def run(conn: sqlite3.Connection) -> None:
        conn.execute(
            f"CREATE VIRTUAL TABLE {table}_new USING fts5({columns}, "
            f"tokenize = \"{FTS_TOKENIZE}\", prefix = '{FTS_PREFIX}')"
        )
        conn.execute(f"INSERT INTO {table}_new (rowid, {columns}) SELECT rowid, {columns} FROM {table}")
        conn.execute(f"DROP TABLE {table}")
        conn.execute(f"ALTER TABLE {table}_new RENAME TO {table}")

    return run


def _prefix_indexes(conn: sqlite3.Connection) -> None:
    _rebuild_fts("article_fts", "title, body")(conn)
    _rebuild_fts("quote_fts", "body")(conn)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", _INITIAL),
    Migration(2, "quote term statistics", _QUOTE_VOCAB),
    Migration(3, "full-text prefix indexes", _prefix_indexes),
)
LATEST = MIGRATIONS[-1].version


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _ensure_table(conn: sqlite3.Connection) -> None:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )


def current_version(conn: sqlite3.Connection) -> int:
    """The highest migration recorded in the store (0 for a new or foreign file)."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
    ).fetchone()
    if not exists:
        return 0
    row = conn.execute("SELECT max(version) FROM schema_migrations").fetchone()
    return int(row[0] or 0)


def check_version(version: int, where: str) -> None:
    if version > LATEST:
        raise SchemaVersionError(
            f"the store has schema version {version}, this Wortlaut knows up to {LATEST}",
            where=where,
            hint="upgrade Wortlaut, or choose another store with --db",
        )


def migrate(conn: sqlite3.Connection, where: str, migrations: tuple[Migration, ...] = MIGRATIONS) -> int:
    """Apply every missing migration, each in its own transaction; returns the version reached.

    ``conn`` must be in autocommit mode (``isolation_level=None``) so the transactions here are
    the only ones."""
    version = current_version(conn)
    check_version(version, where)
    if version >= migrations[-1].version:
        return version  # up to date: take no write lock (another process may be ingesting)
    for migration in migrations:
        conn.execute("BEGIN IMMEDIATE")
        try:
            _ensure_table(conn)
            applied = current_version(conn)  # re-read under the write lock: another process may have migrated
            check_version(applied, where)
            if migration.version > applied:
                migration.apply(conn)
                conn.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (migration.version, migration.name, _now()),
                )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return current_version(conn)
