"""The learned judge of quoted stretches: titles and names in quotation marks are no quotation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from wortlaut.article import Article
from wortlaut.extract import extract
from wortlaut.nlp.quote_features import view_from_tokens
from wortlaut.nlp.quote_marks import pair_marks
from wortlaut.nlp.quote_model import default_dir, load
from wortlaut.nlp.quote_stretches import (
    StretchJudge,
    load_judge,
    sentence_of,
    stretch_features,
    vetoed_stretches,
)

TOKENIZER = spacy.blank("de").tokenizer


def _stretches(text: str) -> tuple[list[str], list]:
    doc = TOKENIZER(text)
    view, _ = view_from_tokens([t.text for t in doc], [t.whitespace_ for t in doc])
    return view.words, [(q, view) for q in pair_marks(view.words, view.spaces_before, view.breaks)]


def _features(text: str, k: int = 0, paraphrase: bool = False) -> list[str]:
    words, found = _stretches(text)
    q, view = found[k]
    n = len(words)
    sentence = (sentence_of(q.start, view.sent_starts, n)[0], sentence_of(q.end - 1, view.sent_starts, n)[1])
    return stretch_features(words, q, sentence, frozenset({"sagte"}), False, paraphrase)


def test_features_name_the_clues_around_and_inside_a_stretch() -> None:
    spoken = _features("„Wir bleiben hier, bis es vorbei ist.“, sagte sie.")
    assert {"speaking", "last=.", "opens_sentence", "sentence_cue", "n12=,_sagte"} <= set(spoken)
    title = _features("Am Abend lief die Serie „In aller Ruhe“ im Fernsehen.")
    assert {"p1=serie", "p2=die", "firstcap=True", "last=w", "len=3-4", "shape=CCw"} <= set(title)
    assert "speaking" not in title and "sentence_cue" not in title
    listed = _features("Es liefen „Der Fluss“, „Die Brücke“ und „Das Tor“.", k=1)
    assert "listed_after_quote" in listed and "listed_before_quote" in listed
    assert "paraphrase" in _features("Er sagte, es sei ein „Fehler“ gewesen.", paraphrase=True)


def test_a_judge_vetoes_below_its_threshold() -> None:
    judge = StretchJudge(weights={"bias": 0.0, "p1=serie": -3.0, "speaking": 3.0}, veto_below=0.1)
    assert judge.vetoes(["bias", "p1=serie"])
    assert not judge.vetoes(["bias", "speaking"])
    assert not judge.vetoes(["bias"])  # 0.5: no veto


def test_a_model_without_a_judge_vetoes_nothing(tmp_path: Path) -> None:
    assert load_judge(tmp_path) is None
    words, found = _stretches("Am Abend lief die Serie „In aller Ruhe“ im Fernsehen.")
    quoted = [q for q, _ in found]
    assert (
        vetoed_stretches(None, words, quoted, [0], [False] * len(words), frozenset(), ["O"] * len(words))
        == set()
    )


def test_the_packaged_judge_is_trained_and_shipped() -> None:
    data = json.loads((default_dir() / "stretches.json").read_text(encoding="utf-8"))
    assert data["examples"] > 1000 and 0 < data["veto_below"] < 0.5
    assert load().judge is not None


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("Am Abend lief die Serie „In aller Ruhe“ im Fernsehen.", False),
        ("„Wir werden das Werk schließen, weil es sich für uns nicht mehr lohnt“, sagte der Sprecher.", True),
        ("Die Ministerin nannte den Bericht eine „grobe Verzerrung der Tatsachen“.", True),
    ],
)
def test_titles_are_no_direct_quotes_spoken_words_are(text: str, quoted: bool) -> None:
    quotes = extract(Article(id="t", text=text)).quotes
    assert any(q.type == "direct" for q in quotes) is quoted


@pytest.mark.parametrize("name", ["stretches.json", "speakers.json", "sentences.json"])
def test_a_damaged_optional_model_file_is_a_clear_model_error(tmp_path: Path, name: str) -> None:
    import shutil

    from wortlaut.errors import ModelError

    for f in default_dir().iterdir():
        if f.is_file():
            shutil.copy(f, tmp_path / f.name)
    (tmp_path / name).write_text('{"weights": ', encoding="utf-8")
    with pytest.raises(ModelError, match=str(tmp_path)):
        load(tmp_path)
