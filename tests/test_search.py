"""German full-text search: the analyzer, query syntax, filters, ranking, snippets, facets."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_store_helpers import article, filled_store
from wortlaut.errors import BadQueryError
from wortlaut.store.base import SearchQuery
from wortlaut.store.german import analyze, analyze_prefix, analyzed_text
from wortlaut.store.query import parse_query
from wortlaut.store.sqlite import SQLiteStore


# ---- the analyzer ---------------------------------------------------------------------------
def test_inflected_and_compound_forms_share_a_term() -> None:
    assert analyze("Flugverbotszonen") == analyze("Flugverbotszone") == analyze("FLUGVERBOTSZONE")
    assert analyze("Soldaten") == analyze("Soldat")


def test_umlauts_and_sharp_s_fold_the_same_way_in_every_spelling() -> None:
    assert analyze("Grüße") == analyze("Gruesse") == analyze("grüssen") == analyze("GRÜSSE")
    assert analyze("Straße") == analyze("Strasse")
    assert analyze("Häuser") == analyze("Haeuser")
    assert analyze("Café") == ["cafe"]
    assert all(t.isascii() for t in analyze("Größe Übermaß Ärger"))


def test_every_token_gives_exactly_one_term() -> None:
    text = "NATO-Generalsekretär sagte: 100.000 Soldaten, 3,5 Prozent – G7."
    assert analyze(text) == ["nato", "generalsekretar", "sagt", "100000", "soldat", "3_5", "prozent", "g7"]
    assert analyzed_text(text).split() == analyze(text)
    assert analyzed_text(None) == ""


def test_prefixes_match_words_that_start_with_them_and_nothing_wider() -> None:
    assert analyze_prefix("Flug") == (["flug"], [])
    prefixes, exact = analyze_prefix("Flugverbotszonen")
    assert "flugverbotszon" in exact  # the stem of the word itself is shorter than the prefix
    assert analyze_prefix("Gruesse") == (["gruesse"], ["gruss"])
    assert analyze_prefix("gere")[0] == ["gere"]  # not every "ger…"


# ---- query syntax ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        '"unclosed phrase',
        "OR nato",
        "nato OR",
        "-nato",
        "(nato",
        "nato)",
        "*",
        "!!! ???",
        "fl*ug",
        "nato (-krieg)",
    ],
)
def test_malformed_queries_raise_bad_query_error_with_a_message(text: str) -> None:
    with pytest.raises(BadQueryError) as err:
        parse_query(text)
    assert err.value.code == "W203" and err.value.message


def test_user_input_never_reaches_fts5_as_syntax() -> None:
    parsed = parse_query('NEAR(a b) nato:ukraine "x" ^start {col}')
    assert parsed is not None
    assert "NEAR(" not in parsed.fts and ":" not in parsed.fts and "^" not in parsed.fts


# ---- searching ------------------------------------------------------------------------------
@pytest.fixture
def store(tmp_path: Path) -> SQLiteStore:
    return filled_store(tmp_path / "w.db")


def ids(results: object) -> list[tuple[str, str]]:
    return [(h.kind, h.article_id) for h in results.hits]  # type: ignore[attr-defined]


def test_plural_query_finds_singular_text_in_articles_and_quotes(store: SQLiteStore) -> None:
    r = store.search(SearchQuery(text="Flugverbotszonen"))
    assert sorted(ids(r)) == [
        ("article", "nato-1"),
        ("article", "ro-1"),
        ("quote", "nato-1"),
        ("quote", "ro-1"),
    ]
    assert r.total == 4


def test_folded_spellings_find_each_other(store: SQLiteStore) -> None:
    for query in ("Gruesse", "grüßen", "GRÜSSE"):
        found = {h.article_id for h in store.search(SearchQuery(text=query, kind="articles")).hits}
        assert found == {"ro-1", "wetter-1"}
    assert store.search(SearchQuery(text="Strasse", kind="quotes")).hits[0].article_id == "wetter-1"


def test_phrase_needs_the_words_in_order(store: SQLiteStore) -> None:
    assert store.search(SearchQuery(text='"über der Ukraine"', kind="articles")).total == 2
    assert store.search(SearchQuery(text='"Ukraine über der"', kind="articles")).total == 0
    assert store.search(SearchQuery(text='"rund 100.000 Soldaten"', kind="articles")).total == 1


def test_prefix_query(store: SQLiteStore) -> None:
    assert {h.article_id for h in store.search(SearchQuery(text="Flug*", kind="articles")).hits} == {
        "nato-1",
        "ro-1",
    }
    assert store.search(SearchQuery(text="Bukar*", kind="articles")).total == 1
    assert store.search(SearchQuery(text="Zzz*", kind="articles")).total == 0
    assert store.search(SearchQuery(text="Flugverbotszonen*", kind="articles")).total == 2
    assert store.search(SearchQuery(text="Gruesse*", kind="quotes")).hits[0].article_id == "wetter-1"
    assert store.search(SearchQuery(text="Soldatenx*", kind="articles")).total == 0


def test_and_or_and_exclusion(store: SQLiteStore) -> None:
    assert store.search(SearchQuery(text="Ukraine Rumänien", kind="articles")).total == 1
    assert store.search(SearchQuery(text="Hamburg OR Bukarest", kind="articles")).total == 2
    r = store.search(SearchQuery(text="Flugverbotszone -Rumänien", kind="articles"))
    assert ids(r) == [("article", "nato-1")]
    assert store.search(SearchQuery(text="(Hamburg OR Bukarest) Soldaten", kind="articles")).total == 1


def test_date_and_source_filters(store: SQLiteStore) -> None:
    q = SearchQuery(text="Flugverbotszone", kind="articles", date_from="2022-03-17")
    assert ids(store.search(q)) == [("article", "ro-1")]
    q = SearchQuery(text="Flugverbotszone", kind="articles", date_to="2022-03-16")
    assert ids(store.search(q)) == [("article", "nato-1")]
    assert store.search(SearchQuery(date_from="2022-03", date_to="2022-03", kind="articles")).total == 3
    q = SearchQuery(text="Flugverbotszone", source="nachrichten")
    assert sorted(ids(store.search(q))) == [("article", "ro-1"), ("quote", "ro-1")]


def test_speaker_entity_and_type_filters(store: SQLiteStore) -> None:
    r = store.search(SearchQuery(kind="quotes", speaker="Jens Stoltenberg"))
    assert r.total == 3 and all(h.speaker_name == "Jens Stoltenberg" for h in r.hits)
    r = store.search(SearchQuery(kind="quotes", speaker="Jens Stoltenberg", quote_type="indirect"))
    assert [h.snippet.plain() for h in r.hits] == ["man werde die Lage genau beobachten"]
    assert store.search(SearchQuery(kind="articles", speaker="Anna Weber")).total == 1
    r = store.search(SearchQuery(kind="articles", entity="Rumänien"))
    assert ids(r) == [("article", "ro-1")]
    r = store.search(SearchQuery(kind="quotes", entity="Ukraine"))  # quotes that name Ukraine
    assert r.total == 2
    assert store.search(SearchQuery(entity="Niemand")).total == 0


def test_amount_filters(store: SQLiteStore) -> None:
    r = store.search(SearchQuery(kind="amounts", counted="Soldaten"))
    assert sorted(h.amount["value"] for h in r.hits) == [3000, 100000]  # type: ignore[index]
    r = store.search(SearchQuery(kind="amounts", counted="Soldat", min_value=5000))
    assert [h.article_id for h in r.hits] == ["nato-1"]
    assert r.hits[0].snippet.marked().count("[rund 100.000 Soldaten]") == 1
    r = store.search(SearchQuery(counted="soldaten", max_value=5000))  # amount filters imply amounts
    assert [h.kind for h in r.hits] == ["amount"] and r.hits[0].article_id == "ro-1"
    r = store.search(SearchQuery(text="Rumänien", kind="amounts"))
    assert [h.amount["text"] for h in r.hits] == ["etwa 3000 Soldaten"]  # type: ignore[index]
    assert r.facets["counted"] == [("Soldaten", 1)]


def test_bm25_ranks_more_and_denser_matches_higher(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "rank.db")
    filler = " ".join(f"Wort{i}" for i in range(60))
    store.ingest_batch(
        [
            (article("once", f"Die Zone wurde erwähnt. {filler}"), None),
            (article("often", "Zone, Zone und wieder Zone: eine Zone."), None),
            (article("title", f"Etwas anderes. {filler}", title="Zone"), None),
            (article("none1", "Nichts davon hier."), None),
            (article("none2", "Auch hier nicht."), None),
        ]
    )
    r = store.search(SearchQuery(text="Zonen", kind="articles"))
    order = [h.article_id for h in r.hits]
    assert order[0] == "often" and order.index("title") < order.index("once")
    assert [h.score for h in r.hits] == sorted((h.score for h in r.hits), reverse=True)


def test_snippets_mark_the_original_words(store: SQLiteStore) -> None:
    r = store.search(SearchQuery(text="Flugverbotszonen ukrainisch*", kind="quotes"))
    assert r.hits[0].snippet.marked() == '"Eine [Flugverbotszone] über der [Ukraine] wird es nicht geben."'
    r = store.search(SearchQuery(text='"genau beobachten"', kind="articles"))
    assert "[genau beobachten]" in r.hits[0].snippet.marked()
    r = store.search(SearchQuery(text="Flugverbotszone -Rumänien", kind="articles"))
    assert "[Rumänien]" not in r.hits[0].snippet.marked()


def test_snippet_of_a_long_text_is_a_window_around_the_hit(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "long.db")
    text = (
        "Vorspann. "
        + "Nichts passiert hier. " * 300
        + "Dann kam die Flugverbotszone zur Sprache. "
        + "Ende. " * 200
    )
    store.ingest_batch([(article("long", text), None)])
    snip = store.search(SearchQuery(text="Flugverbotszone")).hits[0].snippet
    assert snip.plain().startswith("…") and snip.plain().endswith("…")
    assert ("Flugverbotszone", True) in snip.segments
    assert len(snip.plain()) < 400


def test_empty_query_lists_newest_first_with_paging(store: SQLiteStore) -> None:
    r = store.search(SearchQuery(kind="articles"))
    assert [h.article_id for h in r.hits] == ["wetter-1", "ro-1", "nato-1"] and r.total == 3
    page = store.search(SearchQuery(kind="articles", limit=1, offset=1))
    assert [h.article_id for h in page.hits] == ["ro-1"] and page.total == 3
    both = store.search(SearchQuery())
    assert both.total == 7 and both.hits[0].date == "2022-03-20"


def test_facets_count_sources_speakers_and_types(store: SQLiteStore) -> None:
    r = store.search(SearchQuery(text="Flugverbotszone"))
    assert sorted(r.facets["sources"]) == [("nachrichten", 1), ("testpresse", 1)]
    assert r.facets["speakers"] == [("Jens Stoltenberg", 2)]
    assert r.facets["types"] == [("direct", 2)]
    assert store.search(SearchQuery(text="Flugverbotszone", facets=False)).facets == {}
    quotes = store.search(SearchQuery(text="Grüße", kind="quotes"))
    assert quotes.facets["sources"] == [("testpresse", 1)] and quotes.total == 1


@pytest.mark.parametrize(
    "query",
    [
        SearchQuery(text='"open'),
        SearchQuery(date_from="16.03.2022"),
        SearchQuery(quote_type="shouted"),
        SearchQuery(limit=0),
        SearchQuery(offset=-1),
        SearchQuery(kind="everything"),  # type: ignore[arg-type]
        SearchQuery(kind="amounts", min_value=10, max_value=1),
    ],
)
def test_bad_searches_raise_bad_query_error_never_sqlite_errors(
    store: SQLiteStore, query: SearchQuery
) -> None:
    with pytest.raises(BadQueryError):
        store.search(query)


def test_queries_matching_most_articles_are_listed_newest_first(
    store: SQLiteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wortlaut.store import sqlite_search

    ranked = store.search(SearchQuery(text="sagte", kind="articles"))  # 3 of 3, but few: BM25
    assert any(h.score != 0.0 for h in ranked.hits)
    monkeypatch.setattr(sqlite_search, "RANK_ALWAYS", 0)
    newest = store.search(SearchQuery(text="sagte", kind="articles"))
    assert [h.article_id for h in newest.hits] == ["wetter-1", "ro-1", "nato-1"]
    assert newest.total == 3 and all(h.score == 0.0 for h in newest.hits)
    rare = store.search(SearchQuery(text="Hamburg", kind="articles"))  # 1 of 3: still BM25
    assert rare.hits[0].score > 0
