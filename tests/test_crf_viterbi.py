"""The name tagger's own decoder must tag exactly as crfsuite does with the same model."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pycrfsuite
import pytest

from conftest import shared_path
from wortlaut.nlp.crf_file import model_attributes, read_weights
from wortlaut.nlp.crf_viterbi import ViewDecoder, viterbi
from wortlaut.nlp.ner_features import FeatureCache
from wortlaut.nlp.ner_tagger import default_model_path, shared_tagger

SENTENCES = [
    "NATO-Generalsekretär Jens Stoltenberg sagte in Brüssel , die Allianz werde ihre Ostflanke stärken .",
    "Die US-amerikanische Botschafterin bei der NATO , Julianne Smith , kündigte weitere Maßnahmen an .",
    "Berlin",
    "Der Xylofonbauer Quabbelwitz aus Oberzwickelhausen traf Angela Merkel .",
    "Laut Reuters will die Deutsche Bank AG in Frankfurt am Main 3000 Stellen streichen .",
    "Er kam .",
]


def test_weights_read_from_the_file_are_crfsuites() -> None:
    path = default_model_path()
    weights = read_weights(path)
    assert weights is not None
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    info = tagger.info()
    assert weights.labels == tagger.labels()
    label = {name: i for i, name in enumerate(weights.labels)}
    for (attr, lab), w in list(info.state_features.items())[:5000]:
        assert weights.state[weights.attributes[attr], label[lab]] == pytest.approx(
            w, abs=1e-6
        )  # info() parses a text dump with six decimals
    for (a, b), w in info.transitions.items():
        assert weights.transitions[label[a], label[b]] == pytest.approx(
            w, abs=1e-6
        )  # info() parses a text dump with six decimals
    assert set(weights.attributes) == model_attributes(path)


def test_decoder_tags_like_crfsuite() -> None:
    tagger = shared_tagger()
    sentences = [s.split() for s in SENTENCES]
    expected = [list(tagger.tagger.tag(tagger.features.sentence(s))) for s in sentences]
    assert tagger.decoder is not None
    assert tagger.decoder.tag(sentences) == expected
    assert any(t != "O" for tags in expected for t in tags)  # a test that could fail


def test_empty_sentences_keep_their_place() -> None:
    tagger = shared_tagger()
    assert tagger.decoder is not None
    tagged = tagger.decoder.tag([[], ["Angela", "Merkel", "kam", "."], []])
    assert tagged[0] == [] and tagged[2] == []
    assert tagged[1][:2] == ["B-PER", "I-PER"]
    assert tagger.decoder.tag([]) == []


def test_viterbi_finds_the_best_path_of_a_small_chain() -> None:
    # two labels; the transition 0 -> 1 is forbidden-ish, so the best path stays in one label
    transitions = np.array([[0.0, -10.0], [0.0, 0.0]])
    emissions = np.array([[1.0, 0.0], [0.0, 0.5], [2.0, 0.0], [0.0, 3.0]])
    paths = viterbi(emissions, np.array([2, 1, 1]), transitions)
    assert paths == [[0, 0], [0], [1]]


def test_unreadable_model_means_crfsuite_per_sentence(tmp_path: Path) -> None:
    bad = tmp_path / "bad.model"
    bad.write_bytes(b"lCRF" + b"\x00" * 60)
    assert read_weights(bad) is None
    assert read_weights(tmp_path / "missing.model") is None


def test_decoder_tags_real_news_like_crfsuite() -> None:
    path = shared_path("data", "news", "10kgnad-test.csv")
    from wortlaut.nlp.pipeline import build_pipeline

    tagger = shared_tagger()
    weights = read_weights(default_model_path())
    assert weights is not None
    decoder = ViewDecoder(weights, FeatureCache(tagger.features.lists, known=tagger.features.known))
    nlp = build_pipeline()
    lines = path.read_text(encoding="utf-8").splitlines()[:60]
    checked = 0
    for line in lines:
        text = line.partition(";")[2].strip("'")
        doc = nlp.get_pipe("sentencizer")(nlp.make_doc(text))
        sentences = [[t.text for t in s if not t.is_space] for s in doc.sents]
        expected = [tagger.tag(s) for s in sentences]
        assert decoder.tag(sentences) == expected
        checked += sum(map(len, sentences))
    assert checked > 10_000


def test_a_full_word_table_starts_over_and_still_tags_like_crfsuite() -> None:
    tagger = shared_tagger()
    weights = read_weights(default_model_path())
    assert weights is not None
    decoder = ViewDecoder(
        weights, FeatureCache(tagger.features.lists, known=tagger.features.known), max_words=12
    )
    for text in SENTENCES:  # each sentence has new words: the table is cleared again and again
        words = text.split()
        assert decoder.tag([words]) == [tagger.tag(words)]
    assert len(decoder._rows) <= 12 + max(len(s.split()) for s in SENTENCES)
