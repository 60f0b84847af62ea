"""Recall rules of issue 3 (fourth round): learned clause governors, attribution by the next
sentence (``Dies bestätigte …``), ``Wie X mitteilte, …``, source phrases around quoted names
and before long quotations, trailing attributions with appositions, and the cue checks that drop
indirect quotes without a real cue."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))

from wortlaut.nlp.quote_assemble import DraftQuote, attributed
from wortlaut.nlp.quote_sources import (
    clause_governors,
    find_anaphoric,
    find_as_reported,
    find_complements,
    find_in_sentence,
    find_sources,
    find_trailing,
    governor_cues,
    trim_governed,
)


def toks(text: str) -> list[str]:
    return text.split()


def _starts(words: list[str]) -> list[int]:
    return [0] + [i + 1 for i, w in enumerate(words[:-1]) if w in (".", "!", "?")]


def test_learned_governor_stems_let_a_verb_outside_the_cue_lexicon_govern_a_clause() -> None:
    words = toks("Die Stadtwerke haben versprochen , die Preise nicht zu erhöhen .")
    blank = ["O"] * len(words), [0], [0] * len(words)
    assert find_complements(words, *blank, frozenset({"sagte"})) == []
    (clause,) = find_complements(words, *blank, frozenset({"sagte"}), governors=frozenset({"versproch"}))
    assert words[slice(*clause)] == toks("die Preise nicht zu erhöhen")
    # every inflection of a learned stem counts, and the cue lexicon's stems still do
    forms = clause_governors(frozenset({"sagte"}), frozenset({"versproch"}))
    assert {"versprochen", "sagten", "sagte"} <= forms


def test_governor_learner_keeps_words_that_are_the_cue_of_the_clause_after_the_comma() -> None:
    import train_quotes

    def doc(text: str, cue: list[int], message: list[int] | None) -> dict[str, object]:
        words = toks(text)
        annotations = []
        if message is not None:
            annotations.append({"type": "Indirect", "quote": {"tokenIds": message}, "cue": {"tokenIds": cue}})
        return {
            "tokens": [{"text": w} for w in words],
            "sentences": [{"tokenIds": list(range(len(words)))}],
            "annotations": annotations,
        }

    said = "Die Polizei betonte am Abend , dass niemand verletzt sei ."
    tried = "Die Polizei versuchte am Abend , die Straße zu räumen ."
    docs = [doc(said, [2], list(range(6, 10)))] * 2 + [doc(tried, [], None)] * 2
    learned = train_quotes.learn_governors(docs, frozenset({"sei"}))
    assert "beton" in learned  # the cue of both clauses
    assert "versucht" not in learned and "polizei" not in learned  # never a cue


def test_statement_attributed_by_the_next_sentence_takes_the_demonstrative_along() -> None:
    words = toks("Der Verein steigt in die zweite Liga ab . Dies bestätigte der Präsident am Abend .")
    starts = _starts(words)
    blank = ["O"] * len(words)
    breaks = [False] * len(words)
    cues = frozenset({"bestätigte", "hatte"})
    assert find_anaphoric(words, blank, starts, breaks, [0] * len(words), cues) == [(0, 10)]
    # the tagger marked ``Dies`` alone: the statement before it is taken along
    msg = list(blank)
    msg[9] = "B-IND"
    assert find_anaphoric(words, msg, starts, breaks, [0] * len(words), cues) == [(0, 10)]
    # a new paragraph, an auxiliary, or a quotation before: no attribution
    breaks[9] = True
    assert find_anaphoric(words, blank, starts, breaks, [0] * len(words), cues) == []
    other = toks("Der Verein steigt in die zweite Liga ab . Das hatte der Präsident befürchtet .")
    assert find_anaphoric(other, blank, _starts(other), [False] * len(other), [0] * len(other), cues) == []
    quoted = [0] * len(words)
    quoted[3] = 1
    assert find_anaphoric(words, blank, starts, [False] * len(words), quoted, cues) == []


def test_wie_clause_attributes_the_main_clause_after_its_comma() -> None:
    words = toks("Wie ein Sprecher der Feuerwehr mitteilte , wurde niemand verletzt .")
    blank = ["O"] * len(words)
    (found,) = find_as_reported(words, blank, [0], [0] * len(words), frozenset({"mitteilte"}))
    assert [words[a:b] for a, b in found.message] == [toks("wurde niemand verletzt")]
    assert words[slice(*found.speaker)] == toks("ein Sprecher der Feuerwehr")
    assert words[slice(*found.cue)] == ["mitteilte"] and found.particle == (0, 1)
    # a comparison is no report: the verb before the comma is no cue
    words = toks("Wie im letzten Jahr üblich , wurde niemand verletzt .")
    assert find_as_reported(words, ["O"] * len(words), [0], [0] * len(words), frozenset({"mitteilte"})) == []


def test_source_phrase_may_name_its_source_in_quotation_marks() -> None:
    words = toks("Nach einem Bericht der „ Kieler Nachrichten “ wurde das Werk geschlossen .")
    quoted = [0] * len(words)
    for i in range(4, 8):
        quoted[i] = 1
    (found,) = find_sources(words, ["O"] * len(words), [0], quoted)
    assert words[slice(*found.speaker)] == toks("einem Bericht der „ Kieler Nachrichten “")
    assert [words[a:b] for a, b in found.message] == [toks("wurde das Werk geschlossen")]


def test_source_phrase_before_a_long_quotation_makes_a_paraphrase() -> None:
    words = toks(
        "Nach Angaben des Verlags bietet das Buch eine „ gründliche und sehr ausführliche "
        "Darstellung der ganzen langen Geschichte “ ."
    )
    start, end = 8, len(words) - 1  # the quotation marks
    quoted = [1 if start <= i < end else 0 for i in range(len(words))]
    msg = ["B-DIR" if i == start else "I-DIR" if start < i < end else "O" for i in range(len(words))]
    (found,) = find_sources(words, msg, [0], quoted)
    assert found.message == [(4, end)]
    # a long quotation before the source keeps its own speaker
    words = toks(
        "„ Wir werden alles tun , was wir können , um zu helfen “ , sagte laut Angaben der Polizei ein Mann ."
    )
    quoted = [1 if i < 13 else 0 for i in range(len(words))]
    msg = ["O"] * len(words)
    assert find_sources(words, msg, [0], quoted) == []


def test_trailing_attribution_with_an_apposition_and_an_adverb() -> None:
    words = toks("Der Umsatz sank um ein Drittel , teilte später der Chef der Firma , Hans Beispiel , mit .")
    found = find_trailing(words, 0, len(words))
    assert found is not None
    assert words[slice(*found.speaker)] == toks("der Chef der Firma , Hans Beispiel")
    assert found.particle == (len(words) - 2, len(words) - 1)
    # ``so dass`` and ``so wurde`` start a consequence, not an attribution
    for text in (
        "Die Straße war gesperrt , so dass viele Pendler zu spät kamen .",
        "Die Straße war gesperrt , so wurden viele Pendler aufgehalten .",
    ):
        words = toks(text)
        assert find_trailing(words, 0, len(words)) is None


def test_an_indirect_quote_needs_a_real_cue_or_a_speaker() -> None:
    words = toks("Die Firma hatte nach Angaben der Polizei zwei Lager . Er fuhr nach Moskau .")
    spk = (3, 8)
    assert attributed(DraftQuote(type="IND", spans=[(8, 10)], cue=[(3, 4)], speaker=(4, 8)), words)
    assert not attributed(DraftQuote(type="IND", spans=[(8, 10)], cue=[(2, 3)], speaker=spk), words)
    assert not attributed(DraftQuote(type="IND", spans=[(8, 10)], cue=[(2, 4)], speaker=spk), words)
    # ``nach`` alone is a cue only before a source noun
    assert not attributed(DraftQuote(type="IND", spans=[(11, 12)], cue=[(12, 13)], speaker=(13, 14)), words)
    assert not attributed(DraftQuote(type="IND", spans=[(11, 12)], cue=[(12, 13)]), words)
    assert attributed(DraftQuote(type="IND", spans=[(11, 12)], speaker=(11, 12)), words)
    assert not attributed(DraftQuote(type="IND", spans=[(11, 12)]), words)


def test_laut_after_a_verb_is_a_cue_when_a_noun_phrase_follows() -> None:
    words = toks("Anschließend sei laut dem Sprecher die Halle geräumt worden .")
    found = find_in_sentence(words, 0, len(words))
    assert found is not None and words[slice(*found.speaker)] == toks("dem Sprecher")
    assert [words[a:b] for a, b in found.message] == [
        ["Anschließend", "sei"],
        toks("die Halle geräumt worden"),
    ]
    words = toks("Dann wurde es laut , und die Halle wurde geräumt .")
    assert find_in_sentence(words, 0, len(words)) is None


def test_source_phrase_inside_a_subordinate_clause_attributes_that_clause() -> None:
    words = toks("Der Einsatz endete früh , weil die Lage nach Angaben der Polizei ruhig blieb .")
    found = find_in_sentence(words, 0, len(words))
    assert found is not None
    assert [words[a:b] for a, b in found.message] == [toks("weil die Lage"), toks("ruhig blieb")]


def test_statement_with_its_own_source_phrase_is_left_to_it() -> None:
    words = toks("Laut Polizei ist die Straße wieder frei . Dies bestätigte der Bürgermeister am Abend .")
    starts = _starts(words)
    blank = ["O"] * len(words)
    sources = find_sources(words, blank, starts, [0] * len(words))
    assert len(sources) == 1
    cues = frozenset({"bestätigte"})
    assert find_anaphoric(words, blank, starts, [False] * len(words), [0] * len(words), cues, sources) == []


def test_source_names_with_a_lower_case_particle_and_relative_clauses_after_a_preposition() -> None:
    words = toks("Die Anlage sei laut el-Baradei wieder in Betrieb .")
    found = find_in_sentence(words, 0, len(words))
    assert found is not None and words[slice(*found.speaker)] == ["el-Baradei"]
    words = toks(
        "Zwei Männer wurden verhaftet , unter denen nach Angaben der Polizei auch ein Minister sei , und später entlassen ."
    )
    found = find_in_sentence(words, 0, len(words))
    assert found is not None
    assert [words[a:b] for a, b in found.message] == [toks("unter denen"), toks("auch ein Minister sei")]


def test_a_tagged_sentence_loses_the_attribution_before_its_governed_clause() -> None:
    words = toks("Der Anwalt vertritt die Ansicht , sein Mandant habe nichts gewusst .")
    msg = ["B-IFI"] + ["I-IFI"] * (len(words) - 2) + ["O"]
    trim_governed(words, msg, [0], [0] * len(words), frozenset({"ansicht"}), frozenset({"habe"}))
    assert msg[:6] == ["O"] * 6
    assert msg[6] == "B-IND" and msg[-2] == "I-IND" and msg[-1] == "O"
    # without a governing word the tagger's message stays
    msg = ["B-IFI"] + ["I-IFI"] * (len(words) - 2) + ["O"]
    trim_governed(words, msg, [0], [0] * len(words), frozenset({"sagte"}), frozenset({"habe"}))
    assert msg[0] == "B-IFI"


def test_trailing_wie_clause_attributes_the_sentence_before_it() -> None:
    words = toks("Die Ware sei längst verkauft , wie ein Sprecher der Firma mitteilte .")
    (found,) = find_as_reported(words, ["O"] * len(words), [0], [0] * len(words), frozenset({"mitteilte"}))
    assert [words[a:b] for a, b in found.message] == [toks("Die Ware sei längst verkauft")]
    assert words[slice(*found.speaker)] == toks("ein Sprecher der Firma")
    # a comparison: the last word is no cue
    words = toks("Die Ware ist so teuer , wie man es erwartet hatte .")
    assert find_as_reported(words, ["O"] * len(words), [0], [0] * len(words), frozenset({"mitteilte"})) == []


def test_wie_clause_with_an_auxiliary_an_apposition_or_a_conjunction_before_it() -> None:
    cues = frozenset({"mitteilte", "bekanntgegeben"})
    for text, speaker in (
        ("Wie der Verband in der Nacht bekanntgegeben hat , fällt das Turnier aus .", "der Verband"),
        ("Wie der Sprecher , Hans Beispiel , mitteilte , fällt das Turnier aus .", "der Sprecher"),
        ("Denn wie die Polizei mitteilt , fällt das Turnier aus .", "die Polizei"),
    ):
        words = toks(text)
        (found,) = find_as_reported(words, ["O"] * len(words), [0], [0] * len(words), cues)
        assert [words[a:b] for a, b in found.message] == [toks("fällt das Turnier aus")]
        assert " ".join(words[slice(*found.speaker)]).startswith(speaker)


def test_the_governing_word_becomes_the_cue_when_the_role_tagger_found_none() -> None:
    words = toks("Die Stadtwerke haben versprochen , die Preise nicht zu erhöhen .")
    clauses = [(5, 10)]
    roles = ["O"] * len(words)
    governor_cues(words, roles, [0], clauses, frozenset(), frozenset({"versproch"}))
    assert roles[3] == "B-CUE" and roles.count("B-CUE") == 1
    # a cue the role tagger found is kept as it is
    roles = ["O", "O", "B-CUE", "O"] + ["O"] * (len(words) - 4)
    governor_cues(words, roles, [0], clauses, frozenset(), frozenset({"versproch"}))
    assert roles[3] == "O"


def test_a_trailing_attribution_is_no_quote_of_its_own() -> None:
    from wortlaut.article import Article
    from wortlaut.extract import extract

    # the project's own sample (samples/05_radio_elmenau.xml): the reported-verb rule labels the
    # last sentence as a whole, the trailing-attribution rule takes its clause
    text = (
        "„Heute ist ein guter Tag für Kellbach“, sagte Umweltministerin Annegret Vollmer nach der "
        "Abstimmung. Sie dankte den Helferinnen und Helfern, die im März die Deiche gesichert "
        "hatten. Die ersten Bescheide würden noch im April verschickt, kündigte Vollmer an."
    )
    quotes = extract(Article(id="t", text=text)).quotes
    last = [q for q in quotes if q.spans[0][0] >= text.index("Die ersten")]
    assert [(q.type, text[q.spans[0][0] : q.spans[-1][1]]) for q in last] == [
        ("indirect", "Die ersten Bescheide würden noch im April verschickt")
    ]
    assert last[0].cue is not None and last[0].cue.text.startswith("kündigte")
