"""``--model``: a user's own spaCy pipeline with an NER supplies the spans; Wortlaut still builds
canonical entities, roles and places from them."""

from __future__ import annotations

from pathlib import Path

import spacy

from wortlaut.nlp.pipeline import build_pipeline


def save_tiny_pipeline(path: Path) -> None:
    nlp = spacy.blank("de")
    ruler = nlp.add_pipe("entity_ruler", name="ner")  # named "ner": it plays the user's NER
    ruler.add_patterns(  # type: ignore[attr-defined]
        [
            {"label": "PERSON", "pattern": [{"TEXT": "Jens"}, {"TEXT": "Stoltenberg"}]},
            {"label": "PERSON", "pattern": "Stoltenberg"},
            {"label": "GPE", "pattern": "Moskau"},
            {"label": "DATE", "pattern": "Mittwoch"},
        ]
    )
    nlp.to_disk(path)


def test_user_ner_spans_are_used_and_mapped(tmp_path: Path) -> None:
    save_tiny_pipeline(tmp_path / "tiny")
    nlp = build_pipeline(str(tmp_path / "tiny"))
    assert nlp.get_pipe("wortlaut_entities_v1").use_existing_ents is True  # type: ignore[attr-defined]
    doc = nlp(
        "NATO-Generalsekretär Jens Stoltenberg reiste am Mittwoch nach Moskau. Dort sprach Stoltenberg."
    )
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Jens Stoltenberg", "PER"),
        ("Moskau", "LOC"),
        ("Stoltenberg", "PER"),
    ]
    ents = {e.name: e for e in doc._.wl_entities}
    assert set(ents) == {"Jens Stoltenberg", "Moskau"}  # DATE is not a name; the surname joins
    assert [r.title for r in ents["Jens Stoltenberg"].roles] == ["NATO-Generalsekretär"]
    assert ents["Moskau"].geo is not None and ents["Moskau"].geo["country"] == "RU"


def test_default_pipeline_uses_the_packaged_tagger() -> None:
    nlp = build_pipeline()
    assert nlp.get_pipe("wortlaut_entities_v1").use_existing_ents is False  # type: ignore[attr-defined]
