"""The word-class lexicon built from Universal Dependencies (``training/build_poslex.py``)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))

from build_poslex import build, coarse_class, read_lexicon, word_class, write_gz  # noqa: E402


def test_finite_verbs_are_told_apart_from_infinitives_and_auxiliaries() -> None:
    assert coarse_class("VERB", "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin") == "VFIN"
    assert coarse_class("VERB", "Mood=Ind|Number=Sing|Person=3|Tense=Past") == "VFIN"  # PUD style
    assert coarse_class("AUX", "Mood=Ind|VerbForm=Fin") == "AFIN"
    assert coarse_class("VERB", "VerbForm=Inf") == "VINF"
    assert coarse_class("DET", "Definite=Def|PronType=Art") == "ART"
    assert coarse_class("PUNCT", "_") is None


def test_lexicon_keeps_function_words_and_blocks_noun_homographs() -> None:
    sents = [
        [("Die", "ART"), ("Stadt", "N"), ("Essen", "N"), ("liegt", "VFIN"), ("an", "ADP"), ("der", "ART")],
        [("Wir", "PRON"), ("essen", "VINF"), ("mit", "ADP"), ("ihr", "PRON")],
    ]
    words, _ = build(sents)
    assert words["die"] == "ART" and words["liegt"] == "VFIN" and words["mit"] == "ADP"
    assert words["Essen"] == "N" and words["essen"] == "VINF"
    assert "stadt" not in words and "Stadt" not in words  # nouns are left to other evidence


def test_word_class_lookup_order(tmp_path: Path) -> None:
    path = tmp_path / "lex.tsv.gz"
    write_gz(path, ["w\tmusste\tAFIN", "w\tdie\tART", "w\tEssen\tN", "w\tessen\tVINF", "s\tete\tVFIN"])
    words, suffixes = read_lexicon(path)
    assert word_class("musste", words, suffixes) == "AFIN"
    assert word_class("Die", words, suffixes) == "ART"  # sentence-initial capital: the lower-case form
    assert word_class("Essen", words, suffixes) == "N"  # not the verb
    assert word_class("startete", words, suffixes) == "gVFIN"  # unseen: the ending's guess
    assert word_class("Halmich", words, suffixes) is None
