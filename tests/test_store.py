"""The SQLite store: schema and migrations, idempotent ingest, versions, corpus entities,
quotes across articles, timeline and stats — against real SQLite files."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from test_store_helpers import NATO_TEXT, article, extraction, filled_store, nato_items
from wortlaut.errors import NotFoundError, SchemaVersionError, StoreError
from wortlaut.store import migrations, open_store
from wortlaut.store.sqlite import SQLiteStore


def test_new_store_uses_wal_foreign_keys_and_records_its_migrations(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "w.db")
    conn = sqlite3.connect(tmp_path / "w.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    rows = conn.execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall()
    assert [r[0] for r in rows] == [m.version for m in migrations.MIGRATIONS]
    assert store.stats().schema_version == migrations.LATEST
    store.close()
    # opening again applies nothing twice
    SQLiteStore(tmp_path / "w.db").close()
    assert conn.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == len(migrations.MIGRATIONS)


def test_a_store_newer_than_the_code_is_refused(tmp_path: Path) -> None:
    SQLiteStore(tmp_path / "w.db").close()
    conn = sqlite3.connect(tmp_path / "w.db")
    conn.execute(
        "INSERT INTO schema_migrations VALUES (?, 'from the future', '2030-01-01')", (migrations.LATEST + 1,)
    )
    conn.commit()
    with pytest.raises(SchemaVersionError) as err:
        SQLiteStore(tmp_path / "w.db")
    assert err.value.code == "W201"
    with pytest.raises(SchemaVersionError):
        SQLiteStore(tmp_path / "w.db", read_only=True)


def test_a_failing_migration_leaves_the_previous_version(tmp_path: Path) -> None:
    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("boom")

    SQLiteStore(tmp_path / "w.db").close()
    conn = sqlite3.connect(tmp_path / "w.db", isolation_level=None)
    extra = (*migrations.MIGRATIONS, migrations.Migration(migrations.LATEST + 1, "broken", broken))
    with pytest.raises(RuntimeError):
        migrations.migrate(conn, "test", extra)
    assert migrations.current_version(conn) == migrations.LATEST
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").fetchone()[0] == 0


def test_read_only_store_needs_an_existing_file_and_refuses_writes(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError):
        open_store(tmp_path / "missing.db", read_only=True)
    filled_store(tmp_path / "w.db").close()
    ro = open_store(tmp_path / "w.db", read_only=True)
    assert ro.stats().articles == 3
    with pytest.raises(StoreError):
        ro.ingest_batch(nato_items()[:1])
    ro.close()


def test_a_file_that_is_not_a_store_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a Wortlaut store"):
        SQLiteStore(bad)


def test_same_article_twice_is_stored_once(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "w.db")
    items = nato_items()
    assert store.ingest_batch(items) == ["added", "added", "added"]
    assert store.ingest_batch(items) == ["unchanged"] * 3
    stats = store.stats()
    assert (stats.articles, stats.versions, stats.quotes) == (3, 3, 4)
    assert store.known("nato-1", items[0][0].content_hash())
    assert not store.known("nato-1", "0" * 64)


def test_changed_text_is_a_new_version_and_replaces_extracted_rows(tmp_path: Path) -> None:
    store = filled_store(tmp_path / "w.db")
    old = nato_items()[0][0]
    text2 = NATO_TEXT.replace("rund 100.000 Soldaten", "rund 120.000 Soldaten")
    new = replace(old, text=text2, updated="2022-03-16T18:00:00+01:00")
    ex2 = extraction(
        new,
        entities=[("Jens Stoltenberg", "PER", ["Jens Stoltenberg"])],
        quotes=[("man werde die Lage genau beobachten", "Jens Stoltenberg", "indirect")],
        amounts=[("rund 120.000 Soldaten", 120000, "Soldaten")],
    )
    assert store.ingest_batch([(new, ex2)]) == ["updated"]
    stored = store.get_article("nato-1")
    assert stored is not None
    assert stored.version == 2 and [v.version for v in stored.versions] == [1, 2]
    assert stored.versions[1].updated == "2022-03-16T18:00:00+01:00"
    assert stored.article.text == text2
    assert [q.type for q in store.quotes(article_id="nato-1")] == ["indirect"]
    values = [r["value"] for r in store.export_rows("amounts") if r["article_id"] == "nato-1"]
    assert values == [120000]
    first = store.get_article("nato-1", version=1)
    assert first is not None and "100.000" in first.article.text and first.extraction is not None
    assert len(first.extraction.quotes) == 2
    assert first.entity_links["E0"] == stored.entity_links["E0"]
    assert store.get_article("nato-1", version=3) is None
    # the old version's text is no longer what search finds for the article
    from wortlaut.store.base import SearchQuery

    assert store.search(SearchQuery(text='"120.000 Soldaten"', kind="articles")).total == 1
    assert store.search(SearchQuery(text='"100.000 Soldaten"', kind="articles")).total == 0
    # and the same text again, now as it was first, is not a third version
    assert store.ingest_batch([(old, None)]) == ["unchanged"]


def test_a_bad_item_rolls_back_the_whole_batch(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "w.db")
    good = nato_items()[0]
    bad_article = article("bad", "Ein anderer Text.")
    bad = (bad_article, replace(good[1], id="bad"))  # extraction of another text
    with pytest.raises(StoreError, match="another text") as err:
        store.ingest_batch([good, bad])
    assert "bad" in str(err.value)
    assert store.stats().articles == 0
    assert store.ingest_batch([good]) == ["added"]


def test_text_stored_without_extraction_gets_it_later(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "w.db")
    art, ex = nato_items()[0]
    assert store.ingest_batch([(art, None)]) == ["added"]
    assert store.quotes(article_id="nato-1") == []
    assert store.ingest_batch([(art, ex)]) == ["unchanged"]
    assert len(store.quotes(article_id="nato-1")) == 2
    assert store.stats().versions == 1


def test_get_article_round_trips_article_and_extraction(tmp_path: Path) -> None:
    store = filled_store(tmp_path / "w.db")
    art, ex = nato_items()[0]
    stored = store.get_article("nato-1")
    assert stored is not None
    assert stored.article == art
    assert stored.extraction is not None and stored.extraction.to_dict() == ex.to_dict()
    assert set(stored.entity_links) == {"E0", "E1", "E2"}
    assert store.get_article("nope") is None


def test_entities_are_merged_across_articles_with_reasons(tmp_path: Path) -> None:
    store = filled_store(tmp_path / "w.db")
    links1 = store.get_article("nato-1").entity_links  # type: ignore[union-attr]
    links2 = store.get_article("ro-1").entity_links  # type: ignore[union-attr]
    assert links1["E0"] == links2["E0"]  # Jens Stoltenberg in both
    assert links1["E2"] == links2["E2"]  # Ukraine in both
    found = store.find_entity("Jens Stoltenberg")
    assert found is not None and found.id == links1["E0"]
    assert found.articles == 2 and found.quotes == 3
    assert store.find_entity("stoltenberg") == found  # by last name, folded
    assert store.find_entity(found.id) == found
    assert store.find_entity("Niemand") is None
    profile = store.entity_profile(found.id)
    assert profile is not None
    assert len(profile.quotes) == 3
    assert {a for a, _, _ in profile.articles} == {"nato-1", "ro-1"}
    assert profile.roles == [("NATO-Generalsekretär", "2022-03-16", "nato-1")]
    assert any("first seen" in m for m in profile.merges) and any("same name" in m for m in profile.merges)
    assert ("Jens Stoltenberg", 1) in profile.aliases
    about = {s.name: n for s, n in profile.about}
    assert about == {"Ukraine": 2}


def test_entity_listing_by_label_and_prefix(tmp_path: Path) -> None:
    store = filled_store(tmp_path / "w.db")
    places = store.entities(label="LOC")
    assert [e.name for e in places][0] == "Ukraine"  # two articles: first
    assert {e.name for e in places} == {"Ukraine", "Rumänien", "Hamburg"}
    assert [e.name for e in store.entities(prefix="rum")] == ["Rumänien"]
    assert [e.name for e in store.entities(prefix="Stolt")] == ["Jens Stoltenberg"]  # last name
    assert len(store.entities(limit=2)) == 2


def test_quotes_by_speaker_and_article(tmp_path: Path) -> None:
    store = filled_store(tmp_path / "w.db")
    rows = store.quotes(speaker="Jens Stoltenberg")
    assert len(rows) == 3
    assert rows[0].article_id == "ro-1"  # newest first
    assert all(r.speaker_entity and r.speaker_name == "Jens Stoltenberg" for r in rows)
    assert [r.type for r in store.quotes(article_id="nato-1")] == ["direct", "indirect"]
    assert store.quotes(speaker="Anna Weber")[0].text.startswith('"Die Straße')
    assert len(store.quotes(limit=2)) == 2 and len(store.quotes(offset=3)) == 1


def test_same_quote_finds_the_quotation_in_other_articles(tmp_path: Path) -> None:
    store = filled_store(tmp_path / "w.db")
    nato_direct = store.quotes(article_id="nato-1")[0]
    same = store.same_quote(nato_direct.id)
    assert same[0].id == nato_direct.id and same[0].similarity == 1.0
    assert [r.article_id for r in same[1:]] == ["ro-1"]
    assert same[1].similarity == 1.0
    indirect = store.quotes(article_id="nato-1")[1]
    assert [r.id for r in store.same_quote(indirect.id)] == [indirect.id]
    assert store.same_quote(999_999) == []


def test_timeline_counts_articles_and_quotes_per_day_and_week(tmp_path: Path) -> None:
    store = filled_store(tmp_path / "w.db")
    days = store.timeline(text="Flugverbotszone")
    assert [(p.bucket, p.articles, p.quotes) for p in days] == [("2022-03-16", 1, 1), ("2022-03-17", 1, 1)]
    weeks = store.timeline(bucket="week")
    assert [(p.bucket, p.articles, p.quotes) for p in weeks] == [("2022-03-14", 3, 4)]
    by_entity = store.timeline(entity="Jens Stoltenberg")
    assert [(p.articles, p.quotes) for p in by_entity] == [(1, 2), (1, 1)]
    assert store.timeline(entity="Niemand") == []
    gaps = store.timeline()
    assert [p.bucket for p in gaps] == ["2022-03-16", "2022-03-17", "2022-03-18", "2022-03-19", "2022-03-20"]


def test_stats_show_path_and_counts(tmp_path: Path) -> None:
    store = filled_store(tmp_path / "w.db")
    s = store.stats()
    assert s.path == str((tmp_path / "w.db").resolve())
    assert (s.articles, s.quotes, s.entities, s.amounts) == (3, 4, 6, 3)
    assert s.sources == [("testpresse", 2), ("nachrichten", 1)]
    assert (s.first_date, s.last_date) == ("2022-03-16", "2022-03-20")
    assert s.quotes_by_type == {"direct": 3, "indirect": 1}


def test_store_is_usable_from_another_thread(tmp_path: Path) -> None:
    import threading

    store = filled_store(tmp_path / "w.db")
    seen: list[int] = []
    thread = threading.Thread(target=lambda: seen.append(store.stats().articles))
    thread.start()
    thread.join()
    assert seen == [3]


def test_same_quote_tolerates_changed_and_shortened_wording(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "w.db")
    base = "Wir werden die Ostflanke der Allianz mit zusätzlichen Truppen dauerhaft stärken"
    variants = {
        "orig": f'Sie sagte: "{base}."',
        "reworded": 'Sie sagte: "Wir werden die Ostflanke des Bündnisses mit zusätzlichen Truppen dauerhaft stärken."',
        "short": 'Sie sagte, man werde "die Ostflanke der Allianz mit zusätzlichen Truppen" stärken.',
        "other": 'Sie sagte: "Die Allianz berät am Donnerstag über zusätzliche Hilfen."',
    }
    quotes = {
        "orig": f'"{base}."',
        "reworded": '"Wir werden die Ostflanke des Bündnisses mit zusätzlichen Truppen dauerhaft stärken."',
        "short": '"die Ostflanke der Allianz mit zusätzlichen Truppen"',
        "other": '"Die Allianz berät am Donnerstag über zusätzliche Hilfen."',
    }
    items = []
    for aid, text in variants.items():
        art = article(aid, text)
        items.append((art, extraction(art, quotes=[(quotes[aid], None, "direct")])))
    store.ingest_batch(items)
    ref = store.quotes(article_id="orig")[0]
    found = {r.article_id: r.similarity for r in store.same_quote(ref.id)}
    assert set(found) == {"orig", "reworded", "short"}
    assert found["orig"] == 1.0 and 0.5 <= found["reworded"] < 1.0  # type: ignore[operator]


def test_articles_are_filed_under_their_most_precise_date() -> None:
    from wortlaut.store.sqlite_write import article_date

    assert (
        article_date(article("a", "x", date="2022-03", updated="2022-03-16T14:05:00+01:00")) == "2022-03-16"
    )
    assert article_date(article("a", "x", date="2022-03")) == "2022-03"
    assert article_date(article("a", "x", date=None, published="2021-12-31T23:00:00Z")) == "2021-12-31"
    assert article_date(article("a", "x", date="gestern")) is None


def test_opening_an_up_to_date_store_does_not_wait_for_a_writer(tmp_path: Path) -> None:
    filled_store(tmp_path / "w.db").close()
    writer = sqlite3.connect(tmp_path / "w.db", isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # e.g. an ingest in another process, mid-batch
    try:
        store = SQLiteStore(tmp_path / "w.db")
        assert store.stats().articles == 3
        store.close()
    finally:
        writer.execute("ROLLBACK")


def test_an_older_store_is_migrated_on_open_and_keeps_its_data(tmp_path: Path) -> None:
    filled_store(tmp_path / "w.db").close()
    conn = sqlite3.connect(tmp_path / "w.db", isolation_level=None)
    conn.execute("DROP TABLE quote_vocab")  # as a store written before migration 2 was
    conn.execute("DELETE FROM schema_migrations WHERE version >= 2")
    with pytest.raises(SchemaVersionError, match="open it once for writing"):
        SQLiteStore(tmp_path / "w.db", read_only=True)
    store = SQLiteStore(tmp_path / "w.db")
    assert store.stats().schema_version == migrations.LATEST and store.stats().articles == 3
    quote = store.quotes(article_id="nato-1")[0]
    assert len(store.same_quote(quote.id)) == 2  # uses the table migration 2 created
