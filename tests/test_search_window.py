"""Bounded search work: the ranking/facet window for broad queries, the two ranking paths,
snippets for the shown page only, and the prefix-index migration (see docs/store.md)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from test_store_helpers import filled_store
from wortlaut.store import migrations, sqlite_search
from wortlaut.store.base import SearchQuery
from wortlaut.store.german import FTS_TOKENIZE
from wortlaut.store.sqlite import SQLiteStore
from wortlaut.web import pages
from wortlaut.web.app import create_app


@pytest.fixture
def store(tmp_path: Path) -> SQLiteStore:
    return filled_store(tmp_path / "w.db")  # nato-1, ro-1, wetter-1 in that order; all say "sagte"


def test_a_broad_query_ranks_and_counts_facets_in_its_newest_window(
    store: SQLiteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sqlite_search, "WINDOW", 2)
    r = store.search(SearchQuery(text="sagte", kind="articles", limit=1))
    assert r.total == 3  # the total stays exact
    assert r.facet_sample == {"sources": 2}
    assert sum(n for _, n in r.facets["sources"]) == 2
    assert [h.article_id for h in r.hits][0] in ("ro-1", "wetter-1")  # the two added last
    assert r.hits[0].score > 0  # still BM25
    deep = store.search(SearchQuery(text="sagte", kind="articles", limit=1, offset=2))
    assert deep.total == 3 and deep.facet_sample == {}  # deeper than the window: all of them
    assert sum(n for _, n in deep.facets["sources"]) == 3


def test_within_the_window_facets_are_exact_and_unmarked(store: SQLiteStore) -> None:
    r = store.search(SearchQuery(text="sagte"))
    assert r.facet_sample == {}
    assert sum(n for _, n in r.facets["sources"]) == 3


def test_ranking_without_filters_equals_ranking_with_a_filter_that_keeps_everything(
    store: SQLiteStore,
) -> None:
    for kind in ("articles", "quotes", "all"):
        bare = store.search(SearchQuery(text="Flugverbotszone OR sagte", kind=kind))
        kept = store.search(SearchQuery(text="Flugverbotszone OR sagte", kind=kind, date_from="1900-01-01"))
        assert [(h.kind, h.article_id, h.quote_id) for h in bare.hits] == [
            (h.kind, h.article_id, h.quote_id) for h in kept.hits
        ]
        assert [round(h.score, 9) for h in bare.hits] == [round(h.score, 9) for h in kept.hits]
        assert bare.total == kept.total


def test_every_returned_hit_has_its_snippet_on_every_page(store: SQLiteStore) -> None:
    everything = store.search(SearchQuery(text="Flugverbotszone"))
    for offset in range(everything.total):
        page = store.search(SearchQuery(text="Flugverbotszone", limit=1, offset=offset))
        assert len(page.hits) == 1
        assert any(hit for _, hit in page.hits[0].snippet.segments), page.hits[0]


def test_the_fts_tables_carry_prefix_indexes_and_short_prefixes_still_match(store: SQLiteStore) -> None:
    conn = sqlite3.connect(store.path)
    for table in ("article_fts", "quote_fts"):
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
        assert f"prefix = '{migrations.FTS_PREFIX}'" in sql
    conn.close()
    for prefix in ("Fl*", "Flu*", "Flug*", "Flugv*"):
        r = store.search(SearchQuery(text=prefix, kind="articles"))
        assert {h.article_id for h in r.hits} >= {"nato-1", "ro-1"}, prefix


def test_a_store_without_prefix_indexes_is_migrated_and_finds_the_same(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    store = filled_store(path)
    before = store.search(SearchQuery(text="Flug* sagte"))
    store.close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    # as migration 2 left it: the same FTS tables without prefix indexes
    for table, columns in (("article_fts", "title, body"), ("quote_fts", "body")):
        conn.execute(f'CREATE VIRTUAL TABLE old_{table} USING fts5({columns}, tokenize = "{FTS_TOKENIZE}")')
        conn.execute(f"INSERT INTO old_{table} (rowid, {columns}) SELECT rowid, {columns} FROM {table}")
        conn.execute(f"DROP TABLE {table}")
        conn.execute(f"ALTER TABLE old_{table} RENAME TO {table}")
    conn.execute("DELETE FROM schema_migrations WHERE version >= 3")
    conn.execute("COMMIT")
    conn.close()
    migrated = SQLiteStore(path)
    assert migrated.schema_version == migrations.LATEST
    after = migrated.search(SearchQuery(text="Flug* sagte"))
    assert [(h.article_id, h.quote_id) for h in after.hits] == [
        (h.article_id, h.quote_id) for h in before.hits
    ]
    assert after.total == before.total > 0
    quote = migrated.quotes(article_id="nato-1")[0]
    assert migrated.same_quote(quote.id)  # the term statistics over quote_fts still answer
    migrated.close()


def test_the_search_page_says_when_facets_count_only_the_window(
    store: SQLiteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.close()
    with TestClient(create_app(Path(store.path))) as client:
        plain = client.get("/suche", params={"q": "sagte"}).text
        assert "zuletzt aufgenommenen Treffern" not in plain
        monkeypatch.setattr(sqlite_search, "WINDOW", 2)
        monkeypatch.setattr(pages, "PAGE_SIZE", 1)  # the window is never smaller than a page
        page = client.get("/suche", params={"q": "sagte", "art": "articles"})
        assert "gezählt in den 2 zuletzt aufgenommenen Treffern" in page.text
        api = client.get("/api/search", params={"q": "sagte", "kind": "articles", "limit": 1}).json()
        assert api["facet_sample"] == {"sources": 2} and api["total"] == 3
