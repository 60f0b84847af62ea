"""Across the corpus: the same person named in different ways in several articles is one entity;
two different Smiths stay two; every merge says why."""

from __future__ import annotations

from pathlib import Path

from wortlaut.article import Article, ZoneSpan
from wortlaut.contract import Entity
from wortlaut.extract import extract
from wortlaut.resolve.corpus import KnownEntity, Link, entity_key, fold, index_tokens, link


class Corpus:
    """What the store does with :func:`link`, in memory: known entities indexed by tokens."""

    def __init__(self) -> None:
        self.known: dict[str, KnownEntity] = {}
        self.index: dict[tuple[str, str], list[str]] = {}
        self.reasons: dict[str, list[str]] = {}

    def lookup(self, label: str, token: str) -> list[KnownEntity]:
        return [self.known[i] for i in self.index.get((label, token), [])]

    def add(self, entity: Entity) -> Link:
        result = link(entity, self.lookup)
        eid = result.entity_id
        if eid is None:
            eid = f"e{len(self.known) + 1}"
            self.known[eid] = KnownEntity(eid, entity.label, result.name, result.key)
            self._index(eid, entity.label, result.name)
        self._index(eid, entity.label, entity.name)
        self.reasons.setdefault(eid, []).append(result.reason)
        return Link(eid, result.key, result.name, result.reason)

    def _index(self, eid: str, label: str, name: str) -> None:
        for token in index_tokens(label, name):
            ids = self.index.setdefault((label, token), [])
            if eid not in ids:
                ids.append(eid)


def person(name: str) -> Entity:
    return Entity(id="E0", label="PER", name=name, key=entity_key("PER", name))


def test_keys_fold_case_accents_and_sharp_s() -> None:
    assert fold("  Jens   STOLTENBERG ") == "jens stoltenberg"
    assert entity_key("LOC", "Großbritannien") == entity_key("LOC", "GROSSBRITANNIEN")
    assert fold("Frédéric") == "frederic"
    assert index_tokens("PER", "Jens Stoltenberg") == ["jens stoltenberg", "stoltenberg"]


def test_surname_alone_joins_the_only_known_person_with_it() -> None:
    corpus = Corpus()
    first = corpus.add(person("Jens Stoltenberg"))
    later = corpus.add(person("Stoltenberg"))
    assert later.entity_id == first.entity_id
    assert later.name == "Jens Stoltenberg"
    assert "surname of only one known person" in later.reason


def test_two_smiths_stay_two_and_a_bare_smith_is_not_guessed() -> None:
    corpus = Corpus()
    julianne = corpus.add(person("Julianne Smith"))
    adam = corpus.add(person("Adam Smith"))
    assert julianne.entity_id != adam.entity_id
    bare = corpus.add(person("Smith"))
    assert bare.entity_id not in (julianne.entity_id, adam.entity_id)
    assert "several known persons" in bare.reason and "Adam Smith" in bare.reason


def test_initial_matches_the_written_out_first_name() -> None:
    corpus = Corpus()
    jens = corpus.add(person("Jens Stoltenberg"))
    assert corpus.add(person("J. Stoltenberg")).entity_id == jens.entity_id
    assert corpus.add(person("Erna Stoltenberg")).entity_id != jens.entity_id


def test_same_name_other_label_is_another_entity() -> None:
    corpus = Corpus()
    org = corpus.add(Entity(id="E0", label="ORG", name="Washington", key=entity_key("ORG", "Washington")))
    loc = corpus.add(Entity(id="E1", label="LOC", name="Washington", key=entity_key("LOC", "Washington")))
    assert org.entity_id != loc.entity_id


def article(aid: str, *paragraphs: str) -> Article:
    text = "\n\n".join(paragraphs)
    zones, pos = [], 0
    for p in paragraphs:
        zones.append(ZoneSpan(pos, pos + len(p), "body"))
        pos += len(p) + 2
    return Article(id=aid, text=text, zones=zones, date="2022-03-16")


ARTICLES = [
    article(
        "a",
        "NATO-Generalsekretär Jens Stoltenberg warnte Russland.",
        "Der russische Präsident Wladimir Putin schwieg.",
    ),
    article(
        "b", "Man werde die Präsenz überdenken, so Stoltenberg in Brüssel.", "Putins Berater widersprachen."
    ),
    article(
        "c", "Generalsekretär Stoltenberg traf die Botschafterin Julianne Smith.", "Smith lobte das Bündnis."
    ),
    article("d", "Der Ökonom Adam Smith wurde zitiert.", "Auch Präsident Putin reagierte nicht."),
]


def test_articles_link_through_extraction() -> None:
    corpus = Corpus()
    ids: dict[tuple[str, str], str] = {}
    for art in ARTICLES:
        for ent in extract(art).entities:
            linked = corpus.add(ent)
            assert linked.reason  # every link says why
            ids[(art.id, ent.name)] = linked.entity_id or ""
    stoltenberg = {ids[(a, n)] for (a, n) in ids if "Stoltenberg" in n}
    assert len(stoltenberg) == 1
    putin = {ids[(a, n)] for (a, n) in ids if "Putin" in n}
    assert len(putin) == 1
    assert ids[("c", "Julianne Smith")] != ids[("d", "Adam Smith")]


def test_store_explains_merges(tmp_path: Path) -> None:
    from wortlaut.store import open_store

    store = open_store(tmp_path / "w.db")
    try:
        store.ingest_batch([(art, extract(art)) for art in ARTICLES])
        found = store.find_entity("Jens Stoltenberg")
        assert found is not None and found.articles == 3
        profile = store.entity_profile(found.id)
        assert profile is not None
        assert any("surname of only one known person" in m for m in profile.merges)
        assert any(title == "NATO-Generalsekretär" for title, _, _ in profile.roles)
    finally:
        store.close()
