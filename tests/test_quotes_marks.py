"""Quotation-mark pairing in every German style."""

from __future__ import annotations

import spacy

from wortlaut.nlp.quote_features import split_sentences, view_from_tokens
from wortlaut.nlp.quote_marks import pair_marks, quote_state

NLP = spacy.blank("de")


def quoted_texts(text: str) -> list[str]:
    doc = NLP.make_doc(text)
    view, _ = view_from_tokens([t.text for t in doc], [t.whitespace_ for t in doc])
    pairs = pair_marks(view.words, view.spaces_before, view.breaks)
    return [" ".join(view.words[q.start : q.end]) for q in pairs]


def test_german_low_high_quotes_pair() -> None:
    assert quoted_texts("Er sagte: „Wir kommen.“ Dann ging er.") == ["„ Wir kommen . “"]


def test_guillemets_pair_in_both_directions() -> None:
    assert quoted_texts("»Ja«, sagte sie. «Nein», sagte er.") == ["» Ja «", "« Nein »"]


def test_straight_double_quotes_alternate() -> None:
    assert quoted_texts('"Eins", so Smith, "zwei".') == ['" Eins "', '" zwei "']


def test_single_quotes_nest_inside_double_quotes() -> None:
    found = quoted_texts("„Er nannte es ‚Unsinn‘, sagte sie.“")
    assert "‚ Unsinn ‘" in found
    assert found[0].startswith("„ Er nannte")


def test_apostrophe_in_a_word_is_not_a_quote() -> None:
    assert quoted_texts("Das ist Müller's Laden, geht's noch?") == []


def test_unclosed_mark_is_dropped_at_paragraph_break() -> None:
    assert quoted_texts("„Das bleibt offen.\n\nNeuer Absatz „mit Zitat“.") == ["„ mit Zitat “"]


def test_quote_state_marks_inside_and_nested() -> None:
    words = ["„", "a", "‚", "b", "‘", "“", "c"]
    pairs = pair_marks(words, [True] * 7, [False] * 7)
    assert quote_state(len(words), pairs) == [1, 2, 3, 3, 3, 1, 0]


def test_sentences_split_after_closing_quote() -> None:
    words = ["Er", "sagte", ":", "„", "Ja", ".", "“", "Dann", "ging", "er", "."]
    assert split_sentences(words, [False] * len(words)) == [0, 7]
