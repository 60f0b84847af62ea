"""Speed-ups that must not change a single output: dropping features a CRF model never saw.

crfsuite ignores attributes missing from its model, so the taggers filter them out once per
word type (see ``ner_tagger.model_attributes``). These tests check that the attribute set read
straight from the model file is the model's own, and that filtered features tag identically.
"""

from __future__ import annotations

from pathlib import Path

import pycrfsuite
import pytest

from wortlaut.nlp.ner_features import FeatureCache
from wortlaut.nlp.ner_tagger import model_attributes, shared_tagger
from wortlaut.nlp.quote_model import default_dir, shared_model

TRAIN = [
    (["Angela", "Merkel", "sagte", "in", "Berlin", "."], ["B-PER", "I-PER", "O", "O", "B-LOC", "O"]),
    (["Die", "Stadt", "München", "wächst", "."], ["O", "O", "B-LOC", "O", "O"]),
    (["Herr", "Müller", "kam", "aus", "Köln", "."], ["O", "B-PER", "O", "O", "B-LOC", "O"]),
]


def _feats(words: list[str]) -> list[list[str]]:
    return [
        ["w=" + w.lower(), "cap" if w[:1].isupper() else "low", "p=" + (words[i - 1] if i else "BOS")]
        for i, w in enumerate(words)
    ]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("crf") / "tiny.crfsuite"
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, labels in TRAIN:
        trainer.append(_feats(words), labels)
    trainer.set_params({"c1": 0.0, "c2": 0.01, "max_iterations": 30})
    trainer.train(str(path))
    return path


def _info_attributes(path: Path) -> set[str]:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return {attr for attr, _label in tagger.info().state_features}


def test_attributes_read_from_file_match_crfsuite(tiny_model: Path) -> None:
    known = model_attributes(tiny_model)
    assert known is not None
    assert known == _info_attributes(tiny_model)
    assert "w=münchen" in known and "w=hamburg" not in known


def test_packaged_quote_model_attributes_match_crfsuite() -> None:
    path = default_dir() / "roles.crfsuite"
    assert model_attributes(path) == _info_attributes(path)


def test_unreadable_file_means_no_filtering(tmp_path: Path) -> None:
    bad = tmp_path / "bad.crfsuite"
    bad.write_bytes(b"lCRF" + b"\x00" * 20)
    assert model_attributes(bad) is None
    assert model_attributes(tmp_path / "missing.crfsuite") is None


def test_filtered_features_tag_identically(tiny_model: Path) -> None:
    known = model_attributes(tiny_model)
    assert known is not None
    tagger = pycrfsuite.Tagger()
    tagger.open(str(tiny_model))
    words = ["Frau", "Schmidt", "sagte", "in", "Hamburg", "und", "Köln", "."]
    full = [[*f, "unbekannt", "x=" + w] for f, w in zip(_feats(words), words, strict=True)]
    kept = [[a for a in f if a in known] for f in full]
    assert sum(map(len, kept)) < sum(map(len, full))
    labels = tagger.tag(kept)
    p_kept = tagger.probability(labels)
    assert tagger.tag(full) == labels
    assert tagger.probability(labels) == p_kept  # the very same scores, not just the same path


def test_ner_tagger_filters_and_tags_like_the_full_features() -> None:
    tagger = shared_tagger()
    assert tagger.features.known is not None
    full = FeatureCache(tagger.features.lists)
    words = [
        "Der",
        "Xylofonbauer",
        "Quabbelwitz",
        "aus",
        "Oberzwickelhausen",
        "traf",
        "Angela",
        "Merkel",
        "in",
        "Berlin",
        ".",
    ]
    filtered = tagger.features.sentence(words)
    unfiltered = full.sentence(words)
    assert sum(map(len, filtered)) < sum(map(len, unfiltered))
    assert tagger.tag(words) == list(tagger.tagger.tag(unfiltered))


def test_quote_lexicons_know_both_models() -> None:
    known = shared_model().lexicons.known
    assert known is not None
    message = model_attributes(default_dir() / "message.crfsuite")
    roles = model_attributes(default_dir() / "roles.crfsuite")
    assert message is not None and roles is not None
    assert known == message | roles
    assert len(known) < len(message) + len(roles)  # they share attributes: a union, not either
