"""The SpkAtt reader (training/spkatt_reader.py): mapping to the Wikinews quotation scheme.

The speech below is written for this test in SpkAtt's file format; no corpus text is used.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))

spkatt_reader = pytest.importorskip("spkatt_reader")

SENTENCES = [
    ["Der", "Minister", "hat", "gesagt", ",", "die", "Bahn", "werde", "pünktlicher", "."],
    ["Sie", "hat", "von", "einem", "Wendepunkt", "gesprochen", "."],
    ["Frau", "Müller", "rief", ":", "„", "Das", "reicht", "nicht", "!", "“"],
    ["Wir", "glauben", "nicht", ",", "dass", "das", "hilft", "."],
    ["Das", "Wetter", "war", "gut", "."],
]
ANNOTATIONS = [
    {"Cue": ["0:3"], "Source": ["0:0", "0:1"], "Message": ["0:5", "0:6", "0:7", "0:8"], "Addr": []},
    {"Cue": ["1:5"], "Source": ["1:0"], "Message": ["1:2", "1:3", "1:4"], "Addr": []},
    {"Cue": ["2:2"], "Source": ["2:0", "2:1"], "Message": ["2:5", "2:6", "2:7", "2:8"], "Topic": []},
    {"Cue": ["3:1"], "Source": ["3:0"], "Message": ["3:4", "3:5", "3:6"], "PTC": []},
]


def raw() -> dict[str, object]:
    return {
        "Sentences": [{"SentenceId": i, "Tokens": t} for i, t in enumerate(SENTENCES)],
        "Annotations": ANNOTATIONS,
    }


def texts(doc: dict[str, object], role: dict[str, list[dict[str, int]]]) -> list[str]:
    text = str(doc["originalText"])
    return [text[s["charBegin"] : s["charEnd"]] for s in role["spans"]]


def test_text_is_spaced_as_printed() -> None:
    text, offsets = spkatt_reader.join_tokens(SENTENCES)
    assert text.startswith("Der Minister hat gesagt, die Bahn werde pünktlicher. Sie hat")
    assert "rief: „Das reicht nicht!“ Wir" in text
    b, e = offsets[2, 5]
    assert text[b:e] == "Das"


def test_clausal_message_is_indirect_with_roles_and_frame() -> None:
    m = spkatt_reader.map_speech(raw())
    first = m.doc["annotations"][0]
    assert first["type"] == "Indirect"
    assert texts(m.doc, first["quote"]) == ["die Bahn werde pünktlicher"]
    assert texts(m.doc, first["speaker"]) == ["Der Minister"]
    assert texts(m.doc, first["cue"]) == ["gesagt"]
    # the frame: the attributing sentence outside the message
    assert texts(m.doc, first["frame"]) == ["Der Minister hat gesagt,", "."]


def test_quoted_message_is_direct_with_its_marks() -> None:
    m = spkatt_reader.map_speech(raw())
    direct = [a for a in m.doc["annotations"] if a["type"] == "Direct"]
    assert len(direct) == 1
    assert texts(m.doc, direct[0]["quote"]) == ["„Das reicht nicht!“"]


def test_subordinate_clause_is_indirect() -> None:
    m = spkatt_reader.map_speech(raw())
    assert [texts(m.doc, a["quote"]) for a in m.doc["annotations"]][-1] == ["dass das hilft"]


def test_nominal_message_drops_its_sentence() -> None:
    m = spkatt_reader.map_speech(raw())
    assert len(m.doc["annotations"]) == 3
    text = m.doc["originalText"]
    assert [text[b:e] for b, e in m.drop] == ["Sie hat von einem Wendepunkt gesprochen."]


def test_cue_without_message_drops_its_sentence() -> None:
    data = raw()
    data["Annotations"] = [{"Cue": ["4:2"], "Source": ["4:0", "4:1"], "Message": []}]
    m = spkatt_reader.map_speech(data)
    assert m.doc["annotations"] == []
    assert [m.doc["originalText"][b:e] for b, e in m.drop] == ["Das Wetter war gut."]


def test_trainer_keeps_runs_of_clean_sentences() -> None:
    train_quotes = pytest.importorskip("train_quotes")
    offsets = [(0, 3), (4, 8), (9, 10), (11, 14), (15, 16), (17, 20), (21, 22)]
    starts = [0, 3, 5]
    # the second sentence (tokens 3-4, chars 11-16) is dropped
    assert train_quotes.kept_pieces(offsets, starts, [(11, 16)]) == [(0, 3), (5, 7)]
    assert train_quotes.kept_pieces(offsets, starts, []) == [(0, 7)]


def test_strict_mapping_keeps_speech_cues_only() -> None:
    data = raw()
    # "glauben" is a belief, not a speech act: not in this cue lexicon
    m = spkatt_reader.map_speech(data, cue_stems=frozenset({"gesag", "sag", "rief"}))
    kinds = [(a["type"], texts(m.doc, a["quote"])) for a in m.doc["annotations"]]
    assert kinds == [("Indirect", ["die Bahn werde pünktlicher"]), ("Direct", ["„Das reicht nicht!“"])]
    text = m.doc["originalText"]
    assert "Wir glauben nicht, dass das hilft." in [text[b:e] for b, e in m.drop]


def test_strict_mapping_drops_unannotated_quotation_marks() -> None:
    data = raw()
    data["Sentences"][4]["Tokens"] = ["Das", "„", "Wetter", "“", "war", "gut", "."]  # type: ignore[index]
    loose = spkatt_reader.map_speech(data)
    strict = spkatt_reader.map_speech(data, cue_stems=frozenset({"gesag", "rief", "glaub"}))
    last = "Das „Wetter“ war gut."
    text = strict.doc["originalText"]
    assert last in text
    assert last not in [text[b:e] for b, e in loose.drop]
    assert last in [text[b:e] for b, e in strict.drop]
