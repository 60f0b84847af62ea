"""The entity component on hand-written German news: names, canonical names, parts, roles, zones."""

from __future__ import annotations

from wortlaut.article import Article, ZoneSpan
from wortlaut.contract import Entity
from wortlaut.extract import extract
from wortlaut.nlp.pipeline import build_pipeline


def article(*paragraphs: str, byline: str | None = None, header: str | None = None) -> Article:
    parts: list[tuple[str, str]] = []
    if header:
        parts.append((header, "header"))
    if byline:
        parts.append((byline, "byline"))
    parts.extend((p, "body") for p in paragraphs)
    text, zones, pos = "", [], 0
    for chunk, zone in parts:
        zones.append(ZoneSpan(pos, pos + len(chunk), zone))  # type: ignore[arg-type]
        text += chunk + "\n\n"
        pos = len(text)
    return Article(id="t", text=text, zones=zones)


def by_name(entities: list[Entity]) -> dict[str, Entity]:
    return {e.name: e for e in entities}


def test_surname_and_title_mentions_join_the_full_name() -> None:
    ex = extract(
        article(
            "Die Antwort von NATO-Generalsekretär Jens Stoltenberg fiel deutlich aus.",
            "Man werde die Truppenpräsenz überdenken, so Stoltenberg.",
            "Das könne ein Vorwand sein, so Generalsekretär Stoltenberg.",
        )
    )
    people = [e for e in ex.entities if e.label == "PER"]
    assert [p.name for p in people] == ["Jens Stoltenberg"]
    words = [m.text for m in people[0].mentions if m.kind == "word"]
    assert words == ["Jens Stoltenberg", "Stoltenberg", "Stoltenberg"]
    assert people[0].key == "PER:jens stoltenberg"
    assert "NATO-Generalsekretär" in [r.title for r in people[0].roles]


def test_genitive_names_the_same_person() -> None:
    ex = extract(
        article(
            "Um Putins Militärmaschine zu schlagen, braucht es mehr.",
            "Der Angriffskrieg des russischen Präsidenten Wladimir Putin dauert an.",
            "Putin habe das auch schon in Syrien gemacht.",
        )
    )
    putin = by_name(ex.entities)["Wladimir Putin"]
    assert [m.text for m in putin.mentions] == ["Putins", "Wladimir Putin", "Putin"]
    assert [r.title for r in putin.roles] == ["Präsident"]
    assert (
        ex.entities[0].id == "E0" and ex.entities[0].name == "Wladimir Putin"
    )  # ids in order of first mention


def test_compound_part_and_derived_adjective_link_to_their_entity() -> None:
    ex = extract(
        article(
            "Die NATO will nicht eingreifen. Die NATO-Verteidigungsminister beraten in Brüssel.",
            "Russland bestreitet den russischen Angriff.",
        )
    )
    ents = by_name(ex.entities)
    nato = ents["NATO"]
    assert {m.kind for m in nato.mentions} == {"word", "part"}
    part = next(m for m in nato.mentions if m.kind == "part")
    assert ex.text[part.start : part.end] == "NATO"
    russia = ents["Russland"]
    assert [(m.text, m.kind) for m in russia.mentions] == [("Russland", "word"), ("russischen", "derived")]
    assert "NATO-Verteidigungsminister" not in ents


def test_appositive_role_with_its_complement() -> None:
    ex = extract(
        article(
            "Die US-amerikanische Botschafterin bei der NATO, Julianne Smith, kündigte weitere Maßnahmen an.",
            '"Wir werden reden", so Smith.',
        )
    )
    smith = by_name(ex.entities)["Julianne Smith"]
    assert [r.title for r in smith.roles] == ["Botschafterin bei der NATO"]
    assert len([m for m in smith.mentions if m.kind == "word"]) == 2


def test_two_people_sharing_a_surname_stay_two() -> None:
    ex = extract(
        article(
            "Die Botschafterin Julianne Smith traf den Ökonomen Adam Smith in Berlin.",
        )
    )
    names = sorted(e.name for e in ex.entities if e.label == "PER")
    assert names == ["Adam Smith", "Julianne Smith"]


def test_places_carry_geonames_records() -> None:
    ex = extract(article("Frankreich verlegt etwa 3000 Soldaten nach Rumänien. Der Druck auf Moskau steigt."))
    ents = by_name(ex.entities)
    assert ents["Moskau"].geo is not None and ents["Moskau"].geo["country"] == "RU"
    assert ents["Moskau"].geo["geonameid"] == 524901
    assert ents["Rumänien"].geo is not None and ents["Rumänien"].geo["country"] == "RO"
    assert ents["Frankreich"].label == "LOC"


def test_names_are_only_looked_for_in_name_zones() -> None:
    art = article("Angela Merkel besuchte Paris.", header="Olaf Scholz in Hamburg")
    ex = extract(art)
    names = {e.name for e in ex.entities}
    assert "Olaf Scholz" not in names and "Hamburg" not in names
    assert "Angela Merkel" in names


def test_byline_names_are_found() -> None:
    ex = extract(article("Die Minister beraten.", byline="Von Helga Schmidt, ARD-Studio Brüssel"))
    ents = by_name(ex.entities)
    assert "Helga Schmidt" in ents
    assert ents["ARD"].label == "ORG"
    assert ents["ARD"].mentions[0].text == "ARD-Studio Brüssel"


def test_doc_ents_are_word_level_spans() -> None:
    nlp = build_pipeline()
    doc = nlp("NATO-Generalsekretär Jens Stoltenberg reiste nach Moskau.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Jens Stoltenberg", "PER"), ("Moskau", "LOC")]
    assert [e.id for e in doc._.wl_entities] == ["E0", "E1"]


def test_empty_and_nameless_texts() -> None:
    nlp = build_pipeline()
    component = nlp.get_pipe("wortlaut_entities_v1")
    assert component(nlp.make_doc(""))._.wl_entities == []
    assert component(nlp.make_doc("und dann war es still."))._.wl_entities == []
