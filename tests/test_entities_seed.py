"""The reference article: all 16 gold entities with their canonical names, no person split in two."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import shared_path
from wortlaut.article import Article
from wortlaut.contract import Extraction
from wortlaut.extract import extract
from wortlaut.readers import read


@pytest.fixture(scope="module")
def seed() -> tuple[Extraction, dict]:
    txt = shared_path("seed", "000_f9ffb56e64ea0352.txt")
    gold = json.loads(shared_path("seed", "000_f9ffb56e64ea0352.gold.json").read_text("utf-8"))
    articles = [r for r in read(Path(txt)) if isinstance(r, Article)]
    assert len(articles) == 1, "the seed reader should yield one article"
    assert articles[0].text == gold["text"]
    return extract(articles[0]), gold


def test_every_gold_entity_is_found_with_its_canonical_name(seed: tuple[Extraction, dict]) -> None:
    ex, gold = seed
    found = {(e.label, e.name) for e in ex.entities}
    missing = [(g["label"], g["name"]) for g in gold["entities"] if (g["label"], g["name"]) not in found]
    assert missing == []


def test_gold_mentions_belong_to_the_right_entity(seed: tuple[Extraction, dict]) -> None:
    ex, gold = seed
    words = {(m.start, m.end): e.name for e in ex.entities for m in e.mentions if m.kind == "word"}
    wrong = [
        (m["text"], g["name"], words.get((m["start"], m["end"])))
        for g in gold["entities"]
        for m in g["mentions"]
        if words.get((m["start"], m["end"])) != g["name"]
    ]
    assert wrong == []


def test_no_person_is_split_in_two(seed: tuple[Extraction, dict]) -> None:
    ex, _ = seed
    people = [e for e in ex.entities if e.label == "PER"]
    surnames = [e.name.split()[-1] for e in people]
    assert len(surnames) == len(set(surnames))
    assert all(len(e.name.split()) >= 2 for e in people)


def test_roles_and_places(seed: tuple[Extraction, dict]) -> None:
    ex, _ = seed
    ents = {e.name: e for e in ex.entities}
    assert "NATO-Generalsekretär" in [r.title for r in ents["Jens Stoltenberg"].roles]
    assert "Botschafterin bei der NATO" in [r.title for r in ents["Julianne Smith"].roles]
    geo = {n: (ents[n].geo or {}).get("country") for n in ("Brüssel", "Moskau", "Rumänien", "Ukraine", "USA")}
    assert geo == {"Brüssel": "BE", "Moskau": "RU", "Rumänien": "RO", "Ukraine": "UA", "USA": "US"}
    kinds = {(m.text, m.kind) for m in ents["Russland"].mentions}
    assert ("russischen", "derived") in kinds
    assert ("NATO", "part") in {(m.text, m.kind) for m in ents["NATO"].mentions}
