"""The quotation taggers' token features: what a token carries, and that the packaged models
were trained on the features the code builds today."""

from __future__ import annotations

import re

import spacy

from wortlaut.nlp.crf_file import model_attributes
from wortlaut.nlp.quote_features import DocView, Lexicons, doc_features, view_from_tokens
from wortlaut.nlp.quote_marks import pair_marks
from wortlaut.nlp.quote_model import default_dir

TEXT = (
    "Der Minister sagte am Montag: „Wir werden die Steuern nicht erhöhen.“\n"
    "Die Opposition kritisierte, die Regierung habe das Land belogen. Anna Weber widersprach."
)
LEX = Lexicons(
    cues=frozenset({"sagte", "kritisierte"}), subjunctive=frozenset({"habe"}), first_names=frozenset({"Anna"})
)


def view() -> DocView:
    doc = spacy.blank("de").make_doc(TEXT)
    v, _ = view_from_tokens([t.text for t in doc], [t.whitespace_ for t in doc])
    return v


def features() -> tuple[list[str], list[list[str]]]:
    v = view()
    return v.words, doc_features(v, pair_marks(v.words, v.spaces_before, v.breaks), LEX)


def row(words: list[str], feats: list[list[str]], word: str) -> list[str]:
    return feats[words.index(word)]


def test_quoted_words_carry_the_quote_state_and_its_length() -> None:
    words, feats = features()
    inside = row(words, feats, "Steuern")
    outside = row(words, feats, "Montag")
    assert "q=0" in outside and "ql=0" in outside
    assert not any(f in inside for f in ("q=0", "ql=0"))
    assert any(f.startswith("ql=") for f in inside)
    assert "w=<open>" in row(words, feats, "„")


def test_cue_neighbours_sentence_facts_and_first_names() -> None:
    words, feats = features()
    assert "cue" in row(words, feats, "sagte")
    assert "cue-1" in row(words, feats, "am") and "cue-2" in row(words, feats, "Montag")
    assert "cue+1" in row(words, feats, "Minister")
    # subjunctive (1), cue (1), no quote (0), no modal (0), no colon (0); previous sentence: cue + quote
    assert "S=11000" in row(words, feats, "Regierung") and "P=011" in row(words, feats, "Regierung")
    assert "fn-1" in row(words, feats, "Weber")
    assert "par" in row(words, feats, "Die") and "bos" in row(words, feats, "Die")


def template(attribute: str) -> str:
    """``w=Haus`` -> ``w=``, ``cue-1`` -> ``cue-1``: the template an attribute comes from."""
    return attribute.split("=", 1)[0] + "=" if "=" in attribute else attribute


def test_packaged_models_know_every_dense_template_the_code_builds() -> None:
    """A feature template renamed or added without retraining would be silently ignored by
    crfsuite (unknown attributes weigh nothing); this catches it."""
    known = (model_attributes(default_dir() / "message.crfsuite") or set()) | (
        model_attributes(default_dir() / "roles.crfsuite") or set()
    )
    assert known, "cannot read the packaged quote models' attributes"
    known_templates = {template(a) for a in known}
    _, feats = features()
    built = {template(a) for r in feats for a in r}
    assert built <= known_templates, sorted(built - known_templates)
    # and the quote-state features the code builds are the model's exact strings
    assert {a for r in feats for a in r if re.fullmatch(r"q[l+-]?1?=\d", a)} <= known
