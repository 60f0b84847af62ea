"""The learned speaker chooser: candidates, features, and that the weights decide."""

from __future__ import annotations

import json
from pathlib import Path

from wortlaut.nlp.quote_assemble import Chunk, DraftQuote, assemble
from wortlaut.nlp.quote_model import default_dir
from wortlaut.nlp.speaker_choice import (
    FEATURES,
    Candidate,
    SpeakerChooser,
    candidates_of,
    features,
    load_chooser,
    noun_phrases,
)


def _sentence() -> tuple[list[str], list[str], list[str], list[Chunk]]:
    # Müller kritisierte die Pläne der Stadt , sie seien zu teuer .
    words = ["Müller", "kritisierte", "die", "Pläne", "der", "Stadt", ",", "sie", "seien", "zu", "teuer", "."]
    msg = ["O"] * 7 + ["B-IND", "I-IND", "I-IND", "I-IND", "O"]
    roles = ["O", "B-CUE", "B-SPK", "I-SPK", "I-SPK", "I-SPK"] + ["O"] * 6
    return words, msg, roles, [Chunk("PER", 0, 1)]


def test_candidates_are_tagged_chunks_names_and_noun_phrases() -> None:
    words, _, _, names = _sentence()
    q = DraftQuote(type="IND", spans=[(7, 11)])
    cands = candidates_of(words, q, [Chunk("SPK", 2, 6)], names, [0] * len(words))
    assert [(c.start, c.end, c.kind) for c in cands] == [(0, 1, "PER"), (2, 6, "SPK")]


def test_noun_phrases_skip_prepositions_and_the_message() -> None:
    # Der Sprecher sagte in der Halle : „ Die Lage ist ernst “ .
    words = [
        "Der",
        "Sprecher",
        "sagte",
        "in",
        "der",
        "Halle",
        ":",
        "„",
        "Die",
        "Lage",
        "ist",
        "ernst",
        "“",
        ".",
    ]
    q = DraftQuote(type="DIR", spans=[(7, 13)])
    assert noun_phrases(words, q, 0, len(words)) == [(0, 2)]


def test_features_say_where_a_candidate_stands() -> None:
    words, _, roles, _ = _sentence()
    q = DraftQuote(type="IND", spans=[(7, 11)])
    f = features(words, roles, [0] * len(words), q, Candidate(0, 1, "PER"), (2, 6), 1, {1}, None)
    assert f["kind=PER"] == 1.0 and f["sentence_start"] == 1.0 and f["before"] == 1.0
    assert f["rule"] == 0.0 and f["names_person"] == 1.0 and f["cue_after"] == 1.0
    assert set(f) <= set(FEATURES)


def test_the_weights_decide_between_the_rule_pick_and_the_person() -> None:
    words, msg, roles, names = _sentence()
    (rules_only,) = assemble(words, msg, roles, [0], [], names)
    assert rules_only.speaker == (2, 6)  # the tagged chunk
    chooser = SpeakerChooser(weights={"sentence_start": 2.0, "names_person": 1.0})
    (learned,) = assemble(words, msg, roles, [0], [], names, chooser=chooser)
    assert learned.speaker == (0, 1)
    keep = SpeakerChooser(weights={"rule": 5.0, "sentence_start": 2.0})
    (kept,) = assemble(words, msg, roles, [0], [], names, chooser=keep)
    assert kept.speaker == (2, 6)


def test_direct_quotes_keep_the_rule_pick() -> None:
    # Müller kritisierte die Pläne der Stadt : „ viel zu teuer “ . (with ``als`` before the
    # message the rule of ``subject_not_object`` would take ``Müller`` itself)
    words = [
        "Müller",
        "kritisierte",
        "die",
        "Pläne",
        "der",
        "Stadt",
        ":",
        "„",
        "viel",
        "zu",
        "teuer",
        "“",
        ".",
    ]
    msg = ["O"] * 7 + ["B-DIR"] + ["I-DIR"] * 4 + ["O"]
    roles = ["O", "B-CUE", "B-SPK", "I-SPK", "I-SPK", "I-SPK"] + ["O"] * 7
    chooser = SpeakerChooser(weights={"sentence_start": 2.0, "names_person": 1.0})
    (quote,) = assemble(words, msg, roles, [0], [], [Chunk("PER", 0, 1)], chooser)
    assert quote.speaker == (2, 6)


def test_no_chooser_file_means_rules_only(tmp_path: Path) -> None:
    assert load_chooser(tmp_path / "speakers.json") is None
    (tmp_path / "speakers.json").write_text(json.dumps({"weights": {"rule": 1.5}}), encoding="utf-8")
    loaded = load_chooser(tmp_path / "speakers.json")
    assert loaded is not None and loaded.weights == {"rule": 1.5}


def test_packaged_chooser_knows_only_current_features() -> None:
    chooser = load_chooser(default_dir() / "speakers.json")
    assert chooser is not None
    assert set(chooser.weights) == set(FEATURES)
