"""The seed article: all six gold amounts, with roles from the gold entities."""

from __future__ import annotations

import json

import spacy

from conftest import shared_path
from wortlaut.article import Article, ZoneSpan
from wortlaut.contract import Entity, Mention
from wortlaut.extract import make_doc
from wortlaut.nlp import amounts  # noqa: F401  (registers the factory)


def _seed() -> dict:
    return dict(json.loads(shared_path("seed", "000_f9ffb56e64ea0352.gold.json").read_text("utf-8")))


def _article(gold: dict) -> Article:
    """The seed with a header line, its boilerplate, and the rest as body."""
    text = gold["text"]
    header_end = text.index("\n")
    zones = [ZoneSpan(0, header_end, "header")]
    cursor = header_end + 1
    for block in gold["article"]["boilerplate"]:
        for s, e in block["spans"]:
            zones.append(ZoneSpan(cursor, s, "body"))
            zones.append(ZoneSpan(s, e, "boilerplate"))
            cursor = e
    zones.append(ZoneSpan(cursor, len(text), "body"))
    return Article(id=gold["id"], text=text, updated=gold["article"]["updated"], zones=zones)


def _run(gold: dict, with_entities: bool) -> spacy.tokens.Doc:
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("wortlaut_amounts_v1")
    doc = make_doc(nlp, _article(gold))
    if with_entities:
        doc._.wl_entities = [
            Entity(
                e["id"],
                e["label"],
                e["name"],
                [Mention(m["start"], m["end"], m["text"]) for m in e["mentions"]],
            )
            for e in gold["entities"]
        ]
    return nlp(doc)


def test_seed_amounts_match_the_gold_exactly() -> None:
    gold = _seed()
    doc = _run(gold, with_entities=False)
    got = [(a.start, a.end, a.text, a.value, a.unit, a.counted, a.approximate) for a in doc._.wl_amounts]
    want = [
        (g["start"], g["end"], g["text"], g["value"], g["unit"], g["counted"], g["approximate"])
        for g in gold["amounts"]
    ]
    assert got == want


def test_seed_troop_movements_name_actor_origin_destination_location() -> None:
    gold = _seed()
    names = {e["id"]: e["name"] for e in gold["entities"]}
    doc = _run(gold, with_entities=True)
    roles = {
        a.text: tuple(names.get(r) if r else None for r in (a.actor, a.origin, a.destination, a.location))
        for a in doc._.wl_amounts
    }
    assert roles["100.000 Soldaten"] == (None, "USA", None, "Europa")
    assert roles["etwa 3000 Soldaten"] == ("Frankreich", None, "Rumänien", None)
    assert roles["30 Mitgliedsländern"] == (None, None, None, None)


def test_seed_time_expressions_skip_the_header_and_resolve_seit_2014() -> None:
    doc = _run(_seed(), with_entities=False)
    assert [(t.text, t.begin, t.end_value) for t in doc._.wl_times] == [("seit 2014", "2014", None)]
