"""Rules for attribution the taggers miss: source phrases, reported speech acts, continued reports."""

from __future__ import annotations

from wortlaut.nlp.quote_sources import (
    apply_reported,
    apply_sources,
    continue_reports,
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
    found = find_reported(words, msg, [0, 7], [0] * len(words), frozenset({"kündigte"}))
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
