"""The medium of a quotation from its cue: the learned table and the packaged one."""

from __future__ import annotations

import pytest

from wortlaut.nlp.quote_medium import (
    MediumCue,
    learn_medium_cues,
    medium_of,
    table_from_json,
    table_to_json,
)
from wortlaut.nlp.quote_model import shared_model


@pytest.fixture(scope="module")
def packaged() -> dict[str, MediumCue]:
    return shared_model().media


def test_packaged_table_reads_common_cues(packaged: dict[str, MediumCue]) -> None:
    assert packaged, "lexicons.json lacks medium_cues: run training/train_quotes.py --medium-only"
    assert medium_of("schrieb", packaged) == "writing"
    assert medium_of("sagte", packaged) == "speech"
    assert medium_of("schrieb er in einem Brief", packaged) == "writing"


def test_unknown_or_missing_cue_is_speech(packaged: dict[str, MediumCue]) -> None:
    assert medium_of("quakte", packaged) == "speech"
    assert medium_of(None, packaged) == "speech"
    assert medium_of("", packaged) == "speech"


def test_learning_keeps_only_clear_well_supported_words() -> None:
    data = [
        ("schrieb", "Writing"),
        ("schrieb er", "Writing"),
        ("Er schrieb", "Writing"),
        ("meinte", "Speech"),
        ("meinte", "Writing"),
        ("meinte", "Thought"),
        ("hofft", "ST"),
        ("hofft", "ST"),
        ("glaubt", "ST"),
        ("notierte", "none"),
        ("notierte", "none"),
        ("notierte", "none"),
    ]
    table = learn_medium_cues(data, min_count=3, min_share=0.6)
    assert table["schrieb"] == MediumCue("writing", 1.0, 3)
    assert "meinte" not in table  # no clear majority
    assert "hofft" not in table  # too rare
    assert "notierte" not in table  # no medium annotated
    assert "er" not in table  # only two cues


def test_most_telling_word_wins() -> None:
    table = {
        "mit": MediumCue("speech", 0.6, 60),
        "pressemitteilung": MediumCue("writing", 0.9, 10),
    }
    assert medium_of("teilte in einer Pressemitteilung mit", table) == "writing"
    assert medium_of("teilte mit", table) == "speech"


def test_json_round_trip() -> None:
    table = {"schrieb": MediumCue("writing", 1.0, 16)}
    assert table_from_json(table_to_json(table)) == table
    assert table_from_json(None) == {}


def _component_media(text: str) -> list[str | None]:
    import spacy

    from wortlaut.nlp import quotes  # noqa: F401  (registers the factory)

    nlp = spacy.blank("de")
    nlp.add_pipe("wortlaut_quotes_v1")
    doc = nlp.make_doc(text)
    doc._.wl_entities = []
    return [q.medium for q in nlp(doc)._.wl_quotes]


def test_component_sets_medium_from_cue() -> None:
    assert _component_media("Der Minister schrieb: „Wir werden das Gesetz ändern.“ Dann ging er.") == [
        "writing"
    ]
    assert _component_media("Der Minister sagte: „Wir werden das Gesetz ändern.“ Dann ging er.") == ["speech"]
