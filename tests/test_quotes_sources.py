"""Rules for attribution the taggers miss: source phrases, reported speech acts, continued reports."""

from __future__ import annotations

from wortlaut.nlp.quote_features import stem
from wortlaut.nlp.quote_sources import (
    apply_complements,
    apply_free_indirect,
    apply_reported,
    apply_sources,
    continue_reports,
    find_complements,
    find_free_indirect,
    find_in_sentence,
    find_reported,
    find_sources,
)


def toks(text: str) -> list[str]:
    return text.split()


def test_nach_angaben_at_the_start_attributes_the_rest_of_the_sentence() -> None:
    words = toks("Nach Angaben der New York Times dauerte der Einsatz drei Stunden .")
    found = find_in_sentence(words, 0, len(words))
    assert found is not None
    assert found.cue == (0, 1)
    assert words[slice(*found.speaker)] == toks("Angaben der New York Times")
    assert [words[a:b] for a, b in found.message] == [toks("dauerte der Einsatz drei Stunden")]


def test_source_phrase_in_the_middle_splits_the_message() -> None:
    words = toks("Ein Tatverdacht bestehe nach Angaben der Bundesanwaltschaft nicht mehr .")
    found = find_in_sentence(words, 0, len(words))
    assert found is not None
    assert [words[a:b] for a, b in found.message] == [toks("Ein Tatverdacht bestehe"), toks("nicht mehr")]
    assert words[slice(*found.speaker)] == toks("Angaben der Bundesanwaltschaft")


def test_zufolge_takes_the_noun_phrase_before_it_but_not_the_verb() -> None:
    words = toks("Am Samstag starben behördlichen Angaben zufolge zehn Menschen .")
    found = find_in_sentence(words, 0, len(words))
    assert found is not None
    assert words[slice(*found.speaker)] == toks("behördlichen Angaben")
    assert found.cue == (5, 6)


def test_noun_phrase_stops_at_the_verb_and_at_a_new_object() -> None:
    words = toks("Nach Informationen vom späten Abend wurden 31 Personen verletzt .")
    found = find_in_sentence(words, 0, len(words))
    assert found is not None and words[slice(*found.speaker)] == toks("Informationen vom späten Abend")


def test_ordinary_nach_and_laut_are_no_cues() -> None:
    for text in ("Nach dem Spiel fuhren die Fans nach Hause .", "Die Menge schrie laut und lange ."):
        words = toks(text)
        assert find_in_sentence(words, 0, len(words)) is None


def test_sources_fill_message_and_role_labels_but_respect_tagged_sentences() -> None:
    words = toks("Laut Polizei gab es zwei Verletzte . Er sagte , es sei ruhig .")
    msg = ["O"] * len(words)
    quoted = [0] * len(words)
    sources = find_sources(words, msg, [0, 7], quoted)
    assert len(sources) == 1
    roles = ["O"] * len(words)
    apply_sources(msg, roles, sources)
    assert msg[:7] == ["O", "O", "B-IND", "I-IND", "I-IND", "I-IND", "O"]
    assert roles[:2] == ["B-CUE", "B-SPK"]
    # a sentence the tagger labelled with another type is left alone
    other = ["B-REP"] + ["I-REP"] * 6 + ["O"] * (len(words) - 7)
    assert find_sources(words, other, [0, 7], quoted) == []


def test_reported_speech_act_is_the_whole_sentence() -> None:
    words = toks("Die Botschafterin kündigte weitere Maßnahmen an . Was nun ?")
    msg = ["O"] * len(words)
    found = find_reported(words, msg, [0, 7], [0] * len(words), frozenset({"kündig"}))
    assert found == [(0, 7)]
    apply_reported(msg, found)
    assert msg[0] == "B-REP" and msg[6] == "I-REP" and msg[7] == "O"
    assert find_reported(words, ["O"] * len(words), [0, 7], [0] * len(words), frozenset()) == []


def test_subjunctive_sentence_after_reported_speech_continues_it() -> None:
    words = toks("Er sagte , es sei ruhig . Viele von ihnen seien im Einsatz . Das Wetter ist gut .")
    msg = ["O"] * len(words)
    for i in range(3, 6):
        msg[i] = "B-IND" if i == 3 else "I-IND"
    continue_reports(words, msg, [0, 7, 14], [0] * len(words), frozenset({"sei", "seien"}))
    assert msg[7] == "B-IFI" and msg[13] == "I-IFI"
    assert set(msg[14:]) == {"O"}  # no subjunctive: the report has ended


def test_trailing_attribution_after_a_comma() -> None:
    words = toks("Im Bundesstaat wurden 500 Gebäude beschädigt , teilte Gouverneur Ángel Aguirre mit .")
    (found,) = find_sources(words, ["O"] * len(words), [0], [0] * len(words))
    assert [words[a:b] for a, b in found.message] == [toks("Im Bundesstaat wurden 500 Gebäude beschädigt")]
    assert words[slice(*found.speaker)] == toks("Gouverneur Ángel Aguirre")
    assert found.cue == (7, 8) and found.particle == (11, 12)
    # a comma before an ordinary verb is no attribution
    words = toks("Es regnete lange , schien dann aber die Sonne .")
    assert find_sources(words, ["O"] * len(words), [0], [0] * len(words)) == []


def test_reported_verbs_match_by_stem_in_any_inflection() -> None:
    assert stem("kündigte") == stem("kündigten") == stem("kündigen") == "kündig"
    assert stem("warnt") == stem("warnte") == "warn"
    assert stem("soll") == "soll"  # too short to cut
    words = toks("Die Gewerkschaften warnen vor einem langen Streik .")
    found = find_reported(words, ["O"] * len(words), [0], [0] * len(words), frozenset({"warn"}))
    assert found == [(0, 8)]
    # a capitalised noun of the same stem is no verb
    words = toks("Die Warnung kam zu spät für alle .")
    assert find_reported(words, ["O"] * len(words), [0], [0] * len(words), frozenset({"warn"})) == []


def _doc(text: str) -> tuple[list[str], list[int]]:
    words = toks(text)
    starts = [0] + [i + 1 for i, w in enumerate(words[:-1]) if w in (".", "!", "?")]
    return words, starts


def test_sollen_sentence_after_a_message_is_free_indirect() -> None:
    words, starts = _doc(
        "Smith sagte , man werde handeln . Es geht um eine Linie . "
        "Im Osten sollen mehr Truppen stationiert werden . Im Osten sollen Wahlen stattfinden ."
    )
    msg = ["O"] * len(words)
    for i in range(3, 6):
        msg[i] = "B-IND" if i == 3 else "I-IND"
    breaks = [False] * len(words)
    found = find_free_indirect(words, msg, starts, breaks, [0] * len(words))
    # the third sentence, two after the message; the fourth continues the report it starts
    assert found == [(starts[2], starts[3]), (starts[3], len(words))]
    apply_free_indirect(msg, found)
    assert msg[starts[2]] == "B-FI" and msg[-1] == "I-FI"


def test_sollen_sentence_without_a_message_close_before_is_no_report() -> None:
    words, starts = _doc(
        "Smith sagte , man werde handeln . Im Osten sollen mehr Truppen stationiert werden ."
    )
    msg = ["O"] * len(words)
    for i in range(3, 6):
        msg[i] = "B-IND" if i == 3 else "I-IND"
    breaks = [False] * len(words)
    breaks[starts[1]] = True  # a new paragraph: the report has ended
    assert find_free_indirect(words, msg, starts, breaks, [0] * len(words)) == []
    # no message at all
    assert find_free_indirect(words, ["O"] * len(words), starts, [False] * len(words), [0] * len(words)) == []


def test_clause_governed_by_a_speech_verb_is_indirect() -> None:
    cues = frozenset({"forderte", "bestritt", "sagte", "so"})
    words = toks("Die Gewerkschaft forderte den Konzern auf , den Lohn aller Mitarbeiter zu erhöhen .")
    (clause,) = find_complements(words, ["O"] * len(words), [0], [0] * len(words), cues)
    assert words[slice(*clause)] == toks("den Lohn aller Mitarbeiter zu erhöhen")
    msg = ["O"] * len(words)
    apply_complements(msg, [clause])
    assert msg[clause[0]] == "B-IND" and msg[clause[1] - 1] == "I-IND" and msg[-1] == "O"
    # an infinitive clause followed by a relative clause: all of it is the message
    words = toks(
        "Die Männer werden beschuldigt , Mitglieder einer Gruppe zu sein , welche Anschläge plante ."
    )
    (clause,) = find_complements(words, ["O"] * len(words), [0], [0] * len(words), frozenset({"beschuldigt"}))
    assert words[slice(*clause)] == toks("Mitglieder einer Gruppe zu sein , welche Anschläge plante")
    words = toks("Der Minister bestritt , dass es Absprachen gegeben habe .")
    (clause,) = find_complements(words, ["O"] * len(words), [0], [0] * len(words), cues)
    assert words[slice(*clause)] == toks("dass es Absprachen gegeben habe")
    subj = frozenset({"werde"})
    words = toks("Der Minister sagte am Montag , man werde die Lage prüfen .")
    (clause,) = find_complements(words, ["O"] * len(words), [0], [0] * len(words), cues, subjunctive=subj)
    assert words[slice(*clause)] == toks("man werde die Lage prüfen")


def test_no_clause_after_a_non_verb_cue_or_an_ordinary_verb() -> None:
    cues = frozenset({"forderte", "so"})
    for text in (
        "Es war so , dass niemand kam .",  # ``so`` introduces no clause
        "Er ging nach Hause , um zu schlafen .",  # no cue
        "Er forderte mehr Geld , weil alles teurer wird .",  # neither dass nor an infinitive
        "Er forderte mehr Geld , um die Miete zu zahlen .",  # a purpose, not what he demanded
    ):
        words = toks(text)
        assert find_complements(words, ["O"] * len(words), [0], [0] * len(words), cues) == []


def test_a_direct_quote_opening_the_sentence_keeps_its_speaker_against_laut() -> None:
    words = toks("„ Wir bleiben hier “ , sagte der Demonstrationsleiter laut ndr.de .")
    quoted = [1, 1, 1, 1, 1] + [0] * (len(words) - 5)
    msg = ["O", "B-DIR", "I-DIR", "I-DIR", "O"] + ["O"] * (len(words) - 5)
    assert find_sources(words, msg, [0], quoted) == []
    # a short quoted word inside reported text still lets the source attribute the sentence
    words = toks("Laut Polizei war die Lage „ ruhig “ .")
    quoted = [0, 0, 0, 0, 0, 1, 1, 1, 0]
    msg = ["O"] * 6 + ["B-DIR"] + ["O"] * 2
    assert len(find_sources(words, msg, [0], quoted)) == 1
